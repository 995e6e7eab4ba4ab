/* test-local-server-tls.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* wss:// on the local server: the same API behind TLS, and a clear refusal for a client
 * that does not trust the certificate. The key pair in tests/fixtures is for these tests
 * only (self-signed, 127.0.0.1). */

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "beacon-local-server.h"
#include "beacon-test-wait.h"
#include "beacon-wcs-client.h"
#include "beacon-wcs-error.h"

#define DEADLINE_S 10

typedef struct
{
  SoupWebsocketConnection *connection;
  GError                  *error;
  char                    *first_message;
  gboolean                 certificate_seen;
} Wss;

static gboolean
on_accept_certificate (SoupMessage          *msg,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       Wss                  *wss)
{
  /* Self-signed: the flags say so, and this test client chooses to trust it anyway. */
  wss->certificate_seen = (errors & G_TLS_CERTIFICATE_UNKNOWN_CA) != 0;
  return TRUE;
}

static void
on_message (SoupWebsocketConnection *connection,
            SoupWebsocketDataType    type,
            GBytes                  *bytes,
            Wss                     *wss)
{
  if (wss->first_message == NULL)
    wss->first_message = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Wss *wss = user_data;

  wss->connection = soup_session_websocket_connect_finish (SOUP_SESSION (source), result,
                                                           &wss->error);
  if (wss->connection != NULL)
    g_signal_connect (wss->connection, "message", G_CALLBACK (on_message), wss);
}

static char *
fixture_path (const char *name)
{
  return g_build_filename (g_getenv ("BEACON_FIXTURES_DIR"), name, NULL);
}

static BeaconLocalServer *
start_tls_server (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cert = fixture_path ("test-tls-cert.pem");
  g_autofree char *key = fixture_path ("test-tls-key.pem");
  BeaconLocalServer *server = beacon_local_server_new ();

  beacon_local_server_set_port (server, 0);
  g_assert_true (beacon_local_server_set_tls (server, 0, cert, key, &error));
  g_assert_no_error (error);
  g_assert_true (beacon_local_server_start (server, &error));
  g_assert_no_error (error);
  return server;
}

static void
test_wss_session (void)
{
  g_autoptr(BeaconLocalServer) server = start_tls_server ();
  g_autofree char *url = beacon_local_server_dup_tls_url (server);
  g_autofree char *plain_url = beacon_local_server_dup_url (server);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = NULL;
  Wss wss = { 0 };

  g_assert_nonnull (url);
  g_assert_true (g_str_has_prefix (url, "wss://127.0.0.1:"));
  /* Both listeners run side by side, on different ports. */
  g_assert_true (g_str_has_prefix (plain_url, "ws://127.0.0.1:"));
  g_assert_cmpstr (strrchr (url, ':'), !=, strrchr (plain_url, ':'));

  msg = soup_message_new (SOUP_METHOD_GET, url);
  g_signal_connect (msg, "accept-certificate", G_CALLBACK (on_accept_certificate), &wss);
  soup_session_websocket_connect_async (session, msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL,
                                        on_connected, &wss);
  WAIT_FOR_FULL (wss.connection != NULL || wss.error != NULL, DEADLINE_S, "the wss:// handshake");
  g_assert_no_error (wss.error);
  g_assert_true (wss.certificate_seen);

  soup_websocket_connection_send_text (wss.connection,
    "{\"message\":\"connection\",\"data\":[{\"appKey\":\"defaultApp\","
    "\"mediaProviders\":[\"WebRTC\"],\"clientVersion\":\"2.0\"}]}");
  WAIT_FOR_FULL (wss.first_message != NULL, DEADLINE_S, "getUserData over wss://");
  g_assert_nonnull (strstr (wss.first_message, "\"getUserData\""));
  g_assert_nonnull (strstr (wss.first_message, "ESTABLISHED"));

  soup_websocket_connection_close (wss.connection, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  g_clear_object (&wss.connection);
  g_free (wss.first_message);
}

static void
on_client_connected (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (beacon_wcs_client_connect_finish (BEACON_WCS_CLIENT (source), result, error));
}

/* A client that does not trust the certificate fails with a message, not a hang. */
static void
test_untrusted_refused (void)
{
  g_autoptr(BeaconLocalServer) server = start_tls_server ();
  g_autofree char *url = beacon_local_server_dup_tls_url (server);
  g_autoptr(BeaconWcsClient) client = beacon_wcs_client_new (url);
  g_autoptr(GError) error = NULL;

  beacon_wcs_client_connect_async (client, NULL, on_client_connected, &error);
  WAIT_FOR_FULL (error != NULL, DEADLINE_S, "the untrusted connection to fail");
  g_assert_cmpint (beacon_wcs_client_get_state (client), ==, BEACON_WCS_STATE_FAILED);
  g_test_message ("untrusted: %s", error->message);
}

static void
test_bad_files (void)
{
  g_autoptr(BeaconLocalServer) server = beacon_local_server_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (beacon_local_server_set_tls (server, 0, "/nonexistent/cert.pem",
                                               "/nonexistent/key.pem", &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/beacon/server/tls/wss-session", test_wss_session);
  g_test_add_func ("/beacon/server/tls/untrusted-refused", test_untrusted_refused);
  g_test_add_func ("/beacon/server/tls/bad-files", test_bad_files);
  return g_test_run ();
}
