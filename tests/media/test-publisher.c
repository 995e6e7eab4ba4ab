/* test-publisher.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* BeaconPublisher against a scripted WCS server: the offer it sends (and how soon), the
 * real WCS answers applied through its answer path, mute and the latency stamp at capture,
 * and that stopping leaves no GStreamer object behind. No media leaves the machine: the
 * fixtures' server address is swapped for 127.0.0.1, where nothing answers ICE. */

#include "config.h"

#include <string.h>

#include <gst/video/video.h>

#include "beacon-latency-stamp.h"
#include "beacon-media-error.h"
#include "beacon-publisher.h"
#include "media-test-util.h"

/* protocol.md §9 rule 3: the offer goes out without waiting for ICE gathering. Measured:
 * 0.2–0.4 s (DTLS certificate, first caps); gathering alone would add about 0.2 s more. */
#define OFFER_DEADLINE_US (1200 * G_TIME_SPAN_MILLISECOND)

typedef struct
{
  WcsFakeServer   *server;
  BeaconWcsClient *client;
  BeaconPublisher *publisher;
  GstElement      *preview;       /* a fakesink with handoffs */
  int              frames;        /* atomic: frames seen by the preview */
  int              stamped;       /* atomic: with a valid latency stamp */
  int              black;         /* atomic: all-black frames */
} Fixture;

static const char * const needed[] = {
  "webrtcbin", "nicesrc", "nicesink", "dtlssrtpenc", "videotestsrc", "audiotestsrc",
  "opusenc", "rtpopuspay", "rtph264pay", "rtpvp8pay", "vp8enc", NULL
};

/* Runs on the capture streaming thread. */
static void
on_preview_handoff (GstElement *sink,
                    GstBuffer  *buffer,
                    GstPad     *pad,
                    gpointer    user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(GstCaps) caps = gst_pad_get_current_caps (pad);
  GstVideoInfo info;
  GstVideoFrame frame;
  guint64 t_ms = 0;

  if (caps == NULL || !gst_video_info_from_caps (&info, caps) ||
      !gst_video_frame_map (&frame, &info, buffer, GST_MAP_READ))
    return;

  if (beacon_latency_stamp_read (&frame, &t_ms) == BEACON_STAMP_OK)
    g_atomic_int_inc (&fixture->stamped);
  /* Black = the Y plane of the top-left pixel and of the centre at video black (16). */
  if (((const guint8 *) GST_VIDEO_FRAME_PLANE_DATA (&frame, 0))[0] == 16 &&
      ((const guint8 *) GST_VIDEO_FRAME_PLANE_DATA (&frame, 0))
        [GST_VIDEO_FRAME_PLANE_STRIDE (&frame, 0) * (GST_VIDEO_FRAME_HEIGHT (&frame) / 2) +
         GST_VIDEO_FRAME_WIDTH (&frame) / 2] == 16)
    g_atomic_int_inc (&fixture->black);
  gst_video_frame_unmap (&frame);
  g_atomic_int_inc (&fixture->frames);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  if (!media_test_open (needed, &fixture->server, &fixture->client))
    return;
  fixture->publisher = beacon_publisher_new (fixture->client);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->publisher != NULL)
    g_assert_finalize_object (fixture->publisher);
  if (fixture->preview != NULL)
    g_assert_finalize_object (fixture->preview);
  media_test_close (&fixture->server, &fixture->client);
}

static void
add_preview (Fixture *fixture)
{
  fixture->preview = g_object_ref_sink (gst_element_factory_make ("fakesink", "preview"));
  g_object_set (fixture->preview, "signal-handoffs", TRUE, "sync", FALSE, NULL);
  g_signal_connect (fixture->preview, "handoff", G_CALLBACK (on_preview_handoff), fixture);
  beacon_publisher_set_preview_sink (fixture->publisher, fixture->preview);
}

static GstSDPMessage *
start_and_get_offer (Fixture    *fixture,
                     const char *name,
                     char      **media_session_id,
                     gint64     *elapsed_us)
{
  return media_test_start_and_get_offer (fixture->server, BEACON_MEDIA_PEER (fixture->publisher),
                                         name, media_session_id, elapsed_us);
}

static void
test_offer (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GstSDPMessage) offer = NULL;
  g_autofree char *id = NULL;
  const GstSDPMedia *audio;
  const GstSDPMedia *video;
  JsonObject *request;
  gint64 elapsed = 0;
  guint audio_index = 99;
  guint video_index = 99;

  if (fixture->publisher == NULL)
    return;

  beacon_publisher_set_bitrate (fixture->publisher, 800);
  offer = start_and_get_offer (fixture, "cam1", &id, &elapsed);
  if (offer == NULL)
    return;
  g_test_message ("publishStream went out %" G_GINT64_FORMAT " ms after start", elapsed / 1000);
  g_assert_cmpint (elapsed, <, OFFER_DEADLINE_US);

  request = wcs_fake_server_last (fixture->server, "publishStream");
  g_assert_cmpstr (json_object_get_string_member (request, "name"), ==, "cam1");
  g_assert_true (json_object_get_boolean_member (request, "hasAudio"));
  g_assert_true (json_object_get_boolean_member (request, "hasVideo"));
  g_assert_cmpint (json_object_get_int_member (request, "bitrate"), ==, 800);

  /* Two send-only m-lines, audio first: the order WCS answers in. */
  g_assert_cmpuint (gst_sdp_message_medias_len (offer), ==, 2);
  audio = media_test_find_media (offer, "audio", &audio_index);
  video = media_test_find_media (offer, "video", &video_index);
  g_assert_nonnull (audio);
  g_assert_nonnull (video);
  g_assert_cmpuint (audio_index, ==, 0);
  g_assert_cmpuint (video_index, ==, 1);
  g_assert_nonnull (gst_sdp_media_get_attribute_val (audio, "sendonly"));
  g_assert_nonnull (gst_sdp_media_get_attribute_val (video, "sendonly"));
  g_assert_true (media_test_has_fmtp (audio, "OPUS", ""));
  g_assert_true (media_test_has_fmtp (video, "H264",
                                      "packetization-mode=1;profile-level-id=42e01f"));

  g_assert_cmpint (beacon_publisher_get_status (fixture->publisher), ==,
                   BEACON_WCS_STREAM_STATUS_PENDING);
  g_assert_cmpstr (beacon_publisher_get_encoder_name (fixture->publisher), ==, "x264enc");
  g_assert_cmpstr (beacon_wcs_stream_get_media_session_id (
                     beacon_publisher_get_stream (fixture->publisher)), ==, id);
}

static void
test_vp8_offer (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GstSDPMessage) offer = NULL;

  if (fixture->publisher == NULL)
    return;

  beacon_publisher_set_codec (fixture->publisher, BEACON_VIDEO_CODEC_VP8);
  offer = start_and_get_offer (fixture, "cam-vp8", NULL, NULL);
  if (offer == NULL)
    return;
  g_assert_true (media_test_has_fmtp (media_test_find_media (offer, "video", NULL), "VP8", ""));
  g_assert_false (media_test_has_fmtp (media_test_find_media (offer, "video", NULL), "H264", ""));
  g_assert_cmpstr (beacon_publisher_get_encoder_name (fixture->publisher), ==, "vp8enc");
}

static void
test_fixture_answer (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GstSDPMessage) offer = NULL;
  g_autofree char *id = NULL;

  if (fixture->publisher == NULL)
    return;

  offer = start_and_get_offer (fixture, "cam1", &id, NULL);
  if (offer == NULL)
    return;
  media_test_answer_offer (fixture->server, id, offer, "wcs-answer-publish.sdp", FALSE);

  WAIT_FOR (beacon_publisher_get_negotiated_video_codec (fixture->publisher) != NULL ||
            beacon_publisher_get_error (fixture->publisher) != NULL,
            "the publisher to apply the WCS answer");
  g_assert_no_error ((GError *) beacon_publisher_get_error (fixture->publisher));
  g_assert_cmpstr (beacon_publisher_get_negotiated_video_codec (fixture->publisher), ==, "H264");
  g_assert_cmpstr (beacon_publisher_get_negotiated_audio_codec (fixture->publisher), ==, "opus");

  media_test_send_status (fixture->server, id, "cam1", "PUBLISHING", NULL);
  WAIT_FOR (beacon_publisher_get_status (fixture->publisher) ==
            BEACON_WCS_STREAM_STATUS_PUBLISHING, "the status to mirror PUBLISHING");

  beacon_publisher_stop (fixture->publisher);
  g_assert_cmpuint (wcs_fake_server_count (fixture->server, "unPublishStream"), ==, 0);
  WAIT_FOR (wcs_fake_server_count (fixture->server, "unPublishStream") == 1,
            "unPublishStream after stop");
}

/* Expects the answer just sent to end the publish with an error in @code. */
static void
check_answer_refused (Fixture *fixture,
                      int      code)
{
  const GError *error;

  WAIT_FOR (beacon_publisher_get_error (fixture->publisher) != NULL,
            "the publisher to refuse the answer");
  error = beacon_publisher_get_error (fixture->publisher);
  g_test_message ("refused: %s", error->message);
  g_assert_error ((GError *) error, BEACON_MEDIA_ERROR, code);
  g_assert_nonnull (strstr (error->message, "answer"));
  /* The stream is given up on the server too. */
  WAIT_FOR (wcs_fake_server_count (fixture->server, "unPublishStream") == 1,
            "unPublishStream after a refused answer");
  g_assert_null (beacon_publisher_get_negotiated_video_codec (fixture->publisher));
}

static void
test_swapped_answer (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GstSDPMessage) offer = NULL;
  g_autofree char *id = NULL;

  if (fixture->publisher == NULL)
    return;

  offer = start_and_get_offer (fixture, "cam1", &id, NULL);
  if (offer == NULL)
    return;
  media_test_answer_offer (fixture->server, id, offer, "wcs-answer-publish.sdp", TRUE);
  check_answer_refused (fixture, BEACON_MEDIA_ERROR_NEGOTIATION);
}

static void
test_garbage_answer (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GstSDPMessage) offer = NULL;
  g_autofree char *id = NULL;

  if (fixture->publisher == NULL)
    return;

  offer = start_and_get_offer (fixture, "cam1", &id, NULL);
  if (offer == NULL)
    return;
  media_test_send_answer (fixture->server, id, "this is not SDP");
  check_answer_refused (fixture, BEACON_MEDIA_ERROR_SDP);
}

static void
test_stamp_and_mute (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GstSDPMessage) offer = NULL;
  JsonObject *event;
  int seen;

  if (fixture->publisher == NULL)
    return;

  add_preview (fixture);
  beacon_publisher_set_stamp (fixture->publisher, TRUE);
  offer = start_and_get_offer (fixture, "cam1", NULL, NULL);
  if (offer == NULL)
    return;

  WAIT_FOR (g_atomic_int_get (&fixture->frames) >= 10, "10 frames on the preview sink");
  /* Every frame carries the stamp, drawn before the tee. */
  g_assert_cmpint (g_atomic_int_get (&fixture->stamped), >=,
                   g_atomic_int_get (&fixture->frames) - 1);
  g_assert_cmpint (g_atomic_int_get (&fixture->black), ==, 0);

  beacon_publisher_set_video_muted (fixture->publisher, TRUE);
  WAIT_FOR (wcs_fake_server_count (fixture->server, "sendStreamEvent") == 1,
            "sendStreamEvent videoMuted");
  event = wcs_fake_server_last (fixture->server, "sendStreamEvent");
  g_assert_cmpstr (json_object_get_string_member (event, "type"), ==, "videoMuted");
  seen = g_atomic_int_get (&fixture->black);
  WAIT_FOR (g_atomic_int_get (&fixture->black) >= seen + 5, "black frames while muted");

  beacon_publisher_set_audio_muted (fixture->publisher, TRUE);
  WAIT_FOR (wcs_fake_server_count (fixture->server, "sendStreamEvent") == 2,
            "sendStreamEvent audioMuted");
  event = wcs_fake_server_last (fixture->server, "sendStreamEvent");
  g_assert_cmpstr (json_object_get_string_member (event, "type"), ==, "audioMuted");
  g_assert_true (beacon_publisher_get_audio_muted (fixture->publisher));

  beacon_publisher_stop (fixture->publisher);
}

static void
test_stop_releases_media (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GstSDPMessage) offer = NULL;
  gpointer pipeline = NULL;
  gpointer webrtc = NULL;

  if (fixture->publisher == NULL)
    return;

  add_preview (fixture);
  offer = start_and_get_offer (fixture, "cam1", NULL, NULL);
  if (offer == NULL)
    return;

  /* The preview sink's parent is the publisher's pipeline. */
  pipeline = gst_element_get_parent (fixture->preview);
  g_assert_true (GST_IS_PIPELINE (pipeline));
  webrtc = gst_bin_get_by_name (GST_BIN (pipeline), "webrtc");
  g_assert_nonnull (webrtc);
  g_object_add_weak_pointer (pipeline, &pipeline);
  g_object_add_weak_pointer (webrtc, &webrtc);
  gst_object_unref (webrtc);
  gst_object_unref (pipeline);

  beacon_publisher_stop (fixture->publisher);
  /* Replies already on their way hold webrtcbin until they land on the main context. */
  WAIT_FOR (pipeline == NULL && webrtc == NULL, "the pipeline and webrtcbin to be finalized");
  g_assert_null (gst_element_get_parent (fixture->preview));
}

static void
test_missing_encoder_subprocess (void)
{
  g_autoptr(WcsFakeServer) server = NULL;
  g_autoptr(BeaconWcsClient) client = NULL;
  g_autoptr(BeaconPublisher) publisher = NULL;
  g_autoptr(GError) error = NULL;
  const char *encoders[] = { "x264enc", "openh264enc", "vah264enc", "vaapih264enc" };

  /* As on a machine without -ugly and -bad: no H.264 encoder at all. */
  for (gsize i = 0; i < G_N_ELEMENTS (encoders); i++)
    {
      GstPluginFeature *feature = gst_registry_lookup_feature (gst_registry_get (), encoders[i]);

      if (feature != NULL)
        {
          gst_registry_remove_feature (gst_registry_get (), feature);
          gst_object_unref (feature);
        }
    }

  server = wcs_fake_server_new (TRUE);
  client = media_test_connect (wcs_fake_server_get_url (server));
  g_assert_nonnull (client);
  publisher = beacon_publisher_new (client);
  g_assert_false (beacon_publisher_start (publisher, "cam1", &error));
  g_assert_error (error, BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_MISSING_ELEMENT);
  g_printerr ("%s\n", error->message);
  g_assert_cmpuint (wcs_fake_server_count (server, "publishStream"), ==, 0);
  beacon_wcs_client_disconnect (client);
}

static void
test_missing_encoder (void)
{
  if (!media_test_have_elements (needed))
    return;

  g_test_trap_subprocess ("/beacon/media/publisher/missing-encoder/subprocess", 0,
                          G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*No H.264 encoder: install gstreamer1.0-plugins-ugly (x264enc) "
                             "or gstreamer1.0-plugins-bad (openh264enc)*");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gst_init (NULL, NULL);

#define ADD(path, func) \
  g_test_add ("/beacon/media/publisher/" path, Fixture, NULL, fixture_setup, func, \
              fixture_teardown)
  ADD ("offer", test_offer);
  ADD ("vp8-offer", test_vp8_offer);
  ADD ("fixture-answer", test_fixture_answer);
  ADD ("swapped-answer", test_swapped_answer);
  ADD ("garbage-answer", test_garbage_answer);
  ADD ("stamp-and-mute", test_stamp_and_mute);
  ADD ("stop-releases-media", test_stop_releases_media);
#undef ADD
  g_test_add_func ("/beacon/media/publisher/missing-encoder", test_missing_encoder);
  g_test_add_func ("/beacon/media/publisher/missing-encoder/subprocess",
                   test_missing_encoder_subprocess);

  return g_test_run ();
}
