/* beacon-media-tap.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/gst.h>

#include "beacon-webrtc-util.h"

G_BEGIN_DECLS

/* A tap is what one run's streaming-thread probes and handlers share with the main thread:
 * a reference-counted struct that starts with a BeaconMediaTap, followed by the owner's own
 * fields. Each probe holds a reference, so the tap outlives a pipeline being torn down. */
typedef struct
{
  BeaconWeakOwner    *owner;    /* to hop to the main thread with */
  BeaconFrameCounter *frames;   /* encoded or decoded video frames */
  GDestroyNotify      clear;    /* frees the owner's fields, or NULL */
} BeaconMediaTap;

/**
 * beacon_media_tap_new:
 * @size: the size of the whole struct, at least sizeof (BeaconMediaTap)
 *
 * A zeroed tap holding references to @owner and @frames; @clear runs on the last unref.
 */
gpointer beacon_media_tap_new       (gsize                size,
                                     BeaconWeakOwner     *owner,
                                     BeaconFrameCounter  *frames,
                                     GDestroyNotify       clear);
gpointer beacon_media_tap_ref       (gpointer             tap);
void     beacon_media_tap_unref     (gpointer             tap);

/** beacon_media_tap_add_probe: a probe on @element's static @pad_name holding @tap. */
void     beacon_media_tap_add_probe (gpointer             tap,
                                     GstElement          *element,
                                     const char          *pad_name,
                                     GstPadProbeType      type,
                                     GstPadProbeCallback  callback);

G_END_DECLS
