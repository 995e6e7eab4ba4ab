/* beacon-sdp-adapt.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-sdp-adapt"

#include "config.h"

#include <string.h>

#include "beacon-media-error.h"
#include "beacon-sdp-adapt.h"

/* Chrome treats a WCS answer without a=setup as if the server were the DTLS client
 * (libwebrtc's JsepTransport role negotiation); webrtcbin 1.22 rejects such an answer, so we
 * write that same role down explicitly (protocol.md §9, rule 2). */
#define WCS_DEFAULT_SETUP "active"

/* RFC 3551 static payload types an answer may list without an a=rtpmap line. Dynamic ones
 * (>= 96) always come with one. */
static const struct
{
  const char *pt;
  const char *encoding_name;
} static_payload_types[] = {
  { "0", "PCMU" },
  { "8", "PCMA" },
  { "9", "G722" },
};

/* Index of the first attribute called @key, or -1. gst_sdp_media_get_attribute_val() cannot
 * tell "a=setup" without a value from no attribute at all, and we must replace the former. */
static int
find_attribute (const GstSDPMedia *media,
                const char        *key)
{
  guint n = gst_sdp_media_attributes_len (media);

  for (guint i = 0; i < n; i++)
    {
      const GstSDPAttribute *attr = gst_sdp_media_get_attribute (media, i);

      if (g_strcmp0 (attr->key, key) == 0)
        return (int) i;
    }

  return -1;
}

/* The encoding name of @pt as its a=rtpmap line spells it ("opus", "H264"), or the static
 * assignment. */
static char *
encoding_name_for_pt (const GstSDPMedia *media,
                      const char        *pt)
{
  gsize pt_len = strlen (pt);
  guint n = gst_sdp_media_attributes_len (media);

  for (guint i = 0; i < n; i++)
    {
      const GstSDPAttribute *attr = gst_sdp_media_get_attribute (media, i);
      const char *name;
      const char *slash;

      if (g_strcmp0 (attr->key, "rtpmap") != 0 || attr->value == NULL)
        continue;
      if (strncmp (attr->value, pt, pt_len) != 0 || attr->value[pt_len] != ' ')
        continue;

      name = attr->value + pt_len + 1;
      while (*name == ' ')
        name++;
      slash = strchr (name, '/');

      return slash != NULL ? g_strndup (name, slash - name) : g_strdup (name);
    }

  for (guint i = 0; i < G_N_ELEMENTS (static_payload_types); i++)
    {
      if (strcmp (static_payload_types[i].pt, pt) == 0)
        return g_strdup (static_payload_types[i].encoding_name);
    }

  return NULL;
}

char *
beacon_sdp_adapt_wcs_answer (const char  *sdp_text,
                             GError     **error)
{
  g_autoptr(GstSDPMessage) sdp = NULL;
  const char *session_setup;
  const char *role;
  guint n_medias;

  g_return_val_if_fail (sdp_text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* GstSDP's parser skips lines it does not understand instead of failing, so garbage
   * usually shows up as a message without m-lines; an empty string is a critical there. */
  if (*sdp_text == '\0' || gst_sdp_message_new_from_text (sdp_text, &sdp) != GST_SDP_OK)
    {
      g_set_error_literal (error, BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_SDP,
                           "The answer is not valid SDP");
      return NULL;
    }

  n_medias = gst_sdp_message_medias_len (sdp);
  if (n_medias == 0)
    {
      g_set_error_literal (error, BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_SDP,
                           "The answer has no media lines");
      return NULL;
    }

  /* RFC 4145 lets a session-level a=setup cover every m-line, but webrtcbin 1.22 only looks
   * at the m-lines, so that role is copied down rather than replaced by ours. */
  session_setup = gst_sdp_message_get_attribute_val (sdp, "setup");
  role = (session_setup != NULL && *session_setup != '\0') ? session_setup : WCS_DEFAULT_SETUP;

  for (guint i = 0; i < n_medias; i++)
    {
      /* GstSDP has no mutable getter; the message is ours. */
      GstSDPMedia *media = (GstSDPMedia *) gst_sdp_message_get_media (sdp, i);
      int idx = find_attribute (media, "setup");
      GstSDPAttribute attr = { 0 };
      const char *value;

      if (idx < 0)
        {
          g_debug ("m-line %u (%s) has no a=setup, adding a=setup:%s",
                   i, gst_sdp_media_get_media (media), role);
          gst_sdp_media_add_attribute (media, "setup", role);
          continue;
        }

      value = gst_sdp_media_get_attribute (media, idx)->value;
      if (value != NULL && *value != '\0')
        continue;

      /* webrtcbin rejects an empty role the same way as a missing one. */
      g_debug ("m-line %u (%s) has an empty a=setup, setting a=setup:%s",
               i, gst_sdp_media_get_media (media), role);
      gst_sdp_attribute_set (&attr, "setup", role);
      gst_sdp_media_replace_attribute (media, idx, &attr);
    }

  return gst_sdp_message_as_text (sdp);
}

char *
beacon_sdp_get_codec (const GstSDPMessage *sdp,
                      const char          *media)
{
  guint n_medias;

  g_return_val_if_fail (sdp != NULL, NULL);
  g_return_val_if_fail (media != NULL, NULL);

  n_medias = gst_sdp_message_medias_len (sdp);

  for (guint i = 0; i < n_medias; i++)
    {
      const GstSDPMedia *m = gst_sdp_message_get_media (sdp, i);

      if (g_strcmp0 (gst_sdp_media_get_media (m), media) != 0)
        continue;

      /* Port 0 means the m-line was rejected: it lists formats but none is in use. */
      if (gst_sdp_media_get_port (m) == 0 || gst_sdp_media_formats_len (m) == 0)
        return NULL;

      return encoding_name_for_pt (m, gst_sdp_media_get_format (m, 0));
    }

  return NULL;
}

gboolean
beacon_sdp_check_mlines_match (const GstSDPMessage  *offer,
                               const GstSDPMessage  *answer,
                               GError              **error)
{
  guint n_offer;
  guint n_answer;

  g_return_val_if_fail (offer != NULL, FALSE);
  g_return_val_if_fail (answer != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n_offer = gst_sdp_message_medias_len (offer);
  n_answer = gst_sdp_message_medias_len (answer);

  if (n_offer != n_answer)
    {
      g_set_error (error, BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_NEGOTIATION,
                   "The answer has %u media lines but the offer has %u", n_answer, n_offer);
      return FALSE;
    }

  /* webrtcbin 1.22 matches answer m-lines to transceivers by index and adopts the answer's
   * mids without comparing kinds, so a swapped answer would otherwise reach "stable". */
  for (guint i = 0; i < n_offer; i++)
    {
      const char *offer_kind = gst_sdp_media_get_media (gst_sdp_message_get_media (offer, i));
      const char *answer_kind = gst_sdp_media_get_media (gst_sdp_message_get_media (answer, i));

      if (g_strcmp0 (offer_kind, answer_kind) != 0)
        {
          g_set_error (error, BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_NEGOTIATION,
                       "Media line %u of the answer is %s but the offer has %s there",
                       i, answer_kind != NULL ? answer_kind : "(none)",
                       offer_kind != NULL ? offer_kind : "(none)");
          return FALSE;
        }
    }

  return TRUE;
}
