/* beacon-cli-play.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `beacon-cli play URL NAME`: play a stream headless (decoded, then discarded), with a line
 * of statistics a second, until --seconds or SIGINT/SIGTERM. */

#define G_LOG_DOMAIN "beacon-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "beacon-cli-commands.h"
#include "beacon-cli-media-run.h"
#include "beacon-player.h"

static char    *opt_decoder;
static gboolean opt_latency;
static gboolean opt_audio;
static int      opt_buffer_ms = 50;

/* --seconds, --json, --app-key and --timeout come from beacon-cli-media-run.c. */
static const GOptionEntry play_entries[] = {
  { "decoder", 0, 0, G_OPTION_ARG_STRING, &opt_decoder,
    N_("Video decoders to use: auto (default), software or vaapi"), N_("KIND") },
  { "latency", 0, 0, G_OPTION_ARG_NONE, &opt_latency,
    N_("Measure glass-to-glass latency from the publisher's latency stamp"), NULL },
  { "audio", 0, 0, G_OPTION_ARG_NONE, &opt_audio,
    N_("Play the audio on the speakers (default: decode and discard it)"), NULL },
  { "jitter-buffer", 0, 0, G_OPTION_ARG_INT, &opt_buffer_ms,
    N_("Jitter buffer in milliseconds, 0–100 (default 50)"), N_("MS") },
  { NULL }
};

static BeaconMediaPeer *
create_player (BeaconWcsClient *client,
               gpointer         user_data)
{
  BeaconCodecMode *mode = user_data;

  return g_object_new (BEACON_TYPE_PLAYER,
                       "client", client,
                       "decoder-mode", *mode,
                       "audio", opt_audio,
                       "latency", (guint) opt_buffer_ms,
                       "measure-latency", opt_latency,
                       NULL);
}

static void
read_latency (BeaconMediaPeer    *media,
              BeaconCliStatsLine *line)
{
  line->has_latency = TRUE;
  beacon_player_get_latency_stats (BEACON_PLAYER (media), &line->latency_median,
                                   &line->latency_p95, &line->stamped_frames, NULL);
}

static gboolean
parse_decoder (const char      *text,
               BeaconCodecMode *mode)
{
  if (text == NULL || g_str_equal (text, "auto"))
    *mode = BEACON_CODEC_MODE_AUTO;
  else if (g_str_equal (text, "software"))
    *mode = BEACON_CODEC_MODE_SOFTWARE;
  else if (g_str_equal (text, "vaapi"))
    *mode = BEACON_CODEC_MODE_VAAPI;
  else
    return FALSE;
  return TRUE;
}

int
beacon_cli_play (int    argc,
                 char **argv)
{
  BeaconCodecMode mode = BEACON_CODEC_MODE_AUTO;
  BeaconCliMediaSpec spec = { 0 };

  if (!beacon_cli_media_parse (&spec, play_entries, _("URL NAME — play a stream"),
                               _("Usage: beacon-cli play URL NAME [OPTION…]"), &argc, &argv))
    return EXIT_USAGE;
  if (!parse_decoder (opt_decoder, &mode))
    {
      /* Translators: %s is what the user typed */
      g_printerr (_("Unknown decoder kind “%s”: use auto, software or vaapi\n"), opt_decoder);
      return EXIT_USAGE;
    }
  if (spec.seconds < 0 || spec.connect_timeout_ms <= 0 || opt_buffer_ms < 0 ||
      opt_buffer_ms > 100)
    {
      g_printerr ("%s\n", _("Out of range: seconds and timeout positive, jitter buffer "
                            "0–100 ms"));
      return EXIT_USAGE;
    }

  spec.require_frames = TRUE;
  spec.create = create_player;
  spec.read_latency = opt_latency ? read_latency : NULL;
  spec.user_data = &mode;
  return beacon_cli_media_run (&spec);
}
