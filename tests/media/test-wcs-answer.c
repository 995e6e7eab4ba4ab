/* test-wcs-answer.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gst/gst.h>
#include <gst/webrtc/webrtc.h>

#include "beacon-media-error.h"
#include "beacon-sdp-adapt.h"
#include "media-test-util.h"

/* webrtcbin replies within 0.3 s (create-offer, with certificate generation), but the first
 * create-offer under valgrind took over 10 s; this stays under the meson timeout (120 s) so a
 * missing reply fails with our message rather than as a kill. */
#define PROMISE_TIMEOUT_S 60

#define OPUS_CAPS \
  "application/x-rtp,media=audio,encoding-name=OPUS,payload=111,clock-rate=48000," \
  "encoding-params=(string)2"
#define H264_CAPS \
  "application/x-rtp,media=video,encoding-name=H264,payload=127,clock-rate=90000," \
  "packetization-mode=(string)1,profile-level-id=(string)42e01f"

typedef struct
{
  GstElement              *pipeline;
  GstElement              *webrtc;   /* borrowed from the pipeline */
  GstWebRTCRTPTransceiver *audio;
  GstWebRTCRTPTransceiver *video;
  GstSDPMessage           *offer;
} Peer;

typedef struct
{
  GMutex      lock;
  GCond       cond;
  gboolean    done;
  GstPromise *promise;
} Watchdog;

static gpointer
watchdog_run (gpointer data)
{
  Watchdog *watchdog = data;
  gint64 deadline = g_get_monotonic_time () + PROMISE_TIMEOUT_S * G_TIME_SPAN_SECOND;

  g_mutex_lock (&watchdog->lock);
  while (!watchdog->done)
    {
      if (!g_cond_wait_until (&watchdog->cond, &watchdog->lock, deadline))
        break;
    }
  /* expire (not interrupt) is a no-op on an already replied promise, so a reply that races
   * the deadline cannot trip a critical. */
  if (!watchdog->done)
    gst_promise_expire (watchdog->promise);
  g_mutex_unlock (&watchdog->lock);

  return NULL;
}

/* gst_promise_wait() has no timeout; a watchdog thread expires the promise instead, which
 * wakes the wait. The reply stays owned by @promise. */
static const GstStructure *
await_reply (GstPromise *promise,
             const char *what)
{
  Watchdog watchdog = { .promise = promise };
  GstPromiseResult result;
  GThread *thread;

  g_mutex_init (&watchdog.lock);
  g_cond_init (&watchdog.cond);
  thread = g_thread_new ("promise-watchdog", watchdog_run, &watchdog);

  result = gst_promise_wait (promise);

  g_mutex_lock (&watchdog.lock);
  watchdog.done = TRUE;
  g_cond_signal (&watchdog.cond);
  g_mutex_unlock (&watchdog.lock);
  g_thread_join (thread);
  g_mutex_clear (&watchdog.lock);
  g_cond_clear (&watchdog.cond);

  if (result != GST_PROMISE_RESULT_REPLIED)
    g_error ("%s: expected webrtcbin to reply within %d s, promise result is %d",
             what, PROMISE_TIMEOUT_S, result);

  return gst_promise_get_reply (promise);
}

/* webrtcbin 1.22 replies NULL on success and a structure with an "error" field on failure. */
static GError *
reply_error (const GstStructure *reply)
{
  GError *error = NULL;

  if (reply != NULL && gst_structure_has_field (reply, "error"))
    gst_structure_get (reply, "error", G_TYPE_ERROR, &error, NULL);

  return error;
}

static void
assert_reply_ok (const GstStructure *reply,
                 const char         *what)
{
  g_autoptr(GError) error = reply_error (reply);

  if (error != NULL)
    g_prefix_error (&error, "%s: ", what);
  g_assert_no_error (error);
}

/* The captured answer, made to answer our offer (media_test_fixture_answer: our mids, and
 * loopback for the server's address so that ICE checks started by set-remote-description
 * never reach a real server). A test-only adaptation: the client never rewrites mids. */
static char *
fixture_for_offer (const char          *name,
                   const GstSDPMessage *offer)
{
  g_autofree char *offer_text = gst_sdp_message_as_text (offer);

  return media_test_fixture_answer (name, offer_text);
}

static GstWebRTCRTPTransceiver *
add_transceiver (GstElement                       *webrtc,
                 GstWebRTCRTPTransceiverDirection  direction,
                 const char                       *caps_string)
{
  g_autoptr(GstCaps) caps = gst_caps_from_string (caps_string);
  GstWebRTCRTPTransceiver *trans = NULL;

  g_assert_nonnull (caps);
  g_signal_emit_by_name (webrtc, "add-transceiver", direction, caps, &trans);
  g_assert_nonnull (trans);

  return trans;
}

/* libnice maps ports through UPnP by default, which sends SSDP multicast on every interface
 * (and leaks a gssdp socket address, per valgrind); a unit test has no router to ask. */
static void
disable_upnp (GstElement *webrtc)
{
  g_autoptr(GObject) ice = NULL;
  g_autoptr(GObject) agent = NULL;

  g_object_get (webrtc, "ice-agent", &ice, NULL);
  if (ice == NULL || g_object_class_find_property (G_OBJECT_GET_CLASS (ice), "agent") == NULL)
    return;

  g_object_get (ice, "agent", &agent, NULL);
  if (agent != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (agent), "upnp") != NULL)
    g_object_set (agent, "upnp", FALSE, NULL);
}

static gboolean
have_elements (void)
{
  static const char *needed[] = { "webrtcbin", "nicesrc", "nicesink" };

  for (guint i = 0; i < G_N_ELEMENTS (needed); i++)
    {
      g_autoptr(GstElementFactory) factory = gst_element_factory_find (needed[i]);

      if (factory == NULL)
        {
          g_autofree char *reason = g_strdup_printf ("GStreamer element %s is not installed",
                                                     needed[i]);

          g_test_skip (reason);
          return FALSE;
        }
    }

  return TRUE;
}

/* A webrtcbin with an audio then a video transceiver (the order WCS answers in) and its
 * local offer applied, or NULL when the test is skipped. */
static Peer *
peer_new (GstWebRTCRTPTransceiverDirection direction)
{
  Peer *peer;
  GstPromise *promise;
  const GstStructure *reply;
  GstWebRTCSessionDescription *offer = NULL;

  if (!have_elements ())
    return NULL;

  peer = g_new0 (Peer, 1);
  peer->pipeline = gst_pipeline_new ("wcs-answer-test");
  peer->webrtc = gst_element_factory_make ("webrtcbin", "webrtc");
  g_assert_nonnull (peer->webrtc);
  /* WCS gives each m-line its own port and no BUNDLE group (protocol.md §9, rule 1). */
  g_object_set (peer->webrtc, "bundle-policy", GST_WEBRTC_BUNDLE_POLICY_NONE, NULL);
  disable_upnp (peer->webrtc);
  gst_bin_add (GST_BIN (peer->pipeline), peer->webrtc);

  peer->audio = add_transceiver (peer->webrtc, direction, OPUS_CAPS);
  peer->video = add_transceiver (peer->webrtc, direction, H264_CAPS);

  g_assert_cmpint (gst_element_set_state (peer->pipeline, GST_STATE_PLAYING),
                   !=, GST_STATE_CHANGE_FAILURE);

  promise = gst_promise_new ();
  g_signal_emit_by_name (peer->webrtc, "create-offer", NULL, promise);
  reply = await_reply (promise, "create-offer");
  assert_reply_ok (reply, "create-offer");
  g_assert_nonnull (reply);
  gst_structure_get (reply, "offer", GST_TYPE_WEBRTC_SESSION_DESCRIPTION, &offer, NULL);
  gst_promise_unref (promise);
  g_assert_nonnull (offer);
  g_assert_cmpuint (gst_sdp_message_medias_len (offer->sdp), ==, 2);
  gst_sdp_message_copy (offer->sdp, &peer->offer);

  promise = gst_promise_new ();
  g_signal_emit_by_name (peer->webrtc, "set-local-description", offer, promise);
  assert_reply_ok (await_reply (promise, "set-local-description"), "set-local-description");
  gst_promise_unref (promise);
  gst_webrtc_session_description_free (offer);

  return peer;
}

static void
peer_free (Peer *peer)
{
  gpointer webrtc = peer->webrtc;
  gpointer audio = peer->audio;
  gpointer video = peer->video;

  g_assert_cmpint (gst_element_set_state (peer->pipeline, GST_STATE_NULL),
                   ==, GST_STATE_CHANGE_SUCCESS);

  g_object_add_weak_pointer (webrtc, &webrtc);
  g_object_add_weak_pointer (audio, &audio);
  g_object_add_weak_pointer (video, &video);
  gst_clear_object (&peer->audio);
  gst_clear_object (&peer->video);
  peer->webrtc = NULL;
  g_assert_finalize_object (peer->pipeline);
  g_assert_null (webrtc);
  g_assert_null (audio);
  g_assert_null (video);

  gst_sdp_message_free (peer->offer);
  g_free (peer);
}

/* set-remote-description with @answer_text as an answer; returns webrtcbin's error, if any. */
static GError *
peer_set_answer (Peer       *peer,
                 const char *answer_text)
{
  GstSDPMessage *sdp = NULL;
  GstWebRTCSessionDescription *answer;
  GstPromise *promise;
  GError *error;

  g_assert_cmpint (gst_sdp_message_new_from_text (answer_text, &sdp), ==, GST_SDP_OK);
  answer = gst_webrtc_session_description_new (GST_WEBRTC_SDP_TYPE_ANSWER, sdp);

  promise = gst_promise_new ();
  g_signal_emit_by_name (peer->webrtc, "set-remote-description", answer, promise);
  error = reply_error (await_reply (promise, "set-remote-description"));
  gst_promise_unref (promise);
  gst_webrtc_session_description_free (answer);

  return error;
}

static GstWebRTCSignalingState
peer_get_signaling_state (Peer *peer)
{
  GstWebRTCSignalingState state;

  g_object_get (peer->webrtc, "signaling-state", &state, NULL);

  return state;
}

static void
check_transceiver (GstWebRTCRTPTransceiver *trans,
                   GstWebRTCKind            expected_kind,
                   const GstSDPMessage     *offer,
                   const GstSDPMessage     *answer)
{
  const char *kind_name = expected_kind == GST_WEBRTC_KIND_AUDIO ? "audio" : "video";
  GstWebRTCKind kind;
  g_autofree char *mid = NULL;
  guint mline;
  const GstSDPMedia *offer_media;
  const GstSDPMedia *answer_media;

  g_object_get (trans, "kind", &kind, "mid", &mid, "mlineindex", &mline, NULL);

  /* webrtcbin 1.22 adopts the answer's mids without comparing kinds, so a swapped answer
   * would reach "stable" too; only these checks would notice. */
  g_assert_cmpint (kind, ==, expected_kind);
  g_assert_cmpuint (mline, <, gst_sdp_message_medias_len (offer));
  offer_media = gst_sdp_message_get_media (offer, mline);
  answer_media = gst_sdp_message_get_media (answer, mline);
  g_assert_cmpstr (gst_sdp_media_get_media (offer_media), ==, kind_name);
  g_assert_cmpstr (gst_sdp_media_get_media (answer_media), ==, kind_name);
  g_assert_nonnull (mid);
  g_assert_cmpstr (mid, ==, gst_sdp_media_get_attribute_val (offer_media, "mid"));
  g_assert_cmpstr (mid, ==, gst_sdp_media_get_attribute_val (answer_media, "mid"));
}

/* Adapt @answer_text, apply it, and require everything Beacon relies on afterwards. */
static void
check_answer_accepted (Peer       *peer,
                       const char *answer_text)
{
  g_autofree char *adapted = NULL;
  g_autoptr(GError) error = NULL;
  GstWebRTCSessionDescription *remote = NULL;
  g_autofree char *audio_codec = NULL;
  g_autofree char *video_codec = NULL;

  adapted = beacon_sdp_adapt_wcs_answer (answer_text, &error);
  g_assert_no_error (error);

  error = peer_set_answer (peer, adapted);
  if (error != NULL)
    g_prefix_error (&error, "set-remote-description of the adapted answer: ");
  g_assert_no_error (error);
  g_assert_cmpint (peer_get_signaling_state (peer), ==, GST_WEBRTC_SIGNALING_STATE_STABLE);

  g_object_get (peer->webrtc, "remote-description", &remote, NULL);
  g_assert_nonnull (remote);
  g_assert_true (beacon_sdp_check_mlines_match (peer->offer, remote->sdp, &error));
  g_assert_no_error (error);

  check_transceiver (peer->audio, GST_WEBRTC_KIND_AUDIO, peer->offer, remote->sdp);
  check_transceiver (peer->video, GST_WEBRTC_KIND_VIDEO, peer->offer, remote->sdp);

  audio_codec = beacon_sdp_get_codec (remote->sdp, "audio");
  video_codec = beacon_sdp_get_codec (remote->sdp, "video");
  g_assert_cmpstr (audio_codec, ==, "opus");
  g_assert_cmpstr (video_codec, ==, "H264");

  gst_webrtc_session_description_free (remote);
}

static void
test_publish_answer (void)
{
  Peer *peer = peer_new (GST_WEBRTC_RTP_TRANSCEIVER_DIRECTION_SENDONLY);
  g_autofree char *answer = NULL;

  if (peer == NULL)
    return;

  answer = fixture_for_offer ("wcs-answer-publish.sdp", peer->offer);
  check_answer_accepted (peer, answer);

  peer_free (peer);
}

static void
test_play_answer (void)
{
  Peer *peer = peer_new (GST_WEBRTC_RTP_TRANSCEIVER_DIRECTION_RECVONLY);
  g_autofree char *answer = NULL;

  if (peer == NULL)
    return;

  answer = fixture_for_offer ("wcs-answer-play.sdp", peer->offer);
  check_answer_accepted (peer, answer);

  peer_free (peer);
}

static void
test_unadapted_answer_rejected (void)
{
  Peer *peer = peer_new (GST_WEBRTC_RTP_TRANSCEIVER_DIRECTION_RECVONLY);
  g_autofree char *answer = NULL;
  g_autoptr(GError) error = NULL;

  if (peer == NULL)
    return;

  /* The negative control: the same answer that the play case accepts, minus the adaptation,
   * so the a=setup lines are what makes the difference. */
  answer = fixture_for_offer ("wcs-answer-play.sdp", peer->offer);
  error = peer_set_answer (peer, answer);

  if (error == NULL)
    g_error ("set-remote-description of the raw WCS answer: expected webrtcbin to reject it "
             "for its missing a=setup, but it was accepted");
  g_test_message ("webrtcbin rejected the raw answer: %s", error->message);
  g_assert_nonnull (strstr (error->message, "setup"));
  g_assert_cmpint (peer_get_signaling_state (peer), ==,
                   GST_WEBRTC_SIGNALING_STATE_HAVE_LOCAL_OFFER);

  peer_free (peer);
}

static void
test_answer_with_setup_and_bundle (void)
{
  Peer *peer = peer_new (GST_WEBRTC_RTP_TRANSCEIVER_DIRECTION_SENDONLY);
  g_autofree char *fixture = NULL;
  g_autofree char *answer = NULL;
  g_autoptr(GstSDPMessage) sdp = NULL;
  g_autoptr(GString) group = NULL;

  if (peer == NULL)
    return;

  /* What a newer WCS, or Beacon's own server with its setup option, might send. */
  fixture = fixture_for_offer ("wcs-answer-publish.sdp", peer->offer);
  g_assert_cmpint (gst_sdp_message_new_from_text (fixture, &sdp), ==, GST_SDP_OK);
  group = g_string_new ("BUNDLE");
  for (guint i = 0; i < gst_sdp_message_medias_len (sdp); i++)
    {
      GstSDPMedia *media = (GstSDPMedia *) gst_sdp_message_get_media (sdp, i);

      g_string_append_printf (group, " %s", gst_sdp_media_get_attribute_val (media, "mid"));
      gst_sdp_media_add_attribute (media, "setup", "active");
    }
  gst_sdp_message_add_attribute (sdp, "group", group->str);
  answer = gst_sdp_message_as_text (sdp);

  check_answer_accepted (peer, answer);

  peer_free (peer);
}

static void
test_session_level_setup (void)
{
  Peer *peer = peer_new (GST_WEBRTC_RTP_TRANSCEIVER_DIRECTION_RECVONLY);
  g_autofree char *fixture = NULL;
  g_autofree char *answer = NULL;
  g_autoptr(GstSDPMessage) sdp = NULL;

  if (peer == NULL)
    return;

  /* webrtcbin 1.22 rejects a role given only at session level ("media 0 is missing ...
   * 'setup'"); the adaptation copies it onto each m-line. */
  fixture = fixture_for_offer ("wcs-answer-play.sdp", peer->offer);
  g_assert_cmpint (gst_sdp_message_new_from_text (fixture, &sdp), ==, GST_SDP_OK);
  gst_sdp_message_add_attribute (sdp, "setup", "active");
  answer = gst_sdp_message_as_text (sdp);

  check_answer_accepted (peer, answer);

  peer_free (peer);
}

/* @text with its two m-line sections in the opposite order. */
static char *
swap_media_sections (const char *text)
{
  const char *first = strstr (text, "\r\nm=");
  const char *second;

  g_assert_nonnull (first);
  second = strstr (first + 2, "\r\nm=");
  g_assert_nonnull (second);
  g_assert_null (strstr (second + 2, "\r\nm="));
  g_assert_true (g_str_has_suffix (text, "\r\n"));

  /* Each part keeps its own trailing CRLF: session, then the second section, then the first. */
  return g_strdup_printf ("%.*s%s%.*s",
                          (int) (first + 2 - text), text,
                          second + 2,
                          (int) (second - first), first + 2);
}

static void
test_swapped_answer_detected (void)
{
  Peer *peer = peer_new (GST_WEBRTC_RTP_TRANSCEIVER_DIRECTION_RECVONLY);
  g_autofree char *fixture = NULL;
  g_autofree char *adapted = NULL;
  g_autofree char *answer = NULL;
  g_autoptr(GError) error = NULL;
  GstWebRTCSessionDescription *remote = NULL;

  if (peer == NULL)
    return;

  /* Video first, audio second, each keeping its own (kind-matching) mid. */
  fixture = fixture_for_offer ("wcs-answer-play.sdp", peer->offer);
  adapted = beacon_sdp_adapt_wcs_answer (fixture, &error);
  g_assert_no_error (error);
  answer = swap_media_sections (adapted);
  g_assert_true (g_str_has_prefix (strstr (answer, "\r\nm="), "\r\nm=video"));

  error = peer_set_answer (peer, answer);
  if (error != NULL)
    {
      /* A newer webrtcbin that checks kinds itself is just as good. */
      g_test_message ("webrtcbin rejected the swapped answer: %s", error->message);
      peer_free (peer);
      return;
    }

  /* webrtcbin 1.22 lands here: "stable", with the audio transceiver moved onto m-line 1. */
  g_test_message ("webrtcbin accepted the swapped answer (signaling state %d)",
                  peer_get_signaling_state (peer));
  g_object_get (peer->webrtc, "remote-description", &remote, NULL);
  g_assert_nonnull (remote);
  g_assert_false (beacon_sdp_check_mlines_match (peer->offer, remote->sdp, &error));
  g_assert_error (error, BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_NEGOTIATION);
  gst_webrtc_session_description_free (remote);

  peer_free (peer);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gst_init (NULL, NULL);

  g_test_add_func ("/beacon/media/wcs-answer/publish", test_publish_answer);
  g_test_add_func ("/beacon/media/wcs-answer/play", test_play_answer);
  g_test_add_func ("/beacon/media/wcs-answer/unadapted-rejected", test_unadapted_answer_rejected);
  g_test_add_func ("/beacon/media/wcs-answer/setup-and-bundle", test_answer_with_setup_and_bundle);
  g_test_add_func ("/beacon/media/wcs-answer/session-level-setup", test_session_level_setup);
  g_test_add_func ("/beacon/media/wcs-answer/swapped-detected", test_swapped_answer_detected);

  return g_test_run ();
}
