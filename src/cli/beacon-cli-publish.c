/* beacon-cli-publish.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `beacon-cli publish URL NAME`: publish a test pattern or a camera, with a line of
 * statistics a second, until --seconds or SIGINT/SIGTERM. */

#define G_LOG_DOMAIN "beacon-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "beacon-cli-commands.h"
#include "beacon-cli-media-run.h"
#include "beacon-publisher.h"

typedef struct
{
  const char       *source;
  BeaconVideoCodec  codec;
} PublishOptions;

static char    *opt_source;
static char    *opt_codec;
static int      opt_width = 640;
static int      opt_height = 360;
static int      opt_fps = 30;
static int      opt_bitrate = 1000;
static gboolean opt_stamp;
static gboolean opt_record;

/* --seconds, --json, --app-key and --timeout come from beacon-cli-media-run.c. */
static const GOptionEntry publish_entries[] = {
  { "source", 0, 0, G_OPTION_ARG_STRING, &opt_source,
    N_("test (default), camera, or a device id from “beacon-cli devices”"), N_("SOURCE") },
  { "codec", 0, 0, G_OPTION_ARG_STRING, &opt_codec,
    N_("Video codec: h264 (default) or vp8"), N_("CODEC") },
  { "width", 0, 0, G_OPTION_ARG_INT, &opt_width, N_("Video width (default 640)"), N_("W") },
  { "height", 0, 0, G_OPTION_ARG_INT, &opt_height, N_("Video height (default 360)"), N_("H") },
  { "fps", 0, 0, G_OPTION_ARG_INT, &opt_fps, N_("Frames per second (default 30)"), N_("F") },
  { "bitrate", 0, 0, G_OPTION_ARG_INT, &opt_bitrate,
    N_("Video bitrate in kbit/s (default 1000)"), N_("KBPS") },
  { "stamp", 0, 0, G_OPTION_ARG_NONE, &opt_stamp,
    N_("Draw the latency stamp into every frame"), NULL },
  { "record", 0, 0, G_OPTION_ARG_NONE, &opt_record,
    N_("Ask the server to record the stream"), NULL },
  { NULL }
};

static BeaconMediaPeer *
create_publisher (BeaconWcsClient *client,
                  gpointer         user_data)
{
  PublishOptions *options = user_data;

  return g_object_new (BEACON_TYPE_PUBLISHER,
                       "client", client,
                       "source", options->source,
                       "codec", options->codec,
                       "width", (guint) opt_width,
                       "height", (guint) opt_height,
                       "fps", (guint) opt_fps,
                       "bitrate", (guint) opt_bitrate,
                       "stamp", opt_stamp,
                       "record", opt_record,
                       NULL);
}

int
beacon_cli_publish (int    argc,
                    char **argv)
{
  PublishOptions options = { "test", BEACON_VIDEO_CODEC_H264 };
  BeaconCliMediaSpec spec = { 0 };

  if (!beacon_cli_media_parse (&spec, publish_entries, _("URL NAME — publish a stream"),
                               _("Usage: beacon-cli publish URL NAME [OPTION…]"), &argc, &argv))
    return EXIT_USAGE;
  if (opt_codec != NULL && !beacon_video_codec_from_string (opt_codec, &options.codec))
    {
      /* Translators: %s is what the user typed */
      g_printerr (_("Unknown codec “%s”: use h264 or vp8\n"), opt_codec);
      return EXIT_USAGE;
    }
  if (opt_width < 40 || opt_width > 4096 || opt_height < 16 || opt_height > 4096 ||
      opt_fps < 1 || opt_fps > 120 || opt_bitrate < 50 || opt_bitrate > 50000 ||
      spec.seconds < 0 || spec.connect_timeout_ms <= 0)
    {
      g_printerr ("%s\n", _("Out of range: width 40–4096, height 16–4096, fps 1–120, "
                            "bitrate 50–50000 kbit/s, seconds and timeout positive"));
      return EXIT_USAGE;
    }
  if (opt_source != NULL && *opt_source == '\0')
    {
      g_printerr ("%s\n", _("--source needs a value: test, camera or a device id"));
      return EXIT_USAGE;
    }
  if (opt_source != NULL)
    options.source = opt_source;

  spec.create = create_publisher;
  spec.user_data = &options;
  return beacon_cli_media_run (&spec);
}
