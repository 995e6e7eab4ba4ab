/* wcs-fake-server.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wcs-fake-server.h"

struct _WcsFakeServer
{
  SoupServer              *server;
  SoupWebsocketConnection *connection;
  char                    *url;
  GPtrArray               *received;   /* JsonNode roots, in order */
  gboolean                 auto_establish;
};

static gboolean
spin_done (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
wcs_fake_server_spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, spin_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
on_message (SoupWebsocketConnection *connection,
            SoupWebsocketDataType    type,
            GBytes                  *message,
            WcsFakeServer           *self)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize length;
  const char *data = g_bytes_get_data (message, &length);
  JsonObject *root;

  g_assert_cmpint (type, ==, SOUP_WEBSOCKET_DATA_TEXT);
  g_assert_true (json_parser_load_from_data (parser, data, length, NULL));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  root = json_node_get_object (json_parser_get_root (parser));
  /* The client always sends exactly one element in data. */
  g_assert_true (json_object_has_member (root, "message"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "data")), ==, 1);

  g_ptr_array_add (self->received, json_node_copy (json_parser_get_root (parser)));

  if (self->auto_establish &&
      g_str_equal (json_object_get_string_member (root, "message"), "connection"))
    {
      wcs_fake_server_send (self, "{\"message\":\"getUserData\",\"data\":[{\"authToken\":"
                                  "\"/127.0.0.1:1/127.0.0.1:2\",\"status\":\"ESTABLISHED\","
                                  "\"mediaProviders\":[\"WebRTC\"],\"useWsTunnel\":false}]}");
      wcs_fake_server_send (self, "{\"message\":\"getVersion\",\"data\":[\"5.2.9999-fake\"]}");
    }
}

static void
on_closed (SoupWebsocketConnection *connection,
           WcsFakeServer           *self)
{
  if (self->connection == connection)
    g_clear_object (&self->connection);
}

static void
on_websocket (SoupServer              *server,
              SoupServerMessage       *msg,
              const char              *path,
              SoupWebsocketConnection *connection,
              gpointer                 user_data)
{
  WcsFakeServer *self = user_data;

  g_clear_object (&self->connection);
  self->connection = g_object_ref (connection);
  /* Tests send frames over a megabyte on purpose; the server side must not refuse them. */
  soup_websocket_connection_set_max_incoming_payload_size (connection, 0);
  g_signal_connect (connection, "message", G_CALLBACK (on_message), self);
  g_signal_connect (connection, "closed", G_CALLBACK (on_closed), self);
}

WcsFakeServer *
wcs_fake_server_new (gboolean auto_establish)
{
  WcsFakeServer *self = g_new0 (WcsFakeServer, 1);
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;

  self->auto_establish = auto_establish;
  self->received = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  self->server = soup_server_new (NULL, NULL);
  soup_server_add_websocket_handler (self->server, "/", NULL, NULL, on_websocket, self, NULL);
  soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (self->server);
  self->url = g_strdup_printf ("ws://127.0.0.1:%d/", g_uri_get_port (uris->data));
  return self;
}

void
wcs_fake_server_free (WcsFakeServer *self)
{
  if (self->connection != NULL)
    g_signal_handlers_disconnect_by_data (self->connection, self);
  g_clear_object (&self->connection);
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_ptr_array_unref (self->received);
  g_free (self->url);
  g_free (self);
}

const char *
wcs_fake_server_get_url (WcsFakeServer *self)
{
  return self->url;
}

gboolean
wcs_fake_server_is_connected (WcsFakeServer *self)
{
  return self->connection != NULL &&
         soup_websocket_connection_get_state (self->connection) == SOUP_WEBSOCKET_STATE_OPEN;
}

static JsonObject *
root_of (JsonNode *node)
{
  return json_node_get_object (node);
}

guint
wcs_fake_server_count (WcsFakeServer *self,
                       const char    *method)
{
  guint n = 0;

  for (guint i = 0; i < self->received->len; i++)
    if (g_str_equal (json_object_get_string_member (root_of (self->received->pdata[i]),
                                                    "message"), method))
      n++;
  return n;
}

JsonNode *
wcs_fake_server_last_data (WcsFakeServer *self,
                           const char    *method)
{
  for (guint i = self->received->len; i > 0; i--)
    {
      JsonObject *root = root_of (self->received->pdata[i - 1]);

      if (g_str_equal (json_object_get_string_member (root, "message"), method))
        return json_array_get_element (json_object_get_array_member (root, "data"), 0);
    }
  return NULL;
}

JsonObject *
wcs_fake_server_last (WcsFakeServer *self,
                      const char    *method)
{
  JsonNode *node = wcs_fake_server_last_data (self, method);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

void
wcs_fake_server_send (WcsFakeServer *self,
                      const char    *text)
{
  g_assert_true (wcs_fake_server_is_connected (self));
  soup_websocket_connection_send_text (self->connection, text);
}

void
wcs_fake_server_send_printf (WcsFakeServer *self,
                             const char    *format,
                             ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  wcs_fake_server_send (self, text);
}

void
wcs_fake_server_send_binary (WcsFakeServer *self,
                             gsize          length)
{
  g_autofree guint8 *data = g_malloc0 (length);

  g_assert_true (wcs_fake_server_is_connected (self));
  soup_websocket_connection_send_binary (self->connection, data, length);
}

void
wcs_fake_server_close (WcsFakeServer *self,
                       gushort        code)
{
  g_assert_true (wcs_fake_server_is_connected (self));
  soup_websocket_connection_close (self->connection, code, NULL);
}

/* Drops the TCP connection without a close frame, like a crashed server. */
void
wcs_fake_server_abort (WcsFakeServer *self)
{
  GIOStream *stream;

  g_assert_true (wcs_fake_server_is_connected (self));
  stream = soup_websocket_connection_get_io_stream (self->connection);
  g_io_stream_close (stream, NULL, NULL);
}
