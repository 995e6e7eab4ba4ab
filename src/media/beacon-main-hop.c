/* beacon-main-hop.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "beacon-main-hop.h"

typedef struct
{
  GMainContext      *context;
  gpointer           object;
  BeaconMainHopFunc  func;
  GstStructure      *data;
} Hop;

static Hop *
hop_new (GMainContext      *context,
         gpointer           object,
         BeaconMainHopFunc  func)
{
  Hop *hop = g_new0 (Hop, 1);

  hop->context = g_main_context_ref (context);
  hop->object = g_object_ref (object);
  hop->func = func;
  return hop;
}

static void
hop_free (gpointer user_data)
{
  Hop *hop = user_data;

  g_clear_pointer (&hop->data, gst_structure_free);
  g_object_unref (hop->object);
  g_main_context_unref (hop->context);
  g_free (hop);
}

static gboolean
hop_run (gpointer user_data)
{
  Hop *hop = user_data;

  hop->func (hop->object, hop->data);
  return G_SOURCE_REMOVE;
}

static void
hop_dispatch (Hop                *hop,
              const GstStructure *data)
{
  hop->data = data ? gst_structure_copy (data) : NULL;
  g_main_context_invoke_full (hop->context, G_PRIORITY_DEFAULT, hop_run, hop, hop_free);
}

void
beacon_main_hop (GMainContext       *context,
                 gpointer            object,
                 BeaconMainHopFunc   func,
                 const GstStructure *data)
{
  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (func != NULL);

  hop_dispatch (hop_new (context, object, func), data);
}

static void
on_promise_changed (GstPromise *promise,
                    gpointer    user_data)
{
  Hop *template = user_data;
  /* Already resolved here, so this returns at once; it is waiting on another promise from
   * a promise callback that deadlocks (notes-media.md). */
  GstPromiseResult result = gst_promise_wait (promise);
  g_autoptr(GstStructure) interrupted = NULL;
  const GstStructure *reply = NULL;

  if (result == GST_PROMISE_RESULT_REPLIED)
    reply = gst_promise_get_reply (promise);
  else
    reply = interrupted = gst_structure_new_empty ("interrupted");
  hop_dispatch (hop_new (template->context, template->object, template->func), reply);
  /* The caller's reference (webrtcbin holds its own while it works), as in GStreamer's
   * webrtc examples, which unref the promise in its callback. */
  gst_promise_unref (promise);
}

GstPromise *
beacon_main_hop_promise_new (GMainContext      *context,
                             gpointer           object,
                             BeaconMainHopFunc  func)
{
  g_return_val_if_fail (G_IS_OBJECT (object), NULL);
  g_return_val_if_fail (func != NULL, NULL);

  return gst_promise_new_with_change_func (on_promise_changed, hop_new (context, object, func),
                                           hop_free);
}
