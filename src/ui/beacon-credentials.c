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

typedef struct
{
  char *app_key;
  char *custom_json;
} Found;

static void
found_free (Found *found)
{
  g_free (found->app_key);
  g_free (found->custom_json);
  g_free (found);
}

/* One keyring item per server origin ("wss://host:port"), so that the path of the URL does
 * not matter. */
static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    BASE_ID ".Credentials", SECRET_SCHEMA_DONT_MATCH_NAME,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
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

void
beacon_credentials_store (const char *url,
                          const char *app_key,
                          const char *custom_json)
{
  g_autofree char *origin = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (url != NULL);

  if (!(origin = beacon_connection_dup_origin (url)))
    return;
  if ((app_key == NULL || *app_key == '\0') && (custom_json == NULL || *custom_json == '\0'))
    {
      secret_password_clear (get_schema (), NULL, on_cleared, NULL, "server", origin, NULL);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "app-key");
  json_builder_add_string_value (builder, app_key ? app_key : "");
  json_builder_set_member_name (builder, "custom");
  json_builder_add_string_value (builder, custom_json ? custom_json : "");
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  secret = json_to_string (root, FALSE);

  /* Translators: the name of a keyring item; %s is a server address */
  label = g_strdup_printf (_("Beacon credentials for %s"), origin);
  secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT, label, secret, NULL,
                         on_stored, NULL, "server", origin, NULL);
}

static void
on_looked_up (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
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
  found->app_key = g_strdup (json_object_get_string_member_with_default (object, "app-key", NULL));
  found->custom_json = g_strdup (json_object_get_string_member_with_default (object, "custom", NULL));
  g_task_return_pointer (task, found, (GDestroyNotify) found_free);
}

void
beacon_credentials_lookup_async (const char          *url,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *origin = NULL;

  g_return_if_fail (url != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, beacon_credentials_lookup_async);
  if (!(origin = beacon_connection_dup_origin (url)))
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  secret_password_lookup (get_schema (), cancellable, on_looked_up, g_steal_pointer (&task),
                          "server", origin, NULL);
}

gboolean
beacon_credentials_lookup_finish (GAsyncResult  *result,
                                  char         **app_key,
                                  char         **custom_json,
                                  GError       **error)
{
  Found *found;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  /* NULL without an error: nothing is kept for that server. */
  if (!(found = g_task_propagate_pointer (G_TASK (result), error)))
    return FALSE;
  if (app_key != NULL)
    *app_key = g_steal_pointer (&found->app_key);
  if (custom_json != NULL)
    *custom_json = g_steal_pointer (&found->custom_json);
  found_free (found);
  return TRUE;
}
