/* beacon-camera-portal.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The portal's request/response dance: AccessCamera returns a Request object whose
 * Response signal carries the user's answer; only then may OpenPipeWireRemote be called.
 * The Response can arrive before AccessCamera's reply, so the subscription is made on the
 * predicted request path first (as libportal does). */

#define G_LOG_DOMAIN "beacon-camera-portal"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gunixfdlist.h>
#include <unistd.h>

#include "beacon-camera-portal.h"
#include "beacon-media-error.h"

#define PORTAL_BUS_NAME    "org.freedesktop.portal.Desktop"
#define PORTAL_OBJECT_PATH "/org/freedesktop/portal/desktop"
#define CAMERA_INTERFACE   "org.freedesktop.portal.Camera"
#define REQUEST_INTERFACE  "org.freedesktop.portal.Request"

typedef struct
{
  GDBusConnection *connection;
  char            *request_path;
  guint            response_id;
  GSource         *cancel_source;
  gboolean         done;          /* the task has its result; later callbacks only clean up */
} OpenData;

static void
open_data_free (OpenData *data)
{
  if (data->response_id != 0)
    g_dbus_connection_signal_unsubscribe (data->connection, data->response_id);
  if (data->cancel_source != NULL)
    {
      g_source_destroy (data->cancel_source);
      g_source_unref (data->cancel_source);
    }
  g_clear_object (&data->connection);
  g_free (data->request_path);
  g_free (data);
}

static void
close_fd (gpointer data)
{
  int *fd = data;

  if (*fd >= 0)
    close (*fd);
  g_free (fd);
}

gboolean
beacon_camera_portal_is_sandboxed (void)
{
  if (g_strcmp0 (g_getenv ("BEACON_FORCE_CAMERA_PORTAL"), "1") == 0)
    return TRUE;
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

/* Stops listening; the task keeps its data until it is finalised. */
static void
stop_waiting (OpenData *data)
{
  data->done = TRUE;
  if (data->response_id != 0)
    {
      g_dbus_connection_signal_unsubscribe (data->connection, data->response_id);
      data->response_id = 0;
    }
  if (data->cancel_source != NULL)
    {
      g_source_destroy (data->cancel_source);
      g_clear_pointer (&data->cancel_source, g_source_unref);
    }
}

static void
return_error (GTask      *task,
              int         code,
              const char *message,
              GError     *cause)
{
  OpenData *data = g_task_get_task_data (task);

  if (data->done)
    return;
  stop_waiting (data);
  if (cause != NULL && g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_error_copy (cause));
      return;
    }
  if (cause != NULL)
    g_debug ("camera portal: %s", cause->message);
  g_task_return_new_error (task, BEACON_MEDIA_ERROR, code, "%s", message);
}

/* Any failure of the portal itself: the details only help a developer, in the debug log. */
static void
portal_failed (GTask  *task,
               GError *cause)
{
  return_error (task, BEACON_MEDIA_ERROR_CAMERA_PORTAL, _("The camera portal could not be used"),
                cause);
}

static void
on_pipewire_remote (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpenData *data = g_task_get_task_data (task);
  g_autoptr(GUnixFDList) fd_list = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  int handle;
  int *fd;

  reply = g_dbus_connection_call_with_unix_fd_list_finish (G_DBUS_CONNECTION (source), &fd_list,
                                                           result, &error);
  if (reply == NULL)
    {
      portal_failed (task, error);
      return;
    }
  if (data->done)
    return;

  g_variant_get (reply, "(h)", &handle);
  fd = g_new (int, 1);
  *fd = fd_list != NULL ? g_unix_fd_list_get (fd_list, handle, &error) : -1;
  if (*fd < 0)
    {
      g_free (fd);
      portal_failed (task, error);
      return;
    }
  stop_waiting (data);
  g_task_return_pointer (task, fd, close_fd);
}

static void
open_pipewire_remote (GTask *task)
{
  OpenData *data = g_task_get_task_data (task);

  g_dbus_connection_call_with_unix_fd_list (data->connection, PORTAL_BUS_NAME,
                                            PORTAL_OBJECT_PATH, CAMERA_INTERFACE,
                                            "OpenPipeWireRemote",
                                            g_variant_new ("(a{sv})", NULL),
                                            G_VARIANT_TYPE ("(h)"), G_DBUS_CALL_FLAGS_NONE,
                                            -1, NULL, g_task_get_cancellable (task),
                                            on_pipewire_remote, g_object_ref (task));
}

static void
on_response (GDBusConnection *connection,
             const char      *sender_name,
             const char      *object_path,
             const char      *interface_name,
             const char      *signal_name,
             GVariant        *parameters,
             gpointer         user_data)
{
  GTask *task = user_data;
  OpenData *data = g_task_get_task_data (task);
  guint32 response;

  if (data->done || !g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ua{sv})")))
    return;

  g_dbus_connection_signal_unsubscribe (connection, data->response_id);
  data->response_id = 0;
  g_variant_get (parameters, "(u@a{sv})", &response, NULL);
  switch (response)
    {
    case 0:
      open_pipewire_remote (task);
      break;
    case 1:
      return_error (task, BEACON_MEDIA_ERROR_CAMERA_DENIED, _("Camera access was denied"), NULL);
      break;
    default:
      portal_failed (task, NULL);
      break;
    }
}

static void
subscribe_response (GTask      *task,
                    const char *request_path)
{
  OpenData *data = g_task_get_task_data (task);

  if (data->response_id != 0)
    g_dbus_connection_signal_unsubscribe (data->connection, data->response_id);
  g_free (data->request_path);
  data->request_path = g_strdup (request_path);
  /* The subscription holds the task until it is dropped (on the response, an error or
   * cancellation), so a Response never finds a finalised task. */
  data->response_id =
    g_dbus_connection_signal_subscribe (data->connection, PORTAL_BUS_NAME, REQUEST_INTERFACE,
                                        "Response", request_path, NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE,
                                        on_response, g_object_ref (task), g_object_unref);
}

static void
on_access_camera (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpenData *data = g_task_get_task_data (task);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  const char *handle;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      portal_failed (task, error);
      return;
    }
  if (data->done || data->response_id == 0)
    return;

  /* Portals older than 0.9 chose the path themselves; the answer is then on that one. */
  g_variant_get (reply, "(&o)", &handle);
  if (g_strcmp0 (handle, data->request_path) != 0)
    subscribe_response (task, handle);
}

static gboolean
on_cancelled (GCancellable *cancellable,
              gpointer      user_data)
{
  GTask *task = user_data;
  OpenData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* Dismisses the dialog, if the portal is still showing one. */
  if (data->request_path != NULL && data->response_id != 0)
    g_dbus_connection_call (data->connection, PORTAL_BUS_NAME, data->request_path,
                            REQUEST_INTERFACE, "Close", NULL, NULL, G_DBUS_CALL_FLAGS_NONE,
                            -1, NULL, NULL, NULL);
  g_cancellable_set_error_if_cancelled (cancellable, &error);
  return_error (task, 0, NULL, error);
  return G_SOURCE_REMOVE;
}

static void
access_camera (GTask *task)
{
  OpenData *data = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autofree char *sender = g_strdup (g_dbus_connection_get_unique_name (data->connection) + 1);
  g_autofree char *token = g_strdup_printf ("beacon%u", g_random_int ());
  g_autofree char *path = NULL;
  GVariantBuilder options;

  g_strdelimit (sender, ".", '_');
  path = g_strconcat (PORTAL_OBJECT_PATH "/request/", sender, "/", token, NULL);
  subscribe_response (task, path);

  /* The dialog may stay open indefinitely; while it does only cancellation ends the wait. */
  if (cancellable != NULL)
    {
      data->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (data->cancel_source, G_SOURCE_FUNC (on_cancelled), task, NULL);
      g_source_attach (data->cancel_source, g_task_get_context (task));
    }

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));
  g_dbus_connection_call (data->connection, PORTAL_BUS_NAME, PORTAL_OBJECT_PATH,
                          CAMERA_INTERFACE, "AccessCamera",
                          g_variant_new ("(a{sv})", &options), G_VARIANT_TYPE ("(o)"),
                          G_DBUS_CALL_FLAGS_NONE, G_MAXINT, cancellable,
                          on_access_camera, g_object_ref (task));
}

static void
on_camera_present (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) present = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      /* No portal, or one without the Camera interface. */
      portal_failed (task, error);
      return;
    }
  g_variant_get (reply, "(v)", &present);
  if (!g_variant_is_of_type (present, G_VARIANT_TYPE_BOOLEAN) ||
      !g_variant_get_boolean (present))
    {
      return_error (task, BEACON_MEDIA_ERROR_MISSING_ELEMENT, _("No camera is available"), NULL);
      return;
    }
  access_camera (task);
}

static void
ask_camera_present (GTask *task)
{
  OpenData *data = g_task_get_task_data (task);

  /* Asking first spares the user a permission dialog for a camera that is not there. */
  g_dbus_connection_call (data->connection, PORTAL_BUS_NAME, PORTAL_OBJECT_PATH,
                          "org.freedesktop.DBus.Properties", "Get",
                          g_variant_new ("(ss)", CAMERA_INTERFACE, "IsCameraPresent"),
                          G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NONE, -1,
                          g_task_get_cancellable (task), on_camera_present, g_object_ref (task));
}

static void
on_bus (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpenData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  data->connection = g_bus_get_finish (result, &error);
  if (data->connection == NULL)
    {
      portal_failed (task, error);
      return;
    }
  ask_camera_present (task);
}

void
beacon_camera_portal_open_async (GDBusConnection     *connection,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_return_if_fail (connection == NULL || G_IS_DBUS_CONNECTION (connection));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, beacon_camera_portal_open_async);
  data = g_new0 (OpenData, 1);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);

  if (connection == NULL)
    {
      g_bus_get (G_BUS_TYPE_SESSION, cancellable, on_bus, g_steal_pointer (&task));
      return;
    }
  data->connection = g_object_ref (connection);
  ask_camera_present (task);
}

int
beacon_camera_portal_open_finish (GAsyncResult  *result,
                                  GError       **error)
{
  int *fd;
  int ret;

  g_return_val_if_fail (g_task_is_valid (result, NULL), -1);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == beacon_camera_portal_open_async,
                        -1);

  fd = g_task_propagate_pointer (G_TASK (result), error);
  if (fd == NULL)
    return -1;
  ret = *fd;
  g_free (fd);
  return ret;
}
