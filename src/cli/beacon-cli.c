/* beacon-cli.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "beacon-cli-commands.h"

/* One row per command; print_usage lists them in this order. */
static const struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *summary;
} commands[] = {
  { "check", beacon_cli_check,
    N_("check URL NAME    ask a WCS server whether stream NAME can be played") },
  { "serve", beacon_cli_serve,
    N_("serve             run the local WCS-compatible server") },
  { "publish", beacon_cli_publish,
    N_("publish URL NAME  publish a test pattern or a camera as stream NAME") },
  { "play", beacon_cli_play,
    N_("play URL NAME     play stream NAME and print its statistics") },
  { "devices", beacon_cli_devices,
    N_("devices           list cameras and microphones for publish --source") },
  { "streams", beacon_cli_streams,
    N_("streams URL       list every stream on a server, with its figures (REST API)") },
};

static void
print_usage (void)
{
  g_printerr ("%s\n\n%s\n", _("Usage: beacon-cli COMMAND [OPTION…]"), _("Commands:"));
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    g_printerr ("  %s\n", _(commands[i].summary));
  g_printerr ("\n%s\n", _("Run “beacon-cli COMMAND --help” for the options of a command."));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  /* Uninstalled runs (meson devenv, tests) use the catalogues the build made. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("BEACON_LOCALEDIR") ? g_getenv ("BEACON_LOCALEDIR")
                                                                  : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc >= 2 && (g_str_equal (argv[1], "--version") || g_str_equal (argv[1], "-V")))
    {
      g_print ("beacon-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }
  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_usage ();
      return argc < 2 ? EXIT_USAGE : EXIT_OK;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  g_printerr (_("Unknown command “%s”\n\n"), argv[1]);
  print_usage ();
  return EXIT_USAGE;
}
