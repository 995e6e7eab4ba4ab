/* test-cli-media.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* beacon-cli publish, play and devices as real processes: usage errors, exit codes, and a
 * publish → `beacon-cli serve` → `play --json --latency` run whose JSON lines scripts read. */

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>

#include "beacon-test-port.h"
#include "wcs-fake-server.h"

/* A running beacon-cli whose stdout is read line by line as it comes. */
typedef struct
{
  GSubprocess      *process;
  GDataInputStream *out;
  GPtrArray        *lines;      /* stdout lines so far */
  char             *err;        /* stderr, once exited */
  gboolean          eof;
  gboolean          exited;
  int               status;
} Cli;

static void read_next_line (Cli *cli);

static void
on_line (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Cli *cli = user_data;
  char *line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result,
                                                          NULL, NULL);

  if (line == NULL)
    {
      cli->eof = TRUE;
      return;
    }
  g_ptr_array_add (cli->lines, line);
  read_next_line (cli);
}

static void
read_next_line (Cli *cli)
{
  g_data_input_stream_read_line_async (cli->out, G_PRIORITY_DEFAULT, NULL, on_line, cli);
}

static void
on_err_read (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Cli *cli = user_data;
  g_autoptr(GBytes) bytes = NULL;

  /* stderr is small: one read after exit is enough, and an empty one means nothing. */
  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, NULL);
  cli->err = bytes != NULL ? g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes))
                           : g_strdup ("");
}

static void
on_exited (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Cli *cli = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  cli->status = g_subprocess_get_if_exited (G_SUBPROCESS (source))
    ? g_subprocess_get_exit_status (G_SUBPROCESS (source)) : -1;
  g_input_stream_read_bytes_async (g_subprocess_get_stderr_pipe (G_SUBPROCESS (source)), 65536,
                                   G_PRIORITY_DEFAULT, NULL, on_err_read, cli);
  cli->exited = TRUE;
}

static Cli *
cli_spawn (const char *first_arg,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Cli *cli = g_new0 (Cli, 1);
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("BEACON_CLI"));
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  cli->lines = g_ptr_array_new_with_free_func (g_free);
  cli->process = g_subprocess_newv ((const char * const *) argv->pdata,
                                    G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                    G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  cli->out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (cli->process));
  read_next_line (cli);
  g_subprocess_wait_async (cli->process, NULL, on_exited, cli);
  return cli;
}

/* Leaks @cli on purpose when its process never ended: its callbacks may still come. */
static void
cli_free (Cli *cli)
{
  if (!cli->exited || !cli->eof || cli->err == NULL)
    {
      g_subprocess_force_exit (cli->process);
      return;
    }
  g_clear_object (&cli->out);
  g_clear_object (&cli->process);
  g_ptr_array_unref (cli->lines);
  g_free (cli->err);
  g_free (cli);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Cli, cli_free)

static gboolean
cli_done (Cli *cli)
{
  return cli->exited && cli->eof && cli->err != NULL;
}

static const char *
cli_last_line (Cli *cli)
{
  return cli->lines->len > 0 ? g_ptr_array_index (cli->lines, cli->lines->len - 1) : "";
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *line)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, line, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

/* Whether any stdout line so far is a JSON object with "status" == @status. */
static gboolean
cli_saw_status (Cli        *cli,
                const char *status)
{
  for (guint i = 0; i < cli->lines->len; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      const char *line = g_ptr_array_index (cli->lines, i);

      if (json_parser_load_from_data (parser, line, -1, NULL) &&
          JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) &&
          g_strcmp0 (json_object_get_string_member_with_default (
                       json_node_get_object (json_parser_get_root (parser)), "status", ""),
                     status) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
lines_contain (Cli        *cli,
               const char *text)
{
  for (guint i = 0; i < cli->lines->len; i++)
    if (strstr (g_ptr_array_index (cli->lines, i), text) != NULL)
      return TRUE;
  return FALSE;
}

static void
check_usage (const char *first_arg,
             ...)
{
  const char *args[12] = { first_arg };
  g_autoptr(Cli) cli = NULL;
  guint n = 1;
  va_list ap;

  va_start (ap, first_arg);
  while (n < G_N_ELEMENTS (args) - 1 && (args[n] = va_arg (ap, const char *)) != NULL)
    n++;
  va_end (ap);
  args[n] = NULL;

  cli = cli_spawn (args[0], args[1], args[2], args[3], args[4], args[5], args[6], args[7],
                   args[8], args[9], args[10], NULL);
  WAIT_FOR (cli_done (cli), "beacon-cli to exit on a usage error");
  if (cli->status != 2)
    g_test_fail_printf ("beacon-cli %s %s …: exit %d, expected 2 (stderr “%s”)", args[0],
                        args[1] ? args[1] : "", cli->status, cli->err);
  g_assert_cmpstr (cli->err, !=, "");
}

static void
test_usage (void)
{
  check_usage ("publish", NULL);
  check_usage ("publish", "ws://127.0.0.1:9/", NULL);
  check_usage ("publish", "http://127.0.0.1/", "cam1", NULL);
  check_usage ("publish", "ws://127.0.0.1:9/", "cam1", "--codec", "h265", NULL);
  check_usage ("publish", "ws://127.0.0.1:9/", "cam1", "--width", "0", NULL);
  check_usage ("publish", "ws://127.0.0.1:9/", "cam1", "--bitrate", "many", NULL);
  check_usage ("publish", "ws://127.0.0.1:9/", "cam1", "--seconds", "-1", NULL);
  check_usage ("play", NULL);
  check_usage ("play", "not a url", "cam1", NULL);
  check_usage ("play", "ws://127.0.0.1:9/", "cam1", "--decoder", "gpu", NULL);
  check_usage ("play", "ws://127.0.0.1:9/", "cam1", "extra", NULL);
  check_usage ("devices", "extra", NULL);
}

static void
check_no_server (const char *command)
{
  g_autofree char *url = beacon_test_dup_closed_url ("ws", "/");
  g_autofree char *expected = g_strdup_printf ("Could not connect to %s: ", url);
  g_autoptr(Cli) cli = cli_spawn (command, url, "cam1", "--seconds", "1", NULL);

  WAIT_FOR_FULL (cli_done (cli), 15, "beacon-cli to give up connecting");
  g_assert_cmpint (cli->status, ==, 3);
  if (strstr (cli->err, expected) == NULL)
    g_test_fail_printf ("stderr “%s” should contain “%s”", cli->err, expected);
}

static void
test_no_server (void)
{
  check_no_server ("publish");
  check_no_server ("play");
}

static void
test_devices (void)
{
  g_autoptr(Cli) cli = cli_spawn ("devices", NULL);

  WAIT_FOR_FULL (cli_done (cli), 15, "beacon-cli devices to exit");
  g_assert_cmpint (cli->status, ==, 0);
  /* Either a list or a plain sentence saying there is nothing. */
  g_assert_cmpuint (cli->lines->len, >, 0);
  g_assert_cmpstr (cli_last_line (cli), !=, "");
}

/* Starts `beacon-cli serve --port 0`; returns its URL, or NULL after failing the test. */
static char *
start_server (Cli **server)
{
  const char *prefix = "Listening on ";
  const char *line;

  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (20, beacon_test_wait_tick, NULL);

  *server = cli_spawn ("serve", "--port", "0", NULL);
  while ((*server)->lines->len == 0 && !cli_done (*server) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  if ((*server)->lines->len == 0)
    {
      g_test_fail_printf ("waited 10 s for beacon-cli serve to print its address");
      return NULL;
    }
  line = g_ptr_array_index ((*server)->lines, 0);
  g_assert_true (g_str_has_prefix (line, prefix));
  return g_strdup (line + strlen (prefix));
}

static void
stop_process (Cli *cli)
{
  g_subprocess_send_signal (cli->process, SIGTERM);
  WAIT_FOR_FULL (cli_done (cli), 10, "beacon-cli to exit on SIGTERM");
}

static void
check_line_keys (JsonObject *object,
                 gboolean    latency)
{
  static const char * const keys[] = {
    "time", "stream", "status", "info", "fps", "bitrate_kbps", "nack", "pli", "lost",
    "jitter_ms", "width", "height", "video_codec", "audio_codec", "decoder", "frames",
    "first_frame_ms", "quality"
  };

  for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
    if (!json_object_has_member (object, keys[i]))
      g_test_fail_printf ("a JSON line lacks “%s”", keys[i]);
  if (latency)
    {
      JsonObject *latency_ms = json_object_get_object_member (object, "latency_ms");

      g_assert_nonnull (latency_ms);
      g_assert_true (json_object_has_member (latency_ms, "median"));
      g_assert_true (json_object_has_member (latency_ms, "p95"));
      g_assert_true (json_object_has_member (latency_ms, "stamped_frames"));
    }
}

static void
test_publish_play (void)
{
  g_autoptr(Cli) server = NULL;
  g_autoptr(Cli) publish = NULL;
  g_autoptr(Cli) play = NULL;
  g_autoptr(Cli) missing = NULL;
  g_autofree char *url = start_server (&server);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *summary;
  JsonObject *latency;
  guint seconds_lines = 0;

  if (url == NULL)
    return;

  publish = cli_spawn ("publish", url, "cli-cam", "--stamp", "--json", NULL);
  WAIT_FOR_FULL (cli_saw_status (publish, "PUBLISHING") || cli_done (publish), 15,
                 "publish to print a PUBLISHING line");
  g_assert_false (cli_done (publish));

  play = cli_spawn ("play", url, "cli-cam", "--json", "--latency", "--seconds", "5", NULL);
  WAIT_FOR_FULL (cli_done (play), 20, "play --seconds 5 to exit");
  if (play->status != 0)
    g_test_fail_printf ("play exited %d: %s", play->status, play->err);

  /* One object a second with the documented keys, then the summary. */
  for (guint i = 0; i + 1 < play->lines->len; i++)
    {
      JsonObject *line = parse_object (parser, g_ptr_array_index (play->lines, i));

      check_line_keys (line, TRUE);
      g_assert_false (json_object_has_member (line, "summary"));
      seconds_lines++;
    }
  g_assert_cmpuint (seconds_lines, >=, 3);
  summary = parse_object (parser, cli_last_line (play));
  g_assert_true (json_object_get_boolean_member (summary, "summary"));
  check_line_keys (summary, TRUE);
  g_assert_cmpstr (json_object_get_string_member (summary, "stream"), ==, "cli-cam");
  g_assert_cmpint (json_object_get_int_member (summary, "frames"), >, 100);
  g_assert_cmpint (json_object_get_int_member (summary, "width"), ==, 640);
  g_assert_cmpint (json_object_get_int_member (summary, "height"), ==, 360);
  g_assert_cmpstr (json_object_get_string_member (summary, "decoder"), ==, "avdec_h264");
  latency = json_object_get_object_member (summary, "latency_ms");
  g_assert_cmpint (json_object_get_int_member (latency, "stamped_frames"), >, 100);
  g_assert_cmpfloat (json_object_get_double_member (latency, "median"), >, 0);

  /* A name nobody publishes: FAILED with the server's reason, exit 1. */
  missing = cli_spawn ("play", url, "nobody", "--seconds", "5", NULL);
  WAIT_FOR_FULL (cli_done (missing), 15, "play of a missing stream to exit");
  g_assert_cmpint (missing->status, ==, 1);
  if (strstr (missing->err, "Stream not found") == NULL)
    g_test_fail_printf ("stderr “%s” should carry the server's “Stream not found”",
                        missing->err);

  /* SIGTERM: the publisher unpublishes, prints its summary and exits 0. */
  stop_process (publish);
  g_assert_cmpint (publish->status, ==, 0);
  summary = parse_object (parser, cli_last_line (publish));
  g_assert_true (json_object_get_boolean_member (summary, "summary"));
  g_assert_cmpstr (json_object_get_string_member (summary, "status"), ==, "UNPUBLISHED");
  g_assert_cmpstr (json_object_get_string_member (summary, "encoder"), ==, "x264enc");

  stop_process (server);
  g_assert_cmpint (server->status, ==, 0);
}

static void
test_human_output (void)
{
  g_autoptr(Cli) server = NULL;
  g_autoptr(Cli) publish = NULL;
  g_autofree char *url = start_server (&server);

  if (url == NULL)
    return;

  /* Without --json: readable lines, live, and the summary. */
  publish = cli_spawn ("publish", url, "human", "--codec", "vp8", "--seconds", "3", NULL);
  WAIT_FOR_FULL (cli_done (publish), 20, "publish --seconds 3 to exit");
  g_assert_cmpint (publish->status, ==, 0);
  g_assert_cmpuint (publish->lines->len, >=, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (publish->lines, 0), "human"));
  g_assert_nonnull (strstr (g_ptr_array_index (publish->lines, 0), "fps"));
  g_assert_null (strchr (g_ptr_array_index (publish->lines, 0), '{'));
  /* The summary names the final status; the server's reason follows it. */
  g_assert_true (lines_contain (publish, "human UNPUBLISHED after"));
  g_assert_true (lines_contain (publish, "Stopped by publisher stop"));

  stop_process (server);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_assert_nonnull (g_getenv ("BEACON_CLI"));

  g_test_add_func ("/beacon/cli/media/usage", test_usage);
  g_test_add_func ("/beacon/cli/media/no-server", test_no_server);
  g_test_add_func ("/beacon/cli/media/devices", test_devices);
  g_test_add_func ("/beacon/cli/media/publish-play", test_publish_play);
  g_test_add_func ("/beacon/cli/media/human-output", test_human_output);

  return g_test_run ();
}
