/* test-camera-portal.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* BeaconCameraPortal against a fake xdg-desktop-portal on a private bus (GTestDBus). The
 * fake owns org.freedesktop.portal.Desktop on its own connection, answers AccessCamera on
 * the request path built from the caller's handle_token, and hands out one end of a pipe
 * as the "PipeWire remote". */

#include "config.h"

#include <gio/gio.h>
#include <gst/gst.h>
#include <gio/gunixfdlist.h>
#include <sys/stat.h>
#include <unistd.h>

#include "beacon-camera-portal.h"
#include "beacon-media-error.h"
#include "beacon-publisher.h"
#include "beacon-test-wait.h"

#define PORTAL_BUS_NAME    "org.freedesktop.portal.Desktop"
#define PORTAL_OBJECT_PATH "/org/freedesktop/portal/desktop"

static const char portal_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.portal.Camera'>"
  "    <method name='AccessCamera'>"
  "      <arg type='a{sv}' name='options' direction='in'/>"
  "      <arg type='o' name='handle' direction='out'/>"
  "    </method>"
  "    <method name='OpenPipeWireRemote'>"
  "      <arg type='a{sv}' name='options' direction='in'/>"
  "      <arg type='h' name='fd' direction='out'/>"
  "    </method>"
  "    <property name='IsCameraPresent' type='b' access='read'/>"
  "    <property name='version' type='u' access='read'/>"
  "  </interface>"
  "</node>";

typedef enum
{
  ANSWER_IN_IDLE,       /* Response after the reply, as a dialog would */
  ANSWER_BEFORE_REPLY,  /* Response before the reply: only a subscription made first sees it */
  ANSWER_NEVER,         /* the dialog stays open */
} AnswerTiming;

typedef struct
{
  GDBusConnection *service;
  guint            object_id;
  guint            name_id;
  gboolean         name_owned;

  /* What the fake portal does */
  gboolean         camera_present;
  guint32          response;
  AnswerTiming     timing;

  /* What it saw */
  guint            access_calls;
  guint            remote_calls;
  char            *request_path;

  /* What the client got */
  gboolean         finished;
  int              fd;
  GError          *error;
} Fixture;

typedef struct
{
  GDBusConnection *connection;
  char            *path;
  guint32          response;
} Emission;

static void
emit_response (GDBusConnection *connection,
               const char      *path,
               guint32          response)
{
  GVariant *results = g_variant_new_array (G_VARIANT_TYPE ("{sv}"), NULL, 0);
  g_autoptr(GError) error = NULL;

  g_dbus_connection_emit_signal (connection, NULL, path, "org.freedesktop.portal.Request",
                                 "Response", g_variant_new ("(u@a{sv})", response, results),
                                 &error);
  g_assert_no_error (error);
}

static gboolean
emit_in_idle (gpointer user_data)
{
  Emission *emission = user_data;

  emit_response (emission->connection, emission->path, emission->response);
  g_object_unref (emission->connection);
  g_free (emission->path);
  g_free (emission);
  return G_SOURCE_REMOVE;
}

static void
access_camera (Fixture               *fixture,
               GDBusMethodInvocation *invocation,
               GVariant              *parameters)
{
  g_autoptr(GVariant) options = NULL;
  g_autofree char *sender = g_strdup (g_dbus_method_invocation_get_sender (invocation) + 1);
  const char *token = NULL;

  fixture->access_calls++;
  g_variant_get (parameters, "(@a{sv})", &options);
  g_assert_true (g_variant_lookup (options, "handle_token", "&s", &token));
  g_strdelimit (sender, ".", '_');
  g_free (fixture->request_path);
  fixture->request_path = g_strdup_printf (PORTAL_OBJECT_PATH "/request/%s/%s", sender, token);

  if (fixture->timing == ANSWER_BEFORE_REPLY)
    emit_response (fixture->service, fixture->request_path, fixture->response);
  else if (fixture->timing == ANSWER_IN_IDLE)
    {
      Emission *emission = g_new0 (Emission, 1);

      emission->connection = g_object_ref (fixture->service);
      emission->path = g_strdup (fixture->request_path);
      emission->response = fixture->response;
      g_idle_add (emit_in_idle, emission);
    }
  g_dbus_method_invocation_return_value (invocation,
                                         g_variant_new ("(o)", fixture->request_path));
}

static void
open_pipewire_remote (Fixture               *fixture,
                      GDBusMethodInvocation *invocation)
{
  g_autoptr(GUnixFDList) fd_list = g_unix_fd_list_new ();
  g_autoptr(GError) error = NULL;
  int fds[2];
  int handle;

  fixture->remote_calls++;
  g_assert_cmpint (pipe (fds), ==, 0);
  handle = g_unix_fd_list_append (fd_list, fds[0], &error);
  g_assert_no_error (error);
  close (fds[0]);
  close (fds[1]);
  g_dbus_method_invocation_return_value_with_unix_fd_list (invocation,
                                                           g_variant_new ("(h)", handle),
                                                           fd_list);
}

static void
on_method_call (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  Fixture *fixture = user_data;

  if (g_str_equal (method_name, "AccessCamera"))
    access_camera (fixture, invocation, parameters);
  else if (g_str_equal (method_name, "OpenPipeWireRemote"))
    open_pipewire_remote (fixture, invocation);
  else
    g_dbus_method_invocation_return_dbus_error (invocation,
                                                "org.freedesktop.DBus.Error.UnknownMethod",
                                                method_name);
}

static GVariant *
on_get_property (GDBusConnection  *connection,
                 const char       *sender,
                 const char       *object_path,
                 const char       *interface_name,
                 const char       *property_name,
                 GError          **error,
                 gpointer          user_data)
{
  Fixture *fixture = user_data;

  if (g_str_equal (property_name, "IsCameraPresent"))
    return g_variant_new_boolean (fixture->camera_present);
  return g_variant_new_uint32 (1);
}

static const GDBusInterfaceVTable vtable = { on_method_call, on_get_property, NULL, { 0 } };

static void
on_name_acquired (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  Fixture *fixture = user_data;

  fixture->name_owned = TRUE;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDBusNodeInfo) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;
  GDBusConnectionFlags flags;

  fixture->camera_present = TRUE;
  fixture->fd = -1;

  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  flags = G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
          G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION;
  fixture->service = g_dbus_connection_new_for_address_sync (address, flags, NULL, NULL, &error);
  g_assert_no_error (error);

  node = g_dbus_node_info_new_for_xml (portal_xml, &error);
  g_assert_no_error (error);
  fixture->object_id = g_dbus_connection_register_object (fixture->service, PORTAL_OBJECT_PATH,
                                                          node->interfaces[0], &vtable,
                                                          fixture, NULL, &error);
  g_assert_no_error (error);
}

/* The name is only owned where a test wants a portal at all. */
static void
own_portal_name (Fixture *fixture)
{
  fixture->name_id = g_bus_own_name_on_connection (fixture->service, PORTAL_BUS_NAME,
                                                   G_BUS_NAME_OWNER_FLAGS_NONE,
                                                   on_name_acquired, NULL, fixture, NULL);
  WAIT_FOR (fixture->name_owned, "the fake portal to own its bus name");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (fixture->fd >= 0)
    close (fixture->fd);
  g_clear_error (&fixture->error);
  g_clear_handle_id (&fixture->name_id, g_bus_unown_name);
  g_dbus_connection_unregister_object (fixture->service, fixture->object_id);
  g_dbus_connection_close_sync (fixture->service, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&fixture->service);
  g_free (fixture->request_path);
}

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Fixture *fixture = user_data;

  fixture->fd = beacon_camera_portal_open_finish (result, &fixture->error);
  fixture->finished = TRUE;
}

/* A macro, so that a missed deadline ends the test itself (WAIT_FOR returns). */
#define OPEN_CAMERA(fixture)                                                      \
  G_STMT_START {                                                                  \
    beacon_camera_portal_open_async (NULL, NULL, on_opened, fixture);             \
    WAIT_FOR (fixture->finished, "the camera portal request to finish");          \
  } G_STMT_END

static void
test_granted (Fixture       *fixture,
              gconstpointer  data)
{
  struct stat st;

  fixture->timing = GPOINTER_TO_INT (data);
  own_portal_name (fixture);
  OPEN_CAMERA (fixture);

  g_assert_no_error (fixture->error);
  g_assert_cmpint (fixture->fd, >=, 0);
  g_assert_cmpint (fstat (fixture->fd, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  g_assert_cmpuint (fixture->access_calls, ==, 1);
  g_assert_cmpuint (fixture->remote_calls, ==, 1);
}

static void
test_denied (Fixture       *fixture,
             gconstpointer  data)
{
  fixture->response = 1;
  own_portal_name (fixture);
  OPEN_CAMERA (fixture);

  g_assert_error (fixture->error, BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_CAMERA_DENIED);
  g_assert_cmpstr (fixture->error->message, ==, "Camera access was denied");
  g_assert_cmpint (fixture->fd, ==, -1);
  g_assert_cmpuint (fixture->remote_calls, ==, 0);
}

static void
test_portal_failed (Fixture       *fixture,
                    gconstpointer  data)
{
  fixture->response = 2;
  own_portal_name (fixture);
  OPEN_CAMERA (fixture);

  g_assert_error (fixture->error, BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_CAMERA_PORTAL);
  g_assert_cmpstr (fixture->error->message, ==, "The camera portal could not be used");
  g_assert_cmpuint (fixture->remote_calls, ==, 0);
}

static void
test_no_camera (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->camera_present = FALSE;
  own_portal_name (fixture);
  OPEN_CAMERA (fixture);

  g_assert_error (fixture->error, BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_MISSING_ELEMENT);
  g_assert_cmpstr (fixture->error->message, ==, "No camera is available");
  /* No permission dialog for a camera that is not there. */
  g_assert_cmpuint (fixture->access_calls, ==, 0);
}

static void
test_no_portal (Fixture       *fixture,
                gconstpointer  data)
{
  OPEN_CAMERA (fixture);

  g_assert_error (fixture->error, BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_CAMERA_PORTAL);
  g_assert_cmpint (fixture->fd, ==, -1);
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  fixture->timing = ANSWER_NEVER;
  own_portal_name (fixture);
  beacon_camera_portal_open_async (NULL, cancellable, on_opened, fixture);
  WAIT_FOR (fixture->access_calls == 1, "AccessCamera to reach the portal");
  g_assert_false (fixture->finished);

  g_cancellable_cancel (cancellable);
  WAIT_FOR (fixture->finished, "the cancelled request to finish");
  g_assert_error (fixture->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (fixture->fd, ==, -1);
}

static void
test_sandboxed_override (void)
{
  g_assert_true (g_setenv ("BEACON_FORCE_CAMERA_PORTAL", "1", TRUE));
  g_assert_true (beacon_camera_portal_is_sandboxed ());
  g_unsetenv ("BEACON_FORCE_CAMERA_PORTAL");
  g_assert_cmpint (beacon_camera_portal_is_sandboxed (), ==,
                   g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS));
}

/* The publisher keeps its own copy of the portal's fd, so the caller may close its own. */
static void
test_publisher_keeps_fd (void)
{
  g_autoptr(BeaconWcsClient) client = beacon_wcs_client_new ("ws://127.0.0.1:1");
  g_autoptr(BeaconPublisher) publisher = beacon_publisher_new (client);
  struct stat st;
  int fds[2];
  int copy;

  g_assert_cmpint (beacon_publisher_get_pipewire_fd (publisher), ==, -1);
  g_assert_cmpint (pipe (fds), ==, 0);
  beacon_publisher_set_pipewire_fd (publisher, fds[0]);
  copy = beacon_publisher_get_pipewire_fd (publisher);
  g_assert_cmpint (copy, >=, 0);
  g_assert_cmpint (copy, !=, fds[0]);
  close (fds[0]);
  close (fds[1]);
  g_assert_cmpint (fstat (copy, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));

  beacon_publisher_set_pipewire_fd (publisher, -1);
  g_assert_cmpint (beacon_publisher_get_pipewire_fd (publisher), ==, -1);
  g_assert_cmpint (fstat (copy, &st), ==, -1);
}

#define ADD(path, func, data) \
  g_test_add ("/beacon/media/camera-portal/" path, Fixture, data, fixture_set_up, func, \
              fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GTestDBus) bus = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  gst_init (NULL, NULL);

  /* A bus of our own: the session's (or none) must not answer for the fake portal. */
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);

  ADD ("granted", test_granted, GINT_TO_POINTER (ANSWER_IN_IDLE));
  ADD ("granted-before-reply", test_granted, GINT_TO_POINTER (ANSWER_BEFORE_REPLY));
  ADD ("denied", test_denied, NULL);
  ADD ("portal-failed", test_portal_failed, NULL);
  ADD ("no-camera", test_no_camera, NULL);
  ADD ("no-portal", test_no_portal, NULL);
  ADD ("cancelled", test_cancelled, NULL);
  g_test_add_func ("/beacon/media/camera-portal/sandboxed-override", test_sandboxed_override);
  g_test_add_func ("/beacon/media/camera-portal/publisher-keeps-fd", test_publisher_keeps_fd);

  ret = g_test_run ();
  g_test_dbus_down (bus);
  return ret;
}
