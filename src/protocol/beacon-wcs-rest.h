/* beacon-wcs-rest.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "beacon-wcs-rest-stream.h"

G_BEGIN_DECLS

/* The WCS REST API for operator views (protocol-reference §10.7): every stream on a
 * server, with metrics, and terminating one. Plain HTTP(S) beside the WebSocket, on
 * port 8081 (http) or 8444 (https) of the same host by default. */

#define BEACON_TYPE_WCS_REST (beacon_wcs_rest_get_type ())

G_DECLARE_FINAL_TYPE (BeaconWcsRest, beacon_wcs_rest, BEACON, WCS_REST, GObject)

/** beacon_wcs_rest_new: a client for the REST API beside the WebSocket at @ws_url (an
 * http:// or https:// @ws_url is taken as the REST address itself). */
BeaconWcsRest *beacon_wcs_rest_new               (const char *ws_url);

/** beacon_wcs_rest_derive_base_url: "http://host:8081" for ws://host…, "https://host:8444"
 * for wss://host…; %NULL when @ws_url is not a WebSocket address. */
char          *beacon_wcs_rest_derive_base_url   (const char *ws_url);

/* Where requests go: scheme, host and port; a trailing "/rest-api" is allowed. */
const char    *beacon_wcs_rest_get_base_url      (BeaconWcsRest *self);
void           beacon_wcs_rest_set_base_url      (BeaconWcsRest *self,
                                                  const char    *base_url);
/* HTTP basic auth; no credentials are sent while the user name is %NULL or empty. */
const char    *beacon_wcs_rest_get_username      (BeaconWcsRest *self);
void           beacon_wcs_rest_set_username      (BeaconWcsRest *self,
                                                  const char    *username);
const char    *beacon_wcs_rest_get_password      (BeaconWcsRest *self);
void           beacon_wcs_rest_set_password      (BeaconWcsRest *self,
                                                  const char    *password);
/* Seconds a request may take, connecting included (0 = no limit; default 10). */
guint          beacon_wcs_rest_get_timeout       (BeaconWcsRest *self);
void           beacon_wcs_rest_set_timeout       (BeaconWcsRest *self,
                                                  guint          seconds);

/** beacon_wcs_rest_find_all_async: POST /rest-api/stream/find_all. The result is every
 * stream on the server; an empty array when there is none (WCS answers 404 then). */
void           beacon_wcs_rest_find_all_async    (BeaconWcsRest       *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
/* Returns: (transfer container) (element-type BeaconWcsRestStream) */
GPtrArray     *beacon_wcs_rest_find_all_finish   (BeaconWcsRest       *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

/** beacon_wcs_rest_find_async: POST /rest-api/stream/find with `display: ["metrics"]`,
 * filtered by @name (may be %NULL) and @published (%TRUE, %FALSE or %BEACON_WCS_UNSET). */
void           beacon_wcs_rest_find_async        (BeaconWcsRest       *self,
                                                  const char          *name,
                                                  int                  published,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
GPtrArray     *beacon_wcs_rest_find_finish       (BeaconWcsRest       *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

/** beacon_wcs_rest_terminate_async: POST /rest-api/stream/terminate; the stream ends with
 * "Stopped by rest /terminate". %BEACON_WCS_ERROR_NOT_FOUND when there is no such stream. */
void           beacon_wcs_rest_terminate_async   (BeaconWcsRest       *self,
                                                  const char          *media_session_id,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean       beacon_wcs_rest_terminate_finish  (BeaconWcsRest       *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
