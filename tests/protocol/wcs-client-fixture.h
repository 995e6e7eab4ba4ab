/* wcs-client-fixture.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "beacon-protocol-enums.h"
#include "beacon-wcs-client.h"
#include "beacon-wcs-error.h"
#include "wcs-fake-server.h"

G_BEGIN_DECLS

/* A BeaconWcsClient wired to a WcsFakeServer, shared by the client test files. */

typedef struct
{
  WcsFakeServer   *server;
  BeaconWcsClient *client;
  GPtrArray       *states;      /* every state the client went through */
  GPtrArray       *warnings;    /* protocol-warning texts */
  GAsyncResult    *connect_result;
  GString         *log;         /* status-changed of the test's streams; outlives them */
  GString         *log2;
} Fixture;

void             fixture_set_up    (Fixture            *fixture,
                                    gconstpointer       data);
void             fixture_tear_down (Fixture            *fixture,
                                    gconstpointer       data);
void             on_connected      (GObject            *source,
                                    GAsyncResult       *result,
                                    gpointer            user_data);
void             expect_warning    (const char         *pattern);
const char      *sent_string       (WcsFakeServer      *server,
                                    const char         *method,
                                    const char         *member);
BeaconWcsStream *start_stream      (Fixture            *fixture,
                                    BeaconWcsStreamKind kind,
                                    const char         *name,
                                    GString            *log);

#define CONNECT(fixture)                                                                  \
  G_STMT_START {                                                                          \
    g_autoptr(GError) connect_error_ = NULL;                                              \
    beacon_wcs_client_connect_async ((fixture)->client, NULL, on_connected, (fixture));   \
    WAIT_FOR ((fixture)->connect_result != NULL, "the connect call to complete");         \
    g_assert_true (beacon_wcs_client_connect_finish ((fixture)->client,                   \
                                                     (fixture)->connect_result,           \
                                                     &connect_error_));                   \
    g_assert_no_error (connect_error_);                                                   \
  } G_STMT_END

#define ADD_CLIENT_TEST(path, func) \
  g_test_add ("/beacon/protocol/wcs-client/" path, Fixture, GINT_TO_POINTER (TRUE), \
              fixture_set_up, func, fixture_tear_down)

G_END_DECLS
