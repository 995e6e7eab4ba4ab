/* beacon-quality-meter-private.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "beacon-quality-meter.h"

G_BEGIN_DECLS

/* kalmanjs's one-dimensional filter, state only (its R, Q, A, B, C are the defaults, 1, 1,
 * 1, 0, 1, and fixed). NAN in @x means "no measurement yet", as in kalmanjs. Exposed so
 * that tests can check the arithmetic step by step. */
typedef struct
{
  double x;
  double cov;
} BeaconKalman;

void     beacon_kalman_init   (BeaconKalman *kf);
double   beacon_kalman_filter (BeaconKalman *kf,
                               double        z);

/* The smoothed rates of the last computed update; FALSE (and both NAN) before the first. */
gboolean beacon_quality_meter_get_smoothed (const BeaconQualityMeter *meter,
                                            double                   *client_bps,
                                            double                   *server_bps);

G_END_DECLS
