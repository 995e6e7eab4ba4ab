/* beacon-metric-series.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-metric-series"

#include "config.h"

#include <math.h>

#include "beacon-metric-series.h"

#define DEFAULT_CAPACITY    300
#define DEFAULT_WINDOW      60.0
#define DEFAULT_MIN_CEILING 1.0

/* A chart is a few hundred pixels wide, so more samples than this are never drawn; the cap
 * also keeps (head + i) far from overflowing a guint. */
#define MAX_CAPACITY        (1u << 20)

typedef struct
{
  double time;
  double value;
} BeaconMetricPoint;

struct _BeaconMetricSeries
{
  GObject            parent_instance;

  /* Owned: capacity slots, allocated once in constructed() and never resized (style B10) */
  BeaconMetricPoint *points;

  /* Ring state: points[head] is the oldest of n_stored samples; the newest n_in_window of
   * them lie within window seconds of the newest one. */
  guint              capacity;
  guint              head;
  guint              n_stored;
  guint              n_in_window;

  double             window;
  double             min_ceiling;
  double             max_value;
};

G_DEFINE_FINAL_TYPE (BeaconMetricSeries, beacon_metric_series, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAPACITY,
  PROP_WINDOW,
  PROP_MIN_CEILING,
  PROP_N_POINTS,
  PROP_MAX_VALUE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The @i-th stored sample, oldest first; samples older than the window are still stored so
 * that widening the window brings them back. */
static inline const BeaconMetricPoint *
stored_point (BeaconMetricSeries *self,
              guint               i)
{
  g_assert (i < self->n_stored);

  return &self->points[(self->head + i) % self->capacity];
}

/* The smallest 1, 2, 2.5 or 5 × 10^k at or above @x > 0. The decade is found by multiplying
 * exact powers of ten rather than with pow (10, floor (log10 (x))): log10 can land one decade
 * off at exact powers, and step × 10^k or step / 10^k from exact operands rounds to the same
 * double as the literal (0.05, 2.5e6), so callers can compare with ==. */
static double
nice_ceiling (double x)
{
  static const double steps[] = { 1.0, 2.0, 2.5, 5.0 };
  double scale = 1.0;

  g_assert (x > 0.0 && isfinite (x));

  if (x > 0.5)
    {
      /* Leaves x in (0.5 scale, 5 scale]; stops at 1e308 because 5e308 is inf. */
      while (x > 5.0 * scale)
        scale *= 10.0;

      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        {
          double ceiling = steps[i] * scale;

          if (ceiling >= x)
            return isfinite (ceiling) ? ceiling : x;
        }
    }
  else
    {
      /* Divides instead, as 0.1 has no exact double; leaves x in (0.5 / scale, 5 / scale].
       * Terminates even for subnormal x: once scale is inf, 5 / inf is 0 < x. */
      while (x <= 5.0 / (scale * 10.0))
        scale *= 10.0;

      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        {
          double ceiling = steps[i] / scale;

          if (ceiling >= x)
            return ceiling;
        }
    }

  g_assert_not_reached ();
  return x;
}

/* Recounts the window and recomputes the ceiling, notifying only after both are updated so
 * a notify handler never reads one of them stale. A full scan per sample is cheap enough
 * (64 charts × 300 doubles a second) and cannot drift the way a running maximum can when
 * its sample leaves the window. */
static void
beacon_metric_series_refresh (BeaconMetricSeries *self)
{
  guint old_n_in_window = self->n_in_window;
  double old_max_value = self->max_value;
  double largest = 0.0;
  guint n = 0;

  if (self->n_stored > 0)
    {
      double newest = stored_point (self, self->n_stored - 1)->time;

      /* Appends never go back in time, so the window is a suffix of the ring. */
      while (n < self->n_stored)
        {
          const BeaconMetricPoint *point = stored_point (self, self->n_stored - 1 - n);

          if (newest - point->time > self->window)
            break;

          largest = MAX (largest, point->value);
          n++;
        }
    }

  self->n_in_window = n;
  self->max_value = largest > self->min_ceiling ? nice_ceiling (largest) : self->min_ceiling;

  if (self->n_in_window != old_n_in_window)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_POINTS]);
  if (self->max_value != old_max_value)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_VALUE]);
}

static void
beacon_metric_series_constructed (GObject *object)
{
  BeaconMetricSeries *self = BEACON_METRIC_SERIES (object);

  G_OBJECT_CLASS (beacon_metric_series_parent_class)->constructed (object);

  self->points = g_new0 (BeaconMetricPoint, self->capacity);
}

static void
beacon_metric_series_finalize (GObject *object)
{
  BeaconMetricSeries *self = BEACON_METRIC_SERIES (object);

  g_clear_pointer (&self->points, g_free);

  G_OBJECT_CLASS (beacon_metric_series_parent_class)->finalize (object);
}

static void
beacon_metric_series_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  BeaconMetricSeries *self = BEACON_METRIC_SERIES (object);

  switch (prop_id)
    {
    case PROP_CAPACITY:
      g_value_set_uint (value, beacon_metric_series_get_capacity (self));
      break;

    case PROP_WINDOW:
      g_value_set_double (value, beacon_metric_series_get_window (self));
      break;

    case PROP_MIN_CEILING:
      g_value_set_double (value, beacon_metric_series_get_min_ceiling (self));
      break;

    case PROP_N_POINTS:
      g_value_set_uint (value, beacon_metric_series_get_n_points (self));
      break;

    case PROP_MAX_VALUE:
      g_value_set_double (value, beacon_metric_series_get_max_value (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_metric_series_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  BeaconMetricSeries *self = BEACON_METRIC_SERIES (object);

  switch (prop_id)
    {
    case PROP_CAPACITY:
      /* Construct-only: the buffer does not exist yet, constructed() sizes it. */
      self->capacity = g_value_get_uint (value);
      break;

    case PROP_WINDOW:
      beacon_metric_series_set_window (self, g_value_get_double (value));
      break;

    case PROP_MIN_CEILING:
      beacon_metric_series_set_min_ceiling (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_metric_series_class_init (BeaconMetricSeriesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = beacon_metric_series_constructed;
  object_class->finalize = beacon_metric_series_finalize;
  object_class->get_property = beacon_metric_series_get_property;
  object_class->set_property = beacon_metric_series_set_property;

  properties[PROP_CAPACITY] =
    g_param_spec_uint ("capacity", NULL, NULL,
                       1, MAX_CAPACITY, DEFAULT_CAPACITY,
                       (G_PARAM_READWRITE |
                        G_PARAM_CONSTRUCT_ONLY |
                        G_PARAM_STATIC_STRINGS));
  properties[PROP_WINDOW] =
    g_param_spec_double ("window", NULL, NULL,
                         G_MINDOUBLE, G_MAXDOUBLE, DEFAULT_WINDOW,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));
  /* Must stay above zero: it is the divisor for an all-zero series. */
  properties[PROP_MIN_CEILING] =
    g_param_spec_double ("min-ceiling", NULL, NULL,
                         G_MINDOUBLE, G_MAXDOUBLE, DEFAULT_MIN_CEILING,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));
  properties[PROP_N_POINTS] =
    g_param_spec_uint ("n-points", NULL, NULL,
                       0, MAX_CAPACITY, 0,
                       (G_PARAM_READABLE |
                        G_PARAM_STATIC_STRINGS));
  properties[PROP_MAX_VALUE] =
    g_param_spec_double ("max-value", NULL, NULL,
                         G_MINDOUBLE, G_MAXDOUBLE, DEFAULT_MIN_CEILING,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The normalised points moved: a sample was accepted, the series was cleared, or the
   * window or ceiling changed. A chart only needs to queue a redraw. */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
beacon_metric_series_init (BeaconMetricSeries *self)
{
  self->capacity = DEFAULT_CAPACITY;
  self->window = DEFAULT_WINDOW;
  self->min_ceiling = DEFAULT_MIN_CEILING;
  self->max_value = DEFAULT_MIN_CEILING;
}

BeaconMetricSeries *
beacon_metric_series_new (guint capacity)
{
  g_return_val_if_fail (capacity > 0 && capacity <= MAX_CAPACITY, NULL);

  return g_object_new (BEACON_TYPE_METRIC_SERIES,
                       "capacity", capacity,
                       NULL);
}

guint
beacon_metric_series_get_capacity (BeaconMetricSeries *self)
{
  g_return_val_if_fail (BEACON_IS_METRIC_SERIES (self), 0);

  return self->capacity;
}

double
beacon_metric_series_get_window (BeaconMetricSeries *self)
{
  g_return_val_if_fail (BEACON_IS_METRIC_SERIES (self), 0.0);

  return self->window;
}

void
beacon_metric_series_set_window (BeaconMetricSeries *self,
                                 double              window)
{
  g_return_if_fail (BEACON_IS_METRIC_SERIES (self));
  /* Also rejects NaN and inf, which would empty the window or keep every sample. */
  g_return_if_fail (window >= G_MINDOUBLE && window <= G_MAXDOUBLE);

  if (self->window == window)
    return;

  /* Queues "window" until n-points and max-value match it. */
  g_object_freeze_notify (G_OBJECT (self));
  self->window = window;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WINDOW]);
  beacon_metric_series_refresh (self);
  g_object_thaw_notify (G_OBJECT (self));

  /* Every t is relative to the window, so all points moved. */
  if (self->n_stored > 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

double
beacon_metric_series_get_min_ceiling (BeaconMetricSeries *self)
{
  g_return_val_if_fail (BEACON_IS_METRIC_SERIES (self), 0.0);

  return self->min_ceiling;
}

void
beacon_metric_series_set_min_ceiling (BeaconMetricSeries *self,
                                      double              min_ceiling)
{
  double old_max_value;

  g_return_if_fail (BEACON_IS_METRIC_SERIES (self));
  g_return_if_fail (min_ceiling >= G_MINDOUBLE && min_ceiling <= G_MAXDOUBLE);

  if (self->min_ceiling == min_ceiling)
    return;

  old_max_value = self->max_value;

  g_object_freeze_notify (G_OBJECT (self));
  self->min_ceiling = min_ceiling;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIN_CEILING]);
  beacon_metric_series_refresh (self);
  g_object_thaw_notify (G_OBJECT (self));

  if (self->max_value != old_max_value)
    g_signal_emit (self, signals[CHANGED], 0);
}

guint
beacon_metric_series_get_n_points (BeaconMetricSeries *self)
{
  g_return_val_if_fail (BEACON_IS_METRIC_SERIES (self), 0);

  return self->n_in_window;
}

double
beacon_metric_series_get_max_value (BeaconMetricSeries *self)
{
  g_return_val_if_fail (BEACON_IS_METRIC_SERIES (self), DEFAULT_MIN_CEILING);

  return self->max_value;
}

void
beacon_metric_series_append (BeaconMetricSeries *self,
                             double              time,
                             double              value)
{
  BeaconMetricPoint *slot;

  g_return_if_fail (BEACON_IS_METRIC_SERIES (self));

  /* Not programmer errors, so no criticals: a rate over an empty interval comes out NaN, and
   * a sample can arrive late after a reconnect. Dropping them keeps the ring sorted by time,
   * which the window scan relies on. */
  if (!isfinite (time) || !isfinite (value))
    return;
  if (self->n_stored > 0 && time < stored_point (self, self->n_stored - 1)->time)
    return;

  if (self->n_stored < self->capacity)
    {
      slot = &self->points[(self->head + self->n_stored) % self->capacity];
      self->n_stored++;
    }
  else
    {
      slot = &self->points[self->head];
      self->head = (self->head + 1) % self->capacity;
    }

  slot->time = time;
  slot->value = value;

  beacon_metric_series_refresh (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
beacon_metric_series_get_point (BeaconMetricSeries *self,
                                guint               i,
                                double             *t,
                                double             *v)
{
  const BeaconMetricPoint *newest;
  const BeaconMetricPoint *point;

  g_return_if_fail (BEACON_IS_METRIC_SERIES (self));
  g_return_if_fail (i < self->n_in_window);

  newest = stored_point (self, self->n_stored - 1);
  point = stored_point (self, self->n_stored - self->n_in_window + i);

  /* Measured back from the newest sample rather than from newest - window, which may round:
   * this way the newest point is exactly 1.0, and with whole-second times every t is the
   * correctly rounded ratio. */
  if (t != NULL)
    *t = CLAMP ((self->window - (newest->time - point->time)) / self->window, 0.0, 1.0);

  /* Metrics are counts and rates: a negative one is a glitch, drawn on the axis rather than
   * below the chart. */
  if (v != NULL)
    *v = CLAMP (point->value / self->max_value, 0.0, 1.0);
}

gboolean
beacon_metric_series_get_latest (BeaconMetricSeries *self,
                                 double             *value)
{
  g_return_val_if_fail (BEACON_IS_METRIC_SERIES (self), FALSE);

  if (self->n_stored == 0)
    return FALSE;

  if (value != NULL)
    *value = stored_point (self, self->n_stored - 1)->value;

  return TRUE;
}

void
beacon_metric_series_clear (BeaconMetricSeries *self)
{
  gboolean was_empty;

  g_return_if_fail (BEACON_IS_METRIC_SERIES (self));

  was_empty = self->n_stored == 0;
  self->head = 0;
  self->n_stored = 0;

  beacon_metric_series_refresh (self);

  if (!was_empty)
    g_signal_emit (self, signals[CHANGED], 0);
}
