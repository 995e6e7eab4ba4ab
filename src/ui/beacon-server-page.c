/* beacon-server-page.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-server-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "beacon-server-page-private.h"
#include "beacon-wcs-error.h"

#define DEFAULT_REFRESH_S 3
/* A REST API that takes longer than this is reported, not waited for by the operator. */
#define REQUEST_TIMEOUT_S 5

G_DEFINE_FINAL_TYPE (BeaconServerPage, beacon_server_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONNECTION,
  PROP_PLAY_PAGE,
  PROP_REFRESH_INTERVAL,
  PROP_ERROR_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_refresh (BeaconServerPage *self);

static gboolean
is_connected (BeaconServerPage *self)
{
  return self->connection != NULL &&
         beacon_connection_get_state (self->connection) == BEACON_WCS_STATE_ESTABLISHED &&
         beacon_connection_get_rest_url (self->connection) != NULL;
}

static const char *
row_key (const BeaconWcsRestStream *stream)
{
  return stream->media_session_id != NULL ? stream->media_session_id : stream->name;
}

static gboolean
matches_filter (BeaconServerPage *self,
                BeaconServerRow  *row)
{
  const char *name = beacon_server_row_get_stream_name (row);
  g_autofree char *folded = NULL;

  if (self->filter == NULL)
    return TRUE;
  folded = g_utf8_casefold (name != NULL ? name : "", -1);
  return strstr (folded, self->filter) != NULL;
}

static gboolean
filter_func (GtkListBoxRow *row,
             gpointer       user_data)
{
  return matches_filter (user_data, BEACON_SERVER_ROW (row));
}

/* Oldest first, as WCS lists them: a new stream joins at the end, the rows above stay put. */
static int
sort_func (GtkListBoxRow *row1,
           GtkListBoxRow *row2,
           gpointer       user_data)
{
  const BeaconWcsRestStream *a = beacon_server_row_get_stream (BEACON_SERVER_ROW (row1));
  const BeaconWcsRestStream *b = beacon_server_row_get_stream (BEACON_SERVER_ROW (row2));

  if (a->create_date != b->create_date)
    return a->create_date < b->create_date ? -1 : 1;
  return g_strcmp0 (a->name, b->name);
}

static void
show_status (BeaconServerPage *self,
             const char       *icon_name,
             const char       *title,
             const char       *description,
             gboolean          with_buttons)
{
  adw_status_page_set_icon_name (self->status_page, icon_name);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_widget_set_visible (self->status_buttons, with_buttons);
  /* The local server's REST API takes no address or credentials. */
  gtk_widget_set_visible (self->preferences_button,
                          !beacon_connection_get_is_local (self->connection));
  gtk_stack_set_visible_child_name (self->content_stack, "status");
}

/* Which of list, loading, status (and what it says) the page shows now. */
static void
update_view (BeaconServerPage *self)
{
  guint n_rows = g_hash_table_size (self->rows);
  guint n_shown = beacon_server_page_get_n_shown (self);
  gboolean loading = FALSE;

  if (!is_connected (self))
    show_status (self, "network-offline-symbolic", _("Not Connected"),
                 _("Connect to a server to see the streams on it."), FALSE);
  else if (self->error_message != NULL)
    {
      /* The status page's title says what kind of problem; set_error chose it. */
      adw_status_page_set_icon_name (self->status_page, "network-error-symbolic");
      gtk_widget_set_visible (self->status_buttons, TRUE);
      gtk_widget_set_visible (self->preferences_button,
                              !beacon_connection_get_is_local (self->connection));
      gtk_stack_set_visible_child_name (self->content_stack, "status");
    }
  else if (!self->listed)
    {
      loading = TRUE;
      gtk_stack_set_visible_child_name (self->content_stack, "loading");
    }
  else if (n_rows == 0)
    show_status (self, "network-workgroup-symbolic", _("No Streams"),
                 _("Nothing is published or played on this server right now."), FALSE);
  else if (n_shown == 0)
    {
      g_autofree char *description =
        /* Translators: %s is what the user typed in the filter */
        g_strdup_printf (_("No stream name contains “%s”."),
                         gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

      show_status (self, "edit-find-symbolic", _("No Matching Streams"), description, FALSE);
    }
  else
    gtk_stack_set_visible_child_name (self->content_stack, "list");

  gtk_spinner_set_spinning (self->spinner, loading);
}

static void
set_error (BeaconServerPage *self,
           const GError     *error)
{
  g_autofree char *message = NULL;
  const char *title = NULL;

  if (error != NULL)
    {
      const char *url = beacon_wcs_rest_get_base_url (self->rest);

      if (g_error_matches (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_CONNECT_FAILED) ||
          g_error_matches (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_TIMED_OUT))
        {
          title = _("REST API Not Reachable");
          /* Translators: %s is an address such as http://media.example.com:8081 */
          message = g_strdup_printf (_("The server’s REST API is not reachable at %s. Check "
                                       "that it is enabled, or set its address in "
                                       "Preferences."), url);
        }
      else if (g_error_matches (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_UNAUTHORIZED))
        {
          title = _("REST API Login Needed");
          /* Translators: %s is the server's reason, e.g. "The server refused the REST
           * credentials" */
          message = g_strdup_printf (_("%s. Set the user name and password in Preferences."),
                                     error->message);
        }
      else
        {
          title = _("Cannot List Streams");
          message = g_strdup (error->message);
        }
      g_debug ("REST list failed: %s", error->message);
    }

  if (title != NULL)
    adw_status_page_set_title (self->status_page, title);
  if (g_strcmp0 (self->error_message, message) != 0)
    {
      g_free (self->error_message);
      self->error_message = g_steal_pointer (&message);
      adw_status_page_set_description (self->status_page, self->error_message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
    }
  update_view (self);
}

static void
clear_rows (BeaconServerPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  g_hash_table_remove_all (self->rows);
}

/* Rows are updated in place, so that the focus, the filter and the scroll position survive
 * a refresh every few seconds. */
static void
apply_streams (BeaconServerPage *self,
               GPtrArray        *streams)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;
  gpointer value;
  gboolean added = FALSE;

  for (guint i = 0; i < streams->len; i++)
    {
      const BeaconWcsRestStream *stream = g_ptr_array_index (streams, i);
      const char *id = row_key (stream);
      GtkWidget *row;

      if (id == NULL || g_hash_table_contains (seen, id))
        continue;
      g_hash_table_add (seen, (gpointer) id);
      if ((row = g_hash_table_lookup (self->rows, id)) != NULL)
        {
          beacon_server_row_set_stream (BEACON_SERVER_ROW (row), stream);
          continue;
        }
      row = beacon_server_row_new (stream);
      g_signal_connect_object (row, "watch-requested", G_CALLBACK (_beacon_server_page_watch),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (row, "terminate-requested",
                               G_CALLBACK (_beacon_server_page_ask_terminate), self,
                               G_CONNECT_SWAPPED);
      gtk_list_box_append (self->list_box, row);
      g_hash_table_insert (self->rows, g_strdup (id), row);
      added = TRUE;
    }

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (seen, key))
      {
        gtk_list_box_remove (self->list_box, value);
        g_hash_table_iter_remove (&iter);
      }

  /* A row's name never changes, but a new one may sort between others. */
  if (added)
    gtk_list_box_invalidate_sort (self->list_box);
  gtk_list_box_invalidate_filter (self->list_box);
}

static void
on_listed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GCancellable) cancellable = user_data;
  BeaconWcsRest *rest = BEACON_WCS_REST (source);
  g_autoptr(GPtrArray) streams = NULL;
  g_autoptr(GError) error = NULL;
  BeaconServerPage *self;
  gboolean find_all = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cancellable), "find-all"));

  streams = find_all ? beacon_wcs_rest_find_all_finish (rest, result, &error)
                     : beacon_wcs_rest_find_finish (rest, result, &error);
  /* Cancelled: the page is gone, hidden, or now about another server. */
  if (g_cancellable_is_cancelled (cancellable))
    return;

  self = g_object_get_data (G_OBJECT (rest), "beacon-server-page");
  g_clear_object (&self->refresh);

  /* WCS may want a filter for find: the unfiltered list then comes from find_all, without
   * the figures. */
  if (!find_all && g_error_matches (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL) &&
      !self->use_find_all)
    {
      g_debug ("find without a filter failed (%s): using find_all", error->message);
      self->use_find_all = TRUE;
      start_refresh (self);
      return;
    }

  if (streams != NULL)
    {
      self->listed = TRUE;
      apply_streams (self, streams);
    }
  set_error (self, error);

  if (self->again)
    {
      self->again = FALSE;
      start_refresh (self);
    }
}

static void
start_refresh (BeaconServerPage *self)
{
  const char *url;

  if (self->refresh != NULL)
    {
      self->again = TRUE;
      return;
    }
  if (!is_connected (self))
    {
      update_view (self);
      return;
    }

  url = beacon_connection_get_rest_url (self->connection);
  beacon_wcs_rest_set_base_url (self->rest, url);
  beacon_wcs_rest_set_username (self->rest, beacon_connection_get_rest_username (self->connection));
  beacon_wcs_rest_set_password (self->rest, beacon_connection_get_rest_password (self->connection));

  /* Its own cancellable, so that a late answer from an earlier server is told apart. */
  self->refresh = g_cancellable_new ();
  g_object_set_data (G_OBJECT (self->refresh), "find-all", GINT_TO_POINTER (self->use_find_all));
  if (self->use_find_all)
    beacon_wcs_rest_find_all_async (self->rest, self->refresh, on_listed,
                                    g_object_ref (self->refresh));
  else
    beacon_wcs_rest_find_async (self->rest, NULL, BEACON_WCS_UNSET, self->refresh, on_listed,
                                g_object_ref (self->refresh));
  update_view (self);
}

static void
cancel_refresh (BeaconServerPage *self)
{
  g_cancellable_cancel (self->refresh);
  g_clear_object (&self->refresh);
  self->again = FALSE;
}

static gboolean
on_timer (gpointer user_data)
{
  BeaconServerPage *self = user_data;

  /* A slow server gets its answer in before the next question. */
  if (self->refresh == NULL)
    start_refresh (self);
  return G_SOURCE_CONTINUE;
}

static void
start_timer (BeaconServerPage *self)
{
  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->timer_id = g_timeout_add_seconds (self->refresh_interval, on_timer, self);
}

/* Only while it can be seen: a hidden page costs the server nothing. */
static void
on_map (BeaconServerPage *self)
{
  start_timer (self);
  start_refresh (self);
}

static void
on_unmap (BeaconServerPage *self)
{
  g_clear_handle_id (&self->timer_id, g_source_remove);
  cancel_refresh (self);
}

/* Another server, another session or other credentials: what was listed may not hold. */
static void
on_connection_changed (BeaconServerPage *self,
                       GParamSpec       *pspec)
{
  if (pspec == NULL || g_str_equal (pspec->name, "rest-url") ||
      !is_connected (self))
    {
      clear_rows (self);
      self->listed = FALSE;
      self->use_find_all = FALSE;
    }
  cancel_refresh (self);
  set_error (self, NULL);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    start_refresh (self);
}

static void
on_search_changed (BeaconServerPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->filter, g_free);
  if (*stripped != '\0')
    self->filter = g_utf8_casefold (stripped, -1);
  gtk_list_box_invalidate_filter (self->list_box);
  update_view (self);
}

static void
on_stop_search (BeaconServerPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
beacon_server_page_constructed (GObject *object)
{
  BeaconServerPage *self = BEACON_SERVER_PAGE (object);
  static const char * const watched[] = {
    "notify::state", "notify::rest-url", "notify::rest-username", "notify::rest-password",
  };

  G_OBJECT_CLASS (beacon_server_page_parent_class)->constructed (object);

  if (self->connection == NULL)
    self->connection = beacon_connection_new ();
  for (guint i = 0; i < G_N_ELEMENTS (watched); i++)
    g_signal_connect_object (self->connection, watched[i], G_CALLBACK (on_connection_changed),
                             self, G_CONNECT_SWAPPED);
  update_view (self);
}

static void
beacon_server_page_dispose (GObject *object)
{
  BeaconServerPage *self = BEACON_SERVER_PAGE (object);

  g_clear_handle_id (&self->timer_id, g_source_remove);
  cancel_refresh (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_weak_pointer (&self->play_page);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BEACON_TYPE_SERVER_PAGE);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  if (self->rest != NULL)
    g_object_set_data (G_OBJECT (self->rest), "beacon-server-page", NULL);
  g_clear_object (&self->rest);
  g_clear_object (&self->connection);

  G_OBJECT_CLASS (beacon_server_page_parent_class)->dispose (object);
}

static void
beacon_server_page_finalize (GObject *object)
{
  BeaconServerPage *self = BEACON_SERVER_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->filter, g_free);

  G_OBJECT_CLASS (beacon_server_page_parent_class)->finalize (object);
}

static void
beacon_server_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BeaconServerPage *self = BEACON_SERVER_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_set_object (value, beacon_server_page_get_connection (self));
      break;
    case PROP_PLAY_PAGE:
      g_value_set_object (value, beacon_server_page_get_play_page (self));
      break;
    case PROP_REFRESH_INTERVAL:
      g_value_set_uint (value, beacon_server_page_get_refresh_interval (self));
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, beacon_server_page_get_error_message (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_server_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BeaconServerPage *self = BEACON_SERVER_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      self->connection = g_value_dup_object (value);
      break;
    case PROP_PLAY_PAGE:
      beacon_server_page_set_play_page (self, g_value_get_object (value));
      break;
    case PROP_REFRESH_INTERVAL:
      beacon_server_page_set_refresh_interval (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_server_page_class_init (BeaconServerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = beacon_server_page_constructed;
  object_class->dispose = beacon_server_page_dispose;
  object_class->finalize = beacon_server_page_finalize;
  object_class->get_property = beacon_server_page_get_property;
  object_class->set_property = beacon_server_page_set_property;

  properties[PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL, BEACON_TYPE_CONNECTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAY_PAGE] =
    g_param_spec_object ("play-page", NULL, NULL, BEACON_TYPE_PLAY_PAGE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REFRESH_INTERVAL] =
    g_param_spec_uint ("refresh-interval", NULL, NULL, 1, 3600, DEFAULT_REFRESH_S,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/beacon_wcs/Beacon/ui/beacon-server-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BeaconServerPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BeaconServerPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, BeaconServerPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, BeaconServerPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, BeaconServerPage, status_buttons);
  gtk_widget_class_bind_template_child (widget_class, BeaconServerPage, preferences_button);
  gtk_widget_class_bind_template_child (widget_class, BeaconServerPage, spinner);

  _beacon_server_page_class_init_actions (widget_class);
}

static void
beacon_server_page_init (BeaconServerPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->refresh_interval = DEFAULT_REFRESH_S;
  self->cancellable = g_cancellable_new ();
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->rest = beacon_wcs_rest_new (NULL);
  beacon_wcs_rest_set_timeout (self->rest, REQUEST_TIMEOUT_S);
  /* The answers find the page through the client they came from (the page owns it). */
  g_object_set_data (G_OBJECT (self->rest), "beacon-server-page", self);

  gtk_list_box_set_filter_func (self->list_box, filter_func, self, NULL);
  gtk_list_box_set_sort_func (self->list_box, sort_func, self, NULL);
  /* Typing anywhere on the page goes to the filter. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (on_search_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (on_stop_search),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (on_unmap), NULL);
}

GtkWidget *
beacon_server_page_new (BeaconConnection *connection)
{
  g_return_val_if_fail (BEACON_IS_CONNECTION (connection), NULL);

  return g_object_new (BEACON_TYPE_SERVER_PAGE, "connection", connection, NULL);
}

BeaconConnection *
beacon_server_page_get_connection (BeaconServerPage *self)
{
  g_return_val_if_fail (BEACON_IS_SERVER_PAGE (self), NULL);

  return self->connection;
}

BeaconPlayPage *
beacon_server_page_get_play_page (BeaconServerPage *self)
{
  g_return_val_if_fail (BEACON_IS_SERVER_PAGE (self), NULL);

  return self->play_page;
}

void
beacon_server_page_set_play_page (BeaconServerPage *self,
                                  BeaconPlayPage   *play_page)
{
  g_return_if_fail (BEACON_IS_SERVER_PAGE (self));
  g_return_if_fail (play_page == NULL || BEACON_IS_PLAY_PAGE (play_page));

  if (g_set_weak_pointer (&self->play_page, play_page))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAY_PAGE]);
}

guint
beacon_server_page_get_refresh_interval (BeaconServerPage *self)
{
  g_return_val_if_fail (BEACON_IS_SERVER_PAGE (self), DEFAULT_REFRESH_S);

  return self->refresh_interval;
}

void
beacon_server_page_set_refresh_interval (BeaconServerPage *self,
                                         guint             seconds)
{
  g_return_if_fail (BEACON_IS_SERVER_PAGE (self));

  seconds = CLAMP (seconds, 1, 3600);
  if (self->refresh_interval == seconds)
    return;
  self->refresh_interval = seconds;
  if (self->timer_id != 0)
    start_timer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESH_INTERVAL]);
}

const char *
beacon_server_page_get_error_message (BeaconServerPage *self)
{
  g_return_val_if_fail (BEACON_IS_SERVER_PAGE (self), NULL);

  return self->error_message;
}

void
beacon_server_page_refresh (BeaconServerPage *self)
{
  g_return_if_fail (BEACON_IS_SERVER_PAGE (self));

  start_refresh (self);
}

guint
beacon_server_page_get_n_rows (BeaconServerPage *self)
{
  g_return_val_if_fail (BEACON_IS_SERVER_PAGE (self), 0);

  return g_hash_table_size (self->rows);
}

BeaconServerRow *
beacon_server_page_get_row (BeaconServerPage *self,
                            guint             index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (BEACON_IS_SERVER_PAGE (self), NULL);

  row = gtk_list_box_get_row_at_index (self->list_box, (int) index);
  return row != NULL ? BEACON_SERVER_ROW (row) : NULL;
}

guint
beacon_server_page_get_n_shown (BeaconServerPage *self)
{
  guint n = 0;

  g_return_val_if_fail (BEACON_IS_SERVER_PAGE (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (BEACON_IS_SERVER_ROW (child) && matches_filter (self, BEACON_SERVER_ROW (child)))
      n++;
  return n;
}
