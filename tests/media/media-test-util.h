/* media-test-util.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/gst.h>
#include <gst/sdp/sdp.h>

#include "beacon-wcs-client.h"
#include "wcs-fake-server.h"

G_BEGIN_DECLS

/* Helpers shared by the publisher, player and end-to-end media tests. */

/* Whether every element in @names is installed; otherwise marks the test skipped. */
gboolean         media_test_have_elements    (const char * const *names);

/* A client connected (ESTABLISHED) to @url, or NULL after failing the test. */
BeaconWcsClient *media_test_connect          (const char *url);

/* The captured WCS answer @fixture_name made to answer @offer_text: the offer's mids (WCS
 * echoes them), and 127.0.0.1 for the server address so no check leaves the machine. */
char            *media_test_fixture_answer   (const char *fixture_name,
                                              const char *offer_text);
/* @text with its two m-line sections in the opposite order. */
char            *media_test_swap_sections    (const char *text);

/* The SDP of the last @method ("publishStream", "playStream") the fake server received,
 * and its mediaSessionId. */
GstSDPMessage   *media_test_last_offer       (WcsFakeServer *server,
                                              const char    *method,
                                              char         **media_session_id);
/* setRemoteSDP / notifyStreamStatusEvent, as WCS sends them. */
void             media_test_send_answer      (WcsFakeServer *server,
                                              const char    *media_session_id,
                                              const char    *sdp);
void             media_test_send_status      (WcsFakeServer *server,
                                              const char    *media_session_id,
                                              const char    *name,
                                              const char    *status,
                                              const char    *info);

/* The first m-line of @sdp for @media ("audio"/"video"), or NULL. */
const GstSDPMedia *media_test_find_media     (const GstSDPMessage *sdp,
                                              const char          *media,
                                              guint               *index);
/* Whether @media has an a=fmtp line for an rtpmap of @encoding containing every one of the
 * ';'-separated @params. */
gboolean         media_test_has_fmtp         (const GstSDPMedia *media,
                                              const char        *encoding,
                                              const char        *params);

G_END_DECLS
