/* beacon-media-peer.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/gst.h>

#include "beacon-stats-sample.h"
#include "beacon-wcs-client.h"

G_BEGIN_DECLS

/* What BeaconPublisher and BeaconPlayer share: one WCS stream of a client's session, the
 * pipeline with its webrtcbin, the offer/answer exchange, the stats sample every second and
 * the teardown on stop, failure or a terminal stream status. Each subclass builds its own
 * pipeline and adds its settings; this class runs the rest. */

#define BEACON_TYPE_MEDIA_PEER (beacon_media_peer_get_type ())

G_DECLARE_DERIVABLE_TYPE (BeaconMediaPeer, beacon_media_peer, BEACON, MEDIA_PEER, GObject)

struct _BeaconMediaPeerClass
{
  GObjectClass parent_class;

  /* publishStream or playStream. */
  BeaconWcsStreamKind stream_kind;
  /* The INVALID_STATE message of a second start, untranslated (marked for xgettext). */
  const char         *busy_message;
  /* 0: offer as soon as the pipeline is PLAYING. Otherwise the subclass calls
   * _beacon_media_peer_request_offer when it is ready, and the offer goes out after this
   * many ms regardless. */
  guint               offer_wait_ms;

  /* Optional: forget the subclass's outcome of the last run (start, notifications frozen). */
  void     (*reset)            (BeaconMediaPeer   *self);
  /* Builds the pipeline, not yet started, through _beacon_media_peer_make_pipeline. */
  gboolean (*build_pipeline)   (BeaconMediaPeer   *self,
                                GError           **error);
  /* Optional: what the new stream asks the server for, before it is sent. */
  void     (*setup_stream)     (BeaconMediaPeer   *self,
                                BeaconWcsStream   *stream);
  /* The subclass's part of the once-a-second sample (size, codec, encoder or decoder). */
  void     (*fill_stats)       (BeaconMediaPeer   *self,
                                BeaconStatsSample *sample);
  /* Optional: the pipeline is going; forget the elements borrowed from it. */
  void     (*pipeline_dropped) (BeaconMediaPeer   *self);
};

BeaconWcsClient         *beacon_media_peer_get_client                 (BeaconMediaPeer *self);
BeaconWcsStream         *beacon_media_peer_get_stream                 (BeaconMediaPeer *self);
BeaconWcsStreamStatus    beacon_media_peer_get_status                 (BeaconMediaPeer *self);
const GError            *beacon_media_peer_get_error                  (BeaconMediaPeer *self);
/* The codecs the server's answer selected ("H264", "opus"); %NULL before the answer. */
const char              *beacon_media_peer_get_negotiated_video_codec (BeaconMediaPeer *self);
const char              *beacon_media_peer_get_negotiated_audio_codec (BeaconMediaPeer *self);
/** beacon_media_peer_get_frames: video frames encoded or decoded since start. */
guint64                  beacon_media_peer_get_frames                 (BeaconMediaPeer *self);
/** beacon_media_peer_get_last_stats: the sample of the last ::stats-updated, or %NULL. */
const BeaconStatsSample *beacon_media_peer_get_last_stats             (BeaconMediaPeer *self);

/**
 * beacon_media_peer_start:
 *
 * Builds the pipeline and sends publishStream or playStream as soon as webrtcbin has an
 * offer. The client must be ESTABLISHED. Returns %FALSE with a BEACON_MEDIA_ERROR (what to
 * install), or a BEACON_WCS_ERROR when the request cannot be sent.
 */
gboolean                 beacon_media_peer_start                      (BeaconMediaPeer *self,
                                                                       const char      *name,
                                                                       GError         **error);
/** beacon_media_peer_stop: ends the stream (if still live) and releases the media. */
void                     beacon_media_peer_stop                       (BeaconMediaPeer *self);

G_END_DECLS
