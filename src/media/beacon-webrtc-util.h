/* beacon-webrtc-util.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/gst.h>
#include <gst/sdp/sdp.h>
#include <gst/webrtc/webrtc.h>

G_BEGIN_DECLS

/* What BeaconPublisher and BeaconPlayer share around webrtcbin: its setup for a WCS server,
 * the offer/answer steps with their checks, get-stats, and the hop from webrtcbin's and the
 * streaming threads to the owner's main context. */

/* A thread-safe, reference-counted weak pointer to a media object and the main context it
 * lives on. Threads that must report to the object hold one of these, never the object. */
typedef struct _BeaconWeakOwner BeaconWeakOwner;

typedef void (*BeaconHopFunc) (gpointer owner,
                               gpointer data);

/** beacon_weak_owner_new: for @owner, on the thread-default main context of the caller. */
BeaconWeakOwner *beacon_weak_owner_new   (gpointer         owner);
BeaconWeakOwner *beacon_weak_owner_ref   (BeaconWeakOwner *self);
void             beacon_weak_owner_unref (BeaconWeakOwner *self);

/**
 * beacon_weak_owner_hop:
 *
 * Calls @func (owner, @data) from an idle source on the owner's main context, unless the
 * owner has been finalized by then; @data_free runs in every case. Safe from any thread, and
 * never runs @func synchronously.
 */
void             beacon_weak_owner_hop   (BeaconWeakOwner *self,
                                          BeaconHopFunc    func,
                                          gpointer         data,
                                          GDestroyNotify   data_free);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BeaconWeakOwner, beacon_weak_owner_unref)

/* Every callback below runs on the owner's main context, and only while the owner lives;
 * @webrtc is the element the request was made on, so an owner that has replaced its
 * webrtcbin since can tell a late reply from a current one. */

/** beacon_webrtc_url_is_loopback: whether @url's host is 127.0.0.0/8, ::1 or localhost. */
gboolean    beacon_webrtc_url_is_loopback   (const char *url);

/**
 * beacon_webrtc_check_elements:
 * @names: %NULL-terminated factory names
 *
 * Returns %FALSE with BEACON_MEDIA_ERROR_MISSING_ELEMENT naming the first missing element
 * and the package that has it.
 */
gboolean    beacon_webrtc_check_elements    (const char * const *names,
                                             GError            **error);

/**
 * beacon_webrtc_make:
 *
 * Returns a new webrtcbin (floating) set up for a WCS server at @server_url: no bundle, no
 * STUN, no UPnP, and for a loopback server only the 127.0.0.1 address over UDP.
 */
GstElement *beacon_webrtc_make              (const char *name,
                                             const char *server_url,
                                             GError    **error);

/** beacon_webrtc_add_transceiver: add-transceiver with @caps_string; returns a new reference. */
GstWebRTCRTPTransceiver *beacon_webrtc_add_transceiver (GstElement                      *webrtc,
                                                        GstWebRTCRTPTransceiverDirection direction,
                                                        const char                      *caps_string);

/* @offer is %NULL exactly when @error is set. */
typedef void (*BeaconWebrtcOfferFunc) (gpointer             owner,
                                       GstElement          *webrtc,
                                       const GstSDPMessage *offer,
                                       const GError        *error);

/**
 * beacon_webrtc_create_offer:
 *
 * create-offer, then set-local-description straight away, and @func with the offer as soon
 * as create-offer replies: nothing waits for ICE gathering (protocol.md §9, rule 3). If
 * set-local-description fails afterwards, @func runs a second time with the error.
 */
void        beacon_webrtc_create_offer      (GstElement           *webrtc,
                                             BeaconWeakOwner      *owner,
                                             BeaconWebrtcOfferFunc func);

/* On success @answer is the remote description as applied and @error %NULL. */
typedef void (*BeaconWebrtcAnswerFunc) (gpointer             owner,
                                        GstElement          *webrtc,
                                        const GstSDPMessage *answer,
                                        const GError        *error);

/**
 * beacon_webrtc_apply_answer:
 *
 * Adapts a WCS answer (beacon_sdp_adapt_wcs_answer), applies it with set-remote-description
 * and checks what webrtcbin 1.22 does not: the reply's error, that the answer's m-lines match
 * the offer's kinds (beacon_sdp_check_mlines_match), and that every transceiver kept its kind
 * and mid. Errors are BEACON_MEDIA_ERROR_SDP or _NEGOTIATION.
 */
void        beacon_webrtc_apply_answer      (GstElement            *webrtc,
                                             BeaconWeakOwner       *owner,
                                             const char            *answer_text,
                                             BeaconWebrtcAnswerFunc func);

typedef void (*BeaconWebrtcStatsFunc) (gpointer            owner,
                                       GstElement         *webrtc,
                                       const GstStructure *stats,
                                       guint               tag);

/** beacon_webrtc_get_stats: get-stats; @func gets a copy of the reply and @tag back. */
void        beacon_webrtc_get_stats         (GstElement           *webrtc,
                                             BeaconWeakOwner      *owner,
                                             BeaconWebrtcStatsFunc func,
                                             guint                 tag);

/** beacon_webrtc_sdp_get_ssrc: the first a=ssrc of the first @media m-line, or 0. */
guint       beacon_webrtc_sdp_get_ssrc      (const GstSDPMessage *sdp,
                                             const char          *media);

/* Frames counted on a streaming thread (a pad probe after the encoder or decoder) and read
 * on the main thread once a second. Reference-counted so that a probe can hold it. */
typedef struct _BeaconFrameCounter BeaconFrameCounter;

BeaconFrameCounter *beacon_frame_counter_new   (void);
BeaconFrameCounter *beacon_frame_counter_ref   (BeaconFrameCounter *self);
void                beacon_frame_counter_unref (BeaconFrameCounter *self);
/** beacon_frame_counter_restart: zero frames, and time the first frame from now. */
void                beacon_frame_counter_restart (BeaconFrameCounter *self);
/** beacon_frame_counter_add: counts one frame (any thread); %TRUE for the first one. */
gboolean            beacon_frame_counter_add   (BeaconFrameCounter *self);
/* @first_frame_ms: ms from restart to the first frame, or -1 before it. */
void                beacon_frame_counter_read  (BeaconFrameCounter *self,
                                                guint64            *frames,
                                                gint64             *first_frame_ms);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BeaconFrameCounter, beacon_frame_counter_unref)

G_END_DECLS
