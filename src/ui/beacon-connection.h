/* beacon-connection.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "beacon-wcs-client.h"

G_BEGIN_DECLS

/* The app's one server session, shared by the pages: a remote WCS, or Beacon's own local
 * test server started in-process on a free loopback port. */

#define BEACON_TYPE_CONNECTION (beacon_connection_get_type ())

G_DECLARE_FINAL_TYPE (BeaconConnection, beacon_connection, BEACON, CONNECTION, GObject)

BeaconConnection *beacon_connection_new                (void);

/* %NULL unless a session is open or opening. */
BeaconWcsClient  *beacon_connection_get_client         (BeaconConnection *self);
/* NEW until the first connect; DISCONNECTED or FAILED after a session ends. */
BeaconWcsState    beacon_connection_get_state          (BeaconConnection *self);
const char       *beacon_connection_get_url            (BeaconConnection *self);
gboolean          beacon_connection_get_is_local       (BeaconConnection *self);
const char       *beacon_connection_get_server_version (BeaconConnection *self);
/* One line for the header bar: "Local test server", "media.example.com:8443, WCS 5.2.1"… */
const char       *beacon_connection_get_summary        (BeaconConnection *self);
/* Why the last connect failed or the session ended, in words for the user; else %NULL. */
const char       *beacon_connection_get_error_message  (BeaconConnection *self);
/* The certificate a wss:// server presented and that failed verification, until the next
 * connect; the UI may offer to trust it with beacon_connection_trust_certificate(). */
GTlsCertificate  *beacon_connection_get_untrusted_certificate (BeaconConnection *self);

void              beacon_connection_connect_async      (BeaconConnection    *self,
                                                        const char          *url,
                                                        const char          *app_key,
                                                        const char          *custom_json,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean          beacon_connection_connect_finish     (BeaconConnection *self,
                                                        GAsyncResult     *result,
                                                        GError          **error);
/* Idempotent: while the local server runs (or starts), another call joins that session. */
void              beacon_connection_start_local_async  (BeaconConnection    *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean          beacon_connection_start_local_finish (BeaconConnection *self,
                                                        GAsyncResult     *result,
                                                        GError          **error);
/* The server's REST API (the Server view's list): for the local test server the address of
 * its in-process REST API; for a remote one the override if set, else derived from the
 * WebSocket address (same host, port 8081 for ws://, 8444 for wss://). %NULL while no
 * session is open or opening. */
const char       *beacon_connection_get_rest_url          (BeaconConnection *self);
const char       *beacon_connection_get_rest_url_override (BeaconConnection *self);
/* HTTP basic auth for the REST API; %NULL when none is set. */
const char       *beacon_connection_get_rest_username     (BeaconConnection *self);
const char       *beacon_connection_get_rest_password     (BeaconConnection *self);
/* Sets the current remote server's REST address override and credentials (%NULL or empty:
 * none) and keeps them in the keyring for that server, where the next session to it finds
 * them. Ignored for the local test server, which needs none. */
void              beacon_connection_set_rest_settings     (BeaconConnection *self,
                                                           const char       *url_override,
                                                           const char       *username,
                                                           const char       *password);

/* Closes the session and stops the local server; pending connects end CANCELLED. */
void              beacon_connection_disconnect         (BeaconConnection *self);

/* Pins the untrusted certificate for the current url's origin (GSettings
 * `pinned-certificates`); the next connect there accepts it. */
gboolean          beacon_connection_trust_certificate  (BeaconConnection *self,
                                                        GError          **error);

/* "wss://host:port" for @url (the default port filled in), or %NULL if it is no address. */
char             *beacon_connection_dup_origin         (const char *url);
/* The SHA-256 of the certificate's DER form as colon-separated hex pairs. */
char             *beacon_connection_dup_fingerprint    (GTlsCertificate *certificate);

G_END_DECLS
