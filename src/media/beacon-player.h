/* beacon-player.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/gst.h>

#include "beacon-media-peer.h"
#include "beacon-media-types.h"
#include "beacon-stats-sample.h"
#include "beacon-wcs-client.h"

G_BEGIN_DECLS

/* A WCS stream → a receive-only webrtcbin → decoders → the injected video sink (and the
 * speakers, or nothing). Set the properties, then start; stop (or a terminal stream status)
 * tears the pipeline down. One player plays one stream at a time. */

#define BEACON_TYPE_PLAYER (beacon_player_get_type ())

G_DECLARE_FINAL_TYPE (BeaconPlayer, beacon_player, BEACON, PLAYER, BeaconMediaPeer)

/** beacon_player_new: a player for streams of @client's session. */
BeaconPlayer         *beacon_player_new                (BeaconWcsClient *client);

BeaconWcsClient      *beacon_player_get_client         (BeaconPlayer *self);

/* Where decoded video goes; %NULL: a fakesink with sync=FALSE. Applies at start. */
GstElement           *beacon_player_get_video_sink     (BeaconPlayer *self);
void                  beacon_player_set_video_sink     (BeaconPlayer *self,
                                                        GstElement   *sink);
/* TRUE: play the audio on autoaudiosink; FALSE: decode it and discard it (headless). */
gboolean              beacon_player_get_audio          (BeaconPlayer *self);
void                  beacon_player_set_audio          (BeaconPlayer *self,
                                                        gboolean      audio);
BeaconCodecMode       beacon_player_get_decoder_mode   (BeaconPlayer    *self);
void                  beacon_player_set_decoder_mode   (BeaconPlayer    *self,
                                                        BeaconCodecMode  mode);
/* The jitterbuffer latency in ms (webrtcbin's `latency`), 0 to 100. */
guint                 beacon_player_get_latency        (BeaconPlayer *self);
void                  beacon_player_set_latency        (BeaconPlayer *self,
                                                        guint         latency);
/* Read the latency stamp (shared/latency-stamp.md) from every decoded frame. */
gboolean              beacon_player_get_measure_latency (BeaconPlayer *self);
void                  beacon_player_set_measure_latency (BeaconPlayer *self,
                                                         gboolean      measure);

/* Read-only state. */
const char           *beacon_player_get_decoder_name   (BeaconPlayer *self);
BeaconWcsStream      *beacon_player_get_stream         (BeaconPlayer *self);
BeaconWcsStreamStatus beacon_player_get_status         (BeaconPlayer *self);
const GError         *beacon_player_get_error          (BeaconPlayer *self);
int                   beacon_player_get_width          (BeaconPlayer *self);
int                   beacon_player_get_height         (BeaconPlayer *self);
/* ms from start to the first decoded frame, -1 before it. */
gint64                beacon_player_get_first_frame_ms (BeaconPlayer *self);
/** beacon_player_get_frames: decoded video frames since start. */
guint64               beacon_player_get_frames         (BeaconPlayer *self);
/* The codecs the server's answer selected ("H264", "opus"); %NULL before the answer. */
const char           *beacon_player_get_negotiated_video_codec (BeaconPlayer *self);
const char           *beacon_player_get_negotiated_audio_codec (BeaconPlayer *self);
/** beacon_player_get_last_stats: the sample of the last ::stats-updated, or %NULL. */
const BeaconStatsSample *beacon_player_get_last_stats  (BeaconPlayer *self);

/**
 * beacon_player_get_latency_stats:
 * @median_ms: (out) (optional): NAN when no frame had a stamp
 * @p95_ms: (out) (optional): NAN when no frame had a stamp
 * @stamped_frames: (out) (optional): frames with a valid stamp since start
 * @checked_frames: (out) (optional): frames looked at since start
 *
 * Glass-to-glass latency since start, when measure-latency is on. Returns %FALSE when no
 * frame had a valid stamp yet.
 */
gboolean              beacon_player_get_latency_stats  (BeaconPlayer *self,
                                                        double       *median_ms,
                                                        double       *p95_ms,
                                                        guint64      *stamped_frames,
                                                        guint64      *checked_frames);

/**
 * beacon_player_start:
 *
 * Builds the receive-only pipeline and sends `playStream` as soon as webrtcbin has an
 * offer. The client must be ESTABLISHED.
 */
gboolean              beacon_player_start              (BeaconPlayer *self,
                                                        const char   *name,
                                                        GError      **error);
/** beacon_player_stop: sends `stopStream` (if still live) and releases the media. */
void                  beacon_player_stop               (BeaconPlayer *self);

G_END_DECLS
