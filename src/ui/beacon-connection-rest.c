/* beacon-connection-rest.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-connection"

#include "config.h"

#include "beacon-connection-private.h"
#include "beacon-credentials.h"
#include "beacon-wcs-rest.h"

/* The REST API beside the WebSocket session (the Server view's list): where it is and how
 * to log in to it. The local test server runs one in-process; a remote server's is found
 * from its WebSocket address unless the user gave another, with credentials from the
 * keyring. */

static void
set_field (BeaconConnection  *self,
           char             **field,
           const char        *value,
           guint              prop_id)
{
  /* Empty means unset: a cleared entry row is no user name. */
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  _beacon_connection_notify (self, prop_id);
}

/* All three, then the notifications: whoever listens sees the new settings whole. */
static void
apply (BeaconConnection *self,
       const char       *url_override,
       const char       *username,
       const char       *password)
{
  g_object_freeze_notify (G_OBJECT (self));
  set_field (self, &self->rest_username, username, PROP_REST_USERNAME);
  set_field (self, &self->rest_password, password, PROP_REST_PASSWORD);
  set_field (self, &self->rest_url_override, url_override, PROP_REST_URL_OVERRIDE);
  _beacon_connection_update_rest_url (self);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
on_rest_looked_up (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  BeaconConnection *self = user_data;   /* alive: dispose cancels the lookup */
  g_autoptr(GError) error = NULL;
  g_autofree char *url_override = NULL;
  g_autofree char *username = NULL;
  g_autofree char *password = NULL;

  if (!beacon_credentials_lookup_rest_finish (result, &url_override, &username, &password,
                                              &error))
    return;   /* nothing kept, no keyring, or another server by now (cancelled) */
  g_debug ("REST settings for %s from the keyring", self->url);
  apply (self, url_override, username, password);
}

gboolean
_beacon_connection_start_rest_server (BeaconConnection  *self,
                                      GError           **error)
{
  g_assert (self->server != NULL);
  g_assert (self->rest_server == NULL);

  self->rest_server = beacon_rest_server_new (self->server, self->relay);
  if (!beacon_rest_server_start (self->rest_server, 0, "127.0.0.1", error))
    {
      g_clear_object (&self->rest_server);
      return FALSE;
    }
  return TRUE;
}

void
_beacon_connection_stop_rest_server (BeaconConnection *self)
{
  if (self->rest_server == NULL)
    return;
  beacon_rest_server_stop (self->rest_server);
  g_clear_object (&self->rest_server);
}

void
_beacon_connection_load_rest (BeaconConnection *self)
{
  g_cancellable_cancel (self->rest_lookup);
  g_clear_object (&self->rest_lookup);
  apply (self, NULL, NULL, NULL);

  if (self->is_local || self->url == NULL)
    return;
  self->rest_lookup = g_cancellable_new ();
  beacon_credentials_lookup_rest_async (self->url, self->rest_lookup, on_rest_looked_up, self);
}

void
_beacon_connection_update_rest_url (BeaconConnection *self)
{
  g_autofree char *rest_url = NULL;

  if (self->client == NULL)
    rest_url = NULL;   /* no session, no server to ask */
  else if (self->is_local)
    rest_url = self->rest_server != NULL ? beacon_rest_server_dup_url (self->rest_server) : NULL;
  else if (self->rest_url_override != NULL)
    rest_url = g_strdup (self->rest_url_override);
  else if (self->url != NULL)
    rest_url = beacon_wcs_rest_derive_base_url (self->url);

  if (g_strcmp0 (rest_url, self->rest_url) == 0)
    return;
  g_free (self->rest_url);
  self->rest_url = g_steal_pointer (&rest_url);
  g_debug ("REST API at %s", self->rest_url);
  _beacon_connection_notify (self, PROP_REST_URL);
}

void
_beacon_connection_clear_rest (BeaconConnection *self)
{
  g_cancellable_cancel (self->rest_lookup);
  g_clear_object (&self->rest_lookup);
  g_clear_pointer (&self->rest_url, g_free);
  g_clear_pointer (&self->rest_url_override, g_free);
  g_clear_pointer (&self->rest_username, g_free);
  g_clear_pointer (&self->rest_password, g_free);
}

const char *
beacon_connection_get_rest_url (BeaconConnection *self)
{
  g_return_val_if_fail (BEACON_IS_CONNECTION (self), NULL);

  return self->rest_url;
}

const char *
beacon_connection_get_rest_url_override (BeaconConnection *self)
{
  g_return_val_if_fail (BEACON_IS_CONNECTION (self), NULL);

  return self->rest_url_override;
}

const char *
beacon_connection_get_rest_username (BeaconConnection *self)
{
  g_return_val_if_fail (BEACON_IS_CONNECTION (self), NULL);

  return self->rest_username;
}

const char *
beacon_connection_get_rest_password (BeaconConnection *self)
{
  g_return_val_if_fail (BEACON_IS_CONNECTION (self), NULL);

  return self->rest_password;
}

void
beacon_connection_set_rest_settings (BeaconConnection *self,
                                     const char       *url_override,
                                     const char       *username,
                                     const char       *password)
{
  g_return_if_fail (BEACON_IS_CONNECTION (self));

  if (self->is_local || self->url == NULL)
    return;
  /* A keyring answer still on its way would undo what the user just typed. */
  g_cancellable_cancel (self->rest_lookup);
  g_clear_object (&self->rest_lookup);
  apply (self, url_override, username, password);
  beacon_credentials_store_rest (self->url, self->rest_url_override, self->rest_username,
                                 self->rest_password);
}
