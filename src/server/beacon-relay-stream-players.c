/* beacon-relay-stream-players.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The player half of a relay stream: one branch per track from the publisher's tee
 * (leaky queue → payloader) into the player's own webrtcbin. The queue decouples players:
 * a slow or vanished one drops its own frames and never stalls the tee. */

#define G_LOG_DOMAIN "beacon-relay"

#include "config.h"

#include <gst/video/video.h>
#include <gst/webrtc/webrtc.h>

#include "beacon-main-hop.h"
#include "beacon-relay-stream-private.h"
#include "beacon-sdp-answer.h"

/* How much a stalled player may queue before its oldest frames go. */
#define PLAYER_QUEUE_NS (500 * GST_MSECOND)

static const char * const track_names[N_TRACKS] = { "audio", "video" };

/* ---- Branches ----------------------------------------------------------------------- */

static GstElement *
make_payloader (const char *encoding,
                int         pt,
                guint       ssrc,
                const char *name)
{
  GstElement *pay;

  if (g_ascii_strcasecmp (encoding, "H264") == 0)
    {
      pay = gst_element_factory_make ("rtph264pay", name);
      if (pay != NULL)
        g_object_set (pay, "config-interval", -1, NULL);
      /* One frame per send, not one per later packet (notes-media.md). */
      if (pay != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (pay), "aggregate-mode"))
        gst_util_set_object_arg (G_OBJECT (pay), "aggregate-mode", "zero-latency");
    }
  else if (g_ascii_strcasecmp (encoding, "VP8") == 0)
    {
      pay = gst_element_factory_make ("rtpvp8pay", name);
      if (pay != NULL)
        gst_util_set_object_arg (G_OBJECT (pay), "picture-id-mode", "15-bit");
    }
  else
    pay = gst_element_factory_make ("rtpopuspay", name);

  if (pay != NULL)
    g_object_set (pay, "pt", (guint) pt, "ssrc", ssrc, NULL);
  return pay;
}

/* On the streaming thread: a new player starts at a keyframe (anything before it cannot be
 * decoded), and its video frames are counted for outboundVideoRate. */
static GstPadProbeReturn
on_player_video (GstPad          *pad,
                 GstPadProbeInfo *info,
                 gpointer         user_data)
{
  Player *player = user_data;
  GstBuffer *buffer = GST_PAD_PROBE_INFO_BUFFER (info);

  if (g_atomic_int_get (&player->waiting_keyframe))
    {
      if (GST_BUFFER_FLAG_IS_SET (buffer, GST_BUFFER_FLAG_DELTA_UNIT))
        return GST_PAD_PROBE_DROP;
      g_atomic_int_set (&player->waiting_keyframe, 0);
    }
  if (GST_BUFFER_PTS (buffer) != player->last_pts)
    {
      player->last_pts = GST_BUFFER_PTS (buffer);
      g_atomic_int_inc (&player->meter.frames);
    }
  return GST_PAD_PROBE_OK;
}

/* Adds the branch of @kind for @player into its webrtcbin; the tee is linked later, once
 * the answer is set (before that webrtcbin's sink pads lead nowhere). */
static gboolean
add_branch (BeaconRelayStream *self,
            Player            *player,
            TrackKind          kind,
            const GstSDPMedia *media,
            int                pt)
{
  GstElement *webrtc = beacon_relay_peer_get_webrtcbin (player->peer);
  Track *track = &self->tracks[kind];
  g_autoptr(GstCaps) caps = beacon_sdp_get_payload_caps (media, pt);
  g_autofree char *queue_name = g_strdup_printf ("queue-%s-%s", track_names[kind], player->id);
  g_autofree char *pay_name = g_strdup_printf ("pay-%s-%s", track_names[kind], player->id);
  g_autoptr(GstPad) sink = NULL;
  g_autoptr(GstPad) pay_src = NULL;
  g_autoptr(GstPad) queue_src = NULL;
  GstWebRTCRTPTransceiver *trans = NULL;
  GstPadTemplate *templ;

  player->ssrc[kind] = g_random_int ();
  player->queue[kind] = gst_element_factory_make ("queue", queue_name);
  player->payloader[kind] = make_payloader (track->encoding, pt, player->ssrc[kind], pay_name);
  if (caps == NULL || player->queue[kind] == NULL || player->payloader[kind] == NULL)
    {
      g_clear_pointer (&player->queue[kind], gst_object_unref);
      g_clear_pointer (&player->payloader[kind], gst_object_unref);
      return FALSE;
    }
  g_object_set (player->queue[kind], "max-size-buffers", 0, "max-size-bytes", 0,
                "max-size-time", (guint64) PLAYER_QUEUE_NS, NULL);
  gst_util_set_object_arg (G_OBJECT (player->queue[kind]), "leaky", "downstream");

  /* The sink pad's caps become the transceiver's codec preferences: the answer then picks
   * the player's own payload type for the publisher's codec. */
  templ = gst_element_class_get_pad_template (GST_ELEMENT_GET_CLASS (webrtc), "sink_%u");
  sink = gst_element_request_pad (webrtc, templ, NULL, caps);
  if (sink == NULL)
    return FALSE;
  g_object_get (sink, "transceiver", &trans, NULL);
  if (trans != NULL)
    {
      g_object_set (trans, "direction", GST_WEBRTC_RTP_TRANSCEIVER_DIRECTION_SENDONLY,
                    "do-nack", kind == TRACK_VIDEO, NULL);
      gst_object_unref (trans);
    }

  gst_bin_add_many (GST_BIN (self->pipeline), player->queue[kind], player->payloader[kind],
                    NULL);
  gst_element_link (player->queue[kind], player->payloader[kind]);
  pay_src = gst_element_get_static_pad (player->payloader[kind], "src");
  if (gst_pad_link (pay_src, sink) != GST_PAD_LINK_OK)
    return FALSE;
  if (kind == TRACK_VIDEO)
    {
      queue_src = gst_element_get_static_pad (player->queue[kind], "src");
      gst_pad_add_probe (queue_src, GST_PAD_PROBE_TYPE_BUFFER, on_player_video, player, NULL);
    }
  /* Running before the tee feeds them, or the publisher stalls (notes-media.md). */
  gst_element_sync_state_with_parent (player->payloader[kind]);
  gst_element_sync_state_with_parent (player->queue[kind]);
  return TRUE;
}

static void
link_to_tees (BeaconRelayStream *self,
              Player            *player)
{
  for (guint kind = 0; kind < N_TRACKS; kind++)
    {
      g_autoptr(GstPad) queue_sink = NULL;

      if (player->queue[kind] == NULL)
        continue;
      player->tee_pad[kind] = gst_element_request_pad_simple (self->tracks[kind].tee, "src_%u");
      queue_sink = gst_element_get_static_pad (player->queue[kind], "sink");
      if (gst_pad_link (player->tee_pad[kind], queue_sink) != GST_PAD_LINK_OK)
        g_warning ("player %s: could not link its %s branch", player->id, track_names[kind]);
      /* The publisher sends a keyframe at once (a PLI travels up through the depayloader
       * and the publisher's webrtcbin; all-headers would make it a FIR), so the new player
       * does not wait for the next one. */
      if (kind == TRACK_VIDEO)
        gst_pad_push_event (queue_sink,
                            gst_video_event_new_upstream_force_key_unit (GST_CLOCK_TIME_NONE,
                                                                         FALSE, 0));
    }
}

/* ---- The player's life -------------------------------------------------------------- */

void
_beacon_relay_stream_tell_size (BeaconRelayStream *self)
{
  GHashTableIter iter;
  gpointer value;

  if (self->width <= 0 || self->height <= 0)
    return;
  g_hash_table_iter_init (&iter, self->players);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Player *player = value;

      if (player->playing)
        beacon_local_server_send_video_format (self->server, player->id, self->width,
                                               self->height, NULL);
    }
}

static void
on_player_answer (BeaconRelayPeer *peer,
                  const char      *answer,
                  Player          *player)
{
  BeaconRelayStream *self = player->stream;
  g_autoptr(GError) error = NULL;
  g_autofree char *with_ssrcs = NULL;
  g_autoptr(GstSDPMessage) offer = NULL;
  g_autofree guint *ssrcs = NULL;
  guint n = 0;

  /* Announce the SSRCs the payloaders really use: a browser binds its <video> to the
   * announced one, and webrtcbin's answer names another (the branches are not linked yet
   * when it answers). */
  if (gst_sdp_message_new_from_text (beacon_relay_peer_get_offer (peer), &offer) == GST_SDP_OK)
    {
      n = gst_sdp_message_medias_len (offer);
      ssrcs = g_new0 (guint, MAX (n, 1));
      for (guint i = 0; i < n; i++)
        {
          TrackKind kind = g_strcmp0 (gst_sdp_media_get_media (gst_sdp_message_get_media (offer, i)),
                                      "audio") == 0 ? TRACK_AUDIO : TRACK_VIDEO;

          if (player->queue[kind] != NULL && player->mline[kind] == (int) i)
            ssrcs[i] = player->ssrc[kind];
        }
    }
  with_ssrcs = beacon_sdp_set_sender_ssrcs (answer, ssrcs, n, player->id);
  if (with_ssrcs != NULL)
    answer = with_ssrcs;

  if (!beacon_local_server_answer_stream (self->server, player->id, answer, &error))
    {
      g_debug ("player %s: %s", player->id, error->message);
      return;
    }
  player->answered = TRUE;
  link_to_tees (self, player);
}

static void
on_player_connected (BeaconRelayPeer *peer,
                     Player          *player)
{
  BeaconRelayStream *self = player->stream;
  g_autoptr(GError) error = NULL;

  if (!beacon_local_server_start_stream (self->server, player->id,
                                         player->queue[TRACK_AUDIO] ? "opus" : NULL,
                                         player->queue[TRACK_VIDEO] ?
                                         self->tracks[TRACK_VIDEO].encoding : NULL, &error))
    {
      g_debug ("player %s: %s", player->id, error->message);
      return;
    }
  player->playing = TRUE;
  if (self->width > 0 && self->height > 0)
    beacon_local_server_send_video_format (self->server, player->id, self->width, self->height,
                                           NULL);
}

static void
on_player_failed (BeaconRelayPeer *peer,
                  const char      *info,
                  Player          *player)
{
  _beacon_relay_stream_fail_player (player->stream, player->id, info);
}

static void
on_player_stats (BeaconRelayPeer    *peer,
                 const GstStructure *stats,
                 Player             *player)
{
  BeaconRelayStream *self = player->stream;
  g_autoptr(BeaconWcsRateSample) sample = NULL;

  if (!player->playing || player->queue[TRACK_VIDEO] == NULL)
    return;
  sample = _beacon_relay_rate_from_stats (stats, player->id, BEACON_WCS_RATE_OUTBOUND,
                                          player->ssrc[TRACK_VIDEO], &player->meter,
                                          self->width, self->height);
  beacon_local_server_send_video_rate (self->server, sample, NULL);
  g_clear_pointer (&player->last_rate, beacon_wcs_rate_sample_free);
  player->last_rate = g_steal_pointer (&sample);
}

void
_beacon_relay_stream_players_tick (BeaconRelayStream *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->players);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Player *player = value;

      if (player->playing)
        beacon_relay_peer_request_stats (player->peer);
    }
}

void
beacon_relay_stream_add_player (BeaconRelayStream *self,
                                const char        *media_session_id,
                                const char        *offer)
{
  g_autoptr(GstSDPMessage) sdp = NULL;
  Player *player;
  gboolean any = FALSE;

  g_return_if_fail (BEACON_IS_RELAY_STREAM (self));
  g_return_if_fail (media_session_id != NULL && offer != NULL);

  if (self->shut_down || g_hash_table_contains (self->players, media_session_id))
    return;
  if (gst_sdp_message_new_from_text (offer, &sdp) != GST_SDP_OK)
    {
      _beacon_relay_stream_fail_player (self, media_session_id, "Failed to add stream to proxy");
      return;
    }

  player = g_new0 (Player, 1);
  player->stream = self;
  player->id = g_strdup (media_session_id);
  player->waiting_keyframe = 1;
  player->mline[TRACK_AUDIO] = player->mline[TRACK_VIDEO] = -1;
  player->last_pts = GST_CLOCK_TIME_NONE;
  player->peer = beacon_relay_peer_new (GST_BIN (self->pipeline), media_session_id, offer,
                                        self->bind_address, self->add_setup);
  g_hash_table_insert (self->players, player->id, player);
  if (beacon_relay_peer_get_webrtcbin (player->peer) == NULL)
    {
      _beacon_relay_stream_fail_player (self, media_session_id, "Failed by error");
      return;
    }

  for (guint i = 0; i < gst_sdp_message_medias_len (sdp); i++)
    {
      const GstSDPMedia *media = gst_sdp_message_get_media (sdp, i);
      TrackKind kind = g_strcmp0 (gst_sdp_media_get_media (media), "audio") == 0 ?
                       TRACK_AUDIO : TRACK_VIDEO;
      const char *encoding = self->tracks[kind].encoding;
      int pt;

      if (encoding == NULL || player->queue[kind] != NULL ||
          (pt = beacon_sdp_pick_payload (media, encoding)) < 0)
        continue;
      player->mline[kind] = (int) i;
      if (!add_branch (self, player, kind, media, pt))
        {
          _beacon_relay_stream_fail_player (self, media_session_id, "Failed by error");
          return;
        }
      any = TRUE;
    }
  /* A player that cannot take the publisher's video would need transcoding, which this
   * server does not do. */
  if (!any || (self->tracks[TRACK_VIDEO].encoding != NULL && player->queue[TRACK_VIDEO] == NULL))
    {
      _beacon_relay_stream_fail_player (self, media_session_id, "No common codecs");
      return;
    }

  g_signal_connect (player->peer, "answer-ready", G_CALLBACK (on_player_answer), player);
  g_signal_connect (player->peer, "connected", G_CALLBACK (on_player_connected), player);
  g_signal_connect (player->peer, "failed", G_CALLBACK (on_player_failed), player);
  g_signal_connect (player->peer, "stats", G_CALLBACK (on_player_stats), player);
  beacon_relay_peer_negotiate (player->peer);
}

/* ---- Detaching ---------------------------------------------------------------------- */

void
_beacon_relay_player_free (Player *player)
{
  BeaconRelayStream *self = player->stream;

  g_signal_handlers_disconnect_by_data (player->peer, player);
  for (guint kind = 0; kind < N_TRACKS; kind++)
    {
      if (player->tee_pad[kind] != NULL)
        {
          gst_element_release_request_pad (self->tracks[kind].tee, player->tee_pad[kind]);
          gst_object_unref (player->tee_pad[kind]);
        }
      if (player->queue[kind] != NULL)
        {
          gst_element_set_state (player->queue[kind], GST_STATE_NULL);
          gst_element_set_state (player->payloader[kind], GST_STATE_NULL);
          gst_bin_remove_many (GST_BIN (self->pipeline), player->queue[kind],
                               player->payloader[kind], NULL);
        }
    }
  beacon_relay_peer_shutdown (player->peer);
  g_object_unref (player->peer);
  g_clear_pointer (&player->last_rate, beacon_wcs_rate_sample_free);
  g_free (player->id);
  g_free (player);
}

typedef struct
{
  Player *player;
  gint    pending;
} Detach;

static void
on_detached_main (gpointer      object,
                  GstStructure *data)
{
  Detach *detach = NULL;

  gst_structure_get (data, "detach", G_TYPE_POINTER, &detach, NULL);
  _beacon_relay_player_free (detach->player);
  g_free (detach);
}

/* On whatever thread last pushed through the tee pad, once it is idle: cut the branch off
 * between two buffers, then finish on the main thread. */
static GstPadProbeReturn
on_tee_pad_idle (GstPad          *pad,
                 GstPadProbeInfo *info,
                 gpointer         user_data)
{
  Detach *detach = user_data;
  BeaconRelayStream *self = detach->player->stream;
  GstPad *peer = gst_pad_get_peer (pad);

  if (peer != NULL)
    {
      gst_pad_unlink (pad, peer);
      gst_object_unref (peer);
    }
  if (g_atomic_int_dec_and_test (&detach->pending))
    {
      g_autoptr(GstStructure) data = gst_structure_new ("detach", "detach", G_TYPE_POINTER,
                                                        detach, NULL);

      beacon_main_hop (self->context, self, on_detached_main, data);
    }
  return GST_PAD_PROBE_REMOVE;
}

gboolean
beacon_relay_stream_remove_player (BeaconRelayStream *self,
                                   const char        *media_session_id)
{
  Player *player = NULL;
  Detach *detach;

  g_return_val_if_fail (BEACON_IS_RELAY_STREAM (self), FALSE);

  if (!g_hash_table_steal_extended (self->players, media_session_id, NULL, (gpointer *) &player))
    return FALSE;
  g_signal_handlers_disconnect_by_data (player->peer, player);

  detach = g_new0 (Detach, 1);
  detach->player = player;
  for (guint kind = 0; kind < N_TRACKS; kind++)
    if (player->tee_pad[kind] != NULL)
      detach->pending++;
  if (detach->pending == 0)
    {
      _beacon_relay_player_free (player);
      g_free (detach);
      return TRUE;
    }
  /* Count first: a probe on an idle pad runs at once, inside gst_pad_add_probe(). */
  for (guint kind = 0; kind < N_TRACKS; kind++)
    if (player->tee_pad[kind] != NULL)
      gst_pad_add_probe (player->tee_pad[kind], GST_PAD_PROBE_TYPE_IDLE, on_tee_pad_idle, detach,
                         NULL);
  return TRUE;
}
