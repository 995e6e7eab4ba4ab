/* beacon-local-server.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-local-server"

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "beacon-local-server-private.h"
#include "beacon-local-session.h"

#define DEFAULT_BIND_ADDRESS   "127.0.0.1"
#define DEFAULT_PING_INTERVAL  5
#define DEFAULT_PING_PROBES    10
/* WCS reports "5.2.<build>-<hash>"; clients may branch on the major version. */
#define DEFAULT_SERVER_VERSION "5.2.0-beacon-" PACKAGE_VERSION

G_DEFINE_FINAL_TYPE (BeaconLocalServer, beacon_local_server, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PORT,
  PROP_BIND_ADDRESS,
  PROP_PING_INTERVAL,
  PROP_PING_PROBES,
  PROP_SERVER_VERSION,
  PROP_N_SESSIONS,
  N_PROPS
};

enum {
  PUBLISH_REQUESTED,
  PLAY_REQUESTED,
  STREAM_ENDED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
describe_address (GSocketAddress *address)
{
  g_autofree char *ip = NULL;

  if (!G_IS_INET_SOCKET_ADDRESS (address))
    return g_strdup ("unknown:0");
  ip = g_inet_address_to_string (
         g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (address)));
  return g_strdup_printf ("%s:%u", ip,
                          g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address)));
}

/* WCS's session id is made of both socket ends, and clients keep it as `authToken`
 * (protocol-reference §2.3). */
static char *
make_auth_token (SoupServerMessage *msg)
{
  g_autofree char *remote = describe_address (soup_server_message_get_remote_address (msg));
  g_autofree char *local = describe_address (soup_server_message_get_local_address (msg));

  return g_strdup_printf ("/%s/%s", remote, local);
}

static void
on_session_request (BeaconLocalSession     *session,
                    const BeaconWcsRequest *request,
                    BeaconLocalServer      *self)
{
  _beacon_local_server_handle_request (self, session, request);
}

static void
forget_session (BeaconLocalServer  *self,
                BeaconLocalSession *session,
                const char         *info)
{
  g_autoptr(BeaconLocalSession) hold = g_object_ref (session);

  g_signal_handlers_disconnect_by_data (session, self);
  if (!g_ptr_array_remove (self->sessions, session))
    return;
  _beacon_local_server_end_session_streams (self, session, info);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SESSIONS]);
}

static void
on_session_closed (BeaconLocalSession *session,
                   BeaconLocalServer  *self)
{
  forget_session (self, session, "Stopped by session disconnect");
}

static void
on_websocket (SoupServer              *server,
              SoupServerMessage       *msg,
              const char              *path,
              SoupWebsocketConnection *connection,
              gpointer                 user_data)
{
  BeaconLocalServer *self = user_data;
  g_autofree char *auth_token = make_auth_token (msg);
  BeaconLocalSession *session;

  /* WCS answers on any path (the WebSDK appends none, but URLs typed by people do). */
  g_debug ("%s: WebSocket opened on %s", auth_token, path);
  session = beacon_local_session_new (connection, auth_token, self->server_version,
                                      self->ping_interval_s, self->ping_probes);
  g_signal_connect (session, "request-received", G_CALLBACK (on_session_request), self);
  g_signal_connect (session, "closed", G_CALLBACK (on_session_closed), self);
  g_ptr_array_add (self->sessions, session);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SESSIONS]);
}

/* g_ptr_array_sort hands over pointers to the elements, not the strings. */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char *
render_status_page (BeaconLocalServer *self)
{
  g_auto(GStrv) names = beacon_local_server_dup_published_names (self);
  g_autofree char *version = g_markup_escape_text (self->server_version, -1);
  GString *html = g_string_new (NULL);

  g_string_append_printf (html,
                          "<!DOCTYPE html>\n"
                          "<html><head><meta charset=\"utf-8\"><title>Beacon server</title>"
                          "</head><body>\n"
                          "<h1>Beacon server</h1>\n"
                          "<p>Version: %s</p>\n"
                          "<p>Sessions: %u</p>\n"
                          "<h2>Published streams</h2>\n",
                          version, self->sessions->len);
  if (names[0] == NULL)
    g_string_append (html, "<p>None.</p>\n");
  else
    {
      g_string_append (html, "<ul>\n");
      for (guint i = 0; names[i] != NULL; i++)
        {
          g_autofree char *name = g_markup_escape_text (names[i], -1);

          g_string_append_printf (html, "<li>%s</li>\n", name);
        }
      g_string_append (html, "</ul>\n");
    }
  g_string_append (html, "</body></html>\n");
  return g_string_free (html, FALSE);
}

static void
on_http_request (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  BeaconLocalServer *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *method = soup_server_message_get_method (msg);
  char *html;

  /* libsoup calls this handler before the WebSocket one on the same path, and setting a
   * status here would stop the upgrade: leave upgrade requests alone. */
  if (soup_message_headers_header_contains (headers, "Upgrade", "websocket"))
    return;

  if (!g_str_equal (path, "/"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  if (method != SOUP_METHOD_GET && method != SOUP_METHOD_HEAD)
    {
      soup_message_headers_append (soup_server_message_get_response_headers (msg),
                                   "Allow", "GET, HEAD");
      soup_server_message_set_status (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
      return;
    }

  html = render_status_page (self);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_TAKE,
                                    html, strlen (html));
}

static void
beacon_local_server_dispose (GObject *object)
{
  BeaconLocalServer *self = BEACON_LOCAL_SERVER (object);

  beacon_local_server_stop (self);
  g_clear_object (&self->tls_certificate);

  G_OBJECT_CLASS (beacon_local_server_parent_class)->dispose (object);
}

static void
beacon_local_server_finalize (GObject *object)
{
  BeaconLocalServer *self = BEACON_LOCAL_SERVER (object);

  g_clear_pointer (&self->bind_address, g_free);
  g_clear_pointer (&self->server_version, g_free);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  g_clear_pointer (&self->publishers, g_hash_table_unref);
  g_clear_pointer (&self->streams, g_hash_table_unref);

  G_OBJECT_CLASS (beacon_local_server_parent_class)->finalize (object);
}

static void
beacon_local_server_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BeaconLocalServer *self = BEACON_LOCAL_SERVER (object);

  switch (prop_id)
    {
    case PROP_PORT:
      g_value_set_uint (value, beacon_local_server_get_port (self));
      break;
    case PROP_BIND_ADDRESS:
      g_value_set_string (value, beacon_local_server_get_bind_address (self));
      break;
    case PROP_PING_INTERVAL:
      g_value_set_uint (value, beacon_local_server_get_ping_interval (self));
      break;
    case PROP_PING_PROBES:
      g_value_set_uint (value, beacon_local_server_get_ping_probes (self));
      break;
    case PROP_SERVER_VERSION:
      g_value_set_string (value, beacon_local_server_get_server_version (self));
      break;
    case PROP_N_SESSIONS:
      g_value_set_uint (value, beacon_local_server_get_n_sessions (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_local_server_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BeaconLocalServer *self = BEACON_LOCAL_SERVER (object);

  switch (prop_id)
    {
    case PROP_PORT:
      beacon_local_server_set_port (self, g_value_get_uint (value));
      break;
    case PROP_BIND_ADDRESS:
      beacon_local_server_set_bind_address (self, g_value_get_string (value));
      break;
    case PROP_PING_INTERVAL:
      beacon_local_server_set_ping_interval (self, g_value_get_uint (value));
      break;
    case PROP_PING_PROBES:
      beacon_local_server_set_ping_probes (self, g_value_get_uint (value));
      break;
    case PROP_SERVER_VERSION:
      beacon_local_server_set_server_version (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_local_server_class_init (BeaconLocalServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = beacon_local_server_dispose;
  object_class->finalize = beacon_local_server_finalize;
  object_class->get_property = beacon_local_server_get_property;
  object_class->set_property = beacon_local_server_set_property;

  properties[PROP_PORT] =
    g_param_spec_uint ("port", NULL, NULL, 0, G_MAXUINT16, 0, rw);
  properties[PROP_BIND_ADDRESS] =
    g_param_spec_string ("bind-address", NULL, NULL, DEFAULT_BIND_ADDRESS, rw);
  properties[PROP_PING_INTERVAL] =
    g_param_spec_uint ("ping-interval", NULL, NULL, 1, 3600, DEFAULT_PING_INTERVAL, rw);
  properties[PROP_PING_PROBES] =
    g_param_spec_uint ("ping-probes", NULL, NULL, 1, 1000, DEFAULT_PING_PROBES, rw);
  properties[PROP_SERVER_VERSION] =
    g_param_spec_string ("server-version", NULL, NULL, DEFAULT_SERVER_VERSION, rw);
  properties[PROP_N_SESSIONS] =
    g_param_spec_uint ("n-sessions", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A publishStream passed every check and is PENDING. The media relay owns the rest:
   * answer with beacon_local_server_answer_stream(), then start or fail the stream.
   * Arguments: the publishing session, the mediaSessionId, the stream name, the offer. */
  signals[PUBLISH_REQUESTED] =
    g_signal_new ("publish-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                  BEACON_TYPE_LOCAL_SESSION, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
  /* A playStream of a published name is PENDING; same arguments and duties as
   * ::publish-requested (the offer is the player's receive-only one). */
  signals[PLAY_REQUESTED] =
    g_signal_new ("play-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                  BEACON_TYPE_LOCAL_SESSION, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
  /* An accepted stream ended (unpublished, stopped, failed, or its session closed):
   * release its media. Arguments: the mediaSessionId and the reason text. */
  signals[STREAM_ENDED] =
    g_signal_new ("stream-ended", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
beacon_local_server_init (BeaconLocalServer *self)
{
  self->bind_address = g_strdup (DEFAULT_BIND_ADDRESS);
  self->server_version = g_strdup (DEFAULT_SERVER_VERSION);
  self->ping_interval_s = DEFAULT_PING_INTERVAL;
  self->ping_probes = DEFAULT_PING_PROBES;
  self->sessions = g_ptr_array_new_with_free_func (g_object_unref);
  self->streams = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) _beacon_local_stream_free);
  self->publishers = g_hash_table_new (g_str_hash, g_str_equal);
}

void
_beacon_local_server_emit_requested (BeaconLocalServer       *self,
                                     const BeaconLocalStream *stream)
{
  g_signal_emit (self, signals[stream->info->published ? PUBLISH_REQUESTED : PLAY_REQUESTED], 0,
                 stream->session, stream->info->media_session_id, stream->info->name,
                 stream->offer_sdp);
}

void
_beacon_local_server_emit_ended (BeaconLocalServer       *self,
                                 const BeaconLocalStream *stream)
{
  g_signal_emit (self, signals[STREAM_ENDED], 0, stream->info->media_session_id,
                 stream->info->info);
}

BeaconLocalServer *
beacon_local_server_new (void)
{
  return g_object_new (BEACON_TYPE_LOCAL_SERVER, NULL);
}

/* The port of the listener that is not on @other_port (the one just added), or @fallback.
 * From the sockets, not soup_server_get_uris(), which leaks an address in libsoup 3.2. */
static guint
listener_port (SoupServer *server,
               guint       other_port,
               guint       fallback)
{
  GSList *listeners = soup_server_get_listeners (server);
  guint port = fallback;

  for (GSList *l = listeners; l != NULL; l = l->next)
    {
      g_autoptr(GSocketAddress) bound = g_socket_get_local_address (l->data, NULL);
      guint p;

      if (bound == NULL || !G_IS_INET_SOCKET_ADDRESS (bound))
        continue;
      p = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
      if (p != other_port)
        port = p;
    }
  g_slist_free (listeners);
  return port;
}

gboolean
beacon_local_server_start (BeaconLocalServer *self,
                           GError           **error)
{
  g_autoptr(GInetAddress) inet = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(SoupServer) server = NULL;

  g_return_val_if_fail (BEACON_IS_LOCAL_SERVER (self), FALSE);
  g_return_val_if_fail (self->soup_server == NULL, FALSE);

  if (!(inet = g_inet_address_new_from_string (self->bind_address)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s” is not an IP address to listen on", self->bind_address);
      return FALSE;
    }
  address = g_inet_socket_address_new (inet, self->port);

  server = soup_server_new ("server-header", "Beacon/" PACKAGE_VERSION " ", NULL);
  /* One path-less handler pair: the status page on plain GET /, the API on any upgrade. */
  soup_server_add_handler (server, NULL, on_http_request, self, NULL);
  soup_server_add_websocket_handler (server, NULL, NULL, NULL, on_websocket, self, NULL);
  if (!soup_server_listen (server, address, 0, error))
    return FALSE;
  self->bound_port = listener_port (server, 0, self->port);

  if (self->tls_certificate != NULL)
    {
      g_autoptr(GSocketAddress) tls_address = g_inet_socket_address_new (inet, self->tls_port);

      g_object_set (server, "tls-certificate", self->tls_certificate, NULL);
      if (!soup_server_listen (server, tls_address, SOUP_SERVER_LISTEN_HTTPS, error))
        return FALSE;
      self->bound_tls_port = listener_port (server, self->bound_port, self->tls_port);
    }
  self->soup_server = g_steal_pointer (&server);
  g_message ("listening on %s:%u%s", self->bind_address, self->bound_port,
             self->bound_tls_port ? " (ws) and wss on the TLS port" : "");

  if (self->bound_port != self->port)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PORT]);
  return TRUE;
}

void
beacon_local_server_stop (BeaconLocalServer *self)
{
  g_autoptr(GPtrArray) sessions = NULL;

  g_return_if_fail (BEACON_IS_LOCAL_SERVER (self));

  if (self->soup_server == NULL)
    return;

  /* Copy first: forgetting a session ends streams, which may call back into us. */
  sessions = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->sessions->len; i++)
    g_ptr_array_add (sessions, g_object_ref (g_ptr_array_index (self->sessions, i)));
  for (guint i = 0; i < sessions->len; i++)
    {
      BeaconLocalSession *session = g_ptr_array_index (sessions, i);

      forget_session (self, session, "Stopped by session disconnect");
      beacon_local_session_close (session, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, "Server stopped");
    }

  soup_server_disconnect (self->soup_server);
  g_clear_object (&self->soup_server);
  g_debug ("stopped listening on %s:%u", self->bind_address, self->bound_port);
  if (self->bound_port != self->port)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PORT]);
  self->bound_port = 0;
  self->bound_tls_port = 0;
}

gboolean
beacon_local_server_is_running (BeaconLocalServer *self)
{
  g_return_val_if_fail (BEACON_IS_LOCAL_SERVER (self), FALSE);

  return self->soup_server != NULL;
}

guint
beacon_local_server_get_port (BeaconLocalServer *self)
{
  g_return_val_if_fail (BEACON_IS_LOCAL_SERVER (self), 0);

  return self->soup_server != NULL ? self->bound_port : self->port;
}

void
beacon_local_server_set_port (BeaconLocalServer *self,
                              guint              port)
{
  g_return_if_fail (BEACON_IS_LOCAL_SERVER (self));
  g_return_if_fail (port <= G_MAXUINT16);

  if (self->port == port)
    return;
  self->port = port;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PORT]);
}

const char *
beacon_local_server_get_bind_address (BeaconLocalServer *self)
{
  g_return_val_if_fail (BEACON_IS_LOCAL_SERVER (self), NULL);

  return self->bind_address;
}

void
beacon_local_server_set_bind_address (BeaconLocalServer *self,
                                      const char        *bind_address)
{
  g_return_if_fail (BEACON_IS_LOCAL_SERVER (self));

  if (bind_address == NULL)
    bind_address = DEFAULT_BIND_ADDRESS;
  if (g_strcmp0 (self->bind_address, bind_address) == 0)
    return;
  g_free (self->bind_address);
  self->bind_address = g_strdup (bind_address);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BIND_ADDRESS]);
}

guint
beacon_local_server_get_ping_interval (BeaconLocalServer *self)
{
  g_return_val_if_fail (BEACON_IS_LOCAL_SERVER (self), 0);

  return self->ping_interval_s;
}

void
beacon_local_server_set_ping_interval (BeaconLocalServer *self,
                                       guint              seconds)
{
  g_return_if_fail (BEACON_IS_LOCAL_SERVER (self));
  g_return_if_fail (seconds >= 1 && seconds <= 3600);

  if (self->ping_interval_s == seconds)
    return;
  self->ping_interval_s = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PING_INTERVAL]);
}

guint
beacon_local_server_get_ping_probes (BeaconLocalServer *self)
{
  g_return_val_if_fail (BEACON_IS_LOCAL_SERVER (self), 0);

  return self->ping_probes;
}

void
beacon_local_server_set_ping_probes (BeaconLocalServer *self,
                                     guint              probes)
{
  g_return_if_fail (BEACON_IS_LOCAL_SERVER (self));
  g_return_if_fail (probes >= 1 && probes <= 1000);

  if (self->ping_probes == probes)
    return;
  self->ping_probes = probes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PING_PROBES]);
}

const char *
beacon_local_server_get_server_version (BeaconLocalServer *self)
{
  g_return_val_if_fail (BEACON_IS_LOCAL_SERVER (self), NULL);

  return self->server_version;
}

void
beacon_local_server_set_server_version (BeaconLocalServer *self,
                                        const char        *version)
{
  g_return_if_fail (BEACON_IS_LOCAL_SERVER (self));

  if (version == NULL)
    version = DEFAULT_SERVER_VERSION;
  if (g_strcmp0 (self->server_version, version) == 0)
    return;
  g_free (self->server_version);
  self->server_version = g_strdup (version);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVER_VERSION]);
}

/* "host:port" for local clients: a wildcard bind is reachable on loopback. */
static char *
client_host_port (BeaconLocalServer *self,
                  guint              port)
{
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (self->bind_address);
  g_autofree char *host = NULL;

  if (inet != NULL && g_inet_address_get_is_any (inet))
    host = g_strdup (g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6 ? "::1"
                                                                               : "127.0.0.1");
  else
    host = g_strdup (self->bind_address);
  if (strchr (host, ':') != NULL)
    return g_strdup_printf ("[%s]:%u", host, port);
  return g_strdup_printf ("%s:%u", host, port);
}

char *
beacon_local_server_dup_url (BeaconLocalServer *self)
{
  g_autofree char *host_port = NULL;

  g_return_val_if_fail (BEACON_IS_LOCAL_SERVER (self), NULL);

  if (self->soup_server == NULL)
    return NULL;
  host_port = client_host_port (self, self->bound_port);
  return g_strdup_printf ("ws://%s/", host_port);
}

char *
beacon_local_server_dup_tls_url (BeaconLocalServer *self)
{
  g_autofree char *host_port = NULL;

  g_return_val_if_fail (BEACON_IS_LOCAL_SERVER (self), NULL);

  if (self->soup_server == NULL || self->bound_tls_port == 0)
    return NULL;
  host_port = client_host_port (self, self->bound_tls_port);
  return g_strdup_printf ("wss://%s/", host_port);
}

gboolean
beacon_local_server_set_tls (BeaconLocalServer *self,
                             guint              tls_port,
                             const char        *cert_file,
                             const char        *key_file,
                             GError           **error)
{
  g_autoptr(GTlsCertificate) certificate = NULL;

  g_return_val_if_fail (BEACON_IS_LOCAL_SERVER (self), FALSE);
  g_return_val_if_fail (self->soup_server == NULL, FALSE);

  if (cert_file == NULL)
    {
      g_clear_object (&self->tls_certificate);
      return TRUE;
    }
  certificate = g_tls_certificate_new_from_files (cert_file, key_file, error);
  if (certificate == NULL)
    return FALSE;
  g_set_object (&self->tls_certificate, certificate);
  self->tls_port = tls_port;
  return TRUE;
}

guint
beacon_local_server_get_n_sessions (BeaconLocalServer *self)
{
  g_return_val_if_fail (BEACON_IS_LOCAL_SERVER (self), 0);

  return self->sessions->len;
}

GStrv
beacon_local_server_dup_published_names (BeaconLocalServer *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (BEACON_IS_LOCAL_SERVER (self), NULL);

  g_hash_table_iter_init (&iter, self->publishers);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, g_strdup (key));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}
