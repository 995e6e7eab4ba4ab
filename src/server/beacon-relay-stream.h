/* beacon-relay-stream.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "beacon-local-server.h"

G_BEGIN_DECLS

/* One published stream and everyone watching it: a pipeline holding the publisher's
 * webrtcbin, a depayloader and a tee per track, and one branch + webrtcbin per player.
 * Media is relayed without transcoding (depayload → tee → payload), so a player gets the
 * publisher's own frames; keyframe requests travel back upstream to the publisher. It talks
 * to the server itself: answers, PLAYING/PUBLISHING, rates, failures. */

#define BEACON_TYPE_RELAY_STREAM (beacon_relay_stream_get_type ())

G_DECLARE_FINAL_TYPE (BeaconRelayStream, beacon_relay_stream, BEACON, RELAY_STREAM, GObject)

/**
 * beacon_relay_stream_new:
 *
 * Starts answering the publisher's @offer. Returns %NULL with @error set when the offer
 * has nothing this relay carries (H.264 packetization-mode 1 or VP8 video, Opus audio) or
 * webrtcbin is missing; the caller fails the stream with the error's message.
 */
BeaconRelayStream *beacon_relay_stream_new            (BeaconLocalServer *server,
                                                       const char        *media_session_id,
                                                       const char        *name,
                                                       const char        *offer,
                                                       gboolean           add_setup,
                                                       GError           **error);
const char        *beacon_relay_stream_get_name       (BeaconRelayStream *self);
const char        *beacon_relay_stream_get_publisher_id (BeaconRelayStream *self);

/** beacon_relay_stream_add_player: answers a player's offer (failures go to the server). */
void               beacon_relay_stream_add_player     (BeaconRelayStream *self,
                                                       const char        *media_session_id,
                                                       const char        *offer);
/** beacon_relay_stream_remove_player: detaches a player; %FALSE if it is not ours. */
gboolean           beacon_relay_stream_remove_player  (BeaconRelayStream *self,
                                                       const char        *media_session_id);
guint              beacon_relay_stream_get_n_players  (BeaconRelayStream *self);

/** beacon_relay_stream_dup_last_rate: the last rate sample sent for the publisher or one of
 * the players, or %NULL. */
BeaconWcsRateSample *beacon_relay_stream_dup_last_rate (BeaconRelayStream *self,
                                                        const char        *media_session_id);

/** beacon_relay_stream_tick: once a second: measure and send inbound/outboundVideoRate. */
void               beacon_relay_stream_tick           (BeaconRelayStream *self);

/** beacon_relay_stream_shutdown: stops everything (the server has ended the streams). */
void               beacon_relay_stream_shutdown       (BeaconRelayStream *self);

G_END_DECLS
