/* beacon-application.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-application"

#include "config.h"

#include <glib/gi18n.h>
#include <gst/gst.h>
#include <stdio.h>

#include "beacon-application.h"
#include "beacon-preferences-dialog.h"
#include "beacon-window.h"

#define DEMO_STREAM_NAME "demo"
#define DEFAULT_SCREENSHOT_DELAY 5.0

struct _BeaconApplication
{
  AdwApplication    parent_instance;

  /* Owned */
  BeaconConnection *connection;
  GSettings        *settings;
};

G_DEFINE_FINAL_TYPE (BeaconApplication, beacon_application, ADW_TYPE_APPLICATION)

typedef struct
{
  BeaconApplication *self;
  BeaconWindow      *window;
  char              *path;
} Screenshot;

static const GOptionEntry option_entries[] = {
  { "server", 's', 0, G_OPTION_ARG_STRING, NULL,
    N_("Connect to this Web Call Server (ws:// or wss://) instead of the local test server"),
    N_("URL") },
  { "app-key", 'k', 0, G_OPTION_ARG_STRING, NULL,
    N_("Application key to send when connecting"), N_("KEY") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Publish the test pattern as “demo” and play it back"), NULL },
  { "play", 'p', 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Add a stream to the Play grid (repeatable)"), N_("NAME") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  /* For the README, the end-to-end test and screenshots of narrow layouts. */
  { "screenshot", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, NULL,
    "Save a PNG of the window after --screenshot-delay seconds, then quit", "FILE" },
  { "screenshot-delay", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_DOUBLE, NULL,
    "Seconds before --screenshot (default 5)", "SECONDS" },
  { "window-size", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, NULL,
    "Open the window at this size", "WIDTHxHEIGHT" },
  { "page", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, NULL,
    "Show this page: connect, publish, play or server", "NAME" },
  { NULL }
};

static void
screenshot_free (Screenshot *shot)
{
  g_clear_object (&shot->self);
  g_clear_object (&shot->window);
  g_free (shot->path);
  g_free (shot);
}

static void
on_screenshot_saved (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Screenshot *shot = user_data;
  g_autoptr(GError) error = NULL;

  if (beacon_window_save_screenshot_finish (BEACON_WINDOW (source), result, &error))
    g_print ("%s\n", shot->path);
  else
    g_printerr (_("Could not save the screenshot: %s\n"), error->message);
  g_application_quit (G_APPLICATION (shot->self));
  screenshot_free (shot);
}

static gboolean
on_screenshot_due (gpointer user_data)
{
  Screenshot *shot = user_data;

  /* The window takes it from the next frame that can give one. */
  beacon_window_save_screenshot_async (shot->window, shot->path, NULL, on_screenshot_saved, shot);
  return G_SOURCE_REMOVE;
}

/* The local server is the only one with nothing on it, so there the demo runs on the first
 * start, on --demo, and whenever the Play grid still watches it from an earlier run. */
static gboolean
demo_wanted (BeaconApplication *self)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) watched = NULL;

  if (g_settings_get_boolean (self->settings, "first-run"))
    return TRUE;
  g_object_get (self->settings, "settings-schema", &schema, NULL);
  if (!g_settings_schema_has_key (schema, "watched-streams"))
    return FALSE;
  watched = g_settings_get_strv (self->settings, "watched-streams");
  return g_strv_contains ((const char * const *) watched, DEMO_STREAM_NAME);
}

static BeaconWindow *
get_window (BeaconApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return BEACON_IS_WINDOW (window) ? BEACON_WINDOW (window) : NULL;
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  BeaconApplication *self = user_data;
  static const char *developers[] = { "The Beacon authors", NULL };

  adw_show_about_window (GTK_WINDOW (get_window (self)),
                         "application-name", _("Beacon"),
                         "application-icon", BASE_ID,
                         "developer-name", _("The Beacon authors"),
                         "developers", developers,
                         "version", PACKAGE_VERSION,
                         "comments", _("Publish to and watch streams on Flashphoner Web Call Server"),
                         "copyright", "© 2026 The Beacon authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: put your names here, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  BeaconApplication *self = user_data;

  gtk_window_present (GTK_WINDOW (beacon_preferences_dialog_new (GTK_WINDOW (get_window (self)))));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  BeaconApplication *self = user_data;

  /* Through close-request, so that the window saves its size. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "preferences", preferences_action },
  { "quit", quit_action },
};

static BeaconWindow *
ensure_window (BeaconApplication *self,
               gboolean          *created)
{
  BeaconWindow *window = get_window (self);

  *created = window == NULL;
  if (window == NULL)
    window = beacon_window_new (GTK_APPLICATION (self), self->connection);
  return window;
}

static gint
beacon_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("beacon %s\n", PACKAGE_VERSION);
      return 0;
    }
  return -1;
}

static int
beacon_application_command_line (GApplication            *app,
                                 GApplicationCommandLine *command_line)
{
  BeaconApplication *self = BEACON_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree const char **plays = NULL;
  g_autoptr(GError) error = NULL;
  const char *server = NULL;
  const char *app_key = NULL;
  const char *screenshot = NULL;
  const char *size = NULL;
  const char *page = NULL;
  double delay = DEFAULT_SCREENSHOT_DELAY;
  gboolean demo = g_variant_dict_contains (options, "demo");
  gboolean created;
  BeaconWindow *window;
  int width, height;

  g_variant_dict_lookup (options, "server", "&s", &server);
  g_variant_dict_lookup (options, "app-key", "&s", &app_key);
  g_variant_dict_lookup (options, "play", "^a&s", &plays);
  g_variant_dict_lookup (options, "screenshot", "^&ay", &screenshot);
  g_variant_dict_lookup (options, "screenshot-delay", "d", &delay);
  g_variant_dict_lookup (options, "window-size", "&s", &size);
  g_variant_dict_lookup (options, "page", "&s", &page);

  /* Refused here, before a window opens, with the reason. */
  if (server != NULL && !beacon_wcs_client_check_url (server, &error))
    {
      g_application_command_line_printerr (command_line, "%s\n", error->message);
      return 1;
    }
  if (size != NULL && (sscanf (size, "%dx%d", &width, &height) != 2 || width < 1 || height < 1))
    {
      g_application_command_line_printerr (command_line,
                                           _("--window-size wants WIDTHxHEIGHT, such as 360x640\n"));
      return 1;
    }

  window = ensure_window (self, &created);
  if (size != NULL)
    {
      gtk_window_unmaximize (GTK_WINDOW (window));
      gtk_window_set_default_size (GTK_WINDOW (window), width, height);
    }

  if (server != NULL)
    beacon_window_connect (window, server, app_key);
  else if (created)
    {
      g_autofree char *saved = g_settings_get_string (self->settings, "server-url");

      if (*saved != '\0' && !demo)
        beacon_window_connect (window, saved, app_key);
      else
        {
          beacon_window_start_local (window);
          demo = demo || demo_wanted (self);
        }
    }

  if (demo)
    {
      beacon_window_start_demo (window, DEMO_STREAM_NAME);
      g_settings_set_boolean (self->settings, "first-run", FALSE);
    }
  for (guint i = 0; plays != NULL && plays[i] != NULL; i++)
    beacon_window_play (window, plays[i]);
  if (page != NULL)
    beacon_window_show_page (window, page);

  gtk_window_present (GTK_WINDOW (window));

  if (screenshot != NULL)
    {
      Screenshot *shot = g_new0 (Screenshot, 1);
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line,
                                                                              screenshot);

      shot->self = g_object_ref (self);
      shot->window = g_object_ref (window);
      shot->path = g_file_get_path (file);
      g_timeout_add (MAX (delay, 0.0) * 1000, on_screenshot_due, shot);
    }
  return 0;
}

/* Installed, the icon is in the hicolor theme; run from the tree (build-aux/run sets
 * BEACON_DATA_DIR to the source's data/), GTK is told where it is. */
static void
add_uninstalled_icons (void)
{
  const char *data_dir = g_getenv ("BEACON_DATA_DIR");
  g_autofree char *icons = NULL;

  if (data_dir == NULL || *data_dir == '\0')
    return;
  icons = g_build_filename (data_dir, "icons", NULL);
  g_debug ("icons from %s", icons);
  gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                  icons);
}

static void
beacon_application_startup (GApplication *app)
{
  BeaconApplication *self = BEACON_APPLICATION (app);
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.quit", { "<Primary>q", NULL } },
    { "app.preferences", { "<Primary>comma", NULL } },
  };
  g_autoptr(GError) error = NULL;

  G_APPLICATION_CLASS (beacon_application_parent_class)->startup (app);

  add_uninstalled_icons ();
  gtk_window_set_default_icon_name (BASE_ID);

  if (!gst_init_check (NULL, NULL, &error))
    g_warning ("GStreamer could not start: %s", error->message);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);

  self->settings = g_settings_new (BASE_ID);
  self->connection = beacon_connection_new ();
}

static void
beacon_application_shutdown (GApplication *app)
{
  BeaconApplication *self = BEACON_APPLICATION (app);

  /* Windows first, so that their pages unpublish and stop playing as a user would; then
   * the session (and the local server), while the loop still runs. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_destroy (window);
    }
  if (self->connection != NULL)
    beacon_connection_disconnect (self->connection);

  G_APPLICATION_CLASS (beacon_application_parent_class)->shutdown (app);
}

static void
beacon_application_dispose (GObject *object)
{
  BeaconApplication *self = BEACON_APPLICATION (object);

  g_clear_object (&self->connection);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (beacon_application_parent_class)->dispose (object);
}

static void
beacon_application_class_init (BeaconApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = beacon_application_dispose;
  app_class->startup = beacon_application_startup;
  app_class->shutdown = beacon_application_shutdown;
  app_class->command_line = beacon_application_command_line;
  app_class->handle_local_options = beacon_application_handle_local_options;
}

static void
beacon_application_init (BeaconApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Publish to and watch streams on Flashphoner Web "
                                              "Call Server. Without --server, Beacon starts its "
                                              "own local test server."));
}

BeaconApplication *
beacon_application_new (void)
{
  return g_object_new (BEACON_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/io/github/beacon_wcs/Beacon",
                       NULL);
}

BeaconConnection *
beacon_application_get_connection (BeaconApplication *self)
{
  g_return_val_if_fail (BEACON_IS_APPLICATION (self), NULL);

  return self->connection;
}
