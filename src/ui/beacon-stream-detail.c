/* beacon-stream-detail.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-stream-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "beacon-metric-chart.h"
#include "beacon-stream-detail.h"
#include "beacon-stream-tile.h"

struct _BeaconStreamDetail
{
  GtkWidget            parent_instance;

  /* Template children */
  GtkWidget           *box;
  GtkWidget           *back_button;
  GtkLabel            *title_label;
  GtkToggleButton     *minute_button;
  GtkToggleButton     *five_minutes_button;
  GtkPicture          *picture;
  GtkLabel            *status_badge;
  GtkLabel            *details_label;
  GtkWidget           *fps_chart;
  GtkWidget           *bitrate_chart;
  GtkWidget           *nack_chart;
  GtkWidget           *pli_chart;
  GtkWidget           *lost_chart;

  /* Owned */
  BeaconWatchedStream *stream;

  /* State */
  BeaconWatchedSpan    span;
  const char          *status_class;
};

G_DEFINE_FINAL_TYPE (BeaconStreamDetail, beacon_stream_detail, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STREAM,
  PROP_SPAN,
  N_PROPS
};

enum {
  CLOSE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_charts (BeaconStreamDetail *self)
{
  for (guint m = 0; m < BEACON_WATCHED_N_METRICS; m++)
    {
      BeaconMetricChart *chart = BEACON_METRIC_CHART (beacon_stream_detail_get_chart (self, m));
      BeaconWatchedStream *stream = self->stream;

      beacon_metric_chart_set_series (chart, stream == NULL ? NULL :
                                      beacon_watched_stream_get_series (stream, m,
                                                                        BEACON_WATCHED_SIDE_LOCAL,
                                                                        self->span));
      beacon_metric_chart_set_secondary_series (chart, stream == NULL ? NULL :
                                                beacon_watched_stream_get_series (stream, m,
                                                                                  BEACON_WATCHED_SIDE_SERVER,
                                                                                  self->span));
    }
}

static void
append_line (char       **text,
             const char  *line)
{
  char *joined;

  if (line == NULL || *line == '\0')
    return;
  joined = **text != '\0' ? g_strconcat (*text, "\n", line, NULL) : g_strdup (line);
  g_free (*text);
  *text = joined;
}

static void
update_state (BeaconStreamDetail *self)
{
  BeaconWatchedStream *stream = self->stream;
  g_autoptr(GPtrArray) parts = NULL;
  g_autofree char *line = NULL;
  g_autofree char *text = NULL;
  const char *wanted;
  const char *value;
  const char *info;
  const char *alert;
  int width, height;

  if (stream == NULL)
    return;

  /* The tile's badge, at a larger size: same words, same classes. */
  wanted = beacon_stream_tile_status_class (stream);
  gtk_label_set_label (self->status_badge, beacon_stream_tile_status_label (stream));
  if (self->status_class != NULL)
    {
      const char *colour = beacon_stream_tile_status_colour (self->status_class);

      gtk_widget_remove_css_class (GTK_WIDGET (self->status_badge), self->status_class);
      if (colour != NULL)
        gtk_widget_remove_css_class (GTK_WIDGET (self->status_badge), colour);
    }
  gtk_widget_add_css_class (GTK_WIDGET (self->status_badge), wanted);
  if (beacon_stream_tile_status_colour (wanted) != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_badge),
                              beacon_stream_tile_status_colour (wanted));
  self->status_class = wanted;

  /* One line of what a support ticket asks first, then the server's words, if any. */
  parts = g_ptr_array_new_with_free_func (g_free);
  if ((value = beacon_watched_stream_get_codec (stream)) != NULL)
    g_ptr_array_add (parts, g_strdup (value));
  width = beacon_watched_stream_get_width (stream);
  height = beacon_watched_stream_get_height (stream);
  if (width > 0 && height > 0)
    /* Translators: a video size in pixels, width × height */
    g_ptr_array_add (parts, g_strdup_printf (_("%d × %d"), width, height));
  if ((value = beacon_watched_stream_get_decoder_name (stream)) != NULL)
    /* Translators: %s is a GStreamer decoder's name, e.g. avdec_h264 */
    g_ptr_array_add (parts, g_strdup_printf (_("decoded by %s"), value));
  if ((value = beacon_watched_stream_get_sink_name (stream)) != NULL)
    /* Translators: %s is a GStreamer video sink's name */
    g_ptr_array_add (parts, g_strdup_printf (_("shown by %s"), value));
  g_ptr_array_add (parts, NULL);
  line = g_strjoinv (" · ", (char **) parts->pdata);

  text = g_strdup (line);
  info = beacon_watched_stream_get_info (stream);
  alert = beacon_watched_stream_get_alert (stream)
          ? beacon_watched_stream_get_alert_reason (stream) : NULL;
  append_line (&text, info);
  append_line (&text, alert);
  gtk_label_set_label (self->details_label, text);
}

static void
update_paintable (BeaconStreamDetail *self)
{
  gtk_picture_set_paintable (self->picture, self->stream != NULL
                                            ? beacon_watched_stream_get_paintable (self->stream)
                                            : NULL);
}

static void
on_span_toggled (BeaconStreamDetail *self)
{
  beacon_stream_detail_set_span (self, gtk_toggle_button_get_active (self->five_minutes_button)
                                       ? BEACON_WATCHED_SPAN_FIVE_MINUTES
                                       : BEACON_WATCHED_SPAN_MINUTE);
}

static void
detail_close_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  g_signal_emit (widget, signals[CLOSE_REQUESTED], 0);
}

static gboolean
beacon_stream_detail_grab_focus (GtkWidget *widget)
{
  BeaconStreamDetail *self = BEACON_STREAM_DETAIL (widget);

  /* Arriving from the grid, the way back is the first thing in reach (and Escape works). */
  return gtk_widget_grab_focus (self->back_button);
}

static void
beacon_stream_detail_dispose (GObject *object)
{
  BeaconStreamDetail *self = BEACON_STREAM_DETAIL (object);

  beacon_stream_detail_set_stream (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BEACON_TYPE_STREAM_DETAIL);

  G_OBJECT_CLASS (beacon_stream_detail_parent_class)->dispose (object);
}

static void
beacon_stream_detail_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  BeaconStreamDetail *self = BEACON_STREAM_DETAIL (object);

  switch (prop_id)
    {
    case PROP_STREAM:
      g_value_set_object (value, beacon_stream_detail_get_stream (self));
      break;
    case PROP_SPAN:
      g_value_set_uint (value, beacon_stream_detail_get_span (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_stream_detail_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  BeaconStreamDetail *self = BEACON_STREAM_DETAIL (object);

  switch (prop_id)
    {
    case PROP_STREAM:
      beacon_stream_detail_set_stream (self, g_value_get_object (value));
      break;
    case PROP_SPAN:
      beacon_stream_detail_set_span (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_stream_detail_class_init (BeaconStreamDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = beacon_stream_detail_dispose;
  object_class->get_property = beacon_stream_detail_get_property;
  object_class->set_property = beacon_stream_detail_set_property;
  widget_class->grab_focus = beacon_stream_detail_grab_focus;

  properties[PROP_STREAM] =
    g_param_spec_object ("stream", NULL, NULL, BEACON_TYPE_WATCHED_STREAM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A BeaconWatchedSpan (no GType: it never reaches GSettings). */
  properties[PROP_SPAN] =
    g_param_spec_uint ("span", NULL, NULL,
                       BEACON_WATCHED_SPAN_MINUTE, BEACON_WATCHED_SPAN_FIVE_MINUTES,
                       BEACON_WATCHED_SPAN_MINUTE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The back button or Escape: the owner goes back to the grid. */
  signals[CLOSE_REQUESTED] =
    g_signal_new ("close-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (BEACON_TYPE_METRIC_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/beacon_wcs/Beacon/ui/beacon-stream-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, BeaconStreamDetail, box);
  gtk_widget_class_bind_template_child (widget_class, BeaconStreamDetail, back_button);
  gtk_widget_class_bind_template_child (widget_class, BeaconStreamDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, BeaconStreamDetail, minute_button);
  gtk_widget_class_bind_template_child (widget_class, BeaconStreamDetail, five_minutes_button);
  gtk_widget_class_bind_template_child (widget_class, BeaconStreamDetail, picture);
  gtk_widget_class_bind_template_child (widget_class, BeaconStreamDetail, status_badge);
  gtk_widget_class_bind_template_child (widget_class, BeaconStreamDetail, details_label);
  gtk_widget_class_bind_template_child (widget_class, BeaconStreamDetail, fps_chart);
  gtk_widget_class_bind_template_child (widget_class, BeaconStreamDetail, bitrate_chart);
  gtk_widget_class_bind_template_child (widget_class, BeaconStreamDetail, nack_chart);
  gtk_widget_class_bind_template_child (widget_class, BeaconStreamDetail, pli_chart);
  gtk_widget_class_bind_template_child (widget_class, BeaconStreamDetail, lost_chart);

  gtk_widget_class_install_action (widget_class, "detail.close", NULL, detail_close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "detail.close", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "streamdetail");
}

static void
beacon_stream_detail_init (BeaconStreamDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->span = BEACON_WATCHED_SPAN_MINUTE;
  g_signal_connect_object (self->five_minutes_button, "toggled", G_CALLBACK (on_span_toggled),
                           self, G_CONNECT_SWAPPED);
}

GtkWidget *
beacon_stream_detail_new (void)
{
  return g_object_new (BEACON_TYPE_STREAM_DETAIL, NULL);
}

BeaconWatchedStream *
beacon_stream_detail_get_stream (BeaconStreamDetail *self)
{
  g_return_val_if_fail (BEACON_IS_STREAM_DETAIL (self), NULL);

  return self->stream;
}

void
beacon_stream_detail_set_stream (BeaconStreamDetail  *self,
                                 BeaconWatchedStream *stream)
{
  static const char * const props[] = {
    "notify::status", "notify::connected", "notify::active", "notify::info",
    "notify::quality", "notify::alert", "notify::codec", "notify::width",
    "notify::height", "notify::decoder-name", "notify::sink-name",
  };

  g_return_if_fail (BEACON_IS_STREAM_DETAIL (self));
  g_return_if_fail (stream == NULL || BEACON_IS_WATCHED_STREAM (stream));

  if (self->stream == stream)
    return;

  if (self->stream != NULL)
    g_signal_handlers_disconnect_by_data (self->stream, self);
  g_set_object (&self->stream, stream);

  if (stream != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (props); i++)
        g_signal_connect_object (stream, props[i], G_CALLBACK (update_state), self,
                                 G_CONNECT_SWAPPED);
      g_signal_connect_object (stream, "notify::paintable", G_CALLBACK (update_paintable),
                               self, G_CONNECT_SWAPPED);
      gtk_label_set_label (self->title_label, beacon_watched_stream_get_name (stream));
      update_state (self);
    }

  /* dispose passes here with the template's children still alive */
  if (self->picture != NULL)
    {
      update_paintable (self);
      update_charts (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STREAM]);
}

BeaconWatchedSpan
beacon_stream_detail_get_span (BeaconStreamDetail *self)
{
  g_return_val_if_fail (BEACON_IS_STREAM_DETAIL (self), BEACON_WATCHED_SPAN_MINUTE);

  return self->span;
}

void
beacon_stream_detail_set_span (BeaconStreamDetail *self,
                               BeaconWatchedSpan   span)
{
  g_return_if_fail (BEACON_IS_STREAM_DETAIL (self));
  g_return_if_fail (span <= BEACON_WATCHED_SPAN_FIVE_MINUTES);

  if (self->span == span)
    return;
  self->span = span;
  gtk_toggle_button_set_active (span == BEACON_WATCHED_SPAN_FIVE_MINUTES
                                ? self->five_minutes_button : self->minute_button, TRUE);
  update_charts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPAN]);
}

GtkWidget *
beacon_stream_detail_get_chart (BeaconStreamDetail  *self,
                                BeaconWatchedMetric  metric)
{
  g_return_val_if_fail (BEACON_IS_STREAM_DETAIL (self), NULL);

  switch (metric)
    {
    case BEACON_WATCHED_METRIC_FPS:     return self->fps_chart;
    case BEACON_WATCHED_METRIC_BITRATE: return self->bitrate_chart;
    case BEACON_WATCHED_METRIC_NACK:    return self->nack_chart;
    case BEACON_WATCHED_METRIC_PLI:     return self->pli_chart;
    case BEACON_WATCHED_METRIC_LOST:    return self->lost_chart;
    default:
      g_return_val_if_reached (NULL);
    }
}
