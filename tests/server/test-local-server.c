/* test-local-server.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Session-level behaviour of BeaconLocalServer: handshake, keep-alive, bad frames, the
 * status page. Stream requests are in test-local-server-streams.c. */

#include "config.h"

#include <string.h>

#include "server-test-util.h"

static void
test_connect (Fixture       *fixture,
              gconstpointer  data)
{
  BeaconWcsClient *client;
  BeaconWcsClient *with_path;
  g_autofree char *expected_url = NULL;
  g_autofree char *server_end = NULL;
  g_autofree char *path_url = NULL;
  const char *token;
  guint port = beacon_local_server_get_port (fixture->server);

  g_assert_cmpuint (port, >, 0);
  expected_url = g_strdup_printf ("ws://127.0.0.1:%u/", port);
  g_assert_cmpstr (fixture->url, ==, expected_url);
  g_assert_true (beacon_local_server_is_running (fixture->server));

  client = fixture_add_client (fixture, NULL);
  WAIT_ESTABLISHED (client);
  WAIT_FOR (beacon_wcs_client_get_server_version (client) != NULL,
            "getVersion after getUserData");
  g_assert_cmpstr (beacon_wcs_client_get_server_version (client), ==, "5.2.0-test");

  /* "/<client ip>:<client port>/<server ip>:<server port>", as WCS builds it. */
  token = beacon_wcs_client_get_auth_token (client);
  server_end = g_strdup_printf ("/127.0.0.1:%u", port);
  g_assert_true (g_str_has_prefix (token, "/127.0.0.1:"));
  g_assert_true (g_str_has_suffix (token, server_end));
  g_assert_nonnull (strstr (beacon_wcs_client_get_user_data (client),
                            "\"status\":\"ESTABLISHED\""));
  g_assert_null (strstr (beacon_wcs_client_get_user_data (client),
                         "webRTCMetricsServerDescription"));
  g_assert_cmpuint (beacon_local_server_get_n_sessions (fixture->server), ==, 1);

  /* WCS tolerates a path after the host; so do we. */
  path_url = g_strdup_printf ("%sbeacon/ws", fixture->url);
  with_path = fixture_add_client (fixture, path_url);
  WAIT_ESTABLISHED (with_path);
  g_assert_cmpstr (beacon_wcs_client_get_auth_token (with_path), !=, token);
  g_assert_cmpuint (beacon_local_server_get_n_sessions (fixture->server), ==, 2);

  beacon_wcs_client_disconnect (client);
  WAIT_FOR (beacon_local_server_get_n_sessions (fixture->server) == 1,
            "the server to forget a session its client closed");
}

/* Ping interval 1 s, 2 probes: a peer that never answers is closed after ~3 s, while the
 * real client, which answers every ping, keeps its session. */
static void
test_keep_alive (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(RawClient) silent = NULL;
  BeaconWcsClient *client;
  JsonArray *ping;

  beacon_local_server_set_ping_interval (fixture->server, 1);
  beacon_local_server_set_ping_probes (fixture->server, 2);

  client = fixture_add_client (fixture, NULL);
  WAIT_ESTABLISHED (client);
  RAW_CONNECT (silent, fixture->url);
  raw_client_send (silent, TEST_CONNECTION_FRAME);
  WAIT_FOR (raw_client_count (silent, "getUserData") == 1, "getUserData for the raw peer");
  WAIT_FOR (beacon_local_server_get_n_sessions (fixture->server) == 2, "two sessions");

  WAIT_FOR_FULL (silent->closed, 6, "the server to close a peer that answers no ping");
  g_assert_cmpuint (silent->close_code, ==, SOUP_WEBSOCKET_CLOSE_GOING_AWAY);
  g_assert_cmpuint (raw_client_count (silent, "ping"), ==, 2);
  ping = raw_client_last_data (silent, "ping");
  g_assert_cmpuint (json_array_get_length (ping), ==, 0);

  WAIT_FOR (beacon_local_server_get_n_sessions (fixture->server) == 1,
            "the silent session to be forgotten");
  g_assert_cmpint (beacon_wcs_client_get_state (client), ==, BEACON_WCS_STATE_ESTABLISHED);
}

static void
test_not_ready (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RawClient) raw = NULL;
  JsonObject *fail;

  RAW_CONNECT (raw, fixture->url);
  raw_client_send (raw, "{\"message\":\"publishStream\",\"data\":[{\"mediaSessionId\":\"raw-1\","
                        "\"name\":\"cam1\",\"published\":true,\"sdp\":\"v=0\\r\\n\"}]}");
  WAIT_FOR (raw_client_count (raw, "fail") == 1, "a fail for a publish before connection");
  fail = raw_client_last (raw, "fail");
  g_assert_cmpstr (json_object_get_string_member (fail, "apiMethod"), ==, "publishStream");
  g_assert_cmpstr (json_object_get_string_member (fail, "id"), ==, "raw-1");
  g_assert_cmpstr (json_object_get_string_member (fail, "info"), ==, "Session not ready");
  g_assert_cmpuint (fixture->requested->len, ==, 0);
  g_assert_cmpuint (raw_client_count (raw, "notifyStreamStatusEvent"), ==, 0);

  raw_client_send (raw, "{\"message\":\"availableStream\",\"data\":[{\"mediaSessionId\":\"c1\","
                        "\"name\":\"cam1\"}]}");
  WAIT_FOR (raw_client_count (raw, "fail") == 2, "a fail for a check before connection");
  g_assert_cmpstr (json_object_get_string_member (raw_client_last (raw, "fail"), "apiMethod"),
                   ==, "availableStream");

  /* After `connection` the same session is served normally. */
  raw_client_send (raw, TEST_CONNECTION_FRAME);
  raw_client_send (raw, "{\"message\":\"availableStream\",\"data\":[{\"mediaSessionId\":\"c2\","
                        "\"name\":\"cam1\"}]}");
  WAIT_FOR (raw_client_count (raw, "availableStream") == 1, "an availableStream answer");
  g_assert_cmpuint (raw_client_count (raw, "getUserData"), ==, 1);
  g_assert_cmpuint (raw_client_count (raw, "getVersion"), ==, 1);
}

static void
test_garbage (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(RawClient) raw = NULL;

  RAW_CONNECT (raw, fixture->url);
  raw_client_send (raw, TEST_CONNECTION_FRAME);
  WAIT_FOR (raw_client_count (raw, "getVersion") == 1, "the handshake");

  /* One warning per session; later problems and unknown methods go to debug. */
  g_test_expect_message ("beacon-local-session", G_LOG_LEVEL_WARNING, "*not JSON*");
  raw_client_send (raw, "this is not JSON");
  raw_client_send (raw, "{\"message\":\"publishStream\",\"data\":[{\"mediaSessionId\":\"m\","
                        "\"hasVideo\":{}}]}");
  raw_client_send (raw, "{\"message\":\"sendData\",\"data\":[{\"operationId\":\"1\"}]}");
  raw_client_send (raw, "{\"message\":\"sendData\",\"data\":[{\"operationId\":\"2\"}]}");
  raw_client_send (raw, "[]");
  raw_client_send (raw, "{\"message\":\"pong\",\"data\":[null]}");
  raw_client_send (raw, "{\"message\":\"ping\",\"data\":[null]}");
  raw_client_send (raw, "{\"message\":\"connection\",\"data\":[{}]}");
  raw_client_send (raw, "{\"message\":\"availableStream\",\"data\":[{\"mediaSessionId\":\"c1\","
                        "\"name\":\"nope\"}]}");
  /* Frames are handled in order: once this answer is here, the rest was handled. */
  WAIT_FOR (raw_client_count (raw, "availableStream") == 1,
            "the session to survive garbage and answer");
  g_test_assert_expected_messages ();

  g_assert_false (raw->closed);
  g_assert_cmpuint (raw_client_count (raw, "getUserData"), ==, 1);
  g_assert_cmpuint (raw_client_count (raw, "notifyStreamStatusEvent"), ==, 0);
  g_assert_cmpuint (raw_client_count (raw, "fail"), ==, 0);
  g_assert_cmpuint (beacon_local_server_get_n_sessions (fixture->server), ==, 1);
}

static void
test_binary_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RawClient) raw = NULL;
  static const guint8 bytes[] = { 0, 1, 2, 3 };

  RAW_CONNECT (raw, fixture->url);
  raw_client_send (raw, TEST_CONNECTION_FRAME);
  WAIT_FOR (raw_client_count (raw, "getVersion") == 1, "the handshake");

  g_test_expect_message ("beacon-local-session", G_LOG_LEVEL_WARNING, "*binary frame refused*");
  soup_websocket_connection_send_binary (raw->connection, bytes, sizeof bytes);
  WAIT_FOR (raw->closed, "the server to close a session that sent a binary frame");
  g_test_assert_expected_messages ();
  g_assert_cmpuint (raw->close_code, ==, SOUP_WEBSOCKET_CLOSE_UNSUPPORTED_DATA);
  WAIT_FOR (beacon_local_server_get_n_sessions (fixture->server) == 0,
            "the refused session to be forgotten");
}

static void
test_frame_too_big (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RawClient) raw = NULL;
  g_autofree char *big = NULL;

  RAW_CONNECT (raw, fixture->url);
  big = g_strnfill (1024 * 1024 + 1, ' ');
  raw_client_send (raw, big);
  WAIT_FOR (raw->closed, "the server to refuse a frame over 1 MiB");
  /* libsoup 3.2 drops such a connection at once, without a close frame (code 0), rather
   * than sending 1009; accept either, as long as the session is gone. */
  if (raw->close_code != 0)
    g_assert_cmpuint (raw->close_code, ==, SOUP_WEBSOCKET_CLOSE_TOO_BIG);
  WAIT_FOR (beacon_local_server_get_n_sessions (fixture->server) == 0,
            "the refused session to be forgotten");
}

static void
on_page_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GBytes **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_assert_no_error (error);
}

static void
test_status_page (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(SoupMessage) missing = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) missing_body = NULL;
  g_autoptr(RawClient) raw = NULL;
  g_autofree char *url = NULL;
  g_autofree char *text = NULL;
  g_autofree char *other = NULL;
  g_autofree char *publish = NULL;
  BeaconWcsStreamRequest request = { 0 };

  /* A publisher whose name needs escaping shows up in the list. */
  RAW_CONNECT (raw, fixture->url);
  raw_client_send (raw, TEST_CONNECTION_FRAME);
  request.media_session_id = "raw-1";
  request.name = "cam<1>";
  request.published = TRUE;
  request.sdp = TEST_OFFER_SDP;
  publish = beacon_wcs_message_build_publish (&request, NULL);
  raw_client_send (raw, publish);
  WAIT_FOR (fixture->requested->len == 1, "the publish to be accepted");

  url = g_strdup_printf ("http://127.0.0.1:%u/", beacon_local_server_get_port (fixture->server));
  msg = soup_message_new (SOUP_METHOD_GET, url);
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, on_page_read, &body);
  WAIT_FOR (body != NULL, "the status page");
  g_assert_cmpuint (soup_message_get_status (msg), ==, SOUP_STATUS_OK);
  g_assert_true (g_str_has_prefix (soup_message_headers_get_content_type (
                                     soup_message_get_response_headers (msg), NULL),
                                   "text/html"));
  text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  g_assert_nonnull (strstr (text, "5.2.0-test"));
  g_assert_nonnull (strstr (text, "Sessions: 1"));
  g_assert_nonnull (strstr (text, "<li>cam&lt;1&gt;</li>"));

  other = g_strdup_printf ("%snot-here", url);
  missing = soup_message_new (SOUP_METHOD_GET, other);
  soup_session_send_and_read_async (session, missing, G_PRIORITY_DEFAULT, NULL, on_page_read,
                                    &missing_body);
  WAIT_FOR (missing_body != NULL, "the answer for an unknown page");
  g_assert_cmpuint (soup_message_get_status (missing), ==, SOUP_STATUS_NOT_FOUND);
}

static void
test_stop (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BeaconWcsClient *client;
  guint port;

  client = fixture_add_client (fixture, NULL);
  WAIT_ESTABLISHED (client);

  beacon_local_server_stop (fixture->server);
  g_assert_false (beacon_local_server_is_running (fixture->server));
  g_assert_null (beacon_local_server_dup_url (fixture->server));
  g_assert_cmpuint (beacon_local_server_get_n_sessions (fixture->server), ==, 0);
  WAIT_FOR (beacon_wcs_client_get_state (client) == BEACON_WCS_STATE_DISCONNECTED,
            "the client to see the server go away");

  /* A stopped server starts again, on a fresh ephemeral port. */
  g_assert_cmpuint (beacon_local_server_get_port (fixture->server), ==, 0);
  g_assert_true (beacon_local_server_start (fixture->server, &error));
  g_assert_no_error (error);
  port = beacon_local_server_get_port (fixture->server);
  g_assert_cmpuint (port, >, 0);
}

static void
test_bad_bind_address (void)
{
  g_autoptr(BeaconLocalServer) server = beacon_local_server_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (beacon_local_server_get_bind_address (server), ==, "127.0.0.1");
  g_assert_cmpuint (beacon_local_server_get_ping_interval (server), ==, 5);
  g_assert_cmpuint (beacon_local_server_get_ping_probes (server), ==, 10);
  beacon_local_server_set_bind_address (server, "localhost.example");
  g_assert_false (beacon_local_server_start (server, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_false (beacon_local_server_is_running (server));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_SERVER_TEST ("connect", test_connect);
  ADD_SERVER_TEST ("keep-alive", test_keep_alive);
  ADD_SERVER_TEST ("not-ready", test_not_ready);
  ADD_SERVER_TEST ("garbage", test_garbage);
  ADD_SERVER_TEST ("binary-refused", test_binary_refused);
  ADD_SERVER_TEST ("frame-too-big", test_frame_too_big);
  ADD_SERVER_TEST ("status-page", test_status_page);
  ADD_SERVER_TEST ("stop", test_stop);
  g_test_add_func ("/beacon/server/local-server/bad-bind-address", test_bad_bind_address);

  return g_test_run ();
}
