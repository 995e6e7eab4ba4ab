/* beacon-relay-stream-private.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/gst.h>

#include "beacon-relay-peer.h"
#include "beacon-relay-stream.h"

G_BEGIN_DECLS

/* BeaconRelayStream spans beacon-relay-stream.c (the publisher, its tracks, metrics) and
 * beacon-relay-stream-players.c (the players' branches). */

typedef enum
{
  TRACK_AUDIO,
  TRACK_VIDEO,
  N_TRACKS
} TrackKind;

/* One kind of media of the publisher. Set up at creation from the offer; only the SSRC is
 * learnt later, on a streaming thread (hence atomic). */
typedef struct
{
  const char *media;       /* "audio" / "video" */
  char       *encoding;    /* "OPUS", "H264", "VP8"; NULL when the publisher has none */
  GstElement *tee;
  guint       ssrc;        /* atomic */
} Track;

/* Counters shared with streaming-thread probes (atomic), and the previous reading. */
typedef struct
{
  gint        frames;       /* atomic: video frames passed */
  guint64     prev_bytes;
  gint        prev_frames;
  gint64      prev_time_us;
  gboolean    primed;
} Meter;

typedef struct
{
  BeaconRelayStream *stream;       /* borrowed: players go before their stream */
  char              *id;
  BeaconRelayPeer   *peer;
  GstElement        *queue[N_TRACKS];
  GstElement        *payloader[N_TRACKS];
  GstPad            *tee_pad[N_TRACKS];
  guint              ssrc[N_TRACKS];
  int                mline[N_TRACKS];   /* the offer's m-line each branch answers, or -1 */
  Meter              meter;
  gint               waiting_keyframe;  /* atomic: drop delta frames until a keyframe */
  GstClockTime       last_pts;          /* streaming thread only */
  gboolean           answered;
  gboolean           playing;
  gboolean           told_size;
  BeaconWcsRateSample *last_rate;      /* the last outboundVideoRate sent */
} Player;

struct _BeaconRelayStream
{
  GObject            parent_instance;

  BeaconLocalServer *server;
  GMainContext      *context;
  GstElement        *pipeline;
  guint              bus_watch_id;
  char              *id;
  char              *name;
  char              *bind_address;
  gboolean           add_setup;

  BeaconRelayPeer   *publisher;
  Track              tracks[N_TRACKS];
  int                video_mline;      /* = the video RTP session (no BUNDLE); -1: none */
  Meter              meter;
  gint               media_started;    /* atomic: first publisher buffer seen */
  GstClockTime       last_video_pts;   /* streaming thread only */
  int                width;
  int                height;
  gboolean           answered;
  gboolean           publishing;
  gboolean           shut_down;
  guint              media_timeout_id;
  BeaconWcsRateSample *last_rate;      /* the last inboundVideoRate sent */

  GHashTable        *players;          /* id -> Player */
};

/* beacon-relay-stream-players.c */
void    _beacon_relay_player_free          (Player            *player);
void    _beacon_relay_stream_tell_size     (BeaconRelayStream *self);
void    _beacon_relay_stream_players_tick  (BeaconRelayStream *self);

/* beacon-relay-stream.c */
void    _beacon_relay_stream_fail_player   (BeaconRelayStream *self,
                                            const char        *id,
                                            const char        *info);
/* Bytes-sent/received and the feedback counts of the RTP stream with @ssrc in a get-stats
 * reply, as an `inboundVideoRate`/`outboundVideoRate` sample (fps from @meter). */
BeaconWcsRateSample *_beacon_relay_rate_from_stats (const GstStructure    *stats,
                                                    const char            *media_session_id,
                                                    BeaconWcsRateDirection direction,
                                                    guint                  ssrc,
                                                    Meter                 *meter,
                                                    int                    width,
                                                    int                    height);

G_END_DECLS
