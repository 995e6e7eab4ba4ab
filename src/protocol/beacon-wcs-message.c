/* beacon-wcs-message.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-wcs-message"

#include "config.h"

#include <json-glib/json-glib.h>

#include "beacon-wcs-error.h"
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

/* ---- Typed field readers -------------------------------------------------------------
 * WCS and the WebSDK are loose with types (numbers arrive as strings, booleans as
 * "true"), so readers accept the obvious spellings and turn anything else into an
 * error that names the field, never a critical. */

static gboolean
type_error (GError    **error,
            const char *member,
            const char *expected)
{
  g_set_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL,
               "field “%s” should be %s", member, expected);
  return FALSE;
}

static JsonNode *
get_member (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return node;
}

static gboolean
read_string (JsonObject *object,
             const char *member,
             gboolean    required,
             char      **out,
             GError    **error)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL)
    {
      if (required)
        {
          g_set_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL,
                       "field “%s” is missing", member);
          return FALSE;
        }
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return type_error (error, member, "a string");

  g_free (*out);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
read_double (JsonObject *object,
             const char *member,
             double     *out,
             GError    **error)
{
  JsonNode *node = get_member (object, member);
  GType type;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return type_error (error, member, "a number");

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE)
    *out = json_node_get_double (node);
  else if (type == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);
      char *end = NULL;

      *out = g_ascii_strtod (text, &end);
      if (end == text || *end != '\0')
        return type_error (error, member, "a number");
    }
  else
    return type_error (error, member, "a number");

  return TRUE;
}

/* Through a double: every integer WCS sends (ms timestamps included) is below 2^53. */
static gboolean
read_int64 (JsonObject *object,
            const char *member,
            gint64     *out,
            GError    **error)
{
  double value = (double) *out;

  if (!read_double (object, member, &value, error))
    return FALSE;
  if (!(value >= (double) G_MININT64 && value <= (double) G_MAXINT64))
    return type_error (error, member, "a number in range");
  *out = (gint64) value;
  return TRUE;
}

static gboolean
read_int (JsonObject *object,
          const char *member,
          int        *out,
          GError    **error)
{
  gint64 value = *out;

  if (!read_int64 (object, member, &value, error))
    return FALSE;
  if (value < G_MININT || value > G_MAXINT)
    return type_error (error, member, "a number in range");
  *out = (int) value;
  return TRUE;
}

static gboolean
read_bool (JsonObject *object,
           const char *member,
           int        *out,
           GError    **error)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL)
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    {
      *out = json_node_get_boolean (node) ? TRUE : FALSE;
      return TRUE;
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);

      if (g_strcmp0 (text, "true") == 0 || g_strcmp0 (text, "false") == 0)
        {
          *out = text[0] == 't';
          return TRUE;
        }
    }
  return type_error (error, member, "a boolean");
}

/* `audioState`/`videoState` are small objects: {"muted": bool}. */
static gboolean
read_muted (JsonObject *object,
            const char *member,
            int        *out,
            GError    **error)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return type_error (error, member, "an object");
  return read_bool (json_node_get_object (node), "muted", out, error);
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

  ok = read_string (object, "authToken", FALSE, &out->auth_token, error) &&
       read_string (object, "status", FALSE, &status, error);
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
  return read_string (codec, "name", FALSE, &out->text, error);
}

static gboolean
parse_stream_info (JsonObject          *object,
                   BeaconWcsStreamInfo *info,
                   GError             **error)
{
  return read_string (object, "name", FALSE, &info->name, error) &&
         read_string (object, "status", FALSE, &info->status, error) &&
         read_string (object, "info", FALSE, &info->info, error) &&
         read_string (object, "audioCodec", FALSE, &info->audio_codec, error) &&
         read_string (object, "videoCodec", FALSE, &info->video_codec, error) &&
         read_string (object, "recordName", FALSE, &info->record_name, error) &&
         read_bool (object, "published", &info->published, error) &&
         read_bool (object, "hasVideo", &info->has_video, error) &&
         read_bool (object, "hasAudio", &info->has_audio, error) &&
         read_bool (object, "record", &info->record, error) &&
         read_muted (object, "audioState", &info->audio_muted, error) &&
         read_muted (object, "videoState", &info->video_muted, error) &&
         read_int (object, "width", &info->width, error) &&
         read_int (object, "height", &info->height, error) &&
         read_int (object, "bitrate", &info->bitrate, error) &&
         read_int (object, "minBitrate", &info->min_bitrate, error) &&
         read_int (object, "maxBitrate", &info->max_bitrate, error) &&
         read_int (object, "quality", &info->quality, error) &&
         read_int64 (object, "createDate", &info->create_date, error);
}

static gboolean
parse_stream_status (const char        *name,
                     JsonArray         *data,
                     BeaconWcsIncoming *out,
                     GError           **error)
{
  JsonObject *object = data_object (name, data, 0, error);

  if (object == NULL ||
      !read_string (object, "mediaSessionId", TRUE, &out->media_session_id, error))
    return FALSE;

  out->stream = beacon_wcs_stream_info_new ();
  out->stream->media_session_id = g_strdup (out->media_session_id);
  if (!parse_stream_info (object, out->stream, error))
    return FALSE;

  /* notifyVideoFormat names the size differently; fold it into the same struct. */
  if (out->kind == BEACON_WCS_MESSAGE_VIDEO_FORMAT)
    return read_int (object, "streamerVideoWidth", &out->stream->width, error) &&
           read_int (object, "streamerVideoHeight", &out->stream->height, error);
  return TRUE;
}

static gboolean
parse_stream_event (const char        *name,
                    JsonArray         *data,
                    BeaconWcsIncoming *out,
                    GError           **error)
{
  JsonObject *object = data_object (name, data, 0, error);

  if (object == NULL ||
      !read_string (object, "mediaSessionId", TRUE, &out->media_session_id, error) ||
      !read_string (object, "type", TRUE, &out->event_type, error))
    return FALSE;
  out->json = node_to_string (get_member (object, "payload"));

  /* A resize event carries the new picture size; fold it into a stream description so
   * the stream object never has to read JSON. */
  if (g_str_equal (out->event_type, "resize") &&
      get_member (object, "payload") != NULL &&
      JSON_NODE_HOLDS_OBJECT (get_member (object, "payload")))
    {
      JsonObject *payload = json_node_get_object (get_member (object, "payload"));

      out->stream = beacon_wcs_stream_info_new ();
      out->stream->media_session_id = g_strdup (out->media_session_id);
      return read_int (payload, "streamerVideoWidth", &out->stream->width, error) &&
             read_int (payload, "streamerVideoHeight", &out->stream->height, error);
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
      !read_string (object, "mediaSessionId", TRUE, &out->media_session_id, error))
    return FALSE;

  rate = out->rate = g_new0 (BeaconWcsRateSample, 1);
  rate->media_session_id = g_strdup (out->media_session_id);
  rate->direction = g_str_equal (name, "inboundVideoRate") ? BEACON_WCS_RATE_INBOUND
                                                           : BEACON_WCS_RATE_OUTBOUND;
  rate->width = rate->height = BEACON_WCS_UNSET;
  return read_int64 (object, "videoRate", &rate->video_rate, error) &&
         read_double (object, "fps", &rate->fps, error) &&
         read_int64 (object, "nack", &rate->nack, error) &&
         read_int64 (object, "pli", &rate->pli, error) &&
         read_int64 (object, "lostPackets", &rate->lost_packets, error) &&
         read_int (object, "width", &rate->width, error) &&
         read_int (object, "height", &rate->height, error);
}

static gboolean
parse_available (const char        *name,
                 JsonArray         *data,
                 BeaconWcsIncoming *out,
                 GError           **error)
{
  JsonObject *object = data_object (name, data, 0, error);
  int available = BEACON_WCS_UNSET;

  /* WCS sends the string "true"/"false"; read_bool takes both that and a JSON boolean. */
  if (object == NULL ||
      !read_string (object, "id", TRUE, &out->media_session_id, error) ||
      !read_bool (object, "status", &available, error) ||
      !read_string (object, "info", FALSE, &out->info, error))
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
      !read_string (object, "apiMethod", FALSE, &out->api_method, error) ||
      !read_string (object, "id", FALSE, &out->media_session_id, error) ||
      !read_string (object, "info", FALSE, &out->info, error))
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
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(BeaconWcsIncoming) out = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonNode *node;
  const char *name;

  g_return_val_if_fail (text != NULL, NULL);

  if (length > BEACON_WCS_MAX_FRAME_SIZE)
    {
      g_set_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_FRAME_TOO_LARGE,
                   "message of %" G_GSIZE_FORMAT " bytes is over the %d byte limit",
                   length, BEACON_WCS_MAX_FRAME_SIZE);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, text, length, &local_error))
    {
      g_set_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL,
                   "not JSON: %s", local_error->message);
      return NULL;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL,
                           "not a JSON object");
      return NULL;
    }
  root = json_node_get_object (node);

  node = get_member (root, "message");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error_literal (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL,
                           "no “message” name in the object");
      return NULL;
    }
  name = json_node_get_string (node);

  out = g_new0 (BeaconWcsIncoming, 1);
  out->name = g_strdup (name);

  node = get_member (root, "data");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL,
                   "“%s” has no “data” array", name);
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (parsers); i++)
    {
      if (!g_str_equal (parsers[i].name, name))
        continue;

      out->kind = parsers[i].kind;
      if (!parsers[i].parse (name, json_node_get_array (node), out, error))
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
