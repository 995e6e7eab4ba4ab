/* test-relay.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The media relay end to end: real BeaconLocalServer + BeaconMediaRelay, real WebSockets,
 * real webrtcbin on both sides, on 127.0.0.1. */

#include "config.h"

#include <string.h>

#include "beacon-local-server.h"
#include "beacon-media-relay.h"
#include "beacon-test-wait.h"
#include "beacon-wcs-error.h"
#include "relay-test-peer.h"

typedef struct
{
  BeaconLocalServer *server;
  BeaconMediaRelay  *relay;
  char              *url;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->server = beacon_local_server_new ();
  beacon_local_server_set_port (fixture->server, 0);
  g_assert_true (beacon_local_server_start (fixture->server, &error));
  g_assert_no_error (error);
  fixture->relay = beacon_media_relay_new (fixture->server);
  fixture->url = beacon_local_server_dup_url (fixture->server);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  beacon_local_server_stop (fixture->server);
  g_clear_object (&fixture->relay);
  g_clear_object (&fixture->server);
  g_free (fixture->url);
}

/* protocol.md §9: what a real WCS answer looks like, and so must ours. */
static void
assert_wcs_shape (const char *answer)
{
  g_assert_nonnull (answer);
  g_assert_null (strstr (answer, "a=group:BUNDLE"));
  g_assert_null (strstr (answer, "a=setup"));
  g_assert_nonnull (strstr (answer, "s=Flashphoner/1.0"));
  g_assert_nonnull (strstr (answer, "RTP/SAVPF"));
  g_assert_null (strstr (answer, "UDP/TLS/RTP/SAVPF"));
  g_assert_nonnull (strstr (answer, "a=end-of-candidates"));
  g_assert_nonnull (strstr (answer, "127.0.0.1"));
  g_assert_null (strstr (answer, "a=extmap"));
}

static void
check_relay (Fixture    *fixture,
             const char *codec)
{
  g_autoptr(TestPeer) publisher = test_peer_new_publisher (fixture->url, codec, 320, 240);
  g_autoptr(TestPeer) player = test_peer_new_player (fixture->url, TRUE);
  const BeaconWcsRateSample *rate;
  int frames;

  test_peer_start (publisher, "cam");
  g_assert_null (publisher->error);
  WAIT_STATUS (publisher, BEACON_WCS_STREAM_STATUS_PUBLISHING);
  assert_wcs_shape (publisher->answer);
  g_assert_nonnull (strstr (publisher->answer, "a=recvonly"));
  g_assert_cmpstr (beacon_wcs_stream_get_video_codec (publisher->stream), ==, codec);
  g_assert_cmpstr (beacon_wcs_stream_get_audio_codec (publisher->stream), ==, "opus");

  test_peer_start (player, "cam");
  g_assert_null (player->error);
  WAIT_STATUS (player, BEACON_WCS_STREAM_STATUS_PLAYING);
  assert_wcs_shape (player->answer);
  g_assert_nonnull (strstr (player->answer, "a=sendonly"));
  g_assert_cmpstr (beacon_wcs_stream_get_video_codec (player->stream), ==, codec);

  WAIT_FOR_FULL (g_atomic_int_get (&player->frames) > 0, MEDIA_DEADLINE_S, "a first decoded frame");
  /* The answer names the SSRC the video really comes with (browsers bind <video> to it),
   * in WCS's form, and nothing else. */
  {
    g_autofree char *line = g_strdup_printf ("a=ssrc:%u cname:rtp/video/%s\r\n",
                                             (guint) g_atomic_int_get (&player->video_ssrc),
                                             beacon_wcs_stream_get_media_session_id (player->stream));

    g_assert_nonnull (strstr (player->answer, line));
    g_assert_null (strstr (player->answer, "a=ssrc-group"));
  }
  frames = test_peer_count_frames (player, 3.0);
  g_test_message ("%s: %d frames decoded in 3 s", codec, frames);
  g_assert_cmpint (frames, >=, 25 * 3);
  g_assert_cmpint (g_atomic_int_get (&player->width), ==, 320);
  g_assert_cmpint (g_atomic_int_get (&player->height), ==, 240);
  g_assert_cmpint (g_atomic_int_get (&player->audio_buffers), >, 0);
  /* notifyVideoFormat told the player the published size. */
  g_assert_cmpint (player->format_width, ==, 320);

  /* Measured rates, once primed: non-zero bitrate and about 30 fps both ways. */
  WAIT_FOR_FULL (publisher->rates->len >= 3 && player->rates->len >= 3, 10,
                 "three rate reports each");
  rate = g_ptr_array_index (publisher->rates, publisher->rates->len - 1);
  g_test_message ("inbound: %" G_GINT64_FORMAT " bps, %.1f fps", rate->video_rate, rate->fps);
  g_assert_cmpint (rate->direction, ==, BEACON_WCS_RATE_INBOUND);
  g_assert_cmpint (rate->video_rate, >, 50000);
  g_assert_cmpfloat (rate->fps, >, 20);
  g_assert_cmpint (rate->width, ==, 320);
  rate = g_ptr_array_index (player->rates, player->rates->len - 1);
  g_test_message ("outbound: %" G_GINT64_FORMAT " bps, %.1f fps", rate->video_rate, rate->fps);
  g_assert_cmpint (rate->direction, ==, BEACON_WCS_RATE_OUTBOUND);
  g_assert_cmpint (rate->video_rate, >, 50000);
  g_assert_cmpfloat (rate->fps, >, 20);

  /* What the REST view reads: both streams, and the relay's last measurement of each. */
  {
    g_autoptr(GPtrArray) streams = beacon_local_server_dup_streams (fixture->server);
    g_autoptr(BeaconWcsRateSample) last = beacon_media_relay_dup_last_rate (
      fixture->relay, beacon_wcs_stream_get_media_session_id (publisher->stream));

    g_assert_cmpuint (streams->len, ==, 2);
    g_assert_nonnull (last);
    g_assert_cmpint (last->video_rate, >, 0);
  }

  /* Unpublish: the player learns why, and the relay lets go of everything. */
  g_assert_true (beacon_wcs_stream_stop (publisher->stream, NULL));
  WAIT_STATUS (publisher, BEACON_WCS_STREAM_STATUS_UNPUBLISHED);
  WAIT_STATUS (player, BEACON_WCS_STREAM_STATUS_STOPPED);
  g_assert_cmpstr (beacon_wcs_stream_get_info (player->stream), ==, "Stopped by publisher stop");
  g_assert_cmpuint (beacon_media_relay_get_n_streams (fixture->relay), ==, 0);
}

static void
test_relay_h264 (Fixture       *fixture,
                 gconstpointer  data)
{
  check_relay (fixture, "H264");
}

static void
test_relay_vp8 (Fixture       *fixture,
                gconstpointer  data)
{
  check_relay (fixture, "VP8");
}

/* A player leaving politely, or vanishing without a word, disturbs neither the publisher
 * nor the other players. */
static void
test_player_leaves (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TestPeer) publisher = test_peer_new_publisher (fixture->url, "H264", 320, 240);
  g_autoptr(TestPeer) polite = test_peer_new_player (fixture->url, FALSE);
  g_autoptr(TestPeer) vanishing = test_peer_new_player (fixture->url, FALSE);
  g_autoptr(TestPeer) staying = test_peer_new_player (fixture->url, FALSE);
  int frames;

  test_peer_start (publisher, "cam");
  WAIT_STATUS (publisher, BEACON_WCS_STREAM_STATUS_PUBLISHING);
  test_peer_start (polite, "cam");
  test_peer_start (vanishing, "cam");
  test_peer_start (staying, "cam");
  WAIT_STATUS (polite, BEACON_WCS_STREAM_STATUS_PLAYING);
  WAIT_STATUS (vanishing, BEACON_WCS_STREAM_STATUS_PLAYING);
  WAIT_STATUS (staying, BEACON_WCS_STREAM_STATUS_PLAYING);
  WAIT_FOR_FULL (g_atomic_int_get (&staying->frames) > 0, MEDIA_DEADLINE_S, "frames at a player");

  g_assert_true (beacon_wcs_stream_stop (polite->stream, NULL));
  WAIT_STATUS (polite, BEACON_WCS_STREAM_STATUS_STOPPED);
  g_assert_cmpstr (beacon_wcs_stream_get_info (polite->stream), ==, "Stopped by user");
  /* Its media stops dead; its session stays open, so the server keeps sending into the void. */
  gst_element_set_state (vanishing->pipeline, GST_STATE_NULL);

  frames = test_peer_count_frames (staying, 3.0);
  g_test_message ("remaining player: %d frames in 3 s", frames);
  g_assert_cmpint (frames, >=, 25 * 3);
  g_assert_cmpint (test_peer_get_status (publisher), ==, BEACON_WCS_STREAM_STATUS_PUBLISHING);
  g_assert_cmpint (test_peer_count_frames (publisher, 1.0), >=, 25);
}

/* Losses on the way in: the server NACKs the publisher, asks it for keyframes (on the
 * player's join and on losses it cannot repair) and reports both; the player's picture
 * keeps recovering. The loss is made before the publisher's webrtcbin, so its RTX store
 * never saw those packets: repair here is by keyframe, not retransmission. */
static void
test_nack_pli (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(TestPeer) publisher = test_peer_new_lossy_publisher (fixture->url, "H264", 320, 240,
                                                                 0.03);
  g_autoptr(TestPeer) player = test_peer_new_player (fixture->url, TRUE);
  const BeaconWcsRateSample *rate = NULL;
  int frames;

  test_peer_start (publisher, "lossy");
  WAIT_STATUS (publisher, BEACON_WCS_STREAM_STATUS_PUBLISHING);
  test_peer_start (player, "lossy");
  WAIT_STATUS (player, BEACON_WCS_STREAM_STATUS_PLAYING);
  WAIT_FOR_FULL (g_atomic_int_get (&player->frames) > 0, MEDIA_DEADLINE_S, "a first decoded frame");
  frames = test_peer_count_frames (player, 3.0);
  g_test_message ("3 %% loss: %d frames decoded in 3 s", frames);
  g_assert_cmpint (frames, >=, 10 * 3);

  WAIT_FOR_FULL (publisher->rates->len > 0 &&
                 (rate = g_ptr_array_index (publisher->rates,
                                            publisher->rates->len - 1))->nack > 0 &&
                 rate->pli > 0 && rate->lost_packets > 0, 10,
                 "inboundVideoRate with losses, and NACKs and PLIs sent to the publisher");
  g_test_message ("inbound: nack %" G_GINT64_FORMAT ", pli %" G_GINT64_FORMAT ", lost %"
                  G_GINT64_FORMAT, rate->nack, rate->pli, rate->lost_packets);
}

/* An encoder that cuts frames into slices (multi-threaded x264, hardware encoders): the
 * relay must hand every slice of a frame on, in a form decoders take as one picture. */
static void
test_sliced_h264 (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TestPeer) publisher = test_peer_new_sliced_publisher (fixture->url, 640, 360);
  g_autoptr(TestPeer) player = test_peer_new_player (fixture->url, TRUE);

  test_peer_start (publisher, "sliced");
  WAIT_STATUS (publisher, BEACON_WCS_STREAM_STATUS_PUBLISHING);
  test_peer_start (player, "sliced");
  WAIT_STATUS (player, BEACON_WCS_STREAM_STATUS_PLAYING);
  WAIT_FOR_FULL (g_atomic_int_get (&player->frames) > 10, MEDIA_DEADLINE_S, "decoded frames");
  test_peer_count_frames (player, 1.0);
  /* The same two points of what the publisher captured and of what the player decoded;
   * a slice lost on the way shows other bars there (about 100 levels off). */
  for (guint i = 0; i < 2; i++)
    {
      int sent = g_atomic_int_get (&publisher->probe_luma[i]);
      int shown = g_atomic_int_get (&player->probe_luma[i]);

      g_test_message ("top of the picture, point %u: luma %d captured, %d shown", i, sent, shown);
      g_assert_cmpint (sent, >=, 0);
      g_assert_cmpint (ABS (sent - shown), <, 25);
    }
}

/* REST /terminate of a publisher: it and its player end with WCS's reason. */
static void
test_terminate (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TestPeer) publisher = test_peer_new_publisher (fixture->url, "VP8", 320, 240);
  g_autoptr(TestPeer) player = test_peer_new_player (fixture->url, FALSE);
  g_autoptr(GError) error = NULL;

  test_peer_start (publisher, "cam");
  WAIT_STATUS (publisher, BEACON_WCS_STREAM_STATUS_PUBLISHING);
  test_peer_start (player, "cam");
  WAIT_STATUS (player, BEACON_WCS_STREAM_STATUS_PLAYING);

  g_assert_true (beacon_local_server_terminate_stream (
    fixture->server, beacon_wcs_stream_get_media_session_id (publisher->stream), &error));
  g_assert_no_error (error);
  WAIT_STATUS (publisher, BEACON_WCS_STREAM_STATUS_UNPUBLISHED);
  WAIT_STATUS (player, BEACON_WCS_STREAM_STATUS_STOPPED);
  g_assert_cmpstr (beacon_wcs_stream_get_info (publisher->stream), ==,
                   "Stopped by rest /terminate");
  g_assert_cmpstr (beacon_wcs_stream_get_info (player->stream), ==, "Stopped by rest /terminate");
  g_assert_false (beacon_local_server_terminate_stream (fixture->server, "no-such-id", &error));
  g_assert_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (beacon_media_relay_get_n_streams (fixture->relay), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

  if (!beacon_media_relay_check_elements (NULL))
    {
      g_printerr ("GStreamer plugins for WebRTC are missing\n");
      return 1;
    }
  g_test_add ("/beacon/server/relay/h264", Fixture, NULL, fixture_set_up, test_relay_h264,
              fixture_tear_down);
  g_test_add ("/beacon/server/relay/vp8", Fixture, NULL, fixture_set_up, test_relay_vp8,
              fixture_tear_down);
  g_test_add ("/beacon/server/relay/player-leaves", Fixture, NULL, fixture_set_up,
              test_player_leaves, fixture_tear_down);
  g_test_add ("/beacon/server/relay/sliced-h264", Fixture, NULL, fixture_set_up,
              test_sliced_h264, fixture_tear_down);
  g_test_add ("/beacon/server/relay/nack-pli", Fixture, NULL, fixture_set_up, test_nack_pli,
              fixture_tear_down);
  g_test_add ("/beacon/server/relay/terminate", Fixture, NULL, fixture_set_up, test_terminate,
              fixture_tear_down);
  return g_test_run ();
}
