/* beacon-publish-page.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-publish-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <unistd.h>

#include "beacon-camera-portal.h"
#include "beacon-media-types.h"
#include "beacon-protocol-enums.h"
#include "beacon-publish-page-private.h"
#include "beacon-stats-sample.h"
#include "beacon-video-sink.h"
#include "beacon-window.h"

G_DEFINE_FINAL_TYPE (BeaconPublishPage, beacon_publish_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONNECTION,
  PROP_IS_PUBLISHING,
  PROP_AUDIO_MUTED,
  PROP_VIDEO_MUTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The choices of the resolution and frame-rate rows, in the .ui's order. */
static const struct {
  guint width;
  guint height;
} resolutions[] = {
  { 320, 240 }, { 640, 360 }, { 1280, 720 }, { 1920, 1080 },
};
static const guint frame_rates[] = { 15, 24, 25, 30, 60 };
static const BeaconVideoCodec codecs[] = { BEACON_VIDEO_CODEC_H264, BEACON_VIDEO_CODEC_VP8 };

#define DEFAULT_RESOLUTION 1   /* 640 × 360 */
#define DEFAULT_FRAME_RATE 3   /* 30 fps */

static void
show_toast (BeaconPublishPage *self,
            const char        *text)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), BEACON_TYPE_WINDOW);

  if (window != NULL)
    beacon_window_show_toast (BEACON_WINDOW (window), text);
  else
    g_debug ("%s", text);
}

static char *
format_bitrate (double kbps)
{
  if (kbps >= 1000)
    return g_strdup_printf (_("%.2f Mbit/s"), kbps / 1000);
  return g_strdup_printf (_("%.0f kbit/s"), kbps);
}

static const char *
describe_status (BeaconWcsStreamStatus status)
{
  switch (status)
    {
    case BEACON_WCS_STREAM_STATUS_NEW:
      return _("Not published");
    case BEACON_WCS_STREAM_STATUS_PENDING:
      return _("Starting…");
    case BEACON_WCS_STREAM_STATUS_PUBLISHING:
      return _("Publishing");
    case BEACON_WCS_STREAM_STATUS_PLAYING:
      return _("Playing");
    case BEACON_WCS_STREAM_STATUS_PAUSED:
      return _("Paused");
    case BEACON_WCS_STREAM_STATUS_PLAYBACK_PROBLEM:
      return _("Playback problem");
    case BEACON_WCS_STREAM_STATUS_UNPUBLISHED:
    case BEACON_WCS_STREAM_STATUS_STOPPED:
      return _("Stopped");
    case BEACON_WCS_STREAM_STATUS_FAILED:
      return _("Failed");
    default:
      g_assert_not_reached ();
    }
}

static void
set_quality (BeaconPublishPage   *self,
             BeaconChannelQuality quality)
{
  static const char * const classes[] = { "unknown", "perfect", "good", "bad" };
  const char *text;

  switch (quality)
    {
    case BEACON_CHANNEL_QUALITY_PERFECT:
      text = C_("quality", "Perfect");
      break;
    case BEACON_CHANNEL_QUALITY_GOOD:
      text = C_("quality", "Good");
      break;
    case BEACON_CHANNEL_QUALITY_BAD:
      text = C_("quality", "Bad");
      break;
    case BEACON_CHANNEL_QUALITY_UNKNOWN:
    default:
      quality = BEACON_CHANNEL_QUALITY_UNKNOWN;
      text = C_("quality", "Unknown");
      break;
    }

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      GtkWidget *labels[] = { GTK_WIDGET (self->quality_label), GTK_WIDGET (self->quality_badge) };

      for (guint j = 0; j < G_N_ELEMENTS (labels); j++)
        if (i == (guint) quality)
          gtk_widget_add_css_class (labels[j], classes[i]);
        else
          gtk_widget_remove_css_class (labels[j], classes[i]);
    }
  gtk_label_set_text (self->quality_label, text);
  gtk_label_set_text (self->quality_badge, text);
  /* Translators: %s is Perfect, Good, Bad or Unknown */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->quality_label),
                               _("Channel quality, measured as the WebSDK does"));
}

static void
reset_figures (BeaconPublishPage *self)
{
  adw_action_row_set_subtitle (self->server_rate_row, "—");
  adw_action_row_set_subtitle (self->local_rate_row, "—");
  set_quality (self, BEACON_CHANNEL_QUALITY_UNKNOWN);
}

static void
update_actions (BeaconPublishPage *self)
{
  gboolean established =
    beacon_connection_get_state (self->connection) == BEACON_WCS_STATE_ESTABLISHED;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "publish.toggle",
                                 self->active || (established && *name != '\0'));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "publish.copy-stream-name", *name != '\0');

  gtk_button_set_label (GTK_BUTTON (self->publish_button),
                        self->active ? _("_Stop") : _("_Publish"));
  if (self->active)
    {
      gtk_widget_remove_css_class (self->publish_button, "suggested-action");
      gtk_widget_add_css_class (self->publish_button, "destructive-action");
    }
  else
    {
      gtk_widget_remove_css_class (self->publish_button, "destructive-action");
      gtk_widget_add_css_class (self->publish_button, "suggested-action");
    }

  /* What is fixed at start cannot change while publishing; the bitrate can. */
  /* Read-only rather than insensitive, so that its copy button still works. */
  gtk_editable_set_editable (GTK_EDITABLE (self->name_row), !self->active);
  gtk_widget_set_sensitive (GTK_WIDGET (self->record_switch), !self->active);
  gtk_widget_set_sensitive (self->source_group, !self->active);
  gtk_widget_set_sensitive (GTK_WIDGET (self->resolution_row), !self->active);
  gtk_widget_set_sensitive (GTK_WIDGET (self->fps_row), !self->active);
  gtk_widget_set_sensitive (GTK_WIDGET (self->codec_row), !self->active);
  gtk_widget_set_visible (GTK_WIDGET (self->quality_badge), self->active);
  gtk_widget_set_visible (GTK_WIDGET (self->quality_label), self->active);
  gtk_widget_set_visible (self->preview_placeholder, !self->active || !self->preview_shown);
}

/* The toggle's icon shows what is being sent, and its name what pressing it does. */
static void
update_mute_buttons (BeaconPublishPage *self)
{
  gtk_button_set_icon_name (GTK_BUTTON (self->mute_audio_button),
                            self->audio_muted ? "microphone-sensitivity-muted-symbolic"
                                              : "audio-input-microphone-symbolic");
  gtk_widget_set_tooltip_text (self->mute_audio_button,
                               self->audio_muted ? _("Unmute Audio") : _("Mute Audio"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->mute_audio_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->audio_muted ? _("Unmute Audio") : _("Mute Audio"), -1);
  gtk_button_set_icon_name (GTK_BUTTON (self->mute_video_button),
                            self->video_muted ? "camera-disabled-symbolic"
                                              : "camera-web-symbolic");
  gtk_widget_set_tooltip_text (self->mute_video_button,
                               self->video_muted ? _("Unmute Video") : _("Mute Video"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->mute_video_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->video_muted ? _("Unmute Video") : _("Mute Video"), -1);
}

/* An empty 16:9 stand-in keeps the preview's place (GtkPicture sizes by its paintable). */
static void
clear_preview (BeaconPublishPage *self)
{
  g_autoptr(GdkPaintable) empty = gdk_paintable_new_empty (16, 9);

  gtk_picture_set_paintable (self->preview_picture, empty);
  self->preview_shown = FALSE;
}

static void
set_active (BeaconPublishPage *self,
            gboolean           active)
{
  self->active = !!active;
  if (!active)
    clear_preview (self);
  update_actions (self);
}

static void
set_is_publishing (BeaconPublishPage *self,
                   gboolean           is_publishing)
{
  if (self->is_publishing == !!is_publishing)
    return;
  self->is_publishing = !!is_publishing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_PUBLISHING]);
}

static void
on_publisher_status (BeaconPublishPage *self)
{
  BeaconWcsStreamStatus status = beacon_publisher_get_status (self->publisher);
  BeaconWcsStream *stream = beacon_publisher_get_stream (self->publisher);
  const char *info = stream ? beacon_wcs_stream_get_info (stream) : NULL;
  g_autofree char *text = NULL;

  if (info != NULL && *info != '\0')
    /* Translators: a stream's status, then the server's explanation */
    text = g_strdup_printf (_("%s: %s"), describe_status (status), info);
  else
    text = g_strdup (describe_status (status));
  adw_action_row_set_subtitle (self->status_row, text);

  set_is_publishing (self, status == BEACON_WCS_STREAM_STATUS_PUBLISHING);
  if (beacon_wcs_stream_status_is_terminal (status) && self->active)
    set_active (self, FALSE);
}

static void
on_publisher_error (BeaconPublishPage *self)
{
  const GError *error = beacon_publisher_get_error (self->publisher);

  if (error != NULL)
    show_toast (self, error->message);
}

static void
on_publisher_encoder (BeaconPublishPage *self)
{
  const char *encoder = beacon_publisher_get_encoder_name (self->publisher);

  adw_action_row_set_subtitle (self->encoder_row, encoder ? encoder : "—");
}

static void
on_stats_updated (BeaconPublishPage       *self,
                  const BeaconStatsSample *sample)
{
  g_autofree char *local_rate = NULL;
  g_autofree char *server_rate = NULL;
  g_autofree char *local = NULL;
  g_autofree char *server = NULL;

  if (sample->server_bitrate >= 0)
    {
      server_rate = format_bitrate (sample->server_bitrate / 1000.0);
      if (!isnan (sample->server_fps))
        /* Translators: a bitrate such as “1.20 Mbit/s”, then frames per second */
        server = g_strdup_printf (_("%s, %.0f fps"), server_rate, sample->server_fps);
      else
        server = g_steal_pointer (&server_rate);
    }
  adw_action_row_set_subtitle (self->server_rate_row, server ? server : "—");

  local_rate = !isnan (sample->bitrate_kbps) ? format_bitrate (sample->bitrate_kbps) : g_strdup ("—");
  if (sample->width > 0 && sample->height > 0)
    /* Translators: a bitrate, frames per second, then the picture size */
    local = g_strdup_printf (_("%s, %.0f fps, %d × %d"), local_rate,
                             isnan (sample->fps) ? 0.0 : sample->fps,
                             sample->width, sample->height);
  else
    local = g_strdup_printf (_("%s, %.0f fps"), local_rate, isnan (sample->fps) ? 0.0 : sample->fps);
  adw_action_row_set_subtitle (self->local_rate_row, local);

  set_quality (self, sample->quality);
  if (sample->encoder != NULL)
    adw_action_row_set_subtitle (self->encoder_row, sample->encoder);
}

static void
drop_publisher (BeaconPublishPage *self)
{
  if (self->publisher == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->publisher, self);
  beacon_publisher_stop (self->publisher);
  g_clear_object (&self->publisher);
  set_is_publishing (self, FALSE);
  set_active (self, FALSE);
}

/* A publisher belongs to one session; a new session needs a new one. */
static BeaconPublisher *
ensure_publisher (BeaconPublishPage *self,
                  BeaconWcsClient   *client)
{
  if (self->publisher != NULL && beacon_publisher_get_client (self->publisher) == client)
    return self->publisher;

  drop_publisher (self);
  self->publisher = beacon_publisher_new (client);
  g_signal_connect_object (self->publisher, "notify::status", G_CALLBACK (on_publisher_status),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->publisher, "notify::error", G_CALLBACK (on_publisher_error),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->publisher, "notify::encoder-name",
                           G_CALLBACK (on_publisher_encoder), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->publisher, "stats-updated", G_CALLBACK (on_stats_updated),
                           self, G_CONNECT_SWAPPED);
  return self->publisher;
}

static void on_camera_portal_opened (GObject      *source,
                                     GAsyncResult *result,
                                     gpointer      user_data);

/* @pipewire_fd: the camera portal's PipeWire remote, or -1 (the portal is asked first where
 * one is needed). */
static void
start_publishing (BeaconPublishPage *self,
                  int                pipewire_fd)
{
  BeaconWcsClient *client = beacon_connection_get_client (self->connection);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sink_name = NULL;
  BeaconPublisher *publisher;
  GstElement *sink;
  guint resolution = adw_combo_row_get_selected (self->resolution_row);
  guint fps = adw_combo_row_get_selected (self->fps_row);
  guint codec = adw_combo_row_get_selected (self->codec_row);

  if (client == NULL || beacon_wcs_client_get_state (client) != BEACON_WCS_STATE_ESTABLISHED)
    {
      show_toast (self, _("Connect to a server first"));
      return;
    }
  if (*name == '\0')
    return;
  /* Inside the Flatpak sandbox only the portal can reach a camera. */
  if (pipewire_fd < 0 && beacon_camera_portal_is_sandboxed () &&
      g_strcmp0 (_beacon_publish_page_get_source (self), "test") != 0)
    {
      /* Stop stays available while the portal asks the user. */
      set_active (self, TRUE);
      _beacon_publish_page_open_camera (self, on_camera_portal_opened);
      return;
    }

  publisher = ensure_publisher (self, client);
  /* The portal's remote offers the cameras the user allowed, whichever row was chosen. */
  beacon_publisher_set_source (publisher,
                               pipewire_fd >= 0 ? "camera" : _beacon_publish_page_get_source (self));
  beacon_publisher_set_pipewire_fd (publisher, pipewire_fd);
  if (_beacon_publish_page_get_microphone (self) != NULL)
    g_object_set (publisher, "audio-source", _beacon_publish_page_get_microphone (self), NULL);
  beacon_publisher_set_codec (publisher, codecs[MIN (codec, G_N_ELEMENTS (codecs) - 1)]);
  resolution = MIN (resolution, G_N_ELEMENTS (resolutions) - 1);
  beacon_publisher_set_width (publisher, resolutions[resolution].width);
  beacon_publisher_set_height (publisher, resolutions[resolution].height);
  beacon_publisher_set_fps (publisher, frame_rates[MIN (fps, G_N_ELEMENTS (frame_rates) - 1)]);
  beacon_publisher_set_bitrate (publisher, gtk_spin_button_get_value_as_int (self->bitrate_spin));
  beacon_publisher_set_record (publisher, gtk_switch_get_active (self->record_switch));
  beacon_publisher_set_audio_muted (publisher, self->audio_muted);
  beacon_publisher_set_video_muted (publisher, self->video_muted);

  /* A fresh sink each time: the last one went down with the last pipeline. */
  if ((sink = beacon_video_sink_make_bin (&paintable, &sink_name, &error)) != NULL)
    {
      g_autofree char *tooltip = NULL;

      beacon_publisher_set_preview_sink (publisher, sink);
      gtk_picture_set_paintable (self->preview_picture, paintable);
      self->preview_shown = TRUE;
      /* Translators: %s is the name of a GStreamer video sink */
      tooltip = g_strdup_printf (_("Preview drawn by %s"), sink_name);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->preview_picture), tooltip);
    }
  else
    {
      g_debug ("no preview: %s", error->message);
      beacon_publisher_set_preview_sink (publisher, NULL);
      g_clear_error (&error);
    }

  reset_figures (self);
  if (!beacon_publisher_start (publisher, name, &error))
    {
      show_toast (self, error->message);
      set_active (self, FALSE);
      return;
    }
  set_active (self, TRUE);
  on_publisher_status (self);
  on_publisher_encoder (self);
}

/* Runs only uncancelled: stop and dispose cancel the request, and then it never gets here
 * with a page that went away. */
static void
on_camera_portal_opened (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  BeaconPublishPage *self;
  g_autoptr(GError) error = NULL;
  int fd = beacon_camera_portal_open_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = BEACON_PUBLISH_PAGE (user_data);
  _beacon_publish_page_cancel_camera (self);
  set_active (self, FALSE);
  if (fd < 0)
    {
      show_toast (self, error->message);
      return;
    }
  start_publishing (self, fd);
  /* The publisher holds its own copy. */
  close (fd);
}

static void
stop_publishing (BeaconPublishPage *self)
{
  _beacon_publish_page_cancel_camera (self);
  if (self->publisher != NULL)
    beacon_publisher_stop (self->publisher);
  set_is_publishing (self, FALSE);
  set_active (self, FALSE);
  adw_action_row_set_subtitle (self->status_row, describe_status (BEACON_WCS_STREAM_STATUS_UNPUBLISHED));
}

static void
on_connection_state (BeaconPublishPage *self)
{
  BeaconWcsState state = beacon_connection_get_state (self->connection);
  BeaconWcsClient *client = beacon_connection_get_client (self->connection);

  /* The session the publisher belonged to is gone; its stream ended with it. */
  if (self->publisher != NULL && beacon_publisher_get_client (self->publisher) != client)
    drop_publisher (self);

  if (state == BEACON_WCS_STATE_ESTABLISHED && self->pending_test != NULL)
    {
      g_autofree char *name = g_steal_pointer (&self->pending_test);

      beacon_publish_page_start_test (self, name);
    }
  update_actions (self);
}

static void
on_bitrate_changed (BeaconPublishPage *self)
{
  if (self->publisher != NULL)
    beacon_publisher_set_bitrate (self->publisher,
                                  gtk_spin_button_get_value_as_int (self->bitrate_spin));
}

static void
toggle_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  BeaconPublishPage *self = BEACON_PUBLISH_PAGE (widget);

  if (self->active)
    stop_publishing (self);
  else
    start_publishing (self, -1);
}

static void
copy_stream_name_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  BeaconPublishPage *self = BEACON_PUBLISH_PAGE (widget);
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), name);
  show_toast (self, _("Stream name copied"));
}

static void
beacon_publish_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (beacon_publish_page_parent_class)->map (widget);
  _beacon_publish_page_devices_start (BEACON_PUBLISH_PAGE (widget));
}

static void
beacon_publish_page_unmap (GtkWidget *widget)
{
  _beacon_publish_page_devices_stop (BEACON_PUBLISH_PAGE (widget));
  GTK_WIDGET_CLASS (beacon_publish_page_parent_class)->unmap (widget);
}

static void
beacon_publish_page_constructed (GObject *object)
{
  BeaconPublishPage *self = BEACON_PUBLISH_PAGE (object);

  G_OBJECT_CLASS (beacon_publish_page_parent_class)->constructed (object);

  g_assert (self->connection != NULL);
  g_signal_connect_object (self->connection, "notify::state", G_CALLBACK (on_connection_state),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->connection, "notify::client", G_CALLBACK (on_connection_state),
                           self, G_CONNECT_SWAPPED);
  on_connection_state (self);
}

static void
beacon_publish_page_dispose (GObject *object)
{
  BeaconPublishPage *self = BEACON_PUBLISH_PAGE (object);

  if (self->publisher != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->publisher, self);
      beacon_publisher_stop (self->publisher);
      g_clear_object (&self->publisher);
    }
  _beacon_publish_page_devices_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BEACON_TYPE_PUBLISH_PAGE);
  g_clear_object (&self->connection);

  G_OBJECT_CLASS (beacon_publish_page_parent_class)->dispose (object);
}

static void
beacon_publish_page_finalize (GObject *object)
{
  BeaconPublishPage *self = BEACON_PUBLISH_PAGE (object);

  g_clear_pointer (&self->pending_test, g_free);

  G_OBJECT_CLASS (beacon_publish_page_parent_class)->finalize (object);
}

static void
beacon_publish_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BeaconPublishPage *self = BEACON_PUBLISH_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_set_object (value, beacon_publish_page_get_connection (self));
      break;
    case PROP_IS_PUBLISHING:
      g_value_set_boolean (value, beacon_publish_page_get_is_publishing (self));
      break;
    case PROP_AUDIO_MUTED:
      g_value_set_boolean (value, beacon_publish_page_get_audio_muted (self));
      break;
    case PROP_VIDEO_MUTED:
      g_value_set_boolean (value, beacon_publish_page_get_video_muted (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_publish_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BeaconPublishPage *self = BEACON_PUBLISH_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      self->connection = g_value_dup_object (value);
      break;
    case PROP_AUDIO_MUTED:
      beacon_publish_page_set_audio_muted (self, g_value_get_boolean (value));
      break;
    case PROP_VIDEO_MUTED:
      beacon_publish_page_set_video_muted (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_publish_page_class_init (BeaconPublishPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = beacon_publish_page_constructed;
  object_class->dispose = beacon_publish_page_dispose;
  object_class->finalize = beacon_publish_page_finalize;
  object_class->get_property = beacon_publish_page_get_property;
  object_class->set_property = beacon_publish_page_set_property;
  widget_class->map = beacon_publish_page_map;
  widget_class->unmap = beacon_publish_page_unmap;

  properties[PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL, BEACON_TYPE_CONNECTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_PUBLISHING] =
    g_param_spec_boolean ("is-publishing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUDIO_MUTED] = g_param_spec_boolean ("audio-muted", NULL, NULL, FALSE, rw);
  properties[PROP_VIDEO_MUTED] = g_param_spec_boolean ("video-muted", NULL, NULL, FALSE, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/beacon_wcs/Beacon/ui/beacon-publish-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BeaconPublishPage, preview_picture);
  gtk_widget_class_bind_template_child (widget_class, BeaconPublishPage, preview_placeholder);
  gtk_widget_class_bind_template_child (widget_class, BeaconPublishPage, quality_badge);
  gtk_widget_class_bind_template_child (widget_class, BeaconPublishPage, publish_button);
  gtk_widget_class_bind_template_child (widget_class, BeaconPublishPage, mute_audio_button);
  gtk_widget_class_bind_template_child (widget_class, BeaconPublishPage, mute_video_button);
  gtk_widget_class_bind_template_child (widget_class, BeaconPublishPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, BeaconPublishPage, quality_label);
  gtk_widget_class_bind_template_child (widget_class, BeaconPublishPage, server_rate_row);
  gtk_widget_class_bind_template_child (widget_class, BeaconPublishPage, local_rate_row);
  gtk_widget_class_bind_template_child (widget_class, BeaconPublishPage, encoder_row);
  gtk_widget_class_bind_template_child (widget_class, BeaconPublishPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, BeaconPublishPage, record_switch);
  gtk_widget_class_bind_template_child (widget_class, BeaconPublishPage, source_group);
  gtk_widget_class_bind_template_child (widget_class, BeaconPublishPage, camera_row);
  gtk_widget_class_bind_template_child (widget_class, BeaconPublishPage, microphone_row);
  gtk_widget_class_bind_template_child (widget_class, BeaconPublishPage, resolution_row);
  gtk_widget_class_bind_template_child (widget_class, BeaconPublishPage, fps_row);
  gtk_widget_class_bind_template_child (widget_class, BeaconPublishPage, codec_row);
  gtk_widget_class_bind_template_child (widget_class, BeaconPublishPage, bitrate_spin);

  gtk_widget_class_install_action (widget_class, "publish.toggle", NULL, toggle_action);
  gtk_widget_class_install_action (widget_class, "publish.copy-stream-name", NULL,
                                   copy_stream_name_action);
  gtk_widget_class_install_property_action (widget_class, "publish.mute-audio", "audio-muted");
  gtk_widget_class_install_property_action (widget_class, "publish.mute-video", "video-muted");
}

static void
beacon_publish_page_init (BeaconPublishPage *self)
{
  g_autofree char *name = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* A name nobody else on a shared server is likely to be using. */
  name = g_strdup_printf ("beacon-%04x", g_random_int_range (0, 0x10000));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  adw_combo_row_set_selected (self->resolution_row, DEFAULT_RESOLUTION);
  adw_combo_row_set_selected (self->fps_row, DEFAULT_FRAME_RATE);
  adw_action_row_set_subtitle (self->status_row, describe_status (BEACON_WCS_STREAM_STATUS_NEW));
  adw_action_row_set_subtitle (self->encoder_row, "—");
  reset_figures (self);
  clear_preview (self);

  g_signal_connect_object (self->bitrate_spin, "value-changed", G_CALLBACK (on_bitrate_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  _beacon_publish_page_devices_init (self);
}

GtkWidget *
beacon_publish_page_new (BeaconConnection *connection)
{
  g_return_val_if_fail (BEACON_IS_CONNECTION (connection), NULL);

  return g_object_new (BEACON_TYPE_PUBLISH_PAGE, "connection", connection, NULL);
}

BeaconConnection *
beacon_publish_page_get_connection (BeaconPublishPage *self)
{
  g_return_val_if_fail (BEACON_IS_PUBLISH_PAGE (self), NULL);

  return self->connection;
}

gboolean
beacon_publish_page_get_is_publishing (BeaconPublishPage *self)
{
  g_return_val_if_fail (BEACON_IS_PUBLISH_PAGE (self), FALSE);

  return self->is_publishing;
}

gboolean
beacon_publish_page_get_audio_muted (BeaconPublishPage *self)
{
  g_return_val_if_fail (BEACON_IS_PUBLISH_PAGE (self), FALSE);

  return self->audio_muted;
}

void
beacon_publish_page_set_audio_muted (BeaconPublishPage *self,
                                     gboolean           muted)
{
  g_return_if_fail (BEACON_IS_PUBLISH_PAGE (self));

  if (self->audio_muted == !!muted)
    return;
  self->audio_muted = !!muted;
  if (self->publisher != NULL)
    beacon_publisher_set_audio_muted (self->publisher, self->audio_muted);
  update_mute_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUDIO_MUTED]);
}

gboolean
beacon_publish_page_get_video_muted (BeaconPublishPage *self)
{
  g_return_val_if_fail (BEACON_IS_PUBLISH_PAGE (self), FALSE);

  return self->video_muted;
}

void
beacon_publish_page_set_video_muted (BeaconPublishPage *self,
                                     gboolean           muted)
{
  g_return_if_fail (BEACON_IS_PUBLISH_PAGE (self));

  if (self->video_muted == !!muted)
    return;
  self->video_muted = !!muted;
  if (self->publisher != NULL)
    beacon_publisher_set_video_muted (self->publisher, self->video_muted);
  update_mute_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIDEO_MUTED]);
}

void
beacon_publish_page_start_test (BeaconPublishPage *self,
                                const char        *name)
{
  g_return_if_fail (BEACON_IS_PUBLISH_PAGE (self));
  g_return_if_fail (name != NULL && *name != '\0');

  if (self->active)
    stop_publishing (self);
  _beacon_publish_page_select_test (self);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);

  if (beacon_connection_get_state (self->connection) != BEACON_WCS_STATE_ESTABLISHED)
    {
      g_free (self->pending_test);
      self->pending_test = g_strdup (name);
      return;
    }
  start_publishing (self, -1);
}
