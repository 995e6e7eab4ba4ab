/* beacon-wcs-error.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BEACON_WCS_ERROR (beacon_wcs_error_quark ())

typedef enum
{
  BEACON_WCS_ERROR_BAD_URL,          /* not a ws:// or wss:// address */
  BEACON_WCS_ERROR_CONNECT_FAILED,   /* the WebSocket could not be opened */
  BEACON_WCS_ERROR_TIMED_OUT,        /* connect or request deadline passed */
  BEACON_WCS_ERROR_PROTOCOL,         /* the server sent something we cannot use */
  BEACON_WCS_ERROR_FRAME_TOO_LARGE,  /* an incoming frame was over the limit */
  BEACON_WCS_ERROR_SERVER_SILENT,    /* liveness check: no frame for too long */
  BEACON_WCS_ERROR_CLOSED,           /* the session is closed */
  BEACON_WCS_ERROR_NOT_ESTABLISHED,  /* a stream request before getUserData */
  BEACON_WCS_ERROR_INVALID_STATE,    /* the stream cannot do that in its status */
  BEACON_WCS_ERROR_INVALID_ARGUMENT, /* caller input, e.g. custom JSON that is not an object */
  BEACON_WCS_ERROR_UNTRUSTED_CERTIFICATE, /* wss:// peer certificate failed verification */
  BEACON_WCS_ERROR_NOT_FOUND,        /* REST: no stream with that mediaSessionId */
  BEACON_WCS_ERROR_UNAUTHORIZED,     /* REST: credentials missing or refused */
} BeaconWcsError;

GQuark beacon_wcs_error_quark (void);

G_END_DECLS
