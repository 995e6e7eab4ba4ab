/* test-app-e2e.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The whole app, in-process, as the README's first command starts it: `beacon --demo` starts
 * the built-in server, publishes the test pattern as "demo" and plays it in the grid. The
 * test waits until the tile's video sink has rendered frames and its charts have points,
 * then saves a screenshot of the window as a test artefact (its path is printed as a TAP
 * comment), then opens the tile's detail view and saves that too. In-process, so that frames-rendered can be read instead of guessed from a
 * delay. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "beacon-application.h"
#include "beacon-play-page.h"
#include "beacon-stream-detail.h"
#include "beacon-stream-tile.h"
#include "beacon-watched-stream.h"
#include "beacon-window.h"

/* From the command to frames on a slow 2-core machine: server, publish, play, first frame. */
#define DEADLINE_S      45
/* Enough samples (one a second) for the sparklines to show a line, not a dot. */
#define CHART_POINTS    10
#define FRAMES_RISING   30

typedef struct
{
  GApplication *app;
  gint64        deadline;
  guint64       first_frames;     /* frames rendered when first seen PLAYING; 0 before */
  gboolean      detail_opened;
  char         *screenshot;
  char         *detail_screenshot;
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

/* Saves a screenshot of @window; %FALSE while the window cannot be drawn yet (it may be
 * between a resize and its next layout), with the reason in *@why. */
static gboolean
save (GtkWindow   *window,
      const char  *path,
      char       **why)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (why, g_free);
  if (!BEACON_IS_WINDOW (window))
    {
      *why = g_strdup_printf ("no Beacon window to save %s from (the active window is %s)",
                              path, window != NULL ? G_OBJECT_TYPE_NAME (window) : "none");
      return FALSE;
    }
  if (!beacon_window_save_screenshot (BEACON_WINDOW (window), path, &error))
    {
      *why = g_strdup_printf ("could not save %s: %s", path, error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
fail (E2e  *e2e,
      char *failure)
{
  e2e->failure = failure;
  g_application_quit (e2e->app);
  return G_SOURCE_REMOVE;
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

static gboolean
on_poll (gpointer user_data)
{
  E2e *e2e = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (e2e->app));
  GtkWidget *page = window != NULL ? find_descendant (GTK_WIDGET (window), BEACON_TYPE_PLAY_PAGE)
                                   : NULL;
  BeaconWatchedStream *stream = page != NULL ? find_demo (BEACON_PLAY_PAGE (page)) : NULL;
  gboolean timed_out = g_get_monotonic_time () >= e2e->deadline;
  g_autofree char *why = NULL;

  if (!e2e->detail_opened)
    {
      if (demo_is_shown (e2e, stream) && save (window, e2e->screenshot, &why))
        {
          /* Then the tile's detail view, as its menu's "Details" opens it. */
          e2e->detail_opened = TRUE;
          if (!gtk_widget_activate_action (find_descendant (page, BEACON_TYPE_STREAM_TILE),
                                           "tile.details", NULL))
            return fail (e2e, g_strdup ("the tile has no tile.details action"));
          return G_SOURCE_CONTINUE;
        }
      if (!timed_out)
        return G_SOURCE_CONTINUE;

      /* A screenshot either way: after a failure it shows what the user saw. */
      if (why == NULL)
        {
          g_autofree char *state = describe (BEACON_PLAY_PAGE (page), stream);

          save (window, e2e->screenshot, &why);
          return fail (e2e, g_strdup_printf ("waited %d s for the demo tile to show moving "
                                             "video and charts: %s", DEADLINE_S, state));
        }
      return fail (e2e, g_steal_pointer (&why));
    }

  if (detail_is_shown (page) && save (window, e2e->detail_screenshot, &why))
    {
      g_application_quit (e2e->app);
      return G_SOURCE_REMOVE;
    }
  if (!timed_out)
    return G_SOURCE_CONTINUE;
  return fail (e2e, why != NULL ? g_steal_pointer (&why)
                                : g_strdup_printf ("waited %d s for the detail view to open",
                                                   DEADLINE_S));
}

static void
test_demo_plays (void)
{
  char *argv[] = { (char *) "beacon", (char *) "--demo", (char *) "--window-size",
                   (char *) "1024x720", NULL };
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  E2e e2e = { 0 };
  int status;

  e2e.screenshot = g_test_build_filename (G_TEST_BUILT, "ui", "app-e2e-screenshot.png", NULL);
  e2e.detail_screenshot = g_test_build_filename (G_TEST_BUILT, "ui", "app-e2e-detail.png", NULL);
  g_remove (e2e.screenshot);
  g_remove (e2e.detail_screenshot);
  e2e.app = G_APPLICATION (beacon_application_new ());
  /* Never hand the command line to another Beacon on this session bus. */
  g_application_set_flags (e2e.app, g_application_get_flags (e2e.app) | G_APPLICATION_NON_UNIQUE);
  e2e.deadline = g_get_monotonic_time () + DEADLINE_S * G_USEC_PER_SEC;
  g_timeout_add (100, on_poll, &e2e);

  status = g_application_run (e2e.app, G_N_ELEMENTS (argv) - 1, argv);
  g_assert_cmpint (status, ==, 0);
  if (e2e.failure != NULL)
    g_error ("%s (screenshot: %s)", e2e.failure, e2e.screenshot);

  texture = gdk_texture_new_from_filename (e2e.screenshot, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), >=, 360);
  g_test_message ("screenshot: %s (%d × %d)", e2e.screenshot,
                  gdk_texture_get_width (texture), gdk_texture_get_height (texture));
  g_clear_object (&texture);
  texture = gdk_texture_new_from_filename (e2e.detail_screenshot, &error);
  g_assert_no_error (error);
  g_test_message ("detail view screenshot: %s", e2e.detail_screenshot);

  g_clear_object (&e2e.app);
  g_free (e2e.screenshot);
  g_free (e2e.detail_screenshot);
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
