/* beacon-player-pipeline.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The GStreamer half of BeaconPlayer: the receive-only webrtcbin, the decoding branches it
 * gets on pad-added, and the frame and latency-stamp probes. BeaconMediaPeer watches the
 * bus. */

#define G_LOG_DOMAIN "beacon-player"

#include "config.h"

#include <glib/gi18n.h>
#include <gst/video/video.h>

#include "beacon-codec-picker.h"
#include "beacon-media-error.h"
#include "beacon-player-private.h"

GST_DEBUG_CATEGORY_STATIC (beacon_player_pipeline_debug);
#define GST_CAT_DEFAULT beacon_player_pipeline_debug

/* protocol.md §9 rule 4: Opus needs encoding-params or the offer says OPUS/48000 without
 * "/2"; one video transceiver offers H.264 (packetization-mode 1, 42e01f, what WCS prefers)
 * and VP8, so the server picks whichever its publisher sends. Payload types as WCS and
 * Chromium number them. */
#define OPUS_CAPS \
  "application/x-rtp,media=audio,encoding-name=OPUS,clock-rate=48000," \
  "encoding-params=(string)2,payload=111"
#define VIDEO_CAPS \
  "application/x-rtp,media=video,encoding-name=H264,clock-rate=90000,payload=127," \
  "packetization-mode=(string)1,profile-level-id=(string)42e01f," \
  "rtcp-fb-nack=(boolean)true,rtcp-fb-nack-pli=(boolean)true,rtcp-fb-ccm-fir=(boolean)true;" \
  "application/x-rtp,media=video,encoding-name=VP8,clock-rate=90000,payload=96," \
  "rtcp-fb-nack=(boolean)true,rtcp-fb-nack-pli=(boolean)true,rtcp-fb-ccm-fir=(boolean)true"

typedef struct
{
  char  *codec;
  char  *decoder;
  guint  ssrc;
} VideoLinked;

static void
ensure_debug_category (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      GST_DEBUG_CATEGORY_INIT (beacon_player_pipeline_debug, "beacon-player", 0,
                               "Beacon player pipeline");
      g_once_init_leave (&once, 1);
    }
}

static void
tap_clear (gpointer data)
{
  BeaconPlayerTap *tap = data;

  gst_clear_object (&tap->video_sink);
  g_clear_pointer (&tap->latency, beacon_latency_window_free);
  g_mutex_clear (&tap->lock);
}

static BeaconPlayerTap *
tap_new (BeaconPlayer *self)
{
  BeaconPlayerTap *tap = _beacon_media_peer_new_tap (BEACON_MEDIA_PEER (self),
                                                      sizeof (BeaconPlayerTap), tap_clear);

  tap->decoder_mode = self->decoder_mode;
  tap->audio = self->audio;
  tap->measure_latency = self->measure_latency;
  tap->latency = beacon_latency_window_new ();
  g_mutex_init (&tap->lock);
  if (self->video_sink != NULL)
    {
      tap->video_sink = gst_object_ref (self->video_sink);
    }
  else
    {
      /* Headless: as fast as frames come, no clock to wait for. */
      tap->video_sink = gst_object_ref_sink (gst_element_factory_make ("fakesink",
                                                                       "video-sink"));
      g_object_set (tap->video_sink, "sync", FALSE, "async", FALSE, NULL);
    }
  return tap;
}

static void
tap_closure_notify (gpointer  data,
                    GClosure *closure)
{
  beacon_media_tap_unref (data);
}

static void
video_linked_free (gpointer data)
{
  VideoLinked *linked = data;

  g_free (linked->codec);
  g_free (linked->decoder);
  g_free (linked);
}

static void
deliver_video_linked (gpointer owner,
                      gpointer data)
{
  VideoLinked *linked = data;

  _beacon_player_video_linked (owner, linked->codec, linked->decoder, linked->ssrc);
}

static void
deliver_first_frame (gpointer owner,
                     gpointer data)
{
  _beacon_player_first_frame (owner);
}

static void
deliver_size (gpointer owner,
              gpointer data)
{
  GstVideoInfo *info = data;

  _beacon_player_set_size (owner, GST_VIDEO_INFO_WIDTH (info), GST_VIDEO_INFO_HEIGHT (info));
}

static void
deliver_error (gpointer owner,
               gpointer data)
{
  _beacon_media_peer_fail (owner, data);
}

/* Runs on the decoder's streaming thread: counts frames, reports the decoded size. */
static GstPadProbeReturn
on_decoded (GstPad          *pad,
            GstPadProbeInfo *info,
            gpointer         user_data)
{
  BeaconPlayerTap *tap = user_data;

  if (info->type & GST_PAD_PROBE_TYPE_BUFFER)
    {
      if (beacon_frame_counter_add (tap->base.frames))
        beacon_weak_owner_hop (tap->base.owner, deliver_first_frame, NULL, NULL);
    }
  else if (GST_EVENT_TYPE (GST_PAD_PROBE_INFO_EVENT (info)) == GST_EVENT_CAPS)
    {
      GstCaps *caps = NULL;
      GstVideoInfo video_info;

      gst_event_parse_caps (GST_PAD_PROBE_INFO_EVENT (info), &caps);
      if (gst_video_info_from_caps (&video_info, caps))
        beacon_weak_owner_hop (tap->base.owner, deliver_size, gst_video_info_copy (&video_info),
                               (GDestroyNotify) gst_video_info_free);
    }

  return GST_PAD_PROBE_OK;
}

/* Runs on the decoder's streaming thread, on frames as they are handed to the sink: that
 * is the "display" moment latency-stamp.md measures to. */
static GstPadProbeReturn
on_presented (GstPad          *pad,
              GstPadProbeInfo *info,
              gpointer         user_data)
{
  BeaconPlayerTap *tap = user_data;
  g_autoptr(GstCaps) caps = gst_pad_get_current_caps (pad);
  GstVideoInfo video_info;
  GstVideoFrame frame;
  BeaconStampResult result;
  guint64 stamped_ms = 0;
  guint64 now_ms;

  if (caps == NULL || !gst_video_info_from_caps (&video_info, caps) ||
      !gst_video_frame_map (&frame, &video_info, GST_PAD_PROBE_INFO_BUFFER (info), GST_MAP_READ))
    return GST_PAD_PROBE_OK;

  result = beacon_latency_stamp_read (&frame, &stamped_ms);
  now_ms = beacon_latency_stamp_now_ms ();
  gst_video_frame_unmap (&frame);

  g_mutex_lock (&tap->lock);
  tap->checked++;
  if (result == BEACON_STAMP_OK)
    {
      tap->stamped++;
      beacon_latency_window_add (tap->latency,
                                 (double) beacon_latency_stamp_latency_ms (now_ms, stamped_ms));
    }
  g_mutex_unlock (&tap->lock);

  return GST_PAD_PROBE_OK;
}

/* Adds @elements (NULL-terminated) to @bin, brings them to its state and links them in
 * order, then links @pad to the first. State first: a branch added to a running pipeline
 * must be PLAYING before data reaches it (notes-media.md). */
static gboolean
add_branch (GstBin     *bin,
            GstPad     *pad,
            GstElement *first,
            ...)
{
  g_autoptr(GPtrArray) elements = g_ptr_array_new ();
  g_autoptr(GstPad) sink = NULL;
  GstElement *element;
  va_list args;

  va_start (args, first);
  for (element = first; element != NULL; element = va_arg (args, GstElement *))
    g_ptr_array_add (elements, element);
  va_end (args);

  for (guint i = 0; i < elements->len; i++)
    gst_bin_add (bin, g_ptr_array_index (elements, i));
  for (guint i = 0; i + 1 < elements->len; i++)
    if (!gst_element_link (g_ptr_array_index (elements, i), g_ptr_array_index (elements, i + 1)))
      return FALSE;
  /* Sinks first, so that nothing upstream pushes into an element still at NULL. */
  for (guint i = elements->len; i > 0; i--)
    gst_element_sync_state_with_parent (g_ptr_array_index (elements, i - 1));

  sink = gst_element_get_static_pad (first, "sink");
  return gst_pad_link (pad, sink) == GST_PAD_LINK_OK;
}

static GstElement *
make_discard_sink (const char *name)
{
  GstElement *sink = gst_element_factory_make ("fakesink", name);

  g_object_set (sink, "sync", FALSE, "async", FALSE, NULL);
  return sink;
}

static void
report_error (BeaconPlayerTap *tap,
              GError          *error)
{
  beacon_weak_owner_hop (tap->base.owner, deliver_error, error, (GDestroyNotify) g_error_free);
}

static void
link_audio (BeaconPlayerTap *tap,
            GstBin          *bin,
            GstPad          *pad)
{
  GstElement *sink = NULL;

  if (tap->audio)
    sink = gst_element_factory_make ("autoaudiosink", "audio-sink");
  if (sink == NULL)
    sink = make_discard_sink ("audio-sink");

  if (!add_branch (bin, pad,
                   gst_element_factory_make ("rtpopusdepay", "audio-depay"),
                   gst_element_factory_make ("opusdec", "audio-decoder"),
                   gst_element_factory_make ("audioconvert", "audio-convert"),
                   gst_element_factory_make ("audioresample", "audio-resample"),
                   sink, NULL))
    report_error (tap, g_error_new (BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_NEGOTIATION,
                                    _("Could not link the audio decoder")));
}

static void
link_video (BeaconPlayerTap  *tap,
            GstBin           *bin,
            GstPad           *pad,
            BeaconVideoCodec  codec,
            guint             ssrc)
{
  const BeaconCodecEntry *entry = NULL;
  GError *error = NULL;
  GstElement *decoder;
  GstElement *depay;
  GstElement *parse = NULL;
  GstElement *convert;
  VideoLinked *linked;
  gboolean ok;

  decoder = beacon_codec_picker_make_decoder (codec, tap->decoder_mode, &entry, &error);
  if (decoder == NULL)
    {
      report_error (tap, error);
      return;
    }

  depay = gst_element_factory_make (codec == BEACON_VIDEO_CODEC_H264 ? "rtph264depay"
                                                                     : "rtpvp8depay",
                                    "video-depay");
  if (codec == BEACON_VIDEO_CODEC_H264)
    parse = gst_element_factory_make ("h264parse", "video-parse");
  convert = gst_element_factory_make ("videoconvert", "video-convert");

  if (parse != NULL)
    ok = add_branch (bin, pad, depay, parse, decoder, convert, tap->video_sink, NULL);
  else
    ok = add_branch (bin, pad, depay, decoder, convert, tap->video_sink, NULL);
  if (!ok)
    {
      report_error (tap, g_error_new (BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_NEGOTIATION,
                                      _("Could not link the %s decoder to the video sink"),
                                      entry->factory));
      return;
    }

  beacon_media_tap_add_probe (tap, decoder, "src",
                               GST_PAD_PROBE_TYPE_BUFFER | GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM,
                               on_decoded);
  if (tap->measure_latency)
    beacon_media_tap_add_probe (tap, convert, "src", GST_PAD_PROBE_TYPE_BUFFER, on_presented);

  linked = g_new0 (VideoLinked, 1);
  linked->codec = g_strdup (beacon_video_codec_to_string (codec));
  linked->decoder = g_strdup (entry->factory);
  linked->ssrc = ssrc;
  beacon_weak_owner_hop (tap->base.owner, deliver_video_linked, linked, video_linked_free);
}

/* Runs on a webrtcbin streaming thread, just before the first buffer of a new stream. The
 * branch is built right here, not after a hop: a buffer pushed into an unlinked pad is a
 * not-linked flow error that stops the stream. Only the tap's fixed settings are read. */
static void
on_pad_added (GstElement *webrtc,
              GstPad     *pad,
              gpointer    user_data)
{
  BeaconPlayerTap *tap = user_data;
  GstBin *bin = GST_BIN (GST_ELEMENT_PARENT (webrtc));
  g_autoptr(GstCaps) caps = NULL;
  const GstStructure *s;
  const char *media;
  const char *encoding;
  BeaconVideoCodec codec;
  guint ssrc = 0;

  if (GST_PAD_DIRECTION (pad) != GST_PAD_SRC)
    return;

  caps = gst_pad_get_current_caps (pad);
  if (caps == NULL)
    caps = gst_pad_query_caps (pad, NULL);
  s = gst_caps_get_structure (caps, 0);
  media = gst_structure_get_string (s, "media");
  encoding = gst_structure_get_string (s, "encoding-name");
  gst_structure_get_uint (s, "ssrc", &ssrc);
  GST_DEBUG_OBJECT (webrtc, "new pad %s: %" GST_PTR_FORMAT, GST_PAD_NAME (pad), caps);

  if (g_strcmp0 (media, "audio") == 0 && g_ascii_strcasecmp (encoding ? encoding : "", "OPUS") == 0)
    {
      link_audio (tap, bin, pad);
    }
  else if (g_strcmp0 (media, "video") == 0 && beacon_video_codec_from_string (encoding, &codec) &&
           g_atomic_int_compare_and_exchange (&tap->video_linked, FALSE, TRUE))
    {
      link_video (tap, bin, pad, codec, ssrc);
    }
  else
    {
      /* Something we cannot use (a codec we did not offer, a second video stream): drain it
       * so that it does not stop the others with a not-linked error. */
      GST_WARNING_OBJECT (webrtc, "discarding %s", GST_PAD_NAME (pad));
      add_branch (bin, pad, make_discard_sink (NULL), NULL);
    }
}

gboolean
_beacon_player_build_pipeline (BeaconMediaPeer *peer,
                               GError         **error)
{
  static const char * const needed[] = {
    "rtpopusdepay", "opusdec", "audioconvert", "audioresample", "fakesink", "videoconvert",
    "rtph264depay", "h264parse", "rtpvp8depay", NULL
  };
  BeaconPlayer *self = BEACON_PLAYER (peer);
  GstWebRTCRTPTransceiver *audio;
  GstWebRTCRTPTransceiver *video;
  GstElement *webrtc;

  ensure_debug_category ();

  if (!beacon_webrtc_check_elements (needed, error))
    return FALSE;

  webrtc = _beacon_media_peer_make_pipeline (peer, "beacon-player", error);
  if (webrtc == NULL)
    return FALSE;
  /* webrtcbin's default jitterbuffer latency is 200 ms; 50 ms cut first-frame time by
   * 80–220 ms on loopback (notes-media.md). */
  g_object_set (webrtc, "latency", self->latency, NULL);

  /* Receive-only transceivers before create-offer, audio first: the order WCS answers in. */
  audio = beacon_webrtc_add_transceiver (webrtc,
                                         GST_WEBRTC_RTP_TRANSCEIVER_DIRECTION_RECVONLY,
                                         OPUS_CAPS);
  video = beacon_webrtc_add_transceiver (webrtc,
                                         GST_WEBRTC_RTP_TRANSCEIVER_DIRECTION_RECVONLY,
                                         VIDEO_CAPS);
  gst_clear_object (&audio);
  gst_clear_object (&video);

  g_clear_pointer (&self->tap, beacon_media_tap_unref);
  self->tap = tap_new (self);
  g_signal_connect_data (webrtc, "pad-added", G_CALLBACK (on_pad_added),
                         beacon_media_tap_ref (self->tap), tap_closure_notify, 0);
  return TRUE;
}
