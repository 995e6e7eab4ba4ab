/* beacon-local-session.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-local-session"

#include "config.h"

#include <string.h>

#include "beacon-local-session.h"
#include "beacon-wcs-server-message.h"

struct _BeaconLocalSession
{
  GObject                  parent_instance;

  /* Owned */
  SoupWebsocketConnection *connection;
  char                    *auth_token;
  char                    *server_version;
  GHashTable              *unknown_methods;   /* names already logged once */
  guint                    ping_id;

  /* Settings, fixed at construction */
  guint                    ping_interval_s;
  guint                    ping_probes;

  /* State */
  guint                    missed_pings;
  guint                    awaiting_pong : 1;
  guint                    established : 1;
  guint                    closing : 1;
  guint                    closed : 1;
  guint                    malformed_reported : 1;
};

G_DEFINE_FINAL_TYPE (BeaconLocalSession, beacon_local_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CONNECTION,
  PROP_AUTH_TOKEN,
  PROP_SERVER_VERSION,
  PROP_PING_INTERVAL,
  PROP_PING_PROBES,
  PROP_ESTABLISHED,
  N_PROPS
};

enum {
  REQUEST_RECEIVED,
  CLOSED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* A client can send garbage in a loop; one warning per session says it, the rest go to
 * debug so the server's log stays readable. */
static void
report_malformed (BeaconLocalSession *self,
                  const char         *text)
{
  if (!self->malformed_reported)
    g_warning ("%s: %s (further problems with this session are logged at debug level)",
               self->auth_token, text);
  else
    g_debug ("%s: %s", self->auth_token, text);
  self->malformed_reported = TRUE;
}

static void
answer_connection (BeaconLocalSession     *self,
                   const BeaconWcsRequest *request)
{
  g_autofree char *user_data = NULL;
  g_autofree char *version = NULL;

  if (self->established)
    {
      g_debug ("%s: second “connection” ignored", self->auth_token);
      return;
    }

  /* getUserData is what makes a WebSDK session ESTABLISHED; getVersion must follow it,
   * in this order (protocol-reference §2.1). */
  user_data = beacon_wcs_server_message_build_user_data (request, self->auth_token);
  version = beacon_wcs_server_message_build_version (self->server_version);
  beacon_local_session_send (self, user_data);
  beacon_local_session_send (self, version);
  self->established = TRUE;
  g_message ("%s: established (app key %s)", self->auth_token,
             request->app_key ? request->app_key : "(none)");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ESTABLISHED]);
}

static void
handle_request (BeaconLocalSession     *self,
                const BeaconWcsRequest *request)
{
  switch (request->kind)
    {
    case BEACON_WCS_REQUEST_CONNECTION:
      answer_connection (self, request);
      break;

    case BEACON_WCS_REQUEST_PONG:
      self->awaiting_pong = FALSE;
      self->missed_pings = 0;
      break;

    case BEACON_WCS_REQUEST_PING:
      /* The WebSDK's optional client pings want no particular answer (our own pings
       * already prove we are alive). */
      break;

    case BEACON_WCS_REQUEST_UNKNOWN:
      if (g_hash_table_add (self->unknown_methods, g_strdup (request->method)))
        g_debug ("%s: unknown message “%s” ignored", self->auth_token, request->method);
      break;

    case BEACON_WCS_REQUEST_PUBLISH_STREAM:
    case BEACON_WCS_REQUEST_PLAY_STREAM:
    case BEACON_WCS_REQUEST_UNPUBLISH_STREAM:
    case BEACON_WCS_REQUEST_STOP_STREAM:
    case BEACON_WCS_REQUEST_AVAILABLE_STREAM:
    case BEACON_WCS_REQUEST_SEND_STREAM_EVENT:
      if (!self->established)
        {
          g_autofree char *fail = NULL;

          fail = beacon_wcs_server_message_build_fail (request->method,
                                                       request->media_session_id,
                                                       "Session not ready");
          beacon_local_session_send (self, fail);
          break;
        }
      g_signal_emit (self, signals[REQUEST_RECEIVED], 0, request);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
on_connection_message (SoupWebsocketConnection *connection,
                       SoupWebsocketDataType    type,
                       GBytes                  *message,
                       BeaconLocalSession      *self)
{
  g_autoptr(BeaconLocalSession) hold = g_object_ref (self);
  g_autoptr(BeaconWcsRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize length;

  if (self->closing)
    return;

  /* Binary frames belong to the WebSDK's legacy WebSocket player, which this server does
   * not offer: refuse them with the code made for it rather than guess at their meaning. */
  if (type != SOUP_WEBSOCKET_DATA_TEXT)
    {
      g_warning ("%s: binary frame refused; closing the session", self->auth_token);
      beacon_local_session_close (self, SOUP_WEBSOCKET_CLOSE_UNSUPPORTED_DATA,
                                  "binary frames are not part of the API");
      return;
    }

  data = g_bytes_get_data (message, &length);
  if (!(request = beacon_wcs_request_parse (data, length, &error)))
    {
      report_malformed (self, error->message);
      return;
    }
  handle_request (self, request);
}

static void
stop_pinging (BeaconLocalSession *self)
{
  g_clear_handle_id (&self->ping_id, g_source_remove);
}

static void
on_connection_error (SoupWebsocketConnection *connection,
                     GError                  *error,
                     BeaconLocalSession      *self)
{
  /* Oversized frames end here too: libsoup has already closed with 1009. */
  g_debug ("%s: %s", self->auth_token, error->message);
}

static void
on_connection_closed (SoupWebsocketConnection *connection,
                      BeaconLocalSession      *self)
{
  g_autoptr(BeaconLocalSession) hold = g_object_ref (self);

  stop_pinging (self);
  self->closing = TRUE;
  if (self->closed)
    return;
  self->closed = TRUE;
  g_message ("%s: closed (code %u)", self->auth_token,
             soup_websocket_connection_get_close_code (connection));
  g_signal_emit (self, signals[CLOSED], 0);
}

static gboolean
on_ping_timeout (gpointer user_data)
{
  BeaconLocalSession *self = user_data;
  g_autofree char *ping = NULL;

  if (self->awaiting_pong)
    self->missed_pings++;

  if (self->missed_pings >= self->ping_probes)
    {
      /* Routine for a server (a laptop lid closed, a network gone): debug, not warning. */
      g_message ("%s: %u pings unanswered; closing", self->auth_token, self->missed_pings);
      self->ping_id = 0;
      beacon_local_session_close (self, SOUP_WEBSOCKET_CLOSE_GOING_AWAY,
                                  "Terminated by keep-alive");
      return G_SOURCE_REMOVE;
    }

  ping = beacon_wcs_server_message_build_ping ();
  beacon_local_session_send (self, ping);
  self->awaiting_pong = TRUE;
  return G_SOURCE_CONTINUE;
}

static void
release_closed_connection (SoupWebsocketConnection *connection,
                           gpointer                 user_data)
{
  g_object_unref (connection);
}

static void
beacon_local_session_constructed (GObject *object)
{
  BeaconLocalSession *self = BEACON_LOCAL_SESSION (object);

  G_OBJECT_CLASS (beacon_local_session_parent_class)->constructed (object);

  g_assert (SOUP_IS_WEBSOCKET_CONNECTION (self->connection));

  soup_websocket_connection_set_max_incoming_payload_size (self->connection,
                                                           BEACON_WCS_MAX_FRAME_SIZE);
  g_signal_connect (self->connection, "message", G_CALLBACK (on_connection_message), self);
  g_signal_connect (self->connection, "error", G_CALLBACK (on_connection_error), self);
  g_signal_connect (self->connection, "closed", G_CALLBACK (on_connection_closed), self);

  /* Pings start with the socket, not with `connection`: a client that never says hello
   * must not hold a socket forever. */
  self->ping_id = g_timeout_add (self->ping_interval_s * 1000, on_ping_timeout, self);
}

static void
beacon_local_session_dispose (GObject *object)
{
  BeaconLocalSession *self = BEACON_LOCAL_SESSION (object);

  stop_pinging (self);
  if (self->connection != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->connection, self);
      /* Let the close handshake finish without us: the socket keeps itself alive until
       * libsoup reports it closed (its own timeout bounds the wait). */
      if (soup_websocket_connection_get_state (self->connection) != SOUP_WEBSOCKET_STATE_CLOSED)
        {
          g_signal_connect (g_object_ref (self->connection), "closed",
                            G_CALLBACK (release_closed_connection), NULL);
          if (soup_websocket_connection_get_state (self->connection) == SOUP_WEBSOCKET_STATE_OPEN)
            soup_websocket_connection_close (self->connection, SOUP_WEBSOCKET_CLOSE_GOING_AWAY,
                                             NULL);
        }
      g_clear_object (&self->connection);
    }

  G_OBJECT_CLASS (beacon_local_session_parent_class)->dispose (object);
}

static void
beacon_local_session_finalize (GObject *object)
{
  BeaconLocalSession *self = BEACON_LOCAL_SESSION (object);

  g_clear_pointer (&self->auth_token, g_free);
  g_clear_pointer (&self->server_version, g_free);
  g_clear_pointer (&self->unknown_methods, g_hash_table_unref);

  G_OBJECT_CLASS (beacon_local_session_parent_class)->finalize (object);
}

static void
beacon_local_session_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  BeaconLocalSession *self = BEACON_LOCAL_SESSION (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_set_object (value, self->connection);
      break;
    case PROP_AUTH_TOKEN:
      g_value_set_string (value, beacon_local_session_get_auth_token (self));
      break;
    case PROP_SERVER_VERSION:
      g_value_set_string (value, self->server_version);
      break;
    case PROP_PING_INTERVAL:
      g_value_set_uint (value, self->ping_interval_s);
      break;
    case PROP_PING_PROBES:
      g_value_set_uint (value, self->ping_probes);
      break;
    case PROP_ESTABLISHED:
      g_value_set_boolean (value, beacon_local_session_get_established (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_local_session_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  BeaconLocalSession *self = BEACON_LOCAL_SESSION (object);

  /* All construct-only: a session's identity and keep-alive are fixed for its life. */
  switch (prop_id)
    {
    case PROP_CONNECTION:
      self->connection = g_value_dup_object (value);
      break;
    case PROP_AUTH_TOKEN:
      self->auth_token = g_value_dup_string (value);
      break;
    case PROP_SERVER_VERSION:
      self->server_version = g_value_dup_string (value);
      break;
    case PROP_PING_INTERVAL:
      self->ping_interval_s = g_value_get_uint (value);
      break;
    case PROP_PING_PROBES:
      self->ping_probes = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_local_session_class_init (BeaconLocalSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                G_PARAM_STATIC_STRINGS;

  object_class->constructed = beacon_local_session_constructed;
  object_class->dispose = beacon_local_session_dispose;
  object_class->finalize = beacon_local_session_finalize;
  object_class->get_property = beacon_local_session_get_property;
  object_class->set_property = beacon_local_session_set_property;

  properties[PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL, SOUP_TYPE_WEBSOCKET_CONNECTION, construct);
  properties[PROP_AUTH_TOKEN] =
    g_param_spec_string ("auth-token", NULL, NULL, NULL, construct);
  properties[PROP_SERVER_VERSION] =
    g_param_spec_string ("server-version", NULL, NULL, NULL, construct);
  properties[PROP_PING_INTERVAL] =
    g_param_spec_uint ("ping-interval", NULL, NULL, 1, G_MAXUINT / 1000, 5, construct);
  properties[PROP_PING_PROBES] =
    g_param_spec_uint ("ping-probes", NULL, NULL, 1, G_MAXUINT, 10, construct);
  properties[PROP_ESTABLISHED] =
    g_param_spec_boolean ("established", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A stream request (publish, play, stop, availability, stream event) from an
   * established session. The request is only valid during the emission. */
  signals[REQUEST_RECEIVED] =
    g_signal_new ("request-received", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  BEACON_TYPE_WCS_REQUEST | G_SIGNAL_TYPE_STATIC_SCOPE);
  /* The socket closed, from either side; emitted once. */
  signals[CLOSED] =
    g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
beacon_local_session_init (BeaconLocalSession *self)
{
  self->ping_interval_s = 5;
  self->ping_probes = 10;
  self->unknown_methods = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

BeaconLocalSession *
beacon_local_session_new (SoupWebsocketConnection *connection,
                          const char              *auth_token,
                          const char              *server_version,
                          guint                    ping_interval_s,
                          guint                    ping_probes)
{
  g_return_val_if_fail (SOUP_IS_WEBSOCKET_CONNECTION (connection), NULL);
  g_return_val_if_fail (auth_token != NULL, NULL);
  g_return_val_if_fail (server_version != NULL, NULL);

  return g_object_new (BEACON_TYPE_LOCAL_SESSION,
                       "connection", connection,
                       "auth-token", auth_token,
                       "server-version", server_version,
                       "ping-interval", ping_interval_s,
                       "ping-probes", ping_probes,
                       NULL);
}

const char *
beacon_local_session_get_auth_token (BeaconLocalSession *self)
{
  g_return_val_if_fail (BEACON_IS_LOCAL_SESSION (self), NULL);

  return self->auth_token;
}

gboolean
beacon_local_session_get_established (BeaconLocalSession *self)
{
  g_return_val_if_fail (BEACON_IS_LOCAL_SESSION (self), FALSE);

  return self->established;
}

gboolean
beacon_local_session_is_open (BeaconLocalSession *self)
{
  g_return_val_if_fail (BEACON_IS_LOCAL_SESSION (self), FALSE);

  return self->connection != NULL && !self->closing &&
         soup_websocket_connection_get_state (self->connection) == SOUP_WEBSOCKET_STATE_OPEN;
}

void
beacon_local_session_send (BeaconLocalSession *self,
                           const char         *text)
{
  g_return_if_fail (BEACON_IS_LOCAL_SESSION (self));
  g_return_if_fail (text != NULL);

  if (!beacon_local_session_is_open (self))
    {
      g_debug ("%s: closing; dropped %.40s…", self->auth_token, text);
      return;
    }
  g_debug ("%s: sending %.60s… (%zu bytes)", self->auth_token, text, strlen (text));
  soup_websocket_connection_send_text (self->connection, text);
}

void
beacon_local_session_close (BeaconLocalSession *self,
                            gushort             code,
                            const char         *reason)
{
  g_return_if_fail (BEACON_IS_LOCAL_SESSION (self));

  stop_pinging (self);
  if (!beacon_local_session_is_open (self))
    return;
  self->closing = TRUE;
  soup_websocket_connection_close (self->connection, code, reason);
}
