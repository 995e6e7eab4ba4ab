/* beacon-connect-page.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "beacon-connection.h"

G_BEGIN_DECLS

#define BEACON_TYPE_CONNECT_PAGE (beacon_connect_page_get_type ())

G_DECLARE_FINAL_TYPE (BeaconConnectPage, beacon_connect_page, BEACON, CONNECT_PAGE, AdwBin)

GtkWidget        *beacon_connect_page_new            (BeaconConnection *connection);

BeaconConnection *beacon_connect_page_get_connection (BeaconConnectPage *self);

/* Fills the fields and connects; with @app_key %NULL, the key and custom fields stored in
 * the keyring for that server are used when there are any. */
void              beacon_connect_page_connect        (BeaconConnectPage *self,
                                                      const char        *url,
                                                      const char        *app_key);
void              beacon_connect_page_start_local    (BeaconConnectPage *self);

G_END_DECLS
