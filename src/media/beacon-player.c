/* beacon-player.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-player"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "beacon-media-enums.h"
#include "beacon-media-error.h"
#include "beacon-player-private.h"
#include "beacon-protocol-enums.h"
#include "beacon-sdp-adapt.h"
#include "beacon-wcs-error.h"

/* A WCS-like jitterbuffer: enough for loopback and LAN jitter, far below webrtcbin's 200. */
#define DEFAULT_LATENCY_MS 50
#define MAX_LATENCY_MS     100

enum {
  STATS_TICK,       /* the once-a-second sample */
  STATS_QUALITY,    /* the byte counter at a server rate report */
};

G_DEFINE_FINAL_TYPE (BeaconPlayer, beacon_player, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_VIDEO_SINK,
  PROP_AUDIO,
  PROP_DECODER_MODE,
  PROP_LATENCY,
  PROP_MEASURE_LATENCY,
  PROP_DECODER_NAME,
  PROP_STREAM,
  PROP_STATUS,
  PROP_ERROR,
  PROP_WIDTH,
  PROP_HEIGHT,
  PROP_FIRST_FRAME_MS,
  N_PROPS
};

enum {
  STATS_UPDATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_status (BeaconPlayer         *self,
            BeaconWcsStreamStatus status)
{
  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static void
set_error (BeaconPlayer *self,
           const GError *error)
{
  if (self->error != NULL || error == NULL)
    return;   /* the first error is the one that explains the rest */
  self->error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static gboolean
stream_is_live (BeaconPlayer *self)
{
  return self->stream != NULL && !beacon_wcs_stream_is_terminal (self->stream) &&
         beacon_wcs_stream_get_status (self->stream) != BEACON_WCS_STREAM_STATUS_NEW;
}

static void
release_media (BeaconPlayer *self)
{
  g_clear_handle_id (&self->stats_source_id, g_source_remove);
  _beacon_player_drop_pipeline (self);
}

void
_beacon_player_fail (BeaconPlayer *self,
                     const GError *error)
{
  g_autoptr(GError) stop_error = NULL;

  if (self->pipeline == NULL)
    return;   /* a late report from a pipeline already dropped */
  g_debug ("play failed: %s", error->message);
  set_error (self, error);
  if (stream_is_live (self) && !beacon_wcs_stream_stop (self->stream, &stop_error))
    g_debug ("could not stop the stream: %s", stop_error->message);
  release_media (self);
}

void
_beacon_player_video_linked (BeaconPlayer *self,
                             const char   *codec,
                             const char   *decoder,
                             guint         ssrc)
{
  g_debug ("decoding %s with %s (ssrc %u)", codec, decoder, ssrc);
  if (ssrc != 0)
    self->video_ssrc = ssrc;
  g_free (self->video_codec);
  self->video_codec = g_strdup (codec);
  if (g_strcmp0 (self->decoder_name, decoder) != 0)
    {
      g_free (self->decoder_name);
      self->decoder_name = g_strdup (decoder);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECODER_NAME]);
    }
}

void
_beacon_player_first_frame (BeaconPlayer *self)
{
  if (self->tap == NULL)
    return;
  beacon_frame_counter_read (self->tap->frames, NULL, &self->first_frame_ms);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_FRAME_MS]);
}

void
_beacon_player_set_size (BeaconPlayer *self,
                         int           width,
                         int           height)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->width != width)
    {
      self->width = width;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WIDTH]);
    }
  if (self->height != height)
    {
      self->height = height;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEIGHT]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
on_offer_created (gpointer             owner,
                  GstElement          *webrtc,
                  const GstSDPMessage *offer,
                  const GError        *error)
{
  BeaconPlayer *self = owner;
  g_autoptr(GError) send_error = NULL;
  g_autofree char *text = NULL;

  if (webrtc != self->webrtc || self->stream == NULL)
    return;   /* a reply for a pipeline we have dropped since */
  if (error != NULL)
    {
      _beacon_player_fail (self, error);
      return;
    }
  if (beacon_wcs_stream_get_status (self->stream) != BEACON_WCS_STREAM_STATUS_NEW)
    return;

  text = gst_sdp_message_as_text (offer);
  g_debug ("sending playStream for “%s”", beacon_wcs_stream_get_name (self->stream));
  if (!beacon_wcs_client_play (self->client, self->stream, text, &send_error))
    _beacon_player_fail (self, send_error);
}

static void
on_answer_applied (gpointer             owner,
                   GstElement          *webrtc,
                   const GstSDPMessage *answer,
                   const GError        *error)
{
  BeaconPlayer *self = owner;
  guint ssrc;

  if (webrtc != self->webrtc)
    return;
  if (error != NULL)
    {
      g_autoptr(GError) wrapped = NULL;

      /* Translators: %s is webrtcbin's or our own reason */
      wrapped = g_error_new (error->domain, error->code,
                             _("The server's answer cannot be used: %s"), error->message);
      _beacon_player_fail (self, wrapped);
      return;
    }

  /* A WCS play answer names its video SSRC (a=ssrc … cname); the decoded pad confirms it
   * later. */
  if ((ssrc = beacon_webrtc_sdp_get_ssrc (answer, "video")) != 0 && self->video_ssrc == 0)
    self->video_ssrc = ssrc;
  g_free (self->video_codec);
  self->video_codec = beacon_sdp_get_codec (answer, "video");
  g_free (self->audio_codec);
  self->audio_codec = beacon_sdp_get_codec (answer, "audio");
  g_debug ("answer applied: %s video, %s audio", self->video_codec, self->audio_codec);
}

static void
on_stream_remote_sdp (BeaconPlayer    *self,
                      const char      *sdp,
                      BeaconWcsStream *stream)
{
  if (self->webrtc == NULL)
    return;
  beacon_webrtc_apply_answer (self->webrtc, self->weak, sdp, on_answer_applied);
}

static void
on_stream_status_changed (BeaconPlayer         *self,
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
  BeaconPlayer *self = owner;
  g_autoptr(BeaconStatsSample) sample = NULL;
  const BeaconStatsSample *previous = self->last_sample;

  if (webrtc != self->webrtc)
    return;

  sample = beacon_stats_sample_new ();
  sample->time_ms = g_get_real_time () / 1000;
  beacon_stats_sample_update_from_webrtc (sample, previous, stats, self->video_ssrc,
                                          BEACON_STATS_RECEIVING);

  if (tag == STATS_QUALITY)
    {
      /* protocol.md §8: the client's own byte counter at the moment of the server's report. */
      if (self->last_rate != NULL)
        beacon_quality_meter_update (self->quality_meter, sample->video_bytes,
                                     (double) self->last_rate->video_rate);
      return;
    }

  beacon_frame_counter_read (self->tap->frames, &sample->frames, &sample->first_frame_ms);
  if (previous != NULL && sample->time_ms > previous->time_ms &&
      sample->frames >= previous->frames)
    sample->fps = (double) (sample->frames - previous->frames) * 1000.0 /
                  (double) (sample->time_ms - previous->time_ms);
  sample->width = self->width > 0 ? self->width : -1;
  sample->height = self->height > 0 ? self->height : -1;
  sample->video_codec = g_strdup (self->video_codec);
  sample->audio_codec = g_strdup (self->audio_codec);
  sample->decoder = g_strdup (self->decoder_name);
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
on_stream_rate_sample (BeaconPlayer              *self,
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
  BeaconPlayer *self = user_data;

  if (self->webrtc != NULL)
    beacon_webrtc_get_stats (self->webrtc, self->weak, on_stats, STATS_TICK);
  return G_SOURCE_CONTINUE;
}

static void
beacon_player_dispose (GObject *object)
{
  BeaconPlayer *self = BEACON_PLAYER (object);

  beacon_player_stop (self);
  /* The client keeps the stream until the server confirms the end: stop listening now. */
  if (self->stream != NULL)
    g_signal_handlers_disconnect_by_data (self->stream, self);
  g_clear_object (&self->stream);
  g_clear_object (&self->video_sink);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (beacon_player_parent_class)->dispose (object);
}

static void
beacon_player_finalize (GObject *object)
{
  BeaconPlayer *self = BEACON_PLAYER (object);

  g_clear_pointer (&self->weak, beacon_weak_owner_unref);
  g_clear_pointer (&self->tap, _beacon_player_tap_unref);
  g_clear_pointer (&self->decoder_name, g_free);
  g_clear_pointer (&self->video_codec, g_free);
  g_clear_pointer (&self->audio_codec, g_free);
  g_clear_pointer (&self->last_sample, beacon_stats_sample_free);
  g_clear_pointer (&self->last_rate, beacon_wcs_rate_sample_free);
  g_clear_pointer (&self->quality_meter, beacon_quality_meter_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (beacon_player_parent_class)->finalize (object);
}

static void
beacon_player_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BeaconPlayer *self = BEACON_PLAYER (object);

  switch (prop_id)
    {
    case PROP_CLIENT:          g_value_set_object (value, self->client); break;
    case PROP_VIDEO_SINK:      g_value_set_object (value, self->video_sink); break;
    case PROP_AUDIO:           g_value_set_boolean (value, self->audio); break;
    case PROP_DECODER_MODE:    g_value_set_enum (value, self->decoder_mode); break;
    case PROP_LATENCY:         g_value_set_uint (value, self->latency); break;
    case PROP_MEASURE_LATENCY: g_value_set_boolean (value, self->measure_latency); break;
    case PROP_DECODER_NAME:    g_value_set_string (value, self->decoder_name); break;
    case PROP_STREAM:          g_value_set_object (value, self->stream); break;
    case PROP_STATUS:          g_value_set_enum (value, self->status); break;
    case PROP_ERROR:           g_value_set_boxed (value, self->error); break;
    case PROP_WIDTH:           g_value_set_int (value, self->width); break;
    case PROP_HEIGHT:          g_value_set_int (value, self->height); break;
    case PROP_FIRST_FRAME_MS:  g_value_set_int64 (value, self->first_frame_ms); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_player_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BeaconPlayer *self = BEACON_PLAYER (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_VIDEO_SINK:
      beacon_player_set_video_sink (self, g_value_get_object (value));
      break;
    case PROP_AUDIO:
      beacon_player_set_audio (self, g_value_get_boolean (value));
      break;
    case PROP_DECODER_MODE:
      beacon_player_set_decoder_mode (self, g_value_get_enum (value));
      break;
    case PROP_LATENCY:
      beacon_player_set_latency (self, g_value_get_uint (value));
      break;
    case PROP_MEASURE_LATENCY:
      beacon_player_set_measure_latency (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define RW_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define RO_FLAGS (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)

static void
beacon_player_class_init (BeaconPlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = beacon_player_dispose;
  object_class->finalize = beacon_player_finalize;
  object_class->get_property = beacon_player_get_property;
  object_class->set_property = beacon_player_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, BEACON_TYPE_WCS_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIDEO_SINK] =
    g_param_spec_object ("video-sink", NULL, NULL, GST_TYPE_ELEMENT, RW_FLAGS);
  properties[PROP_AUDIO] =
    g_param_spec_boolean ("audio", NULL, NULL, TRUE, RW_FLAGS);
  properties[PROP_DECODER_MODE] =
    g_param_spec_enum ("decoder-mode", NULL, NULL, BEACON_TYPE_CODEC_MODE,
                       BEACON_CODEC_MODE_AUTO, RW_FLAGS);
  properties[PROP_LATENCY] =
    g_param_spec_uint ("latency", NULL, NULL, 0, MAX_LATENCY_MS, DEFAULT_LATENCY_MS, RW_FLAGS);
  properties[PROP_MEASURE_LATENCY] =
    g_param_spec_boolean ("measure-latency", NULL, NULL, FALSE, RW_FLAGS);
  properties[PROP_DECODER_NAME] =
    g_param_spec_string ("decoder-name", NULL, NULL, NULL, RO_FLAGS);
  properties[PROP_STREAM] =
    g_param_spec_object ("stream", NULL, NULL, BEACON_TYPE_WCS_STREAM, RO_FLAGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, BEACON_TYPE_WCS_STREAM_STATUS,
                       BEACON_WCS_STREAM_STATUS_NEW, RO_FLAGS);
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, RO_FLAGS);
  properties[PROP_WIDTH] =
    g_param_spec_int ("width", NULL, NULL, 0, G_MAXINT, 0, RO_FLAGS);
  properties[PROP_HEIGHT] =
    g_param_spec_int ("height", NULL, NULL, 0, G_MAXINT, 0, RO_FLAGS);
  properties[PROP_FIRST_FRAME_MS] =
    g_param_spec_int64 ("first-frame-ms", NULL, NULL, -1, G_MAXINT64, -1, RO_FLAGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Once a second while playing: get-stats, our counters and the server's last report. */
  signals[STATS_UPDATED] =
    g_signal_new ("stats-updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  BEACON_TYPE_STATS_SAMPLE | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
beacon_player_init (BeaconPlayer *self)
{
  self->weak = beacon_weak_owner_new (self);
  self->audio = TRUE;
  self->decoder_mode = BEACON_CODEC_MODE_AUTO;
  self->latency = DEFAULT_LATENCY_MS;
  self->status = BEACON_WCS_STREAM_STATUS_NEW;
  self->first_frame_ms = -1;
  self->quality_meter = beacon_quality_meter_new ();
}

BeaconPlayer *
beacon_player_new (BeaconWcsClient *client)
{
  g_return_val_if_fail (BEACON_IS_WCS_CLIENT (client), NULL);

  return g_object_new (BEACON_TYPE_PLAYER, "client", client, NULL);
}

#define GETTER(type, name, field)                                     \
  type                                                                \
  beacon_player_get_##name (BeaconPlayer *self)                       \
  {                                                                   \
    g_return_val_if_fail (BEACON_IS_PLAYER (self), (type) 0);         \
    return self->field;                                               \
  }

GETTER (BeaconWcsClient *, client, client)
GETTER (GstElement *, video_sink, video_sink)
GETTER (gboolean, audio, audio)
GETTER (BeaconCodecMode, decoder_mode, decoder_mode)
GETTER (guint, latency, latency)
GETTER (gboolean, measure_latency, measure_latency)
GETTER (const char *, decoder_name, decoder_name)
GETTER (BeaconWcsStream *, stream, stream)
GETTER (BeaconWcsStreamStatus, status, status)
GETTER (const GError *, error, error)
GETTER (int, width, width)
GETTER (int, height, height)
GETTER (gint64, first_frame_ms, first_frame_ms)
GETTER (const BeaconStatsSample *, last_stats, last_sample)
GETTER (const char *, negotiated_video_codec, video_codec)
GETTER (const char *, negotiated_audio_codec, audio_codec)

guint64
beacon_player_get_frames (BeaconPlayer *self)
{
  guint64 frames = 0;

  g_return_val_if_fail (BEACON_IS_PLAYER (self), 0);

  if (self->tap != NULL)
    beacon_frame_counter_read (self->tap->frames, &frames, NULL);
  return frames;
}

gboolean
beacon_player_get_latency_stats (BeaconPlayer *self,
                                 double       *median_ms,
                                 double       *p95_ms,
                                 guint64      *stamped_frames,
                                 guint64      *checked_frames)
{
  double median = NAN;
  double p95 = NAN;
  guint64 stamped = 0;
  guint64 checked = 0;

  g_return_val_if_fail (BEACON_IS_PLAYER (self), FALSE);

  if (self->tap != NULL)
    {
      g_mutex_lock (&self->tap->lock);
      median = beacon_latency_window_percentile (self->tap->latency, 50);
      p95 = beacon_latency_window_percentile (self->tap->latency, 95);
      stamped = self->tap->stamped;
      checked = self->tap->checked;
      g_mutex_unlock (&self->tap->lock);
    }

  if (median_ms != NULL)
    *median_ms = median;
  if (p95_ms != NULL)
    *p95_ms = p95;
  if (stamped_frames != NULL)
    *stamped_frames = stamped;
  if (checked_frames != NULL)
    *checked_frames = checked;
  return stamped > 0;
}

void
beacon_player_set_video_sink (BeaconPlayer *self,
                              GstElement   *sink)
{
  g_return_if_fail (BEACON_IS_PLAYER (self));
  g_return_if_fail (sink == NULL || GST_IS_ELEMENT (sink));

  if (self->video_sink == sink)
    return;
  g_clear_object (&self->video_sink);
  if (sink != NULL)
    self->video_sink = gst_object_ref_sink (sink);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIDEO_SINK]);
}

void
beacon_player_set_audio (BeaconPlayer *self,
                         gboolean      audio)
{
  g_return_if_fail (BEACON_IS_PLAYER (self));

  audio = !!audio;
  if (self->audio == audio)
    return;
  self->audio = audio;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUDIO]);
}

void
beacon_player_set_decoder_mode (BeaconPlayer    *self,
                                BeaconCodecMode  mode)
{
  g_return_if_fail (BEACON_IS_PLAYER (self));

  if (self->decoder_mode == mode)
    return;
  self->decoder_mode = mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECODER_MODE]);
}

void
beacon_player_set_latency (BeaconPlayer *self,
                           guint         latency)
{
  g_return_if_fail (BEACON_IS_PLAYER (self));

  latency = MIN (latency, MAX_LATENCY_MS);
  if (self->latency == latency)
    return;
  self->latency = latency;
  if (self->webrtc != NULL)
    g_object_set (self->webrtc, "latency", latency, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LATENCY]);
}

void
beacon_player_set_measure_latency (BeaconPlayer *self,
                                   gboolean      measure)
{
  g_return_if_fail (BEACON_IS_PLAYER (self));

  measure = !!measure;
  if (self->measure_latency == measure)
    return;
  self->measure_latency = measure;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURE_LATENCY]);
}

static void
reset_run_state (BeaconPlayer *self)
{
  if (self->error != NULL)
    {
      g_clear_error (&self->error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
    }
  if (self->decoder_name != NULL)
    {
      g_clear_pointer (&self->decoder_name, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECODER_NAME]);
    }
  if (self->first_frame_ms != -1)
    {
      self->first_frame_ms = -1;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_FRAME_MS]);
    }
  _beacon_player_set_size (self, 0, 0);
  g_clear_pointer (&self->last_sample, beacon_stats_sample_free);
  g_clear_pointer (&self->last_rate, beacon_wcs_rate_sample_free);
  g_clear_pointer (&self->video_codec, g_free);
  g_clear_pointer (&self->audio_codec, g_free);
  beacon_quality_meter_reset (self->quality_meter);
  self->video_ssrc = 0;
}

gboolean
beacon_player_start (BeaconPlayer *self,
                     const char   *name,
                     GError      **error)
{
  g_autoptr(BeaconWcsStream) stream = NULL;

  g_return_val_if_fail (BEACON_IS_PLAYER (self), FALSE);
  g_return_val_if_fail (name != NULL && *name != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->pipeline != NULL)
    {
      g_set_error_literal (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_INVALID_STATE,
                           _("This player is already playing"));
      return FALSE;
    }
  if (beacon_wcs_client_get_state (self->client) != BEACON_WCS_STATE_ESTABLISHED)
    {
      g_set_error_literal (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_INVALID_STATE,
                           _("Not connected to the server"));
      return FALSE;
    }

  g_object_freeze_notify (G_OBJECT (self));
  reset_run_state (self);
  if (!_beacon_player_build_pipeline (self, beacon_wcs_client_get_url (self->client), error))
    {
      g_object_thaw_notify (G_OBJECT (self));
      return FALSE;
    }

  stream = beacon_wcs_stream_new (BEACON_WCS_STREAM_KIND_PLAY, name);
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
  /* A receive-only offer has nothing to wait for: it goes out as soon as it exists. */
  beacon_webrtc_create_offer (self->webrtc, self->weak, on_offer_created);
  self->stats_source_id = g_timeout_add_seconds (1, on_stats_tick, self);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

void
beacon_player_stop (BeaconPlayer *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BEACON_IS_PLAYER (self));

  if (stream_is_live (self) && !beacon_wcs_stream_stop (self->stream, &error))
    g_debug ("could not stop the stream: %s", error->message);
  release_media (self);
}
