/* media-test-util.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "media-test-util.h"

/* The address the fixtures were captured from. */
#define FIXTURE_SERVER_IP "188.40.244.249"

gboolean
media_test_have_elements (const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GstElementFactory) factory = gst_element_factory_find (names[i]);

      if (factory == NULL)
        {
          g_autofree char *reason = g_strdup_printf ("GStreamer element %s is not installed",
                                                     names[i]);

          g_test_skip (reason);
          return FALSE;
        }
    }
  return TRUE;
}

static void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  beacon_wcs_client_connect_finish (BEACON_WCS_CLIENT (source), result, &error);
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

BeaconWcsClient *
media_test_connect (const char *url)
{
  g_autoptr(BeaconWcsClient) client = beacon_wcs_client_new (url);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (20, beacon_test_wait_tick, NULL);
  /* On the heap: after a timeout the callback may still come, and the test goes on. */
  gboolean *done = g_new0 (gboolean, 1);

  beacon_wcs_client_connect_async (client, NULL, on_connected, done);
  while (!*done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);

  if (!*done || beacon_wcs_client_get_state (client) != BEACON_WCS_STATE_ESTABLISHED)
    {
      g_test_fail_printf ("expected the client to be ESTABLISHED with %s within 10 s", url);
      return NULL;
    }
  g_free (done);
  return g_steal_pointer (&client);
}

gboolean
media_test_open (const char * const *needed,
                 WcsFakeServer     **server,
                 BeaconWcsClient   **client)
{
  if (!media_test_have_elements (needed))
    return FALSE;

  *server = wcs_fake_server_new (TRUE);
  *client = media_test_connect (wcs_fake_server_get_url (*server));
  return *client != NULL;
}

void
media_test_close (WcsFakeServer   **server,
                  BeaconWcsClient **client)
{
  if (*client != NULL)
    {
      beacon_wcs_client_disconnect (*client);
      g_assert_finalize_object (*client);
      *client = NULL;
    }
  g_clear_pointer (server, wcs_fake_server_free);
}

GstSDPMessage *
media_test_start_and_get_offer (WcsFakeServer    *server,
                                BeaconMediaPeer  *peer,
                                const char       *name,
                                char            **media_session_id,
                                gint64           *elapsed_us)
{
  const char *method =
    BEACON_MEDIA_PEER_GET_CLASS (peer)->stream_kind == BEACON_WCS_STREAM_KIND_PUBLISH
    ? "publishStream" : "playStream";
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 deadline = start + 10 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (20, beacon_test_wait_tick, NULL);

  g_assert_true (beacon_media_peer_start (peer, name, &error));
  g_assert_no_error (error);
  while (wcs_fake_server_count (server, method) == 0 &&
         beacon_media_peer_get_error (peer) == NULL &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);

  g_assert_no_error ((GError *) beacon_media_peer_get_error (peer));
  if (wcs_fake_server_count (server, method) == 0)
    {
      g_test_fail_printf ("expected %s within 10 s of the start", method);
      return NULL;
    }
  if (elapsed_us != NULL)
    *elapsed_us = g_get_monotonic_time () - start;
  return media_test_last_offer (server, method, media_session_id);
}

void
media_test_answer_offer (WcsFakeServer       *server,
                         const char          *media_session_id,
                         const GstSDPMessage *offer,
                         const char          *fixture_name,
                         gboolean             swap)
{
  g_autofree char *offer_text = gst_sdp_message_as_text (offer);
  g_autofree char *answer = media_test_fixture_answer (fixture_name, offer_text);

  if (swap)
    {
      g_autofree char *swapped = media_test_swap_sections (answer);

      media_test_send_answer (server, media_session_id, swapped);
      return;
    }
  media_test_send_answer (server, media_session_id, answer);
}

static const char *
mid_for_kind (const GstSDPMessage *offer,
              const char          *kind)
{
  const GstSDPMedia *media = media_test_find_media (offer, kind, NULL);

  return media != NULL ? gst_sdp_media_get_attribute_val (media, "mid") : NULL;
}

char *
media_test_fixture_answer (const char *fixture_name,
                           const char *offer_text)
{
  const char *dir = g_getenv ("BEACON_FIXTURES_DIR");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GstSDPMessage) offer = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *kind = NULL;
  GString *out = g_string_new (NULL);

  g_assert_nonnull (dir);   /* set by tests/meson.build */
  path = g_build_filename (dir, fixture_name, NULL);
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gst_sdp_message_new_from_text (offer_text, &offer), ==, GST_SDP_OK);

  /* The fixtures answer a 2018 Chrome offer whose mids were "audio"/"video"; WCS echoes the
   * offer's mids, so the captured answer is made to echo ours. */
  lines = g_strsplit (text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "m="))
        {
          g_free (kind);
          kind = g_strndup (lines[i] + 2, strcspn (lines[i] + 2, " "));
        }
      if (g_str_has_prefix (lines[i], "a=mid:"))
        {
          const char *mid = mid_for_kind (offer, kind);

          g_assert_nonnull (mid);
          g_string_append_printf (out, "a=mid:%s", mid);
        }
      else
        {
          g_string_append (out, lines[i]);
        }
      if (lines[i + 1] != NULL)
        g_string_append (out, "\r\n");
    }

  g_assert_cmpuint (g_string_replace (out, FIXTURE_SERVER_IP, "127.0.0.1", 0), >, 0);
  return g_string_free (out, FALSE);
}

char *
media_test_swap_sections (const char *text)
{
  const char *first = strstr (text, "\r\nm=");
  const char *second;

  g_assert_nonnull (first);
  second = strstr (first + 2, "\r\nm=");
  g_assert_nonnull (second);
  g_assert_null (strstr (second + 2, "\r\nm="));
  g_assert_true (g_str_has_suffix (text, "\r\n"));

  /* Each part keeps its own trailing CRLF: session, then the second section, then the first. */
  return g_strdup_printf ("%.*s%s%.*s",
                          (int) (first + 2 - text), text,
                          second + 2,
                          (int) (second - first), first + 2);
}

GstSDPMessage *
media_test_last_offer (WcsFakeServer *server,
                       const char    *method,
                       char         **media_session_id)
{
  JsonObject *request = wcs_fake_server_last (server, method);
  GstSDPMessage *sdp = NULL;

  g_assert_nonnull (request);
  g_assert_cmpint (gst_sdp_message_new_from_text (json_object_get_string_member (request, "sdp"),
                                                  &sdp), ==, GST_SDP_OK);
  if (media_session_id != NULL)
    *media_session_id = g_strdup (json_object_get_string_member (request, "mediaSessionId"));
  return sdp;
}

static void
send_builder (WcsFakeServer *server,
              JsonBuilder   *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = json_to_string (root, FALSE);

  wcs_fake_server_send (server, text);
}

void
media_test_send_answer (WcsFakeServer *server,
                        const char    *media_session_id,
                        const char    *sdp)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, "setRemoteSDP");
  json_builder_set_member_name (builder, "data");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, media_session_id);
  json_builder_add_string_value (builder, sdp);
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  send_builder (server, builder);
}

void
media_test_send_status (WcsFakeServer *server,
                        const char    *media_session_id,
                        const char    *name,
                        const char    *status,
                        const char    *info)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, "notifyStreamStatusEvent");
  json_builder_set_member_name (builder, "data");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "mediaSessionId");
  json_builder_add_string_value (builder, media_session_id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, status);
  if (info != NULL)
    {
      json_builder_set_member_name (builder, "info");
      json_builder_add_string_value (builder, info);
    }
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  send_builder (server, builder);
}

const GstSDPMedia *
media_test_find_media (const GstSDPMessage *sdp,
                       const char          *media,
                       guint               *index)
{
  for (guint i = 0; i < gst_sdp_message_medias_len (sdp); i++)
    {
      const GstSDPMedia *m = gst_sdp_message_get_media (sdp, i);

      if (g_strcmp0 (gst_sdp_media_get_media (m), media) == 0)
        {
          if (index != NULL)
            *index = i;
          return m;
        }
    }
  return NULL;
}

gboolean
media_test_has_fmtp (const GstSDPMedia *media,
                     const char        *encoding,
                     const char        *params)
{
  g_auto(GStrv) wanted = g_strsplit (params, ";", -1);

  for (guint i = 0; i < gst_sdp_media_formats_len (media); i++)
    {
      const char *pt = gst_sdp_media_get_format (media, i);
      g_autofree char *rtpmap_prefix = g_strdup_printf ("%s %s/", pt, encoding);
      g_autofree char *fmtp_prefix = g_strdup_printf ("%s ", pt);
      gboolean is_encoding = FALSE;
      const char *fmtp = NULL;

      for (guint a = 0; a < gst_sdp_media_attributes_len (media); a++)
        {
          const GstSDPAttribute *attr = gst_sdp_media_get_attribute (media, a);

          if (g_strcmp0 (attr->key, "rtpmap") == 0 && attr->value != NULL &&
              g_ascii_strncasecmp (attr->value, rtpmap_prefix, strlen (rtpmap_prefix)) == 0)
            is_encoding = TRUE;
          if (g_strcmp0 (attr->key, "fmtp") == 0 && attr->value != NULL &&
              g_str_has_prefix (attr->value, fmtp_prefix))
            fmtp = attr->value;
        }

      if (is_encoding && *params == '\0')
        return TRUE;
      if (is_encoding && fmtp != NULL)
        {
          gboolean all = TRUE;

          for (guint w = 0; wanted[w] != NULL; w++)
            all = all && strstr (fmtp, wanted[w]) != NULL;
          if (all)
            return TRUE;
        }
    }
  return FALSE;
}
