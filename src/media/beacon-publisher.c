/* beacon-publisher.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-publisher"

#include "config.h"

#include <glib/gi18n.h>

#include "beacon-codec-picker.h"
#include "beacon-media-enums.h"
#include "beacon-media-error.h"
#include "beacon-protocol-enums.h"
#include "beacon-publisher-private.h"
#include "beacon-sdp-adapt.h"
#include "beacon-wcs-error.h"

/* Without a caps event on the video path (a camera that never starts) the offer goes out
 * anyway after this long, so that the server's answer or refusal still comes back. */
#define OFFER_CAPS_TIMEOUT_MS 2000

enum {
  STATS_TICK,       /* the once-a-second sample */
  STATS_QUALITY,    /* the byte counter at a server rate report */
};

G_DEFINE_FINAL_TYPE (BeaconPublisher, beacon_publisher, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_SOURCE,
  PROP_CODEC,
  PROP_WIDTH,
  PROP_HEIGHT,
  PROP_FPS,
  PROP_BITRATE,
  PROP_STAMP,
  PROP_RECORD,
  PROP_AUDIO_MUTED,
  PROP_VIDEO_MUTED,
  PROP_PREVIEW_SINK,
  PROP_ENCODER_NAME,
  PROP_STREAM,
  PROP_STATUS,
  PROP_ERROR,
  N_PROPS
};

enum {
  STATS_UPDATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_status (BeaconPublisher      *self,
            BeaconWcsStreamStatus status)
{
  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static void
set_error (BeaconPublisher *self,
           const GError    *error)
{
  if (self->error != NULL || error == NULL)
    return;   /* the first error is the one that explains the rest */
  self->error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static gboolean
stream_is_live (BeaconPublisher *self)
{
  return self->stream != NULL && !beacon_wcs_stream_is_terminal (self->stream) &&
         beacon_wcs_stream_get_status (self->stream) != BEACON_WCS_STREAM_STATUS_NEW;
}

static void
release_media (BeaconPublisher *self)
{
  g_clear_handle_id (&self->stats_source_id, g_source_remove);
  _beacon_publisher_drop_pipeline (self);
}

void
_beacon_publisher_fail (BeaconPublisher *self,
                        const GError    *error)
{
  g_autoptr(GError) stop_error = NULL;

  g_debug ("publish failed: %s", error->message);
  set_error (self, error);
  if (stream_is_live (self) && !beacon_wcs_stream_stop (self->stream, &stop_error))
    g_debug ("could not unpublish: %s", stop_error->message);
  release_media (self);
}

/* webrtcbin's offer is ready: it goes to the server at once, ICE gathering or not. */
static void
on_offer_created (gpointer             owner,
                  GstElement          *webrtc,
                  const GstSDPMessage *offer,
                  const GError        *error)
{
  BeaconPublisher *self = owner;
  g_autoptr(GError) send_error = NULL;
  g_autofree char *text = NULL;

  if (webrtc != self->webrtc || self->stream == NULL)
    return;   /* a reply for a pipeline we have dropped since */
  if (error != NULL)
    {
      _beacon_publisher_fail (self, error);
      return;
    }
  if (beacon_wcs_stream_get_status (self->stream) != BEACON_WCS_STREAM_STATUS_NEW)
    return;

  text = gst_sdp_message_as_text (offer);
  g_debug ("sending publishStream for “%s”", beacon_wcs_stream_get_name (self->stream));
  if (!beacon_wcs_client_publish (self->client, self->stream, text, &send_error))
    _beacon_publisher_fail (self, send_error);
}

static void
request_offer (BeaconPublisher *self)
{
  if (self->offer_requested || self->webrtc == NULL)
    return;
  self->offer_requested = TRUE;
  g_clear_handle_id (&self->offer_timeout_id, g_source_remove);
  beacon_webrtc_create_offer (self->webrtc, self->weak, on_offer_created);
}

void
_beacon_publisher_video_caps_ready (BeaconPublisher *self)
{
  /* The offer takes the H.264 profile from the payloader's caps, so it waits for them
   * (tens of milliseconds after PLAYING); it never waits for ICE gathering. */
  request_offer (self);
}

static gboolean
on_offer_timeout (gpointer user_data)
{
  BeaconPublisher *self = user_data;

  self->offer_timeout_id = 0;
  g_debug ("no video caps after %d ms; offering anyway", OFFER_CAPS_TIMEOUT_MS);
  request_offer (self);
  return G_SOURCE_REMOVE;
}

static void
on_answer_applied (gpointer             owner,
                   GstElement          *webrtc,
                   const GstSDPMessage *answer,
                   const GError        *error)
{
  BeaconPublisher *self = owner;

  if (webrtc != self->webrtc)
    return;
  if (error != NULL)
    {
      g_autoptr(GError) wrapped = NULL;

      /* Translators: %s is webrtcbin's or our own reason */
      wrapped = g_error_new (error->domain, error->code,
                             _("The server's answer cannot be used: %s"), error->message);
      _beacon_publisher_fail (self, wrapped);
      return;
    }

  g_free (self->video_codec);
  self->video_codec = beacon_sdp_get_codec (answer, "video");
  g_free (self->audio_codec);
  self->audio_codec = beacon_sdp_get_codec (answer, "audio");
  g_debug ("answer applied: %s video, %s audio", self->video_codec, self->audio_codec);
}

static void
on_stream_remote_sdp (BeaconPublisher *self,
                      const char      *sdp,
                      BeaconWcsStream *stream)
{
  if (self->webrtc == NULL)
    return;
  beacon_webrtc_apply_answer (self->webrtc, self->weak, sdp, on_answer_applied);
}

static void
on_stream_status_changed (BeaconPublisher      *self,
                          BeaconWcsStreamStatus status,
                          const char           *info,
                          BeaconWcsStream      *stream)
{
  set_status (self, status);
  /* A terminal status means the server has let go of the stream: so do we. */
  if (beacon_wcs_stream_status_is_terminal (status))
    release_media (self);
}

static void
on_stats (gpointer            owner,
          GstElement         *webrtc,
          const GstStructure *stats,
          guint               tag)
{
  BeaconPublisher *self = owner;
  g_autoptr(BeaconStatsSample) sample = NULL;
  const BeaconStatsSample *previous = self->last_sample;

  if (webrtc != self->webrtc)
    return;

  sample = beacon_stats_sample_new ();
  sample->time_ms = g_get_real_time () / 1000;
  beacon_stats_sample_update_from_webrtc (sample, previous, stats, self->video_ssrc,
                                          BEACON_STATS_SENDING);

  if (tag == STATS_QUALITY)
    {
      /* protocol.md §8: the client's own byte counter at the moment of the server's report. */
      if (self->last_rate != NULL)
        beacon_quality_meter_update (self->quality_meter, sample->video_bytes,
                                     (double) self->last_rate->video_rate);
      return;
    }

  beacon_frame_counter_read (self->tap->frames, &sample->frames, &sample->first_frame_ms);
  if (previous != NULL && sample->time_ms > previous->time_ms && sample->frames >= previous->frames)
    sample->fps = (double) (sample->frames - previous->frames) * 1000.0 /
                  (double) (sample->time_ms - previous->time_ms);
  sample->width = self->width;
  sample->height = self->height;
  sample->video_codec = g_strdup (self->video_codec != NULL
                                  ? self->video_codec
                                  : beacon_video_codec_to_string (self->codec));
  sample->audio_codec = g_strdup (self->audio_codec);
  sample->encoder = g_strdup (self->encoder_name);
  sample->quality = beacon_quality_meter_get_quality (self->quality_meter);
  if (self->last_rate != NULL)
    {
      sample->server_bitrate = self->last_rate->video_rate;
      sample->server_fps = self->last_rate->fps;
      sample->server_nack = self->last_rate->nack;
      sample->server_pli = self->last_rate->pli;
      sample->server_lost = self->last_rate->lost_packets;
    }

  g_clear_pointer (&self->last_sample, beacon_stats_sample_free);
  self->last_sample = g_steal_pointer (&sample);
  g_signal_emit (self, signals[STATS_UPDATED], 0, self->last_sample);
}

static void
on_stream_rate_sample (BeaconPublisher           *self,
                       const BeaconWcsRateSample *rate,
                       BeaconWcsStream           *stream)
{
  g_clear_pointer (&self->last_rate, beacon_wcs_rate_sample_free);
  self->last_rate = beacon_wcs_rate_sample_copy (rate);
  if (self->webrtc != NULL)
    beacon_webrtc_get_stats (self->webrtc, self->weak, on_stats, STATS_QUALITY);
}

static gboolean
on_stats_tick (gpointer user_data)
{
  BeaconPublisher *self = user_data;

  if (self->webrtc != NULL)
    beacon_webrtc_get_stats (self->webrtc, self->weak, on_stats, STATS_TICK);
  return G_SOURCE_CONTINUE;
}

static void
send_mute_event (BeaconPublisher *self,
                 const char      *type)
{
  g_autoptr(GError) error = NULL;

  /* The WebSDK sends these with no payload whenever the stream exists (reference §3.6). */
  if (stream_is_live (self) && !beacon_wcs_stream_send_event (self->stream, type, NULL, &error))
    g_debug ("could not send %s: %s", type, error->message);
}

static void
beacon_publisher_dispose (GObject *object)
{
  BeaconPublisher *self = BEACON_PUBLISHER (object);

  beacon_publisher_stop (self);
  /* The client keeps the stream until the server confirms the end: stop listening now. */
  if (self->stream != NULL)
    g_signal_handlers_disconnect_by_data (self->stream, self);
  g_clear_object (&self->stream);
  g_clear_object (&self->preview_sink);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (beacon_publisher_parent_class)->dispose (object);
}

static void
beacon_publisher_finalize (GObject *object)
{
  BeaconPublisher *self = BEACON_PUBLISHER (object);

  g_clear_pointer (&self->weak, beacon_weak_owner_unref);
  g_clear_pointer (&self->tap, _beacon_publisher_tap_unref);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->encoder_name, g_free);
  g_clear_pointer (&self->video_codec, g_free);
  g_clear_pointer (&self->audio_codec, g_free);
  g_clear_pointer (&self->last_sample, beacon_stats_sample_free);
  g_clear_pointer (&self->last_rate, beacon_wcs_rate_sample_free);
  g_clear_pointer (&self->quality_meter, beacon_quality_meter_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (beacon_publisher_parent_class)->finalize (object);
}

static void
beacon_publisher_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BeaconPublisher *self = BEACON_PUBLISHER (object);

  switch (prop_id)
    {
    case PROP_CLIENT:       g_value_set_object (value, self->client); break;
    case PROP_SOURCE:       g_value_set_string (value, self->source); break;
    case PROP_CODEC:        g_value_set_enum (value, self->codec); break;
    case PROP_WIDTH:        g_value_set_uint (value, self->width); break;
    case PROP_HEIGHT:       g_value_set_uint (value, self->height); break;
    case PROP_FPS:          g_value_set_uint (value, self->fps); break;
    case PROP_BITRATE:      g_value_set_uint (value, self->bitrate); break;
    case PROP_STAMP:        g_value_set_boolean (value, self->stamp); break;
    case PROP_RECORD:       g_value_set_boolean (value, self->record); break;
    case PROP_AUDIO_MUTED:  g_value_set_boolean (value, self->audio_muted); break;
    case PROP_VIDEO_MUTED:  g_value_set_boolean (value, self->video_muted); break;
    case PROP_PREVIEW_SINK: g_value_set_object (value, self->preview_sink); break;
    case PROP_ENCODER_NAME: g_value_set_string (value, self->encoder_name); break;
    case PROP_STREAM:       g_value_set_object (value, self->stream); break;
    case PROP_STATUS:       g_value_set_enum (value, self->status); break;
    case PROP_ERROR:        g_value_set_boxed (value, self->error); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_publisher_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BeaconPublisher *self = BEACON_PUBLISHER (object);

  switch (prop_id)
    {
    case PROP_CLIENT:       self->client = g_value_dup_object (value); break;
    case PROP_SOURCE:       beacon_publisher_set_source (self, g_value_get_string (value)); break;
    case PROP_CODEC:        beacon_publisher_set_codec (self, g_value_get_enum (value)); break;
    case PROP_WIDTH:        beacon_publisher_set_width (self, g_value_get_uint (value)); break;
    case PROP_HEIGHT:       beacon_publisher_set_height (self, g_value_get_uint (value)); break;
    case PROP_FPS:          beacon_publisher_set_fps (self, g_value_get_uint (value)); break;
    case PROP_BITRATE:      beacon_publisher_set_bitrate (self, g_value_get_uint (value)); break;
    case PROP_STAMP:        beacon_publisher_set_stamp (self, g_value_get_boolean (value)); break;
    case PROP_RECORD:       beacon_publisher_set_record (self, g_value_get_boolean (value)); break;
    case PROP_AUDIO_MUTED:
      beacon_publisher_set_audio_muted (self, g_value_get_boolean (value));
      break;
    case PROP_VIDEO_MUTED:
      beacon_publisher_set_video_muted (self, g_value_get_boolean (value));
      break;
    case PROP_PREVIEW_SINK:
      beacon_publisher_set_preview_sink (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define RW_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define RO_FLAGS (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)

static void
beacon_publisher_class_init (BeaconPublisherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = beacon_publisher_dispose;
  object_class->finalize = beacon_publisher_finalize;
  object_class->get_property = beacon_publisher_get_property;
  object_class->set_property = beacon_publisher_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, BEACON_TYPE_WCS_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, "test", RW_FLAGS);
  properties[PROP_CODEC] =
    g_param_spec_enum ("codec", NULL, NULL, BEACON_TYPE_VIDEO_CODEC,
                       BEACON_VIDEO_CODEC_H264, RW_FLAGS);
  properties[PROP_WIDTH] =
    g_param_spec_uint ("width", NULL, NULL, 40, 4096, 640, RW_FLAGS);
  properties[PROP_HEIGHT] =
    g_param_spec_uint ("height", NULL, NULL, 16, 4096, 360, RW_FLAGS);
  properties[PROP_FPS] =
    g_param_spec_uint ("fps", NULL, NULL, 1, 120, 30, RW_FLAGS);
  properties[PROP_BITRATE] =
    g_param_spec_uint ("bitrate", NULL, NULL, 50, 50000, 1000, RW_FLAGS);
  properties[PROP_STAMP] =
    g_param_spec_boolean ("stamp", NULL, NULL, FALSE, RW_FLAGS);
  properties[PROP_RECORD] =
    g_param_spec_boolean ("record", NULL, NULL, FALSE, RW_FLAGS);
  properties[PROP_AUDIO_MUTED] =
    g_param_spec_boolean ("audio-muted", NULL, NULL, FALSE, RW_FLAGS);
  properties[PROP_VIDEO_MUTED] =
    g_param_spec_boolean ("video-muted", NULL, NULL, FALSE, RW_FLAGS);
  properties[PROP_PREVIEW_SINK] =
    g_param_spec_object ("preview-sink", NULL, NULL, GST_TYPE_ELEMENT, RW_FLAGS);
  properties[PROP_ENCODER_NAME] =
    g_param_spec_string ("encoder-name", NULL, NULL, NULL, RO_FLAGS);
  properties[PROP_STREAM] =
    g_param_spec_object ("stream", NULL, NULL, BEACON_TYPE_WCS_STREAM, RO_FLAGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, BEACON_TYPE_WCS_STREAM_STATUS,
                       BEACON_WCS_STREAM_STATUS_NEW, RO_FLAGS);
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, RO_FLAGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Once a second while publishing: get-stats, our counters and the server's last report. */
  signals[STATS_UPDATED] =
    g_signal_new ("stats-updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  BEACON_TYPE_STATS_SAMPLE | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
beacon_publisher_init (BeaconPublisher *self)
{
  self->weak = beacon_weak_owner_new (self);
  self->source = g_strdup ("test");
  self->codec = BEACON_VIDEO_CODEC_H264;
  self->width = 640;
  self->height = 360;
  self->fps = 30;
  self->bitrate = 1000;
  self->status = BEACON_WCS_STREAM_STATUS_NEW;
  self->quality_meter = beacon_quality_meter_new ();
}

BeaconPublisher *
beacon_publisher_new (BeaconWcsClient *client)
{
  g_return_val_if_fail (BEACON_IS_WCS_CLIENT (client), NULL);

  return g_object_new (BEACON_TYPE_PUBLISHER, "client", client, NULL);
}

BeaconWcsClient *
beacon_publisher_get_client (BeaconPublisher *self)
{
  g_return_val_if_fail (BEACON_IS_PUBLISHER (self), NULL);
  return self->client;
}

#define GETTER(type, name, field)                                     \
  type                                                                \
  beacon_publisher_get_##name (BeaconPublisher *self)                 \
  {                                                                   \
    g_return_val_if_fail (BEACON_IS_PUBLISHER (self), (type) 0);      \
    return self->field;                                               \
  }

GETTER (const char *, source, source)
GETTER (BeaconVideoCodec, codec, codec)
GETTER (guint, width, width)
GETTER (guint, height, height)
GETTER (guint, fps, fps)
GETTER (guint, bitrate, bitrate)
GETTER (gboolean, stamp, stamp)
GETTER (gboolean, record, record)
GETTER (gboolean, audio_muted, audio_muted)
GETTER (gboolean, video_muted, video_muted)
GETTER (GstElement *, preview_sink, preview_sink)
GETTER (const char *, encoder_name, encoder_name)
GETTER (BeaconWcsStream *, stream, stream)
GETTER (BeaconWcsStreamStatus, status, status)
GETTER (const GError *, error, error)
GETTER (const BeaconStatsSample *, last_stats, last_sample)
GETTER (const char *, negotiated_video_codec, video_codec)
GETTER (const char *, negotiated_audio_codec, audio_codec)

guint64
beacon_publisher_get_frames (BeaconPublisher *self)
{
  guint64 frames = 0;

  g_return_val_if_fail (BEACON_IS_PUBLISHER (self), 0);

  if (self->tap != NULL)
    beacon_frame_counter_read (self->tap->frames, &frames, NULL);
  return frames;
}

#define UINT_SETTER(name, PROP)                                              \
  void                                                                       \
  beacon_publisher_set_##name (BeaconPublisher *self,                        \
                               guint            name)                        \
  {                                                                          \
    g_return_if_fail (BEACON_IS_PUBLISHER (self));                           \
    if (self->name == name)                                                  \
      return;                                                                \
    self->name = name;                                                       \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);            \
  }

UINT_SETTER (width, PROP_WIDTH)
UINT_SETTER (height, PROP_HEIGHT)
UINT_SETTER (fps, PROP_FPS)

void
beacon_publisher_set_source (BeaconPublisher *self,
                             const char      *source)
{
  g_return_if_fail (BEACON_IS_PUBLISHER (self));

  if (source == NULL)
    source = "test";
  if (g_strcmp0 (self->source, source) == 0)
    return;
  g_free (self->source);
  self->source = g_strdup (source);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

void
beacon_publisher_set_codec (BeaconPublisher *self,
                            BeaconVideoCodec codec)
{
  g_return_if_fail (BEACON_IS_PUBLISHER (self));

  if (self->codec == codec)
    return;
  self->codec = codec;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODEC]);
}

void
beacon_publisher_set_bitrate (BeaconPublisher *self,
                              guint            bitrate)
{
  g_return_if_fail (BEACON_IS_PUBLISHER (self));

  if (self->bitrate == bitrate)
    return;
  self->bitrate = bitrate;
  if (self->encoder != NULL)
    beacon_codec_picker_set_encoder_bitrate (self->encoder, bitrate);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BITRATE]);
}

void
beacon_publisher_set_stamp (BeaconPublisher *self,
                            gboolean         stamp)
{
  g_return_if_fail (BEACON_IS_PUBLISHER (self));

  stamp = !!stamp;
  if (self->stamp == stamp)
    return;
  self->stamp = stamp;
  if (self->tap != NULL)
    g_atomic_int_set (&self->tap->stamp, stamp);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAMP]);
}

void
beacon_publisher_set_record (BeaconPublisher *self,
                             gboolean         record)
{
  g_return_if_fail (BEACON_IS_PUBLISHER (self));

  record = !!record;
  if (self->record == record)
    return;
  self->record = record;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

void
beacon_publisher_set_audio_muted (BeaconPublisher *self,
                                  gboolean         muted)
{
  g_return_if_fail (BEACON_IS_PUBLISHER (self));

  muted = !!muted;
  if (self->audio_muted == muted)
    return;
  self->audio_muted = muted;
  /* Silence keeps the RTP stream (and the server's view of it) alive: no renegotiation. */
  if (self->volume != NULL)
    g_object_set (self->volume, "mute", muted, NULL);
  send_mute_event (self, muted ? "audioMuted" : "audioUnmuted");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUDIO_MUTED]);
}

void
beacon_publisher_set_video_muted (BeaconPublisher *self,
                                  gboolean         muted)
{
  g_return_if_fail (BEACON_IS_PUBLISHER (self));

  muted = !!muted;
  if (self->video_muted == muted)
    return;
  self->video_muted = muted;
  /* Black frames, as a browser sends for a disabled track. */
  if (self->tap != NULL)
    g_atomic_int_set (&self->tap->video_muted, muted);
  send_mute_event (self, muted ? "videoMuted" : "videoUnmuted");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIDEO_MUTED]);
}

void
beacon_publisher_set_preview_sink (BeaconPublisher *self,
                                   GstElement      *sink)
{
  g_return_if_fail (BEACON_IS_PUBLISHER (self));
  g_return_if_fail (sink == NULL || GST_IS_ELEMENT (sink));

  if (self->preview_sink == sink)
    return;
  g_clear_object (&self->preview_sink);
  if (sink != NULL)
    self->preview_sink = gst_object_ref_sink (sink);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREVIEW_SINK]);
}

gboolean
beacon_publisher_start (BeaconPublisher *self,
                        const char      *name,
                        GError         **error)
{
  g_autoptr(BeaconWcsStream) stream = NULL;

  g_return_val_if_fail (BEACON_IS_PUBLISHER (self), FALSE);
  g_return_val_if_fail (name != NULL && *name != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->pipeline != NULL)
    {
      g_set_error_literal (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_INVALID_STATE,
                           _("This publisher is already publishing"));
      return FALSE;
    }
  if (beacon_wcs_client_get_state (self->client) != BEACON_WCS_STATE_ESTABLISHED)
    {
      g_set_error_literal (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_INVALID_STATE,
                           _("Not connected to the server"));
      return FALSE;
    }

  /* A new run: forget the last one's outcome. */
  g_object_freeze_notify (G_OBJECT (self));
  if (self->error != NULL)
    {
      g_clear_error (&self->error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
    }
  g_clear_pointer (&self->last_sample, beacon_stats_sample_free);
  g_clear_pointer (&self->last_rate, beacon_wcs_rate_sample_free);
  g_clear_pointer (&self->video_codec, g_free);
  g_clear_pointer (&self->audio_codec, g_free);
  beacon_quality_meter_reset (self->quality_meter);
  self->offer_requested = FALSE;

  if (!_beacon_publisher_build_pipeline (self, beacon_wcs_client_get_url (self->client),
                                         error))
    {
      g_object_thaw_notify (G_OBJECT (self));
      return FALSE;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENCODER_NAME]);

  stream = beacon_wcs_stream_new (BEACON_WCS_STREAM_KIND_PUBLISH, name);
  beacon_wcs_stream_set_has_audio (stream, TRUE);
  beacon_wcs_stream_set_has_video (stream, TRUE);
  beacon_wcs_stream_set_record (stream, self->record);
  beacon_wcs_stream_set_bitrates (stream, (int) self->bitrate, 0, 0);
  g_signal_connect_object (stream, "status-changed", G_CALLBACK (on_stream_status_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (stream, "remote-sdp-received", G_CALLBACK (on_stream_remote_sdp),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (stream, "rate-sample", G_CALLBACK (on_stream_rate_sample),
                           self, G_CONNECT_SWAPPED);
  if (self->stream != NULL)
    g_signal_handlers_disconnect_by_data (self->stream, self);
  g_set_object (&self->stream, stream);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STREAM]);
  set_status (self, beacon_wcs_stream_get_status (stream));

  beacon_frame_counter_restart (self->tap->frames);
  if (gst_element_set_state (self->pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      g_set_error_literal (error, BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_MISSING_ELEMENT,
                           _("The media pipeline could not start"));
      release_media (self);
      g_object_thaw_notify (G_OBJECT (self));
      return FALSE;
    }
  self->offer_timeout_id = g_timeout_add (OFFER_CAPS_TIMEOUT_MS, on_offer_timeout, self);
  self->stats_source_id = g_timeout_add_seconds (1, on_stats_tick, self);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

void
beacon_publisher_stop (BeaconPublisher *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BEACON_IS_PUBLISHER (self));

  if (stream_is_live (self) && !beacon_wcs_stream_stop (self->stream, &error))
    g_debug ("could not unpublish: %s", error->message);
  release_media (self);
}
