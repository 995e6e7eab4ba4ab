/* test-server-message.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "beacon-wcs-error.h"
#include "beacon-wcs-message.h"
#include "beacon-wcs-server-message.h"

static BeaconWcsRequest *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  BeaconWcsRequest *request = beacon_wcs_request_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (request);
  return request;
}

static BeaconWcsIncoming *
client_parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  BeaconWcsIncoming *incoming = beacon_wcs_message_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (incoming);
  return incoming;
}

/* data[0] of a built frame, checking the envelope on the way. */
static JsonObject *
frame_object (JsonParser *parser,
              const char *text,
              const char *method)
{
  JsonObject *root;

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "message"), ==, method);
  return json_array_get_object_element (json_object_get_array_member (root, "data"), 0);
}

static void
test_parse_connection (void)
{
  g_autoptr(BeaconWcsRequest) request = NULL;

  request = parse_ok ("{\"message\":\"connection\",\"data\":[{\"appKey\":\"defaultApp\","
                      "\"mediaProviders\":[\"WebRTC\",\"MSE\"],\"clientVersion\":\"2.0\","
                      "\"clientOSVersion\":\"5.0 (X11)\",\"clientBrowserVersion\":\"Mozilla\","
                      "\"msePacketizationVersion\":2,\"clientInfo\":{},\"keepAlive\":\"true\","
                      "\"authToken\":\"/1.2.3.4:5/6.7.8.9:10\",\"custom\":{\"token\":\"t\"}}]}");
  g_assert_cmpint (request->kind, ==, BEACON_WCS_REQUEST_CONNECTION);
  g_assert_cmpstr (request->method, ==, "connection");
  g_assert_cmpstr (request->app_key, ==, "defaultApp");
  g_assert_cmpuint (g_strv_length (request->media_providers), ==, 2);
  g_assert_cmpstr (request->media_providers[1], ==, "MSE");
  g_assert_cmpstr (request->client_version, ==, "2.0");
  g_assert_cmpstr (request->client_os_version, ==, "5.0 (X11)");
  g_assert_cmpstr (request->client_browser_version, ==, "Mozilla");
  g_assert_true (request->keep_alive);
  g_assert_cmpstr (request->auth_token, ==, "/1.2.3.4:5/6.7.8.9:10");
  g_assert_cmpstr (request->custom_json, ==, "{\"token\":\"t\"}");
  g_assert_false (beacon_wcs_request_is_stream_request (request->kind));
}

static void
test_parse_streams (void)
{
  g_autoptr(BeaconWcsRequest) publish = NULL;
  g_autoptr(BeaconWcsRequest) play = NULL;
  g_autoptr(BeaconWcsRequest) stop = NULL;
  g_autoptr(BeaconWcsRequest) copy = NULL;

  /* Numbers from browser form fields arrive as strings. */
  publish = parse_ok ("{\"message\":\"publishStream\",\"data\":[{\"mediaSessionId\":\"id-1\","
                      "\"name\":\"cam1\",\"published\":true,\"hasVideo\":true,\"hasAudio\":false,"
                      "\"status\":\"PENDING\",\"record\":\"true\",\"mediaProvider\":\"WebRTC\","
                      "\"sdp\":\"v=0\\r\\n\",\"custom\":{\"a\":1},\"bitrate\":\"1500\","
                      "\"minBitrate\":100,\"maxBitrate\":2000.0,\"constraints\":{}}]}");
  g_assert_cmpint (publish->kind, ==, BEACON_WCS_REQUEST_PUBLISH_STREAM);
  g_assert_true (beacon_wcs_request_is_stream_request (publish->kind));
  g_assert_cmpstr (publish->media_session_id, ==, "id-1");
  g_assert_cmpstr (publish->name, ==, "cam1");
  g_assert_true (publish->published);
  g_assert_true (publish->has_video);
  g_assert_false (publish->has_audio);
  g_assert_true (publish->record);
  g_assert_cmpstr (publish->sdp, ==, "v=0\r\n");
  g_assert_cmpstr (publish->custom_json, ==, "{\"a\":1}");
  g_assert_cmpint (publish->bitrate, ==, 1500);
  g_assert_cmpint (publish->min_bitrate, ==, 100);
  g_assert_cmpint (publish->max_bitrate, ==, 2000);

  copy = beacon_wcs_request_copy (publish);
  g_assert_cmpstr (copy->sdp, ==, publish->sdp);
  g_assert_true (copy->sdp != publish->sdp);

  /* An empty form field is "not given", not an error. */
  play = parse_ok ("{\"message\":\"playStream\",\"data\":[{\"mediaSessionId\":\"id-2\","
                   "\"name\":\"cam1\",\"published\":false,\"width\":\"640\",\"height\":480,"
                   "\"quality\":\"\",\"sdp\":\"v=0\\r\\n\"}]}");
  g_assert_cmpint (play->kind, ==, BEACON_WCS_REQUEST_PLAY_STREAM);
  g_assert_false (play->published);
  g_assert_true (play->has_video && play->has_audio);
  g_assert_cmpint (play->width, ==, 640);
  g_assert_cmpint (play->height, ==, 480);
  g_assert_cmpint (play->quality, ==, 0);

  stop = parse_ok ("{\"message\":\"stopStream\",\"data\":[{\"mediaSessionId\":\"id-2\","
                   "\"name\":\"cam1\",\"published\":false,\"status\":\"PLAYING\"}]}");
  g_assert_cmpint (stop->kind, ==, BEACON_WCS_REQUEST_STOP_STREAM);
  g_assert_cmpstr (stop->media_session_id, ==, "id-2");
}

static void
test_parse_other (void)
{
  static const struct {
    const char          *text;
    BeaconWcsRequestKind kind;
  } cases[] = {
    { "{\"message\":\"pong\",\"data\":[null]}", BEACON_WCS_REQUEST_PONG },
    { "{\"message\":\"ping\",\"data\":[null]}", BEACON_WCS_REQUEST_PING },
    { "{\"message\":\"unPublishStream\",\"data\":[{\"mediaSessionId\":\"x\"}]}",
      BEACON_WCS_REQUEST_UNPUBLISH_STREAM },
    { "{\"message\":\"sendData\",\"data\":[{\"operationId\":\"1\"}]}", BEACON_WCS_REQUEST_UNKNOWN },
  };
  g_autoptr(BeaconWcsRequest) available = NULL;
  g_autoptr(BeaconWcsRequest) mute = NULL;
  g_autoptr(BeaconWcsRequest) data = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BeaconWcsRequest) request = parse_ok (cases[i].text);

      g_assert_cmpint (request->kind, ==, cases[i].kind);
    }
  {
    g_autoptr(BeaconWcsRequest) unknown = parse_ok (cases[3].text);

    g_assert_cmpstr (unknown->method, ==, "sendData");
  }

  available = parse_ok ("{\"message\":\"availableStream\",\"data\":[{\"mediaSessionId\":\"c1\","
                        "\"name\":\"cam1\"}]}");
  g_assert_cmpint (available->kind, ==, BEACON_WCS_REQUEST_AVAILABLE_STREAM);
  g_assert_cmpstr (available->media_session_id, ==, "c1");
  g_assert_cmpstr (available->name, ==, "cam1");

  mute = parse_ok ("{\"message\":\"sendStreamEvent\",\"data\":[{\"mediaSessionId\":\"p1\","
                   "\"type\":\"audioMuted\"}]}");
  g_assert_cmpint (mute->kind, ==, BEACON_WCS_REQUEST_SEND_STREAM_EVENT);
  g_assert_cmpstr (mute->event_type, ==, "audioMuted");
  g_assert_null (mute->payload_json);

  data = parse_ok ("{\"message\":\"sendStreamEvent\",\"data\":[{\"mediaSessionId\":\"p1\","
                   "\"type\":\"data\",\"payload\":{\"text\":\"hi\"}}]}");
  g_assert_cmpstr (data->payload_json, ==, "{\"text\":\"hi\"}");
}

static void
test_parse_errors (void)
{
  static const struct {
    const char *text;
    const char *needle;   /* the error message must name this */
  } cases[] = {
    { "not json", "not JSON" },
    { "[1,2]", "not a JSON object" },
    { "{\"data\":[]}", "“message”" },
    { "{\"message\":\"pong\"}", "“data”" },
    { "{\"message\":\"publishStream\",\"data\":[]}", "data[0]" },
    { "{\"message\":\"publishStream\",\"data\":[{\"hasVideo\":{}}]}", "“hasVideo”" },
    { "{\"message\":\"playStream\",\"data\":[{\"width\":\"wide\"}]}", "“width”" },
    { "{\"message\":\"playStream\",\"data\":[{\"height\":1e20}]}", "“height”" },
    { "{\"message\":\"publishStream\",\"data\":[{\"name\":7}]}", "“name”" },
    { "{\"message\":\"publishStream\",\"data\":[{\"custom\":\"x\"}]}", "“custom”" },
    { "{\"message\":\"connection\",\"data\":[{\"mediaProviders\":[1]}]}", "“mediaProviders”" },
    { "{\"message\":\"connection\",\"data\":[{\"keepAlive\":1}]}", "“keepAlive”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BeaconWcsRequest) request = NULL;

      request = beacon_wcs_request_parse (cases[i].text, strlen (cases[i].text), &error);
      g_assert_null (request);
      g_assert_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL);
      if (strstr (error->message, cases[i].needle) == NULL)
        g_test_fail_printf ("parsing %s: error “%s” does not name %s",
                            cases[i].text, error->message, cases[i].needle);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *big = g_malloc0 (BEACON_WCS_MAX_FRAME_SIZE + 2);

    memset (big, ' ', BEACON_WCS_MAX_FRAME_SIZE + 1);
    g_assert_null (beacon_wcs_request_parse (big, BEACON_WCS_MAX_FRAME_SIZE + 1, &error));
    g_assert_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_FRAME_TOO_LARGE);
  }
}

static void
test_build_session (void)
{
  g_autoptr(BeaconWcsRequest) connection = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *user_data = NULL;
  g_autofree char *version = NULL;
  g_autofree char *ping = NULL;
  JsonObject *object;

  connection = parse_ok ("{\"message\":\"connection\",\"data\":[{\"appKey\":\"defaultApp\","
                         "\"clientVersion\":\"2.0\",\"clientOSVersion\":\"Linux\","
                         "\"clientBrowserVersion\":\"Beacon/1\",\"custom\":{\"k\":\"v\"}}]}");
  user_data = beacon_wcs_server_message_build_user_data (connection, "/1.1.1.1:1/2.2.2.2:2");
  object = frame_object (parser, user_data, "getUserData");
  g_assert_cmpstr (json_object_get_string_member (object, "appKey"), ==, "defaultApp");
  g_assert_cmpstr (json_object_get_string_member (object, "clientVersion"), ==, "2.0");
  g_assert_cmpstr (json_object_get_string_member (object, "clientOSVersion"), ==, "Linux");
  g_assert_cmpstr (json_object_get_string_member (object, "clientBrowserVersion"), ==, "Beacon/1");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "custom"),
                                                  "k"), ==, "v");
  g_assert_cmpstr (json_object_get_string_member (object, "authToken"), ==,
                   "/1.1.1.1:1/2.2.2.2:2");
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "ESTABLISHED");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (object,
                                                                               "mediaProviders"),
                                                  0), ==, "WebRTC");
  g_assert_false (json_object_get_boolean_member (object, "useWsTunnel"));
  g_assert_false (json_object_get_boolean_member (object, "useWsTunnelPacketization2"));
  g_assert_false (json_object_get_boolean_member (object, "useBase64BinaryEncoding"));
  g_assert_false (json_object_get_boolean_member (object, "forceLogger"));
  g_assert_true (json_object_has_member (object, "keepAlive"));
  g_assert_false (json_object_get_boolean_member (object, "keepAlive"));
  g_assert_false (json_object_has_member (object, "webRTCMetricsServerDescription"));

  version = beacon_wcs_server_message_build_version ("5.2.1-x");
  g_assert_cmpstr (version, ==, "{\"message\":\"getVersion\",\"data\":[\"5.2.1-x\"]}");
  ping = beacon_wcs_server_message_build_ping ();
  g_assert_cmpstr (ping, ==, "{\"message\":\"ping\",\"data\":[]}");
}

static void
test_build_streams (void)
{
  g_autoptr(BeaconWcsStreamInfo) info = beacon_wcs_stream_info_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *status = NULL;
  g_autofree char *sdp = NULL;
  g_autofree char *codec = NULL;
  g_autofree char *available = NULL;
  g_autofree char *fail = NULL;
  JsonObject *object;

  info->media_session_id = g_strdup ("id-1");
  info->name = g_strdup ("cam1");
  info->status = g_strdup ("FAILED");
  info->info = g_strdup ("Stream name is already in use");
  info->published = TRUE;
  info->create_date = 1544579813186;
  status = beacon_wcs_server_message_build_stream_status (info);
  object = frame_object (parser, status, "notifyStreamStatusEvent");
  /* The full description, with unknown numbers as 0 and unset booleans as false. */
  {
    static const char * const members[] = {
      "mediaSessionId", "name", "published", "hasVideo", "hasAudio", "status", "info", "record",
      "width", "height", "bitrate", "minBitrate", "maxBitrate", "quality", "createDate",
      "mediaProvider",
    };

    for (guint i = 0; i < G_N_ELEMENTS (members); i++)
      if (!json_object_has_member (object, members[i]))
        g_test_fail_printf ("notifyStreamStatusEvent lacks “%s”: %s", members[i], status);
  }
  g_assert_true (json_object_get_boolean_member (object, "published"));
  g_assert_false (json_object_get_boolean_member (object, "hasVideo"));
  g_assert_cmpint (json_object_get_int_member (object, "width"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "createDate"), ==, 1544579813186);
  g_assert_cmpstr (json_object_get_string_member (object, "mediaProvider"), ==, "WebRTC");

  sdp = beacon_wcs_server_message_build_remote_sdp ("id-1", "v=0\r\n");
  g_assert_cmpstr (sdp, ==,
                   "{\"message\":\"setRemoteSDP\",\"data\":[\"id-1\",\"v=0\\r\\n\",true]}");
  codec = beacon_wcs_server_message_build_audio_codec ("id-2", "opus");
  g_assert_cmpstr (codec, ==,
                   "{\"message\":\"notifyAudioCodec\",\"data\":[\"id-2\",{\"name\":\"opus\"}]}");

  /* availableStream's status is the string "true": a JSON true rejects the WebSDK's promise. */
  available = beacon_wcs_server_message_build_available ("c1", TRUE, NULL);
  object = frame_object (parser, available, "availableStream");
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "true");
  g_assert_cmpstr (json_object_get_string_member (object, "info"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, "c1");

  fail = beacon_wcs_server_message_build_fail ("publishStream", "id-3", "Session not ready");
  object = frame_object (parser, fail, "fail");
  g_assert_cmpstr (json_object_get_string_member (object, "apiMethod"), ==, "publishStream");
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, "id-3");
  g_assert_cmpstr (json_object_get_string_member (object, "info"), ==, "Session not ready");
}

static void
test_build_events (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *mute = NULL;
  g_autofree char *data = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *format = NULL;
  JsonObject *object;

  /* Players learn whose mute it was from payload.streamName. */
  mute = beacon_wcs_server_message_build_stream_event ("player-1", "videoMuted", NULL, "cam1",
                                                       &error);
  g_assert_no_error (error);
  object = frame_object (parser, mute, "notifyStreamEvent");
  g_assert_cmpstr (json_object_get_string_member (object, "mediaSessionId"), ==, "player-1");
  g_assert_cmpstr (json_object_get_string_member (object, "type"), ==, "videoMuted");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "payload"),
                                                  "streamName"), ==, "cam1");

  data = beacon_wcs_server_message_build_stream_event ("player-1", "data", "{\"t\":1}", "cam1",
                                                       &error);
  g_assert_no_error (error);
  object = frame_object (parser, data, "notifyStreamEvent");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "payload"),
                                               "t"), ==, 1);

  bad = beacon_wcs_server_message_build_stream_event ("p", "data", "{nope", NULL, &error);
  g_assert_null (bad);
  g_assert_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_INVALID_ARGUMENT);

  format = beacon_wcs_server_message_build_video_format ("player-1", 640, 360);
  object = frame_object (parser, format, "notifyVideoFormat");
  g_assert_cmpint (json_object_get_int_member (object, "streamerVideoWidth"), ==, 640);
  g_assert_cmpint (json_object_get_int_member (object, "streamerVideoHeight"), ==, 360);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "RESIZE");
}

/* Server builders → the client's parser: both halves must agree on every shape. */
static void
test_round_trip_to_client (void)
{
  g_autoptr(BeaconWcsRequest) connection = parse_ok ("{\"message\":\"connection\",\"data\":[{}]}");
  g_autoptr(BeaconWcsStreamInfo) info = beacon_wcs_stream_info_new ();
  BeaconWcsRateSample rate = { (char *) "id-1", BEACON_WCS_RATE_OUTBOUND, 512000, 29.5, 3, 1, 7,
                               640, 360 };
  g_autoptr(BeaconWcsIncoming) msg = NULL;

  /* Each step replaces msg with the client's reading of one built frame. */
#define CLIENT_PARSE(built) \
  G_STMT_START { \
    g_autofree char *text_ = (built); \
    g_clear_pointer (&msg, beacon_wcs_incoming_free); \
    msg = client_parse_ok (text_); \
  } G_STMT_END

  CLIENT_PARSE (beacon_wcs_server_message_build_user_data (connection, "/a:1/b:2"));
  g_assert_cmpint (msg->kind, ==, BEACON_WCS_MESSAGE_GET_USER_DATA);
  g_assert_cmpstr (msg->auth_token, ==, "/a:1/b:2");

  CLIENT_PARSE (beacon_wcs_server_message_build_version ("5.2.0-t"));
  g_assert_cmpint (msg->kind, ==, BEACON_WCS_MESSAGE_GET_VERSION);
  g_assert_cmpstr (msg->text, ==, "5.2.0-t");

  CLIENT_PARSE (beacon_wcs_server_message_build_ping ());
  g_assert_cmpint (msg->kind, ==, BEACON_WCS_MESSAGE_PING);

  CLIENT_PARSE (beacon_wcs_server_message_build_remote_sdp ("id-1", "v=0\r\n"));
  g_assert_cmpint (msg->kind, ==, BEACON_WCS_MESSAGE_SET_REMOTE_SDP);
  g_assert_cmpstr (msg->media_session_id, ==, "id-1");
  g_assert_cmpstr (msg->text, ==, "v=0\r\n");

  info->media_session_id = g_strdup ("id-1");
  info->name = g_strdup ("cam1");
  info->status = g_strdup ("PUBLISHING");
  info->audio_codec = g_strdup ("opus");
  info->video_codec = g_strdup ("H264");
  info->published = info->has_video = info->has_audio = TRUE;
  info->width = 640;
  info->height = 360;
  info->bitrate = 1500;
  info->create_date = 1544579813186;
  info->audio_muted = FALSE;
  CLIENT_PARSE (beacon_wcs_server_message_build_stream_status (info));
  g_assert_cmpint (msg->kind, ==, BEACON_WCS_MESSAGE_STREAM_STATUS);
  g_assert_cmpstr (msg->media_session_id, ==, "id-1");
  g_assert_cmpstr (msg->stream->name, ==, "cam1");
  g_assert_cmpstr (msg->stream->status, ==, "PUBLISHING");
  g_assert_null (msg->stream->info);
  g_assert_cmpstr (msg->stream->audio_codec, ==, "opus");
  g_assert_cmpstr (msg->stream->video_codec, ==, "H264");
  g_assert_cmpint (msg->stream->published, ==, TRUE);
  g_assert_cmpint (msg->stream->record, ==, FALSE);
  g_assert_cmpint (msg->stream->width, ==, 640);
  g_assert_cmpint (msg->stream->height, ==, 360);
  g_assert_cmpint (msg->stream->bitrate, ==, 1500);
  g_assert_cmpint (msg->stream->min_bitrate, ==, 0);
  g_assert_cmpint (msg->stream->audio_muted, ==, FALSE);
  g_assert_cmpint (msg->stream->video_muted, ==, BEACON_WCS_UNSET);
  g_assert_cmpint (msg->stream->create_date, ==, 1544579813186);

  CLIENT_PARSE (beacon_wcs_server_message_build_audio_codec ("id-2", "opus"));
  g_assert_cmpint (msg->kind, ==, BEACON_WCS_MESSAGE_AUDIO_CODEC);
  g_assert_cmpstr (msg->media_session_id, ==, "id-2");
  g_assert_cmpstr (msg->text, ==, "opus");

  CLIENT_PARSE (beacon_wcs_server_message_build_video_format ("id-2", 320, 240));
  g_assert_cmpint (msg->kind, ==, BEACON_WCS_MESSAGE_VIDEO_FORMAT);
  g_assert_cmpint (msg->stream->width, ==, 320);
  g_assert_cmpint (msg->stream->height, ==, 240);
  g_assert_cmpstr (msg->stream->status, ==, "RESIZE");

  CLIENT_PARSE (beacon_wcs_server_message_build_stream_event ("id-2", "audioMuted", NULL,
                                                              "cam1", NULL));
  g_assert_cmpint (msg->kind, ==, BEACON_WCS_MESSAGE_STREAM_EVENT);
  g_assert_cmpstr (msg->event_type, ==, "audioMuted");
  g_assert_cmpstr (msg->json, ==, "{\"streamName\":\"cam1\"}");

  CLIENT_PARSE (beacon_wcs_server_message_build_video_rate (&rate));
  g_assert_cmpint (msg->kind, ==, BEACON_WCS_MESSAGE_VIDEO_RATE);
  g_assert_cmpstr (msg->name, ==, "outboundVideoRate");
  g_assert_cmpint (msg->rate->direction, ==, BEACON_WCS_RATE_OUTBOUND);
  g_assert_cmpint (msg->rate->video_rate, ==, 512000);
  g_assert_cmpfloat_with_epsilon (msg->rate->fps, 29.5, 0.001);
  g_assert_cmpint (msg->rate->nack, ==, 3);
  g_assert_cmpint (msg->rate->pli, ==, 1);
  g_assert_cmpint (msg->rate->lost_packets, ==, 7);
  g_assert_cmpint (msg->rate->width, ==, 640);
  rate.direction = BEACON_WCS_RATE_INBOUND;
  CLIENT_PARSE (beacon_wcs_server_message_build_video_rate (&rate));
  g_assert_cmpstr (msg->name, ==, "inboundVideoRate");
  g_assert_cmpint (msg->rate->direction, ==, BEACON_WCS_RATE_INBOUND);

  CLIENT_PARSE (beacon_wcs_server_message_build_available ("c1", TRUE, NULL));
  g_assert_cmpint (msg->kind, ==, BEACON_WCS_MESSAGE_AVAILABLE_STREAM);
  g_assert_true (msg->available);
  g_assert_cmpstr (msg->media_session_id, ==, "c1");
  CLIENT_PARSE (beacon_wcs_server_message_build_available ("c2", FALSE, "Stream not found"));
  g_assert_false (msg->available);
  g_assert_cmpstr (msg->info, ==, "Stream not found");

  CLIENT_PARSE (beacon_wcs_server_message_build_fail ("playStream", "id-9",
                                                     "Session not ready"));
  g_assert_cmpint (msg->kind, ==, BEACON_WCS_MESSAGE_FAIL);
  g_assert_cmpstr (msg->api_method, ==, "playStream");
  g_assert_cmpstr (msg->media_session_id, ==, "id-9");
  g_assert_cmpstr (msg->info, ==, "Session not ready");

#undef CLIENT_PARSE
}

/* Client builders → the server's parser, the other direction. */
static void
test_round_trip_from_client (void)
{
  static const char * const providers[] = { "WebRTC", NULL };
  BeaconWcsConnectionParams params = { "myApp", providers, NULL, "Linux", "Beacon/0", TRUE,
                                       "/x:1/y:2", "{\"u\":\"me\"}" };
  BeaconWcsStreamRequest stream = { 0 };
  g_autoptr(BeaconWcsRequest) msg = NULL;

  /* Each step replaces msg with the server's reading of one built frame. */
#define SERVER_PARSE(built) \
  G_STMT_START { \
    g_autofree char *text_ = (built); \
    g_clear_pointer (&msg, beacon_wcs_request_free); \
    msg = parse_ok (text_); \
  } G_STMT_END

  SERVER_PARSE (beacon_wcs_message_build_connection (&params, NULL));
  g_assert_cmpint (msg->kind, ==, BEACON_WCS_REQUEST_CONNECTION);
  g_assert_cmpstr (msg->app_key, ==, "myApp");
  g_assert_cmpstr (msg->media_providers[0], ==, "WebRTC");
  g_assert_cmpstr (msg->client_version, ==, "2.0");
  g_assert_cmpstr (msg->client_os_version, ==, "Linux");
  g_assert_cmpstr (msg->client_browser_version, ==, "Beacon/0");
  g_assert_true (msg->keep_alive);
  g_assert_cmpstr (msg->auth_token, ==, "/x:1/y:2");
  g_assert_cmpstr (msg->custom_json, ==, "{\"u\":\"me\"}");

  SERVER_PARSE (beacon_wcs_message_build_pong ());
  g_assert_cmpint (msg->kind, ==, BEACON_WCS_REQUEST_PONG);

  stream.media_session_id = "id-1";
  stream.name = "cam1";
  stream.published = TRUE;
  stream.has_video = TRUE;
  stream.has_audio = FALSE;
  stream.record = TRUE;
  stream.sdp = "v=0\r\n";
  stream.bitrate = 1000;
  stream.min_bitrate = 10;
  stream.max_bitrate = 2000;
  SERVER_PARSE (beacon_wcs_message_build_publish (&stream, NULL));
  g_assert_cmpint (msg->kind, ==, BEACON_WCS_REQUEST_PUBLISH_STREAM);
  g_assert_cmpstr (msg->media_session_id, ==, "id-1");
  g_assert_cmpstr (msg->name, ==, "cam1");
  g_assert_true (msg->published && msg->has_video && msg->record);
  g_assert_false (msg->has_audio);
  g_assert_cmpstr (msg->sdp, ==, "v=0\r\n");
  g_assert_cmpint (msg->bitrate, ==, 1000);
  g_assert_cmpint (msg->min_bitrate, ==, 10);
  g_assert_cmpint (msg->max_bitrate, ==, 2000);

  SERVER_PARSE (beacon_wcs_message_build_stop (&stream));
  g_assert_cmpint (msg->kind, ==, BEACON_WCS_REQUEST_UNPUBLISH_STREAM);

  stream.media_session_id = "id-2";
  stream.published = FALSE;
  stream.width = 640;
  stream.height = 360;
  stream.quality = 80;
  SERVER_PARSE (beacon_wcs_message_build_play (&stream, NULL));
  g_assert_cmpint (msg->kind, ==, BEACON_WCS_REQUEST_PLAY_STREAM);
  g_assert_false (msg->published);
  g_assert_true (msg->has_video && msg->has_audio);
  g_assert_cmpint (msg->width, ==, 640);
  g_assert_cmpint (msg->height, ==, 360);
  g_assert_cmpint (msg->quality, ==, 80);

  SERVER_PARSE (beacon_wcs_message_build_stop (&stream));
  g_assert_cmpint (msg->kind, ==, BEACON_WCS_REQUEST_STOP_STREAM);
  g_assert_cmpstr (msg->media_session_id, ==, "id-2");

  SERVER_PARSE (beacon_wcs_message_build_available ("c1", "cam1"));
  g_assert_cmpint (msg->kind, ==, BEACON_WCS_REQUEST_AVAILABLE_STREAM);
  g_assert_cmpstr (msg->name, ==, "cam1");

  SERVER_PARSE (beacon_wcs_message_build_stream_event ("id-1", "data", "{\"x\":true}", NULL));
  g_assert_cmpint (msg->kind, ==, BEACON_WCS_REQUEST_SEND_STREAM_EVENT);
  g_assert_cmpstr (msg->event_type, ==, "data");
  g_assert_cmpstr (msg->payload_json, ==, "{\"x\":true}");

#undef SERVER_PARSE
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/beacon/server/server-message/parse-connection", test_parse_connection);
  g_test_add_func ("/beacon/server/server-message/parse-streams", test_parse_streams);
  g_test_add_func ("/beacon/server/server-message/parse-other", test_parse_other);
  g_test_add_func ("/beacon/server/server-message/parse-errors", test_parse_errors);
  g_test_add_func ("/beacon/server/server-message/build-session", test_build_session);
  g_test_add_func ("/beacon/server/server-message/build-streams", test_build_streams);
  g_test_add_func ("/beacon/server/server-message/build-events", test_build_events);
  g_test_add_func ("/beacon/server/server-message/round-trip-to-client",
                   test_round_trip_to_client);
  g_test_add_func ("/beacon/server/server-message/round-trip-from-client",
                   test_round_trip_from_client);

  return g_test_run ();
}
