/* test-stream-tile.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* BeaconStreamTile against a BeaconWatchedStream without a server: the state is set through
 * the model's private setters and its sample path, exactly as the player would drive them,
 * and the tile's badge, quality pill, alert badge and accessible label must follow. */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "beacon-alerts.h"
#include "beacon-stream-grid.h"
#include "beacon-stream-tile.h"
#include "beacon-watched-stream-private.h"
#include "beacon-test-wait.h"

static const char * const all_status_classes[] = {
  "status-playing", "status-pending", "status-failed", "status-stopped", "status-bad",
  "status-disconnected", NULL,
};

/* Asserts the badge shows @label and carries exactly one status class, @klass. */
static void
assert_badge (BeaconStreamTile *tile,
              const char       *label,
              const char       *klass)
{
  GtkWidget *badge = beacon_stream_tile_get_status_badge (tile);
  guint found = 0;

  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (badge)), ==, label);
  g_assert_true (gtk_widget_has_css_class (badge, klass));
  for (guint i = 0; all_status_classes[i] != NULL; i++)
    found += gtk_widget_has_css_class (badge, all_status_classes[i]);
  g_assert_cmpuint (found, ==, 1);
}

static BeaconStatsSample *
make_sample (gint64 time_ms,
             double fps,
             double kbps,
             gint64 nack,
             gint64 server_bps)
{
  BeaconStatsSample *sample = beacon_stats_sample_new ();

  sample->time_ms = time_ms;
  sample->fps = fps;
  sample->bitrate_kbps = kbps;
  sample->nack = nack;
  sample->pli = 0;
  sample->packets_lost = 0;
  sample->video_codec = g_strdup ("H264");
  sample->quality = BEACON_CHANNEL_QUALITY_PERFECT;
  sample->server_bitrate = server_bps;
  sample->server_fps = 29.5;
  sample->server_nack = nack;
  sample->server_pli = 0;
  sample->server_lost = 0;
  return sample;
}

static void
test_status_badge (void)
{
  BeaconWatchedStream *stream = beacon_watched_stream_new ("cam1");
  BeaconStreamTile *tile = BEACON_STREAM_TILE (g_object_ref_sink (beacon_stream_tile_new (stream)));

  /* No session: the badge says so, whatever the stream did before. */
  assert_badge (tile, "Disconnected", "status-disconnected");
  gtk_test_accessible_assert_property (tile, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Stream “cam1”: Disconnected, quality Unknown");

  _beacon_watched_stream_set_connected (stream, TRUE);
  assert_badge (tile, "Starting", "status-pending");

  _beacon_watched_stream_set_status (stream, BEACON_WCS_STREAM_STATUS_PENDING, NULL);
  assert_badge (tile, "Pending", "status-pending");
  gtk_test_accessible_assert_property (tile, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Stream “cam1”: Pending, quality Unknown");

  _beacon_watched_stream_set_status (stream, BEACON_WCS_STREAM_STATUS_PLAYING, NULL);
  assert_badge (tile, "Playing", "status-playing");
  g_assert_true (gtk_widget_has_css_class (beacon_stream_tile_get_status_badge (tile), "success"));

  /* Media flows but the meter says BAD: orange, and the label says which quality. */
  _beacon_watched_stream_set_quality (stream, BEACON_CHANNEL_QUALITY_BAD);
  assert_badge (tile, "Playing", "status-bad");
  g_assert_true (gtk_widget_has_css_class (beacon_stream_tile_get_status_badge (tile), "warning"));
  g_assert_false (gtk_widget_has_css_class (beacon_stream_tile_get_status_badge (tile), "success"));
  gtk_test_accessible_assert_property (tile, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Stream “cam1”: Playing, quality Bad");

  _beacon_watched_stream_set_status (stream, BEACON_WCS_STREAM_STATUS_FAILED, "Stream not found");
  assert_badge (tile, "Failed", "status-failed");
  g_assert_true (gtk_widget_has_css_class (beacon_stream_tile_get_status_badge (tile), "error"));
  g_assert_false (gtk_widget_has_css_class (beacon_stream_tile_get_status_badge (tile), "warning"));

  _beacon_watched_stream_set_status (stream, BEACON_WCS_STREAM_STATUS_STOPPED,
                                     "Stopped by publisher stop");
  assert_badge (tile, "Stopped", "status-stopped");

  /* Losing the session wins over everything the stream said before. */
  _beacon_watched_stream_set_connected (stream, FALSE);
  assert_badge (tile, "Disconnected", "status-disconnected");
  g_assert_false (gtk_widget_has_css_class (beacon_stream_tile_get_status_badge (tile), "error"));

  g_assert_finalize_object (tile);
  g_assert_finalize_object (stream);
}

static void
test_quality_indicator (void)
{
  static const struct
  {
    BeaconChannelQuality quality;
    const char          *label;
    const char          *klass;
  } cases[] = {
    { BEACON_CHANNEL_QUALITY_PERFECT, "Perfect", "perfect" },
    { BEACON_CHANNEL_QUALITY_GOOD, "Good", "good" },
    { BEACON_CHANNEL_QUALITY_BAD, "Bad", "bad" },
    { BEACON_CHANNEL_QUALITY_UNKNOWN, "Unknown", "unknown" },
  };
  static const char * const classes[] = { "perfect", "good", "bad", "unknown" };
  BeaconWatchedStream *stream = beacon_watched_stream_new ("cam2");
  BeaconStreamTile *tile = BEACON_STREAM_TILE (g_object_ref_sink (beacon_stream_tile_new (stream)));
  GtkWidget *indicator = beacon_stream_tile_get_quality_indicator (tile);

  _beacon_watched_stream_set_connected (stream, TRUE);
  _beacon_watched_stream_set_status (stream, BEACON_WCS_STREAM_STATUS_PLAYING, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *accessible = NULL;

      _beacon_watched_stream_set_quality (stream, cases[i].quality);
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (indicator)), ==, cases[i].label);
      g_assert_true (gtk_widget_has_css_class (indicator, "quality"));
      for (guint k = 0; k < G_N_ELEMENTS (classes); k++)
        g_assert_cmpint (gtk_widget_has_css_class (indicator, classes[k]), ==,
                         g_str_equal (classes[k], cases[i].klass));

      accessible = g_strdup_printf ("Stream “cam2”: Playing, quality %s", cases[i].label);
      gtk_test_accessible_assert_property (tile, GTK_ACCESSIBLE_PROPERTY_LABEL, accessible);
    }

  g_assert_finalize_object (tile);
  g_assert_finalize_object (stream);
}

static void
test_alert_badge (void)
{
  BeaconWatchedStream *stream = beacon_watched_stream_new ("cam3");
  BeaconStreamTile *tile = BEACON_STREAM_TILE (g_object_ref_sink (beacon_stream_tile_new (stream)));
  GtkWidget *badge = beacon_stream_tile_get_alert_badge (tile);

  _beacon_watched_stream_set_connected (stream, TRUE);
  _beacon_watched_stream_set_status (stream, BEACON_WCS_STREAM_STATUS_FAILED, "Stream not found");
  g_assert_false (gtk_widget_get_visible (badge));

  beacon_watched_stream_set_alert (stream, TRUE, "“cam3” failed");
  g_assert_true (gtk_widget_get_visible (badge));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (badge), ==, "“cam3” failed");
  gtk_test_accessible_assert_property (tile, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Stream “cam3”: Failed, quality Unknown. “cam3” failed");

  beacon_watched_stream_set_alert (stream, FALSE, NULL);
  g_assert_false (gtk_widget_get_visible (badge));
  g_assert_null (beacon_watched_stream_get_alert_reason (stream));

  g_assert_finalize_object (tile);
  g_assert_finalize_object (stream);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* Samples reach the series (counters per second), the history and the tile's figures. */
static void
test_samples (void)
{
  BeaconWatchedStream *stream = beacon_watched_stream_new ("cam4");
  BeaconStreamTile *tile = BEACON_STREAM_TILE (g_object_ref_sink (beacon_stream_tile_new (stream)));
  g_autoptr(BeaconStatsSample) first = make_sample (1700000000000, 30.0, 1200.0, 5, -1);
  g_autoptr(BeaconStatsSample) second = make_sample (1700000001000, 29.0, 1100.0, 8, 1150000);
  BeaconMetricSeries *series;
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  guint quality_notifies = 0;
  double value;

  g_signal_connect (stream, "notify::quality", G_CALLBACK (count_notify), &quality_notifies);

  _beacon_watched_stream_add_sample (stream, first);
  _beacon_watched_stream_add_sample (stream, second);
  g_assert_cmpfloat (beacon_watched_stream_get_fps (stream), ==, 29.0);
  g_assert_cmpfloat (beacon_watched_stream_get_bitrate (stream), ==, 1100.0);
  g_assert_cmpstr (beacon_watched_stream_get_codec (stream), ==, "H264");
  g_assert_cmpint (beacon_watched_stream_get_quality (stream), ==, BEACON_CHANNEL_QUALITY_PERFECT);
  /* The same quality twice is one change. */
  g_assert_cmpuint (quality_notifies, ==, 1);

  series = beacon_watched_stream_get_series (stream, BEACON_WATCHED_METRIC_FPS,
                                             BEACON_WATCHED_SIDE_LOCAL, BEACON_WATCHED_SPAN_MINUTE);
  g_assert_cmpuint (beacon_metric_series_get_n_points (series), ==, 2);
  g_assert_cmpfloat (beacon_metric_series_get_window (series), ==, 60.0);
  series = beacon_watched_stream_get_series (stream, BEACON_WATCHED_METRIC_FPS,
                                             BEACON_WATCHED_SIDE_LOCAL,
                                             BEACON_WATCHED_SPAN_FIVE_MINUTES);
  g_assert_cmpfloat (beacon_metric_series_get_window (series), ==, 300.0);

  /* The first total only primes the counter: one NACK point, 3 per second. */
  series = beacon_watched_stream_get_series (stream, BEACON_WATCHED_METRIC_NACK,
                                             BEACON_WATCHED_SIDE_LOCAL, BEACON_WATCHED_SPAN_MINUTE);
  g_assert_cmpuint (beacon_metric_series_get_n_points (series), ==, 1);
  g_assert_true (beacon_metric_series_get_latest (series, &value));
  g_assert_cmpfloat (value, ==, 3.0);

  /* The server had not reported before the second sample. */
  series = beacon_watched_stream_get_series (stream, BEACON_WATCHED_METRIC_BITRATE,
                                             BEACON_WATCHED_SIDE_SERVER, BEACON_WATCHED_SPAN_MINUTE);
  g_assert_cmpuint (beacon_metric_series_get_n_points (series), ==, 1);
  g_assert_true (beacon_metric_series_get_latest (series, &value));
  g_assert_cmpfloat (value, ==, 1150.0);

  csv = beacon_watched_stream_dup_metrics_csv (stream);
  lines = g_strsplit (csv, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);   /* header, two rows, the final "" */
  g_assert_cmpstr (lines[0], ==, "time,fps,bitrate_kbps,nack,pli,lost,server_fps,server_bitrate_kbps");
  g_assert_cmpstr (lines[1], ==, "2023-11-14T22:13:20.000Z,30.0,1200.0,,,,,");
  g_assert_cmpstr (lines[2], ==, "2023-11-14T22:13:21.000Z,29.0,1100.0,3,0,0,29.5,1150.0");
  g_assert_cmpstr (lines[3], ==, "");

  g_assert_finalize_object (tile);
  g_assert_finalize_object (stream);
}

/* Stop is the operator's own act: it is remembered as inactive, and the badge says so. */
static void
test_stop_without_session (void)
{
  BeaconWatchedStream *stream = beacon_watched_stream_new ("cam5");
  BeaconStreamTile *tile = BEACON_STREAM_TILE (g_object_ref_sink (beacon_stream_tile_new (stream)));
  g_autofree char *info = NULL;

  _beacon_watched_stream_set_connected (stream, TRUE);
  _beacon_watched_stream_set_status (stream, BEACON_WCS_STREAM_STATUS_PLAYING, NULL);
  beacon_watched_stream_stop (stream);
  g_assert_false (beacon_watched_stream_get_active (stream));
  assert_badge (tile, "Stopped", "status-stopped");

  info = beacon_watched_stream_dup_info_text (stream);
  g_assert_true (g_str_has_prefix (info, "Stream: cam5\n"));
  g_assert_nonnull (strstr (info, "Status: STOPPED\n"));

  g_assert_finalize_object (tile);
  g_assert_finalize_object (stream);
}

/* The number of columns @n tiles take in a window @width px wide. */
static guint
count_columns (int   width,
               guint n)
{
  g_autoptr(GListStore) streams = g_list_store_new (BEACON_TYPE_WATCHED_STREAM);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  BeaconStreamGrid *grid = BEACON_STREAM_GRID (beacon_stream_grid_new ());
  g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (float));
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (20, beacon_test_wait_tick, NULL);
  GtkWidget *last;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("cam%u", i);
      g_autoptr(BeaconWatchedStream) stream = beacon_watched_stream_new (name);

      g_list_store_append (streams, stream);
    }
  beacon_stream_grid_set_model (grid, G_LIST_MODEL (streams));
  gtk_window_set_default_size (window, width, 700);
  gtk_window_set_child (window, GTK_WIDGET (grid));
  gtk_window_present (window);

  last = beacon_stream_grid_get_tile (grid, n - 1);
  while (gtk_widget_get_width (last) == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  if (gtk_widget_get_width (last) == 0)
    g_error ("waited 5 s for the grid's tiles to be laid out");

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *tile = beacon_stream_grid_get_tile (grid, i);
      graphene_rect_t bounds;
      gboolean seen = FALSE;

      g_assert_true (gtk_widget_compute_bounds (tile, GTK_WIDGET (grid), &bounds));
      /* Never narrower than the minimum, never wider than the window. */
      g_assert_cmpfloat (bounds.size.width, >=, 280);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, width);
      for (guint k = 0; k < xs->len; k++)
        seen |= ABS (g_array_index (xs, float, k) - bounds.origin.x) < 1;
      if (!seen)
        g_array_append_val (xs, bounds.origin.x);
    }

  gtk_window_destroy (window);
  return xs->len;
}

/* One column on a phone, several on a desktop: tiles reflow with the width. */
static void
test_grid_reflow (void)
{
  g_assert_cmpuint (count_columns (360, 3), ==, 1);
  g_assert_cmpuint (count_columns (1024, 6), ==, 3);
}

static void
on_alert_raised (BeaconAlerts        *alerts,
                 BeaconWatchedStream *stream,
                 const char          *reason,
                 guint               *count)
{
  (*count)++;
}

/* BAD for bad-seconds raises the alert once; better quality takes it down again. */
static void
test_alert_bad_quality (void)
{
  BeaconAlerts *alerts = beacon_alerts_new ();
  BeaconWatchedStream *stream = beacon_watched_stream_new ("cam6");
  BeaconStreamTile *tile = BEACON_STREAM_TILE (g_object_ref_sink (beacon_stream_tile_new (stream)));
  guint raised = 0;

  beacon_alerts_set_bad_seconds (alerts, 1);
  g_signal_connect (alerts, "alert-raised", G_CALLBACK (on_alert_raised), &raised);
  beacon_alerts_watch (alerts, stream);
  _beacon_watched_stream_set_connected (stream, TRUE);
  _beacon_watched_stream_set_status (stream, BEACON_WCS_STREAM_STATUS_PLAYING, NULL);
  _beacon_watched_stream_set_quality (stream, BEACON_CHANNEL_QUALITY_BAD);
  g_assert_false (beacon_watched_stream_get_alert (stream));

  WAIT_OR_ABORT (beacon_watched_stream_get_alert (stream), 5, "the bad-quality alert");
  g_assert_cmpuint (raised, ==, 1);
  g_assert_cmpstr (beacon_watched_stream_get_alert_reason (stream), ==,
                   "“cam6” has had bad quality for 1 second");
  g_assert_true (gtk_widget_get_visible (beacon_stream_tile_get_alert_badge (tile)));

  _beacon_watched_stream_set_quality (stream, BEACON_CHANNEL_QUALITY_GOOD);
  g_assert_false (beacon_watched_stream_get_alert (stream));
  g_assert_false (gtk_widget_get_visible (beacon_stream_tile_get_alert_badge (tile)));

  beacon_alerts_unwatch (alerts, stream);
  g_assert_finalize_object (alerts);
  g_assert_finalize_object (tile);
  g_assert_finalize_object (stream);
}

/* A failure that lasts past the grace period raises the alert; playing again clears it. */
static void
test_alert_failed (void)
{
  BeaconAlerts *alerts = beacon_alerts_new ();
  BeaconWatchedStream *stream = beacon_watched_stream_new ("cam7");
  guint raised = 0;

  g_signal_connect (alerts, "alert-raised", G_CALLBACK (on_alert_raised), &raised);
  beacon_alerts_watch (alerts, stream);
  _beacon_watched_stream_set_connected (stream, TRUE);
  _beacon_watched_stream_set_status (stream, BEACON_WCS_STREAM_STATUS_FAILED, "Stream not found");
  /* The retry's statuses do not reset the incident. */
  _beacon_watched_stream_set_status (stream, BEACON_WCS_STREAM_STATUS_PENDING, NULL);
  _beacon_watched_stream_set_status (stream, BEACON_WCS_STREAM_STATUS_FAILED, "Stream not found");

  WAIT_OR_ABORT (beacon_watched_stream_get_alert (stream), 10, "the failure's alert");
  g_assert_cmpuint (raised, ==, 1);
  g_assert_cmpstr (beacon_watched_stream_get_alert_reason (stream), ==, "“cam7” failed");

  _beacon_watched_stream_set_status (stream, BEACON_WCS_STREAM_STATUS_PLAYING, NULL);
  g_assert_false (beacon_watched_stream_get_alert (stream));

  g_assert_finalize_object (alerts);
  g_assert_finalize_object (stream);
}

static gboolean
bus_has (GDBusConnection *bus,
         const char      *method,
         const char      *name)
{
  g_autoptr(GVariant) reply = NULL;
  g_autofree const char **names = NULL;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", method, NULL,
                                       G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, NULL);
  if (reply == NULL)
    return FALSE;
  g_variant_get (reply, "(^a&s)", &names);
  return g_strv_contains (names, name);
}

static void
on_notify_count (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* A session bus without a notification service (the test runner's own): an alert goes to
 * the badge and alert-raised only; sending it to GIO would log a warning, fatal here. */
static void
test_alert_without_notification_service (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  BeaconAlerts *alerts;
  BeaconWatchedStream *stream;
  guint raised = 0;
  guint can_notify_notifies = 0;

  if (bus == NULL)
    {
      g_test_skip ("no session bus: GIO cannot notify anyway");
      return;
    }
  if (bus_has (bus, "ListNames", "org.freedesktop.Notifications") ||
      bus_has (bus, "ListNames", "org.gtk.Notifications") ||
      bus_has (bus, "ListActivatableNames", "org.freedesktop.Notifications"))
    {
      g_test_skip ("this session has a notification service");
      return;
    }

  app = g_application_new ("io.github.beacon_wcs.Beacon.AlertsTest", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (app, NULL, &error));
  g_assert_no_error (error);

  alerts = beacon_alerts_new ();
  beacon_alerts_set_application (alerts, app);
  g_signal_connect (alerts, "notify::can-notify", G_CALLBACK (on_notify_count),
                    &can_notify_notifies);
  g_signal_connect (alerts, "alert-raised", G_CALLBACK (on_alert_raised), &raised);
  stream = beacon_watched_stream_new ("cam8");
  beacon_alerts_set_bad_seconds (alerts, 1);
  beacon_alerts_watch (alerts, stream);
  _beacon_watched_stream_set_connected (stream, TRUE);
  _beacon_watched_stream_set_status (stream, BEACON_WCS_STREAM_STATUS_PLAYING, NULL);
  _beacon_watched_stream_set_quality (stream, BEACON_CHANNEL_QUALITY_BAD);

  WAIT_OR_ABORT (raised == 1, 5, "the bad-quality alert");
  g_assert_false (beacon_alerts_get_can_notify (alerts));
  g_assert_cmpuint (can_notify_notifies, ==, 0);
  g_assert_true (beacon_watched_stream_get_alert (stream));

  /* A reply to anything sent to the bus before this call has arrived once it returns: an
   * error from a notification that went out would be handled (and warned about) below. */
  g_assert_true (bus_has (bus, "ListNames", "org.freedesktop.DBus"));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  _beacon_watched_stream_set_quality (stream, BEACON_CHANNEL_QUALITY_GOOD);
  g_assert_false (beacon_watched_stream_get_alert (stream));
  beacon_alerts_unwatch (alerts, stream);
  g_assert_finalize_object (alerts);
  g_assert_finalize_object (stream);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* The tile is a widget: without a display the whole file is skipped, not failed. */
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  g_test_add_func ("/beacon/ui/stream-tile/status-badge", test_status_badge);
  g_test_add_func ("/beacon/ui/stream-tile/quality-indicator", test_quality_indicator);
  g_test_add_func ("/beacon/ui/stream-tile/alert-badge", test_alert_badge);
  g_test_add_func ("/beacon/ui/stream-tile/samples", test_samples);
  g_test_add_func ("/beacon/ui/stream-tile/stop-without-session", test_stop_without_session);
  g_test_add_func ("/beacon/ui/stream-grid/reflow", test_grid_reflow);
  g_test_add_func ("/beacon/ui/alerts/bad-quality", test_alert_bad_quality);
  g_test_add_func ("/beacon/ui/alerts/failed", test_alert_failed);
  g_test_add_func ("/beacon/ui/alerts/without-notification-service",
                   test_alert_without_notification_service);

  return g_test_run ();
}
