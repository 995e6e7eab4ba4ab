/* test-cli-check.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* beacon-cli check, run as a real process against a scripted server: exit codes and
 * output are the interface scripts rely on. */

#include "config.h"

#include <gio/gio.h>

#include "beacon-test-port.h"
#include "cli-test-util.h"
#include "wcs-fake-server.h"

/* Runs `check` against the fake server, answering the check with @status_text. */
static void
check_answered (const char *status_text,
                const char *info,
                gboolean    json,
                int         expected_status,
                const char *expected_out)
{
  g_autoptr(WcsFakeServer) server = wcs_fake_server_new (TRUE);
  g_autoptr(GSubprocess) process = NULL;
  Outcome outcome = { 0 };
  const char *args[] = { "check", wcs_fake_server_get_url (server), "cam1",
                         json ? "--json" : NULL, NULL };
  JsonObject *sent;

  process = spawn_cli (&outcome, args);
  WAIT_FOR (wcs_fake_server_count (server, "availableStream") == 1,
            "beacon-cli to send availableStream");
  sent = wcs_fake_server_last (server, "availableStream");
  g_assert_cmpstr (json_object_get_string_member (sent, "name"), ==, "cam1");
  /* The connection names Beacon and the GStreamer it runs on. */
  g_assert_true (g_regex_match_simple ("^Beacon/[0-9.]+ GStreamer/1\\.[0-9]+\\.[0-9]+$",
                                       json_object_get_string_member (
                                         wcs_fake_server_last (server, "connection"),
                                         "clientBrowserVersion"), 0, 0));
  wcs_fake_server_send_printf (server,
                               "{\"message\":\"availableStream\",\"data\":[{\"status\":\"%s\","
                               "\"info\":\"%s\",\"id\":\"%s\"}]}", status_text, info,
                               json_object_get_string_member (sent, "mediaSessionId"));
  WAIT_FOR (outcome.done, "beacon-cli to exit");
  g_assert_cmpint (outcome.status, ==, expected_status);
  if (strstr (outcome.out, expected_out) == NULL)
    g_test_fail_printf ("stdout “%s” should contain “%s”", outcome.out, expected_out);
  outcome_clear (&outcome);
}

static void
test_available (void)
{
  check_answered ("true", "", FALSE, 0, "“cam1” is available");
}

static void
test_not_available (void)
{
  check_answered ("false", "Restricted access", FALSE, 1,
                  "“cam1” is not available: Restricted access");
}

static void
test_json (void)
{
  check_answered ("false", "Stream not found", TRUE, 1,
                  "\"result\":\"checked\",\"available\":false,\"info\":\"Stream not found\"}");
}

static void
test_no_server (void)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *url = beacon_test_dup_closed_url ("ws", "/");
  Outcome outcome = { 0 };

  process = spawn_cli (&outcome, (const char *[]) { "check", url, "cam1", NULL });
  WAIT_FOR (outcome.done, "beacon-cli to exit");
  g_assert_cmpint (outcome.status, ==, 3);
  g_assert_nonnull (strstr (outcome.err, "Could not connect"));
  outcome_clear (&outcome);
}

static void
test_usage (void)
{
  const char *bad[][4] = {
    { "check", NULL },
    { "check", "http://127.0.0.1/", "cam1", NULL },
    { "fly", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GSubprocess) process = NULL;
      Outcome outcome = { 0 };

      process = spawn_cli (&outcome, bad[i]);
      WAIT_FOR (outcome.done, "beacon-cli to exit");
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

  g_test_add_func ("/beacon/cli/check/available", test_available);
  g_test_add_func ("/beacon/cli/check/not-available", test_not_available);
  g_test_add_func ("/beacon/cli/check/json", test_json);
  g_test_add_func ("/beacon/cli/check/no-server", test_no_server);
  g_test_add_func ("/beacon/cli/check/usage", test_usage);

  return g_test_run ();
}
