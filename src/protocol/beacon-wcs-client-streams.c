/* beacon-wcs-client-streams.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The routing half of BeaconWcsClient: server messages to their streams, starting
 * streams, and availability checks. */

#define G_LOG_DOMAIN "beacon-wcs-client"

#include "config.h"

#include "beacon-protocol-enums.h"
#include "beacon-wcs-client-private.h"
#include "beacon-wcs-error.h"

#define CHECK_DEADLINE_S 10

/* Task data of an availability check. */
typedef struct
{
  char  *id;
  guint  deadline_id;
} CheckData;

typedef struct
{
  gboolean available;
  char    *info;
} CheckResult;

static void
check_data_free (CheckData *data)
{
  g_clear_handle_id (&data->deadline_id, g_source_remove);
  g_free (data->id);
  g_free (data);
}

/* The deadline's source holds a task ref; drop it as soon as the check is answered. */
static void
check_disarm (GTask *task)
{
  CheckData *data = g_task_get_task_data (task);

  g_clear_handle_id (&data->deadline_id, g_source_remove);
}

static void
check_result_free (CheckResult *result)
{
  g_free (result->info);
  g_free (result);
}

void
_beacon_wcs_client_end_all_streams (BeaconWcsClient *self)
{
  g_autoptr(GPtrArray) streams = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;

  /* Copy first: a status-changed handler may call back into the client. */
  g_hash_table_iter_init (&iter, self->streams);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (streams, g_object_ref (value));
  g_hash_table_remove_all (self->streams);

  for (guint i = 0; i < streams->len; i++)
    _beacon_wcs_stream_end (g_ptr_array_index (streams, i),
                            BEACON_WCS_STREAM_STATUS_FAILED, "Stopped by session disconnect");
}

void
_beacon_wcs_client_fail_all_checks (BeaconWcsClient *self)
{
  g_autoptr(GList) tasks = g_hash_table_get_values (self->checks);

  /* Keep our own refs: emptying the table drops its refs before the tasks return. */
  g_list_foreach (tasks, (GFunc) g_object_ref, NULL);
  g_hash_table_remove_all (self->checks);
  for (GList *l = tasks; l != NULL; l = l->next)
    {
      g_autoptr(GTask) task = l->data;

      check_disarm (task);
      g_task_return_new_error (task, BEACON_WCS_ERROR, BEACON_WCS_ERROR_CLOSED,
                               "the session closed before the server answered");
    }
}

BeaconWcsStream *
_beacon_wcs_client_find_stream (BeaconWcsClient         *self,
                                const BeaconWcsIncoming *msg)
{
  BeaconWcsStream *stream;

  if (msg->media_session_id == NULL)
    {
      _beacon_wcs_client_report_problem (self, "“%s” names no stream", msg->name);
      return NULL;
    }
  stream = g_hash_table_lookup (self->streams, msg->media_session_id);
  if (stream == NULL)
    {
      /* After a terminal status, rate reports and the like can still be in flight. */
      if (g_hash_table_contains (self->ended_ids, msg->media_session_id))
        g_debug ("“%s” for ended stream %s ignored", msg->name, msg->media_session_id);
      else
        _beacon_wcs_client_report_problem (self, "“%s” for unknown stream %s ignored",
                                           msg->name, msg->media_session_id);
    }
  return stream;
}

void
_beacon_wcs_client_apply_stream_info (BeaconWcsClient           *self,
                                      BeaconWcsStream           *stream,
                                      const BeaconWcsStreamInfo *info)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BeaconWcsStream) hold = g_object_ref (stream);

  if (!_beacon_wcs_stream_apply_info (stream, info, &error))
    _beacon_wcs_client_report_problem (self, "%s", error->message);

  if (beacon_wcs_stream_is_terminal (stream))
    {
      const char *id = beacon_wcs_stream_get_media_session_id (stream);

      g_hash_table_add (self->ended_ids, g_strdup (id));
      g_hash_table_remove (self->streams, id);
    }
}

void
_beacon_wcs_client_complete_check (BeaconWcsClient         *self,
                                   const BeaconWcsIncoming *msg)
{
  GTask *task = NULL;
  CheckResult *result;
  g_autofree char *key = NULL;

  if (!g_hash_table_steal_extended (self->checks, msg->media_session_id, (gpointer *) &key,
                                    (gpointer *) &task))
    {
      _beacon_wcs_client_report_problem (self, "“availableStream” answer for unknown request %s",
                                         msg->media_session_id);
      return;
    }

  check_disarm (task);
  result = g_new0 (CheckResult, 1);
  result->available = msg->available;
  result->info = g_strdup (msg->info);
  g_task_return_pointer (task, result, (GDestroyNotify) check_result_free);
  g_object_unref (task);
}

static gboolean
start_stream (BeaconWcsClient    *self,
              BeaconWcsStream    *stream,
              BeaconWcsStreamKind kind,
              const char         *offer_sdp,
              GError            **error)
{
  g_autofree char *text = NULL;
  BeaconWcsStreamRequest request;

  if (self->state != BEACON_WCS_STATE_ESTABLISHED)
    {
      g_set_error_literal (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_NOT_ESTABLISHED,
                           "the session is not established");
      return FALSE;
    }
  if (beacon_wcs_stream_get_kind (stream) != kind ||
      beacon_wcs_stream_get_status (stream) != BEACON_WCS_STREAM_STATUS_NEW)
    {
      g_set_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_INVALID_STATE,
                   "stream “%s” cannot be started: it is not a new %s stream",
                   beacon_wcs_stream_get_name (stream),
                   kind == BEACON_WCS_STREAM_KIND_PUBLISH ? "publish" : "play");
      return FALSE;
    }

  _beacon_wcs_stream_fill_request (stream, &request);
  request.sdp = offer_sdp;
  text = kind == BEACON_WCS_STREAM_KIND_PUBLISH
         ? beacon_wcs_message_build_publish (&request, error)
         : beacon_wcs_message_build_play (&request, error);
  if (text == NULL || !_beacon_wcs_client_send (self, text, error))
    return FALSE;

  g_hash_table_insert (self->streams,
                       g_strdup (beacon_wcs_stream_get_media_session_id (stream)),
                       g_object_ref (stream));
  _beacon_wcs_stream_attach (stream, self);
  return TRUE;
}

gboolean
beacon_wcs_client_publish (BeaconWcsClient *self,
                           BeaconWcsStream *stream,
                           const char      *offer_sdp,
                           GError         **error)
{
  g_return_val_if_fail (BEACON_IS_WCS_CLIENT (self), FALSE);
  g_return_val_if_fail (BEACON_IS_WCS_STREAM (stream), FALSE);
  g_return_val_if_fail (offer_sdp != NULL, FALSE);

  return start_stream (self, stream, BEACON_WCS_STREAM_KIND_PUBLISH, offer_sdp, error);
}

gboolean
beacon_wcs_client_play (BeaconWcsClient *self,
                        BeaconWcsStream *stream,
                        const char      *offer_sdp,
                        GError         **error)
{
  g_return_val_if_fail (BEACON_IS_WCS_CLIENT (self), FALSE);
  g_return_val_if_fail (BEACON_IS_WCS_STREAM (stream), FALSE);
  g_return_val_if_fail (offer_sdp != NULL, FALSE);

  return start_stream (self, stream, BEACON_WCS_STREAM_KIND_PLAY, offer_sdp, error);
}

BeaconWcsStream *
beacon_wcs_client_lookup_stream (BeaconWcsClient *self,
                                 const char      *media_session_id)
{
  g_return_val_if_fail (BEACON_IS_WCS_CLIENT (self), NULL);
  g_return_val_if_fail (media_session_id != NULL, NULL);

  return g_hash_table_lookup (self->streams, media_session_id);
}

static gboolean
on_check_deadline (gpointer user_data)
{
  GTask *task = user_data;
  BeaconWcsClient *self = g_task_get_source_object (task);
  CheckData *data = g_task_get_task_data (task);
  g_autofree char *key = NULL;

  data->deadline_id = 0;
  /* Still pending: the table holds the only other ref, so steal it before returning. */
  if (g_hash_table_steal_extended (self->checks, data->id, (gpointer *) &key, NULL))
    {
      g_task_return_new_error (task, BEACON_WCS_ERROR, BEACON_WCS_ERROR_TIMED_OUT,
                               "the server did not answer the availability check within %d s",
                               CHECK_DEADLINE_S);
      g_object_unref (task);
    }
  return G_SOURCE_REMOVE;
}

void
beacon_wcs_client_check_available_async (BeaconWcsClient     *self,
                                         const char          *name,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *text = NULL;
  CheckData *data;

  g_return_if_fail (BEACON_IS_WCS_CLIENT (self));
  g_return_if_fail (name != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, beacon_wcs_client_check_available_async);
  g_task_set_check_cancellable (task, TRUE);
  data = g_new0 (CheckData, 1);
  data->id = g_strdup (id);
  g_task_set_task_data (task, data, (GDestroyNotify) check_data_free);

  if (self->state != BEACON_WCS_STATE_ESTABLISHED)
    {
      g_task_return_new_error (task, BEACON_WCS_ERROR, BEACON_WCS_ERROR_NOT_ESTABLISHED,
                               "the session is not established");
      return;
    }

  text = beacon_wcs_message_build_available (id, name);
  if (!_beacon_wcs_client_send (self, text, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_hash_table_insert (self->checks, g_strdup (id), g_object_ref (task));
  data->deadline_id = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, CHECK_DEADLINE_S,
                                                  on_check_deadline, g_object_ref (task),
                                                  g_object_unref);
}

gboolean
beacon_wcs_client_check_available_finish (BeaconWcsClient *self,
                                          GAsyncResult    *result,
                                          gboolean        *available,
                                          char           **info,
                                          GError         **error)
{
  CheckResult *check;

  g_return_val_if_fail (BEACON_IS_WCS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!(check = g_task_propagate_pointer (G_TASK (result), error)))
    return FALSE;
  if (available != NULL)
    *available = check->available;
  if (info != NULL)
    *info = g_steal_pointer (&check->info);
  check_result_free (check);
  return TRUE;
}

static void
handle_user_data (BeaconWcsClient         *self,
                  const BeaconWcsIncoming *msg)
{
  g_autoptr(GTask) task = NULL;

  if (self->state != BEACON_WCS_STATE_CONNECTED)
    {
      _beacon_wcs_client_report_problem (self, "“getUserData” received twice");
      return;
    }

  g_object_freeze_notify (G_OBJECT (self));
  _beacon_wcs_client_set_string_prop (self, &self->auth_token, msg->auth_token, PROP_AUTH_TOKEN);
  _beacon_wcs_client_set_string_prop (self, &self->user_data, msg->json, PROP_USER_DATA);
  _beacon_wcs_client_set_state (self, BEACON_WCS_STATE_ESTABLISHED);
  g_object_thaw_notify (G_OBJECT (self));

  if ((task = g_steal_pointer (&self->connect_task)))
    g_task_return_boolean (task, TRUE);
}

void
_beacon_wcs_client_dispatch (BeaconWcsClient         *self,
                             const BeaconWcsIncoming *msg)
{
  BeaconWcsStream *stream;

  switch (msg->kind)
    {
    case BEACON_WCS_MESSAGE_PING:
      {
        g_autofree char *pong = beacon_wcs_message_build_pong ();

        _beacon_wcs_client_send (self, pong, NULL);
      }
      break;

    case BEACON_WCS_MESSAGE_GET_USER_DATA:
      handle_user_data (self, msg);
      break;

    case BEACON_WCS_MESSAGE_GET_VERSION:
      _beacon_wcs_client_set_string_prop (self, &self->server_version, msg->text, PROP_SERVER_VERSION);
      break;

    case BEACON_WCS_MESSAGE_SET_REMOTE_SDP:
      if ((stream = _beacon_wcs_client_find_stream (self, msg)))
        _beacon_wcs_stream_set_remote_sdp (stream, msg->text);
      break;

    case BEACON_WCS_MESSAGE_STREAM_STATUS:
    case BEACON_WCS_MESSAGE_VIDEO_FORMAT:
      if ((stream = _beacon_wcs_client_find_stream (self, msg)))
        _beacon_wcs_client_apply_stream_info (self, stream, msg->stream);
      break;

    case BEACON_WCS_MESSAGE_AUDIO_CODEC:
      if ((stream = _beacon_wcs_client_find_stream (self, msg)))
        _beacon_wcs_stream_set_audio_codec (stream, msg->text);
      break;

    case BEACON_WCS_MESSAGE_STREAM_EVENT:
      if ((stream = _beacon_wcs_client_find_stream (self, msg)))
        {
          if (msg->stream != NULL)
            _beacon_wcs_client_apply_stream_info (self, stream, msg->stream);
          _beacon_wcs_stream_apply_event (stream, msg->event_type, msg->json);
        }
      break;

    case BEACON_WCS_MESSAGE_VIDEO_RATE:
      if ((stream = _beacon_wcs_client_find_stream (self, msg)))
        _beacon_wcs_stream_apply_rate (stream, msg->rate);
      break;

    case BEACON_WCS_MESSAGE_AVAILABLE_STREAM:
      _beacon_wcs_client_complete_check (self, msg);
      break;

    case BEACON_WCS_MESSAGE_FAIL:
      _beacon_wcs_client_emit_server_warning (self, msg->api_method, msg->info);
      if (msg->stream != NULL &&
          (stream = g_hash_table_lookup (self->streams, msg->media_session_id)))
        _beacon_wcs_client_apply_stream_info (self, stream, msg->stream);
      break;

    case BEACON_WCS_MESSAGE_UNKNOWN:
    default:
      if (!g_hash_table_contains (self->unknown_names, msg->name))
        {
          g_hash_table_add (self->unknown_names, g_strdup (msg->name));
          _beacon_wcs_client_report_problem (self, "unknown message “%s” ignored", msg->name);
        }
      break;
    }
}
