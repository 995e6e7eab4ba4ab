/* test-connection.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* BeaconConnection against real servers on 127.0.0.1: the in-process local test server,
 * a port nobody listens on, and bad input that must be refused before anything is sent.
 * BeaconConnection is plain GObject, so this needs no display. */

#include "config.h"

#include <gio/gio.h>
#include <gst/gst.h>

#include "beacon-connection.h"
#include "beacon-local-server.h"
#include "beacon-protocol-enums.h"
#include "beacon-wcs-error.h"
#include "beacon-test-wait.h"

static void
on_state_notify (BeaconConnection *connection,
                 GParamSpec       *pspec,
                 GArray           *states)
{
  BeaconWcsState state = beacon_connection_get_state (connection);

  g_array_append_val (states, state);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GPtrArray *results = user_data;

  g_ptr_array_add (results, g_object_ref (result));
}

static void
assert_states (GArray               *states,
               const BeaconWcsState *expected,
               guint                 n_expected)
{
  g_autoptr(GString) seen = g_string_new (NULL);

  for (guint i = 0; i < states->len; i++)
    {
      g_autofree char *name = g_enum_to_string (BEACON_TYPE_WCS_STATE,
                                                g_array_index (states, BeaconWcsState, i));

      g_string_append_printf (seen, "%s ", name);
    }
  g_test_message ("states: %s", seen->str);
  g_assert_cmpuint (states->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpint (g_array_index (states, BeaconWcsState, i), ==, expected[i]);
}

static void
test_local_start_stop (void)
{
  g_autoptr(BeaconConnection) connection = beacon_connection_new ();
  g_autoptr(GArray) states = g_array_new (FALSE, FALSE, sizeof (BeaconWcsState));
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *first_url = NULL;
  guint local_notifies = 0;
  BeaconWcsClient *first_client;
  static const BeaconWcsState expected[] = {
    BEACON_WCS_STATE_CONNECTING, BEACON_WCS_STATE_CONNECTED, BEACON_WCS_STATE_ESTABLISHED,
    BEACON_WCS_STATE_DISCONNECTED,
  };

  g_assert_cmpint (beacon_connection_get_state (connection), ==, BEACON_WCS_STATE_NEW);
  g_assert_null (beacon_connection_get_client (connection));
  g_assert_false (beacon_connection_get_is_local (connection));
  g_assert_cmpstr (beacon_connection_get_summary (connection), ==, "Not connected");

  g_signal_connect (connection, "notify::state", G_CALLBACK (on_state_notify), states);
  g_signal_connect (connection, "notify::is-local", G_CALLBACK (count_notify), &local_notifies);

  beacon_connection_start_local_async (connection, NULL, store_result, results);
  /* The second start while the first is still connecting joins it. */
  beacon_connection_start_local_async (connection, NULL, store_result, results);
  WAIT_FOR_FULL (results->len == 2, 10, "both local starts to complete");

  for (guint i = 0; i < results->len; i++)
    {
      g_assert_true (beacon_connection_start_local_finish (connection, results->pdata[i], &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (beacon_connection_get_state (connection), ==, BEACON_WCS_STATE_ESTABLISHED);
  g_assert_true (beacon_connection_get_is_local (connection));
  g_assert_null (beacon_connection_get_error_message (connection));
  g_assert_true (g_str_has_prefix (beacon_connection_get_url (connection), "ws://127.0.0.1:"));
  g_assert_false (g_str_has_prefix (beacon_connection_get_url (connection), "ws://127.0.0.1:0/"));
  g_assert_nonnull (beacon_connection_get_server_version (connection));
  g_assert_cmpstr (beacon_connection_get_summary (connection), ==, "Local test server");
  g_assert_cmpint (beacon_wcs_client_get_state (beacon_connection_get_client (connection)), ==,
                   BEACON_WCS_STATE_ESTABLISHED);

  /* A third start once established is idempotent: the same session and server. */
  first_client = beacon_connection_get_client (connection);
  first_url = g_strdup (beacon_connection_get_url (connection));
  g_ptr_array_set_size (results, 0);
  beacon_connection_start_local_async (connection, NULL, store_result, results);
  WAIT_FOR_FULL (results->len == 1, 5, "the start on a running local server to complete");
  g_assert_true (beacon_connection_start_local_finish (connection, results->pdata[0], &error));
  g_assert_no_error (error);
  g_assert_true (beacon_connection_get_client (connection) == first_client);
  g_assert_cmpstr (beacon_connection_get_url (connection), ==, first_url);

  g_assert_true (g_str_has_prefix (beacon_connection_get_rest_url (connection), "http://127.0.0.1:"));

  beacon_connection_disconnect (connection);
  g_assert_null (beacon_connection_get_client (connection));
  g_assert_false (beacon_connection_get_is_local (connection));
  g_assert_null (beacon_connection_get_rest_url (connection));
  g_assert_cmpint (beacon_connection_get_state (connection), ==, BEACON_WCS_STATE_DISCONNECTED);
  g_assert_cmpstr (beacon_connection_get_summary (connection), ==, "Disconnected");
  g_assert_cmpuint (local_notifies, ==, 2);
  assert_states (states, expected, G_N_ELEMENTS (expected));

  g_ptr_array_set_size (results, 0);   /* the results hold the connection */
  g_assert_finalize_object (g_steal_pointer (&connection));
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
test_refused (void)
{
  g_autoptr(BeaconConnection) connection = beacon_connection_new ();
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strdup_printf ("ws://127.0.0.1:%u/", unused_port ());
  g_autofree char *expected = g_strdup_printf ("Could not reach %s: connection refused", url);

  beacon_connection_connect_async (connection, url, "defaultApp", NULL, NULL, store_result,
                                   results);
  WAIT_FOR_FULL (results->len == 1, 10, "the connect to a closed port to fail");

  g_assert_false (beacon_connection_connect_finish (connection, results->pdata[0], &error));
  g_assert_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_CONNECT_FAILED);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_cmpstr (beacon_connection_get_error_message (connection), ==, expected);
  g_assert_cmpint (beacon_connection_get_state (connection), ==, BEACON_WCS_STATE_FAILED);
  g_assert_cmpstr (beacon_connection_get_summary (connection), ==, "Connection failed");
  g_assert_null (beacon_connection_get_client (connection));
  g_assert_null (beacon_connection_get_untrusted_certificate (connection));

  g_ptr_array_set_size (results, 0);
  g_assert_finalize_object (g_steal_pointer (&connection));
}

/* Bad input is refused before anything is sent, and the running session goes on. */
static void
test_bad_input (void)
{
  g_autoptr(BeaconConnection) connection = beacon_connection_new ();
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  static const struct {
    const char *url;
    const char *custom;
    int         code;
    const char *message;
  } cases[] = {
    { "http://example.com/", NULL, BEACON_WCS_ERROR_BAD_URL, "*is not a server address*" },
    { "ws://", NULL, BEACON_WCS_ERROR_BAD_URL, "*is not a server address*" },
    { "ws://127.0.0.1:1/", "{\"token\": ", BEACON_WCS_ERROR_INVALID_ARGUMENT,
      "The custom fields are not valid JSON: *" },
    { "ws://127.0.0.1:1/", "[1, 2]", BEACON_WCS_ERROR_INVALID_ARGUMENT,
      "The custom fields must be a JSON object*" },
  };

  beacon_connection_start_local_async (connection, NULL, store_result, results);
  WAIT_FOR_FULL (results->len == 1, 10, "the local server to start");
  g_assert_true (beacon_connection_start_local_finish (connection, results->pdata[0], &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_ptr_array_set_size (results, 0);
      beacon_connection_connect_async (connection, cases[i].url, NULL, cases[i].custom, NULL,
                                       store_result, results);
      WAIT_FOR_FULL (results->len == 1, 5, "the bad connect to be refused");
      g_assert_false (beacon_connection_connect_finish (connection, results->pdata[0], &error));
      g_assert_error (error, BEACON_WCS_ERROR, cases[i].code);
      if (!g_pattern_match_simple (cases[i].message, error->message))
        g_error ("“%s” does not match “%s”", error->message, cases[i].message);
      g_clear_error (&error);

      g_assert_cmpint (beacon_connection_get_state (connection), ==,
                       BEACON_WCS_STATE_ESTABLISHED);
      g_assert_true (beacon_connection_get_is_local (connection));
    }

  g_ptr_array_set_size (results, 0);
  beacon_connection_disconnect (connection);
  g_assert_finalize_object (g_steal_pointer (&connection));
}

/* Connecting elsewhere ends the local session and stops the local server. */
static void
test_remote_replaces_local (void)
{
  g_autoptr(BeaconConnection) connection = beacon_connection_new ();
  g_autoptr(BeaconLocalServer) remote = beacon_local_server_new ();
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *local_url = NULL;
  g_autofree char *remote_url = NULL;
  g_autoptr(GSocketClient) probe = g_socket_client_new ();
  g_autoptr(GSocketConnection) probe_connection = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *local_rest_url = NULL;
  guint rest_notifies = 0;

  beacon_local_server_set_port (remote, 0);
  beacon_local_server_start (remote, &error);
  g_assert_no_error (error);
  remote_url = beacon_local_server_dup_url (remote);

  beacon_connection_start_local_async (connection, NULL, store_result, results);
  WAIT_FOR_FULL (results->len == 1, 10, "the local server to start");
  g_assert_true (beacon_connection_start_local_finish (connection, results->pdata[0], &error));
  local_url = g_strdup (beacon_connection_get_url (connection));
  local_rest_url = g_strdup (beacon_connection_get_rest_url (connection));
  /* The local server runs its REST API on a port of its own; it takes no settings. */
  g_assert_true (g_str_has_prefix (local_rest_url, "http://127.0.0.1:"));
  g_assert_true (g_str_has_suffix (local_rest_url, "/rest-api/"));
  beacon_connection_set_rest_settings (connection, "http://elsewhere:1", "u", "p");
  g_assert_cmpstr (beacon_connection_get_rest_url (connection), ==, local_rest_url);
  g_assert_null (beacon_connection_get_rest_username (connection));

  g_ptr_array_set_size (results, 0);
  beacon_connection_connect_async (connection, remote_url, "defaultApp", "{\"token\":\"t\"}",
                                   NULL, store_result, results);
  WAIT_FOR_FULL (results->len == 1, 10, "the connect to the other server to complete");
  g_assert_true (beacon_connection_connect_finish (connection, results->pdata[0], &error));
  g_assert_no_error (error);
  g_assert_false (beacon_connection_get_is_local (connection));
  g_assert_cmpstr (beacon_connection_get_url (connection), ==, remote_url);
  /* "127.0.0.1:PORT, WCS 5.2.0-beacon-…": the host and the server's version. */
  g_assert_true (g_str_has_prefix (beacon_connection_get_summary (connection), "127.0.0.1:"));
  g_assert_nonnull (strstr (beacon_connection_get_summary (connection), ", WCS 5.2."));
  g_assert_cmpstr (beacon_wcs_client_get_custom (beacon_connection_get_client (connection)), ==,
                   "{\"token\":\"t\"}");
  WAIT_FOR_FULL (beacon_local_server_get_n_sessions (remote) == 1, 5, "the session on the server");

  /* A remote server's REST API is found beside its WebSocket, unless the user says where. */
  g_assert_cmpstr (beacon_connection_get_rest_url (connection), ==, "http://127.0.0.1:8081");
  g_signal_connect (connection, "notify::rest-url", G_CALLBACK (count_notify), &rest_notifies);
  beacon_connection_set_rest_settings (connection, "https://rest.example.com:9443", "operator", "");
  g_assert_cmpstr (beacon_connection_get_rest_url (connection), ==, "https://rest.example.com:9443");
  g_assert_cmpstr (beacon_connection_get_rest_url_override (connection), ==,
                   "https://rest.example.com:9443");
  g_assert_cmpstr (beacon_connection_get_rest_username (connection), ==, "operator");
  g_assert_null (beacon_connection_get_rest_password (connection));
  g_assert_cmpuint (rest_notifies, ==, 1);
  beacon_connection_set_rest_settings (connection, NULL, NULL, NULL);
  g_assert_cmpstr (beacon_connection_get_rest_url (connection), ==, "http://127.0.0.1:8081");
  g_assert_cmpuint (rest_notifies, ==, 2);

  /* Nothing listens on the local server's ports any more. */
  uri = g_uri_parse (local_url, G_URI_FLAGS_NONE, &error);
  g_assert_no_error (error);
  probe_connection = g_socket_client_connect_to_host (probe, "127.0.0.1", g_uri_get_port (uri),
                                                      NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
  g_clear_error (&error);
  g_clear_pointer (&uri, g_uri_unref);
  uri = g_uri_parse (local_rest_url, G_URI_FLAGS_NONE, &error);
  g_assert_no_error (error);
  probe_connection = g_socket_client_connect_to_host (probe, "127.0.0.1", g_uri_get_port (uri),
                                                      NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);

  g_ptr_array_set_size (results, 0);
  beacon_connection_disconnect (connection);
  g_assert_finalize_object (g_steal_pointer (&connection));
  WAIT_FOR_FULL (beacon_local_server_get_n_sessions (remote) == 0, 5, "the session to close");
  beacon_local_server_stop (remote);
}

/* wss:// with a self-signed certificate: refused with the certificate kept, then trusted
 * (pinned in GSettings for that origin) and accepted on the next connect. */
static void
test_trust_certificate (void)
{
  g_autoptr(BeaconConnection) connection = beacon_connection_new ();
  g_autoptr(BeaconLocalServer) server = beacon_local_server_new ();
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(GVariant) pins = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pem_path = g_build_filename (g_getenv ("BEACON_FIXTURES_DIR"),
                                                "tls-test-server.pem", NULL);
  g_autofree char *url = NULL;
  g_autofree char *origin = NULL;
  g_autofree char *fingerprint = NULL;
  const char *pinned = NULL;

  g_settings_reset (settings, "pinned-certificates");
  beacon_local_server_set_port (server, 0);
  beacon_local_server_set_tls (server, 0, pem_path, pem_path, &error);
  g_assert_no_error (error);
  beacon_local_server_start (server, &error);
  g_assert_no_error (error);
  url = beacon_local_server_dup_tls_url (server);
  origin = beacon_connection_dup_origin (url);

  beacon_connection_connect_async (connection, url, NULL, NULL, NULL, store_result, results);
  WAIT_FOR_FULL (results->len == 1, 10, "the wss:// connect to be refused");
  g_assert_false (beacon_connection_connect_finish (connection, results->pdata[0], &error));
  g_assert_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_UNTRUSTED_CERTIFICATE);
  g_clear_error (&error);
  g_assert_nonnull (beacon_connection_get_untrusted_certificate (connection));
  g_assert_true (g_str_has_prefix (beacon_connection_get_error_message (connection),
                                   "The certificate of wss://127.0.0.1:"));
  fingerprint = beacon_connection_dup_fingerprint (beacon_connection_get_untrusted_certificate (connection));
  g_assert_cmpuint (strlen (fingerprint), ==, 32 * 3 - 1);

  g_assert_true (beacon_connection_trust_certificate (connection, &error));
  g_assert_no_error (error);
  pins = g_settings_get_value (settings, "pinned-certificates");
  g_assert_true (g_variant_lookup (pins, origin, "&s", &pinned));
  g_assert_true (g_str_has_prefix (pinned, "-----BEGIN CERTIFICATE-----"));

  g_ptr_array_set_size (results, 0);
  beacon_connection_connect_async (connection, url, NULL, NULL, NULL, store_result, results);
  WAIT_FOR_FULL (results->len == 1, 10, "the connect to the pinned server");
  g_assert_true (beacon_connection_connect_finish (connection, results->pdata[0], &error));
  g_assert_no_error (error);
  g_assert_cmpint (beacon_connection_get_state (connection), ==, BEACON_WCS_STATE_ESTABLISHED);
  g_assert_null (beacon_connection_get_untrusted_certificate (connection));

  g_ptr_array_set_size (results, 0);
  beacon_connection_disconnect (connection);
  g_assert_finalize_object (g_steal_pointer (&connection));
  WAIT_FOR_FULL (beacon_local_server_get_n_sessions (server) == 0, 5, "the session to close");
  beacon_local_server_stop (server);
  g_settings_reset (settings, "pinned-certificates");
}

static void
test_certificate_helpers (void)
{
  g_autoptr(BeaconConnection) connection = beacon_connection_new ();
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("BEACON_FIXTURES_DIR"),
                                            "tls-test-other-cert.pem", NULL);
  g_autofree char *fingerprint = NULL;
  static const struct {
    const char *url;
    const char *origin;
  } origins[] = {
    { "wss://media.example.com", "wss://media.example.com:443" },
    { "WS://media.example.com:8080/path?x=1", "ws://media.example.com:8080" },
    { "ws://127.0.0.1", "ws://127.0.0.1:80" },
    { "https://media.example.com", NULL },
    { "not an address", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (origins); i++)
    {
      g_autofree char *origin = beacon_connection_dup_origin (origins[i].url);

      g_assert_cmpstr (origin, ==, origins[i].origin);
    }

  certificate = g_tls_certificate_new_from_file (path, &error);
  g_assert_no_error (error);
  fingerprint = beacon_connection_dup_fingerprint (certificate);
  /* openssl x509 -noout -fingerprint -sha256 -in tests/fixtures/tls-test-other-cert.pem */
  g_assert_cmpstr (fingerprint, ==, "41:54:53:29:00:97:EC:62:5C:20:E1:37:60:6A:BB:19:"
                                    "B5:6F:92:8C:AA:A5:07:F8:3C:15:AD:12:81:05:26:2E");

  /* Nothing failed verification, so there is nothing to trust. */
  g_assert_false (beacon_connection_trust_certificate (connection, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_finalize_object (g_steal_pointer (&connection));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  g_test_add_func ("/beacon/ui/connection/local-start-stop", test_local_start_stop);
  g_test_add_func ("/beacon/ui/connection/refused", test_refused);
  g_test_add_func ("/beacon/ui/connection/bad-input", test_bad_input);
  g_test_add_func ("/beacon/ui/connection/remote-replaces-local", test_remote_replaces_local);
  g_test_add_func ("/beacon/ui/connection/trust-certificate", test_trust_certificate);
  g_test_add_func ("/beacon/ui/connection/certificate-helpers", test_certificate_helpers);

  return g_test_run ();
}
