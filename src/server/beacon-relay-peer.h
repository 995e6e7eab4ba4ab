/* beacon-relay-peer.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

/* The server's end of one client's WebRTC connection: a webrtcbin inside a relay pipeline
 * that answers the client's offer in WCS's shape (no BUNDLE, no a=setup, its own host
 * candidates in the SDP), and reports when the connection works or fails. What flows
 * through it is the relay stream's business. Lives on the main thread. */

#define BEACON_TYPE_RELAY_PEER (beacon_relay_peer_get_type ())

G_DECLARE_FINAL_TYPE (BeaconRelayPeer, beacon_relay_peer, BEACON, RELAY_PEER, GObject)

/**
 * beacon_relay_peer_new:
 * @pipeline: the relay pipeline the peer's webrtcbin joins (already PLAYING or not)
 * @bind_address: the server's listening address; ICE offers host candidates on it only
 *   (all interfaces for 0.0.0.0 / ::)
 * @add_setup: keep `a=setup:active` in the answer
 */
BeaconRelayPeer *beacon_relay_peer_new           (GstBin     *pipeline,
                                                  const char *media_session_id,
                                                  const char *offer_sdp,
                                                  const char *bind_address,
                                                  gboolean    add_setup);
GstElement      *beacon_relay_peer_get_webrtcbin (BeaconRelayPeer *self);
const char      *beacon_relay_peer_get_offer     (BeaconRelayPeer *self);

/**
 * beacon_relay_peer_negotiate:
 *
 * Applies the offer, answers it, waits (bounded) for ICE gathering, and emits
 * ::answer-ready with the WCS-shaped answer, or ::failed. Call once the webrtcbin has the
 * transceivers or sink pads the answer needs.
 */
void             beacon_relay_peer_negotiate     (BeaconRelayPeer *self);

/** beacon_relay_peer_request_stats: get-stats; the result arrives as ::stats. */
void             beacon_relay_peer_request_stats (BeaconRelayPeer *self);

/** beacon_relay_peer_shutdown: stops the webrtcbin and takes it out of the pipeline. */
void             beacon_relay_peer_shutdown      (BeaconRelayPeer *self);

G_END_DECLS
