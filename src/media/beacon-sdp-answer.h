/* beacon-sdp-answer.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/gst.h>
#include <gst/sdp/sdp.h>

G_BEGIN_DECLS

/* The answering side of WCS's SDP (protocol.md §9, protocol-reference §6.2): choosing what
 * to answer from an offer, and turning webrtcbin's answer into the shape a real WCS sends. */

/**
 * beacon_sdp_pick_payload:
 *
 * Returns the payload type of @media to use for @encoding ("H264", "VP8", "OPUS"; case
 * ignored), or -1 when the m-line offers none. For H.264, packetization-mode=1 with
 * profile-level-id 42e01f comes first, then other mode-1 profiles, then payloads that do
 * not state a mode; mode 0 is never picked.
 */
int       beacon_sdp_pick_payload   (const GstSDPMedia *media,
                                     const char        *encoding);

/**
 * beacon_sdp_get_payload_caps:
 *
 * Returns `application/x-rtp` caps for payload type @pt of @media (encoding, clock rate,
 * fmtp parameters, feedback), fit for a transceiver's codec-preferences, or %NULL.
 */
GstCaps  *beacon_sdp_get_payload_caps (const GstSDPMedia *media,
                                       int                pt);

/**
 * beacon_sdp_shape_wcs_answer:
 * @answer: webrtcbin's local answer, after ICE gathering (it carries the candidates)
 * @offer: the offer it answers
 * @add_setup: keep `a=setup:active` on every m-line (for clients that need a DTLS role)
 *
 * Returns the answer in WCS's shape: `o=Flashphoner …`, `s=Flashphoner/1.0`, no BUNDLE
 * group, `RTP/SAVPF`, each m-line on the port and address of its first host candidate,
 * `a=end-of-candidates`, no `a=setup` (unless @add_setup), no extmap or msid, and the
 * offer's own `a=fmtp` for each payload type both share (webrtcbin drops the H.264
 * profile-level-id, and Chromium stops publishing without it). %NULL with @error set when
 * either text is not SDP or they do not have the same m-lines.
 */
char     *beacon_sdp_shape_wcs_answer (const char *answer,
                                       const char *offer,
                                       gboolean    add_setup,
                                       GError    **error);

/**
 * beacon_sdp_set_sender_ssrcs:
 * @ssrcs: one per m-line of @sdp: the SSRC the server really sends on it, or 0
 * @cname_id: the stream's id for the cname
 *
 * Returns @sdp with each m-line's `a=ssrc`/`a=ssrc-group` lines replaced by the one line a
 * WCS play answer has, `a=ssrc:<n> cname:rtp/<media>/<id>`, for the SSRC that is really
 * sent (webrtcbin announces its own, not the payloader's). %NULL if @sdp is not SDP.
 */
char     *beacon_sdp_set_sender_ssrcs (const char  *sdp,
                                       const guint *ssrcs,
                                       guint        n_ssrcs,
                                       const char  *cname_id);

G_END_DECLS
