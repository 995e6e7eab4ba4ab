/* media-test-util.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/gst.h>
#include <gst/sdp/sdp.h>

#include "beacon-media-peer-private.h"
#include "beacon-wcs-client.h"
#include "wcs-fake-server.h"

G_BEGIN_DECLS

/* Helpers shared by the publisher, player and end-to-end media tests. */

/* Whether every element in @names is installed; otherwise marks the test skipped. */
gboolean         media_test_have_elements    (const char * const *names);

/* A client connected (ESTABLISHED) to @url, or NULL after failing the test. */
BeaconWcsClient *media_test_connect          (const char *url);

/* A scripted server and a client ESTABLISHED on it, for a publisher or player fixture;
 * FALSE (the test skipped or failed) when an element of @needed is missing or the client
 * could not connect. media_test_close releases what it made. */
gboolean         media_test_open             (const char * const *needed,
                                              WcsFakeServer     **server,
                                              BeaconWcsClient   **client);
void             media_test_close            (WcsFakeServer     **server,
                                              BeaconWcsClient   **client);

/* Starts @peer on stream @name and waits for its publishStream or playStream; returns the
 * offer it sent, or NULL after failing the test. */
GstSDPMessage   *media_test_start_and_get_offer (WcsFakeServer    *server,
                                                 BeaconMediaPeer  *peer,
                                                 const char       *name,
                                                 char            **media_session_id,
                                                 gint64           *elapsed_us);
/* Sends the captured WCS answer @fixture_name to @offer (its two sections swapped when
 * @swap) as the server's setRemoteSDP for @media_session_id. */
void             media_test_answer_offer        (WcsFakeServer       *server,
                                                 const char          *media_session_id,
                                                 const GstSDPMessage *offer,
                                                 const char          *fixture_name,
                                                 gboolean             swap);

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

/* What a BeaconPublisher or BeaconPlayer holds while it runs (NULL otherwise). */
#define PEER_PIPELINE(peer) _beacon_media_peer_get_pipeline (BEACON_MEDIA_PEER (peer))
#define PEER_WEBRTC(peer)   _beacon_media_peer_get_webrtc (BEACON_MEDIA_PEER (peer))

G_END_DECLS
