/* beacon-cli-devices.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `beacon-cli devices`: the cameras and microphones GStreamer sees, with the ids that
 * `publish --source` takes. */

#define G_LOG_DOMAIN "beacon-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <gst/gst.h>
#include <stdio.h>

#include "beacon-cli-commands.h"
#include "beacon-device-list.h"

int
beacon_cli_devices (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) devices = NULL;
  guint cameras = 0;

  context = g_option_context_new (_("— list cameras and microphones"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 1)
    {
      g_printerr ("%s\n", error ? error->message : _("Usage: beacon-cli devices"));
      return EXIT_USAGE;
    }

  gst_init (NULL, NULL);
  devices = beacon_device_list_probe ();
  if (devices->len == 0)
    {
      g_print ("%s\n", _("No cameras or microphones found. “publish --source test” needs "
                         "neither."));
      return EXIT_OK;
    }

  for (guint i = 0; i < devices->len; i++)
    {
      BeaconDevice *device = g_ptr_array_index (devices, i);

      if (device->kind == BEACON_DEVICE_CAMERA)
        cameras++;
      /* Translators: "camera  /dev/video0  Integrated Camera" – kind, id, name */
      g_print (_("%-10s  %s  %s\n"),
               device->kind == BEACON_DEVICE_CAMERA ? _("camera") : _("microphone"),
               device->id, device->name);
    }
  if (cameras == 0)
    g_print ("%s\n", _("No camera found; “publish --source test” works without one."));
  fflush (stdout);
  return EXIT_OK;
}
