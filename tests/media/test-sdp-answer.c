/* test-sdp-answer.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "beacon-sdp-answer.h"

/* Chromium's video m-line, shortened: VP8 first, H.264 in mode 1 (42001f, 42e01f) and 0. */
#define CHROME_VIDEO \
  "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n" \
  "m=video 9 UDP/TLS/RTP/SAVPF 96 102 106 127\r\n" \
  "c=IN IP4 0.0.0.0\r\n" \
  "a=mid:1\r\n" \
  "a=rtpmap:96 VP8/90000\r\n" \
  "a=rtpmap:102 H264/90000\r\n" \
  "a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f\r\n" \
  "a=rtpmap:106 H264/90000\r\n" \
  "a=fmtp:106 level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=42e01f\r\n" \
  "a=rtpmap:127 H264/90000\r\n" \
  "a=fmtp:127 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f\r\n"

#define OFFER \
  "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\n" \
  "m=video 9 UDP/TLS/RTP/SAVPF 127\r\n" \
  "c=IN IP4 0.0.0.0\r\n" \
  "a=setup:actpass\r\na=mid:0\r\na=sendonly\r\n" \
  "a=rtpmap:127 H264/90000\r\n" \
  "a=fmtp:127 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f\r\n"

/* What webrtcbin answers: BUNDLE, a=setup, no profile-level-id, candidates. */
#define WEBRTCBIN_ANSWER \
  "v=0\r\no=- 7 0 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\n" \
  "a=ice-options:trickle\r\n" \
  "m=video 9 UDP/TLS/RTP/SAVPF 127\r\n" \
  "c=IN IP4 0.0.0.0\r\n" \
  "a=setup:active\r\na=mid:0\r\na=recvonly\r\na=rtcp-mux\r\n" \
  "a=extmap:1 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time\r\n" \
  "a=rtpmap:127 H264/90000\r\n" \
  "a=fmtp:127 packetization-mode=1\r\n" \
  "a=candidate:1 1 UDP 2015363327 127.0.0.1 40000 typ host\r\n" \
  "a=candidate:2 1 TCP 1015021823 127.0.0.1 9 typ host tcptype active\r\n"

static const GstSDPMedia *
first_media (GstSDPMessage **sdp,
             const char     *text)
{
  g_assert_cmpint (gst_sdp_message_new_from_text (text, sdp), ==, GST_SDP_OK);
  return gst_sdp_message_get_media (*sdp, 0);
}

static void
test_pick_payload (void)
{
  g_autoptr(GstSDPMessage) sdp = NULL;
  const GstSDPMedia *media = first_media (&sdp, CHROME_VIDEO);

  /* 42e01f in mode 1, although VP8 and another H.264 come first. */
  g_assert_cmpint (beacon_sdp_pick_payload (media, "H264"), ==, 127);
  g_assert_cmpint (beacon_sdp_pick_payload (media, "h264"), ==, 127);
  g_assert_cmpint (beacon_sdp_pick_payload (media, "VP8"), ==, 96);
  g_assert_cmpint (beacon_sdp_pick_payload (media, "OPUS"), ==, -1);
}

static void
test_payload_caps (void)
{
  g_autoptr(GstSDPMessage) sdp = NULL;
  const GstSDPMedia *media = first_media (&sdp, CHROME_VIDEO);
  g_autoptr(GstCaps) caps = beacon_sdp_get_payload_caps (media, 127);
  const GstStructure *s;

  g_assert_nonnull (caps);
  s = gst_caps_get_structure (caps, 0);
  g_assert_true (gst_structure_has_name (s, "application/x-rtp"));
  g_assert_cmpstr (gst_structure_get_string (s, "encoding-name"), ==, "H264");
  /* GstSDP turns profile-level-id 42e01f into its caps name. */
  g_assert_cmpstr (gst_structure_get_string (s, "profile"), ==, "constrained-baseline");
  g_assert_cmpstr (gst_structure_get_string (s, "packetization-mode"), ==, "1");
  g_assert_null (beacon_sdp_get_payload_caps (media, -1));
}

static void
test_shape (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shaped = beacon_sdp_shape_wcs_answer (WEBRTCBIN_ANSWER, OFFER, FALSE, &error);

  g_assert_no_error (error);
  g_assert_null (strstr (shaped, "a=group"));
  g_assert_null (strstr (shaped, "a=setup"));
  g_assert_null (strstr (shaped, "a=extmap"));
  g_assert_null (strstr (shaped, "a=ice-options"));
  g_assert_nonnull (strstr (shaped, "o=Flashphoner 0 "));
  g_assert_nonnull (strstr (shaped, "s=Flashphoner/1.0"));
  /* The m-line carries the first host candidate's port, as WCS's do. */
  g_assert_nonnull (strstr (shaped, "m=video 40000 RTP/SAVPF 127"));
  g_assert_nonnull (strstr (shaped, "c=IN IP4 127.0.0.1"));
  /* The offer's own fmtp (Chromium stops publishing without profile-level-id). */
  g_assert_nonnull (strstr (shaped, "a=fmtp:127 level-asymmetry-allowed=1;packetization-mode=1;"
                                    "profile-level-id=42e01f"));
  /* end-of-candidates right after the last candidate. */
  g_assert_nonnull (strstr (shaped, "tcptype active\r\na=end-of-candidates\r\n"));
}

static void
test_shape_with_setup (void)
{
  g_autofree char *shaped = beacon_sdp_shape_wcs_answer (WEBRTCBIN_ANSWER, OFFER, TRUE, NULL);

  g_assert_nonnull (strstr (shaped, "a=setup:active"));
}

static void
test_shape_bad_input (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (beacon_sdp_shape_wcs_answer ("", OFFER, FALSE, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* Two m-lines against one. */
  g_assert_null (beacon_sdp_shape_wcs_answer (WEBRTCBIN_ANSWER, CHROME_VIDEO
                                              "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n", FALSE,
                                              &error));
  g_assert_nonnull (error);
}

static void
test_sender_ssrcs (void)
{
  const guint ssrcs[] = { 1234 };
  g_autofree char *with = NULL;
  g_autofree char *without = NULL;
  const char *answer =
    "v=0\r\no=- 1 0 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"
    "m=video 9 UDP/TLS/RTP/SAVPF 127\r\nc=IN IP4 0.0.0.0\r\na=sendonly\r\n"
    "a=ssrc-group:FID 0 99\r\na=ssrc:99 cname:user1@host\r\na=ssrc:99 msid:x y\r\n";

  with = beacon_sdp_set_sender_ssrcs (answer, ssrcs, 1, "abc");
  g_assert_nonnull (strstr (with, "a=ssrc:1234 cname:rtp/video/abc\r\n"));
  g_assert_null (strstr (with, "a=ssrc:99"));
  g_assert_null (strstr (with, "ssrc-group"));
  without = beacon_sdp_set_sender_ssrcs (answer, NULL, 0, "abc");
  g_assert_null (strstr (without, "a=ssrc"));
  g_assert_null (beacon_sdp_set_sender_ssrcs ("", ssrcs, 1, "abc"));
}

int
main (int   argc,
      char *argv[])
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/beacon/media/sdp-answer/pick-payload", test_pick_payload);
  g_test_add_func ("/beacon/media/sdp-answer/payload-caps", test_payload_caps);
  g_test_add_func ("/beacon/media/sdp-answer/shape", test_shape);
  g_test_add_func ("/beacon/media/sdp-answer/shape-with-setup", test_shape_with_setup);
  g_test_add_func ("/beacon/media/sdp-answer/shape-bad-input", test_shape_bad_input);
  g_test_add_func ("/beacon/media/sdp-answer/sender-ssrcs", test_sender_ssrcs);
  return g_test_run ();
}
