/* test-app-russian.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The whole app, in-process, in Russian: LANGUAGE=ru over a C.UTF-8 locale, the catalogues
 * the build made (BEACON_LOCALEDIR, as src/main.c reads it uninstalled). `beacon --demo`
 * runs until the demo tile shows moving video; then the window is saved as a screenshot (its
 * path is printed as a TAP comment) and the words on screen are checked against ru.po: the
 * view switcher's page titles, the tile's status badge and the connection summary. A
 * catalogue that is missing, not built or not found leaves them in English, and the test
 * fails saying so. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "beacon-application.h"
#include "beacon-connection.h"
#include "beacon-play-page.h"
#include "beacon-stream-tile.h"
#include "beacon-watched-stream.h"
#include "beacon-window.h"

/* From the command to frames on a slow 2-core machine: server, publish, play, first frame. */
#define DEADLINE_S      45
#define FRAMES_RISING   30
/* Samples (one a second) before the screenshot: charts with a line, a measured quality. */
#define CHART_POINTS    5

/* What ru.po says, written out here: comparing with a lookup through the same catalogue
 * would pass whatever the catalogue held. Update these with ru.po. */
static const struct
{
  const char *page;
  const char *english;
  const char *russian;
} page_titles[] = {
  { "connect", "Connect", "Подключение" },
  { "publish", "Publish", "Публикация" },
  { "play",    "Play",    "Просмотр" },
  { "server",  "Server",  "Сервер" },
};
#define RUSSIAN_PLAYING "Воспроизводится"
#define RUSSIAN_LOCAL   "Локальный тестовый сервер"

typedef struct
{
  GApplication *app;
  gint64        deadline;
  guint64       first_frames;     /* frames rendered when first seen PLAYING; 0 before */
  gboolean      saving;
  gboolean      done;
  char         *screenshot;
  char         *failure;
  /* The words on screen when the screenshot was taken. */
  char         *titles[G_N_ELEMENTS (page_titles)];
  char         *badge;
  char         *summary;
} Russian;

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

static gboolean
fail (Russian *russian,
      char    *failure)
{
  if (russian->failure == NULL)
    russian->failure = failure;
  else
    g_free (failure);
  g_application_quit (russian->app);
  return G_SOURCE_REMOVE;
}

static guint
n_points (BeaconWatchedStream *stream)
{
  BeaconMetricSeries *fps = beacon_watched_stream_get_series (stream, BEACON_WATCHED_METRIC_FPS,
                                                              BEACON_WATCHED_SIDE_LOCAL,
                                                              BEACON_WATCHED_SPAN_MINUTE);

  return beacon_metric_series_get_n_points (fps);
}

/* Frames still coming, not one frozen picture, and the window has drawn them; the tile's
 * figures are in too, so that the screenshot shows translated words everywhere. */
static gboolean
demo_is_shown (Russian             *russian,
               GtkWindow           *window,
               BeaconWatchedStream *stream)
{
  guint64 frames;

  if (stream == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)) ||
      beacon_watched_stream_get_status (stream) != BEACON_WCS_STREAM_STATUS_PLAYING)
    return FALSE;

  frames = beacon_watched_stream_get_frames_rendered (stream);
  if (russian->first_frames == 0)
    russian->first_frames = MAX (frames, 1);
  return frames >= russian->first_frames + FRAMES_RISING &&
         n_points (stream) >= CHART_POINTS &&
         beacon_watched_stream_get_quality (stream) != BEACON_CHANNEL_QUALITY_UNKNOWN;
}

static void
remember_words (Russian   *russian,
                GtkWindow *window)
{
  AdwViewStack *stack = ADW_VIEW_STACK (find_descendant (GTK_WIDGET (window),
                                                         ADW_TYPE_VIEW_STACK));
  GtkWidget *tile = find_descendant (GTK_WIDGET (window), BEACON_TYPE_STREAM_TILE);
  BeaconConnection *connection = beacon_window_get_connection (BEACON_WINDOW (window));

  for (guint i = 0; stack != NULL && i < G_N_ELEMENTS (page_titles); i++)
    {
      GtkWidget *child = adw_view_stack_get_child_by_name (stack, page_titles[i].page);

      if (child != NULL)
        russian->titles[i] =
          g_strdup (adw_view_stack_page_get_title (adw_view_stack_get_page (stack, child)));
    }
  if (tile != NULL)
    {
      GtkWidget *badge = beacon_stream_tile_get_status_badge (BEACON_STREAM_TILE (tile));

      russian->badge = g_strdup (gtk_label_get_label (GTK_LABEL (badge)));
    }
  russian->summary = g_strdup (beacon_connection_get_summary (connection));
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Russian *russian = user_data;
  g_autoptr(GError) error = NULL;

  russian->saving = FALSE;
  if (!beacon_window_save_screenshot_finish (BEACON_WINDOW (source), result, &error))
    {
      fail (russian, g_strdup_printf ("could not save the screenshot: %s", error->message));
      return;
    }
  russian->done = TRUE;
  g_application_quit (russian->app);
}

static gboolean
on_poll (gpointer user_data)
{
  Russian *russian = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (russian->app));
  GtkWidget *page = window != NULL ? find_descendant (GTK_WIDGET (window), BEACON_TYPE_PLAY_PAGE)
                                   : NULL;
  BeaconWatchedStream *stream = page != NULL ? find_demo (BEACON_PLAY_PAGE (page)) : NULL;

  if (russian->saving || russian->done || russian->failure != NULL)
    return G_SOURCE_CONTINUE;

  if (window != NULL && demo_is_shown (russian, window, stream))
    {
      g_assert_true (BEACON_IS_WINDOW (window));
      remember_words (russian, window);
      russian->saving = TRUE;
      beacon_window_save_screenshot_async (BEACON_WINDOW (window), russian->screenshot, NULL,
                                           on_saved, russian);
      return G_SOURCE_CONTINUE;
    }
  if (g_get_monotonic_time () >= russian->deadline)
    {
      const char *state = "too few frames rendered or chart points, or no quality yet";

      if (window == NULL)
        state = "no window";
      else if (stream == NULL)
        state = "no “demo” tile";
      else if (beacon_watched_stream_get_status (stream) != BEACON_WCS_STREAM_STATUS_PLAYING)
        state = "the demo is not playing";
      return fail (russian, g_strdup_printf ("waited %d s for the window to show the demo tile "
                                             "with moving video: %s", DEADLINE_S, state));
    }
  return G_SOURCE_CONTINUE;
}

static void
test_labels_are_russian (void)
{
  char *argv[] = { (char *) "beacon", (char *) "--demo",
                   (char *) "--window-size", (char *) "1024x720", NULL };
  const char *localedir = g_getenv ("BEACON_LOCALEDIR");
  g_autofree char *catalogue = NULL;
  g_autofree char *data_dir = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  Russian russian = { 0 };
  guint poll_id;
  int status;

  if (localedir == NULL || *localedir == '\0')
    {
      g_test_fail_printf ("BEACON_LOCALEDIR is not set: meson test sets it to the build's po/");
      return;
    }
  catalogue = g_build_filename (localedir, "ru", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (catalogue, G_FILE_TEST_IS_REGULAR))
    {
      g_test_fail_printf ("no Russian catalogue at %s (is po/ built?)", catalogue);
      return;
    }
  g_test_message ("catalogue: %s", catalogue);

  russian.screenshot = g_test_build_filename (G_TEST_BUILT, "ui", "app-russian-screenshot.png",
                                              NULL);
  data_dir = g_test_build_filename (G_TEST_DIST, "..", "data", NULL);
  g_setenv ("BEACON_DATA_DIR", data_dir, TRUE);
  g_remove (russian.screenshot);
  russian.app = G_APPLICATION (beacon_application_new ());
  /* Never hand the command line to another Beacon on this session bus. */
  g_application_set_flags (russian.app,
                           g_application_get_flags (russian.app) | G_APPLICATION_NON_UNIQUE);
  russian.deadline = g_get_monotonic_time () + DEADLINE_S * G_USEC_PER_SEC;
  poll_id = g_timeout_add (100, on_poll, &russian);

  status = g_application_run (russian.app, G_N_ELEMENTS (argv) - 1, argv);
  g_source_remove (poll_id);
  g_assert_cmpint (status, ==, 0);
  if (russian.failure != NULL)
    g_error ("%s", russian.failure);

  texture = gdk_texture_new_from_filename (russian.screenshot, &error);
  g_assert_no_error (error);
  g_test_message ("screenshot: %s (%d × %d)", russian.screenshot,
                  gdk_texture_get_width (texture), gdk_texture_get_height (texture));

  for (guint i = 0; i < G_N_ELEMENTS (page_titles); i++)
    {
      g_test_message ("page “%s”: “%s”", page_titles[i].page, russian.titles[i]);
      g_assert_cmpstr (russian.titles[i], !=, page_titles[i].english);
      g_assert_cmpstr (russian.titles[i], ==, page_titles[i].russian);
    }
  g_test_message ("tile badge: “%s”, connection: “%s”", russian.badge, russian.summary);
  g_assert_cmpstr (russian.badge, ==, RUSSIAN_PLAYING);
  g_assert_cmpstr (russian.summary, ==, RUSSIAN_LOCAL);

  g_clear_object (&russian.app);
  for (guint i = 0; i < G_N_ELEMENTS (page_titles); i++)
    g_free (russian.titles[i]);
  g_free (russian.badge);
  g_free (russian.summary);
  g_free (russian.screenshot);
}

int
main (int   argc,
      char *argv[])
{
  /* Before anything reads the locale: GTK's init calls setlocale (LC_ALL, ""), and gettext
   * reads LANGUAGE on each lookup. LANGUAGE picks the catalogue; a C.UTF-8 locale, present
   * everywhere, makes the text UTF-8 without needing a generated ru_RU locale. */
  g_setenv ("LANGUAGE", "ru", TRUE);
  g_setenv ("LANG", "C.UTF-8", TRUE);
  g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_MESSAGES");
  setlocale (LC_ALL, "");
  /* What src/main.c does, which this in-process run does not go through. */
  if (g_getenv ("BEACON_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("BEACON_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  g_test_add_func ("/beacon/ui/app-russian/labels-are-russian", test_labels_are_russian);

  return g_test_run ();
}
