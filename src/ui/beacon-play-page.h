/* beacon-play-page.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "beacon-connection.h"

G_BEGIN_DECLS

/* The operator's multiview: "Add stream", the grid of watched streams, a stream's detail
 * view, and their alerts. The watched streams and their order are kept in GSettings
 * (`watched-streams`) and come back at start-up; they play while the connection is up. */

#define BEACON_TYPE_PLAY_PAGE (beacon_play_page_get_type ())
G_DECLARE_FINAL_TYPE (BeaconPlayPage, beacon_play_page, BEACON, PLAY_PAGE, AdwBin)

GtkWidget        *beacon_play_page_new            (BeaconConnection *connection);
BeaconConnection *beacon_play_page_get_connection (BeaconPlayPage   *self);
/* Checks that @name can be played, then adds it to the grid; or shows the server's reason
 * (also as a toast, since the caller may not be this page's entry). */
void              beacon_play_page_add_stream     (BeaconPlayPage   *self,
                                                   const char       *name);
/* The watched streams (BeaconWatchedStream), in grid order. */
GListModel       *beacon_play_page_get_streams    (BeaconPlayPage   *self);
/* Why the last add failed, as shown under the entry; %NULL when nothing is shown. */
const char       *beacon_play_page_get_message    (BeaconPlayPage   *self);

G_END_DECLS
