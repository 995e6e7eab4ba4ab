/* test-quality-meter.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "beacon-quality-meter.h"
#include "beacon-quality-meter-private.h"

/* Feeds @n messages where the client sent @client_bps and the server saw @server_bps,
 * continuing from *@bytes; returns the last quality. */
static BeaconChannelQuality
feed (BeaconQualityMeter *meter,
      guint64            *bytes,
      double              client_bps,
      double              server_bps,
      guint               n)
{
  BeaconChannelQuality quality = BEACON_CHANNEL_QUALITY_UNKNOWN;

  for (guint i = 0; i < n; i++)
    {
      *bytes += (guint64) (client_bps / 8);
      quality = beacon_quality_meter_update (meter, *bytes, server_bps);
    }

  return quality;
}

static void
test_unknown_first (void)
{
  g_autoptr(BeaconQualityMeter) meter = beacon_quality_meter_new ();

  g_assert_cmpint (beacon_quality_meter_get_quality (meter), ==, BEACON_CHANNEL_QUALITY_UNKNOWN);
  g_assert_cmpint (beacon_quality_meter_update (meter, 125000, 1e6), ==,
                   BEACON_CHANNEL_QUALITY_UNKNOWN);
  g_assert_false (beacon_quality_meter_get_smoothed (meter, NULL, NULL));

  /* The second message is the first with a client rate. */
  g_assert_cmpint (beacon_quality_meter_update (meter, 250000, 1e6), ==,
                   BEACON_CHANNEL_QUALITY_PERFECT);
  g_assert_cmpint (beacon_quality_meter_get_quality (meter), ==, BEACON_CHANNEL_QUALITY_PERFECT);

  beacon_quality_meter_reset (meter);
  g_assert_cmpint (beacon_quality_meter_get_quality (meter), ==, BEACON_CHANNEL_QUALITY_UNKNOWN);
  g_assert_cmpint (beacon_quality_meter_update (meter, 375000, 1e6), ==,
                   BEACON_CHANNEL_QUALITY_UNKNOWN);
}

static void
test_equal_rates (void)
{
  g_autoptr(BeaconQualityMeter) meter = beacon_quality_meter_new ();
  guint64 bytes = 1000;
  double client, server;

  g_assert_cmpint (feed (meter, &bytes, 800000, 800000, 10), ==, BEACON_CHANNEL_QUALITY_PERFECT);
  g_assert_true (beacon_quality_meter_get_smoothed (meter, &client, &server));
  g_assert_cmpfloat_with_epsilon (client, 800000, 1e-6);
  g_assert_cmpfloat_with_epsilon (server, 800000, 1e-6);
}

static void
test_good_after_settling (void)
{
  g_autoptr(BeaconQualityMeter) meter = beacon_quality_meter_new ();
  guint64 bytes = 1;

  g_assert_cmpint (feed (meter, &bytes, 1e6, 1e6, 10), ==, BEACON_CHANNEL_QUALITY_PERFECT);

  /* The server now sees a quarter less than the client sends (a 28.6 % difference). One
   * message is not enough to move the smoothed rates past the 20 % mark... */
  g_assert_cmpint (feed (meter, &bytes, 1e6, 7.5e5, 1), ==, BEACON_CHANNEL_QUALITY_PERFECT);
  /* ...a few more are. */
  g_assert_cmpint (feed (meter, &bytes, 1e6, 7.5e5, 10), ==, BEACON_CHANNEL_QUALITY_GOOD);
}

static void
test_bad_at_double (void)
{
  g_autoptr(BeaconQualityMeter) meter = beacon_quality_meter_new ();
  guint64 bytes = 1;

  /* 2x: a 66.7 % difference. */
  g_assert_cmpint (feed (meter, &bytes, 2e6, 1e6, 5), ==, BEACON_CHANNEL_QUALITY_BAD);
}

static void
test_thresholds (void)
{
  /* Constant rates from the start, so the smoothed values are the raw ones and only the
   * thresholds decide: client, server, expected. */
  static const struct
  {
    double client;
    double server;
    BeaconChannelQuality expected;
  } cases[] = {
    { 1e6,    1.2e6,  BEACON_CHANNEL_QUALITY_PERFECT },   /* 18.2 % */
    { 1e6,    1.25e6, BEACON_CHANNEL_QUALITY_GOOD },      /* 22.2 % */
    { 1e6,    1.6e6,  BEACON_CHANNEL_QUALITY_GOOD },      /* 46.2 % */
    { 1e6,    1.7e6,  BEACON_CHANNEL_QUALITY_BAD },       /* 51.9 % */
    /* Under 50 kbps on either side only a > 150 % difference counts. */
    { 30000,  90000,  BEACON_CHANNEL_QUALITY_PERFECT },   /* 100 % */
    { 90000,  30000,  BEACON_CHANNEL_QUALITY_PERFECT },
    { 10000,  90000,  BEACON_CHANNEL_QUALITY_BAD },       /* 160 % */
    { 90000,  10000,  BEACON_CHANNEL_QUALITY_BAD },
    { 8000,   0,      BEACON_CHANNEL_QUALITY_BAD },       /* 200 % */
    { 40000,  40000,  BEACON_CHANNEL_QUALITY_PERFECT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BeaconQualityMeter) meter = beacon_quality_meter_new ();
      guint64 bytes = 1;

      g_test_message ("case %u: client %.0f, server %.0f", i, cases[i].client, cases[i].server);
      g_assert_cmpint (feed (meter, &bytes, cases[i].client, cases[i].server, 3), ==,
                       cases[i].expected);
    }
}

static void
test_zero_rate_is_ignored (void)
{
  g_autoptr(BeaconQualityMeter) meter = beacon_quality_meter_new ();
  double client, server;

  /* A counter still at 0 neither primes nor filters. */
  g_assert_cmpint (beacon_quality_meter_update (meter, 0, 1e6), ==,
                   BEACON_CHANNEL_QUALITY_UNKNOWN);
  g_assert_cmpint (beacon_quality_meter_update (meter, 100000, 1e6), ==,
                   BEACON_CHANNEL_QUALITY_UNKNOWN);
  g_assert_cmpint (beacon_quality_meter_update (meter, 225000, 1e6), ==,
                   BEACON_CHANNEL_QUALITY_PERFECT);

  /* No new bytes: the SDK keeps its byte mark and its filters as they were. */
  g_assert_cmpint (beacon_quality_meter_update (meter, 225000, 1), ==,
                   BEACON_CHANNEL_QUALITY_PERFECT);
  g_assert_true (beacon_quality_meter_get_smoothed (meter, &client, &server));
  g_assert_cmpfloat (client, ==, 1e6);
  g_assert_cmpfloat (server, ==, 1e6);

  /* So the next rate spans both intervals. */
  beacon_quality_meter_update (meter, 475000, 2e6);
  g_assert_true (beacon_quality_meter_get_smoothed (meter, &client, &server));
  g_assert_cmpfloat_with_epsilon (client, 1e6 + 2.0 / 3 * (2e6 - 1e6), 1e-6);
}

static void
test_kalman_by_hand (void)
{
  BeaconKalman kf;

  /* First value as is with cov = Q = 1; then predCov = cov + R, K = predCov / (predCov + Q),
   * x += K (z - x), cov = predCov - K predCov:
   *   z = 100000: x = 100000,                            cov = 1
   *   z = 200000: K = 2/3, x = 100000 + 2/3 * 100000,    cov = 2/3
   *   z =  50000: K = 5/8, x = 500000/3 - 5/8 * 350000/3 = 93750, cov = 5/8 */
  beacon_kalman_init (&kf);
  g_assert_true (isnan (kf.x));
  g_assert_cmpfloat_with_epsilon (beacon_kalman_filter (&kf, 100000), 100000, 1e-9);
  g_assert_cmpfloat_with_epsilon (kf.cov, 1, 1e-9);
  g_assert_cmpfloat_with_epsilon (beacon_kalman_filter (&kf, 200000), 500000.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (kf.cov, 2.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (beacon_kalman_filter (&kf, 50000), 93750, 1e-9);
  g_assert_cmpfloat_with_epsilon (kf.cov, 5.0 / 8, 1e-9);

  /* The gain settles at 1/golden ratio, which is what makes it an EMA in practice. */
  for (guint i = 0; i < 50; i++)
    beacon_kalman_filter (&kf, 0);
  g_assert_cmpfloat_with_epsilon ((kf.cov + 1) / (kf.cov + 2), 0.6180339887498949, 1e-9);
}

static void
test_meter_uses_kalman (void)
{
  g_autoptr(BeaconQualityMeter) meter = beacon_quality_meter_new ();
  double client, server;

  beacon_quality_meter_update (meter, 1000, 0);
  beacon_quality_meter_update (meter, 1000 + 12500, 100000);   /* client 100000 */
  beacon_quality_meter_update (meter, 1000 + 37500, 200000);   /* client 200000 */
  beacon_quality_meter_update (meter, 1000 + 43750, 50000);    /* client  50000 */
  g_assert_true (beacon_quality_meter_get_smoothed (meter, &client, &server));
  g_assert_cmpfloat_with_epsilon (client, 93750, 1e-9);
  g_assert_cmpfloat_with_epsilon (server, 93750, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/beacon/media/quality-meter/unknown-first", test_unknown_first);
  g_test_add_func ("/beacon/media/quality-meter/equal-rates", test_equal_rates);
  g_test_add_func ("/beacon/media/quality-meter/good-after-settling", test_good_after_settling);
  g_test_add_func ("/beacon/media/quality-meter/bad-at-double", test_bad_at_double);
  g_test_add_func ("/beacon/media/quality-meter/thresholds", test_thresholds);
  g_test_add_func ("/beacon/media/quality-meter/zero-rate-ignored", test_zero_rate_is_ignored);
  g_test_add_func ("/beacon/media/quality-meter/kalman-by-hand", test_kalman_by_hand);
  g_test_add_func ("/beacon/media/quality-meter/meter-uses-kalman", test_meter_uses_kalman);

  return g_test_run ();
}
