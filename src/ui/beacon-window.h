/* beacon-window.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "beacon-connection.h"

G_BEGIN_DECLS

#define BEACON_TYPE_WINDOW (beacon_window_get_type ())

G_DECLARE_FINAL_TYPE (BeaconWindow, beacon_window, BEACON, WINDOW, AdwApplicationWindow)

BeaconWindow     *beacon_window_new             (GtkApplication   *application,
                                                 BeaconConnection *connection);

BeaconConnection *beacon_window_get_connection  (BeaconWindow *self);
void              beacon_window_show_toast      (BeaconWindow *self,
                                                 const char   *text);
/* "connect", "publish", "play" or "server". */
void              beacon_window_show_page       (BeaconWindow *self,
                                                 const char   *name);

/* Fills the Connect page (secrets from the keyring when @app_key is %NULL) and connects. */
void              beacon_window_connect         (BeaconWindow *self,
                                                 const char   *url,
                                                 const char   *app_key);
void              beacon_window_start_local     (BeaconWindow *self);
/* Once the session is established: publish the test source as @name and play it back. */
void              beacon_window_start_demo      (BeaconWindow *self,
                                                 const char   *name);
/* Once the session is established, and the demo (if it is starting) publishes: add @name
 * to the Play grid. */
void              beacon_window_play            (BeaconWindow *self,
                                                 const char   *name);

/** beacon_window_save_screenshot: a PNG of the window as its last frame drew it.
 * %G_IO_ERROR_NOT_INITIALIZED while there is none to take (not shown yet, or changed since
 * the last frame and not drawn again yet). */
gboolean          beacon_window_save_screenshot (BeaconWindow *self,
                                                 const char   *path,
                                                 GError      **error);
/* The same, taken right after the next frame that can give one (a few seconds at most). */
void              beacon_window_save_screenshot_async  (BeaconWindow        *self,
                                                        const char          *path,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean          beacon_window_save_screenshot_finish (BeaconWindow  *self,
                                                        GAsyncResult  *result,
                                                        GError       **error);

G_END_DECLS
