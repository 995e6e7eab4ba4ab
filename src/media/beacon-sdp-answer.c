/* beacon-sdp-answer.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-sdp-answer"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "beacon-media-error.h"
#include "beacon-sdp-adapt.h"
#include "beacon-sdp-answer.h"

/* The a=fmtp value of @pt in @media, or NULL. */
static const char *
fmtp_for_pt (const GstSDPMedia *media,
             int                pt)
{
  g_autofree char *prefix = g_strdup_printf ("%d ", pt);

  for (guint i = 0; i < gst_sdp_media_attributes_len (media); i++)
    {
      const GstSDPAttribute *attr = gst_sdp_media_get_attribute (media, i);

      if (g_strcmp0 (attr->key, "fmtp") == 0 && attr->value != NULL &&
          g_str_has_prefix (attr->value, prefix))
        return attr->value + strlen (prefix);
    }
  return NULL;
}

/* Whether @fmtp ("a=1;b=2") has @key set to @value (case ignored). */
static gboolean
fmtp_has (const char *fmtp,
          const char *key,
          const char *value)
{
  g_auto(GStrv) params = NULL;

  if (fmtp == NULL)
    return FALSE;
  params = g_strsplit (fmtp, ";", -1);
  for (guint i = 0; params[i] != NULL; i++)
    {
      g_auto(GStrv) kv = g_strsplit (g_strstrip (params[i]), "=", 2);

      if (kv[0] != NULL && kv[1] != NULL && g_ascii_strcasecmp (kv[0], key) == 0 &&
          g_ascii_strcasecmp (kv[1], value) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Encoding name of @pt from its a=rtpmap, or NULL (dynamic types always have one). */
static char *
rtpmap_encoding (const GstSDPMedia *media,
                 int                pt)
{
  g_autofree char *prefix = g_strdup_printf ("%d ", pt);

  for (guint i = 0; i < gst_sdp_media_attributes_len (media); i++)
    {
      const GstSDPAttribute *attr = gst_sdp_media_get_attribute (media, i);

      if (g_strcmp0 (attr->key, "rtpmap") == 0 && attr->value != NULL &&
          g_str_has_prefix (attr->value, prefix))
        {
          const char *name = attr->value + strlen (prefix);
          const char *slash = strchr (name, '/');

          return slash ? g_strndup (name, slash - name) : g_strdup (name);
        }
    }
  return NULL;
}

int
beacon_sdp_pick_payload (const GstSDPMedia *media,
                         const char        *encoding)
{
  gboolean h264 = g_ascii_strcasecmp (encoding, "H264") == 0;
  int best = -1;
  int best_score = -1;

  g_return_val_if_fail (media != NULL, -1);
  g_return_val_if_fail (encoding != NULL, -1);

  for (guint i = 0; i < gst_sdp_media_formats_len (media); i++)
    {
      int pt = atoi (gst_sdp_media_get_format (media, i));
      g_autofree char *name = rtpmap_encoding (media, pt);
      const char *fmtp;
      int score;

      if (name == NULL || g_ascii_strcasecmp (name, encoding) != 0)
        continue;
      fmtp = fmtp_for_pt (media, pt);
      if (!h264)
        score = 0;
      else if (fmtp_has (fmtp, "packetization-mode", "1"))
        score = fmtp_has (fmtp, "profile-level-id", "42e01f") ? 2 : 1;
      /* Mode 0 (one NAL per packet) cannot carry what our payloaders send; an offer that
       * does not say (webrtcbin's, before its encoder has output caps) is taken last. */
      else if (fmtp == NULL || strstr (fmtp, "packetization-mode") == NULL)
        score = 0;
      else
        continue;
      if (score > best_score)
        {
          best = pt;
          best_score = score;
        }
    }
  return best;
}

GstCaps *
beacon_sdp_get_payload_caps (const GstSDPMedia *media,
                             int                pt)
{
  GstCaps *caps;
  GstStructure *s;

  g_return_val_if_fail (media != NULL, NULL);

  if (pt < 0 || !(caps = gst_sdp_media_get_caps_from_media (media, pt)))
    return NULL;
  s = gst_caps_get_structure (caps, 0);
  /* The SDP helper names them application/x-unknown and leaves session attributes out. */
  gst_structure_set_name (s, "application/x-rtp");
  return caps;
}

/* Attributes a WCS answer never has (protocol.md §9). */
static gboolean
is_dropped_attribute (const GstSDPAttribute *attr,
                      gboolean               add_setup)
{
  static const char * const dropped[] = { "extmap", "extmap-allow-mixed", "msid", "ice-options",
                                          "end-of-candidates", "rtcp-rsize", NULL };

  if (g_strcmp0 (attr->key, "setup") == 0)
    return !add_setup;
  /* webrtcbin labels its sender's SSRC with msid lines too; WCS gives only the cname. */
  if (g_strcmp0 (attr->key, "ssrc") == 0)
    return attr->value == NULL || strstr (attr->value, " cname:") == NULL;
  return g_strv_contains (dropped, attr->key);
}

/* Rewrites one answer m-line in place; @offer_media is the same m-line of the offer. */
static void
shape_media (GstSDPMedia       *media,
             const GstSDPMedia *offer_media,
             gboolean           add_setup)
{
  g_autoptr(GPtrArray) attrs = g_ptr_array_new ();
  g_autofree char *port_ip = NULL;
  guint port = 0;
  gboolean has_candidates = FALSE;
  gboolean has_setup = FALSE;
  GstSDPMedia *copy = NULL;

  gst_sdp_media_copy (media, &copy);
  gst_sdp_media_set_proto (media, "RTP/SAVPF");
  while (gst_sdp_media_attributes_len (media) > 0)
    gst_sdp_media_remove_attribute (media, 0);

  for (guint i = 0; i < gst_sdp_media_attributes_len (copy); i++)
    {
      const GstSDPAttribute *attr = gst_sdp_media_get_attribute (copy, i);
      g_autofree char *value = g_strdup (attr->value);

      if (is_dropped_attribute (attr, add_setup))
        continue;
      if (g_strcmp0 (attr->key, "setup") == 0)
        {
          has_setup = TRUE;
          g_free (value);
          value = g_strdup ("active");
        }
      if (g_strcmp0 (attr->key, "fmtp") == 0 && value != NULL)
        {
          int pt = atoi (value);
          const char *offered = fmtp_for_pt (offer_media, pt);

          if (offered != NULL)
            {
              g_free (value);
              value = g_strdup_printf ("%d %s", pt, offered);
            }
        }
      if (g_strcmp0 (attr->key, "candidate") == 0 && value != NULL)
        {
          /* "<foundation> <component> <transport> <priority> <ip> <port> typ <type> …" */
          g_auto(GStrv) f = g_strsplit (value, " ", 8);

          if (port == 0 && g_strv_length (f) >= 6 && g_str_equal (f[1], "1"))
            {
              port = (guint) atoi (f[5]);
              port_ip = g_strdup (f[4]);
            }
          has_candidates = TRUE;
        }
      else if (has_candidates && !g_str_equal (attr->key, "candidate") &&
               g_ptr_array_find_with_equal_func (attrs, "end-of-candidates", g_str_equal,
                                                 NULL) == FALSE)
        {
          /* Right after the last candidate, where WCS puts it. */
          gst_sdp_media_add_attribute (media, "end-of-candidates", NULL);
          g_ptr_array_add (attrs, (gpointer) "end-of-candidates");
        }
      gst_sdp_media_add_attribute (media, attr->key, value);
    }
  if (has_candidates &&
      !g_ptr_array_find_with_equal_func (attrs, "end-of-candidates", g_str_equal, NULL))
    gst_sdp_media_add_attribute (media, "end-of-candidates", NULL);
  if (gst_sdp_media_get_attribute_val (media, "rtcp-mux") == NULL)
    gst_sdp_media_add_attribute (media, "rtcp-mux", NULL);
  if (add_setup && !has_setup)
    gst_sdp_media_add_attribute (media, "setup", "active");

  /* A client that ignores candidates still finds the server on the m-line (WCS does this). */
  if (port != 0 && gst_sdp_media_get_port (media) != 0)
    {
      gst_sdp_media_set_port_info (media, port, 1);
      while (gst_sdp_media_connections_len (media) > 0)
        gst_sdp_media_remove_connection (media, 0);
      gst_sdp_media_add_connection (media, "IN", strchr (port_ip, ':') ? "IP6" : "IP4",
                                    port_ip, 0, 0);
    }
  gst_sdp_media_free (copy);
}

char *
beacon_sdp_shape_wcs_answer (const char *answer,
                             const char *offer,
                             gboolean    add_setup,
                             GError    **error)
{
  g_autoptr(GstSDPMessage) sdp = NULL;
  g_autoptr(GstSDPMessage) offer_sdp = NULL;
  g_autofree char *session_version = NULL;
  const char *address = "127.0.0.1";

  g_return_val_if_fail (answer != NULL && offer != NULL, NULL);

  if (*answer == '\0' || gst_sdp_message_new_from_text (answer, &sdp) != GST_SDP_OK ||
      *offer == '\0' || gst_sdp_message_new_from_text (offer, &offer_sdp) != GST_SDP_OK)
    {
      g_set_error_literal (error, BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_SDP,
                           "The offer or the answer is not valid SDP");
      return NULL;
    }
  if (!beacon_sdp_check_mlines_match (offer_sdp, sdp, error))
    return NULL;

  for (guint i = 0; i < gst_sdp_message_medias_len (sdp); i++)
    shape_media ((GstSDPMedia *) gst_sdp_message_get_media (sdp, i),
                 gst_sdp_message_get_media (offer_sdp, i), add_setup);

  for (guint i = 0; i < gst_sdp_message_medias_len (sdp); i++)
    {
      const GstSDPMedia *media = gst_sdp_message_get_media (sdp, i);

      if (gst_sdp_media_connections_len (media) > 0 &&
          gst_sdp_media_get_connection (media, 0)->address != NULL)
        {
          address = gst_sdp_media_get_connection (media, 0)->address;
          break;
        }
    }

  while (gst_sdp_message_attributes_len (sdp) > 0)
    gst_sdp_message_remove_attribute (sdp, 0);
  session_version = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time () / 1000);
  gst_sdp_message_set_origin (sdp, "Flashphoner", "0", session_version, "IN",
                              strchr (address, ':') ? "IP6" : "IP4", address);
  gst_sdp_message_set_session_name (sdp, "Flashphoner/1.0");
  gst_sdp_message_set_connection (sdp, "IN", strchr (address, ':') ? "IP6" : "IP4", address,
                                  0, 0);
  return gst_sdp_message_as_text (sdp);
}

char *
beacon_sdp_set_sender_ssrcs (const char  *sdp,
                             const guint *ssrcs,
                             guint        n_ssrcs,
                             const char  *cname_id)
{
  g_autoptr(GstSDPMessage) message = NULL;

  g_return_val_if_fail (sdp != NULL && cname_id != NULL, NULL);

  /* An empty text is a critical in GstSDP, not an error. */
  if (*sdp == '\0' || gst_sdp_message_new_from_text (sdp, &message) != GST_SDP_OK)
    return NULL;
  for (guint i = 0; i < gst_sdp_message_medias_len (message); i++)
    {
      GstSDPMedia *media = (GstSDPMedia *) gst_sdp_message_get_media (message, i);

      for (guint j = gst_sdp_media_attributes_len (media); j > 0; j--)
        {
          const GstSDPAttribute *attr = gst_sdp_media_get_attribute (media, j - 1);

          if (g_strcmp0 (attr->key, "ssrc") == 0 || g_strcmp0 (attr->key, "ssrc-group") == 0)
            gst_sdp_media_remove_attribute (media, j - 1);
        }
      if (i < n_ssrcs && ssrcs[i] != 0)
        {
          g_autofree char *value = g_strdup_printf ("%u cname:rtp/%s/%s", ssrcs[i],
                                                    gst_sdp_media_get_media (media), cname_id);

          gst_sdp_media_add_attribute (media, "ssrc", value);
        }
    }
  return gst_sdp_message_as_text (message);
}
