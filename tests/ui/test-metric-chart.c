/* test-metric-chart.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* BeaconMetricChart in a real window, rendered to a texture with the window's own (cairo)
 * renderer and checked pixel by pixel: the lines sit where their values say, compact mode
 * draws no text, empty series draw without crashing. Needs a display, so it runs under
 * Xvfb. */

#include "config.h"

#include <adwaita.h>

#include "beacon-metric-chart.h"
#include "beacon-test-wait.h"

/* Colours no theme uses, so a match can only be our line. */
#define TEST_CSS                                                                        \
  "@define-color metric_chart_primary_color #ff0000;"                                   \
  "@define-color metric_chart_secondary_color #0000ff;"

#define WIDTH  400
#define HEIGHT 200

typedef struct
{
  GtkWidget         *window;
  BeaconMetricChart *chart;
  guint              frames;
} Fixture;

/* A downloaded texture: cairo's native-endian premultiplied ARGB32. */
typedef struct
{
  int      width;
  int      height;
  guint32 *pixels;
} Image;

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Fixture       *fixture)
{
  fixture->frames++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = gtk_window_new ();
  fixture->chart = BEACON_METRIC_CHART (beacon_metric_chart_new ());
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), WIDTH, HEIGHT);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->chart));
  g_object_add_weak_pointer (G_OBJECT (fixture->chart), (gpointer *) &fixture->chart);
  gtk_window_present (GTK_WINDOW (fixture->window));

  WAIT_FOR_FULL (gtk_widget_get_mapped (GTK_WIDGET (fixture->chart)) &&
            gtk_widget_get_width (GTK_WIDGET (fixture->chart)) > 0,
            10, "the chart to be mapped and allocated");

  g_signal_connect (gtk_widget_get_frame_clock (fixture->window), "after-paint",
                    G_CALLBACK (on_after_paint_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (fixture->window),
                                        on_after_paint_cb, fixture);
  gtk_window_destroy (GTK_WINDOW (fixture->window));

  /* The window held the only reference. */
  g_assert_null (fixture->chart);
}

/* Lets layout and paint catch up with property changes. */
static void
wait_for_frame (Fixture *fixture)
{
  guint frames = fixture->frames;

  gtk_widget_queue_draw (GTK_WIDGET (fixture->chart));
  WAIT_FOR_FULL (fixture->frames > frames, 5, "a frame to be painted");
}

static void
image_clear (Image *image)
{
  g_clear_pointer (&image->pixels, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Image, image_clear)

/* Renders the chart alone (no window background) into @image; a chart that draws nothing
 * gives a fully transparent image. */
static void
render_chart (Fixture *fixture,
              Image   *image)
{
  GtkWidget *widget = GTK_WIDGET (fixture->chart);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  image->width = gtk_widget_get_width (widget);
  image->height = gtk_widget_get_height (widget);
  image->pixels = g_new0 (guint32, (gsize) image->width * image->height);

  gdk_paintable_snapshot (paintable, snapshot, image->width, image->height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return;

  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, image->width,
                                                              image->height));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, image->width);
  gdk_texture_download (texture, (guchar *) image->pixels, (gsize) image->width * 4);
}

static guint32
image_pixel (const Image *image,
             int          x,
             int          y)
{
  g_assert_true (x >= 0 && x < image->width && y >= 0 && y < image->height);

  return image->pixels[y * image->width + x];
}

/* Mostly opaque (an antialiased 1.5 px line covers no row fully) and, unpremultiplied,
 * within 40 of @color on every channel. */
static gboolean
pixel_is (guint32        pixel,
          const GdkRGBA *color)
{
  int alpha = pixel >> 24;
  int channels[] = { (pixel >> 16) & 0xff, (pixel >> 8) & 0xff, pixel & 0xff };
  double wanted[] = { color->red, color->green, color->blue };

  if (alpha < 0xa0)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    if (ABS (channels[i] * 255 / alpha - (int) (wanted[i] * 255.0 + 0.5)) > 40)
      return FALSE;

  return TRUE;
}

/* The rows of column @x whose pixel is @color, as "y y y" for messages, and whether one of
 * them lies within 2 px of @expected_y while none lies further than 4 px from it. */
static gboolean
column_has_color_at (const Image   *image,
                     int            x,
                     const GdkRGBA *color,
                     double         expected_y,
                     GString       *rows)
{
  gboolean near = FALSE;
  gboolean stray = FALSE;

  for (int y = 0; y < image->height; y++)
    {
      if (!pixel_is (image_pixel (image, x, y), color))
        continue;

      g_string_append_printf (rows, "%d ", y);
      if (ABS (y + 0.5 - expected_y) <= 2.0)
        near = TRUE;
      else if (ABS (y + 0.5 - expected_y) > 4.0)
        stray = TRUE;
    }

  return near && !stray;
}

static void
assert_line_at (const Image   *image,
                int            x,
                const GdkRGBA *color,
                double         expected_y,
                const char    *what)
{
  g_autoptr(GString) rows = g_string_new (NULL);

  if (!column_has_color_at (image, x, color, expected_y, rows))
    g_test_fail_printf ("%s: expected at y %.1f in column %d, found at rows: %s", what,
                        expected_y, x, rows->len > 0 ? rows->str : "none");
}

/* Whether any pixel in the rectangle is not fully transparent. */
static gboolean
region_is_empty (const Image *image,
                 int          x0,
                 int          y0,
                 int          x1,
                 int          y1)
{
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      if ((image_pixel (image, x, y) >> 24) != 0)
        return FALSE;

  return TRUE;
}

/* 30 samples a second apart: the first at @first, the rest at @rest. */
static BeaconMetricSeries *
make_series (double first,
             double rest)
{
  BeaconMetricSeries *series = beacon_metric_series_new (300);

  beacon_metric_series_append (series, 0.0, first);
  for (guint i = 1; i < 30; i++)
    beacon_metric_series_append (series, i, rest);

  return series;
}

static GtkCssProvider *
add_test_colors (void)
{
  GtkCssProvider *provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_data (provider, TEST_CSS, -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  return provider;
}

static void
remove_test_colors (GtkCssProvider *provider)
{
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (provider));
  g_object_unref (provider);
}

static void
test_properties (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(BeaconMetricSeries) series = beacon_metric_series_new (10);
  g_autoptr(BeaconMetricSeries) fetched = NULL;
  g_autofree char *title = NULL;
  static const char * const names[] = {
    "series", "secondary-series", "title", "unit", "compact", "series-label",
    "secondary-series-label",
  };
  BeaconMetricChart *chart = fixture->chart;
  guint notifies = 0;
  gboolean compact = FALSE;

  /* Only ours: GtkWidget's own (css-classes) notify too. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *signal = g_strconcat ("notify::", names[i], NULL);

      g_signal_connect (chart, signal, G_CALLBACK (count_notify_cb), &notifies);
    }

  beacon_metric_chart_set_title (chart, "Frame rate");
  beacon_metric_chart_set_title (chart, "Frame rate");
  g_object_set (chart, "title", "Frame rate", NULL);
  g_assert_cmpuint (notifies, ==, 1);

  beacon_metric_chart_set_unit (chart, "fps");
  beacon_metric_chart_set_series (chart, series);
  beacon_metric_chart_set_series (chart, series);
  beacon_metric_chart_set_compact (chart, TRUE);
  beacon_metric_chart_set_compact (chart, TRUE);
  g_assert_cmpuint (notifies, ==, 4);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (chart), "compact"));

  g_object_get (chart, "series", &fetched, "title", &title, "compact", &compact, NULL);
  g_assert_true (fetched == series);
  g_assert_cmpstr (title, ==, "Frame rate");
  g_assert_true (compact);
  g_assert_cmpstr (beacon_metric_chart_get_unit (chart), ==, "fps");
  g_assert_null (beacon_metric_chart_get_secondary_series (chart));

  beacon_metric_chart_set_compact (chart, FALSE);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (chart), "compact"));
  beacon_metric_chart_set_series (chart, NULL);
  g_assert_cmpuint (notifies, ==, 6);

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_ROLE_IMG);
}

static void
test_accessible_label (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(BeaconMetricSeries) local = beacon_metric_series_new (10);
  g_autoptr(BeaconMetricSeries) server = beacon_metric_series_new (10);
  BeaconMetricChart *chart = fixture->chart;

  beacon_metric_chart_set_title (chart, "Frame rate");
  beacon_metric_chart_set_unit (chart, "fps");
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Frame rate: —");

  beacon_metric_chart_set_series (chart, local);
  beacon_metric_series_append (local, 0.0, 30.0);
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Frame rate: 30 fps");

  /* Follows the series without being told. */
  beacon_metric_series_append (local, 1.0, 29.5);
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Frame rate: 29.5 fps");

  beacon_metric_chart_set_secondary_series (chart, server);
  beacon_metric_series_append (server, 0.0, 28.0);
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Frame rate: Local 29.5 fps, Server 28 fps");

  beacon_metric_chart_set_secondary_series_label (chart, "WCS");
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Frame rate: Local 29.5 fps, WCS 28 fps");
}

static void
test_line_position (Fixture       *fixture,
                    gconstpointer  data)
{
  /* Primary: ceiling 100 from its first sample, newest 25; secondary: 50 throughout. */
  g_autoptr(BeaconMetricSeries) primary = make_series (100.0, 25.0);
  g_autoptr(BeaconMetricSeries) secondary = make_series (50.0, 50.0);
  g_auto(Image) image = { 0 };
  GtkCssProvider *provider = add_test_colors ();
  GdkRGBA red = { 1.0, 0.0, 0.0, 1.0 };
  GdkRGBA blue = { 0.0, 0.0, 1.0, 1.0 };
  graphene_rect_t plot;
  int column;

  beacon_metric_chart_set_title (fixture->chart, "Bitrate");
  beacon_metric_chart_set_unit (fixture->chart, "kbit/s");
  beacon_metric_chart_set_series (fixture->chart, primary);
  beacon_metric_chart_set_secondary_series (fixture->chart, secondary);
  wait_for_frame (fixture);

  g_assert_true (beacon_metric_chart_get_plot_bounds (fixture->chart, &plot));
  g_assert_cmpfloat (plot.size.height, >, 40.0);
  render_chart (fixture, &image);

  /* Just inside the right edge: the newest samples, where both lines are flat. */
  column = (int) (plot.origin.x + plot.size.width) - 4;
  assert_line_at (&image, column, &red, plot.origin.y + 0.75 * plot.size.height,
                  "primary line at 25 of 100");
  assert_line_at (&image, column, &blue, plot.origin.y + 0.5 * plot.size.height,
                  "secondary line at 50 of 100");

  /* The secondary's own ceiling (50) is lower: the lines share the larger one. */
  g_assert_cmpfloat (beacon_metric_series_get_max_value (secondary), ==, 50.0);

  /* Without the override the primary is libadwaita's accent colour. */
  remove_test_colors (provider);
  wait_for_frame (fixture);
  g_assert_true (gtk_style_context_lookup_color (
                   gtk_widget_get_style_context (GTK_WIDGET (fixture->chart)),
                   "accent_color", &red));
  image_clear (&image);
  render_chart (fixture, &image);
  assert_line_at (&image, column, &red, plot.origin.y + 0.75 * plot.size.height,
                  "primary line in the accent colour");
}

static void
test_compact (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(BeaconMetricSeries) series = make_series (40.0, 40.0);
  g_auto(Image) full = { 0 };
  g_auto(Image) compact = { 0 };
  GtkCssProvider *provider = add_test_colors ();
  GdkRGBA red = { 1.0, 0.0, 0.0, 1.0 };
  graphene_rect_t plot;
  int header_height;
  int width;

  /* A line at 40 of 100, well below the header row. */
  beacon_metric_series_set_min_ceiling (series, 100.0);
  beacon_metric_chart_set_title (fixture->chart, "Frame rate");
  beacon_metric_chart_set_unit (fixture->chart, "fps");
  beacon_metric_chart_set_series (fixture->chart, series);
  wait_for_frame (fixture);
  render_chart (fixture, &full);

  /* The header row: title on the left, value on the right, above the plot. */
  g_assert_true (beacon_metric_chart_get_plot_bounds (fixture->chart, &plot));
  header_height = (int) plot.origin.y;
  width = full.width;
  g_assert_cmpint (header_height, >, 8);
  g_assert_false (region_is_empty (&full, 0, 0, width / 2, header_height));
  g_assert_false (region_is_empty (&full, width / 2, 0, width, header_height));

  beacon_metric_chart_set_compact (fixture->chart, TRUE);
  wait_for_frame (fixture);
  render_chart (fixture, &compact);

  /* No text, no grid: above the line (at 60 % of the height) nothing is drawn. */
  g_assert_true (beacon_metric_chart_get_plot_bounds (fixture->chart, &plot));
  g_assert_cmpfloat (plot.origin.y, <, 2.0);
  g_assert_true (region_is_empty (&compact, 0, 0, compact.width, compact.height / 2));
  assert_line_at (&compact, compact.width - 4, &red,
                  plot.origin.y + (1.0 - 40.0 / 100.0) * plot.size.height,
                  "sparkline at 40 of 100");

  remove_test_colors (provider);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(BeaconMetricSeries) empty = beacon_metric_series_new (10);
  g_autoptr(BeaconMetricSeries) single = beacon_metric_series_new (10);
  g_auto(Image) image = { 0 };
  GtkCssProvider *provider = add_test_colors ();
  GdkRGBA red = { 1.0, 0.0, 0.0, 1.0 };
  graphene_rect_t plot;

  /* No series at all, then empty ones: text and grid only, never a line. */
  beacon_metric_chart_set_title (fixture->chart, "Lost packets");
  wait_for_frame (fixture);
  render_chart (fixture, &image);
  image_clear (&image);

  beacon_metric_chart_set_series (fixture->chart, empty);
  beacon_metric_chart_set_secondary_series (fixture->chart, empty);
  wait_for_frame (fixture);
  render_chart (fixture, &image);

  /* (The legend's swatches are red too, but outside the plot.) */
  g_assert_true (beacon_metric_chart_get_plot_bounds (fixture->chart, &plot));
  for (int y = (int) plot.origin.y; y < (int) (plot.origin.y + plot.size.height); y++)
    for (int x = (int) plot.origin.x; x < (int) (plot.origin.x + plot.size.width); x++)
      if (pixel_is (image_pixel (&image, x, y), &red))
        {
          g_test_fail_printf ("an empty series drew at %d,%d", x, y);
          return;
        }
  image_clear (&image);

  /* A single point is no line either; compact with nothing draws nothing at all. */
  beacon_metric_series_append (single, 5.0, 3.0);
  beacon_metric_chart_set_series (fixture->chart, single);
  beacon_metric_chart_set_secondary_series (fixture->chart, NULL);
  beacon_metric_chart_set_compact (fixture->chart, TRUE);
  wait_for_frame (fixture);
  render_chart (fixture, &image);
  g_assert_true (region_is_empty (&image, 0, 0, image.width, image.height));

  remove_test_colors (provider);
}

static void
test_redraw_on_change (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(BeaconMetricSeries) series = make_series (10.0, 10.0);
  g_auto(Image) before = { 0 };
  g_auto(Image) after = { 0 };
  GtkCssProvider *provider = add_test_colors ();
  GdkRGBA red = { 1.0, 0.0, 0.0, 1.0 };
  graphene_rect_t plot;
  guint frames;
  int column;

  beacon_metric_series_set_min_ceiling (series, 100.0);
  beacon_metric_chart_set_series (fixture->chart, series);
  wait_for_frame (fixture);
  g_assert_true (beacon_metric_chart_get_plot_bounds (fixture->chart, &plot));
  column = (int) (plot.origin.x + plot.size.width) - 4;
  render_chart (fixture, &before);
  assert_line_at (&before, column, &red, plot.origin.y + 0.9 * plot.size.height,
                  "line at 10 of 100");

  /* New samples alone must bring a frame with a fresh drawing: the widget paintable
   * reuses the chart's cached render node unless the chart queued a redraw. */
  frames = fixture->frames;
  for (guint i = 30; i < 40; i++)
    beacon_metric_series_append (series, i, 50.0);
  WAIT_FOR_FULL (fixture->frames > frames, 5, "a frame after new samples");
  render_chart (fixture, &after);
  assert_line_at (&after, column, &red, plot.origin.y + 0.5 * plot.size.height,
                  "line at 50 of 100 after the update");

  /* A series the chart no longer shows keeps no connection to it. */
  beacon_metric_chart_set_series (fixture->chart, NULL);
  g_assert_false (g_signal_has_handler_pending (series,
                                                g_signal_lookup ("changed",
                                                                 BEACON_TYPE_METRIC_SERIES),
                                                0, FALSE));

  remove_test_colors (provider);
}

static void
test_releases_series (void)
{
  BeaconMetricSeries *primary = beacon_metric_series_new (10);
  BeaconMetricSeries *secondary = beacon_metric_series_new (10);
  GtkWidget *chart = g_object_ref_sink (beacon_metric_chart_new ());

  g_object_set (chart, "series", primary, "secondary-series", secondary, NULL);
  g_assert_finalize_object (chart);

  /* The chart dropped its references and its signal connections. */
  beacon_metric_series_append (primary, 0.0, 1.0);
  beacon_metric_series_append (secondary, 0.0, 1.0);
  g_assert_finalize_object (primary);
  g_assert_finalize_object (secondary);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Without a display the whole file is skipped, and says so (style B15). */
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  g_test_add ("/beacon/ui/metric-chart/properties", Fixture, NULL,
              fixture_set_up, test_properties, fixture_tear_down);
  g_test_add ("/beacon/ui/metric-chart/accessible-label", Fixture, NULL,
              fixture_set_up, test_accessible_label, fixture_tear_down);
  g_test_add ("/beacon/ui/metric-chart/line-position", Fixture, NULL,
              fixture_set_up, test_line_position, fixture_tear_down);
  g_test_add ("/beacon/ui/metric-chart/compact", Fixture, NULL,
              fixture_set_up, test_compact, fixture_tear_down);
  g_test_add ("/beacon/ui/metric-chart/empty", Fixture, NULL,
              fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/beacon/ui/metric-chart/redraw-on-change", Fixture, NULL,
              fixture_set_up, test_redraw_on_change, fixture_tear_down);
  g_test_add_func ("/beacon/ui/metric-chart/releases-series", test_releases_series);

  return g_test_run ();
}
