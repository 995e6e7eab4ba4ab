/* beacon-quality-meter.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-quality-meter"

#include "config.h"

#include <math.h>

#include "beacon-quality-meter-private.h"

/* The WebSDK's constants (protocol-reference.md §7.2). */
#define LOW_RATE_BPS              50000.0
#define LOW_RATE_BAD_PERCENT      150.0
#define BAD_PERCENT               50.0
#define GOOD_PERCENT              20.0

/* kalmanjs defaults. Kept as named factors rather than folded away so that the arithmetic
 * is the library's, operation for operation, and rounds the same way. */
#define KF_R 1.0
#define KF_Q 1.0
#define KF_A 1.0
#define KF_B 0.0
#define KF_C 1.0

struct _BeaconQualityMeter
{
  BeaconKalman         client_kf;
  BeaconKalman         server_kf;
  double               client_smoothed;
  double               server_smoothed;
  guint64              last_bytes;
  gboolean             primed;
  BeaconChannelQuality quality;
};

void
beacon_kalman_init (BeaconKalman *kf)
{
  kf->x = NAN;
  kf->cov = NAN;
}

double
beacon_kalman_filter (BeaconKalman *kf,
                      double        z)
{
  /* kalmanjs re-initialises whenever its estimate is NaN, not only on the first call. */
  if (isnan (kf->x))
    {
      kf->x = (1 / KF_C) * z;
      kf->cov = (1 / KF_C) * KF_Q * (1 / KF_C);
    }
  else
    {
      double pred_x = (KF_A * kf->x) + (KF_B * 0);
      double pred_cov = ((KF_A * kf->cov) * KF_A) + KF_R;
      double gain = pred_cov * KF_C * (1 / ((KF_C * pred_cov * KF_C) + KF_Q));

      kf->x = pred_x + gain * (z - (KF_C * pred_x));
      kf->cov = pred_cov - (gain * KF_C * pred_cov);
    }

  return kf->x;
}

BeaconQualityMeter *
beacon_quality_meter_new (void)
{
  BeaconQualityMeter *meter = g_new0 (BeaconQualityMeter, 1);

  beacon_quality_meter_reset (meter);

  return meter;
}

void
beacon_quality_meter_free (BeaconQualityMeter *meter)
{
  g_free (meter);
}

void
beacon_quality_meter_reset (BeaconQualityMeter *meter)
{
  g_return_if_fail (meter != NULL);

  beacon_kalman_init (&meter->client_kf);
  beacon_kalman_init (&meter->server_kf);
  meter->client_smoothed = NAN;
  meter->server_smoothed = NAN;
  meter->last_bytes = 0;
  meter->primed = FALSE;
  meter->quality = BEACON_CHANNEL_QUALITY_UNKNOWN;
}

static BeaconChannelQuality
classify (double client,
          double server)
{
  double difference;

  /* Both zero is 0/0; the SDK gets NaN there, which compares false and so gives PERFECT,
   * the same as a difference of 0. */
  if (client == 0 && server == 0)
    difference = 0;
  else
    difference = fabs ((server - client) / ((server + client) / 2)) * 100;

  if (server < LOW_RATE_BPS || client < LOW_RATE_BPS)
    return difference > LOW_RATE_BAD_PERCENT
           ? BEACON_CHANNEL_QUALITY_BAD : BEACON_CHANNEL_QUALITY_PERFECT;

  if (difference > BAD_PERCENT)
    return BEACON_CHANNEL_QUALITY_BAD;
  if (difference > GOOD_PERCENT)
    return BEACON_CHANNEL_QUALITY_GOOD;
  return BEACON_CHANNEL_QUALITY_PERFECT;
}

BeaconChannelQuality
beacon_quality_meter_update (BeaconQualityMeter *meter,
                             guint64             client_bytes,
                             double              server_bps)
{
  double client_bps;

  g_return_val_if_fail (meter != NULL, BEACON_CHANNEL_QUALITY_UNKNOWN);

  /* The SDK stops when the counter reads 0 (no stats yet): it neither primes nor filters. */
  if (client_bytes == 0)
    return meter->quality;

  if (!meter->primed)
    {
      meter->last_bytes = client_bytes;
      meter->primed = TRUE;
      return meter->quality;
    }

  /* Signed, as in JavaScript: a counter that went backwards gives a negative rate rather
   * than a wrapped huge one. */
  client_bps = ((double) client_bytes - (double) meter->last_bytes) * 8;

  /* No new bytes: the SDK leaves everything, the byte mark included, as it was. */
  if (client_bps == 0)
    return meter->quality;

  meter->client_smoothed = beacon_kalman_filter (&meter->client_kf, client_bps);
  meter->server_smoothed = beacon_kalman_filter (&meter->server_kf, server_bps);
  meter->quality = classify (meter->client_smoothed, meter->server_smoothed);
  meter->last_bytes = client_bytes;

  return meter->quality;
}

BeaconChannelQuality
beacon_quality_meter_get_quality (const BeaconQualityMeter *meter)
{
  g_return_val_if_fail (meter != NULL, BEACON_CHANNEL_QUALITY_UNKNOWN);

  return meter->quality;
}

gboolean
beacon_quality_meter_get_smoothed (const BeaconQualityMeter *meter,
                                   double                   *client_bps,
                                   double                   *server_bps)
{
  g_return_val_if_fail (meter != NULL, FALSE);

  if (client_bps != NULL)
    *client_bps = meter->client_smoothed;
  if (server_bps != NULL)
    *server_bps = meter->server_smoothed;

  return !isnan (meter->client_smoothed);
}
