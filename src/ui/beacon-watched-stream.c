/* beacon-watched-stream.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-watched-stream"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "beacon-media-enums.h"
#include "beacon-protocol-enums.h"
#include "beacon-video-sink.h"
#include "beacon-watched-stream-private.h"
#include "beacon-wcs-client.h"

/* A publisher that comes back, a server that restarts: the tile recovers on its own,
 * soon at first, then without hammering a server that keeps saying no. */
#define RETRY_FIRST_S 2
#define RETRY_MAX_S   30

G_DEFINE_FINAL_TYPE (BeaconWatchedStream, beacon_watched_stream, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_CLIENT,
  PROP_STATUS,
  PROP_CONNECTED,
  PROP_ACTIVE,
  PROP_INFO,
  PROP_CODEC,
  PROP_WIDTH,
  PROP_HEIGHT,
  PROP_DECODER_NAME,
  PROP_SINK_NAME,
  PROP_QUALITY,
  PROP_FPS,
  PROP_BITRATE,
  PROP_PAINTABLE,
  PROP_ALERT,
  PROP_ALERT_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_string (BeaconWatchedStream *self,
            char               **field,
            const char          *value,
            guint                prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_int (BeaconWatchedStream *self,
         int                 *field,
         int                  value,
         guint                prop)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_double (BeaconWatchedStream *self,
            double              *field,
            double               value,
            guint                prop)
{
  /* NAN != NAN: two unknowns are the same value here. */
  if (*field == value || (isnan (*field) && isnan (value)))
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_active (BeaconWatchedStream *self,
            gboolean             active)
{
  active = !!active;
  if (self->active == active)
    return;
  self->active = active;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

static BeaconCodecMode
preferred_decoder (BeaconWatchedStream *self)
{
  if (self->settings == NULL)
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema = NULL;

      /* An uninstalled build without GSETTINGS_SCHEMA_DIR has no schema: g_settings_new
       * would abort, so such a run just decodes as it sees fit. */
      if (source != NULL)
        schema = g_settings_schema_source_lookup (source, BASE_ID, TRUE);
      if (schema == NULL)
        return BEACON_CODEC_MODE_AUTO;
      self->settings = g_settings_new (BASE_ID);
    }

  /* The gschema's DecoderPreference values are BeaconCodecMode's. */
  return (BeaconCodecMode) g_settings_get_enum (self->settings, "preferred-decoder");
}

static void
ensure_sink (BeaconWatchedStream *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autofree char *sink_name = NULL;
  GstElement *bin;

  /* A bin still inside a pipeline that someone else keeps alive cannot join a new one. */
  if (self->sink_bin != NULL && GST_OBJECT_PARENT (self->sink_bin) == NULL)
    return;

  bin = beacon_video_sink_make_bin (&paintable, &sink_name, &error);
  if (bin == NULL)
    {
      g_warning ("no video sink for “%s”: %s", self->name, error->message);
      return;
    }

  gst_clear_object (&self->sink_bin);
  self->sink_bin = gst_object_ref_sink (bin);
  if (g_set_object (&self->paintable, paintable))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAINTABLE]);
  set_string (self, &self->sink_name, sink_name, PROP_SINK_NAME);
}

static void start_player (BeaconWatchedStream *self);

static gboolean
on_retry (gpointer user_data)
{
  BeaconWatchedStream *self = user_data;

  self->retry_source = 0;
  if (self->active && self->connected)
    start_player (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_retry (BeaconWatchedStream *self)
{
  if (!self->active || !self->connected || self->retry_source != 0)
    return;
  self->retry_delay = self->retry_delay == 0 ? RETRY_FIRST_S
                                             : MIN (self->retry_delay * 2, RETRY_MAX_S);
  g_debug ("“%s” again in %u s", self->name, self->retry_delay);
  self->retry_source = g_timeout_add_seconds (self->retry_delay, on_retry, self);
}

static const char *
player_info (BeaconPlayer *player)
{
  const GError *error = beacon_player_get_error (player);
  BeaconWcsStream *stream = beacon_player_get_stream (player);
  const char *info = stream != NULL ? beacon_wcs_stream_get_info (stream) : NULL;

  /* The server's words first: they name the cause ("Stream not found"); ours say what broke
   * on this side. */
  if (info != NULL && *info != '\0')
    return info;
  return error != NULL ? error->message : NULL;
}

static void
on_player_status_changed (BeaconWatchedStream *self,
                          GParamSpec          *pspec,
                          BeaconPlayer        *player)
{
  BeaconWcsStreamStatus status = beacon_player_get_status (player);

  if (status == BEACON_WCS_STREAM_STATUS_PLAYING && self->codec == NULL)
    set_string (self, &self->codec, beacon_player_get_negotiated_video_codec (player),
                PROP_CODEC);
  _beacon_watched_stream_set_status (self, status, player_info (player));
  if (status == BEACON_WCS_STREAM_STATUS_PLAYING)
    self->retry_delay = 0;
  else if (beacon_wcs_stream_status_is_terminal (status))
    schedule_retry (self);
}

static void
on_player_error_changed (BeaconWatchedStream *self,
                         GParamSpec          *pspec,
                         BeaconPlayer        *player)
{
  if (beacon_player_get_error (player) == NULL)
    return;
  /* A pipeline failure ends the play without a status from the server. */
  _beacon_watched_stream_set_status (self, BEACON_WCS_STREAM_STATUS_FAILED,
                                     player_info (player));
  schedule_retry (self);
}

static void
on_player_details_changed (BeaconWatchedStream *self,
                           GParamSpec          *pspec,
                           BeaconPlayer        *player)
{
  g_object_freeze_notify (G_OBJECT (self));
  set_string (self, &self->decoder_name, beacon_player_get_decoder_name (player),
              PROP_DECODER_NAME);
  set_int (self, &self->width, beacon_player_get_width (player), PROP_WIDTH);
  set_int (self, &self->height, beacon_player_get_height (player), PROP_HEIGHT);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
on_player_stats_updated (BeaconWatchedStream     *self,
                         const BeaconStatsSample *sample,
                         BeaconPlayer            *player)
{
  _beacon_watched_stream_add_sample (self, sample);
}

static void
drop_player (BeaconWatchedStream *self)
{
  g_clear_handle_id (&self->retry_source, g_source_remove);
  if (self->player == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->player, self);
  beacon_player_stop (self->player);
  g_clear_object (&self->player);
}

static void
start_player (BeaconWatchedStream *self)
{
  g_autoptr(GError) error = NULL;

  drop_player (self);
  if (!self->connected)
    return;

  ensure_sink (self);
  self->player = beacon_player_new (self->client);
  /* Sixteen tiles playing sound at once help nobody: the grid is for watching. */
  beacon_player_set_audio (self->player, FALSE);
  beacon_player_set_decoder_mode (self->player, preferred_decoder (self));
  beacon_player_set_video_sink (self->player, self->sink_bin);

  g_signal_connect_object (self->player, "notify::status",
                           G_CALLBACK (on_player_status_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->player, "notify::error",
                           G_CALLBACK (on_player_error_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->player, "notify::decoder-name",
                           G_CALLBACK (on_player_details_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->player, "notify::width",
                           G_CALLBACK (on_player_details_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->player, "notify::height",
                           G_CALLBACK (on_player_details_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->player, "stats-updated",
                           G_CALLBACK (on_player_stats_updated), self, G_CONNECT_SWAPPED);

  g_debug ("playing “%s”", self->name);
  set_string (self, &self->codec, NULL, PROP_CODEC);
  if (!beacon_player_start (self->player, self->name, &error))
    {
      _beacon_watched_stream_set_status (self, BEACON_WCS_STREAM_STATUS_FAILED, error->message);
      schedule_retry (self);
      return;
    }
  _beacon_watched_stream_set_status (self, beacon_player_get_status (self->player), NULL);
}

static void
on_client_state_changed (BeaconWatchedStream *self,
                         GParamSpec          *pspec,
                         BeaconWcsClient     *client)
{
  gboolean established = beacon_wcs_client_get_state (client) == BEACON_WCS_STATE_ESTABLISHED;

  if (established == self->connected)
    return;
  _beacon_watched_stream_set_connected (self, established);
  if (established && self->active)
    start_player (self);
  else if (!established)
    drop_player (self);
}

static void
beacon_watched_stream_dispose (GObject *object)
{
  BeaconWatchedStream *self = BEACON_WATCHED_STREAM (object);

  drop_player (self);
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_clear_object (&self->client);
  gst_clear_object (&self->sink_bin);
  g_clear_object (&self->paintable);
  g_clear_object (&self->settings);
  _beacon_watched_stream_metrics_clear (self);

  G_OBJECT_CLASS (beacon_watched_stream_parent_class)->dispose (object);
}

static void
beacon_watched_stream_finalize (GObject *object)
{
  BeaconWatchedStream *self = BEACON_WATCHED_STREAM (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->sink_name, g_free);
  g_clear_pointer (&self->info, g_free);
  g_clear_pointer (&self->codec, g_free);
  g_clear_pointer (&self->decoder_name, g_free);
  g_clear_pointer (&self->alert_reason, g_free);

  G_OBJECT_CLASS (beacon_watched_stream_parent_class)->finalize (object);
}

static void
beacon_watched_stream_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  BeaconWatchedStream *self = BEACON_WATCHED_STREAM (object);

  switch (prop_id)
    {
    case PROP_NAME:         g_value_set_string (value, self->name); break;
    case PROP_CLIENT:       g_value_set_object (value, self->client); break;
    case PROP_STATUS:       g_value_set_enum (value, self->status); break;
    case PROP_CONNECTED:    g_value_set_boolean (value, self->connected); break;
    case PROP_ACTIVE:       g_value_set_boolean (value, self->active); break;
    case PROP_INFO:         g_value_set_string (value, self->info); break;
    case PROP_CODEC:        g_value_set_string (value, self->codec); break;
    case PROP_WIDTH:        g_value_set_int (value, self->width); break;
    case PROP_HEIGHT:       g_value_set_int (value, self->height); break;
    case PROP_DECODER_NAME: g_value_set_string (value, self->decoder_name); break;
    case PROP_SINK_NAME:    g_value_set_string (value, self->sink_name); break;
    case PROP_QUALITY:      g_value_set_enum (value, self->quality); break;
    case PROP_FPS:          g_value_set_double (value, self->fps); break;
    case PROP_BITRATE:      g_value_set_double (value, self->bitrate); break;
    case PROP_PAINTABLE:    g_value_set_object (value, self->paintable); break;
    case PROP_ALERT:        g_value_set_boolean (value, self->alert); break;
    case PROP_ALERT_REASON: g_value_set_string (value, self->alert_reason); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_watched_stream_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  BeaconWatchedStream *self = BEACON_WATCHED_STREAM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_CLIENT:
      beacon_watched_stream_set_client (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define RO_FLAGS (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)

static void
beacon_watched_stream_class_init (BeaconWatchedStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = beacon_watched_stream_dispose;
  object_class->finalize = beacon_watched_stream_finalize;
  object_class->get_property = beacon_watched_stream_get_property;
  object_class->set_property = beacon_watched_stream_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, BEACON_TYPE_WCS_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, BEACON_TYPE_WCS_STREAM_STATUS,
                       BEACON_WCS_STREAM_STATUS_NEW, RO_FLAGS);
  properties[PROP_CONNECTED] =
    g_param_spec_boolean ("connected", NULL, NULL, FALSE, RO_FLAGS);
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, TRUE, RO_FLAGS);
  properties[PROP_INFO] =
    g_param_spec_string ("info", NULL, NULL, NULL, RO_FLAGS);
  properties[PROP_CODEC] =
    g_param_spec_string ("codec", NULL, NULL, NULL, RO_FLAGS);
  properties[PROP_WIDTH] =
    g_param_spec_int ("width", NULL, NULL, 0, G_MAXINT, 0, RO_FLAGS);
  properties[PROP_HEIGHT] =
    g_param_spec_int ("height", NULL, NULL, 0, G_MAXINT, 0, RO_FLAGS);
  properties[PROP_DECODER_NAME] =
    g_param_spec_string ("decoder-name", NULL, NULL, NULL, RO_FLAGS);
  properties[PROP_SINK_NAME] =
    g_param_spec_string ("sink-name", NULL, NULL, NULL, RO_FLAGS);
  properties[PROP_QUALITY] =
    g_param_spec_enum ("quality", NULL, NULL, BEACON_TYPE_CHANNEL_QUALITY,
                       BEACON_CHANNEL_QUALITY_UNKNOWN, RO_FLAGS);
  /* The newest local figures (kbit/s for the bitrate); NAN until the first sample, which a
   * pspec cannot declare as its default. */
  properties[PROP_FPS] =
    g_param_spec_double ("fps", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, RO_FLAGS);
  properties[PROP_BITRATE] =
    g_param_spec_double ("bitrate", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, RO_FLAGS);
  properties[PROP_PAINTABLE] =
    g_param_spec_object ("paintable", NULL, NULL, GDK_TYPE_PAINTABLE, RO_FLAGS);
  properties[PROP_ALERT] =
    g_param_spec_boolean ("alert", NULL, NULL, FALSE, RO_FLAGS);
  properties[PROP_ALERT_REASON] =
    g_param_spec_string ("alert-reason", NULL, NULL, NULL, RO_FLAGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
beacon_watched_stream_init (BeaconWatchedStream *self)
{
  self->status = BEACON_WCS_STREAM_STATUS_NEW;
  self->quality = BEACON_CHANNEL_QUALITY_UNKNOWN;
  self->active = TRUE;
  self->fps = NAN;
  self->bitrate = NAN;
  _beacon_watched_stream_metrics_init (self);
}

BeaconWatchedStream *
beacon_watched_stream_new (const char *name)
{
  g_return_val_if_fail (name != NULL && *name != '\0', NULL);

  return g_object_new (BEACON_TYPE_WATCHED_STREAM, "name", name, NULL);
}

#define GETTER(type, name, field)                                       \
  type                                                                  \
  beacon_watched_stream_get_##name (BeaconWatchedStream *self)          \
  {                                                                     \
    g_return_val_if_fail (BEACON_IS_WATCHED_STREAM (self), (type) 0);   \
    return self->field;                                                 \
  }

GETTER (const char *, name, name)
GETTER (BeaconWcsClient *, client, client)
GETTER (BeaconWcsStreamStatus, status, status)
GETTER (gboolean, connected, connected)
GETTER (gboolean, active, active)
GETTER (const char *, info, info)
GETTER (const char *, codec, codec)
GETTER (int, width, width)
GETTER (int, height, height)
GETTER (const char *, decoder_name, decoder_name)
GETTER (const char *, sink_name, sink_name)
GETTER (BeaconChannelQuality, quality, quality)
GETTER (double, fps, fps)
GETTER (double, bitrate, bitrate)
GETTER (GdkPaintable *, paintable, paintable)
GETTER (BeaconPlayer *, player, player)
GETTER (gboolean, alert, alert)
GETTER (const char *, alert_reason, alert_reason)

void
beacon_watched_stream_set_client (BeaconWatchedStream *self,
                                  BeaconWcsClient     *client)
{
  g_return_if_fail (BEACON_IS_WATCHED_STREAM (self));
  g_return_if_fail (client == NULL || BEACON_IS_WCS_CLIENT (client));

  if (self->client == client)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  drop_player (self);
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_set_object (&self->client, client);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);

  _beacon_watched_stream_set_connected (self, FALSE);
  if (client != NULL)
    {
      g_signal_connect_object (client, "notify::state",
                               G_CALLBACK (on_client_state_changed), self, G_CONNECT_SWAPPED);
      on_client_state_changed (self, NULL, client);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

guint64
beacon_watched_stream_get_frames_rendered (BeaconWatchedStream *self)
{
  BeaconVideoSink *sink;

  g_return_val_if_fail (BEACON_IS_WATCHED_STREAM (self), 0);

  if (self->sink_bin == NULL)
    return 0;
  if ((sink = beacon_video_sink_find (self->sink_bin)) != NULL)
    return beacon_video_sink_get_frames_rendered (sink);
  /* gtk4paintablesink counts nothing for us: decoded frames are the nearest figure. */
  return self->player != NULL ? beacon_player_get_frames (self->player) : 0;
}

void
beacon_watched_stream_set_alert (BeaconWatchedStream *self,
                                 gboolean             alert,
                                 const char          *reason)
{
  g_return_if_fail (BEACON_IS_WATCHED_STREAM (self));

  alert = !!alert;
  g_object_freeze_notify (G_OBJECT (self));
  set_string (self, &self->alert_reason, alert ? reason : NULL, PROP_ALERT_REASON);
  if (self->alert != alert)
    {
      self->alert = alert;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALERT]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

char *
beacon_watched_stream_dup_info_text (BeaconWatchedStream *self)
{
  g_autoptr(GEnumClass) statuses = NULL;
  g_autofree char *size = NULL;
  g_autofree char *fps = NULL;
  g_autofree char *bitrate = NULL;
  g_autofree char *status = NULL;
  GString *text;

  g_return_val_if_fail (BEACON_IS_WATCHED_STREAM (self), NULL);

  /* WCS's own status names (PLAYING, FAILED): what its logs and REST API show too. */
  statuses = g_type_class_ref (BEACON_TYPE_WCS_STREAM_STATUS);
  status = g_ascii_strup (g_enum_get_value (statuses, self->status)->value_nick, -1);
  text = g_string_new (NULL);

  /* Plain "Label: value" lines, so the text pastes well into a chat or a ticket. */
  g_string_append_printf (text, _("Stream: %s\n"), self->name);
  if (self->client != NULL)
    g_string_append_printf (text, _("Server: %s\n"), beacon_wcs_client_get_url (self->client));
  g_string_append_printf (text, _("Status: %s\n"),
                          self->connected ? status : _("Disconnected"));
  if (self->info != NULL)
    g_string_append_printf (text, _("Info: %s\n"), self->info);
  if (self->codec != NULL)
    g_string_append_printf (text, _("Codec: %s\n"), self->codec);
  if (self->width > 0 && self->height > 0)
    {
      /* Translators: a video size in pixels, width × height */
      size = g_strdup_printf (_("%d × %d"), self->width, self->height);
      g_string_append_printf (text, _("Resolution: %s\n"), size);
    }
  if (self->decoder_name != NULL)
    g_string_append_printf (text, _("Decoder: %s\n"), self->decoder_name);
  if (self->sink_name != NULL)
    g_string_append_printf (text, _("Video sink: %s\n"), self->sink_name);
  g_string_append_printf (text, _("Quality: %s\n"),
                          beacon_channel_quality_to_string (self->quality));
  if (isfinite (self->fps))
    {
      fps = g_strdup_printf ("%.1f", self->fps);
      g_string_append_printf (text, _("Frame rate: %s fps\n"), fps);
    }
  if (isfinite (self->bitrate))
    {
      bitrate = g_strdup_printf ("%.0f", self->bitrate);
      g_string_append_printf (text, _("Bitrate: %s kbit/s\n"), bitrate);
    }

  return g_string_free (text, FALSE);
}

void
beacon_watched_stream_start (BeaconWatchedStream *self)
{
  g_return_if_fail (BEACON_IS_WATCHED_STREAM (self));

  set_active (self, TRUE);
  self->retry_delay = 0;
  if (self->player != NULL && !beacon_wcs_stream_status_is_terminal (self->status) &&
      self->status != BEACON_WCS_STREAM_STATUS_NEW)
    return;   /* already on its way */
  start_player (self);
}

void
beacon_watched_stream_stop (BeaconWatchedStream *self)
{
  g_return_if_fail (BEACON_IS_WATCHED_STREAM (self));

  /* Inactive first, so what the stop causes is not taken for a failure. */
  set_active (self, FALSE);
  drop_player (self);
  if (self->status != BEACON_WCS_STREAM_STATUS_NEW)
    _beacon_watched_stream_set_status (self, BEACON_WCS_STREAM_STATUS_STOPPED,
                                       _("Stopped by you"));
  _beacon_watched_stream_set_quality (self, BEACON_CHANNEL_QUALITY_UNKNOWN);
}

void
beacon_watched_stream_restart (BeaconWatchedStream *self)
{
  g_return_if_fail (BEACON_IS_WATCHED_STREAM (self));

  set_active (self, TRUE);
  self->retry_delay = 0;
  beacon_watched_stream_set_alert (self, FALSE, NULL);
  _beacon_watched_stream_set_quality (self, BEACON_CHANNEL_QUALITY_UNKNOWN);
  start_player (self);
}

void
_beacon_watched_stream_set_status (BeaconWatchedStream  *self,
                                   BeaconWcsStreamStatus status,
                                   const char           *info)
{
  g_object_freeze_notify (G_OBJECT (self));
  set_string (self, &self->info, info, PROP_INFO);
  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
_beacon_watched_stream_set_connected (BeaconWatchedStream *self,
                                      gboolean             connected)
{
  connected = !!connected;
  if (self->connected == connected)
    return;
  self->connected = connected;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);
  /* Nothing plays without a session: whatever the last status was is history now. */
  if (!connected)
    {
      _beacon_watched_stream_set_status (self, BEACON_WCS_STREAM_STATUS_NEW, NULL);
      _beacon_watched_stream_set_quality (self, BEACON_CHANNEL_QUALITY_UNKNOWN);
    }
}

void
_beacon_watched_stream_set_quality (BeaconWatchedStream *self,
                                    BeaconChannelQuality quality)
{
  if (self->quality == quality)
    return;
  self->quality = quality;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUALITY]);
}

void
_beacon_watched_stream_set_figures (BeaconWatchedStream *self,
                                    double               fps,
                                    double               bitrate,
                                    const char          *codec)
{
  g_object_freeze_notify (G_OBJECT (self));
  set_double (self, &self->fps, fps, PROP_FPS);
  set_double (self, &self->bitrate, bitrate, PROP_BITRATE);
  if (codec != NULL)
    set_string (self, &self->codec, codec, PROP_CODEC);
  g_object_thaw_notify (G_OBJECT (self));
}
