/* beacon-stream-grid.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "beacon-watched-stream.h"

G_BEGIN_DECLS

/* A reflowing grid of BeaconStreamTiles, one per BeaconWatchedStream of a list model; at
 * least about 280 px per tile, so one column at 360 px. Requests from the tiles (details,
 * remove, move) come out as the grid's signals: the model's owner decides. */

#define BEACON_TYPE_STREAM_GRID (beacon_stream_grid_get_type ())
G_DECLARE_FINAL_TYPE (BeaconStreamGrid, beacon_stream_grid, BEACON, STREAM_GRID, GtkWidget)

GtkWidget  *beacon_stream_grid_new         (void);
GListModel *beacon_stream_grid_get_model   (BeaconStreamGrid *self);
void        beacon_stream_grid_set_model   (BeaconStreamGrid *self,
                                            GListModel       *model);
/* The tile showing the @position-th stream, or %NULL. */
GtkWidget  *beacon_stream_grid_get_tile    (BeaconStreamGrid *self,
                                            guint             position);
/* Moves the keyboard focus to the @position-th tile. */
void        beacon_stream_grid_focus_tile  (BeaconStreamGrid *self,
                                            guint             position);

G_END_DECLS
