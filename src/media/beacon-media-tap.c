/* beacon-media-tap.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-media-tap"

#include "config.h"

#include "beacon-media-tap.h"

static void
tap_clear (gpointer data)
{
  BeaconMediaTap *tap = data;

  if (tap->clear != NULL)
    tap->clear (tap);
  beacon_frame_counter_unref (tap->frames);
  beacon_weak_owner_unref (tap->owner);
}

gpointer
beacon_media_tap_new (gsize               size,
                      BeaconWeakOwner    *owner,
                      BeaconFrameCounter *frames,
                      GDestroyNotify      clear)
{
  BeaconMediaTap *tap;

  g_return_val_if_fail (size >= sizeof (BeaconMediaTap), NULL);

  tap = g_atomic_rc_box_alloc0 (size);
  tap->owner = beacon_weak_owner_ref (owner);
  tap->frames = beacon_frame_counter_ref (frames);
  tap->clear = clear;
  return tap;
}

gpointer
beacon_media_tap_ref (gpointer tap)
{
  return g_atomic_rc_box_acquire (tap);
}

void
beacon_media_tap_unref (gpointer tap)
{
  g_atomic_rc_box_release_full (tap, tap_clear);
}

void
beacon_media_tap_add_probe (gpointer             tap,
                            GstElement          *element,
                            const char          *pad_name,
                            GstPadProbeType      type,
                            GstPadProbeCallback  callback)
{
  g_autoptr(GstPad) pad = gst_element_get_static_pad (element, pad_name);

  gst_pad_add_probe (pad, type, callback, beacon_media_tap_ref (tap), beacon_media_tap_unref);
}
