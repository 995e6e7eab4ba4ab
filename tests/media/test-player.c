/* test-player.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* BeaconPlayer against a scripted WCS server: its receive-only offer, the real WCS play
 * answer applied through its answer path (and a swapped one refused), and that stopping
 * leaves no GStreamer object behind. Decoding is covered by test-media-e2e. */

#include "config.h"

#include <string.h>

#include "beacon-media-error.h"
#include "beacon-player-private.h"
#include "media-test-util.h"

typedef struct
{
  WcsFakeServer   *server;
  BeaconWcsClient *client;
  BeaconPlayer    *player;
} Fixture;

static const char * const needed[] = {
  "webrtcbin", "nicesrc", "nicesink", "dtlssrtpenc", "rtpopusdepay", "opusdec",
  "rtph264depay", "h264parse", "rtpvp8depay", NULL
};

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  if (!media_test_open (needed, &fixture->server, &fixture->client))
    return;
  fixture->player = beacon_player_new (fixture->client);
  beacon_player_set_audio (fixture->player, FALSE);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->player != NULL)
    g_assert_finalize_object (fixture->player);
  media_test_close (&fixture->server, &fixture->client);
}

static GstSDPMessage *
start_and_get_offer (Fixture  *fixture,
                     char    **media_session_id,
                     gint64   *elapsed_us)
{
  return media_test_start_and_get_offer (fixture->server, BEACON_MEDIA_PEER (fixture->player),
                                         "cam1", media_session_id, elapsed_us);
}

static void
test_offer (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GstSDPMessage) offer = NULL;
  const GstSDPMedia *audio;
  const GstSDPMedia *video;
  JsonObject *request;
  gint64 elapsed = 0;
  guint audio_index = 99;
  guint video_index = 99;
  int latency = 0;

  if (fixture->player == NULL)
    return;

  offer = start_and_get_offer (fixture, NULL, &elapsed);
  if (offer == NULL)
    return;
  g_test_message ("playStream went out %" G_GINT64_FORMAT " ms after start", elapsed / 1000);
  /* No waiting for ICE gathering (protocol.md §9 rule 3). */
  g_assert_cmpint (elapsed, <, 1200 * G_TIME_SPAN_MILLISECOND);

  request = wcs_fake_server_last (fixture->server, "playStream");
  g_assert_cmpstr (json_object_get_string_member (request, "name"), ==, "cam1");
  g_assert_false (json_object_get_boolean_member (request, "published"));

  g_assert_cmpuint (gst_sdp_message_medias_len (offer), ==, 2);
  audio = media_test_find_media (offer, "audio", &audio_index);
  video = media_test_find_media (offer, "video", &video_index);
  g_assert_cmpuint (audio_index, ==, 0);
  g_assert_cmpuint (video_index, ==, 1);
  g_assert_nonnull (gst_sdp_media_get_attribute_val (audio, "recvonly"));
  g_assert_nonnull (gst_sdp_media_get_attribute_val (video, "recvonly"));
  /* Opus with its channel count (OPUS/48000/2), H.264 as WCS wants it, and VP8. */
  g_assert_true (media_test_has_fmtp (audio, "OPUS", ""));
  g_assert_nonnull (strstr (gst_sdp_media_get_attribute_val (audio, "rtpmap"), "/48000/2"));
  g_assert_true (media_test_has_fmtp (video, "H264",
                                      "packetization-mode=1;profile-level-id=42e01f"));
  g_assert_true (media_test_has_fmtp (video, "VP8", ""));

  g_object_get (PEER_WEBRTC (fixture->player), "latency", &latency, NULL);
  g_assert_cmpint (latency, ==, 50);
  g_assert_cmpint (beacon_player_get_status (fixture->player), ==,
                   BEACON_WCS_STREAM_STATUS_PENDING);
}

static void
test_fixture_answer (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GstSDPMessage) offer = NULL;
  g_autofree char *id = NULL;

  if (fixture->player == NULL)
    return;

  offer = start_and_get_offer (fixture, &id, NULL);
  if (offer == NULL)
    return;
  media_test_answer_offer (fixture->server, id, offer, "wcs-answer-play.sdp", FALSE);

  WAIT_FOR (beacon_player_get_negotiated_video_codec (fixture->player) != NULL ||
            beacon_player_get_error (fixture->player) != NULL,
            "the player to apply the WCS answer");
  g_assert_no_error ((GError *) beacon_player_get_error (fixture->player));
  g_assert_cmpstr (beacon_player_get_negotiated_video_codec (fixture->player), ==, "H264");
  g_assert_cmpstr (beacon_player_get_negotiated_audio_codec (fixture->player), ==, "opus");
  /* The play answer's a=ssrc line names the video stream for the stats. */
  g_assert_cmpuint (_beacon_media_peer_get_video_ssrc (BEACON_MEDIA_PEER (fixture->player)), ==,
                    1329233369);

  media_test_send_status (fixture->server, id, "cam1", "PLAYING", NULL);
  WAIT_FOR (beacon_player_get_status (fixture->player) == BEACON_WCS_STREAM_STATUS_PLAYING,
            "the status to mirror PLAYING");

  /* The server ends the stream: the player lets go of its media at once. */
  media_test_send_status (fixture->server, id, "cam1", "STOPPED", "Stopped by publisher stop");
  WAIT_FOR (beacon_player_get_status (fixture->player) == BEACON_WCS_STREAM_STATUS_STOPPED,
            "the status to mirror STOPPED");
  g_assert_null (PEER_PIPELINE (fixture->player));
  g_assert_cmpuint (wcs_fake_server_count (fixture->server, "stopStream"), ==, 0);
}

static void
test_swapped_answer (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GstSDPMessage) offer = NULL;
  g_autofree char *id = NULL;
  const GError *error;

  if (fixture->player == NULL)
    return;

  offer = start_and_get_offer (fixture, &id, NULL);
  if (offer == NULL)
    return;
  media_test_answer_offer (fixture->server, id, offer, "wcs-answer-play.sdp", TRUE);

  WAIT_FOR (beacon_player_get_error (fixture->player) != NULL,
            "the player to refuse the swapped answer");
  error = beacon_player_get_error (fixture->player);
  g_test_message ("refused: %s", error->message);
  g_assert_error ((GError *) error, BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_NEGOTIATION);
  WAIT_FOR (wcs_fake_server_count (fixture->server, "stopStream") == 1,
            "stopStream after a refused answer");
  g_assert_null (PEER_PIPELINE (fixture->player));
}

static void
test_stop_releases_media (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GstSDPMessage) offer = NULL;
  gpointer pipeline;
  gpointer webrtc;

  if (fixture->player == NULL)
    return;

  offer = start_and_get_offer (fixture, NULL, NULL);
  if (offer == NULL)
    return;

  pipeline = PEER_PIPELINE (fixture->player);
  webrtc = PEER_WEBRTC (fixture->player);
  g_object_add_weak_pointer (pipeline, &pipeline);
  g_object_add_weak_pointer (webrtc, &webrtc);

  beacon_player_stop (fixture->player);
  WAIT_FOR (wcs_fake_server_count (fixture->server, "stopStream") == 1, "stopStream after stop");
  /* Replies already on their way hold webrtcbin until they land on the main context. */
  WAIT_FOR (pipeline == NULL && webrtc == NULL, "the pipeline and webrtcbin to be finalized");
}

static void
test_settings (Fixture       *fixture,
               gconstpointer  data)
{
  if (fixture->player == NULL)
    return;

  /* The jitterbuffer stays at or under 100 ms. */
  beacon_player_set_latency (fixture->player, 500);
  g_assert_cmpuint (beacon_player_get_latency (fixture->player), ==, 100);
  g_assert_cmpint (beacon_player_get_first_frame_ms (fixture->player), ==, -1);
  g_assert_cmpint (beacon_player_get_width (fixture->player), ==, 0);
  g_assert_false (beacon_player_get_latency_stats (fixture->player, NULL, NULL, NULL, NULL));
  g_assert_null (beacon_player_get_decoder_name (fixture->player));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gst_init (NULL, NULL);

#define ADD(path, func) \
  g_test_add ("/beacon/media/player/" path, Fixture, NULL, fixture_setup, func, \
              fixture_teardown)
  ADD ("offer", test_offer);
  ADD ("fixture-answer", test_fixture_answer);
  ADD ("swapped-answer", test_swapped_answer);
  ADD ("stop-releases-media", test_stop_releases_media);
  ADD ("settings", test_settings);
#undef ADD

  return g_test_run ();
}
