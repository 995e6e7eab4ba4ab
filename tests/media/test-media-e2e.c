/* test-media-e2e.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* BeaconPublisher → `beacon-cli serve` (a real process, its media relay answering in WCS's
 * shape) → BeaconPlayer, on 127.0.0.1, for H.264 and for VP8, with audio: the player reaches
 * PLAYING, decodes at least 25 fps of the published size, reads the latency stamp back from
 * at least 90 % of the frames, both sides report statistics, and stopping leaves no
 * GStreamer object behind. */

#include "config.h"

#include <gio/gio.h>
#include <math.h>
#include <signal.h>
#include <string.h>

#include "beacon-player-private.h"
#include "beacon-publisher-private.h"
#include "media-test-util.h"

#define MEASURE_SECONDS 5
#define MIN_FPS         25.0
#define MIN_STAMPED     0.90

typedef struct
{
  GSubprocess     *server;
  char            *url;
  BeaconWcsClient *publish_client;
  BeaconWcsClient *play_client;
  BeaconPublisher *publisher;
  BeaconPlayer    *player;
  guint            publisher_samples;
  guint            player_samples;
  double           max_player_kbps;
  double           max_publisher_kbps;
  gint64           max_server_bitrate;
  int              audio_buffers;    /* atomic */
} Fixture;

static const char * const needed[] = {
  "webrtcbin", "nicesrc", "nicesink", "dtlssrtpenc", "videotestsrc", "audiotestsrc",
  "opusenc", "opusdec", "rtph264pay", "rtph264depay", "h264parse", "rtpvp8pay",
  "rtpvp8depay", "vp8enc", "vp8dec", NULL
};

static void
on_line_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **line = user_data;
  g_autoptr(GError) error = NULL;

  *line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result,
                                                     NULL, &error);
  if (*line == NULL)
    *line = g_strdup ("");   /* EOF or error: the wait below sees an answer */
}

/* Starts `beacon-cli serve --port 0` and reads its "Listening on URL" line. */
static gboolean
start_server (Fixture *fixture)
{
  const char *cli = g_getenv ("BEACON_CLI");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  /* On the heap: after a timeout the read may still complete while the test goes on. */
  char **line = g_new0 (char *, 1);
  const char *prefix = "Listening on ";
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint tick;

  g_assert_nonnull (cli);   /* set by tests/media/meson.build */
  fixture->server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                      cli, "serve", "--port", "0", NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (fixture->server));
  g_data_input_stream_read_line_async (out, G_PRIORITY_DEFAULT, NULL, on_line_read, line);
  tick = g_timeout_add (20, beacon_test_wait_tick, NULL);
  while (*line == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  if (*line == NULL)
    {
      g_test_fail_printf ("waited 10 s for beacon-cli serve to print its address");
      return FALSE;
    }
  if (!g_str_has_prefix (*line, prefix))
    {
      g_test_fail_printf ("beacon-cli serve printed “%s”, expected “%sws://…”", *line, prefix);
      g_strfreev (line);
      return FALSE;
    }
  fixture->url = g_strdup (*line + strlen (prefix));
  g_strfreev (line);
  return TRUE;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  if (!media_test_have_elements (needed) || !start_server (fixture))
    return;

  fixture->publish_client = media_test_connect (fixture->url);
  fixture->play_client = media_test_connect (fixture->url);
  if (fixture->publish_client == NULL || fixture->play_client == NULL)
    return;
  fixture->publisher = beacon_publisher_new (fixture->publish_client);
  fixture->player = beacon_player_new (fixture->play_client);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->player != NULL)
    g_assert_finalize_object (fixture->player);
  if (fixture->publisher != NULL)
    g_assert_finalize_object (fixture->publisher);
  if (fixture->play_client != NULL)
    beacon_wcs_client_disconnect (fixture->play_client);
  if (fixture->publish_client != NULL)
    beacon_wcs_client_disconnect (fixture->publish_client);
  g_clear_object (&fixture->play_client);
  g_clear_object (&fixture->publish_client);
  if (fixture->server != NULL)
    {
      g_autoptr(GError) error = NULL;

      g_subprocess_send_signal (fixture->server, SIGTERM);
      g_subprocess_wait (fixture->server, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_exited (fixture->server));
      g_assert_cmpint (g_subprocess_get_exit_status (fixture->server), ==, 0);
    }
  g_clear_object (&fixture->server);
  g_free (fixture->url);
}

static void
on_publisher_stats (BeaconPublisher         *publisher,
                    const BeaconStatsSample *sample,
                    Fixture                 *fixture)
{
  fixture->publisher_samples++;
  if (!isnan (sample->bitrate_kbps))
    fixture->max_publisher_kbps = MAX (fixture->max_publisher_kbps, sample->bitrate_kbps);
  fixture->max_server_bitrate = MAX (fixture->max_server_bitrate, sample->server_bitrate);
}

static void
on_player_stats (BeaconPlayer            *player,
                 const BeaconStatsSample *sample,
                 Fixture                 *fixture)
{
  fixture->player_samples++;
  if (!isnan (sample->bitrate_kbps))
    fixture->max_player_kbps = MAX (fixture->max_player_kbps, sample->bitrate_kbps);
}

/* Runs on the audio decoder's streaming thread. */
static GstPadProbeReturn
on_audio_decoded (GstPad          *pad,
                  GstPadProbeInfo *info,
                  gpointer         user_data)
{
  Fixture *fixture = user_data;

  g_atomic_int_inc (&fixture->audio_buffers);
  return GST_PAD_PROBE_OK;
}

static gboolean
has_element (GstElement *bin,
             const char *name)
{
  g_autoptr(GstElement) element = gst_bin_get_by_name (GST_BIN (bin), name);

  return element != NULL;
}

static gboolean
spin_done (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_e2e (Fixture       *fixture,
          gconstpointer  data)
{
  BeaconVideoCodec codec = GPOINTER_TO_INT (data);
  const char *name = codec == BEACON_VIDEO_CODEC_H264 ? "e2e-h264" : "e2e-vp8";
  g_autoptr(GError) error = NULL;
  g_autoptr(GstElement) audio_decoder = NULL;
  g_autoptr(GstPad) audio_pad = NULL;
  gpointer publisher_pipeline, publisher_webrtc, player_pipeline, player_webrtc;
  guint64 frames_before, frames_after, stamped = 0, checked = 0;
  double median = NAN, p95 = NAN, fps;
  gint64 measure_start;
  gboolean measured = FALSE;

  if (fixture->player == NULL)
    return;

  g_signal_connect (fixture->publisher, "stats-updated", G_CALLBACK (on_publisher_stats),
                    fixture);
  g_signal_connect (fixture->player, "stats-updated", G_CALLBACK (on_player_stats), fixture);

  beacon_publisher_set_codec (fixture->publisher, codec);
  beacon_publisher_set_stamp (fixture->publisher, TRUE);
  g_assert_true (beacon_publisher_start (fixture->publisher, name, &error));
  g_assert_no_error (error);
  WAIT_FOR_FULL (beacon_publisher_get_status (fixture->publisher) ==
                 BEACON_WCS_STREAM_STATUS_PUBLISHING ||
                 beacon_publisher_get_error (fixture->publisher) != NULL ||
                 beacon_wcs_stream_is_terminal (beacon_publisher_get_stream (fixture->publisher)),
                 10, "the publisher to reach PUBLISHING");
  g_assert_no_error ((GError *) beacon_publisher_get_error (fixture->publisher));
  g_assert_cmpint (beacon_publisher_get_status (fixture->publisher), ==,
                   BEACON_WCS_STREAM_STATUS_PUBLISHING);

  beacon_player_set_audio (fixture->player, FALSE);
  beacon_player_set_measure_latency (fixture->player, TRUE);
  g_assert_true (beacon_player_start (fixture->player, name, &error));
  g_assert_no_error (error);
  WAIT_FOR_FULL ((beacon_player_get_status (fixture->player) == BEACON_WCS_STREAM_STATUS_PLAYING &&
                  beacon_player_get_first_frame_ms (fixture->player) >= 0) ||
                 beacon_player_get_error (fixture->player) != NULL ||
                 beacon_wcs_stream_is_terminal (beacon_player_get_stream (fixture->player)),
                 10, "the player to reach PLAYING and decode a frame");
  g_assert_no_error ((GError *) beacon_player_get_error (fixture->player));
  g_assert_cmpint (beacon_player_get_status (fixture->player), ==,
                   BEACON_WCS_STREAM_STATUS_PLAYING);
  g_test_message ("%s: first frame %" G_GINT64_FORMAT " ms after start, decoder %s", name,
                  beacon_player_get_first_frame_ms (fixture->player),
                  beacon_player_get_decoder_name (fixture->player));

  /* Audio flows too: count what the Opus decoder puts out. */
  WAIT_FOR (has_element (PEER_PIPELINE (fixture->player), "audio-decoder"),
            "the player to link its audio decoder");
  audio_decoder = gst_bin_get_by_name (GST_BIN (PEER_PIPELINE (fixture->player)),
                                       "audio-decoder");
  audio_pad = gst_element_get_static_pad (audio_decoder, "src");
  gst_pad_add_probe (audio_pad, GST_PAD_PROBE_TYPE_BUFFER, on_audio_decoded, fixture, NULL);

  /* The measurement window itself is the condition: frames counted over 5 s. */
  frames_before = beacon_player_get_frames (fixture->player);
  measure_start = g_get_monotonic_time ();
  g_timeout_add_seconds (MEASURE_SECONDS, spin_done, &measured);
  while (!measured)
    g_main_context_iteration (NULL, TRUE);
  frames_after = beacon_player_get_frames (fixture->player);
  fps = (double) (frames_after - frames_before) * G_USEC_PER_SEC /
        (double) (g_get_monotonic_time () - measure_start);

  beacon_player_get_latency_stats (fixture->player, &median, &p95, &stamped, &checked);
  g_test_message ("%s: %.1f fps, %d×%d, latency median %.0f ms p95 %.0f ms, %" G_GUINT64_FORMAT
                  "/%" G_GUINT64_FORMAT " frames stamped, player %.0f kbit/s, publisher %.0f "
                  "kbit/s, server %" G_GINT64_FORMAT " bit/s, %d audio buffers", name, fps,
                  beacon_player_get_width (fixture->player),
                  beacon_player_get_height (fixture->player), median, p95, stamped, checked,
                  fixture->max_player_kbps, fixture->max_publisher_kbps,
                  fixture->max_server_bitrate, g_atomic_int_get (&fixture->audio_buffers));

  g_assert_no_error ((GError *) beacon_player_get_error (fixture->player));
  g_assert_cmpfloat (fps, >=, MIN_FPS);
  g_assert_cmpint (beacon_player_get_width (fixture->player), ==, 640);
  g_assert_cmpint (beacon_player_get_height (fixture->player), ==, 360);
  g_assert_cmpstr (beacon_player_get_decoder_name (fixture->player), ==,
                   codec == BEACON_VIDEO_CODEC_H264 ? "avdec_h264" : "vp8dec");
  g_assert_cmpstr (beacon_player_get_negotiated_video_codec (fixture->player), ==,
                   codec == BEACON_VIDEO_CODEC_H264 ? "H264" : "VP8");
  g_assert_nonnull (beacon_player_get_negotiated_audio_codec (fixture->player));
  g_assert_cmpint (g_atomic_int_get (&fixture->audio_buffers), >, 100);
  /* Statistics on both sides, with real traffic in them. */
  g_assert_cmpuint (fixture->player_samples, >=, MEASURE_SECONDS - 1);
  g_assert_cmpuint (fixture->publisher_samples, >=, MEASURE_SECONDS - 1);
  g_assert_cmpfloat (fixture->max_player_kbps, >, 0);
  g_assert_cmpfloat (fixture->max_publisher_kbps, >, 0);
  g_assert_cmpint (fixture->max_server_bitrate, >, 0);
  g_assert_cmpuint (beacon_player_get_last_stats (fixture->player)->video_bytes, >, 0);
  /* Glass-to-glass: nearly every frame carries a stamp that reads back. */
  g_assert_cmpuint (checked, >=, (guint64) (MEASURE_SECONDS * MIN_FPS));
  g_assert_cmpfloat ((double) stamped / (double) checked, >=, MIN_STAMPED);
  g_assert_cmpfloat (median, <, 1000);

  /* Stop both; nothing of either pipeline may stay alive. */
  player_pipeline = PEER_PIPELINE (fixture->player);
  player_webrtc = PEER_WEBRTC (fixture->player);
  publisher_pipeline = PEER_PIPELINE (fixture->publisher);
  publisher_webrtc = PEER_WEBRTC (fixture->publisher);
  g_object_add_weak_pointer (player_pipeline, &player_pipeline);
  g_object_add_weak_pointer (player_webrtc, &player_webrtc);
  g_object_add_weak_pointer (publisher_pipeline, &publisher_pipeline);
  g_object_add_weak_pointer (publisher_webrtc, &publisher_webrtc);
  g_clear_object (&audio_decoder);

  beacon_player_stop (fixture->player);
  WAIT_FOR (beacon_player_get_status (fixture->player) == BEACON_WCS_STREAM_STATUS_STOPPED,
            "the server to confirm STOPPED");
  beacon_publisher_stop (fixture->publisher);
  WAIT_FOR (beacon_publisher_get_status (fixture->publisher) ==
            BEACON_WCS_STREAM_STATUS_UNPUBLISHED, "the server to confirm UNPUBLISHED");
  WAIT_FOR (player_pipeline == NULL && player_webrtc == NULL &&
            publisher_pipeline == NULL && publisher_webrtc == NULL,
            "both pipelines and webrtcbins to be finalized");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gst_init (NULL, NULL);

  g_test_add ("/beacon/media/e2e/h264", Fixture, GINT_TO_POINTER (BEACON_VIDEO_CODEC_H264),
              fixture_setup, test_e2e, fixture_teardown);
  g_test_add ("/beacon/media/e2e/vp8", Fixture, GINT_TO_POINTER (BEACON_VIDEO_CODEC_VP8),
              fixture_setup, test_e2e, fixture_teardown);

  return g_test_run ();
}
