/* beacon-webrtc-util.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-webrtc-util"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "beacon-media-error.h"
#include "beacon-sdp-adapt.h"
#include "beacon-webrtc-util.h"

struct _BeaconWeakOwner
{
  GWeakRef      owner;
  GMainContext *context;
};

typedef struct
{
  BeaconWeakOwner *owner;
  BeaconHopFunc    func;
  gpointer         data;
  GDestroyNotify   data_free;
} Hop;

/* What a promise callback needs; made on the main thread, where the request is emitted. */
typedef struct
{
  BeaconWeakOwner *owner;
  GstElement      *webrtc;    /* owned: keeps the pointer the callback compares unique */
  gpointer         func;
  guint            tag;
} Request;

/* A reply copied off webrtcbin's thread. */
typedef struct
{
  GstElement    *webrtc;
  gpointer       func;
  guint          tag;
  GstStructure  *structure;
  GstSDPMessage *sdp;
  GError        *error;
} Reply;

static void
weak_owner_clear (gpointer data)
{
  BeaconWeakOwner *self = data;

  g_weak_ref_clear (&self->owner);
  g_main_context_unref (self->context);
}

BeaconWeakOwner *
beacon_weak_owner_new (gpointer owner)
{
  BeaconWeakOwner *self;

  g_return_val_if_fail (G_IS_OBJECT (owner), NULL);

  self = g_atomic_rc_box_new0 (BeaconWeakOwner);
  g_weak_ref_init (&self->owner, owner);
  self->context = g_main_context_ref_thread_default ();
  return self;
}

BeaconWeakOwner *
beacon_weak_owner_ref (BeaconWeakOwner *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
beacon_weak_owner_unref (BeaconWeakOwner *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, weak_owner_clear);
}

static void
hop_free (gpointer data)
{
  Hop *hop = data;

  if (hop->data_free != NULL)
    hop->data_free (hop->data);
  beacon_weak_owner_unref (hop->owner);
  g_free (hop);
}

static gboolean
hop_deliver (gpointer data)
{
  Hop *hop = data;
  g_autoptr(GObject) owner = g_weak_ref_get (&hop->owner->owner);

  if (owner != NULL)
    hop->func (owner, hop->data);

  return G_SOURCE_REMOVE;
}

void
beacon_weak_owner_hop (BeaconWeakOwner *self,
                       BeaconHopFunc    func,
                       gpointer         data,
                       GDestroyNotify   data_free)
{
  Hop *hop;
  GSource *source;

  g_return_if_fail (self != NULL);
  g_return_if_fail (func != NULL);

  hop = g_new0 (Hop, 1);
  hop->owner = beacon_weak_owner_ref (self);
  hop->func = func;
  hop->data = data;
  hop->data_free = data_free;

  /* An idle source rather than g_main_context_invoke: invoke would run synchronously when
   * called on the owner's thread, re-entering the caller (a state change to NULL on the
   * main thread can fire pad callbacks there). */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, hop_deliver, hop, hop_free);
  g_source_set_static_name (source, "[beacon] media hop");
  g_source_attach (source, self->context);
  g_source_unref (source);
}

gboolean
beacon_webrtc_url_is_loopback (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GInetAddress) address = NULL;
  const char *host;

  if (url == NULL || (uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL)) == NULL)
    return FALSE;
  host = g_uri_get_host (uri);
  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/* Debian 12 package names: what a user needs to install to get each element. */
static const char *
package_for_element (const char *name)
{
  static const struct { const char *element; const char *package; } packages[] = {
    { "webrtcbin", "gstreamer1.0-plugins-bad" },
    { "nicesrc", "gstreamer1.0-nice" },
    { "nicesink", "gstreamer1.0-nice" },
    { "dtlssrtpenc", "gstreamer1.0-plugins-bad" },
    { "srtpenc", "gstreamer1.0-plugins-bad" },
    { "h264parse", "gstreamer1.0-plugins-bad" },
    { "rtpbin", "gstreamer1.0-plugins-good" },
    { "rtph264pay", "gstreamer1.0-plugins-good" },
    { "rtph264depay", "gstreamer1.0-plugins-good" },
    { "rtpvp8pay", "gstreamer1.0-plugins-good" },
    { "rtpvp8depay", "gstreamer1.0-plugins-good" },
    { "rtpopuspay", "gstreamer1.0-plugins-good" },
    { "rtpopusdepay", "gstreamer1.0-plugins-good" },
    { "autoaudiosink", "gstreamer1.0-plugins-good" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (packages); i++)
    if (g_str_equal (packages[i].element, name))
      return packages[i].package;
  /* opus, videotestsrc, audiotestsrc, videoconvert, volume, tee, queue, … */
  return "gstreamer1.0-plugins-base";
}

gboolean
beacon_webrtc_check_elements (const char * const *names,
                              GError            **error)
{
  g_return_val_if_fail (names != NULL, FALSE);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GstElementFactory) factory = gst_element_factory_find (names[i]);

      if (factory == NULL)
        {
          /* Translators: "The GStreamer element webrtcbin is missing: install
           * gstreamer1.0-plugins-bad" */
          g_set_error (error, BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_MISSING_ELEMENT,
                       _("The GStreamer element %s is missing: install %s"),
                       names[i], package_for_element (names[i]));
          return FALSE;
        }
    }

  return TRUE;
}

static void
configure_ice (GstElement *webrtc,
               gboolean    loopback)
{
  g_autoptr(GObject) ice = NULL;
  g_autoptr(GObject) agent = NULL;

  g_object_get (webrtc, "ice-agent", &ice, NULL);
  if (ice == NULL)
    return;

  /* libnice maps ports through UPnP by default: SSDP multicast on every interface, and a
   * wait for routers that a media client never needs (WCS learns us from the checks). */
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (ice), "agent") != NULL)
    g_object_get (ice, "agent", &agent, NULL);
  if (agent != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (agent), "upnp") != NULL)
    g_object_set (agent, "upnp", FALSE, NULL);

  if (loopback)
    {
      gboolean added = FALSE;

      /* libnice ignores loopback interfaces: with a server on 127.0.0.1 it would gather
       * nothing reachable. Once an address is added it gathers only that one, and TCP
       * candidates would only be dead weight in the checks (notes-media.md). */
      g_signal_emit_by_name (ice, "add-local-ip-address", "127.0.0.1", &added);
      if (!added)
        g_warning ("webrtcbin's ICE agent refused the loopback address");
      if (g_object_class_find_property (G_OBJECT_GET_CLASS (ice), "ice-tcp") != NULL)
        g_object_set (ice, "ice-tcp", FALSE, NULL);
    }
}

GstElement *
beacon_webrtc_make (const char *name,
                    const char *server_url,
                    GError    **error)
{
  static const char * const needed[] = { "webrtcbin", "nicesrc", "nicesink", "dtlssrtpenc",
                                         NULL };
  GstElement *webrtc;

  if (!beacon_webrtc_check_elements (needed, error))
    return NULL;

  webrtc = gst_element_factory_make ("webrtcbin", name);
  /* WCS answers with one transport per m-line and no BUNDLE group (protocol.md §9, rule 1);
   * no STUN server: WCS gives its candidates in the answer and learns ours from the checks. */
  g_object_set (webrtc, "bundle-policy", GST_WEBRTC_BUNDLE_POLICY_NONE, NULL);
  configure_ice (webrtc, beacon_webrtc_url_is_loopback (server_url));
  return webrtc;
}

GstWebRTCRTPTransceiver *
beacon_webrtc_add_transceiver (GstElement                      *webrtc,
                               GstWebRTCRTPTransceiverDirection direction,
                               const char                      *caps_string)
{
  g_autoptr(GstCaps) caps = gst_caps_from_string (caps_string);
  GstWebRTCRTPTransceiver *trans = NULL;

  g_return_val_if_fail (caps != NULL, NULL);

  g_signal_emit_by_name (webrtc, "add-transceiver", direction, caps, &trans);
  return trans;
}

static Request *
request_new (BeaconWeakOwner *owner,
             GstElement      *webrtc,
             gpointer         func,
             guint            tag)
{
  Request *request = g_new0 (Request, 1);

  request->owner = beacon_weak_owner_ref (owner);
  request->webrtc = gst_object_ref (webrtc);
  request->func = func;
  request->tag = tag;
  return request;
}

static void
request_free (gpointer data)
{
  Request *request = data;

  beacon_weak_owner_unref (request->owner);
  gst_object_unref (request->webrtc);
  g_free (request);
}

static Reply *
reply_new (Request *request)
{
  Reply *reply = g_new0 (Reply, 1);

  reply->webrtc = gst_object_ref (request->webrtc);
  reply->func = request->func;
  reply->tag = request->tag;
  return reply;
}

static void
reply_free (gpointer data)
{
  Reply *reply = data;

  gst_object_unref (reply->webrtc);
  g_clear_pointer (&reply->structure, gst_structure_free);
  g_clear_pointer (&reply->sdp, gst_sdp_message_free);
  g_clear_error (&reply->error);
  g_free (reply);
}

/* Runs on webrtcbin's thread, from a promise's change function: the promise is no longer
 * pending there, so gst_promise_wait() only reads its result and cannot block. webrtcbin 1.22
 * replies NULL or a structure on success and a structure with an "error" field on failure;
 * an interrupted promise (element shutting down) counts as a failure too. */
static GError *
promise_error (GstPromise *promise,
               const char *what)
{
  const GstStructure *reply;
  GError *error = NULL;

  if (gst_promise_wait (promise) != GST_PROMISE_RESULT_REPLIED)
    return g_error_new (BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_NEGOTIATION,
                        _("webrtcbin did not complete %s"), what);

  reply = gst_promise_get_reply (promise);
  if (reply != NULL && gst_structure_has_field (reply, "error"))
    gst_structure_get (reply, "error", G_TYPE_ERROR, &error, NULL);
  if (error != NULL)
    g_prefix_error (&error, "%s: ", what);

  return error;
}

static void
deliver_offer (gpointer owner,
               gpointer data)
{
  Reply *reply = data;

  ((BeaconWebrtcOfferFunc) reply->func) (owner, reply->webrtc, reply->sdp, reply->error);
}

/* Runs on webrtcbin's thread. */
static void
on_local_description_set (GstPromise *promise,
                          gpointer    user_data)
{
  Request *request = user_data;
  GError *error = promise_error (promise, "set-local-description");

  if (error != NULL)
    {
      Reply *reply = reply_new (request);

      reply->error = error;
      beacon_weak_owner_hop (request->owner, deliver_offer, reply, reply_free);
    }
  gst_promise_unref (promise);
}

/* Runs on webrtcbin's thread. Emitting set-local-description here only queues it on this
 * same thread; nothing waits, so this cannot deadlock (unlike a gst_promise_wait would). */
static void
on_offer_created (GstPromise *promise,
                  gpointer    user_data)
{
  Request *request = user_data;
  Reply *reply = reply_new (request);
  GstWebRTCSessionDescription *offer = NULL;

  reply->error = promise_error (promise, "create-offer");
  if (reply->error == NULL)
    {
      gst_structure_get (gst_promise_get_reply (promise), "offer",
                         GST_TYPE_WEBRTC_SESSION_DESCRIPTION, &offer, NULL);
      if (offer == NULL)
        reply->error = g_error_new (BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_NEGOTIATION,
                                    _("webrtcbin made no offer"));
    }

  if (offer != NULL)
    {
      GstPromise *set_promise;

      gst_sdp_message_copy (offer->sdp, &reply->sdp);
      set_promise = gst_promise_new_with_change_func (on_local_description_set,
                                                      request_new (request->owner,
                                                                   request->webrtc,
                                                                   request->func, 0),
                                                      request_free);
      g_signal_emit_by_name (request->webrtc, "set-local-description", offer, set_promise);
      gst_webrtc_session_description_free (offer);
    }

  beacon_weak_owner_hop (request->owner, deliver_offer, reply, reply_free);
}

void
beacon_webrtc_create_offer (GstElement           *webrtc,
                            BeaconWeakOwner      *owner,
                            BeaconWebrtcOfferFunc func)
{
  GstPromise *promise;

  g_return_if_fail (GST_IS_ELEMENT (webrtc));
  g_return_if_fail (owner != NULL);
  g_return_if_fail (func != NULL);

  promise = gst_promise_new_with_change_func (on_offer_created,
                                              request_new (owner, webrtc, func, 0),
                                              request_free);
  g_signal_emit_by_name (webrtc, "create-offer", NULL, promise);
  gst_promise_unref (promise);
}

/* Checks, on the main thread, what webrtcbin 1.22 accepts silently: an answer whose m-lines
 * are in another order adopts the answer's mids and swaps the media (protocol.md §9). */
static gboolean
check_transceivers (GstElement          *webrtc,
                    const GstSDPMessage *offer,
                    const GstSDPMessage *answer,
                    GError             **error)
{
  g_autoptr(GArray) transceivers = NULL;

  if (!beacon_sdp_check_mlines_match (offer, answer, error))
    return FALSE;

  g_signal_emit_by_name (webrtc, "get-transceivers", &transceivers);
  for (guint i = 0; transceivers != NULL && i < transceivers->len; i++)
    {
      GstWebRTCRTPTransceiver *trans = g_array_index (transceivers, GstWebRTCRTPTransceiver *, i);
      GstWebRTCKind kind = GST_WEBRTC_KIND_UNKNOWN;
      g_autofree char *mid = NULL;
      guint mline = G_MAXUINT;
      const GstSDPMedia *offer_media;
      const char *expected;

      g_object_get (trans, "kind", &kind, "mid", &mid, "mlineindex", &mline, NULL);
      if (mline >= gst_sdp_message_medias_len (offer))
        continue;   /* not negotiated in this offer */

      offer_media = gst_sdp_message_get_media (offer, mline);
      expected = kind == GST_WEBRTC_KIND_AUDIO ? "audio"
               : kind == GST_WEBRTC_KIND_VIDEO ? "video" : NULL;
      if ((expected != NULL &&
           g_strcmp0 (gst_sdp_media_get_media (offer_media), expected) != 0) ||
          g_strcmp0 (mid, gst_sdp_media_get_attribute_val (offer_media, "mid")) != 0 ||
          g_strcmp0 (mid, gst_sdp_media_get_attribute_val (gst_sdp_message_get_media (answer,
                                                                                     mline),
                                                           "mid")) != 0)
        {
          g_set_error (error, BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_NEGOTIATION,
                       _("The server's answer moved the %s stream to m-line %u (mid “%s”)"),
                       expected != NULL ? expected : "?", mline, mid != NULL ? mid : "");
          return FALSE;
        }
    }

  return TRUE;
}

static void
deliver_answer (gpointer owner,
                gpointer data)
{
  Reply *reply = data;
  BeaconWebrtcAnswerFunc func = reply->func;
  GstWebRTCSessionDescription *local = NULL;
  GstWebRTCSessionDescription *remote = NULL;
  g_autoptr(GError) error = NULL;

  if (reply->error != NULL)
    {
      func (owner, reply->webrtc, NULL, reply->error);
      return;
    }

  g_object_get (reply->webrtc, "local-description", &local, "remote-description", &remote,
                NULL);
  if (local == NULL || remote == NULL)
    error = g_error_new (BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_NEGOTIATION,
                         _("webrtcbin lost the offer or the answer"));
  else if (check_transceivers (reply->webrtc, local->sdp, remote->sdp, &error))
    func (owner, reply->webrtc, remote->sdp, NULL);

  if (error != NULL)
    func (owner, reply->webrtc, NULL, error);

  g_clear_pointer (&local, gst_webrtc_session_description_free);
  g_clear_pointer (&remote, gst_webrtc_session_description_free);
}

/* Runs on webrtcbin's thread. */
static void
on_remote_description_set (GstPromise *promise,
                           gpointer    user_data)
{
  Request *request = user_data;
  Reply *reply = reply_new (request);

  reply->error = promise_error (promise, "set-remote-description");
  beacon_weak_owner_hop (request->owner, deliver_answer, reply, reply_free);
}

void
beacon_webrtc_apply_answer (GstElement            *webrtc,
                            BeaconWeakOwner       *owner,
                            const char            *answer_text,
                            BeaconWebrtcAnswerFunc func)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *adapted = NULL;
  GstSDPMessage *sdp = NULL;
  GstWebRTCSessionDescription *answer;
  GstPromise *promise;
  Request *request;

  g_return_if_fail (GST_IS_ELEMENT (webrtc));
  g_return_if_fail (owner != NULL);
  g_return_if_fail (func != NULL);

  request = request_new (owner, webrtc, func, 0);

  /* WCS answers without a=setup, which webrtcbin 1.22 rejects (protocol.md §9, rule 2). */
  adapted = beacon_sdp_adapt_wcs_answer (answer_text != NULL ? answer_text : "", &error);
  if (adapted == NULL || gst_sdp_message_new_from_text (adapted, &sdp) != GST_SDP_OK)
    {
      Reply *reply = reply_new (request);

      if (error == NULL)
        error = g_error_new (BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_SDP,
                             _("The server's answer is not valid SDP"));
      reply->error = g_steal_pointer (&error);
      /* Reported through a hop as well, so callers see one code path. */
      beacon_weak_owner_hop (owner, deliver_answer, reply, reply_free);
      request_free (request);
      g_clear_pointer (&sdp, gst_sdp_message_free);
      return;
    }

  answer = gst_webrtc_session_description_new (GST_WEBRTC_SDP_TYPE_ANSWER, sdp);
  promise = gst_promise_new_with_change_func (on_remote_description_set, request, request_free);
  g_signal_emit_by_name (webrtc, "set-remote-description", answer, promise);
  gst_promise_unref (promise);
  gst_webrtc_session_description_free (answer);
}

static void
deliver_stats (gpointer owner,
               gpointer data)
{
  Reply *reply = data;

  if (reply->structure != NULL)
    ((BeaconWebrtcStatsFunc) reply->func) (owner, reply->webrtc, reply->structure, reply->tag);
}

/* Runs on webrtcbin's thread. */
static void
on_stats (GstPromise *promise,
          gpointer    user_data)
{
  Request *request = user_data;
  Reply *reply = reply_new (request);

  if (gst_promise_wait (promise) == GST_PROMISE_RESULT_REPLIED &&
      gst_promise_get_reply (promise) != NULL)
    reply->structure = gst_structure_copy (gst_promise_get_reply (promise));
  beacon_weak_owner_hop (request->owner, deliver_stats, reply, reply_free);
}

void
beacon_webrtc_get_stats (GstElement           *webrtc,
                         BeaconWeakOwner      *owner,
                         BeaconWebrtcStatsFunc func,
                         guint                 tag)
{
  GstPromise *promise;

  g_return_if_fail (GST_IS_ELEMENT (webrtc));
  g_return_if_fail (owner != NULL);
  g_return_if_fail (func != NULL);

  promise = gst_promise_new_with_change_func (on_stats, request_new (owner, webrtc, func, tag),
                                              request_free);
  g_signal_emit_by_name (webrtc, "get-stats", NULL, promise);
  gst_promise_unref (promise);
}

guint
beacon_webrtc_sdp_get_ssrc (const GstSDPMessage *sdp,
                            const char          *media)
{
  g_return_val_if_fail (sdp != NULL, 0);
  g_return_val_if_fail (media != NULL, 0);

  for (guint i = 0; i < gst_sdp_message_medias_len (sdp); i++)
    {
      const GstSDPMedia *m = gst_sdp_message_get_media (sdp, i);
      const char *ssrc;

      if (g_strcmp0 (gst_sdp_media_get_media (m), media) != 0)
        continue;
      /* "a=ssrc:1329233369 cname:…" */
      ssrc = gst_sdp_media_get_attribute_val (m, "ssrc");
      return ssrc != NULL ? (guint) g_ascii_strtoull (ssrc, NULL, 10) : 0;
    }

  return 0;
}

struct _BeaconFrameCounter
{
  GMutex  lock;
  guint64 frames;
  gint64  start_us;
  gint64  first_frame_us;   /* 0 until the first frame */
};

static void
frame_counter_clear (gpointer data)
{
  BeaconFrameCounter *self = data;

  g_mutex_clear (&self->lock);
}

BeaconFrameCounter *
beacon_frame_counter_new (void)
{
  BeaconFrameCounter *self = g_atomic_rc_box_new0 (BeaconFrameCounter);

  g_mutex_init (&self->lock);
  self->start_us = g_get_monotonic_time ();
  return self;
}

BeaconFrameCounter *
beacon_frame_counter_ref (BeaconFrameCounter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
beacon_frame_counter_unref (BeaconFrameCounter *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, frame_counter_clear);
}

void
beacon_frame_counter_restart (BeaconFrameCounter *self)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->lock);
  self->frames = 0;
  self->start_us = g_get_monotonic_time ();
  self->first_frame_us = 0;
  g_mutex_unlock (&self->lock);
}

gboolean
beacon_frame_counter_add (BeaconFrameCounter *self)
{
  gboolean first;

  g_return_val_if_fail (self != NULL, FALSE);

  g_mutex_lock (&self->lock);
  first = self->frames++ == 0;
  if (first)
    self->first_frame_us = g_get_monotonic_time ();
  g_mutex_unlock (&self->lock);

  return first;
}

void
beacon_frame_counter_read (BeaconFrameCounter *self,
                           guint64            *frames,
                           gint64             *first_frame_ms)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->lock);
  if (frames != NULL)
    *frames = self->frames;
  if (first_frame_ms != NULL)
    *first_frame_ms = self->first_frame_us != 0
      ? (self->first_frame_us - self->start_us) / 1000 : -1;
  g_mutex_unlock (&self->lock);
}
