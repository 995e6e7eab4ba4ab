/* wcs-fake-server.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "beacon-test-wait.h"   /* WAIT_FOR, for every test that uses this server */

G_BEGIN_DECLS

/* A scripted WCS peer for protocol edge cases: a real SoupServer WebSocket on
 * 127.0.0.1 that records what the client sends and sends what the test tells it to. */

typedef struct _WcsFakeServer WcsFakeServer;

WcsFakeServer *wcs_fake_server_new            (gboolean       auto_establish);
void           wcs_fake_server_free           (WcsFakeServer *server);
const char    *wcs_fake_server_get_url        (WcsFakeServer *server);
gboolean       wcs_fake_server_is_connected   (WcsFakeServer *server);
guint          wcs_fake_server_count          (WcsFakeServer *server,
                                               const char    *method);
JsonObject    *wcs_fake_server_last           (WcsFakeServer *server,
                                               const char    *method);
JsonNode      *wcs_fake_server_last_data      (WcsFakeServer *server,
                                               const char    *method);
void           wcs_fake_server_send           (WcsFakeServer *server,
                                               const char    *text);
void           wcs_fake_server_send_printf    (WcsFakeServer *server,
                                               const char    *format,
                                               ...) G_GNUC_PRINTF (2, 3);
void           wcs_fake_server_send_binary    (WcsFakeServer *server,
                                               gsize          length);
void           wcs_fake_server_close          (WcsFakeServer *server,
                                               gushort        code);
void           wcs_fake_server_abort          (WcsFakeServer *server);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WcsFakeServer, wcs_fake_server_free)

/* Spins the main context for @ms without waiting on any condition: only for checking
 * that something does NOT happen within a window. */
void     wcs_fake_server_spin  (guint ms);

G_END_DECLS
