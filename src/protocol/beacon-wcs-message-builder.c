/* beacon-wcs-message-builder.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The client-to-server half of beacon-wcs-message.h: JSON text from typed requests. */

#define G_LOG_DOMAIN "beacon-wcs-message"

#include "config.h"

#include <json-glib/json-glib.h>

#include "beacon-wcs-error.h"
#include "beacon-wcs-json-private.h"
#include "beacon-wcs-message.h"

/* ---- Builders ------------------------------------------------------------------------ */

static JsonNode *
parse_json_object (const char *member,
                   const char *json,
                   GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (!json_parser_load_from_data (parser, json, -1, &local_error))
    {
      g_set_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_INVALID_ARGUMENT,
                   "“%s” is not valid JSON: %s", member, local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_INVALID_ARGUMENT,
                   "“%s” must be a JSON object", member);
      return NULL;
    }
  return json_node_copy (root);
}

static gboolean
add_json_member (JsonBuilder *builder,
                 const char  *member,
                 const char  *json,
                 GError     **error)
{
  JsonNode *node;

  if (json == NULL)
    return TRUE;
  if (!(node = parse_json_object (member, json, error)))
    return FALSE;
  json_builder_set_member_name (builder, member);
  json_builder_add_value (builder, node);
  return TRUE;
}

char *
beacon_wcs_message_build_connection (const BeaconWcsConnectionParams *params,
                                     GError                         **error)
{
  static const char * const default_providers[] = { "WebRTC", NULL };
  g_autoptr(JsonBuilder) builder = _beacon_wcs_json_begin_message ("connection");
  const char * const *providers;

  g_return_val_if_fail (params != NULL, NULL);

  providers = params->media_providers ? params->media_providers : default_providers;

  json_builder_begin_object (builder);
  _beacon_wcs_json_add_string (builder, "appKey", params->app_key ? params->app_key : "defaultApp");
  json_builder_set_member_name (builder, "mediaProviders");
  json_builder_begin_array (builder);
  for (guint i = 0; providers[i] != NULL; i++)
    json_builder_add_string_value (builder, providers[i]);
  json_builder_end_array (builder);
  if (params->keep_alive)
    _beacon_wcs_json_add_bool (builder, "keepAlive", TRUE);
  _beacon_wcs_json_add_string (builder, "authToken", params->auth_token);
  /* The server may branch on clientVersion; the WebSDK always sends "2.0". */
  _beacon_wcs_json_add_string (builder, "clientVersion", params->client_version ? params->client_version : "2.0");
  _beacon_wcs_json_add_string (builder, "clientOSVersion", params->client_os_version);
  _beacon_wcs_json_add_string (builder, "clientBrowserVersion", params->client_browser_version);
  _beacon_wcs_json_add_int (builder, "msePacketizationVersion", 2);
  if (!add_json_member (builder, "custom", params->custom_json, error))
    return NULL;
  json_builder_end_object (builder);

  return _beacon_wcs_json_end_message (builder);
}

char *
beacon_wcs_message_build_pong (void)
{
  g_autoptr(JsonBuilder) builder = _beacon_wcs_json_begin_message ("pong");

  json_builder_add_null_value (builder);
  return _beacon_wcs_json_end_message (builder);
}

static char *
build_stream_request (const char                   *method,
                      const BeaconWcsStreamRequest *request,
                      gboolean                      with_play_fields,
                      GError                      **error)
{
  g_autoptr(JsonBuilder) builder = _beacon_wcs_json_begin_message (method);

  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (request->media_session_id != NULL, NULL);
  g_return_val_if_fail (request->name != NULL, NULL);

  json_builder_begin_object (builder);
  _beacon_wcs_json_add_string (builder, "mediaSessionId", request->media_session_id);
  _beacon_wcs_json_add_string (builder, "name", request->name);
  _beacon_wcs_json_add_bool (builder, "published", request->published);
  /* The WebSDK always says a player wants both; the server decides what it has. */
  _beacon_wcs_json_add_bool (builder, "hasVideo", with_play_fields ? TRUE : request->has_video);
  _beacon_wcs_json_add_bool (builder, "hasAudio", with_play_fields ? TRUE : request->has_audio);
  _beacon_wcs_json_add_string (builder, "status", request->status ? request->status : "PENDING");
  _beacon_wcs_json_add_bool (builder, "record", with_play_fields ? FALSE : request->record);
  _beacon_wcs_json_add_string (builder, "mediaProvider", "WebRTC");
  _beacon_wcs_json_add_string (builder, "sdp", request->sdp);
  if (!add_json_member (builder, "custom", request->custom_json, error) ||
      !add_json_member (builder, "constraints", request->constraints_json, error))
    return NULL;
  _beacon_wcs_json_add_int (builder, "bitrate", request->bitrate);
  _beacon_wcs_json_add_int (builder, "minBitrate", request->min_bitrate);
  _beacon_wcs_json_add_int (builder, "maxBitrate", request->max_bitrate);
  _beacon_wcs_json_add_string (builder, "transport", request->transport);
  if (with_play_fields)
    {
      _beacon_wcs_json_add_int (builder, "width", request->width);
      _beacon_wcs_json_add_int (builder, "height", request->height);
      _beacon_wcs_json_add_int (builder, "quality", MIN (request->quality, 100));
    }
  json_builder_end_object (builder);

  return _beacon_wcs_json_end_message (builder);
}

char *
beacon_wcs_message_build_publish (const BeaconWcsStreamRequest *request,
                                  GError                      **error)
{
  g_return_val_if_fail (request != NULL && request->published, NULL);

  return build_stream_request ("publishStream", request, FALSE, error);
}

char *
beacon_wcs_message_build_play (const BeaconWcsStreamRequest *request,
                               GError                      **error)
{
  g_return_val_if_fail (request != NULL && !request->published, NULL);

  return build_stream_request ("playStream", request, TRUE, error);
}

char *
beacon_wcs_message_build_stop (const BeaconWcsStreamRequest *request)
{
  g_autoptr(JsonBuilder) builder = NULL;

  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (request->media_session_id != NULL, NULL);

  /* The same seven fields as the WebSDK, for both directions. */
  builder = _beacon_wcs_json_begin_message (request->published ? "unPublishStream" : "stopStream");
  json_builder_begin_object (builder);
  _beacon_wcs_json_add_string (builder, "mediaSessionId", request->media_session_id);
  _beacon_wcs_json_add_string (builder, "name", request->name);
  _beacon_wcs_json_add_bool (builder, "published", request->published);
  _beacon_wcs_json_add_bool (builder, "hasVideo", TRUE);
  _beacon_wcs_json_add_bool (builder, "hasAudio", TRUE);
  _beacon_wcs_json_add_string (builder, "status", request->status);
  _beacon_wcs_json_add_bool (builder, "record", FALSE);
  json_builder_end_object (builder);

  return _beacon_wcs_json_end_message (builder);
}

char *
beacon_wcs_message_build_available (const char *media_session_id,
                                    const char *name)
{
  g_autoptr(JsonBuilder) builder = _beacon_wcs_json_begin_message ("availableStream");

  g_return_val_if_fail (media_session_id != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  json_builder_begin_object (builder);
  _beacon_wcs_json_add_string (builder, "mediaSessionId", media_session_id);
  _beacon_wcs_json_add_string (builder, "name", name);
  json_builder_end_object (builder);

  return _beacon_wcs_json_end_message (builder);
}

char *
beacon_wcs_message_build_stream_event (const char *media_session_id,
                                       const char *type,
                                       const char *payload_json,
                                       GError    **error)
{
  g_autoptr(JsonBuilder) builder = _beacon_wcs_json_begin_message ("sendStreamEvent");

  g_return_val_if_fail (media_session_id != NULL, NULL);
  g_return_val_if_fail (type != NULL, NULL);

  json_builder_begin_object (builder);
  _beacon_wcs_json_add_string (builder, "mediaSessionId", media_session_id);
  _beacon_wcs_json_add_string (builder, "type", type);
  /* Mute events carry no payload, as in the WebSDK. */
  if (!add_json_member (builder, "payload", payload_json, error))
    return NULL;
  json_builder_end_object (builder);

  return _beacon_wcs_json_end_message (builder);
}

