/* beacon-connect-page.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-connect-page"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "beacon-connect-page.h"
#include "beacon-credentials.h"
#include "beacon-wcs-error.h"
#include "beacon-window.h"

#define MAX_RECENT_SERVERS 10

struct _BeaconConnectPage
{
  AdwBin               parent_instance;

  /* Template children */
  AdwEntryRow         *url_row;
  AdwEntryRow         *app_key_row;
  AdwEntryRow         *custom_row;
  GtkLabel            *url_error;
  GtkLabel            *custom_error;
  GtkLabel            *session_error;
  GtkWidget           *connect_button;
  GtkWidget           *disconnect_button;
  AdwActionRow        *state_row;
  AdwActionRow        *address_row;
  AdwActionRow        *version_row;
  GtkSpinner          *spinner;
  AdwPreferencesGroup *recent_group;

  /* Owned */
  BeaconConnection    *connection;
  GSettings           *settings;
  GCancellable        *cancellable;
  GPtrArray           *recent_rows;   /* borrowed: the group owns them */

  /* State */
  guint                url_valid : 1;
  guint                custom_valid : 1;
};

G_DEFINE_FINAL_TYPE (BeaconConnectPage, beacon_connect_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONNECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_toast (BeaconConnectPage *self,
            const char        *text)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), BEACON_TYPE_WINDOW);

  if (window != NULL)
    beacon_window_show_toast (BEACON_WINDOW (window), text);
  else
    g_debug ("%s", text);
}

static void
show_field_error (GtkLabel    *label,
                  GtkWidget   *row,
                  const char  *message)
{
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

/* Why @text is not a server address, in words a user can act on; %NULL when it is one. */
static char *
describe_url_problem (const char *text)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (beacon_wcs_client_check_url (text, NULL))
    return NULL;
  if (strstr (text, "://") == NULL)
    return g_strdup (_("Start the address with ws:// or wss://"));
  if (!(uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL)))
    return g_strdup (_("This is not a valid address"));
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "ws") != 0 && g_ascii_strcasecmp (scheme, "wss") != 0)
    /* Translators: %s is the scheme the user typed, such as “http” */
    return g_strdup_printf (_("“%s://” is not a WebSocket address: use ws:// or wss://"), scheme);
  return g_strdup (_("The address has no server name"));
}

/* Why @text is not usable as custom fields (the parser's own words); %NULL when it is. */
static char *
describe_custom_problem (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (*text == '\0')
    return NULL;
  if (!json_parser_load_from_data (parser, text, -1, &error))
    /* Translators: %s is json-glib's description of the syntax error */
    return g_strdup_printf (_("Not valid JSON: %s"), error->message);
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return g_strdup (_("Custom fields must be a JSON object, such as {\"token\": \"…\"}"));
  return NULL;
}

static char *
dup_trimmed_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
update_actions (BeaconConnectPage *self)
{
  gboolean has_session, local_running;

  if (self->connection == NULL)
    return;   /* still in init: constructed () calls again */
  has_session = beacon_connection_get_client (self->connection) != NULL;
  local_running = has_session && beacon_connection_get_is_local (self->connection);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connect.connect",
                                 self->url_valid && self->custom_valid);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connect.disconnect", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connect.start-local", !local_running);
  gtk_widget_set_visible (self->disconnect_button, has_session);
}

static void
on_url_changed (BeaconConnectPage *self)
{
  g_autofree char *text = dup_trimmed_text (self->url_row);
  g_autofree char *problem = *text != '\0' ? describe_url_problem (text) : NULL;

  self->url_valid = *text != '\0' && problem == NULL;
  show_field_error (self->url_error, GTK_WIDGET (self->url_row), problem);
  update_actions (self);
}

static void
on_custom_changed (BeaconConnectPage *self)
{
  g_autofree char *text = dup_trimmed_text (self->custom_row);
  g_autofree char *problem = describe_custom_problem (text);

  self->custom_valid = problem == NULL;
  show_field_error (self->custom_error, GTK_WIDGET (self->custom_row), problem);
  update_actions (self);
}

static void
on_connection_changed (BeaconConnectPage *self)
{
  BeaconWcsState state = beacon_connection_get_state (self->connection);
  const char *version = beacon_connection_get_server_version (self->connection);
  const char *url = beacon_connection_get_url (self->connection);
  const char *error = beacon_connection_get_error_message (self->connection);

  adw_action_row_set_subtitle (self->state_row, beacon_connection_get_summary (self->connection));
  adw_action_row_set_subtitle (self->address_row, url ? url : "—");
  adw_action_row_set_subtitle (self->version_row, version ? version : "—");
  gtk_spinner_set_spinning (self->spinner, state == BEACON_WCS_STATE_CONNECTING ||
                                           state == BEACON_WCS_STATE_CONNECTED);
  gtk_label_set_text (self->session_error, error ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->session_error), error != NULL);
  update_actions (self);
}

/* Defaults are not secrets: only a key other than the default, or custom fields, are kept. */
static void
store_secrets (BeaconConnectPage *self,
               const char        *url,
               const char        *app_key,
               const char        *custom_json)
{
  g_autofree char *default_key = g_settings_get_string (self->settings, "app-key");

  if (g_strcmp0 (app_key, default_key) == 0 && *custom_json == '\0')
    beacon_credentials_store (url, NULL, NULL);
  else
    beacon_credentials_store (url, app_key, custom_json);
}

/* The async steps below do not hold the page: dispose cancels them, and a cancelled step
 * never touches it, so closing the window is not held up by the keyring or the network. */
typedef struct
{
  BeaconConnectPage *self;
  char              *url;
  guint              connect_after : 1;
} Lookup;

static void
lookup_free (Lookup *lookup)
{
  g_free (lookup->url);
  g_free (lookup);
}

static void connect_now (BeaconConnectPage *self);

static void
on_secret_found (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Lookup *lookup = user_data;
  BeaconConnectPage *self = lookup->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *app_key = NULL;
  g_autofree char *custom_json = NULL;
  g_autofree char *current = NULL;
  gboolean found;

  found = beacon_credentials_lookup_finish (result, &app_key, &custom_json, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      lookup_free (lookup);
      return;
    }

  /* The user may have typed another address meanwhile: then these are not for it. */
  current = dup_trimmed_text (self->url_row);
  if (found && g_str_equal (current, lookup->url))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->app_key_row), app_key ? app_key : "");
      gtk_editable_set_text (GTK_EDITABLE (self->custom_row), custom_json ? custom_json : "");
    }

  if (lookup->connect_after && g_str_equal (current, lookup->url))
    connect_now (self);
  lookup_free (lookup);
}

static void
lookup_secrets (BeaconConnectPage *self,
                const char        *url,
                gboolean           connect_after)
{
  Lookup *lookup = g_new0 (Lookup, 1);

  lookup->self = self;
  lookup->url = g_strdup (url);
  lookup->connect_after = !!connect_after;
  beacon_credentials_lookup_async (url, self->cancellable, on_secret_found, lookup);
}

static void
remember_server (BeaconConnectPage *self,
                 const char        *url)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-servers");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  g_strv_builder_add (builder, url);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT_SERVERS; i++)
    if (!g_str_equal (recent[i], url))
      {
        g_strv_builder_add (builder, recent[i]);
        n++;
      }
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-servers", (const char * const *) updated);
  g_settings_set_string (self->settings, "server-url", url);
}

static void
on_recent_activated (AdwActionRow      *row,
                     BeaconConnectPage *self)
{
  const char *url = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url);
  gtk_editable_set_text (GTK_EDITABLE (self->custom_row), "");
  lookup_secrets (self, url, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->url_row));
}

static void
on_recent_servers_changed (BeaconConnectPage *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-servers");

  for (guint i = 0; i < self->recent_rows->len; i++)
    adw_preferences_group_remove (self->recent_group, g_ptr_array_index (self->recent_rows, i));
  g_ptr_array_set_size (self->recent_rows, 0);

  for (guint i = 0; recent[i] != NULL && i < MAX_RECENT_SERVERS; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), recent[i]);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Fill in this address"));
      g_signal_connect_object (row, "activated", G_CALLBACK (on_recent_activated), self, 0);
      adw_preferences_group_add (self->recent_group, row);
      g_ptr_array_add (self->recent_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), self->recent_rows->len > 0);
}

typedef struct
{
  BeaconConnectPage *self;
  GCancellable      *cancellable;   /* the page's: cancelled once it is disposed */
  char              *url;
  char              *app_key;
  char              *custom_json;
} Attempt;

static void
attempt_free (Attempt *attempt)
{
  g_clear_object (&attempt->cancellable);
  g_free (attempt->url);
  g_free (attempt->app_key);
  g_free (attempt->custom_json);
  g_free (attempt);
}

static void start_attempt (Attempt *attempt);

static void
on_trust_response (AdwMessageDialog *dialog,
                   const char       *response,
                   Attempt          *attempt)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "trust") && !g_cancellable_is_cancelled (attempt->cancellable))
    {
      if (beacon_connection_trust_certificate (attempt->self->connection, &error))
        {
          start_attempt (attempt);
          return;
        }
      show_toast (attempt->self, error->message);
    }
  attempt_free (attempt);
}

/* A wss:// certificate that failed verification: show what it is and let the user decide. */
static void
ask_trust (Attempt *attempt)
{
  BeaconConnectPage *self = attempt->self;
  GTlsCertificate *certificate = beacon_connection_get_untrusted_certificate (self->connection);
  g_autofree char *fingerprint = beacon_connection_dup_fingerprint (certificate);
  g_autofree char *origin = beacon_connection_dup_origin (attempt->url);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_markup_printf_escaped (_("The certificate of %s could not be verified. Trust it only if "
                                    "its SHA-256 fingerprint matches the one the server’s "
                                    "administrator gave you:\n\n<tt>%s</tt>"),
                                  origin, fingerprint);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Trust This Server?"), NULL);
  adw_message_dialog_set_body_use_markup (ADW_MESSAGE_DIALOG (dialog), TRUE);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "trust", _("_Trust This Server"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "trust",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_trust_response), attempt);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Attempt *attempt = user_data;
  g_autoptr(GError) error = NULL;

  if (!beacon_connection_connect_finish (BEACON_CONNECTION (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      attempt_free (attempt);
      return;
    }

  if (error == NULL)
    {
      remember_server (attempt->self, attempt->url);
      store_secrets (attempt->self, attempt->url, attempt->app_key, attempt->custom_json);
    }
  else if (g_error_matches (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_UNTRUSTED_CERTIFICATE) &&
           beacon_connection_get_untrusted_certificate (attempt->self->connection) != NULL)
    {
      ask_trust (attempt);
      return;
    }
  else
    show_toast (attempt->self, error->message);

  attempt_free (attempt);
}

static void
start_attempt (Attempt *attempt)
{
  beacon_connection_connect_async (attempt->self->connection, attempt->url, attempt->app_key,
                                   attempt->custom_json, attempt->self->cancellable,
                                   on_connected, attempt);
}

static void
connect_now (BeaconConnectPage *self)
{
  Attempt *attempt;

  /* The inline messages already say what is wrong. */
  if (!self->url_valid || !self->custom_valid)
    return;

  attempt = g_new0 (Attempt, 1);
  attempt->self = self;
  attempt->cancellable = g_object_ref (self->cancellable);
  attempt->url = dup_trimmed_text (self->url_row);
  attempt->app_key = dup_trimmed_text (self->app_key_row);
  attempt->custom_json = dup_trimmed_text (self->custom_row);
  start_attempt (attempt);
}

static void
on_local_started (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  BeaconConnectPage *self = user_data;
  g_autoptr(GError) error = NULL;

  if (beacon_connection_start_local_finish (BEACON_CONNECTION (source), result, &error))
    g_settings_set_string (self->settings, "server-url", "");
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_toast (self, error->message);
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  connect_now (BEACON_CONNECT_PAGE (widget));
}

static void
disconnect_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  beacon_connection_disconnect (BEACON_CONNECT_PAGE (widget)->connection);
}

static void
start_local_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  beacon_connect_page_start_local (BEACON_CONNECT_PAGE (widget));
}

static void
beacon_connect_page_constructed (GObject *object)
{
  BeaconConnectPage *self = BEACON_CONNECT_PAGE (object);
  static const char * const properties_watched[] = {
    "notify::state", "notify::server-version", "notify::url", "notify::error-message",
    "notify::client", "notify::is-local", "notify::summary",
  };

  G_OBJECT_CLASS (beacon_connect_page_parent_class)->constructed (object);

  g_assert (self->connection != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (properties_watched); i++)
    g_signal_connect_object (self->connection, properties_watched[i],
                             G_CALLBACK (on_connection_changed), self, G_CONNECT_SWAPPED);
  on_url_changed (self);
  on_connection_changed (self);
}

static void
beacon_connect_page_dispose (GObject *object)
{
  BeaconConnectPage *self = BEACON_CONNECT_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BEACON_TYPE_CONNECT_PAGE);
  g_clear_object (&self->connection);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (beacon_connect_page_parent_class)->dispose (object);
}

static void
beacon_connect_page_finalize (GObject *object)
{
  BeaconConnectPage *self = BEACON_CONNECT_PAGE (object);

  g_clear_pointer (&self->recent_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (beacon_connect_page_parent_class)->finalize (object);
}

static void
beacon_connect_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BeaconConnectPage *self = BEACON_CONNECT_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_set_object (value, beacon_connect_page_get_connection (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_connect_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BeaconConnectPage *self = BEACON_CONNECT_PAGE (object);

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
beacon_connect_page_class_init (BeaconConnectPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = beacon_connect_page_constructed;
  object_class->dispose = beacon_connect_page_dispose;
  object_class->finalize = beacon_connect_page_finalize;
  object_class->get_property = beacon_connect_page_get_property;
  object_class->set_property = beacon_connect_page_set_property;

  properties[PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL, BEACON_TYPE_CONNECTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/beacon_wcs/Beacon/ui/beacon-connect-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BeaconConnectPage, url_row);
  gtk_widget_class_bind_template_child (widget_class, BeaconConnectPage, app_key_row);
  gtk_widget_class_bind_template_child (widget_class, BeaconConnectPage, custom_row);
  gtk_widget_class_bind_template_child (widget_class, BeaconConnectPage, url_error);
  gtk_widget_class_bind_template_child (widget_class, BeaconConnectPage, custom_error);
  gtk_widget_class_bind_template_child (widget_class, BeaconConnectPage, session_error);
  gtk_widget_class_bind_template_child (widget_class, BeaconConnectPage, connect_button);
  gtk_widget_class_bind_template_child (widget_class, BeaconConnectPage, disconnect_button);
  gtk_widget_class_bind_template_child (widget_class, BeaconConnectPage, state_row);
  gtk_widget_class_bind_template_child (widget_class, BeaconConnectPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, BeaconConnectPage, version_row);
  gtk_widget_class_bind_template_child (widget_class, BeaconConnectPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, BeaconConnectPage, recent_group);

  gtk_widget_class_install_action (widget_class, "connect.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "connect.disconnect", NULL, disconnect_action);
  gtk_widget_class_install_action (widget_class, "connect.start-local", NULL,
                                   start_local_action);
}

static void
beacon_connect_page_init (BeaconConnectPage *self)
{
  g_autofree char *url = NULL;
  g_autofree char *app_key = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->recent_rows = g_ptr_array_new ();
  self->settings = g_settings_new (BASE_ID);
  self->custom_valid = TRUE;

  g_signal_connect_object (self->url_row, "changed", G_CALLBACK (on_url_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->custom_row, "changed", G_CALLBACK (on_custom_changed), self,
                           G_CONNECT_SWAPPED);
  /* Enter in any field connects, as in a login form. */
  g_signal_connect_object (self->url_row, "entry-activated", G_CALLBACK (connect_now), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->app_key_row, "entry-activated", G_CALLBACK (connect_now), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->custom_row, "entry-activated", G_CALLBACK (connect_now), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::recent-servers",
                           G_CALLBACK (on_recent_servers_changed), self, G_CONNECT_SWAPPED);

  app_key = g_settings_get_string (self->settings, "app-key");
  gtk_editable_set_text (GTK_EDITABLE (self->app_key_row), app_key);
  url = g_settings_get_string (self->settings, "server-url");
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url);
  on_recent_servers_changed (self);
  if (*url != '\0')
    lookup_secrets (self, url, FALSE);
}

GtkWidget *
beacon_connect_page_new (BeaconConnection *connection)
{
  g_return_val_if_fail (BEACON_IS_CONNECTION (connection), NULL);

  return g_object_new (BEACON_TYPE_CONNECT_PAGE, "connection", connection, NULL);
}

BeaconConnection *
beacon_connect_page_get_connection (BeaconConnectPage *self)
{
  g_return_val_if_fail (BEACON_IS_CONNECT_PAGE (self), NULL);

  return self->connection;
}

void
beacon_connect_page_connect (BeaconConnectPage *self,
                             const char        *url,
                             const char        *app_key)
{
  g_return_if_fail (BEACON_IS_CONNECT_PAGE (self));
  g_return_if_fail (url != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url);
  if (!self->url_valid)
    {
      show_toast (self, gtk_label_get_text (self->url_error));
      return;
    }
  if (app_key != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->app_key_row), app_key);
      connect_now (self);
      return;
    }
  lookup_secrets (self, url, TRUE);
}

void
beacon_connect_page_start_local (BeaconConnectPage *self)
{
  g_return_if_fail (BEACON_IS_CONNECT_PAGE (self));

  beacon_connection_start_local_async (self->connection, self->cancellable, on_local_started,
                                       self);
}
