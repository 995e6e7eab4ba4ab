/* beacon-local-session.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* One client WebSocket of BeaconLocalServer: the session handshake (`connection` →
 * `getUserData` → `getVersion`), keep-alive pings, and malformed-frame handling. Stream
 * requests from an established session go out through ::request-received; the server
 * owns the streams. */

#define BEACON_TYPE_LOCAL_SESSION (beacon_local_session_get_type ())

G_DECLARE_FINAL_TYPE (BeaconLocalSession, beacon_local_session, BEACON, LOCAL_SESSION, GObject)

/** beacon_local_session_new: a session on an open server-side @connection. */
BeaconLocalSession *beacon_local_session_new              (SoupWebsocketConnection *connection,
                                                           const char              *auth_token,
                                                           const char              *server_version,
                                                           guint                    ping_interval_s,
                                                           guint                    ping_probes);
/** beacon_local_session_get_auth_token: the WCS session id, "/cip:cport/sip:sport". */
const char         *beacon_local_session_get_auth_token   (BeaconLocalSession *self);
/** beacon_local_session_get_established: whether `connection` has been answered. */
gboolean            beacon_local_session_get_established  (BeaconLocalSession *self);
/** beacon_local_session_is_open: whether frames can still be sent. */
gboolean            beacon_local_session_is_open          (BeaconLocalSession *self);
/** beacon_local_session_send: sends one text frame; dropped once the socket is closing. */
void                beacon_local_session_send             (BeaconLocalSession *self,
                                                           const char         *text);
/** beacon_local_session_close: starts the close handshake; ::closed follows. */
void                beacon_local_session_close            (BeaconLocalSession *self,
                                                           gushort             code,
                                                           const char         *reason);

G_END_DECLS
