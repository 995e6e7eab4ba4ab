/* beacon-wcs-message.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-wcs-message"

#include "config.h"

#include <json-glib/json-glib.h>

#include "beacon-wcs-error.h"
#include "beacon-wcs-json-private.h"
#include "beacon-wcs-message.h"

typedef gboolean (*ParseFunc) (const char        *name,
                               JsonArray         *data,
                               BeaconWcsIncoming *out,
                               GError           **error);

G_DEFINE_BOXED_TYPE (BeaconWcsStreamInfo, beacon_wcs_stream_info,
                     beacon_wcs_stream_info_copy, beacon_wcs_stream_info_free)
G_DEFINE_BOXED_TYPE (BeaconWcsRateSample, beacon_wcs_rate_sample,
                     beacon_wcs_rate_sample_copy, beacon_wcs_rate_sample_free)

static const char * const status_names[] = {
  [BEACON_WCS_STREAM_STATUS_NEW] = "NEW",
  [BEACON_WCS_STREAM_STATUS_PENDING] = "PENDING",
  [BEACON_WCS_STREAM_STATUS_PUBLISHING] = "PUBLISHING",
  [BEACON_WCS_STREAM_STATUS_PLAYING] = "PLAYING",
  [BEACON_WCS_STREAM_STATUS_PAUSED] = "PAUSED",
  [BEACON_WCS_STREAM_STATUS_PLAYBACK_PROBLEM] = "PLAYBACK_PROBLEM",
  [BEACON_WCS_STREAM_STATUS_UNPUBLISHED] = "UNPUBLISHED",
  [BEACON_WCS_STREAM_STATUS_STOPPED] = "STOPPED",
  [BEACON_WCS_STREAM_STATUS_FAILED] = "FAILED",
};

/* The shared readers (beacon-wcs-json-private.h) take WCS's loose types; a number in a
 * WebSocket message is taken as it comes (the REST list refuses negative counts). */
#define NUMBERS BEACON_WCS_JSON_NUMBER

/* `audioState`/`videoState` are small objects: {"muted": bool}. */
static gboolean
read_muted (JsonObject *object,
            const char *member,
            int        *out,
            GError    **error)
{
  JsonNode *node = _beacon_wcs_json_get_member (object, member);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _beacon_wcs_json_type_error (error, member, "an object");
  return _beacon_wcs_json_read_bool (json_node_get_object (node), "muted", out, error);
}

/* notifyVideoFormat and a resize event's payload name the picture size their own way. */
static gboolean
read_streamer_size (JsonObject          *object,
                    BeaconWcsStreamInfo *info,
                    GError             **error)
{
  return _beacon_wcs_json_read_int (object, "streamerVideoWidth", NUMBERS, &info->width, error) &&
         _beacon_wcs_json_read_int (object, "streamerVideoHeight", NUMBERS, &info->height, error);
}

static JsonObject *
data_object (const char *name,
             JsonArray  *data,
             guint       index,
             GError    **error)
{
  JsonNode *node;

  if (json_array_get_length (data) <= index ||
      !JSON_NODE_HOLDS_OBJECT ((node = json_array_get_element (data, index))))
    {
      g_set_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL,
                   "“%s”: data[%u] should be an object", name, index);
      return NULL;
    }
  return json_node_get_object (node);
}

static const char *
data_string (const char *name,
             JsonArray  *data,
             guint       index,
             GError    **error)
{
  JsonNode *node;

  if (json_array_get_length (data) <= index ||
      !JSON_NODE_HOLDS_VALUE ((node = json_array_get_element (data, index))) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL,
                   "“%s”: data[%u] should be a string", name, index);
      return NULL;
    }
  return json_node_get_string (node);
}

static char *
node_to_string (JsonNode *node)
{
  return node != NULL ? json_to_string (node, FALSE) : NULL;
}

/* ---- Parsers, one per server method ------------------------------------------------- */

static gboolean
parse_ping (const char        *name,
            JsonArray         *data,
            BeaconWcsIncoming *out,
            GError           **error)
{
  return TRUE;
}

static gboolean
parse_user_data (const char        *name,
                 JsonArray         *data,
                 BeaconWcsIncoming *out,
                 GError           **error)
{
  JsonObject *object = data_object (name, data, 0, error);
  char *status = NULL;
  gboolean ok;

  if (object == NULL)
    return FALSE;

  ok = _beacon_wcs_json_read_string (object, "authToken", &out->auth_token, error) &&
       _beacon_wcs_json_read_string (object, "status", &status, error);
  if (ok)
    out->json = node_to_string (json_array_get_element (data, 0));
  g_free (status);
  return ok;
}

static gboolean
parse_version (const char        *name,
               JsonArray         *data,
               BeaconWcsIncoming *out,
               GError           **error)
{
  const char *version = data_string (name, data, 0, error);

  out->text = g_strdup (version);
  return version != NULL;
}

static gboolean
parse_remote_sdp (const char        *name,
                  JsonArray         *data,
                  BeaconWcsIncoming *out,
                  GError           **error)
{
  const char *id, *sdp;

  /* The third element (always true in known examples) is ignored, as the WebSDK does. */
  if (!(id = data_string (name, data, 0, error)) || !(sdp = data_string (name, data, 1, error)))
    return FALSE;
  out->media_session_id = g_strdup (id);
  out->text = g_strdup (sdp);
  return TRUE;
}

static gboolean
parse_audio_codec (const char        *name,
                   JsonArray         *data,
                   BeaconWcsIncoming *out,
                   GError           **error)
{
  const char *id;
  JsonObject *codec;

  if (!(id = data_string (name, data, 0, error)) || !(codec = data_object (name, data, 1, error)))
    return FALSE;
  out->media_session_id = g_strdup (id);
  return _beacon_wcs_json_read_string (codec, "name", &out->text, error);
}

static gboolean
parse_stream_info (JsonObject          *object,
                   BeaconWcsStreamInfo *info,
                   GError             **error)
{
  return _beacon_wcs_json_read_string (object, "name", &info->name, error) &&
         _beacon_wcs_json_read_string (object, "status", &info->status, error) &&
         _beacon_wcs_json_read_string (object, "info", &info->info, error) &&
         _beacon_wcs_json_read_string (object, "audioCodec", &info->audio_codec, error) &&
         _beacon_wcs_json_read_string (object, "videoCodec", &info->video_codec, error) &&
         _beacon_wcs_json_read_string (object, "recordName", &info->record_name, error) &&
         _beacon_wcs_json_read_bool (object, "published", &info->published, error) &&
         _beacon_wcs_json_read_bool (object, "hasVideo", &info->has_video, error) &&
         _beacon_wcs_json_read_bool (object, "hasAudio", &info->has_audio, error) &&
         _beacon_wcs_json_read_bool (object, "record", &info->record, error) &&
         read_muted (object, "audioState", &info->audio_muted, error) &&
         read_muted (object, "videoState", &info->video_muted, error) &&
         _beacon_wcs_json_read_int (object, "width", NUMBERS, &info->width, error) &&
         _beacon_wcs_json_read_int (object, "height", NUMBERS, &info->height, error) &&
         _beacon_wcs_json_read_int (object, "bitrate", NUMBERS, &info->bitrate, error) &&
         _beacon_wcs_json_read_int (object, "minBitrate", NUMBERS, &info->min_bitrate, error) &&
         _beacon_wcs_json_read_int (object, "maxBitrate", NUMBERS, &info->max_bitrate, error) &&
         _beacon_wcs_json_read_int (object, "quality", NUMBERS, &info->quality, error) &&
         _beacon_wcs_json_read_int64 (object, "createDate", NUMBERS, &info->create_date, error);
}

static gboolean
parse_stream_status (const char        *name,
                     JsonArray         *data,
                     BeaconWcsIncoming *out,
                     GError           **error)
{
  JsonObject *object = data_object (name, data, 0, error);

  if (object == NULL ||
      !_beacon_wcs_json_require_string (object, "mediaSessionId", &out->media_session_id, error))
    return FALSE;

  out->stream = beacon_wcs_stream_info_new ();
  out->stream->media_session_id = g_strdup (out->media_session_id);
  if (!parse_stream_info (object, out->stream, error))
    return FALSE;

  /* notifyVideoFormat names the size differently; fold it into the same struct. */
  if (out->kind == BEACON_WCS_MESSAGE_VIDEO_FORMAT)
    return read_streamer_size (object, out->stream, error);
  return TRUE;
}

static gboolean
parse_stream_event (const char        *name,
                    JsonArray         *data,
                    BeaconWcsIncoming *out,
                    GError           **error)
{
  JsonObject *object = data_object (name, data, 0, error);
  JsonNode *payload;

  if (object == NULL ||
      !_beacon_wcs_json_require_string (object, "mediaSessionId", &out->media_session_id, error) ||
      !_beacon_wcs_json_require_string (object, "type", &out->event_type, error))
    return FALSE;
  payload = _beacon_wcs_json_get_member (object, "payload");
  out->json = node_to_string (payload);

  /* A resize event carries the new picture size; fold it into a stream description so
   * the stream object never has to read JSON. */
  if (g_str_equal (out->event_type, "resize") && payload != NULL &&
      JSON_NODE_HOLDS_OBJECT (payload))
    {
      out->stream = beacon_wcs_stream_info_new ();
      out->stream->media_session_id = g_strdup (out->media_session_id);
      return read_streamer_size (json_node_get_object (payload), out->stream, error);
    }
  return TRUE;
}

static gboolean
parse_video_rate (const char        *name,
                  JsonArray         *data,
                  BeaconWcsIncoming *out,
                  GError           **error)
{
  JsonObject *object = data_object (name, data, 0, error);
  BeaconWcsRateSample *rate;

  if (object == NULL ||
      !_beacon_wcs_json_require_string (object, "mediaSessionId", &out->media_session_id, error))
    return FALSE;

  rate = out->rate = g_new0 (BeaconWcsRateSample, 1);
  rate->media_session_id = g_strdup (out->media_session_id);
  rate->direction = g_str_equal (name, "inboundVideoRate") ? BEACON_WCS_RATE_INBOUND
                                                           : BEACON_WCS_RATE_OUTBOUND;
  rate->width = rate->height = BEACON_WCS_UNSET;
  return _beacon_wcs_json_read_int64 (object, "videoRate", NUMBERS, &rate->video_rate, error) &&
         _beacon_wcs_json_read_double (object, "fps", NUMBERS, &rate->fps, error) &&
         _beacon_wcs_json_read_int64 (object, "nack", NUMBERS, &rate->nack, error) &&
         _beacon_wcs_json_read_int64 (object, "pli", NUMBERS, &rate->pli, error) &&
         _beacon_wcs_json_read_int64 (object, "lostPackets", NUMBERS, &rate->lost_packets, error) &&
         _beacon_wcs_json_read_int (object, "width", NUMBERS, &rate->width, error) &&
         _beacon_wcs_json_read_int (object, "height", NUMBERS, &rate->height, error);
}

static gboolean
parse_available (const char        *name,
                 JsonArray         *data,
                 BeaconWcsIncoming *out,
                 GError           **error)
{
  JsonObject *object = data_object (name, data, 0, error);
  int available = BEACON_WCS_UNSET;

  /* WCS sends the string "true"/"false"; the bool reader takes both that and a JSON boolean. */
  if (object == NULL ||
      !_beacon_wcs_json_require_string (object, "id", &out->media_session_id, error) ||
      !_beacon_wcs_json_read_bool (object, "status", &available, error) ||
      !_beacon_wcs_json_read_string (object, "info", &out->info, error))
    return FALSE;
  if (available == BEACON_WCS_UNSET)
    {
      g_set_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL,
                   "field “status” is missing");
      return FALSE;
    }
  out->available = available;
  return TRUE;
}

static gboolean
parse_fail (const char        *name,
            JsonArray         *data,
            BeaconWcsIncoming *out,
            GError           **error)
{
  JsonObject *object = data_object (name, data, 0, error);

  if (object == NULL ||
      !_beacon_wcs_json_read_string (object, "apiMethod", &out->api_method, error) ||
      !_beacon_wcs_json_read_string (object, "id", &out->media_session_id, error) ||
      !_beacon_wcs_json_read_string (object, "info", &out->info, error))
    return FALSE;

  if (out->media_session_id != NULL && g_strcmp0 (out->api_method, "StreamStatusEvent") == 0)
    {
      out->stream = beacon_wcs_stream_info_new ();
      out->stream->media_session_id = g_strdup (out->media_session_id);
      return parse_stream_info (object, out->stream, error);
    }
  return TRUE;
}

static const struct {
  const char          *name;
  BeaconWcsMessageKind kind;
  ParseFunc            parse;
} parsers[] = {
  { "ping",                    BEACON_WCS_MESSAGE_PING,             parse_ping },
  { "getUserData",             BEACON_WCS_MESSAGE_GET_USER_DATA,    parse_user_data },
  { "getVersion",              BEACON_WCS_MESSAGE_GET_VERSION,      parse_version },
  { "setRemoteSDP",            BEACON_WCS_MESSAGE_SET_REMOTE_SDP,   parse_remote_sdp },
  { "notifyStreamStatusEvent", BEACON_WCS_MESSAGE_STREAM_STATUS,    parse_stream_status },
  { "notifyVideoFormat",       BEACON_WCS_MESSAGE_VIDEO_FORMAT,     parse_stream_status },
  { "notifyAudioCodec",        BEACON_WCS_MESSAGE_AUDIO_CODEC,      parse_audio_codec },
  { "notifyStreamEvent",       BEACON_WCS_MESSAGE_STREAM_EVENT,     parse_stream_event },
  { "inboundVideoRate",        BEACON_WCS_MESSAGE_VIDEO_RATE,       parse_video_rate },
  { "outboundVideoRate",       BEACON_WCS_MESSAGE_VIDEO_RATE,       parse_video_rate },
  { "availableStream",         BEACON_WCS_MESSAGE_AVAILABLE_STREAM, parse_available },
  { "fail",                    BEACON_WCS_MESSAGE_FAIL,             parse_fail },
};

BeaconWcsIncoming *
beacon_wcs_message_parse (const char *text,
                          gsize       length,
                          GError    **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(BeaconWcsIncoming) out = NULL;
  const char *name = NULL;
  JsonArray *data = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  parser = _beacon_wcs_json_parse_message (text, length, &name, &data, error);
  if (parser == NULL)
    return NULL;

  out = g_new0 (BeaconWcsIncoming, 1);
  out->name = g_strdup (name);

  for (guint i = 0; i < G_N_ELEMENTS (parsers); i++)
    {
      if (!g_str_equal (parsers[i].name, name))
        continue;

      out->kind = parsers[i].kind;
      if (!parsers[i].parse (name, data, out, error))
        {
          /* Name the method in the error so a log line is enough to find the frame. */
          if (error != NULL && *error != NULL && !g_str_has_prefix ((*error)->message, "“"))
            g_prefix_error (error, "“%s”: ", name);
          return NULL;
        }
      return g_steal_pointer (&out);
    }

  out->kind = BEACON_WCS_MESSAGE_UNKNOWN;
  return g_steal_pointer (&out);
}

/* ---- Boxed types and statuses --------------------------------------------------------- */

BeaconWcsStreamInfo *
beacon_wcs_stream_info_new (void)
{
  BeaconWcsStreamInfo *info = g_new0 (BeaconWcsStreamInfo, 1);

  info->published = info->has_video = info->has_audio = info->record = BEACON_WCS_UNSET;
  info->audio_muted = info->video_muted = BEACON_WCS_UNSET;
  info->width = info->height = info->bitrate = BEACON_WCS_UNSET;
  info->min_bitrate = info->max_bitrate = info->quality = BEACON_WCS_UNSET;
  info->create_date = BEACON_WCS_UNSET;
  return info;
}

BeaconWcsStreamInfo *
beacon_wcs_stream_info_copy (const BeaconWcsStreamInfo *info)
{
  BeaconWcsStreamInfo *copy;

  g_return_val_if_fail (info != NULL, NULL);

  copy = g_memdup2 (info, sizeof *info);
  copy->media_session_id = g_strdup (info->media_session_id);
  copy->name = g_strdup (info->name);
  copy->status = g_strdup (info->status);
  copy->info = g_strdup (info->info);
  copy->audio_codec = g_strdup (info->audio_codec);
  copy->video_codec = g_strdup (info->video_codec);
  copy->record_name = g_strdup (info->record_name);
  return copy;
}

void
beacon_wcs_stream_info_free (BeaconWcsStreamInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->media_session_id);
  g_free (info->name);
  g_free (info->status);
  g_free (info->info);
  g_free (info->audio_codec);
  g_free (info->video_codec);
  g_free (info->record_name);
  g_free (info);
}

BeaconWcsRateSample *
beacon_wcs_rate_sample_copy (const BeaconWcsRateSample *sample)
{
  BeaconWcsRateSample *copy;

  g_return_val_if_fail (sample != NULL, NULL);

  copy = g_memdup2 (sample, sizeof *sample);
  copy->media_session_id = g_strdup (sample->media_session_id);
  return copy;
}

void
beacon_wcs_rate_sample_free (BeaconWcsRateSample *sample)
{
  if (sample == NULL)
    return;
  g_free (sample->media_session_id);
  g_free (sample);
}

void
beacon_wcs_incoming_free (BeaconWcsIncoming *incoming)
{
  if (incoming == NULL)
    return;
  g_free (incoming->name);
  g_free (incoming->media_session_id);
  g_free (incoming->text);
  g_free (incoming->info);
  g_free (incoming->api_method);
  g_free (incoming->event_type);
  g_free (incoming->json);
  g_free (incoming->auth_token);
  beacon_wcs_stream_info_free (incoming->stream);
  beacon_wcs_rate_sample_free (incoming->rate);
  g_free (incoming);
}

gboolean
beacon_wcs_stream_status_from_string (const char            *text,
                                      BeaconWcsStreamStatus *status)
{
  g_return_val_if_fail (status != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    {
      if (g_str_equal (status_names[i], text))
        {
          *status = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
beacon_wcs_stream_status_to_string (BeaconWcsStreamStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_names), NULL);

  return status_names[status];
}
