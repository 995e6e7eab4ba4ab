/* beacon-play-page.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-play-page"

#include "config.h"

#include <glib/gi18n.h>

#include "beacon-alerts.h"
#include "beacon-play-page.h"
#include "beacon-stream-detail.h"
#include "beacon-stream-grid.h"
#include "beacon-watched-stream.h"

struct _BeaconPlayPage
{
  AdwBin              parent_instance;

  /* Template children */
  AdwLeaflet         *leaflet;
  GtkEntry           *add_entry;
  GtkButton          *add_button;
  GtkRevealer        *message_revealer;
  GtkLabel           *message_label;
  GtkStack           *content_stack;
  AdwStatusPage      *empty_page;
  BeaconStreamGrid   *grid;
  BeaconStreamDetail *detail;

  /* Owned */
  BeaconConnection   *connection;
  GListStore         *streams;
  BeaconAlerts       *alerts;
  GSettings          *settings;        /* NULL where the schema is not installed */
  GCancellable       *cancellable;
  GPtrArray          *pending;         /* names asked for before the session was up */
  char               *message;
};

/* One availability check on its way. */
typedef struct
{
  BeaconPlayPage *page;     /* owned */
  char           *name;
  guint           from_entry : 1;
} AddRequest;

G_DEFINE_FINAL_TYPE (BeaconPlayPage, beacon_play_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONNECTION,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
add_request_free (AddRequest *request)
{
  g_clear_object (&request->page);
  g_free (request->name);
  g_free (request);
}

static BeaconWcsClient *
current_client (BeaconPlayPage *self)
{
  return self->connection != NULL ? beacon_connection_get_client (self->connection) : NULL;
}

static gboolean
is_connected (BeaconPlayPage *self)
{
  BeaconWcsClient *client = current_client (self);

  return client != NULL && beacon_wcs_client_get_state (client) == BEACON_WCS_STATE_ESTABLISHED;
}

static void
set_message (BeaconPlayPage *self,
             const char     *message)
{
  if (g_strcmp0 (self->message, message) == 0)
    return;
  g_free (self->message);
  self->message = g_strdup (message);
  if (message != NULL)
    gtk_label_set_label (self->message_label, message);
  gtk_revealer_set_reveal_child (self->message_revealer, message != NULL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->add_entry),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE
                                               : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

static void
update_actions (BeaconPlayPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->add_entry));
  g_autofree char *name = g_strstrip (g_strdup (text));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "play.add-stream",
                                 is_connected (self) && *name != '\0');
}

static void
update_empty_state (BeaconPlayPage *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->streams)) == 0;

  if (is_connected (self))
    {
      adw_status_page_set_title (self->empty_page, _("No Streams"));
      adw_status_page_set_description (self->empty_page,
                                       _("Type the name of a published stream above and press Enter to watch it here."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("Disconnected"));
      adw_status_page_set_description (self->empty_page,
                                       _("Connect to a server to watch its streams."));
    }
  gtk_stack_set_visible_child_name (self->content_stack, empty ? "empty" : "grid");
}

static void
save_streams (BeaconPlayPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->streams));
  g_autoptr(GPtrArray) names = g_ptr_array_new_full (n + 1, NULL);

  if (self->settings == NULL)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BeaconWatchedStream) stream = g_list_model_get_item (G_LIST_MODEL (self->streams), i);

      g_ptr_array_add (names, (gpointer) beacon_watched_stream_get_name (stream));
    }
  g_ptr_array_add (names, NULL);
  g_settings_set_strv (self->settings, "watched-streams", (const char * const *) names->pdata);
}

static void
on_streams_changed (BeaconPlayPage *self)
{
  save_streams (self);
  update_empty_state (self);
}

static int
find_stream (BeaconPlayPage *self,
             const char     *name)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->streams));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BeaconWatchedStream) stream = g_list_model_get_item (G_LIST_MODEL (self->streams), i);

      if (g_strcmp0 (beacon_watched_stream_get_name (stream), name) == 0)
        return (int) i;
    }
  return -1;
}

static void
watch (BeaconPlayPage *self,
       const char     *name)
{
  g_autoptr(BeaconWatchedStream) stream = beacon_watched_stream_new (name);

  beacon_watched_stream_set_client (stream, current_client (self));
  beacon_alerts_watch (self->alerts, stream);
  g_list_store_append (self->streams, stream);
}

static void
on_check_available (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  AddRequest *request = user_data;
  BeaconPlayPage *self = request->page;
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  g_autofree char *message = NULL;
  gboolean available = FALSE;

  /* The page went away while the server thought: nothing left to show the answer in. */
  if (g_cancellable_is_cancelled (self->cancellable))
    {
      add_request_free (request);
      return;
    }

  if (!beacon_wcs_client_check_available_finish (BEACON_WCS_CLIENT (source), result,
                                                 &available, &info, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        /* Translators: %s is a stream name, the second %s the reason */
        message = g_strdup_printf (_("Could not check “%s”: %s"), request->name, error->message);
    }
  else if (!available)
    {
      /* Translators: %s is a stream name, the second %s the server's reason, e.g. "Stream
       * not found" */
      message = g_strdup_printf (_("Cannot watch “%s”: %s"), request->name,
                                 info != NULL && *info != '\0' ? info
                                                               : _("The server does not offer it"));
    }
  else
    {
      g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_entry)));

      g_debug ("“%s” is available", request->name);
      if (find_stream (self, request->name) < 0)
        watch (self, request->name);
      set_message (self, NULL);
      /* The entry is cleared only if it still holds what was added. */
      if (request->from_entry && g_strcmp0 (g_strstrip (text), request->name) == 0)
        gtk_editable_set_text (GTK_EDITABLE (self->add_entry), "");
    }

  if (message != NULL)
    {
      set_message (self, message);
      /* Someone else asked (first run, the server view): this page may not be in sight. */
      if (!request->from_entry)
        beacon_alerts_show_toast (GTK_WIDGET (self), message);
    }
  add_request_free (request);
}

static void
add_stream (BeaconPlayPage *self,
            const char     *name,
            gboolean        from_entry)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  AddRequest *request;
  int position;

  if (*trimmed == '\0')
    return;
  /* Asked twice (the demo on every start, a second Enter): the tile is there already. */
  if ((position = find_stream (self, trimmed)) >= 0)
    {
      if (from_entry)
        {
          gtk_editable_set_text (GTK_EDITABLE (self->add_entry), "");
          beacon_stream_grid_focus_tile (self->grid, position);
        }
      set_message (self, NULL);
      return;
    }
  if (!is_connected (self))
    {
      /* The app asks at start-up, maybe before its session is up: that ask waits for it. */
      if (!from_entry)
        g_ptr_array_add (self->pending, g_steal_pointer (&trimmed));
      else
        set_message (self, _("Connect to a server first: streams are checked before they are added."));
      return;
    }

  request = g_new0 (AddRequest, 1);
  request->page = g_object_ref (self);
  request->name = g_steal_pointer (&trimmed);
  request->from_entry = !!from_entry;
  beacon_wcs_client_check_available_async (current_client (self), request->name,
                                           self->cancellable,
                                           on_check_available, request);
}

static void
on_entry_activate (BeaconPlayPage *self)
{
  add_stream (self, gtk_editable_get_text (GTK_EDITABLE (self->add_entry)), TRUE);
}

static void
on_entry_changed (BeaconPlayPage *self)
{
  /* The reason was about the name as it was; a new name deserves a clean slate. */
  set_message (self, NULL);
  update_actions (self);
}

static void
add_stream_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  on_entry_activate (BEACON_PLAY_PAGE (widget));
}

static void
on_client_changed (BeaconPlayPage *self)
{
  BeaconWcsClient *client = current_client (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->streams));

  g_debug ("connection's client is now %p", client);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BeaconWatchedStream) stream = g_list_model_get_item (G_LIST_MODEL (self->streams), i);

      beacon_watched_stream_set_client (stream, client);
    }
  if (client != NULL)
    set_message (self, NULL);
  update_actions (self);
  update_empty_state (self);

  if (is_connected (self) && self->pending->len > 0)
    {
      g_autoptr(GPtrArray) pending = g_steal_pointer (&self->pending);

      self->pending = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < pending->len; i++)
        add_stream (self, g_ptr_array_index (pending, i), FALSE);
    }
}

static void
on_grid_stream_activated (BeaconPlayPage      *self,
                          BeaconWatchedStream *stream)
{
  beacon_stream_detail_set_stream (self->detail, stream);
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
  gtk_widget_grab_focus (GTK_WIDGET (self->detail));
}

static void
show_grid (BeaconPlayPage *self)
{
  BeaconWatchedStream *stream = beacon_stream_detail_get_stream (self->detail);
  guint position;

  adw_leaflet_set_visible_child_name (self->leaflet, "grid");
  if (stream != NULL && g_list_store_find (self->streams, stream, &position))
    beacon_stream_grid_focus_tile (self->grid, position);
}

static void
on_grid_remove_requested (BeaconPlayPage      *self,
                          BeaconWatchedStream *stream)
{
  guint position;
  guint n;

  if (!g_list_store_find (self->streams, stream, &position))
    return;

  if (beacon_stream_detail_get_stream (self->detail) == stream)
    {
      adw_leaflet_set_visible_child_name (self->leaflet, "grid");
      beacon_stream_detail_set_stream (self->detail, NULL);
    }
  beacon_alerts_unwatch (self->alerts, stream);
  beacon_watched_stream_stop (stream);
  g_list_store_remove (self->streams, position);

  /* The focus stays in the grid, on the tile that took the removed one's place. */
  if ((n = g_list_model_get_n_items (G_LIST_MODEL (self->streams))) > 0)
    beacon_stream_grid_focus_tile (self->grid, MIN (position, n - 1));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->add_entry));
}

static void
on_grid_move_requested (BeaconPlayPage      *self,
                        BeaconWatchedStream *stream,
                        int                  delta)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->streams));
  gpointer swapped[2];
  guint position;
  guint first;
  int target;

  if (!g_list_store_find (self->streams, stream, &position))
    return;
  target = (int) position + (delta < 0 ? -1 : 1);
  if (target < 0 || target >= (int) n)
    return;

  /* One splice swaps the neighbours in a single items-changed, so the order is saved once
   * and the alerts, bound to the streams, do not notice. */
  first = MIN (position, (guint) target);
  swapped[0] = g_list_model_get_item (G_LIST_MODEL (self->streams), first + 1);
  swapped[1] = g_list_model_get_item (G_LIST_MODEL (self->streams), first);
  g_list_store_splice (self->streams, first, 2, swapped, 2);
  g_object_unref (swapped[0]);
  g_object_unref (swapped[1]);

  beacon_stream_grid_focus_tile (self->grid, target);
}

/* Without desktop notifications the badge on a tile that may be scrolled away is not
 * enough: the alert is also a toast in this window. */
static void
on_alert_raised (BeaconPlayPage      *self,
                 BeaconWatchedStream *stream,
                 const char          *reason)
{
  if (!beacon_alerts_get_can_notify (self->alerts))
    beacon_alerts_show_toast (GTK_WIDGET (self), reason);
}

static void
restore_streams (BeaconPlayPage *self)
{
  g_auto(GStrv) names = NULL;

  if (self->settings == NULL)
    return;
  /* No availability check here: a stream that is gone shows the server's reason on its
   * tile, which tells the operator more than a silent drop would. */
  names = g_settings_get_strv (self->settings, "watched-streams");
  for (guint i = 0; names[i] != NULL; i++)
    if (*names[i] != '\0')
      watch (self, names[i]);
}

static void
beacon_play_page_constructed (GObject *object)
{
  BeaconPlayPage *self = BEACON_PLAY_PAGE (object);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  G_OBJECT_CLASS (beacon_play_page_parent_class)->constructed (object);

  /* An uninstalled run without GSETTINGS_SCHEMA_DIR: the page works, it just forgets. */
  if (source != NULL && (schema = g_settings_schema_source_lookup (source, BASE_ID, TRUE)))
    {
      self->settings = g_settings_new (BASE_ID);
      g_settings_bind (self->settings, "alert-bad-seconds", self->alerts, "bad-seconds",
                       G_SETTINGS_BIND_GET);
    }

  /* The client appears while CONNECTING; its state follows through the connection's. */
  if (self->connection != NULL)
    {
      g_signal_connect_object (self->connection, "notify::client",
                               G_CALLBACK (on_client_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->connection, "notify::state",
                               G_CALLBACK (on_client_changed), self, G_CONNECT_SWAPPED);
    }

  restore_streams (self);
  g_signal_connect_object (self->streams, "items-changed", G_CALLBACK (on_streams_changed),
                           self, G_CONNECT_SWAPPED);
  beacon_stream_grid_set_model (self->grid, G_LIST_MODEL (self->streams));
  on_client_changed (self);
}

static void
beacon_play_page_dispose (GObject *object)
{
  BeaconPlayPage *self = BEACON_PLAY_PAGE (object);
  guint n;

  g_cancellable_cancel (self->cancellable);
  /* The streams stop here, not whenever the last tile lets go of them. */
  n = self->streams != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->streams)) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BeaconWatchedStream) stream = g_list_model_get_item (G_LIST_MODEL (self->streams), i);

      beacon_alerts_unwatch (self->alerts, stream);
      beacon_watched_stream_set_client (stream, NULL);
    }
  if (self->streams != NULL)
    g_signal_handlers_disconnect_by_data (self->streams, self);

  /* AdwBin unparents its child itself: let it, before the template forgets the pointer. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BEACON_TYPE_PLAY_PAGE);
  g_clear_object (&self->streams);
  g_clear_object (&self->alerts);
  g_clear_object (&self->settings);
  g_clear_object (&self->connection);

  G_OBJECT_CLASS (beacon_play_page_parent_class)->dispose (object);
}

static void
beacon_play_page_finalize (GObject *object)
{
  BeaconPlayPage *self = BEACON_PLAY_PAGE (object);

  /* Kept until here: a late availability answer reads it to learn the page is gone. */
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->pending, g_ptr_array_unref);

  G_OBJECT_CLASS (beacon_play_page_parent_class)->finalize (object);
}

static void
beacon_play_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BeaconPlayPage *self = BEACON_PLAY_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_set_object (value, beacon_play_page_get_connection (self));
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, beacon_play_page_get_message (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_play_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BeaconPlayPage *self = BEACON_PLAY_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      self->connection = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_play_page_class_init (BeaconPlayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = beacon_play_page_constructed;
  object_class->dispose = beacon_play_page_dispose;
  object_class->finalize = beacon_play_page_finalize;
  object_class->get_property = beacon_play_page_get_property;
  object_class->set_property = beacon_play_page_set_property;

  properties[PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL, BEACON_TYPE_CONNECTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BEACON_TYPE_STREAM_GRID);
  g_type_ensure (BEACON_TYPE_STREAM_DETAIL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/beacon_wcs/Beacon/ui/beacon-play-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BeaconPlayPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BeaconPlayPage, add_entry);
  gtk_widget_class_bind_template_child (widget_class, BeaconPlayPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, BeaconPlayPage, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, BeaconPlayPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, BeaconPlayPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, BeaconPlayPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, BeaconPlayPage, grid);
  gtk_widget_class_bind_template_child (widget_class, BeaconPlayPage, detail);

  gtk_widget_class_install_action (widget_class, "play.add-stream", NULL, add_stream_action);
}

static void
beacon_play_page_init (BeaconPlayPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->streams = g_list_store_new (BEACON_TYPE_WATCHED_STREAM);
  self->alerts = beacon_alerts_new ();
  g_signal_connect_object (self->alerts, "alert-raised", G_CALLBACK (on_alert_raised), self,
                           G_CONNECT_SWAPPED);
  self->cancellable = g_cancellable_new ();
  self->pending = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect_object (self->add_entry, "activate", G_CALLBACK (on_entry_activate),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->add_entry, "changed", G_CALLBACK (on_entry_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->grid, "stream-activated", G_CALLBACK (on_grid_stream_activated),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->grid, "remove-requested", G_CALLBACK (on_grid_remove_requested),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->grid, "move-requested", G_CALLBACK (on_grid_move_requested),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->detail, "close-requested", G_CALLBACK (show_grid),
                           self, G_CONNECT_SWAPPED);
}

GtkWidget *
beacon_play_page_new (BeaconConnection *connection)
{
  g_return_val_if_fail (connection == NULL || BEACON_IS_CONNECTION (connection), NULL);

  return g_object_new (BEACON_TYPE_PLAY_PAGE, "connection", connection, NULL);
}

BeaconConnection *
beacon_play_page_get_connection (BeaconPlayPage *self)
{
  g_return_val_if_fail (BEACON_IS_PLAY_PAGE (self), NULL);

  return self->connection;
}

void
beacon_play_page_add_stream (BeaconPlayPage *self,
                             const char     *name)
{
  g_return_if_fail (BEACON_IS_PLAY_PAGE (self));
  g_return_if_fail (name != NULL);

  add_stream (self, name, FALSE);
}

GListModel *
beacon_play_page_get_streams (BeaconPlayPage *self)
{
  g_return_val_if_fail (BEACON_IS_PLAY_PAGE (self), NULL);

  return G_LIST_MODEL (self->streams);
}

const char *
beacon_play_page_get_message (BeaconPlayPage *self)
{
  g_return_val_if_fail (BEACON_IS_PLAY_PAGE (self), NULL);

  return self->message;
}
