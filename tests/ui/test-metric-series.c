/* test-metric-series.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "beacon-metric-series.h"

/* BeaconMetricSeries is plain GObject logic, so these tests need no display: g_test_init, not
 * gtk_test_init, and nothing here is skipped on a headless machine. */

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
assert_point (BeaconMetricSeries *series,
              guint               i,
              double              expected_t,
              double              expected_v)
{
  double t = -1.0;
  double v = -1.0;

  beacon_metric_series_get_point (series, i, &t, &v);
  g_assert_cmpfloat (t, ==, expected_t);
  g_assert_cmpfloat (v, ==, expected_v);
}

static void
test_defaults (void)
{
  BeaconMetricSeries *series = g_object_new (BEACON_TYPE_METRIC_SERIES, NULL);
  BeaconMetricSeries *small = beacon_metric_series_new (16);
  double value = 42.0;
  double window = 0.0;
  double min_ceiling = 0.0;
  double max_value = 0.0;
  guint capacity = 0;
  guint n_points = G_MAXUINT;

  g_assert_cmpuint (beacon_metric_series_get_capacity (series), ==, 300);
  g_assert_cmpfloat (beacon_metric_series_get_window (series), ==, 60.0);
  g_assert_cmpfloat (beacon_metric_series_get_min_ceiling (series), ==, 1.0);
  g_assert_cmpuint (beacon_metric_series_get_n_points (series), ==, 0);
  g_assert_cmpfloat (beacon_metric_series_get_max_value (series), ==, 1.0);
  g_assert_false (beacon_metric_series_get_latest (series, &value));
  g_assert_cmpfloat (value, ==, 42.0);

  /* The same through get_property, which must go through the getters. */
  g_object_get (series,
                "capacity", &capacity,
                "window", &window,
                "min-ceiling", &min_ceiling,
                "n-points", &n_points,
                "max-value", &max_value,
                NULL);
  g_assert_cmpuint (capacity, ==, 300);
  g_assert_cmpfloat (window, ==, 60.0);
  g_assert_cmpfloat (min_ceiling, ==, 1.0);
  g_assert_cmpuint (n_points, ==, 0);
  g_assert_cmpfloat (max_value, ==, 1.0);

  g_assert_cmpuint (beacon_metric_series_get_capacity (small), ==, 16);

  g_assert_finalize_object (small);
  g_assert_finalize_object (series);
}

static void
test_normalisation (void)
{
  BeaconMetricSeries *series = beacon_metric_series_new (300);
  double t = -1.0;
  double v = -1.0;

  /* Window 60 s ending at 160: [100, 160]; ceiling 10. */
  beacon_metric_series_append (series, 100.0, 0.0);
  beacon_metric_series_append (series, 130.0, 5.0);
  beacon_metric_series_append (series, 145.0, 7.5);
  beacon_metric_series_append (series, 160.0, 10.0);

  g_assert_cmpuint (beacon_metric_series_get_n_points (series), ==, 4);
  g_assert_cmpfloat (beacon_metric_series_get_max_value (series), ==, 10.0);
  assert_point (series, 0, 0.0, 0.0);
  assert_point (series, 1, 0.5, 0.5);
  assert_point (series, 2, 0.75, 0.75);
  assert_point (series, 3, 1.0, 1.0);

  /* A value below the ceiling scales against the nice ceiling, not against itself. */
  beacon_metric_series_append (series, 190.0, 2.5);
  g_assert_cmpfloat (beacon_metric_series_get_max_value (series), ==, 10.0);
  g_assert_cmpuint (beacon_metric_series_get_n_points (series), ==, 4);
  assert_point (series, 0, 0.0, 0.5);     /* 130 is now the window's left edge */
  assert_point (series, 3, 1.0, 0.25);

  /* A negative glitch is drawn on the axis, never below 0. */
  beacon_metric_series_append (series, 205.0, -3.0);
  g_assert_cmpuint (beacon_metric_series_get_n_points (series), ==, 4);
  assert_point (series, 2, 0.75, 0.25);
  assert_point (series, 3, 1.0, 0.0);

  /* Either output may be NULL. */
  beacon_metric_series_get_point (series, 0, &t, NULL);
  g_assert_cmpfloat (t, ==, 0.0);
  beacon_metric_series_get_point (series, 0, NULL, &v);
  g_assert_cmpfloat (v, ==, 0.75);

  g_assert_finalize_object (series);
}

static void
test_window_trim (void)
{
  BeaconMetricSeries *series = beacon_metric_series_new (300);
  guint window_notifies = 0;
  guint n_points_notifies = 0;
  guint changed = 0;

  beacon_metric_series_set_window (series, 10.0);
  for (guint i = 0; i <= 20; i++)
    beacon_metric_series_append (series, i, 1.0);

  /* Only 10..20 are inside [newest - 10, newest]. */
  g_assert_cmpuint (beacon_metric_series_get_n_points (series), ==, 11);
  for (guint i = 0; i < 11; i++)
    assert_point (series, i, i / 10.0, 1.0);

  g_signal_connect (series, "notify::window", G_CALLBACK (count_notify_cb), &window_notifies);
  g_signal_connect (series, "notify::n-points", G_CALLBACK (count_notify_cb),
                    &n_points_notifies);
  g_signal_connect (series, "changed", G_CALLBACK (count_cb), &changed);

  beacon_metric_series_set_window (series, 5.0);
  g_assert_cmpuint (window_notifies, ==, 1);
  g_assert_cmpuint (n_points_notifies, ==, 1);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpfloat (beacon_metric_series_get_window (series), ==, 5.0);
  g_assert_cmpuint (beacon_metric_series_get_n_points (series), ==, 6);
  for (guint i = 0; i < 6; i++)
    assert_point (series, i, i / 5.0, 1.0);

  /* Samples outside the window stay in the ring, so widening brings them back. */
  g_object_set (series, "window", 100.0, NULL);
  g_assert_cmpuint (window_notifies, ==, 2);
  g_assert_cmpuint (n_points_notifies, ==, 2);
  g_assert_cmpuint (beacon_metric_series_get_n_points (series), ==, 21);
  assert_point (series, 0, 0.8, 1.0);
  assert_point (series, 20, 1.0, 1.0);

  g_assert_finalize_object (series);
}

static void
test_window_ceiling (void)
{
  BeaconMetricSeries *series = beacon_metric_series_new (300);
  guint max_value_notifies = 0;

  beacon_metric_series_set_window (series, 10.0);
  g_signal_connect (series, "notify::max-value", G_CALLBACK (count_notify_cb),
                    &max_value_notifies);

  beacon_metric_series_append (series, 0.0, 100.0);
  g_assert_cmpfloat (beacon_metric_series_get_max_value (series), ==, 100.0);
  g_assert_cmpuint (max_value_notifies, ==, 1);

  beacon_metric_series_append (series, 10.0, 3.0);
  g_assert_cmpfloat (beacon_metric_series_get_max_value (series), ==, 100.0);
  g_assert_cmpuint (max_value_notifies, ==, 1);

  /* The peak leaves the window, so the ceiling drops to fit what is left. */
  beacon_metric_series_append (series, 10.5, 3.0);
  g_assert_cmpuint (beacon_metric_series_get_n_points (series), ==, 2);
  g_assert_cmpfloat (beacon_metric_series_get_max_value (series), ==, 5.0);
  g_assert_cmpuint (max_value_notifies, ==, 2);
  assert_point (series, 0, 0.95, 0.6);
  assert_point (series, 1, 1.0, 0.6);

  g_assert_finalize_object (series);
}

static void
test_ring_wrap (void)
{
  const guint capacity = 8;
  BeaconMetricSeries *series = beacon_metric_series_new (capacity);
  double previous_t = -1.0;
  double latest = 0.0;

  beacon_metric_series_set_window (series, 1000.0);

  for (guint i = 0; i < 3 * capacity; i++)
    {
      beacon_metric_series_append (series, i, i);
      g_assert_cmpuint (beacon_metric_series_get_n_points (series), ==, MIN (i + 1, capacity));
    }

  g_assert_cmpuint (beacon_metric_series_get_capacity (series), ==, capacity);
  g_assert_cmpuint (beacon_metric_series_get_n_points (series), ==, capacity);
  g_assert_cmpfloat (beacon_metric_series_get_max_value (series), ==, 25.0);
  g_assert_true (beacon_metric_series_get_latest (series, &latest));
  g_assert_cmpfloat (latest, ==, 3 * capacity - 1);

  /* The newest `capacity` samples, 16..23, oldest first. */
  for (guint i = 0; i < capacity; i++)
    {
      double sample = 2 * capacity + i;
      double t;
      double v;

      beacon_metric_series_get_point (series, i, &t, &v);
      g_assert_cmpfloat (t, ==, (1000.0 - (3 * capacity - 1 - sample)) / 1000.0);
      g_assert_cmpfloat (v, ==, sample / 25.0);
      g_assert_cmpfloat (t, >, previous_t);
      previous_t = t;
    }

  g_assert_finalize_object (series);
}

static void
test_nice_ceiling (void)
{
  static const struct
  {
    double largest;
    double ceiling;
  } table[] = {
    { 0.0, 1.0 },   /* min-ceiling */
    { 0.7, 1.0 },
    { 1.0, 1.0 },
    { 1.2, 2.0 },
    { 2.0, 2.0 },
    { 2.2, 2.5 },
    { 2.5, 2.5 },
    { 3.0, 5.0 },
    { 5.0, 5.0 },
    { 7.0, 10.0 },
    { 10.0, 10.0 },
    { 12.0, 20.0 },
    { 1234.0, 2000.0 },
    { 2.5e6, 2.5e6 },
    { 2.6e6, 5e6 },
    { 9.99e9, 1e10 },
  }, small_table[] = {
    { 0.0, 1e-3 },  /* min-ceiling */
    { 7e-4, 1e-3 },
    { 3e-3, 5e-3 },
    { 0.05, 0.05 },
    { 0.07, 0.1 },
    { 0.12, 0.2 },
    { 0.22, 0.25 },
    { 0.5, 0.5 },
    { 0.7, 1.0 },
  };
  BeaconMetricSeries *series = beacon_metric_series_new (300);

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      beacon_metric_series_clear (series);
      beacon_metric_series_append (series, 0.0, table[i].largest);
      g_assert_cmpfloat (beacon_metric_series_get_max_value (series), ==, table[i].ceiling);
    }

  beacon_metric_series_set_min_ceiling (series, 1e-3);
  for (guint i = 0; i < G_N_ELEMENTS (small_table); i++)
    {
      beacon_metric_series_clear (series);
      beacon_metric_series_append (series, 0.0, small_table[i].largest);
      g_assert_cmpfloat (beacon_metric_series_get_max_value (series), ==, small_table[i].ceiling);
    }

  /* The ceiling follows the largest value in the window, not the newest. */
  beacon_metric_series_set_min_ceiling (series, 1.0);
  beacon_metric_series_clear (series);
  beacon_metric_series_append (series, 0.0, 3.0);
  beacon_metric_series_append (series, 1.0, 7.0);
  beacon_metric_series_append (series, 2.0, 2.0);
  g_assert_cmpfloat (beacon_metric_series_get_max_value (series), ==, 10.0);

  /* All-negative data still gets a range. */
  beacon_metric_series_clear (series);
  beacon_metric_series_append (series, 0.0, -5.0);
  g_assert_cmpfloat (beacon_metric_series_get_max_value (series), ==, 1.0);

  g_assert_finalize_object (series);
}

static void
test_min_ceiling (void)
{
  BeaconMetricSeries *series = beacon_metric_series_new (300);
  guint min_ceiling_notifies = 0;
  guint max_value_notifies = 0;
  guint changed = 0;

  beacon_metric_series_append (series, 0.0, 12.0);
  g_assert_cmpfloat (beacon_metric_series_get_max_value (series), ==, 20.0);

  g_signal_connect (series, "notify::min-ceiling", G_CALLBACK (count_notify_cb),
                    &min_ceiling_notifies);
  g_signal_connect (series, "notify::max-value", G_CALLBACK (count_notify_cb),
                    &max_value_notifies);
  g_signal_connect (series, "changed", G_CALLBACK (count_cb), &changed);

  /* Above the data: the floor wins, as is, without rounding to a nice value. */
  beacon_metric_series_set_min_ceiling (series, 30.0);
  g_assert_cmpfloat (beacon_metric_series_get_max_value (series), ==, 30.0);
  g_assert_cmpuint (min_ceiling_notifies, ==, 1);
  g_assert_cmpuint (max_value_notifies, ==, 1);
  g_assert_cmpuint (changed, ==, 1);

  g_object_set (series, "min-ceiling", 30.0, NULL);
  g_assert_cmpuint (min_ceiling_notifies, ==, 1);

  /* Back below the data: the nice ceiling returns. */
  beacon_metric_series_set_min_ceiling (series, 10.0);
  g_assert_cmpfloat (beacon_metric_series_get_max_value (series), ==, 20.0);
  g_assert_cmpuint (min_ceiling_notifies, ==, 2);
  g_assert_cmpuint (max_value_notifies, ==, 2);
  g_assert_cmpuint (changed, ==, 2);

  /* Still below the data: the floor changes but the points do not move. */
  beacon_metric_series_set_min_ceiling (series, 5.0);
  g_assert_cmpfloat (beacon_metric_series_get_max_value (series), ==, 20.0);
  g_assert_cmpuint (min_ceiling_notifies, ==, 3);
  g_assert_cmpuint (max_value_notifies, ==, 2);
  g_assert_cmpuint (changed, ==, 2);

  g_assert_finalize_object (series);
}

static void
test_backwards_time (void)
{
  BeaconMetricSeries *series = beacon_metric_series_new (300);
  double latest = 0.0;
  guint changed = 0;

  g_signal_connect (series, "changed", G_CALLBACK (count_cb), &changed);

  beacon_metric_series_append (series, 10.0, 1.0);
  beacon_metric_series_append (series, 5.0, 2.0);
  beacon_metric_series_append (series, 9.999, 2.0);
  g_assert_cmpuint (beacon_metric_series_get_n_points (series), ==, 1);
  g_assert_true (beacon_metric_series_get_latest (series, &latest));
  g_assert_cmpfloat (latest, ==, 1.0);
  g_assert_cmpuint (changed, ==, 1);

  /* An equal time is not going backwards. */
  beacon_metric_series_append (series, 10.0, 3.0);
  g_assert_cmpuint (beacon_metric_series_get_n_points (series), ==, 2);
  g_assert_true (beacon_metric_series_get_latest (series, &latest));
  g_assert_cmpfloat (latest, ==, 3.0);
  g_assert_cmpuint (changed, ==, 2);

  /* After a clear any time is accepted again, as after a reconnect. */
  beacon_metric_series_clear (series);
  beacon_metric_series_append (series, 0.0, 4.0);
  g_assert_cmpuint (beacon_metric_series_get_n_points (series), ==, 1);
  g_assert_true (beacon_metric_series_get_latest (series, &latest));
  g_assert_cmpfloat (latest, ==, 4.0);

  g_assert_finalize_object (series);
}

static void
test_non_finite (void)
{
  BeaconMetricSeries *series = beacon_metric_series_new (300);
  double latest = 0.0;
  guint changed = 0;
  guint notifies = 0;

  g_signal_connect (series, "changed", G_CALLBACK (count_cb), &changed);
  g_signal_connect (series, "notify", G_CALLBACK (count_notify_cb), &notifies);

  beacon_metric_series_append (series, 0.0, NAN);
  beacon_metric_series_append (series, 0.0, INFINITY);
  beacon_metric_series_append (series, 0.0, -INFINITY);
  beacon_metric_series_append (series, NAN, 1.0);
  beacon_metric_series_append (series, INFINITY, 1.0);
  beacon_metric_series_append (series, -INFINITY, 1.0);
  g_assert_cmpuint (beacon_metric_series_get_n_points (series), ==, 0);
  g_assert_false (beacon_metric_series_get_latest (series, NULL));
  g_assert_cmpuint (changed, ==, 0);
  g_assert_cmpuint (notifies, ==, 0);

  beacon_metric_series_append (series, 1.0, 7.0);
  beacon_metric_series_append (series, 2.0, NAN);
  g_assert_cmpuint (beacon_metric_series_get_n_points (series), ==, 1);
  g_assert_cmpfloat (beacon_metric_series_get_max_value (series), ==, 10.0);
  g_assert_true (beacon_metric_series_get_latest (series, &latest));
  g_assert_cmpfloat (latest, ==, 7.0);
  g_assert_cmpuint (changed, ==, 1);

  g_assert_finalize_object (series);
}

static void
test_changed_signal (void)
{
  BeaconMetricSeries *series = beacon_metric_series_new (4);
  guint changed = 0;

  g_signal_connect (series, "changed", G_CALLBACK (count_cb), &changed);

  /* Once per accepted sample, wrap-around included. */
  for (guint i = 0; i < 10; i++)
    {
      beacon_metric_series_append (series, i, i % 3);
      g_assert_cmpuint (changed, ==, i + 1);

      beacon_metric_series_append (series, i - 0.5, 1.0);
      beacon_metric_series_append (series, i, NAN);
      g_assert_cmpuint (changed, ==, i + 1);
    }

  beacon_metric_series_clear (series);
  g_assert_cmpuint (changed, ==, 11);
  beacon_metric_series_clear (series);
  g_assert_cmpuint (changed, ==, 11);

  /* Nothing to redraw in an empty series. */
  beacon_metric_series_set_window (series, 5.0);
  g_assert_cmpuint (changed, ==, 11);

  g_assert_finalize_object (series);
}

static void
test_window_notify (void)
{
  BeaconMetricSeries *series = beacon_metric_series_new (300);
  guint notifies = 0;

  g_signal_connect (series, "notify::window", G_CALLBACK (count_notify_cb), &notifies);

  beacon_metric_series_set_window (series, 30.0);
  beacon_metric_series_set_window (series, 30.0);
  g_assert_cmpuint (notifies, ==, 1);

  /* EXPLICIT_NOTIFY: g_object_set of the same value must not notify either. */
  g_object_set (series, "window", 30.0, NULL);
  g_assert_cmpuint (notifies, ==, 1);

  beacon_metric_series_set_window (series, 60.0);
  g_assert_cmpuint (notifies, ==, 2);

  g_assert_finalize_object (series);
}

static void
test_invalid_window (void)
{
  static const double bad[] = { 0.0, -1.0, NAN, INFINITY };
  BeaconMetricSeries *series = beacon_metric_series_new (300);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_expect_message ("beacon-metric-series", G_LOG_LEVEL_CRITICAL,
                             "*assertion*window*failed*");
      beacon_metric_series_set_window (series, bad[i]);
      g_test_assert_expected_messages ();
      g_assert_cmpfloat (beacon_metric_series_get_window (series), ==, 60.0);
    }

  g_assert_finalize_object (series);
}

static void
test_clear (void)
{
  BeaconMetricSeries *series = beacon_metric_series_new (300);
  guint n_points_notifies = 0;
  guint max_value_notifies = 0;

  for (guint i = 0; i < 5; i++)
    beacon_metric_series_append (series, i, 40.0);
  g_assert_cmpfloat (beacon_metric_series_get_max_value (series), ==, 50.0);

  g_signal_connect (series, "notify::n-points", G_CALLBACK (count_notify_cb),
                    &n_points_notifies);
  g_signal_connect (series, "notify::max-value", G_CALLBACK (count_notify_cb),
                    &max_value_notifies);

  beacon_metric_series_clear (series);
  g_assert_cmpuint (beacon_metric_series_get_n_points (series), ==, 0);
  g_assert_cmpfloat (beacon_metric_series_get_max_value (series), ==, 1.0);
  g_assert_false (beacon_metric_series_get_latest (series, NULL));
  g_assert_cmpuint (n_points_notifies, ==, 1);
  g_assert_cmpuint (max_value_notifies, ==, 1);

  g_assert_finalize_object (series);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/beacon/ui/metric-series/defaults", test_defaults);
  g_test_add_func ("/beacon/ui/metric-series/normalisation", test_normalisation);
  g_test_add_func ("/beacon/ui/metric-series/window-trim", test_window_trim);
  g_test_add_func ("/beacon/ui/metric-series/window-ceiling", test_window_ceiling);
  g_test_add_func ("/beacon/ui/metric-series/ring-wrap", test_ring_wrap);
  g_test_add_func ("/beacon/ui/metric-series/nice-ceiling", test_nice_ceiling);
  g_test_add_func ("/beacon/ui/metric-series/min-ceiling", test_min_ceiling);
  g_test_add_func ("/beacon/ui/metric-series/backwards-time", test_backwards_time);
  g_test_add_func ("/beacon/ui/metric-series/non-finite", test_non_finite);
  g_test_add_func ("/beacon/ui/metric-series/changed-signal", test_changed_signal);
  g_test_add_func ("/beacon/ui/metric-series/window-notify", test_window_notify);
  g_test_add_func ("/beacon/ui/metric-series/invalid-window", test_invalid_window);
  g_test_add_func ("/beacon/ui/metric-series/clear", test_clear);

  return g_test_run ();
}
