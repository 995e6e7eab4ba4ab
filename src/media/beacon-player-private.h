/* beacon-player-private.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "beacon-latency-stamp.h"
#include "beacon-media-peer-private.h"
#include "beacon-player.h"

G_BEGIN_DECLS

/* Shared by beacon-player.c (the object and its settings) and beacon-player-pipeline.c (the
 * GStreamer side); BeaconMediaPeer runs the signalling, stats and teardown. */

/* What the pad-added handler and the probes use on streaming threads. The settings are a
 * copy taken at start and never change while the pipeline runs; the latency figures are
 * under @lock. Reference-counted so that each probe and handler can hold it. */
typedef struct
{
  BeaconMediaTap       base;
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
  BeaconMediaPeer        parent_instance;

  /* Owned */
  GstElement            *video_sink;
  char                  *decoder_name;
  BeaconPlayerTap       *tap;

  /* Settings */
  BeaconCodecMode        decoder_mode;
  guint                  latency;

  /* State */
  int                    width;
  int                    height;
  gint64                 first_frame_ms;
  guint                  audio : 1;
  guint                  measure_latency : 1;
};

/* BeaconMediaPeerClass.build_pipeline: a receive-only webrtcbin; the decoders come with
 * its pads. */
gboolean _beacon_player_build_pipeline (BeaconMediaPeer *peer,
                                        GError         **error);

/* Main-thread reports from the pipeline (beacon-player.c). */
void     _beacon_player_video_linked   (BeaconPlayer *self,
                                        const char   *codec,
                                        const char   *decoder,
                                        guint         ssrc);
void     _beacon_player_first_frame    (BeaconPlayer *self);
void     _beacon_player_set_size       (BeaconPlayer *self,
                                        int           width,
                                        int           height);

G_END_DECLS
