/* beacon-watched-stream.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "beacon-media-types.h"
#include "beacon-metric-series.h"
#include "beacon-player.h"

G_BEGIN_DECLS

/* The figures a watched stream keeps as chart series. Counters (NACK, PLI, lost packets) are
 * kept per second, not as running totals, so a chart shows when trouble happened. */
typedef enum
{
  BEACON_WATCHED_METRIC_FPS,
  BEACON_WATCHED_METRIC_BITRATE,
  BEACON_WATCHED_METRIC_NACK,
  BEACON_WATCHED_METRIC_PLI,
  BEACON_WATCHED_METRIC_LOST,
} BeaconWatchedMetric;

#define BEACON_WATCHED_N_METRICS 5

/* Who measured a figure: this player (webrtcbin's stats) or the server (outboundVideoRate). */
typedef enum
{
  BEACON_WATCHED_SIDE_LOCAL,
  BEACON_WATCHED_SIDE_SERVER,
} BeaconWatchedSide;

typedef enum
{
  BEACON_WATCHED_SPAN_MINUTE,        /* the last 60 s */
  BEACON_WATCHED_SPAN_FIVE_MINUTES,  /* the last 5 min */
} BeaconWatchedSpan;

#define BEACON_TYPE_WATCHED_STREAM (beacon_watched_stream_get_type ())
G_DECLARE_FINAL_TYPE (BeaconWatchedStream, beacon_watched_stream, BEACON, WATCHED_STREAM, GObject)

BeaconWatchedStream  *beacon_watched_stream_new              (const char *name);

const char           *beacon_watched_stream_get_name         (BeaconWatchedStream *self);
/* The session to play in; %NULL while disconnected. Plays start when it is ESTABLISHED. */
BeaconWcsClient      *beacon_watched_stream_get_client       (BeaconWatchedStream *self);
void                  beacon_watched_stream_set_client       (BeaconWatchedStream *self,
                                                              BeaconWcsClient     *client);

/* Read-only state. */
BeaconWcsStreamStatus beacon_watched_stream_get_status       (BeaconWatchedStream *self);
gboolean              beacon_watched_stream_get_connected    (BeaconWatchedStream *self);
gboolean              beacon_watched_stream_get_active       (BeaconWatchedStream *self);
const char           *beacon_watched_stream_get_info         (BeaconWatchedStream *self);
const char           *beacon_watched_stream_get_codec        (BeaconWatchedStream *self);
int                   beacon_watched_stream_get_width        (BeaconWatchedStream *self);
int                   beacon_watched_stream_get_height       (BeaconWatchedStream *self);
const char           *beacon_watched_stream_get_decoder_name (BeaconWatchedStream *self);
const char           *beacon_watched_stream_get_sink_name    (BeaconWatchedStream *self);
BeaconChannelQuality  beacon_watched_stream_get_quality      (BeaconWatchedStream *self);
double                beacon_watched_stream_get_fps          (BeaconWatchedStream *self);
double                beacon_watched_stream_get_bitrate      (BeaconWatchedStream *self);
GdkPaintable         *beacon_watched_stream_get_paintable    (BeaconWatchedStream *self);
BeaconPlayer         *beacon_watched_stream_get_player       (BeaconWatchedStream *self);
guint64               beacon_watched_stream_get_frames_rendered (BeaconWatchedStream *self);

/* Raised by BeaconAlerts, cleared by it or by restart. */
gboolean              beacon_watched_stream_get_alert        (BeaconWatchedStream *self);
const char           *beacon_watched_stream_get_alert_reason (BeaconWatchedStream *self);
void                  beacon_watched_stream_set_alert        (BeaconWatchedStream *self,
                                                              gboolean             alert,
                                                              const char          *reason);

BeaconMetricSeries   *beacon_watched_stream_get_series       (BeaconWatchedStream *self,
                                                              BeaconWatchedMetric  metric,
                                                              BeaconWatchedSide    side,
                                                              BeaconWatchedSpan    span);
/* The last 5 min of figures: a header line, then one line per second. */
char                 *beacon_watched_stream_dup_metrics_csv  (BeaconWatchedStream *self);
/* What "Copy Stream Info" puts on the clipboard. */
char                 *beacon_watched_stream_dup_info_text    (BeaconWatchedStream *self);

void                  beacon_watched_stream_start            (BeaconWatchedStream *self);
void                  beacon_watched_stream_stop             (BeaconWatchedStream *self);
void                  beacon_watched_stream_restart          (BeaconWatchedStream *self);

G_END_DECLS
