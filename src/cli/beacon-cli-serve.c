/* beacon-cli-serve.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `beacon-cli serve`: the local WCS-compatible server, in the foreground until SIGINT or
 * SIGTERM. */

#define G_LOG_DOMAIN "beacon-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <stdio.h>

#include "beacon-cli-commands.h"
#include "beacon-local-server.h"
#include "beacon-media-relay.h"
#include "beacon-rest-server.h"

#include <gst/gst.h>

static int      opt_port = 8080;
static char    *opt_bind;
static int      opt_ping_interval = 5;
static int      opt_tls_port;
static char    *opt_tls_cert;
static char    *opt_tls_key;
static gboolean opt_verbose;
static gboolean opt_add_setup;
static int      opt_rest_port = 8081;
static gboolean opt_no_rest;

static const GOptionEntry serve_entries[] = {
  { "port", 'p', 0, G_OPTION_ARG_INT, &opt_port,
    N_("WebSocket port (default 8080; 0 picks a free one)"), N_("PORT") },
  { "bind", 'b', 0, G_OPTION_ARG_STRING, &opt_bind,
    N_("Address to listen on (default 127.0.0.1)"), N_("ADDRESS") },
  { "ping-interval", 0, 0, G_OPTION_ARG_INT, &opt_ping_interval,
    N_("Seconds between keep-alive pings (default 5)"), N_("SECONDS") },
  { "tls-port", 0, 0, G_OPTION_ARG_INT, &opt_tls_port,
    N_("Also listen for wss:// on this port"), N_("PORT") },
  { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &opt_tls_cert,
    N_("PEM certificate for wss://"), N_("FILE") },
  { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &opt_tls_key,
    N_("PEM private key for wss://"), N_("FILE") },
  { "add-setup", 0, 0, G_OPTION_ARG_NONE, &opt_add_setup,
    N_("Put a=setup:active in SDP answers (real WCS leaves it out)"), NULL },
  { "rest-port", 0, 0, G_OPTION_ARG_INT, &opt_rest_port,
    N_("REST API port (default 8081; 0 picks a free one, -1 turns it off)"), N_("PORT") },
  { "no-rest", 0, 0, G_OPTION_ARG_NONE, &opt_no_rest,
    N_("Do not serve the REST API"), NULL },
  { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opt_verbose,
    N_("Log debug messages"), NULL },
  { NULL }
};

static gboolean
on_quit_signal (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

int
beacon_cli_serve (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(BeaconLocalServer) server = NULL;
  g_autoptr(BeaconMediaRelay) relay = NULL;
  g_autoptr(BeaconRestServer) rest = NULL;
  g_autofree char *url = NULL;

  context = g_option_context_new (_("— run the local WCS-compatible server"));
  g_option_context_add_main_entries (context, serve_entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 1)
    {
      g_printerr ("%s\n", error ? error->message : _("Usage: beacon-cli serve [OPTION…]"));
      return EXIT_USAGE;
    }
  if (opt_port < 0 || opt_port > 65535 || opt_tls_port < 0 || opt_tls_port > 65535 ||
      opt_ping_interval < 1)
    {
      g_printerr ("%s\n", _("Ports are 0 to 65535 and the ping interval at least 1 second"));
      return EXIT_USAGE;
    }
  if (opt_tls_port > 0 && (opt_tls_cert == NULL || opt_tls_key == NULL))
    {
      g_printerr ("%s\n", _("--tls-port needs --tls-cert and --tls-key"));
      return EXIT_USAGE;
    }
  if (opt_rest_port < -1 || opt_rest_port > 65535)
    {
      g_printerr ("%s\n", _("--rest-port is 0 to 65535, or -1 for no REST API"));
      return EXIT_USAGE;
    }
  if (opt_verbose)
    g_log_set_debug_enabled (TRUE);

  gst_init (NULL, NULL);
  if (!beacon_media_relay_check_elements (&error))
    {
      g_printerr (_("Cannot relay media: %s\n"), error->message);
      return EXIT_USAGE;
    }

  server = beacon_local_server_new ();
  beacon_local_server_set_port (server, opt_port);
  if (opt_bind != NULL)
    beacon_local_server_set_bind_address (server, opt_bind);
  beacon_local_server_set_ping_interval (server, opt_ping_interval);
  if (opt_tls_port > 0 &&
      !beacon_local_server_set_tls (server, opt_tls_port, opt_tls_cert, opt_tls_key, &error))
    {
      g_printerr (_("Could not read the TLS certificate or key: %s\n"), error->message);
      return EXIT_USAGE;
    }
  if (!beacon_local_server_start (server, &error))
    {
      g_printerr (_("Could not start the server: %s\n"), error->message);
      return EXIT_CONNECT;
    }

  relay = beacon_media_relay_new (server);
  beacon_media_relay_set_add_setup (relay, opt_add_setup);

  url = beacon_local_server_dup_url (server);
  /* Scripts and tests read this line to learn the port when --port 0 picked one. */
  g_print (_("Listening on %s\n"), url);
  if (opt_tls_port > 0)
    {
      g_autofree char *tls_url = beacon_local_server_dup_tls_url (server);

      g_print (_("Listening on %s\n"), tls_url);
    }
  fflush (stdout);

  /* The REST API for operator views, on its own port as in WCS. Its line comes after the
   * "Listening on" ones, which scripts read first. It failing to start only warns: the
   * WebSocket server is the main job, and the default port may be taken. */
  if (!opt_no_rest && opt_rest_port >= 0)
    {
      rest = beacon_rest_server_new (server, relay);
      if (beacon_rest_server_start (rest, opt_rest_port, opt_bind, &error))
        {
          g_autofree char *rest_url = beacon_rest_server_dup_url (rest);

          g_print (_("REST API on %s\n"), rest_url);
          fflush (stdout);
        }
      else
        {
          g_printerr (_("The REST API is off: %s\n"), error->message);
          g_clear_error (&error);
          g_clear_object (&rest);
        }
    }

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, on_quit_signal, loop);
  g_unix_signal_add (SIGTERM, on_quit_signal, loop);
  g_main_loop_run (loop);

  g_clear_object (&rest);
  /* Sessions first (their streams end and the relay lets go), then the relay itself. */
  beacon_local_server_stop (server);
  g_clear_object (&relay);
  return EXIT_OK;
}
