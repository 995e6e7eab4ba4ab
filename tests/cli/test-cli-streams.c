/* test-cli-streams.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* beacon-cli streams, run as a real process against a real `beacon-cli serve` with its REST
 * API on a free port: exit codes and output are the interface scripts rely on. */

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "beacon-test-port.h"
#include "beacon-test-wait.h"
#include "cli-test-util.h"

/* A running `beacon-cli serve --port 0 --rest-port 0` and what it printed. */
typedef struct
{
  GSubprocess      *process;
  GDataInputStream *stdout_lines;
  GCancellable     *cancellable;
  char             *ws_url;
  char             *rest_url;
  gboolean          eof;
  gboolean          exited;
  int               exit_status;
  guint             pending;      /* async calls that still hold a pointer to us */
} Serve;

/* A scripted REST API: the find answer (status 500 makes the CLI fall back to find_all). */
typedef struct
{
  SoupServer *server;
  char       *url;
  guint       find_status;
  char       *authorization;
  GPtrArray  *paths;
} Scripted;

static const char two_streams[] =
  "[{\"mediaSessionId\":\"pub-1\",\"name\":\"cam1\",\"published\":true,"
  "\"status\":\"PUBLISHING\",\"audioCodec\":\"opus\",\"videoCodec\":\"H264\","
  "\"width\":0,\"height\":0,\"createDate\":1616730493789,\"mediaProvider\":\"WebRTC\","
  "\"metrics\":{\"VIDEO_WIDTH\":\"640\",\"VIDEO_HEIGHT\":360,\"VIDEO_RATE\":1187440,"
  "\"VIDEO_FPS\":29.6,\"VIDEO_CODEC\":119}},"
  "{\"mediaSessionId\":\"play-1\",\"name\":\"cam1\",\"published\":false,"
  "\"status\":\"PLAYING\",\"width\":320,\"height\":240}]";

/* Keeps reading serve's stdout, picking the two addresses out of its lines. */
static void
on_serve_line (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Serve *serve = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = g_data_input_stream_read_line_finish_utf8 (
    G_DATA_INPUT_STREAM (source), result, NULL, &error);
  const char *at;

  serve->pending--;
  if (line == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        serve->eof = TRUE;
      return;
    }
  g_test_message ("serve: %s", line);
  if (serve->ws_url == NULL && (at = strstr (line, "ws://")) != NULL)
    serve->ws_url = g_strdup (at);
  else if (serve->rest_url == NULL && (at = strstr (line, "http://")) != NULL)
    serve->rest_url = g_strdup (at);
  serve->pending++;
  g_data_input_stream_read_line_async (serve->stdout_lines, G_PRIORITY_DEFAULT,
                                       serve->cancellable, on_serve_line, serve);
}

static void
on_serve_exited (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Serve *serve = user_data;

  serve->pending--;
  if (g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL))
    {
      serve->exited = TRUE;
      serve->exit_status = g_subprocess_get_if_exited (G_SUBPROCESS (source))
                           ? g_subprocess_get_exit_status (G_SUBPROCESS (source)) : -1;
    }
}

static void
serve_set_up (Serve         *serve,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  serve->cancellable = g_cancellable_new ();
  serve->process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                     g_getenv ("BEACON_CLI"), "serve", "--port", "0",
                                     "--rest-port", "0", NULL);
  g_assert_no_error (error);
  serve->stdout_lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (serve->process));
  serve->pending = 2;
  g_data_input_stream_read_line_async (serve->stdout_lines, G_PRIORITY_DEFAULT,
                                       serve->cancellable, on_serve_line, serve);
  g_subprocess_wait_async (serve->process, serve->cancellable, on_serve_exited, serve);
}

/* Also after a failed wait: no serve outlives its test. */
static void
serve_tear_down (Serve         *serve,
                 gconstpointer  data)
{
  gint64 deadline;

  if (serve->process != NULL && !serve->exited)
    g_subprocess_force_exit (serve->process);
  g_cancellable_cancel (serve->cancellable);
  /* The cancelled calls still report back; they must find us alive. */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (serve->pending > 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (serve->pending, ==, 0);
  g_clear_object (&serve->stdout_lines);
  g_clear_object (&serve->process);
  g_clear_object (&serve->cancellable);
  g_clear_pointer (&serve->ws_url, g_free);
  g_clear_pointer (&serve->rest_url, g_free);
}

static void
on_scripted_request (SoupServer        *server,
                     SoupServerMessage *msg,
                     const char        *path,
                     GHashTable        *query,
                     gpointer           user_data)
{
  Scripted *scripted = user_data;
  guint status = g_str_equal (path, "/rest-api/stream/find") ? scripted->find_status
                                                              : SOUP_STATUS_OK;

  g_ptr_array_add (scripted->paths, g_strdup (path));
  g_free (scripted->authorization);
  scripted->authorization = g_strdup (soup_message_headers_get_one (
    soup_server_message_get_request_headers (msg), "Authorization"));
  soup_server_message_set_status (msg, status, NULL);
  if (status == SOUP_STATUS_OK)
    soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                      two_streams, strlen (two_streams));
}

static void
scripted_set_up (Scripted      *scripted,
                 gconstpointer  data)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  GSList *listeners;

  scripted->find_status = SOUP_STATUS_OK;
  scripted->paths = g_ptr_array_new_with_free_func (g_free);
  scripted->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (scripted->server, NULL, on_scripted_request, scripted, NULL);
  g_assert_true (soup_server_listen (scripted->server, address, 0, &error));
  g_assert_no_error (error);
  listeners = soup_server_get_listeners (scripted->server);
  bound = g_socket_get_local_address (listeners->data, &error);
  g_assert_no_error (error);
  g_slist_free (listeners);
  scripted->url = g_strdup_printf ("http://127.0.0.1:%u/",
                                   g_inet_socket_address_get_port (
                                     G_INET_SOCKET_ADDRESS (bound)));
}

static void
scripted_tear_down (Scripted      *scripted,
                    gconstpointer  data)
{
  soup_server_disconnect (scripted->server);
  g_clear_object (&scripted->server);
  g_free (scripted->url);
  g_free (scripted->authorization);
  g_ptr_array_unref (scripted->paths);
}

/* Two streams as a table: one row each, the measured size and rate where there are
 * metrics, the opened size where there are none; credentials from the password file. */
static void
test_table (Scripted      *scripted,
            gconstpointer  data)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *password_file = NULL;
  g_auto(GStrv) lines = NULL;
  Outcome outcome = { 0 };
  int fd;

  fd = g_file_open_tmp ("beacon-test-XXXXXX", &password_file, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (password_file, "secret\nignored\n", -1, &error);
  g_assert_no_error (error);

  process = spawn_cli (&outcome, (const char *[]) {
    "streams", scripted->url, "--user", "user", "--password-file", password_file, NULL });
  WAIT_FOR_FULL (outcome.done, 20, "beacon-cli streams to exit");
  g_unlink (password_file);
  g_assert_cmpint (outcome.status, ==, 0);
  g_assert_cmpstr (scripted->authorization, ==, "Basic dXNlcjpzZWNyZXQ=");
  g_assert_cmpstr (g_ptr_array_index (scripted->paths, 0), ==, "/rest-api/stream/find");

  lines = g_strsplit (outcome.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_regex_match_simple ("^NAME +ROLE +STATUS +CODEC +RESOLUTION +BITRATE +FPS "
                                       "+SINCE$", lines[0], 0, 0));
  g_assert_true (g_regex_match_simple ("^cam1 +publisher +PUBLISHING +H264/opus +640×360 "
                                       "+1187 kbit/s +30 +2021-03-2[56] [0-9:]+$",
                                       lines[1], 0, 0));
  g_assert_true (g_regex_match_simple ("^cam1 +player +PLAYING +— +320×240 +— +— +—$",
                                       lines[2], 0, 0));
  /* Columns line up. */
  g_assert_cmpint (g_utf8_pointer_to_offset (lines[0], strstr (lines[0], "ROLE")), ==,
                   g_utf8_pointer_to_offset (lines[1], strstr (lines[1], "publisher")));
  outcome_clear (&outcome);
}

/* A server that refuses the bare find still gets listed, through find_all; --json keeps
 * WCS's member names. */
static void
test_json_fallback (Scripted      *scripted,
                    gconstpointer  data)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *first;
  Outcome outcome = { 0 };

  scripted->find_status = SOUP_STATUS_INTERNAL_SERVER_ERROR;
  process = spawn_cli (&outcome, (const char *[]) { "streams", scripted->url, "--json", NULL });
  WAIT_FOR_FULL (outcome.done, 20, "beacon-cli streams --json to exit");
  g_assert_cmpint (outcome.status, ==, 0);
  g_assert_cmpuint (scripted->paths->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (scripted->paths, 1), ==, "/rest-api/stream/find_all");
  g_assert_null (scripted->authorization);

  root = json_from_string (outcome.out, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 2);
  first = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "mediaSessionId"), ==, "pub-1");
  g_assert_true (json_object_get_boolean_member (first, "published"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (first, "metrics"),
                                               "VIDEO_WIDTH"), ==, 640);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (first,
                                                                                 "metrics"),
                                                  "VIDEO_CODEC"), ==, "119");
  outcome_clear (&outcome);
}

/* An empty server: an empty list is a success, as text and as JSON. */
static void
test_empty_server (Serve         *serve,
                   gconstpointer  data)
{
  Outcome outcome = { 0 };
  g_autofree char *expected = NULL;

  WAIT_FOR_FULL ((serve->ws_url != NULL && serve->rest_url != NULL) || serve->eof, 20,
                 "serve to print its WebSocket and REST addresses");
  g_assert_nonnull (serve->ws_url);
  g_assert_nonnull (serve->rest_url);
  g_assert_true (g_str_has_suffix (serve->rest_url, "/rest-api/"));

  {
    g_autoptr(GSubprocess) process = spawn_cli (&outcome, (const char *[]) {
      "streams", serve->ws_url, "--rest-url", serve->rest_url, NULL });

    WAIT_FOR_FULL (outcome.done, 20, "beacon-cli streams to exit");
    g_assert_cmpint (outcome.status, ==, 0);
    expected = g_strdup_printf ("No streams on %.*s\n",
                                (int) (strlen (serve->rest_url) - strlen ("/rest-api/")),
                                serve->rest_url);
    g_assert_cmpstr (outcome.out, ==, expected);
    outcome_clear (&outcome);
  }
  {
    g_autoptr(GSubprocess) process = spawn_cli (&outcome, (const char *[]) {
      "streams", serve->rest_url, "--json", NULL });

    WAIT_FOR_FULL (outcome.done, 20, "beacon-cli streams --json to exit");
    g_assert_cmpint (outcome.status, ==, 0);
    g_assert_cmpstr (outcome.out, ==, "[]\n");
    outcome_clear (&outcome);
  }

  /* serve stops cleanly on SIGTERM, REST API included. */
  g_subprocess_send_signal (serve->process, SIGTERM);
  WAIT_FOR_FULL (serve->exited, 20, "serve to exit on SIGTERM");
  g_assert_cmpint (serve->exit_status, ==, 0);
}

static void
test_no_server (void)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *url = beacon_test_dup_closed_url ("http", "");
  Outcome outcome = { 0 };

  process = spawn_cli (&outcome, (const char *[]) {
    "streams", "ws://127.0.0.1:8080/", "--rest-url", url, "--json", NULL });
  WAIT_FOR_FULL (outcome.done, 20, "beacon-cli streams to exit");
  g_assert_cmpint (outcome.status, ==, 3);
  g_assert_cmpstr (outcome.out, ==, "");
  g_assert_nonnull (strstr (outcome.err, "Could not reach the REST API at"));
  g_assert_nonnull (strstr (outcome.err, url));
  outcome_clear (&outcome);
}

static void
test_usage (void)
{
  const char *bad[][5] = {
    { "streams", NULL },
    { "streams", "ftp://127.0.0.1/", NULL },
    { "streams", "ws://127.0.0.1:8080/", "--password-file", "/nonexistent", NULL },
    { "streams", "ws://127.0.0.1:8080/", "--rest-url", "not-a-url", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GSubprocess) process = NULL;
      Outcome outcome = { 0 };

      process = spawn_cli (&outcome, bad[i]);
      WAIT_FOR_FULL (outcome.done, 20, "beacon-cli to exit");
      g_assert_cmpint (outcome.status, ==, 2);
      g_assert_cmpstr (outcome.err, !=, "");
      outcome_clear (&outcome);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_assert_nonnull (g_getenv ("BEACON_CLI"));

  g_test_add ("/beacon/cli/streams/empty-server", Serve, NULL, serve_set_up, test_empty_server,
              serve_tear_down);
  g_test_add ("/beacon/cli/streams/table", Scripted, NULL, scripted_set_up, test_table,
              scripted_tear_down);
  g_test_add ("/beacon/cli/streams/json-fallback", Scripted, NULL, scripted_set_up,
              test_json_fallback, scripted_tear_down);
  g_test_add_func ("/beacon/cli/streams/no-server", test_no_server);
  g_test_add_func ("/beacon/cli/streams/usage", test_usage);

  return g_test_run ();
}
