/* beacon-stream-tile-actions.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-stream-tile"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "beacon-alerts.h"
#include "beacon-stream-tile-private.h"
#include "beacon-video-paintable.h"

/* What a save dialog is for; its buffer is made when the file is picked, so it holds the
 * newest frame or figures, not those of the moment the dialog opened. */
typedef enum
{
  SAVE_SNAPSHOT,
  SAVE_METRICS,
} SaveKind;

typedef struct
{
  BeaconStreamTile *tile;     /* owned */
  SaveKind          kind;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_clear_object (&request->tile);
  g_free (request);
}

static GdkTexture *
dup_current_frame (BeaconStreamTile *self)
{
  GdkPaintable *paintable = beacon_watched_stream_get_paintable (self->stream);
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  GtkNative *native;
  int width, height;

  if (paintable == NULL)
    return NULL;
  if (BEACON_IS_VIDEO_PAINTABLE (paintable))
    return beacon_video_paintable_dup_texture (BEACON_VIDEO_PAINTABLE (paintable));

  /* gtk4paintablesink's paintable has no texture getter: draw it once, at its own size. */
  width = gdk_paintable_get_intrinsic_width (paintable);
  height = gdk_paintable_get_intrinsic_height (paintable);
  native = gtk_widget_get_native (GTK_WIDGET (self));
  if (width <= 0 || height <= 0 || native == NULL ||
      (renderer = gtk_native_get_renderer (native)) == NULL)
    return NULL;
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return NULL;
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static void
on_file_saved (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(BeaconStreamTile) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *basename = NULL;

  if (g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    return;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  basename = g_file_get_basename (G_FILE (source));
  /* Translators: %s is a file name, the second %s the system's reason */
  message = g_strdup_printf (_("Could not save “%s”: %s"), basename, error->message);
  beacon_alerts_show_toast (GTK_WIDGET (self), message);
}

static void
on_save_response (GtkNativeDialog *dialog,
                  int              response,
                  SaveRequest     *request)
{
  BeaconStreamTile *self = request->tile;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL &&
      self->stream != NULL)
    {
      if (request->kind == SAVE_SNAPSHOT)
        {
          g_autoptr(GdkTexture) texture = dup_current_frame (self);

          if (texture != NULL)
            bytes = gdk_texture_save_to_png_bytes (texture);
          else
            beacon_alerts_show_toast (GTK_WIDGET (self), _("There is no picture to save yet"));
        }
      else
        {
          char *csv = beacon_watched_stream_dup_metrics_csv (self->stream);

          bytes = g_bytes_new_take (csv, strlen (csv));
        }
    }

  if (bytes != NULL)
    g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE,
                                         G_FILE_CREATE_REPLACE_DESTINATION, self->cancellable,
                                         on_file_saved, g_object_ref (self));

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  save_request_free (request);
}

static void
ask_for_file (BeaconStreamTile *self,
              SaveKind          kind)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *name = beacon_watched_stream_get_name (self->stream);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d %H-%M-%S");
  g_autofree char *file_name = NULL;
  GtkFileChooserNative *dialog;
  GtkFileFilter *filter;
  SaveRequest *request;

  /* GtkFileDialog is GTK 4.10; on the 4.8 floor the native chooser is the portal's. */
  dialog = gtk_file_chooser_native_new (kind == SAVE_SNAPSHOT ? _("Save Snapshot")
                                                              : _("Export Metrics"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  filter = gtk_file_filter_new ();
  if (kind == SAVE_SNAPSHOT)
    {
      /* Translators: a default file name: the stream name and the date and time */
      file_name = g_strdup_printf (_("%s %s.png"), name, stamp);
      gtk_file_filter_set_name (filter, _("PNG Images"));
      gtk_file_filter_add_mime_type (filter, "image/png");
    }
  else
    {
      /* Translators: a default file name: the stream name and the date and time */
      file_name = g_strdup_printf (_("%s metrics %s.csv"), name, stamp);
      gtk_file_filter_set_name (filter, _("CSV Files"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_unref (filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), file_name);

  request = g_new0 (SaveRequest, 1);
  request->tile = g_object_ref (self);
  request->kind = kind;
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_fullscreen_destroyed (BeaconStreamTile *self)
{
  self->fullscreen = NULL;
}

static GtkWindow *
make_fullscreen_window (BeaconStreamTile *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *picture = gtk_picture_new_for_paintable (beacon_watched_stream_get_paintable (self->stream));
  GtkWidget *close = gtk_button_new_from_icon_name ("view-restore-symbolic");
  GtkWidget *title = gtk_label_new (beacon_watched_stream_get_name (self->stream));
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_window_set_title (GTK_WINDOW (window), beacon_watched_stream_get_name (self->stream));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_widget_add_css_class (window, "fullscreen-video");

  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), picture);

  gtk_widget_set_halign (title, GTK_ALIGN_START);
  gtk_widget_set_valign (title, GTK_ALIGN_START);
  gtk_widget_set_margin_start (title, 12);
  gtk_widget_set_margin_top (title, 12);
  gtk_widget_add_css_class (title, "osd");
  gtk_widget_add_css_class (title, "heading");
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), title);

  gtk_widget_set_halign (close, GTK_ALIGN_END);
  gtk_widget_set_valign (close, GTK_ALIGN_START);
  gtk_widget_set_margin_end (close, 12);
  gtk_widget_set_margin_top (close, 12);
  gtk_widget_add_css_class (close, "osd");
  gtk_widget_add_css_class (close, "circular");
  gtk_widget_set_tooltip_text (close, _("Leave Fullscreen"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (close),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Leave Fullscreen"), -1);
  g_signal_connect_swapped (close, "clicked", G_CALLBACK (gtk_window_destroy), window);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), close);

  /* Escape and F11 leave, as in a video player. */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Escape|F11"),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);

  gtk_window_set_child (GTK_WINDOW (window), overlay);
  g_signal_connect_object (window, "destroy", G_CALLBACK (on_fullscreen_destroyed), self,
                           G_CONNECT_SWAPPED);
  return GTK_WINDOW (window);
}

void
_beacon_stream_tile_close_fullscreen (BeaconStreamTile *self)
{
  if (self->fullscreen != NULL)
    gtk_window_destroy (self->fullscreen);
  self->fullscreen = NULL;
}

static void
tile_details_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  g_signal_emit_by_name (widget, "details-requested");
}

static void
tile_fullscreen_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  BeaconStreamTile *self = BEACON_STREAM_TILE (widget);

  if (self->stream == NULL)
    return;
  if (self->fullscreen == NULL)
    self->fullscreen = make_fullscreen_window (self);
  gtk_window_fullscreen (self->fullscreen);
  gtk_window_present (self->fullscreen);
}

static void
tile_stop_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  BeaconStreamTile *self = BEACON_STREAM_TILE (widget);

  if (self->stream != NULL)
    beacon_watched_stream_stop (self->stream);
}

static void
tile_restart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  BeaconStreamTile *self = BEACON_STREAM_TILE (widget);

  if (self->stream != NULL)
    beacon_watched_stream_restart (self->stream);
}

static void
tile_snapshot_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  BeaconStreamTile *self = BEACON_STREAM_TILE (widget);

  if (self->stream != NULL)
    ask_for_file (self, SAVE_SNAPSHOT);
}

static void
tile_export_metrics_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  BeaconStreamTile *self = BEACON_STREAM_TILE (widget);

  if (self->stream != NULL)
    ask_for_file (self, SAVE_METRICS);
}

static void
tile_copy_info_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  BeaconStreamTile *self = BEACON_STREAM_TILE (widget);
  g_autofree char *text = NULL;

  if (self->stream == NULL)
    return;
  text = beacon_watched_stream_dup_info_text (self->stream);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  beacon_alerts_show_toast (widget, _("Stream info copied"));
}

static void
tile_move_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  int delta = g_str_equal (action_name, "tile.move-left") ? -1 : 1;

  g_signal_emit_by_name (widget, "move-requested", delta);
}

static void
tile_remove_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  g_signal_emit_by_name (widget, "remove-requested");
}

void
_beacon_stream_tile_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "tile.details", NULL, tile_details_action);
  gtk_widget_class_install_action (widget_class, "tile.fullscreen", NULL,
                                   tile_fullscreen_action);
  gtk_widget_class_install_action (widget_class, "tile.stop", NULL, tile_stop_action);
  gtk_widget_class_install_action (widget_class, "tile.restart", NULL, tile_restart_action);
  gtk_widget_class_install_action (widget_class, "tile.snapshot", NULL, tile_snapshot_action);
  gtk_widget_class_install_action (widget_class, "tile.copy-info", NULL, tile_copy_info_action);
  gtk_widget_class_install_action (widget_class, "tile.export-metrics", NULL,
                                   tile_export_metrics_action);
  gtk_widget_class_install_action (widget_class, "tile.move-left", NULL, tile_move_action);
  gtk_widget_class_install_action (widget_class, "tile.move-right", NULL, tile_move_action);
  gtk_widget_class_install_action (widget_class, "tile.remove", NULL, tile_remove_action);
}
