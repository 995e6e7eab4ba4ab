/* beacon-publish-page-devices.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-publish-page"

#include "config.h"

#include <glib/gi18n.h>

#include "beacon-camera-portal.h"
#include "beacon-device-list.h"
#include "beacon-publish-page-private.h"

#define TEST_SOURCE "test"

/* Whether this media engine lets the microphone be chosen; when it does not, the publisher
 * takes the first microphone and the chooser says so instead of pretending. */
static gboolean
publisher_has_microphone_choice (void)
{
  static gsize result = 0;

  if (g_once_init_enter (&result))
    {
      GObjectClass *klass = g_type_class_ref (BEACON_TYPE_PUBLISHER);
      gsize found = g_object_class_find_property (klass, "audio-source") != NULL ? 2 : 1;

      g_type_class_unref (klass);
      g_once_init_leave (&result, found);
    }
  return result == 2;
}

static guint
find_id (GPtrArray  *ids,
         const char *id)
{
  for (guint i = 0; id != NULL && i < ids->len; i++)
    if (g_str_equal (g_ptr_array_index (ids, i), id))
      return i;
  return 0;
}

static void
update_microphones (BeaconPublishPage *self)
{
  GPtrArray *devices = self->devices;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *previous = g_strdup (_beacon_publish_page_get_microphone (self));
  gboolean test = g_strcmp0 (_beacon_publish_page_get_source (self), TEST_SOURCE) == 0;
  const char *subtitle = NULL;

  g_ptr_array_set_size (self->microphone_ids, 0);

  if (test)
    {
      gtk_string_list_append (names, _("Test tone"));
      g_ptr_array_add (self->microphone_ids, g_strdup (TEST_SOURCE));
      subtitle = _("The test pattern comes with a test tone");
    }
  else
    {
      for (guint i = 0; devices != NULL && i < devices->len; i++)
        {
          BeaconDevice *device = g_ptr_array_index (devices, i);

          if (device->kind != BEACON_DEVICE_MICROPHONE)
            continue;
          gtk_string_list_append (names, device->name);
          g_ptr_array_add (self->microphone_ids, g_strdup (device->id));
          if (!publisher_has_microphone_choice ())
            {
              subtitle = _("The first microphone is used");
              break;
            }
        }
      if (self->microphone_ids->len == 0)
        {
          gtk_string_list_append (names, _("No microphone found"));
          subtitle = _("Silence is sent instead");
        }
    }

  adw_combo_row_set_model (self->microphone_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->microphone_row, find_id (self->microphone_ids, previous));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->microphone_row), subtitle ? subtitle : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->microphone_row),
                            self->microphone_ids->len > 1 && publisher_has_microphone_choice ());
}

static void
refresh_devices (BeaconPublishPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *previous = g_strdup (_beacon_publish_page_get_source (self));
  GPtrArray *devices;
  guint n_cameras = 0;

  g_clear_pointer (&self->devices, g_ptr_array_unref);
  self->devices = devices = beacon_device_list_probe ();

  /* Rebuilding the model moves the selection; that is not the user choosing. */
  self->updating_devices = TRUE;
  g_ptr_array_set_size (self->camera_ids, 0);
  gtk_string_list_append (names, _("Test pattern"));
  g_ptr_array_add (self->camera_ids, g_strdup (TEST_SOURCE));
  for (guint i = 0; i < devices->len; i++)
    {
      BeaconDevice *device = g_ptr_array_index (devices, i);

      if (device->kind != BEACON_DEVICE_CAMERA)
        continue;
      gtk_string_list_append (names, device->name);
      g_ptr_array_add (self->camera_ids, g_strdup (device->id));
      n_cameras++;
    }

  /* The sandbox hides the cameras from the device monitor; the portal still reaches them. */
  if (n_cameras == 0 && beacon_camera_portal_is_sandboxed ())
    {
      gtk_string_list_append (names, _("Camera"));
      g_ptr_array_add (self->camera_ids, g_strdup ("camera"));
    }

  adw_combo_row_set_model (self->camera_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->camera_row, find_id (self->camera_ids, previous));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->camera_row),
                               self->camera_ids->len == 1 ? _("No camera found") : "");
  update_microphones (self);
  self->updating_devices = FALSE;
  g_debug ("%u camera(s), %u device(s) in all", n_cameras, devices->len);
}

static void
on_camera_selected (BeaconPublishPage *self)
{
  if (!self->updating_devices)
    update_microphones (self);
}

static gboolean
on_refresh_idle (gpointer user_data)
{
  BeaconPublishPage *self = user_data;

  self->refresh_id = 0;
  refresh_devices (self);
  return G_SOURCE_REMOVE;
}

/* Runs on the main thread: the bus watch is attached to the default main context. A burst
 * of add/remove messages (a dock plugged in) becomes one refresh. */
static gboolean
on_monitor_message (GstBus     *bus,
                    GstMessage *message,
                    gpointer    user_data)
{
  BeaconPublishPage *self = user_data;

  GstMessageType type = GST_MESSAGE_TYPE (message);

  if ((type == GST_MESSAGE_DEVICE_ADDED || type == GST_MESSAGE_DEVICE_REMOVED ||
       type == GST_MESSAGE_DEVICE_CHANGED) && self->refresh_id == 0)
    self->refresh_id = g_timeout_add (200, on_refresh_idle, self);
  return G_SOURCE_CONTINUE;
}

void
_beacon_publish_page_devices_init (BeaconPublishPage *self)
{
  self->camera_ids = g_ptr_array_new_with_free_func (g_free);
  self->microphone_ids = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect_object (self->camera_row, "notify::selected", G_CALLBACK (on_camera_selected),
                           self, G_CONNECT_SWAPPED);
  refresh_devices (self);
}

void
_beacon_publish_page_devices_start (BeaconPublishPage *self)
{
  g_autoptr(GstBus) bus = NULL;

  if (self->monitor != NULL)
    return;

  self->monitor = gst_device_monitor_new ();
  gst_device_monitor_add_filter (self->monitor, "Video/Source", NULL);
  gst_device_monitor_add_filter (self->monitor, "Audio/Source", NULL);
  bus = gst_device_monitor_get_bus (self->monitor);
  self->monitor_watch_id = gst_bus_add_watch (bus, on_monitor_message, self);
  if (!gst_device_monitor_start (self->monitor))
    g_debug ("No device provider can report hot-plug here");
  /* Devices may have come or gone while the page was hidden. */
  refresh_devices (self);
}

void
_beacon_publish_page_devices_stop (BeaconPublishPage *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->monitor_watch_id, g_source_remove);
  if (self->monitor != NULL)
    {
      gst_device_monitor_stop (self->monitor);
      gst_clear_object (&self->monitor);
    }
}

void
_beacon_publish_page_open_camera (BeaconPublishPage   *self,
                                  GAsyncReadyCallback  callback)
{
  _beacon_publish_page_cancel_camera (self);
  self->camera_cancellable = g_cancellable_new ();
  adw_action_row_set_subtitle (self->status_row, _("Waiting for camera access…"));
  /* No reference to the page: its dispose cancels, so an uncancelled callback finds it. */
  beacon_camera_portal_open_async (NULL, self->camera_cancellable, callback, self);
}

void
_beacon_publish_page_cancel_camera (BeaconPublishPage *self)
{
  if (self->camera_cancellable == NULL)
    return;
  g_cancellable_cancel (self->camera_cancellable);
  g_clear_object (&self->camera_cancellable);
}

void
_beacon_publish_page_devices_dispose (BeaconPublishPage *self)
{
  _beacon_publish_page_cancel_camera (self);
  _beacon_publish_page_devices_stop (self);
  g_clear_pointer (&self->devices, g_ptr_array_unref);
  g_clear_pointer (&self->camera_ids, g_ptr_array_unref);
  g_clear_pointer (&self->microphone_ids, g_ptr_array_unref);
}

void
_beacon_publish_page_select_test (BeaconPublishPage *self)
{
  adw_combo_row_set_selected (self->camera_row, 0);
}

const char *
_beacon_publish_page_get_source (BeaconPublishPage *self)
{
  guint selected = adw_combo_row_get_selected (self->camera_row);

  if (self->camera_ids == NULL || selected >= self->camera_ids->len)
    return TEST_SOURCE;
  return g_ptr_array_index (self->camera_ids, selected);
}

const char *
_beacon_publish_page_get_microphone (BeaconPublishPage *self)
{
  guint selected = adw_combo_row_get_selected (self->microphone_row);

  if (self->microphone_ids == NULL || selected >= self->microphone_ids->len ||
      !publisher_has_microphone_choice ())
    return NULL;
  return g_ptr_array_index (self->microphone_ids, selected);
}
