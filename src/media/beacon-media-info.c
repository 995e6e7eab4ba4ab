/* beacon-media-info.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-media-info"

#include "config.h"

#include <gst/gst.h>

#include "beacon-media-info.h"

char *
beacon_media_dup_client_version_info (void)
{
  guint major, minor, micro, nano;

  /* Server operators read clientBrowserVersion to tell clients apart; the GStreamer
   * version is what decides WebRTC behaviour on our side. */
  gst_version (&major, &minor, &micro, &nano);
  return g_strdup_printf ("Beacon/%s GStreamer/%u.%u.%u", PACKAGE_VERSION, major, minor, micro);
}
