/* beacon-wcs-rest-stream.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-wcs-rest-stream"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "beacon-wcs-error.h"
#include "beacon-wcs-rest-stream.h"

G_DEFINE_BOXED_TYPE (BeaconWcsRestStream, beacon_wcs_rest_stream,
                     beacon_wcs_rest_stream_copy, beacon_wcs_rest_stream_free)

/* ---- Typed field readers -------------------------------------------------------------
 * The same tolerance as the WebSocket readers (beacon-wcs-message.c): WCS is loose with
 * types, so "640" is a number and "true" a boolean. Anything else is an error naming the
 * field; the caller adds which stream it was. */

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
holds_type (JsonNode *node,
            GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
read_string (JsonObject *object,
             const char *member,
             char      **out,
             GError    **error)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL)
    return TRUE;
  if (!holds_type (node, G_TYPE_STRING))
    return type_error (error, member, "a string");
  g_free (*out);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

/* Codec metrics are ids in WCS and names here: either is kept as text. */
static gboolean
read_text (JsonObject *object,
           const char *member,
           char      **out,
           GError    **error)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL)
    return TRUE;
  g_free (*out);
  if (holds_type (node, G_TYPE_INT64))
    *out = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  else if (holds_type (node, G_TYPE_STRING))
    *out = g_strdup (json_node_get_string (node));
  else
    {
      *out = NULL;
      return type_error (error, member, "a codec name or number");
    }
  return TRUE;
}

static gboolean
read_number (JsonObject *object,
             const char *member,
             double     *out,
             GError    **error)
{
  JsonNode *node = get_member (object, member);
  double value;

  if (node == NULL)
    return TRUE;

  if (holds_type (node, G_TYPE_INT64) || holds_type (node, G_TYPE_DOUBLE))
    value = json_node_get_double (node);
  else if (holds_type (node, G_TYPE_STRING))
    {
      const char *text = json_node_get_string (node);
      char *end = NULL;

      value = g_ascii_strtod (text, &end);
      if (end == text || *end != '\0')
        return type_error (error, member, "a number");
    }
  else
    return type_error (error, member, "a number");

  /* Negative counts and rates mean nothing; refuse them rather than show them. */
  if (!isfinite (value) || value < 0 || value > (double) G_MAXINT64 / 2)
    return type_error (error, member, "a number in range");
  *out = value;
  return TRUE;
}

static gboolean
read_int64 (JsonObject *object,
            const char *member,
            gint64     *out,
            GError    **error)
{
  double value = -1;

  if (!read_number (object, member, &value, error))
    return FALSE;
  if (value >= 0)
    *out = (gint64) value;
  return TRUE;
}

static gboolean
read_int (JsonObject *object,
          const char *member,
          int        *out,
          GError    **error)
{
  double value = -1;

  if (!read_number (object, member, &value, error))
    return FALSE;
  if (value > G_MAXINT)
    return type_error (error, member, "a number in range");
  if (value >= 0)
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
  if (holds_type (node, G_TYPE_BOOLEAN))
    {
      *out = json_node_get_boolean (node) ? TRUE : FALSE;
      return TRUE;
    }
  if (holds_type (node, G_TYPE_STRING) &&
      (g_str_equal (json_node_get_string (node), "true") ||
       g_str_equal (json_node_get_string (node), "false")))
    {
      *out = json_node_get_string (node)[0] == 't';
      return TRUE;
    }
  return type_error (error, member, "a boolean");
}

/* ---- Stream objects ------------------------------------------------------------------ */

static gboolean
parse_metrics (JsonObject          *object,
               BeaconWcsRestStream *stream,
               GError             **error)
{
  JsonNode *node = get_member (object, "metrics");
  JsonObject *metrics;
  double fps = -1;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return type_error (error, "metrics", "an object");

  metrics = json_node_get_object (node);
  stream->has_metrics = TRUE;
  if (!read_int64 (metrics, "VIDEO_WIDTH", &stream->video_width, error) ||
      !read_int64 (metrics, "VIDEO_HEIGHT", &stream->video_height, error) ||
      !read_int64 (metrics, "VIDEO_RATE", &stream->video_rate, error) ||
      !read_number (metrics, "VIDEO_FPS", &fps, error) ||
      !read_int64 (metrics, "VIDEO_NACK", &stream->video_nack, error) ||
      !read_int64 (metrics, "VIDEO_PLI", &stream->video_pli, error) ||
      !read_int64 (metrics, "VIDEO_LOST", &stream->video_lost, error) ||
      !read_int64 (metrics, "VIDEO_K_FRAMES", &stream->video_k_frames, error) ||
      !read_int64 (metrics, "AUDIO_RATE", &stream->audio_rate, error) ||
      !read_text (metrics, "VIDEO_CODEC", &stream->metric_video_codec, error) ||
      !read_text (metrics, "AUDIO_CODEC", &stream->metric_audio_codec, error))
    {
      g_prefix_error (error, "metrics: ");
      return FALSE;
    }
  if (fps >= 0)
    stream->video_fps = fps;
  return TRUE;
}

static BeaconWcsRestStream *
parse_stream (JsonNode *node,
              GError  **error)
{
  g_autoptr(BeaconWcsRestStream) stream = beacon_wcs_rest_stream_new ();
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL,
                           "it is not an object");
      return NULL;
    }
  object = json_node_get_object (node);

  if (!read_string (object, "mediaSessionId", &stream->media_session_id, error) ||
      !read_string (object, "name", &stream->name, error) ||
      !read_bool (object, "published", &stream->published, error) ||
      !read_string (object, "status", &stream->status, error) ||
      !read_string (object, "info", &stream->info, error) ||
      !read_string (object, "audioCodec", &stream->audio_codec, error) ||
      !read_string (object, "videoCodec", &stream->video_codec, error) ||
      !read_int (object, "width", &stream->width, error) ||
      !read_int (object, "height", &stream->height, error) ||
      !read_int64 (object, "createDate", &stream->create_date, error) ||
      !read_string (object, "sessionId", &stream->session_id, error) ||
      !read_string (object, "mediaProvider", &stream->media_provider, error) ||
      !parse_metrics (object, stream, error))
    return NULL;

  return g_steal_pointer (&stream);
}

BeaconWcsRestStream *
beacon_wcs_rest_stream_new (void)
{
  BeaconWcsRestStream *stream = g_new0 (BeaconWcsRestStream, 1);

  stream->published = BEACON_WCS_UNSET;
  stream->width = BEACON_WCS_UNSET;
  stream->height = BEACON_WCS_UNSET;
  stream->create_date = BEACON_WCS_UNSET;
  stream->video_width = BEACON_WCS_UNSET;
  stream->video_height = BEACON_WCS_UNSET;
  stream->video_rate = BEACON_WCS_UNSET;
  stream->video_fps = BEACON_WCS_UNSET;
  stream->video_nack = BEACON_WCS_UNSET;
  stream->video_pli = BEACON_WCS_UNSET;
  stream->video_lost = BEACON_WCS_UNSET;
  stream->video_k_frames = BEACON_WCS_UNSET;
  stream->audio_rate = BEACON_WCS_UNSET;
  return stream;
}

BeaconWcsRestStream *
beacon_wcs_rest_stream_copy (const BeaconWcsRestStream *stream)
{
  BeaconWcsRestStream *copy;

  g_return_val_if_fail (stream != NULL, NULL);

  copy = g_memdup2 (stream, sizeof *stream);
  copy->media_session_id = g_strdup (stream->media_session_id);
  copy->name = g_strdup (stream->name);
  copy->status = g_strdup (stream->status);
  copy->info = g_strdup (stream->info);
  copy->audio_codec = g_strdup (stream->audio_codec);
  copy->video_codec = g_strdup (stream->video_codec);
  copy->session_id = g_strdup (stream->session_id);
  copy->media_provider = g_strdup (stream->media_provider);
  copy->metric_video_codec = g_strdup (stream->metric_video_codec);
  copy->metric_audio_codec = g_strdup (stream->metric_audio_codec);
  return copy;
}

void
beacon_wcs_rest_stream_free (BeaconWcsRestStream *stream)
{
  if (stream == NULL)
    return;
  g_free (stream->media_session_id);
  g_free (stream->name);
  g_free (stream->status);
  g_free (stream->info);
  g_free (stream->audio_codec);
  g_free (stream->video_codec);
  g_free (stream->session_id);
  g_free (stream->media_provider);
  g_free (stream->metric_video_codec);
  g_free (stream->metric_audio_codec);
  g_free (stream);
}

GPtrArray *
beacon_wcs_rest_stream_list_parse (const char *text,
                                   gsize       length,
                                   GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) streams = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonArray *array;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length == 0)
    {
      g_set_error_literal (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL,
                           "the answer is empty, not a JSON list of streams");
      return NULL;
    }
  if (!json_parser_load_from_data (parser, text, length, &local_error))
    {
      g_set_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL,
                   "the answer is not valid JSON (%s)", local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL,
                   "the answer is %s, not a JSON list of streams",
                   root == NULL ? "empty" : JSON_NODE_HOLDS_OBJECT (root) ? "an object"
                                                                          : "a single value");
      return NULL;
    }

  array = json_node_get_array (root);
  streams = g_ptr_array_new_with_free_func ((GDestroyNotify) beacon_wcs_rest_stream_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      BeaconWcsRestStream *stream = parse_stream (json_array_get_element (array, i),
                                                  &local_error);

      if (stream == NULL)
        {
          g_set_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL,
                       "stream %u in the list: %s", i + 1, local_error->message);
          return NULL;
        }
      g_ptr_array_add (streams, stream);
    }
  return g_steal_pointer (&streams);
}
