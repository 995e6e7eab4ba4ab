/* beacon-media-peer-private.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "beacon-media-peer.h"
#include "beacon-media-tap.h"
#include "beacon-webrtc-util.h"

G_BEGIN_DECLS

/* For the subclasses (and their tests): the pipeline and the per-run state they share with
 * BeaconMediaPeer. Everything here runs on the main thread. */

/* A new tap (beacon-media-tap.h) for this run's probes: it hops to @self and counts into
 * the frame counter that get_frames and the stats read. */
gpointer            _beacon_media_peer_new_tap           (BeaconMediaPeer *self,
                                                          gsize            size,
                                                          GDestroyNotify   clear);
BeaconFrameCounter *_beacon_media_peer_get_frame_counter (BeaconMediaPeer *self);

/**
 * _beacon_media_peer_make_pipeline:
 *
 * For build_pipeline: a new pipeline called @name holding a webrtcbin set up for the
 * client's server. Returns the webrtcbin (borrowed), or %NULL with @error.
 */
GstElement *_beacon_media_peer_make_pipeline (BeaconMediaPeer *self,
                                              const char      *name,
                                              GError         **error);
/* Both %NULL while no pipeline exists; borrowed. */
GstElement *_beacon_media_peer_get_pipeline  (BeaconMediaPeer *self);
GstElement *_beacon_media_peer_get_webrtc    (BeaconMediaPeer *self);

/* The SSRC get-stats reports our video under: chosen by a sender, learned by a receiver. */
guint       _beacon_media_peer_get_video_ssrc  (BeaconMediaPeer *self);
void        _beacon_media_peer_set_video_ssrc  (BeaconMediaPeer *self,
                                                guint            ssrc);
/* Overrides the answer's video codec (a receiver learns the real one from its pad). */
void        _beacon_media_peer_set_video_codec (BeaconMediaPeer *self,
                                                const char      *codec);

/* Sends the offer now, once per run (see BeaconMediaPeerClass.offer_wait_ms). */
void        _beacon_media_peer_request_offer      (BeaconMediaPeer *self);
/* sendStreamEvent with no payload while the stream exists on the server, as the WebSDK
 * (reference §3.6); otherwise nothing. */
void        _beacon_media_peer_send_stream_event  (BeaconMediaPeer *self,
                                                   const char      *type);
/* Ends the run with @error: sets the error property, ends the stream, drops the media.
 * Ignored when there is no pipeline (a late report from one already dropped). */
void        _beacon_media_peer_fail               (BeaconMediaPeer *self,
                                                   const GError    *error);

/* Sets an injected sink property: *@slot takes @sink (sinking a floating reference).
 * Returns %FALSE when @sink was already there, so the caller notifies only on a change. */
gboolean    _beacon_media_peer_replace_sink       (GstElement     **slot,
                                                   GstElement      *sink);

/* Property plumbing the subclasses write the same way: a getter returning @expr (with
 * `self` in scope), and a setter of a boolean field that notifies @pspec on a change. */
#define BEACON_MEDIA_DEFINE_GETTER(Type, prefix, IS_TYPE, ret, name, expr)              \
  ret                                                                                 \
  prefix##_get_##name (Type *self)                                                    \
  {                                                                                   \
    g_return_val_if_fail (IS_TYPE (self), (ret) 0);                                   \
    return (expr);                                                                    \
  }

#define BEACON_MEDIA_DEFINE_BOOL_SETTER(Type, prefix, IS_TYPE, name, pspec)             \
  void                                                                                \
  prefix##_set_##name (Type     *self,                                                \
                       gboolean  value)                                               \
  {                                                                                   \
    g_return_if_fail (IS_TYPE (self));                                                \
    value = !!value;                                                                  \
    if (self->name == value)                                                          \
      return;                                                                         \
    self->name = value;                                                               \
    g_object_notify_by_pspec (G_OBJECT (self), pspec);                                \
  }

/* The subclasses' public API for what this class holds: the same functions under their
 * own names, each checking its own type. */
#define _BEACON_MEDIA_PEER_FORWARD_GETTER(Type, prefix, IS_TYPE, ret, name)             \
  BEACON_MEDIA_DEFINE_GETTER (Type, prefix, IS_TYPE, ret, name,                       \
                              beacon_media_peer_get_##name (BEACON_MEDIA_PEER (self)))

#define BEACON_MEDIA_PEER_DEFINE_FORWARDS(Type, prefix, IS_TYPE)                            \
  _BEACON_MEDIA_PEER_FORWARD_GETTER (Type, prefix, IS_TYPE, BeaconWcsClient *, client)      \
  _BEACON_MEDIA_PEER_FORWARD_GETTER (Type, prefix, IS_TYPE, BeaconWcsStream *, stream)      \
  _BEACON_MEDIA_PEER_FORWARD_GETTER (Type, prefix, IS_TYPE, BeaconWcsStreamStatus, status)  \
  _BEACON_MEDIA_PEER_FORWARD_GETTER (Type, prefix, IS_TYPE, const GError *, error)          \
  _BEACON_MEDIA_PEER_FORWARD_GETTER (Type, prefix, IS_TYPE, const char *,                   \
                                     negotiated_video_codec)                                \
  _BEACON_MEDIA_PEER_FORWARD_GETTER (Type, prefix, IS_TYPE, const char *,                   \
                                     negotiated_audio_codec)                                \
  _BEACON_MEDIA_PEER_FORWARD_GETTER (Type, prefix, IS_TYPE, guint64, frames)                \
  _BEACON_MEDIA_PEER_FORWARD_GETTER (Type, prefix, IS_TYPE, const BeaconStatsSample *,      \
                                     last_stats)                                            \
                                                                                            \
  gboolean                                                                                  \
  prefix##_start (Type       *self,                                                         \
                  const char *name,                                                         \
                  GError    **error)                                                        \
  {                                                                                         \
    g_return_val_if_fail (IS_TYPE (self), FALSE);                                           \
    return beacon_media_peer_start (BEACON_MEDIA_PEER (self), name, error);                 \
  }                                                                                         \
                                                                                            \
  void                                                                                      \
  prefix##_stop (Type *self)                                                                \
  {                                                                                         \
    g_return_if_fail (IS_TYPE (self));                                                      \
    beacon_media_peer_stop (BEACON_MEDIA_PEER (self));                                      \
  }

G_END_DECLS
