/* cli-test-util.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Running beacon-cli ($BEACON_CLI, set by meson) as a process and keeping what it said;
 * shared by the CLI tests that wait for one command to exit. */

typedef struct
{
  gboolean done;      /* the process has exited and both pipes are read */
  int      status;    /* its exit status */
  char    *out;
  char    *err;
} Outcome;

/* Starts beacon-cli with @args (NULL-terminated, the command first); @outcome is filled
 * in when it exits, on the default main context: wait for outcome->done. */
GSubprocess *spawn_cli     (Outcome            *outcome,
                            const char * const *args);
/* Frees the output and makes @outcome ready for the next run. */
void         outcome_clear (Outcome            *outcome);

G_END_DECLS
