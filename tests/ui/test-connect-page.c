/* test-connect-page.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Connect page as a user meets it: bad addresses and JSON refused inline with the
 * reason, before anything is sent; a real connect to an in-process BeaconLocalServer. */

#include "config.h"

#include <adwaita.h>
#include <gst/gst.h>

#include "beacon-connect-page.h"
#include "beacon-local-server.h"
#include "beacon-test-wait.h"

typedef struct
{
  BeaconConnection *connection;
  GtkWidget        *window;
  GtkWidget        *page;
} Fixture;

static gpointer
child (Fixture    *fixture,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (fixture->page, BEACON_TYPE_CONNECT_PAGE, name);

  g_assert_nonnull (object);
  return object;
}

static void
set_text (Fixture    *fixture,
          const char *row,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (fixture, row)), text);
}

/* The reason shown under a field, or NULL when none is shown. */
static const char *
shown_error (Fixture    *fixture,
             const char *label)
{
  GtkWidget *widget = child (fixture, label);

  if (!gtk_widget_get_visible (widget))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (widget));
}

static gboolean
connect_enabled (Fixture *fixture)
{
  GtkWidget *button = child (fixture, "connect_button");

  return gtk_widget_is_sensitive (button);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->connection = beacon_connection_new ();
  fixture->page = g_object_ref_sink (beacon_connect_page_new (fixture->connection));
  fixture->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->page);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  beacon_connection_disconnect (fixture->connection);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->page);
  g_assert_finalize_object (fixture->connection);
}

static void
test_url_validation (Fixture       *fixture,
                     gconstpointer  data)
{
  static const struct {
    const char *url;
    const char *reason;   /* a glob, or NULL for a good address */
  } cases[] = {
    { "http://media.example.com:8080", "“http://” is not a WebSocket address*" },
    { "media.example.com:8443", "Start the address with ws:// or wss://" },
    { "ws://", "The address has no server name" },
    { "wss:///path", "The address has no server name" },
    { "ws://127.0.0.1:8080", NULL },
    { "wss://media.example.com", NULL },
    { "  wss://media.example.com:8443/  ", NULL },
  };

  /* Empty: nothing to connect to, but nothing wrong said either. */
  set_text (fixture, "url_row", "");
  g_assert_null (shown_error (fixture, "url_error"));
  g_assert_false (connect_enabled (fixture));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *shown;

      set_text (fixture, "url_row", cases[i].url);
      shown = shown_error (fixture, "url_error");
      g_test_message ("“%s” → %s", cases[i].url, shown ? shown : "(no message)");
      if (cases[i].reason == NULL)
        {
          g_assert_null (shown);
          g_assert_true (connect_enabled (fixture));
          g_assert_false (gtk_widget_has_css_class (child (fixture, "url_row"), "error"));
        }
      else
        {
          g_assert_nonnull (shown);
          g_assert_true (g_pattern_match_simple (cases[i].reason, shown));
          g_assert_false (connect_enabled (fixture));
          g_assert_true (gtk_widget_has_css_class (child (fixture, "url_row"), "error"));
        }
    }
}

static void
test_custom_json (Fixture       *fixture,
                  gconstpointer  data)
{
  set_text (fixture, "url_row", "ws://127.0.0.1:8080");
  g_assert_true (connect_enabled (fixture));

  set_text (fixture, "custom_row", "{\"token\": ");
  g_assert_nonnull (shown_error (fixture, "custom_error"));
  g_assert_true (g_str_has_prefix (shown_error (fixture, "custom_error"), "Not valid JSON: "));
  g_assert_false (connect_enabled (fixture));

  /* Activating the action anyway sends nothing. */
  gtk_widget_activate_action (fixture->page, "connect.connect", NULL);
  g_assert_cmpint (beacon_connection_get_state (fixture->connection), ==, BEACON_WCS_STATE_NEW);

  set_text (fixture, "custom_row", "[\"not\", \"an object\"]");
  g_assert_true (g_str_has_prefix (shown_error (fixture, "custom_error"),
                                   "Custom fields must be a JSON object"));
  g_assert_false (connect_enabled (fixture));

  set_text (fixture, "custom_row", "{\"token\": \"secret\"}");
  g_assert_null (shown_error (fixture, "custom_error"));
  g_assert_true (connect_enabled (fixture));

  set_text (fixture, "custom_row", "");
  g_assert_null (shown_error (fixture, "custom_error"));
  g_assert_true (connect_enabled (fixture));
}

static void
test_connect_local_server (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(BeaconLocalServer) server = beacon_local_server_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  AdwActionRow *version_row = child (fixture, "version_row");
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_auto(GStrv) recent = NULL;

  beacon_local_server_set_port (server, 0);
  beacon_local_server_set_server_version (server, "5.2.1234-test");
  beacon_local_server_start (server, &error);
  g_assert_no_error (error);
  url = beacon_local_server_dup_url (server);

  set_text (fixture, "url_row", url);
  set_text (fixture, "app_key_row", "testApp");
  set_text (fixture, "custom_row", "{\"token\": \"t1\"}");
  g_assert_false (gtk_widget_get_visible (child (fixture, "disconnect_button")));
  gtk_widget_activate_action (fixture->page, "connect.connect", NULL);

  WAIT_FOR_FULL (beacon_connection_get_state (fixture->connection) == BEACON_WCS_STATE_ESTABLISHED,
            10, "the session to be established");
  g_assert_cmpstr (beacon_connection_get_url (fixture->connection), ==, url);
  g_assert_cmpstr (beacon_wcs_client_get_app_key (beacon_connection_get_client (fixture->connection)),
                   ==, "testApp");
  WAIT_FOR_FULL (g_strcmp0 (adw_action_row_get_subtitle (version_row), "5.2.1234-test") == 0, 5,
            "the page to show the server version");
  g_assert_true (gtk_widget_get_visible (child (fixture, "disconnect_button")));

  /* The server goes to the top of the recent list, and the Recent group shows it. */
  WAIT_FOR_FULL ((recent = g_settings_get_strv (settings, "recent-servers")) != NULL &&
            recent[0] != NULL && g_str_equal (recent[0], url), 5,
            "the server to be remembered");
  g_assert_true (gtk_widget_get_visible (child (fixture, "recent_group")));

  gtk_widget_activate_action (fixture->page, "connect.disconnect", NULL);
  g_assert_cmpint (beacon_connection_get_state (fixture->connection), ==,
                   BEACON_WCS_STATE_DISCONNECTED);
  g_assert_false (gtk_widget_get_visible (child (fixture, "disconnect_button")));
  WAIT_FOR_FULL (beacon_local_server_get_n_sessions (server) == 0, 5, "the session to close");
  beacon_local_server_stop (server);
}

static void
test_connect_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  guint16 port;

  /* A port that was free a moment ago and is closed again. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);
  url = g_strdup_printf ("ws://127.0.0.1:%u/", port);

  set_text (fixture, "url_row", url);
  gtk_widget_activate_action (fixture->page, "connect.connect", NULL);
  WAIT_FOR_FULL (beacon_connection_get_state (fixture->connection) == BEACON_WCS_STATE_FAILED, 10,
            "the connect to fail");
  WAIT_FOR_FULL (shown_error (fixture, "session_error") != NULL, 5, "the reason on the page");
  g_assert_true (g_str_has_prefix (shown_error (fixture, "session_error"), "Could not reach ws://"));
  g_assert_nonnull (strstr (shown_error (fixture, "session_error"), "connection refused"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* A widget test: without a display the whole file is skipped, not failed. */
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  gst_init (&argc, &argv);

  g_test_add ("/beacon/ui/connect-page/url-validation", Fixture, NULL,
              fixture_set_up, test_url_validation, fixture_tear_down);
  g_test_add ("/beacon/ui/connect-page/custom-json", Fixture, NULL,
              fixture_set_up, test_custom_json, fixture_tear_down);
  g_test_add ("/beacon/ui/connect-page/connect-local-server", Fixture, NULL,
              fixture_set_up, test_connect_local_server, fixture_tear_down);
  g_test_add ("/beacon/ui/connect-page/connect-refused", Fixture, NULL,
              fixture_set_up, test_connect_refused, fixture_tear_down);

  return g_test_run ();
}
