/* beacon-metric-chart-render.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-metric-chart"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "beacon-metric-chart-private.h"

/* Everything that turns a chart's state into pixels and words: layout, drawing, size
 * requests and the accessible label. The GObject side lives in beacon-metric-chart.c. */

/* Pixels, at scale 1 */
#define PADDING          6.0
#define ROW_GAP          4.0
#define VALUE_GAP        12.0
#define GUTTER_GAP       6.0
#define SWATCH_WIDTH     10.0
#define SWATCH_HEIGHT    3.0
#define SWATCH_GAP       4.0
#define MIN_PLOT_HEIGHT  24.0
#define LINE_WIDTH       2.0
#define COMPACT_LINE     1.5
#define N_GRID_STEPS     4

/* Alpha multipliers on the foreground colour or a series colour */
#define DIM_ALPHA        0.6
#define GRID_ALPHA       0.12
#define FILL_ALPHA       0.18

/* Where things go for one width × height; recomputed on demand, it is cheap. */
typedef struct
{
  graphene_rect_t plot;
  double          left;
  double          right;
  double          header_y;
  double          legend_y;
  guint           has_header : 1;
  guint           has_legend : 1;
} ChartLayout;

/* First name found wins. The app's style.css may define the metric_chart_* ones;
 * libadwaita defines the others, for light and dark. */
static const char * const primary_color_names[] = {
  "metric_chart_primary_color", "accent_color",
};
static const char * const secondary_color_names[] = {
  "metric_chart_secondary_color", "orange_3",
};

static PangoLayout *
create_layout (BeaconMetricChart *self,
               const char        *text,
               gboolean           small,
               gboolean           bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  if (small)
    pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

static double
text_height (BeaconMetricChart *self,
             gboolean           small)
{
  g_autoptr(PangoLayout) layout = create_layout (self, "Ag", small, FALSE);
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);

  return height;
}

static void
lookup_color (GtkWidget          *widget,
              const char * const *names,
              guint               n_names,
              GdkRGBA            *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  for (guint i = 0; i < n_names; i++)
    if (gtk_style_context_lookup_color (context, names[i], color))
      return;

  /* Plain GTK without libadwaita: the text colour is at least visible. */
  gtk_style_context_get_color (context, color);
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            double         factor)
{
  GdkRGBA result = *color;

  result.alpha *= factor;

  return result;
}

/* One significant decimal less as numbers grow, so "29.97 fps" and "2450 kbit/s" both read
 * well; whole numbers never get a ".0". */
static char *
format_number (double value)
{
  double magnitude = fabs (value);

  if (value == floor (value) || magnitude >= 100.0)
    return g_strdup_printf ("%.0f", value);
  if (magnitude >= 10.0)
    return g_strdup_printf ("%.1f", value);
  if (magnitude >= 1.0)
    return g_strdup_printf ("%.2f", value);

  return g_strdup_printf ("%.2g", value);
}

static char *
format_value (BeaconMetricChart *self,
              double             value)
{
  g_autofree char *number = format_number (value);

  if (self->unit == NULL || self->unit[0] == '\0')
    return g_steal_pointer (&number);

  /* Translators: a measured value and its unit, e.g. "30 fps" or "2450 kbit/s" */
  return g_strdup_printf (C_("metric value", "%s %s"), number, self->unit);
}

/* The newest value of @series as text, or a dash while it has none. */
static char *
format_latest (BeaconMetricChart  *self,
               BeaconMetricSeries *series)
{
  double latest;

  if (series == NULL || !beacon_metric_series_get_latest (series, &latest))
    /* Translators: shown instead of a value while a chart has no data yet */
    return g_strdup (C_("metric value", "—"));

  return format_value (self, latest);
}

static const char *
primary_label (BeaconMetricChart *self)
{
  if (self->series_label != NULL)
    return self->series_label;

  /* Translators: legend of a chart line measured by this computer */
  return C_("metric chart legend", "Local");
}

static const char *
secondary_label (BeaconMetricChart *self)
{
  if (self->secondary_label != NULL)
    return self->secondary_label;

  /* Translators: legend of a chart line reported by the media server */
  return C_("metric chart legend", "Server");
}

void
_beacon_metric_chart_update_accessible_label (BeaconMetricChart *self)
{
  g_autofree char *value = format_latest (self, self->series);
  g_autofree char *values = NULL;
  g_autofree char *label = NULL;

  if (self->secondary_series != NULL)
    {
      g_autofree char *secondary = format_latest (self, self->secondary_series);

      /* Translators: the latest values of a chart's two lines, each after its legend,
       * e.g. "Local 30 fps, Server 29 fps" */
      values = g_strdup_printf (_("%s %s, %s %s"),
                                primary_label (self), value,
                                secondary_label (self), secondary);
    }
  else
    {
      values = g_steal_pointer (&value);
    }

  if (self->title != NULL && self->title[0] != '\0')
    /* Translators: a chart's accessible label: its title, then its latest value(s),
     * e.g. "Frame rate: 30 fps" */
    label = g_strdup_printf (_("%s: %s"), self->title, values);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label != NULL ? label : values,
                                  -1);
}

/* The y ceiling both lines share, so that they can be compared by eye. */
static double
shared_ceiling (BeaconMetricChart *self)
{
  double ceiling = 0.0;

  if (self->series != NULL)
    ceiling = beacon_metric_series_get_max_value (self->series);
  if (self->secondary_series != NULL)
    ceiling = MAX (ceiling, beacon_metric_series_get_max_value (self->secondary_series));

  return ceiling;
}

static void
compute_layout (BeaconMetricChart *self,
                double             width,
                double             height,
                ChartLayout       *out)
{
  g_autofree char *ceiling = NULL;
  g_autoptr(PangoLayout) scale_label = NULL;
  int gutter;
  double top;
  double bottom;

  *out = (ChartLayout) { 0 };

  /* A sparkline uses every pixel; the inset keeps the stroke inside the widget. */
  if (self->compact)
    {
      double inset = COMPACT_LINE / 2.0;

      out->plot = GRAPHENE_RECT_INIT (inset, inset,
                                      MAX (width - 2.0 * inset, 0.0),
                                      MAX (height - 2.0 * inset, 0.0));
      return;
    }

  out->left = PADDING;
  out->right = MAX (width - PADDING, PADDING);
  out->has_header = TRUE;
  out->header_y = PADDING;
  top = PADDING + text_height (self, FALSE) + ROW_GAP;
  bottom = height - PADDING;

  /* Two lines need telling apart; one does not. */
  if (self->secondary_series != NULL)
    {
      out->has_legend = TRUE;
      out->legend_y = bottom - text_height (self, TRUE);
      bottom = out->legend_y - ROW_GAP;
    }

  /* A gutter on the left for the scale, so no label sits on a line near the top. */
  ceiling = format_number (shared_ceiling (self));
  scale_label = create_layout (self, ceiling, TRUE, FALSE);
  pango_layout_get_pixel_size (scale_label, &gutter, NULL);
  out->plot = GRAPHENE_RECT_INIT (PADDING + gutter + GUTTER_GAP, top,
                                  MAX (width - 2.0 * PADDING - gutter - GUTTER_GAP, 0.0),
                                  MAX (bottom - top, 0.0));
}

/* Adds the line to @cr's path and returns the x it starts at. */
static double
trace_series (cairo_t               *cr,
              BeaconMetricSeries    *series,
              double                 ceiling,
              const graphene_rect_t *plot)
{
  double first_x = plot->origin.x;

  /* Points come normalised to the series' own ceiling; rescale them to the shared one. */
  double scale = beacon_metric_series_get_max_value (series) / ceiling;
  guint n = beacon_metric_series_get_n_points (series);

  for (guint i = 0; i < n; i++)
    {
      double t;
      double v;
      double x;
      double y;

      beacon_metric_series_get_point (series, i, &t, &v);
      x = plot->origin.x + t * plot->size.width;
      y = plot->origin.y + (1.0 - CLAMP (v * scale, 0.0, 1.0)) * plot->size.height;

      if (i == 0)
        {
          cairo_move_to (cr, x, y);
          first_x = x;
        }
      else
        {
          cairo_line_to (cr, x, y);
        }
    }

  return first_x;
}

static gboolean
has_line (BeaconMetricSeries *series,
          const GdkRGBA      *color)
{
  return series != NULL && beacon_metric_series_get_n_points (series) >= 2 && color->alpha > 0;
}

/* A light area under the line, down to the baseline. */
static void
fill_series (cairo_t               *cr,
             BeaconMetricSeries    *series,
             double                 ceiling,
             const graphene_rect_t *plot,
             const GdkRGBA         *color)
{
  double baseline = plot->origin.y + plot->size.height;
  double first_x;
  double last_x;
  double last_y;

  if (!has_line (series, color))
    return;

  first_x = trace_series (cr, series, ceiling, plot);
  cairo_get_current_point (cr, &last_x, &last_y);
  cairo_line_to (cr, last_x, baseline);
  cairo_line_to (cr, first_x, baseline);
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * FILL_ALPHA);
  cairo_fill (cr);
}

static void
stroke_series (cairo_t               *cr,
               BeaconMetricSeries    *series,
               double                 ceiling,
               const graphene_rect_t *plot,
               const GdkRGBA         *color,
               double                 line_width)
{
  if (!has_line (series, color))
    return;

  trace_series (cr, series, ceiling, plot);
  cairo_set_line_width (cr, line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_stroke (cr);
}

static void
append_layout_at (GtkSnapshot   *snapshot,
                  PangoLayout   *layout,
                  double         x,
                  double         y,
                  const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* A short bar in the series colour, vertically centred on a line of text at @y. */
static void
append_swatch (GtkSnapshot   *snapshot,
               double         x,
               double         y,
               double         line_height,
               const GdkRGBA *color)
{
  double top = round (y + (line_height - SWATCH_HEIGHT) / 2.0);

  gtk_snapshot_append_color (snapshot, color,
                             &GRAPHENE_RECT_INIT (x, top, SWATCH_WIDTH, SWATCH_HEIGHT));
}

static void
snapshot_grid (BeaconMetricChart *self,
               GtkSnapshot       *snapshot,
               const ChartLayout *layout,
               const GdkRGBA     *foreground,
               double             ceiling)
{
  GdkRGBA grid = with_alpha (foreground, GRID_ALPHA);
  GdkRGBA dim = with_alpha (foreground, DIM_ALPHA);
  const graphene_rect_t *plot = &layout->plot;
  double bottom = plot->origin.y + plot->size.height;
  g_autofree char *top_text = format_number (ceiling);
  g_autoptr(PangoLayout) top_label = create_layout (self, top_text, TRUE, FALSE);
  g_autoptr(PangoLayout) zero_label = create_layout (self, "0", TRUE, FALSE);
  int width;
  int height;

  /* Whole pixels, so the lines stay crisp at scale 1. */
  for (guint i = 0; i <= N_GRID_STEPS; i++)
    {
      double y = floor (plot->origin.y + plot->size.height * i / N_GRID_STEPS);

      gtk_snapshot_append_color (snapshot, &grid,
                                 &GRAPHENE_RECT_INIT (plot->origin.x, MIN (y, bottom - 1.0),
                                                      plot->size.width, 1.0));
    }

  /* The ceiling is a nice round number, so it and zero are enough to read the scale; the
   * unit is in the header's value. Right-aligned against the plot, inside its height. */
  pango_layout_get_pixel_size (top_label, &width, NULL);
  append_layout_at (snapshot, top_label, plot->origin.x - GUTTER_GAP - width, plot->origin.y,
                    &dim);
  pango_layout_get_pixel_size (zero_label, &width, &height);
  append_layout_at (snapshot, zero_label, plot->origin.x - GUTTER_GAP - width,
                    bottom - height, &dim);
}

static void
snapshot_header (BeaconMetricChart *self,
                 GtkSnapshot       *snapshot,
                 const ChartLayout *layout,
                 const GdkRGBA     *foreground,
                 const GdkRGBA     *primary,
                 const GdkRGBA     *secondary)
{
  double line_height = text_height (self, FALSE);
  double right = layout->right;
  g_autofree char *value_text = format_latest (self, self->series);
  g_autoptr(PangoLayout) value = create_layout (self, value_text, FALSE, FALSE);
  g_autoptr(PangoLayout) title = NULL;
  int width;

  /* Values from the right, newest-first in reading importance; the title gets the rest. */
  if (self->secondary_series != NULL)
    {
      g_autofree char *secondary_text = format_latest (self, self->secondary_series);
      g_autoptr(PangoLayout) secondary_value = create_layout (self, secondary_text,
                                                              FALSE, FALSE);

      pango_layout_get_pixel_size (secondary_value, &width, NULL);
      right -= width;
      append_layout_at (snapshot, secondary_value, right, layout->header_y, foreground);
      right -= SWATCH_GAP + SWATCH_WIDTH;
      append_swatch (snapshot, right, layout->header_y, line_height, secondary);
      right -= VALUE_GAP;

      pango_layout_get_pixel_size (value, &width, NULL);
      right -= width;
      append_layout_at (snapshot, value, right, layout->header_y, foreground);
      right -= SWATCH_GAP + SWATCH_WIDTH;
      append_swatch (snapshot, right, layout->header_y, line_height, primary);
    }
  else
    {
      pango_layout_get_pixel_size (value, &width, NULL);
      right -= width;
      append_layout_at (snapshot, value, right, layout->header_y, foreground);
    }

  if (self->title == NULL || self->title[0] == '\0')
    return;

  title = create_layout (self, self->title, FALSE, TRUE);
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (title, MAX (right - VALUE_GAP - layout->left, 0.0) * PANGO_SCALE);
  append_layout_at (snapshot, title, layout->left, layout->header_y, foreground);
}

static void
snapshot_legend (BeaconMetricChart *self,
                 GtkSnapshot       *snapshot,
                 const ChartLayout *layout,
                 const GdkRGBA     *foreground,
                 const GdkRGBA     *primary,
                 const GdkRGBA     *secondary)
{
  GdkRGBA dim = with_alpha (foreground, DIM_ALPHA);
  double line_height = text_height (self, TRUE);
  g_autoptr(PangoLayout) first = create_layout (self, primary_label (self), TRUE, FALSE);
  g_autoptr(PangoLayout) second = create_layout (self, secondary_label (self), TRUE, FALSE);
  double x = layout->left;
  int width;

  append_swatch (snapshot, x, layout->legend_y, line_height, primary);
  x += SWATCH_WIDTH + SWATCH_GAP;
  append_layout_at (snapshot, first, x, layout->legend_y, &dim);
  pango_layout_get_pixel_size (first, &width, NULL);
  x += width + VALUE_GAP;

  append_swatch (snapshot, x, layout->legend_y, line_height, secondary);
  x += SWATCH_WIDTH + SWATCH_GAP;
  append_layout_at (snapshot, second, x, layout->legend_y, &dim);
}

void
_beacon_metric_chart_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  BeaconMetricChart *self = BEACON_METRIC_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double line_width = self->compact ? COMPACT_LINE : LINE_WIDTH;
  double ceiling = shared_ceiling (self);
  const graphene_rect_t *plot;
  ChartLayout layout;
  GdkRGBA foreground;
  GdkRGBA primary;
  GdkRGBA secondary;

  if (width <= 0 || height <= 0)
    return;

  compute_layout (self, width, height, &layout);
  plot = &layout.plot;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &foreground);
  lookup_color (widget, primary_color_names, G_N_ELEMENTS (primary_color_names), &primary);
  lookup_color (widget, secondary_color_names, G_N_ELEMENTS (secondary_color_names),
                &secondary);

  if (!self->compact && plot->size.height > 0 && ceiling > 0.0)
    snapshot_grid (self, snapshot, &layout, &foreground, ceiling);

  /* One cairo node for both lines (GskPath needs GTK 4.14), a little larger than the plot
   * so that strokes along its edges are not cut in half. */
  if (plot->size.width > 0 && plot->size.height > 0 && ceiling > 0.0)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot,
                                               &GRAPHENE_RECT_INIT (plot->origin.x - line_width,
                                                                    plot->origin.y - line_width,
                                                                    plot->size.width +
                                                                    2.0 * line_width,
                                                                    plot->size.height +
                                                                    2.0 * line_width));

      /* The primary's area at the back, so it does not tint the secondary's line, which
       * goes under the primary's: that is the figure the user acts on. */
      fill_series (cr, self->series, ceiling, plot, &primary);
      stroke_series (cr, self->secondary_series, ceiling, plot, &secondary, line_width);
      stroke_series (cr, self->series, ceiling, plot, &primary, line_width);
      cairo_destroy (cr);
    }

  if (layout.has_header)
    snapshot_header (self, snapshot, &layout, &foreground, &primary, &secondary);
  if (layout.has_legend)
    snapshot_legend (self, snapshot, &layout, &foreground, &primary, &secondary);
}

void
_beacon_metric_chart_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  BeaconMetricChart *self = BEACON_METRIC_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = self->compact ? 24 : 96;
      *natural = self->compact ? 80 : 240;
    }
  else if (self->compact)
    {
      *minimum = 12;
      *natural = 24;
    }
  else
    {
      double height = 2.0 * PADDING + text_height (self, FALSE) + ROW_GAP + MIN_PLOT_HEIGHT;

      if (self->secondary_series != NULL)
        height += text_height (self, TRUE) + ROW_GAP;

      *minimum = (int) ceil (height);
      *natural = *minimum + 56;
    }
}

void
_beacon_metric_chart_get_plot_area (BeaconMetricChart *self,
                                    double             width,
                                    double             height,
                                    graphene_rect_t   *plot)
{
  ChartLayout layout;

  compute_layout (self, width, height, &layout);
  *plot = layout.plot;
}
