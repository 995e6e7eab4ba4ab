/* beacon-cli-check.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `beacon-cli check URL NAME`: availableStream, for scripts and monitoring. */

#define G_LOG_DOMAIN "beacon-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "beacon-cli-commands.h"
#include "beacon-media-info.h"
#include "beacon-wcs-client.h"
#include "beacon-wcs-error.h"

typedef struct
{
  GMainLoop       *loop;
  BeaconWcsClient *client;
  const char      *name;
  gboolean         json;
  int              status;
} CheckRun;

static char    *opt_app_key;
static int      opt_timeout_ms = 10000;
static gboolean opt_json;

static const GOptionEntry check_entries[] = {
  { "app-key", 0, 0, G_OPTION_ARG_STRING, &opt_app_key,
    N_("Server application key (default: defaultApp)"), N_("KEY") },
  { "timeout", 0, 0, G_OPTION_ARG_INT, &opt_timeout_ms,
    N_("Connect timeout in milliseconds"), N_("MS") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json,
    N_("Print the result as one JSON object"), NULL },
  { NULL }
};

static void
print_json_result (const char *url,
                   const char *name,
                   const char *state,
                   gboolean    available,
                   const char *info)
{
  g_autoptr(GString) out = g_string_new ("{");
  g_autofree char *url_q = g_strescape (url, NULL);
  g_autofree char *name_q = g_strescape (name, NULL);
  g_autofree char *info_q = info ? g_strescape (info, NULL) : NULL;

  g_string_append_printf (out, "\"url\":\"%s\",\"name\":\"%s\",\"result\":\"%s\"", url_q,
                          name_q, state);
  if (g_str_equal (state, "checked"))
    g_string_append_printf (out, ",\"available\":%s", available ? "true" : "false");
  if (info_q != NULL)
    g_string_append_printf (out, ",\"info\":\"%s\"", info_q);
  g_string_append_c (out, '}');
  g_print ("%s\n", out->str);
}

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  CheckRun *run = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  gboolean available = FALSE;
  const char *url = beacon_wcs_client_get_url (run->client);

  if (!beacon_wcs_client_check_available_finish (run->client, result, &available, &info,
                                                 &error))
    {
      if (run->json)
        print_json_result (url, run->name, "error", FALSE, error->message);
      else
        g_printerr (_("The server did not answer the check: %s\n"), error->message);
      run->status = EXIT_CONNECT;
    }
  else
    {
      if (run->json)
        print_json_result (url, run->name, "checked", available, info);
      else if (available)
        g_print (_("“%s” is available\n"), run->name);
      else
        /* Translators: the second %s is the server's reason, e.g. “Stream not found” */
        g_print (_("“%s” is not available: %s\n"), run->name,
                 info && *info ? info : _("no reason given"));
      run->status = available ? EXIT_OK : EXIT_STREAM;
    }

  g_main_loop_quit (run->loop);
}

static void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CheckRun *run = user_data;
  g_autoptr(GError) error = NULL;

  if (!beacon_wcs_client_connect_finish (run->client, result, &error))
    {
      if (run->json)
        print_json_result (beacon_wcs_client_get_url (run->client), run->name, "error", FALSE,
                           error->message);
      else
        g_printerr (_("Could not connect: %s\n"), error->message);
      run->status = EXIT_CONNECT;
      g_main_loop_quit (run->loop);
      return;
    }

  beacon_wcs_client_check_available_async (run->client, run->name, NULL, on_checked, run);
}

int
beacon_cli_check (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(BeaconWcsClient) client = NULL;
  g_autofree char *version_info = beacon_media_dup_client_version_info ();
  CheckRun run = { 0 };

  context = g_option_context_new (_("URL NAME — ask the server whether a stream can be played"));
  g_option_context_add_main_entries (context, check_entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 3 ||
      opt_timeout_ms <= 0)
    {
      g_printerr ("%s\n", error ? error->message : _("Usage: beacon-cli check URL NAME"));
      return EXIT_USAGE;
    }
  if (!beacon_wcs_client_check_url (argv[1], &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_USAGE;
    }

  loop = g_main_loop_new (NULL, FALSE);
  client = beacon_wcs_client_new (argv[1]);
  beacon_wcs_client_set_app_key (client, opt_app_key);
  beacon_wcs_client_set_client_version_info (client, version_info);
  beacon_wcs_client_set_connect_timeout (client, opt_timeout_ms);

  run.loop = loop;
  run.client = client;
  run.name = argv[2];
  run.json = opt_json;
  beacon_wcs_client_connect_async (client, NULL, on_connected, &run);
  g_main_loop_run (loop);
  beacon_wcs_client_disconnect (client);
  return run.status;
}
