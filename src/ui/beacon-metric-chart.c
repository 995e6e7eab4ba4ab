/* beacon-metric-chart.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-metric-chart"

#include "config.h"

#include "beacon-metric-chart-private.h"

G_DEFINE_FINAL_TYPE (BeaconMetricChart, beacon_metric_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SERIES,
  PROP_SECONDARY_SERIES,
  PROP_TITLE,
  PROP_UNIT,
  PROP_COMPACT,
  PROP_SERIES_LABEL,
  PROP_SECONDARY_SERIES_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


static void
on_series_changed_cb (BeaconMetricChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  _beacon_metric_chart_update_accessible_label (self);
}

static void
beacon_metric_chart_dispose (GObject *object)
{
  BeaconMetricChart *self = BEACON_METRIC_CHART (object);

  if (self->series_signals != NULL)
    g_signal_group_set_target (self->series_signals, NULL);
  if (self->secondary_signals != NULL)
    g_signal_group_set_target (self->secondary_signals, NULL);
  g_clear_object (&self->series_signals);
  g_clear_object (&self->secondary_signals);
  g_clear_object (&self->series);
  g_clear_object (&self->secondary_series);

  G_OBJECT_CLASS (beacon_metric_chart_parent_class)->dispose (object);
}

static void
beacon_metric_chart_finalize (GObject *object)
{
  BeaconMetricChart *self = BEACON_METRIC_CHART (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->series_label, g_free);
  g_clear_pointer (&self->secondary_label, g_free);

  G_OBJECT_CLASS (beacon_metric_chart_parent_class)->finalize (object);
}

static void
beacon_metric_chart_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BeaconMetricChart *self = BEACON_METRIC_CHART (object);

  switch (prop_id)
    {
    case PROP_SERIES:
      g_value_set_object (value, beacon_metric_chart_get_series (self));
      break;

    case PROP_SECONDARY_SERIES:
      g_value_set_object (value, beacon_metric_chart_get_secondary_series (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, beacon_metric_chart_get_title (self));
      break;

    case PROP_UNIT:
      g_value_set_string (value, beacon_metric_chart_get_unit (self));
      break;

    case PROP_COMPACT:
      g_value_set_boolean (value, beacon_metric_chart_get_compact (self));
      break;

    case PROP_SERIES_LABEL:
      g_value_set_string (value, beacon_metric_chart_get_series_label (self));
      break;

    case PROP_SECONDARY_SERIES_LABEL:
      g_value_set_string (value, beacon_metric_chart_get_secondary_series_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_metric_chart_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BeaconMetricChart *self = BEACON_METRIC_CHART (object);

  switch (prop_id)
    {
    case PROP_SERIES:
      beacon_metric_chart_set_series (self, g_value_get_object (value));
      break;

    case PROP_SECONDARY_SERIES:
      beacon_metric_chart_set_secondary_series (self, g_value_get_object (value));
      break;

    case PROP_TITLE:
      beacon_metric_chart_set_title (self, g_value_get_string (value));
      break;

    case PROP_UNIT:
      beacon_metric_chart_set_unit (self, g_value_get_string (value));
      break;

    case PROP_COMPACT:
      beacon_metric_chart_set_compact (self, g_value_get_boolean (value));
      break;

    case PROP_SERIES_LABEL:
      beacon_metric_chart_set_series_label (self, g_value_get_string (value));
      break;

    case PROP_SECONDARY_SERIES_LABEL:
      beacon_metric_chart_set_secondary_series_label (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_metric_chart_class_init (BeaconMetricChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = beacon_metric_chart_dispose;
  object_class->finalize = beacon_metric_chart_finalize;
  object_class->get_property = beacon_metric_chart_get_property;
  object_class->set_property = beacon_metric_chart_set_property;

  widget_class->snapshot = _beacon_metric_chart_snapshot;
  widget_class->measure = _beacon_metric_chart_measure;

  properties[PROP_SERIES] =
    g_param_spec_object ("series", NULL, NULL,
                         BEACON_TYPE_METRIC_SERIES,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));
  /* A second figure for the same quantity (the server's), drawn in a second colour. */
  properties[PROP_SECONDARY_SERIES] =
    g_param_spec_object ("secondary-series", NULL, NULL,
                         BEACON_TYPE_METRIC_SERIES,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));
  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));
  /* A sparkline for grid tiles: the lines only, no text, grid or legend. */
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));
  /* Legend texts; NULL means "Local" and "Server". */
  properties[PROP_SERIES_LABEL] =
    g_param_spec_string ("series-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));
  properties[PROP_SECONDARY_SERIES_LABEL] =
    g_param_spec_string ("secondary-series-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "metricchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
beacon_metric_chart_init (BeaconMetricChart *self)
{
  self->series_signals = g_signal_group_new (BEACON_TYPE_METRIC_SERIES);
  g_signal_group_connect_object (self->series_signals, "changed",
                                 G_CALLBACK (on_series_changed_cb), self,
                                 G_CONNECT_SWAPPED);

  self->secondary_signals = g_signal_group_new (BEACON_TYPE_METRIC_SERIES);
  g_signal_group_connect_object (self->secondary_signals, "changed",
                                 G_CALLBACK (on_series_changed_cb), self,
                                 G_CONNECT_SWAPPED);

  _beacon_metric_chart_update_accessible_label (self);
}

GtkWidget *
beacon_metric_chart_new (void)
{
  return g_object_new (BEACON_TYPE_METRIC_CHART, NULL);
}

BeaconMetricSeries *
beacon_metric_chart_get_series (BeaconMetricChart *self)
{
  g_return_val_if_fail (BEACON_IS_METRIC_CHART (self), NULL);

  return self->series;
}

void
beacon_metric_chart_set_series (BeaconMetricChart  *self,
                                BeaconMetricSeries *series)
{
  g_return_if_fail (BEACON_IS_METRIC_CHART (self));
  g_return_if_fail (series == NULL || BEACON_IS_METRIC_SERIES (series));

  if (!g_set_object (&self->series, series))
    return;

  g_signal_group_set_target (self->series_signals, series);
  on_series_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERIES]);
}

BeaconMetricSeries *
beacon_metric_chart_get_secondary_series (BeaconMetricChart *self)
{
  g_return_val_if_fail (BEACON_IS_METRIC_CHART (self), NULL);

  return self->secondary_series;
}

void
beacon_metric_chart_set_secondary_series (BeaconMetricChart  *self,
                                          BeaconMetricSeries *series)
{
  gboolean had_secondary;

  g_return_if_fail (BEACON_IS_METRIC_CHART (self));
  g_return_if_fail (series == NULL || BEACON_IS_METRIC_SERIES (series));

  had_secondary = self->secondary_series != NULL;
  if (!g_set_object (&self->secondary_series, series))
    return;

  g_signal_group_set_target (self->secondary_signals, series);

  /* The legend row comes and goes with the second line. */
  if (had_secondary != (series != NULL))
    gtk_widget_queue_resize (GTK_WIDGET (self));

  on_series_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECONDARY_SERIES]);
}

const char *
beacon_metric_chart_get_title (BeaconMetricChart *self)
{
  g_return_val_if_fail (BEACON_IS_METRIC_CHART (self), NULL);

  return self->title;
}

void
beacon_metric_chart_set_title (BeaconMetricChart *self,
                               const char        *title)
{
  g_return_if_fail (BEACON_IS_METRIC_CHART (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);

  on_series_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
beacon_metric_chart_get_unit (BeaconMetricChart *self)
{
  g_return_val_if_fail (BEACON_IS_METRIC_CHART (self), NULL);

  return self->unit;
}

void
beacon_metric_chart_set_unit (BeaconMetricChart *self,
                              const char        *unit)
{
  g_return_if_fail (BEACON_IS_METRIC_CHART (self));

  if (g_strcmp0 (self->unit, unit) == 0)
    return;

  g_free (self->unit);
  self->unit = g_strdup (unit);

  on_series_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

gboolean
beacon_metric_chart_get_compact (BeaconMetricChart *self)
{
  g_return_val_if_fail (BEACON_IS_METRIC_CHART (self), FALSE);

  return self->compact;
}

void
beacon_metric_chart_set_compact (BeaconMetricChart *self,
                                 gboolean           compact)
{
  g_return_if_fail (BEACON_IS_METRIC_CHART (self));

  compact = !!compact;
  if (self->compact == compact)
    return;

  self->compact = compact;

  /* Lets style.css give tiles' sparklines their own look. */
  if (compact)
    gtk_widget_add_css_class (GTK_WIDGET (self), "compact");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "compact");

  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}

const char *
beacon_metric_chart_get_series_label (BeaconMetricChart *self)
{
  g_return_val_if_fail (BEACON_IS_METRIC_CHART (self), NULL);

  return self->series_label;
}

void
beacon_metric_chart_set_series_label (BeaconMetricChart *self,
                                      const char        *label)
{
  g_return_if_fail (BEACON_IS_METRIC_CHART (self));

  if (g_strcmp0 (self->series_label, label) == 0)
    return;

  g_free (self->series_label);
  self->series_label = g_strdup (label);

  on_series_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERIES_LABEL]);
}

const char *
beacon_metric_chart_get_secondary_series_label (BeaconMetricChart *self)
{
  g_return_val_if_fail (BEACON_IS_METRIC_CHART (self), NULL);

  return self->secondary_label;
}

void
beacon_metric_chart_set_secondary_series_label (BeaconMetricChart *self,
                                                const char        *label)
{
  g_return_if_fail (BEACON_IS_METRIC_CHART (self));

  if (g_strcmp0 (self->secondary_label, label) == 0)
    return;

  g_free (self->secondary_label);
  self->secondary_label = g_strdup (label);

  on_series_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECONDARY_SERIES_LABEL]);
}

/**
 * beacon_metric_chart_get_plot_bounds:
 * @bounds: (out): where to store the area the lines are drawn in, in widget coordinates
 *
 * Returns: %FALSE if the widget has no size yet
 */
gboolean
beacon_metric_chart_get_plot_bounds (BeaconMetricChart *self,
                                     graphene_rect_t   *bounds)
{
  int width;
  int height;

  g_return_val_if_fail (BEACON_IS_METRIC_CHART (self), FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (width <= 0 || height <= 0)
    return FALSE;

  _beacon_metric_chart_get_plot_area (self, width, height, bounds);

  return TRUE;
}
