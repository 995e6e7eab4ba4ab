/* beacon-wcs-server-message.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "beacon-wcs-message.h"

G_BEGIN_DECLS

/* The server half of the message layer, for `beacon-cli serve`: client frames in, typed
 * requests out, and every server frame built from typed values. Pure functions, no I/O.
 * Shapes follow protocol.md §2-§4 and the emulator contract (protocol-reference §10). */

typedef enum
{
  BEACON_WCS_REQUEST_UNKNOWN,
  BEACON_WCS_REQUEST_CONNECTION,
  BEACON_WCS_REQUEST_PING,
  BEACON_WCS_REQUEST_PONG,
  BEACON_WCS_REQUEST_PUBLISH_STREAM,
  BEACON_WCS_REQUEST_PLAY_STREAM,
  BEACON_WCS_REQUEST_UNPUBLISH_STREAM,
  BEACON_WCS_REQUEST_STOP_STREAM,
  BEACON_WCS_REQUEST_AVAILABLE_STREAM,
  BEACON_WCS_REQUEST_SEND_STREAM_EVENT,
} BeaconWcsRequestKind;

/**
 * BeaconWcsRequest:
 *
 * One parsed client message. Only the members of its @kind are set; a member the client
 * left out keeps its default (%NULL, 0, %FALSE; @has_video and @has_audio default to %TRUE,
 * as a player always asks for both).
 */
typedef struct
{
  BeaconWcsRequestKind kind;
  char                *method;                  /* the method name as received */

  /* connection */
  char                *app_key;
  char               **media_providers;         /* NULL-terminated, NULL when absent */
  char                *client_version;
  char                *client_os_version;
  char                *client_browser_version;
  char                *auth_token;
  gboolean             keep_alive;

  /* stream requests, availableStream, sendStreamEvent */
  char                *media_session_id;
  char                *name;                    /* the stream name */
  gboolean             published;
  gboolean             has_video;
  gboolean             has_audio;
  gboolean             record;
  char                *sdp;
  int                  width;
  int                  height;
  int                  quality;
  int                  bitrate;                 /* kbps */
  int                  min_bitrate;
  int                  max_bitrate;

  /* sendStreamEvent */
  char                *event_type;
  char                *payload_json;

  /* connection, publishStream, playStream: a JSON object as text */
  char                *custom_json;
} BeaconWcsRequest;

#define BEACON_TYPE_WCS_REQUEST (beacon_wcs_request_get_type ())

GType             beacon_wcs_request_get_type (void) G_GNUC_CONST;
BeaconWcsRequest *beacon_wcs_request_copy     (const BeaconWcsRequest *request);
void              beacon_wcs_request_free     (BeaconWcsRequest *request);

/** beacon_wcs_request_parse: parses one client text frame into a typed request. */
BeaconWcsRequest *beacon_wcs_request_parse    (const char *text,
                                               gsize       length,
                                               GError    **error);

/** beacon_wcs_request_is_stream_request: whether @kind needs an established session. */
gboolean          beacon_wcs_request_is_stream_request (BeaconWcsRequestKind kind);

/** beacon_wcs_server_message_build_user_data: `getUserData`, echoing @connection's fields. */
char *beacon_wcs_server_message_build_user_data     (const BeaconWcsRequest *connection,
                                                     const char             *auth_token);
/** beacon_wcs_server_message_build_version: `getVersion` with @version. */
char *beacon_wcs_server_message_build_version       (const char *version);
/** beacon_wcs_server_message_build_ping: the server's keep-alive `ping`. */
char *beacon_wcs_server_message_build_ping          (void);
/** beacon_wcs_server_message_build_remote_sdp: `setRemoteSDP` with the server's answer. */
char *beacon_wcs_server_message_build_remote_sdp    (const char *media_session_id,
                                                     const char *sdp);
/** beacon_wcs_server_message_build_stream_status: `notifyStreamStatusEvent` for @info. */
char *beacon_wcs_server_message_build_stream_status (const BeaconWcsStreamInfo *info);
/** beacon_wcs_server_message_build_audio_codec: `notifyAudioCodec` (sent before a play answer). */
char *beacon_wcs_server_message_build_audio_codec   (const char *media_session_id,
                                                     const char *codec);
/** beacon_wcs_server_message_build_video_format: `notifyVideoFormat` with the published size. */
char *beacon_wcs_server_message_build_video_format  (const char *media_session_id,
                                                     int         width,
                                                     int         height);
/** beacon_wcs_server_message_build_stream_event: `notifyStreamEvent` for a player. */
char *beacon_wcs_server_message_build_stream_event  (const char *media_session_id,
                                                     const char *type,
                                                     const char *payload_json,
                                                     const char *stream_name,
                                                     GError    **error);
/** beacon_wcs_server_message_build_video_rate: `inboundVideoRate` or `outboundVideoRate`. */
char *beacon_wcs_server_message_build_video_rate    (const BeaconWcsRateSample *sample);
/** beacon_wcs_server_message_build_available: the `availableStream` answer. */
char *beacon_wcs_server_message_build_available     (const char *media_session_id,
                                                     gboolean    available,
                                                     const char *info);
/** beacon_wcs_server_message_build_fail: `fail`, a session warning (@id may be %NULL). */
char *beacon_wcs_server_message_build_fail          (const char *api_method,
                                                     const char *id,
                                                     const char *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BeaconWcsRequest, beacon_wcs_request_free)

G_END_DECLS
