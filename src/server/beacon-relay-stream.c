/* beacon-relay-stream.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The publisher half of a relay stream: its offer, its webrtcbin, what comes out of it, and
 * the metrics of both halves. Players are in beacon-relay-stream-players.c. */

#define G_LOG_DOMAIN "beacon-relay"

#include "config.h"

#include <string.h>

#include <gst/webrtc/webrtc.h>

#include "beacon-main-hop.h"
#include "beacon-relay-stream-private.h"
#include "beacon-sdp-answer.h"
#include "beacon-wcs-error.h"

/* A publisher whose media has not arrived by then is failed, as WCS fails a stream whose
 * ICE never completes. */
#define MEDIA_TIMEOUT_S 20

G_DEFINE_FINAL_TYPE (BeaconRelayStream, beacon_relay_stream, G_TYPE_OBJECT)

static void
fail_publisher (BeaconRelayStream *self,
                const char        *info)
{
  g_autoptr(GError) error = NULL;

  if (self->shut_down)
    return;
  /* The server ends the players too, and then tells the relay, which shuts us down. */
  if (!beacon_local_server_fail_stream (self->server, self->id, info, &error))
    g_debug ("stream %s: %s", self->id, error->message);
}

void
_beacon_relay_stream_fail_player (BeaconRelayStream *self,
                                  const char        *id,
                                  const char        *info)
{
  g_autoptr(GError) error = NULL;

  if (!beacon_local_server_fail_stream (self->server, id, info, &error))
    g_debug ("player %s: %s", id, error->message);
}

/* ---- Metrics ------------------------------------------------------------------------ */

static gboolean
get_int64 (const GstStructure *s,
           const char         *field,
           gint64             *out)
{
  const GValue *value = gst_structure_get_value (s, field);
  GValue v = G_VALUE_INIT;

  if (value == NULL || !g_value_type_transformable (G_VALUE_TYPE (value), G_TYPE_INT64))
    return FALSE;
  g_value_init (&v, G_TYPE_INT64);
  g_value_transform (value, &v);
  *out = g_value_get_int64 (&v);
  return TRUE;
}

/* WCS's "pli" counts keyframe requests; an upstream force-key-unit with all-headers makes
 * GStreamer send a FIR instead of a PLI, and browsers send either. */
static void
get_keyframe_requests (const GstStructure *s,
                       gint64             *out)
{
  gint64 pli = 0, fir = 0;

  get_int64 (s, "pli-count", &pli);
  get_int64 (s, "fir-count", &fir);
  *out = pli + fir;
}

typedef struct
{
  BeaconWcsRateDirection direction;
  guint                  ssrc;
  gboolean               found;
  gint64                 bytes;
  gint64                 nack;
  gint64                 pli;
  gint64                 lost;
} StatsScan;

static gboolean
scan_stats_field (GQuark        field,
                  const GValue *value,
                  gpointer      user_data)
{
  StatsScan *scan = user_data;
  const GstStructure *s;
  GstWebRTCStatsType type;
  guint ssrc = 0;

  if (!GST_VALUE_HOLDS_STRUCTURE (value))
    return TRUE;
  s = gst_value_get_structure (value);
  if (!gst_structure_get (s, "type", GST_TYPE_WEBRTC_STATS_TYPE, &type, NULL) ||
      !gst_structure_get_uint (s, "ssrc", &ssrc) || ssrc != scan->ssrc)
    return TRUE;

  if (scan->direction == BEACON_WCS_RATE_INBOUND && type == GST_WEBRTC_STATS_INBOUND_RTP)
    {
      const GstStructure *source_stats = NULL;

      scan->found = get_int64 (s, "bytes-received", &scan->bytes);
      /* 1.22 fills the top-level figure only when it has matched the jitterbuffer; the RTP
       * source's own count is always there. */
      if (!get_int64 (s, "packets-lost", &scan->lost) &&
          gst_structure_get (s, "gst-rtpsource-stats", GST_TYPE_STRUCTURE, &source_stats, NULL))
        {
          get_int64 (source_stats, "packets-lost", &scan->lost);
          gst_structure_free ((GstStructure *) source_stats);
        }
      /* On inbound stats these count what we asked the sender for. */
      get_int64 (s, "nack-count", &scan->nack);
      get_keyframe_requests (s, &scan->pli);
    }
  else if (scan->direction == BEACON_WCS_RATE_OUTBOUND && type == GST_WEBRTC_STATS_OUTBOUND_RTP)
    {
      scan->found = get_int64 (s, "bytes-sent", &scan->bytes);
      get_int64 (s, "nack-count", &scan->nack);
      get_keyframe_requests (s, &scan->pli);
    }
  else if (scan->direction == BEACON_WCS_RATE_OUTBOUND &&
           type == GST_WEBRTC_STATS_REMOTE_INBOUND_RTP)
    {
      gint64 lost = 0;

      /* GStreamer 1.22 reports -1 here until the receiver's first report block. */
      if (get_int64 (s, "packets-lost", &lost) && lost > 0)
        scan->lost = lost;
    }
  return TRUE;
}

BeaconWcsRateSample *
_beacon_relay_rate_from_stats (const GstStructure    *stats,
                               const char            *media_session_id,
                               BeaconWcsRateDirection direction,
                               guint                  ssrc,
                               Meter                 *meter,
                               int                    width,
                               int                    height)
{
  StatsScan scan = { .direction = direction, .ssrc = ssrc };
  BeaconWcsRateSample *sample;
  gint64 now = g_get_monotonic_time ();
  int frames = g_atomic_int_get (&meter->frames);
  double seconds;

  if (ssrc != 0)
    gst_structure_foreach (stats, scan_stats_field, &scan);

  sample = g_new0 (BeaconWcsRateSample, 1);
  sample->media_session_id = g_strdup (media_session_id);
  sample->direction = direction;
  sample->nack = scan.nack;
  sample->pli = scan.pli;
  sample->lost_packets = scan.lost;
  sample->width = width;
  sample->height = height;

  /* Rates are deltas between two readings; the first one only primes them. */
  seconds = (now - meter->prev_time_us) / (double) G_USEC_PER_SEC;
  if (meter->primed && seconds > 0.1)
    {
      if (scan.found && (guint64) scan.bytes >= meter->prev_bytes)
        sample->video_rate = (gint64) ((scan.bytes - meter->prev_bytes) * 8 / seconds);
      sample->fps = (frames - meter->prev_frames) / seconds;
    }
  meter->prev_bytes = scan.found ? (guint64) scan.bytes : meter->prev_bytes;
  meter->prev_frames = frames;
  meter->prev_time_us = now;
  meter->primed = TRUE;
  return sample;
}

static void
on_publisher_stats (BeaconRelayPeer    *peer,
                    const GstStructure *stats,
                    BeaconRelayStream  *self)
{
  g_autoptr(BeaconWcsRateSample) sample = NULL;
  g_autoptr(GError) error = NULL;

  if (!self->publishing || self->tracks[TRACK_VIDEO].encoding == NULL)
    return;
  sample = _beacon_relay_rate_from_stats (stats, self->id, BEACON_WCS_RATE_INBOUND,
                                          g_atomic_int_get (&self->tracks[TRACK_VIDEO].ssrc),
                                          &self->meter, self->width, self->height);
  if (!beacon_local_server_send_video_rate (self->server, sample, &error))
    g_debug ("stream %s: %s", self->id, error->message);
  g_clear_pointer (&self->last_rate, beacon_wcs_rate_sample_free);
  self->last_rate = g_steal_pointer (&sample);
}

BeaconWcsRateSample *
beacon_relay_stream_dup_last_rate (BeaconRelayStream *self,
                                   const char        *media_session_id)
{
  Player *player;

  g_return_val_if_fail (BEACON_IS_RELAY_STREAM (self), NULL);

  if (g_strcmp0 (media_session_id, self->id) == 0)
    return self->last_rate ? beacon_wcs_rate_sample_copy (self->last_rate) : NULL;
  player = g_hash_table_lookup (self->players, media_session_id);
  return player && player->last_rate ? beacon_wcs_rate_sample_copy (player->last_rate) : NULL;
}

void
beacon_relay_stream_tick (BeaconRelayStream *self)
{
  g_return_if_fail (BEACON_IS_RELAY_STREAM (self));

  if (self->shut_down)
    return;
  if (self->publishing)
    beacon_relay_peer_request_stats (self->publisher);
  _beacon_relay_stream_players_tick (self);
}

/* ---- Media from the publisher ------------------------------------------------------- */

static void
on_media_started_main (gpointer      object,
                       GstStructure *data)
{
  BeaconRelayStream *self = object;
  g_autoptr(GError) error = NULL;
  const char *video = self->tracks[TRACK_VIDEO].encoding;
  const char *audio = self->tracks[TRACK_AUDIO].encoding;

  if (self->shut_down || self->publishing)
    return;
  if (data != NULL)
    {
      gst_structure_get_int (data, "width", &self->width);
      gst_structure_get_int (data, "height", &self->height);
    }
  g_clear_handle_id (&self->media_timeout_id, g_source_remove);
  beacon_local_server_set_stream_size (self->server, self->id, self->width, self->height, NULL);
  if (!beacon_local_server_start_stream (self->server, self->id,
                                         audio ? "opus" : NULL, video, &error))
    {
      g_debug ("stream %s: %s", self->id, error->message);
      return;
    }
  self->publishing = TRUE;
  _beacon_relay_stream_tell_size (self);
}

static void
on_size_main (gpointer      object,
              GstStructure *data)
{
  BeaconRelayStream *self = object;
  int width = 0, height = 0;

  if (self->shut_down || !gst_structure_get_int (data, "width", &width) ||
      !gst_structure_get_int (data, "height", &height) ||
      (width == self->width && height == self->height))
    return;
  self->width = width;
  self->height = height;
  if (!self->publishing)
    return;
  beacon_local_server_set_stream_size (self->server, self->id, width, height, NULL);
  /* WCS tells players of every change of the published picture. */
  _beacon_relay_stream_tell_size (self);
}

/* On the streaming thread, on the tee's sink pad: counts frames, learns the picture size,
 * and notices the first media. */
static GstPadProbeReturn
on_tee_data (GstPad          *pad,
             GstPadProbeInfo *info,
             gpointer         user_data)
{
  BeaconRelayStream *self = user_data;
  gboolean video = GST_PAD_PARENT (pad) == self->tracks[TRACK_VIDEO].tee;

  if (info->type & GST_PAD_PROBE_TYPE_BUFFER)
    {
      /* A frame may come as several buffers (one per NAL); they share a timestamp. */
      if (video && GST_BUFFER_PTS (GST_PAD_PROBE_INFO_BUFFER (info)) != self->last_video_pts)
        {
          self->last_video_pts = GST_BUFFER_PTS (GST_PAD_PROBE_INFO_BUFFER (info));
          g_atomic_int_inc (&self->meter.frames);
        }
      /* Video decides when a video publisher is PUBLISHING (its size is known by then). */
      if ((video || self->tracks[TRACK_VIDEO].encoding == NULL) &&
          g_atomic_int_compare_and_exchange (&self->media_started, 0, 1))
        beacon_main_hop (self->context, self, on_media_started_main, NULL);
    }
  else if (info->type & GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM &&
           GST_EVENT_TYPE (GST_PAD_PROBE_INFO_EVENT (info)) == GST_EVENT_CAPS && video)
    {
      GstCaps *caps = NULL;
      const GstStructure *s;
      int width = 0, height = 0;

      gst_event_parse_caps (GST_PAD_PROBE_INFO_EVENT (info), &caps);
      s = gst_caps_get_structure (caps, 0);
      if (gst_structure_get_int (s, "width", &width) &&
          gst_structure_get_int (s, "height", &height))
        {
          g_autoptr(GstStructure) size = gst_structure_new ("size", "width", G_TYPE_INT, width,
                                                            "height", G_TYPE_INT, height, NULL);

          beacon_main_hop (self->context, self, on_size_main, size);
        }
    }
  return GST_PAD_PROBE_OK;
}

static GstElement *
make_element (const char *factory,
              const char *property,
              ...)
{
  GstElement *element = gst_element_factory_make (factory, NULL);
  va_list args;

  if (element == NULL)
    return NULL;
  va_start (args, property);
  /* Newer properties (keyframe requests) are set only where this GStreamer has them. */
  while (property != NULL)
    {
      GValue value = G_VALUE_INIT;
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (element), property);

      if (pspec == NULL)
        {
          (void) va_arg (args, const char *);
          property = va_arg (args, const char *);
          continue;
        }
      gst_value_deserialize (g_value_init (&value, pspec->value_type),
                             va_arg (args, const char *));
      g_object_set_property (G_OBJECT (element), property, &value);
      g_value_unset (&value);
      property = va_arg (args, const char *);
    }
  va_end (args);
  return element;
}

/* The depayloading chain for one publisher track, ending at the track's tee. */
static GPtrArray *
make_depay_chain (const char *encoding)
{
  GPtrArray *chain = g_ptr_array_new ();

  if (g_ascii_strcasecmp (encoding, "H264") == 0)
    {
      g_ptr_array_add (chain, make_element ("rtph264depay", "request-keyframe", "true",
                                            "wait-for-keyframe", "true", NULL));
      /* Left to negotiate its own format: in 1.22, forcing byte-stream or inserting SPS/PPS
       * here (config-interval) makes the frames of a multi-slice encoder undecodable after
       * repayloading (only one slice of each frame survives). The players' payloaders send
       * SPS/PPS before every IDR instead. */
      g_ptr_array_add (chain, make_element ("h264parse", NULL));
    }
  else if (g_ascii_strcasecmp (encoding, "VP8") == 0)
    g_ptr_array_add (chain, make_element ("rtpvp8depay", "request-keyframe", "true",
                                          "wait-for-keyframe", "true", NULL));
  else
    g_ptr_array_add (chain, make_element ("rtpopusdepay", NULL));
  return chain;
}

/* On a webrtcbin thread when the publisher's RTP arrives: link it to its track. */
static void
on_publisher_pad_added (GstElement        *webrtc,
                        GstPad            *pad,
                        BeaconRelayStream *self)
{
  g_autoptr(GstCaps) caps = NULL;
  g_autoptr(GPtrArray) chain = NULL;
  g_autoptr(GstPad) sink = NULL;
  const GstStructure *s;
  const char *media;
  Track *track;
  guint ssrc = 0;

  if (GST_PAD_DIRECTION (pad) != GST_PAD_SRC)
    return;
  caps = gst_pad_get_current_caps (pad);
  if (caps == NULL)
    caps = gst_pad_query_caps (pad, NULL);
  s = gst_caps_get_structure (caps, 0);
  media = gst_structure_get_string (s, "media");
  track = &self->tracks[g_strcmp0 (media, "audio") == 0 ? TRACK_AUDIO : TRACK_VIDEO];
  if (track->encoding == NULL || track->tee == NULL)
    {
      g_autofree char *text = gst_caps_to_string (caps);
      GstElement *discard = gst_element_factory_make ("fakesink", NULL);
      g_autoptr(GstPad) discard_pad = gst_element_get_static_pad (discard, "sink");

      /* An m-line we answered inactive still delivers; unlinked, it would stop the rest. */
      g_message ("stream %s: discarding RTP we did not ask for: %s", self->id, text);
      gst_bin_add (GST_BIN (self->pipeline), discard);
      gst_element_sync_state_with_parent (discard);
      gst_pad_link (pad, discard_pad);
      return;
    }
  gst_structure_get_uint (s, "ssrc", &ssrc);
  g_atomic_int_set (&track->ssrc, ssrc);

  chain = make_depay_chain (track->encoding);
  for (guint i = 0; i < chain->len; i++)
    {
      if (g_ptr_array_index (chain, i) == NULL)
        {
          g_warning ("stream %s: a GStreamer element for %s is missing", self->id,
                     track->encoding);
          return;
        }
      gst_bin_add (GST_BIN (self->pipeline), g_ptr_array_index (chain, i));
    }
  for (guint i = 0; i < chain->len; i++)
    {
      GstElement *next = i + 1 < chain->len ? g_ptr_array_index (chain, i + 1) : track->tee;

      gst_element_link (g_ptr_array_index (chain, i), next);
      gst_element_sync_state_with_parent (g_ptr_array_index (chain, i));
    }
  sink = gst_element_get_static_pad (g_ptr_array_index (chain, 0), "sink");
  if (gst_pad_link (pad, sink) != GST_PAD_LINK_OK)
    g_warning ("stream %s: could not link the publisher's %s", self->id, media);
  g_debug ("stream %s: %s (%s, ssrc %u) linked", self->id, media, track->encoding, ssrc);
}

/* ---- The publisher's negotiation ---------------------------------------------------- */

static void
on_publisher_answer (BeaconRelayPeer   *peer,
                     const char        *answer,
                     BeaconRelayStream *self)
{
  g_autoptr(GError) error = NULL;

  if (!beacon_local_server_answer_stream (self->server, self->id, answer, &error))
    {
      g_debug ("stream %s: %s", self->id, error->message);
      return;
    }
  self->answered = TRUE;
}

static void
on_publisher_failed (BeaconRelayPeer   *peer,
                     const char        *info,
                     BeaconRelayStream *self)
{
  fail_publisher (self, info);
}

static gboolean
on_media_timeout (gpointer user_data)
{
  BeaconRelayStream *self = user_data;

  self->media_timeout_id = 0;
  g_message ("stream %s: no media from the publisher after %d s", self->id, MEDIA_TIMEOUT_S);
  fail_publisher (self, "Failed by ICE timeout");
  return G_SOURCE_REMOVE;
}

static gboolean
on_bus_message (GstBus     *bus,
                GstMessage *message,
                gpointer    user_data)
{
  BeaconRelayStream *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *debug = NULL;
  g_autofree char *path = NULL;
  GHashTableIter iter;
  gpointer key;

  if (GST_MESSAGE_TYPE (message) != GST_MESSAGE_ERROR)
    return G_SOURCE_CONTINUE;
  gst_message_parse_error (message, &error, &debug);
  path = gst_object_get_path_string (GST_MESSAGE_SRC (message));
  g_message ("stream %s: %s (%s)", self->id, error->message, path);
  g_debug ("%s", debug ? debug : "");

  /* A player's elements carry its id in their names; an error there ends only that player. */
  g_hash_table_iter_init (&iter, self->players);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (strstr (path, key) != NULL)
        {
          _beacon_relay_stream_fail_player (self, key, "Failed by error");
          return G_SOURCE_CONTINUE;
        }
    }
  fail_publisher (self, "Failed by error");
  return G_SOURCE_CONTINUE;
}

/* On a streaming thread. webrtcbin 1.22 turns retransmission requests on in a new
 * jitterbuffer only if it already knows the SSRC's transceiver, which races with the first
 * packets (seen: the second relay in a process never NACKed). The video m-line's RTP
 * session is its index (no BUNDLE), so we set it ourselves. */
static void
on_new_jitterbuffer (GstElement        *rtpbin,
                     GstElement        *jitterbuffer,
                     guint              session,
                     guint              ssrc,
                     BeaconRelayStream *self)
{
  if ((int) session == self->video_mline)
    g_object_set (jitterbuffer, "do-retransmission", TRUE, NULL);
}

/* Reads the publisher's offer: which tracks it has and which payload type each uses.
 * Adds a receive-only transceiver per track with that payload's caps, so webrtcbin answers
 * with our choice (H.264 over VP8) instead of the offer's first codec. */
static gboolean
setup_tracks (BeaconRelayStream *self,
              const char        *offer,
              GError           **error)
{
  g_autoptr(GstSDPMessage) sdp = NULL;
  GstElement *webrtc = beacon_relay_peer_get_webrtcbin (self->publisher);

  if (gst_sdp_message_new_from_text (offer, &sdp) != GST_SDP_OK)
    {
      g_set_error_literal (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL,
                           "Failed to add stream to proxy");
      return FALSE;
    }
  for (guint i = 0; i < gst_sdp_message_medias_len (sdp); i++)
    {
      const GstSDPMedia *media = gst_sdp_message_get_media (sdp, i);
      gboolean video = g_strcmp0 (gst_sdp_media_get_media (media), "video") == 0;
      const char *encoding = NULL;
      Track *track;
      int pt = -1;
      g_autoptr(GstCaps) caps = NULL;
      GstWebRTCRTPTransceiver *trans = NULL;

      if (video && (pt = beacon_sdp_pick_payload (media, "H264")) >= 0)
        encoding = "H264";
      else if (video && (pt = beacon_sdp_pick_payload (media, "VP8")) >= 0)
        encoding = "VP8";
      else if (g_strcmp0 (gst_sdp_media_get_media (media), "audio") == 0 &&
               (pt = beacon_sdp_pick_payload (media, "OPUS")) >= 0)
        encoding = "OPUS";
      track = &self->tracks[video ? TRACK_VIDEO : TRACK_AUDIO];
      if (encoding == NULL || track->encoding != NULL)
        continue;

      track->encoding = g_strdup (encoding);
      caps = beacon_sdp_get_payload_caps (media, pt);
      g_signal_emit_by_name (webrtc, "add-transceiver",
                             GST_WEBRTC_RTP_TRANSCEIVER_DIRECTION_RECVONLY, caps, &trans);
      if (trans != NULL)
        {
          /* Ask the publisher to resend what the network lost. */
          if (video)
            {
              g_object_set (trans, "do-nack", TRUE, NULL);
              self->video_mline = (int) i;
            }
          gst_object_unref (trans);
        }
      track->tee = gst_element_factory_make ("tee", video ? "tee-video" : "tee-audio");
      /* No player yet is not an error for the publisher. */
      g_object_set (track->tee, "allow-not-linked", TRUE, NULL);
      gst_bin_add (GST_BIN (self->pipeline), track->tee);
      {
        g_autoptr(GstPad) sink = gst_element_get_static_pad (track->tee, "sink");

        gst_pad_add_probe (sink, GST_PAD_PROBE_TYPE_BUFFER | GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM,
                           on_tee_data, self, NULL);
      }
      gst_element_sync_state_with_parent (track->tee);
    }
  if (self->tracks[TRACK_AUDIO].encoding == NULL && self->tracks[TRACK_VIDEO].encoding == NULL)
    {
      g_set_error_literal (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL,
                           "No common codecs");
      return FALSE;
    }
  return TRUE;
}

BeaconRelayStream *
beacon_relay_stream_new (BeaconLocalServer *server,
                         const char        *media_session_id,
                         const char        *name,
                         const char        *offer,
                         gboolean           add_setup,
                         GError           **error)
{
  g_autoptr(BeaconRelayStream) self = NULL;
  g_autofree char *pipeline_name = NULL;
  g_autoptr(GstBus) bus = NULL;

  g_return_val_if_fail (BEACON_IS_LOCAL_SERVER (server), NULL);
  g_return_val_if_fail (media_session_id != NULL && name != NULL && offer != NULL, NULL);

  self = g_object_new (BEACON_TYPE_RELAY_STREAM, NULL);
  self->server = g_object_ref (server);
  self->id = g_strdup (media_session_id);
  self->name = g_strdup (name);
  self->bind_address = g_strdup (beacon_local_server_get_bind_address (server));
  self->add_setup = add_setup;

  pipeline_name = g_strdup_printf ("relay-%s", name);
  self->pipeline = gst_object_ref_sink (gst_pipeline_new (pipeline_name));
  bus = gst_pipeline_get_bus (GST_PIPELINE (self->pipeline));
  self->bus_watch_id = gst_bus_add_watch (bus, on_bus_message, self);

  self->publisher = beacon_relay_peer_new (GST_BIN (self->pipeline), media_session_id, offer,
                                           self->bind_address, add_setup);
  if (beacon_relay_peer_get_webrtcbin (self->publisher) == NULL)
    {
      g_set_error_literal (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL,
                           "Failed by error: webrtcbin is not installed on the server");
      return NULL;
    }
  if (!setup_tracks (self, offer, error))
    return NULL;

  g_signal_connect (beacon_relay_peer_get_webrtcbin (self->publisher), "pad-added",
                    G_CALLBACK (on_publisher_pad_added), self);
  {
    g_autoptr(GstElement) rtpbin =
      gst_bin_get_by_name (GST_BIN (beacon_relay_peer_get_webrtcbin (self->publisher)), "rtpbin");

    if (rtpbin != NULL)
      g_signal_connect (rtpbin, "new-jitterbuffer", G_CALLBACK (on_new_jitterbuffer), self);
  }
  g_signal_connect (self->publisher, "answer-ready", G_CALLBACK (on_publisher_answer), self);
  g_signal_connect (self->publisher, "failed", G_CALLBACK (on_publisher_failed), self);
  g_signal_connect (self->publisher, "stats", G_CALLBACK (on_publisher_stats), self);
  gst_element_set_state (self->pipeline, GST_STATE_PLAYING);
  self->media_timeout_id = g_timeout_add_seconds (MEDIA_TIMEOUT_S, on_media_timeout, self);
  beacon_relay_peer_negotiate (self->publisher);
  return g_steal_pointer (&self);
}

const char *
beacon_relay_stream_get_name (BeaconRelayStream *self)
{
  g_return_val_if_fail (BEACON_IS_RELAY_STREAM (self), NULL);
  return self->name;
}

const char *
beacon_relay_stream_get_publisher_id (BeaconRelayStream *self)
{
  g_return_val_if_fail (BEACON_IS_RELAY_STREAM (self), NULL);
  return self->id;
}

guint
beacon_relay_stream_get_n_players (BeaconRelayStream *self)
{
  g_return_val_if_fail (BEACON_IS_RELAY_STREAM (self), 0);
  return g_hash_table_size (self->players);
}

void
beacon_relay_stream_shutdown (BeaconRelayStream *self)
{
  g_return_if_fail (BEACON_IS_RELAY_STREAM (self));

  if (self->shut_down)
    return;
  self->shut_down = TRUE;
  g_clear_handle_id (&self->media_timeout_id, g_source_remove);
  g_clear_handle_id (&self->bus_watch_id, g_source_remove);
  if (self->publisher != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->publisher, self);
      if (beacon_relay_peer_get_webrtcbin (self->publisher) != NULL)
        g_signal_handlers_disconnect_by_data (beacon_relay_peer_get_webrtcbin (self->publisher),
                                              self);
    }
  /* Whole pipeline at once: no branch needs to be unlinked carefully any more. */
  if (self->pipeline != NULL)
    gst_element_set_state (self->pipeline, GST_STATE_NULL);
  g_hash_table_remove_all (self->players);
  if (self->publisher != NULL)
    beacon_relay_peer_shutdown (self->publisher);
  g_message ("stream %s (%s): relay closed", self->id, self->name);
}

static void
beacon_relay_stream_dispose (GObject *object)
{
  BeaconRelayStream *self = BEACON_RELAY_STREAM (object);

  beacon_relay_stream_shutdown (self);
  g_clear_object (&self->publisher);
  gst_clear_object (&self->pipeline);
  g_clear_object (&self->server);

  G_OBJECT_CLASS (beacon_relay_stream_parent_class)->dispose (object);
}

static void
beacon_relay_stream_finalize (GObject *object)
{
  BeaconRelayStream *self = BEACON_RELAY_STREAM (object);

  for (guint i = 0; i < N_TRACKS; i++)
    g_free (self->tracks[i].encoding);
  g_hash_table_unref (self->players);
  g_clear_pointer (&self->last_rate, beacon_wcs_rate_sample_free);
  g_main_context_unref (self->context);
  g_free (self->id);
  g_free (self->name);
  g_free (self->bind_address);

  G_OBJECT_CLASS (beacon_relay_stream_parent_class)->finalize (object);
}

static void
beacon_relay_stream_class_init (BeaconRelayStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = beacon_relay_stream_dispose;
  object_class->finalize = beacon_relay_stream_finalize;
}

static void
beacon_relay_stream_init (BeaconRelayStream *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->tracks[TRACK_AUDIO].media = "audio";
  self->tracks[TRACK_VIDEO].media = "video";
  self->video_mline = -1;
  self->last_video_pts = GST_CLOCK_TIME_NONE;
  self->players = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) _beacon_relay_player_free);
}
