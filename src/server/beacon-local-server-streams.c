/* beacon-local-server-streams.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The stream half of BeaconLocalServer: the registry, the stream requests, and the calls
 * the media relay answers with. Reason texts are WCS's (protocol.md §5, §7). */

#define G_LOG_DOMAIN "beacon-local-server"

#include "config.h"

#include <string.h>

#include <gst/sdp/sdp.h>

#include "beacon-local-server-private.h"
#include "beacon-wcs-error.h"
#include "beacon-wcs-stream.h"

typedef void (*RequestHandler) (BeaconLocalServer      *self,
                                BeaconLocalSession     *session,
                                const BeaconWcsRequest *request);

void
_beacon_local_stream_free (BeaconLocalStream *stream)
{
  if (stream == NULL)
    return;
  beacon_wcs_stream_info_free (stream->info);
  g_free (stream->offer_sdp);
  g_free (stream);
}

static BeaconLocalStream *
stream_new (BeaconLocalSession     *session,
            const BeaconWcsRequest *request,
            gboolean                published)
{
  BeaconLocalStream *stream = g_new0 (BeaconLocalStream, 1);
  BeaconWcsStreamInfo *info = beacon_wcs_stream_info_new ();

  info->media_session_id = g_strdup (request->media_session_id);
  info->name = g_strdup (request->name ? request->name : "");
  info->published = published;
  info->has_video = request->has_video;
  info->has_audio = request->has_audio;
  info->record = request->record;
  info->width = request->width;
  info->height = request->height;
  info->bitrate = request->bitrate;
  info->min_bitrate = request->min_bitrate;
  info->max_bitrate = request->max_bitrate;
  info->quality = request->quality;
  info->create_date = g_get_real_time () / 1000;

  stream->info = info;
  stream->status = BEACON_WCS_STREAM_STATUS_PENDING;
  stream->session = session;
  stream->offer_sdp = g_strdup (request->sdp);
  return stream;
}

/* Sets the status (and @info, which may be NULL) and tells the stream's owner. */
static void
send_status (BeaconLocalStream     *stream,
             BeaconWcsStreamStatus  status,
             const char            *info)
{
  g_autofree char *text = NULL;

  stream->status = status;
  g_free (stream->info->status);
  stream->info->status = g_strdup (beacon_wcs_stream_status_to_string (status));
  if (info != NULL)
    {
      g_free (stream->info->info);
      stream->info->info = g_strdup (info);
    }
  text = beacon_wcs_server_message_build_stream_status (stream->info);
  beacon_local_session_send (stream->session, text);
}

/* A request refused before the server took the stream on: FAILED, without setRemoteSDP. */
static void
refuse (BeaconLocalSession     *session,
        const BeaconWcsRequest *request,
        const char             *reason)
{
  gboolean published = request->kind == BEACON_WCS_REQUEST_PUBLISH_STREAM;
  g_autoptr(BeaconLocalStream) stream = stream_new (session, request, published);

  g_message ("%s: %s “%s” refused: %s", beacon_local_session_get_auth_token (session),
             request->method, stream->info->name, reason);
  send_status (stream, BEACON_WCS_STREAM_STATUS_FAILED, reason);
}

static GPtrArray *
find_players (BeaconLocalServer *self,
              const char        *name)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->streams);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      BeaconLocalStream *stream = value;

      if (!stream->info->published && g_str_equal (stream->info->name, name))
        g_ptr_array_add (ids, g_strdup (stream->info->media_session_id));
    }
  return ids;
}

/* Ends a live stream with a terminal @status. A publisher's players end STOPPED with the
 * same reason, as WCS tells subscribers why their source went away. */
static void
end_stream (BeaconLocalServer     *self,
            const char            *media_session_id,
            BeaconWcsStreamStatus  status,
            const char            *info)
{
  g_autoptr(BeaconLocalStream) stream = NULL;
  g_autoptr(GPtrArray) players = NULL;

  g_assert (beacon_wcs_stream_status_is_terminal (status));

  /* Out of the tables before anyone hears of it, so handlers see a consistent registry. */
  if (!g_hash_table_steal_extended (self->streams, media_session_id, NULL, (gpointer *) &stream))
    return;
  if (stream->info->published &&
      g_hash_table_lookup (self->publishers, stream->info->name) == stream)
    {
      g_hash_table_remove (self->publishers, stream->info->name);
      players = find_players (self, stream->info->name);
    }

  g_message ("%s: stream %s (%s) %s: %s", beacon_local_session_get_auth_token (stream->session),
             stream->info->media_session_id, stream->info->name,
             beacon_wcs_stream_status_to_string (status), info);
  send_status (stream, status, info);
  _beacon_local_server_emit_ended (self, stream);

  for (guint i = 0; players != NULL && i < players->len; i++)
    end_stream (self, g_ptr_array_index (players, i), BEACON_WCS_STREAM_STATUS_STOPPED, info);
}

/* The relay can only carry H.264 or VP8 video and Opus audio (protocol.md §10); an offer
 * with none of them has nothing to publish or play. Returns the FAILED reason, or NULL. */
static const char *
check_offer (const char *sdp)
{
  g_autoptr(GstSDPMessage) message = NULL;
  guint n_medias;

  if (sdp == NULL || gst_sdp_message_new_from_text (sdp, &message) != GST_SDP_OK ||
      (n_medias = gst_sdp_message_medias_len (message)) == 0)
    return "Failed to add stream to proxy";

  for (guint i = 0; i < n_medias; i++)
    {
      const GstSDPMedia *media = gst_sdp_message_get_media (message, i);
      gboolean video = g_strcmp0 (gst_sdp_media_get_media (media), "video") == 0;
      gboolean audio = g_strcmp0 (gst_sdp_media_get_media (media), "audio") == 0;

      for (guint j = 0; j < gst_sdp_media_attributes_len (media); j++)
        {
          const GstSDPAttribute *attribute = gst_sdp_media_get_attribute (media, j);
          const char *encoding;

          /* "a=rtpmap:<pt> <encoding>/<clock>[/<channels>]" */
          if (g_strcmp0 (attribute->key, "rtpmap") != 0 || attribute->value == NULL ||
              !(encoding = strchr (attribute->value, ' ')))
            continue;
          encoding++;
          if ((video && (g_ascii_strncasecmp (encoding, "H264/", 5) == 0 ||
                         g_ascii_strncasecmp (encoding, "VP8/", 4) == 0)) ||
              (audio && g_ascii_strncasecmp (encoding, "opus/", 5) == 0))
            return NULL;
        }
    }
  return "No common codecs";
}

/* Checks shared by publish and play. Returns the FAILED reason, or NULL to go on. */
static const char *
check_new_stream (BeaconLocalServer      *self,
                  const BeaconWcsRequest *request)
{
  if (g_hash_table_contains (self->streams, request->media_session_id))
    return "MediaSessionId is already in use";
  /* Not a WCS text (what WCS says here is unknown); the client shows it as is. */
  if (request->name == NULL || *request->name == '\0')
    return "Stream name is empty";
  return NULL;
}

static gboolean
has_stream_id (BeaconLocalSession     *session,
               const BeaconWcsRequest *request)
{
  if (request->media_session_id != NULL && *request->media_session_id != '\0')
    return TRUE;
  /* WCS logs "MediaSessionId is null" here: an answer could not be routed to a stream. */
  g_debug ("%s: “%s” without a mediaSessionId ignored",
           beacon_local_session_get_auth_token (session), request->method);
  return FALSE;
}

static void
accept_stream (BeaconLocalServer      *self,
               BeaconLocalSession     *session,
               const BeaconWcsRequest *request,
               gboolean                published)
{
  BeaconLocalStream *stream = stream_new (session, request, published);

  g_hash_table_insert (self->streams, stream->info->media_session_id, stream);
  if (published)
    g_hash_table_insert (self->publishers, stream->info->name, stream);
  g_message ("%s: %s “%s” (%s) is PENDING", beacon_local_session_get_auth_token (session),
             request->method, stream->info->name, stream->info->media_session_id);

  /* Answering with an SDP, and PUBLISHING / PLAYING after it, belong to the media relay:
   * it hears of the stream here and calls beacon_local_server_answer_stream(). Until a
   * relay is connected the stream stays PENDING, which clients tolerate. */
  _beacon_local_server_emit_requested (self, stream);
}

static void
handle_publish (BeaconLocalServer      *self,
                BeaconLocalSession     *session,
                const BeaconWcsRequest *request)
{
  const char *reason;

  if (!has_stream_id (session, request))
    return;
  if ((reason = check_new_stream (self, request)) == NULL &&
      g_hash_table_contains (self->publishers, request->name))
    reason = "Stream name is already in use";
  if (reason == NULL)
    reason = check_offer (request->sdp);

  if (reason != NULL)
    refuse (session, request, reason);
  else
    accept_stream (self, session, request, TRUE);
}

static void
handle_play (BeaconLocalServer      *self,
             BeaconLocalSession     *session,
             const BeaconWcsRequest *request)
{
  const char *reason;

  if (!has_stream_id (session, request))
    return;
  /* A PENDING publisher counts: its player waits with it for the media relay. */
  if ((reason = check_new_stream (self, request)) == NULL &&
      !g_hash_table_contains (self->publishers, request->name))
    reason = "Stream not found";
  if (reason == NULL)
    reason = check_offer (request->sdp);

  if (reason != NULL)
    refuse (session, request, reason);
  else
    accept_stream (self, session, request, FALSE);
}

/* The session's own stream, or NULL (logged) for unknown ids and other sessions' streams. */
static BeaconLocalStream *
lookup_own_stream (BeaconLocalServer      *self,
                   BeaconLocalSession     *session,
                   const BeaconWcsRequest *request)
{
  BeaconLocalStream *stream;

  if (!has_stream_id (session, request))
    return NULL;
  stream = g_hash_table_lookup (self->streams, request->media_session_id);
  /* Unknown ids are normal: the stream may have ended while the request was in flight. */
  if (stream == NULL || stream->session != session)
    {
      g_debug ("%s: “%s” for %s, not a stream of this session, ignored",
               beacon_local_session_get_auth_token (session), request->method,
               request->media_session_id);
      return NULL;
    }
  return stream;
}

static void
handle_stop (BeaconLocalServer      *self,
             BeaconLocalSession     *session,
             const BeaconWcsRequest *request)
{
  BeaconLocalStream *stream = lookup_own_stream (self, session, request);

  if (stream == NULL)
    return;
  /* Go by what the stream is, not by which of the two methods the client chose. */
  if (stream->info->published)
    end_stream (self, request->media_session_id, BEACON_WCS_STREAM_STATUS_UNPUBLISHED,
                "Stopped by publisher stop");
  else
    end_stream (self, request->media_session_id, BEACON_WCS_STREAM_STATUS_STOPPED,
                "Stopped by user");
}

static void
handle_available (BeaconLocalServer      *self,
                  BeaconLocalSession     *session,
                  const BeaconWcsRequest *request)
{
  g_autofree char *text = NULL;
  gboolean available;

  if (!has_stream_id (session, request))
    return;
  available = request->name != NULL && g_hash_table_contains (self->publishers, request->name);
  text = beacon_wcs_server_message_build_available (request->media_session_id, available,
                                                    available ? "" : "Stream not found");
  beacon_local_session_send (session, text);
}

static void
handle_stream_event (BeaconLocalServer      *self,
                     BeaconLocalSession     *session,
                     const BeaconWcsRequest *request)
{
  BeaconLocalStream *stream = lookup_own_stream (self, session, request);
  g_autoptr(GPtrArray) players = NULL;

  if (stream == NULL)
    return;
  /* Only a publisher's events have an audience. */
  if (!stream->info->published || request->event_type == NULL)
    {
      g_debug ("%s: “%s” from a player or without a type ignored",
               beacon_local_session_get_auth_token (session), request->method);
      return;
    }

  players = find_players (self, stream->info->name);
  for (guint i = 0; i < players->len; i++)
    {
      BeaconLocalStream *player = g_hash_table_lookup (self->streams,
                                                       g_ptr_array_index (players, i));
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;

      text = beacon_wcs_server_message_build_stream_event (player->info->media_session_id,
                                                           request->event_type,
                                                           request->payload_json,
                                                           stream->info->name, &error);
      /* The payload is JSON our own parser wrote, so this cannot fail. */
      g_assert_no_error (error);
      beacon_local_session_send (player->session, text);
    }
}

static const struct {
  BeaconWcsRequestKind kind;
  RequestHandler       handle;
} handlers[] = {
  { BEACON_WCS_REQUEST_PUBLISH_STREAM,    handle_publish },
  { BEACON_WCS_REQUEST_PLAY_STREAM,       handle_play },
  { BEACON_WCS_REQUEST_UNPUBLISH_STREAM,  handle_stop },
  { BEACON_WCS_REQUEST_STOP_STREAM,       handle_stop },
  { BEACON_WCS_REQUEST_AVAILABLE_STREAM,  handle_available },
  { BEACON_WCS_REQUEST_SEND_STREAM_EVENT, handle_stream_event },
};

void
_beacon_local_server_handle_request (BeaconLocalServer      *self,
                                     BeaconLocalSession     *session,
                                     const BeaconWcsRequest *request)
{
  for (guint i = 0; i < G_N_ELEMENTS (handlers); i++)
    {
      if (handlers[i].kind == request->kind)
        {
          handlers[i].handle (self, session, request);
          return;
        }
    }
  /* The session only forwards stream requests, all of which are in the table. */
  g_assert_not_reached ();
}

void
_beacon_local_server_end_session_streams (BeaconLocalServer  *self,
                                          BeaconLocalSession *session,
                                          const char         *info)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer value;

  /* Ids, not pointers: ending a publisher also ends its players, which may be ours. */
  g_hash_table_iter_init (&iter, self->streams);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      BeaconLocalStream *stream = value;

      if (stream->session == session)
        g_ptr_array_add (ids, g_strdup (stream->info->media_session_id));
    }

  /* The owner hears nothing (its socket is gone); other sessions' players do. */
  for (guint i = 0; i < ids->len; i++)
    end_stream (self, g_ptr_array_index (ids, i), BEACON_WCS_STREAM_STATUS_FAILED, info);
}

/* ---- The media relay's side --------------------------------------------------------- */

static BeaconLocalStream *
lookup_pending (BeaconLocalServer *self,
                const char        *media_session_id,
                GError           **error)
{
  BeaconLocalStream *stream = g_hash_table_lookup (self->streams, media_session_id);

  if (stream == NULL)
    {
      g_set_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_INVALID_ARGUMENT,
                   "no live stream has the id %s", media_session_id);
      return NULL;
    }
  if (stream->status != BEACON_WCS_STREAM_STATUS_PENDING)
    {
      g_set_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_INVALID_STATE,
                   "stream “%s” is %s, not PENDING", stream->info->name, stream->info->status);
      return NULL;
    }
  return stream;
}

gboolean
beacon_local_server_answer_stream (BeaconLocalServer *self,
                                   const char        *media_session_id,
                                   const char        *answer_sdp,
                                   GError           **error)
{
  BeaconLocalStream *stream;
  g_autofree char *text = NULL;

  g_return_val_if_fail (BEACON_IS_LOCAL_SERVER (self), FALSE);
  g_return_val_if_fail (media_session_id != NULL, FALSE);
  g_return_val_if_fail (answer_sdp != NULL, FALSE);

  if (!(stream = lookup_pending (self, media_session_id, error)))
    return FALSE;
  if (stream->answered)
    {
      g_set_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_INVALID_STATE,
                   "stream “%s” has its answer already", stream->info->name);
      return FALSE;
    }

  /* WCS announces the audio codec before a play answer (protocol-reference §10.4); Opus is
   * the only audio this server relays. */
  if (!stream->info->published)
    {
      g_autofree char *codec = beacon_wcs_server_message_build_audio_codec (media_session_id,
                                                                            "opus");

      beacon_local_session_send (stream->session, codec);
    }
  text = beacon_wcs_server_message_build_remote_sdp (media_session_id, answer_sdp);
  beacon_local_session_send (stream->session, text);
  stream->answered = TRUE;
  return TRUE;
}

gboolean
beacon_local_server_start_stream (BeaconLocalServer *self,
                                  const char        *media_session_id,
                                  const char        *audio_codec,
                                  const char        *video_codec,
                                  GError           **error)
{
  BeaconLocalStream *stream;

  g_return_val_if_fail (BEACON_IS_LOCAL_SERVER (self), FALSE);
  g_return_val_if_fail (media_session_id != NULL, FALSE);

  if (!(stream = lookup_pending (self, media_session_id, error)))
    return FALSE;
  if (!stream->answered)
    {
      g_set_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_INVALID_STATE,
                   "stream “%s” cannot start before its answer", stream->info->name);
      return FALSE;
    }

  g_free (stream->info->audio_codec);
  stream->info->audio_codec = g_strdup (audio_codec);
  g_free (stream->info->video_codec);
  stream->info->video_codec = g_strdup (video_codec);
  send_status (stream, stream->info->published ? BEACON_WCS_STREAM_STATUS_PUBLISHING
                                               : BEACON_WCS_STREAM_STATUS_PLAYING, NULL);
  return TRUE;
}

gboolean
beacon_local_server_fail_stream (BeaconLocalServer *self,
                                 const char        *media_session_id,
                                 const char        *info,
                                 GError           **error)
{
  g_return_val_if_fail (BEACON_IS_LOCAL_SERVER (self), FALSE);
  g_return_val_if_fail (media_session_id != NULL, FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  if (!g_hash_table_contains (self->streams, media_session_id))
    {
      g_set_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_INVALID_ARGUMENT,
                   "no live stream has the id %s", media_session_id);
      return FALSE;
    }
  end_stream (self, media_session_id, BEACON_WCS_STREAM_STATUS_FAILED, info);
  return TRUE;
}

static BeaconLocalStream *
lookup_live (BeaconLocalServer *self,
             const char        *media_session_id,
             GError           **error)
{
  BeaconLocalStream *stream = g_hash_table_lookup (self->streams, media_session_id);

  if (stream == NULL)
    g_set_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_INVALID_ARGUMENT,
                 "no live stream has the id %s", media_session_id);
  return stream;
}

gboolean
beacon_local_server_set_stream_size (BeaconLocalServer *self,
                                     const char        *media_session_id,
                                     int                width,
                                     int                height,
                                     GError           **error)
{
  BeaconLocalStream *stream;

  g_return_val_if_fail (BEACON_IS_LOCAL_SERVER (self), FALSE);
  g_return_val_if_fail (media_session_id != NULL, FALSE);

  if (!(stream = lookup_live (self, media_session_id, error)))
    return FALSE;
  stream->info->width = width;
  stream->info->height = height;
  return TRUE;
}

gboolean
beacon_local_server_send_video_format (BeaconLocalServer *self,
                                       const char        *media_session_id,
                                       int                width,
                                       int                height,
                                       GError           **error)
{
  BeaconLocalStream *stream;
  g_autofree char *text = NULL;

  g_return_val_if_fail (BEACON_IS_LOCAL_SERVER (self), FALSE);
  g_return_val_if_fail (media_session_id != NULL, FALSE);

  if (!(stream = lookup_live (self, media_session_id, error)))
    return FALSE;
  text = beacon_wcs_server_message_build_video_format (media_session_id, width, height);
  beacon_local_session_send (stream->session, text);
  return TRUE;
}

gboolean
beacon_local_server_send_video_rate (BeaconLocalServer         *self,
                                     const BeaconWcsRateSample *sample,
                                     GError                   **error)
{
  BeaconLocalStream *stream;
  g_autofree char *text = NULL;

  g_return_val_if_fail (BEACON_IS_LOCAL_SERVER (self), FALSE);
  g_return_val_if_fail (sample != NULL && sample->media_session_id != NULL, FALSE);

  if (!(stream = lookup_live (self, sample->media_session_id, error)))
    return FALSE;
  text = beacon_wcs_server_message_build_video_rate (sample);
  beacon_local_session_send (stream->session, text);
  return TRUE;
}

GPtrArray *
beacon_local_server_dup_streams (BeaconLocalServer *self)
{
  GPtrArray *streams = g_ptr_array_new_with_free_func ((GDestroyNotify) beacon_wcs_stream_info_free);
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (BEACON_IS_LOCAL_SERVER (self), streams);

  g_hash_table_iter_init (&iter, self->streams);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (streams, beacon_wcs_stream_info_copy (((BeaconLocalStream *) value)->info));
  return streams;
}

const char *
beacon_local_server_get_stream_session (BeaconLocalServer *self,
                                        const char        *media_session_id)
{
  BeaconLocalStream *stream;

  g_return_val_if_fail (BEACON_IS_LOCAL_SERVER (self), NULL);

  stream = g_hash_table_lookup (self->streams, media_session_id);
  return stream ? beacon_local_session_get_auth_token (stream->session) : NULL;
}

gboolean
beacon_local_server_terminate_stream (BeaconLocalServer *self,
                                      const char        *media_session_id,
                                      GError           **error)
{
  BeaconLocalStream *stream;

  g_return_val_if_fail (BEACON_IS_LOCAL_SERVER (self), FALSE);
  g_return_val_if_fail (media_session_id != NULL, FALSE);

  if (!(stream = lookup_live (self, media_session_id, error)))
    return FALSE;
  /* The reason text is the WebSDK's STOPPED_BY_REST_TERMINATE constant. */
  end_stream (self, media_session_id,
              stream->info->published ? BEACON_WCS_STREAM_STATUS_UNPUBLISHED
                                      : BEACON_WCS_STREAM_STATUS_STOPPED,
              "Stopped by rest /terminate");
  return TRUE;
}
