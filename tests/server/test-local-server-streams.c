/* test-local-server-streams.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Stream requests against BeaconLocalServer with the real BeaconWcsClient: the refusals
 * the server answers itself, the registry, and the calls the media relay will make. */

#include "config.h"

#include "server-test-util.h"

#define TEST_ANSWER_SDP "v=0\r\no=Flashphoner 0 1 IN IP4 127.0.0.1\r\ns=Flashphoner/1.0\r\n"

/* Publishes or plays @name on @client with @sdp; the stream is PENDING on return. */
static BeaconWcsStream *
start (BeaconWcsClient    *client,
       BeaconWcsStreamKind kind,
       const char         *name,
       const char         *sdp)
{
  g_autoptr(BeaconWcsStream) stream = beacon_wcs_stream_new (kind, name);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = kind == BEACON_WCS_STREAM_KIND_PUBLISH
       ? beacon_wcs_client_publish (client, stream, sdp, &error)
       : beacon_wcs_client_play (client, stream, sdp, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpint (beacon_wcs_stream_get_status (stream), ==, BEACON_WCS_STREAM_STATUS_PENDING);
  return g_steal_pointer (&stream);
}

#define WAIT_STATUS(stream, expected, reason)                                            \
  G_STMT_START {                                                                         \
    WAIT_FOR (beacon_wcs_stream_get_status (stream) == (expected),                       \
              "stream “" #stream "” to become " #expected);                              \
    g_assert_cmpstr (beacon_wcs_stream_get_info (stream), ==, (reason));                 \
  } G_STMT_END

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_available (Fixture       *fixture,
                gconstpointer  data)
{
  BeaconWcsClient *publisher = fixture_add_client (fixture, NULL);
  BeaconWcsClient *viewer = fixture_add_client (fixture, NULL);
  g_autoptr(BeaconWcsStream) stream = NULL;
  g_autoptr(GAsyncResult) yes = NULL;
  g_autoptr(GAsyncResult) no = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  gboolean available = FALSE;

  WAIT_ESTABLISHED (publisher);
  WAIT_ESTABLISHED (viewer);
  stream = start (publisher, BEACON_WCS_STREAM_KIND_PUBLISH, "cam1", TEST_OFFER_SDP);
  WAIT_FOR (fixture->requested->len == 1, "the publish to be accepted");

  /* A PENDING publisher counts as published. */
  beacon_wcs_client_check_available_async (viewer, "cam1", NULL, on_checked, &yes);
  beacon_wcs_client_check_available_async (viewer, "nope", NULL, on_checked, &no);
  WAIT_FOR (yes != NULL && no != NULL, "both availability answers");

  g_assert_true (beacon_wcs_client_check_available_finish (viewer, yes, &available, &info, &error));
  g_assert_no_error (error);
  g_assert_true (available);
  g_clear_pointer (&info, g_free);
  g_assert_true (beacon_wcs_client_check_available_finish (viewer, no, &available, &info, &error));
  g_assert_no_error (error);
  g_assert_false (available);
  g_assert_cmpstr (info, ==, "Stream not found");
}

static void
test_publish_refusals (Fixture       *fixture,
                       gconstpointer  data)
{
  BeaconWcsClient *first = fixture_add_client (fixture, NULL);
  BeaconWcsClient *second = fixture_add_client (fixture, NULL);
  g_autoptr(BeaconWcsStream) original = NULL;
  g_autoptr(BeaconWcsStream) same_name = NULL;
  g_autoptr(BeaconWcsStream) own_twice = NULL;
  g_autoptr(BeaconWcsStream) no_codecs = NULL;
  g_autoptr(RawClient) raw = NULL;
  g_autofree char *reuse = NULL;
  g_auto(GStrv) names = NULL;
  BeaconWcsStreamRequest request = { 0 };
  JsonObject *status;

  WAIT_ESTABLISHED (first);
  WAIT_ESTABLISHED (second);
  original = start (first, BEACON_WCS_STREAM_KIND_PUBLISH, "cam1", TEST_OFFER_SDP);
  WAIT_FOR (fixture->requested->len == 1, "the first publish to be accepted");
  g_assert_cmpstr (g_ptr_array_index (fixture->requested, 0), ==, "publish cam1");
  g_assert_cmpstr (fixture->last_id, ==, beacon_wcs_stream_get_media_session_id (original));
  g_assert_cmpstr (fixture->last_offer, ==, TEST_OFFER_SDP);

  same_name = start (second, BEACON_WCS_STREAM_KIND_PUBLISH, "cam1", TEST_OFFER_SDP);
  WAIT_STATUS (same_name, BEACON_WCS_STREAM_STATUS_FAILED, "Stream name is already in use");
  own_twice = start (first, BEACON_WCS_STREAM_KIND_PUBLISH, "cam1", TEST_OFFER_SDP);
  WAIT_STATUS (own_twice, BEACON_WCS_STREAM_STATUS_FAILED, "Stream name is already in use");
  no_codecs = start (second, BEACON_WCS_STREAM_KIND_PUBLISH, "cam2", TEST_NO_CODEC_SDP);
  WAIT_STATUS (no_codecs, BEACON_WCS_STREAM_STATUS_FAILED, "No common codecs");

  /* The real client never reuses an id; a raw peer can. */
  RAW_CONNECT (raw, fixture->url);
  raw_client_send (raw, TEST_CONNECTION_FRAME);
  request.media_session_id = beacon_wcs_stream_get_media_session_id (original);
  request.name = "cam3";
  request.published = TRUE;
  request.sdp = TEST_OFFER_SDP;
  reuse = beacon_wcs_message_build_publish (&request, NULL);
  raw_client_send (raw, reuse);
  WAIT_FOR (raw_client_count (raw, "notifyStreamStatusEvent") == 1, "a FAILED for a reused id");
  status = raw_client_last (raw, "notifyStreamStatusEvent");
  g_assert_cmpstr (json_object_get_string_member (status, "status"), ==, "FAILED");
  g_assert_cmpstr (json_object_get_string_member (status, "info"), ==,
                   "MediaSessionId is already in use");
  g_assert_cmpstr (json_object_get_string_member (status, "name"), ==, "cam3");
  g_assert_cmpuint (raw_client_count (raw, "setRemoteSDP"), ==, 0);

  /* None of the refusals touched the registry. */
  g_assert_cmpint (beacon_wcs_stream_get_status (original), ==, BEACON_WCS_STREAM_STATUS_PENDING);
  g_assert_cmpuint (fixture->requested->len, ==, 1);
  g_assert_cmpuint (fixture->ended->len, ==, 0);
  names = beacon_local_server_dup_published_names (fixture->server);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
  g_assert_cmpstr (names[0], ==, "cam1");
}

static void
test_play_unknown (Fixture       *fixture,
                   gconstpointer  data)
{
  BeaconWcsClient *viewer = fixture_add_client (fixture, NULL);
  g_autoptr(BeaconWcsStream) player = NULL;

  WAIT_ESTABLISHED (viewer);
  player = start (viewer, BEACON_WCS_STREAM_KIND_PLAY, "nobody", TEST_OFFER_SDP);
  WAIT_STATUS (player, BEACON_WCS_STREAM_STATUS_FAILED, "Stream not found");
  g_assert_cmpuint (fixture->requested->len, ==, 0);
}

static void
test_unpublish (Fixture       *fixture,
                gconstpointer  data)
{
  BeaconWcsClient *publisher = fixture_add_client (fixture, NULL);
  BeaconWcsClient *viewer = fixture_add_client (fixture, NULL);
  g_autoptr(BeaconWcsStream) stream = NULL;
  g_autoptr(BeaconWcsStream) player = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  WAIT_ESTABLISHED (publisher);
  WAIT_ESTABLISHED (viewer);
  stream = start (publisher, BEACON_WCS_STREAM_KIND_PUBLISH, "cam1", TEST_OFFER_SDP);
  WAIT_FOR (fixture->requested->len == 1, "the publish to be accepted");
  player = start (viewer, BEACON_WCS_STREAM_KIND_PLAY, "cam1", TEST_OFFER_SDP);
  WAIT_FOR (fixture->requested->len == 2, "the play to be accepted");
  g_assert_cmpstr (g_ptr_array_index (fixture->requested, 1), ==, "play cam1");
  g_assert_cmpstr (fixture->last_id, ==, beacon_wcs_stream_get_media_session_id (player));

  g_assert_true (beacon_wcs_stream_stop (stream, &error));
  g_assert_no_error (error);
  WAIT_STATUS (stream, BEACON_WCS_STREAM_STATUS_UNPUBLISHED, "Stopped by publisher stop");
  WAIT_STATUS (player, BEACON_WCS_STREAM_STATUS_STOPPED, "Stopped by publisher stop");

  g_assert_true (fixture_has_ended (fixture, beacon_wcs_stream_get_media_session_id (stream),
                                    "Stopped by publisher stop"));
  g_assert_true (fixture_has_ended (fixture, beacon_wcs_stream_get_media_session_id (player),
                                    "Stopped by publisher stop"));
  names = beacon_local_server_dup_published_names (fixture->server);
  g_assert_cmpuint (g_strv_length (names), ==, 0);
}

static void
test_stop_player (Fixture       *fixture,
                  gconstpointer  data)
{
  BeaconWcsClient *publisher = fixture_add_client (fixture, NULL);
  BeaconWcsClient *viewer = fixture_add_client (fixture, NULL);
  g_autoptr(BeaconWcsStream) stream = NULL;
  g_autoptr(BeaconWcsStream) player = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  WAIT_ESTABLISHED (publisher);
  WAIT_ESTABLISHED (viewer);
  stream = start (publisher, BEACON_WCS_STREAM_KIND_PUBLISH, "cam1", TEST_OFFER_SDP);
  /* Two sockets: wait, or the play may overtake the publish. */
  WAIT_FOR (fixture->requested->len == 1, "the publish to be accepted");
  player = start (viewer, BEACON_WCS_STREAM_KIND_PLAY, "cam1", TEST_OFFER_SDP);
  WAIT_FOR (fixture->requested->len == 2, "the play to be accepted");

  g_assert_true (beacon_wcs_stream_stop (player, &error));
  g_assert_no_error (error);
  WAIT_STATUS (player, BEACON_WCS_STREAM_STATUS_STOPPED, "Stopped by user");
  g_assert_cmpint (beacon_wcs_stream_get_status (stream), ==, BEACON_WCS_STREAM_STATUS_PENDING);
  names = beacon_local_server_dup_published_names (fixture->server);
  g_assert_cmpstr (names[0], ==, "cam1");
}

static void
test_publisher_disconnect (Fixture       *fixture,
                           gconstpointer  data)
{
  BeaconWcsClient *publisher = fixture_add_client (fixture, NULL);
  BeaconWcsClient *viewer = fixture_add_client (fixture, NULL);
  g_autoptr(BeaconWcsStream) stream = NULL;
  g_autoptr(BeaconWcsStream) player = NULL;
  g_autofree char *publisher_id = NULL;

  WAIT_ESTABLISHED (publisher);
  WAIT_ESTABLISHED (viewer);
  stream = start (publisher, BEACON_WCS_STREAM_KIND_PUBLISH, "cam1", TEST_OFFER_SDP);
  /* Two sockets: wait, or the play may overtake the publish. */
  WAIT_FOR (fixture->requested->len == 1, "the publish to be accepted");
  player = start (viewer, BEACON_WCS_STREAM_KIND_PLAY, "cam1", TEST_OFFER_SDP);
  WAIT_FOR (fixture->requested->len == 2, "the play to be accepted");
  publisher_id = g_strdup (beacon_wcs_stream_get_media_session_id (stream));

  beacon_wcs_client_disconnect (publisher);
  WAIT_STATUS (player, BEACON_WCS_STREAM_STATUS_STOPPED, "Stopped by session disconnect");
  g_assert_cmpuint (beacon_local_server_get_n_sessions (fixture->server), ==, 1);
  g_assert_true (fixture_has_ended (fixture, publisher_id, "Stopped by session disconnect"));
  g_assert_cmpint (beacon_wcs_client_get_state (viewer), ==, BEACON_WCS_STATE_ESTABLISHED);
}

static void
test_relay_hooks (Fixture       *fixture,
                  gconstpointer  data)
{
  BeaconWcsClient *publisher = fixture_add_client (fixture, NULL);
  BeaconWcsClient *viewer = fixture_add_client (fixture, NULL);
  g_autoptr(BeaconWcsStream) stream = NULL;
  g_autoptr(BeaconWcsStream) player = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *publish_id = NULL;
  g_autofree char *play_id = NULL;

  WAIT_ESTABLISHED (publisher);
  WAIT_ESTABLISHED (viewer);
  stream = start (publisher, BEACON_WCS_STREAM_KIND_PUBLISH, "cam1", TEST_OFFER_SDP);
  WAIT_FOR (fixture->requested->len == 1, "publish-requested");
  publish_id = g_strdup (fixture->last_id);

  /* Nothing may start before its answer, and an answer goes to a PENDING stream once. */
  g_assert_false (beacon_local_server_start_stream (fixture->server, publish_id, "opus", "H264",
                                                    &error));
  g_assert_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_INVALID_STATE);
  g_clear_error (&error);
  g_assert_false (beacon_local_server_answer_stream (fixture->server, "no-such-id",
                                                     TEST_ANSWER_SDP, &error));
  g_assert_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_true (beacon_local_server_answer_stream (fixture->server, publish_id, TEST_ANSWER_SDP,
                                                    &error));
  g_assert_no_error (error);
  WAIT_FOR (g_strcmp0 (beacon_wcs_stream_get_remote_sdp (stream), TEST_ANSWER_SDP) == 0,
            "the publisher to get the answer");
  g_assert_true (beacon_local_server_start_stream (fixture->server, publish_id, "opus", "H264",
                                                   &error));
  g_assert_no_error (error);
  WAIT_FOR (beacon_wcs_stream_get_status (stream) == BEACON_WCS_STREAM_STATUS_PUBLISHING,
            "PUBLISHING");
  g_assert_cmpstr (beacon_wcs_stream_get_video_codec (stream), ==, "H264");
  g_assert_false (beacon_local_server_answer_stream (fixture->server, publish_id,
                                                     TEST_ANSWER_SDP, &error));
  g_assert_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_INVALID_STATE);
  g_clear_error (&error);

  player = start (viewer, BEACON_WCS_STREAM_KIND_PLAY, "cam1", TEST_OFFER_SDP);
  WAIT_FOR (fixture->requested->len == 2, "play-requested");
  play_id = g_strdup (fixture->last_id);
  g_assert_true (beacon_local_server_answer_stream (fixture->server, play_id, TEST_ANSWER_SDP,
                                                    &error));
  g_assert_no_error (error);
  WAIT_FOR (beacon_wcs_stream_get_remote_sdp (player) != NULL, "the player to get the answer");
  g_assert_cmpstr (beacon_wcs_stream_get_audio_codec (player), ==, "opus");
  g_assert_true (beacon_local_server_start_stream (fixture->server, play_id, "opus", "H264",
                                                   &error));
  g_assert_no_error (error);
  WAIT_FOR (beacon_wcs_stream_get_status (player) == BEACON_WCS_STREAM_STATUS_PLAYING, "PLAYING");

  /* A publisher's mute reaches its players. */
  g_assert_true (beacon_wcs_stream_send_event (stream, "audioMuted", NULL, &error));
  g_assert_no_error (error);
  WAIT_FOR (beacon_wcs_stream_get_remote_audio_muted (player), "the player to hear of the mute");

  g_assert_true (beacon_local_server_fail_stream (fixture->server, publish_id,
                                                  "Failed by ICE timeout", &error));
  g_assert_no_error (error);
  WAIT_STATUS (stream, BEACON_WCS_STREAM_STATUS_FAILED, "Failed by ICE timeout");
  WAIT_STATUS (player, BEACON_WCS_STREAM_STATUS_STOPPED, "Failed by ICE timeout");
  g_assert_true (fixture_has_ended (fixture, play_id, "Failed by ICE timeout"));
  g_assert_false (beacon_local_server_fail_stream (fixture->server, publish_id, "again", &error));
  g_assert_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_INVALID_ARGUMENT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_SERVER_TEST ("available", test_available);
  ADD_SERVER_TEST ("publish-refusals", test_publish_refusals);
  ADD_SERVER_TEST ("play-unknown", test_play_unknown);
  ADD_SERVER_TEST ("unpublish", test_unpublish);
  ADD_SERVER_TEST ("stop-player", test_stop_player);
  ADD_SERVER_TEST ("publisher-disconnect", test_publisher_disconnect);
  ADD_SERVER_TEST ("relay-hooks", test_relay_hooks);

  return g_test_run ();
}
