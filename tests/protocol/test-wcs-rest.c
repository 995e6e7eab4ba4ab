/* test-wcs-rest.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* BeaconWcsRest against a scripted HTTP server on 127.0.0.1: the answers a real WCS gives
 * (numbers as strings, 404 for "nothing"), and the bad ones it should never give. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "beacon-test-port.h"
#include "beacon-test-wait.h"
#include "beacon-wcs-error.h"
#include "beacon-wcs-rest.h"

typedef struct
{
  SoupServer *server;
  char       *base_url;

  /* What to answer */
  guint       status;
  const char *body;

  /* What was asked */
  guint       n_requests;
  char       *method;
  char       *path;
  char       *request_body;
  char       *authorization;
} Fixture;

typedef struct
{
  gboolean   done;
  GPtrArray *streams;
  gboolean   ok;
  GError    *error;
} Outcome;

/* Two streams as a WCS 5.2 answers /stream/find: a publisher with metrics, some numbers
 * and booleans as strings, a codec metric as WCS's internal id; and a player. */
static const char two_streams[] =
  "[{\"appKey\":\"defaultApp\",\"sessionId\":\"/127.0.0.1:50000/127.0.0.1:8443\","
  "\"mediaSessionId\":\"pub-1\",\"name\":\"cam1\",\"published\":\"true\",\"hasVideo\":true,"
  "\"status\":\"PUBLISHING\",\"info\":\"\",\"audioCodec\":\"opus\",\"videoCodec\":\"H264\","
  "\"width\":\"640\",\"height\":360,\"createDate\":1616730493789,\"mediaType\":\"publish\","
  "\"mediaProvider\":\"WebRTC\",\"sdp\":null,\"metrics\":{\"VIDEO_WIDTH\":640,"
  "\"VIDEO_HEIGHT\":\"360\",\"VIDEO_RATE\":\"1187440\",\"VIDEO_FPS\":\"29.5\",\"VIDEO_NACK\":3,"
  "\"VIDEO_PLI\":0,\"VIDEO_LOST\":\"7\",\"VIDEO_K_FRAMES\":22,\"VIDEO_CODEC\":119,"
  "\"AUDIO_RATE\":31832,\"AUDIO_CODEC\":\"opus\",\"VIDEO_SYNC\":43688}},"
  "{\"mediaSessionId\":\"play-1\",\"name\":\"cam1\",\"published\":false,"
  "\"status\":\"PLAYING\",\"createDate\":\"1616730500000\",\"mediaProvider\":\"WebRTC\"}]";

static void
on_request (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));

  fixture->n_requests++;
  g_free (fixture->method);
  fixture->method = g_strdup (soup_server_message_get_method (msg));
  g_free (fixture->path);
  fixture->path = g_strdup (path);
  g_free (fixture->request_body);
  fixture->request_body = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  g_free (fixture->authorization);
  fixture->authorization = g_strdup (soup_message_headers_get_one (
    soup_server_message_get_request_headers (msg), "Authorization"));

  soup_server_message_set_status (msg, fixture->status, NULL);
  if (fixture->body != NULL)
    soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                      fixture->body, strlen (fixture->body));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  GSList *listeners;

  fixture->status = SOUP_STATUS_OK;
  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, on_request, fixture, NULL);
  g_assert_true (soup_server_listen (fixture->server, address, 0, &error));
  g_assert_no_error (error);
  listeners = soup_server_get_listeners (fixture->server);
  bound = g_socket_get_local_address (listeners->data, &error);
  g_assert_no_error (error);
  g_slist_free (listeners);
  fixture->base_url = g_strdup_printf ("http://127.0.0.1:%u",
                                       g_inet_socket_address_get_port (
                                         G_INET_SOCKET_ADDRESS (bound)));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  soup_server_disconnect (fixture->server);
  g_assert_finalize_object (fixture->server);
  g_free (fixture->base_url);
  g_free (fixture->method);
  g_free (fixture->path);
  g_free (fixture->request_body);
  g_free (fixture->authorization);
}

static void
outcome_clear (Outcome *outcome)
{
  g_clear_pointer (&outcome->streams, g_ptr_array_unref);
  g_clear_error (&outcome->error);
  outcome->done = FALSE;
  outcome->ok = FALSE;
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

static BeaconWcsRest *
new_client (Fixture *fixture)
{
  BeaconWcsRest *rest = beacon_wcs_rest_new (fixture->base_url);

  g_assert_cmpstr (beacon_wcs_rest_get_base_url (rest), ==, fixture->base_url);
  return rest;
}

static void
on_notify_count (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_base_url (void)
{
  static const struct { const char *ws_url; const char *base_url; } cases[] = {
    { "ws://example.com:8080/", "http://example.com:8081" },
    { "ws://example.com:8080/abcdefgh", "http://example.com:8081" },
    { "wss://demo.example.com:8443", "https://demo.example.com:8444" },
    { "WSS://demo.example.com", "https://demo.example.com:8444" },
    { "ws://[::1]:8080/", "http://[::1]:8081" },
    { "http://10.0.0.1:9000/rest-api/", "http://10.0.0.1:9000" },
    { "https://10.0.0.1", "https://10.0.0.1" },
    { "ftp://example.com/", NULL },
    { "not an address", NULL },
  };
  g_autoptr(BeaconWcsRest) rest = NULL;
  guint notified = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BeaconWcsRest) client = beacon_wcs_rest_new (cases[i].ws_url);

      g_assert_cmpstr (beacon_wcs_rest_get_base_url (client), ==, cases[i].base_url);
    }

  rest = beacon_wcs_rest_new ("ws://example.com:8080/");
  g_signal_connect (rest, "notify::base-url", G_CALLBACK (on_notify_count), &notified);
  beacon_wcs_rest_set_base_url (rest, "http://rest.example.com:9999/rest-api");
  g_assert_cmpstr (beacon_wcs_rest_get_base_url (rest), ==, "http://rest.example.com:9999");
  beacon_wcs_rest_set_base_url (rest, "http://rest.example.com:9999/");
  g_assert_cmpuint (notified, ==, 1);
  g_object_set (rest, "base-url", "https://other.example.com", NULL);
  g_assert_cmpstr (beacon_wcs_rest_get_base_url (rest), ==, "https://other.example.com");
  g_assert_cmpuint (notified, ==, 2);
}

/* Without an address nothing is sent, and the error says what is wrong. */
static void
test_bad_address (void)
{
  g_autoptr(BeaconWcsRest) rest = beacon_wcs_rest_new ("not an address");
  Outcome outcome = { 0 };

  beacon_wcs_rest_find_all_async (rest, NULL, on_found, &outcome);
  WAIT_FOR (outcome.done, "find_all to fail");
  g_assert_error (outcome.error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_BAD_URL);
  outcome_clear (&outcome);
  g_assert_finalize_object (g_steal_pointer (&rest));
}

static void
test_find_all (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(BeaconWcsRest) rest = new_client (fixture);
  const BeaconWcsRestStream *stream;
  Outcome outcome = { 0 };

  fixture->body = two_streams;
  beacon_wcs_rest_find_all_async (rest, NULL, on_found, &outcome);
  WAIT_FOR (outcome.done, "find_all to finish");
  g_assert_no_error (outcome.error);
  g_assert_cmpstr (fixture->method, ==, "POST");
  g_assert_cmpstr (fixture->path, ==, "/rest-api/stream/find_all");
  g_assert_cmpstr (fixture->request_body, ==, "{}");
  g_assert_null (fixture->authorization);

  g_assert_cmpuint (outcome.streams->len, ==, 2);
  stream = g_ptr_array_index (outcome.streams, 0);
  g_assert_cmpstr (stream->media_session_id, ==, "pub-1");
  g_assert_cmpstr (stream->name, ==, "cam1");
  g_assert_cmpint (stream->published, ==, TRUE);
  g_assert_cmpstr (stream->status, ==, "PUBLISHING");
  g_assert_cmpstr (stream->info, ==, "");
  g_assert_cmpstr (stream->audio_codec, ==, "opus");
  g_assert_cmpstr (stream->video_codec, ==, "H264");
  g_assert_cmpint (stream->width, ==, 640);
  g_assert_cmpint (stream->height, ==, 360);
  g_assert_cmpint (stream->create_date, ==, G_GINT64_CONSTANT (1616730493789));
  g_assert_cmpstr (stream->session_id, ==, "/127.0.0.1:50000/127.0.0.1:8443");
  g_assert_cmpstr (stream->media_provider, ==, "WebRTC");
  g_assert_true (stream->has_metrics);
  g_assert_cmpint (stream->video_width, ==, 640);
  g_assert_cmpint (stream->video_height, ==, 360);
  g_assert_cmpint (stream->video_rate, ==, 1187440);
  g_assert_cmpfloat_with_epsilon (stream->video_fps, 29.5, 0.001);
  g_assert_cmpint (stream->video_nack, ==, 3);
  g_assert_cmpint (stream->video_pli, ==, 0);
  g_assert_cmpint (stream->video_lost, ==, 7);
  g_assert_cmpint (stream->video_k_frames, ==, 22);
  g_assert_cmpint (stream->audio_rate, ==, 31832);
  g_assert_cmpstr (stream->metric_video_codec, ==, "119");
  g_assert_cmpstr (stream->metric_audio_codec, ==, "opus");

  /* What the answer did not carry stays unset. */
  stream = g_ptr_array_index (outcome.streams, 1);
  g_assert_cmpint (stream->published, ==, FALSE);
  g_assert_cmpint (stream->create_date, ==, G_GINT64_CONSTANT (1616730500000));
  g_assert_null (stream->video_codec);
  g_assert_cmpint (stream->width, ==, BEACON_WCS_UNSET);
  g_assert_false (stream->has_metrics);
  g_assert_cmpint (stream->video_rate, ==, BEACON_WCS_UNSET);
  g_assert_cmpfloat (stream->video_fps, <, 0);

  {
    g_autoptr(BeaconWcsRestStream) copy = beacon_wcs_rest_stream_copy (stream);

    g_assert_cmpstr (copy->media_session_id, ==, "play-1");
  }
  outcome_clear (&outcome);
  g_assert_finalize_object (g_steal_pointer (&rest));
}

static void
test_find (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(BeaconWcsRest) rest = new_client (fixture);
  g_autoptr(JsonNode) sent = NULL;
  JsonObject *query;
  JsonArray *display;
  Outcome outcome = { 0 };

  fixture->body = two_streams;
  beacon_wcs_rest_find_async (rest, "cam1", TRUE, NULL, on_found, &outcome);
  WAIT_FOR (outcome.done, "find to finish");
  g_assert_no_error (outcome.error);
  g_assert_cmpuint (outcome.streams->len, ==, 2);
  g_assert_cmpstr (fixture->method, ==, "POST");
  g_assert_cmpstr (fixture->path, ==, "/rest-api/stream/find");

  sent = json_from_string (fixture->request_body, NULL);
  g_assert_nonnull (sent);
  query = json_node_get_object (sent);
  g_assert_cmpstr (json_object_get_string_member (query, "name"), ==, "cam1");
  g_assert_true (json_object_get_boolean_member (query, "published"));
  display = json_object_get_array_member (query, "display");
  g_assert_cmpuint (json_array_get_length (display), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (display, 0), ==, "metrics");
  outcome_clear (&outcome);

  /* No filter: only the display request. */
  beacon_wcs_rest_find_async (rest, NULL, BEACON_WCS_UNSET, NULL, on_found, &outcome);
  WAIT_FOR (outcome.done, "the unfiltered find to finish");
  g_assert_no_error (outcome.error);
  g_assert_cmpstr (fixture->request_body, ==, "{\"display\":[\"metrics\"]}");
  outcome_clear (&outcome);
}

/* WCS answers 404 when nothing matches: an empty list for the searches, a clear error
 * for terminate. */
static void
test_not_found (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(BeaconWcsRest) rest = new_client (fixture);
  Outcome outcome = { 0 };

  fixture->status = SOUP_STATUS_NOT_FOUND;
  fixture->body = "{\"message\":\"Stream not found\"}";
  beacon_wcs_rest_find_all_async (rest, NULL, on_found, &outcome);
  WAIT_FOR (outcome.done, "find_all to finish");
  g_assert_no_error (outcome.error);
  g_assert_cmpuint (outcome.streams->len, ==, 0);
  outcome_clear (&outcome);

  beacon_wcs_rest_find_async (rest, "nobody", BEACON_WCS_UNSET, NULL, on_found, &outcome);
  WAIT_FOR (outcome.done, "find to finish");
  g_assert_no_error (outcome.error);
  g_assert_cmpuint (outcome.streams->len, ==, 0);
  outcome_clear (&outcome);

  beacon_wcs_rest_terminate_async (rest, "gone", NULL, on_terminated, &outcome);
  WAIT_FOR (outcome.done, "terminate to finish");
  g_assert_error (outcome.error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (outcome.error->message, "no such stream"));
  outcome_clear (&outcome);
}

static void
test_terminate (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(BeaconWcsRest) rest = new_client (fixture);
  Outcome outcome = { 0 };

  fixture->body = NULL;
  beacon_wcs_rest_terminate_async (rest, "pub-1", NULL, on_terminated, &outcome);
  WAIT_FOR (outcome.done, "terminate to finish");
  g_assert_no_error (outcome.error);
  g_assert_true (outcome.ok);
  g_assert_cmpstr (fixture->path, ==, "/rest-api/stream/terminate");
  g_assert_cmpstr (fixture->request_body, ==, "{\"mediaSessionId\":\"pub-1\"}");
  outcome_clear (&outcome);
}

static void
test_unauthorized (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(BeaconWcsRest) rest = new_client (fixture);
  Outcome outcome = { 0 };

  fixture->status = SOUP_STATUS_UNAUTHORIZED;
  fixture->body = NULL;
  beacon_wcs_rest_find_all_async (rest, NULL, on_found, &outcome);
  WAIT_FOR (outcome.done, "find_all to fail");
  g_assert_error (outcome.error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_UNAUTHORIZED);
  g_assert_nonnull (strstr (outcome.error->message, "needs a user name and password"));
  outcome_clear (&outcome);

  beacon_wcs_rest_set_username (rest, "user");
  beacon_wcs_rest_set_password (rest, "secret");
  beacon_wcs_rest_find_all_async (rest, NULL, on_found, &outcome);
  WAIT_FOR (outcome.done, "find_all to fail");
  g_assert_error (outcome.error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_UNAUTHORIZED);
  g_assert_cmpstr (outcome.error->message, ==, "The server refused the REST credentials");
  /* base64 ("user:secret") */
  g_assert_cmpstr (fixture->authorization, ==, "Basic dXNlcjpzZWNyZXQ=");
  outcome_clear (&outcome);
}

/* Each bad answer fails with a message naming what was wrong. */
static void
test_bad_answers (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct { guint status; const char *body; const char *expected; } cases[] = {
    { 200, "[{\"name\":\"cam1\",", "not valid JSON" },
    { 200, "", "empty" },
    { 200, "{\"name\":\"cam1\"}", "an object, not a JSON list" },
    { 200, "[\"cam1\"]", "stream 1 in the list: it is not an object" },
    { 200, "[{\"name\":\"a\"},{\"name\":5}]", "stream 2 in the list: field “name” should be a string" },
    { 200, "[{\"published\":\"yes\"}]", "field “published” should be a boolean" },
    { 200, "[{\"width\":\"wide\"}]", "field “width” should be a number" },
    { 200, "[{\"metrics\":[1]}]", "field “metrics” should be an object" },
    { 200, "[{\"metrics\":{\"VIDEO_RATE\":\"fast\"}}]", "metrics: field “VIDEO_RATE” should be a number" },
    { 200, "[{\"metrics\":{\"VIDEO_FPS\":-3}}]", "field “VIDEO_FPS” should be a number in range" },
    { 500, "{}", "answered 500" },
  };
  g_autoptr(BeaconWcsRest) rest = new_client (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Outcome outcome = { 0 };

      fixture->status = cases[i].status;
      fixture->body = cases[i].body;
      beacon_wcs_rest_find_async (rest, NULL, BEACON_WCS_UNSET, NULL, on_found, &outcome);
      WAIT_FOR (outcome.done, "find to finish");
      g_assert_error (outcome.error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL);
      if (strstr (outcome.error->message, cases[i].expected) == NULL)
        g_test_fail_printf ("body %s: “%s” should contain “%s”", cases[i].body,
                            outcome.error->message, cases[i].expected);
      g_assert_nonnull (strstr (outcome.error->message, fixture->base_url));
      outcome_clear (&outcome);
    }
}

static void
test_refused (void)
{
  g_autoptr(BeaconWcsRest) rest = NULL;
  g_autofree char *url = beacon_test_dup_closed_url ("http", "");
  g_autofree char *expected = NULL;
  Outcome outcome = { 0 };

  rest = beacon_wcs_rest_new (url);
  beacon_wcs_rest_find_all_async (rest, NULL, on_found, &outcome);
  WAIT_FOR (outcome.done, "find_all to fail");
  g_assert_error (outcome.error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_CONNECT_FAILED);
  expected = g_strdup_printf ("Could not reach the REST API at %s — is it enabled?", url);
  g_assert_cmpstr (outcome.error->message, ==, expected);
  outcome_clear (&outcome);
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(BeaconWcsRest) rest = new_client (fixture);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Outcome outcome = { 0 };

  fixture->body = two_streams;
  g_cancellable_cancel (cancellable);
  beacon_wcs_rest_find_all_async (rest, cancellable, on_found, &outcome);
  WAIT_FOR (outcome.done, "the cancelled find_all to finish");
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  outcome_clear (&outcome);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/beacon/protocol/wcs-rest/base-url", test_base_url);
  g_test_add_func ("/beacon/protocol/wcs-rest/bad-address", test_bad_address);
  g_test_add ("/beacon/protocol/wcs-rest/find-all", Fixture, NULL, fixture_set_up,
              test_find_all, fixture_tear_down);
  g_test_add ("/beacon/protocol/wcs-rest/find", Fixture, NULL, fixture_set_up, test_find,
              fixture_tear_down);
  g_test_add ("/beacon/protocol/wcs-rest/not-found", Fixture, NULL, fixture_set_up,
              test_not_found, fixture_tear_down);
  g_test_add ("/beacon/protocol/wcs-rest/terminate", Fixture, NULL, fixture_set_up,
              test_terminate, fixture_tear_down);
  g_test_add ("/beacon/protocol/wcs-rest/unauthorized", Fixture, NULL, fixture_set_up,
              test_unauthorized, fixture_tear_down);
  g_test_add ("/beacon/protocol/wcs-rest/bad-answers", Fixture, NULL, fixture_set_up,
              test_bad_answers, fixture_tear_down);
  g_test_add_func ("/beacon/protocol/wcs-rest/refused", test_refused);
  g_test_add ("/beacon/protocol/wcs-rest/cancelled", Fixture, NULL, fixture_set_up,
              test_cancelled, fixture_tear_down);

  return g_test_run ();
}
