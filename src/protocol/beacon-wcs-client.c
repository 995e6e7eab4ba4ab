/* beacon-wcs-client.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-wcs-client"

#include "config.h"

#include <libsoup/soup.h>

#include "beacon-protocol-enums.h"
#include "beacon-wcs-error.h"
#include "beacon-wcs-message.h"
#include "beacon-wcs-client-private.h"

#define DEFAULT_CONNECT_TIMEOUT_MS 10000

G_DEFINE_FINAL_TYPE (BeaconWcsClient, beacon_wcs_client, G_TYPE_OBJECT)

enum {
  PROTOCOL_WARNING,
  SERVER_WARNING,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
_beacon_wcs_client_set_string_prop (BeaconWcsClient *self,
                                    char           **field,
                                    const char      *value,
                                    int              prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
_beacon_wcs_client_set_state (BeaconWcsClient *self,
                              BeaconWcsState   state)
{
  if (self->state == state)
    return;
  if (g_log_get_debug_enabled ())
    {
      g_autofree char *name = g_enum_to_string (BEACON_TYPE_WCS_STATE, state);

      g_debug ("session %s", name);
    }
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/* Bad input from the server: one warning that names the problem, and the session goes on. */
G_GNUC_PRINTF (2, 3)
void
_beacon_wcs_client_report_problem (BeaconWcsClient *self,
                                   const char      *format,
                                   ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  g_warning ("%s: %s", self->url, text);
  g_signal_emit (self, signals[PROTOCOL_WARNING], 0, text);
}

void
_beacon_wcs_client_emit_server_warning (BeaconWcsClient *self,
                                        const char      *api_method,
                                        const char      *info)
{
  g_signal_emit (self, signals[SERVER_WARNING], 0, api_method, info);
}

static void
stop_timers (BeaconWcsClient *self)
{
  g_clear_handle_id (&self->connect_timeout_id, g_source_remove);
  g_clear_handle_id (&self->liveness_id, g_source_remove);
}

/* Moves the session to its end: DISCONNECTED when @error is NULL, FAILED otherwise. Every
 * stream and pending request is told, and the socket is closed if it is still open. */
static void
finish_session (BeaconWcsClient *self,
                GError          *error)
{
  g_autoptr(GTask) connect_task = g_steal_pointer (&self->connect_task);

  stop_timers (self);

  if (error != NULL)
    {
      g_clear_error (&self->error);
      self->error = g_error_copy (error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
    }

  if (self->connection != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->connection, self);
      if (soup_websocket_connection_get_state (self->connection) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (self->connection,
                                         error ? SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION
                                               : SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
      g_clear_object (&self->connection);
    }

  _beacon_wcs_client_set_state (self, error ? BEACON_WCS_STATE_FAILED : BEACON_WCS_STATE_DISCONNECTED);
  _beacon_wcs_client_end_all_streams (self);
  _beacon_wcs_client_fail_all_checks (self);

  if (connect_task != NULL)
    {
      if (error != NULL)
        g_task_return_error (connect_task, g_error_copy (error));
      else
        g_task_return_new_error (connect_task, BEACON_WCS_ERROR, BEACON_WCS_ERROR_CLOSED,
                                 "the server closed the session before accepting it");
    }
}

static gboolean
on_liveness_timeout (gpointer user_data)
{
  BeaconWcsClient *self = user_data;
  g_autoptr(GError) error = NULL;

  self->liveness_id = 0;
  error = g_error_new (BEACON_WCS_ERROR, BEACON_WCS_ERROR_SERVER_SILENT,
                       "the server sent nothing for %u ms", self->liveness_timeout_ms);
  finish_session (self, error);
  return G_SOURCE_REMOVE;
}

static void
restart_liveness (BeaconWcsClient *self)
{
  g_clear_handle_id (&self->liveness_id, g_source_remove);
  if (self->liveness_timeout_ms > 0 && self->connection != NULL)
    self->liveness_id = g_timeout_add (self->liveness_timeout_ms, on_liveness_timeout, self);
}

static void
on_connection_message (SoupWebsocketConnection *connection,
                       SoupWebsocketDataType    type,
                       GBytes                  *message,
                       BeaconWcsClient         *self)
{
  g_autoptr(BeaconWcsIncoming) msg = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) hold = g_object_ref (G_OBJECT (self));
  gsize length;
  const char *data = g_bytes_get_data (message, &length);

  /* Any frame at all proves the server is alive, as in the WebSDK. */
  restart_liveness (self);

  if (type != SOUP_WEBSOCKET_DATA_TEXT)
    {
      if (!self->binary_reported)
        _beacon_wcs_client_report_problem (self, "binary frame ignored (the streaming API is text only)");
      self->binary_reported = TRUE;
      return;
    }

  if (!(msg = beacon_wcs_message_parse (data, length, &error)))
    {
      _beacon_wcs_client_report_problem (self, "%s", error->message);
      return;
    }

  _beacon_wcs_client_dispatch (self, msg);
}

static void
on_connection_error (SoupWebsocketConnection *connection,
                     GError                  *error,
                     BeaconWcsClient         *self)
{
  g_clear_error (&self->close_error);
  if (g_error_matches (error, SOUP_WEBSOCKET_ERROR, SOUP_WEBSOCKET_CLOSE_TOO_BIG))
    self->close_error = g_error_new (BEACON_WCS_ERROR, BEACON_WCS_ERROR_FRAME_TOO_LARGE,
                                     "the server sent a message over the %d byte limit",
                                     BEACON_WCS_MAX_FRAME_SIZE);
  else
    self->close_error = g_error_new (BEACON_WCS_ERROR, BEACON_WCS_ERROR_CLOSED,
                                     "connection error: %s", error->message);
}

static void
on_connection_closed (SoupWebsocketConnection *connection,
                      BeaconWcsClient         *self)
{
  g_autoptr(GError) error = g_steal_pointer (&self->close_error);
  gushort code = soup_websocket_connection_get_close_code (connection);

  if (error == NULL && !self->disconnect_requested &&
      code != SOUP_WEBSOCKET_CLOSE_NORMAL && code != SOUP_WEBSOCKET_CLOSE_GOING_AWAY)
    error = g_error_new (BEACON_WCS_ERROR, BEACON_WCS_ERROR_CLOSED,
                         "the connection to the server was lost (close code %u)", code);
  else if (error == NULL && !self->disconnect_requested)
    g_debug ("the server closed the session");

  finish_session (self, error);
}

/* Only certificates that fail verification reach here. The user's pinned one is accepted
 * whatever its flags; any other is kept so that the UI can show it and offer to pin it. */
static gboolean
on_accept_certificate (SoupMessage          *msg,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       BeaconWcsClient      *self)
{
  if (self->tls_pinned_certificate != NULL &&
      g_tls_certificate_is_same (self->tls_pinned_certificate, certificate))
    return TRUE;

  g_set_object (&self->tls_certificate, certificate);
  self->tls_errors = errors;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TLS_CERTIFICATE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TLS_ERRORS]);
  return FALSE;
}

static void
on_websocket_connected (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(BeaconWcsClient) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) wrapped = NULL;
  g_autofree char *connection_message = NULL;
  BeaconWcsConnectionParams params = { 0 };
  g_autofree char *os = NULL;
  SoupWebsocketConnection *connection;

  connection = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &error);
  g_clear_handle_id (&self->connect_timeout_id, g_source_remove);

  if (connection == NULL)
    {
      if (self->connect_timed_out)
        wrapped = g_error_new (BEACON_WCS_ERROR, BEACON_WCS_ERROR_TIMED_OUT,
                               "no answer from %s within %u ms",
                               self->url, self->connect_timeout_ms);
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        wrapped = g_error_copy (error);
      else if (self->tls_certificate != NULL)
        wrapped = g_error_new (BEACON_WCS_ERROR, BEACON_WCS_ERROR_UNTRUSTED_CERTIFICATE,
                               "%s presented a certificate that is not trusted: %s",
                               self->url, error->message);
      else
        wrapped = g_error_new (BEACON_WCS_ERROR, BEACON_WCS_ERROR_CONNECT_FAILED,
                               "could not connect to %s: %s", self->url, error->message);
      finish_session (self, wrapped);
      return;
    }

  /* Late: the user may have disconnected while the handshake ran. */
  if (self->state != BEACON_WCS_STATE_CONNECTING)
    {
      soup_websocket_connection_close (connection, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
      g_object_unref (connection);
      return;
    }

  self->connection = connection;
  soup_websocket_connection_set_max_incoming_payload_size (connection, BEACON_WCS_MAX_FRAME_SIZE);
  g_signal_connect (connection, "message", G_CALLBACK (on_connection_message), self);
  g_signal_connect (connection, "error", G_CALLBACK (on_connection_error), self);
  g_signal_connect (connection, "closed", G_CALLBACK (on_connection_closed), self);
  _beacon_wcs_client_set_state (self, BEACON_WCS_STATE_CONNECTED);
  restart_liveness (self);

  os = g_get_os_info (G_OS_INFO_KEY_PRETTY_NAME);
  params.app_key = self->app_key;
  params.client_os_version = os;
  params.client_browser_version = self->client_version_info;
  params.keep_alive = self->keep_alive;
  params.auth_token = self->auth_token;
  params.custom_json = self->custom_json;
  if (!(connection_message = beacon_wcs_message_build_connection (&params, &error)) ||
      !_beacon_wcs_client_send (self, connection_message, &error))
    finish_session (self, error);
}

static gboolean
on_connect_timeout (gpointer user_data)
{
  BeaconWcsClient *self = user_data;

  self->connect_timeout_id = 0;
  self->connect_timed_out = TRUE;
  g_cancellable_cancel (self->cancellable);
  return G_SOURCE_REMOVE;
}

static void
beacon_wcs_client_dispose (GObject *object)
{
  BeaconWcsClient *self = BEACON_WCS_CLIENT (object);

  g_cancellable_cancel (self->cancellable);
  if (self->connection != NULL)
    {
      self->disconnect_requested = TRUE;
      finish_session (self, NULL);
    }
  stop_timers (self);
  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->tls_pinned_certificate);
  g_clear_object (&self->tls_certificate);
  g_clear_pointer (&self->streams, g_hash_table_unref);

  G_OBJECT_CLASS (beacon_wcs_client_parent_class)->dispose (object);
}

static void
beacon_wcs_client_finalize (GObject *object)
{
  BeaconWcsClient *self = BEACON_WCS_CLIENT (object);

  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->app_key, g_free);
  g_clear_pointer (&self->custom_json, g_free);
  g_clear_pointer (&self->client_version_info, g_free);
  g_clear_pointer (&self->auth_token, g_free);
  g_clear_pointer (&self->user_data, g_free);
  g_clear_pointer (&self->server_version, g_free);
  g_clear_pointer (&self->ended_ids, g_hash_table_unref);
  g_clear_pointer (&self->checks, g_hash_table_unref);
  g_clear_pointer (&self->unknown_names, g_hash_table_unref);
  g_clear_error (&self->error);
  g_clear_error (&self->close_error);

  G_OBJECT_CLASS (beacon_wcs_client_parent_class)->finalize (object);
}

static void
beacon_wcs_client_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BeaconWcsClient *self = BEACON_WCS_CLIENT (object);

  switch (prop_id)
    {
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_AUTH_TOKEN:
      g_value_set_string (value, self->auth_token);
      break;
    case PROP_USER_DATA:
      g_value_set_string (value, self->user_data);
      break;
    case PROP_SERVER_VERSION:
      g_value_set_string (value, self->server_version);
      break;
    case PROP_APP_KEY:
      g_value_set_string (value, self->app_key);
      break;
    case PROP_CUSTOM:
      g_value_set_string (value, self->custom_json);
      break;
    case PROP_KEEP_ALIVE:
      g_value_set_boolean (value, self->keep_alive);
      break;
    case PROP_CLIENT_VERSION_INFO:
      g_value_set_string (value, self->client_version_info);
      break;
    case PROP_CONNECT_TIMEOUT:
      g_value_set_uint (value, self->connect_timeout_ms);
      break;
    case PROP_LIVENESS_TIMEOUT:
      g_value_set_uint (value, self->liveness_timeout_ms);
      break;
    case PROP_TLS_PINNED_CERTIFICATE:
      g_value_set_object (value, self->tls_pinned_certificate);
      break;
    case PROP_TLS_CERTIFICATE:
      g_value_set_object (value, self->tls_certificate);
      break;
    case PROP_TLS_ERRORS:
      g_value_set_flags (value, self->tls_errors);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_wcs_client_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BeaconWcsClient *self = BEACON_WCS_CLIENT (object);

  switch (prop_id)
    {
    case PROP_URL:
      self->url = g_value_dup_string (value);
      break;
    case PROP_AUTH_TOKEN:
      beacon_wcs_client_set_auth_token (self, g_value_get_string (value));
      break;
    case PROP_APP_KEY:
      beacon_wcs_client_set_app_key (self, g_value_get_string (value));
      break;
    case PROP_CUSTOM:
      beacon_wcs_client_set_custom (self, g_value_get_string (value));
      break;
    case PROP_KEEP_ALIVE:
      beacon_wcs_client_set_keep_alive (self, g_value_get_boolean (value));
      break;
    case PROP_CLIENT_VERSION_INFO:
      beacon_wcs_client_set_client_version_info (self, g_value_get_string (value));
      break;
    case PROP_CONNECT_TIMEOUT:
      beacon_wcs_client_set_connect_timeout (self, g_value_get_uint (value));
      break;
    case PROP_LIVENESS_TIMEOUT:
      beacon_wcs_client_set_liveness_timeout (self, g_value_get_uint (value));
      break;
    case PROP_TLS_PINNED_CERTIFICATE:
      beacon_wcs_client_set_tls_pinned_certificate (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_wcs_client_class_init (BeaconWcsClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = beacon_wcs_client_dispose;
  object_class->finalize = beacon_wcs_client_finalize;
  object_class->get_property = beacon_wcs_client_get_property;
  object_class->set_property = beacon_wcs_client_set_property;

  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, BEACON_TYPE_WCS_STATE, BEACON_WCS_STATE_NEW, ro);
  properties[PROP_ERROR] = g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, ro);
  properties[PROP_AUTH_TOKEN] = g_param_spec_string ("auth-token", NULL, NULL, NULL, rw);
  properties[PROP_USER_DATA] = g_param_spec_string ("user-data", NULL, NULL, NULL, ro);
  properties[PROP_SERVER_VERSION] = g_param_spec_string ("server-version", NULL, NULL, NULL, ro);
  properties[PROP_APP_KEY] = g_param_spec_string ("app-key", NULL, NULL, "defaultApp", rw);
  properties[PROP_CUSTOM] = g_param_spec_string ("custom", NULL, NULL, NULL, rw);
  properties[PROP_KEEP_ALIVE] = g_param_spec_boolean ("keep-alive", NULL, NULL, FALSE, rw);
  properties[PROP_CLIENT_VERSION_INFO] =
    g_param_spec_string ("client-version-info", NULL, NULL, NULL, rw);
  properties[PROP_CONNECT_TIMEOUT] =
    g_param_spec_uint ("connect-timeout", NULL, NULL, 1, G_MAXUINT,
                       DEFAULT_CONNECT_TIMEOUT_MS, rw);
  properties[PROP_LIVENESS_TIMEOUT] =
    g_param_spec_uint ("liveness-timeout", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_TLS_PINNED_CERTIFICATE] =
    g_param_spec_object ("tls-pinned-certificate", NULL, NULL, G_TYPE_TLS_CERTIFICATE, rw);
  properties[PROP_TLS_CERTIFICATE] =
    g_param_spec_object ("tls-certificate", NULL, NULL, G_TYPE_TLS_CERTIFICATE, ro);
  properties[PROP_TLS_ERRORS] =
    g_param_spec_flags ("tls-errors", NULL, NULL, G_TYPE_TLS_CERTIFICATE_FLAGS, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The server sent something unusable; the session goes on. */
  signals[PROTOCOL_WARNING] =
    g_signal_new ("protocol-warning", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* A `fail` message: the api method it concerns and the server's reason. */
  signals[SERVER_WARNING] =
    g_signal_new ("server-warning", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
beacon_wcs_client_init (BeaconWcsClient *self)
{
  self->app_key = g_strdup ("defaultApp");
  self->client_version_info = g_strdup ("Beacon/" PACKAGE_VERSION);
  self->connect_timeout_ms = DEFAULT_CONNECT_TIMEOUT_MS;
  self->cancellable = g_cancellable_new ();
  self->streams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->ended_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->unknown_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

BeaconWcsClient *
beacon_wcs_client_new (const char *url)
{
  g_return_val_if_fail (url != NULL, NULL);

  return g_object_new (BEACON_TYPE_WCS_CLIENT, "url", url, NULL);
}

gboolean
beacon_wcs_client_check_url (const char *url,
                             GError    **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  g_return_val_if_fail (url != NULL, FALSE);

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  scheme = uri ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL ||
      (g_ascii_strcasecmp (scheme, "ws") != 0 && g_ascii_strcasecmp (scheme, "wss") != 0) ||
      g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_BAD_URL,
                   "“%s” is not a WebSocket address (ws://host:port or wss://host:port)", url);
      return FALSE;
    }
  return TRUE;
}

#define GETTER(type, name, field, fallback) \
  type \
  beacon_wcs_client_get_##name (BeaconWcsClient *self) \
  { \
    g_return_val_if_fail (BEACON_IS_WCS_CLIENT (self), fallback); \
    return self->field; \
  }

GETTER (const char *, url, url, NULL)
GETTER (BeaconWcsState, state, state, BEACON_WCS_STATE_NEW)
GETTER (const GError *, error, error, NULL)
GETTER (const char *, auth_token, auth_token, NULL)
GETTER (const char *, user_data, user_data, NULL)
GETTER (const char *, server_version, server_version, NULL)
GETTER (const char *, app_key, app_key, NULL)
GETTER (const char *, custom, custom_json, NULL)
GETTER (gboolean, keep_alive, keep_alive, FALSE)
GETTER (const char *, client_version_info, client_version_info, NULL)
GETTER (guint, connect_timeout, connect_timeout_ms, 0)
GETTER (guint, liveness_timeout, liveness_timeout_ms, 0)
GETTER (GTlsCertificate *, tls_pinned_certificate, tls_pinned_certificate, NULL)
GETTER (GTlsCertificate *, tls_certificate, tls_certificate, NULL)
GETTER (GTlsCertificateFlags, tls_errors, tls_errors, 0)

#undef GETTER

void
beacon_wcs_client_set_auth_token (BeaconWcsClient *self,
                                  const char      *auth_token)
{
  g_return_if_fail (BEACON_IS_WCS_CLIENT (self));

  _beacon_wcs_client_set_string_prop (self, &self->auth_token, auth_token, PROP_AUTH_TOKEN);
}

void
beacon_wcs_client_set_app_key (BeaconWcsClient *self,
                               const char      *app_key)
{
  g_return_if_fail (BEACON_IS_WCS_CLIENT (self));

  _beacon_wcs_client_set_string_prop (self, &self->app_key, app_key ? app_key : "defaultApp", PROP_APP_KEY);
}

void
beacon_wcs_client_set_custom (BeaconWcsClient *self,
                              const char      *custom_json)
{
  g_return_if_fail (BEACON_IS_WCS_CLIENT (self));

  _beacon_wcs_client_set_string_prop (self, &self->custom_json, custom_json, PROP_CUSTOM);
}

void
beacon_wcs_client_set_keep_alive (BeaconWcsClient *self,
                                  gboolean         keep_alive)
{
  g_return_if_fail (BEACON_IS_WCS_CLIENT (self));

  if (self->keep_alive == !!keep_alive)
    return;
  self->keep_alive = !!keep_alive;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEEP_ALIVE]);
}

void
beacon_wcs_client_set_client_version_info (BeaconWcsClient *self,
                                           const char      *info)
{
  g_return_if_fail (BEACON_IS_WCS_CLIENT (self));

  _beacon_wcs_client_set_string_prop (self, &self->client_version_info, info, PROP_CLIENT_VERSION_INFO);
}

void
beacon_wcs_client_set_connect_timeout (BeaconWcsClient *self,
                                       guint            timeout_ms)
{
  g_return_if_fail (BEACON_IS_WCS_CLIENT (self));
  g_return_if_fail (timeout_ms > 0);

  if (self->connect_timeout_ms == timeout_ms)
    return;
  self->connect_timeout_ms = timeout_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECT_TIMEOUT]);
}

void
beacon_wcs_client_set_liveness_timeout (BeaconWcsClient *self,
                                        guint            timeout_ms)
{
  g_return_if_fail (BEACON_IS_WCS_CLIENT (self));

  if (self->liveness_timeout_ms == timeout_ms)
    return;
  self->liveness_timeout_ms = timeout_ms;
  restart_liveness (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIVENESS_TIMEOUT]);
}

void
beacon_wcs_client_set_tls_pinned_certificate (BeaconWcsClient *self,
                                              GTlsCertificate *certificate)
{
  g_return_if_fail (BEACON_IS_WCS_CLIENT (self));
  g_return_if_fail (!certificate || G_IS_TLS_CERTIFICATE (certificate));

  if (g_set_object (&self->tls_pinned_certificate, certificate))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TLS_PINNED_CERTIFICATE]);
}

void
beacon_wcs_client_connect_async (BeaconWcsClient     *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BEACON_IS_WCS_CLIENT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, beacon_wcs_client_connect_async);

  if (self->state != BEACON_WCS_STATE_NEW)
    {
      g_task_return_new_error (task, BEACON_WCS_ERROR, BEACON_WCS_ERROR_INVALID_STATE,
                               "a client connects once; make a new one to reconnect");
      return;
    }

  if (!beacon_wcs_client_check_url (self->url, &error) ||
      !(msg = soup_message_new (SOUP_METHOD_GET, self->url)))
    {
      if (error == NULL)
        g_set_error (&error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_BAD_URL,
                     "“%s” is not a WebSocket address", self->url);
      self->connect_task = g_steal_pointer (&task);
      finish_session (self, error);
      return;
    }

  if (cancellable != NULL)
    g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (g_cancellable_cancel),
                             self->cancellable, G_CONNECT_SWAPPED);

  /* wss:// trust decisions go through the message, never through a global switch. */
  g_signal_connect_object (msg, "accept-certificate", G_CALLBACK (on_accept_certificate),
                           self, 0);

  self->connect_task = g_steal_pointer (&task);
  self->session = soup_session_new ();
  _beacon_wcs_client_set_state (self, BEACON_WCS_STATE_CONNECTING);
  self->connect_timeout_id = g_timeout_add (self->connect_timeout_ms, on_connect_timeout, self);
  soup_session_websocket_connect_async (self->session, msg, NULL, NULL, G_PRIORITY_DEFAULT,
                                        self->cancellable, on_websocket_connected,
                                        g_object_ref (self));
}

gboolean
beacon_wcs_client_connect_finish (BeaconWcsClient *self,
                                  GAsyncResult    *result,
                                  GError         **error)
{
  g_return_val_if_fail (BEACON_IS_WCS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
beacon_wcs_client_disconnect (BeaconWcsClient *self)
{
  g_return_if_fail (BEACON_IS_WCS_CLIENT (self));

  if (self->state == BEACON_WCS_STATE_DISCONNECTED || self->state == BEACON_WCS_STATE_FAILED)
    return;
  self->disconnect_requested = TRUE;
  g_cancellable_cancel (self->cancellable);
  finish_session (self, NULL);
}

gboolean
_beacon_wcs_client_send (BeaconWcsClient *self,
                         const char      *text,
                         GError         **error)
{
  if (self->connection == NULL ||
      soup_websocket_connection_get_state (self->connection) != SOUP_WEBSOCKET_STATE_OPEN)
    {
      g_set_error_literal (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_CLOSED,
                           "the session is closed");
      return FALSE;
    }

  /* Log the method only: the body can hold auth material from `custom`. */
  g_debug ("sending %.40s… (%zu bytes)", text, strlen (text));
  soup_websocket_connection_send_text (self->connection, text);
  return TRUE;
}
