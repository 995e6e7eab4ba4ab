/* test-play-page.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* BeaconPlayPage end to end on loopback: a real BeaconLocalServer + BeaconMediaRelay on a
 * free port, a real BeaconPublisher sending the test pattern, and the page's own
 * BeaconConnection, players and video sinks, in a real window. */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "beacon-local-server.h"
#include "beacon-media-relay.h"
#include "beacon-play-page.h"
#include "beacon-publisher.h"
#include "beacon-stream-grid.h"
#include "beacon-stream-tile.h"
#include "beacon-watched-stream.h"
#include "beacon-test-wait.h"

/* First frames take about a second on loopback; slow CI machines get slack. */
#define MEDIA_DEADLINE_S 20
#define CHECK_DEADLINE_S 10

typedef struct
{
  BeaconLocalServer *server;
  BeaconMediaRelay  *relay;
  char              *url;
  BeaconWcsClient   *publisher_client;
  BeaconPublisher   *publisher;
  BeaconConnection  *connection;
  GSettings         *settings;
  GtkWindow         *window;
  BeaconPlayPage    *page;
} Fixture;

static void
on_client_connected (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  beacon_wcs_client_connect_finish (BEACON_WCS_CLIENT (source), result, &error);
  g_assert_no_error (error);
}

static void
on_connection_connected (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  beacon_connection_connect_finish (BEACON_CONNECTION (source), result, &error);
  g_assert_no_error (error);
}

static gboolean
client_established (BeaconWcsClient *client)
{
  return client != NULL && beacon_wcs_client_get_state (client) == BEACON_WCS_STATE_ESTABLISHED;
}

static void
publish (Fixture    *fixture,
         const char *name)
{
  g_autoptr(GError) error = NULL;

  fixture->publisher_client = beacon_wcs_client_new (fixture->url);
  beacon_wcs_client_connect_async (fixture->publisher_client, NULL, on_client_connected, NULL);
  WAIT_OR_ABORT (client_established (fixture->publisher_client), CHECK_DEADLINE_S,
            "the publisher's session");

  fixture->publisher = beacon_publisher_new (fixture->publisher_client);
  beacon_publisher_set_source (fixture->publisher, "test");
  beacon_publisher_set_width (fixture->publisher, 320);
  beacon_publisher_set_height (fixture->publisher, 240);
  beacon_publisher_start (fixture->publisher, name, &error);
  g_assert_no_error (error);
  WAIT_OR_ABORT (beacon_publisher_get_status (fixture->publisher) == BEACON_WCS_STREAM_STATUS_PUBLISHING,
            MEDIA_DEADLINE_S, "the test pattern to be PUBLISHING");
}

static void
make_page (Fixture *fixture)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 800, 600);
  /* Our own reference, so teardown can check the window let go of the page entirely. */
  fixture->page = BEACON_PLAY_PAGE (g_object_ref_sink (beacon_play_page_new (fixture->connection)));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char * const *restore = data;
  g_autoptr(GError) error = NULL;

  fixture->server = beacon_local_server_new ();
  beacon_local_server_set_port (fixture->server, 0);
  g_assert_true (beacon_local_server_start (fixture->server, &error));
  g_assert_no_error (error);
  fixture->relay = beacon_media_relay_new (fixture->server);
  fixture->url = beacon_local_server_dup_url (fixture->server);

  /* The memory backend keeps values for the whole process: each test starts from its own. */
  fixture->settings = g_settings_new (BASE_ID);
  if (restore != NULL)
    g_settings_set_strv (fixture->settings, "watched-streams", restore);
  else
    g_settings_reset (fixture->settings, "watched-streams");

  publish (fixture, "cam");

  fixture->connection = beacon_connection_new ();
  beacon_connection_connect_async (fixture->connection, fixture->url, NULL, NULL, NULL,
                                   on_connection_connected, NULL);
  WAIT_OR_ABORT (client_established (beacon_connection_get_client (fixture->connection)),
            CHECK_DEADLINE_S, "the page's connection");

  make_page (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->page);
  beacon_connection_disconnect (fixture->connection);
  g_clear_object (&fixture->connection);
  beacon_publisher_stop (fixture->publisher);
  g_clear_object (&fixture->publisher);
  beacon_wcs_client_disconnect (fixture->publisher_client);
  g_clear_object (&fixture->publisher_client);
  beacon_local_server_stop (fixture->server);
  g_clear_object (&fixture->relay);
  g_clear_object (&fixture->server);
  g_clear_object (&fixture->settings);
  g_free (fixture->url);
}

static BeaconWatchedStream *
stream_at (Fixture *fixture,
           guint    position)
{
  GListModel *streams = beacon_play_page_get_streams (fixture->page);
  g_autoptr(BeaconWatchedStream) stream = g_list_model_get_item (streams, position);

  /* The page's store keeps it alive. */
  return stream;
}

static guint
n_streams (Fixture *fixture)
{
  return g_list_model_get_n_items (beacon_play_page_get_streams (fixture->page));
}

static BeaconStreamGrid *
find_grid (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      BeaconStreamGrid *grid;

      if (BEACON_IS_STREAM_GRID (child))
        return BEACON_STREAM_GRID (child);
      if ((grid = find_grid (child)) != NULL)
        return grid;
    }
  return NULL;
}

static void
assert_saved (Fixture            *fixture,
              const char * const *expected)
{
  g_auto(GStrv) saved = g_settings_get_strv (fixture->settings, "watched-streams");

  g_assert_cmpstrv (saved, expected);
}

static void
wait_for_frames (BeaconWatchedStream *stream)
{
  guint64 first;

  WAIT_OR_ABORT (beacon_watched_stream_get_status (stream) == BEACON_WCS_STREAM_STATUS_PLAYING ||
            beacon_wcs_stream_status_is_terminal (beacon_watched_stream_get_status (stream)),
            MEDIA_DEADLINE_S, "the tile to reach PLAYING");
  if (beacon_watched_stream_get_status (stream) != BEACON_WCS_STREAM_STATUS_PLAYING)
    g_error ("expected PLAYING, got status %d (%s)", beacon_watched_stream_get_status (stream),
             beacon_watched_stream_get_info (stream));

  /* Frames rendered, and still coming: a frozen picture would stop the count. */
  WAIT_OR_ABORT (beacon_watched_stream_get_frames_rendered (stream) > 0, MEDIA_DEADLINE_S,
            "a first frame in the tile's video sink");
  first = beacon_watched_stream_get_frames_rendered (stream);
  WAIT_OR_ABORT (beacon_watched_stream_get_frames_rendered (stream) >= first + 15, 5,
            "15 more frames in the tile's video sink");
  g_test_message ("%s: %" G_GUINT64_FORMAT " frames rendered, decoded by %s, shown by %s",
                  beacon_watched_stream_get_name (stream),
                  beacon_watched_stream_get_frames_rendered (stream),
                  beacon_watched_stream_get_decoder_name (stream),
                  beacon_watched_stream_get_sink_name (stream));
}

static void
on_clipboard_text (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
}

static GtkWindow *
other_window (GtkWindow *known)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window != known)
        return window;   /* GTK's list keeps it */
    }
  return NULL;
}

static GtkWidget *
find_picture (GtkWidget *widget)
{
  if (GTK_IS_PICTURE (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_picture (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A name nobody publishes: the server's reason is shown, and nothing joins the grid. */
static GtkWidget *
find_entry (GtkWidget *widget)
{
  if (GTK_IS_ENTRY (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_add_missing (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *entry = find_entry (GTK_WIDGET (fixture->page));

  /* Typed, then Enter: the reason shows under the entry, which keeps the name. */
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "nobody-publishes-this");
  g_signal_emit_by_name (entry, "activate");   /* what Enter in the entry does */
  WAIT_OR_ABORT (beacon_play_page_get_message (fixture->page) != NULL, CHECK_DEADLINE_S,
            "the availability check's answer");
  g_assert_cmpstr (beacon_play_page_get_message (fixture->page), ==,
                   "Cannot watch “nobody-publishes-this”: Stream not found");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "nobody-publishes-this");
  g_assert_cmpuint (n_streams (fixture), ==, 0);
  /* Editing the name takes the old reason away. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "nobody");
  g_assert_null (beacon_play_page_get_message (fixture->page));

  /* The same through the API (the app's first run uses it). */
  beacon_play_page_add_stream (fixture->page, "nobody-publishes-this");
  WAIT_OR_ABORT (beacon_play_page_get_message (fixture->page) != NULL, CHECK_DEADLINE_S,
            "the availability check's answer");
  g_assert_nonnull (strstr (beacon_play_page_get_message (fixture->page), "Stream not found"));
  g_assert_cmpuint (n_streams (fixture), ==, 0);
  assert_saved (fixture, (const char * const[]) { NULL });
}

/* The published name: a tile that plays and renders frames, remembered in GSettings. */
static void
test_add_and_play (Fixture       *fixture,
                   gconstpointer  data)
{
  BeaconStreamGrid *grid = find_grid (GTK_WIDGET (fixture->page));
  BeaconWatchedStream *stream;
  GtkWidget *tile;

  beacon_play_page_add_stream (fixture->page, " cam ");
  WAIT_OR_ABORT (n_streams (fixture) == 1, CHECK_DEADLINE_S, "the stream to join the grid");
  g_assert_null (beacon_play_page_get_message (fixture->page));
  assert_saved (fixture, (const char * const[]) { "cam", NULL });

  stream = stream_at (fixture, 0);
  g_assert_cmpstr (beacon_watched_stream_get_name (stream), ==, "cam");

  /* Asking again (the app's demo does on every start) adds no second tile. */
  beacon_play_page_add_stream (fixture->page, "cam");
  g_assert_cmpuint (n_streams (fixture), ==, 1);
  g_assert_null (beacon_play_page_get_message (fixture->page));
  g_assert_nonnull (grid);
  tile = beacon_stream_grid_get_tile (grid, 0);
  g_assert_true (BEACON_IS_STREAM_TILE (tile));
  g_assert_true (beacon_stream_tile_get_stream (BEACON_STREAM_TILE (tile)) == stream);

  wait_for_frames (stream);
  g_assert_true (gtk_widget_has_css_class (beacon_stream_tile_get_status_badge (BEACON_STREAM_TILE (tile)),
                                           "status-playing"));
  g_assert_cmpint (beacon_watched_stream_get_width (stream), ==, 320);
  g_assert_cmpint (beacon_watched_stream_get_height (stream), ==, 240);
  g_assert_nonnull (beacon_watched_stream_get_decoder_name (stream));

  /* Stats arrive once a second: the fps series fills, with the server's beside it. */
  WAIT_OR_ABORT (beacon_metric_series_get_n_points (
              beacon_watched_stream_get_series (stream, BEACON_WATCHED_METRIC_FPS,
                                                BEACON_WATCHED_SIDE_SERVER,
                                                BEACON_WATCHED_SPAN_MINUTE)) >= 2,
            10, "two server-side fps points");

  /* Copy Stream Info: plain lines on the clipboard. */
  {
    g_autofree char *text = NULL;

    g_assert_true (gtk_widget_activate_action (tile, "tile.copy-info", NULL));
    gdk_clipboard_read_text_async (gtk_widget_get_clipboard (tile), NULL, on_clipboard_text,
                                   &text);
    WAIT_OR_ABORT (text != NULL, CHECK_DEADLINE_S, "the clipboard's text");
    g_assert_true (g_str_has_prefix (text, "Stream: cam\n"));
    g_assert_nonnull (strstr (text, "Status: PLAYING\n"));
    g_assert_nonnull (strstr (text, "Resolution: 320 × 240\n"));
  }

  /* Fullscreen: a window of its own showing the same picture; Escape's action closes it. */
  {
    GtkWindow *fullscreen;

    g_assert_true (gtk_widget_activate_action (tile, "tile.fullscreen", NULL));
    WAIT_OR_ABORT ((fullscreen = other_window (fixture->window)) != NULL, CHECK_DEADLINE_S,
              "the fullscreen window");
    g_assert_true (gtk_picture_get_paintable (GTK_PICTURE (find_picture (GTK_WIDGET (fullscreen)))) ==
                   beacon_watched_stream_get_paintable (stream));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fullscreen), "window.close", NULL));
    WAIT_OR_ABORT (other_window (fixture->window) == NULL, CHECK_DEADLINE_S,
              "the fullscreen window to close");
  }

  /* Export Metrics' text: the header and a row per second played. */
  {
    g_autofree char *csv = beacon_watched_stream_dup_metrics_csv (stream);
    g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);

    g_assert_cmpstr (lines[0], ==, "time,fps,bitrate_kbps,nack,pli,lost,server_fps,server_bitrate_kbps");
    g_assert_cmpuint (g_strv_length (lines), >=, 3);
  }

  /* Removing the tile (its menu's action) forgets the stream. */
  g_assert_true (gtk_widget_activate_action (tile, "tile.remove", NULL));
  g_assert_cmpuint (n_streams (fixture), ==, 0);
  assert_saved (fixture, (const char * const[]) { NULL });
}

static const char * const restored_names[] = { "cam", "gone", NULL };

/* Watched streams come back in their order; reordering is saved; a vanished name says why. */
static void
test_restore_and_reorder (Fixture       *fixture,
                          gconstpointer  data)
{
  BeaconStreamGrid *grid = find_grid (GTK_WIDGET (fixture->page));
  BeaconWatchedStream *cam;
  BeaconWatchedStream *gone;

  g_assert_cmpuint (n_streams (fixture), ==, 2);
  cam = stream_at (fixture, 0);
  gone = stream_at (fixture, 1);
  g_assert_cmpstr (beacon_watched_stream_get_name (cam), ==, "cam");
  g_assert_cmpstr (beacon_watched_stream_get_name (gone), ==, "gone");

  wait_for_frames (cam);
  WAIT_OR_ABORT (beacon_watched_stream_get_status (gone) == BEACON_WCS_STREAM_STATUS_FAILED,
            CHECK_DEADLINE_S, "the missing stream to fail");
  g_assert_cmpstr (beacon_watched_stream_get_info (gone), ==, "Stream not found");
  g_assert_cmpstr (beacon_stream_tile_status_label (gone), ==, "Failed");
  /* A failure that lasts raises the alert badge (its retries keep failing). */
  WAIT_OR_ABORT (beacon_watched_stream_get_alert (gone), CHECK_DEADLINE_S, "the failure's alert");
  g_assert_cmpstr (beacon_watched_stream_get_alert_reason (gone), ==, "“gone” failed");
  g_assert_false (beacon_watched_stream_get_alert (cam));

  g_assert_true (gtk_widget_activate_action (beacon_stream_grid_get_tile (grid, 0),
                                             "tile.move-right", NULL));
  g_assert_true (stream_at (fixture, 0) == gone);
  g_assert_true (stream_at (fixture, 1) == cam);
  assert_saved (fixture, (const char * const[]) { "gone", "cam", NULL });
  /* The moved stream kept playing: it is the same object behind a new tile. */
  g_assert_cmpint (beacon_watched_stream_get_status (cam), ==, BEACON_WCS_STREAM_STATUS_PLAYING);

  /* Disconnected: the tiles say so, and come back when the session does. */
  beacon_connection_disconnect (fixture->connection);
  WAIT_OR_ABORT (!beacon_watched_stream_get_connected (cam), CHECK_DEADLINE_S,
            "the tile to see the session go");
  g_assert_cmpstr (beacon_stream_tile_status_label (cam), ==, "Disconnected");

  beacon_connection_connect_async (fixture->connection, fixture->url, NULL, NULL, NULL,
                                   on_connection_connected, NULL);
  wait_for_frames (cam);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  g_test_add ("/beacon/ui/play-page/add-missing", Fixture, NULL,
              fixture_set_up, test_add_missing, fixture_tear_down);
  g_test_add ("/beacon/ui/play-page/add-and-play", Fixture, NULL,
              fixture_set_up, test_add_and_play, fixture_tear_down);
  g_test_add ("/beacon/ui/play-page/restore-and-reorder", Fixture, restored_names,
              fixture_set_up, test_restore_and_reorder, fixture_tear_down);

  return g_test_run ();
}
