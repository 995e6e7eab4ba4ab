/* cli-test-util.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cli-test-util.h"

static void
on_exited (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Outcome *outcome = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &outcome->out,
                                        &outcome->err, &error);
  g_assert_no_error (error);
  outcome->status = g_subprocess_get_exit_status (G_SUBPROCESS (source));
  outcome->done = TRUE;
}

GSubprocess *
spawn_cli (Outcome            *outcome,
           const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_ptr_array_add (argv, (gpointer) g_getenv ("BEACON_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, on_exited, outcome);
  return process;
}

void
outcome_clear (Outcome *outcome)
{
  g_clear_pointer (&outcome->out, g_free);
  g_clear_pointer (&outcome->err, g_free);
  outcome->done = FALSE;
}
