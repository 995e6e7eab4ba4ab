/* test-wcs-client.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "beacon-test-port.h"
#include "wcs-client-fixture.h"

static void
test_connect_handshake (Fixture       *fixture,
                        gconstpointer  data)
{
  JsonObject *sent;
  JsonArray *providers;
  g_autofree char *states = NULL;

  beacon_wcs_client_set_custom (fixture->client, "{\"token\":\"abc\"}");
  CONNECT (fixture);

  g_ptr_array_add (fixture->states, NULL);
  states = g_strjoinv (" ", (char **) fixture->states->pdata);
  g_assert_cmpstr (states, ==,
                   "BEACON_WCS_STATE_CONNECTING BEACON_WCS_STATE_CONNECTED "
                   "BEACON_WCS_STATE_ESTABLISHED");
  g_ptr_array_remove_index (fixture->states, fixture->states->len - 1);

  g_assert_cmpuint (wcs_fake_server_count (fixture->server, "connection"), ==, 1);
  sent = wcs_fake_server_last (fixture->server, "connection");
  g_assert_cmpstr (json_object_get_string_member (sent, "appKey"), ==, "defaultApp");
  providers = json_object_get_array_member (sent, "mediaProviders");
  g_assert_cmpuint (json_array_get_length (providers), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (providers, 0), ==, "WebRTC");
  g_assert_cmpstr (json_object_get_string_member (sent, "clientVersion"), ==, "2.0");
  g_assert_true (json_object_has_member (sent, "clientOSVersion"));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (sent, "clientBrowserVersion"),
                                   "Beacon/"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (sent, "custom"),
                                                  "token"), ==, "abc");

  g_assert_cmpstr (beacon_wcs_client_get_auth_token (fixture->client), ==,
                   "/127.0.0.1:1/127.0.0.1:2");
  g_assert_nonnull (strstr (beacon_wcs_client_get_user_data (fixture->client),
                            "\"status\":\"ESTABLISHED\""));
  WAIT_FOR (beacon_wcs_client_get_server_version (fixture->client) != NULL,
            "the version from getVersion");
  g_assert_cmpstr (beacon_wcs_client_get_server_version (fixture->client), ==, "5.2.9999-fake");
  g_assert_null (beacon_wcs_client_get_error (fixture->client));
}

static void
test_bad_url (Fixture       *fixture,
              gconstpointer  data)
{
  const char *bad[] = { "http://127.0.0.1:8080/", "127.0.0.1:8080", "ws://", "" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (beacon_wcs_client_check_url (bad[i], &error));
      g_assert_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_BAD_URL);
      g_clear_error (&error);
    }
  g_assert_true (beacon_wcs_client_check_url ("wss://wcs.example.com:8443", NULL));

  {
    g_autoptr(BeaconWcsClient) client = beacon_wcs_client_new ("http://127.0.0.1:1/");
    fixture->connect_result = NULL;
    beacon_wcs_client_connect_async (client, NULL, on_connected, fixture);
    WAIT_FOR (fixture->connect_result != NULL, "the connect call to fail");
    g_assert_false (beacon_wcs_client_connect_finish (client, fixture->connect_result, &error));
    g_assert_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_BAD_URL);
    g_assert_cmpint (beacon_wcs_client_get_state (client), ==, BEACON_WCS_STATE_FAILED);
    g_assert_error (beacon_wcs_client_get_error (client), BEACON_WCS_ERROR,
                    BEACON_WCS_ERROR_BAD_URL);
  }
}

static void
test_connect_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(BeaconWcsClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = beacon_test_dup_closed_url ("ws", "/");

  client = beacon_wcs_client_new (url);
  beacon_wcs_client_connect_async (client, NULL, on_connected, fixture);
  WAIT_FOR (fixture->connect_result != NULL, "the connect call to fail");
  g_assert_false (beacon_wcs_client_connect_finish (client, fixture->connect_result, &error));
  g_assert_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_CONNECT_FAILED);
  g_assert_cmpint (beacon_wcs_client_get_state (client), ==, BEACON_WCS_STATE_FAILED);
}

static gboolean
on_incoming_hold (GSocketService    *service,
                  GSocketConnection *connection,
                  GObject           *source,
                  GPtrArray         *held)
{
  g_ptr_array_add (held, g_object_ref (connection));
  return TRUE;
}

static void
test_connect_timeout (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GSocketService) service = g_socket_service_new ();
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(BeaconWcsClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  guint16 port;

  /* A listener that accepts TCP but never answers the HTTP upgrade. */
  port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (service), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "incoming", G_CALLBACK (on_incoming_hold), held);
  url = g_strdup_printf ("ws://127.0.0.1:%u/", port);

  client = beacon_wcs_client_new (url);
  beacon_wcs_client_set_connect_timeout (client, 300);
  beacon_wcs_client_connect_async (client, NULL, on_connected, fixture);
  WAIT_FOR (fixture->connect_result != NULL, "the connect call to time out");
  g_assert_false (beacon_wcs_client_connect_finish (client, fixture->connect_result, &error));
  g_assert_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_TIMED_OUT);
  g_assert_cmpint (beacon_wcs_client_get_state (client), ==, BEACON_WCS_STATE_FAILED);
  g_socket_service_stop (service);
}

static void
test_ping_pong (Fixture       *fixture,
                gconstpointer  data)
{
  JsonNode *pong;

  CONNECT (fixture);
  wcs_fake_server_send (fixture->server, "{\"message\":\"ping\",\"data\":[]}");
  WAIT_FOR (wcs_fake_server_count (fixture->server, "pong") == 1, "a pong");
  pong = wcs_fake_server_last_data (fixture->server, "pong");
  g_assert_true (JSON_NODE_HOLDS_NULL (pong));
  wcs_fake_server_send (fixture->server, "{\"message\":\"ping\",\"data\":[]}");
  WAIT_FOR (wcs_fake_server_count (fixture->server, "pong") == 2, "a second pong");
}

static void
test_not_established (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(BeaconWcsStream) stream = beacon_wcs_stream_new (BEACON_WCS_STREAM_KIND_PUBLISH,
                                                             "cam1");
  g_autoptr(GError) error = NULL;

  g_assert_false (beacon_wcs_client_publish (fixture->client, stream, "v=0\r\n", &error));
  g_assert_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_NOT_ESTABLISHED);
  g_assert_cmpint (beacon_wcs_stream_get_status (stream), ==, BEACON_WCS_STREAM_STATUS_NEW);
}

static void
on_rate_sample (BeaconWcsStream           *stream,
                const BeaconWcsRateSample *sample,
                BeaconWcsRateSample      **last)
{
  g_clear_pointer (last, beacon_wcs_rate_sample_free);
  *last = beacon_wcs_rate_sample_copy (sample);
}

static void
on_remote_sdp (BeaconWcsStream *stream,
               const char      *sdp,
               char           **out)
{
  g_free (*out);
  *out = g_strdup (sdp);
}

static void
test_publish (Fixture       *fixture,
              gconstpointer  data)
{
  GString *log = fixture->log;
  g_autoptr(BeaconWcsStream) stream = NULL;
  g_autoptr(BeaconWcsRateSample) rate = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *answer = NULL;
  const char *id;
  JsonObject *sent;

  CONNECT (fixture);
  stream = beacon_wcs_stream_new (BEACON_WCS_STREAM_KIND_PUBLISH, "cam1");
  beacon_wcs_stream_set_record (stream, TRUE);
  beacon_wcs_stream_set_bitrates (stream, 0, 300, 1500);
  g_object_unref (stream);
  stream = start_stream (fixture, BEACON_WCS_STREAM_KIND_PUBLISH, "cam1", log);
  id = beacon_wcs_stream_get_media_session_id (stream);
  g_signal_connect (stream, "rate-sample", G_CALLBACK (on_rate_sample), &rate);
  g_signal_connect (stream, "remote-sdp-received", G_CALLBACK (on_remote_sdp), &answer);

  sent = wcs_fake_server_last (fixture->server, "publishStream");
  g_assert_cmpstr (json_object_get_string_member (sent, "mediaSessionId"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (sent, "name"), ==, "cam1");
  g_assert_true (json_object_get_boolean_member (sent, "published"));
  g_assert_cmpstr (json_object_get_string_member (sent, "sdp"), ==, "v=0\r\noffer\r\n");
  g_assert_cmpstr (json_object_get_string_member (sent, "status"), ==, "PENDING");
  g_assert_cmpstr (json_object_get_string_member (sent, "mediaProvider"), ==, "WebRTC");
  g_assert_true (beacon_wcs_client_lookup_stream (fixture->client, id) == stream);

  wcs_fake_server_send_printf (fixture->server,
                               "{\"message\":\"setRemoteSDP\",\"data\":[\"%s\",\"v=0\\r\\nanswer\","
                               "true]}", id);
  WAIT_FOR (answer != NULL, "the answer to reach the stream");
  g_assert_cmpstr (answer, ==, "v=0\r\nanswer");
  g_assert_cmpstr (beacon_wcs_stream_get_remote_sdp (stream), ==, "v=0\r\nanswer");

  wcs_fake_server_send_printf (fixture->server,
                               "{\"message\":\"notifyStreamStatusEvent\",\"data\":[{"
                               "\"mediaSessionId\":\"%s\",\"name\":\"cam1\",\"published\":true,"
                               "\"status\":\"PUBLISHING\",\"audioCodec\":\"opus\","
                               "\"videoCodec\":\"H264\",\"width\":0,\"height\":0}]}", id);
  WAIT_FOR (beacon_wcs_stream_get_status (stream) == BEACON_WCS_STREAM_STATUS_PUBLISHING,
            "PUBLISHING");
  g_assert_cmpstr (beacon_wcs_stream_get_video_codec (stream), ==, "H264");
  g_assert_cmpstr (beacon_wcs_stream_get_audio_codec (stream), ==, "opus");

  wcs_fake_server_send_printf (fixture->server,
                               "{\"message\":\"inboundVideoRate\",\"data\":[{"
                               "\"mediaSessionId\":\"%s\",\"videoRate\":640000,\"fps\":30,"
                               "\"nack\":2,\"pli\":1,\"lostPackets\":4,\"width\":640,"
                               "\"height\":360}]}", id);
  WAIT_FOR (rate != NULL, "an inboundVideoRate sample");
  g_assert_cmpint (rate->direction, ==, BEACON_WCS_RATE_INBOUND);
  g_assert_cmpint (rate->video_rate, ==, 640000);
  g_assert_cmpint (rate->lost_packets, ==, 4);

  g_assert_true (beacon_wcs_stream_send_event (stream, "videoMuted", NULL, &error));
  WAIT_FOR (wcs_fake_server_count (fixture->server, "sendStreamEvent") == 1, "sendStreamEvent");
  g_assert_cmpstr (sent_string (fixture->server, "sendStreamEvent", "type"), ==, "videoMuted");

  g_assert_true (beacon_wcs_stream_stop (stream, &error));
  g_assert_no_error (error);
  WAIT_FOR (wcs_fake_server_count (fixture->server, "unPublishStream") == 1, "unPublishStream");
  sent = wcs_fake_server_last (fixture->server, "unPublishStream");
  g_assert_cmpstr (json_object_get_string_member (sent, "mediaSessionId"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (sent, "status"), ==, "PUBLISHING");
  /* Stopping is a request: the status follows the server's answer. */
  g_assert_cmpint (beacon_wcs_stream_get_status (stream), ==, BEACON_WCS_STREAM_STATUS_PUBLISHING);

  wcs_fake_server_send_printf (fixture->server,
                               "{\"message\":\"notifyStreamStatusEvent\",\"data\":[{"
                               "\"mediaSessionId\":\"%s\",\"status\":\"UNPUBLISHED\","
                               "\"info\":\"Stopped by publisher stop\"}]}", id);
  WAIT_FOR (beacon_wcs_stream_is_terminal (stream), "UNPUBLISHED");
  g_assert_cmpstr (log->str, ==,
                   "PENDING:-;PUBLISHING:-;UNPUBLISHED:Stopped by publisher stop;");
  g_assert_null (beacon_wcs_client_lookup_stream (fixture->client, id));

  /* A late rate report for the ended stream is expected traffic, not a warning. */
  wcs_fake_server_send_printf (fixture->server,
                               "{\"message\":\"inboundVideoRate\",\"data\":[{"
                               "\"mediaSessionId\":\"%s\",\"videoRate\":1}]}", id);
  wcs_fake_server_send (fixture->server, "{\"message\":\"ping\",\"data\":[]}");
  WAIT_FOR (wcs_fake_server_count (fixture->server, "pong") == 1, "a pong after the late report");
  g_assert_cmpint (rate->video_rate, ==, 640000);
  g_assert_cmpuint (fixture->warnings->len, ==, 0);
}

static void
test_play (Fixture       *fixture,
           gconstpointer  data)
{
  GString *log = fixture->log;
  g_autoptr(BeaconWcsStream) stream = NULL;
  g_autoptr(BeaconWcsRateSample) rate = NULL;
  g_autoptr(GError) error = NULL;
  const char *id;
  JsonObject *sent;

  CONNECT (fixture);
  stream = start_stream (fixture, BEACON_WCS_STREAM_KIND_PLAY, "cam1", log);
  id = beacon_wcs_stream_get_media_session_id (stream);
  g_signal_connect (stream, "rate-sample", G_CALLBACK (on_rate_sample), &rate);

  sent = wcs_fake_server_last (fixture->server, "playStream");
  g_assert_false (json_object_get_boolean_member (sent, "published"));
  g_assert_true (json_object_get_boolean_member (sent, "hasVideo"));
  g_assert_cmpint (json_object_get_int_member (sent, "width"), ==, 0);

  wcs_fake_server_send_printf (fixture->server,
                               "{\"message\":\"notifyAudioCodec\",\"data\":[\"%s\","
                               "{\"name\":\"opus\"}]}", id);
  wcs_fake_server_send_printf (fixture->server,
                               "{\"message\":\"setRemoteSDP\",\"data\":[\"%s\",\"v=0\",true]}",
                               id);
  wcs_fake_server_send_printf (fixture->server,
                               "{\"message\":\"notifyStreamStatusEvent\",\"data\":[{"
                               "\"mediaSessionId\":\"%s\",\"status\":\"PLAYING\"}]}", id);
  wcs_fake_server_send_printf (fixture->server,
                               "{\"message\":\"notifyVideoFormat\",\"data\":[{"
                               "\"streamerVideoWidth\":640,\"streamerVideoHeight\":360,"
                               "\"mediaSessionId\":\"%s\",\"status\":\"RESIZE\"}]}", id);
  wcs_fake_server_send_printf (fixture->server,
                               "{\"message\":\"outboundVideoRate\",\"data\":[{"
                               "\"mediaSessionId\":\"%s\",\"videoRate\":500000,\"fps\":29}]}",
                               id);
  WAIT_FOR (rate != NULL, "an outboundVideoRate sample");
  g_assert_cmpint (beacon_wcs_stream_get_status (stream), ==, BEACON_WCS_STREAM_STATUS_PLAYING);
  g_assert_cmpstr (beacon_wcs_stream_get_audio_codec (stream), ==, "opus");
  g_assert_cmpint (beacon_wcs_stream_get_width (stream), ==, 640);
  g_assert_cmpint (beacon_wcs_stream_get_height (stream), ==, 360);
  g_assert_cmpint (rate->direction, ==, BEACON_WCS_RATE_OUTBOUND);

  wcs_fake_server_send_printf (fixture->server,
                               "{\"message\":\"notifyStreamEvent\",\"data\":[{"
                               "\"mediaSessionId\":\"%s\",\"type\":\"videoMuted\","
                               "\"payload\":{\"streamName\":\"cam1\"}}]}", id);
  WAIT_FOR (beacon_wcs_stream_get_remote_video_muted (stream), "the publisher's mute to show");

  g_assert_true (beacon_wcs_stream_stop (stream, &error));
  WAIT_FOR (wcs_fake_server_count (fixture->server, "stopStream") == 1, "stopStream");
  g_assert_cmpstr (sent_string (fixture->server, "stopStream", "mediaSessionId"), ==, id);
  wcs_fake_server_send_printf (fixture->server,
                               "{\"message\":\"notifyStreamStatusEvent\",\"data\":[{"
                               "\"mediaSessionId\":\"%s\",\"status\":\"STOPPED\","
                               "\"info\":\"Stopped by user\"}]}", id);
  WAIT_FOR (beacon_wcs_stream_is_terminal (stream), "STOPPED");
  g_assert_cmpstr (log->str, ==, "PENDING:-;PLAYING:-;STOPPED:Stopped by user;");
  g_assert_cmpuint (fixture->warnings->len, ==, 0);
}

static void
test_failed_reasons (Fixture       *fixture,
                     gconstpointer  data)
{
  GString *play_log = fixture->log;
  GString *publish_log = fixture->log2;
  g_autoptr(BeaconWcsStream) play = NULL;
  g_autoptr(BeaconWcsStream) publish = NULL;

  CONNECT (fixture);
  play = start_stream (fixture, BEACON_WCS_STREAM_KIND_PLAY, "nobody", play_log);
  publish = start_stream (fixture, BEACON_WCS_STREAM_KIND_PUBLISH, "taken", publish_log);

  wcs_fake_server_send_printf (fixture->server,
                               "{\"message\":\"notifyStreamStatusEvent\",\"data\":[{"
                               "\"mediaSessionId\":\"%s\",\"status\":\"FAILED\","
                               "\"info\":\"Stream not found\"}]}",
                               beacon_wcs_stream_get_media_session_id (play));
  wcs_fake_server_send_printf (fixture->server,
                               "{\"message\":\"notifyStreamStatusEvent\",\"data\":[{"
                               "\"mediaSessionId\":\"%s\",\"status\":\"FAILED\","
                               "\"info\":\"Stream name is already in use\"}]}",
                               beacon_wcs_stream_get_media_session_id (publish));
  WAIT_FOR (beacon_wcs_stream_is_terminal (play) && beacon_wcs_stream_is_terminal (publish),
            "both streams to fail");
  g_assert_cmpstr (play_log->str, ==, "PENDING:-;FAILED:Stream not found;");
  g_assert_cmpstr (publish_log->str, ==, "PENDING:-;FAILED:Stream name is already in use;");
  g_assert_cmpstr (beacon_wcs_stream_get_info (play), ==, "Stream not found");
}

typedef struct
{
  gboolean done;
  gboolean ok;
  gboolean available;
  char    *info;
  GError  *error;
} CheckOutcome;

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  CheckOutcome *outcome = user_data;

  outcome->ok = beacon_wcs_client_check_available_finish (BEACON_WCS_CLIENT (source), result,
                                                          &outcome->available, &outcome->info,
                                                          &outcome->error);
  outcome->done = TRUE;
}

static void
test_available (Fixture       *fixture,
                gconstpointer  data)
{
  CheckOutcome no = { 0 }, yes = { 0 }, closed = { 0 };
  const char *id;

  CONNECT (fixture);
  beacon_wcs_client_check_available_async (fixture->client, "secret", NULL, on_checked, &no);
  WAIT_FOR (wcs_fake_server_count (fixture->server, "availableStream") == 1, "availableStream");
  g_assert_cmpstr (sent_string (fixture->server, "availableStream", "name"), ==, "secret");
  id = sent_string (fixture->server, "availableStream", "mediaSessionId");
  wcs_fake_server_send_printf (fixture->server,
                               "{\"message\":\"availableStream\",\"data\":[{\"status\":\"false\","
                               "\"info\":\"Restricted access\",\"id\":\"%s\"}]}", id);
  WAIT_FOR (no.done, "the check to resolve");
  g_assert_true (no.ok);
  g_assert_false (no.available);
  g_assert_cmpstr (no.info, ==, "Restricted access");

  beacon_wcs_client_check_available_async (fixture->client, "cam1", NULL, on_checked, &yes);
  WAIT_FOR (wcs_fake_server_count (fixture->server, "availableStream") == 2, "a second check");
  id = sent_string (fixture->server, "availableStream", "mediaSessionId");
  wcs_fake_server_send_printf (fixture->server,
                               "{\"message\":\"availableStream\",\"data\":[{\"status\":\"true\","
                               "\"id\":\"%s\"}]}", id);
  WAIT_FOR (yes.done, "the second check to resolve");
  g_assert_true (yes.available);
  g_assert_null (yes.info);

  /* A check still open when the session ends fails instead of hanging. */
  beacon_wcs_client_check_available_async (fixture->client, "cam2", NULL, on_checked, &closed);
  WAIT_FOR (wcs_fake_server_count (fixture->server, "availableStream") == 3, "a third check");
  wcs_fake_server_close (fixture->server, SOUP_WEBSOCKET_CLOSE_NORMAL);
  WAIT_FOR (closed.done, "the open check to fail with the session");
  g_assert_false (closed.ok);
  g_assert_error (closed.error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_CLOSED);

  g_free (no.info);
  g_free (yes.info);
  g_clear_error (&closed.error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, auto_establish) \
  g_test_add ("/beacon/protocol/wcs-client/" path, Fixture, GINT_TO_POINTER (auto_establish), \
              fixture_set_up, func, fixture_tear_down)

  ADD ("connect-handshake", test_connect_handshake, TRUE);
  ADD ("bad-url", test_bad_url, TRUE);
  ADD ("connect-refused", test_connect_refused, TRUE);
  ADD ("connect-timeout", test_connect_timeout, TRUE);
  ADD ("ping-pong", test_ping_pong, TRUE);
  ADD ("not-established", test_not_established, TRUE);
  ADD ("publish", test_publish, TRUE);
  ADD ("play", test_play, TRUE);
  ADD ("failed-reasons", test_failed_reasons, TRUE);
  ADD ("available", test_available, TRUE);

  return g_test_run ();
}
