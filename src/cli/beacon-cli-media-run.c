/* beacon-cli-media-run.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>

#include "beacon-cli-commands.h"
#include "beacon-cli-media-run.h"
#include "beacon-media-info.h"
#include "beacon-protocol-enums.h"
#include "beacon-wcs-message.h"

/* After stop: how long to wait for the server to confirm UNPUBLISHED or STOPPED. */
#define STOP_GRACE_MS 3000

/* The options both media commands take (after their own), parsed here and copied into the
 * spec by beacon_cli_media_parse. */
static int      opt_seconds;
static gboolean opt_json;
static char    *opt_app_key;
static int      opt_timeout_ms = 10000;

static const GOptionEntry shared_entries[] = {
  { "seconds", 0, 0, G_OPTION_ARG_INT, &opt_seconds,
    N_("Stop after N seconds (default: run until interrupted)"), N_("N") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json,
    N_("Print one JSON object per line"), NULL },
  { "app-key", 0, 0, G_OPTION_ARG_STRING, &opt_app_key,
    N_("Server application key (default: defaultApp)"), N_("KEY") },
  { "timeout", 0, 0, G_OPTION_ARG_INT, &opt_timeout_ms,
    N_("Connect timeout in milliseconds"), N_("MS") },
  { NULL }
};

typedef struct
{
  const BeaconCliMediaSpec *spec;
  GMainLoop                *loop;
  BeaconWcsClient          *client;
  BeaconMediaPeer          *media;
  BeaconStatsSample        *last_sample;
  gint64                    start_us;
  guint                     seconds_id;
  guint                     grace_id;
  guint                     sigint_id;
  guint                     sigterm_id;
  gboolean                  connected;
  gboolean                  stopping;
  gboolean                  failed;
  GError                   *connect_error;
} Run;

static BeaconWcsStreamStatus
media_status (Run *run)
{
  return beacon_media_peer_get_status (run->media);
}

static const char *
media_info (Run *run)
{
  BeaconWcsStream *stream = beacon_media_peer_get_stream (run->media);

  return stream != NULL ? beacon_wcs_stream_get_info (stream) : NULL;
}

static void
fill_line (Run                *run,
           BeaconCliStatsLine *line)
{
  line->stream = run->spec->name;
  line->status = beacon_wcs_stream_status_to_string (media_status (run));
  line->info = media_info (run);
  line->sample = run->last_sample;
  if (run->spec->read_latency != NULL)
    run->spec->read_latency (run->media, line);
}

static void
on_stats_updated (BeaconMediaPeer         *media,
                  const BeaconStatsSample *sample,
                  Run                     *run)
{
  BeaconCliStatsLine line = { 0 };

  g_clear_pointer (&run->last_sample, beacon_stats_sample_free);
  run->last_sample = beacon_stats_sample_copy (sample);
  fill_line (run, &line);
  beacon_cli_stats_print_line (&line, run->spec->json);
}

static gboolean
on_grace_over (gpointer user_data)
{
  Run *run = user_data;

  run->grace_id = 0;
  g_debug ("the server did not confirm the stop within %d ms", STOP_GRACE_MS);
  g_main_loop_quit (run->loop);
  return G_SOURCE_REMOVE;
}

static void
begin_stop (Run *run)
{
  if (run->stopping)
    return;
  run->stopping = TRUE;
  g_clear_handle_id (&run->seconds_id, g_source_remove);
  beacon_media_peer_stop (run->media);
  if (beacon_wcs_stream_status_is_terminal (media_status (run)) ||
      media_status (run) == BEACON_WCS_STREAM_STATUS_NEW)
    g_main_loop_quit (run->loop);
  else
    run->grace_id = g_timeout_add (STOP_GRACE_MS, on_grace_over, run);
}

static void
on_status (BeaconMediaPeer *media,
           GParamSpec      *pspec,
           Run             *run)
{
  BeaconWcsStreamStatus status = media_status (run);

  if (!beacon_wcs_stream_status_is_terminal (status))
    return;
  if (status == BEACON_WCS_STREAM_STATUS_FAILED)
    {
      const char *info = media_info (run);

      run->failed = TRUE;
      /* Translators: the stream's name and the server's reason, e.g. “Stream not found” */
      g_printerr (_("Stream “%s” failed: %s\n"), run->spec->name,
                  info != NULL && *info != '\0' ? info : _("no reason given"));
    }
  g_main_loop_quit (run->loop);
}

static void
on_error (BeaconMediaPeer *media,
          GParamSpec      *pspec,
          Run             *run)
{
  const GError *error = beacon_media_peer_get_error (media);

  if (error == NULL)
    return;
  run->failed = TRUE;
  g_printerr ("%s\n", error->message);
  begin_stop (run);
}

static void
on_client_state (BeaconWcsClient *client,
                 GParamSpec      *pspec,
                 Run             *run)
{
  BeaconWcsState state = beacon_wcs_client_get_state (client);
  const GError *error = beacon_wcs_client_get_error (client);

  if (state != BEACON_WCS_STATE_FAILED && state != BEACON_WCS_STATE_DISCONNECTED)
    return;
  if (!run->stopping)
    {
      run->failed = TRUE;
      /* Translators: %s is why the server connection ended */
      g_printerr (_("The connection to the server ended: %s\n"),
                  error != NULL ? error->message : _("closed by the server"));
    }
  g_main_loop_quit (run->loop);
}

static gboolean
on_seconds_over (gpointer user_data)
{
  Run *run = user_data;

  run->seconds_id = 0;
  begin_stop (run);
  return G_SOURCE_REMOVE;
}

static gboolean
on_quit_signal (gpointer user_data)
{
  begin_stop (user_data);
  return G_SOURCE_CONTINUE;
}

static void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Run *run = user_data;

  run->connected = beacon_wcs_client_connect_finish (run->client, result, &run->connect_error);
  g_main_loop_quit (run->loop);
}

static void
print_summary (Run *run)
{
  BeaconCliSummary summary = { 0 };

  fill_line (run, &summary.line);
  summary.seconds = (double) (g_get_monotonic_time () - run->start_us) / G_USEC_PER_SEC;
  /* The counters now, not as of the last sample, up to a second old. */
  summary.frames = beacon_media_peer_get_frames (run->media);
  summary.first_frame_ms = run->last_sample != NULL ? run->last_sample->first_frame_ms : -1;
  beacon_cli_stats_print_summary (&summary, run->spec->json);
}

static int
run_media (Run *run)
{
  const BeaconCliMediaSpec *spec = run->spec;
  g_autoptr(GError) error = NULL;

  run->media = spec->create (run->client, spec->user_data);
  g_signal_connect (run->media, "stats-updated", G_CALLBACK (on_stats_updated), run);
  g_signal_connect (run->media, "notify::status", G_CALLBACK (on_status), run);
  g_signal_connect (run->media, "notify::error", G_CALLBACK (on_error), run);
  g_signal_connect (run->client, "notify::state", G_CALLBACK (on_client_state), run);

  run->start_us = g_get_monotonic_time ();
  if (!beacon_media_peer_start (run->media, spec->name, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_STREAM;
    }

  if (spec->seconds > 0)
    run->seconds_id = g_timeout_add_seconds (spec->seconds, on_seconds_over, run);
  run->sigint_id = g_unix_signal_add (SIGINT, on_quit_signal, run);
  run->sigterm_id = g_unix_signal_add (SIGTERM, on_quit_signal, run);
  g_main_loop_run (run->loop);

  /* Also when the stream ended on its own: release the media before the summary. */
  begin_stop (run);
  g_signal_handlers_disconnect_by_data (run->media, run);
  g_signal_handlers_disconnect_by_data (run->client, run);
  print_summary (run);

  if (run->failed || media_status (run) == BEACON_WCS_STREAM_STATUS_FAILED)
    return EXIT_STREAM;
  if (spec->require_frames && beacon_media_peer_get_frames (run->media) == 0)
    {
      /* Translators: %s is the stream's name */
      g_printerr (_("No video frame of “%s” was decoded\n"), spec->name);
      return EXIT_STREAM;
    }
  return EXIT_OK;
}

gboolean
beacon_cli_media_parse (BeaconCliMediaSpec *spec,
                        const GOptionEntry *entries,
                        const char         *parameter_string,
                        const char         *usage,
                        int                *argc,
                        char             ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter_string);
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, shared_entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error) || *argc != 3)
    {
      g_printerr ("%s\n", error ? error->message : usage);
      return FALSE;
    }

  spec->url = (*argv)[1];
  spec->name = (*argv)[2];
  spec->app_key = opt_app_key;
  spec->connect_timeout_ms = opt_timeout_ms;
  spec->json = opt_json;
  spec->seconds = opt_seconds;
  return TRUE;
}

int
beacon_cli_media_run (const BeaconCliMediaSpec *spec)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *version_info = beacon_media_dup_client_version_info ();
  Run run = { 0 };
  int status;

  if (!beacon_wcs_client_check_url (spec->url, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_USAGE;
    }
  gst_init (NULL, NULL);

  run.spec = spec;
  run.loop = g_main_loop_new (NULL, FALSE);
  run.client = beacon_wcs_client_new (spec->url);
  beacon_wcs_client_set_app_key (run.client, spec->app_key);
  beacon_wcs_client_set_client_version_info (run.client, version_info);
  if (spec->connect_timeout_ms > 0)
    beacon_wcs_client_set_connect_timeout (run.client, spec->connect_timeout_ms);

  beacon_wcs_client_connect_async (run.client, NULL, on_connected, &run);
  g_main_loop_run (run.loop);
  if (!run.connected)
    {
      /* Translators: the server's address, then why */
      g_printerr (_("Could not connect to %s: %s\n"), spec->url, run.connect_error->message);
      status = EXIT_CONNECT;
    }
  else
    {
      status = run_media (&run);
    }

  g_clear_handle_id (&run.seconds_id, g_source_remove);
  g_clear_handle_id (&run.grace_id, g_source_remove);
  g_clear_handle_id (&run.sigint_id, g_source_remove);
  g_clear_handle_id (&run.sigterm_id, g_source_remove);
  g_clear_object (&run.media);
  beacon_wcs_client_disconnect (run.client);
  g_clear_object (&run.client);
  g_clear_pointer (&run.last_sample, beacon_stats_sample_free);
  g_clear_error (&run.connect_error);
  g_main_loop_unref (run.loop);
  return status;
}
