/* beacon-device-list.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-device-list"

#include "config.h"

#include <glib/gi18n.h>

#include "beacon-device-list.h"
#include "beacon-media-error.h"

void
beacon_device_free (BeaconDevice *device)
{
  if (device == NULL)
    return;

  g_free (device->id);
  g_free (device->name);
  gst_clear_object (&device->device);
  g_free (device);
}

/* Property names that identify a device across runs, most specific first: PipeWire's node
 * name, then the V4L2 device node, then PulseAudio's and ALSA's names. */
static char *
device_id (GstDevice *device)
{
  static const char * const keys[] = { "node.name", "api.v4l2.path", "device.path",
                                       "object.path", "device.name", "alsa.card_name" };
  g_autoptr(GstStructure) props = gst_device_get_properties (device);

  for (gsize i = 0; props != NULL && i < G_N_ELEMENTS (keys); i++)
    {
      const char *value = gst_structure_get_string (props, keys[i]);

      if (value != NULL && *value != '\0')
        return g_strdup (value);
    }
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (device), "internal-name") != NULL)
    {
      char *name = NULL;

      g_object_get (device, "internal-name", &name, NULL);
      if (name != NULL)
        return name;
    }
  return gst_device_get_display_name (device);
}

static void
add_devices (GPtrArray        *out,
             const char       *klass,
             BeaconDeviceKind  kind)
{
  g_autoptr(GstDeviceMonitor) monitor = gst_device_monitor_new ();
  GList *devices;

  gst_device_monitor_add_filter (monitor, klass, NULL);
  /* Probes the providers once without starting the monitor's bus. */
  devices = gst_device_monitor_get_devices (monitor);
  for (GList *l = devices; l != NULL; l = l->next)
    {
      BeaconDevice *device = g_new0 (BeaconDevice, 1);

      device->kind = kind;
      device->device = gst_object_ref (l->data);
      device->id = device_id (device->device);
      device->name = gst_device_get_display_name (device->device);
      g_ptr_array_add (out, device);
    }
  g_list_free_full (devices, gst_object_unref);
}

GPtrArray *
beacon_device_list_probe (void)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) beacon_device_free);

  add_devices (out, "Video/Source", BEACON_DEVICE_CAMERA);
  add_devices (out, "Audio/Source", BEACON_DEVICE_MICROPHONE);
  return out;
}

GstElement *
beacon_device_list_make_source (const char        *id,
                                BeaconDeviceKind   kind,
                                char             **name_out,
                                GError           **error)
{
  g_autoptr(GPtrArray) devices = beacon_device_list_probe ();

  for (guint i = 0; i < devices->len; i++)
    {
      BeaconDevice *device = g_ptr_array_index (devices, i);
      GstElement *element;

      if (device->kind != kind || (id != NULL && g_strcmp0 (device->id, id) != 0))
        continue;
      element = gst_device_create_element (device->device, NULL);
      if (element == NULL)
        continue;
      if (name_out != NULL)
        *name_out = g_strdup (device->name);
      return element;
    }

  if (id != NULL)
    g_set_error (error, BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_MISSING_ELEMENT,
                 kind == BEACON_DEVICE_CAMERA
                 ? _("No camera “%s”: run “beacon-cli devices” for the ids")
                 : _("No microphone “%s”: run “beacon-cli devices” for the ids"), id);
  else
    g_set_error_literal (error, BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_MISSING_ELEMENT,
                         kind == BEACON_DEVICE_CAMERA ? _("No camera found")
                                                      : _("No microphone found"));
  return NULL;
}
