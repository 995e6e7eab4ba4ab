/* beacon-wcs-stream.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-wcs-stream"

#include "config.h"

#include <string.h>

#include "beacon-protocol-enums.h"
#include "beacon-wcs-error.h"
#include "beacon-wcs-stream-private.h"

struct _BeaconWcsStream
{
  GObject               parent_instance;

  /* Borrowed: the session that carries us, cleared when it goes */
  GWeakRef              client;

  /* Identity */
  BeaconWcsStreamKind   kind;
  char                 *name;
  char                 *media_session_id;

  /* Request options */
  char                 *custom_json;
  char                 *constraints_json;
  int                   bitrate;
  int                   min_bitrate;
  int                   max_bitrate;
  int                   play_width;
  int                   play_height;
  int                   quality;
  guint                 has_audio : 1;
  guint                 has_video : 1;
  guint                 record : 1;

  /* Server state */
  BeaconWcsStreamStatus status;
  char                 *info;
  char                 *audio_codec;
  char                 *video_codec;
  char                 *record_name;
  char                 *remote_sdp;
  int                   width;
  int                   height;
  guint                 remote_audio_muted : 1;
  guint                 remote_video_muted : 1;
};

G_DEFINE_FINAL_TYPE (BeaconWcsStream, beacon_wcs_stream, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_NAME,
  PROP_MEDIA_SESSION_ID,
  PROP_STATUS,
  PROP_INFO,
  PROP_AUDIO_CODEC,
  PROP_VIDEO_CODEC,
  PROP_WIDTH,
  PROP_HEIGHT,
  PROP_RECORD_NAME,
  PROP_REMOTE_SDP,
  PROP_REMOTE_AUDIO_MUTED,
  PROP_REMOTE_VIDEO_MUTED,
  PROP_HAS_AUDIO,
  PROP_HAS_VIDEO,
  PROP_RECORD,
  N_PROPS
};

enum {
  STATUS_CHANGED,
  REMOTE_SDP_RECEIVED,
  RATE_SAMPLE,
  STREAM_EVENT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
set_string (BeaconWcsStream *self,
            char           **field,
            const char      *value,
            int              prop)
{
  if (value == NULL || g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  return TRUE;
}

static void
set_int (BeaconWcsStream *self,
         int             *field,
         int              value,
         int              prop)
{
  if (value == BEACON_WCS_UNSET || *field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_status (BeaconWcsStream      *self,
            BeaconWcsStreamStatus status,
            const char           *info)
{
  gboolean changed = self->status != status;

  g_object_freeze_notify (G_OBJECT (self));
  self->status = status;
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  set_string (self, &self->info, info, PROP_INFO);
  g_object_thaw_notify (G_OBJECT (self));

  /* One signal with both values, so a listener never sees a status with a stale reason. */
  if (changed)
    g_signal_emit (self, signals[STATUS_CHANGED], 0, status, self->info);
}

static void
beacon_wcs_stream_finalize (GObject *object)
{
  BeaconWcsStream *self = BEACON_WCS_STREAM (object);

  g_weak_ref_clear (&self->client);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->media_session_id, g_free);
  g_clear_pointer (&self->custom_json, g_free);
  g_clear_pointer (&self->constraints_json, g_free);
  g_clear_pointer (&self->info, g_free);
  g_clear_pointer (&self->audio_codec, g_free);
  g_clear_pointer (&self->video_codec, g_free);
  g_clear_pointer (&self->record_name, g_free);
  g_clear_pointer (&self->remote_sdp, g_free);

  G_OBJECT_CLASS (beacon_wcs_stream_parent_class)->finalize (object);
}

static void
beacon_wcs_stream_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BeaconWcsStream *self = BEACON_WCS_STREAM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_MEDIA_SESSION_ID:
      g_value_set_string (value, self->media_session_id);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_INFO:
      g_value_set_string (value, self->info);
      break;
    case PROP_AUDIO_CODEC:
      g_value_set_string (value, self->audio_codec);
      break;
    case PROP_VIDEO_CODEC:
      g_value_set_string (value, self->video_codec);
      break;
    case PROP_WIDTH:
      g_value_set_int (value, self->width);
      break;
    case PROP_HEIGHT:
      g_value_set_int (value, self->height);
      break;
    case PROP_RECORD_NAME:
      g_value_set_string (value, self->record_name);
      break;
    case PROP_REMOTE_SDP:
      g_value_set_string (value, self->remote_sdp);
      break;
    case PROP_REMOTE_AUDIO_MUTED:
      g_value_set_boolean (value, self->remote_audio_muted);
      break;
    case PROP_REMOTE_VIDEO_MUTED:
      g_value_set_boolean (value, self->remote_video_muted);
      break;
    case PROP_HAS_AUDIO:
      g_value_set_boolean (value, self->has_audio);
      break;
    case PROP_HAS_VIDEO:
      g_value_set_boolean (value, self->has_video);
      break;
    case PROP_RECORD:
      g_value_set_boolean (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_wcs_stream_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BeaconWcsStream *self = BEACON_WCS_STREAM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_HAS_AUDIO:
      beacon_wcs_stream_set_has_audio (self, g_value_get_boolean (value));
      break;
    case PROP_HAS_VIDEO:
      beacon_wcs_stream_set_has_video (self, g_value_get_boolean (value));
      break;
    case PROP_RECORD:
      beacon_wcs_stream_set_record (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_wcs_stream_class_init (BeaconWcsStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = beacon_wcs_stream_finalize;
  object_class->get_property = beacon_wcs_stream_get_property;
  object_class->set_property = beacon_wcs_stream_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       BEACON_TYPE_WCS_STREAM_KIND, BEACON_WCS_STREAM_KIND_PUBLISH,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEDIA_SESSION_ID] = g_param_spec_string ("media-session-id", NULL, NULL, NULL, ro);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       BEACON_TYPE_WCS_STREAM_STATUS, BEACON_WCS_STREAM_STATUS_NEW, ro);
  properties[PROP_INFO] = g_param_spec_string ("info", NULL, NULL, NULL, ro);
  properties[PROP_AUDIO_CODEC] = g_param_spec_string ("audio-codec", NULL, NULL, NULL, ro);
  properties[PROP_VIDEO_CODEC] = g_param_spec_string ("video-codec", NULL, NULL, NULL, ro);
  properties[PROP_WIDTH] = g_param_spec_int ("width", NULL, NULL, 0, G_MAXINT, 0, ro);
  properties[PROP_HEIGHT] = g_param_spec_int ("height", NULL, NULL, 0, G_MAXINT, 0, ro);
  properties[PROP_RECORD_NAME] = g_param_spec_string ("record-name", NULL, NULL, NULL, ro);
  properties[PROP_REMOTE_SDP] = g_param_spec_string ("remote-sdp", NULL, NULL, NULL, ro);
  properties[PROP_REMOTE_AUDIO_MUTED] =
    g_param_spec_boolean ("remote-audio-muted", NULL, NULL, FALSE, ro);
  properties[PROP_REMOTE_VIDEO_MUTED] =
    g_param_spec_boolean ("remote-video-muted", NULL, NULL, FALSE, ro);
  properties[PROP_HAS_AUDIO] = g_param_spec_boolean ("has-audio", NULL, NULL, TRUE, rw);
  properties[PROP_HAS_VIDEO] = g_param_spec_boolean ("has-video", NULL, NULL, TRUE, rw);
  properties[PROP_RECORD] = g_param_spec_boolean ("record", NULL, NULL, FALSE, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The status moved; @info is the server's reason text (may be NULL). */
  signals[STATUS_CHANGED] =
    g_signal_new ("status-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, BEACON_TYPE_WCS_STREAM_STATUS, G_TYPE_STRING);
  /* The server's SDP answer arrived (setRemoteSDP). */
  signals[REMOTE_SDP_RECEIVED] =
    g_signal_new ("remote-sdp-received", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* A server-side in/outboundVideoRate report for this stream. */
  signals[RATE_SAMPLE] =
    g_signal_new ("rate-sample", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BEACON_TYPE_WCS_RATE_SAMPLE);
  /* A notifyStreamEvent: type and payload as JSON text (or NULL). */
  signals[STREAM_EVENT] =
    g_signal_new ("stream-event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
beacon_wcs_stream_init (BeaconWcsStream *self)
{
  g_weak_ref_init (&self->client, NULL);
  self->media_session_id = g_uuid_string_random ();
  self->status = BEACON_WCS_STREAM_STATUS_NEW;
  self->has_audio = TRUE;
  self->has_video = TRUE;
}

BeaconWcsStream *
beacon_wcs_stream_new (BeaconWcsStreamKind kind,
                       const char         *name)
{
  g_return_val_if_fail (kind == BEACON_WCS_STREAM_KIND_PUBLISH ||
                        kind == BEACON_WCS_STREAM_KIND_PLAY, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_object_new (BEACON_TYPE_WCS_STREAM, "kind", kind, "name", name, NULL);
}

#define GETTER(type, field, fallback) \
  type \
  beacon_wcs_stream_get_##field (BeaconWcsStream *self) \
  { \
    g_return_val_if_fail (BEACON_IS_WCS_STREAM (self), fallback); \
    return self->field; \
  }

GETTER (BeaconWcsStreamKind, kind, 0)
GETTER (const char *, name, NULL)
GETTER (const char *, media_session_id, NULL)
GETTER (BeaconWcsStreamStatus, status, 0)
GETTER (const char *, info, NULL)
GETTER (const char *, audio_codec, NULL)
GETTER (const char *, video_codec, NULL)
GETTER (int, width, 0)
GETTER (int, height, 0)
GETTER (const char *, record_name, NULL)
GETTER (const char *, remote_sdp, NULL)
GETTER (gboolean, remote_audio_muted, FALSE)
GETTER (gboolean, remote_video_muted, FALSE)
GETTER (gboolean, has_audio, FALSE)
GETTER (gboolean, has_video, FALSE)
GETTER (gboolean, record, FALSE)

#undef GETTER

const char *
beacon_wcs_stream_get_custom (BeaconWcsStream *self)
{
  g_return_val_if_fail (BEACON_IS_WCS_STREAM (self), NULL);

  return self->custom_json;
}

const char *
beacon_wcs_stream_get_constraints (BeaconWcsStream *self)
{
  g_return_val_if_fail (BEACON_IS_WCS_STREAM (self), NULL);

  return self->constraints_json;
}

gboolean
beacon_wcs_stream_is_terminal (BeaconWcsStream *self)
{
  g_return_val_if_fail (BEACON_IS_WCS_STREAM (self), TRUE);

  return beacon_wcs_stream_status_is_terminal (self->status);
}

#define BOOL_SETTER(field, PROP) \
  void \
  beacon_wcs_stream_set_##field (BeaconWcsStream *self, gboolean value) \
  { \
    g_return_if_fail (BEACON_IS_WCS_STREAM (self)); \
    g_return_if_fail (self->status == BEACON_WCS_STREAM_STATUS_NEW); \
    if (self->field == !!value) \
      return; \
    self->field = !!value; \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]); \
  }

BOOL_SETTER (has_audio, PROP_HAS_AUDIO)
BOOL_SETTER (has_video, PROP_HAS_VIDEO)
BOOL_SETTER (record, PROP_RECORD)

#undef BOOL_SETTER

void
beacon_wcs_stream_set_bitrates (BeaconWcsStream *self,
                                int              bitrate,
                                int              min_bitrate,
                                int              max_bitrate)
{
  g_return_if_fail (BEACON_IS_WCS_STREAM (self));
  g_return_if_fail (bitrate >= 0 && min_bitrate >= 0 && max_bitrate >= 0);

  self->bitrate = bitrate;
  self->min_bitrate = min_bitrate;
  self->max_bitrate = max_bitrate;
}

void
beacon_wcs_stream_set_play_size (BeaconWcsStream *self,
                                 int              width,
                                 int              height,
                                 int              quality)
{
  g_return_if_fail (BEACON_IS_WCS_STREAM (self));
  g_return_if_fail (width >= 0 && height >= 0 && quality >= 0);

  self->play_width = width;
  self->play_height = height;
  self->quality = MIN (quality, 100);
}

void
beacon_wcs_stream_set_custom (BeaconWcsStream *self,
                              const char      *custom_json)
{
  g_return_if_fail (BEACON_IS_WCS_STREAM (self));

  g_free (self->custom_json);
  self->custom_json = g_strdup (custom_json);
}

void
beacon_wcs_stream_set_constraints (BeaconWcsStream *self,
                                   const char      *constraints_json)
{
  g_return_if_fail (BEACON_IS_WCS_STREAM (self));

  g_free (self->constraints_json);
  self->constraints_json = g_strdup (constraints_json);
}

static void
fill_stop_request (BeaconWcsStream        *self,
                   BeaconWcsStreamRequest *request)
{
  _beacon_wcs_stream_fill_request (self, request);
  request->status = beacon_wcs_stream_status_to_string (self->status);
}

gboolean
beacon_wcs_stream_stop (BeaconWcsStream *self,
                        GError         **error)
{
  g_autoptr(BeaconWcsClient) client = NULL;
  g_autofree char *text = NULL;
  BeaconWcsStreamRequest request;

  g_return_val_if_fail (BEACON_IS_WCS_STREAM (self), FALSE);

  if (beacon_wcs_stream_status_is_terminal (self->status))
    return TRUE;

  /* A stream the server never heard of ends here; the WebSDK does the same. */
  if (self->status == BEACON_WCS_STREAM_STATUS_NEW)
    {
      set_status (self, BEACON_WCS_STREAM_STATUS_FAILED, NULL);
      return TRUE;
    }

  if (!(client = g_weak_ref_get (&self->client)))
    {
      g_set_error_literal (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_CLOSED,
                           "the stream's session is gone");
      return FALSE;
    }

  fill_stop_request (self, &request);
  text = beacon_wcs_message_build_stop (&request);
  return _beacon_wcs_client_send (client, text, error);
}

gboolean
beacon_wcs_stream_send_event (BeaconWcsStream *self,
                              const char      *type,
                              const char      *payload_json,
                              GError         **error)
{
  g_autoptr(BeaconWcsClient) client = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (BEACON_IS_WCS_STREAM (self), FALSE);
  g_return_val_if_fail (type != NULL, FALSE);

  if (self->status == BEACON_WCS_STREAM_STATUS_NEW ||
      beacon_wcs_stream_status_is_terminal (self->status))
    {
      g_set_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_INVALID_STATE,
                   "stream “%s” is %s", self->name,
                   beacon_wcs_stream_status_to_string (self->status));
      return FALSE;
    }
  if (!(client = g_weak_ref_get (&self->client)))
    {
      g_set_error_literal (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_CLOSED,
                           "the stream's session is gone");
      return FALSE;
    }
  if (!(text = beacon_wcs_message_build_stream_event (self->media_session_id, type,
                                                      payload_json, error)))
    return FALSE;
  return _beacon_wcs_client_send (client, text, error);
}

gboolean
beacon_wcs_stream_status_is_terminal (BeaconWcsStreamStatus status)
{
  return status == BEACON_WCS_STREAM_STATUS_FAILED ||
         status == BEACON_WCS_STREAM_STATUS_STOPPED ||
         status == BEACON_WCS_STREAM_STATUS_UNPUBLISHED;
}

static gboolean
status_reachable (BeaconWcsStreamKind   kind,
                  BeaconWcsStreamStatus status)
{
  switch (status)
    {
    case BEACON_WCS_STREAM_STATUS_NEW:
    case BEACON_WCS_STREAM_STATUS_PENDING:
    case BEACON_WCS_STREAM_STATUS_FAILED:
      return TRUE;
    case BEACON_WCS_STREAM_STATUS_PUBLISHING:
    case BEACON_WCS_STREAM_STATUS_UNPUBLISHED:
      return kind == BEACON_WCS_STREAM_KIND_PUBLISH;
    case BEACON_WCS_STREAM_STATUS_PLAYING:
    case BEACON_WCS_STREAM_STATUS_PAUSED:
    case BEACON_WCS_STREAM_STATUS_PLAYBACK_PROBLEM:
    case BEACON_WCS_STREAM_STATUS_STOPPED:
    default:
      return kind == BEACON_WCS_STREAM_KIND_PLAY;
    }
}

gboolean
beacon_wcs_stream_transition_allowed (BeaconWcsStreamKind   kind,
                                      BeaconWcsStreamStatus from,
                                      BeaconWcsStreamStatus to)
{
  gboolean publish = kind == BEACON_WCS_STREAM_KIND_PUBLISH;

  /* A publisher never plays and a player never publishes. */
  if (!status_reachable (kind, from) || !status_reachable (kind, to))
    return FALSE;
  /* Late frames for an ended stream must not revive it. */
  if (beacon_wcs_stream_status_is_terminal (from))
    return FALSE;
  /* The server may fail a stream at any point, and repeat a status to update fields. */
  if (to == BEACON_WCS_STREAM_STATUS_FAILED || to == from)
    return from != BEACON_WCS_STREAM_STATUS_NEW;

  switch (from)
    {
    case BEACON_WCS_STREAM_STATUS_NEW:
      return to == BEACON_WCS_STREAM_STATUS_PENDING;

    case BEACON_WCS_STREAM_STATUS_PENDING:
      if (publish)
        return to == BEACON_WCS_STREAM_STATUS_PUBLISHING ||
               to == BEACON_WCS_STREAM_STATUS_UNPUBLISHED;
      return to == BEACON_WCS_STREAM_STATUS_PLAYING || to == BEACON_WCS_STREAM_STATUS_STOPPED;

    case BEACON_WCS_STREAM_STATUS_PUBLISHING:
      return publish && to == BEACON_WCS_STREAM_STATUS_UNPUBLISHED;

    case BEACON_WCS_STREAM_STATUS_PLAYING:
    case BEACON_WCS_STREAM_STATUS_PAUSED:
    case BEACON_WCS_STREAM_STATUS_PLAYBACK_PROBLEM:
      return !publish &&
             (to == BEACON_WCS_STREAM_STATUS_PLAYING ||
              to == BEACON_WCS_STREAM_STATUS_PAUSED ||
              to == BEACON_WCS_STREAM_STATUS_PLAYBACK_PROBLEM ||
              to == BEACON_WCS_STREAM_STATUS_STOPPED);

    case BEACON_WCS_STREAM_STATUS_UNPUBLISHED:
    case BEACON_WCS_STREAM_STATUS_STOPPED:
    case BEACON_WCS_STREAM_STATUS_FAILED:
    default:
      return FALSE;
    }
}

/* ---- Client side (beacon-wcs-stream-private.h) ---------------------------------------- */

void
_beacon_wcs_stream_fill_request (BeaconWcsStream        *self,
                                 BeaconWcsStreamRequest *request)
{
  memset (request, 0, sizeof *request);
  request->media_session_id = self->media_session_id;
  request->name = self->name;
  request->published = self->kind == BEACON_WCS_STREAM_KIND_PUBLISH;
  request->has_audio = self->has_audio;
  request->has_video = self->has_video;
  request->record = self->record;
  request->custom_json = self->custom_json;
  request->constraints_json = self->constraints_json;
  request->bitrate = self->bitrate;
  request->min_bitrate = self->min_bitrate;
  request->max_bitrate = self->max_bitrate;
  request->width = self->play_width;
  request->height = self->play_height;
  request->quality = self->quality;
}

void
_beacon_wcs_stream_attach (BeaconWcsStream *self,
                           BeaconWcsClient *client)
{
  g_weak_ref_set (&self->client, client);
  set_status (self, BEACON_WCS_STREAM_STATUS_PENDING, NULL);
}

gboolean
_beacon_wcs_stream_apply_info (BeaconWcsStream           *self,
                               const BeaconWcsStreamInfo *info,
                               GError                   **error)
{
  BeaconWcsStreamStatus status;

  if (beacon_wcs_stream_status_is_terminal (self->status))
    return TRUE;

  g_object_freeze_notify (G_OBJECT (self));
  set_string (self, &self->audio_codec, info->audio_codec, PROP_AUDIO_CODEC);
  set_string (self, &self->video_codec, info->video_codec, PROP_VIDEO_CODEC);
  set_string (self, &self->record_name, info->record_name, PROP_RECORD_NAME);
  /* 0×0 means "not known yet" in WCS status events; keep the last real size. */
  if (info->width > 0 && info->height > 0)
    {
      set_int (self, &self->width, info->width, PROP_WIDTH);
      set_int (self, &self->height, info->height, PROP_HEIGHT);
    }
  if (info->audio_muted != BEACON_WCS_UNSET && self->remote_audio_muted != !!info->audio_muted)
    {
      self->remote_audio_muted = !!info->audio_muted;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMOTE_AUDIO_MUTED]);
    }
  if (info->video_muted != BEACON_WCS_UNSET && self->remote_video_muted != !!info->video_muted)
    {
      self->remote_video_muted = !!info->video_muted;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMOTE_VIDEO_MUTED]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  /* RESIZE, SNAPSHOT_COMPLETE and NOT_ENOUGH_BANDWIDTH are events, not statuses. */
  if (info->status == NULL ||
      g_str_equal (info->status, "RESIZE") ||
      g_str_equal (info->status, "SNAPSHOT_COMPLETE") ||
      g_str_equal (info->status, "NOT_ENOUGH_BANDWIDTH"))
    return TRUE;

  if (!beacon_wcs_stream_status_from_string (info->status, &status))
    {
      g_set_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL,
                   "unknown status “%s” for stream “%s”", info->status, self->name);
      return FALSE;
    }
  if (!beacon_wcs_stream_transition_allowed (self->kind, self->status, status))
    {
      g_set_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL,
                   "%s stream “%s” cannot go from %s to %s",
                   self->kind == BEACON_WCS_STREAM_KIND_PUBLISH ? "published" : "played",
                   self->name, beacon_wcs_stream_status_to_string (self->status), info->status);
      return FALSE;
    }

  if (status == self->status)
    set_string (self, &self->info, info->info, PROP_INFO);
  else
    set_status (self, status, info->info);
  return TRUE;
}

void
_beacon_wcs_stream_set_remote_sdp (BeaconWcsStream *self,
                                   const char      *sdp)
{
  if (beacon_wcs_stream_status_is_terminal (self->status))
    return;
  set_string (self, &self->remote_sdp, sdp, PROP_REMOTE_SDP);
  g_signal_emit (self, signals[REMOTE_SDP_RECEIVED], 0, sdp);
}

void
_beacon_wcs_stream_set_audio_codec (BeaconWcsStream *self,
                                    const char      *codec)
{
  set_string (self, &self->audio_codec, codec, PROP_AUDIO_CODEC);
}

void
_beacon_wcs_stream_apply_rate (BeaconWcsStream           *self,
                               const BeaconWcsRateSample *sample)
{
  if (beacon_wcs_stream_status_is_terminal (self->status))
    return;
  g_signal_emit (self, signals[RATE_SAMPLE], 0, sample);
}

void
_beacon_wcs_stream_apply_event (BeaconWcsStream *self,
                                const char      *type,
                                const char      *payload_json)
{
  static const struct { const char *type; gsize offset; gboolean muted; int prop; } mutes[] = {
    { "audioMuted", 0, TRUE, PROP_REMOTE_AUDIO_MUTED },
    { "audioUnmuted", 0, FALSE, PROP_REMOTE_AUDIO_MUTED },
    { "videoMuted", 1, TRUE, PROP_REMOTE_VIDEO_MUTED },
    { "videoUnmuted", 1, FALSE, PROP_REMOTE_VIDEO_MUTED },
  };

  if (beacon_wcs_stream_status_is_terminal (self->status))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (mutes); i++)
    {
      gboolean current;

      if (!g_str_equal (type, mutes[i].type))
        continue;
      current = mutes[i].offset == 0 ? self->remote_audio_muted : self->remote_video_muted;
      if (current != mutes[i].muted)
        {
          if (mutes[i].offset == 0)
            self->remote_audio_muted = mutes[i].muted;
          else
            self->remote_video_muted = mutes[i].muted;
          g_object_notify_by_pspec (G_OBJECT (self), properties[mutes[i].prop]);
        }
    }

  g_signal_emit (self, signals[STREAM_EVENT], 0, type, payload_json);
}

void
_beacon_wcs_stream_end (BeaconWcsStream      *self,
                        BeaconWcsStreamStatus status,
                        const char           *info)
{
  g_assert (beacon_wcs_stream_status_is_terminal (status));

  if (beacon_wcs_stream_status_is_terminal (self->status))
    return;
  set_status (self, status, info);
}
