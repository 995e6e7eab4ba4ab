/* beacon-credentials.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A server's auth material (application key and custom JSON fields), kept in the user's
 * keyring under the server's origin, never in GSettings or logs. Without a keyring (a test
 * session, a bare desktop) nothing is kept and lookups find nothing: the reason is logged at
 * debug level only. */

/* Keeps @app_key and @custom_json for @url's server; with both %NULL or empty it forgets
 * them. Fire and forget. */
void     beacon_credentials_store         (const char          *url,
                                           const char          *app_key,
                                           const char          *custom_json);
void     beacon_credentials_lookup_async  (const char          *url,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* %TRUE with what was kept (either may be %NULL); %FALSE when nothing was kept or on
 * error, and then the out arguments are left alone. */
gboolean beacon_credentials_lookup_finish (GAsyncResult        *result,
                                           char               **app_key,
                                           char               **custom_json,
                                           GError             **error);

/* The REST API's address override, user name and password for @url's server, kept as one
 * keyring item beside the one above; all %NULL or empty forgets them. Fire and forget. */
void     beacon_credentials_store_rest         (const char          *url,
                                                const char          *rest_url,
                                                const char          *username,
                                                const char          *password);
void     beacon_credentials_lookup_rest_async  (const char          *url,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
/* As beacon_credentials_lookup_finish(), for what beacon_credentials_store_rest() kept. */
gboolean beacon_credentials_lookup_rest_finish (GAsyncResult        *result,
                                                char               **rest_url,
                                                char               **username,
                                                char               **password,
                                                GError             **error);

G_END_DECLS
