/* beacon-wcs-stream.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "beacon-protocol-types.h"
#include "beacon-wcs-message.h"

G_BEGIN_DECLS

#define BEACON_TYPE_WCS_STREAM (beacon_wcs_stream_get_type ())

G_DECLARE_FINAL_TYPE (BeaconWcsStream, beacon_wcs_stream, BEACON, WCS_STREAM, GObject)

/** beacon_wcs_stream_new: a stream in status NEW, with a fresh mediaSessionId. */
BeaconWcsStream       *beacon_wcs_stream_new                (BeaconWcsStreamKind kind,
                                                             const char         *name);

BeaconWcsStreamKind    beacon_wcs_stream_get_kind           (BeaconWcsStream *self);
const char            *beacon_wcs_stream_get_name           (BeaconWcsStream *self);
const char            *beacon_wcs_stream_get_media_session_id (BeaconWcsStream *self);
BeaconWcsStreamStatus  beacon_wcs_stream_get_status         (BeaconWcsStream *self);
const char            *beacon_wcs_stream_get_info           (BeaconWcsStream *self);
const char            *beacon_wcs_stream_get_audio_codec    (BeaconWcsStream *self);
const char            *beacon_wcs_stream_get_video_codec    (BeaconWcsStream *self);
int                    beacon_wcs_stream_get_width          (BeaconWcsStream *self);
int                    beacon_wcs_stream_get_height         (BeaconWcsStream *self);
const char            *beacon_wcs_stream_get_record_name    (BeaconWcsStream *self);
const char            *beacon_wcs_stream_get_remote_sdp     (BeaconWcsStream *self);
gboolean               beacon_wcs_stream_get_remote_audio_muted (BeaconWcsStream *self);
gboolean               beacon_wcs_stream_get_remote_video_muted (BeaconWcsStream *self);
gboolean               beacon_wcs_stream_is_terminal        (BeaconWcsStream *self);

/* Request options: set them while the stream is NEW; publish/play sends them. */
gboolean               beacon_wcs_stream_get_has_audio      (BeaconWcsStream *self);
void                   beacon_wcs_stream_set_has_audio      (BeaconWcsStream *self,
                                                             gboolean         has_audio);
gboolean               beacon_wcs_stream_get_has_video      (BeaconWcsStream *self);
void                   beacon_wcs_stream_set_has_video      (BeaconWcsStream *self,
                                                             gboolean         has_video);
gboolean               beacon_wcs_stream_get_record         (BeaconWcsStream *self);
void                   beacon_wcs_stream_set_record         (BeaconWcsStream *self,
                                                             gboolean         record);
void                   beacon_wcs_stream_set_bitrates       (BeaconWcsStream *self,
                                                             int              bitrate,
                                                             int              min_bitrate,
                                                             int              max_bitrate);
void                   beacon_wcs_stream_set_play_size      (BeaconWcsStream *self,
                                                             int              width,
                                                             int              height,
                                                             int              quality);
const char            *beacon_wcs_stream_get_custom         (BeaconWcsStream *self);
void                   beacon_wcs_stream_set_custom         (BeaconWcsStream *self,
                                                             const char      *custom_json);
const char            *beacon_wcs_stream_get_constraints    (BeaconWcsStream *self);
void                   beacon_wcs_stream_set_constraints    (BeaconWcsStream *self,
                                                             const char      *constraints_json);

/** beacon_wcs_stream_stop: asks the server to unpublish or stop; the status follows its answer. */
gboolean               beacon_wcs_stream_stop               (BeaconWcsStream *self,
                                                             GError         **error);
/** beacon_wcs_stream_send_event: `sendStreamEvent` (audioMuted, videoUnmuted, data …). */
gboolean               beacon_wcs_stream_send_event         (BeaconWcsStream *self,
                                                             const char      *type,
                                                             const char      *payload_json,
                                                             GError         **error);

/** beacon_wcs_stream_status_is_terminal: FAILED, STOPPED and UNPUBLISHED end a stream. */
gboolean               beacon_wcs_stream_status_is_terminal (BeaconWcsStreamStatus status);
/** beacon_wcs_stream_transition_allowed: whether the server may move @from to @to. */
gboolean               beacon_wcs_stream_transition_allowed (BeaconWcsStreamKind   kind,
                                                             BeaconWcsStreamStatus from,
                                                             BeaconWcsStreamStatus to);

G_END_DECLS
