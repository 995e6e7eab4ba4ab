/* test-stats-sample.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The get-stats parser, on structures built by hand in the shape webrtcbin 1.22 replies
 * with (field names and types copied from a real reply, see notes-media.md). */

#include "config.h"

#include <gst/webrtc/webrtc.h>
#include <math.h>

#include "beacon-stats-sample.h"

#define VIDEO_SSRC 1635215289u
#define AUDIO_SSRC 3753434979u

static void
add_entry (GstStructure *stats,
           GstStructure *entry)
{
  const char *id = gst_structure_get_string (entry, "id");

  gst_structure_set (stats, id, GST_TYPE_STRUCTURE, entry, NULL);
  gst_structure_free (entry);
}

static GstStructure *
rtpsource (const char *first_field,
           ...)
{
  GstStructure *s = gst_structure_new_empty ("application/x-rtp-source-stats");
  va_list args;

  va_start (args, first_field);
  gst_structure_set_valist (s, first_field, args);
  va_end (args);
  return s;
}

/* A publisher's reply: audio and video outbound-rtp with their remote-inbound-rtp, and
 * webrtcbin's bugs: remote packets-lost -1, and (under bundle) a wrong kind — the audio
 * stream claims to be video, so only the SSRC can tell them apart. */
static GstStructure *
make_sending_stats (guint64 video_bytes,
                    guint   nack,
                    guint   pli)
{
  GstStructure *stats = gst_structure_new_empty ("application/x-webrtc-stats");
  GstStructure *source = rtpsource ("have-rb", G_TYPE_BOOLEAN, TRUE,
                                    "rb-packetslost", G_TYPE_INT, 7, NULL);

  add_entry (stats, gst_structure_new ("outbound-rtp",
    "type", GST_TYPE_WEBRTC_STATS_TYPE, GST_WEBRTC_STATS_OUTBOUND_RTP,
    "id", G_TYPE_STRING, "rtp-outbound-stream-stats_3753434979",
    "ssrc", G_TYPE_UINT, AUDIO_SSRC,
    "kind", G_TYPE_STRING, "video",
    "bytes-sent", G_TYPE_UINT64, (guint64) 999999,
    "packets-sent", G_TYPE_UINT64, (guint64) 5000,
    "nack-count", G_TYPE_UINT, 99,
    "pli-count", G_TYPE_UINT, 99,
    NULL));
  add_entry (stats, gst_structure_new ("outbound-rtp",
    "type", GST_TYPE_WEBRTC_STATS_TYPE, GST_WEBRTC_STATS_OUTBOUND_RTP,
    "id", G_TYPE_STRING, "rtp-outbound-stream-stats_1635215289",
    "ssrc", G_TYPE_UINT, VIDEO_SSRC,
    "kind", G_TYPE_STRING, "video",
    "bytes-sent", G_TYPE_UINT64, video_bytes,
    "packets-sent", G_TYPE_UINT64, (guint64) 128,
    "nack-count", G_TYPE_UINT, nack,
    "pli-count", G_TYPE_UINT, pli,
    "fir-count", G_TYPE_UINT, 0,
    "remote-id", G_TYPE_STRING, "rtp-remote-inbound-stream-stats_1635215289",
    "gst-rtpsource-stats", GST_TYPE_STRUCTURE, source,
    NULL));
  add_entry (stats, gst_structure_new ("remote-inbound-rtp",
    "type", GST_TYPE_WEBRTC_STATS_TYPE, GST_WEBRTC_STATS_REMOTE_INBOUND_RTP,
    "id", G_TYPE_STRING, "rtp-remote-inbound-stream-stats_1635215289",
    "local-id", G_TYPE_STRING, "rtp-outbound-stream-stats_1635215289",
    "ssrc", G_TYPE_UINT, VIDEO_SSRC,
    "packets-lost", G_TYPE_INT64, (gint64) -1,
    "fraction-lost", G_TYPE_DOUBLE, 0.0,
    "jitter", G_TYPE_DOUBLE, 0.004,
    "round-trip-time", G_TYPE_DOUBLE, 0.0125,
    NULL));
  gst_structure_free (source);
  return stats;
}

static GstStructure *
make_receiving_stats (guint64 video_bytes,
                      int     source_lost)
{
  GstStructure *stats = gst_structure_new_empty ("application/x-webrtc-stats");
  GstStructure *source = rtpsource ("packets-lost", G_TYPE_INT, source_lost, NULL);

  add_entry (stats, gst_structure_new ("codec",
    "type", GST_TYPE_WEBRTC_STATS_TYPE, GST_WEBRTC_STATS_CODEC,
    "id", G_TYPE_STRING, "codec-stats-src_1",
    "mime-type", G_TYPE_STRING, "video/H264",
    NULL));
  add_entry (stats, gst_structure_new ("inbound-rtp",
    "type", GST_TYPE_WEBRTC_STATS_TYPE, GST_WEBRTC_STATS_INBOUND_RTP,
    "id", G_TYPE_STRING, "rtp-inbound-stream-stats_618045840",
    "ssrc", G_TYPE_UINT, AUDIO_SSRC,
    "kind", G_TYPE_STRING, "audio",
    "bytes-received", G_TYPE_UINT64, (guint64) 14329,
    NULL));
  /* No kind: the codec's media type says video. */
  add_entry (stats, gst_structure_new ("inbound-rtp",
    "type", GST_TYPE_WEBRTC_STATS_TYPE, GST_WEBRTC_STATS_INBOUND_RTP,
    "id", G_TYPE_STRING, "rtp-inbound-stream-stats_3802164951",
    "ssrc", G_TYPE_UINT, VIDEO_SSRC,
    "codec-id", G_TYPE_STRING, "codec-stats-src_1",
    "packets-received", G_TYPE_UINT64, (guint64) 56,
    "bytes-received", G_TYPE_UINT64, video_bytes,
    "jitter", G_TYPE_DOUBLE, 0.0005,
    "nack-count", G_TYPE_UINT, 3,
    "pli-count", G_TYPE_UINT, 1,
    "remote-id", G_TYPE_STRING, "rtp-remote-outbound-stream-stats_3802164951",
    "gst-rtpsource-stats", GST_TYPE_STRUCTURE, source,
    NULL));
  gst_structure_free (source);
  return stats;
}

static void
test_new (void)
{
  g_autoptr(BeaconStatsSample) sample = beacon_stats_sample_new ();
  g_autoptr(BeaconStatsSample) copy = NULL;

  g_assert_true (isnan (sample->fps));
  g_assert_true (isnan (sample->bitrate_kbps));
  g_assert_cmpint (sample->packets_lost, ==, -1);
  g_assert_cmpint (sample->server_bitrate, ==, -1);
  g_assert_cmpint (sample->quality, ==, BEACON_CHANNEL_QUALITY_UNKNOWN);

  sample->video_codec = g_strdup ("H264");
  sample->decoder = g_strdup ("avdec_h264");
  copy = beacon_stats_sample_copy (sample);
  g_assert_cmpstr (copy->video_codec, ==, "H264");
  g_assert_true (copy->video_codec != sample->video_codec);
  g_assert_cmpstr (copy->decoder, ==, "avdec_h264");
  g_assert_true (G_TYPE_IS_BOXED (BEACON_TYPE_STATS_SAMPLE));
}

static void
test_sending (void)
{
  g_autoptr(GstStructure) first = make_sending_stats (100000, 0, 0);
  g_autoptr(GstStructure) second = make_sending_stats (225000, 2, 1);
  g_autoptr(BeaconStatsSample) previous = beacon_stats_sample_new ();
  g_autoptr(BeaconStatsSample) sample = beacon_stats_sample_new ();

  previous->time_ms = 1000000;
  g_assert_true (beacon_stats_sample_update_from_webrtc (previous, NULL, first, VIDEO_SSRC,
                                                         BEACON_STATS_SENDING));
  g_assert_cmpuint (previous->video_bytes, ==, 100000);
  /* No earlier sample: no bitrate yet. */
  g_assert_true (isnan (previous->bitrate_kbps));

  sample->time_ms = 1001000;
  g_assert_true (beacon_stats_sample_update_from_webrtc (sample, previous, second, VIDEO_SSRC,
                                                         BEACON_STATS_SENDING));
  /* The video SSRC's figures, not the audio stream's that claims to be video. */
  g_assert_cmpuint (sample->video_bytes, ==, 225000);
  g_assert_cmpuint (sample->video_packets, ==, 128);
  g_assert_cmpint (sample->nack, ==, 2);
  g_assert_cmpint (sample->pli, ==, 1);
  /* 125000 bytes in one second: 1000 kbit/s. */
  g_assert_cmpfloat_with_epsilon (sample->bitrate_kbps, 1000.0, 0.001);
  g_assert_cmpfloat_with_epsilon (sample->rtt_ms, 12.5, 0.001);
  g_assert_cmpfloat_with_epsilon (sample->jitter_ms, 4.0, 0.001);
  /* remote packets-lost is -1 in 1.22: the receiver report's count is used instead. */
  g_assert_cmpint (sample->packets_lost, ==, 7);
}

static void
test_receiving (void)
{
  g_autoptr(GstStructure) first = make_receiving_stats (50000, 4);
  g_autoptr(GstStructure) second = make_receiving_stats (80000, -1);
  g_autoptr(BeaconStatsSample) previous = beacon_stats_sample_new ();
  g_autoptr(BeaconStatsSample) sample = beacon_stats_sample_new ();

  previous->time_ms = 5000;
  g_assert_true (beacon_stats_sample_update_from_webrtc (previous, NULL, first, VIDEO_SSRC,
                                                         BEACON_STATS_RECEIVING));
  g_assert_cmpint (previous->packets_lost, ==, 4);

  sample->time_ms = 5500;
  g_assert_true (beacon_stats_sample_update_from_webrtc (sample, previous, second, VIDEO_SSRC,
                                                         BEACON_STATS_RECEIVING));
  g_assert_cmpuint (sample->video_bytes, ==, 80000);
  /* 30000 bytes in half a second: 480 kbit/s. */
  g_assert_cmpfloat_with_epsilon (sample->bitrate_kbps, 480.0, 0.001);
  g_assert_cmpint (sample->nack, ==, 3);
  g_assert_cmpint (sample->pli, ==, 1);
  g_assert_cmpfloat_with_epsilon (sample->jitter_ms, 0.5, 0.001);
  /* Duplicates made rtpsource's count negative: that is no loss. */
  g_assert_cmpint (sample->packets_lost, ==, 0);
  g_assert_true (isnan (sample->rtt_ms));
}

static void
test_find_ssrc (void)
{
  g_autoptr(GstStructure) receiving = make_receiving_stats (1, 0);
  g_autoptr(GstStructure) empty = gst_structure_new_empty ("application/x-webrtc-stats");
  g_autoptr(BeaconStatsSample) sample = beacon_stats_sample_new ();

  /* By the codec's media type when there is no kind. */
  g_assert_cmpuint (beacon_stats_sample_find_video_ssrc (receiving, BEACON_STATS_RECEIVING), ==,
                    VIDEO_SSRC);
  g_assert_cmpuint (beacon_stats_sample_find_video_ssrc (receiving, BEACON_STATS_SENDING), ==, 0);
  /* SSRC 0: found the same way. */
  g_assert_true (beacon_stats_sample_update_from_webrtc (sample, NULL, receiving, 0,
                                                         BEACON_STATS_RECEIVING));
  g_assert_cmpuint (sample->video_bytes, ==, 1);

  /* Nothing sent yet, or an SSRC the reply does not have. */
  g_assert_false (beacon_stats_sample_update_from_webrtc (sample, NULL, empty, VIDEO_SSRC,
                                                          BEACON_STATS_SENDING));
  g_assert_false (beacon_stats_sample_update_from_webrtc (sample, NULL, receiving, 42,
                                                          BEACON_STATS_RECEIVING));
}

static void
test_counter_reset (void)
{
  g_autoptr(GstStructure) before = make_sending_stats (900000, 0, 0);
  g_autoptr(GstStructure) after = make_sending_stats (1000, 0, 0);
  g_autoptr(BeaconStatsSample) previous = beacon_stats_sample_new ();
  g_autoptr(BeaconStatsSample) sample = beacon_stats_sample_new ();

  /* A new webrtcbin (restart) starts its counters at zero: no negative bitrate. */
  previous->time_ms = 1000;
  beacon_stats_sample_update_from_webrtc (previous, NULL, before, VIDEO_SSRC,
                                          BEACON_STATS_SENDING);
  sample->time_ms = 2000;
  beacon_stats_sample_update_from_webrtc (sample, previous, after, VIDEO_SSRC,
                                          BEACON_STATS_SENDING);
  g_assert_true (isnan (sample->bitrate_kbps));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gst_init (NULL, NULL);

  g_test_add_func ("/beacon/media/stats-sample/new", test_new);
  g_test_add_func ("/beacon/media/stats-sample/sending", test_sending);
  g_test_add_func ("/beacon/media/stats-sample/receiving", test_receiving);
  g_test_add_func ("/beacon/media/stats-sample/find-ssrc", test_find_ssrc);
  g_test_add_func ("/beacon/media/stats-sample/counter-reset", test_counter_reset);

  return g_test_run ();
}
