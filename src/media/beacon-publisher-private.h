/* beacon-publisher-private.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "beacon-publisher.h"
#include "beacon-quality-meter.h"
#include "beacon-webrtc-util.h"

G_BEGIN_DECLS

/* Shared by beacon-publisher.c (the object, signalling, stats) and
 * beacon-publisher-pipeline.c (the GStreamer side). */

/* What the capture and payloader probes read on streaming threads: set on the main thread,
 * read with atomics, reference-counted so that each probe can hold it. */
typedef struct
{
  int                 stamp;        /* atomic gboolean */
  int                 video_muted;  /* atomic gboolean */
  int                 caps_seen;    /* atomic: the video RTP caps have reached webrtcbin */
  gboolean            h264;
  BeaconFrameCounter *frames;       /* encoded frames */
  BeaconWeakOwner    *owner;
} BeaconPublisherTap;

struct _BeaconPublisher
{
  GObject                parent_instance;

  /* Owned */
  BeaconWcsClient       *client;
  BeaconWeakOwner       *weak;
  char                  *source;
  GstElement            *preview_sink;
  char                  *encoder_name;
  BeaconWcsStream       *stream;
  GError                *error;
  BeaconStatsSample     *last_sample;
  BeaconWcsRateSample   *last_rate;
  BeaconQualityMeter    *quality_meter;
  BeaconPublisherTap    *tap;
  char                  *video_codec;   /* from the server's answer */
  char                  *audio_codec;

  /* The pipeline; the element pointers are borrowed from it */
  GstElement            *pipeline;
  GstElement            *webrtc;
  GstElement            *encoder;
  GstElement            *volume;
  guint                  bus_watch_id;
  guint                  stats_source_id;
  guint                  offer_timeout_id;
  guint                  video_ssrc;

  /* Settings */
  BeaconVideoCodec       codec;
  guint                  width;
  guint                  height;
  guint                  fps;
  guint                  bitrate;

  /* State */
  BeaconWcsStreamStatus  status;
  guint                  stamp : 1;
  guint                  record : 1;
  guint                  audio_muted : 1;
  guint                  video_muted : 1;
  guint                  offer_requested : 1;
};

BeaconPublisherTap *_beacon_publisher_tap_new   (BeaconPublisher    *self);
BeaconPublisherTap *_beacon_publisher_tap_ref   (BeaconPublisherTap *tap);
void                _beacon_publisher_tap_unref (BeaconPublisherTap *tap);

/* Builds self->pipeline (not yet started) with its sources, encoders and webrtcbin. */
gboolean _beacon_publisher_build_pipeline    (BeaconPublisher *self,
                                              const char      *server_url,
                                              GError         **error);
/* Sets the pipeline to NULL and drops it; safe to call when there is none. */
void     _beacon_publisher_drop_pipeline     (BeaconPublisher *self);

/* Called on the main thread once the video RTP caps reached webrtcbin (beacon-publisher.c). */
void     _beacon_publisher_video_caps_ready  (BeaconPublisher *self);
/* Ends the publish with @error: sets the error property, unpublishes, drops the media. */
void     _beacon_publisher_fail              (BeaconPublisher *self,
                                              const GError    *error);

G_END_DECLS
