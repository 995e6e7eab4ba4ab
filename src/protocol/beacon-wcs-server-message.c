/* beacon-wcs-server-message.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-wcs-server-message"

#include "config.h"

#include <json-glib/json-glib.h>

#include "beacon-wcs-error.h"
#include "beacon-wcs-json-private.h"
#include "beacon-wcs-server-message.h"

typedef gboolean (*ParseFunc) (JsonObject       *object,
                               BeaconWcsRequest *out,
                               GError          **error);

G_DEFINE_BOXED_TYPE (BeaconWcsRequest, beacon_wcs_request,
                     beacon_wcs_request_copy, beacon_wcs_request_free)

/* ---- Typed field readers -------------------------------------------------------------
 * The shared readers (beacon-wcs-json-private.h): browsers send numbers from form fields as
 * strings, so "640" is a number, "true" a boolean, and "" a number left out. */
#define NUMBERS BEACON_WCS_JSON_EMPTY_IS_ABSENT

/* Keeps a member as JSON text; @object_only for `custom`, which the WebSDK documents as an
 * object and hooks read as one. */
static gboolean
read_json (JsonObject *object,
           const char *member,
           gboolean    object_only,
           char      **out,
           GError    **error)
{
  JsonNode *node = _beacon_wcs_json_get_member (object, member);

  if (node == NULL)
    return TRUE;
  if (object_only && !JSON_NODE_HOLDS_OBJECT (node))
    return _beacon_wcs_json_type_error (error, member, "an object");
  g_free (*out);
  *out = json_to_string (node, FALSE);
  return TRUE;
}

static gboolean
read_string_array (JsonObject *object,
                   const char *member,
                   char     ***out,
                   GError    **error)
{
  JsonNode *node = _beacon_wcs_json_get_member (object, member);
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return _beacon_wcs_json_type_error (error, member, "an array of strings");

  array = json_node_get_array (node);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!_beacon_wcs_json_holds (element, G_TYPE_STRING))
        return _beacon_wcs_json_type_error (error, member, "an array of strings");
      g_strv_builder_add (builder, json_node_get_string (element));
    }
  g_strfreev (*out);
  *out = g_strv_builder_end (builder);
  return TRUE;
}

/* ---- Parsers, one per client method ------------------------------------------------- */

static gboolean
parse_connection (JsonObject       *object,
                  BeaconWcsRequest *out,
                  GError          **error)
{
  /* msePacketizationVersion, clientInfo and SIP fields are WebSDK extras a server ignores. */
  return _beacon_wcs_json_read_string (object, "appKey", &out->app_key, error) &&
         read_string_array (object, "mediaProviders", &out->media_providers, error) &&
         _beacon_wcs_json_read_string (object, "clientVersion", &out->client_version, error) &&
         _beacon_wcs_json_read_string (object, "clientOSVersion", &out->client_os_version, error) &&
         _beacon_wcs_json_read_string (object, "clientBrowserVersion",
                                       &out->client_browser_version, error) &&
         _beacon_wcs_json_read_bool (object, "keepAlive", &out->keep_alive, error) &&
         _beacon_wcs_json_read_string (object, "authToken", &out->auth_token, error) &&
         read_json (object, "custom", TRUE, &out->custom_json, error);
}

static gboolean
parse_stream_id (JsonObject       *object,
                 BeaconWcsRequest *out,
                 GError          **error)
{
  return _beacon_wcs_json_read_string (object, "mediaSessionId", &out->media_session_id, error) &&
         _beacon_wcs_json_read_string (object, "name", &out->name, error);
}

static gboolean
parse_stream (JsonObject       *object,
              BeaconWcsRequest *out,
              GError          **error)
{
  /* Unread on purpose: status (the client's own view), mediaProvider, constraints,
   * transport, cvoExtension, rtmpUrl. */
  return parse_stream_id (object, out, error) &&
         _beacon_wcs_json_read_bool (object, "published", &out->published, error) &&
         _beacon_wcs_json_read_bool (object, "hasVideo", &out->has_video, error) &&
         _beacon_wcs_json_read_bool (object, "hasAudio", &out->has_audio, error) &&
         _beacon_wcs_json_read_bool (object, "record", &out->record, error) &&
         _beacon_wcs_json_read_string (object, "sdp", &out->sdp, error) &&
         read_json (object, "custom", TRUE, &out->custom_json, error) &&
         _beacon_wcs_json_read_int (object, "width", NUMBERS, &out->width, error) &&
         _beacon_wcs_json_read_int (object, "height", NUMBERS, &out->height, error) &&
         _beacon_wcs_json_read_int (object, "quality", NUMBERS, &out->quality, error) &&
         _beacon_wcs_json_read_int (object, "bitrate", NUMBERS, &out->bitrate, error) &&
         _beacon_wcs_json_read_int (object, "minBitrate", NUMBERS, &out->min_bitrate, error) &&
         _beacon_wcs_json_read_int (object, "maxBitrate", NUMBERS, &out->max_bitrate, error);
}

static gboolean
parse_stream_event (JsonObject       *object,
                    BeaconWcsRequest *out,
                    GError          **error)
{
  return _beacon_wcs_json_read_string (object, "mediaSessionId", &out->media_session_id, error) &&
         _beacon_wcs_json_read_string (object, "type", &out->event_type, error) &&
         read_json (object, "payload", FALSE, &out->payload_json, error);
}

static const struct {
  const char          *method;
  BeaconWcsRequestKind kind;
  ParseFunc            parse;   /* NULL: data[0] is not read */
} parsers[] = {
  { "connection",      BEACON_WCS_REQUEST_CONNECTION,        parse_connection },
  { "ping",            BEACON_WCS_REQUEST_PING,              NULL },
  { "pong",            BEACON_WCS_REQUEST_PONG,              NULL },
  { "publishStream",   BEACON_WCS_REQUEST_PUBLISH_STREAM,    parse_stream },
  { "playStream",      BEACON_WCS_REQUEST_PLAY_STREAM,       parse_stream },
  { "unPublishStream", BEACON_WCS_REQUEST_UNPUBLISH_STREAM,  parse_stream },
  { "stopStream",      BEACON_WCS_REQUEST_STOP_STREAM,       parse_stream },
  { "availableStream", BEACON_WCS_REQUEST_AVAILABLE_STREAM,  parse_stream_id },
  { "sendStreamEvent", BEACON_WCS_REQUEST_SEND_STREAM_EVENT, parse_stream_event },
};

BeaconWcsRequest *
beacon_wcs_request_parse (const char *text,
                          gsize       length,
                          GError    **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(BeaconWcsRequest) out = NULL;
  const char *method = NULL;
  JsonArray *data = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  parser = _beacon_wcs_json_parse_message (text, length, &method, &data, error);
  if (parser == NULL)
    return NULL;

  out = g_new0 (BeaconWcsRequest, 1);
  out->method = g_strdup (method);
  out->has_video = out->has_audio = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (parsers); i++)
    {
      if (!g_str_equal (parsers[i].method, out->method))
        continue;

      out->kind = parsers[i].kind;
      if (parsers[i].parse == NULL)
        return g_steal_pointer (&out);

      if (json_array_get_length (data) < 1 ||
          !JSON_NODE_HOLDS_OBJECT (json_array_get_element (data, 0)))
        {
          g_set_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL,
                       "“%s”: data[0] should be an object", out->method);
          return NULL;
        }
      if (!parsers[i].parse (json_array_get_object_element (data, 0), out, error))
        {
          /* Name the method too, so one log line is enough to find the frame. */
          g_prefix_error (error, "“%s”: ", out->method);
          return NULL;
        }
      return g_steal_pointer (&out);
    }

  out->kind = BEACON_WCS_REQUEST_UNKNOWN;
  return g_steal_pointer (&out);
}

gboolean
beacon_wcs_request_is_stream_request (BeaconWcsRequestKind kind)
{
  switch (kind)
    {
    case BEACON_WCS_REQUEST_PUBLISH_STREAM:
    case BEACON_WCS_REQUEST_PLAY_STREAM:
    case BEACON_WCS_REQUEST_UNPUBLISH_STREAM:
    case BEACON_WCS_REQUEST_STOP_STREAM:
    case BEACON_WCS_REQUEST_AVAILABLE_STREAM:
    case BEACON_WCS_REQUEST_SEND_STREAM_EVENT:
      return TRUE;

    case BEACON_WCS_REQUEST_UNKNOWN:
    case BEACON_WCS_REQUEST_CONNECTION:
    case BEACON_WCS_REQUEST_PING:
    case BEACON_WCS_REQUEST_PONG:
    default:
      return FALSE;
    }
}

BeaconWcsRequest *
beacon_wcs_request_copy (const BeaconWcsRequest *request)
{
  BeaconWcsRequest *copy;

  g_return_val_if_fail (request != NULL, NULL);

  copy = g_memdup2 (request, sizeof *request);
  copy->method = g_strdup (request->method);
  copy->app_key = g_strdup (request->app_key);
  copy->media_providers = g_strdupv (request->media_providers);
  copy->client_version = g_strdup (request->client_version);
  copy->client_os_version = g_strdup (request->client_os_version);
  copy->client_browser_version = g_strdup (request->client_browser_version);
  copy->auth_token = g_strdup (request->auth_token);
  copy->media_session_id = g_strdup (request->media_session_id);
  copy->name = g_strdup (request->name);
  copy->sdp = g_strdup (request->sdp);
  copy->event_type = g_strdup (request->event_type);
  copy->payload_json = g_strdup (request->payload_json);
  copy->custom_json = g_strdup (request->custom_json);
  return copy;
}

void
beacon_wcs_request_free (BeaconWcsRequest *request)
{
  if (request == NULL)
    return;
  g_free (request->method);
  g_free (request->app_key);
  g_strfreev (request->media_providers);
  g_free (request->client_version);
  g_free (request->client_os_version);
  g_free (request->client_browser_version);
  g_free (request->auth_token);
  g_free (request->media_session_id);
  g_free (request->name);
  g_free (request->sdp);
  g_free (request->event_type);
  g_free (request->payload_json);
  g_free (request->custom_json);
  g_free (request);
}

/* ---- Builders ------------------------------------------------------------------------ */

/* Adds JSON text as a member; NULL leaves the member out. */
static gboolean
add_json (JsonBuilder *builder,
          const char  *member,
          const char  *json,
          GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;

  if (json == NULL)
    return TRUE;
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, json, -1, &local_error) ||
      json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_INVALID_ARGUMENT,
                   "“%s” is not valid JSON: %s", member,
                   local_error ? local_error->message : "empty");
      return FALSE;
    }
  json_builder_set_member_name (builder, member);
  json_builder_add_value (builder, json_node_copy (json_parser_get_root (parser)));
  return TRUE;
}

/* The server never sends BEACON_WCS_UNSET: a full description has every field. */
static int
or_zero (int value)
{
  return value == BEACON_WCS_UNSET ? 0 : value;
}

char *
beacon_wcs_server_message_build_user_data (const BeaconWcsRequest *connection,
                                           const char             *auth_token)
{
  static const char * const default_providers[] = { "WebRTC", NULL };
  g_autoptr(JsonBuilder) builder = _beacon_wcs_json_begin_message ("getUserData");
  const char * const *providers;

  g_return_val_if_fail (connection != NULL, NULL);
  g_return_val_if_fail (auth_token != NULL, NULL);

  providers = connection->media_providers ? (const char * const *) connection->media_providers
                                          : default_providers;

  json_builder_begin_object (builder);
  _beacon_wcs_json_add_string (builder, "appKey", connection->app_key);
  _beacon_wcs_json_add_string (builder, "clientVersion", connection->client_version);
  _beacon_wcs_json_add_string (builder, "clientOSVersion", connection->client_os_version);
  _beacon_wcs_json_add_string (builder, "clientBrowserVersion", connection->client_browser_version);
  /* Our own parser produced this text; a failure here cannot happen, so no error out. */
  add_json (builder, "custom", connection->custom_json, NULL);
  json_builder_set_member_name (builder, "mediaProviders");
  json_builder_begin_array (builder);
  for (guint i = 0; providers[i] != NULL; i++)
    json_builder_add_string_value (builder, providers[i]);
  json_builder_end_array (builder);
  _beacon_wcs_json_add_string (builder, "authToken", auth_token);
  _beacon_wcs_json_add_string (builder, "status", "ESTABLISHED");
  _beacon_wcs_json_add_bool (builder, "useWsTunnel", FALSE);
  _beacon_wcs_json_add_bool (builder, "useWsTunnelPacketization2", FALSE);
  _beacon_wcs_json_add_bool (builder, "useBase64BinaryEncoding", FALSE);
  _beacon_wcs_json_add_bool (builder, "forceLogger", FALSE);
  _beacon_wcs_json_add_bool (builder, "keepAlive", connection->keep_alive);
  /* No webRTCMetricsServerDescription: with it the WebSDK starts uploading metrics to a
   * collector that does not exist (protocol-reference §7.4). */
  json_builder_end_object (builder);

  return _beacon_wcs_json_end_message (builder);
}

char *
beacon_wcs_server_message_build_version (const char *version)
{
  g_autoptr(JsonBuilder) builder = _beacon_wcs_json_begin_message ("getVersion");

  g_return_val_if_fail (version != NULL, NULL);

  json_builder_add_string_value (builder, version);
  return _beacon_wcs_json_end_message (builder);
}

char *
beacon_wcs_server_message_build_ping (void)
{
  g_autoptr(JsonBuilder) builder = _beacon_wcs_json_begin_message ("ping");

  return _beacon_wcs_json_end_message (builder);
}

char *
beacon_wcs_server_message_build_remote_sdp (const char *media_session_id,
                                            const char *sdp)
{
  g_autoptr(JsonBuilder) builder = _beacon_wcs_json_begin_message ("setRemoteSDP");

  g_return_val_if_fail (media_session_id != NULL, NULL);
  g_return_val_if_fail (sdp != NULL, NULL);

  json_builder_add_string_value (builder, media_session_id);
  json_builder_add_string_value (builder, sdp);
  /* Meaning unknown, true in every WCS example; clients ignore it. */
  json_builder_add_boolean_value (builder, TRUE);
  return _beacon_wcs_json_end_message (builder);
}

static void
add_muted_state (JsonBuilder *builder,
                 const char  *member,
                 int          muted)
{
  if (muted == BEACON_WCS_UNSET)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  _beacon_wcs_json_add_bool (builder, "muted", muted);
  json_builder_end_object (builder);
}

char *
beacon_wcs_server_message_build_stream_status (const BeaconWcsStreamInfo *info)
{
  g_autoptr(JsonBuilder) builder = _beacon_wcs_json_begin_message ("notifyStreamStatusEvent");

  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (info->media_session_id != NULL, NULL);
  g_return_val_if_fail (info->status != NULL, NULL);

  json_builder_begin_object (builder);
  _beacon_wcs_json_add_string (builder, "mediaSessionId", info->media_session_id);
  _beacon_wcs_json_add_string (builder, "name", info->name ? info->name : "");
  _beacon_wcs_json_add_bool (builder, "published", info->published == TRUE);
  _beacon_wcs_json_add_bool (builder, "hasVideo", info->has_video == TRUE);
  _beacon_wcs_json_add_bool (builder, "hasAudio", info->has_audio == TRUE);
  _beacon_wcs_json_add_string (builder, "status", info->status);
  /* Absent rather than "": the WebSDK keeps its previous info when the field is missing. */
  _beacon_wcs_json_add_string (builder, "info", info->info);
  _beacon_wcs_json_add_string (builder, "audioCodec", info->audio_codec);
  _beacon_wcs_json_add_string (builder, "videoCodec", info->video_codec);
  _beacon_wcs_json_add_bool (builder, "record", info->record == TRUE);
  _beacon_wcs_json_add_string (builder, "recordName", info->record_name);
  _beacon_wcs_json_add_int (builder, "width", or_zero (info->width));
  _beacon_wcs_json_add_int (builder, "height", or_zero (info->height));
  _beacon_wcs_json_add_int (builder, "bitrate", or_zero (info->bitrate));
  _beacon_wcs_json_add_int (builder, "minBitrate", or_zero (info->min_bitrate));
  _beacon_wcs_json_add_int (builder, "maxBitrate", or_zero (info->max_bitrate));
  _beacon_wcs_json_add_int (builder, "quality", or_zero (info->quality));
  _beacon_wcs_json_add_int (builder, "createDate", info->create_date == BEACON_WCS_UNSET ? 0 : info->create_date);
  add_muted_state (builder, "audioState", info->audio_muted);
  add_muted_state (builder, "videoState", info->video_muted);
  _beacon_wcs_json_add_string (builder, "mediaProvider", "WebRTC");
  json_builder_end_object (builder);

  return _beacon_wcs_json_end_message (builder);
}

char *
beacon_wcs_server_message_build_audio_codec (const char *media_session_id,
                                             const char *codec)
{
  g_autoptr(JsonBuilder) builder = _beacon_wcs_json_begin_message ("notifyAudioCodec");

  g_return_val_if_fail (media_session_id != NULL, NULL);
  g_return_val_if_fail (codec != NULL, NULL);

  json_builder_add_string_value (builder, media_session_id);
  json_builder_begin_object (builder);
  _beacon_wcs_json_add_string (builder, "name", codec);
  json_builder_end_object (builder);
  return _beacon_wcs_json_end_message (builder);
}

char *
beacon_wcs_server_message_build_video_format (const char *media_session_id,
                                              int         width,
                                              int         height)
{
  g_autoptr(JsonBuilder) builder = _beacon_wcs_json_begin_message ("notifyVideoFormat");

  g_return_val_if_fail (media_session_id != NULL, NULL);

  json_builder_begin_object (builder);
  _beacon_wcs_json_add_int (builder, "streamerVideoWidth", width);
  _beacon_wcs_json_add_int (builder, "streamerVideoHeight", height);
  _beacon_wcs_json_add_string (builder, "mediaSessionId", media_session_id);
  /* A pseudo-status: clients take the size and keep their stream status. */
  _beacon_wcs_json_add_string (builder, "status", "RESIZE");
  json_builder_end_object (builder);
  return _beacon_wcs_json_end_message (builder);
}

static gboolean
is_mute_event (const char *type)
{
  return g_str_equal (type, "audioMuted") || g_str_equal (type, "audioUnmuted") ||
         g_str_equal (type, "videoMuted") || g_str_equal (type, "videoUnmuted");
}

char *
beacon_wcs_server_message_build_stream_event (const char *media_session_id,
                                              const char *type,
                                              const char *payload_json,
                                              const char *stream_name,
                                              GError    **error)
{
  g_autoptr(JsonBuilder) builder = _beacon_wcs_json_begin_message ("notifyStreamEvent");

  g_return_val_if_fail (media_session_id != NULL, NULL);
  g_return_val_if_fail (type != NULL, NULL);

  json_builder_begin_object (builder);
  _beacon_wcs_json_add_string (builder, "mediaSessionId", media_session_id);
  _beacon_wcs_json_add_string (builder, "type", type);
  /* Players learn whose mute it was from {streamName} (the WebSDK's media manager reads
   * payload.streamName); other events carry the publisher's payload as it came. */
  if (is_mute_event (type) && stream_name != NULL)
    {
      json_builder_set_member_name (builder, "payload");
      json_builder_begin_object (builder);
      _beacon_wcs_json_add_string (builder, "streamName", stream_name);
      json_builder_end_object (builder);
    }
  else if (!add_json (builder, "payload", payload_json, error))
    return NULL;
  json_builder_end_object (builder);
  return _beacon_wcs_json_end_message (builder);
}

char *
beacon_wcs_server_message_build_video_rate (const BeaconWcsRateSample *sample)
{
  g_autoptr(JsonBuilder) builder = NULL;

  g_return_val_if_fail (sample != NULL, NULL);
  g_return_val_if_fail (sample->media_session_id != NULL, NULL);

  builder = _beacon_wcs_json_begin_message (sample->direction == BEACON_WCS_RATE_INBOUND ? "inboundVideoRate"
                                                                        : "outboundVideoRate");
  json_builder_begin_object (builder);
  _beacon_wcs_json_add_string (builder, "mediaSessionId", sample->media_session_id);
  _beacon_wcs_json_add_int (builder, "videoRate", sample->video_rate);
  json_builder_set_member_name (builder, "fps");
  json_builder_add_double_value (builder, sample->fps);
  _beacon_wcs_json_add_int (builder, "nack", sample->nack);
  _beacon_wcs_json_add_int (builder, "pli", sample->pli);
  _beacon_wcs_json_add_int (builder, "lostPackets", sample->lost_packets);
  _beacon_wcs_json_add_int (builder, "width", or_zero (sample->width));
  _beacon_wcs_json_add_int (builder, "height", or_zero (sample->height));
  json_builder_end_object (builder);
  return _beacon_wcs_json_end_message (builder);
}

char *
beacon_wcs_server_message_build_available (const char *media_session_id,
                                           gboolean    available,
                                           const char *info)
{
  g_autoptr(JsonBuilder) builder = _beacon_wcs_json_begin_message ("availableStream");

  g_return_val_if_fail (media_session_id != NULL, NULL);

  json_builder_begin_object (builder);
  /* A string, not a boolean: the WebSDK compares with == "true", and a JSON true rejects
   * its promise (checked in EXP-1). */
  _beacon_wcs_json_add_string (builder, "status", available ? "true" : "false");
  _beacon_wcs_json_add_string (builder, "info", info ? info : "");
  _beacon_wcs_json_add_string (builder, "id", media_session_id);
  json_builder_end_object (builder);
  return _beacon_wcs_json_end_message (builder);
}

char *
beacon_wcs_server_message_build_fail (const char *api_method,
                                      const char *id,
                                      const char *info)
{
  g_autoptr(JsonBuilder) builder = _beacon_wcs_json_begin_message ("fail");

  g_return_val_if_fail (api_method != NULL, NULL);

  json_builder_begin_object (builder);
  _beacon_wcs_json_add_string (builder, "apiMethod", api_method);
  _beacon_wcs_json_add_string (builder, "id", id);
  _beacon_wcs_json_add_string (builder, "info", info);
  json_builder_end_object (builder);
  return _beacon_wcs_json_end_message (builder);
}
