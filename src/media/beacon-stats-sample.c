/* beacon-stats-sample.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-stats-sample"

#include "config.h"

#include <gst/webrtc/webrtc.h>
#include <math.h>

#include "beacon-stats-sample.h"

G_DEFINE_BOXED_TYPE (BeaconStatsSample, beacon_stats_sample,
                     beacon_stats_sample_copy, beacon_stats_sample_free)

BeaconStatsSample *
beacon_stats_sample_new (void)
{
  BeaconStatsSample *sample = g_new0 (BeaconStatsSample, 1);

  sample->fps = NAN;
  sample->width = -1;
  sample->height = -1;
  sample->first_frame_ms = -1;
  sample->bitrate_kbps = NAN;
  sample->packets_lost = -1;
  sample->nack = -1;
  sample->pli = -1;
  sample->jitter_ms = NAN;
  sample->rtt_ms = NAN;
  sample->quality = BEACON_CHANNEL_QUALITY_UNKNOWN;
  sample->server_bitrate = -1;
  sample->server_fps = NAN;
  sample->server_nack = -1;
  sample->server_pli = -1;
  sample->server_lost = -1;
  return sample;
}

BeaconStatsSample *
beacon_stats_sample_copy (const BeaconStatsSample *sample)
{
  BeaconStatsSample *copy;

  g_return_val_if_fail (sample != NULL, NULL);

  copy = g_memdup2 (sample, sizeof *sample);
  copy->video_codec = g_strdup (sample->video_codec);
  copy->audio_codec = g_strdup (sample->audio_codec);
  copy->encoder = g_strdup (sample->encoder);
  copy->decoder = g_strdup (sample->decoder);
  return copy;
}

void
beacon_stats_sample_free (BeaconStatsSample *sample)
{
  if (sample == NULL)
    return;

  g_free (sample->video_codec);
  g_free (sample->audio_codec);
  g_free (sample->encoder);
  g_free (sample->decoder);
  g_free (sample);
}

/* get-stats field types have moved between GStreamer releases (int vs int64 for
 * packets-lost, uint vs uint64 for the counters), so numbers are read by value. */
static gboolean
get_number (const GstStructure *s,
            const char         *field,
            double             *out)
{
  const GValue *value = s != NULL ? gst_structure_get_value (s, field) : NULL;

  if (value == NULL)
    return FALSE;

  switch (G_VALUE_TYPE (value))
    {
    case G_TYPE_INT:    *out = g_value_get_int (value); return TRUE;
    case G_TYPE_UINT:   *out = g_value_get_uint (value); return TRUE;
    case G_TYPE_INT64:  *out = (double) g_value_get_int64 (value); return TRUE;
    case G_TYPE_UINT64: *out = (double) g_value_get_uint64 (value); return TRUE;
    case G_TYPE_DOUBLE: *out = g_value_get_double (value); return TRUE;
    case G_TYPE_FLOAT:  *out = g_value_get_float (value); return TRUE;
    default:            return FALSE;
    }
}

static gint64
get_count (const GstStructure *s,
           const char         *field,
           gint64              fallback)
{
  double value;

  /* webrtcbin 1.22 reports remote-inbound-rtp packets-lost as -1: unknown, not a count. */
  if (!get_number (s, field, &value) || value < 0)
    return fallback;
  return (gint64) value;
}

/* webrtcbin nests rtpbin's own figures for a stream under "gst-rtpsource-stats". */
static const GstStructure *
source_stats (const GstStructure *s)
{
  const GValue *value = gst_structure_get_value (s, "gst-rtpsource-stats");

  return value != NULL && GST_VALUE_HOLDS_STRUCTURE (value) ? gst_value_get_structure (value)
                                                            : NULL;
}

static gboolean
source_has (const GstStructure *s,
            const char         *flag)
{
  const GstStructure *source = source_stats (s);
  gboolean set = FALSE;

  return source != NULL && gst_structure_get_boolean (source, flag, &set) && set;
}

static GstWebRTCStatsType
stats_type (const GstStructure *s)
{
  GstWebRTCStatsType type = 0;

  if (!gst_structure_get_enum (s, "type", GST_TYPE_WEBRTC_STATS_TYPE, (int *) &type))
    return 0;
  return type;
}

static gboolean
stats_ssrc (const GstStructure *s,
            guint              *ssrc)
{
  double value;

  if (!get_number (s, "ssrc", &value))
    return FALSE;
  *ssrc = (guint) value;
  return TRUE;
}

/* The entry of @stats that @id names (its "codec-id", "remote-id", …), or NULL. */
static const GstStructure *
lookup_entry (const GstStructure *stats,
              const char         *id)
{
  const GValue *value;

  if (id == NULL || (value = gst_structure_get_value (stats, id)) == NULL ||
      !GST_VALUE_HOLDS_STRUCTURE (value))
    return NULL;
  return gst_value_get_structure (value);
}

typedef struct
{
  GstWebRTCStatsType  type;
  guint               ssrc;      /* 0: any */
  const GstStructure *found;
} Search;

static gboolean
search_entry (GQuark        field,
              const GValue *value,
              gpointer      user_data)
{
  Search *search = user_data;
  const GstStructure *s;
  guint ssrc;

  if (!GST_VALUE_HOLDS_STRUCTURE (value))
    return TRUE;
  s = gst_value_get_structure (value);
  if (stats_type (s) != search->type || !stats_ssrc (s, &ssrc))
    return TRUE;
  if (search->ssrc != 0 && ssrc != search->ssrc)
    return TRUE;
  search->found = s;
  return FALSE;
}

static const GstStructure *
find_entry (const GstStructure *stats,
            GstWebRTCStatsType  type,
            guint               ssrc)
{
  Search search = { type, ssrc, NULL };

  gst_structure_foreach (stats, search_entry, &search);
  return search.found;
}

typedef struct
{
  const GstStructure *stats;
  GstWebRTCStatsType  type;
  guint               ssrc;
} VideoSearch;

/* Whether @s is a video stream: its kind, else its codec's media type. */
static gboolean
is_video (const GstStructure *stats,
          const GstStructure *s)
{
  const char *kind = gst_structure_get_string (s, "kind");
  const GstStructure *codec;
  const char *mime;

  if (kind != NULL)
    return g_str_equal (kind, "video");
  codec = lookup_entry (stats, gst_structure_get_string (s, "codec-id"));
  mime = codec != NULL ? gst_structure_get_string (codec, "mime-type") : NULL;
  return mime != NULL && g_str_has_prefix (mime, "video/");
}

static gboolean
search_video (GQuark        field,
              const GValue *value,
              gpointer      user_data)
{
  VideoSearch *search = user_data;
  const GstStructure *s;

  if (!GST_VALUE_HOLDS_STRUCTURE (value))
    return TRUE;
  s = gst_value_get_structure (value);
  if (stats_type (s) != search->type || !is_video (search->stats, s))
    return TRUE;
  return !stats_ssrc (s, &search->ssrc);
}

guint
beacon_stats_sample_find_video_ssrc (const GstStructure  *stats,
                                     BeaconStatsDirection direction)
{
  VideoSearch search = { stats, 0, 0 };

  g_return_val_if_fail (stats != NULL, 0);

  search.type = direction == BEACON_STATS_SENDING ? GST_WEBRTC_STATS_OUTBOUND_RTP
                                                  : GST_WEBRTC_STATS_INBOUND_RTP;
  gst_structure_foreach (stats, search_video, &search);
  return search.ssrc;
}

static double
seconds_to_ms (const GstStructure *s,
               const char         *field)
{
  double value;

  if (!get_number (s, field, &value) || value < 0)
    return NAN;
  return value * 1000.0;
}

gboolean
beacon_stats_sample_update_from_webrtc (BeaconStatsSample       *sample,
                                        const BeaconStatsSample *previous,
                                        const GstStructure      *stats,
                                        guint                    video_ssrc,
                                        BeaconStatsDirection     direction)
{
  gboolean sending = direction == BEACON_STATS_SENDING;
  const GstStructure *rtp;
  const GstStructure *remote;
  double value;

  g_return_val_if_fail (sample != NULL, FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  if (video_ssrc == 0)
    video_ssrc = beacon_stats_sample_find_video_ssrc (stats, direction);
  if (video_ssrc == 0)
    return FALSE;

  rtp = find_entry (stats, sending ? GST_WEBRTC_STATS_OUTBOUND_RTP : GST_WEBRTC_STATS_INBOUND_RTP,
                    video_ssrc);
  if (rtp == NULL)
    return FALSE;

  /* The far side's report about the same SSRC: remote-inbound-rtp for what we send (RTCP
   * receiver reports), remote-outbound-rtp for what we receive (sender reports). */
  remote = lookup_entry (stats, gst_structure_get_string (rtp, "remote-id"));
  if (remote == NULL)
    remote = find_entry (stats,
                         sending ? GST_WEBRTC_STATS_REMOTE_INBOUND_RTP
                                 : GST_WEBRTC_STATS_REMOTE_OUTBOUND_RTP,
                         video_ssrc);

  sample->video_bytes = (guint64) MAX (0, get_count (rtp, sending ? "bytes-sent"
                                                                  : "bytes-received", 0));
  sample->video_packets = (guint64) MAX (0, get_count (rtp, sending ? "packets-sent"
                                                                    : "packets-received", 0));
  sample->nack = get_count (rtp, "nack-count", -1);
  sample->pli = get_count (rtp, "pli-count", -1);

  if (sending)
    {
      /* 1.22 puts -1 in remote-inbound-rtp's packets-lost; the loss the far side reported
       * in its last receiver report is in our source's own rtpsource stats. */
      sample->packets_lost = get_count (remote, "packets-lost", -1);
      if (sample->packets_lost < 0 && source_has (rtp, "have-rb"))
        sample->packets_lost = MAX (0, get_count (source_stats (rtp), "rb-packetslost", 0));
      sample->jitter_ms = seconds_to_ms (remote, "jitter");
      sample->rtt_ms = seconds_to_ms (remote, "round-trip-time");
    }
  else
    {
      /* 1.22's inbound-rtp has no packets-lost; rtpsource counts expected − received, which
       * duplicates can make negative: that is no loss, not an unknown. */
      sample->packets_lost = get_count (rtp, "packets-lost", -1);
      if (sample->packets_lost < 0 && source_stats (rtp) != NULL &&
          get_number (source_stats (rtp), "packets-lost", &value))
        sample->packets_lost = MAX (0, (gint64) value);
      sample->jitter_ms = seconds_to_ms (rtp, "jitter");
      sample->rtt_ms = seconds_to_ms (remote, "round-trip-time");
    }

  sample->bitrate_kbps = NAN;
  if (previous != NULL && previous->time_ms > 0 && sample->time_ms > previous->time_ms &&
      sample->video_bytes >= previous->video_bytes)
    {
      value = (double) (sample->video_bytes - previous->video_bytes) * 8.0;
      /* bits per millisecond are kilobits per second */
      sample->bitrate_kbps = value / (double) (sample->time_ms - previous->time_ms);
    }

  return TRUE;
}
