/* beacon-metric-chart-private.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "beacon-metric-chart.h"

G_BEGIN_DECLS

struct _BeaconMetricChart
{
  GtkWidget           parent_instance;

  /* Owned */
  BeaconMetricSeries *series;
  BeaconMetricSeries *secondary_series;
  GSignalGroup       *series_signals;
  GSignalGroup       *secondary_signals;
  char               *title;
  char               *unit;
  char               *series_label;
  char               *secondary_label;

  guint               compact : 1;
};

void _beacon_metric_chart_snapshot                (GtkWidget         *widget,
                                                   GtkSnapshot       *snapshot);
void _beacon_metric_chart_measure                 (GtkWidget         *widget,
                                                   GtkOrientation     orientation,
                                                   int                for_size,
                                                   int               *minimum,
                                                   int               *natural,
                                                   int               *minimum_baseline,
                                                   int               *natural_baseline);
void _beacon_metric_chart_get_plot_area           (BeaconMetricChart *self,
                                                   double             width,
                                                   double             height,
                                                   graphene_rect_t   *plot);
void _beacon_metric_chart_update_accessible_label (BeaconMetricChart *self);

G_END_DECLS
