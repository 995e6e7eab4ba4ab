/* beacon-watched-stream-metrics.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-watched-stream"

#include "config.h"

#include <math.h>

#include "beacon-watched-stream-private.h"

/* Samples come once a second; a little more than each span so a late tick never trims the
 * oldest visible point. */
#define HISTORY_LEN 300

static const struct
{
  double window;
  guint  capacity;
} spans[BEACON_WATCHED_N_SPANS] = {
  [BEACON_WATCHED_SPAN_MINUTE]       = { 60.0, 64 },
  [BEACON_WATCHED_SPAN_FIVE_MINUTES] = { 300.0, HISTORY_LEN + 8 },
};

/* A flat line at 0 fps or 0 kbit/s still gets a readable axis. */
static const double min_ceilings[BEACON_WATCHED_N_METRICS] = {
  [BEACON_WATCHED_METRIC_FPS]     = 5.0,
  [BEACON_WATCHED_METRIC_BITRATE] = 100.0,
  [BEACON_WATCHED_METRIC_NACK]    = 1.0,
  [BEACON_WATCHED_METRIC_PLI]     = 1.0,
  [BEACON_WATCHED_METRIC_LOST]    = 1.0,
};

void
_beacon_watched_stream_metrics_init (BeaconWatchedStream *self)
{
  for (guint m = 0; m < BEACON_WATCHED_N_METRICS; m++)
    for (guint side = 0; side < BEACON_WATCHED_N_SIDES; side++)
      for (guint span = 0; span < BEACON_WATCHED_N_SPANS; span++)
        {
          BeaconMetricSeries *series = beacon_metric_series_new (spans[span].capacity);

          beacon_metric_series_set_window (series, spans[span].window);
          beacon_metric_series_set_min_ceiling (series, min_ceilings[m]);
          self->series[m][side][span] = series;
        }

  self->history = g_array_sized_new (FALSE, FALSE, sizeof (BeaconWatchedRow), HISTORY_LEN + 1);
  for (guint side = 0; side < BEACON_WATCHED_N_SIDES; side++)
    for (guint i = 0; i < 3; i++)
      self->last_counts[side][i] = -1;
}

void
_beacon_watched_stream_metrics_clear (BeaconWatchedStream *self)
{
  for (guint m = 0; m < BEACON_WATCHED_N_METRICS; m++)
    for (guint side = 0; side < BEACON_WATCHED_N_SIDES; side++)
      for (guint span = 0; span < BEACON_WATCHED_N_SPANS; span++)
        g_clear_object (&self->series[m][side][span]);
  g_clear_pointer (&self->history, g_array_unref);
}

/* A running total into "since the last sample"; a total that went down means a new player
 * (restart) or a new server-side stream, so that sample starts over. */
static double
per_second (gint64 *last,
            gint64  total)
{
  gint64 previous = *last;

  if (total < 0)
    return NAN;
  *last = total;
  if (previous < 0 || total < previous)
    return NAN;
  return (double) (total - previous);
}

static void
append (BeaconWatchedStream *self,
        BeaconWatchedMetric  metric,
        BeaconWatchedSide    side,
        double               time,
        double               value)
{
  /* The series drop non-finite values themselves; unknown figures leave a gap. */
  for (guint span = 0; span < BEACON_WATCHED_N_SPANS; span++)
    beacon_metric_series_append (self->series[metric][side][span], time, value);
}

void
_beacon_watched_stream_add_sample (BeaconWatchedStream     *self,
                                   const BeaconStatsSample *sample)
{
  BeaconWatchedRow row;
  double time;

  g_return_if_fail (BEACON_IS_WATCHED_STREAM (self));
  g_return_if_fail (sample != NULL);

  row.time_ms = sample->time_ms;
  row.fps = sample->fps;
  row.bitrate_kbps = sample->bitrate_kbps;
  row.nack = per_second (&self->last_counts[BEACON_WATCHED_SIDE_LOCAL][0], sample->nack);
  row.pli = per_second (&self->last_counts[BEACON_WATCHED_SIDE_LOCAL][1], sample->pli);
  row.lost = per_second (&self->last_counts[BEACON_WATCHED_SIDE_LOCAL][2], sample->packets_lost);
  row.server_fps = sample->server_bitrate >= 0 ? sample->server_fps : NAN;
  row.server_bitrate_kbps = sample->server_bitrate >= 0 ? sample->server_bitrate / 1000.0 : NAN;

  time = sample->time_ms / 1000.0;
  append (self, BEACON_WATCHED_METRIC_FPS, BEACON_WATCHED_SIDE_LOCAL, time, row.fps);
  append (self, BEACON_WATCHED_METRIC_BITRATE, BEACON_WATCHED_SIDE_LOCAL, time, row.bitrate_kbps);
  append (self, BEACON_WATCHED_METRIC_NACK, BEACON_WATCHED_SIDE_LOCAL, time, row.nack);
  append (self, BEACON_WATCHED_METRIC_PLI, BEACON_WATCHED_SIDE_LOCAL, time, row.pli);
  append (self, BEACON_WATCHED_METRIC_LOST, BEACON_WATCHED_SIDE_LOCAL, time, row.lost);

  append (self, BEACON_WATCHED_METRIC_FPS, BEACON_WATCHED_SIDE_SERVER, time, row.server_fps);
  append (self, BEACON_WATCHED_METRIC_BITRATE, BEACON_WATCHED_SIDE_SERVER, time,
          row.server_bitrate_kbps);
  if (sample->server_bitrate >= 0)
    {
      append (self, BEACON_WATCHED_METRIC_NACK, BEACON_WATCHED_SIDE_SERVER, time,
              per_second (&self->last_counts[BEACON_WATCHED_SIDE_SERVER][0], sample->server_nack));
      append (self, BEACON_WATCHED_METRIC_PLI, BEACON_WATCHED_SIDE_SERVER, time,
              per_second (&self->last_counts[BEACON_WATCHED_SIDE_SERVER][1], sample->server_pli));
      append (self, BEACON_WATCHED_METRIC_LOST, BEACON_WATCHED_SIDE_SERVER, time,
              per_second (&self->last_counts[BEACON_WATCHED_SIDE_SERVER][2], sample->server_lost));
    }

  g_array_append_val (self->history, row);
  if (self->history->len > HISTORY_LEN)
    g_array_remove_range (self->history, 0, self->history->len - HISTORY_LEN);

  _beacon_watched_stream_set_figures (self, row.fps, row.bitrate_kbps, sample->video_codec);
  _beacon_watched_stream_set_quality (self, sample->quality);
}

BeaconMetricSeries *
beacon_watched_stream_get_series (BeaconWatchedStream *self,
                                  BeaconWatchedMetric  metric,
                                  BeaconWatchedSide    side,
                                  BeaconWatchedSpan    span)
{
  g_return_val_if_fail (BEACON_IS_WATCHED_STREAM (self), NULL);
  g_return_val_if_fail (metric < BEACON_WATCHED_N_METRICS, NULL);
  g_return_val_if_fail (side < BEACON_WATCHED_N_SIDES, NULL);
  g_return_val_if_fail (span < BEACON_WATCHED_N_SPANS, NULL);

  return self->series[metric][side][span];
}

static void
append_cell (GString *line,
             double   value,
             int      decimals)
{
  /* g_ascii_formatd: a comma as the decimal point would break the CSV in many locales. */
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];

  g_string_append_c (line, ',');
  if (!isfinite (value))
    return;
  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_string_append (line, g_ascii_formatd (buffer, sizeof buffer, format, value));
}

char *
beacon_watched_stream_dup_metrics_csv (BeaconWatchedStream *self)
{
  GString *csv;

  g_return_val_if_fail (BEACON_IS_WATCHED_STREAM (self), NULL);

  csv = g_string_new ("time,fps,bitrate_kbps,nack,pli,lost,server_fps,server_bitrate_kbps\n");
  for (guint i = 0; i < self->history->len; i++)
    {
      const BeaconWatchedRow *row = &g_array_index (self->history, BeaconWatchedRow, i);
      g_autoptr(GDateTime) utc = NULL;
      g_autofree char *stamp = NULL;

      utc = g_date_time_new_from_unix_utc (row->time_ms / 1000);
      stamp = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");
      g_string_append_printf (csv, "%s.%03dZ", stamp, (int) (row->time_ms % 1000));
      append_cell (csv, row->fps, 1);
      append_cell (csv, row->bitrate_kbps, 1);
      append_cell (csv, row->nack, 0);
      append_cell (csv, row->pli, 0);
      append_cell (csv, row->lost, 0);
      append_cell (csv, row->server_fps, 1);
      append_cell (csv, row->server_bitrate_kbps, 1);
      g_string_append_c (csv, '\n');
    }

  return g_string_free (csv, FALSE);
}
