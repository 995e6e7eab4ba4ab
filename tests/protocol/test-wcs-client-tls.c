/* test-wcs-client-tls.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* wss:// with a self-signed certificate: refused with the certificate surfaced, accepted
 * once pinned, and refused again when a different certificate is pinned. The certificates
 * are made with openssl at run time when it is installed, else read from tests/fixtures. */

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "beacon-protocol-enums.h"
#include "beacon-wcs-client.h"
#include "beacon-wcs-error.h"
#include "wcs-fake-server.h"

typedef struct
{
  SoupServer      *server;
  GTlsCertificate *server_certificate;   /* with its key */
  GTlsCertificate *other_certificate;    /* a second self-signed one, no key */
  char            *url;
  char            *tmpdir;
  guint            n_connection_messages;
  BeaconWcsClient *client;
  GAsyncResult    *result;
} Fixture;

/* Writes a fresh self-signed certificate and key into @dir; FALSE if openssl is missing. */
static gboolean
make_certificate (const char  *dir,
                  const char  *stem,
                  char       **cert_path,
                  char       **key_path)
{
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (openssl == NULL)
    return FALSE;

  *cert_path = g_strdup_printf ("%s/%s-cert.pem", dir, stem);
  *key_path = g_strdup_printf ("%s/%s-key.pem", dir, stem);
  {
    const char *argv[] = { openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt",
                           "ec_paramgen_curve:prime256v1", "-nodes",
                           "-keyout", *key_path, "-out", *cert_path, "-days", "2",
                           "-subj", "/CN=localhost",
                           "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                  NULL, NULL, NULL, NULL, &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return TRUE;
}

static void
load_certificates (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cert = NULL;
  g_autofree char *key = NULL;
  g_autofree char *other_cert = NULL;
  g_autofree char *other_key = NULL;

  if (make_certificate (fixture->tmpdir, "server", &cert, &key) &&
      make_certificate (fixture->tmpdir, "other", &other_cert, &other_key))
    {
      fixture->server_certificate = g_tls_certificate_new_from_files (cert, key, &error);
      g_assert_no_error (error);
      fixture->other_certificate = g_tls_certificate_new_from_file (other_cert, &error);
      g_assert_no_error (error);
      return;
    }

  g_test_message ("no openssl: using the certificates in tests/fixtures");
  g_clear_pointer (&cert, g_free);
  g_clear_pointer (&other_cert, g_free);
  cert = g_build_filename (g_getenv ("BEACON_FIXTURES_DIR"), "tls-test-server.pem", NULL);
  other_cert = g_build_filename (g_getenv ("BEACON_FIXTURES_DIR"), "tls-test-other-cert.pem", NULL);
  fixture->server_certificate = g_tls_certificate_new_from_file (cert, &error);
  g_assert_no_error (error);
  fixture->other_certificate = g_tls_certificate_new_from_file (other_cert, &error);
  g_assert_no_error (error);
}

static void
on_message (SoupWebsocketConnection *connection,
            SoupWebsocketDataType    type,
            GBytes                  *message,
            Fixture                 *fixture)
{
  gsize length;
  const char *data = g_bytes_get_data (message, &length);

  if (g_strstr_len (data, length, "\"connection\"") == NULL)
    return;
  fixture->n_connection_messages++;
  soup_websocket_connection_send_text (connection,
                                       "{\"message\":\"getUserData\",\"data\":[{\"authToken\":"
                                       "\"tls-test\",\"status\":\"ESTABLISHED\"}]}");
}

static void
on_websocket (SoupServer              *server,
              SoupServerMessage       *msg,
              const char              *path,
              SoupWebsocketConnection *connection,
              gpointer                 user_data)
{
  /* The server keeps the connection alive as long as it is open. */
  g_object_set_data_full (G_OBJECT (server), "connection", g_object_ref (connection),
                          g_object_unref);
  g_signal_connect (connection, "message", G_CALLBACK (on_message), user_data);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;

  fixture->tmpdir = g_dir_make_tmp ("beacon-tls-XXXXXX", &error);
  g_assert_no_error (error);
  load_certificates (fixture);

  fixture->server = soup_server_new ("tls-certificate", fixture->server_certificate, NULL);
  soup_server_add_websocket_handler (fixture->server, "/", NULL, NULL, on_websocket,
                                     fixture, NULL);
  soup_server_listen_local (fixture->server, 0,
                            SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (fixture->server);
  fixture->url = g_strdup_printf ("wss://127.0.0.1:%d/", g_uri_get_port (uris->data));
  fixture->client = beacon_wcs_client_new (fixture->url);
}

static void
remove_file (const char *dir,
             const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_remove (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->result);   /* the task holds the client */
  g_assert_finalize_object (fixture->client);
  soup_server_disconnect (fixture->server);
  g_assert_finalize_object (fixture->server);
  g_clear_object (&fixture->server_certificate);
  g_clear_object (&fixture->other_certificate);
  remove_file (fixture->tmpdir, "server-cert.pem");
  remove_file (fixture->tmpdir, "server-key.pem");
  remove_file (fixture->tmpdir, "other-cert.pem");
  remove_file (fixture->tmpdir, "other-key.pem");
  g_rmdir (fixture->tmpdir);
  g_free (fixture->tmpdir);
  g_free (fixture->url);
}

static void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Fixture *fixture = user_data;

  fixture->result = g_object_ref (result);
}

static void
test_untrusted_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GTlsCertificate *seen;

  beacon_wcs_client_connect_async (fixture->client, NULL, on_connected, fixture);
  WAIT_FOR (fixture->result != NULL, "the wss:// connect to fail");

  g_assert_false (beacon_wcs_client_connect_finish (fixture->client, fixture->result, &error));
  g_assert_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_UNTRUSTED_CERTIFICATE);
  g_assert_nonnull (strstr (error->message, fixture->url));
  g_assert_cmpint (beacon_wcs_client_get_state (fixture->client), ==, BEACON_WCS_STATE_FAILED);

  seen = beacon_wcs_client_get_tls_certificate (fixture->client);
  g_assert_nonnull (seen);
  g_assert_true (g_tls_certificate_is_same (seen, fixture->server_certificate));
  g_assert_true (beacon_wcs_client_get_tls_errors (fixture->client) & G_TLS_CERTIFICATE_UNKNOWN_CA);
  g_assert_cmpuint (fixture->n_connection_messages, ==, 0);
}

static void
test_pinned_accepted (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) pin = NULL;
  g_autofree char *pem = NULL;

  /* Pinned the way the UI stores it: the PEM of the certificate alone, without a key. */
  g_object_get (fixture->server_certificate, "certificate-pem", &pem, NULL);
  pin = g_tls_certificate_new_from_pem (pem, -1, &error);
  g_assert_no_error (error);
  beacon_wcs_client_set_tls_pinned_certificate (fixture->client, pin);
  g_assert_true (beacon_wcs_client_get_tls_pinned_certificate (fixture->client) == pin);

  beacon_wcs_client_connect_async (fixture->client, NULL, on_connected, fixture);
  WAIT_FOR (fixture->result != NULL, "the wss:// connect to a pinned certificate to finish");

  g_assert_true (beacon_wcs_client_connect_finish (fixture->client, fixture->result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (beacon_wcs_client_get_state (fixture->client), ==,
                   BEACON_WCS_STATE_ESTABLISHED);
  g_assert_null (beacon_wcs_client_get_tls_certificate (fixture->client));
  g_assert_cmpuint (fixture->n_connection_messages, ==, 1);
  beacon_wcs_client_disconnect (fixture->client);
}

static void
test_other_pin_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  beacon_wcs_client_set_tls_pinned_certificate (fixture->client, fixture->other_certificate);
  beacon_wcs_client_connect_async (fixture->client, NULL, on_connected, fixture);
  WAIT_FOR (fixture->result != NULL, "the wss:// connect with the wrong pin to fail");

  g_assert_false (beacon_wcs_client_connect_finish (fixture->client, fixture->result, &error));
  g_assert_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_UNTRUSTED_CERTIFICATE);
  g_assert_true (g_tls_certificate_is_same (beacon_wcs_client_get_tls_certificate (fixture->client),
                                            fixture->server_certificate));
  g_assert_cmpuint (fixture->n_connection_messages, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/beacon/protocol/wcs-client-tls/untrusted-refused", Fixture, NULL,
              fixture_set_up, test_untrusted_refused, fixture_tear_down);
  g_test_add ("/beacon/protocol/wcs-client-tls/pinned-accepted", Fixture, NULL,
              fixture_set_up, test_pinned_accepted, fixture_tear_down);
  g_test_add ("/beacon/protocol/wcs-client-tls/other-pin-refused", Fixture, NULL,
              fixture_set_up, test_other_pin_refused, fixture_tear_down);

  return g_test_run ();
}
