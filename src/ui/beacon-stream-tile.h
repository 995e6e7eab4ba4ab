/* beacon-stream-tile.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "beacon-watched-stream.h"

G_BEGIN_DECLS

#define BEACON_TYPE_STREAM_TILE (beacon_stream_tile_get_type ())
G_DECLARE_FINAL_TYPE (BeaconStreamTile, beacon_stream_tile, BEACON, STREAM_TILE, GtkWidget)

GtkWidget           *beacon_stream_tile_new              (BeaconWatchedStream *stream);
BeaconWatchedStream *beacon_stream_tile_get_stream       (BeaconStreamTile    *self);
void                 beacon_stream_tile_set_stream       (BeaconStreamTile    *self,
                                                          BeaconWatchedStream *stream);

/* Opens the tile's menu (Shift+F10 in the grid). */
void                 beacon_stream_tile_popup_menu       (BeaconStreamTile    *self);

/* The badge's words and its colour class ("status-playing", "status-pending",
 * "status-failed", "status-stopped", "status-bad", "status-disconnected") for @stream. */
const char          *beacon_stream_tile_status_label     (BeaconWatchedStream *stream);
const char          *beacon_stream_tile_status_class     (BeaconWatchedStream *stream);
/* The libadwaita colour class ("success", "warning", "error") that goes with a status class,
 * or %NULL for the neutral ones. */
const char          *beacon_stream_tile_status_colour    (const char          *status_class);

/* The widgets that show state, for the detail view and for tests. */
GtkWidget           *beacon_stream_tile_get_status_badge (BeaconStreamTile    *self);
GtkWidget           *beacon_stream_tile_get_quality_indicator (BeaconStreamTile *self);
GtkWidget           *beacon_stream_tile_get_alert_badge  (BeaconStreamTile    *self);

G_END_DECLS
