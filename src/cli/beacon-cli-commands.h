/* beacon-cli-commands.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes are part of the interface: scripts and monitoring systems read them. */
enum {
  EXIT_OK = 0,
  EXIT_STREAM = 1,
  EXIT_USAGE = 2,
  EXIT_CONNECT = 3,
};

/* Each command gets argv with argv[0] = the command's name, and returns the exit code. */
int beacon_cli_check (int argc, char **argv);
int beacon_cli_serve (int argc, char **argv);
int beacon_cli_publish (int argc, char **argv);
int beacon_cli_play (int argc, char **argv);
int beacon_cli_devices (int argc, char **argv);
int beacon_cli_streams (int argc, char **argv);

G_END_DECLS
