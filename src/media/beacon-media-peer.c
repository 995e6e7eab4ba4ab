/* beacon-media-peer.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-media-peer"

#include "config.h"

#include <glib/gi18n.h>

#include "beacon-media-error.h"
#include "beacon-media-peer-private.h"
#include "beacon-protocol-enums.h"
#include "beacon-quality-meter.h"
#include "beacon-sdp-adapt.h"
#include "beacon-wcs-error.h"

GST_DEBUG_CATEGORY_STATIC (beacon_media_peer_debug);
#define GST_CAT_DEFAULT beacon_media_peer_debug

enum {
  STATS_TICK,       /* the once-a-second sample */
  STATS_QUALITY,    /* the byte counter at a server rate report */
};

typedef struct
{
  /* Owned */
  BeaconWcsClient       *client;
  BeaconWeakOwner       *weak;
  BeaconFrameCounter    *frames;
  BeaconWcsStream       *stream;
  GError                *error;
  BeaconStatsSample     *last_sample;
  BeaconWcsRateSample   *last_rate;
  BeaconQualityMeter    *quality_meter;
  char                  *video_codec;   /* from the server's answer */
  char                  *audio_codec;

  /* The pipeline; webrtc is borrowed from it */
  GstElement            *pipeline;
  GstElement            *webrtc;
  guint                  bus_watch_id;
  guint                  stats_source_id;
  guint                  offer_timeout_id;
  guint                  video_ssrc;

  /* State */
  BeaconWcsStreamStatus  status;
  gboolean               offer_requested;
} BeaconMediaPeerPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (BeaconMediaPeer, beacon_media_peer, G_TYPE_OBJECT)

#define PRIV(self) ((BeaconMediaPeerPrivate *) beacon_media_peer_get_instance_private (self))

enum {
  PROP_0,
  PROP_CLIENT,
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
set_status (BeaconMediaPeer      *self,
            BeaconWcsStreamStatus status)
{
  BeaconMediaPeerPrivate *priv = PRIV (self);

  if (priv->status == status)
    return;
  priv->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static void
set_error (BeaconMediaPeer *self,
           const GError    *error)
{
  BeaconMediaPeerPrivate *priv = PRIV (self);

  if (priv->error != NULL || error == NULL)
    return;   /* the first error is the one that explains the rest */
  priv->error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static gboolean
stream_is_live (BeaconMediaPeer *self)
{
  BeaconMediaPeerPrivate *priv = PRIV (self);

  return priv->stream != NULL && !beacon_wcs_stream_is_terminal (priv->stream) &&
         beacon_wcs_stream_get_status (priv->stream) != BEACON_WCS_STREAM_STATUS_NEW;
}

/* unPublishStream or stopStream, unless the server has ended the stream already. */
static void
stop_stream (BeaconMediaPeer *self)
{
  g_autoptr(GError) error = NULL;

  if (stream_is_live (self) && !beacon_wcs_stream_stop (PRIV (self)->stream, &error))
    g_debug ("could not stop the stream: %s", error->message);
}

static void
drop_pipeline (BeaconMediaPeer *self)
{
  BeaconMediaPeerPrivate *priv = PRIV (self);
  BeaconMediaPeerClass *klass = BEACON_MEDIA_PEER_GET_CLASS (self);

  g_clear_handle_id (&priv->bus_watch_id, g_source_remove);
  g_clear_handle_id (&priv->offer_timeout_id, g_source_remove);
  if (priv->pipeline == NULL)
    return;

  /* NULL first: streaming and webrtcbin threads stop here; hops already queued carry a
   * reference to their webrtcbin, which no longer matches priv->webrtc when they land. */
  gst_element_set_state (priv->pipeline, GST_STATE_NULL);
  priv->webrtc = NULL;
  if (klass->pipeline_dropped != NULL)
    klass->pipeline_dropped (self);
  /* Injected sinks leave with the pipeline; the subclass's own references stay. */
  gst_clear_object (&priv->pipeline);
}

static void
release_media (BeaconMediaPeer *self)
{
  g_clear_handle_id (&PRIV (self)->stats_source_id, g_source_remove);
  drop_pipeline (self);
}

/* webrtcbin's offer is ready: it goes to the server at once, ICE gathering or not. */
static void
on_offer_created (gpointer             owner,
                  GstElement          *webrtc,
                  const GstSDPMessage *offer,
                  const GError        *error)
{
  BeaconMediaPeer *self = owner;
  BeaconMediaPeerPrivate *priv = PRIV (self);
  g_autoptr(GError) send_error = NULL;
  g_autofree char *text = NULL;
  gboolean sent;

  if (webrtc != priv->webrtc || priv->stream == NULL)
    return;   /* a reply for a pipeline we have dropped since */
  if (error != NULL)
    {
      _beacon_media_peer_fail (self, error);
      return;
    }
  if (beacon_wcs_stream_get_status (priv->stream) != BEACON_WCS_STREAM_STATUS_NEW)
    return;

  text = gst_sdp_message_as_text (offer);
  if (BEACON_MEDIA_PEER_GET_CLASS (self)->stream_kind == BEACON_WCS_STREAM_KIND_PUBLISH)
    {
      g_debug ("sending publishStream for “%s”", beacon_wcs_stream_get_name (priv->stream));
      sent = beacon_wcs_client_publish (priv->client, priv->stream, text, &send_error);
    }
  else
    {
      g_debug ("sending playStream for “%s”", beacon_wcs_stream_get_name (priv->stream));
      sent = beacon_wcs_client_play (priv->client, priv->stream, text, &send_error);
    }
  if (!sent)
    _beacon_media_peer_fail (self, send_error);
}

static gboolean
on_offer_timeout (gpointer user_data)
{
  BeaconMediaPeer *self = user_data;

  PRIV (self)->offer_timeout_id = 0;
  g_debug ("the offer waited %u ms; sending it anyway",
           BEACON_MEDIA_PEER_GET_CLASS (self)->offer_wait_ms);
  _beacon_media_peer_request_offer (self);
  return G_SOURCE_REMOVE;
}

static void
on_answer_applied (gpointer             owner,
                   GstElement          *webrtc,
                   const GstSDPMessage *answer,
                   const GError        *error)
{
  BeaconMediaPeer *self = owner;
  BeaconMediaPeerPrivate *priv = PRIV (self);
  guint ssrc;

  if (webrtc != priv->webrtc)
    return;
  if (error != NULL)
    {
      g_autoptr(GError) wrapped = NULL;

      /* Translators: %s is webrtcbin's or our own reason */
      wrapped = g_error_new (error->domain, error->code,
                             _("The server's answer cannot be used: %s"), error->message);
      _beacon_media_peer_fail (self, wrapped);
      return;
    }

  /* A WCS play answer names its video SSRC (a=ssrc … cname); the decoded pad confirms it
   * later. A sender chose its own when it built the pipeline. */
  if (BEACON_MEDIA_PEER_GET_CLASS (self)->stream_kind == BEACON_WCS_STREAM_KIND_PLAY &&
      (ssrc = beacon_webrtc_sdp_get_ssrc (answer, "video")) != 0 && priv->video_ssrc == 0)
    priv->video_ssrc = ssrc;
  g_free (priv->video_codec);
  priv->video_codec = beacon_sdp_get_codec (answer, "video");
  g_free (priv->audio_codec);
  priv->audio_codec = beacon_sdp_get_codec (answer, "audio");
  g_debug ("answer applied: %s video, %s audio", priv->video_codec, priv->audio_codec);
}

static void
on_stream_remote_sdp (BeaconMediaPeer *self,
                      const char      *sdp,
                      BeaconWcsStream *stream)
{
  BeaconMediaPeerPrivate *priv = PRIV (self);

  if (priv->webrtc == NULL)
    return;
  beacon_webrtc_apply_answer (priv->webrtc, priv->weak, sdp, on_answer_applied);
}

static void
on_stream_status_changed (BeaconMediaPeer      *self,
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
  BeaconMediaPeer *self = owner;
  BeaconMediaPeerPrivate *priv = PRIV (self);
  g_autoptr(BeaconStatsSample) sample = NULL;
  const BeaconStatsSample *previous = priv->last_sample;
  BeaconStatsDirection direction;

  if (webrtc != priv->webrtc)
    return;

  direction = BEACON_MEDIA_PEER_GET_CLASS (self)->stream_kind == BEACON_WCS_STREAM_KIND_PUBLISH
              ? BEACON_STATS_SENDING : BEACON_STATS_RECEIVING;
  sample = beacon_stats_sample_new ();
  sample->time_ms = g_get_real_time () / 1000;
  beacon_stats_sample_update_from_webrtc (sample, previous, stats, priv->video_ssrc, direction);

  if (tag == STATS_QUALITY)
    {
      /* protocol.md §8: the client's own byte counter at the moment of the server's report. */
      if (priv->last_rate != NULL)
        beacon_quality_meter_update (priv->quality_meter, sample->video_bytes,
                                     (double) priv->last_rate->video_rate);
      return;
    }

  beacon_frame_counter_read (priv->frames, &sample->frames, &sample->first_frame_ms);
  if (previous != NULL && sample->time_ms > previous->time_ms &&
      sample->frames >= previous->frames)
    sample->fps = (double) (sample->frames - previous->frames) * 1000.0 /
                  (double) (sample->time_ms - previous->time_ms);
  sample->video_codec = g_strdup (priv->video_codec);
  sample->audio_codec = g_strdup (priv->audio_codec);
  sample->quality = beacon_quality_meter_get_quality (priv->quality_meter);
  if (priv->last_rate != NULL)
    {
      sample->server_bitrate = priv->last_rate->video_rate;
      sample->server_fps = priv->last_rate->fps;
      sample->server_nack = priv->last_rate->nack;
      sample->server_pli = priv->last_rate->pli;
      sample->server_lost = priv->last_rate->lost_packets;
    }
  BEACON_MEDIA_PEER_GET_CLASS (self)->fill_stats (self, sample);

  g_clear_pointer (&priv->last_sample, beacon_stats_sample_free);
  priv->last_sample = g_steal_pointer (&sample);
  g_signal_emit (self, signals[STATS_UPDATED], 0, priv->last_sample);
}

static void
on_stream_rate_sample (BeaconMediaPeer           *self,
                       const BeaconWcsRateSample *rate,
                       BeaconWcsStream           *stream)
{
  BeaconMediaPeerPrivate *priv = PRIV (self);

  g_clear_pointer (&priv->last_rate, beacon_wcs_rate_sample_free);
  priv->last_rate = beacon_wcs_rate_sample_copy (rate);
  if (priv->webrtc != NULL)
    beacon_webrtc_get_stats (priv->webrtc, priv->weak, on_stats, STATS_QUALITY);
}

static gboolean
on_stats_tick (gpointer user_data)
{
  BeaconMediaPeerPrivate *priv = PRIV (BEACON_MEDIA_PEER (user_data));

  if (priv->webrtc != NULL)
    beacon_webrtc_get_stats (priv->webrtc, priv->weak, on_stats, STATS_TICK);
  return G_SOURCE_CONTINUE;
}

/* Lazily, after gst_init: the first pipeline comes long after it. */
static void
ensure_debug_category (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      GST_DEBUG_CATEGORY_INIT (beacon_media_peer_debug, "beacon-media-peer", 0,
                               "Beacon publisher and player pipelines");
      g_once_init_leave (&once, 1);
    }
}

static void
dump_pipeline (GstElement *pipeline,
               const char *suffix)
{
  g_autofree char *name = g_strconcat (GST_OBJECT_NAME (pipeline), suffix, NULL);

  GST_DEBUG_BIN_TO_DOT_FILE_WITH_TS (GST_BIN (pipeline), GST_DEBUG_GRAPH_SHOW_ALL, name);
}

static gboolean
on_bus_message (GstBus     *bus,
                GstMessage *message,
                gpointer    user_data)
{
  BeaconMediaPeer *self = user_data;
  GstElement *pipeline = PRIV (self)->pipeline;

  /* Cast: GstMessageType is a bit set with dozens of values we do not handle. */
  switch ((int) GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_ERROR:
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *debug = NULL;

        gst_message_parse_error (message, &error, &debug);
        GST_WARNING_OBJECT (pipeline, "error from %s: %s (%s)",
                            GST_MESSAGE_SRC_NAME (message), error->message, debug);
        dump_pipeline (pipeline, "-error");
        _beacon_media_peer_fail (self, error);
        break;
      }

    case GST_MESSAGE_WARNING:
      {
        g_autoptr(GError) error = NULL;

        gst_message_parse_warning (message, &error, NULL);
        GST_WARNING_OBJECT (pipeline, "warning from %s: %s",
                            GST_MESSAGE_SRC_NAME (message), error->message);
        break;
      }

    case GST_MESSAGE_LATENCY:
      gst_bin_recalculate_latency (GST_BIN (pipeline));
      break;

    case GST_MESSAGE_ASYNC_DONE:
      dump_pipeline (pipeline, "");
      break;

    default:
      break;
    }

  return G_SOURCE_CONTINUE;
}

/* A new run: forget the last one's outcome. */
static void
reset_run_state (BeaconMediaPeer *self)
{
  BeaconMediaPeerPrivate *priv = PRIV (self);
  BeaconMediaPeerClass *klass = BEACON_MEDIA_PEER_GET_CLASS (self);

  if (priv->error != NULL)
    {
      g_clear_error (&priv->error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
    }
  g_clear_pointer (&priv->last_sample, beacon_stats_sample_free);
  g_clear_pointer (&priv->last_rate, beacon_wcs_rate_sample_free);
  g_clear_pointer (&priv->video_codec, g_free);
  g_clear_pointer (&priv->audio_codec, g_free);
  beacon_quality_meter_reset (priv->quality_meter);
  priv->video_ssrc = 0;
  priv->offer_requested = FALSE;
  if (klass->reset != NULL)
    klass->reset (self);
}

static void
set_stream (BeaconMediaPeer *self,
            BeaconWcsStream *stream)
{
  BeaconMediaPeerPrivate *priv = PRIV (self);

  /* The client keeps a stream until the server confirms its end: stop listening to the last
   * one now. */
  if (priv->stream != NULL)
    g_signal_handlers_disconnect_by_data (priv->stream, self);
  if (stream != NULL)
    {
      g_signal_connect_object (stream, "status-changed",
                               G_CALLBACK (on_stream_status_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (stream, "remote-sdp-received",
                               G_CALLBACK (on_stream_remote_sdp), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (stream, "rate-sample",
                               G_CALLBACK (on_stream_rate_sample), self, G_CONNECT_SWAPPED);
    }
  g_set_object (&priv->stream, stream);
}

static void
beacon_media_peer_dispose (GObject *object)
{
  BeaconMediaPeer *self = BEACON_MEDIA_PEER (object);

  beacon_media_peer_stop (self);
  set_stream (self, NULL);
  g_clear_object (&PRIV (self)->client);

  G_OBJECT_CLASS (beacon_media_peer_parent_class)->dispose (object);
}

static void
beacon_media_peer_finalize (GObject *object)
{
  BeaconMediaPeerPrivate *priv = PRIV (BEACON_MEDIA_PEER (object));

  g_clear_pointer (&priv->weak, beacon_weak_owner_unref);
  g_clear_pointer (&priv->frames, beacon_frame_counter_unref);
  g_clear_pointer (&priv->video_codec, g_free);
  g_clear_pointer (&priv->audio_codec, g_free);
  g_clear_pointer (&priv->last_sample, beacon_stats_sample_free);
  g_clear_pointer (&priv->last_rate, beacon_wcs_rate_sample_free);
  g_clear_pointer (&priv->quality_meter, beacon_quality_meter_free);
  g_clear_error (&priv->error);

  G_OBJECT_CLASS (beacon_media_peer_parent_class)->finalize (object);
}

static void
beacon_media_peer_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BeaconMediaPeerPrivate *priv = PRIV (BEACON_MEDIA_PEER (object));

  switch (prop_id)
    {
    case PROP_CLIENT: g_value_set_object (value, priv->client); break;
    case PROP_STREAM: g_value_set_object (value, priv->stream); break;
    case PROP_STATUS: g_value_set_enum (value, priv->status); break;
    case PROP_ERROR:  g_value_set_boxed (value, priv->error); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_media_peer_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BeaconMediaPeerPrivate *priv = PRIV (BEACON_MEDIA_PEER (object));

  switch (prop_id)
    {
    case PROP_CLIENT:
      priv->client = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_media_peer_class_init (BeaconMediaPeerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = beacon_media_peer_dispose;
  object_class->finalize = beacon_media_peer_finalize;
  object_class->get_property = beacon_media_peer_get_property;
  object_class->set_property = beacon_media_peer_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, BEACON_TYPE_WCS_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STREAM] =
    g_param_spec_object ("stream", NULL, NULL, BEACON_TYPE_WCS_STREAM, ro);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, BEACON_TYPE_WCS_STREAM_STATUS,
                       BEACON_WCS_STREAM_STATUS_NEW, ro);
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Once a second while running: get-stats, our counters and the server's last report. */
  signals[STATS_UPDATED] =
    g_signal_new ("stats-updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  BEACON_TYPE_STATS_SAMPLE | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
beacon_media_peer_init (BeaconMediaPeer *self)
{
  BeaconMediaPeerPrivate *priv = PRIV (self);

  priv->weak = beacon_weak_owner_new (self);
  priv->frames = beacon_frame_counter_new ();
  priv->quality_meter = beacon_quality_meter_new ();
  priv->status = BEACON_WCS_STREAM_STATUS_NEW;
}

#define GETTER(type, name, field) \
  BEACON_MEDIA_DEFINE_GETTER (BeaconMediaPeer, beacon_media_peer, BEACON_IS_MEDIA_PEER, \
                              type, name, PRIV (self)->field)

GETTER (BeaconWcsClient *, client, client)
GETTER (BeaconWcsStream *, stream, stream)
GETTER (BeaconWcsStreamStatus, status, status)
GETTER (const GError *, error, error)
GETTER (const char *, negotiated_video_codec, video_codec)
GETTER (const char *, negotiated_audio_codec, audio_codec)
GETTER (const BeaconStatsSample *, last_stats, last_sample)

guint64
beacon_media_peer_get_frames (BeaconMediaPeer *self)
{
  guint64 frames = 0;

  g_return_val_if_fail (BEACON_IS_MEDIA_PEER (self), 0);

  beacon_frame_counter_read (PRIV (self)->frames, &frames, NULL);
  return frames;
}

gboolean
beacon_media_peer_start (BeaconMediaPeer *self,
                         const char      *name,
                         GError         **error)
{
  BeaconMediaPeerPrivate *priv;
  BeaconMediaPeerClass *klass;
  g_autoptr(BeaconWcsStream) stream = NULL;
  g_autoptr(GstBus) bus = NULL;

  g_return_val_if_fail (BEACON_IS_MEDIA_PEER (self), FALSE);
  g_return_val_if_fail (name != NULL && *name != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  priv = PRIV (self);
  klass = BEACON_MEDIA_PEER_GET_CLASS (self);
  if (priv->pipeline != NULL)
    {
      g_set_error_literal (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_INVALID_STATE,
                           _(klass->busy_message));
      return FALSE;
    }
  if (beacon_wcs_client_get_state (priv->client) != BEACON_WCS_STATE_ESTABLISHED)
    {
      g_set_error_literal (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_INVALID_STATE,
                           _("Not connected to the server"));
      return FALSE;
    }

  g_object_freeze_notify (G_OBJECT (self));
  reset_run_state (self);
  if (!klass->build_pipeline (self, error))
    {
      drop_pipeline (self);
      g_object_thaw_notify (G_OBJECT (self));
      return FALSE;
    }
  g_assert (priv->pipeline != NULL);
  bus = gst_pipeline_get_bus (GST_PIPELINE (priv->pipeline));
  priv->bus_watch_id = gst_bus_add_watch (bus, on_bus_message, self);

  stream = beacon_wcs_stream_new (klass->stream_kind, name);
  if (klass->setup_stream != NULL)
    klass->setup_stream (self, stream);
  set_stream (self, stream);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STREAM]);
  set_status (self, beacon_wcs_stream_get_status (stream));

  beacon_frame_counter_restart (priv->frames);
  if (gst_element_set_state (priv->pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      g_set_error_literal (error, BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_MISSING_ELEMENT,
                           _("The media pipeline could not start"));
      release_media (self);
      g_object_thaw_notify (G_OBJECT (self));
      return FALSE;
    }
  if (klass->offer_wait_ms > 0)
    priv->offer_timeout_id = g_timeout_add (klass->offer_wait_ms, on_offer_timeout, self);
  else
    _beacon_media_peer_request_offer (self);
  priv->stats_source_id = g_timeout_add_seconds (1, on_stats_tick, self);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

void
beacon_media_peer_stop (BeaconMediaPeer *self)
{
  g_return_if_fail (BEACON_IS_MEDIA_PEER (self));

  stop_stream (self);
  release_media (self);
}

/* ---- For the subclasses (beacon-media-peer-private.h) ------------------------------- */

gpointer
_beacon_media_peer_new_tap (BeaconMediaPeer *self,
                            gsize            size,
                            GDestroyNotify   clear)
{
  return beacon_media_tap_new (size, PRIV (self)->weak, PRIV (self)->frames, clear);
}

BeaconFrameCounter *
_beacon_media_peer_get_frame_counter (BeaconMediaPeer *self)
{
  return PRIV (self)->frames;
}

GstElement *
_beacon_media_peer_make_pipeline (BeaconMediaPeer *self,
                                  const char      *name,
                                  GError         **error)
{
  BeaconMediaPeerPrivate *priv = PRIV (self);

  g_assert (priv->pipeline == NULL);
  ensure_debug_category ();

  priv->pipeline = gst_object_ref_sink (gst_pipeline_new (name));
  priv->webrtc = beacon_webrtc_make ("webrtc", beacon_wcs_client_get_url (priv->client), error);
  if (priv->webrtc == NULL)
    return NULL;
  gst_bin_add (GST_BIN (priv->pipeline), priv->webrtc);
  return priv->webrtc;
}

GstElement *
_beacon_media_peer_get_pipeline (BeaconMediaPeer *self)
{
  return PRIV (self)->pipeline;
}

GstElement *
_beacon_media_peer_get_webrtc (BeaconMediaPeer *self)
{
  return PRIV (self)->webrtc;
}

guint
_beacon_media_peer_get_video_ssrc (BeaconMediaPeer *self)
{
  return PRIV (self)->video_ssrc;
}

void
_beacon_media_peer_set_video_ssrc (BeaconMediaPeer *self,
                                   guint            ssrc)
{
  PRIV (self)->video_ssrc = ssrc;
}

void
_beacon_media_peer_set_video_codec (BeaconMediaPeer *self,
                                    const char      *codec)
{
  BeaconMediaPeerPrivate *priv = PRIV (self);

  g_free (priv->video_codec);
  priv->video_codec = g_strdup (codec);
}

void
_beacon_media_peer_request_offer (BeaconMediaPeer *self)
{
  BeaconMediaPeerPrivate *priv = PRIV (self);

  if (priv->offer_requested || priv->webrtc == NULL)
    return;
  priv->offer_requested = TRUE;
  g_clear_handle_id (&priv->offer_timeout_id, g_source_remove);
  beacon_webrtc_create_offer (priv->webrtc, priv->weak, on_offer_created);
}

void
_beacon_media_peer_send_stream_event (BeaconMediaPeer *self,
                                      const char      *type)
{
  g_autoptr(GError) error = NULL;

  if (stream_is_live (self) &&
      !beacon_wcs_stream_send_event (PRIV (self)->stream, type, NULL, &error))
    g_debug ("could not send %s: %s", type, error->message);
}

gboolean
_beacon_media_peer_replace_sink (GstElement **slot,
                                 GstElement  *sink)
{
  g_return_val_if_fail (sink == NULL || GST_IS_ELEMENT (sink), FALSE);

  if (*slot == sink)
    return FALSE;
  g_clear_object (slot);
  if (sink != NULL)
    *slot = gst_object_ref_sink (sink);
  return TRUE;
}

void
_beacon_media_peer_fail (BeaconMediaPeer *self,
                         const GError    *error)
{
  if (PRIV (self)->pipeline == NULL)
    return;   /* a late report from a pipeline already dropped */
  g_debug ("%s failed: %s", G_OBJECT_TYPE_NAME (self), error->message);
  set_error (self, error);
  stop_stream (self);
  release_media (self);
}
