/* beacon-test-port.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* "@scheme://127.0.0.1:PORT@path" on a port that was free a moment ago and has nobody
 * listening now: for the "could not connect" paths, without guessing a port. */
static inline char *
beacon_test_dup_closed_url (const char *scheme,
                            const char *path)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  guint16 port;

  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);
  return g_strdup_printf ("%s://127.0.0.1:%u%s", scheme, port, path);
}

G_END_DECLS
