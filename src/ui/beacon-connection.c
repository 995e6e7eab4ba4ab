/* beacon-connection.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-connection"

#include "config.h"

#include <glib/gi18n.h>
#include <gst/gst.h>
#include <json-glib/json-glib.h>

#include "beacon-connection-private.h"
#include "beacon-protocol-enums.h"
#include "beacon-wcs-error.h"

G_DEFINE_FINAL_TYPE (BeaconConnection, beacon_connection, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

void
_beacon_connection_notify (BeaconConnection *self,
                           guint             prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* "media.example.com:8443" for the header bar; the whole URL is on the Connect page. */
static char *
dup_host (const char *url)
{
  g_autoptr(GUri) uri = url ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup (url);
  if (g_uri_get_port (uri) > 0)
    return g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri));
  return g_strdup (g_uri_get_host (uri));
}

static char *
make_summary (BeaconConnection *self)
{
  g_autofree char *host = dup_host (self->url);

  switch (self->state)
    {
    case BEACON_WCS_STATE_NEW:
      return g_strdup (_("Not connected"));
    case BEACON_WCS_STATE_CONNECTING:
    case BEACON_WCS_STATE_CONNECTED:
      if (self->is_local)
        return g_strdup (_("Starting local test server…"));
      /* Translators: %s is a server's host name and port */
      return g_strdup_printf (_("Connecting to %s…"), host);
    case BEACON_WCS_STATE_ESTABLISHED:
      if (self->is_local)
        return g_strdup (_("Local test server"));
      if (self->server_version != NULL)
        /* Translators: a server's host name and port, then its WCS version */
        return g_strdup_printf (_("%s, WCS %s"), host, self->server_version);
      return g_steal_pointer (&host);
    case BEACON_WCS_STATE_DISCONNECTED:
      return g_strdup (_("Disconnected"));
    case BEACON_WCS_STATE_FAILED:
      return g_strdup (_("Connection failed"));
    default:
      g_assert_not_reached ();
    }
}

static void
update_summary (BeaconConnection *self)
{
  g_autofree char *summary = make_summary (self);

  if (g_strcmp0 (summary, self->summary) == 0)
    return;
  g_free (self->summary);
  self->summary = g_steal_pointer (&summary);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

static void
set_string (BeaconConnection  *self,
            char             **field,
            const char        *value,
            int                prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  update_summary (self);
}

static void
set_state (BeaconConnection *self,
           BeaconWcsState    state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  update_summary (self);
}

static void
set_is_local (BeaconConnection *self,
              gboolean          is_local)
{
  if (self->is_local == !!is_local)
    return;
  self->is_local = !!is_local;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_LOCAL]);
  update_summary (self);
}

static void
set_untrusted_certificate (BeaconConnection *self,
                           GTlsCertificate  *certificate)
{
  if (g_set_object (&self->untrusted_certificate, certificate))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNTRUSTED_CERTIFICATE]);
}

/* "Could not connect to 127.0.0.1: Connection refused" → "connection refused": the part a
 * user can act on, without the address we print ourselves. */
static char *
short_reason (const char *message)
{
  const char *colon = strrchr (message, ':');
  const char *reason = colon != NULL && colon[1] == ' ' ? colon + 2 : message;
  char *copy = g_strdup (reason);

  if (g_ascii_isupper (copy[0]) && !g_ascii_isupper (copy[1]))
    copy[0] = g_ascii_tolower (copy[0]);
  return copy;
}

/* The lower layers speak to developers; this says the same to the person at the window. */
static char *
describe_error (const GError *error,
                const char   *url)
{
  g_autofree char *reason = NULL;

  if (error->domain != BEACON_WCS_ERROR)
    return g_strdup (error->message);

  switch ((BeaconWcsError) error->code)
    {
    case BEACON_WCS_ERROR_BAD_URL:
      return g_strdup_printf (_("“%s” is not a server address: use ws://host:port or wss://host:port"), url);
    case BEACON_WCS_ERROR_CONNECT_FAILED:
      reason = short_reason (error->message);
      /* Translators: the first %s is a server address, the second why it failed */
      return g_strdup_printf (_("Could not reach %s: %s"), url, reason);
    case BEACON_WCS_ERROR_TIMED_OUT:
      return g_strdup_printf (_("%s did not answer in time"), url);
    case BEACON_WCS_ERROR_UNTRUSTED_CERTIFICATE:
      return g_strdup_printf (_("The certificate of %s is not trusted"), url);
    case BEACON_WCS_ERROR_SERVER_SILENT:
      return g_strdup_printf (_("%s stopped answering"), url);
    case BEACON_WCS_ERROR_CLOSED:
    case BEACON_WCS_ERROR_FRAME_TOO_LARGE:
      return g_strdup_printf (_("The connection to %s was lost"), url);
    case BEACON_WCS_ERROR_PROTOCOL:
      reason = short_reason (error->message);
      return g_strdup_printf (_("%s sent something Beacon cannot use: %s"), url, reason);
    case BEACON_WCS_ERROR_INVALID_ARGUMENT:
    case BEACON_WCS_ERROR_NOT_FOUND:
    case BEACON_WCS_ERROR_UNAUTHORIZED:
    case BEACON_WCS_ERROR_NOT_ESTABLISHED:
    case BEACON_WCS_ERROR_INVALID_STATE:
    default:
      return g_strdup (error->message);
    }
}

static void
set_error (BeaconConnection *self,
           const GError     *error)
{
  g_autofree char *message = error ? describe_error (error, self->url) : NULL;

  if (message != NULL)
    g_debug ("%s", message);
  set_string (self, &self->error_message, message, PROP_ERROR_MESSAGE);
}

static void
complete_pending (BeaconConnection *self,
                  const GError     *error)
{
  g_autoptr(GPtrArray) pending = g_steal_pointer (&self->pending);

  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < pending->len; i++)
    {
      GTask *task = g_ptr_array_index (pending, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }
}

static void
cancel_pending (BeaconConnection *self)
{
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                 _("Replaced by another connection"));

  g_clear_object (&self->attempt);
  complete_pending (self, error);
}

static void
on_client_state (BeaconWcsClient  *client,
                 GParamSpec       *pspec,
                 BeaconConnection *self)
{
  BeaconWcsState state = beacon_wcs_client_get_state (client);
  g_autoptr(GObject) hold = g_object_ref (G_OBJECT (self));

  if (client != self->client)
    return;

  if (state == BEACON_WCS_STATE_FAILED)
    {
      set_untrusted_certificate (self, beacon_wcs_client_get_tls_certificate (client));
      if (self->error_message == NULL)
        set_error (self, beacon_wcs_client_get_error (client));
    }
  set_state (self, state);

  /* A closed client cannot reconnect (a client connects once), so the pages see NULL
   * and wait for the next one. */
  if (state == BEACON_WCS_STATE_DISCONNECTED || state == BEACON_WCS_STATE_FAILED)
    {
      g_signal_handlers_disconnect_by_data (client, self);
      g_clear_object (&self->client);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
      _beacon_connection_update_rest_url (self);
    }
}

static void
on_client_server_version (BeaconWcsClient  *client,
                          GParamSpec       *pspec,
                          BeaconConnection *self)
{
  if (client == self->client)
    set_string (self, &self->server_version, beacon_wcs_client_get_server_version (client),
                PROP_SERVER_VERSION);
}

static void
on_client_connected (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(BeaconConnection) self = user_data;
  BeaconWcsClient *client = BEACON_WCS_CLIENT (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) shown = NULL;

  beacon_wcs_client_connect_finish (client, result, &error);
  if (client != self->attempt)
    return;   /* superseded: its tasks were cancelled then */
  g_clear_object (&self->attempt);

  if (error == NULL)
    {
      g_debug ("connected to %s (server %s)", self->url,
               beacon_wcs_client_get_server_version (client));
      complete_pending (self, NULL);
      return;
    }

  set_error (self, error);
  /* Same domain and code, so callers can still tell a certificate problem from the rest. */
  shown = g_error_new_literal (error->domain, error->code,
                               self->error_message ? self->error_message : error->message);
  complete_pending (self, shown);
}

/* Ends the current session quietly (no FAILED), and the local server with it unless
 * @keep_server. */
static void
drop_session (BeaconConnection *self,
              gboolean          keep_server)
{
  g_autoptr(BeaconWcsClient) client = g_steal_pointer (&self->client);

  cancel_pending (self);
  if (client != NULL)
    {
      g_signal_handlers_disconnect_by_data (client, self);
      beacon_wcs_client_disconnect (client);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
      _beacon_connection_update_rest_url (self);
    }
  if (!keep_server && self->server != NULL)
    {
      /* The REST API first (nobody asks about streams that are ending), then the sessions
       * (their streams end and the relay lets go), then the relay. */
      _beacon_connection_stop_rest_server (self);
      beacon_local_server_stop (self->server);
      g_clear_object (&self->relay);
      g_clear_object (&self->server);
      set_is_local (self, FALSE);
    }
}

static gboolean
check_custom_json (const char  *custom_json,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) parse_error = NULL;

  if (custom_json == NULL || *custom_json == '\0')
    return TRUE;
  if (!json_parser_load_from_data (parser, custom_json, -1, &parse_error))
    {
      g_set_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_INVALID_ARGUMENT,
                   _("The custom fields are not valid JSON: %s"), parse_error->message);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_INVALID_ARGUMENT,
                           _("The custom fields must be a JSON object, like {\"token\": \"…\"}"));
      return FALSE;
    }
  return TRUE;
}

static GTlsCertificate *
lookup_pinned_certificate (const char *url)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(GVariant) pins = g_settings_get_value (settings, "pinned-certificates");
  g_autofree char *origin = beacon_connection_dup_origin (url);
  g_autoptr(GError) error = NULL;
  const char *pem = NULL;
  GTlsCertificate *certificate;

  if (origin == NULL || !g_variant_lookup (pins, origin, "&s", &pem))
    return NULL;
  if (!(certificate = g_tls_certificate_new_from_pem (pem, -1, &error)))
    g_warning ("The pinned certificate for %s cannot be read: %s", origin, error->message);
  return certificate;
}

/* Opens a session to @url; @task joins the pending list. */
static void
start_session (BeaconConnection *self,
               const char       *url,
               const char       *app_key,
               const char       *custom_json,
               gboolean          is_local,
               GTask            *task)
{
  g_autoptr(GTlsCertificate) pinned = NULL;

  g_ptr_array_add (self->pending, g_object_ref (task));

  self->client = beacon_wcs_client_new (url);
  if (app_key != NULL && *app_key != '\0')
    beacon_wcs_client_set_app_key (self->client, app_key);
  if (custom_json != NULL && *custom_json != '\0')
    beacon_wcs_client_set_custom (self->client, custom_json);
  if (!is_local && (pinned = lookup_pinned_certificate (url)) != NULL)
    beacon_wcs_client_set_tls_pinned_certificate (self->client, pinned);
  g_signal_connect (self->client, "notify::state", G_CALLBACK (on_client_state), self);
  g_signal_connect (self->client, "notify::server-version",
                    G_CALLBACK (on_client_server_version), self);

  set_string (self, &self->url, url, PROP_URL);
  set_string (self, &self->server_version, NULL, PROP_SERVER_VERSION);
  set_string (self, &self->error_message, NULL, PROP_ERROR_MESSAGE);
  set_untrusted_certificate (self, NULL);
  set_is_local (self, is_local);
  _beacon_connection_load_rest (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);

  self->attempt = g_object_ref (self->client);
  beacon_wcs_client_connect_async (self->client, NULL, on_client_connected, g_object_ref (self));
}

/* The session is shared, so a caller's cancellable does not stop it: that caller's task
 * ends CANCELLED (GTask's check-cancellable) when the connect completes. */
static GTask *
new_task (BeaconConnection    *self,
          gpointer             source_tag,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  return task;
}

static void
beacon_connection_dispose (GObject *object)
{
  BeaconConnection *self = BEACON_CONNECTION (object);

  drop_session (self, FALSE);
  _beacon_connection_clear_rest (self);

  G_OBJECT_CLASS (beacon_connection_parent_class)->dispose (object);
}

static void
beacon_connection_finalize (GObject *object)
{
  BeaconConnection *self = BEACON_CONNECTION (object);

  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_object (&self->untrusted_certificate);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->server_version, g_free);
  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (beacon_connection_parent_class)->finalize (object);
}

static void
beacon_connection_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BeaconConnection *self = BEACON_CONNECTION (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, beacon_connection_get_client (self));
      break;
    case PROP_STATE:
      g_value_set_enum (value, beacon_connection_get_state (self));
      break;
    case PROP_URL:
      g_value_set_string (value, beacon_connection_get_url (self));
      break;
    case PROP_IS_LOCAL:
      g_value_set_boolean (value, beacon_connection_get_is_local (self));
      break;
    case PROP_SERVER_VERSION:
      g_value_set_string (value, beacon_connection_get_server_version (self));
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, beacon_connection_get_error_message (self));
      break;
    case PROP_UNTRUSTED_CERTIFICATE:
      g_value_set_object (value, beacon_connection_get_untrusted_certificate (self));
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, beacon_connection_get_summary (self));
      break;
    case PROP_REST_URL:
      g_value_set_string (value, beacon_connection_get_rest_url (self));
      break;
    case PROP_REST_URL_OVERRIDE:
      g_value_set_string (value, beacon_connection_get_rest_url_override (self));
      break;
    case PROP_REST_USERNAME:
      g_value_set_string (value, beacon_connection_get_rest_username (self));
      break;
    case PROP_REST_PASSWORD:
      g_value_set_string (value, beacon_connection_get_rest_password (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_connection_class_init (BeaconConnectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = beacon_connection_dispose;
  object_class->finalize = beacon_connection_finalize;
  object_class->get_property = beacon_connection_get_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, BEACON_TYPE_WCS_CLIENT, ro);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, BEACON_TYPE_WCS_STATE, BEACON_WCS_STATE_NEW, ro);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, ro);
  properties[PROP_IS_LOCAL] = g_param_spec_boolean ("is-local", NULL, NULL, FALSE, ro);
  properties[PROP_SERVER_VERSION] = g_param_spec_string ("server-version", NULL, NULL, NULL, ro);
  properties[PROP_ERROR_MESSAGE] = g_param_spec_string ("error-message", NULL, NULL, NULL, ro);
  properties[PROP_UNTRUSTED_CERTIFICATE] =
    g_param_spec_object ("untrusted-certificate", NULL, NULL, G_TYPE_TLS_CERTIFICATE, ro);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, ro);
  properties[PROP_REST_URL] = g_param_spec_string ("rest-url", NULL, NULL, NULL, ro);
  properties[PROP_REST_URL_OVERRIDE] =
    g_param_spec_string ("rest-url-override", NULL, NULL, NULL, ro);
  properties[PROP_REST_USERNAME] = g_param_spec_string ("rest-username", NULL, NULL, NULL, ro);
  properties[PROP_REST_PASSWORD] = g_param_spec_string ("rest-password", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
beacon_connection_init (BeaconConnection *self)
{
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
  self->state = BEACON_WCS_STATE_NEW;
  self->summary = make_summary (self);
}

BeaconConnection *
beacon_connection_new (void)
{
  return g_object_new (BEACON_TYPE_CONNECTION, NULL);
}

#define GETTER(type, name, field, fallback) \
  type \
  beacon_connection_get_##name (BeaconConnection *self) \
  { \
    g_return_val_if_fail (BEACON_IS_CONNECTION (self), fallback); \
    return self->field; \
  }

GETTER (BeaconWcsClient *, client, client, NULL)
GETTER (BeaconWcsState, state, state, BEACON_WCS_STATE_NEW)
GETTER (const char *, url, url, NULL)
GETTER (gboolean, is_local, is_local, FALSE)
GETTER (const char *, server_version, server_version, NULL)
GETTER (const char *, error_message, error_message, NULL)
GETTER (GTlsCertificate *, untrusted_certificate, untrusted_certificate, NULL)
GETTER (const char *, summary, summary, NULL)

#undef GETTER

void
beacon_connection_connect_async (BeaconConnection    *self,
                                 const char          *url,
                                 const char          *app_key,
                                 const char          *custom_json,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BEACON_IS_CONNECTION (self));
  g_return_if_fail (url != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = new_task (self, beacon_connection_connect_async, cancellable, callback, user_data);

  /* Refused before anything is sent or torn down: the current session goes on. */
  if (!beacon_wcs_client_check_url (url, &error))
    {
      g_autofree char *message = describe_error (error, url);

      g_task_return_new_error (task, error->domain, error->code, "%s", message);
      return;
    }
  if (!check_custom_json (custom_json, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  drop_session (self, FALSE);
  start_session (self, url, app_key, custom_json, FALSE, task);
}

gboolean
beacon_connection_connect_finish (BeaconConnection *self,
                                  GAsyncResult     *result,
                                  GError          **error)
{
  g_return_val_if_fail (BEACON_IS_CONNECTION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
beacon_connection_start_local_async (BeaconConnection    *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  g_return_if_fail (BEACON_IS_CONNECTION (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = new_task (self, beacon_connection_start_local_async, cancellable, callback, user_data);

  if (self->is_local && self->client != NULL)
    {
      if (self->attempt != NULL)
        g_ptr_array_add (self->pending, g_object_ref (task));
      else
        g_task_return_boolean (task, TRUE);
      return;
    }

  if (self->server == NULL)
    {
      drop_session (self, FALSE);
      if (!gst_init_check (NULL, NULL, &error) || !beacon_media_relay_check_elements (&error))
        {
          g_task_return_new_error (task, error->domain, error->code,
                                   _("The local test server cannot relay media: %s"),
                                   error->message);
          return;
        }
      self->server = beacon_local_server_new ();
      beacon_local_server_set_bind_address (self->server, "127.0.0.1");
      beacon_local_server_set_port (self->server, 0);
      if (!beacon_local_server_start (self->server, &error))
        {
          g_clear_object (&self->server);
          g_task_return_new_error (task, error->domain, error->code,
                                   _("Could not start the local test server: %s"),
                                   error->message);
          return;
        }
      self->relay = beacon_media_relay_new (self->server);
      /* Its REST API too, on a free port, for the Server view. */
      if (!_beacon_connection_start_rest_server (self, &error))
        {
          beacon_local_server_stop (self->server);
          g_clear_object (&self->relay);
          g_clear_object (&self->server);
          g_task_return_new_error (task, error->domain, error->code,
                                   _("Could not start the local test server: %s"),
                                   error->message);
          return;
        }
    }
  else
    {
      /* The server outlived a failed session: open a new one to it. */
      drop_session (self, TRUE);
    }

  url = beacon_local_server_dup_url (self->server);
  g_debug ("local test server on %s", url);
  start_session (self, url, NULL, NULL, TRUE, task);
}

gboolean
beacon_connection_start_local_finish (BeaconConnection *self,
                                      GAsyncResult     *result,
                                      GError          **error)
{
  g_return_val_if_fail (BEACON_IS_CONNECTION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
beacon_connection_disconnect (BeaconConnection *self)
{
  gboolean had_session;

  g_return_if_fail (BEACON_IS_CONNECTION (self));

  had_session = self->client != NULL || self->server != NULL;
  drop_session (self, FALSE);
  set_string (self, &self->error_message, NULL, PROP_ERROR_MESSAGE);
  if (had_session)
    set_state (self, BEACON_WCS_STATE_DISCONNECTED);
}

gboolean
beacon_connection_trust_certificate (BeaconConnection *self,
                                     GError          **error)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GVariant) pins = NULL;
  g_autofree char *origin = NULL;
  g_autofree char *pem = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key;
  const char *value;

  g_return_val_if_fail (BEACON_IS_CONNECTION (self), FALSE);

  if (self->untrusted_certificate == NULL || self->url == NULL ||
      !(origin = beacon_connection_dup_origin (self->url)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("There is no certificate to trust"));
      return FALSE;
    }

  g_object_get (self->untrusted_certificate, "certificate-pem", &pem, NULL);
  settings = g_settings_new (BASE_ID);
  pins = g_settings_get_value (settings, "pinned-certificates");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, pins);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    if (!g_str_equal (key, origin))
      g_variant_builder_add (&builder, "{ss}", key, value);
  g_variant_builder_add (&builder, "{ss}", origin, pem);
  g_settings_set_value (settings, "pinned-certificates", g_variant_builder_end (&builder));
  g_debug ("pinned the certificate of %s", origin);
  return TRUE;
}

char *
beacon_connection_dup_origin (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *scheme = NULL;
  int port;

  g_return_val_if_fail (url != NULL, NULL);

  if (!beacon_wcs_client_check_url (url, NULL) ||
      !(uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL)))
    return NULL;
  scheme = g_ascii_strdown (g_uri_get_scheme (uri), -1);
  port = g_uri_get_port (uri);
  if (port < 0)
    port = g_str_equal (scheme, "wss") ? 443 : 80;
  return g_strdup_printf ("%s://%s:%d", scheme, g_uri_get_host (uri), port);
}

char *
beacon_connection_dup_fingerprint (GTlsCertificate *certificate)
{
  g_autoptr(GByteArray) der = NULL;
  g_autofree char *hex = NULL;
  GString *out;

  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);

  g_object_get (certificate, "certificate", &der, NULL);
  hex = g_compute_checksum_for_data (G_CHECKSUM_SHA256, der->data, der->len);
  out = g_string_new (NULL);
  for (gsize i = 0; hex[i] != '\0'; i += 2)
    {
      if (i > 0)
        g_string_append_c (out, ':');
      g_string_append_c (out, g_ascii_toupper (hex[i]));
      g_string_append_c (out, g_ascii_toupper (hex[i + 1]));
    }
  return g_string_free (out, FALSE);
}
