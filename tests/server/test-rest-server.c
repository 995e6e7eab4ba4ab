/* test-rest-server.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The REST API of `beacon-cli serve` end to end: real BeaconLocalServer + BeaconMediaRelay
 * + BeaconRestServer, real webrtcbin publishers, and the real BeaconWcsRest client reading
 * it over HTTP on 127.0.0.1. */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "beacon-local-server.h"
#include "beacon-media-relay.h"
#include "beacon-rest-server.h"
#include "beacon-test-wait.h"
#include "beacon-wcs-error.h"
#include "beacon-wcs-rest.h"
#include "relay-test-peer.h"

typedef struct
{
  BeaconLocalServer *server;
  BeaconMediaRelay  *relay;
  BeaconRestServer  *rest_server;
  BeaconWcsRest     *rest;
  SoupSession       *raw_session;
  char              *url;       /* the WebSocket */
  char              *rest_url;  /* http://127.0.0.1:port/rest-api/ */
} Fixture;

typedef struct
{
  gboolean   done;
  gboolean   ok;
  GPtrArray *streams;
  GError    *error;
  guint      status;            /* raw HTTP */
  char      *body;
  char      *allow;
} Outcome;

static void
outcome_clear (Outcome *outcome)
{
  g_clear_pointer (&outcome->streams, g_ptr_array_unref);
  g_clear_error (&outcome->error);
  g_clear_pointer (&outcome->body, g_free);
  g_clear_pointer (&outcome->allow, g_free);
  memset (outcome, 0, sizeof *outcome);
}

static void
on_found (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Outcome *outcome = user_data;

  if (g_task_get_source_tag (G_TASK (result)) == beacon_wcs_rest_find_all_async)
    outcome->streams = beacon_wcs_rest_find_all_finish (BEACON_WCS_REST (source), result,
                                                        &outcome->error);
  else
    outcome->streams = beacon_wcs_rest_find_finish (BEACON_WCS_REST (source), result,
                                                    &outcome->error);
  outcome->ok = outcome->streams != NULL;
  outcome->done = TRUE;
}

static void
on_terminated (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->ok = beacon_wcs_rest_terminate_finish (BEACON_WCS_REST (source), result,
                                                  &outcome->error);
  outcome->done = TRUE;
}

static void
on_raw_read (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Outcome *outcome = user_data;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result,
                                                               &outcome->error);

  if (bytes != NULL)
    {
      outcome->status = soup_message_get_status (msg);
      outcome->body = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      outcome->allow = g_strdup (soup_message_headers_get_one (
        soup_message_get_response_headers (msg), "Allow"));
    }
  outcome->done = TRUE;
}

/* One request below the client, for what the client never sends. */
static void
send_raw (Fixture    *fixture,
          const char *method,
          const char *path,
          const char *body,
          Outcome    *outcome)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u%s",
                                          beacon_rest_server_get_port (fixture->rest_server),
                                          path);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);

  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  soup_session_send_and_read_async (fixture->raw_session, msg, G_PRIORITY_DEFAULT, NULL, on_raw_read,
                                    outcome);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->server = beacon_local_server_new ();
  beacon_local_server_set_port (fixture->server, 0);
  g_assert_true (beacon_local_server_start (fixture->server, &error));
  g_assert_no_error (error);
  fixture->relay = beacon_media_relay_new (fixture->server);
  fixture->url = beacon_local_server_dup_url (fixture->server);

  fixture->rest_server = beacon_rest_server_new (fixture->server, fixture->relay);
  g_assert_null (beacon_rest_server_dup_url (fixture->rest_server));
  g_assert_true (beacon_rest_server_start (fixture->rest_server, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (beacon_rest_server_get_port (fixture->rest_server), >, 0);
  fixture->rest_url = beacon_rest_server_dup_url (fixture->rest_server);
  g_assert_true (g_str_has_prefix (fixture->rest_url, "http://127.0.0.1:"));
  g_assert_true (g_str_has_suffix (fixture->rest_url, "/rest-api/"));

  /* The derived address would be port 8081; this one is wherever port 0 landed. */
  fixture->rest = beacon_wcs_rest_new (fixture->url);
  beacon_wcs_rest_set_base_url (fixture->rest, fixture->rest_url);
  fixture->raw_session = soup_session_new ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->rest);
  g_assert_finalize_object (fixture->raw_session);
  beacon_rest_server_stop (fixture->rest_server);
  g_assert_cmpuint (beacon_rest_server_get_port (fixture->rest_server), ==, 0);
  g_assert_finalize_object (fixture->rest_server);
  beacon_local_server_stop (fixture->server);
  g_clear_object (&fixture->relay);
  g_clear_object (&fixture->server);
  g_free (fixture->url);
  g_free (fixture->rest_url);
}

static const BeaconWcsRestStream *
find_by_name (GPtrArray  *streams,
              const char *name)
{
  for (guint i = 0; i < streams->len; i++)
    {
      const BeaconWcsRestStream *stream = g_ptr_array_index (streams, i);

      if (g_strcmp0 (stream->name, name) == 0)
        return stream;
    }
  return NULL;
}

/* Nothing published: empty lists (WCS's 404), and every malformed call refused. */
static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  Outcome outcome = { 0 };

  beacon_wcs_rest_find_all_async (fixture->rest, NULL, on_found, &outcome);
  WAIT_FOR (outcome.done, "find_all to finish");
  g_assert_no_error (outcome.error);
  g_assert_cmpuint (outcome.streams->len, ==, 0);
  outcome_clear (&outcome);

  beacon_wcs_rest_find_async (fixture->rest, "cam1", TRUE, NULL, on_found, &outcome);
  WAIT_FOR (outcome.done, "find to finish");
  g_assert_no_error (outcome.error);
  g_assert_cmpuint (outcome.streams->len, ==, 0);
  outcome_clear (&outcome);

  beacon_wcs_rest_terminate_async (fixture->rest, "no-such-id", NULL, on_terminated, &outcome);
  WAIT_FOR (outcome.done, "terminate to finish");
  g_assert_error (outcome.error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_NOT_FOUND);
  outcome_clear (&outcome);

  /* The WebSDK's rest module asks find_all with a GET: allowed (404: nothing yet). */
  send_raw (fixture, "GET", "/rest-api/stream/find_all", NULL, &outcome);
  WAIT_FOR (outcome.done, "GET find_all");
  g_assert_cmpuint (outcome.status, ==, 404);
  outcome_clear (&outcome);

  send_raw (fixture, "PUT", "/rest-api/stream/find_all", "{}", &outcome);
  WAIT_FOR (outcome.done, "PUT find_all");
  g_assert_cmpuint (outcome.status, ==, 405);
  g_assert_cmpstr (outcome.allow, ==, "GET, POST");
  outcome_clear (&outcome);

  send_raw (fixture, "GET", "/rest-api/stream/terminate", NULL, &outcome);
  WAIT_FOR (outcome.done, "GET terminate");
  g_assert_cmpuint (outcome.status, ==, 405);
  g_assert_cmpstr (outcome.allow, ==, "POST");
  outcome_clear (&outcome);

  /* WCS's "500 - Query parameters error" (protocol-reference §10.7). */
  send_raw (fixture, "POST", "/rest-api/stream/find", "{\"name\":", &outcome);
  WAIT_FOR (outcome.done, "find with broken JSON");
  g_assert_cmpuint (outcome.status, ==, 500);
  outcome_clear (&outcome);

  send_raw (fixture, "POST", "/rest-api/stream/find", "[\"cam1\"]", &outcome);
  WAIT_FOR (outcome.done, "find with a list");
  g_assert_cmpuint (outcome.status, ==, 500);
  outcome_clear (&outcome);

  send_raw (fixture, "POST", "/rest-api/stream/find", "{\"name\":5}", &outcome);
  WAIT_FOR (outcome.done, "find with a number for a name");
  g_assert_cmpuint (outcome.status, ==, 500);
  g_assert_nonnull (strstr (outcome.body, "“name” should be a string"));
  outcome_clear (&outcome);

  send_raw (fixture, "POST", "/rest-api/stream/terminate", "{}", &outcome);
  WAIT_FOR (outcome.done, "terminate without an id");
  g_assert_cmpuint (outcome.status, ==, 500);
  outcome_clear (&outcome);

  send_raw (fixture, "POST", "/rest-api/stream/nothing", "{}", &outcome);
  WAIT_FOR (outcome.done, "an unknown method");
  g_assert_cmpuint (outcome.status, ==, 404);
  outcome_clear (&outcome);

  send_raw (fixture, "GET", "/?action=stat", NULL, &outcome);
  WAIT_FOR (outcome.done, "the stat report");
  g_assert_cmpuint (outcome.status, ==, 200);
  g_assert_true (g_str_has_prefix (outcome.body, "-----Connection Stats\nconnections=0\n"));
  g_assert_nonnull (strstr (outcome.body, "-----Streams Stats\nstreams_webrtc_in=0\n"));
  outcome_clear (&outcome);

  send_raw (fixture, "POST", "/?action=stat", "{}", &outcome);
  WAIT_FOR (outcome.done, "a POST of the stat report");
  g_assert_cmpuint (outcome.status, ==, 405);
  outcome_clear (&outcome);
}

/* Two publishers: both listed, one found by name with the relay's measurements, then
 * terminated: its publisher hears WCS's reason, and the list shrinks. */
static void
test_two_publishers (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TestPeer) first = test_peer_new_publisher (fixture->url, "H264", 320, 240);
  g_autoptr(TestPeer) second = test_peer_new_publisher (fixture->url, "VP8", 320, 240);
  const BeaconWcsRestStream *stream;
  Outcome outcome = { 0 };
  const char *first_id;

  test_peer_start (first, "cam1");
  test_peer_start (second, "cam2");
  WAIT_STATUS (first, BEACON_WCS_STREAM_STATUS_PUBLISHING);
  WAIT_STATUS (second, BEACON_WCS_STREAM_STATUS_PUBLISHING);
  first_id = beacon_wcs_stream_get_media_session_id (first->stream);

  beacon_wcs_rest_find_all_async (fixture->rest, NULL, on_found, &outcome);
  WAIT_FOR (outcome.done, "find_all to finish");
  g_assert_no_error (outcome.error);
  g_assert_cmpuint (outcome.streams->len, ==, 2);
  stream = find_by_name (outcome.streams, "cam1");
  g_assert_nonnull (stream);
  g_assert_cmpstr (stream->media_session_id, ==, first_id);
  g_assert_cmpint (stream->published, ==, TRUE);
  g_assert_cmpstr (stream->status, ==, "PUBLISHING");
  g_assert_cmpstr (stream->video_codec, ==, "H264");
  g_assert_cmpstr (stream->audio_codec, ==, "opus");
  g_assert_cmpstr (stream->media_provider, ==, "WebRTC");
  g_assert_cmpstr (stream->session_id, ==, beacon_wcs_client_get_auth_token (first->client));
  g_assert_cmpint (stream->create_date, >, 0);
  g_assert_false (stream->has_metrics);
  stream = find_by_name (outcome.streams, "cam2");
  g_assert_nonnull (stream);
  g_assert_cmpstr (stream->video_codec, ==, "VP8");
  outcome_clear (&outcome);

  /* Once the relay has measured (and told the publisher), find reports the same figures. */
  WAIT_FOR_FULL (first->rates->len >= 3, 10, "three rate reports for cam1");
  beacon_wcs_rest_find_async (fixture->rest, "cam1", BEACON_WCS_UNSET, NULL, on_found, &outcome);
  WAIT_FOR (outcome.done, "find to finish");
  g_assert_no_error (outcome.error);
  g_assert_cmpuint (outcome.streams->len, ==, 1);
  stream = g_ptr_array_index (outcome.streams, 0);
  g_assert_cmpstr (stream->media_session_id, ==, first_id);
  g_assert_true (stream->has_metrics);
  g_test_message ("cam1: %" G_GINT64_FORMAT " bps, %.0f fps", stream->video_rate,
                  stream->video_fps);
  g_assert_cmpint (stream->video_rate, >, 0);
  g_assert_cmpfloat (stream->video_fps, >, 20);
  g_assert_cmpint (stream->video_width, ==, 320);
  g_assert_cmpint (stream->video_height, ==, 240);
  g_assert_cmpint (stream->video_nack, >=, 0);
  g_assert_cmpint (stream->video_lost, >=, 0);
  g_assert_cmpstr (stream->metric_video_codec, ==, "H264");
  outcome_clear (&outcome);

  /* published:false matches neither publisher. */
  beacon_wcs_rest_find_async (fixture->rest, "cam1", FALSE, NULL, on_found, &outcome);
  WAIT_FOR (outcome.done, "find of players to finish");
  g_assert_no_error (outcome.error);
  g_assert_cmpuint (outcome.streams->len, ==, 0);
  outcome_clear (&outcome);

  beacon_wcs_rest_terminate_async (fixture->rest, first_id, NULL, on_terminated, &outcome);
  WAIT_FOR (outcome.done, "terminate to finish");
  g_assert_no_error (outcome.error);
  g_assert_true (outcome.ok);
  outcome_clear (&outcome);
  WAIT_STATUS (first, BEACON_WCS_STREAM_STATUS_UNPUBLISHED);
  g_assert_cmpstr (beacon_wcs_stream_get_info (first->stream), ==, "Stopped by rest /terminate");
  g_assert_cmpint (test_peer_get_status (second), ==, BEACON_WCS_STREAM_STATUS_PUBLISHING);

  beacon_wcs_rest_find_all_async (fixture->rest, NULL, on_found, &outcome);
  WAIT_FOR (outcome.done, "find_all after terminate");
  g_assert_no_error (outcome.error);
  g_assert_cmpuint (outcome.streams->len, ==, 1);
  g_assert_cmpstr (((BeaconWcsRestStream *) g_ptr_array_index (outcome.streams, 0))->name, ==,
                   "cam2");
  outcome_clear (&outcome);

  send_raw (fixture, "GET", "/?action=stat", NULL, &outcome);
  WAIT_FOR (outcome.done, "the stat report");
  g_assert_nonnull (strstr (outcome.body, "streams_webrtc_in=1\n"));
  outcome_clear (&outcome);
}

int
main (int   argc,
      char *argv[])
{
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

  if (!beacon_media_relay_check_elements (NULL))
    {
      g_printerr ("GStreamer plugins for WebRTC are missing\n");
      return 1;
    }
  g_test_add ("/beacon/server/rest-server/empty", Fixture, NULL, fixture_set_up, test_empty,
              fixture_tear_down);
  g_test_add ("/beacon/server/rest-server/two-publishers", Fixture, NULL, fixture_set_up,
              test_two_publishers, fixture_tear_down);
  return g_test_run ();
}
