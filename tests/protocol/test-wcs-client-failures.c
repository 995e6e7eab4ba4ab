/* test-wcs-client-failures.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The client against a server that misbehaves: bad frames, huge frames, closes, silence. */

#include "config.h"

#include "wcs-client-fixture.h"

static void
count_server_warning (BeaconWcsClient *client,
                      const char      *api_method,
                      const char      *info,
                      guint           *count)
{
  g_assert_nonnull (api_method);
  g_assert_nonnull (info);
  (*count)++;
}

static void
test_malformed_input (Fixture       *fixture,
                      gconstpointer  data)
{
  GString *log = fixture->log;
  g_autoptr(BeaconWcsStream) stream = NULL;
  const char *id;
  static const struct {
    const char *frame;
    const char *warning;
  } cases[] = {
    { "not json at all", "*not JSON*" },
    { "[\"an\",\"array\"]", "*not a JSON object*" },
    { "{\"data\":[]}", "*no “message” name*" },
    { "{\"message\":\"ping\"}", "*“ping” has no “data” array*" },
    { "{\"message\":\"setRemoteSDP\",\"data\":[42,\"v=0\"]}", "*data[0] should be a string*" },
    { "{\"message\":\"notifyStreamStatusEvent\",\"data\":[{\"mediaSessionId\":\"x\","
      "\"status\":7}]}", "*“status” should be a string*" },
    { "{\"message\":\"notifyStreamStatusEvent\",\"data\":[{\"mediaSessionId\":"
      "\"no-such-stream\",\"status\":\"PLAYING\"}]}", "*unknown stream no-such-stream*" },
    { "{\"message\":\"notifyStreamStatusEvent\",\"data\":[{\"status\":\"PLAYING\"}]}",
      "*“mediaSessionId” is missing*" },
    { "{\"message\":\"brandNewMessage\",\"data\":[{}]}", "*unknown message “brandNewMessage”*" },
  };

  CONNECT (fixture);
  stream = start_stream (fixture, BEACON_WCS_STREAM_KIND_PUBLISH, "cam1", log);
  id = beacon_wcs_stream_get_media_session_id (stream);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      expect_warning (cases[i].warning);
      wcs_fake_server_send (fixture->server, cases[i].frame);
      WAIT_FOR (fixture->warnings->len == i + 1, cases[i].warning);
      g_test_assert_expected_messages ();
    }

  /* An unknown name is reported once, then ignored quietly. */
  wcs_fake_server_send (fixture->server, "{\"message\":\"brandNewMessage\",\"data\":[{}]}");
  expect_warning ("*binary frame ignored*");
  wcs_fake_server_send_binary (fixture->server, 16);
  wcs_fake_server_send_binary (fixture->server, 16);
  expect_warning ("*published stream “cam1” cannot go from PENDING to PLAYING*");
  wcs_fake_server_send_printf (fixture->server,
                               "{\"message\":\"notifyStreamStatusEvent\",\"data\":[{"
                               "\"mediaSessionId\":\"%s\",\"status\":\"PLAYING\"}]}", id);
  expect_warning ("*unknown status “WOBBLING”*");
  wcs_fake_server_send_printf (fixture->server,
                               "{\"message\":\"notifyStreamStatusEvent\",\"data\":[{"
                               "\"mediaSessionId\":\"%s\",\"status\":\"WOBBLING\"}]}", id);
  WAIT_FOR (fixture->warnings->len == G_N_ELEMENTS (cases) + 3, "three more warnings");
  g_test_assert_expected_messages ();

  /* After all that the session and the stream still work. */
  g_assert_cmpint (beacon_wcs_client_get_state (fixture->client), ==,
                   BEACON_WCS_STATE_ESTABLISHED);
  g_assert_cmpint (beacon_wcs_stream_get_status (stream), ==, BEACON_WCS_STREAM_STATUS_PENDING);
  wcs_fake_server_send (fixture->server, "{\"message\":\"ping\",\"data\":[]}");
  WAIT_FOR (wcs_fake_server_count (fixture->server, "pong") == 1, "a pong after bad input");
  wcs_fake_server_send_printf (fixture->server,
                               "{\"message\":\"notifyStreamStatusEvent\",\"data\":[{"
                               "\"mediaSessionId\":\"%s\",\"status\":\"PUBLISHING\"}]}", id);
  WAIT_FOR (beacon_wcs_stream_get_status (stream) == BEACON_WCS_STREAM_STATUS_PUBLISHING,
            "PUBLISHING after bad input");
  g_assert_cmpuint (fixture->warnings->len, ==, G_N_ELEMENTS (cases) + 3);
}

static void
test_server_warning (Fixture       *fixture,
                     gconstpointer  data)
{
  GString *log = fixture->log;
  g_autoptr(BeaconWcsStream) stream = NULL;
  guint warnings = 0;

  CONNECT (fixture);
  stream = start_stream (fixture, BEACON_WCS_STREAM_KIND_PUBLISH, "cam1", log);
  g_signal_connect (fixture->client, "server-warning",
                    G_CALLBACK (count_server_warning), &warnings);
  wcs_fake_server_send (fixture->server,
                        "{\"message\":\"fail\",\"data\":[{\"apiMethod\":\"ConnectionStatusEvent\","
                        "\"info\":\"hook unreachable\"}]}");
  wcs_fake_server_send_printf (fixture->server,
                               "{\"message\":\"fail\",\"data\":[{\"apiMethod\":"
                               "\"StreamStatusEvent\",\"id\":\"%s\",\"status\":\"FAILED\","
                               "\"info\":\"Restricted access\"}]}",
                               beacon_wcs_stream_get_media_session_id (stream));
  WAIT_FOR (beacon_wcs_stream_is_terminal (stream), "the fail message to end the stream");
  g_assert_cmpuint (warnings, ==, 2);
  g_assert_cmpstr (log->str, ==, "PENDING:-;FAILED:Restricted access;");
}

static void
test_frame_too_large (Fixture       *fixture,
                      gconstpointer  data)
{
  GString *log = fixture->log;
  g_autoptr(BeaconWcsStream) stream = NULL;
  g_autofree char *huge = NULL;
  gsize size = 2 * 1024 * 1024;

  CONNECT (fixture);
  stream = start_stream (fixture, BEACON_WCS_STREAM_KIND_PLAY, "cam1", log);
  huge = g_malloc (size + 1);
  memset (huge, 'x', size);
  memcpy (huge, "{\"message\":\"x\",\"data\":[\"", 24);
  memcpy (huge + size - 3, "\"]}", 3);
  huge[size] = '\0';
  wcs_fake_server_send (fixture->server, huge);

  WAIT_FOR (beacon_wcs_client_get_state (fixture->client) == BEACON_WCS_STATE_FAILED,
            "the session to fail on a 2 MiB frame");
  g_assert_error (beacon_wcs_client_get_error (fixture->client), BEACON_WCS_ERROR,
                  BEACON_WCS_ERROR_FRAME_TOO_LARGE);
  g_assert_cmpstr (log->str, ==, "PENDING:-;FAILED:Stopped by session disconnect;");
}

static void
test_server_closes (Fixture       *fixture,
                    gconstpointer  data)
{
  GString *log = fixture->log;
  g_autoptr(BeaconWcsStream) stream = NULL;

  CONNECT (fixture);
  stream = start_stream (fixture, BEACON_WCS_STREAM_KIND_PLAY, "cam1", log);
  wcs_fake_server_close (fixture->server, SOUP_WEBSOCKET_CLOSE_NORMAL);
  WAIT_FOR (beacon_wcs_client_get_state (fixture->client) == BEACON_WCS_STATE_DISCONNECTED,
            "DISCONNECTED after the server's close frame");
  g_assert_null (beacon_wcs_client_get_error (fixture->client));
  g_assert_cmpstr (log->str, ==, "PENDING:-;FAILED:Stopped by session disconnect;");
}

static void
test_server_vanishes (Fixture       *fixture,
                      gconstpointer  data)
{
  GString *log = fixture->log;
  g_autoptr(BeaconWcsStream) stream = NULL;

  CONNECT (fixture);
  stream = start_stream (fixture, BEACON_WCS_STREAM_KIND_PUBLISH, "cam1", log);
  wcs_fake_server_abort (fixture->server);
  WAIT_FOR (beacon_wcs_client_get_state (fixture->client) == BEACON_WCS_STATE_FAILED,
            "FAILED when the TCP connection drops without a close frame");
  g_assert_error (beacon_wcs_client_get_error (fixture->client), BEACON_WCS_ERROR,
                  BEACON_WCS_ERROR_CLOSED);
  g_assert_cmpstr (log->str, ==, "PENDING:-;FAILED:Stopped by session disconnect;");
}

static void
test_silent_server (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 start;

  beacon_wcs_client_set_liveness_timeout (fixture->client, 400);
  CONNECT (fixture);
  start = g_get_monotonic_time ();

  /* Frames keep it alive: three pings 250 ms apart span more than the deadline. */
  for (guint i = 0; i < 3; i++)
    {
      wcs_fake_server_spin (250);
      wcs_fake_server_send (fixture->server, "{\"message\":\"ping\",\"data\":[]}");
    }
  WAIT_FOR (wcs_fake_server_count (fixture->server, "pong") == 3, "three pongs");
  g_assert_cmpint (beacon_wcs_client_get_state (fixture->client), ==,
                   BEACON_WCS_STATE_ESTABLISHED);

  WAIT_FOR (beacon_wcs_client_get_state (fixture->client) == BEACON_WCS_STATE_FAILED,
            "the liveness deadline to fail the session");
  g_assert_error (beacon_wcs_client_get_error (fixture->client), BEACON_WCS_ERROR,
                  BEACON_WCS_ERROR_SERVER_SILENT);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 750 * 1000 + 400 * 1000);
}

static void
test_disconnect (Fixture       *fixture,
                 gconstpointer  data)
{
  GString *log = fixture->log;
  g_autoptr(BeaconWcsStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  CONNECT (fixture);
  stream = start_stream (fixture, BEACON_WCS_STREAM_KIND_PUBLISH, "cam1", log);
  beacon_wcs_client_disconnect (fixture->client);
  g_assert_cmpint (beacon_wcs_client_get_state (fixture->client), ==,
                   BEACON_WCS_STATE_DISCONNECTED);
  g_assert_cmpstr (log->str, ==, "PENDING:-;FAILED:Stopped by session disconnect;");
  WAIT_FOR (!wcs_fake_server_is_connected (fixture->server), "the server to see the close");
  g_assert_false (beacon_wcs_stream_send_event (stream, "audioMuted", NULL, &error));
  g_assert_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_INVALID_STATE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_CLIENT_TEST ("malformed-input", test_malformed_input);
  ADD_CLIENT_TEST ("server-warning", test_server_warning);
  ADD_CLIENT_TEST ("frame-too-large", test_frame_too_large);
  ADD_CLIENT_TEST ("server-closes", test_server_closes);
  ADD_CLIENT_TEST ("server-vanishes", test_server_vanishes);
  ADD_CLIENT_TEST ("silent-server", test_silent_server);
  ADD_CLIENT_TEST ("disconnect", test_disconnect);

  return g_test_run ();
}
