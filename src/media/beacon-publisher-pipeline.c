/* beacon-publisher-pipeline.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The GStreamer half of BeaconPublisher: sources, the latency stamp and mute probes,
 * encoders, payloaders and the send-only webrtcbin. BeaconMediaPeer watches the bus. */

#define G_LOG_DOMAIN "beacon-publisher"

#include "config.h"

#include <glib/gi18n.h>
#include <gst/video/video.h>
#include <string.h>

#include "beacon-codec-picker.h"
#include "beacon-device-list.h"
#include "beacon-latency-stamp.h"
#include "beacon-media-error.h"
#include "beacon-publisher-private.h"

/* Payload types as WCS and Chromium number them (the fixtures' answers use the same), so a
 * WCS answer that lists its own codecs lines up with ours. */
#define OPUS_PT 111
#define H264_PT 127
#define VP8_PT  96

/* Codec preferences of the two send-only transceivers. The H.264 one leaves
 * profile-level-id to the payloader's caps (rewritten below): webrtcbin 1.22 intersects
 * preferences with the payloader's caps, and x264enc's constrained baseline (42c01e) does
 * not intersect 42e01f. */
#define OPUS_CAPS \
  "application/x-rtp,media=audio,encoding-name=OPUS,clock-rate=48000," \
  "encoding-params=(string)2,payload=111"
#define H264_CAPS \
  "application/x-rtp,media=video,encoding-name=H264,clock-rate=90000,payload=127," \
  "packetization-mode=(string)1,rtcp-fb-nack=(boolean)true," \
  "rtcp-fb-nack-pli=(boolean)true,rtcp-fb-ccm-fir=(boolean)true"
#define VP8_CAPS \
  "application/x-rtp,media=video,encoding-name=VP8,clock-rate=90000,payload=96," \
  "rtcp-fb-nack=(boolean)true,rtcp-fb-nack-pli=(boolean)true,rtcp-fb-ccm-fir=(boolean)true"

/* What WCS (and Chromium) expect of a WebRTC H.264 sender: constrained baseline, level 3.1,
 * packetization-mode 1. The stream is constrained baseline either way; the SPS's constraint
 * flags only differ in constraint_set2, which no decoder needs. */
#define H264_PROFILE_LEVEL_ID "42e01f"

static BeaconPublisherTap *
tap_new (BeaconPublisher *self)
{
  BeaconPublisherTap *tap = _beacon_media_peer_new_tap (BEACON_MEDIA_PEER (self),
                                                         sizeof (BeaconPublisherTap), NULL);

  tap->stamp = self->stamp;
  tap->video_muted = self->video_muted;
  tap->h264 = self->codec == BEACON_VIDEO_CODEC_H264;
  return tap;
}

static GstElement *
make (const char *factory,
      const char *name)
{
  GstElement *element = gst_element_factory_make (factory, name);

  /* Every factory used here was checked by beacon_webrtc_check_elements beforehand. */
  g_assert (element != NULL);
  return element;
}

/* Fills an I420 frame with black: what a browser sends for a disabled video track. */
static void
fill_black (GstVideoFrame *frame)
{
  for (guint plane = 0; plane < GST_VIDEO_FRAME_N_PLANES (frame); plane++)
    {
      guint8 *data = GST_VIDEO_FRAME_PLANE_DATA (frame, plane);
      int stride = GST_VIDEO_FRAME_PLANE_STRIDE (frame, plane);
      int rows = GST_VIDEO_FRAME_COMP_HEIGHT (frame, plane);
      int width = GST_VIDEO_FRAME_COMP_WIDTH (frame, plane);

      for (int y = 0; y < rows; y++)
        memset (data + (gsize) y * stride, plane == 0 ? 16 : 128, width);
    }
}

/* Runs on the capture streaming thread. The stamp's time must be the moment the frame
 * leaves the source (latency-stamp.md), so it is drawn here, before the tee and encoder. */
static GstPadProbeReturn
on_capture_buffer (GstPad          *pad,
                   GstPadProbeInfo *info,
                   gpointer         user_data)
{
  BeaconPublisherTap *tap = user_data;
  gboolean stamp = g_atomic_int_get (&tap->stamp);
  gboolean muted = g_atomic_int_get (&tap->video_muted);
  g_autoptr(GstCaps) caps = NULL;
  GstVideoInfo video_info;
  GstVideoFrame frame;
  GstBuffer *buffer;

  if (!stamp && !muted)
    return GST_PAD_PROBE_OK;

  caps = gst_pad_get_current_caps (pad);
  if (caps == NULL || !gst_video_info_from_caps (&video_info, caps))
    return GST_PAD_PROBE_OK;

  buffer = gst_buffer_make_writable (GST_PAD_PROBE_INFO_BUFFER (info));
  GST_PAD_PROBE_INFO_DATA (info) = buffer;
  if (!gst_video_frame_map (&frame, &video_info, buffer, GST_MAP_WRITE))
    return GST_PAD_PROBE_OK;

  if (muted)
    fill_black (&frame);
  else
    beacon_latency_stamp_draw (&frame, beacon_latency_stamp_now_ms ());
  gst_video_frame_unmap (&frame);

  return GST_PAD_PROBE_OK;
}

/* Runs on the encoder's streaming thread. */
static GstPadProbeReturn
on_encoded_buffer (GstPad          *pad,
                   GstPadProbeInfo *info,
                   gpointer         user_data)
{
  BeaconPublisherTap *tap = user_data;

  beacon_frame_counter_add (tap->base.frames);
  return GST_PAD_PROBE_OK;
}

/* The offer takes the H.264 profile from the payloader's caps, so it waits for them (tens
 * of milliseconds after PLAYING); it never waits for ICE gathering. */
static void
deliver_video_caps_ready (gpointer owner,
                          gpointer data)
{
  _beacon_media_peer_request_offer (owner);
}

/* Runs on the encoder's streaming thread. The payloader writes the SPS's own
 * profile-level-id into its caps; webrtcbin offers what the caps say (see H264_CAPS). */
static GstPadProbeReturn
on_payloader_event (GstPad          *pad,
                    GstPadProbeInfo *info,
                    gpointer         user_data)
{
  BeaconPublisherTap *tap = user_data;
  GstEvent *event = GST_PAD_PROBE_INFO_EVENT (info);
  GstCaps *caps = NULL;

  if (GST_EVENT_TYPE (event) != GST_EVENT_CAPS)
    return GST_PAD_PROBE_OK;

  if (tap->h264)
    {
      g_autoptr(GstCaps) fixed = NULL;

      gst_event_parse_caps (event, &caps);
      fixed = gst_caps_copy (caps);
      gst_caps_set_simple (fixed, "profile-level-id", G_TYPE_STRING, H264_PROFILE_LEVEL_ID,
                           NULL);
      GST_PAD_PROBE_INFO_DATA (info) = gst_event_new_caps (fixed);
      gst_event_unref (event);
    }

  if (g_atomic_int_compare_and_exchange (&tap->caps_seen, FALSE, TRUE))
    beacon_weak_owner_hop (tap->base.owner, deliver_video_caps_ready, NULL, NULL);

  return GST_PAD_PROBE_OK;
}

/* In the sandbox the device monitor sees no camera; the portal's PipeWire remote does.
 * pipewiresrc duplicates the fd, so ours stays the publisher's. */
static GstElement *
make_pipewire_source (BeaconPublisher *self,
                      GError         **error)
{
  GstElement *source = gst_element_factory_make ("pipewiresrc", "video-source");

  if (source == NULL)
    {
      /* Translators: do not translate the package name */
      g_set_error_literal (error, BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_MISSING_ELEMENT,
                           _("The camera needs the PipeWire GStreamer plugin: install "
                             "gstreamer1.0-pipewire"));
      return NULL;
    }
  g_object_set (source, "fd", self->pipewire_fd, NULL);
  return source;
}

/* The raw video source for self->source, scaled and converted as needed, ending in the
 * "capture-caps" filter. */
static GstElement *
add_video_source (BeaconPublisher *self,
                  GstBin          *bin,
                  GError         **error)
{
  g_autoptr(GstCaps) caps = NULL;
  GstElement *capsfilter;
  GstElement *source;

  caps = gst_caps_new_simple ("video/x-raw",
                              "format", G_TYPE_STRING, "I420",
                              "width", G_TYPE_INT, (int) self->width,
                              "height", G_TYPE_INT, (int) self->height,
                              "framerate", GST_TYPE_FRACTION, (int) self->fps, 1,
                              "pixel-aspect-ratio", GST_TYPE_FRACTION, 1, 1,
                              NULL);
  capsfilter = make ("capsfilter", "capture-caps");
  g_object_set (capsfilter, "caps", caps, NULL);

  if (g_strcmp0 (self->source, "test") == 0)
    {
      source = make ("videotestsrc", "video-source");
      g_object_set (source, "is-live", TRUE, NULL);
      /* Colour bars scrolling sideways: visibly live at a glance, with detail for the
       * encoder (a ball on black looks like a dead stream in a small tile). */
      gst_util_set_object_arg (G_OBJECT (source), "pattern", "smpte");
      g_object_set (source, "horizontal-speed", 2, NULL);
      gst_bin_add_many (bin, source, capsfilter, NULL);
      gst_element_link (source, capsfilter);
      return capsfilter;
    }

  if (self->pipewire_fd >= 0 && g_strcmp0 (self->source, "camera") == 0)
    source = make_pipewire_source (self, error);
  else
    source = beacon_device_list_make_source (g_strcmp0 (self->source, "camera") == 0
                                             ? NULL : self->source,
                                             BEACON_DEVICE_CAMERA, NULL, error);
  if (source == NULL)
    {
      gst_object_unref (g_object_ref_sink (capsfilter));
      return NULL;
    }

  {
    GstElement *convert = make ("videoconvert", "video-convert");
    GstElement *scale = make ("videoscale", "video-scale");
    GstElement *rate = make ("videorate", "video-rate");

    /* A camera runs at its own size and rate; these three adapt it to what was asked. */
    gst_bin_add_many (bin, source, convert, scale, rate, capsfilter, NULL);
    if (!gst_element_link_many (source, convert, scale, rate, capsfilter, NULL))
      {
        g_set_error (error, BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_NEGOTIATION,
                     _("The camera cannot deliver %u×%u video"), self->width, self->height);
        return NULL;
      }
  }
  return capsfilter;
}

static GstElement *
add_audio_source (BeaconPublisher *self,
                  GstBin          *bin)
{
  GstElement *source = NULL;

  if (g_strcmp0 (self->source, "test") != 0)
    source = beacon_device_list_make_source (NULL, BEACON_DEVICE_MICROPHONE, NULL, NULL);

  if (source == NULL)
    {
      /* A camera without a microphone still publishes audio (silence), as the WebSDK's
       * streams always carry both kinds WCS expects. */
      source = make ("audiotestsrc", "audio-source");
      g_object_set (source, "is-live", TRUE, "volume", 0.3, NULL);
      gst_util_set_object_arg (G_OBJECT (source), "wave",
                               g_strcmp0 (self->source, "test") == 0 ? "sine" : "silence");
    }
  gst_bin_add (bin, source);
  return source;
}

/* Links @src_element's src pad to a new webrtcbin sink pad, whose transceiver becomes
 * send-only with @caps_string. Pads are requested audio first, so the offer's m-lines come
 * in the order WCS answers in (protocol.md §9). */
static gboolean
link_to_webrtc (GstElement      *webrtc,
                GstElement      *src_element,
                const char      *pad_name,
                const char      *caps_string,
                GError         **error)
{
  g_autoptr(GstPad) src = gst_element_get_static_pad (src_element, "src");
  g_autoptr(GstPad) sink = gst_element_request_pad_simple (webrtc, pad_name);
  g_autoptr(GstCaps) caps = gst_caps_from_string (caps_string);
  GstWebRTCRTPTransceiver *trans = NULL;

  if (sink == NULL || gst_pad_link (src, sink) != GST_PAD_LINK_OK)
    {
      g_set_error (error, BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_NEGOTIATION,
                   _("Could not link %s to webrtcbin"), GST_OBJECT_NAME (src_element));
      return FALSE;
    }

  /* webrtcbin 1.22 does not pair a requested pad with a transceiver made by
   * add-transceiver beforehand (it makes a second, send-receive one); so the pad's own
   * transceiver is turned into the send-only one we want. */
  g_object_get (sink, "transceiver", &trans, NULL);
  g_assert (trans != NULL);
  g_object_set (trans,
                "direction", GST_WEBRTC_RTP_TRANSCEIVER_DIRECTION_SENDONLY,
                "codec-preferences", caps,
                NULL);
  gst_object_unref (trans);
  return TRUE;
}

static gboolean
add_audio_branch (BeaconPublisher *self,
                  GstBin          *bin,
                  GstElement      *webrtc,
                  GError         **error)
{
  GstElement *source = add_audio_source (self, bin);
  GstElement *convert = make ("audioconvert", "audio-convert");
  GstElement *resample = make ("audioresample", "audio-resample");
  GstElement *encoder = make ("opusenc", "audio-encoder");
  GstElement *pay = make ("rtpopuspay", "audio-pay");

  self->volume = make ("volume", "audio-mute");
  g_object_set (self->volume, "mute", self->audio_muted, NULL);
  g_object_set (pay, "pt", OPUS_PT, NULL);
  gst_bin_add_many (bin, convert, resample, self->volume, encoder, pay, NULL);
  if (!gst_element_link_many (source, convert, resample, self->volume, encoder, pay, NULL))
    {
      g_set_error_literal (error, BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_NEGOTIATION,
                           _("The microphone's audio cannot be encoded as Opus"));
      return FALSE;
    }

  return link_to_webrtc (webrtc, pay, "sink_0", OPUS_CAPS, error);
}

static gboolean
add_video_branch (BeaconPublisher *self,
                  GstBin          *bin,
                  GstElement      *webrtc,
                  GError         **error)
{
  const BeaconCodecEntry *entry = NULL;
  gboolean h264 = self->codec == BEACON_VIDEO_CODEC_H264;
  GstElement *capture;
  GstElement *tee;
  GstElement *queue;
  GstElement *encoded_caps;
  GstElement *pay;
  guint ssrc;
  g_autoptr(GstCaps) caps = NULL;

  /* A keyframe every two seconds: what a late joiner or a lost packet costs at most. */
  self->encoder = beacon_codec_picker_make_encoder (self->codec, BEACON_CODEC_MODE_AUTO,
                                                    self->bitrate, self->fps * 2, &entry,
                                                    error);
  if (self->encoder == NULL)
    return FALSE;
  g_free (self->encoder_name);
  self->encoder_name = g_strdup (entry->factory);

  if ((capture = add_video_source (self, bin, error)) == NULL)
    {
      gst_object_unref (g_object_ref_sink (self->encoder));
      self->encoder = NULL;
      return FALSE;
    }

  tee = make ("tee", "video-tee");
  queue = make ("queue", "encode-queue");
  g_object_set (queue, "max-size-buffers", 3, "max-size-bytes", 0, "max-size-time",
                (guint64) 0, NULL);
  /* Leaky: webrtcbin holds its sink pads blocked until the answer is applied, and an encoder
   * slower than the camera must not build up latency either; raw frames dropped before the
   * encoder cost nothing downstream, and the tee keeps feeding the preview. */
  gst_util_set_object_arg (G_OBJECT (queue), "leaky", "downstream");
  /* The profile goes on the encoder's caps (notes-media.md): pinning it after the
   * payloader fails to negotiate. */
  caps = h264 ? gst_caps_from_string ("video/x-h264,profile=constrained-baseline")
              : gst_caps_from_string ("video/x-vp8");
  encoded_caps = make ("capsfilter", "encoded-caps");
  g_object_set (encoded_caps, "caps", caps, NULL);

  pay = make (h264 ? "rtph264pay" : "rtpvp8pay", "video-pay");
  /* A fixed SSRC lets the stats find our video stream without trusting `kind`. */
  ssrc = g_random_int_range (1, G_MAXINT32);
  _beacon_media_peer_set_video_ssrc (BEACON_MEDIA_PEER (self), ssrc);
  g_object_set (pay, "pt", h264 ? H264_PT : VP8_PT, "ssrc", ssrc, NULL);
  if (h264)
    {
      /* SPS/PPS before every keyframe, and no waiting to aggregate NAL units. */
      g_object_set (pay, "config-interval", -1, NULL);
      gst_util_set_object_arg (G_OBJECT (pay), "aggregate-mode", "zero-latency");
    }
  else
    {
      gst_util_set_object_arg (G_OBJECT (pay), "picture-id-mode", "15-bit");
    }

  gst_bin_add_many (bin, tee, queue, self->encoder, encoded_caps, pay, NULL);
  if (!gst_element_link_many (capture, tee, queue, self->encoder, encoded_caps, pay, NULL))
    {
      g_set_error (error, BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_NEGOTIATION,
                   _("The %s encoder does not accept the captured video"), entry->factory);
      return FALSE;
    }

  beacon_media_tap_add_probe (self->tap, capture, "src", GST_PAD_PROBE_TYPE_BUFFER,
                               on_capture_buffer);
  beacon_media_tap_add_probe (self->tap, self->encoder, "src", GST_PAD_PROBE_TYPE_BUFFER,
                               on_encoded_buffer);
  beacon_media_tap_add_probe (self->tap, pay, "src", GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM,
                               on_payloader_event);

  if (self->preview_sink != NULL)
    {
      GstElement *preview_queue = make ("queue", "preview-queue");

      /* Leaky: a slow preview drops its own frames and never holds up the encoder. */
      g_object_set (preview_queue, "max-size-buffers", 2, "max-size-bytes", 0,
                    "max-size-time", (guint64) 0, NULL);
      gst_util_set_object_arg (G_OBJECT (preview_queue), "leaky", "downstream");
      gst_bin_add_many (bin, preview_queue, self->preview_sink, NULL);
      if (!gst_element_link_many (tee, preview_queue, self->preview_sink, NULL))
        {
          g_set_error_literal (error, BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_NEGOTIATION,
                               _("The preview sink does not accept raw video"));
          return FALSE;
        }
    }

  return link_to_webrtc (webrtc, pay, "sink_1", h264 ? H264_CAPS : VP8_CAPS, error);
}

gboolean
_beacon_publisher_build_pipeline (BeaconPublisher *self,
                                  GError         **error)
{
  static const char * const needed[] = {
    "videotestsrc", "audiotestsrc", "videoconvert", "videoscale", "videorate",
    "audioconvert", "audioresample", "volume", "opusenc", "rtpopuspay", "tee", "queue",
    "capsfilter", NULL
  };
  const char *pay = self->codec == BEACON_VIDEO_CODEC_H264 ? "rtph264pay" : "rtpvp8pay";
  const char * const pay_needed[] = { pay, NULL };
  BeaconMediaPeer *peer = BEACON_MEDIA_PEER (self);
  GstElement *webrtc;
  GstBin *bin;

  if (!beacon_webrtc_check_elements (needed, error) ||
      !beacon_webrtc_check_elements (pay_needed, error))
    return FALSE;

  webrtc = _beacon_media_peer_make_pipeline (peer, "beacon-publisher", error);
  if (webrtc == NULL)
    return FALSE;
  bin = GST_BIN (_beacon_media_peer_get_pipeline (peer));

  g_clear_pointer (&self->tap, beacon_media_tap_unref);
  self->tap = tap_new (self);

  return add_audio_branch (self, bin, webrtc, error) &&
         add_video_branch (self, bin, webrtc, error);
}
