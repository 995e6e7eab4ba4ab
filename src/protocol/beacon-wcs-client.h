/* beacon-wcs-client.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "beacon-protocol-types.h"
#include "beacon-wcs-stream.h"

G_BEGIN_DECLS

#define BEACON_TYPE_WCS_CLIENT (beacon_wcs_client_get_type ())

G_DECLARE_FINAL_TYPE (BeaconWcsClient, beacon_wcs_client, BEACON, WCS_CLIENT, GObject)

/** beacon_wcs_client_new: a client for one WebSocket session with the server at @url. */
BeaconWcsClient *beacon_wcs_client_new                   (const char *url);

/** beacon_wcs_client_check_url: whether @url is a ws:// or wss:// address with a host. */
gboolean         beacon_wcs_client_check_url             (const char *url,
                                                          GError    **error);

const char      *beacon_wcs_client_get_url               (BeaconWcsClient *self);
BeaconWcsState   beacon_wcs_client_get_state             (BeaconWcsClient *self);
const GError    *beacon_wcs_client_get_error             (BeaconWcsClient *self);
const char      *beacon_wcs_client_get_auth_token        (BeaconWcsClient *self);
void             beacon_wcs_client_set_auth_token        (BeaconWcsClient *self,
                                                          const char      *auth_token);
const char      *beacon_wcs_client_get_user_data         (BeaconWcsClient *self);
const char      *beacon_wcs_client_get_server_version    (BeaconWcsClient *self);
const char      *beacon_wcs_client_get_app_key           (BeaconWcsClient *self);
void             beacon_wcs_client_set_app_key           (BeaconWcsClient *self,
                                                          const char      *app_key);
const char      *beacon_wcs_client_get_custom            (BeaconWcsClient *self);
void             beacon_wcs_client_set_custom            (BeaconWcsClient *self,
                                                          const char      *custom_json);
gboolean         beacon_wcs_client_get_keep_alive        (BeaconWcsClient *self);
void             beacon_wcs_client_set_keep_alive        (BeaconWcsClient *self,
                                                          gboolean         keep_alive);
const char      *beacon_wcs_client_get_client_version_info (BeaconWcsClient *self);
void             beacon_wcs_client_set_client_version_info (BeaconWcsClient *self,
                                                            const char      *info);
guint            beacon_wcs_client_get_connect_timeout   (BeaconWcsClient *self);
void             beacon_wcs_client_set_connect_timeout   (BeaconWcsClient *self,
                                                          guint            timeout_ms);
guint            beacon_wcs_client_get_liveness_timeout  (BeaconWcsClient *self);
void             beacon_wcs_client_set_liveness_timeout  (BeaconWcsClient *self,
                                                          guint            timeout_ms);
/* A wss:// certificate the user chose to trust: accepted even when it fails verification. */
GTlsCertificate *beacon_wcs_client_get_tls_pinned_certificate (BeaconWcsClient *self);
void             beacon_wcs_client_set_tls_pinned_certificate (BeaconWcsClient *self,
                                                               GTlsCertificate *certificate);
/** beacon_wcs_client_get_tls_certificate: the server's certificate when it failed
 * verification (pinned or not), else %NULL; tls-errors says why. */
GTlsCertificate *beacon_wcs_client_get_tls_certificate   (BeaconWcsClient *self);
GTlsCertificateFlags beacon_wcs_client_get_tls_errors    (BeaconWcsClient *self);

/** beacon_wcs_client_connect_async: opens the socket, sends `connection`, waits for `getUserData`. */
void             beacon_wcs_client_connect_async         (BeaconWcsClient     *self,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean         beacon_wcs_client_connect_finish        (BeaconWcsClient *self,
                                                          GAsyncResult    *result,
                                                          GError         **error);
/** beacon_wcs_client_disconnect: closes the session normally; its streams end. */
void             beacon_wcs_client_disconnect            (BeaconWcsClient *self);

/** beacon_wcs_client_publish: sends `publishStream` with @offer_sdp for a NEW publish stream. */
gboolean         beacon_wcs_client_publish               (BeaconWcsClient *self,
                                                          BeaconWcsStream *stream,
                                                          const char      *offer_sdp,
                                                          GError         **error);
/** beacon_wcs_client_play: sends `playStream` with @offer_sdp for a NEW play stream. */
gboolean         beacon_wcs_client_play                  (BeaconWcsClient *self,
                                                          BeaconWcsStream *stream,
                                                          const char      *offer_sdp,
                                                          GError         **error);
/** beacon_wcs_client_lookup_stream: the live stream with that mediaSessionId, or %NULL. */
BeaconWcsStream *beacon_wcs_client_lookup_stream         (BeaconWcsClient *self,
                                                          const char      *media_session_id);

/** beacon_wcs_client_check_available_async: asks the server whether @name can be played. */
void             beacon_wcs_client_check_available_async (BeaconWcsClient     *self,
                                                          const char          *name,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
/* Returns %TRUE and sets @available; @info receives the server's reason (may be NULL). */
gboolean         beacon_wcs_client_check_available_finish (BeaconWcsClient *self,
                                                           GAsyncResult    *result,
                                                           gboolean        *available,
                                                           char           **info,
                                                           GError         **error);

G_END_DECLS
