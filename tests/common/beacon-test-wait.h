/* beacon-test-wait.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Waiting in a test: every wait is for a condition, with a deadline, and a miss fails the
 * test saying what was expected (style B15). Header-only; add include_directories('../common')
 * to a suite's executables to use it. */

/* A source that wakes the main context every 20 ms while a wait spins it, so the wait
 * re-reads its deadline even when nothing else happens. Also for hand-written loops whose
 * condition WAIT_FOR cannot express (one that must return a value). */
static inline gboolean
beacon_test_wait_tick (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Spins the default main context until @cond holds. When it does not within @seconds,
 * fails the test with @what and the condition's text, and returns from the calling (void)
 * function: the rest of the test would only report the same miss again. */
#define WAIT_FOR_FULL(cond, seconds, what)                                              \
  G_STMT_START {                                                                        \
    gint64 wait_deadline_ = g_get_monotonic_time () + (seconds) * G_USEC_PER_SEC;       \
    guint wait_tick_ = g_timeout_add (20, beacon_test_wait_tick, NULL);                 \
    while (!(cond) && g_get_monotonic_time () < wait_deadline_)                         \
      g_main_context_iteration (NULL, TRUE);                                            \
    g_source_remove (wait_tick_);                                                       \
    if (!(cond))                                                                        \
      {                                                                                 \
        g_test_fail_printf ("%s:%d: waited %d s for %s (%s)", __FILE__, __LINE__,       \
                            (int) (seconds), what, #cond);                              \
        return;                                                                         \
      }                                                                                 \
  } G_STMT_END

/* The usual wait: five seconds, plenty on loopback for anything but media. */
#define WAIT_FOR(cond, what) WAIT_FOR_FULL (cond, 5, what)

/* The same wait for helpers that cannot return early (they return a value, or run inside a
 * callback): a miss aborts the test program with the same message. */
#define WAIT_OR_ABORT(cond, seconds, what)                                              \
  G_STMT_START {                                                                        \
    gint64 wait_deadline_ = g_get_monotonic_time () + (seconds) * G_USEC_PER_SEC;       \
    guint wait_tick_ = g_timeout_add (20, beacon_test_wait_tick, NULL);                 \
    while (!(cond) && g_get_monotonic_time () < wait_deadline_)                         \
      g_main_context_iteration (NULL, TRUE);                                            \
    g_source_remove (wait_tick_);                                                       \
    if (!(cond))                                                                        \
      g_error ("%s:%d: waited %d s for %s (%s)", __FILE__, __LINE__, (int) (seconds),   \
               what, #cond);                                                            \
  } G_STMT_END

G_END_DECLS
