/* beacon-main-hop.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

/* GStreamer calls us on its streaming and webrtcbin threads; our GObjects live on the main
 * thread (style B5). A hop carries a copy of what was seen there to a function on the
 * object's main context, holding a reference to the object until it has run. */

typedef void (*BeaconMainHopFunc) (gpointer      object,
                                   GstStructure *data);

/**
 * beacon_main_hop:
 * @context: the main context to run @func on (the object's thread-default one)
 * @object: a GObject, kept alive until @func has run
 * @data: (nullable): copied; @func gets the copy (or %NULL), which is freed afterwards
 */
void        beacon_main_hop         (GMainContext       *context,
                                     gpointer            object,
                                     BeaconMainHopFunc   func,
                                     const GstStructure *data);

/**
 * beacon_main_hop_promise_new:
 *
 * A GstPromise whose reply reaches @func on @context: the reply structure (%NULL for a
 * successful reply without one, as set-*-description gives), or a structure named
 * "interrupted" when the promise was interrupted or expired.
 */
GstPromise *beacon_main_hop_promise_new (GMainContext      *context,
                                         gpointer           object,
                                         BeaconMainHopFunc  func);

G_END_DECLS
