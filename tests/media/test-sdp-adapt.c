/* test-sdp-adapt.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "beacon-media-error.h"
#include "beacon-sdp-adapt.h"

/* A Chromium-style offer in the order Beacon builds it: audio first, as WCS answers. */
static const char offer_audio_video[] =
  "v=0\r\n"
  "o=- 1 0 IN IP4 0.0.0.0\r\n"
  "s=-\r\n"
  "t=0 0\r\n"
  "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n"
  "a=mid:audio0\r\n"
  "a=rtpmap:111 OPUS/48000/2\r\n"
  "m=video 9 UDP/TLS/RTP/SAVPF 127\r\n"
  "a=mid:video1\r\n"
  "a=rtpmap:127 H264/90000\r\n";

static char *
load_fixture (const char *name)
{
  const char *dir = g_getenv ("BEACON_FIXTURES_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_nonnull (dir);   /* set by tests/meson.build */
  path = g_build_filename (dir, name, NULL);
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  return text;
}

static GstSDPMessage *
parse_sdp (const char *text)
{
  GstSDPMessage *sdp = NULL;

  g_assert_cmpint (gst_sdp_message_new_from_text (text, &sdp), ==, GST_SDP_OK);
  g_assert_cmpuint (gst_sdp_message_medias_len (sdp), >, 0);

  return sdp;
}

static guint
count_media_attributes (const GstSDPMedia *media,
                        const char        *key)
{
  guint count = 0;

  for (guint i = 0; i < gst_sdp_media_attributes_len (media); i++)
    count += g_strcmp0 (gst_sdp_media_get_attribute (media, i)->key, key) == 0;

  return count;
}

/* The adapted text minus its a=setup:active lines, so that it can be compared with the
 * original byte for byte. */
static char *
strip_setup_active_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (strcmp (lines[i], "a=setup:active") == 0)
        continue;
      g_string_append (out, lines[i]);
      if (lines[i + 1] != NULL)
        g_string_append (out, "\r\n");
    }

  return g_string_free (out, FALSE);
}

static void
check_fixture_gains_setup_active (const char *fixture)
{
  g_autofree char *original = load_fixture (fixture);
  g_autofree char *adapted = NULL;
  g_autofree char *stripped = NULL;
  g_autoptr(GstSDPMessage) before = NULL;
  g_autoptr(GstSDPMessage) after = NULL;
  g_autoptr(GError) error = NULL;

  adapted = beacon_sdp_adapt_wcs_answer (original, &error);
  g_assert_no_error (error);
  g_assert_nonnull (adapted);

  before = parse_sdp (original);
  after = parse_sdp (adapted);
  g_assert_cmpuint (gst_sdp_message_medias_len (after), ==, gst_sdp_message_medias_len (before));
  g_assert_cmpuint (gst_sdp_message_medias_len (after), ==, 2);
  g_assert_cmpuint (gst_sdp_message_attributes_len (after), ==,
                    gst_sdp_message_attributes_len (before));

  /* Each m-line keeps its attributes in order and gains exactly one a=setup:active. */
  for (guint i = 0; i < gst_sdp_message_medias_len (before); i++)
    {
      const GstSDPMedia *b = gst_sdp_message_get_media (before, i);
      const GstSDPMedia *a = gst_sdp_message_get_media (after, i);
      guint n = gst_sdp_media_attributes_len (b);

      g_assert_cmpstr (gst_sdp_media_get_media (a), ==, gst_sdp_media_get_media (b));
      g_assert_cmpstr (gst_sdp_media_get_proto (a), ==, "RTP/SAVPF");
      g_assert_cmpuint (count_media_attributes (b, "setup"), ==, 0);
      g_assert_cmpuint (count_media_attributes (a, "setup"), ==, 1);
      g_assert_cmpuint (gst_sdp_media_attributes_len (a), ==, n + 1);

      for (guint j = 0; j < n; j++)
        {
          g_assert_cmpstr (gst_sdp_media_get_attribute (a, j)->key, ==,
                           gst_sdp_media_get_attribute (b, j)->key);
          g_assert_cmpstr (gst_sdp_media_get_attribute (a, j)->value, ==,
                           gst_sdp_media_get_attribute (b, j)->value);
        }
      g_assert_cmpstr (gst_sdp_media_get_attribute (a, n)->key, ==, "setup");
      g_assert_cmpstr (gst_sdp_media_get_attribute (a, n)->value, ==, "active");
    }

  /* Every other line (CRLF ends included) is exactly as the server sent it. */
  stripped = strip_setup_active_lines (adapted);
  g_assert_cmpstr (stripped, ==, original);
}

static void
test_adapt_publish (void)
{
  check_fixture_gains_setup_active ("wcs-answer-publish.sdp");
}

static void
test_adapt_play (void)
{
  check_fixture_gains_setup_active ("wcs-answer-play.sdp");
}

static void
test_adapt_keeps_existing_setup (void)
{
  g_autofree char *fixture = load_fixture ("wcs-answer-publish.sdp");
  g_autoptr(GstSDPMessage) input = parse_sdp (fixture);
  g_autoptr(GstSDPMessage) output = NULL;
  g_autofree char *input_text = NULL;
  g_autofree char *adapted = NULL;
  g_autoptr(GError) error = NULL;
  const GstSDPMedia *audio;
  const GstSDPMedia *video;

  /* Only the video m-line states a role: it must survive, and audio still gets ours. */
  gst_sdp_media_add_attribute ((GstSDPMedia *) gst_sdp_message_get_media (input, 1),
                               "setup", "passive");
  input_text = gst_sdp_message_as_text (input);

  adapted = beacon_sdp_adapt_wcs_answer (input_text, &error);
  g_assert_no_error (error);
  output = parse_sdp (adapted);

  audio = gst_sdp_message_get_media (output, 0);
  video = gst_sdp_message_get_media (output, 1);
  g_assert_cmpuint (count_media_attributes (audio, "setup"), ==, 1);
  g_assert_cmpstr (gst_sdp_media_get_attribute_val (audio, "setup"), ==, "active");
  g_assert_cmpuint (count_media_attributes (video, "setup"), ==, 1);
  g_assert_cmpstr (gst_sdp_media_get_attribute_val (video, "setup"), ==, "passive");
}

static void
test_adapt_session_level_setup (void)
{
  g_autofree char *fixture = load_fixture ("wcs-answer-play.sdp");
  g_autoptr(GstSDPMessage) input = parse_sdp (fixture);
  g_autoptr(GstSDPMessage) output = NULL;
  g_autofree char *input_text = NULL;
  g_autofree char *adapted = NULL;
  g_autoptr(GError) error = NULL;

  gst_sdp_message_add_attribute (input, "setup", "passive");
  input_text = gst_sdp_message_as_text (input);

  adapted = beacon_sdp_adapt_wcs_answer (input_text, &error);
  g_assert_no_error (error);
  output = parse_sdp (adapted);

  /* The server's session-wide role wins over our default, made explicit per m-line. */
  g_assert_cmpstr (gst_sdp_message_get_attribute_val (output, "setup"), ==, "passive");
  for (guint i = 0; i < gst_sdp_message_medias_len (output); i++)
    {
      const GstSDPMedia *media = gst_sdp_message_get_media (output, i);

      g_assert_cmpuint (count_media_attributes (media, "setup"), ==, 1);
      g_assert_cmpstr (gst_sdp_media_get_attribute_val (media, "setup"), ==, "passive");
    }
}

static void
test_adapt_empty_setup (void)
{
  static const char answer[] =
    "v=0\r\n"
    "o=Flashphoner 0 1 IN IP4 192.0.2.1\r\n"
    "s=Flashphoner/1.0\r\n"
    "t=0 0\r\n"
    "m=audio 9 RTP/SAVPF 111\r\n"
    "a=mid:audio\r\n"
    "a=setup:\r\n"
    "a=rtpmap:111 opus/48000/2\r\n";
  g_autofree char *adapted = NULL;
  g_autoptr(GstSDPMessage) output = NULL;
  g_autoptr(GError) error = NULL;
  const GstSDPMedia *media;

  adapted = beacon_sdp_adapt_wcs_answer (answer, &error);
  g_assert_no_error (error);
  output = parse_sdp (adapted);
  media = gst_sdp_message_get_media (output, 0);

  /* Replaced in place, not duplicated. */
  g_assert_cmpuint (count_media_attributes (media, "setup"), ==, 1);
  g_assert_cmpstr (gst_sdp_media_get_attribute (media, 1)->key, ==, "setup");
  g_assert_cmpstr (gst_sdp_media_get_attribute (media, 1)->value, ==, "active");
}

static void
test_adapt_garbage (void)
{
  static const char *inputs[] = {
    "",
    "this is not SDP at all",
    "{\"method\":\"setRemoteSDP\"}",
    /* valid session part, nothing to negotiate */
    "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *adapted = beacon_sdp_adapt_wcs_answer (inputs[i], &error);

      g_assert_null (adapted);
      g_assert_error (error, BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_SDP);
    }
}

static void
check_fixture_codecs (const char *fixture)
{
  g_autofree char *text = load_fixture (fixture);
  g_autoptr(GstSDPMessage) sdp = parse_sdp (text);
  g_autofree char *audio = beacon_sdp_get_codec (sdp, "audio");
  g_autofree char *video = beacon_sdp_get_codec (sdp, "video");
  g_autofree char *application = beacon_sdp_get_codec (sdp, "application");

  g_assert_cmpstr (audio, ==, "opus");
  g_assert_cmpstr (video, ==, "H264");
  g_assert_null (application);
}

static void
test_codec_fixtures (void)
{
  check_fixture_codecs ("wcs-answer-publish.sdp");
  check_fixture_codecs ("wcs-answer-play.sdp");
}

static void
test_codec_first_payload_type (void)
{
  static const char answer[] =
    "v=0\r\n"
    "o=- 0 0 IN IP4 127.0.0.1\r\n"
    "s=-\r\n"
    "t=0 0\r\n"
    "m=audio 9 RTP/SAVPF 8 111\r\n"
    "a=rtpmap:111 opus/48000/2\r\n"
    "m=video 9 RTP/SAVPF 96 100\r\n"
    "a=rtpmap:100 H264/90000\r\n"
    "a=rtpmap:96 VP8/90000\r\n"
    "m=video 9 RTP/SAVPF 100\r\n"
    "a=rtpmap:100 H264/90000\r\n";
  g_autoptr(GstSDPMessage) sdp = parse_sdp (answer);
  g_autofree char *video = beacon_sdp_get_codec (sdp, "video");
  g_autofree char *audio = beacon_sdp_get_codec (sdp, "audio");

  /* The first listed payload type decides, not the order of the rtpmap lines, and only the
   * first m-line of a kind counts; PCMA is a static type with no rtpmap line. */
  g_assert_cmpstr (video, ==, "VP8");
  g_assert_cmpstr (audio, ==, "PCMA");
}

static void
test_codec_rejected_mline (void)
{
  static const char answer[] =
    "v=0\r\n"
    "o=- 0 0 IN IP4 127.0.0.1\r\n"
    "s=-\r\n"
    "t=0 0\r\n"
    "m=video 0 RTP/SAVPF 96\r\n"
    "a=rtpmap:96 VP8/90000\r\n";
  g_autoptr(GstSDPMessage) sdp = parse_sdp (answer);
  g_autofree char *video = beacon_sdp_get_codec (sdp, "video");

  g_assert_null (video);
}

/* gst_sdp_message_add_media() takes over the contents of its argument, so hand it a copy. */
static void
append_media_copy (GstSDPMessage     *sdp,
                   const GstSDPMedia *media)
{
  GstSDPMedia *copy = NULL;

  gst_sdp_media_copy (media, &copy);
  gst_sdp_message_add_media (sdp, copy);
  g_free (copy);
}

static void
test_mlines_match (void)
{
  g_autofree char *fixture = load_fixture ("wcs-answer-publish.sdp");
  g_autoptr(GstSDPMessage) offer = parse_sdp (offer_audio_video);
  g_autoptr(GstSDPMessage) answer = parse_sdp (fixture);
  g_autoptr(GError) error = NULL;

  g_assert_true (beacon_sdp_check_mlines_match (offer, answer, &error));
  g_assert_no_error (error);
}

static void
test_mlines_swapped (void)
{
  g_autofree char *fixture = load_fixture ("wcs-answer-play.sdp");
  g_autoptr(GstSDPMessage) offer = parse_sdp (offer_audio_video);
  g_autoptr(GstSDPMessage) answer = parse_sdp (fixture);
  g_autoptr(GstSDPMessage) swapped = NULL;
  g_autoptr(GError) error = NULL;

  gst_sdp_message_new (&swapped);
  append_media_copy (swapped, gst_sdp_message_get_media (answer, 1));
  append_media_copy (swapped, gst_sdp_message_get_media (answer, 0));

  g_assert_false (beacon_sdp_check_mlines_match (offer, swapped, &error));
  g_assert_error (error, BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_NEGOTIATION);
}

static void
test_mlines_count (void)
{
  g_autofree char *fixture = load_fixture ("wcs-answer-play.sdp");
  g_autoptr(GstSDPMessage) offer = parse_sdp (offer_audio_video);
  g_autoptr(GstSDPMessage) answer = parse_sdp (fixture);
  g_autoptr(GstSDPMessage) audio_only = NULL;
  g_autoptr(GError) error = NULL;

  gst_sdp_message_new (&audio_only);
  append_media_copy (audio_only, gst_sdp_message_get_media (answer, 0));

  g_assert_false (beacon_sdp_check_mlines_match (offer, audio_only, &error));
  g_assert_error (error, BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_NEGOTIATION);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/beacon/media/sdp-adapt/publish-fixture", test_adapt_publish);
  g_test_add_func ("/beacon/media/sdp-adapt/play-fixture", test_adapt_play);
  g_test_add_func ("/beacon/media/sdp-adapt/keeps-existing-setup", test_adapt_keeps_existing_setup);
  g_test_add_func ("/beacon/media/sdp-adapt/session-level-setup", test_adapt_session_level_setup);
  g_test_add_func ("/beacon/media/sdp-adapt/empty-setup", test_adapt_empty_setup);
  g_test_add_func ("/beacon/media/sdp-adapt/garbage", test_adapt_garbage);
  g_test_add_func ("/beacon/media/sdp-adapt/codec-fixtures", test_codec_fixtures);
  g_test_add_func ("/beacon/media/sdp-adapt/codec-first-payload-type",
                   test_codec_first_payload_type);
  g_test_add_func ("/beacon/media/sdp-adapt/codec-rejected-mline", test_codec_rejected_mline);
  g_test_add_func ("/beacon/media/sdp-adapt/mlines-match", test_mlines_match);
  g_test_add_func ("/beacon/media/sdp-adapt/mlines-swapped", test_mlines_swapped);
  g_test_add_func ("/beacon/media/sdp-adapt/mlines-count", test_mlines_count);

  return g_test_run ();
}
