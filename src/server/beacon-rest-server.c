/* beacon-rest-server.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-rest-server"

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "beacon-rest-server.h"
#include "beacon-wcs-error.h"

#define DEFAULT_BIND_ADDRESS "127.0.0.1"

struct _BeaconRestServer
{
  GObject            parent_instance;

  /* Owned */
  BeaconLocalServer *server;
  BeaconMediaRelay  *relay;         /* NULL: no metrics to report */
  SoupServer        *soup_server;   /* NULL while stopped */
  char              *bind_address;

  guint              port;          /* bound port while running */
};

/* A `/stream/find` filter; a member left out matches everything. */
typedef struct
{
  char    *name;
  char    *media_session_id;
  char    *status;
  int      published;               /* TRUE, FALSE or BEACON_WCS_UNSET */
  gboolean metrics;                 /* display: ["metrics"] */
} StreamQuery;

static void
stream_query_clear (StreamQuery *query)
{
  g_clear_pointer (&query->name, g_free);
  g_clear_pointer (&query->media_session_id, g_free);
  g_clear_pointer (&query->status, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StreamQuery, stream_query_clear)

G_DEFINE_FINAL_TYPE (BeaconRestServer, beacon_rest_server, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOCAL_SERVER,
  PROP_MEDIA_RELAY,
  PROP_PORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- Responses ---------------------------------------------------------------------- */

static void
respond (SoupServerMessage *msg,
         guint              status,
         const char        *content_type,
         char              *body)
{
  /* WCS answers REST calls with this header (its documented response example), so that
   * browser consoles on other origins can read them. */
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Access-Control-Allow-Origin", "*");
  soup_server_message_set_status (msg, status, NULL);
  if (body != NULL)
    soup_server_message_set_response (msg, content_type, SOUP_MEMORY_TAKE, body, strlen (body));
}

static void
respond_text (SoupServerMessage *msg,
              guint              status,
              const char        *text)
{
  respond (msg, status, "text/plain; charset=utf-8", g_strconcat (text, "\n", NULL));
}

static void
respond_method_not_allowed (SoupServerMessage *msg,
                            const char        *allow)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", allow);
  respond_text (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "Method not allowed");
}

/* protocol-reference §10.7 and the WCS page it cites list "500 - Query parameters error"
 * for a query WCS cannot use, so a body that is not a JSON object, or a member of the
 * wrong type, gets 500 here as well, not the 400 a generic HTTP API would send. */
static void
respond_bad_query (SoupServerMessage *msg,
                   const char        *why)
{
  g_autofree char *text = g_strdup_printf ("Query parameters error: %s", why);

  g_debug ("%s", text);
  respond_text (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, text);
}

/* ---- Request bodies ----------------------------------------------------------------- */

/* The request body as a JSON object; an empty body is an empty query (the WebSDK sends
 * find_all as a GET without one, rest:64-66). */
static JsonObject *
parse_body (SoupServerMessage *msg,
            GError           **error)
{
  g_autoptr(GBytes) bytes = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  const char *data;
  gsize length;
  JsonNode *root;

  data = g_bytes_get_data (bytes, &length);
  while (length > 0 && g_ascii_isspace (data[length - 1]))
    length--;
  if (length == 0)
    return json_object_new ();

  if (!json_parser_load_from_data (parser, data, length, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL,
                           "the body is not a JSON object");
      return NULL;
    }
  return json_object_ref (json_node_get_object (root));
}

static gboolean
read_query_string (JsonObject *object,
                   const char *member,
                   char      **out,
                   GError    **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL,
                   "“%s” should be a string", member);
      return FALSE;
    }
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
read_query (JsonObject  *object,
            StreamQuery *query,
            GError     **error)
{
  JsonNode *node;

  query->published = BEACON_WCS_UNSET;
  if (!read_query_string (object, "name", &query->name, error) ||
      !read_query_string (object, "mediaSessionId", &query->media_session_id, error) ||
      !read_query_string (object, "status", &query->status, error))
    return FALSE;

  /* Browsers' form fields make "true" as common as true. */
  node = json_object_get_member (object, "published");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        query->published = json_node_get_boolean (node) ? TRUE : FALSE;
      else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
               (g_str_equal (json_node_get_string (node), "true") ||
                g_str_equal (json_node_get_string (node), "false")))
        query->published = json_node_get_string (node)[0] == 't';
      else
        {
          g_set_error_literal (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL,
                               "“published” should be a boolean");
          return FALSE;
        }
    }

  node = json_object_get_member (object, "display");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      JsonArray *display;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          g_set_error_literal (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL,
                               "“display” should be a list");
          return FALSE;
        }
      display = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (display); i++)
        {
          JsonNode *item = json_array_get_element (display, i);

          if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING &&
              g_str_equal (json_node_get_string (item), "metrics"))
            query->metrics = TRUE;
        }
    }
  return TRUE;
}

static gboolean
query_matches (const StreamQuery         *query,
               const BeaconWcsStreamInfo *info)
{
  return (query->name == NULL || g_strcmp0 (query->name, info->name) == 0) &&
         (query->media_session_id == NULL ||
          g_strcmp0 (query->media_session_id, info->media_session_id) == 0) &&
         (query->status == NULL || g_strcmp0 (query->status, info->status) == 0) &&
         (query->published == BEACON_WCS_UNSET || query->published == (info->published == TRUE));
}

/* ---- Stream objects ----------------------------------------------------------------- */

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
add_bool (JsonBuilder *builder,
          const char  *member,
          gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

/* Only what the relay measured: a metric we cannot measure is left out, not made up. WCS
 * puts its internal codec ids in the codec metrics; the names are what we know, and what
 * a reader of this API can use. */
static void
add_metrics (BeaconRestServer          *self,
             JsonBuilder               *builder,
             const BeaconWcsStreamInfo *info)
{
  g_autoptr(BeaconWcsRateSample) rate = NULL;

  if (self->relay != NULL)
    rate = beacon_media_relay_dup_last_rate (self->relay, info->media_session_id);

  json_builder_set_member_name (builder, "metrics");
  json_builder_begin_object (builder);
  if (rate != NULL)
    {
      add_int (builder, "VIDEO_RATE", rate->video_rate);
      /* WCS reports whole frames per second. */
      add_int (builder, "VIDEO_FPS", (gint64) (rate->fps + 0.5));
      add_int (builder, "VIDEO_NACK", rate->nack);
      add_int (builder, "VIDEO_PLI", rate->pli);
      add_int (builder, "VIDEO_LOST", rate->lost_packets);
      if (rate->width > 0 && rate->height > 0)
        {
          add_int (builder, "VIDEO_WIDTH", rate->width);
          add_int (builder, "VIDEO_HEIGHT", rate->height);
        }
    }
  add_string (builder, "VIDEO_CODEC", info->video_codec);
  add_string (builder, "AUDIO_CODEC", info->audio_codec);
  json_builder_end_object (builder);
}

/* One stream as WCS's REST answers show it (§4.2 plus sessionId and mediaType). */
static void
add_stream (BeaconRestServer          *self,
            JsonBuilder               *builder,
            const BeaconWcsStreamInfo *info,
            gboolean                   metrics)
{
  json_builder_begin_object (builder);
  add_string (builder, "sessionId",
              beacon_local_server_get_stream_session (self->server, info->media_session_id));
  add_string (builder, "mediaSessionId", info->media_session_id);
  add_string (builder, "name", info->name ? info->name : "");
  add_bool (builder, "published", info->published == TRUE);
  add_bool (builder, "hasVideo", info->has_video == TRUE);
  add_bool (builder, "hasAudio", info->has_audio == TRUE);
  add_string (builder, "status", info->status);
  add_string (builder, "info", info->info);
  add_string (builder, "audioCodec", info->audio_codec);
  add_string (builder, "videoCodec", info->video_codec);
  add_bool (builder, "record", info->record == TRUE);
  add_int (builder, "width", MAX (info->width, 0));
  add_int (builder, "height", MAX (info->height, 0));
  add_int (builder, "bitrate", MAX (info->bitrate, 0));
  add_int (builder, "minBitrate", MAX (info->min_bitrate, 0));
  add_int (builder, "maxBitrate", MAX (info->max_bitrate, 0));
  add_int (builder, "quality", MAX (info->quality, 0));
  add_int (builder, "createDate", MAX (info->create_date, 0));
  add_string (builder, "mediaType", info->published == TRUE ? "publish" : "play");
  add_string (builder, "mediaProvider", "WebRTC");
  if (metrics)
    add_metrics (self, builder, info);
  json_builder_end_object (builder);
}

static int
compare_streams (gconstpointer a,
                 gconstpointer b)
{
  const BeaconWcsStreamInfo *x = *(BeaconWcsStreamInfo * const *) a;
  const BeaconWcsStreamInfo *y = *(BeaconWcsStreamInfo * const *) b;

  if (x->create_date != y->create_date)
    return x->create_date < y->create_date ? -1 : 1;
  return g_strcmp0 (x->media_session_id, y->media_session_id);
}

/* find_all and find: the matching streams, oldest first, or 404 when there is none, as
 * WCS answers (protocol-reference §10.7). */
static void
answer_find (BeaconRestServer  *self,
             SoupServerMessage *msg,
             const StreamQuery *query)
{
  g_autoptr(GPtrArray) streams = beacon_local_server_dup_streams (self->server);
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  guint n_found = 0;

  g_ptr_array_sort (streams, compare_streams);
  json_builder_begin_array (builder);
  for (guint i = 0; i < streams->len; i++)
    {
      const BeaconWcsStreamInfo *info = g_ptr_array_index (streams, i);

      if (!query_matches (query, info))
        continue;
      add_stream (self, builder, info, query->metrics);
      n_found++;
    }
  json_builder_end_array (builder);

  if (n_found == 0)
    {
      respond_text (msg, SOUP_STATUS_NOT_FOUND, "Stream not found");
      return;
    }
  root = json_builder_get_root (builder);
  respond (msg, SOUP_STATUS_OK, "application/json", json_to_string (root, FALSE));
}

static void
answer_terminate (BeaconRestServer  *self,
                  SoupServerMessage *msg,
                  const StreamQuery *query)
{
  g_autoptr(GError) error = NULL;

  if (query->media_session_id == NULL || *query->media_session_id == '\0')
    {
      respond_bad_query (msg, "“mediaSessionId” is missing");
      return;
    }
  if (!beacon_local_server_terminate_stream (self->server, query->media_session_id, &error))
    {
      g_debug ("terminate %s: %s", query->media_session_id, error->message);
      respond_text (msg, SOUP_STATUS_NOT_FOUND, "Stream not found");
      return;
    }
  respond (msg, SOUP_STATUS_OK, NULL, NULL);
}

/* ---- Handlers ----------------------------------------------------------------------- */

static void
on_rest_request_cb (SoupServer        *server,
                    SoupServerMessage *msg,
                    const char        *path,
                    GHashTable        *query_params,
                    gpointer           user_data)
{
  BeaconRestServer *self = user_data;
  const char *method = soup_server_message_get_method (msg);
  gboolean is_post = g_str_equal (method, SOUP_METHOD_POST);
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(StreamQuery) query = { 0 };
  enum { FIND_ALL, FIND, TERMINATE } call;

  if (g_str_equal (path, "/rest-api/stream/find_all"))
    call = FIND_ALL;
  else if (g_str_equal (path, "/rest-api/stream/find"))
    call = FIND;
  else if (g_str_equal (path, "/rest-api/stream/terminate"))
    call = TERMINATE;
  else
    {
      respond_text (msg, SOUP_STATUS_NOT_FOUND, "No such REST method");
      return;
    }

  g_debug ("%s %s", method, path);
  /* WCS documents POST for all three; the WebSDK's rest module sends find_all as a GET. */
  if (call == FIND_ALL && !is_post && !g_str_equal (method, SOUP_METHOD_GET))
    {
      respond_method_not_allowed (msg, "GET, POST");
      return;
    }
  if (call != FIND_ALL && !is_post)
    {
      respond_method_not_allowed (msg, "POST");
      return;
    }

  if (!(body = parse_body (msg, &error)) || !read_query (body, &query, &error))
    {
      respond_bad_query (msg, error->message);
      return;
    }

  switch (call)
    {
    case FIND_ALL:
      {
        /* find_all ignores filters, as its name says. */
        StreamQuery everything = { .published = BEACON_WCS_UNSET };

        answer_find (self, msg, &everything);
      }
      break;
    case FIND:
      answer_find (self, msg, &query);
      break;
    case TERMINATE:
      answer_terminate (self, msg, &query);
      break;
    }
}

/* `GET /?action=stat`: WCS's plain-text report, sections "-----Name" with key=value lines
 * (protocol-reference §10.7); only the figures this server really has. */
static char *
render_stat (BeaconRestServer *self)
{
  g_autoptr(GPtrArray) streams = beacon_local_server_dup_streams (self->server);
  GString *text = g_string_new (NULL);
  guint n_in = 0;
  guint n_out = 0;

  for (guint i = 0; i < streams->len; i++)
    {
      if (((BeaconWcsStreamInfo *) g_ptr_array_index (streams, i))->published == TRUE)
        n_in++;
      else
        n_out++;
    }

  g_string_append (text, "-----Connection Stats\n");
  g_string_append_printf (text, "connections=%u\n",
                          beacon_local_server_get_n_sessions (self->server));
  g_string_append_printf (text, "connections_websocket=%u\n",
                          beacon_local_server_get_n_sessions (self->server));
  g_string_append (text, "-----Streams Stats\n");
  g_string_append_printf (text, "streams_webrtc_in=%u\n", n_in);
  g_string_append_printf (text, "streams_webrtc_out=%u\n", n_out);
  g_string_append (text, "-----Core Stats\n");
  g_string_append_printf (text, "core_version=%s\n",
                          beacon_local_server_get_server_version (self->server));
  return g_string_free (text, FALSE);
}

static void
on_other_request_cb (SoupServer        *server,
                     SoupServerMessage *msg,
                     const char        *path,
                     GHashTable        *query_params,
                     gpointer           user_data)
{
  BeaconRestServer *self = user_data;
  const char *method = soup_server_message_get_method (msg);
  const char *action = query_params ? g_hash_table_lookup (query_params, "action") : NULL;

  if (!g_str_equal (path, "/") || g_strcmp0 (action, "stat") != 0)
    {
      respond_text (msg, SOUP_STATUS_NOT_FOUND, "Not found");
      return;
    }
  if (!g_str_equal (method, SOUP_METHOD_GET))
    {
      respond_method_not_allowed (msg, "GET");
      return;
    }
  respond (msg, SOUP_STATUS_OK, "text/plain; charset=utf-8", render_stat (self));
}

/* ---- GObject ------------------------------------------------------------------------ */

static void
beacon_rest_server_dispose (GObject *object)
{
  BeaconRestServer *self = BEACON_REST_SERVER (object);

  beacon_rest_server_stop (self);
  g_clear_object (&self->relay);
  g_clear_object (&self->server);

  G_OBJECT_CLASS (beacon_rest_server_parent_class)->dispose (object);
}

static void
beacon_rest_server_finalize (GObject *object)
{
  BeaconRestServer *self = BEACON_REST_SERVER (object);

  g_clear_pointer (&self->bind_address, g_free);

  G_OBJECT_CLASS (beacon_rest_server_parent_class)->finalize (object);
}

static void
beacon_rest_server_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BeaconRestServer *self = BEACON_REST_SERVER (object);

  switch (prop_id)
    {
    case PROP_LOCAL_SERVER:
      g_value_set_object (value, self->server);
      break;
    case PROP_MEDIA_RELAY:
      g_value_set_object (value, self->relay);
      break;
    case PROP_PORT:
      g_value_set_uint (value, beacon_rest_server_get_port (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_rest_server_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BeaconRestServer *self = BEACON_REST_SERVER (object);

  switch (prop_id)
    {
    case PROP_LOCAL_SERVER:
      self->server = g_value_dup_object (value);
      break;
    case PROP_MEDIA_RELAY:
      self->relay = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_rest_server_class_init (BeaconRestServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = beacon_rest_server_dispose;
  object_class->finalize = beacon_rest_server_finalize;
  object_class->get_property = beacon_rest_server_get_property;
  object_class->set_property = beacon_rest_server_set_property;

  properties[PROP_LOCAL_SERVER] =
    g_param_spec_object ("local-server", NULL, NULL,
                         BEACON_TYPE_LOCAL_SERVER,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MEDIA_RELAY] =
    g_param_spec_object ("media-relay", NULL, NULL,
                         BEACON_TYPE_MEDIA_RELAY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PORT] =
    g_param_spec_uint ("port", NULL, NULL,
                       0, 65535, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
beacon_rest_server_init (BeaconRestServer *self)
{
}

BeaconRestServer *
beacon_rest_server_new (BeaconLocalServer *server,
                        BeaconMediaRelay  *relay)
{
  g_return_val_if_fail (BEACON_IS_LOCAL_SERVER (server), NULL);
  g_return_val_if_fail (relay == NULL || BEACON_IS_MEDIA_RELAY (relay), NULL);

  return g_object_new (BEACON_TYPE_REST_SERVER,
                       "local-server", server,
                       "media-relay", relay,
                       NULL);
}

gboolean
beacon_rest_server_start (BeaconRestServer  *self,
                          guint              port,
                          const char        *bind_address,
                          GError           **error)
{
  g_autoptr(GInetAddress) inet = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  GSList *listeners;

  g_return_val_if_fail (BEACON_IS_REST_SERVER (self), FALSE);
  g_return_val_if_fail (self->soup_server == NULL, FALSE);
  g_return_val_if_fail (port <= 65535, FALSE);

  if (bind_address == NULL)
    bind_address = DEFAULT_BIND_ADDRESS;
  if (!(inet = g_inet_address_new_from_string (bind_address)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s” is not an IP address to listen on", bind_address);
      return FALSE;
    }
  address = g_inet_socket_address_new (inet, port);

  server = soup_server_new ("server-header", "Beacon/" PACKAGE_VERSION " ", NULL);
  soup_server_add_handler (server, "/rest-api", on_rest_request_cb, self, NULL);
  soup_server_add_handler (server, NULL, on_other_request_cb, self, NULL);
  if (!soup_server_listen (server, address, 0, error))
    return FALSE;

  /* From the socket, not soup_server_get_uris(), which leaks an address in libsoup 3.2. */
  listeners = soup_server_get_listeners (server);
  self->port = port;
  if (listeners != NULL &&
      (bound = g_socket_get_local_address (listeners->data, NULL)) != NULL &&
      G_IS_INET_SOCKET_ADDRESS (bound))
    self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_slist_free (listeners);

  self->soup_server = g_steal_pointer (&server);
  g_free (self->bind_address);
  self->bind_address = g_strdup (bind_address);
  g_debug ("REST API on %s:%u", self->bind_address, self->port);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PORT]);
  return TRUE;
}

void
beacon_rest_server_stop (BeaconRestServer *self)
{
  g_return_if_fail (BEACON_IS_REST_SERVER (self));

  if (self->soup_server == NULL)
    return;
  soup_server_disconnect (self->soup_server);
  g_clear_object (&self->soup_server);
  self->port = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PORT]);
}

gboolean
beacon_rest_server_is_running (BeaconRestServer *self)
{
  g_return_val_if_fail (BEACON_IS_REST_SERVER (self), FALSE);

  return self->soup_server != NULL;
}

guint
beacon_rest_server_get_port (BeaconRestServer *self)
{
  g_return_val_if_fail (BEACON_IS_REST_SERVER (self), 0);

  return self->port;
}

char *
beacon_rest_server_dup_url (BeaconRestServer *self)
{
  g_autoptr(GInetAddress) inet = NULL;
  const char *host;

  g_return_val_if_fail (BEACON_IS_REST_SERVER (self), NULL);

  if (self->soup_server == NULL)
    return NULL;

  /* A wildcard bind is reachable on loopback. */
  host = self->bind_address;
  inet = g_inet_address_new_from_string (self->bind_address);
  if (inet != NULL && g_inet_address_get_is_any (inet))
    host = g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6 ? "::1" : "127.0.0.1";

  return g_uri_join (G_URI_FLAGS_NONE, "http", NULL, host, self->port, "/rest-api/", NULL, NULL);
}
