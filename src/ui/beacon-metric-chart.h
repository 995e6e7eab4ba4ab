/* beacon-metric-chart.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "beacon-metric-series.h"

G_BEGIN_DECLS

#define BEACON_TYPE_METRIC_CHART (beacon_metric_chart_get_type ())
G_DECLARE_FINAL_TYPE (BeaconMetricChart, beacon_metric_chart, BEACON, METRIC_CHART, GtkWidget)

GtkWidget          *beacon_metric_chart_new                        (void);
BeaconMetricSeries *beacon_metric_chart_get_series                 (BeaconMetricChart  *self);
void                beacon_metric_chart_set_series                 (BeaconMetricChart  *self,
                                                                    BeaconMetricSeries *series);
BeaconMetricSeries *beacon_metric_chart_get_secondary_series       (BeaconMetricChart  *self);
void                beacon_metric_chart_set_secondary_series       (BeaconMetricChart  *self,
                                                                    BeaconMetricSeries *series);
const char         *beacon_metric_chart_get_title                  (BeaconMetricChart  *self);
void                beacon_metric_chart_set_title                  (BeaconMetricChart  *self,
                                                                    const char         *title);
const char         *beacon_metric_chart_get_unit                   (BeaconMetricChart  *self);
void                beacon_metric_chart_set_unit                   (BeaconMetricChart  *self,
                                                                    const char         *unit);
gboolean            beacon_metric_chart_get_compact                (BeaconMetricChart  *self);
void                beacon_metric_chart_set_compact                (BeaconMetricChart  *self,
                                                                    gboolean            compact);
const char         *beacon_metric_chart_get_series_label           (BeaconMetricChart  *self);
void                beacon_metric_chart_set_series_label           (BeaconMetricChart  *self,
                                                                    const char         *label);
const char         *beacon_metric_chart_get_secondary_series_label (BeaconMetricChart  *self);
void                beacon_metric_chart_set_secondary_series_label (BeaconMetricChart  *self,
                                                                    const char         *label);
gboolean            beacon_metric_chart_get_plot_bounds            (BeaconMetricChart  *self,
                                                                    graphene_rect_t    *bounds);

G_END_DECLS
