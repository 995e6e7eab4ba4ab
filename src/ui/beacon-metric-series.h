/* beacon-metric-series.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BEACON_TYPE_METRIC_SERIES (beacon_metric_series_get_type ())
G_DECLARE_FINAL_TYPE (BeaconMetricSeries, beacon_metric_series, BEACON, METRIC_SERIES, GObject)

/**
 * beacon_metric_series_new:
 *
 * Returns a new, empty series that keeps at most @capacity samples.
 */
BeaconMetricSeries *beacon_metric_series_new             (guint               capacity);

/**
 * beacon_metric_series_get_capacity:
 *
 * Returns how many samples @self keeps before it overwrites the oldest.
 */
guint               beacon_metric_series_get_capacity    (BeaconMetricSeries *self);

/**
 * beacon_metric_series_get_window:
 *
 * Returns the span, in seconds before the newest sample, that the points cover.
 */
double              beacon_metric_series_get_window      (BeaconMetricSeries *self);

/**
 * beacon_metric_series_set_window:
 *
 * Sets the span, in seconds before the newest sample, that the points cover.
 */
void                beacon_metric_series_set_window      (BeaconMetricSeries *self,
                                                          double              window);

/**
 * beacon_metric_series_get_min_ceiling:
 *
 * Returns the smallest value #BeaconMetricSeries:max-value may take.
 */
double              beacon_metric_series_get_min_ceiling (BeaconMetricSeries *self);

/**
 * beacon_metric_series_set_min_ceiling:
 *
 * Sets the smallest value #BeaconMetricSeries:max-value may take, so a flat series has a range.
 */
void                beacon_metric_series_set_min_ceiling (BeaconMetricSeries *self,
                                                          double              min_ceiling);

/**
 * beacon_metric_series_get_n_points:
 *
 * Returns the number of samples inside the window.
 */
guint               beacon_metric_series_get_n_points    (BeaconMetricSeries *self);

/**
 * beacon_metric_series_get_max_value:
 *
 * Returns the y ceiling: the smallest 1, 2, 2.5 or 5 × 10^k at or above every value in the
 * window, and never below #BeaconMetricSeries:min-ceiling.
 */
double              beacon_metric_series_get_max_value   (BeaconMetricSeries *self);

/**
 * beacon_metric_series_append:
 *
 * Adds a sample, ignoring it if @time is earlier than the newest sample or either number is
 * not finite.
 */
void                beacon_metric_series_append          (BeaconMetricSeries *self,
                                                          double              time,
                                                          double              value);

/**
 * beacon_metric_series_get_point:
 *
 * Stores the @i-th point inside the window, oldest first, with @t and @v both in 0..1.
 */
void                beacon_metric_series_get_point       (BeaconMetricSeries *self,
                                                          guint               i,
                                                          double             *t,
                                                          double             *v);

/**
 * beacon_metric_series_get_latest:
 *
 * Returns %TRUE and stores the newest value in @value, or %FALSE if the series is empty.
 */
gboolean            beacon_metric_series_get_latest      (BeaconMetricSeries *self,
                                                          double             *value);

/**
 * beacon_metric_series_clear:
 *
 * Drops every sample, so the next one may have any time.
 */
void                beacon_metric_series_clear           (BeaconMetricSeries *self);

G_END_DECLS
