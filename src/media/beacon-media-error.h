/* beacon-media-error.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BEACON_MEDIA_ERROR (beacon_media_error_quark ())

typedef enum
{
  BEACON_MEDIA_ERROR_SDP,             /* SDP text that cannot be parsed or has no m-lines */
  BEACON_MEDIA_ERROR_MISSING_ELEMENT, /* a GStreamer element we need is not installed */
  BEACON_MEDIA_ERROR_NEGOTIATION,     /* offer and answer do not fit together */
  BEACON_MEDIA_ERROR_CAMERA_DENIED,   /* the user refused the camera portal's request */
  BEACON_MEDIA_ERROR_CAMERA_PORTAL,   /* the camera portal is missing or failed */
} BeaconMediaError;

GQuark beacon_media_error_quark (void);

G_END_DECLS
