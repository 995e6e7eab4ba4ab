/* test-wcs-stream.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "beacon-wcs-error.h"
#include "beacon-wcs-stream-private.h"

#define N_STATUSES (BEACON_WCS_STREAM_STATUS_FAILED + 1)

typedef BeaconWcsStreamStatus S;

/* The transitions the server may drive, written out in full so that a change to the
 * rules in beacon-wcs-stream.c must be made here too. */
static const struct {
  BeaconWcsStreamKind kind;
  S from;
  S to;
} legal[] = {
  { BEACON_WCS_STREAM_KIND_PUBLISH, BEACON_WCS_STREAM_STATUS_NEW, BEACON_WCS_STREAM_STATUS_PENDING },
  { BEACON_WCS_STREAM_KIND_PUBLISH, BEACON_WCS_STREAM_STATUS_PENDING, BEACON_WCS_STREAM_STATUS_PENDING },
  { BEACON_WCS_STREAM_KIND_PUBLISH, BEACON_WCS_STREAM_STATUS_PENDING, BEACON_WCS_STREAM_STATUS_PUBLISHING },
  { BEACON_WCS_STREAM_KIND_PUBLISH, BEACON_WCS_STREAM_STATUS_PENDING, BEACON_WCS_STREAM_STATUS_UNPUBLISHED },
  { BEACON_WCS_STREAM_KIND_PUBLISH, BEACON_WCS_STREAM_STATUS_PENDING, BEACON_WCS_STREAM_STATUS_FAILED },
  { BEACON_WCS_STREAM_KIND_PUBLISH, BEACON_WCS_STREAM_STATUS_PUBLISHING, BEACON_WCS_STREAM_STATUS_PUBLISHING },
  { BEACON_WCS_STREAM_KIND_PUBLISH, BEACON_WCS_STREAM_STATUS_PUBLISHING, BEACON_WCS_STREAM_STATUS_UNPUBLISHED },
  { BEACON_WCS_STREAM_KIND_PUBLISH, BEACON_WCS_STREAM_STATUS_PUBLISHING, BEACON_WCS_STREAM_STATUS_FAILED },
  { BEACON_WCS_STREAM_KIND_PLAY, BEACON_WCS_STREAM_STATUS_NEW, BEACON_WCS_STREAM_STATUS_PENDING },
  { BEACON_WCS_STREAM_KIND_PLAY, BEACON_WCS_STREAM_STATUS_PENDING, BEACON_WCS_STREAM_STATUS_PENDING },
  { BEACON_WCS_STREAM_KIND_PLAY, BEACON_WCS_STREAM_STATUS_PENDING, BEACON_WCS_STREAM_STATUS_PLAYING },
  { BEACON_WCS_STREAM_KIND_PLAY, BEACON_WCS_STREAM_STATUS_PENDING, BEACON_WCS_STREAM_STATUS_STOPPED },
  { BEACON_WCS_STREAM_KIND_PLAY, BEACON_WCS_STREAM_STATUS_PENDING, BEACON_WCS_STREAM_STATUS_FAILED },
};

static gboolean
is_listed (BeaconWcsStreamKind kind,
           S                   from,
           S                   to)
{
  static const S playing_like[] = {
    BEACON_WCS_STREAM_STATUS_PLAYING, BEACON_WCS_STREAM_STATUS_PAUSED,
    BEACON_WCS_STREAM_STATUS_PLAYBACK_PROBLEM,
  };

  for (guint i = 0; i < G_N_ELEMENTS (legal); i++)
    if (legal[i].kind == kind && legal[i].from == from && legal[i].to == to)
      return TRUE;

  /* A player moves freely between PLAYING, PAUSED and PLAYBACK_PROBLEM, and from any of
   * them to STOPPED or FAILED. */
  if (kind == BEACON_WCS_STREAM_KIND_PLAY)
    for (guint i = 0; i < G_N_ELEMENTS (playing_like); i++)
      if (from == playing_like[i])
        for (guint j = 0; j < G_N_ELEMENTS (playing_like); j++)
          if (to == playing_like[j] || to == BEACON_WCS_STREAM_STATUS_STOPPED ||
              to == BEACON_WCS_STREAM_STATUS_FAILED)
            return TRUE;
  return FALSE;
}

static void
test_transitions (void)
{
  guint n_legal = 0;

  for (BeaconWcsStreamKind kind = BEACON_WCS_STREAM_KIND_PUBLISH;
       kind <= BEACON_WCS_STREAM_KIND_PLAY; kind++)
    for (S from = 0; from < N_STATUSES; from++)
      for (S to = 0; to < N_STATUSES; to++)
        {
          gboolean expected = is_listed (kind, from, to);
          gboolean allowed = beacon_wcs_stream_transition_allowed (kind, from, to);

          if (expected != allowed)
            g_test_fail_printf ("%s stream %s → %s: expected %s",
                                kind == BEACON_WCS_STREAM_KIND_PUBLISH ? "publish" : "play",
                                beacon_wcs_stream_status_to_string (from),
                                beacon_wcs_stream_status_to_string (to),
                                expected ? "allowed" : "refused");
          n_legal += allowed;
        }

  /* 8 publish + 5 play from NEW/PENDING + 3×5 among the playing-like statuses. */
  g_assert_cmpuint (n_legal, ==, 8 + 5 + 15);
}

static void
test_terminal (void)
{
  g_assert_true (beacon_wcs_stream_status_is_terminal (BEACON_WCS_STREAM_STATUS_FAILED));
  g_assert_true (beacon_wcs_stream_status_is_terminal (BEACON_WCS_STREAM_STATUS_STOPPED));
  g_assert_true (beacon_wcs_stream_status_is_terminal (BEACON_WCS_STREAM_STATUS_UNPUBLISHED));
  g_assert_false (beacon_wcs_stream_status_is_terminal (BEACON_WCS_STREAM_STATUS_PLAYING));
  g_assert_false (beacon_wcs_stream_status_is_terminal (BEACON_WCS_STREAM_STATUS_PENDING));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *counter)
{
  (*counter)++;
}

static void
test_new_stream (void)
{
  BeaconWcsStream *a = beacon_wcs_stream_new (BEACON_WCS_STREAM_KIND_PUBLISH, "cam1");
  BeaconWcsStream *b = beacon_wcs_stream_new (BEACON_WCS_STREAM_KIND_PLAY, "cam1");
  guint notified = 0;

  g_assert_cmpint (beacon_wcs_stream_get_status (a), ==, BEACON_WCS_STREAM_STATUS_NEW);
  g_assert_cmpstr (beacon_wcs_stream_get_name (a), ==, "cam1");
  g_assert_true (g_uuid_string_is_valid (beacon_wcs_stream_get_media_session_id (a)));
  g_assert_cmpstr (beacon_wcs_stream_get_media_session_id (a), !=,
                   beacon_wcs_stream_get_media_session_id (b));
  g_assert_true (beacon_wcs_stream_get_has_audio (a));

  g_signal_connect (a, "notify::record", G_CALLBACK (count_notify), &notified);
  beacon_wcs_stream_set_record (a, TRUE);
  beacon_wcs_stream_set_record (a, TRUE);
  g_assert_cmpuint (notified, ==, 1);

  g_assert_finalize_object (a);
  g_assert_finalize_object (b);
}

static void
test_stop_new (void)
{
  BeaconWcsStream *stream = beacon_wcs_stream_new (BEACON_WCS_STREAM_KIND_PLAY, "cam1");
  g_autoptr(GError) error = NULL;

  /* Never sent: stopping fails it locally, as the WebSDK does. */
  g_assert_true (beacon_wcs_stream_stop (stream, &error));
  g_assert_no_error (error);
  g_assert_cmpint (beacon_wcs_stream_get_status (stream), ==, BEACON_WCS_STREAM_STATUS_FAILED);
  g_assert_false (beacon_wcs_stream_send_event (stream, "audioMuted", NULL, &error));
  g_assert_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_INVALID_STATE);
  g_assert_finalize_object (stream);
}

static BeaconWcsStreamInfo *
info_with_status (const char *status,
                  const char *reason)
{
  BeaconWcsStreamInfo *info = beacon_wcs_stream_info_new ();

  info->status = g_strdup (status);
  info->info = g_strdup (reason);
  return info;
}

static void
on_status_changed (BeaconWcsStream      *stream,
                   BeaconWcsStreamStatus status,
                   const char           *info,
                   GString              *log)
{
  /* The signal must carry the reason of the same message, never a stale one. */
  g_string_append_printf (log, "%s:%s;", beacon_wcs_stream_status_to_string (status),
                          info ? info : "-");
  g_assert_cmpstr (beacon_wcs_stream_get_info (stream), ==, info);
}

static void
test_apply_info (void)
{
  BeaconWcsStream *stream = beacon_wcs_stream_new (BEACON_WCS_STREAM_KIND_PLAY, "cam1");
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(BeaconWcsStreamInfo) playing = info_with_status ("PLAYING", NULL);
  g_autoptr(BeaconWcsStreamInfo) resize = info_with_status ("RESIZE", NULL);
  g_autoptr(BeaconWcsStreamInfo) bogus = info_with_status ("DANCING", NULL);
  g_autoptr(BeaconWcsStreamInfo) publishing = info_with_status ("PUBLISHING", NULL);
  g_autoptr(BeaconWcsStreamInfo) stopped = info_with_status ("STOPPED", "Stopped by user");
  g_autoptr(BeaconWcsStreamInfo) late = info_with_status ("PLAYING", "late");
  g_autoptr(GError) error = NULL;
  guint status_notified = 0;

  g_signal_connect (stream, "status-changed", G_CALLBACK (on_status_changed), log);
  g_signal_connect (stream, "notify::status", G_CALLBACK (count_notify), &status_notified);
  _beacon_wcs_stream_attach (stream, NULL);

  playing->video_codec = g_strdup ("H264");
  g_assert_true (_beacon_wcs_stream_apply_info (stream, playing, &error));
  g_assert_true (_beacon_wcs_stream_apply_info (stream, playing, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (beacon_wcs_stream_get_video_codec (stream), ==, "H264");

  /* RESIZE is an event: the size changes, the status does not. */
  resize->width = 640;
  resize->height = 360;
  g_assert_true (_beacon_wcs_stream_apply_info (stream, resize, &error));
  g_assert_cmpint (beacon_wcs_stream_get_width (stream), ==, 640);
  g_assert_cmpint (beacon_wcs_stream_get_status (stream), ==, BEACON_WCS_STREAM_STATUS_PLAYING);

  g_assert_false (_beacon_wcs_stream_apply_info (stream, bogus, &error));
  g_assert_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL);
  g_assert_nonnull (strstr (error->message, "DANCING"));
  g_clear_error (&error);

  g_assert_false (_beacon_wcs_stream_apply_info (stream, publishing, &error));
  g_assert_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL);
  g_assert_nonnull (strstr (error->message, "cannot go from PLAYING to PUBLISHING"));
  g_clear_error (&error);

  g_assert_true (_beacon_wcs_stream_apply_info (stream, stopped, &error));
  g_assert_true (beacon_wcs_stream_is_terminal (stream));
  /* Frames after the end are dropped quietly. */
  g_assert_true (_beacon_wcs_stream_apply_info (stream, late, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (log->str, ==, "PENDING:-;PLAYING:-;STOPPED:Stopped by user;");
  g_assert_cmpuint (status_notified, ==, 3);
  g_assert_finalize_object (stream);
}

static void
test_remote_mute_events (void)
{
  BeaconWcsStream *stream = beacon_wcs_stream_new (BEACON_WCS_STREAM_KIND_PLAY, "cam1");
  guint notified = 0;

  _beacon_wcs_stream_attach (stream, NULL);
  g_signal_connect (stream, "notify::remote-audio-muted", G_CALLBACK (count_notify), &notified);
  _beacon_wcs_stream_apply_event (stream, "audioMuted", "{\"streamName\":\"cam1\"}");
  g_assert_true (beacon_wcs_stream_get_remote_audio_muted (stream));
  g_assert_false (beacon_wcs_stream_get_remote_video_muted (stream));
  _beacon_wcs_stream_apply_event (stream, "audioMuted", NULL);
  _beacon_wcs_stream_apply_event (stream, "audioUnmuted", NULL);
  g_assert_false (beacon_wcs_stream_get_remote_audio_muted (stream));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_finalize_object (stream);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/beacon/protocol/wcs-stream/transitions", test_transitions);
  g_test_add_func ("/beacon/protocol/wcs-stream/terminal", test_terminal);
  g_test_add_func ("/beacon/protocol/wcs-stream/new", test_new_stream);
  g_test_add_func ("/beacon/protocol/wcs-stream/stop-new", test_stop_new);
  g_test_add_func ("/beacon/protocol/wcs-stream/apply-info", test_apply_info);
  g_test_add_func ("/beacon/protocol/wcs-stream/remote-mute-events", test_remote_mute_events);

  return g_test_run ();
}
