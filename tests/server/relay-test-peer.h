/* relay-test-peer.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/gst.h>

#include "beacon-wcs-client.h"
#include "beacon-wcs-stream.h"

G_BEGIN_DECLS

/* A bare webrtcbin client for the relay tests, written from protocol.md §9 alone (not the
 * media layer's publisher/player), so the server is checked against an independent peer:
 * a live test pattern + tone publisher, or a receive-only player counting decoded frames. */

typedef struct
{
  GstElement      *pipeline;
  GstElement      *webrtc;
  BeaconWcsClient *client;
  BeaconWcsStream *stream;
  gboolean         publisher;
  gboolean         decode;        /* player: decode video (else count depayloaded frames) */
  char            *offer;
  char            *answer;        /* as the server sent it, before our a=setup fix */
  char            *error;         /* first failure, for the test's message */
  gboolean         answer_applied;
  gint             frames;        /* atomic: video frames decoded / depayloaded */
  gint             audio_buffers; /* atomic */
  gint             width;         /* atomic, from decoded caps */
  gint             height;
  GPtrArray       *rates;         /* BeaconWcsRateSample, in arrival order */
  int              format_width;  /* from notifyVideoFormat (the stream's size) */
  double           loss;          /* share of video RTP packets dropped */
  gboolean         sliced;        /* publisher: x264 with 4 slices per frame, SMPTE bars */
  gint             probe_luma[2]; /* atomic: luma of the last decoded frame at 2 points */
  guint            video_ssrc;    /* atomic: the SSRC the player's video arrives with */
} TestPeer;

/* @codec: "H264" or "VP8" (publisher); ignored for players. */
TestPeer *test_peer_new_publisher (const char *url,
                                   const char *codec,
                                   int         width,
                                   int         height);
/* The same, dropping @loss (0..1) of its outgoing video RTP packets before they leave, and
 * retransmitting what the server NACKs. */
TestPeer *test_peer_new_lossy_publisher (const char *url,
                                         const char *codec,
                                         int         width,
                                         int         height,
                                         double      loss);
/* A publisher whose encoder cuts each frame into 4 slices (SMPTE colour bars), as
 * multi-threaded and hardware encoders do. */
TestPeer *test_peer_new_sliced_publisher (const char *url,
                                          int         width,
                                          int         height);
TestPeer *test_peer_new_player    (const char *url,
                                   gboolean    decode);
/* Connects, builds the offer and sends publishStream / playStream for @name. */
void      test_peer_start         (TestPeer   *peer,
                                   const char *name);
BeaconWcsStreamStatus test_peer_get_status (TestPeer *peer);
void      test_peer_free          (TestPeer   *peer);

/* Frames counted in the next @seconds of main loop (so fps = result / seconds). */
int       test_peer_count_frames  (TestPeer   *peer,
                                   double      seconds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPeer, test_peer_free)

/* First frames take about 1 s on loopback (notes-media.md); slow CI machines get slack. */
#define MEDIA_DEADLINE_S 20

/* Waits (WAIT_FOR_FULL, beacon-test-wait.h) for @peer to reach @wanted, and fails the test
 * with the server's reason when it ends elsewhere or reports an error instead. */
#define WAIT_STATUS(peer, wanted)                                                        \
  G_STMT_START {                                                                         \
    WAIT_FOR_FULL (test_peer_get_status (peer) == (wanted) || (peer)->error != NULL ||   \
                   beacon_wcs_stream_status_is_terminal (test_peer_get_status (peer)),   \
                   MEDIA_DEADLINE_S, "status " #wanted);                                 \
    g_assert_null ((peer)->error);                                                       \
    if (test_peer_get_status (peer) != (wanted))                                         \
      {                                                                                  \
        g_test_fail_printf ("expected " #wanted ", got status %d (%s)",                  \
                            test_peer_get_status (peer),                                 \
                            beacon_wcs_stream_get_info ((peer)->stream));                \
        return;                                                                          \
      }                                                                                  \
  } G_STMT_END

G_END_DECLS
