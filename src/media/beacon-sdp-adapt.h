/* beacon-sdp-adapt.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/sdp/sdp.h>

G_BEGIN_DECLS

/**
 * beacon_sdp_adapt_wcs_answer:
 *
 * Returns a copy of the WCS answer @sdp_text with `a=setup:active` on every m-line that has
 * no DTLS role, so webrtcbin accepts it; %NULL with @error set if it is not usable SDP.
 */
char     *beacon_sdp_adapt_wcs_answer   (const char          *sdp_text,
                                         GError             **error);

/**
 * beacon_sdp_get_codec:
 *
 * Returns the encoding name of the first payload type of the first @media ("audio" or
 * "video") m-line of @sdp, which is the codec a WCS answer selects, or %NULL if there is none.
 */
char     *beacon_sdp_get_codec          (const GstSDPMessage *sdp,
                                         const char          *media);

/**
 * beacon_sdp_check_mlines_match:
 *
 * Returns %TRUE if @answer has as many m-lines as @offer with the same media kind at each
 * index, and %FALSE with @error set otherwise.
 */
gboolean  beacon_sdp_check_mlines_match (const GstSDPMessage *offer,
                                         const GstSDPMessage *answer,
                                         GError             **error);

G_END_DECLS
