/* beacon-watched-stream-private.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "beacon-watched-stream.h"

G_BEGIN_DECLS

#define BEACON_WATCHED_N_SIDES 2
#define BEACON_WATCHED_N_SPANS 2

/* One second of figures as "Export Metrics" writes them; counters are per second and unknown
 * figures are NAN. */
typedef struct
{
  gint64 time_ms;
  double fps;
  double bitrate_kbps;
  double nack;
  double pli;
  double lost;
  double server_fps;
  double server_bitrate_kbps;
} BeaconWatchedRow;

struct _BeaconWatchedStream
{
  GObject               parent_instance;

  /* Owned */
  char                 *name;
  BeaconWcsClient      *client;
  BeaconPlayer         *player;
  GstElement           *sink_bin;
  GdkPaintable         *paintable;
  char                 *sink_name;
  GSettings            *settings;
  BeaconMetricSeries   *series[BEACON_WATCHED_N_METRICS][BEACON_WATCHED_N_SIDES][BEACON_WATCHED_N_SPANS];
  GArray               *history;          /* BeaconWatchedRow, oldest first */

  /* A play that ended by itself is tried again after retry_delay s, doubling to a cap */
  guint                 retry_source;
  guint                 retry_delay;

  /* The last running totals, to turn counters into per-second figures; -1 unknown */
  gint64                last_counts[BEACON_WATCHED_N_SIDES][3];

  /* State */
  BeaconWcsStreamStatus status;
  BeaconChannelQuality  quality;
  char                 *info;
  char                 *codec;
  char                 *decoder_name;
  char                 *alert_reason;
  int                   width;
  int                   height;
  double                fps;
  double                bitrate;
  guint                 connected : 1;
  guint                 active : 1;
  guint                 alert : 1;
};

/* beacon-watched-stream-metrics.c */
void _beacon_watched_stream_metrics_init   (BeaconWatchedStream     *self);
void _beacon_watched_stream_metrics_clear  (BeaconWatchedStream     *self);
/* Appends one stats sample to the series and the history; updates fps, bitrate, quality and
 * codec. Also the way tests feed figures without a player. */
void _beacon_watched_stream_add_sample     (BeaconWatchedStream     *self,
                                            const BeaconStatsSample *sample);

/* beacon-watched-stream.c: the state setters, also for tests without a server. */
void _beacon_watched_stream_set_status     (BeaconWatchedStream     *self,
                                            BeaconWcsStreamStatus    status,
                                            const char              *info);
void _beacon_watched_stream_set_connected  (BeaconWatchedStream     *self,
                                            gboolean                 connected);
void _beacon_watched_stream_set_quality    (BeaconWatchedStream     *self,
                                            BeaconChannelQuality     quality);
void _beacon_watched_stream_set_figures    (BeaconWatchedStream     *self,
                                            double                   fps,
                                            double                   bitrate,
                                            const char              *codec);

G_END_DECLS
