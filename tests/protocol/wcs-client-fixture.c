/* wcs-client-fixture.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wcs-client-fixture.h"

static void
on_state (BeaconWcsClient *client,
          GParamSpec      *pspec,
          Fixture         *fixture)
{
  g_ptr_array_add (fixture->states,
                   g_strdup (g_enum_to_string (BEACON_TYPE_WCS_STATE,
                                               beacon_wcs_client_get_state (client))));
}

static void
on_protocol_warning (BeaconWcsClient *client,
                     const char      *text,
                     Fixture         *fixture)
{
  g_ptr_array_add (fixture->warnings, g_strdup (text));
}

void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Fixture *fixture = user_data;

  fixture->connect_result = g_object_ref (result);
}

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->server = wcs_fake_server_new (GPOINTER_TO_INT (data) != 0);
  fixture->client = beacon_wcs_client_new (wcs_fake_server_get_url (fixture->server));
  fixture->states = g_ptr_array_new_with_free_func (g_free);
  fixture->warnings = g_ptr_array_new_with_free_func (g_free);
  fixture->log = g_string_new (NULL);
  fixture->log2 = g_string_new (NULL);
  g_signal_connect (fixture->client, "notify::state", G_CALLBACK (on_state), fixture);
  g_signal_connect (fixture->client, "protocol-warning", G_CALLBACK (on_protocol_warning),
                    fixture);
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  beacon_wcs_client_disconnect (fixture->client);
  g_clear_object (&fixture->connect_result);
  g_assert_finalize_object (fixture->client);
  wcs_fake_server_free (fixture->server);
  g_ptr_array_unref (fixture->states);
  g_ptr_array_unref (fixture->warnings);
  g_string_free (fixture->log, TRUE);
  g_string_free (fixture->log2, TRUE);
}

/* A warning the client must log; anything unexpected is fatal under g_test_init. */
void
expect_warning (const char *pattern)
{
  g_test_expect_message ("beacon-wcs-client", G_LOG_LEVEL_WARNING, pattern);
}

const char *
sent_string (WcsFakeServer *server,
             const char    *method,
             const char    *member)
{
  return json_object_get_string_member (wcs_fake_server_last (server, method), member);
}

static void
on_stream_status (BeaconWcsStream      *stream,
                  BeaconWcsStreamStatus status,
                  const char           *info,
                  GString              *log)
{
  g_string_append_printf (log, "%s:%s;",
                          g_enum_to_string (BEACON_TYPE_WCS_STREAM_STATUS, status) +
                          strlen ("BEACON_WCS_STREAM_STATUS_"),
                          info ? info : "-");
}

BeaconWcsStream *
start_stream (Fixture            *fixture,
              BeaconWcsStreamKind kind,
              const char         *name,
              GString            *log)
{
  g_autoptr(GError) error = NULL;
  BeaconWcsStream *stream = beacon_wcs_stream_new (kind, name);
  const char *method = kind == BEACON_WCS_STREAM_KIND_PUBLISH ? "publishStream" : "playStream";
  guint before = wcs_fake_server_count (fixture->server, method);
  gboolean ok;

  g_signal_connect (stream, "status-changed", G_CALLBACK (on_stream_status), log);
  ok = kind == BEACON_WCS_STREAM_KIND_PUBLISH
       ? beacon_wcs_client_publish (fixture->client, stream, "v=0\r\noffer\r\n", &error)
       : beacon_wcs_client_play (fixture->client, stream, "v=0\r\noffer\r\n", &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpint (beacon_wcs_stream_get_status (stream), ==, BEACON_WCS_STREAM_STATUS_PENDING);
  for (gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
       wcs_fake_server_count (fixture->server, method) == before &&
       g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (wcs_fake_server_count (fixture->server, method), ==, before + 1);
  return stream;
}
