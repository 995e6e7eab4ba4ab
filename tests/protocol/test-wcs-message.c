/* test-wcs-message.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "beacon-wcs-error.h"
#include "beacon-wcs-message.h"

/* Parses what a builder produced, as the server would, and returns data[0]. */
static JsonObject *
sent_object (const char  *text,
             const char  *method,
             JsonParser **parser_out)
{
  JsonParser *parser = json_parser_new ();
  JsonObject *root;
  JsonArray *data;

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "message"), ==, method);
  data = json_object_get_array_member (root, "data");
  g_assert_cmpuint (json_array_get_length (data), ==, 1);
  *parser_out = parser;
  return json_array_get_object_element (data, 0);
}

static BeaconWcsIncoming *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  BeaconWcsIncoming *msg = beacon_wcs_message_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (msg);
  return msg;
}

static void
parse_fails (const char *text,
             const char *expected_fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BeaconWcsIncoming) msg = beacon_wcs_message_parse (text, strlen (text), &error);

  g_assert_null (msg);
  g_assert_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL);
  if (strstr (error->message, expected_fragment) == NULL)
    g_test_fail_printf ("error “%s” should mention “%s”", error->message, expected_fragment);
}

static void
test_build_connection (void)
{
  static const char * const providers[] = { "WebRTC", NULL };
  BeaconWcsConnectionParams params = {
    .client_os_version = "Debian GNU/Linux 12",
    .client_browser_version = "Beacon/0.1.0 GStreamer/1.22.0",
    .custom_json = "{\"token\":\"s3cret\",\"room\":7}",
  };
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *text = beacon_wcs_message_build_connection (&params, NULL);
  JsonObject *data = sent_object (text, "connection", &parser);
  JsonArray *sent_providers = json_object_get_array_member (data, "mediaProviders");

  g_assert_cmpstr (json_object_get_string_member (data, "appKey"), ==, "defaultApp");
  g_assert_cmpuint (json_array_get_length (sent_providers), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (sent_providers, 0), ==, providers[0]);
  g_assert_cmpstr (json_object_get_string_member (data, "clientVersion"), ==, "2.0");
  g_assert_cmpstr (json_object_get_string_member (data, "clientOSVersion"), ==,
                   "Debian GNU/Linux 12");
  g_assert_cmpstr (json_object_get_string_member (data, "clientBrowserVersion"), ==,
                   "Beacon/0.1.0 GStreamer/1.22.0");
  g_assert_cmpint (json_object_get_int_member (data, "msePacketizationVersion"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (data, "custom"),
                                                  "token"), ==, "s3cret");
  /* Unset options are absent, as JSON.stringify drops undefined in the WebSDK. */
  g_assert_false (json_object_has_member (data, "keepAlive"));
  g_assert_false (json_object_has_member (data, "authToken"));
}

static void
test_build_connection_options (void)
{
  BeaconWcsConnectionParams params = {
    .app_key = "roomApp",
    .keep_alive = TRUE,
    .auth_token = "/1.2.3.4:5/6.7.8.9:10",
  };
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *text = beacon_wcs_message_build_connection (&params, NULL);
  JsonObject *data = sent_object (text, "connection", &parser);

  g_assert_cmpstr (json_object_get_string_member (data, "appKey"), ==, "roomApp");
  g_assert_true (json_object_get_boolean_member (data, "keepAlive"));
  g_assert_cmpstr (json_object_get_string_member (data, "authToken"), ==,
                   "/1.2.3.4:5/6.7.8.9:10");
  g_assert_false (json_object_has_member (data, "custom"));
}

static void
test_build_connection_bad_custom (void)
{
  const char *bad[] = { "{\"unterminated\": ", "[1,2]", "\"text\"", "42" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      BeaconWcsConnectionParams params = { .custom_json = bad[i] };
      g_autoptr(GError) error = NULL;
      g_autofree char *text = beacon_wcs_message_build_connection (&params, &error);

      g_assert_null (text);
      g_assert_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_INVALID_ARGUMENT);
      g_assert_nonnull (strstr (error->message, "custom"));
    }
}

static void
test_build_pong (void)
{
  g_autofree char *text = beacon_wcs_message_build_pong ();

  g_assert_cmpstr (text, ==, "{\"message\":\"pong\",\"data\":[null]}");
}

static void
test_build_publish (void)
{
  BeaconWcsStreamRequest request = {
    .media_session_id = "id-1", .name = "cam1", .published = TRUE,
    .has_video = TRUE, .has_audio = FALSE, .record = TRUE, .sdp = "v=0\r\n",
    .custom_json = "{\"k\":1}", .constraints_json = "{\"video\":{\"width\":640}}",
    .bitrate = 0, .min_bitrate = 300, .max_bitrate = 1000, .transport = "UDP",
  };
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *text = beacon_wcs_message_build_publish (&request, NULL);
  JsonObject *data = sent_object (text, "publishStream", &parser);

  g_assert_cmpstr (json_object_get_string_member (data, "mediaSessionId"), ==, "id-1");
  g_assert_cmpstr (json_object_get_string_member (data, "name"), ==, "cam1");
  g_assert_true (json_object_get_boolean_member (data, "published"));
  g_assert_true (json_object_get_boolean_member (data, "hasVideo"));
  g_assert_false (json_object_get_boolean_member (data, "hasAudio"));
  g_assert_true (json_object_get_boolean_member (data, "record"));
  g_assert_cmpstr (json_object_get_string_member (data, "status"), ==, "PENDING");
  g_assert_cmpstr (json_object_get_string_member (data, "mediaProvider"), ==, "WebRTC");
  g_assert_cmpstr (json_object_get_string_member (data, "sdp"), ==, "v=0\r\n");
  g_assert_cmpint (json_object_get_int_member (data, "minBitrate"), ==, 300);
  g_assert_cmpint (json_object_get_int_member (data, "maxBitrate"), ==, 1000);
  g_assert_cmpint (json_object_get_int_member (data, "bitrate"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (data, "transport"), ==, "UDP");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (data, "custom"),
                                               "k"), ==, 1);
  g_assert_true (json_object_has_member (data, "constraints"));
  /* No play-only fields on a publish. */
  g_assert_false (json_object_has_member (data, "width"));
  g_assert_false (json_object_has_member (data, "quality"));
}

static void
test_build_play (void)
{
  BeaconWcsStreamRequest request = {
    .media_session_id = "id-2", .name = "cam1", .published = FALSE,
    .has_video = FALSE, .has_audio = FALSE, .record = TRUE, .sdp = "v=0\r\n",
    .width = 320, .height = 240, .quality = 250,
  };
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *text = beacon_wcs_message_build_play (&request, NULL);
  JsonObject *data = sent_object (text, "playStream", &parser);

  g_assert_false (json_object_get_boolean_member (data, "published"));
  /* As the WebSDK: a player always asks for both, never records. */
  g_assert_true (json_object_get_boolean_member (data, "hasVideo"));
  g_assert_true (json_object_get_boolean_member (data, "hasAudio"));
  g_assert_false (json_object_get_boolean_member (data, "record"));
  g_assert_cmpint (json_object_get_int_member (data, "width"), ==, 320);
  g_assert_cmpint (json_object_get_int_member (data, "height"), ==, 240);
  g_assert_cmpint (json_object_get_int_member (data, "quality"), ==, 100);
  g_assert_false (json_object_has_member (data, "custom"));
  g_assert_false (json_object_has_member (data, "transport"));
}

static void
test_build_stop (void)
{
  BeaconWcsStreamRequest publish = {
    .media_session_id = "id-3", .name = "cam1", .published = TRUE, .status = "PUBLISHING",
  };
  BeaconWcsStreamRequest play = {
    .media_session_id = "id-4", .name = "cam1", .published = FALSE, .status = "PLAYING",
  };
  g_autoptr(JsonParser) parser1 = NULL;
  g_autoptr(JsonParser) parser2 = NULL;
  g_autofree char *text1 = beacon_wcs_message_build_stop (&publish);
  g_autofree char *text2 = beacon_wcs_message_build_stop (&play);
  JsonObject *data1 = sent_object (text1, "unPublishStream", &parser1);
  JsonObject *data2 = sent_object (text2, "stopStream", &parser2);

  g_assert_cmpuint (json_object_get_size (data1), ==, 7);
  g_assert_cmpstr (json_object_get_string_member (data1, "status"), ==, "PUBLISHING");
  g_assert_true (json_object_get_boolean_member (data1, "published"));
  g_assert_false (json_object_get_boolean_member (data1, "record"));
  g_assert_cmpuint (json_object_get_size (data2), ==, 7);
  g_assert_cmpstr (json_object_get_string_member (data2, "mediaSessionId"), ==, "id-4");
  g_assert_cmpstr (json_object_get_string_member (data2, "status"), ==, "PLAYING");
  g_assert_false (json_object_get_boolean_member (data2, "published"));
}

static void
test_build_available_and_event (void)
{
  g_autoptr(JsonParser) parser1 = NULL;
  g_autoptr(JsonParser) parser2 = NULL;
  g_autoptr(JsonParser) parser3 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *available = beacon_wcs_message_build_available ("id-5", "cam1");
  g_autofree char *muted = beacon_wcs_message_build_stream_event ("id-6", "audioMuted", NULL, NULL);
  g_autofree char *event = beacon_wcs_message_build_stream_event ("id-6", "data", "{\"a\":1}",
                                                                  NULL);
  g_autofree char *bad = beacon_wcs_message_build_stream_event ("id-6", "data", "[", &error);
  JsonObject *data;

  data = sent_object (available, "availableStream", &parser1);
  g_assert_cmpuint (json_object_get_size (data), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (data, "name"), ==, "cam1");

  data = sent_object (muted, "sendStreamEvent", &parser2);
  g_assert_cmpstr (json_object_get_string_member (data, "type"), ==, "audioMuted");
  g_assert_false (json_object_has_member (data, "payload"));

  data = sent_object (event, "sendStreamEvent", &parser3);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (data, "payload"),
                                               "a"), ==, 1);

  g_assert_null (bad);
  g_assert_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_INVALID_ARGUMENT);
}

static void
test_parse_session (void)
{
  g_autoptr(BeaconWcsIncoming) ping = parse_ok ("{\"message\":\"ping\",\"data\":[]}");
  g_autoptr(BeaconWcsIncoming) user = parse_ok (
    "{\"message\":\"getUserData\",\"data\":[{\"authToken\":\"/a:1/b:2\",\"status\":"
    "\"ESTABLISHED\",\"useWsTunnel\":false,\"clientVersion\":\"2.0\"}]}");
  g_autoptr(BeaconWcsIncoming) version = parse_ok (
    "{\"message\":\"getVersion\",\"data\":[\"5.2.1234-abcdef\"]}");

  g_assert_cmpint (ping->kind, ==, BEACON_WCS_MESSAGE_PING);
  g_assert_cmpint (user->kind, ==, BEACON_WCS_MESSAGE_GET_USER_DATA);
  g_assert_cmpstr (user->auth_token, ==, "/a:1/b:2");
  g_assert_nonnull (strstr (user->json, "\"useWsTunnel\":false"));
  g_assert_cmpint (version->kind, ==, BEACON_WCS_MESSAGE_GET_VERSION);
  g_assert_cmpstr (version->text, ==, "5.2.1234-abcdef");
}

static void
test_parse_remote_sdp (void)
{
  g_autoptr(BeaconWcsIncoming) msg = parse_ok (
    "{\"message\":\"setRemoteSDP\",\"data\":[\"id-1\",\"v=0\\r\\n\",true]}");
  g_autoptr(BeaconWcsIncoming) two = parse_ok (
    "{\"message\":\"setRemoteSDP\",\"data\":[\"id-1\",\"v=0\\r\\n\"]}");

  g_assert_cmpint (msg->kind, ==, BEACON_WCS_MESSAGE_SET_REMOTE_SDP);
  g_assert_cmpstr (msg->media_session_id, ==, "id-1");
  g_assert_cmpstr (msg->text, ==, "v=0\r\n");
  /* The third element is reserved; without it the answer is just as good. */
  g_assert_cmpstr (two->text, ==, "v=0\r\n");
}

static void
test_parse_stream_status (void)
{
  g_autoptr(BeaconWcsIncoming) msg = parse_ok (
    "{\"message\":\"notifyStreamStatusEvent\",\"mediaSessionId\":\"id-1\",\"data\":[{"
    "\"mediaSessionId\":\"id-1\",\"name\":\"cam1\",\"published\":true,\"hasVideo\":true,"
    "\"hasAudio\":true,\"status\":\"PUBLISHING\",\"info\":\"\",\"audioCodec\":\"opus\","
    "\"videoCodec\":\"H264\",\"record\":false,\"width\":640,\"height\":\"360\","
    "\"bitrate\":0,\"minBitrate\":0,\"maxBitrate\":0,\"quality\":0,"
    "\"createDate\":1544579813186,\"audioState\":{\"muted\":true},"
    "\"streamInfo\":{\"nodeId\":null},\"mediaProvider\":\"WebRTC\"}]}");
  const BeaconWcsStreamInfo *info = msg->stream;

  g_assert_cmpint (msg->kind, ==, BEACON_WCS_MESSAGE_STREAM_STATUS);
  g_assert_cmpstr (msg->media_session_id, ==, "id-1");
  g_assert_cmpstr (info->name, ==, "cam1");
  g_assert_cmpstr (info->status, ==, "PUBLISHING");
  g_assert_cmpstr (info->audio_codec, ==, "opus");
  g_assert_cmpstr (info->video_codec, ==, "H264");
  g_assert_cmpint (info->published, ==, TRUE);
  g_assert_cmpint (info->record, ==, FALSE);
  g_assert_cmpint (info->width, ==, 640);
  /* Numbers given as strings are read as numbers. */
  g_assert_cmpint (info->height, ==, 360);
  g_assert_cmpint (info->create_date, ==, G_GINT64_CONSTANT (1544579813186));
  g_assert_cmpint (info->audio_muted, ==, TRUE);
  g_assert_cmpint (info->video_muted, ==, BEACON_WCS_UNSET);
  g_assert_null (info->record_name);
}

static void
test_parse_stream_status_partial (void)
{
  g_autoptr(BeaconWcsIncoming) msg = parse_ok (
    "{\"message\":\"notifyStreamStatusEvent\",\"data\":[{\"mediaSessionId\":\"id-1\","
    "\"status\":\"FAILED\",\"info\":\"Stream not found\"}]}");

  g_assert_cmpstr (msg->stream->status, ==, "FAILED");
  g_assert_cmpstr (msg->stream->info, ==, "Stream not found");
  g_assert_null (msg->stream->name);
  g_assert_cmpint (msg->stream->width, ==, BEACON_WCS_UNSET);
  g_assert_cmpint (msg->stream->has_video, ==, BEACON_WCS_UNSET);
}

static void
test_parse_media_notifications (void)
{
  g_autoptr(BeaconWcsIncoming) format = parse_ok (
    "{\"message\":\"notifyVideoFormat\",\"data\":[{\"streamerVideoWidth\":1280,"
    "\"streamerVideoHeight\":720,\"mediaSessionId\":\"id-2\",\"status\":\"RESIZE\"}]}");
  g_autoptr(BeaconWcsIncoming) codec = parse_ok (
    "{\"message\":\"notifyAudioCodec\",\"data\":[\"id-2\",{\"name\":\"opus\"}]}");
  g_autoptr(BeaconWcsIncoming) event = parse_ok (
    "{\"message\":\"notifyStreamEvent\",\"data\":[{\"mediaSessionId\":\"id-2\","
    "\"type\":\"audioMuted\",\"payload\":{\"streamName\":\"cam1\"}}]}");
  g_autoptr(BeaconWcsIncoming) resize = parse_ok (
    "{\"message\":\"notifyStreamEvent\",\"data\":[{\"mediaSessionId\":\"id-2\","
    "\"type\":\"resize\",\"payload\":{\"streamerVideoWidth\":320,\"streamerVideoHeight\":240}}]}");

  g_assert_cmpint (format->kind, ==, BEACON_WCS_MESSAGE_VIDEO_FORMAT);
  g_assert_cmpint (format->stream->width, ==, 1280);
  g_assert_cmpint (format->stream->height, ==, 720);
  g_assert_cmpstr (format->stream->status, ==, "RESIZE");
  g_assert_cmpint (codec->kind, ==, BEACON_WCS_MESSAGE_AUDIO_CODEC);
  g_assert_cmpstr (codec->media_session_id, ==, "id-2");
  g_assert_cmpstr (codec->text, ==, "opus");
  g_assert_cmpint (event->kind, ==, BEACON_WCS_MESSAGE_STREAM_EVENT);
  g_assert_cmpstr (event->event_type, ==, "audioMuted");
  g_assert_cmpstr (event->json, ==, "{\"streamName\":\"cam1\"}");
  g_assert_null (event->stream);
  g_assert_cmpint (resize->stream->width, ==, 320);
  g_assert_cmpint (resize->stream->height, ==, 240);
}

static void
test_parse_rates (void)
{
  g_autoptr(BeaconWcsIncoming) in = parse_ok (
    "{\"message\":\"inboundVideoRate\",\"data\":[{\"mediaSessionId\":\"id-1\","
    "\"videoRate\":812345,\"fps\":29.5,\"nack\":3,\"pli\":1,\"lostPackets\":7,"
    "\"width\":640,\"height\":360}]}");
  g_autoptr(BeaconWcsIncoming) out = parse_ok (
    "{\"message\":\"outboundVideoRate\",\"data\":[{\"mediaSessionId\":\"id-2\","
    "\"videoRate\":\"1000\",\"fps\":30}]}");

  g_assert_cmpint (in->kind, ==, BEACON_WCS_MESSAGE_VIDEO_RATE);
  g_assert_cmpint (in->rate->direction, ==, BEACON_WCS_RATE_INBOUND);
  g_assert_cmpint (in->rate->video_rate, ==, 812345);
  g_assert_cmpfloat_with_epsilon (in->rate->fps, 29.5, 0.001);
  g_assert_cmpint (in->rate->nack, ==, 3);
  g_assert_cmpint (in->rate->pli, ==, 1);
  g_assert_cmpint (in->rate->lost_packets, ==, 7);
  g_assert_cmpint (in->rate->width, ==, 640);
  g_assert_cmpint (out->rate->direction, ==, BEACON_WCS_RATE_OUTBOUND);
  g_assert_cmpint (out->rate->video_rate, ==, 1000);
  g_assert_cmpint (out->rate->width, ==, BEACON_WCS_UNSET);
}

static void
test_parse_available_and_fail (void)
{
  g_autoptr(BeaconWcsIncoming) no = parse_ok (
    "{\"message\":\"availableStream\",\"data\":[{\"status\":\"false\","
    "\"info\":\"Restricted access\",\"id\":\"id-9\"}]}");
  g_autoptr(BeaconWcsIncoming) yes = parse_ok (
    "{\"message\":\"availableStream\",\"data\":[{\"status\":\"true\",\"info\":\"\",\"id\":\"id-8\"}]}");
  g_autoptr(BeaconWcsIncoming) warn = parse_ok (
    "{\"message\":\"fail\",\"data\":[{\"apiMethod\":\"ConnectionStatusEvent\","
    "\"info\":\"REST hook failed\"}]}");
  g_autoptr(BeaconWcsIncoming) stream_fail = parse_ok (
    "{\"message\":\"fail\",\"data\":[{\"apiMethod\":\"StreamStatusEvent\",\"id\":\"id-1\","
    "\"info\":\"hook said no\",\"status\":\"FAILED\"}]}");

  g_assert_cmpint (no->kind, ==, BEACON_WCS_MESSAGE_AVAILABLE_STREAM);
  g_assert_false (no->available);
  g_assert_cmpstr (no->info, ==, "Restricted access");
  g_assert_cmpstr (no->media_session_id, ==, "id-9");
  g_assert_true (yes->available);
  g_assert_cmpint (warn->kind, ==, BEACON_WCS_MESSAGE_FAIL);
  g_assert_cmpstr (warn->api_method, ==, "ConnectionStatusEvent");
  g_assert_null (warn->stream);
  g_assert_nonnull (stream_fail->stream);
  g_assert_cmpstr (stream_fail->stream->status, ==, "FAILED");
  g_assert_cmpstr (stream_fail->stream->info, ==, "hook said no");
}

static void
test_parse_unknown (void)
{
  g_autoptr(BeaconWcsIncoming) msg = parse_ok (
    "{\"message\":\"notifySessionDebugEvent\",\"data\":[{\"status\":\"STARTED\"}]}");

  g_assert_cmpint (msg->kind, ==, BEACON_WCS_MESSAGE_UNKNOWN);
  g_assert_cmpstr (msg->name, ==, "notifySessionDebugEvent");
}

static void
test_parse_malformed (void)
{
  parse_fails ("this is not json", "not JSON");
  parse_fails ("[1,2,3]", "not a JSON object");
  parse_fails ("{\"data\":[]}", "no “message”");
  parse_fails ("{\"message\":42,\"data\":[]}", "no “message”");
  parse_fails ("{\"message\":\"ping\"}", "no “data” array");
  parse_fails ("{\"message\":\"ping\",\"data\":{}}", "no “data” array");
  parse_fails ("{\"message\":\"setRemoteSDP\",\"data\":[\"id\"]}", "data[1] should be a string");
  parse_fails ("{\"message\":\"setRemoteSDP\",\"data\":[17,\"v=0\"]}", "data[0] should be a string");
  parse_fails ("{\"message\":\"notifyStreamStatusEvent\",\"data\":[\"x\"]}", "should be an object");
  parse_fails ("{\"message\":\"notifyStreamStatusEvent\",\"data\":[{\"status\":\"PLAYING\"}]}",
               "“mediaSessionId” is missing");
  parse_fails ("{\"message\":\"notifyStreamStatusEvent\",\"data\":[{\"mediaSessionId\":\"a\","
               "\"status\":[1]}]}", "“status” should be a string");
  parse_fails ("{\"message\":\"notifyStreamStatusEvent\",\"data\":[{\"mediaSessionId\":\"a\","
               "\"width\":\"wide\"}]}", "“width” should be a number");
  /* An empty number is an error here; only the server's readers take it as "not given". */
  parse_fails ("{\"message\":\"notifyStreamStatusEvent\",\"data\":[{\"mediaSessionId\":\"a\","
               "\"width\":\"\"}]}", "“width” should be a number");
  /* 2^63 is one past G_MAXINT64 although (double) G_MAXINT64 equals it: refused, not wrapped. */
  parse_fails ("{\"message\":\"notifyStreamStatusEvent\",\"data\":[{\"mediaSessionId\":\"a\","
               "\"createDate\":\"9223372036854775808\"}]}",
               "“createDate” should be a number in range");
  parse_fails ("{\"message\":\"notifyStreamStatusEvent\",\"data\":[{\"mediaSessionId\":\"a\","
               "\"published\":\"maybe\"}]}", "“published” should be a boolean");
  parse_fails ("{\"message\":\"inboundVideoRate\",\"data\":[{\"mediaSessionId\":\"a\","
               "\"fps\":{}}]}", "“fps” should be a number");
  parse_fails ("{\"message\":\"availableStream\",\"data\":[{\"id\":\"a\"}]}",
               "“status” is missing");
  parse_fails ("{\"message\":\"getVersion\",\"data\":[]}", "data[0] should be a string");
  /* The method is named in every error, so one log line is enough to find the frame. */
  parse_fails ("{\"message\":\"outboundVideoRate\",\"data\":[{\"mediaSessionId\":1}]}",
               "“outboundVideoRate”");
}

static void
test_parse_too_large (void)
{
  g_autoptr(GError) error = NULL;
  gsize length = BEACON_WCS_MAX_FRAME_SIZE + 1;
  g_autofree char *text = g_malloc (length + 1);
  g_autoptr(BeaconWcsIncoming) msg = NULL;

  memset (text, ' ', length);
  text[length] = '\0';
  msg = beacon_wcs_message_parse (text, length, &error);
  g_assert_null (msg);
  g_assert_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_FRAME_TOO_LARGE);
}

static void
test_status_strings (void)
{
  BeaconWcsStreamStatus status;

  for (BeaconWcsStreamStatus s = BEACON_WCS_STREAM_STATUS_NEW;
       s <= BEACON_WCS_STREAM_STATUS_FAILED; s++)
    {
      g_assert_true (beacon_wcs_stream_status_from_string (
        beacon_wcs_stream_status_to_string (s), &status));
      g_assert_cmpint (status, ==, s);
    }
  g_assert_false (beacon_wcs_stream_status_from_string ("RESIZE", &status));
  g_assert_false (beacon_wcs_stream_status_from_string ("publishing", &status));
  g_assert_false (beacon_wcs_stream_status_from_string (NULL, &status));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/beacon/protocol/wcs-message/build-connection", test_build_connection);
  g_test_add_func ("/beacon/protocol/wcs-message/build-connection-options",
                   test_build_connection_options);
  g_test_add_func ("/beacon/protocol/wcs-message/build-connection-bad-custom",
                   test_build_connection_bad_custom);
  g_test_add_func ("/beacon/protocol/wcs-message/build-pong", test_build_pong);
  g_test_add_func ("/beacon/protocol/wcs-message/build-publish", test_build_publish);
  g_test_add_func ("/beacon/protocol/wcs-message/build-play", test_build_play);
  g_test_add_func ("/beacon/protocol/wcs-message/build-stop", test_build_stop);
  g_test_add_func ("/beacon/protocol/wcs-message/build-available-and-event",
                   test_build_available_and_event);
  g_test_add_func ("/beacon/protocol/wcs-message/parse-session", test_parse_session);
  g_test_add_func ("/beacon/protocol/wcs-message/parse-remote-sdp", test_parse_remote_sdp);
  g_test_add_func ("/beacon/protocol/wcs-message/parse-stream-status", test_parse_stream_status);
  g_test_add_func ("/beacon/protocol/wcs-message/parse-stream-status-partial",
                   test_parse_stream_status_partial);
  g_test_add_func ("/beacon/protocol/wcs-message/parse-media-notifications",
                   test_parse_media_notifications);
  g_test_add_func ("/beacon/protocol/wcs-message/parse-rates", test_parse_rates);
  g_test_add_func ("/beacon/protocol/wcs-message/parse-available-and-fail",
                   test_parse_available_and_fail);
  g_test_add_func ("/beacon/protocol/wcs-message/parse-unknown", test_parse_unknown);
  g_test_add_func ("/beacon/protocol/wcs-message/parse-malformed", test_parse_malformed);
  g_test_add_func ("/beacon/protocol/wcs-message/parse-too-large", test_parse_too_large);
  g_test_add_func ("/beacon/protocol/wcs-message/status-strings", test_status_strings);

  return g_test_run ();
}
