/* beacon-cli-stats-print.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>

#include "beacon-cli-stats-print.h"

/* Unknown figures are JSON null, never a made-up 0, so scripts can tell "none" from "zero". */
static void
add_double (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (builder, name);
  if (isnan (value) || isinf (value))
    json_builder_add_null_value (builder);
  else
    /* One decimal is all a reader needs; rounded by hand, as the CLI does not link libm. */
    json_builder_add_double_value (builder,
                                   (double) (gint64) (value * 10.0 + (value < 0 ? -0.5 : 0.5))
                                   / 10.0);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  if (value < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, value);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

static void
print_builder (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = json_to_string (root, FALSE);

  g_print ("%s\n", text);
  fflush (stdout);
}

/* The members every line and the summary share. */
static void
add_line_members (JsonBuilder              *builder,
                  const BeaconCliStatsLine *line,
                  gboolean                  counts)
{
  g_autoptr(BeaconStatsSample) empty = beacon_stats_sample_new ();
  const BeaconStatsSample *s = line->sample != NULL ? line->sample : empty;

  add_int (builder, "time", s->time_ms > 0 ? s->time_ms : g_get_real_time () / 1000);
  add_string (builder, "stream", line->stream);
  add_string (builder, "status", line->status);
  add_string (builder, "info", line->info);
  add_double (builder, "fps", s->fps);
  add_double (builder, "bitrate_kbps", s->bitrate_kbps);
  add_int (builder, "nack", s->nack);
  add_int (builder, "pli", s->pli);
  add_int (builder, "lost", s->packets_lost);
  add_double (builder, "jitter_ms", s->jitter_ms);
  add_double (builder, "rtt_ms", s->rtt_ms);
  add_int (builder, "width", s->width);
  add_int (builder, "height", s->height);
  add_string (builder, "video_codec", s->video_codec);
  add_string (builder, "audio_codec", s->audio_codec);
  add_string (builder, "decoder", s->decoder);
  add_string (builder, "encoder", s->encoder);
  if (counts)
    {
      add_int (builder, "frames", line->sample != NULL ? (gint64) s->frames : -1);
      add_int (builder, "first_frame_ms", s->first_frame_ms);
    }
  add_string (builder, "quality", beacon_channel_quality_to_string (s->quality));

  if (s->server_bitrate >= 0)
    {
      json_builder_set_member_name (builder, "server");
      json_builder_begin_object (builder);
      add_double (builder, "bitrate_kbps", (double) s->server_bitrate / 1000.0);
      add_double (builder, "fps", s->server_fps);
      add_int (builder, "nack", s->server_nack);
      add_int (builder, "pli", s->server_pli);
      add_int (builder, "lost", s->server_lost);
      json_builder_end_object (builder);
    }

  if (line->has_latency)
    {
      json_builder_set_member_name (builder, "latency_ms");
      json_builder_begin_object (builder);
      add_double (builder, "median", line->latency_median);
      add_double (builder, "p95", line->latency_p95);
      add_int (builder, "stamped_frames", (gint64) line->stamped_frames);
      json_builder_end_object (builder);
    }
}

/* "30.0", or a dash when unknown. */
static char *
format_double (double value,
               int    decimals)
{
  if (isnan (value) || isinf (value))
    return g_strdup ("–");
  return g_strdup_printf ("%.*f", decimals, value);
}

static char *
format_int (gint64 value)
{
  if (value < 0)
    return g_strdup ("–");
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/* ngettext takes an unsigned long; beyond its range any large count picks the same form. */
static gulong
plural_count (guint64 n)
{
  return n > G_MAXULONG ? G_MAXULONG : (gulong) n;
}

static void
print_human (const BeaconCliStatsLine *line,
             const char               *prefix)
{
  g_autoptr(BeaconStatsSample) empty = beacon_stats_sample_new ();
  const BeaconStatsSample *s = line->sample != NULL ? line->sample : empty;
  g_autofree char *fps = format_double (s->fps, 1);
  g_autofree char *kbps = format_double (s->bitrate_kbps, 0);
  g_autofree char *lost = format_int (s->packets_lost);
  g_autofree char *nack = format_int (s->nack);
  g_autofree char *pli = format_int (s->pli);
  g_autofree char *jitter = format_double (s->jitter_ms, 1);
  g_autofree char *size = s->width > 0 && s->height > 0
    ? g_strdup_printf ("%d×%d", s->width, s->height) : g_strdup ("–");
  const char *element = s->decoder != NULL ? s->decoder : s->encoder;
  g_autofree char *codec = g_strdup_printf ("%s/%s", s->video_codec ? s->video_codec : "–",
                                            element ? element : "–");
  g_autofree char *latency = NULL;

  if (line->has_latency)
    {
      g_autofree char *median = format_double (line->latency_median, 0);
      g_autofree char *p95 = format_double (line->latency_p95, 0);

      /* No G_GUINT64_FORMAT inside the literal: xgettext would cut the string there. */
      /* Translators: glass-to-glass latency: median, 95th percentile, frames measured */
      latency = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              ", latency %s ms (p95 %s ms, %llu frame)",
                                              ", latency %s ms (p95 %s ms, %llu frames)",
                                              plural_count (line->stamped_frames)),
                                 median, p95, (unsigned long long) line->stamped_frames);
    }

  /* Translators: one line per second, e.g. "cam1 PLAYING: 30.0 fps, 985 kbps, 640×360,
   * H264/avdec_h264, lost 0, NACK 0, PLI 1, jitter 2.1 ms, quality PERFECT" */
  g_print (_("%s%s %s: %s fps, %s kbps, %s, %s, lost %s, NACK %s, PLI %s, jitter %s ms, "
             "quality %s%s\n"),
           prefix, line->stream, line->status, fps, kbps, size, codec, lost, nack, pli, jitter,
           beacon_channel_quality_to_string (s->quality), latency != NULL ? latency : "");
  if (line->info != NULL && *line->info != '\0')
    /* Translators: the server's reason for the stream's status */
    g_print (_("  server: %s\n"), line->info);
  fflush (stdout);
}

void
beacon_cli_stats_print_line (const BeaconCliStatsLine *line,
                             gboolean                  json)
{
  g_autoptr(JsonBuilder) builder = NULL;

  if (!json)
    {
      print_human (line, "");
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_line_members (builder, line, TRUE);
  json_builder_end_object (builder);
  print_builder (builder);
}

void
beacon_cli_stats_print_summary (const BeaconCliSummary *summary,
                                gboolean                json)
{
  g_autoptr(JsonBuilder) builder = NULL;
  const BeaconStatsSample *s = summary->line.sample;
  double fps = summary->seconds > 0 ? (double) summary->frames / summary->seconds : NAN;
  double kbps = s != NULL && summary->seconds > 0
    ? (double) s->video_bytes * 8.0 / 1000.0 / summary->seconds : NAN;

  if (!json)
    {
      g_autofree char *fps_text = format_double (fps, 1);
      g_autofree char *kbps_text = format_double (kbps, 0);
      g_autofree char *first = format_int (summary->first_frame_ms);

      /* Translators: the last line: total frames over the run's seconds, averages, and the
       * time to the first frame */
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "%s %s after %.1f s: %llu frame, %s fps and %s kbps on average, "
                            "first frame after %s ms\n",
                            "%s %s after %.1f s: %llu frames, %s fps and %s kbps on average, "
                            "first frame after %s ms\n",
                            plural_count (summary->frames)),
               summary->line.stream, summary->line.status, summary->seconds,
               (unsigned long long) summary->frames, fps_text, kbps_text, first);
      if (summary->line.info != NULL && *summary->line.info != '\0')
        g_print (_("  server: %s\n"), summary->line.info);
      fflush (stdout);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "summary");
  json_builder_add_boolean_value (builder, TRUE);
  add_line_members (builder, &summary->line, FALSE);
  /* Totals over the whole run replace the last second's figures. */
  add_double (builder, "seconds", summary->seconds);
  add_int (builder, "frames", (gint64) summary->frames);
  add_int (builder, "first_frame_ms", summary->first_frame_ms);
  add_double (builder, "average_fps", fps);
  add_double (builder, "average_bitrate_kbps", kbps);
  json_builder_end_object (builder);
  print_builder (builder);
}
