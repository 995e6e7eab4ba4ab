/* beacon-publisher.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-publisher"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <unistd.h>

#include "beacon-codec-picker.h"
#include "beacon-media-enums.h"
#include "beacon-publisher-private.h"

/* Without a caps event on the video path (a camera that never starts) the offer goes out
 * anyway after this long, so that the server's answer or refusal still comes back. */
#define OFFER_CAPS_TIMEOUT_MS 2000

G_DEFINE_FINAL_TYPE (BeaconPublisher, beacon_publisher, BEACON_TYPE_MEDIA_PEER)

enum {
  PROP_0,
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
  PROP_PIPEWIRE_FD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
beacon_publisher_build_pipeline (BeaconMediaPeer *peer,
                                 GError         **error)
{
  if (!_beacon_publisher_build_pipeline (BEACON_PUBLISHER (peer), error))
    return FALSE;
  /* Picked while building: the encoder this run uses. */
  g_object_notify_by_pspec (G_OBJECT (peer), properties[PROP_ENCODER_NAME]);
  return TRUE;
}

static void
beacon_publisher_setup_stream (BeaconMediaPeer *peer,
                               BeaconWcsStream *stream)
{
  BeaconPublisher *self = BEACON_PUBLISHER (peer);

  beacon_wcs_stream_set_has_audio (stream, TRUE);
  beacon_wcs_stream_set_has_video (stream, TRUE);
  beacon_wcs_stream_set_record (stream, self->record);
  beacon_wcs_stream_set_bitrates (stream, (int) self->bitrate, 0, 0);
}

static void
beacon_publisher_fill_stats (BeaconMediaPeer   *peer,
                             BeaconStatsSample *sample)
{
  BeaconPublisher *self = BEACON_PUBLISHER (peer);

  sample->width = self->width;
  sample->height = self->height;
  /* Before the answer: what we asked the encoder for. */
  if (sample->video_codec == NULL)
    sample->video_codec = g_strdup (beacon_video_codec_to_string (self->codec));
  sample->encoder = g_strdup (self->encoder_name);
}

static void
beacon_publisher_pipeline_dropped (BeaconMediaPeer *peer)
{
  BeaconPublisher *self = BEACON_PUBLISHER (peer);

  self->encoder = NULL;
  self->volume = NULL;
}

static void
beacon_publisher_dispose (GObject *object)
{
  BeaconPublisher *self = BEACON_PUBLISHER (object);

  /* The preview sink may still be in the pipeline, which holds its own reference until the
   * parent's dispose drops it. */
  g_clear_object (&self->preview_sink);

  G_OBJECT_CLASS (beacon_publisher_parent_class)->dispose (object);
}

static void
beacon_publisher_finalize (GObject *object)
{
  BeaconPublisher *self = BEACON_PUBLISHER (object);

  g_clear_pointer (&self->tap, beacon_media_tap_unref);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->encoder_name, g_free);
  if (self->pipewire_fd >= 0)
    close (self->pipewire_fd);

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
    case PROP_PIPEWIRE_FD:  g_value_set_int (value, self->pipewire_fd); break;
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
    case PROP_PIPEWIRE_FD:
      beacon_publisher_set_pipewire_fd (self, g_value_get_int (value));
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
  BeaconMediaPeerClass *peer_class = BEACON_MEDIA_PEER_CLASS (klass);

  object_class->dispose = beacon_publisher_dispose;
  object_class->finalize = beacon_publisher_finalize;
  object_class->get_property = beacon_publisher_get_property;
  object_class->set_property = beacon_publisher_set_property;

  peer_class->stream_kind = BEACON_WCS_STREAM_KIND_PUBLISH;
  peer_class->busy_message = N_("This publisher is already publishing");
  /* The pipeline asks for the offer once the payloader's caps are there (see
   * deliver_video_caps_ready); this is only the fallback. */
  peer_class->offer_wait_ms = OFFER_CAPS_TIMEOUT_MS;
  peer_class->build_pipeline = beacon_publisher_build_pipeline;
  peer_class->setup_stream = beacon_publisher_setup_stream;
  peer_class->fill_stats = beacon_publisher_fill_stats;
  peer_class->pipeline_dropped = beacon_publisher_pipeline_dropped;

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
  properties[PROP_PIPEWIRE_FD] =
    g_param_spec_int ("pipewire-fd", NULL, NULL, -1, G_MAXINT, -1, RW_FLAGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
beacon_publisher_init (BeaconPublisher *self)
{
  self->source = g_strdup ("test");
  self->codec = BEACON_VIDEO_CODEC_H264;
  self->width = 640;
  self->height = 360;
  self->fps = 30;
  self->bitrate = 1000;
  self->pipewire_fd = -1;
}

BeaconPublisher *
beacon_publisher_new (BeaconWcsClient *client)
{
  g_return_val_if_fail (BEACON_IS_WCS_CLIENT (client), NULL);

  return g_object_new (BEACON_TYPE_PUBLISHER, "client", client, NULL);
}

/* get_client, get_stream, get_status, get_error, get_negotiated_*_codec, get_frames,
 * get_last_stats, start and stop: BeaconMediaPeer's. */
BEACON_MEDIA_PEER_DEFINE_FORWARDS (BeaconPublisher, beacon_publisher, BEACON_IS_PUBLISHER)

#define GETTER(type, name, field) \
  BEACON_MEDIA_DEFINE_GETTER (BeaconPublisher, beacon_publisher, BEACON_IS_PUBLISHER, type, \
                              name, self->field)

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

BEACON_MEDIA_DEFINE_BOOL_SETTER (BeaconPublisher, beacon_publisher, BEACON_IS_PUBLISHER, record,
                                 properties[PROP_RECORD])

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
  _beacon_media_peer_send_stream_event (BEACON_MEDIA_PEER (self),
                                        muted ? "audioMuted" : "audioUnmuted");
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
  _beacon_media_peer_send_stream_event (BEACON_MEDIA_PEER (self),
                                        muted ? "videoMuted" : "videoUnmuted");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIDEO_MUTED]);
}

void
beacon_publisher_set_preview_sink (BeaconPublisher *self,
                                   GstElement      *sink)
{
  g_return_if_fail (BEACON_IS_PUBLISHER (self));

  if (_beacon_media_peer_replace_sink (&self->preview_sink, sink))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREVIEW_SINK]);
}

int
beacon_publisher_get_pipewire_fd (BeaconPublisher *self)
{
  /* Not GETTER's 0: that is a valid fd. */
  g_return_val_if_fail (BEACON_IS_PUBLISHER (self), -1);

  return self->pipewire_fd;
}

void
beacon_publisher_set_pipewire_fd (BeaconPublisher *self,
                                  int              fd)
{
  int copy = -1;

  g_return_if_fail (BEACON_IS_PUBLISHER (self));

  if (fd < 0 && self->pipewire_fd < 0)
    return;
  /* Our own copy: the caller's fd may be closed as soon as this returns. */
  if (fd >= 0 && (copy = fcntl (fd, F_DUPFD_CLOEXEC, 3)) < 0)
    g_warning ("Cannot duplicate the PipeWire fd %d: %s", fd, g_strerror (errno));
  if (self->pipewire_fd >= 0)
    close (self->pipewire_fd);
  self->pipewire_fd = copy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PIPEWIRE_FD]);
}
