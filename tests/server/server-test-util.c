/* server-test-util.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "server-test-util.h"

/* ---- Raw WebSocket peer --------------------------------------------------------------- */

static void
on_raw_message (SoupWebsocketConnection *connection,
                SoupWebsocketDataType    type,
                GBytes                  *message,
                RawClient               *raw)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize length;
  const char *data = g_bytes_get_data (message, &length);
  JsonObject *root;

  /* Everything the server sends must be one text frame holding {"message", "data": [...]}. */
  g_assert_cmpint (type, ==, SOUP_WEBSOCKET_DATA_TEXT);
  g_assert_true (json_parser_load_from_data (parser, data, length, NULL));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_has_member (root, "message"));
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "data")));
  g_ptr_array_add (raw->received, json_node_copy (json_parser_get_root (parser)));
}

static void
on_raw_closed (SoupWebsocketConnection *connection,
               RawClient               *raw)
{
  raw->close_code = soup_websocket_connection_get_close_code (connection);
  raw->closed = TRUE;
}

static void
on_raw_connected (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  RawClient *raw = user_data;

  raw->connection = soup_session_websocket_connect_finish (SOUP_SESSION (source), result,
                                                           &raw->error);
  if (raw->connection == NULL)
    return;
  /* Big enough to receive anything the server may send back in the size tests. */
  soup_websocket_connection_set_max_incoming_payload_size (raw->connection, 4 * 1024 * 1024);
  g_signal_connect (raw->connection, "message", G_CALLBACK (on_raw_message), raw);
  g_signal_connect (raw->connection, "closed", G_CALLBACK (on_raw_closed), raw);
}

RawClient *
raw_client_new (const char *url)
{
  RawClient *raw = g_new0 (RawClient, 1);
  g_autoptr(SoupMessage) msg = soup_message_new (SOUP_METHOD_GET, url);

  raw->session = soup_session_new ();
  raw->received = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  soup_session_websocket_connect_async (raw->session, msg, NULL, NULL, G_PRIORITY_DEFAULT,
                                        NULL, on_raw_connected, raw);
  return raw;
}

void
raw_client_free (RawClient *raw)
{
  if (raw == NULL)
    return;
  if (raw->connection != NULL)
    {
      g_signal_handlers_disconnect_by_data (raw->connection, raw);
      if (soup_websocket_connection_get_state (raw->connection) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (raw->connection, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
      g_clear_object (&raw->connection);
    }
  g_clear_object (&raw->session);
  g_clear_error (&raw->error);
  g_ptr_array_unref (raw->received);
  g_free (raw);
}

void
raw_client_send (RawClient  *raw,
                 const char *text)
{
  g_assert_nonnull (raw->connection);
  soup_websocket_connection_send_text (raw->connection, text);
}

static const char *
method_of (JsonNode *node)
{
  return json_object_get_string_member (json_node_get_object (node), "message");
}

guint
raw_client_count (RawClient  *raw,
                  const char *method)
{
  guint count = 0;

  for (guint i = 0; i < raw->received->len; i++)
    count += g_str_equal (method_of (g_ptr_array_index (raw->received, i)), method);
  return count;
}

JsonArray *
raw_client_last_data (RawClient  *raw,
                      const char *method)
{
  for (guint i = raw->received->len; i > 0; i--)
    {
      JsonNode *node = g_ptr_array_index (raw->received, i - 1);

      if (g_str_equal (method_of (node), method))
        return json_object_get_array_member (json_node_get_object (node), "data");
    }
  g_error ("no “%s” received", method);
}

/* data[0] of the last @method frame, as an object. */
JsonObject *
raw_client_last (RawClient  *raw,
                 const char *method)
{
  return json_array_get_object_element (raw_client_last_data (raw, method), 0);
}

/* ---- Fixture -------------------------------------------------------------------------- */

static void
on_requested (BeaconLocalServer  *server,
              BeaconLocalSession *session,
              const char         *media_session_id,
              const char         *name,
              const char         *offer_sdp,
              Fixture            *fixture)
{
  const char *signal = g_signal_name (g_signal_get_invocation_hint (server)->signal_id);

  g_assert_true (BEACON_IS_LOCAL_SESSION (session));
  g_ptr_array_add (fixture->requested,
                   g_strdup_printf ("%s %s",
                                    g_str_has_prefix (signal, "publish") ? "publish" : "play",
                                    name));
  g_free (fixture->last_id);
  fixture->last_id = g_strdup (media_session_id);
  g_free (fixture->last_offer);
  fixture->last_offer = g_strdup (offer_sdp);
}

static void
on_stream_ended (BeaconLocalServer *server,
                 const char        *media_session_id,
                 const char        *info,
                 Fixture           *fixture)
{
  g_ptr_array_add (fixture->ended, g_strdup_printf ("%s %s", media_session_id, info));
}

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->server = beacon_local_server_new ();
  beacon_local_server_set_server_version (fixture->server, "5.2.0-test");
  g_assert_true (beacon_local_server_start (fixture->server, &error));
  g_assert_no_error (error);
  fixture->url = beacon_local_server_dup_url (fixture->server);
  fixture->clients = g_ptr_array_new ();
  fixture->requested = g_ptr_array_new_with_free_func (g_free);
  fixture->ended = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (fixture->server, "publish-requested", G_CALLBACK (on_requested), fixture);
  g_signal_connect (fixture->server, "play-requested", G_CALLBACK (on_requested), fixture);
  g_signal_connect (fixture->server, "stream-ended", G_CALLBACK (on_stream_ended), fixture);
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  for (guint i = 0; i < fixture->clients->len; i++)
    {
      BeaconWcsClient *client = g_ptr_array_index (fixture->clients, i);

      beacon_wcs_client_disconnect (client);
      g_assert_finalize_object (client);
    }
  g_ptr_array_unref (fixture->clients);

  beacon_local_server_stop (fixture->server);
  g_assert_cmpuint (beacon_local_server_get_n_sessions (fixture->server), ==, 0);
  g_assert_finalize_object (fixture->server);
  g_ptr_array_unref (fixture->requested);
  g_ptr_array_unref (fixture->ended);
  g_free (fixture->url);
  g_free (fixture->last_id);
  g_free (fixture->last_offer);
}

BeaconWcsClient *
fixture_add_client (Fixture    *fixture,
                    const char *url)
{
  BeaconWcsClient *client = beacon_wcs_client_new (url ? url : fixture->url);

  g_ptr_array_add (fixture->clients, client);
  beacon_wcs_client_connect_async (client, NULL, NULL, NULL);
  return client;
}

gboolean
fixture_has_ended (Fixture    *fixture,
                   const char *media_session_id,
                   const char *info)
{
  g_autofree char *entry = g_strdup_printf ("%s %s", media_session_id, info);

  for (guint i = 0; i < fixture->ended->len; i++)
    if (g_str_equal (g_ptr_array_index (fixture->ended, i), entry))
      return TRUE;
  return FALSE;
}
