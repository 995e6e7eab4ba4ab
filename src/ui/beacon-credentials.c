/* beacon-credentials.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-credentials"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libsecret/secret.h>

#include "beacon-connection.h"
#include "beacon-credentials.h"

/* What one keyring item holds: a JSON object of up to three strings. */
#define MAX_MEMBERS 3

typedef enum
{
  ITEM_AUTH,   /* the WebSocket session's app key and custom fields */
  ITEM_REST,   /* the REST API's address override and basic auth */
} ItemKind;

typedef struct
{
  ItemKind  kind;
  char     *values[MAX_MEMBERS];
} Found;

static const char * const members[][MAX_MEMBERS] = {
  [ITEM_AUTH] = { "app-key", "custom", NULL },
  [ITEM_REST] = { "rest-url", "user", "password" },
};

static void
found_free (Found *found)
{
  for (guint i = 0; i < MAX_MEMBERS; i++)
    g_free (found->values[i]);
  g_free (found);
}

/* One keyring item per server origin ("wss://host:port") and kind, so that the path of the
 * URL does not matter. The kinds use different attribute names: the schema name is not
 * matched, so a shared name would let one kind's lookup find the other's item. */
static const SecretSchema *
get_schema (ItemKind kind)
{
  static const SecretSchema schemas[] = {
    [ITEM_AUTH] = {
      BASE_ID ".Credentials", SECRET_SCHEMA_DONT_MATCH_NAME,
      {
        { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
        { NULL, 0 },
      },
    },
    [ITEM_REST] = {
      BASE_ID ".RestCredentials", SECRET_SCHEMA_DONT_MATCH_NAME,
      {
        { "rest-server", SECRET_SCHEMA_ATTRIBUTE_STRING },
        { NULL, 0 },
      },
    },
  };

  return &schemas[kind];
}

static const char *
attribute_name (ItemKind kind)
{
  return get_schema (kind)->attributes[0].name;
}

static void
on_stored (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_debug ("The keyring did not keep the credentials: %s", error->message);
}

static void
on_cleared (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!secret_password_clear_finish (result, &error) && error != NULL)
    g_debug ("The keyring did not forget the credentials: %s", error->message);
}

static void
store_item (ItemKind    kind,
            const char *url,
            const char *values[MAX_MEMBERS])
{
  g_autofree char *origin = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *label = NULL;
  gboolean empty = TRUE;

  if (!(origin = beacon_connection_dup_origin (url)))
    return;
  for (guint i = 0; i < MAX_MEMBERS; i++)
    if (members[kind][i] != NULL && values[i] != NULL && *values[i] != '\0')
      empty = FALSE;
  if (empty)
    {
      secret_password_clear (get_schema (kind), NULL, on_cleared, NULL,
                             attribute_name (kind), origin, NULL);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  for (guint i = 0; i < MAX_MEMBERS && members[kind][i] != NULL; i++)
    {
      json_builder_set_member_name (builder, members[kind][i]);
      json_builder_add_string_value (builder, values[i] ? values[i] : "");
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  secret = json_to_string (root, FALSE);

  if (kind == ITEM_AUTH)
    /* Translators: the name of a keyring item; %s is a server address */
    label = g_strdup_printf (_("Beacon credentials for %s"), origin);
  else
    /* Translators: the name of a keyring item; %s is a server address */
    label = g_strdup_printf (_("Beacon REST API credentials for %s"), origin);
  secret_password_store (get_schema (kind), SECRET_COLLECTION_DEFAULT, label, secret, NULL,
                         on_stored, NULL, attribute_name (kind), origin, NULL);
}

static void
on_looked_up (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ItemKind kind = GPOINTER_TO_INT (g_task_get_task_data (task));
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = secret_password_lookup_finish (result, &error);
  JsonObject *object;
  Found *found;

  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No credentials from the keyring: %s", error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (secret == NULL || !json_parser_load_from_data (parser, secret, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  object = json_node_get_object (json_parser_get_root (parser));
  found = g_new0 (Found, 1);
  found->kind = kind;
  for (guint i = 0; i < MAX_MEMBERS && members[kind][i] != NULL; i++)
    found->values[i] = g_strdup (json_object_get_string_member_with_default (object,
                                                                             members[kind][i],
                                                                             NULL));
  g_task_return_pointer (task, found, (GDestroyNotify) found_free);
}

static void
lookup_item (ItemKind             kind,
             const char          *url,
             gpointer             source_tag,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *origin = NULL;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, GINT_TO_POINTER (kind), NULL);
  if (!(origin = beacon_connection_dup_origin (url)))
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  secret_password_lookup (get_schema (kind), cancellable, on_looked_up, g_steal_pointer (&task),
                          attribute_name (kind), origin, NULL);
}

/* NULL without an error: nothing is kept for that server. */
static gboolean
lookup_finish (GAsyncResult  *result,
               ItemKind       kind,
               char         **out[MAX_MEMBERS],
               GError       **error)
{
  Found *found;

  if (!(found = g_task_propagate_pointer (G_TASK (result), error)))
    return FALSE;
  g_assert (found->kind == kind);
  for (guint i = 0; i < MAX_MEMBERS; i++)
    if (out[i] != NULL)
      *out[i] = g_steal_pointer (&found->values[i]);
  found_free (found);
  return TRUE;
}

void
beacon_credentials_store (const char *url,
                          const char *app_key,
                          const char *custom_json)
{
  const char *values[MAX_MEMBERS] = { app_key, custom_json, NULL };

  g_return_if_fail (url != NULL);

  store_item (ITEM_AUTH, url, values);
}

void
beacon_credentials_lookup_async (const char          *url,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (url != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  lookup_item (ITEM_AUTH, url, beacon_credentials_lookup_async, cancellable, callback,
               user_data);
}

gboolean
beacon_credentials_lookup_finish (GAsyncResult  *result,
                                  char         **app_key,
                                  char         **custom_json,
                                  GError       **error)
{
  char **out[MAX_MEMBERS] = { app_key, custom_json, NULL };

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return lookup_finish (result, ITEM_AUTH, out, error);
}

void
beacon_credentials_store_rest (const char *url,
                               const char *rest_url,
                               const char *username,
                               const char *password)
{
  const char *values[MAX_MEMBERS] = { rest_url, username, password };

  g_return_if_fail (url != NULL);

  store_item (ITEM_REST, url, values);
}

void
beacon_credentials_lookup_rest_async (const char          *url,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (url != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  lookup_item (ITEM_REST, url, beacon_credentials_lookup_rest_async, cancellable, callback,
               user_data);
}

gboolean
beacon_credentials_lookup_rest_finish (GAsyncResult  *result,
                                       char         **rest_url,
                                       char         **username,
                                       char         **password,
                                       GError       **error)
{
  char **out[MAX_MEMBERS] = { rest_url, username, password };

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return lookup_finish (result, ITEM_REST, out, error);
}
