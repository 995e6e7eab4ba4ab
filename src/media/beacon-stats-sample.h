/* beacon-stats-sample.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/gst.h>

#include "beacon-media-types.h"

G_BEGIN_DECLS

/**
 * BeaconStatsSample:
 *
 * One second of a publisher's or player's figures: webrtcbin's get-stats for the video RTP
 * stream, our own frame counters, and the server's last rate report. Numbers that are not
 * known are -1 (integers) or NAN (doubles).
 */
typedef struct
{
  gint64               time_ms;         /* CLOCK_REALTIME, ms */

  /* Our own counters (webrtcbin 1.22 has no frame statistics). */
  double               fps;             /* frames in the last second */
  guint64              frames;          /* total frames encoded / decoded */
  int                  width;
  int                  height;
  gint64               first_frame_ms;  /* start () to the first frame; -1 until then */

  /* From get-stats, for the video stream's SSRC. */
  guint64              video_bytes;     /* bytes sent (publisher) or received (player) */
  guint64              video_packets;
  double               bitrate_kbps;    /* from video_bytes between two samples */
  gint64               packets_lost;
  gint64               nack;            /* NACKs received (publisher) / sent (player) */
  gint64               pli;             /* PLIs received (publisher) / sent (player) */
  double               jitter_ms;
  double               rtt_ms;

  char                *video_codec;     /* "H264", "VP8" */
  char                *audio_codec;     /* "opus" */
  char                *encoder;         /* factory of the encoder (publisher) */
  char                *decoder;         /* factory of the decoder (player) */

  BeaconChannelQuality quality;

  /* The server's last in/outboundVideoRate; server_bitrate is -1 before the first. */
  gint64               server_bitrate;  /* bits per second */
  double               server_fps;
  gint64               server_nack;
  gint64               server_pli;
  gint64               server_lost;
} BeaconStatsSample;

/* Which side of the video RTP stream we are. */
typedef enum
{
  BEACON_STATS_SENDING,
  BEACON_STATS_RECEIVING,
} BeaconStatsDirection;

#define BEACON_TYPE_STATS_SAMPLE (beacon_stats_sample_get_type ())

GType              beacon_stats_sample_get_type (void) G_GNUC_CONST;
/** beacon_stats_sample_new: every figure unknown, quality UNKNOWN. */
BeaconStatsSample *beacon_stats_sample_new      (void);
BeaconStatsSample *beacon_stats_sample_copy     (const BeaconStatsSample *sample);
void               beacon_stats_sample_free     (BeaconStatsSample *sample);

/**
 * beacon_stats_sample_update_from_webrtc:
 * @sample: the sample to fill; its time_ms must already be set
 * @previous: (nullable): the sample before, for the bitrate
 * @stats: webrtcbin's get-stats reply
 * @video_ssrc: the SSRC of the video RTP stream, or 0 to go by the stats' `kind`
 *
 * Fills the get-stats figures of @sample. The video stream is matched by SSRC because
 * webrtcbin 1.22 mislabels `kind` under bundle. A pure function: no I/O, no globals.
 * Returns %TRUE if the video stream was found in @stats.
 */
gboolean           beacon_stats_sample_update_from_webrtc (BeaconStatsSample       *sample,
                                                           const BeaconStatsSample *previous,
                                                           const GstStructure      *stats,
                                                           guint                    video_ssrc,
                                                           BeaconStatsDirection     direction);

/** beacon_stats_sample_find_video_ssrc: the SSRC of the first video RTP stream in @stats
 * that goes @direction, going by `kind` and then by the codec's media type; 0 if none. */
guint              beacon_stats_sample_find_video_ssrc    (const GstStructure  *stats,
                                                           BeaconStatsDirection direction);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BeaconStatsSample, beacon_stats_sample_free)

G_END_DECLS
