/* beacon-relay-peer.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-relay"

#include "config.h"

#include <gst/webrtc/webrtc.h>

#include "beacon-main-hop.h"
#include "beacon-relay-peer.h"
#include "beacon-sdp-answer.h"

/* Gathering on one address takes about 200 ms (libnice's timer); a bound that still lets a
 * many-interface machine finish, after which we answer with what we have. */
#define GATHER_TIMEOUT_MS 3000
/* A relay only needs to reorder and recover losses; every ms here is latency for players. */
#define RELAY_JITTERBUFFER_MS 50

struct _BeaconRelayPeer
{
  GObject       parent_instance;

  GstBin       *pipeline;
  GstElement   *webrtc;
  GMainContext *context;
  char         *media_session_id;
  char         *offer;
  gboolean      add_setup;

  GPtrArray    *dtls_transports;   /* GstWebRTCDTLSTransport we listen to */
  guint         gather_timeout_id;
  gulong        gathering_handler;
  gboolean      answered;
  gboolean      connected;
  gboolean      failed;
  gboolean      shut_down;
};

G_DEFINE_FINAL_TYPE (BeaconRelayPeer, beacon_relay_peer, G_TYPE_OBJECT)

enum {
  ANSWER_READY,
  CONNECTED,
  FAILED,
  STATS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Every handler below runs on the main context through beacon_main_hop(); a peer shut
 * down meanwhile ignores what arrives late. */
static void
hop (BeaconRelayPeer    *self,
     BeaconMainHopFunc   func,
     const GstStructure *data)
{
  beacon_main_hop (self->context, self, func, data);
}

static GstPromise *
promise_new (BeaconRelayPeer   *self,
             BeaconMainHopFunc  func)
{
  return beacon_main_hop_promise_new (self->context, self, func);
}

/* ---- Failure and success ------------------------------------------------------------ */

static void
fail (BeaconRelayPeer *self,
      const char      *info,
      const char      *detail)
{
  if (self->failed || self->shut_down)
    return;
  self->failed = TRUE;
  g_message ("stream %s: %s (%s)", self->media_session_id, info, detail ? detail : "");
  g_signal_emit (self, signals[FAILED], 0, info);
}

/* Whether a promise reply reports an error (webrtcbin 1.22 puts a GError in "error"). */
static gboolean
reply_has_error (const GstStructure *reply,
                 char              **message)
{
  const GError *error = NULL;

  /* webrtcbin replies to a successful set-*-description with no structure at all. */
  if (reply == NULL)
    return FALSE;
  if (gst_structure_has_name (reply, "interrupted"))
    {
      *message = g_strdup ("interrupted");
      return TRUE;
    }
  if (gst_structure_has_field (reply, "error") &&
      gst_structure_get (reply, "error", G_TYPE_ERROR, &error, NULL) && error != NULL)
    {
      *message = g_strdup (error->message);
      g_error_free ((GError *) error);
      return TRUE;
    }
  return FALSE;
}

static void
on_dtls_state_main (gpointer      object,
                    GstStructure *data)
{
  BeaconRelayPeer *self = object;
  GstWebRTCDTLSTransportState state = GST_WEBRTC_DTLS_TRANSPORT_STATE_NEW;

  if (self->shut_down)
    return;
  gst_structure_get_enum (data, "state", GST_TYPE_WEBRTC_DTLS_TRANSPORT_STATE, (int *) &state);
  if (state == GST_WEBRTC_DTLS_TRANSPORT_STATE_FAILED)
    fail (self, "Failed by DTLS error", "DTLS transport failed");
  else if (state == GST_WEBRTC_DTLS_TRANSPORT_STATE_CONNECTED && !self->connected)
    {
      /* One m-line is enough: webrtcbin's overall state stays short of connected while any
       * m-line is inactive (notes-media.md). */
      self->connected = TRUE;
      g_debug ("stream %s: DTLS connected", self->media_session_id);
      g_signal_emit (self, signals[CONNECTED], 0);
    }
}

static void
on_dtls_state_notify (GObject    *transport,
                      GParamSpec *pspec,
                      gpointer    user_data)
{
  BeaconRelayPeer *self = user_data;
  GstWebRTCDTLSTransportState state;
  g_autoptr(GstStructure) data = NULL;

  g_object_get (transport, "state", &state, NULL);
  data = gst_structure_new ("dtls", "state", GST_TYPE_WEBRTC_DTLS_TRANSPORT_STATE, state, NULL);
  hop (self, on_dtls_state_main, data);
}

static void
on_ice_state_main (gpointer      object,
                   GstStructure *data)
{
  BeaconRelayPeer *self = object;
  GstWebRTCICEConnectionState state = GST_WEBRTC_ICE_CONNECTION_STATE_NEW;

  if (self->shut_down)
    return;
  gst_structure_get_enum (data, "state", GST_TYPE_WEBRTC_ICE_CONNECTION_STATE, (int *) &state);
  if (state == GST_WEBRTC_ICE_CONNECTION_STATE_FAILED)
    fail (self, "Failed by ICE error", "ICE connectivity checks failed");
}

static void
on_ice_state_notify (GObject    *webrtc,
                     GParamSpec *pspec,
                     gpointer    user_data)
{
  BeaconRelayPeer *self = user_data;
  GstWebRTCICEConnectionState state;
  g_autoptr(GstStructure) data = NULL;

  g_object_get (webrtc, "ice-connection-state", &state, NULL);
  data = gst_structure_new ("ice", "state", GST_TYPE_WEBRTC_ICE_CONNECTION_STATE, state, NULL);
  hop (self, on_ice_state_main, data);
}

/* Each m-line has its own DTLS transport (no BUNDLE); the first to connect means media
 * can flow. */
static void
watch_transports (BeaconRelayPeer *self)
{
  g_autoptr(GArray) transceivers = NULL;

  g_signal_emit_by_name (self->webrtc, "get-transceivers", &transceivers);
  for (guint i = 0; transceivers != NULL && i < transceivers->len; i++)
    {
      GstWebRTCRTPTransceiver *trans = g_array_index (transceivers, GstWebRTCRTPTransceiver *, i);
      g_autoptr(GstWebRTCRTPSender) sender = NULL;
      g_autoptr(GstWebRTCRTPReceiver) receiver = NULL;
      g_autoptr(GstWebRTCDTLSTransport) transport = NULL;

      g_object_get (trans, "sender", &sender, "receiver", &receiver, NULL);
      if (sender != NULL)
        g_object_get (sender, "transport", &transport, NULL);
      if (transport == NULL && receiver != NULL)
        g_object_get (receiver, "transport", &transport, NULL);
      if (transport == NULL || g_ptr_array_find (self->dtls_transports, transport, NULL))
        continue;
      g_signal_connect_object (transport, "notify::state", G_CALLBACK (on_dtls_state_notify),
                               self, 0);
      g_ptr_array_add (self->dtls_transports, g_object_ref (transport));
    }
}

/* ---- Negotiation: offer → answer → gathering → WCS shape ---------------------------- */

static void
send_answer (BeaconRelayPeer *self)
{
  g_autoptr(GstWebRTCSessionDescription) local = NULL;
  g_autofree char *text = NULL;
  g_autofree char *shaped = NULL;
  g_autoptr(GError) error = NULL;

  if (self->answered)
    return;
  self->answered = TRUE;
  g_clear_handle_id (&self->gather_timeout_id, g_source_remove);
  g_clear_signal_handler (&self->gathering_handler, self->webrtc);

  g_object_get (self->webrtc, "local-description", &local, NULL);
  if (local == NULL)
    {
      fail (self, "Failed by error", "no local description");
      return;
    }
  text = gst_sdp_message_as_text (local->sdp);
  if (!(shaped = beacon_sdp_shape_wcs_answer (text, self->offer, self->add_setup, &error)))
    {
      fail (self, "Failed by error", error->message);
      return;
    }
  watch_transports (self);
  g_signal_emit (self, signals[ANSWER_READY], 0, shaped);
}

static gboolean
on_gather_timeout (gpointer user_data)
{
  BeaconRelayPeer *self = user_data;

  self->gather_timeout_id = 0;
  g_message ("stream %s: ICE gathering unfinished after %d ms; answering with what we have",
             self->media_session_id, GATHER_TIMEOUT_MS);
  send_answer (self);
  return G_SOURCE_REMOVE;
}

static void
on_gathering_main (gpointer      object,
                   GstStructure *data)
{
  BeaconRelayPeer *self = object;
  GstWebRTCICEGatheringState state;

  if (self->shut_down)
    return;
  g_object_get (self->webrtc, "ice-gathering-state", &state, NULL);
  if (state == GST_WEBRTC_ICE_GATHERING_STATE_COMPLETE)
    send_answer (self);
}

static void
on_gathering_notify (GObject    *webrtc,
                     GParamSpec *pspec,
                     gpointer    user_data)
{
  hop (user_data, on_gathering_main, NULL);
}

static void
on_local_set (gpointer      object,
              GstStructure *reply)
{
  BeaconRelayPeer *self = object;
  g_autofree char *message = NULL;
  GstWebRTCICEGatheringState state;

  if (self->shut_down)
    return;
  if (reply_has_error (reply, &message))
    {
      fail (self, "Failed by error", message);
      return;
    }
  /* Non-trickle, as WCS: the answer must carry the candidates. */
  self->gathering_handler = g_signal_connect (self->webrtc, "notify::ice-gathering-state",
                                              G_CALLBACK (on_gathering_notify), self);
  self->gather_timeout_id = g_timeout_add (GATHER_TIMEOUT_MS, on_gather_timeout, self);
  g_object_get (self->webrtc, "ice-gathering-state", &state, NULL);
  if (state == GST_WEBRTC_ICE_GATHERING_STATE_COMPLETE)
    send_answer (self);
}

static void
on_answer_created (gpointer      object,
                   GstStructure *reply)
{
  BeaconRelayPeer *self = object;
  g_autoptr(GstWebRTCSessionDescription) answer = NULL;
  g_autofree char *message = NULL;

  if (self->shut_down)
    return;
  if (reply == NULL || !gst_structure_get (reply, "answer", GST_TYPE_WEBRTC_SESSION_DESCRIPTION,
                                           &answer, NULL) || answer == NULL)
    {
      reply_has_error (reply, &message);
      fail (self, "Failed by error", message ? message : "no answer");
      return;
    }
  g_signal_emit_by_name (self->webrtc, "set-local-description", answer,
                         promise_new (self, on_local_set));
}

static void
on_remote_set (gpointer      object,
               GstStructure *reply)
{
  BeaconRelayPeer *self = object;
  g_autofree char *message = NULL;

  if (self->shut_down)
    return;
  if (reply_has_error (reply, &message))
    {
      fail (self, "Failed by error", message);
      return;
    }
  g_signal_emit_by_name (self->webrtc, "create-answer", NULL,
                         promise_new (self, on_answer_created));
}

void
beacon_relay_peer_negotiate (BeaconRelayPeer *self)
{
  g_autoptr(GstSDPMessage) sdp = NULL;
  GstWebRTCSessionDescription *offer;

  g_return_if_fail (BEACON_IS_RELAY_PEER (self));

  if (gst_sdp_message_new_from_text (self->offer, &sdp) != GST_SDP_OK)
    {
      fail (self, "Failed by error", "the offer is not SDP");
      return;
    }
  offer = gst_webrtc_session_description_new (GST_WEBRTC_SDP_TYPE_OFFER, g_steal_pointer (&sdp));
  g_signal_emit_by_name (self->webrtc, "set-remote-description", offer,
                         promise_new (self, on_remote_set));
  gst_webrtc_session_description_free (offer);
}

/* ---- Stats ------------------------------------------------------------------------- */

static void
on_stats_main (gpointer      object,
               GstStructure *reply)
{
  BeaconRelayPeer *self = object;

  if (self->shut_down)
    return;
  if (reply != NULL && !gst_structure_has_name (reply, "interrupted"))
    g_signal_emit (self, signals[STATS], 0, reply);
}

void
beacon_relay_peer_request_stats (BeaconRelayPeer *self)
{
  g_return_if_fail (BEACON_IS_RELAY_PEER (self));

  if (self->shut_down)
    return;
  g_signal_emit_by_name (self->webrtc, "get-stats", NULL, promise_new (self, on_stats_main));
}

/* ---- Life cycle --------------------------------------------------------------------- */

static gboolean
is_any_address (const char *address)
{
  return g_strcmp0 (address, "0.0.0.0") == 0 || g_strcmp0 (address, "::") == 0;
}

/* Host candidates on the bound address only, no STUN, no UPnP (issue: ICE). libnice skips
 * loopback unless an address is added, and once one is added it gathers only those. */
static void
setup_ice (GstElement *webrtc,
           const char *bind_address)
{
  g_autoptr(GObject) ice = NULL;
  g_autoptr(GObject) agent = NULL;

  g_object_get (webrtc, "ice-agent", &ice, NULL);
  if (ice == NULL)
    return;
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (ice), "ice-tcp") != NULL)
    g_object_set (ice, "ice-tcp", FALSE, NULL);
  if (!is_any_address (bind_address))
    {
      gboolean added = FALSE;

      g_signal_emit_by_name (ice, "add-local-ip-address", bind_address, &added);
      if (!added)
        g_warning ("ICE could not use %s; candidates may be missing", bind_address);
    }
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (ice), "agent") != NULL)
    g_object_get (ice, "agent", &agent, NULL);
  if (agent != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (agent), "upnp") != NULL)
    g_object_set (agent, "upnp", FALSE, NULL);
}

BeaconRelayPeer *
beacon_relay_peer_new (GstBin     *pipeline,
                       const char *media_session_id,
                       const char *offer_sdp,
                       const char *bind_address,
                       gboolean    add_setup)
{
  BeaconRelayPeer *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (GST_IS_BIN (pipeline), NULL);
  g_return_val_if_fail (media_session_id != NULL && offer_sdp != NULL, NULL);

  self = g_object_new (BEACON_TYPE_RELAY_PEER, NULL);
  self->pipeline = g_object_ref (pipeline);
  self->media_session_id = g_strdup (media_session_id);
  self->offer = g_strdup (offer_sdp);
  self->add_setup = add_setup;

  name = g_strdup_printf ("peer-%s", media_session_id);
  self->webrtc = gst_element_factory_make ("webrtcbin", name);
  if (self->webrtc == NULL)
    {
      /* The server refuses the stream with this; `beacon-cli serve` checks at start. */
      self->failed = TRUE;
      return self;
    }
  gst_object_ref_sink (self->webrtc);
  g_object_set (self->webrtc, "bundle-policy", GST_WEBRTC_BUNDLE_POLICY_NONE,
                "latency", RELAY_JITTERBUFFER_MS, NULL);
  setup_ice (self->webrtc, bind_address ? bind_address : "127.0.0.1");
  g_signal_connect (self->webrtc, "notify::ice-connection-state",
                    G_CALLBACK (on_ice_state_notify), self);
  gst_bin_add (pipeline, self->webrtc);
  gst_element_sync_state_with_parent (self->webrtc);
  return self;
}

GstElement *
beacon_relay_peer_get_webrtcbin (BeaconRelayPeer *self)
{
  g_return_val_if_fail (BEACON_IS_RELAY_PEER (self), NULL);
  return self->webrtc;
}

const char *
beacon_relay_peer_get_offer (BeaconRelayPeer *self)
{
  g_return_val_if_fail (BEACON_IS_RELAY_PEER (self), NULL);
  return self->offer;
}

void
beacon_relay_peer_shutdown (BeaconRelayPeer *self)
{
  g_return_if_fail (BEACON_IS_RELAY_PEER (self));

  if (self->shut_down)
    return;
  self->shut_down = TRUE;
  g_clear_handle_id (&self->gather_timeout_id, g_source_remove);
  if (self->webrtc == NULL)
    return;
  g_clear_signal_handler (&self->gathering_handler, self->webrtc);
  g_signal_handlers_disconnect_by_data (self->webrtc, self);
  for (guint i = 0; i < self->dtls_transports->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->dtls_transports, i), self);
  gst_element_set_state (self->webrtc, GST_STATE_NULL);
  gst_bin_remove (self->pipeline, self->webrtc);
}

static void
beacon_relay_peer_dispose (GObject *object)
{
  BeaconRelayPeer *self = BEACON_RELAY_PEER (object);

  beacon_relay_peer_shutdown (self);
  g_clear_pointer (&self->dtls_transports, g_ptr_array_unref);
  gst_clear_object (&self->webrtc);
  g_clear_object (&self->pipeline);

  G_OBJECT_CLASS (beacon_relay_peer_parent_class)->dispose (object);
}

static void
beacon_relay_peer_finalize (GObject *object)
{
  BeaconRelayPeer *self = BEACON_RELAY_PEER (object);

  g_main_context_unref (self->context);
  g_free (self->media_session_id);
  g_free (self->offer);

  G_OBJECT_CLASS (beacon_relay_peer_parent_class)->finalize (object);
}

static void
beacon_relay_peer_class_init (BeaconRelayPeerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = beacon_relay_peer_dispose;
  object_class->finalize = beacon_relay_peer_finalize;

  /* The WCS-shaped answer, ready to send as setRemoteSDP. */
  signals[ANSWER_READY] =
    g_signal_new ("answer-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* The first DTLS transport is up: media can flow. */
  signals[CONNECTED] =
    g_signal_new ("connected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Negotiation, ICE or DTLS failed; the argument is WCS's reason text. Emitted once. */
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* webrtcbin's get-stats structure, on the main thread. */
  signals[STATS] =
    g_signal_new ("stats", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GST_TYPE_STRUCTURE);
}

static void
beacon_relay_peer_init (BeaconRelayPeer *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->dtls_transports = g_ptr_array_new_with_free_func (g_object_unref);
}
