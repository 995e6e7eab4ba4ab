/* beacon-server-row.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-server-row"

#include "config.h"

#include <glib/gi18n.h>

#include "beacon-server-row.h"
#include "beacon-wcs-message.h"

struct _BeaconServerRow
{
  AdwActionRow         parent_instance;

  /* Template children */
  GtkImage            *kind_icon;
  GtkLabel            *status_label;
  GtkWidget           *watch_button;
  GtkWidget           *terminate_button;

  /* Owned */
  BeaconWcsRestStream *stream;
  const char          *colour_class;   /* static string */
};

G_DEFINE_FINAL_TYPE (BeaconServerRow, beacon_server_row, ADW_TYPE_ACTION_ROW)

enum {
  WATCH_REQUESTED,
  TERMINATE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The tile's words for the statuses (same translations), and a colour for the pill. */
static const char *
status_words (const char  *status,
              const char **colour_class)
{
  BeaconWcsStreamStatus value;

  *colour_class = NULL;
  if (status == NULL || !beacon_wcs_stream_status_from_string (status, &value))
    return status != NULL ? status : C_("stream status", "Unknown");

  switch (value)
    {
    case BEACON_WCS_STREAM_STATUS_NEW:
      return C_("stream status", "New");
    case BEACON_WCS_STREAM_STATUS_PENDING:
      return C_("stream status", "Pending");
    case BEACON_WCS_STREAM_STATUS_PUBLISHING:
      *colour_class = "success";
      return C_("stream status", "Publishing");
    case BEACON_WCS_STREAM_STATUS_PLAYING:
      *colour_class = "success";
      return C_("stream status", "Playing");
    case BEACON_WCS_STREAM_STATUS_PAUSED:
      return C_("stream status", "Paused");
    case BEACON_WCS_STREAM_STATUS_PLAYBACK_PROBLEM:
      *colour_class = "warning";
      return C_("stream status", "Playback Problem");
    case BEACON_WCS_STREAM_STATUS_UNPUBLISHED:
      return C_("stream status", "Unpublished");
    case BEACON_WCS_STREAM_STATUS_STOPPED:
      return C_("stream status", "Stopped");
    case BEACON_WCS_STREAM_STATUS_FAILED:
      *colour_class = "error";
      return C_("stream status", "Failed");
    default:
      return status;
    }
}

/* WCS puts its internal codec id (a number) in the metrics; only a name is worth showing. */
static const char *
codec_name (const BeaconWcsRestStream *stream)
{
  const char *codec = stream->video_codec;

  if (codec == NULL || *codec == '\0')
    codec = stream->metric_video_codec;
  if (codec == NULL || *codec == '\0' || g_ascii_isdigit (codec[0]))
    return NULL;
  return codec;
}

/* "Publisher · H264 · 640×360 · 1.2 Mbit/s · 30 fps · started 3 min ago": what an operator
 * scans for, in one place that reads the same at 360 px and at 1400. */
static char *
describe (const BeaconWcsRestStream *stream)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  gint64 width = stream->video_width > 0 ? stream->video_width : stream->width;
  gint64 height = stream->video_height > 0 ? stream->video_height : stream->height;
  const char *codec = codec_name (stream);
  char *bitrate;

  g_ptr_array_add (parts, g_strdup (stream->published == TRUE ? C_("server stream", "Publisher")
                                                              : C_("server stream", "Player")));
  if (codec != NULL)
    g_ptr_array_add (parts, g_strdup (codec));
  if (width > 0 && height > 0)
    /* Translators: a video resolution, width × height in pixels */
    g_ptr_array_add (parts, g_strdup_printf (_("%d×%d"), (int) width, (int) height));
  if ((bitrate = beacon_server_row_format_bitrate (stream->video_rate)) != NULL)
    g_ptr_array_add (parts, bitrate);
  if (stream->video_fps >= 0)
    /* Translators: frames per second */
    g_ptr_array_add (parts, g_strdup_printf (_("%.0f fps"), stream->video_fps));
  if (stream->create_date > 0)
    {
      gint64 age = g_get_real_time () / G_USEC_PER_SEC - stream->create_date / 1000;
      g_autofree char *ago = beacon_server_row_format_age (MAX (age, 0));

      /* Translators: %s is a time ago, such as “3 min ago” */
      g_ptr_array_add (parts, g_strdup_printf (_("started %s"), ago));
    }
  g_ptr_array_add (parts, NULL);
  /* Translators: the separator between a stream's figures */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

static void
update (BeaconServerRow *self)
{
  const BeaconWcsRestStream *stream = self->stream;
  gboolean publisher = stream->published == TRUE;
  const char *colour_class;
  const char *words = status_words (stream->status, &colour_class);
  g_autofree char *subtitle = describe (stream);
  g_autofree char *watch_label = NULL;
  g_autofree char *terminate_label = NULL;
  g_autoptr(GDateTime) created = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), stream->name ? stream->name : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  gtk_image_set_from_icon_name (self->kind_icon, publisher ? "camera-web-symbolic"
                                                           : "media-playback-start-symbolic");
  gtk_label_set_label (self->status_label, words);
  if (g_strcmp0 (self->colour_class, colour_class) != 0)
    {
      if (self->colour_class != NULL)
        gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), self->colour_class);
      if (colour_class != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (self->status_label), colour_class);
      self->colour_class = colour_class;
    }
  /* The server's reason (a failure, why it stopped) is one hover away. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label),
                               stream->info != NULL && *stream->info != '\0' ? stream->info : NULL);

  /* A player's stream is the publisher's: watching is offered on the publisher's row. */
  gtk_widget_set_visible (self->watch_button, publisher);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), publisher);
  /* Translators: %s is a stream name */
  watch_label = g_strdup_printf (_("Watch “%s” in the Play grid"), stream->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->watch_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, watch_label, -1);
  /* Translators: %s is a stream name */
  terminate_label = g_strdup_printf (_("Terminate “%s”…"), stream->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->terminate_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, terminate_label, -1);

  if (stream->create_date > 0 &&
      (created = g_date_time_new_from_unix_local (stream->create_date / 1000)) != NULL)
    {
      g_autofree char *when = g_date_time_format (created, "%c");
      /* Translators: %s is a date and time */
      g_autofree char *tooltip = g_strdup_printf (_("Started %s"), when);

      gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
    }
}

static void
watch_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  g_signal_emit (widget, signals[WATCH_REQUESTED], 0);
}

static void
terminate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  g_signal_emit (widget, signals[TERMINATE_REQUESTED], 0);
}

static void
on_activated (BeaconServerRow *self)
{
  if (beacon_server_row_get_is_publisher (self))
    g_signal_emit (self, signals[WATCH_REQUESTED], 0);
}

static void
beacon_server_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BEACON_TYPE_SERVER_ROW);

  G_OBJECT_CLASS (beacon_server_row_parent_class)->dispose (object);
}

static void
beacon_server_row_finalize (GObject *object)
{
  BeaconServerRow *self = BEACON_SERVER_ROW (object);

  g_clear_pointer (&self->stream, beacon_wcs_rest_stream_free);

  G_OBJECT_CLASS (beacon_server_row_parent_class)->finalize (object);
}

static void
beacon_server_row_class_init (BeaconServerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = beacon_server_row_dispose;
  object_class->finalize = beacon_server_row_finalize;

  /* "Watch" (the button or activating a publisher's row). */
  signals[WATCH_REQUESTED] =
    g_signal_new ("watch-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* "Terminate…": the page asks for confirmation. */
  signals[TERMINATE_REQUESTED] =
    g_signal_new ("terminate-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/beacon_wcs/Beacon/ui/beacon-server-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BeaconServerRow, kind_icon);
  gtk_widget_class_bind_template_child (widget_class, BeaconServerRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, BeaconServerRow, watch_button);
  gtk_widget_class_bind_template_child (widget_class, BeaconServerRow, terminate_button);

  gtk_widget_class_install_action (widget_class, "row.watch", NULL, watch_action);
  gtk_widget_class_install_action (widget_class, "row.terminate", NULL, terminate_action);
}

static void
beacon_server_row_init (BeaconServerRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "activated", G_CALLBACK (on_activated), NULL);
}

GtkWidget *
beacon_server_row_new (const BeaconWcsRestStream *stream)
{
  BeaconServerRow *self;

  g_return_val_if_fail (stream != NULL, NULL);

  self = g_object_new (BEACON_TYPE_SERVER_ROW, NULL);
  beacon_server_row_set_stream (self, stream);
  return GTK_WIDGET (self);
}

void
beacon_server_row_set_stream (BeaconServerRow           *self,
                              const BeaconWcsRestStream *stream)
{
  g_return_if_fail (BEACON_IS_SERVER_ROW (self));
  g_return_if_fail (stream != NULL);

  g_clear_pointer (&self->stream, beacon_wcs_rest_stream_free);
  self->stream = beacon_wcs_rest_stream_copy (stream);
  update (self);
}

const BeaconWcsRestStream *
beacon_server_row_get_stream (BeaconServerRow *self)
{
  g_return_val_if_fail (BEACON_IS_SERVER_ROW (self), NULL);

  return self->stream;
}

const char *
beacon_server_row_get_stream_name (BeaconServerRow *self)
{
  g_return_val_if_fail (BEACON_IS_SERVER_ROW (self), NULL);

  return self->stream != NULL ? self->stream->name : NULL;
}

gboolean
beacon_server_row_get_is_publisher (BeaconServerRow *self)
{
  g_return_val_if_fail (BEACON_IS_SERVER_ROW (self), FALSE);

  return self->stream != NULL && self->stream->published == TRUE;
}

GtkWidget *
beacon_server_row_get_watch_button (BeaconServerRow *self)
{
  g_return_val_if_fail (BEACON_IS_SERVER_ROW (self), NULL);

  return self->watch_button;
}

GtkWidget *
beacon_server_row_get_terminate_button (BeaconServerRow *self)
{
  g_return_val_if_fail (BEACON_IS_SERVER_ROW (self), NULL);

  return self->terminate_button;
}

char *
beacon_server_row_format_bitrate (gint64 bits_per_second)
{
  if (bits_per_second < 0)
    return NULL;
  if (bits_per_second >= 1000000)
    /* Translators: megabits per second */
    return g_strdup_printf (_("%.1f Mbit/s"), bits_per_second / 1e6);
  /* Translators: kilobits per second */
  return g_strdup_printf (_("%.0f kbit/s"), bits_per_second / 1e3);
}

char *
beacon_server_row_format_age (gint64 seconds)
{
  guint n;

  if (seconds < 5)
    return g_strdup (_("just now"));
  if (seconds < 60)
    {
      n = (guint) seconds;
      /* Translators: seconds ago */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u s ago", "%u s ago", n), n);
    }
  if (seconds < 3600)
    {
      n = (guint) (seconds / 60);
      /* Translators: minutes ago */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u min ago", "%u min ago", n), n);
    }
  if (seconds < 86400)
    {
      n = (guint) (seconds / 3600);
      /* Translators: hours ago */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u h ago", "%u h ago", n), n);
    }
  n = (guint) MIN (seconds / 86400, G_MAXUINT);
  /* Translators: days ago */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day ago", "%u days ago", n), n);
}
