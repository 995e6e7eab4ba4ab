/* bench-relay-fanout.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* P publishers (default 1) relayed by a real `beacon-cli serve` process to N players
 * (default 16, spread evenly over the publishers): prints each player's frame rate over a
 * window (median, worst, p95 of the worst) and the server process's CPU. The players
 * depayload but do not decode, so the figure is the relay's.
 * Usage: bench-relay-fanout BEACON_CLI [PLAYERS] [SECONDS] [PUBLISHERS] */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "relay-test-peer.h"

static double
process_cpu_seconds (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", pid);
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after;

  if (!g_file_get_contents (path, &text, NULL, NULL) || !(after = strrchr (text, ')')))
    return 0;
  fields = g_strsplit (after + 2, " ", -1);
  /* utime and stime are fields 14 and 15 of stat; after "pid (comm) " they are 11 and 12. */
  if (g_strv_length (fields) < 13)
    return 0;
  return (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL)) /
         sysconf (_SC_CLK_TCK);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static gboolean
wait_for (gboolean (*check) (gpointer), gpointer data, int seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!check (data) && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (10000);
  return check (data);
}

static gboolean
all_playing (gpointer data)
{
  GPtrArray *players = data;

  for (guint i = 0; i < players->len; i++)
    if (test_peer_get_status (g_ptr_array_index (players, i)) != BEACON_WCS_STREAM_STATUS_PLAYING)
      return FALSE;
  return TRUE;
}

static gboolean
all_publishing (gpointer data)
{
  GPtrArray *publishers = data;

  for (guint i = 0; i < publishers->len; i++)
    if (test_peer_get_status (g_ptr_array_index (publishers, i)) !=
        BEACON_WCS_STREAM_STATUS_PUBLISHING)
      return FALSE;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  const char *cli = argc > 1 ? argv[1] : g_getenv ("BEACON_CLI");
  guint n_players = argc > 2 ? (guint) atoi (argv[2]) : 16;
  double window = argc > 3 ? g_ascii_strtod (argv[3], NULL) : 10;
  guint n_publishers = argc > 4 ? (guint) atoi (argv[4]) : 1;
  const char *server_argv[] = { cli, "serve", "--port", "0", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) players = g_ptr_array_new_with_free_func ((GDestroyNotify) test_peer_free);
  g_autoptr(GPtrArray) publishers =
    g_ptr_array_new_with_free_func ((GDestroyNotify) test_peer_free);
  TestPeer *publisher;
  g_autofree double *fps = NULL;
  g_autofree char *line = NULL;
  g_autofree char *url = NULL;
  GIOChannel *out;
  GPid pid;
  int out_fd;
  double cpu_before, cpu_after;
  gint64 t0, t1;
  int *before;

  gst_init (&argc, &argv);
  if (cli == NULL || n_players == 0 || n_publishers == 0)
    {
      g_printerr ("usage: %s BEACON_CLI [PLAYERS] [SECONDS] [PUBLISHERS]\n", argv[0]);
      return 2;
    }
  if (!g_spawn_async_with_pipes (NULL, (char **) server_argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                 NULL, NULL, &pid, NULL, &out_fd, NULL, &error))
    {
      g_printerr ("cannot start %s: %s\n", cli, error->message);
      return 1;
    }
  out = g_io_channel_unix_new (out_fd);
  if (g_io_channel_read_line (out, &line, NULL, NULL, &error) != G_IO_STATUS_NORMAL ||
      !g_str_has_prefix (line, "Listening on "))
    {
      g_printerr ("the server did not say where it listens\n");
      return 1;
    }
  url = g_strstrip (g_strdup (line + strlen ("Listening on ")));

  for (guint i = 0; i < n_publishers; i++)
    {
      g_autofree char *name = g_strdup_printf ("fanout%u", i);

      publisher = test_peer_new_publisher (url, "H264", 640, 360);
      g_ptr_array_add (publishers, publisher);
      test_peer_start (publisher, name);
    }
  if (!wait_for (all_publishing, publishers, 30))
    {
      g_printerr ("not every publisher reached PUBLISHING within 30 s\n");
      kill (pid, SIGTERM);
      return 1;
    }
  for (guint i = 0; i < n_players; i++)
    {
      TestPeer *player = test_peer_new_player (url, FALSE);
      g_autofree char *name = g_strdup_printf ("fanout%u", i % n_publishers);

      g_ptr_array_add (players, player);
      test_peer_start (player, name);
    }
  if (!wait_for (all_playing, players, 60))
    {
      g_printerr ("not every player reached PLAYING within 60 s\n");
      kill (pid, SIGTERM);
      return 1;
    }
  /* Let every player get past its first keyframe before measuring. */
  publisher = g_ptr_array_index (publishers, 0);
  test_peer_count_frames (publisher, 2.0);

  before = g_new0 (int, n_players);
  for (guint i = 0; i < n_players; i++)
    before[i] = g_atomic_int_get (&((TestPeer *) g_ptr_array_index (players, i))->frames);
  cpu_before = process_cpu_seconds (pid);
  t0 = g_get_monotonic_time ();
  test_peer_count_frames (publisher, window);
  t1 = g_get_monotonic_time ();
  cpu_after = process_cpu_seconds (pid);

  fps = g_new0 (double, n_players);
  for (guint i = 0; i < n_players; i++)
    fps[i] = (g_atomic_int_get (&((TestPeer *) g_ptr_array_index (players, i))->frames) -
              before[i]) / ((t1 - t0) / (double) G_USEC_PER_SEC);
  qsort (fps, n_players, sizeof (double), compare_double);

  printf ("relay fan-out: %u publisher(s) (H.264 640x360 30 fps) -> %u players, %.0f s window\n",
          n_publishers, n_players, window);
  printf ("  player fps: median %.1f, worst %.1f, p95-worst %.1f\n", fps[n_players / 2],
          fps[0], fps[n_players / 20]);
  printf ("  server CPU: %.0f %% of one core\n",
          100 * (cpu_after - cpu_before) / ((t1 - t0) / (double) G_USEC_PER_SEC));
  fflush (stdout);

  g_ptr_array_set_size (players, 0);
  g_ptr_array_set_size (publishers, 0);
  kill (pid, SIGTERM);
  g_spawn_close_pid (pid);
  g_io_channel_unref (out);
  g_free (before);
  return 0;
}
