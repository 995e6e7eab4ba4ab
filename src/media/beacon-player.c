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
#include "beacon-player-private.h"

/* A WCS-like jitterbuffer: enough for loopback and LAN jitter, far below webrtcbin's 200. */
#define DEFAULT_LATENCY_MS 50
#define MAX_LATENCY_MS     100

G_DEFINE_FINAL_TYPE (BeaconPlayer, beacon_player, BEACON_TYPE_MEDIA_PEER)

enum {
  PROP_0,
  PROP_VIDEO_SINK,
  PROP_AUDIO,
  PROP_DECODER_MODE,
  PROP_LATENCY,
  PROP_MEASURE_LATENCY,
  PROP_DECODER_NAME,
  PROP_WIDTH,
  PROP_HEIGHT,
  PROP_FIRST_FRAME_MS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_beacon_player_video_linked (BeaconPlayer *self,
                             const char   *codec,
                             const char   *decoder,
                             guint         ssrc)
{
  g_debug ("decoding %s with %s (ssrc %u)", codec, decoder, ssrc);
  if (ssrc != 0)
    _beacon_media_peer_set_video_ssrc (BEACON_MEDIA_PEER (self), ssrc);
  _beacon_media_peer_set_video_codec (BEACON_MEDIA_PEER (self), codec);
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
  beacon_frame_counter_read (_beacon_media_peer_get_frame_counter (BEACON_MEDIA_PEER (self)),
                             NULL, &self->first_frame_ms);
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

/* A new run: forget the last one's outcome. */
static void
beacon_player_reset (BeaconMediaPeer *peer)
{
  BeaconPlayer *self = BEACON_PLAYER (peer);

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
}

static void
beacon_player_fill_stats (BeaconMediaPeer   *peer,
                          BeaconStatsSample *sample)
{
  BeaconPlayer *self = BEACON_PLAYER (peer);

  sample->width = self->width > 0 ? self->width : -1;
  sample->height = self->height > 0 ? self->height : -1;
  sample->decoder = g_strdup (self->decoder_name);
}

static void
beacon_player_dispose (GObject *object)
{
  BeaconPlayer *self = BEACON_PLAYER (object);

  /* The tap and the pipeline hold their own references to the sink. */
  g_clear_object (&self->video_sink);

  G_OBJECT_CLASS (beacon_player_parent_class)->dispose (object);
}

static void
beacon_player_finalize (GObject *object)
{
  BeaconPlayer *self = BEACON_PLAYER (object);

  g_clear_pointer (&self->tap, beacon_media_tap_unref);
  g_clear_pointer (&self->decoder_name, g_free);

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
    case PROP_VIDEO_SINK:      g_value_set_object (value, self->video_sink); break;
    case PROP_AUDIO:           g_value_set_boolean (value, self->audio); break;
    case PROP_DECODER_MODE:    g_value_set_enum (value, self->decoder_mode); break;
    case PROP_LATENCY:         g_value_set_uint (value, self->latency); break;
    case PROP_MEASURE_LATENCY: g_value_set_boolean (value, self->measure_latency); break;
    case PROP_DECODER_NAME:    g_value_set_string (value, self->decoder_name); break;
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
  BeaconMediaPeerClass *peer_class = BEACON_MEDIA_PEER_CLASS (klass);

  object_class->dispose = beacon_player_dispose;
  object_class->finalize = beacon_player_finalize;
  object_class->get_property = beacon_player_get_property;
  object_class->set_property = beacon_player_set_property;

  peer_class->stream_kind = BEACON_WCS_STREAM_KIND_PLAY;
  peer_class->busy_message = N_("This player is already playing");
  /* A receive-only offer has nothing to wait for: it goes out as soon as it exists. */
  peer_class->offer_wait_ms = 0;
  peer_class->reset = beacon_player_reset;
  peer_class->build_pipeline = _beacon_player_build_pipeline;
  peer_class->fill_stats = beacon_player_fill_stats;

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
  properties[PROP_WIDTH] =
    g_param_spec_int ("width", NULL, NULL, 0, G_MAXINT, 0, RO_FLAGS);
  properties[PROP_HEIGHT] =
    g_param_spec_int ("height", NULL, NULL, 0, G_MAXINT, 0, RO_FLAGS);
  properties[PROP_FIRST_FRAME_MS] =
    g_param_spec_int64 ("first-frame-ms", NULL, NULL, -1, G_MAXINT64, -1, RO_FLAGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
beacon_player_init (BeaconPlayer *self)
{
  self->audio = TRUE;
  self->decoder_mode = BEACON_CODEC_MODE_AUTO;
  self->latency = DEFAULT_LATENCY_MS;
  self->first_frame_ms = -1;
}

BeaconPlayer *
beacon_player_new (BeaconWcsClient *client)
{
  g_return_val_if_fail (BEACON_IS_WCS_CLIENT (client), NULL);

  return g_object_new (BEACON_TYPE_PLAYER, "client", client, NULL);
}

/* get_client, get_stream, get_status, get_error, get_negotiated_*_codec, get_frames,
 * get_last_stats, start and stop: BeaconMediaPeer's. */
BEACON_MEDIA_PEER_DEFINE_FORWARDS (BeaconPlayer, beacon_player, BEACON_IS_PLAYER)

#define GETTER(type, name, field) \
  BEACON_MEDIA_DEFINE_GETTER (BeaconPlayer, beacon_player, BEACON_IS_PLAYER, type, name, \
                              self->field)

GETTER (GstElement *, video_sink, video_sink)
GETTER (gboolean, audio, audio)
GETTER (BeaconCodecMode, decoder_mode, decoder_mode)
GETTER (guint, latency, latency)
GETTER (gboolean, measure_latency, measure_latency)
GETTER (const char *, decoder_name, decoder_name)
GETTER (int, width, width)
GETTER (int, height, height)
GETTER (gint64, first_frame_ms, first_frame_ms)

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

  if (_beacon_media_peer_replace_sink (&self->video_sink, sink))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIDEO_SINK]);
}

#define BOOL_SETTER(name, PROP) \
  BEACON_MEDIA_DEFINE_BOOL_SETTER (BeaconPlayer, beacon_player, BEACON_IS_PLAYER, name, \
                                   properties[PROP])

BOOL_SETTER (audio, PROP_AUDIO)
BOOL_SETTER (measure_latency, PROP_MEASURE_LATENCY)

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
  GstElement *webrtc;

  g_return_if_fail (BEACON_IS_PLAYER (self));

  latency = MIN (latency, MAX_LATENCY_MS);
  if (self->latency == latency)
    return;
  self->latency = latency;
  webrtc = _beacon_media_peer_get_webrtc (BEACON_MEDIA_PEER (self));
  if (webrtc != NULL)
    g_object_set (webrtc, "latency", latency, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LATENCY]);
}
