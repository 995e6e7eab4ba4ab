/* beacon-server-page-actions.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-server-page"

#include "config.h"

#include <glib/gi18n.h>

#include "beacon-alerts.h"
#include "beacon-server-page-private.h"

/* What the operator does from the Server view: watch a stream in the Play grid, terminate
 * one (after a confirmation), refresh, filter. */

static void
on_terminated (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autofree char *name = user_data;
  g_autoptr(GError) error = NULL;
  BeaconServerPage *self;
  g_autofree char *text = NULL;

  if (!beacon_wcs_rest_terminate_finish (BEACON_WCS_REST (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* the page is gone */

  self = g_object_get_data (source, "beacon-server-page");
  if (error != NULL)
    /* Translators: %s is a stream name, the second %s the reason */
    text = g_strdup_printf (_("Could not terminate “%s”: %s"), name, error->message);
  else
    /* Translators: %s is a stream name */
    text = g_strdup_printf (_("“%s” was terminated"), name);
  beacon_alerts_show_toast (GTK_WIDGET (self), text);
  beacon_server_page_refresh (self);
}

static void
on_terminate_response (AdwMessageDialog *dialog,
                       const char       *response,
                       BeaconServerPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "media-session-id");
  const char *name = g_object_get_data (G_OBJECT (dialog), "stream-name");

  if (g_strcmp0 (response, "terminate") != 0 || id == NULL)
    return;
  g_debug ("terminate “%s” (%s)", name, id);
  beacon_wcs_rest_terminate_async (self->rest, id, self->cancellable, on_terminated,
                                   g_strdup (name));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  beacon_server_page_refresh (BEACON_SERVER_PAGE (widget));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  gtk_widget_grab_focus (GTK_WIDGET (BEACON_SERVER_PAGE (widget)->search_entry));
}

void
_beacon_server_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "server.refresh", NULL, refresh_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "server.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "server.refresh", NULL);
  gtk_widget_class_install_action (widget_class, "server.find", NULL, find_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "server.find", NULL);
}

void
_beacon_server_page_watch (BeaconServerPage *self,
                           BeaconServerRow  *row)
{
  const char *name = beacon_server_row_get_stream_name (row);

  if (self->play_page == NULL || name == NULL)
    {
      g_debug ("nowhere to watch “%s”", name);
      return;
    }
  g_debug ("watch “%s”", name);
  beacon_play_page_add_stream (self->play_page, name);
  /* The window's action: in a bare test window there is none, and nothing to switch. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", "play");
}

void
_beacon_server_page_ask_terminate (BeaconServerPage *self,
                                   BeaconServerRow  *row)
{
  const BeaconWcsRestStream *stream = beacon_server_row_get_stream (row);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (stream->media_session_id == NULL)
    return;

  /* Translators: %s is a stream name */
  heading = g_strdup_printf (_("Terminate “%s”?"), stream->name);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   stream->published == TRUE
                                   ? _("The server stops this stream for its publisher and for "
                                       "everyone watching it.")
                                   : _("The server stops this player’s session of the stream; "
                                       "the publisher goes on."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "terminate", _("_Terminate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "terminate",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "media-session-id",
                          g_strdup (stream->media_session_id), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "stream-name", g_strdup (stream->name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_terminate_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
