/* beacon-stream-tile.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-stream-tile"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "beacon-metric-chart.h"
#include "beacon-stream-tile-private.h"

/* GtkFlowBox lays out at its children's natural width, and a picture's natural width is
 * its video's (1280 px and more): the tile asks for this much instead, so tiles reflow. The
 * minimum keeps one column at 360 px; with flowboxchild's padding it gives three columns at
 * 1024 px and five at 1600. */
#define TILE_MIN_WIDTH     280
#define TILE_NATURAL_WIDTH 280

G_DEFINE_FINAL_TYPE (BeaconStreamTile, beacon_stream_tile, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STREAM,
  N_PROPS
};

enum {
  DETAILS_REQUESTED,
  REMOVE_REQUESTED,
  MOVE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Our badge classes, each with the libadwaita colour class that carries its colour when
 * style.css says nothing more specific. */
static const struct
{
  const char *status_class;
  const char *colour_class;
} badge_colours[] = {
  { "status-playing", "success" },
  { "status-bad", "warning" },
  { "status-failed", "error" },
  { "status-stopped", "error" },
  { "status-pending", NULL },
  { "status-disconnected", NULL },
};

static void
swap_class (GtkWidget   *widget,
            const char **current,
            const char  *wanted,
            const char  *old_extra,
            const char  *new_extra)
{
  if (*current != NULL)
    gtk_widget_remove_css_class (widget, *current);
  if (old_extra != NULL)
    gtk_widget_remove_css_class (widget, old_extra);
  *current = wanted;
  gtk_widget_add_css_class (widget, wanted);
  if (new_extra != NULL)
    gtk_widget_add_css_class (widget, new_extra);
}

static const char *
quality_label (BeaconChannelQuality quality)
{
  switch (quality)
    {
    case BEACON_CHANNEL_QUALITY_PERFECT:
      return C_("channel quality", "Perfect");
    case BEACON_CHANNEL_QUALITY_GOOD:
      return C_("channel quality", "Good");
    case BEACON_CHANNEL_QUALITY_BAD:
      return C_("channel quality", "Bad");
    case BEACON_CHANNEL_QUALITY_UNKNOWN:
    default:
      return C_("channel quality", "Unknown");
    }
}

/* style.css's quality pill, shared with the Publish page: "quality" plus one of these. */
static const char *
quality_class (BeaconChannelQuality quality)
{
  switch (quality)
    {
    case BEACON_CHANNEL_QUALITY_PERFECT:
      return "perfect";
    case BEACON_CHANNEL_QUALITY_GOOD:
      return "good";
    case BEACON_CHANNEL_QUALITY_BAD:
      return "bad";
    case BEACON_CHANNEL_QUALITY_UNKNOWN:
    default:
      return "unknown";
    }
}

static void
update_status (BeaconStreamTile *self)
{
  BeaconWatchedStream *stream = self->stream;
  const char *old_colour = beacon_stream_tile_status_colour (self->status_class);
  const char *wanted = beacon_stream_tile_status_class (stream);
  const char *label = beacon_stream_tile_status_label (stream);
  const char *info = beacon_watched_stream_get_info (stream);
  BeaconChannelQuality quality = beacon_watched_stream_get_quality (stream);
  const char *wanted_quality = quality_class (quality);
  gboolean playing = beacon_watched_stream_get_status (stream) == BEACON_WCS_STREAM_STATUS_PLAYING;
  g_autofree char *accessible = NULL;

  gtk_label_set_label (self->status_badge, label);
  swap_class (GTK_WIDGET (self->status_badge), &self->status_class, wanted,
              old_colour, beacon_stream_tile_status_colour (wanted));

  gtk_label_set_label (self->quality_label, quality_label (quality));
  swap_class (GTK_WIDGET (self->quality_label), &self->quality_class, wanted_quality,
              NULL, NULL);

  /* Without frames the picture is blank: say why where the video would be. */
  gtk_label_set_label (self->placeholder_label, info != NULL && *info != '\0' ? info : label);
  gtk_widget_set_visible (GTK_WIDGET (self->placeholder_label), !playing);

  gtk_widget_set_visible (self->alert_badge, beacon_watched_stream_get_alert (stream));
  gtk_widget_set_tooltip_text (self->alert_badge, beacon_watched_stream_get_alert_reason (stream));

  if (beacon_watched_stream_get_alert (stream))
    /* Translators: a tile's accessible label: stream name, its status, its channel quality
     * and why it needs attention */
    accessible = g_strdup_printf (_("Stream “%s”: %s, quality %s. %s"),
                                  beacon_watched_stream_get_name (stream), label,
                                  quality_label (quality),
                                  beacon_watched_stream_get_alert_reason (stream));
  else
    /* Translators: a tile's accessible label: stream name, its status, its channel quality */
    accessible = g_strdup_printf (_("Stream “%s”: %s, quality %s"),
                                  beacon_watched_stream_get_name (stream), label,
                                  quality_label (quality));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
update_details (BeaconStreamTile *self)
{
  BeaconWatchedStream *stream = self->stream;
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  int width = beacon_watched_stream_get_width (stream);
  int height = beacon_watched_stream_get_height (stream);

  if (beacon_watched_stream_get_codec (stream) != NULL)
    g_ptr_array_add (parts, g_strdup (beacon_watched_stream_get_codec (stream)));
  if (width > 0 && height > 0)
    /* Translators: a video size in pixels, width × height */
    g_ptr_array_add (parts, g_strdup_printf (_("%d × %d"), width, height));
  if (beacon_watched_stream_get_decoder_name (stream) != NULL)
    g_ptr_array_add (parts, g_strdup (beacon_watched_stream_get_decoder_name (stream)));
  g_ptr_array_add (parts, NULL);

  text = g_strjoinv (" · ", (char **) parts->pdata);
  gtk_label_set_label (self->details_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->details_label),
                               *text != '\0' ? text : NULL);
  g_ptr_array_unref (parts);
}

static void
update_figures (BeaconStreamTile *self)
{
  double fps = beacon_watched_stream_get_fps (self->stream);
  double bitrate = beacon_watched_stream_get_bitrate (self->stream);
  g_autofree char *fps_text = NULL;
  g_autofree char *bitrate_text = NULL;

  /* Translators: a frame rate, frames per second */
  fps_text = isfinite (fps) ? g_strdup_printf (_("%.0f fps"), fps) : g_strdup ("");
  /* Translators: a bitrate, kilobits per second */
  bitrate_text = isfinite (bitrate) ? g_strdup_printf (_("%.0f kbit/s"), bitrate) : g_strdup ("");
  gtk_label_set_label (self->fps_label, fps_text);
  gtk_label_set_label (self->bitrate_label, bitrate_text);
}

static void
set_sparkline (GtkWidget           *chart,
               BeaconWatchedStream *stream,
               BeaconWatchedMetric  metric)
{
  /* The server's line under ours: where they part, the network lost something. */
  beacon_metric_chart_set_series (BEACON_METRIC_CHART (chart),
                                  stream == NULL ? NULL :
                                  beacon_watched_stream_get_series (stream, metric,
                                                                    BEACON_WATCHED_SIDE_LOCAL,
                                                                    BEACON_WATCHED_SPAN_MINUTE));
  beacon_metric_chart_set_secondary_series (BEACON_METRIC_CHART (chart),
                                            stream == NULL ? NULL :
                                            beacon_watched_stream_get_series (stream, metric,
                                                                              BEACON_WATCHED_SIDE_SERVER,
                                                                              BEACON_WATCHED_SPAN_MINUTE));
}

/* Whether the picture shows the sink's frames: a stream that ended keeps its last frame
 * in the paintable, and a still picture must not pass for live video. */
static gboolean
shows_video (BeaconWatchedStream *stream)
{
  switch (beacon_watched_stream_get_status (stream))
    {
    case BEACON_WCS_STREAM_STATUS_PLAYING:
    case BEACON_WCS_STREAM_STATUS_PAUSED:
    case BEACON_WCS_STREAM_STATUS_PLAYBACK_PROBLEM:
      return beacon_watched_stream_get_connected (stream);
    case BEACON_WCS_STREAM_STATUS_NEW:
    case BEACON_WCS_STREAM_STATUS_PENDING:
    case BEACON_WCS_STREAM_STATUS_PUBLISHING:
    case BEACON_WCS_STREAM_STATUS_UNPUBLISHED:
    case BEACON_WCS_STREAM_STATUS_STOPPED:
    case BEACON_WCS_STREAM_STATUS_FAILED:
    default:
      return FALSE;
    }
}

static void
update_paintable (BeaconStreamTile *self)
{
  GdkPaintable *paintable = NULL;

  if (self->stream != NULL && shows_video (self->stream))
    paintable = beacon_watched_stream_get_paintable (self->stream);
  if (gtk_picture_get_paintable (self->picture) != paintable)
    gtk_picture_set_paintable (self->picture, paintable);
}

static void
update_actions (BeaconStreamTile *self)
{
  BeaconWatchedStream *stream = self->stream;
  gboolean has_stream = stream != NULL;
  gboolean active = has_stream && beacon_watched_stream_get_active (stream);
  gboolean playing = has_stream &&
                     beacon_watched_stream_get_status (stream) == BEACON_WCS_STREAM_STATUS_PLAYING;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tile.stop", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tile.restart",
                                 has_stream && beacon_watched_stream_get_connected (stream));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tile.snapshot", playing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tile.fullscreen",
                                 has_stream && beacon_watched_stream_get_paintable (stream));
}

static void
on_stream_state_changed (BeaconStreamTile *self)
{
  update_status (self);
  update_paintable (self);
  update_actions (self);
}

static void
beacon_stream_tile_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  BeaconStreamTile *self = BEACON_STREAM_TILE (widget);

  gtk_widget_measure (self->card, orientation, for_size, minimum, natural, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MAX (*minimum, TILE_MIN_WIDTH);
      *natural = MAX (*minimum, TILE_NATURAL_WIDTH);
    }
}

static GtkSizeRequestMode
beacon_stream_tile_get_request_mode (GtkWidget *widget)
{
  /* The picture's height follows the width the flow box hands out. */
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
beacon_stream_tile_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  BeaconStreamTile *self = BEACON_STREAM_TILE (widget);

  gtk_widget_allocate (self->card, width, height, baseline, NULL);
}

static void
beacon_stream_tile_dispose (GObject *object)
{
  BeaconStreamTile *self = BEACON_STREAM_TILE (object);

  g_cancellable_cancel (self->cancellable);
  _beacon_stream_tile_close_fullscreen (self);
  beacon_stream_tile_set_stream (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BEACON_TYPE_STREAM_TILE);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (beacon_stream_tile_parent_class)->dispose (object);
}

static void
beacon_stream_tile_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BeaconStreamTile *self = BEACON_STREAM_TILE (object);

  switch (prop_id)
    {
    case PROP_STREAM:
      g_value_set_object (value, beacon_stream_tile_get_stream (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_stream_tile_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BeaconStreamTile *self = BEACON_STREAM_TILE (object);

  switch (prop_id)
    {
    case PROP_STREAM:
      beacon_stream_tile_set_stream (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_stream_tile_class_init (BeaconStreamTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = beacon_stream_tile_dispose;
  object_class->get_property = beacon_stream_tile_get_property;
  object_class->set_property = beacon_stream_tile_set_property;
  widget_class->get_request_mode = beacon_stream_tile_get_request_mode;
  widget_class->measure = beacon_stream_tile_measure;
  widget_class->size_allocate = beacon_stream_tile_size_allocate;

  properties[PROP_STREAM] =
    g_param_spec_object ("stream", NULL, NULL, BEACON_TYPE_WATCHED_STREAM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The operator asked for the stream's charts (Enter, a click, or the menu). */
  signals[DETAILS_REQUESTED] =
    g_signal_new ("details-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The operator asked to take the stream out of the grid. */
  signals[REMOVE_REQUESTED] =
    g_signal_new ("remove-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The operator asked to move the tile @delta places (-1 left, +1 right). */
  signals[MOVE_REQUESTED] =
    g_signal_new ("move-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  g_type_ensure (BEACON_TYPE_METRIC_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/beacon_wcs/Beacon/ui/beacon-stream-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, BeaconStreamTile, card);
  gtk_widget_class_bind_template_child (widget_class, BeaconStreamTile, picture);
  gtk_widget_class_bind_template_child (widget_class, BeaconStreamTile, placeholder_label);
  gtk_widget_class_bind_template_child (widget_class, BeaconStreamTile, status_badge);
  gtk_widget_class_bind_template_child (widget_class, BeaconStreamTile, alert_badge);
  gtk_widget_class_bind_template_child (widget_class, BeaconStreamTile, menu_button);
  gtk_widget_class_bind_template_child (widget_class, BeaconStreamTile, name_label);
  gtk_widget_class_bind_template_child (widget_class, BeaconStreamTile, quality_label);
  gtk_widget_class_bind_template_child (widget_class, BeaconStreamTile, details_label);
  gtk_widget_class_bind_template_child (widget_class, BeaconStreamTile, fps_label);
  gtk_widget_class_bind_template_child (widget_class, BeaconStreamTile, fps_sparkline);
  gtk_widget_class_bind_template_child (widget_class, BeaconStreamTile, bitrate_label);
  gtk_widget_class_bind_template_child (widget_class, BeaconStreamTile, bitrate_sparkline);

  _beacon_stream_tile_class_init_actions (widget_class);

  gtk_widget_class_set_css_name (widget_class, "streamtile");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
beacon_stream_tile_init (BeaconStreamTile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  update_actions (self);
}

GtkWidget *
beacon_stream_tile_new (BeaconWatchedStream *stream)
{
  g_return_val_if_fail (stream == NULL || BEACON_IS_WATCHED_STREAM (stream), NULL);

  return g_object_new (BEACON_TYPE_STREAM_TILE, "stream", stream, NULL);
}

BeaconWatchedStream *
beacon_stream_tile_get_stream (BeaconStreamTile *self)
{
  g_return_val_if_fail (BEACON_IS_STREAM_TILE (self), NULL);

  return self->stream;
}

void
beacon_stream_tile_set_stream (BeaconStreamTile    *self,
                               BeaconWatchedStream *stream)
{
  static const char * const state_props[] = {
    "notify::status", "notify::connected", "notify::active", "notify::info",
    "notify::quality", "notify::alert", "notify::alert-reason",
  };
  static const char * const detail_props[] = {
    "notify::codec", "notify::width", "notify::height", "notify::decoder-name",
  };

  g_return_if_fail (BEACON_IS_STREAM_TILE (self));
  g_return_if_fail (stream == NULL || BEACON_IS_WATCHED_STREAM (stream));

  if (self->stream == stream)
    return;

  if (self->stream != NULL)
    g_signal_handlers_disconnect_by_data (self->stream, self);
  g_set_object (&self->stream, stream);

  if (stream != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (state_props); i++)
        g_signal_connect_object (stream, state_props[i], G_CALLBACK (on_stream_state_changed),
                                 self, G_CONNECT_SWAPPED);
      for (guint i = 0; i < G_N_ELEMENTS (detail_props); i++)
        g_signal_connect_object (stream, detail_props[i], G_CALLBACK (update_details),
                                 self, G_CONNECT_SWAPPED);
      g_signal_connect_object (stream, "notify::fps", G_CALLBACK (update_figures),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (stream, "notify::bitrate", G_CALLBACK (update_figures),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (stream, "notify::paintable", G_CALLBACK (update_paintable),
                               self, G_CONNECT_SWAPPED);

      gtk_label_set_label (self->name_label, beacon_watched_stream_get_name (stream));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_label),
                                   beacon_watched_stream_get_name (stream));
      update_status (self);
      update_details (self);
      update_figures (self);
    }

  /* dispose passes here after the template's children are gone */
  if (self->fps_sparkline != NULL)
    {
      set_sparkline (self->fps_sparkline, stream, BEACON_WATCHED_METRIC_FPS);
      set_sparkline (self->bitrate_sparkline, stream, BEACON_WATCHED_METRIC_BITRATE);
    }

  update_paintable (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STREAM]);
}

void
beacon_stream_tile_popup_menu (BeaconStreamTile *self)
{
  g_return_if_fail (BEACON_IS_STREAM_TILE (self));

  gtk_menu_button_popup (self->menu_button);
}

const char *
beacon_stream_tile_status_label (BeaconWatchedStream *stream)
{
  g_return_val_if_fail (BEACON_IS_WATCHED_STREAM (stream), NULL);

  if (!beacon_watched_stream_get_connected (stream))
    return _("Disconnected");

  switch (beacon_watched_stream_get_status (stream))
    {
    case BEACON_WCS_STREAM_STATUS_NEW:
      return beacon_watched_stream_get_active (stream) ? _("Starting") : _("Stopped");
    case BEACON_WCS_STREAM_STATUS_PENDING:
      return C_("stream status", "Pending");
    case BEACON_WCS_STREAM_STATUS_PUBLISHING:
      return C_("stream status", "Publishing");
    case BEACON_WCS_STREAM_STATUS_PLAYING:
      return C_("stream status", "Playing");
    case BEACON_WCS_STREAM_STATUS_PAUSED:
      return C_("stream status", "Paused");
    case BEACON_WCS_STREAM_STATUS_PLAYBACK_PROBLEM:
      return C_("stream status", "Playback Problem");
    case BEACON_WCS_STREAM_STATUS_UNPUBLISHED:
      return C_("stream status", "Unpublished");
    case BEACON_WCS_STREAM_STATUS_STOPPED:
      return C_("stream status", "Stopped");
    case BEACON_WCS_STREAM_STATUS_FAILED:
      return C_("stream status", "Failed");
    default:
      g_assert_not_reached ();
    }
}

const char *
beacon_stream_tile_status_class (BeaconWatchedStream *stream)
{
  g_return_val_if_fail (BEACON_IS_WATCHED_STREAM (stream), NULL);

  if (!beacon_watched_stream_get_connected (stream))
    return "status-disconnected";

  switch (beacon_watched_stream_get_status (stream))
    {
    case BEACON_WCS_STREAM_STATUS_PLAYING:
    case BEACON_WCS_STREAM_STATUS_PUBLISHING:
      /* Media flows, but the WebSDK's meter says much of it is lost on the way. */
      if (beacon_watched_stream_get_quality (stream) == BEACON_CHANNEL_QUALITY_BAD)
        return "status-bad";
      return "status-playing";
    case BEACON_WCS_STREAM_STATUS_PLAYBACK_PROBLEM:
      return "status-bad";
    case BEACON_WCS_STREAM_STATUS_FAILED:
      return "status-failed";
    case BEACON_WCS_STREAM_STATUS_STOPPED:
    case BEACON_WCS_STREAM_STATUS_UNPUBLISHED:
      return "status-stopped";
    case BEACON_WCS_STREAM_STATUS_NEW:
      return beacon_watched_stream_get_active (stream) ? "status-pending" : "status-stopped";
    case BEACON_WCS_STREAM_STATUS_PENDING:
    case BEACON_WCS_STREAM_STATUS_PAUSED:
      return "status-pending";
    default:
      g_assert_not_reached ();
    }
}

const char *
beacon_stream_tile_status_colour (const char *status_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (badge_colours); i++)
    if (g_strcmp0 (badge_colours[i].status_class, status_class) == 0)
      return badge_colours[i].colour_class;
  return NULL;
}

GtkWidget *
beacon_stream_tile_get_status_badge (BeaconStreamTile *self)
{
  g_return_val_if_fail (BEACON_IS_STREAM_TILE (self), NULL);

  return GTK_WIDGET (self->status_badge);
}

GtkWidget *
beacon_stream_tile_get_quality_indicator (BeaconStreamTile *self)
{
  g_return_val_if_fail (BEACON_IS_STREAM_TILE (self), NULL);

  return GTK_WIDGET (self->quality_label);
}

GtkWidget *
beacon_stream_tile_get_alert_badge (BeaconStreamTile *self)
{
  g_return_val_if_fail (BEACON_IS_STREAM_TILE (self), NULL);

  return self->alert_badge;
}
