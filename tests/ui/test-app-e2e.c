/* test-app-e2e.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The whole app, in-process, as the README's first command starts it: `beacon --demo` starts
 * the built-in server, publishes the test pattern as "demo" and plays it in the grid. The
 * test waits until the tile's video sink has rendered frames and its charts have points,
 * then saves a screenshot of the window as a test artefact (its path is printed as a TAP
 * comment), then opens the tile's detail view and saves that too, then the Server view once
 * it lists the demo with its measured bitrate. In-process, so that frames-rendered can be
 * read instead of guessed from a delay. `--play demo` is given too: it must wait for the demo
 * to publish, not fail its availability check ("Stream not found") before. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "beacon-application.h"
#include "beacon-play-page.h"
#include "beacon-server-page.h"
#include "beacon-stream-detail.h"
#include "beacon-stream-tile.h"
#include "beacon-watched-stream.h"
#include "beacon-window.h"

/* From the command to frames on a slow 2-core machine: server, publish, play, first frame. */
#define DEADLINE_S      45
/* Enough samples (one a second) for the sparklines to show a line, not a dot. */
#define CHART_POINTS    10
#define FRAMES_RISING   30

typedef enum
{
  STEP_DEMO,          /* waiting for moving video and charts */
  STEP_DETAIL,        /* waiting for the detail view */
  STEP_SERVER,        /* waiting for the Server view to list the demo with figures */
  STEP_DONE,
} Step;

typedef struct
{
  GApplication *app;
  gint64        deadline;
  guint64       first_frames;     /* frames rendered when first seen PLAYING; 0 before */
  Step          step;
  gboolean      saving;           /* a screenshot is being taken */
  char         *screenshot;
  char         *detail_screenshot;
  char         *server_screenshot;
  GPtrArray    *play_messages;    /* what the play page said went wrong, if anything */
  char         *failure;
} E2e;

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static BeaconWatchedStream *
find_demo (BeaconPlayPage *page)
{
  GListModel *streams = beacon_play_page_get_streams (page);

  for (guint i = 0; i < g_list_model_get_n_items (streams); i++)
    {
      g_autoptr(BeaconWatchedStream) stream = g_list_model_get_item (streams, i);

      if (g_strcmp0 (beacon_watched_stream_get_name (stream), "demo") == 0)
        return stream;   /* the page's store keeps it */
    }
  return NULL;
}

static guint
n_points (BeaconWatchedStream *stream,
          BeaconWatchedSide    side)
{
  return beacon_metric_series_get_n_points (beacon_watched_stream_get_series (stream,
                                                                              BEACON_WATCHED_METRIC_FPS,
                                                                              side,
                                                                              BEACON_WATCHED_SPAN_MINUTE));
}

/* Where the app got to, for the failure message. */
static char *
describe (BeaconPlayPage      *page,
          BeaconWatchedStream *stream)
{
  if (page == NULL)
    return g_strdup ("no play page in the window");
  if (stream == NULL)
    return g_strdup_printf ("no “demo” tile (page message: %s)",
                            beacon_play_page_get_message (page));
  return g_strdup_printf ("“demo” is in status %d (%s), %" G_GUINT64_FORMAT " frames rendered, "
                          "%u local and %u server fps points",
                          beacon_watched_stream_get_status (stream),
                          beacon_watched_stream_get_info (stream),
                          beacon_watched_stream_get_frames_rendered (stream),
                          n_points (stream, BEACON_WATCHED_SIDE_LOCAL),
                          n_points (stream, BEACON_WATCHED_SIDE_SERVER));
}

static gboolean
demo_is_shown (E2e                 *e2e,
               BeaconWatchedStream *stream)
{
  guint64 frames;

  if (stream == NULL ||
      beacon_watched_stream_get_status (stream) != BEACON_WCS_STREAM_STATUS_PLAYING)
    return FALSE;

  /* Frames still coming, not one frozen picture. */
  frames = beacon_watched_stream_get_frames_rendered (stream);
  if (e2e->first_frames == 0)
    e2e->first_frames = MAX (frames, 1);
  return frames >= e2e->first_frames + FRAMES_RISING &&
         n_points (stream, BEACON_WATCHED_SIDE_LOCAL) >= CHART_POINTS &&
         n_points (stream, BEACON_WATCHED_SIDE_SERVER) >= CHART_POINTS;
}

static gboolean
fail (E2e  *e2e,
      char *failure)
{
  if (e2e->failure == NULL)
    e2e->failure = failure;
  else
    g_free (failure);
  g_application_quit (e2e->app);
  return G_SOURCE_REMOVE;
}

static void next_step (E2e *e2e);

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  E2e *e2e = user_data;
  g_autoptr(GError) error = NULL;

  e2e->saving = FALSE;
  if (!beacon_window_save_screenshot_finish (BEACON_WINDOW (source), result, &error))
    {
      fail (e2e, g_strdup_printf ("could not save a screenshot: %s", error->message));
      return;
    }
  next_step (e2e);
}

/* The window takes it from its next frame that can give one. */
static void
save (E2e        *e2e,
      GtkWindow  *window,
      const char *path)
{
  g_assert_true (BEACON_IS_WINDOW (window));
  e2e->saving = TRUE;
  beacon_window_save_screenshot_async (BEACON_WINDOW (window), path, NULL, on_saved, e2e);
}

static void
on_play_message (BeaconPlayPage *page,
                 GParamSpec     *pspec,
                 E2e            *e2e)
{
  if (beacon_play_page_get_message (page) != NULL)
    g_ptr_array_add (e2e->play_messages, g_strdup (beacon_play_page_get_message (page)));
}

/* Before the session is up (a window exists from the command line on): watch the play page
 * for any failed add. */
static gboolean
on_window_added_idle (gpointer user_data)
{
  E2e *e2e = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (e2e->app));
  GtkWidget *page = window != NULL ? find_descendant (GTK_WIDGET (window), BEACON_TYPE_PLAY_PAGE)
                                   : NULL;

  if (page == NULL)
    return fail (e2e, g_strdup ("no play page in the new window"));
  /* Run from the tree as build-aux/run runs it: the app icon comes from the source's data/. */
  if (g_strcmp0 (gtk_window_get_default_icon_name (), BASE_ID) != 0 ||
      !gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                BASE_ID))
    return fail (e2e, g_strdup_printf ("the window icon is “%s”, and the icon theme %s %s",
                                       gtk_window_get_default_icon_name (),
                                       gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                                                BASE_ID) ? "has" : "lacks",
                                       BASE_ID));
  g_signal_connect (page, "notify::message", G_CALLBACK (on_play_message), e2e);
  return G_SOURCE_REMOVE;
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 E2e            *e2e)
{
  /* The window's pages are made once its construction ends, after this signal; high
   * priority, so that it runs before the session's I/O can be handled. */
  g_idle_add_full (G_PRIORITY_HIGH, on_window_added_idle, e2e, NULL);
}

/* The detail view is in place once the leaflet has finished sliding to it. */
static gboolean
detail_is_shown (GtkWidget *page)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (find_descendant (page, ADW_TYPE_LEAFLET));
  GtkWidget *detail = find_descendant (page, BEACON_TYPE_STREAM_DETAIL);

  return adw_leaflet_get_visible_child (leaflet) == detail &&
         !adw_leaflet_get_child_transition_running (leaflet) &&
         gtk_widget_get_mapped (detail);
}

/* The Server view lists the demo, published, with what the relay measured. */
static gboolean
server_lists_demo (GtkWidget *window)
{
  GtkWidget *page = find_descendant (window, BEACON_TYPE_SERVER_PAGE);

  for (guint i = 0; page != NULL && i < beacon_server_page_get_n_rows (BEACON_SERVER_PAGE (page)); i++)
    {
      BeaconServerRow *row = beacon_server_page_get_row (BEACON_SERVER_PAGE (page), i);
      const BeaconWcsRestStream *stream = beacon_server_row_get_stream (row);

      if (g_strcmp0 (stream->name, "demo") == 0 && stream->published == TRUE &&
          stream->video_rate > 0)
        return gtk_widget_get_mapped (GTK_WIDGET (row));
    }
  return FALSE;
}

static void
next_step (E2e *e2e)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (e2e->app));
  GtkWidget *page = find_descendant (GTK_WIDGET (window), BEACON_TYPE_PLAY_PAGE);

  switch (e2e->step)
    {
    case STEP_DEMO:
      /* Then the tile's detail view, as its menu's "Details" opens it. */
      e2e->step = STEP_DETAIL;
      if (!gtk_widget_activate_action (find_descendant (page, BEACON_TYPE_STREAM_TILE),
                                       "tile.details", NULL))
        fail (e2e, g_strdup ("the tile has no tile.details action"));
      break;
    case STEP_DETAIL:
      /* Then the Server view, as Alt+4 shows it. */
      e2e->step = STEP_SERVER;
      if (!gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "server"))
        fail (e2e, g_strdup ("the window has no win.show-page action"));
      break;
    case STEP_SERVER:
      e2e->step = STEP_DONE;
      g_application_quit (e2e->app);
      break;
    case STEP_DONE:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
on_poll (gpointer user_data)
{
  E2e *e2e = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (e2e->app));
  GtkWidget *page = window != NULL ? find_descendant (GTK_WIDGET (window), BEACON_TYPE_PLAY_PAGE)
                                   : NULL;
  BeaconWatchedStream *stream = page != NULL ? find_demo (BEACON_PLAY_PAGE (page)) : NULL;
  gboolean timed_out = g_get_monotonic_time () >= e2e->deadline;

  if (e2e->saving || e2e->failure != NULL || e2e->step == STEP_DONE)
    return G_SOURCE_CONTINUE;

  switch (e2e->step)
    {
    case STEP_DEMO:
      if (demo_is_shown (e2e, stream))
        {
          save (e2e, window, e2e->screenshot);
          return G_SOURCE_CONTINUE;
        }
      if (timed_out)
        {
          g_autofree char *state = describe (page ? BEACON_PLAY_PAGE (page) : NULL, stream);

          return fail (e2e, g_strdup_printf ("waited %d s for the demo tile to show moving "
                                             "video and charts: %s", DEADLINE_S, state));
        }
      break;
    case STEP_DETAIL:
      if (detail_is_shown (page))
        {
          save (e2e, window, e2e->detail_screenshot);
          return G_SOURCE_CONTINUE;
        }
      if (timed_out)
        return fail (e2e, g_strdup_printf ("waited %d s for the detail view to open",
                                           DEADLINE_S));
      break;
    case STEP_SERVER:
      if (server_lists_demo (GTK_WIDGET (window)))
        {
          save (e2e, window, e2e->server_screenshot);
          return G_SOURCE_CONTINUE;
        }
      if (timed_out)
        return fail (e2e, g_strdup_printf ("waited %d s for the Server view to list the demo "
                                           "with a measured bitrate", DEADLINE_S));
      break;
    case STEP_DONE:
    default:
      break;
    }
  return G_SOURCE_CONTINUE;
}

static void
check_png (const char *path,
           const char *what)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), >=, 360);
  g_test_message ("%s: %s (%d × %d)", what, path,
                  gdk_texture_get_width (texture), gdk_texture_get_height (texture));
}

static void
test_demo_plays (void)
{
  char *argv[] = { (char *) "beacon", (char *) "--demo", (char *) "--play", (char *) "demo",
                   (char *) "--window-size", (char *) "1024x720", NULL };
  E2e e2e = { 0 };
  g_autofree char *data_dir = NULL;
  guint poll_id;
  int status;

  e2e.screenshot = g_test_build_filename (G_TEST_BUILT, "ui", "app-e2e-screenshot.png", NULL);
  e2e.detail_screenshot = g_test_build_filename (G_TEST_BUILT, "ui", "app-e2e-detail.png", NULL);
  e2e.server_screenshot = g_test_build_filename (G_TEST_BUILT, "ui", "app-e2e-server.png", NULL);
  e2e.play_messages = g_ptr_array_new_with_free_func (g_free);
  data_dir = g_test_build_filename (G_TEST_DIST, "..", "data", NULL);
  g_setenv ("BEACON_DATA_DIR", data_dir, TRUE);
  g_remove (e2e.screenshot);
  g_remove (e2e.detail_screenshot);
  g_remove (e2e.server_screenshot);
  e2e.app = G_APPLICATION (beacon_application_new ());
  /* Never hand the command line to another Beacon on this session bus. */
  g_application_set_flags (e2e.app, g_application_get_flags (e2e.app) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (e2e.app, "window-added", G_CALLBACK (on_window_added), &e2e);
  e2e.deadline = g_get_monotonic_time () + DEADLINE_S * G_USEC_PER_SEC;
  poll_id = g_timeout_add (100, on_poll, &e2e);

  status = g_application_run (e2e.app, G_N_ELEMENTS (argv) - 1, argv);
  g_source_remove (poll_id);
  g_assert_cmpint (status, ==, 0);
  if (e2e.failure != NULL)
    g_error ("%s (screenshot: %s)", e2e.failure, e2e.screenshot);

  /* The --play of the demo's own name waited for it: nothing was refused on the way. */
  for (guint i = 0; i < e2e.play_messages->len; i++)
    g_test_message ("play page said: %s", (char *) g_ptr_array_index (e2e.play_messages, i));
  g_assert_cmpuint (e2e.play_messages->len, ==, 0);

  check_png (e2e.screenshot, "screenshot");
  check_png (e2e.detail_screenshot, "detail view screenshot");
  check_png (e2e.server_screenshot, "server view screenshot");

  g_clear_object (&e2e.app);
  g_clear_pointer (&e2e.play_messages, g_ptr_array_unref);
  g_free (e2e.screenshot);
  g_free (e2e.detail_screenshot);
  g_free (e2e.server_screenshot);
  g_free (e2e.failure);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  g_test_add_func ("/beacon/ui/app-e2e/demo-plays", test_demo_plays);

  return g_test_run ();
}
