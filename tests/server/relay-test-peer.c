/* relay-test-peer.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gst/video/video.h>
#include <gst/webrtc/webrtc.h>

#include "beacon-sdp-adapt.h"
#include "relay-test-peer.h"

#define OPUS_CAPS \
  "application/x-rtp,media=audio,encoding-name=OPUS,payload=111,clock-rate=48000," \
  "encoding-params=(string)2"
#define RECV_VIDEO_CAPS \
  "application/x-rtp,media=video,encoding-name=H264,payload=102,clock-rate=90000," \
  "packetization-mode=(string)1,profile-level-id=(string)42e01f;" \
  "application/x-rtp,media=video,encoding-name=VP8,payload=96,clock-rate=90000"

static void
note_error (TestPeer   *peer,
            const char *message)
{
  if (peer->error == NULL)
    peer->error = g_strdup (message);
}

static void
setup_ice (GstElement *webrtc)
{
  g_autoptr(GObject) ice = NULL;
  g_autoptr(GObject) agent = NULL;
  gboolean added = FALSE;

  g_object_get (webrtc, "ice-agent", &ice, NULL);
  g_object_set (ice, "ice-tcp", FALSE, NULL);
  g_signal_emit_by_name (ice, "add-local-ip-address", "127.0.0.1", &added);
  g_object_get (ice, "agent", &agent, NULL);
  if (agent != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (agent), "upnp"))
    g_object_set (agent, "upnp", FALSE, NULL);
}

/* Luma of a decoded I420 frame at (x, y) as fractions of its size; -1 when not I420. */
static int
sample_luma (GstBuffer *buffer,
             GstCaps   *caps,
             double     x,
             double     y)
{
  GstVideoInfo info;
  GstVideoFrame frame;
  int luma;

  if (caps == NULL || !gst_video_info_from_caps (&info, caps) ||
      GST_VIDEO_INFO_FORMAT (&info) != GST_VIDEO_FORMAT_I420 ||
      !gst_video_frame_map (&frame, &info, buffer, GST_MAP_READ))
    return -1;
  luma = ((guint8 *) GST_VIDEO_FRAME_PLANE_DATA (&frame, 0))
           [(int) (y * info.height) * GST_VIDEO_FRAME_PLANE_STRIDE (&frame, 0) +
            (int) (x * info.width)];
  gst_video_frame_unmap (&frame);
  return luma;
}

static GstPadProbeReturn
on_frame (GstPad          *pad,
          GstPadProbeInfo *info,
          gpointer         user_data)
{
  TestPeer *peer = user_data;

  if (info->type & GST_PAD_PROBE_TYPE_BUFFER)
    {
      g_autoptr(GstCaps) caps = gst_pad_get_current_caps (pad);

      g_atomic_int_inc (&peer->frames);
      /* Two colour bars in the top quarter: yellow (2nd) and red (6th) of SMPTE's seven;
       * a publisher samples what it captures, a player what it decoded. */
      if (peer->decode || peer->publisher)
        {
          g_atomic_int_set (&peer->probe_luma[0],
                            sample_luma (GST_PAD_PROBE_INFO_BUFFER (info), caps, 3 / 14.0, 0.2));
          g_atomic_int_set (&peer->probe_luma[1],
                            sample_luma (GST_PAD_PROBE_INFO_BUFFER (info), caps, 11 / 14.0, 0.2));
        }
    }
  else if (GST_EVENT_TYPE (GST_PAD_PROBE_INFO_EVENT (info)) == GST_EVENT_CAPS)
    {
      GstCaps *caps;
      int w = 0, h = 0;

      gst_event_parse_caps (GST_PAD_PROBE_INFO_EVENT (info), &caps);
      gst_structure_get_int (gst_caps_get_structure (caps, 0), "width", &w);
      gst_structure_get_int (gst_caps_get_structure (caps, 0), "height", &h);
      g_atomic_int_set (&peer->width, w);
      g_atomic_int_set (&peer->height, h);
    }
  return GST_PAD_PROBE_OK;
}

static GstPadProbeReturn
on_audio (GstPad          *pad,
          GstPadProbeInfo *info,
          gpointer         user_data)
{
  g_atomic_int_inc (&((TestPeer *) user_data)->audio_buffers);
  return GST_PAD_PROBE_OK;
}

/* Streaming thread: build the receiving chain for one incoming track. */
static void
on_pad_added (GstElement *webrtc,
              GstPad     *pad,
              TestPeer   *peer)
{
  g_autoptr(GstCaps) caps = NULL;
  g_autoptr(GstPad) probe_pad = NULL;
  g_autoptr(GstPad) sink = NULL;
  const GstStructure *s;
  const char *encoding;
  GstElement *bin;
  g_autoptr(GError) error = NULL;
  const char *description;

  if (GST_PAD_DIRECTION (pad) != GST_PAD_SRC)
    return;
  caps = gst_pad_get_current_caps (pad);
  s = gst_caps_get_structure (caps, 0);
  encoding = gst_structure_get_string (s, "encoding-name");
  if (g_strcmp0 (gst_structure_get_string (s, "media"), "video") == 0)
    {
      guint ssrc = 0;

      gst_structure_get_uint (s, "ssrc", &ssrc);
      g_atomic_int_set (&peer->video_ssrc, ssrc);
    }
  if (g_strcmp0 (encoding, "OPUS") == 0)
    description = "rtpopusdepay name=last ! opusdec ! fakesink async=false";
  else if (g_strcmp0 (encoding, "H264") == 0)
    description = peer->decode ?
      "rtph264depay ! h264parse ! avdec_h264 name=last ! fakesink async=false" :
      "rtph264depay ! h264parse name=last ! fakesink async=false";
  else
    description = peer->decode ? "rtpvp8depay ! vp8dec name=last ! fakesink async=false" :
                                 "rtpvp8depay name=last ! fakesink async=false";

  bin = gst_parse_bin_from_description (description, TRUE, &error);
  g_assert_no_error (error);
  gst_bin_add (GST_BIN (peer->pipeline), bin);
  gst_element_sync_state_with_parent (bin);
  {
    g_autoptr(GstElement) last = gst_bin_get_by_name (GST_BIN (bin), "last");

    probe_pad = gst_element_get_static_pad (last, "src");
  }
  if (g_strcmp0 (encoding, "OPUS") == 0)
    gst_pad_add_probe (probe_pad, GST_PAD_PROBE_TYPE_BUFFER, on_audio, peer, NULL);
  else
    gst_pad_add_probe (probe_pad, GST_PAD_PROBE_TYPE_BUFFER | GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM,
                       on_frame, peer, NULL);
  sink = gst_element_get_static_pad (bin, "sink");
  g_assert_cmpint (gst_pad_link (pad, sink), ==, GST_PAD_LINK_OK);
}

/* Drops @loss of the video RTP packets on their way into webrtcbin, as a lossy network
 * would (but before the RTX store, see the nack-pli test). */
static GstPadProbeReturn
on_wire (GstPad          *pad,
         GstPadProbeInfo *info,
         gpointer         user_data)
{
  TestPeer *peer = user_data;

  return g_random_double () < peer->loss ? GST_PAD_PROBE_DROP : GST_PAD_PROBE_OK;
}

static TestPeer *
peer_new (const char *url,
          gboolean    publisher)
{
  TestPeer *peer = g_new0 (TestPeer, 1);

  peer->publisher = publisher;
  peer->client = beacon_wcs_client_new (url);
  peer->rates = g_ptr_array_new_with_free_func ((GDestroyNotify) beacon_wcs_rate_sample_free);
  return peer;
}

static void
add_webrtcbin (TestPeer *peer)
{
  peer->webrtc = gst_element_factory_make ("webrtcbin", NULL);
  g_assert_nonnull (peer->webrtc);
  /* protocol.md §9: one transport per m-line, as the WCS-shaped answer has. */
  g_object_set (peer->webrtc, "bundle-policy", GST_WEBRTC_BUNDLE_POLICY_NONE, "latency", 50,
                NULL);
  setup_ice (peer->webrtc);
  gst_bin_add (GST_BIN (peer->pipeline), peer->webrtc);
  g_signal_connect (peer->webrtc, "pad-added", G_CALLBACK (on_pad_added), peer);
}

TestPeer *
test_peer_new_publisher (const char *url,
                         const char *codec,
                         int         width,
                         int         height)
{
  return test_peer_new_lossy_publisher (url, codec, width, height, 0);
}

TestPeer *
test_peer_new_lossy_publisher (const char *url,
                               const char *codec,
                               int         width,
                               int         height,
                               double      loss)
{
  TestPeer *peer = peer_new (url, TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GstElement) video = NULL;
  g_autoptr(GstPad) video_src = NULL;
  g_autoptr(GstPad) probe_pad = NULL;
  const char *encoder;
  g_autoptr(GArray) transceivers = NULL;

  if (g_str_equal (codec, "H264-SLICED"))
    encoder = "x264enc tune=zerolatency speed-preset=ultrafast key-int-max=60 bitrate=600 "
              "threads=4 sliced-threads=true ! video/x-h264,profile=constrained-baseline ! "
              "rtph264pay config-interval=-1 aggregate-mode=zero-latency ! "
              "application/x-rtp,media=video,encoding-name=H264,payload=102,"
              "packetization-mode=(string)1";
  else if (g_str_equal (codec, "H264"))
    encoder = "x264enc tune=zerolatency speed-preset=ultrafast key-int-max=60 bitrate=600 ! "
              "video/x-h264,profile=constrained-baseline ! "
              "rtph264pay config-interval=-1 aggregate-mode=zero-latency ! "
              "application/x-rtp,media=video,encoding-name=H264,payload=102,"
              "packetization-mode=(string)1";
  else
    encoder = "vp8enc deadline=1 cpu-used=8 target-bitrate=600000 keyframe-max-dist=60 ! "
              "rtpvp8pay picture-id-mode=15-bit ! "
              "application/x-rtp,media=video,encoding-name=VP8,payload=96";

  /* Audio first: WCS answers audio before video and webrtcbin does not check kinds. */
  description = g_strdup_printf (
    "audiotestsrc is-live=true wave=sine ! audioconvert ! audioresample ! opusenc ! "
    "rtpopuspay ! " OPUS_CAPS " ! webrtcbin name=webrtc "
    "videotestsrc is-live=true pattern=%s ! "
    "video/x-raw,width=%d,height=%d,framerate=30/1 ! identity name=frames ! %s ! "
    "identity name=wire ! webrtc.",
    g_str_equal (codec, "H264-SLICED") ? "smpte" : "ball", width, height, encoder);
  peer->pipeline = gst_parse_launch (description, &error);
  g_assert_no_error (error);
  peer->webrtc = gst_bin_get_by_name (GST_BIN (peer->pipeline), "webrtc");
  gst_object_unref (peer->webrtc);   /* the pipeline keeps it */
  g_object_set (peer->webrtc, "bundle-policy", GST_WEBRTC_BUNDLE_POLICY_NONE, NULL);
  setup_ice (peer->webrtc);
  /* Keep what was sent so that NACKed packets can be resent (RTX, when the answer has it). */
  g_signal_emit_by_name (peer->webrtc, "get-transceivers", &transceivers);
  for (guint i = 0; transceivers != NULL && i < transceivers->len; i++)
    g_object_set (g_array_index (transceivers, GObject *, i), "do-nack", TRUE, NULL);
  if (loss > 0)
    {
      g_autoptr(GstElement) wire = gst_bin_get_by_name (GST_BIN (peer->pipeline), "wire");
      g_autoptr(GstPad) wire_src = gst_element_get_static_pad (wire, "src");

      peer->loss = loss;
      gst_pad_add_probe (wire_src, GST_PAD_PROBE_TYPE_BUFFER, on_wire, peer, NULL);
    }
  video = gst_bin_get_by_name (GST_BIN (peer->pipeline), "frames");
  probe_pad = gst_element_get_static_pad (video, "src");
  gst_pad_add_probe (probe_pad, GST_PAD_PROBE_TYPE_BUFFER, on_frame, peer, NULL);
  return peer;
}

TestPeer *
test_peer_new_sliced_publisher (const char *url,
                                int         width,
                                int         height)
{
  return test_peer_new_lossy_publisher (url, "H264-SLICED", width, height, 0);
}

TestPeer *
test_peer_new_player (const char *url,
                      gboolean    decode)
{
  TestPeer *peer = peer_new (url, FALSE);
  g_autoptr(GstCaps) audio = gst_caps_from_string (OPUS_CAPS);
  g_autoptr(GstCaps) video = gst_caps_from_string (RECV_VIDEO_CAPS);
  GstWebRTCRTPTransceiver *trans = NULL;

  peer->decode = decode;
  peer->pipeline = gst_pipeline_new (NULL);
  add_webrtcbin (peer);
  g_signal_emit_by_name (peer->webrtc, "add-transceiver",
                         GST_WEBRTC_RTP_TRANSCEIVER_DIRECTION_RECVONLY, audio, &trans);
  gst_clear_object (&trans);
  g_signal_emit_by_name (peer->webrtc, "add-transceiver",
                         GST_WEBRTC_RTP_TRANSCEIVER_DIRECTION_RECVONLY, video, &trans);
  gst_clear_object (&trans);
  return peer;
}

/* Waits on a promise from the main thread (never from a promise callback). */
static GstStructure *
wait_promise (GstPromise *promise)
{
  GstStructure *reply = NULL;

  if (gst_promise_wait (promise) == GST_PROMISE_RESULT_REPLIED && gst_promise_get_reply (promise))
    reply = gst_structure_copy (gst_promise_get_reply (promise));
  gst_promise_unref (promise);
  return reply;
}

static void
on_remote_sdp (BeaconWcsStream *stream,
               const char      *sdp,
               TestPeer        *peer)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fixed = NULL;
  g_autoptr(GstSDPMessage) message = NULL;
  g_autoptr(GstStructure) reply = NULL;
  GstWebRTCSessionDescription *answer;

  peer->answer = g_strdup (sdp);
  /* The client's half of protocol.md §9: the server gives no DTLS role. */
  if (!(fixed = beacon_sdp_adapt_wcs_answer (sdp, &error)))
    {
      note_error (peer, error->message);
      return;
    }
  gst_sdp_message_new_from_text (fixed, &message);
  answer = gst_webrtc_session_description_new (GST_WEBRTC_SDP_TYPE_ANSWER,
                                               g_steal_pointer (&message));
  {
    GstPromise *promise = gst_promise_new ();

    g_signal_emit_by_name (peer->webrtc, "set-remote-description", answer, promise);
    reply = wait_promise (promise);
  }
  gst_webrtc_session_description_free (answer);
  if (reply != NULL && gst_structure_has_field (reply, "error"))
    note_error (peer, "set-remote-description failed");
  else
    peer->answer_applied = TRUE;
}

static void
on_rate (BeaconWcsStream           *stream,
         const BeaconWcsRateSample *sample,
         TestPeer                  *peer)
{
  g_ptr_array_add (peer->rates, beacon_wcs_rate_sample_copy (sample));
}

/* notifyVideoFormat (and a status with a size) updates the stream's width. */
static void
on_width (BeaconWcsStream *stream,
          GParamSpec      *pspec,
          TestPeer        *peer)
{
  peer->format_width = beacon_wcs_stream_get_width (stream);
}

static void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  TestPeer *peer = user_data;
  g_autoptr(GError) error = NULL;

  if (!beacon_wcs_client_connect_finish (peer->client, result, &error))
    note_error (peer, error->message);
}

void
test_peer_start (TestPeer   *peer,
                 const char *name)
{
  g_autoptr(GstStructure) reply = NULL;
  GstWebRTCSessionDescription *offer = NULL;
  GstPromise *promise;
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  beacon_wcs_client_connect_async (peer->client, NULL, on_connected, peer);
  while (beacon_wcs_client_get_state (peer->client) != BEACON_WCS_STATE_ESTABLISHED &&
         peer->error == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  if (beacon_wcs_client_get_state (peer->client) != BEACON_WCS_STATE_ESTABLISHED)
    {
      note_error (peer, "the client did not reach ESTABLISHED");
      return;
    }

  gst_element_set_state (peer->pipeline, GST_STATE_PLAYING);
  promise = gst_promise_new ();
  g_signal_emit_by_name (peer->webrtc, "create-offer", NULL, promise);
  reply = wait_promise (promise);
  if (reply == NULL ||
      !gst_structure_get (reply, "offer", GST_TYPE_WEBRTC_SESSION_DESCRIPTION, &offer, NULL))
    {
      note_error (peer, "create-offer gave no offer");
      return;
    }
  promise = gst_promise_new ();
  g_signal_emit_by_name (peer->webrtc, "set-local-description", offer, promise);
  g_clear_pointer (&reply, gst_structure_free);
  reply = wait_promise (promise);
  peer->offer = gst_sdp_message_as_text (offer->sdp);
  gst_webrtc_session_description_free (offer);

  peer->stream = beacon_wcs_stream_new (peer->publisher ? BEACON_WCS_STREAM_KIND_PUBLISH
                                                        : BEACON_WCS_STREAM_KIND_PLAY, name);
  g_signal_connect (peer->stream, "remote-sdp-received", G_CALLBACK (on_remote_sdp), peer);
  g_signal_connect (peer->stream, "rate-sample", G_CALLBACK (on_rate), peer);
  g_signal_connect (peer->stream, "notify::width", G_CALLBACK (on_width), peer);
  /* Sent at once, without waiting for our own ICE gathering (protocol.md §9 rule 3). */
  if (!(peer->publisher ? beacon_wcs_client_publish (peer->client, peer->stream, peer->offer, &error)
                        : beacon_wcs_client_play (peer->client, peer->stream, peer->offer, &error)))
    note_error (peer, error->message);
}

BeaconWcsStreamStatus
test_peer_get_status (TestPeer *peer)
{
  return peer->stream ? beacon_wcs_stream_get_status (peer->stream)
                      : BEACON_WCS_STREAM_STATUS_NEW;
}

static gboolean
on_count_done (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

int
test_peer_count_frames (TestPeer *peer,
                        double    seconds)
{
  int before = g_atomic_int_get (&peer->frames);
  gboolean done = FALSE;

  g_timeout_add ((guint) (seconds * 1000), on_count_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  return g_atomic_int_get (&peer->frames) - before;
}

void
test_peer_free (TestPeer *peer)
{
  if (peer == NULL)
    return;
  if (peer->pipeline != NULL)
    {
      gst_element_set_state (peer->pipeline, GST_STATE_NULL);
      gst_object_unref (peer->pipeline);
    }
  if (peer->stream != NULL)
    g_signal_handlers_disconnect_by_data (peer->stream, peer);
  beacon_wcs_client_disconnect (peer->client);
  g_clear_object (&peer->stream);
  g_clear_object (&peer->client);
  g_ptr_array_unref (peer->rates);
  g_free (peer->offer);
  g_free (peer->answer);
  g_free (peer->error);
  g_free (peer);
}
