/* beacon-camera-portal.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Camera access inside the Flatpak sandbox: the xdg-desktop-portal Camera interface asks
 * the user and hands back a PipeWire connection that sees only the cameras. Outside the
 * sandbox the device monitor finds the cameras itself. */

/**
 * beacon_camera_portal_is_sandboxed:
 *
 * Whether camera access must go through the portal: /.flatpak-info exists, or the
 * environment has BEACON_FORCE_CAMERA_PORTAL=1 (for tests).
 */
gboolean beacon_camera_portal_is_sandboxed (void);

/**
 * beacon_camera_portal_open_async:
 * @connection: (nullable): the bus the portal is on; %NULL for the session bus
 *
 * Asks the portal for the camera (the user may be asked first) and then for a PipeWire
 * remote. The callback runs in the thread-default main context of this call.
 */
void     beacon_camera_portal_open_async   (GDBusConnection     *connection,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);

/**
 * beacon_camera_portal_open_finish:
 *
 * Returns: a PipeWire remote fd the caller owns (for pipewiresrc's fd), or -1 with a
 * BEACON_MEDIA_ERROR: CAMERA_DENIED when the user said no, MISSING_ELEMENT when there is no
 * camera, CAMERA_PORTAL when the portal could not be used; or G_IO_ERROR_CANCELLED.
 */
int      beacon_camera_portal_open_finish  (GAsyncResult        *result,
                                            GError             **error);

G_END_DECLS
