/* main.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "beacon-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BeaconApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* build-aux/run and the UI tests run Beacon uninstalled, with the catalogues the build
   * made (_build/po/<lang>/LC_MESSAGES). */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("BEACON_LOCALEDIR") ? g_getenv ("BEACON_LOCALEDIR")
                                                                  : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Beacon"));
  app = beacon_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
