/* test-window.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* BeaconWindow at the widths it supports, on each page, resized while shown: every frame
 * must draw without a GTK warning (warnings are fatal here), and the window must give a
 * screenshot of what it drew. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <gst/gst.h>

#include "beacon-local-server.h"
#include "beacon-preferences-dialog.h"
#include "beacon-window.h"
#include "beacon-test-wait.h"

typedef struct
{
  guint    frames;
  gboolean saved;
  GError  *error;
} Waiter;

static void
on_after_paint (GdkFrameClock *clock,
                Waiter        *waiter)
{
  waiter->frames++;
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Waiter *waiter = user_data;

  waiter->saved = beacon_window_save_screenshot_finish (BEACON_WINDOW (source), result,
                                                        &waiter->error);
  if (!waiter->saved)
    g_assert_nonnull (waiter->error);
}

/* Lets @window lay out and paint a few frames at its present size. */
static void
draw_frames (GtkWindow *window,
             Waiter    *waiter)
{
  guint until = waiter->frames + 3;

  gtk_widget_queue_resize (GTK_WIDGET (window));
  WAIT_OR_ABORT (waiter->frames >= until, 10, "three frames");
}

static void
test_widths_and_pages (void)
{
  static const char * const pages[] = { "connect", "publish", "play", "server" };
  static const int widths[] = { 1024, 360, 600, 360, 1280 };
  g_autoptr(GtkApplication) app = NULL;
  g_autoptr(BeaconConnection) connection = beacon_connection_new ();
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "ui", "window-360.png", NULL);
  g_autoptr(GdkTexture) texture = NULL;
  Waiter waiter = { 0 };
  GtkWindow *window;
  gulong handler;

  /* A window needs a registered application; never the user's saved size. */
  g_settings_reset (settings, "window-maximized");
  app = gtk_application_new ("io.github.beacon_wcs.Beacon.WindowTest", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  window = GTK_WINDOW (beacon_window_new (app, connection));
  /* The header's summary changes (connecting, then connected) while the widths change. */
  beacon_connection_start_local_async (connection, NULL, NULL, NULL);
  gtk_window_set_default_size (window, widths[0], 640);
  gtk_window_present (window);
  WAIT_OR_ABORT (gtk_widget_get_frame_clock (GTK_WIDGET (window)) != NULL, 10, "the window to be shown");
  handler = g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                              G_CALLBACK (on_after_paint), &waiter);

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      gtk_window_set_default_size (window, widths[w], 640);
      for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
        {
          beacon_window_show_page (BEACON_WINDOW (window), pages[p]);
          draw_frames (window, &waiter);
        }
    }

  /* The last width was wide; a screenshot at the narrowest, on the Connect page. */
  gtk_window_set_default_size (window, 360, 640);
  beacon_window_show_page (BEACON_WINDOW (window), "connect");
  draw_frames (window, &waiter);
  g_remove (path);
  beacon_window_save_screenshot_async (BEACON_WINDOW (window), path, NULL, on_saved, &waiter);
  WAIT_OR_ABORT (waiter.saved || waiter.error != NULL, 15, "the screenshot");
  g_assert_no_error (waiter.error);
  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_test_message ("screenshot: %s (%d × %d)", path, gdk_texture_get_width (texture),
                  gdk_texture_get_height (texture));
  g_assert_cmpint (gdk_texture_get_width (texture), <=, 400);

  g_signal_handler_disconnect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), handler);
  gtk_window_destroy (window);
  beacon_connection_disconnect (connection);
}

static AdwEntryRow *
find_entry_row (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_ENTRY_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_ENTRY_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwEntryRow *found = find_entry_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  beacon_connection_connect_finish (BEACON_CONNECTION (source), result, &error);
  g_assert_no_error (error);
}

/* Preferences edit the REST settings of the window's server: applied rows reach the
 * connection (and the Server view through it); for the local test server they are off. */
static void
test_preferences_rest_settings (void)
{
  g_autoptr(GtkApplication) app = NULL;
  g_autoptr(BeaconConnection) connection = beacon_connection_new ();
  g_autoptr(BeaconLocalServer) server = beacon_local_server_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  GtkWindow *window;
  GtkWidget *dialog;
  AdwEntryRow *address;
  AdwEntryRow *user;
  AdwEntryRow *password;

  beacon_local_server_set_port (server, 0);
  g_assert_true (beacon_local_server_start (server, &error));
  g_assert_no_error (error);
  url = beacon_local_server_dup_url (server);

  app = gtk_application_new ("io.github.beacon_wcs.Beacon.PreferencesTest",
                             G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  window = GTK_WINDOW (beacon_window_new (app, connection));
  gtk_window_present (window);

  /* Not connected yet: nothing to set. */
  dialog = beacon_preferences_dialog_new (window);
  address = find_entry_row (dialog, "Address");
  user = find_entry_row (dialog, "User Name");
  password = find_entry_row (dialog, "Password");
  g_assert_nonnull (address);
  g_assert_nonnull (user);
  g_assert_nonnull (password);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (user)));

  /* A remote server (to the app): the rows open, and apply sets the connection's. */
  beacon_connection_connect_async (connection, url, NULL, NULL, NULL, on_connected, NULL);
  WAIT_OR_ABORT (beacon_connection_get_state (connection) == BEACON_WCS_STATE_ESTABLISHED, 10,
            "the session");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (user)));
  gtk_editable_set_text (GTK_EDITABLE (address), "http://127.0.0.1:9");
  gtk_editable_set_text (GTK_EDITABLE (user), "operator");
  gtk_editable_set_text (GTK_EDITABLE (password), "secret");
  g_signal_emit_by_name (password, "apply");
  g_assert_cmpstr (beacon_connection_get_rest_url (connection), ==, "http://127.0.0.1:9");
  g_assert_cmpstr (beacon_connection_get_rest_username (connection), ==, "operator");
  g_assert_cmpstr (beacon_connection_get_rest_password (connection), ==, "secret");

  /* Cleared and applied: back to the address derived from the server's. */
  gtk_editable_set_text (GTK_EDITABLE (address), "");
  g_signal_emit_by_name (address, "apply");
  g_assert_cmpstr (beacon_connection_get_rest_url (connection), ==, "http://127.0.0.1:8081");
  g_assert_cmpstr (beacon_connection_get_rest_username (connection), ==, "operator");

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (window);
  beacon_connection_disconnect (connection);
  beacon_local_server_stop (server);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  /* As the application's startup does: the Publish page's preview is a GStreamer sink. */
  gst_init (&argc, &argv);

  g_test_add_func ("/beacon/ui/window/widths-and-pages", test_widths_and_pages);
  g_test_add_func ("/beacon/ui/window/preferences-rest-settings", test_preferences_rest_settings);

  return g_test_run ();
}
