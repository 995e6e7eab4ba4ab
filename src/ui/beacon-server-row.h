/* beacon-server-row.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "beacon-wcs-rest-stream.h"

G_BEGIN_DECLS

/* One stream on the server, as the REST API lists it: its name, publisher or player, status
 * and figures, with "Watch" (published streams only) and "Terminate…". The row only asks
 * (watch-requested, terminate-requested); the Server page acts. */

#define BEACON_TYPE_SERVER_ROW (beacon_server_row_get_type ())
G_DECLARE_FINAL_TYPE (BeaconServerRow, beacon_server_row, BEACON, SERVER_ROW, AdwActionRow)

GtkWidget                 *beacon_server_row_new                  (const BeaconWcsRestStream *stream);
/* Updates the row in place (focus and filter stay). */
void                       beacon_server_row_set_stream           (BeaconServerRow           *self,
                                                                   const BeaconWcsRestStream *stream);
const BeaconWcsRestStream *beacon_server_row_get_stream           (BeaconServerRow           *self);
const char                *beacon_server_row_get_stream_name      (BeaconServerRow           *self);
gboolean                   beacon_server_row_get_is_publisher     (BeaconServerRow           *self);

/* The buttons, for tests. */
GtkWidget                 *beacon_server_row_get_watch_button     (BeaconServerRow           *self);
GtkWidget                 *beacon_server_row_get_terminate_button (BeaconServerRow           *self);

/* "2.4 Mbit/s", "350 kbit/s"; %NULL for a negative (unknown) rate. */
char                      *beacon_server_row_format_bitrate       (gint64 bits_per_second);
/* "just now", "5 s ago", "3 min ago", "2 h ago", "4 d ago". */
char                      *beacon_server_row_format_age           (gint64 seconds);

G_END_DECLS
