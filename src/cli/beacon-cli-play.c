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

static int      opt_seconds;
static char    *opt_decoder;
static gboolean opt_latency;
static gboolean opt_json;
static gboolean opt_audio;
static int      opt_buffer_ms = 50;
static char    *opt_app_key;
static int      opt_timeout_ms = 10000;

static const GOptionEntry play_entries[] = {
  { "seconds", 0, 0, G_OPTION_ARG_INT, &opt_seconds,
    N_("Stop after N seconds (default: run until interrupted)"), N_("N") },
  { "decoder", 0, 0, G_OPTION_ARG_STRING, &opt_decoder,
    N_("Video decoders to use: auto (default), software or vaapi"), N_("KIND") },
  { "latency", 0, 0, G_OPTION_ARG_NONE, &opt_latency,
    N_("Measure glass-to-glass latency from the publisher's latency stamp"), NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json,
    N_("Print one JSON object per line"), NULL },
  { "audio", 0, 0, G_OPTION_ARG_NONE, &opt_audio,
    N_("Play the audio on the speakers (default: decode and discard it)"), NULL },
  { "jitter-buffer", 0, 0, G_OPTION_ARG_INT, &opt_buffer_ms,
    N_("Jitter buffer in milliseconds, 0–100 (default 50)"), N_("MS") },
  { "app-key", 0, 0, G_OPTION_ARG_STRING, &opt_app_key,
    N_("Server application key (default: defaultApp)"), N_("KEY") },
  { "timeout", 0, 0, G_OPTION_ARG_INT, &opt_timeout_ms,
    N_("Connect timeout in milliseconds"), N_("MS") },
  { NULL }
};

static GObject *
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

static gboolean
start_player (GObject    *media,
              const char *name,
              GError    **error)
{
  return beacon_player_start (BEACON_PLAYER (media), name, error);
}

static guint64
count_frames (GObject *media)
{
  return beacon_player_get_frames (BEACON_PLAYER (media));
}

static void
stop_player (GObject *media)
{
  beacon_player_stop (BEACON_PLAYER (media));
}

static void
read_latency (GObject            *media,
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
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  BeaconCodecMode mode = BEACON_CODEC_MODE_AUTO;
  BeaconCliMediaSpec spec = { 0 };

  context = g_option_context_new (_("URL NAME — play a stream"));
  g_option_context_add_main_entries (context, play_entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 3)
    {
      g_printerr ("%s\n", error ? error->message
                                : _("Usage: beacon-cli play URL NAME [OPTION…]"));
      return EXIT_USAGE;
    }
  if (!parse_decoder (opt_decoder, &mode))
    {
      /* Translators: %s is what the user typed */
      g_printerr (_("Unknown decoder kind “%s”: use auto, software or vaapi\n"), opt_decoder);
      return EXIT_USAGE;
    }
  if (opt_seconds < 0 || opt_timeout_ms <= 0 || opt_buffer_ms < 0 || opt_buffer_ms > 100)
    {
      g_printerr ("%s\n", _("Out of range: seconds and timeout positive, jitter buffer "
                            "0–100 ms"));
      return EXIT_USAGE;
    }

  spec.url = argv[1];
  spec.name = argv[2];
  spec.app_key = opt_app_key;
  spec.connect_timeout_ms = opt_timeout_ms;
  spec.json = opt_json;
  spec.seconds = opt_seconds;
  spec.require_frames = TRUE;
  spec.create = create_player;
  spec.start = start_player;
  spec.stop = stop_player;
  spec.count_frames = count_frames;
  spec.read_latency = opt_latency ? read_latency : NULL;
  spec.user_data = &mode;
  return beacon_cli_media_run (&spec);
}
