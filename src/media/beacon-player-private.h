/* beacon-player-private.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "beacon-latency-stamp.h"
#include "beacon-player.h"
#include "beacon-quality-meter.h"
#include "beacon-webrtc-util.h"

G_BEGIN_DECLS

/* Shared by beacon-player.c (the object, signalling, stats) and beacon-player-pipeline.c
 * (the GStreamer side). */

/* What the pad-added handler and the probes use on streaming threads. The settings are a
 * copy taken at start and never change while the pipeline runs; the latency figures are
 * under @lock. Reference-counted so that each probe and handler can hold it. */
typedef struct
{
  BeaconWeakOwner     *owner;
  BeaconFrameCounter  *frames;        /* decoded video frames */
  GstElement          *video_sink;    /* owned; added to the pipeline with the video */
  BeaconCodecMode      decoder_mode;
  gboolean             audio;
  gboolean             measure_latency;
  int                  video_linked;  /* atomic: a second video pad gets a fakesink */

  GMutex               lock;
  BeaconLatencyWindow *latency;
  guint64              stamped;       /* frames with a valid stamp */
  guint64              checked;       /* frames looked at */
} BeaconPlayerTap;

struct _BeaconPlayer
{
  GObject                parent_instance;

  /* Owned */
  BeaconWcsClient       *client;
  BeaconWeakOwner       *weak;
  GstElement            *video_sink;
  char                  *decoder_name;
  BeaconWcsStream       *stream;
  GError                *error;
  BeaconStatsSample     *last_sample;
  BeaconWcsRateSample   *last_rate;
  BeaconQualityMeter    *quality_meter;
  BeaconPlayerTap       *tap;
  char                  *video_codec;   /* from the server's answer, then the pad's caps */
  char                  *audio_codec;

  /* The pipeline; webrtc is borrowed from it */
  GstElement            *pipeline;
  GstElement            *webrtc;
  guint                  bus_watch_id;
  guint                  stats_source_id;
  guint                  video_ssrc;

  /* Settings */
  BeaconCodecMode        decoder_mode;
  guint                  latency;

  /* State */
  BeaconWcsStreamStatus  status;
  int                    width;
  int                    height;
  gint64                 first_frame_ms;
  guint                  audio : 1;
  guint                  measure_latency : 1;
};

BeaconPlayerTap *_beacon_player_tap_new   (BeaconPlayer    *self);
void             _beacon_player_tap_unref (BeaconPlayerTap *tap);

/* Builds self->pipeline (not yet started) with a receive-only webrtcbin. */
gboolean _beacon_player_build_pipeline (BeaconPlayer *self,
                                        const char   *server_url,
                                        GError      **error);
void     _beacon_player_drop_pipeline  (BeaconPlayer *self);

/* Main-thread reports from the pipeline (beacon-player.c). */
void     _beacon_player_video_linked   (BeaconPlayer *self,
                                        const char   *codec,
                                        const char   *decoder,
                                        guint         ssrc);
void     _beacon_player_first_frame    (BeaconPlayer *self);
void     _beacon_player_set_size       (BeaconPlayer *self,
                                        int           width,
                                        int           height);
void     _beacon_player_fail           (BeaconPlayer *self,
                                        const GError *error);

G_END_DECLS
