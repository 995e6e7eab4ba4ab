/* beacon-rest-server.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "beacon-local-server.h"
#include "beacon-media-relay.h"

G_BEGIN_DECLS

/* The WCS REST API of `beacon-cli serve` (protocol-reference §10.7), on its own HTTP port
 * as in WCS: `/rest-api/stream/find_all`, `/rest-api/stream/find` (with measured metrics)
 * and `/rest-api/stream/terminate`, answered from the local server's live registry, plus
 * the `GET /?action=stat` text report. */

#define BEACON_TYPE_REST_SERVER (beacon_rest_server_get_type ())

G_DECLARE_FINAL_TYPE (BeaconRestServer, beacon_rest_server, BEACON, REST_SERVER, GObject)

/** beacon_rest_server_new: a stopped REST API for @server; @relay (may be %NULL) supplies
 * the measured metrics. Both are kept alive. */
BeaconRestServer *beacon_rest_server_new        (BeaconLocalServer *server,
                                                 BeaconMediaRelay  *relay);

/** beacon_rest_server_start: listens on @bind_address (%NULL: 127.0.0.1) and @port
 * (0 = any free port; the `port` property then says which). */
gboolean          beacon_rest_server_start      (BeaconRestServer  *self,
                                                 guint              port,
                                                 const char        *bind_address,
                                                 GError           **error);
void              beacon_rest_server_stop       (BeaconRestServer  *self);
gboolean          beacon_rest_server_is_running (BeaconRestServer  *self);

/* The bound port while running, else 0. */
guint             beacon_rest_server_get_port   (BeaconRestServer  *self);
/** beacon_rest_server_dup_url: "http://host:port/rest-api/" for local clients; %NULL when
 * stopped. */
char             *beacon_rest_server_dup_url    (BeaconRestServer  *self);

G_END_DECLS
