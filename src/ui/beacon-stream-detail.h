/* beacon-stream-detail.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "beacon-watched-stream.h"

G_BEGIN_DECLS

/* One watched stream, large: its video, and charts of fps, bitrate, NACK, PLI and lost
 * packets over the last minute or five, this computer's figures beside the server's. */

#define BEACON_TYPE_STREAM_DETAIL (beacon_stream_detail_get_type ())
G_DECLARE_FINAL_TYPE (BeaconStreamDetail, beacon_stream_detail, BEACON, STREAM_DETAIL, GtkWidget)

GtkWidget           *beacon_stream_detail_new        (void);
BeaconWatchedStream *beacon_stream_detail_get_stream (BeaconStreamDetail  *self);
void                 beacon_stream_detail_set_stream (BeaconStreamDetail  *self,
                                                      BeaconWatchedStream *stream);
BeaconWatchedSpan    beacon_stream_detail_get_span   (BeaconStreamDetail  *self);
void                 beacon_stream_detail_set_span   (BeaconStreamDetail  *self,
                                                      BeaconWatchedSpan    span);
/* The chart of @metric, for tests. */
GtkWidget           *beacon_stream_detail_get_chart  (BeaconStreamDetail  *self,
                                                      BeaconWatchedMetric  metric);

G_END_DECLS
