/* beacon-publisher.h
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

/* Camera (or test pattern) and microphone → encoders → a send-only webrtcbin → a WCS server,
 * through one BeaconWcsStream. Set the properties, then start; stop (or a terminal stream
 * status) tears the pipeline down. One publisher publishes one stream at a time. */

#define BEACON_TYPE_PUBLISHER (beacon_publisher_get_type ())

G_DECLARE_FINAL_TYPE (BeaconPublisher, beacon_publisher, BEACON, PUBLISHER, BeaconMediaPeer)

/** beacon_publisher_new: a publisher for streams of @client's session. */
BeaconPublisher      *beacon_publisher_new              (BeaconWcsClient *client);

BeaconWcsClient      *beacon_publisher_get_client       (BeaconPublisher *self);

/* "test" (a live test pattern and tone), "camera" (the first camera), or a device id as
 * `beacon-cli devices` lists them. Applies at the next start. */
const char           *beacon_publisher_get_source       (BeaconPublisher *self);
void                  beacon_publisher_set_source       (BeaconPublisher *self,
                                                         const char      *source);
BeaconVideoCodec      beacon_publisher_get_codec        (BeaconPublisher *self);
void                  beacon_publisher_set_codec        (BeaconPublisher *self,
                                                         BeaconVideoCodec codec);
guint                 beacon_publisher_get_width        (BeaconPublisher *self);
void                  beacon_publisher_set_width        (BeaconPublisher *self,
                                                         guint            width);
guint                 beacon_publisher_get_height       (BeaconPublisher *self);
void                  beacon_publisher_set_height       (BeaconPublisher *self,
                                                         guint            height);
guint                 beacon_publisher_get_fps          (BeaconPublisher *self);
void                  beacon_publisher_set_fps          (BeaconPublisher *self,
                                                         guint            fps);
/* kbps; applies to a running encoder at once. */
guint                 beacon_publisher_get_bitrate      (BeaconPublisher *self);
void                  beacon_publisher_set_bitrate      (BeaconPublisher *self,
                                                         guint            bitrate);
/* Draw the latency stamp (shared/latency-stamp.md) into every frame at capture. */
gboolean              beacon_publisher_get_stamp        (BeaconPublisher *self);
void                  beacon_publisher_set_stamp        (BeaconPublisher *self,
                                                         gboolean         stamp);
gboolean              beacon_publisher_get_record       (BeaconPublisher *self);
void                  beacon_publisher_set_record       (BeaconPublisher *self,
                                                         gboolean         record);
/* Mute without renegotiating: silence / black frames, and sendStreamEvent as the WebSDK. */
gboolean              beacon_publisher_get_audio_muted  (BeaconPublisher *self);
void                  beacon_publisher_set_audio_muted  (BeaconPublisher *self,
                                                         gboolean         muted);
gboolean              beacon_publisher_get_video_muted  (BeaconPublisher *self);
void                  beacon_publisher_set_video_muted  (BeaconPublisher *self,
                                                         gboolean         muted);
/* A PipeWire remote from the camera portal (beacon-camera-portal.h), or -1. When set and
 * the source is "camera", pipewiresrc reads the camera from it instead of the device
 * monitor's element. The publisher keeps a duplicate, so the caller may close @fd. A remote
 * carries one PipeWire session: set a fresh one before each start. */
int                   beacon_publisher_get_pipewire_fd  (BeaconPublisher *self);
void                  beacon_publisher_set_pipewire_fd  (BeaconPublisher *self,
                                                         int              fd);
/* A sink for a local preview of the raw video (behind a leaky queue); applies at start. */
GstElement           *beacon_publisher_get_preview_sink (BeaconPublisher *self);
void                  beacon_publisher_set_preview_sink (BeaconPublisher *self,
                                                         GstElement      *sink);

/* Read-only state. */
const char           *beacon_publisher_get_encoder_name (BeaconPublisher *self);
BeaconWcsStream      *beacon_publisher_get_stream       (BeaconPublisher *self);
BeaconWcsStreamStatus beacon_publisher_get_status       (BeaconPublisher *self);
const GError         *beacon_publisher_get_error        (BeaconPublisher *self);
/* The codecs the server's answer selected ("H264", "opus"); %NULL before the answer. */
const char           *beacon_publisher_get_negotiated_video_codec (BeaconPublisher *self);
const char           *beacon_publisher_get_negotiated_audio_codec (BeaconPublisher *self);
/** beacon_publisher_get_frames: video frames encoded since start. */
guint64               beacon_publisher_get_frames       (BeaconPublisher *self);
/** beacon_publisher_get_last_stats: the sample of the last ::stats-updated, or %NULL. */
const BeaconStatsSample *beacon_publisher_get_last_stats (BeaconPublisher *self);

/**
 * beacon_publisher_start:
 *
 * Builds the pipeline and sends `publishStream` as soon as webrtcbin has an offer. The
 * client must be ESTABLISHED. Returns %FALSE with BEACON_MEDIA_ERROR_MISSING_ELEMENT (what to
 * install), or a BEACON_WCS_ERROR when the request cannot be sent.
 */
gboolean              beacon_publisher_start            (BeaconPublisher *self,
                                                         const char      *name,
                                                         GError         **error);
/** beacon_publisher_stop: sends `unPublishStream` (if still live) and releases the media. */
void                  beacon_publisher_stop             (BeaconPublisher *self);

G_END_DECLS
