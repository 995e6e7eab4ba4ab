/* beacon-wcs-rest-stream.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-wcs-rest-stream"

#include "config.h"

#include <json-glib/json-glib.h>

#include "beacon-wcs-error.h"
#include "beacon-wcs-json-private.h"
#include "beacon-wcs-rest-stream.h"

G_DEFINE_BOXED_TYPE (BeaconWcsRestStream, beacon_wcs_rest_stream,
                     beacon_wcs_rest_stream_copy, beacon_wcs_rest_stream_free)

/* Every number in a stream list is a count, a rate, a size or a date: the shared readers
 * (beacon-wcs-json-private.h) refuse a negative one. Errors name the field; the caller adds
 * which stream it was. */
#define NUMBERS BEACON_WCS_JSON_COUNT

/* ---- Stream objects ------------------------------------------------------------------ */

static gboolean
parse_metrics (JsonObject          *object,
               BeaconWcsRestStream *stream,
               GError             **error)
{
  JsonNode *node = _beacon_wcs_json_get_member (object, "metrics");
  JsonObject *metrics;
  double fps = -1;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _beacon_wcs_json_type_error (error, "metrics", "an object");

  metrics = json_node_get_object (node);
  stream->has_metrics = TRUE;
  if (!_beacon_wcs_json_read_int64 (metrics, "VIDEO_WIDTH", NUMBERS, &stream->video_width, error) ||
      !_beacon_wcs_json_read_int64 (metrics, "VIDEO_HEIGHT", NUMBERS, &stream->video_height,
                                    error) ||
      !_beacon_wcs_json_read_int64 (metrics, "VIDEO_RATE", NUMBERS, &stream->video_rate, error) ||
      !_beacon_wcs_json_read_double (metrics, "VIDEO_FPS", NUMBERS, &fps, error) ||
      !_beacon_wcs_json_read_int64 (metrics, "VIDEO_NACK", NUMBERS, &stream->video_nack, error) ||
      !_beacon_wcs_json_read_int64 (metrics, "VIDEO_PLI", NUMBERS, &stream->video_pli, error) ||
      !_beacon_wcs_json_read_int64 (metrics, "VIDEO_LOST", NUMBERS, &stream->video_lost, error) ||
      !_beacon_wcs_json_read_int64 (metrics, "VIDEO_K_FRAMES", NUMBERS, &stream->video_k_frames,
                                    error) ||
      !_beacon_wcs_json_read_int64 (metrics, "AUDIO_RATE", NUMBERS, &stream->audio_rate, error) ||
      !_beacon_wcs_json_read_text (metrics, "VIDEO_CODEC", &stream->metric_video_codec, error) ||
      !_beacon_wcs_json_read_text (metrics, "AUDIO_CODEC", &stream->metric_audio_codec, error))
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

  if (!_beacon_wcs_json_read_string (object, "mediaSessionId", &stream->media_session_id, error) ||
      !_beacon_wcs_json_read_string (object, "name", &stream->name, error) ||
      !_beacon_wcs_json_read_bool (object, "published", &stream->published, error) ||
      !_beacon_wcs_json_read_string (object, "status", &stream->status, error) ||
      !_beacon_wcs_json_read_string (object, "info", &stream->info, error) ||
      !_beacon_wcs_json_read_string (object, "audioCodec", &stream->audio_codec, error) ||
      !_beacon_wcs_json_read_string (object, "videoCodec", &stream->video_codec, error) ||
      !_beacon_wcs_json_read_int (object, "width", NUMBERS, &stream->width, error) ||
      !_beacon_wcs_json_read_int (object, "height", NUMBERS, &stream->height, error) ||
      !_beacon_wcs_json_read_int64 (object, "createDate", NUMBERS, &stream->create_date, error) ||
      !_beacon_wcs_json_read_string (object, "sessionId", &stream->session_id, error) ||
      !_beacon_wcs_json_read_string (object, "mediaProvider", &stream->media_provider, error) ||
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
