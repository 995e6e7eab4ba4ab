/* beacon-cli-stats-print.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "beacon-stats-sample.h"

G_BEGIN_DECLS

/* The once-a-second lines of `publish` and `play`: one JSON object per line (--json) or a
 * translated human-readable line, and the summary at the end. stdout is flushed after every
 * line, since scripts read it live. */

typedef struct
{
  const char              *stream;        /* the stream's name */
  const char              *status;        /* "PUBLISHING", "PLAYING", … */
  const char              *info;          /* the server's reason text, or NULL */
  const BeaconStatsSample *sample;        /* NULL before the first one */
  gboolean                 has_latency;   /* play --latency */
  double                   latency_median;
  double                   latency_p95;
  guint64                  stamped_frames;
} BeaconCliStatsLine;

typedef struct
{
  BeaconCliStatsLine line;                /* the last sample and the final status */
  double             seconds;             /* from start to the end */
  guint64            frames;
  gint64             first_frame_ms;
} BeaconCliSummary;

void beacon_cli_stats_print_line    (const BeaconCliStatsLine *line,
                                     gboolean                  json);
void beacon_cli_stats_print_summary (const BeaconCliSummary   *summary,
                                     gboolean                  json);

G_END_DECLS
