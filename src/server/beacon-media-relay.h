/* beacon-media-relay.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "beacon-local-server.h"

G_BEGIN_DECLS

/* The media half of `beacon-cli serve`: answers the server's publish and play requests with
 * real WebRTC (one BeaconRelayStream per published name), reports rates every second, and
 * releases media when the server ends a stream. */

#define BEACON_TYPE_MEDIA_RELAY (beacon_media_relay_get_type ())

G_DECLARE_FINAL_TYPE (BeaconMediaRelay, beacon_media_relay, BEACON, MEDIA_RELAY, GObject)

/** beacon_media_relay_new: attaches a relay to @server (which it keeps alive). */
BeaconMediaRelay *beacon_media_relay_new          (BeaconLocalServer *server);

/* Keep `a=setup:active` in answers (off by default, like WCS). */
gboolean          beacon_media_relay_get_add_setup (BeaconMediaRelay *self);
void              beacon_media_relay_set_add_setup (BeaconMediaRelay *self,
                                                    gboolean          add_setup);

/** beacon_media_relay_check_elements: %FALSE with a message naming what is missing. */
gboolean          beacon_media_relay_check_elements (GError **error);

guint             beacon_media_relay_get_n_streams (BeaconMediaRelay *self);

/** beacon_media_relay_dup_last_rate: the last inbound/outboundVideoRate measured for a live
 * stream (publisher or player), or %NULL before the first one. */
BeaconWcsRateSample *beacon_media_relay_dup_last_rate (BeaconMediaRelay *self,
                                                       const char       *media_session_id);

G_END_DECLS
