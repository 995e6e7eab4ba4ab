/* beacon-cli-media-run.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "beacon-cli-stats-print.h"
#include "beacon-wcs-client.h"

G_BEGIN_DECLS

/* What `publish` and `play` share: connect, start a BeaconPublisher or BeaconPlayer (both
 * have the properties status, error and stream and the signal stats-updated), print a line
 * a second, stop after --seconds or on SIGINT/SIGTERM, print the summary, and choose the
 * exit code. */

typedef struct
{
  const char *url;
  const char *name;
  const char *app_key;           /* NULL: defaultApp */
  guint       connect_timeout_ms;
  gboolean    json;
  guint       seconds;           /* 0: until SIGINT or SIGTERM */
  gboolean    require_frames;    /* play: no frame by the end is a failure */

  GObject  *(*create)         (BeaconWcsClient *client,
                               gpointer         user_data);
  gboolean  (*start)          (GObject         *media,
                               const char      *name,
                               GError         **error);
  void      (*stop)           (GObject         *media);
  guint64   (*count_frames)   (GObject         *media);
  /* Optional: latency figures for each line (play --latency). */
  void      (*read_latency)   (GObject            *media,
                               BeaconCliStatsLine *line);
  gpointer    user_data;
} BeaconCliMediaSpec;

/** beacon_cli_media_run: runs @spec to the end; returns the command's exit code. */
int beacon_cli_media_run (const BeaconCliMediaSpec *spec);

G_END_DECLS
