/* beacon-cli-media-run.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "beacon-cli-stats-print.h"
#include "beacon-media-peer.h"
#include "beacon-wcs-client.h"

G_BEGIN_DECLS

/* What `publish` and `play` share: the arguments and the options --seconds, --json,
 * --app-key and --timeout; then connect, start a BeaconPublisher or BeaconPlayer, print a
 * line a second, stop after --seconds or on SIGINT/SIGTERM, print the summary, and choose
 * the exit code. */

typedef struct
{
  /* Filled by beacon_cli_media_parse */
  const char *url;
  const char *name;
  const char *app_key;           /* NULL: defaultApp */
  int         connect_timeout_ms;
  gboolean    json;
  int         seconds;           /* 0: until SIGINT or SIGTERM */

  /* Set by the command */
  gboolean    require_frames;    /* play: no frame by the end is a failure */
  BeaconMediaPeer *(*create)       (BeaconWcsClient    *client,
                                    gpointer            user_data);
  /* Optional: latency figures for each line (play --latency). */
  void             (*read_latency) (BeaconMediaPeer    *media,
                                    BeaconCliStatsLine *line);
  gpointer    user_data;
} BeaconCliMediaSpec;

/**
 * beacon_cli_media_parse:
 * @entries: the command's own options; the shared ones come after them
 * @parameter_string: the help's summary line ("URL NAME — play a stream")
 * @usage: what to print when URL and NAME are not both given
 *
 * Reads URL, NAME and the shared options into @spec. Prints the problem and returns %FALSE
 * on a usage error. Range checks stay with the command, so that one message names all of
 * its limits.
 */
gboolean beacon_cli_media_parse (BeaconCliMediaSpec *spec,
                                 const GOptionEntry *entries,
                                 const char         *parameter_string,
                                 const char         *usage,
                                 int                *argc,
                                 char             ***argv);

/** beacon_cli_media_run: runs @spec to the end; returns the command's exit code. */
int      beacon_cli_media_run   (const BeaconCliMediaSpec *spec);

G_END_DECLS
