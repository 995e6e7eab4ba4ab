/* beacon-wcs-message.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "beacon-protocol-types.h"

G_BEGIN_DECLS

/* The only file that knows the WCS JSON shapes: typed structs in, JSON text out, and
 * back. Pure functions, no I/O. */

#define BEACON_WCS_MAX_FRAME_SIZE (1024 * 1024)

typedef enum
{
  BEACON_WCS_MESSAGE_UNKNOWN,
  BEACON_WCS_MESSAGE_PING,
  BEACON_WCS_MESSAGE_GET_USER_DATA,
  BEACON_WCS_MESSAGE_GET_VERSION,
  BEACON_WCS_MESSAGE_SET_REMOTE_SDP,
  BEACON_WCS_MESSAGE_STREAM_STATUS,
  BEACON_WCS_MESSAGE_VIDEO_FORMAT,
  BEACON_WCS_MESSAGE_AUDIO_CODEC,
  BEACON_WCS_MESSAGE_STREAM_EVENT,
  BEACON_WCS_MESSAGE_VIDEO_RATE,
  BEACON_WCS_MESSAGE_AVAILABLE_STREAM,
  BEACON_WCS_MESSAGE_FAIL,
} BeaconWcsMessageKind;

#define BEACON_WCS_UNSET (-1)

/**
 * BeaconWcsStreamInfo:
 *
 * A stream description from `notifyStreamStatusEvent` (or `notifyVideoFormat`, or a
 * `fail` about a stream). Strings are %NULL and numbers %BEACON_WCS_UNSET when the
 * server left them out, so a partial update changes only what it carries.
 */
typedef struct
{
  char    *media_session_id;
  char    *name;
  char    *status;
  char    *info;
  char    *audio_codec;
  char    *video_codec;
  char    *record_name;
  int      published;    /* TRUE, FALSE or BEACON_WCS_UNSET, as the booleans below */
  int      has_video;
  int      has_audio;
  int      record;
  int      audio_muted;
  int      video_muted;
  int      width;
  int      height;
  int      bitrate;
  int      min_bitrate;
  int      max_bitrate;
  int      quality;
  gint64   create_date;  /* ms since the epoch, or BEACON_WCS_UNSET */
} BeaconWcsStreamInfo;

/**
 * BeaconWcsRateSample:
 *
 * One `inboundVideoRate` or `outboundVideoRate` report.
 */
typedef struct
{
  char                  *media_session_id;
  BeaconWcsRateDirection direction;
  gint64                 video_rate;   /* bits per second */
  double                 fps;
  gint64                 nack;
  gint64                 pli;
  gint64                 lost_packets;
  int                    width;
  int                    height;
} BeaconWcsRateSample;

/**
 * BeaconWcsIncoming:
 *
 * One parsed server message. Only the members of its @kind are set.
 */
typedef struct
{
  BeaconWcsMessageKind kind;
  char                *name;              /* the method name as received */
  char                *media_session_id;  /* routing id of a stream message */

  char                *text;              /* version, audio codec name, sdp */
  char                *info;              /* availableStream / fail reason */
  char                *api_method;        /* fail */
  char                *event_type;        /* notifyStreamEvent */
  char                *json;              /* getUserData object, notifyStreamEvent payload */
  char                *auth_token;        /* getUserData */
  gboolean             available;         /* availableStream */
  BeaconWcsStreamInfo *stream;            /* status, video format, fail about a stream */
  BeaconWcsRateSample *rate;              /* video rates */
} BeaconWcsIncoming;

/**
 * BeaconWcsConnectionParams:
 *
 * What the `connection` message carries. %NULL strings are left out of the message.
 */
typedef struct
{
  const char         *app_key;                /* NULL: "defaultApp" */
  const char * const *media_providers;        /* NULL: ["WebRTC"] */
  const char         *client_version;         /* NULL: "2.0", as the WebSDK sends */
  const char         *client_os_version;
  const char         *client_browser_version;
  gboolean            keep_alive;             /* sent only when TRUE */
  const char         *auth_token;
  const char         *custom_json;            /* a JSON object, or NULL */
} BeaconWcsConnectionParams;

/**
 * BeaconWcsStreamRequest:
 *
 * The fields of `publishStream`, `playStream`, `unPublishStream` and `stopStream`.
 */
typedef struct
{
  const char *media_session_id;
  const char *name;
  gboolean    published;
  gboolean    has_video;
  gboolean    has_audio;
  gboolean    record;
  const char *status;            /* NULL: "PENDING" */
  const char *sdp;
  const char *custom_json;       /* JSON object or NULL */
  const char *constraints_json;  /* JSON object or NULL */
  const char *transport;         /* "UDP", "TCP" or NULL */
  int         width;             /* play only; 0 = as published */
  int         height;
  int         quality;
  int         bitrate;           /* kbps, 0 = no limit */
  int         min_bitrate;
  int         max_bitrate;
} BeaconWcsStreamRequest;

#define BEACON_TYPE_WCS_STREAM_INFO (beacon_wcs_stream_info_get_type ())
#define BEACON_TYPE_WCS_RATE_SAMPLE (beacon_wcs_rate_sample_get_type ())

GType                beacon_wcs_stream_info_get_type     (void) G_GNUC_CONST;
BeaconWcsStreamInfo *beacon_wcs_stream_info_new          (void);
BeaconWcsStreamInfo *beacon_wcs_stream_info_copy         (const BeaconWcsStreamInfo *info);
void                 beacon_wcs_stream_info_free         (BeaconWcsStreamInfo *info);

GType                beacon_wcs_rate_sample_get_type     (void) G_GNUC_CONST;
BeaconWcsRateSample *beacon_wcs_rate_sample_copy         (const BeaconWcsRateSample *sample);
void                 beacon_wcs_rate_sample_free         (BeaconWcsRateSample *sample);

void                 beacon_wcs_incoming_free            (BeaconWcsIncoming *incoming);

/** beacon_wcs_message_parse: parses one server text frame into a typed message. */
BeaconWcsIncoming   *beacon_wcs_message_parse            (const char *text,
                                                          gsize       length,
                                                          GError    **error);

/** beacon_wcs_message_build_connection: the `connection` message. */
char                *beacon_wcs_message_build_connection (const BeaconWcsConnectionParams *params,
                                                          GError                         **error);
/** beacon_wcs_message_build_pong: the answer to a server `ping`. */
char                *beacon_wcs_message_build_pong       (void);
/** beacon_wcs_message_build_publish: `publishStream` with the client's offer. */
char                *beacon_wcs_message_build_publish    (const BeaconWcsStreamRequest *request,
                                                          GError                      **error);
/** beacon_wcs_message_build_play: `playStream` with the client's receive-only offer. */
char                *beacon_wcs_message_build_play       (const BeaconWcsStreamRequest *request,
                                                          GError                      **error);
/** beacon_wcs_message_build_stop: `unPublishStream` for a publisher, else `stopStream`. */
char                *beacon_wcs_message_build_stop       (const BeaconWcsStreamRequest *request);
/** beacon_wcs_message_build_available: `availableStream` for @name. */
char                *beacon_wcs_message_build_available  (const char *media_session_id,
                                                          const char *name);
/** beacon_wcs_message_build_stream_event: `sendStreamEvent` (mute state, data). */
char                *beacon_wcs_message_build_stream_event (const char *media_session_id,
                                                            const char *type,
                                                            const char *payload_json,
                                                            GError    **error);

/** beacon_wcs_stream_status_from_string: %FALSE for pseudo and unknown statuses. */
gboolean             beacon_wcs_stream_status_from_string (const char            *text,
                                                           BeaconWcsStreamStatus *status);
const char          *beacon_wcs_stream_status_to_string   (BeaconWcsStreamStatus  status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BeaconWcsIncoming, beacon_wcs_incoming_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BeaconWcsStreamInfo, beacon_wcs_stream_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BeaconWcsRateSample, beacon_wcs_rate_sample_free)

G_END_DECLS
