/* test-server-page.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* BeaconServerPage against real parts on loopback: a BeaconConnection running the in-process
 * local server (BeaconLocalServer + BeaconMediaRelay + BeaconRestServer on free ports), two
 * BeaconPublishers sending the test pattern, and a real BeaconPlayPage beside the page in a
 * window. Also a REST API that nobody answers. */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "beacon-local-server.h"
#include "beacon-play-page.h"
#include "beacon-publisher.h"
#include "beacon-server-page.h"
#include "beacon-server-row.h"
#include "beacon-watched-stream.h"
#include "beacon-test-wait.h"

#define CONNECT_DEADLINE_S 10
/* Publishing, then the relay's first measured second, then a refresh: slow CI gets slack. */
#define MEDIA_DEADLINE_S   25

typedef struct
{
  BeaconConnection *connection;
  BeaconWcsClient  *publisher_client;
  BeaconPublisher  *publishers[2];
  GSettings        *settings;
  GtkWindow        *window;
  BeaconPlayPage   *play_page;
  BeaconServerPage *page;
} Fixture;

static const char * const stream_names[] = { "alpha", "beta" };

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
on_local_started (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  beacon_connection_start_local_finish (BEACON_CONNECTION (source), result, &error);
  g_assert_no_error (error);
}

static void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  beacon_connection_connect_finish (BEACON_CONNECTION (source), result, &error);
  g_assert_no_error (error);
}

static gboolean
established (BeaconWcsClient *client)
{
  return client != NULL && beacon_wcs_client_get_state (client) == BEACON_WCS_STATE_ESTABLISHED;
}

static void
make_window (Fixture *fixture)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1200, 700);
  /* Our own references, so teardown can check the window let go of the pages entirely. */
  fixture->play_page = BEACON_PLAY_PAGE (g_object_ref_sink (beacon_play_page_new (fixture->connection)));
  fixture->page = BEACON_SERVER_PAGE (g_object_ref_sink (beacon_server_page_new (fixture->connection)));
  beacon_server_page_set_play_page (fixture->page, fixture->play_page);
  beacon_server_page_set_refresh_interval (fixture->page, 1);
  gtk_widget_set_hexpand (GTK_WIDGET (fixture->play_page), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (fixture->page), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->play_page));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->page));
  gtk_window_set_child (fixture->window, box);
  gtk_window_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->page);
  g_assert_finalize_object (fixture->play_page);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->publishers); i++)
    if (fixture->publishers[i] != NULL)
      {
        beacon_publisher_stop (fixture->publishers[i]);
        g_clear_object (&fixture->publishers[i]);
      }
  if (fixture->publisher_client != NULL)
    beacon_wcs_client_disconnect (fixture->publisher_client);
  g_clear_object (&fixture->publisher_client);
  beacon_connection_disconnect (fixture->connection);
  g_assert_finalize_object (fixture->connection);
  g_clear_object (&fixture->settings);
}

static void
reset_settings (Fixture *fixture)
{
  /* The memory backend keeps values for the whole process: each test starts from its own. */
  fixture->settings = g_settings_new (BASE_ID);
  g_settings_reset (fixture->settings, "watched-streams");
}

static void
fixture_set_up_local (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  reset_settings (fixture);
  fixture->connection = beacon_connection_new ();
  beacon_connection_start_local_async (fixture->connection, NULL, on_local_started, NULL);
  WAIT_OR_ABORT (established (beacon_connection_get_client (fixture->connection)), CONNECT_DEADLINE_S,
            "the local test server's session");
  g_assert_nonnull (beacon_connection_get_rest_url (fixture->connection));

  fixture->publisher_client = beacon_wcs_client_new (beacon_connection_get_url (fixture->connection));
  beacon_wcs_client_connect_async (fixture->publisher_client, NULL, on_client_connected, NULL);
  WAIT_OR_ABORT (established (fixture->publisher_client), CONNECT_DEADLINE_S, "the publishers' session");
  for (guint i = 0; i < G_N_ELEMENTS (fixture->publishers); i++)
    {
      fixture->publishers[i] = beacon_publisher_new (fixture->publisher_client);
      beacon_publisher_set_source (fixture->publishers[i], "test");
      beacon_publisher_set_width (fixture->publishers[i], 320);
      beacon_publisher_set_height (fixture->publishers[i], 240);
      beacon_publisher_start (fixture->publishers[i], stream_names[i], &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (fixture->publishers); i++)
    WAIT_OR_ABORT (beacon_publisher_get_status (fixture->publishers[i]) == BEACON_WCS_STREAM_STATUS_PUBLISHING,
              MEDIA_DEADLINE_S, "the test patterns to be PUBLISHING");

  make_window (fixture);
}

static BeaconServerRow *
find_row (BeaconServerPage *page,
          const char       *name)
{
  for (guint i = 0; i < beacon_server_page_get_n_rows (page); i++)
    {
      BeaconServerRow *row = beacon_server_page_get_row (page, i);

      if (g_strcmp0 (beacon_server_row_get_stream_name (row), name) == 0)
        return row;
    }
  return NULL;
}

/* Both publishers listed, with what the relay measured for each. */
static gboolean
both_measured (BeaconServerPage *page)
{
  for (guint i = 0; i < G_N_ELEMENTS (stream_names); i++)
    {
      BeaconServerRow *row = find_row (page, stream_names[i]);

      if (row == NULL || beacon_server_row_get_stream (row)->video_rate <= 0 ||
          beacon_server_row_get_stream (row)->video_fps <= 0)
        return FALSE;
    }
  return beacon_server_page_get_n_rows (page) == 2;
}

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

static const char *
visible_view (BeaconServerPage *page)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (find_descendant (GTK_WIDGET (page),
                                                                       GTK_TYPE_STACK)));
}

static gboolean
play_page_has (BeaconPlayPage *page,
               const char     *name)
{
  GListModel *streams = beacon_play_page_get_streams (page);

  for (guint i = 0; i < g_list_model_get_n_items (streams); i++)
    {
      g_autoptr(BeaconWatchedStream) stream = g_list_model_get_item (streams, i);

      if (g_strcmp0 (beacon_watched_stream_get_name (stream), name) == 0)
        return TRUE;
    }
  return FALSE;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* GTK's own */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* As a user answers: the dialog's own button, which also closes it. */
static void
respond (AdwMessageDialog *dialog,
         const char       *label)
{
  GtkWidget *button = find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_activate (button));
}

static void
test_lists_filters_watches_terminates (Fixture       *fixture,
                                       gconstpointer  data)
{
  BeaconServerPage *page = fixture->page;
  GtkEditable *search = GTK_EDITABLE (find_descendant (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY));
  const BeaconWcsRestStream *stream;
  BeaconWcsStream *beta;
  BeaconServerRow *row;
  AdwMessageDialog *dialog;

  /* Listed with the relay's figures, without anyone typing a name. */
  WAIT_OR_ABORT (both_measured (page), MEDIA_DEADLINE_S, "both streams listed with a measured bitrate");
  g_assert_cmpstr (visible_view (page), ==, "list");
  g_assert_null (beacon_server_page_get_error_message (page));
  for (guint i = 0; i < G_N_ELEMENTS (stream_names); i++)
    {
      row = find_row (page, stream_names[i]);
      stream = beacon_server_row_get_stream (row);
      g_test_message ("%s: %s, %s, %" G_GINT64_FORMAT " bit/s, %.0f fps, %s", stream->name,
                      stream->status, stream->video_codec, stream->video_rate, stream->video_fps,
                      adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
      g_assert_cmpint (stream->published, ==, TRUE);
      g_assert_cmpstr (stream->status, ==, "PUBLISHING");
      g_assert_true (beacon_server_row_get_is_publisher (row));
      g_assert_true (gtk_widget_get_visible (beacon_server_row_get_watch_button (row)));
      /* What the row says, in words, is what the server measured. */
      g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Publisher"));
      g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "fps"));
      g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "bit/s"));
    }

  /* The filter narrows to one, case-insensitively; a name nobody has says so. */
  gtk_editable_set_text (search, "ALP");
  WAIT_OR_ABORT (beacon_server_page_get_n_shown (page) == 1, 5, "the filter to leave one stream");
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (find_row (page, "alpha"))));
  g_assert_false (gtk_widget_get_child_visible (GTK_WIDGET (find_row (page, "beta"))));
  gtk_editable_set_text (search, "nobody");
  WAIT_OR_ABORT (beacon_server_page_get_n_shown (page) == 0, 5, "the filter to leave none");
  g_assert_cmpstr (visible_view (page), ==, "status");
  gtk_editable_set_text (search, "alp");
  WAIT_OR_ABORT (beacon_server_page_get_n_shown (page) == 1, 5, "the filter to leave one stream again");
  g_assert_cmpstr (visible_view (page), ==, "list");

  /* One click: the stream joins the play page (after its availability check). */
  row = find_row (page, "alpha");
  g_assert_true (gtk_widget_activate (beacon_server_row_get_watch_button (row)));
  WAIT_OR_ABORT (play_page_has (fixture->play_page, "alpha"), 10, "“alpha” on the play page");
  g_assert_false (play_page_has (fixture->play_page, "beta"));

  /* Terminate, confirmed in the dialog as a user would: the publisher hears WCS's reason. */
  gtk_editable_set_text (search, "");
  WAIT_OR_ABORT (beacon_server_page_get_n_shown (page) == 2, 5, "the cleared filter to show both");
  row = find_row (page, "beta");
  g_assert_true (gtk_widget_activate (beacon_server_row_get_terminate_button (row)));
  WAIT_OR_ABORT ((dialog = find_message_dialog ()) != NULL, 5, "the confirmation dialog");
  respond (dialog, "_Terminate");
  beta = beacon_publisher_get_stream (fixture->publishers[1]);
  WAIT_OR_ABORT (beacon_wcs_stream_get_status (beta) == BEACON_WCS_STREAM_STATUS_UNPUBLISHED,
            10, "“beta” to be UNPUBLISHED");
  g_assert_cmpstr (beacon_wcs_stream_get_info (beta), ==, "Stopped by rest /terminate");
  WAIT_OR_ABORT (find_row (page, "beta") == NULL, 10, "“beta” to leave the list");
  g_assert_null (find_message_dialog ());
  g_assert_nonnull (find_row (page, "alpha"));
  g_assert_cmpint (beacon_publisher_get_status (fixture->publishers[0]), ==,
                   BEACON_WCS_STREAM_STATUS_PUBLISHING);
}

static void
test_cancel_keeps_stream (Fixture       *fixture,
                          gconstpointer  data)
{
  BeaconServerPage *page = fixture->page;
  AdwMessageDialog *dialog;

  WAIT_OR_ABORT (find_row (page, "beta") != NULL, MEDIA_DEADLINE_S, "“beta” listed");
  g_assert_true (gtk_widget_activate (beacon_server_row_get_terminate_button (find_row (page, "beta"))));
  WAIT_OR_ABORT ((dialog = find_message_dialog ()) != NULL, 5, "the confirmation dialog");
  respond (dialog, "_Cancel");
  WAIT_OR_ABORT (find_message_dialog () == NULL, 5, "the dialog to close");

  /* Two refreshes later (one a second) the stream is still there and still publishing. */
  beacon_server_page_refresh (page);
  WAIT_OR_ABORT (find_row (page, "beta") != NULL &&
            beacon_publisher_get_status (fixture->publishers[1]) == BEACON_WCS_STREAM_STATUS_PUBLISHING,
            5, "“beta” to go on");
}

/* A loopback port that nobody listens on: bound once to pick it, then closed. */
static guint
unused_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_socket_bind (socket, address, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
test_rest_unreachable (void)
{
  g_autoptr(BeaconLocalServer) server = beacon_local_server_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *rest_url = g_strdup_printf ("http://127.0.0.1:%u", unused_port ());
  Fixture fixture = { 0 };

  /* A remote-style session (a WebSocket only), with its REST address set to a dead port. */
  beacon_local_server_set_port (server, 0);
  g_assert_true (beacon_local_server_start (server, &error));
  g_assert_no_error (error);
  url = beacon_local_server_dup_url (server);
  reset_settings (&fixture);
  fixture.connection = beacon_connection_new ();
  beacon_connection_connect_async (fixture.connection, url, NULL, NULL, NULL, on_connected, NULL);
  WAIT_OR_ABORT (established (beacon_connection_get_client (fixture.connection)), CONNECT_DEADLINE_S,
            "the session");
  beacon_connection_set_rest_settings (fixture.connection, rest_url, NULL, NULL);
  g_assert_cmpstr (beacon_connection_get_rest_url (fixture.connection), ==, rest_url);

  make_window (&fixture);
  WAIT_OR_ABORT (beacon_server_page_get_error_message (fixture.page) != NULL, 10,
            "the page to report the REST API");
  g_test_message ("%s", beacon_server_page_get_error_message (fixture.page));
  g_assert_nonnull (strstr (beacon_server_page_get_error_message (fixture.page),
                            "REST API is not reachable at"));
  g_assert_nonnull (strstr (beacon_server_page_get_error_message (fixture.page), rest_url));
  g_assert_cmpstr (visible_view (fixture.page), ==, "status");
  g_assert_cmpuint (beacon_server_page_get_n_rows (fixture.page), ==, 0);

  fixture_tear_down (&fixture, NULL);
  beacon_local_server_stop (server);
}

static void
test_formats (void)
{
  struct { gint64 value; const char *text; } rates[] = {
    { 2400000, "2.4 Mbit/s" }, { 350000, "350 kbit/s" }, { 0, "0 kbit/s" },
  };
  struct { gint64 value; const char *text; } ages[] = {
    { 0, "just now" }, { 30, "30 s ago" }, { 185, "3 min ago" }, { 7300, "2 h ago" },
    { 86400, "1 day ago" }, { 4 * 86400 + 5, "4 days ago" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    {
      g_autofree char *text = beacon_server_row_format_bitrate (rates[i].value);

      g_assert_cmpstr (text, ==, rates[i].text);
    }
  g_assert_null (beacon_server_row_format_bitrate (-1));
  for (guint i = 0; i < G_N_ELEMENTS (ages); i++)
    {
      g_autofree char *text = beacon_server_row_format_age (ages[i].value);

      g_assert_cmpstr (text, ==, ages[i].text);
    }
}

static void
skip_no_display (void)
{
  g_test_skip ("no display");
}

int
main (int   argc,
      char *argv[])
{
  static const char * const display_cases[] = {
    "/beacon/ui/server-page/lists-filters-watches-terminates",
    "/beacon/ui/server-page/cancel-keeps-stream",
    "/beacon/ui/server-page/rest-unreachable",
  };

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/beacon/ui/server-page/formats", test_formats);
  /* Without a display the other cases are reported as skipped, never as passed. */
  if (!gtk_init_check ())
    {
      for (guint i = 0; i < G_N_ELEMENTS (display_cases); i++)
        g_test_add_func (display_cases[i], skip_no_display);
      return g_test_run ();
    }
  adw_init ();

  g_test_add (display_cases[0], Fixture, NULL,
              fixture_set_up_local, test_lists_filters_watches_terminates, fixture_tear_down);
  g_test_add (display_cases[1], Fixture, NULL,
              fixture_set_up_local, test_cancel_keeps_stream, fixture_tear_down);
  g_test_add_func (display_cases[2], test_rest_unreachable);

  return g_test_run ();
}
