/* beacon-server-page.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "beacon-connection.h"
#include "beacon-play-page.h"
#include "beacon-server-row.h"

G_BEGIN_DECLS

/* The operator's Server view: every stream on the server, from its REST API (the
 * connection's rest-url), refreshed every few seconds while the page is shown; a filter by
 * name; "Watch" adds a stream to the play page and shows it; "Terminate…" ends a stream
 * after a confirmation. Problems with the REST API are shown in the page. */

#define BEACON_TYPE_SERVER_PAGE (beacon_server_page_get_type ())
G_DECLARE_FINAL_TYPE (BeaconServerPage, beacon_server_page, BEACON, SERVER_PAGE, AdwBin)

GtkWidget        *beacon_server_page_new               (BeaconConnection *connection);
BeaconConnection *beacon_server_page_get_connection    (BeaconServerPage *self);
/* Where "Watch" adds streams (borrowed: a sibling page). */
BeaconPlayPage   *beacon_server_page_get_play_page     (BeaconServerPage *self);
void              beacon_server_page_set_play_page     (BeaconServerPage *self,
                                                        BeaconPlayPage   *play_page);
/* Seconds between refreshes while the page is mapped (default 3). */
guint             beacon_server_page_get_refresh_interval (BeaconServerPage *self);
void              beacon_server_page_set_refresh_interval (BeaconServerPage *self,
                                                           guint             seconds);
/* What the page says is wrong with the REST API, or %NULL. */
const char       *beacon_server_page_get_error_message (BeaconServerPage *self);
/* Asks the server now (once a request in flight has finished). */
void              beacon_server_page_refresh           (BeaconServerPage *self);

/* The rows, in list order, and how many the filter lets through; for tests. */
guint             beacon_server_page_get_n_rows        (BeaconServerPage *self);
BeaconServerRow  *beacon_server_page_get_row           (BeaconServerPage *self,
                                                        guint             index);
guint             beacon_server_page_get_n_shown       (BeaconServerPage *self);

G_END_DECLS
