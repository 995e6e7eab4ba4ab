/* beacon-wcs-stream-private.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "beacon-wcs-client.h"
#include "beacon-wcs-stream.h"

G_BEGIN_DECLS

/* Shared between BeaconWcsClient and BeaconWcsStream only. */

void     _beacon_wcs_stream_fill_request  (BeaconWcsStream        *self,
                                           BeaconWcsStreamRequest *request);
void     _beacon_wcs_stream_attach        (BeaconWcsStream        *self,
                                           BeaconWcsClient        *client);
gboolean _beacon_wcs_stream_apply_info    (BeaconWcsStream           *self,
                                           const BeaconWcsStreamInfo *info,
                                           GError                   **error);
void     _beacon_wcs_stream_set_remote_sdp (BeaconWcsStream       *self,
                                            const char            *sdp);
void     _beacon_wcs_stream_set_audio_codec (BeaconWcsStream      *self,
                                             const char           *codec);
void     _beacon_wcs_stream_apply_rate    (BeaconWcsStream           *self,
                                           const BeaconWcsRateSample *sample);
void     _beacon_wcs_stream_apply_event   (BeaconWcsStream        *self,
                                           const char             *type,
                                           const char             *payload_json);
void     _beacon_wcs_stream_end           (BeaconWcsStream        *self,
                                           BeaconWcsStreamStatus   status,
                                           const char             *info);

gboolean _beacon_wcs_client_send          (BeaconWcsClient        *self,
                                           const char             *text,
                                           GError                **error);

G_END_DECLS
