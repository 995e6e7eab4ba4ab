/* beacon-publisher-private.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "beacon-media-peer-private.h"
#include "beacon-publisher.h"

G_BEGIN_DECLS

/* Shared by beacon-publisher.c (the object and its settings) and beacon-publisher-pipeline.c
 * (the GStreamer side); BeaconMediaPeer runs the signalling, stats and teardown. */

/* What the capture and payloader probes read on streaming threads: set on the main thread,
 * read with atomics, reference-counted so that each probe can hold it. */
typedef struct
{
  BeaconMediaTap      base;
  int                 stamp;        /* atomic gboolean */
  int                 video_muted;  /* atomic gboolean */
  int                 caps_seen;    /* atomic: the video RTP caps have reached webrtcbin */
  gboolean            h264;
} BeaconPublisherTap;

struct _BeaconPublisher
{
  BeaconMediaPeer        parent_instance;

  /* Owned */
  char                  *source;
  GstElement            *preview_sink;
  char                  *encoder_name;
  BeaconPublisherTap    *tap;
  int                    pipewire_fd;   /* our dup of the portal's PipeWire remote, or -1 */

  /* Borrowed from the pipeline while there is one */
  GstElement            *encoder;
  GstElement            *volume;

  /* Settings */
  BeaconVideoCodec       codec;
  guint                  width;
  guint                  height;
  guint                  fps;
  guint                  bitrate;
  guint                  stamp : 1;
  guint                  record : 1;
  guint                  audio_muted : 1;
  guint                  video_muted : 1;
};

/* For BeaconMediaPeerClass.build_pipeline: sources, encoders and a send-only webrtcbin. */
gboolean _beacon_publisher_build_pipeline (BeaconPublisher *self,
                                           GError         **error);

G_END_DECLS
