/* beacon-cli-streams.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `beacon-cli streams URL`: every stream on a server with its figures, from the WCS REST
 * API, for scripts and monitoring systems. */

#define G_LOG_DOMAIN "beacon-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "beacon-cli-commands.h"
#include "beacon-wcs-error.h"
#include "beacon-wcs-rest.h"

enum {
  COLUMN_NAME,
  COLUMN_ROLE,
  COLUMN_STATUS,
  COLUMN_CODEC,
  COLUMN_RESOLUTION,
  COLUMN_BITRATE,
  COLUMN_FPS,
  COLUMN_SINCE,
  N_COLUMNS
};

typedef struct
{
  GMainLoop     *loop;
  BeaconWcsRest *rest;
  gboolean       json;
  int            status;
} StreamsRun;

static gboolean opt_json;
static char    *opt_rest_url;
static char    *opt_user;
static char    *opt_password_file;
static int      opt_timeout_s = 10;

static const GOptionEntry streams_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json,
    N_("Print the streams as one JSON array"), NULL },
  { "rest-url", 0, 0, G_OPTION_ARG_STRING, &opt_rest_url,
    N_("REST API address (default: the server’s host on port 8081, or 8444 for wss://)"),
    N_("URL") },
  { "user", 0, 0, G_OPTION_ARG_STRING, &opt_user,
    N_("User name for the REST API"), N_("USER") },
  { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &opt_password_file,
    N_("Read the REST API password from the first line of FILE"), N_("FILE") },
  { "timeout", 0, 0, G_OPTION_ARG_INT, &opt_timeout_s,
    N_("Seconds to wait for the server (default 10)"), N_("SECONDS") },
  { NULL }
};

static const char *const column_titles[N_COLUMNS] = {
  /* Translators: column headings of `beacon-cli streams` */
  [COLUMN_NAME] = N_("NAME"),
  [COLUMN_ROLE] = N_("ROLE"),
  [COLUMN_STATUS] = N_("STATUS"),
  [COLUMN_CODEC] = N_("CODEC"),
  [COLUMN_RESOLUTION] = N_("RESOLUTION"),
  [COLUMN_BITRATE] = N_("BITRATE"),
  [COLUMN_FPS] = N_("FPS"),
  [COLUMN_SINCE] = N_("SINCE"),
};

/* ---- Table -------------------------------------------------------------------------- */

static char *
format_since (gint64 create_date_ms)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (create_date_ms <= 0 ||
      !(when = g_date_time_new_from_unix_local (create_date_ms / 1000)))
    return g_strdup ("—");
  /* Today's streams need only the time; older ones the date as well. */
  if (g_date_time_get_year (when) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (when) == g_date_time_get_day_of_year (now))
    return g_date_time_format (when, "%H:%M:%S");
  return g_date_time_format (when, "%Y-%m-%d %H:%M");
}

static char *
format_codec (const BeaconWcsRestStream *stream)
{
  if (stream->video_codec != NULL && stream->audio_codec != NULL)
    return g_strdup_printf ("%s/%s", stream->video_codec, stream->audio_codec);
  if (stream->video_codec != NULL || stream->audio_codec != NULL)
    return g_strdup (stream->video_codec ? stream->video_codec : stream->audio_codec);
  return g_strdup ("—");
}

/* The measured size when the server reports one, else the size the stream was opened with. */
static char *
format_resolution (const BeaconWcsRestStream *stream)
{
  if (stream->video_width > 0 && stream->video_height > 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT "×%" G_GINT64_FORMAT, stream->video_width,
                            stream->video_height);
  if (stream->width > 0 && stream->height > 0)
    return g_strdup_printf ("%d×%d", stream->width, stream->height);
  return g_strdup ("—");
}

static void
fill_row (const BeaconWcsRestStream *stream,
          char                     **row)
{
  row[COLUMN_NAME] = g_strdup (stream->name && *stream->name ? stream->name : "—");
  row[COLUMN_ROLE] = g_strdup (stream->published == TRUE ? C_("stream role", "publisher")
                               : stream->published == FALSE ? C_("stream role", "player")
                               : "—");
  row[COLUMN_STATUS] = g_strdup (stream->status ? stream->status : "—");
  row[COLUMN_CODEC] = format_codec (stream);
  row[COLUMN_RESOLUTION] = format_resolution (stream);
  row[COLUMN_BITRATE] = stream->video_rate >= 0 ?
    /* Translators: a video bitrate, e.g. “1250 kbit/s” */
    g_strdup_printf (_("%.0f kbit/s"), stream->video_rate / 1000.0) : g_strdup ("—");
  row[COLUMN_FPS] = stream->video_fps >= 0 ? g_strdup_printf ("%.0f", stream->video_fps)
                                           : g_strdup ("—");
  row[COLUMN_SINCE] = format_since (stream->create_date);
}

static void
print_padded (GString    *line,
              const char *text,
              guint       width,
              gboolean    last)
{
  g_string_append (line, text);
  if (last)
    return;
  for (glong pad = (glong) width - g_utf8_strlen (text, -1); pad > 0; pad--)
    g_string_append_c (line, ' ');
  g_string_append (line, "  ");
}

static void
print_table (GPtrArray *streams)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint widths[N_COLUMNS];
  char **titles = g_new0 (char *, N_COLUMNS + 1);

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      titles[c] = g_strdup (_(column_titles[c]));
      widths[c] = g_utf8_strlen (titles[c], -1);
    }
  g_ptr_array_add (rows, titles);

  for (guint i = 0; i < streams->len; i++)
    {
      char **row = g_new0 (char *, N_COLUMNS + 1);

      fill_row (g_ptr_array_index (streams, i), row);
      for (guint c = 0; c < N_COLUMNS; c++)
        widths[c] = MAX (widths[c], (guint) g_utf8_strlen (row[c], -1));
      g_ptr_array_add (rows, row);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(GString) line = g_string_new (NULL);
      char **row = g_ptr_array_index (rows, i);

      for (guint c = 0; c < N_COLUMNS; c++)
        print_padded (line, row[c], widths[c], c == N_COLUMNS - 1);
      g_print ("%s\n", line->str);
    }
}

/* ---- JSON --------------------------------------------------------------------------- */

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  if (value < 0)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

/* The members have WCS's names, so scripts written against WCS's own REST answers read
 * this output unchanged; what the server did not say is left out. */
static void
add_stream_json (JsonBuilder               *builder,
                 const BeaconWcsRestStream *stream)
{
  json_builder_begin_object (builder);
  add_string (builder, "mediaSessionId", stream->media_session_id);
  add_string (builder, "name", stream->name);
  if (stream->published != BEACON_WCS_UNSET)
    {
      json_builder_set_member_name (builder, "published");
      json_builder_add_boolean_value (builder, stream->published);
    }
  add_string (builder, "status", stream->status);
  add_string (builder, "info", stream->info);
  add_string (builder, "audioCodec", stream->audio_codec);
  add_string (builder, "videoCodec", stream->video_codec);
  add_int (builder, "width", stream->width);
  add_int (builder, "height", stream->height);
  add_int (builder, "createDate", stream->create_date);
  add_string (builder, "sessionId", stream->session_id);
  add_string (builder, "mediaProvider", stream->media_provider);
  if (stream->has_metrics)
    {
      json_builder_set_member_name (builder, "metrics");
      json_builder_begin_object (builder);
      add_int (builder, "VIDEO_WIDTH", stream->video_width);
      add_int (builder, "VIDEO_HEIGHT", stream->video_height);
      add_int (builder, "VIDEO_RATE", stream->video_rate);
      if (stream->video_fps >= 0)
        {
          json_builder_set_member_name (builder, "VIDEO_FPS");
          json_builder_add_double_value (builder, stream->video_fps);
        }
      add_int (builder, "VIDEO_NACK", stream->video_nack);
      add_int (builder, "VIDEO_PLI", stream->video_pli);
      add_int (builder, "VIDEO_LOST", stream->video_lost);
      add_int (builder, "VIDEO_K_FRAMES", stream->video_k_frames);
      add_int (builder, "AUDIO_RATE", stream->audio_rate);
      add_string (builder, "VIDEO_CODEC", stream->metric_video_codec);
      add_string (builder, "AUDIO_CODEC", stream->metric_audio_codec);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

static void
print_json (GPtrArray *streams)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < streams->len; i++)
    add_stream_json (builder, g_ptr_array_index (streams, i));
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  g_print ("%s\n", text);
}

/* ---- Run ---------------------------------------------------------------------------- */

static void
finish (StreamsRun *run,
        GPtrArray  *streams,
        GError     *error)
{
  if (streams != NULL)
    {
      if (run->json)
        print_json (streams);
      else if (streams->len == 0)
        g_print (_("No streams on %s\n"), beacon_wcs_rest_get_base_url (run->rest));
      else
        print_table (streams);
      run->status = EXIT_OK;
    }
  else
    {
      g_printerr ("%s\n", error->message);
      run->status = g_error_matches (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_BAD_URL)
                    ? EXIT_USAGE : EXIT_CONNECT;
    }
  g_main_loop_quit (run->loop);
}

static void
on_found_all_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) streams = beacon_wcs_rest_find_all_finish (BEACON_WCS_REST (source),
                                                                  result, &error);

  finish (user_data, streams, error);
}

static void
on_found_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  StreamsRun *run = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) streams = beacon_wcs_rest_find_finish (run->rest, result, &error);

  /* `find` without a name is what gives metrics for every stream, but WCS documents it
   * with a filter; should a server refuse the bare query, the plain list still helps. */
  if (streams == NULL && g_error_matches (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL))
    {
      g_debug ("find without a filter failed (%s); asking find_all", error->message);
      beacon_wcs_rest_find_all_async (run->rest, NULL, on_found_all_cb, run);
      return;
    }
  finish (run, streams, error);
}

static gboolean
read_password (const char *path,
               char      **password,
               GError    **error)
{
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return FALSE;
  contents[strcspn (contents, "\r\n")] = '\0';
  *password = g_steal_pointer (&contents);
  return TRUE;
}

int
beacon_cli_streams (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(BeaconWcsRest) rest = NULL;
  g_autofree char *password = NULL;
  StreamsRun run = { 0 };

  context = g_option_context_new (_("URL — list every stream on a server, with its figures"));
  g_option_context_add_main_entries (context, streams_entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Exit status: 0 the list was printed (also when empty), 2 usage, "
      "3 the REST API could not be reached or refused the request."));
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 ||
      opt_timeout_s <= 0)
    {
      g_printerr ("%s\n", error ? error->message
                                : _("Usage: beacon-cli streams URL [--json] [--rest-url URL]"));
      return EXIT_USAGE;
    }
  if (opt_password_file != NULL && (opt_user == NULL || *opt_user == '\0'))
    {
      g_printerr ("%s\n", _("--password-file needs --user"));
      return EXIT_USAGE;
    }
  if (opt_password_file != NULL && !read_password (opt_password_file, &password, &error))
    {
      g_printerr (_("Could not read the password: %s\n"), error->message);
      return EXIT_USAGE;
    }

  rest = beacon_wcs_rest_new (argv[1]);
  if (beacon_wcs_rest_get_base_url (rest) == NULL)
    {
      g_printerr (_("“%s” is not a server address (ws://, wss://, http:// or https://)\n"),
                  argv[1]);
      return EXIT_USAGE;
    }
  if (opt_rest_url != NULL)
    beacon_wcs_rest_set_base_url (rest, opt_rest_url);
  beacon_wcs_rest_set_username (rest, opt_user);
  beacon_wcs_rest_set_password (rest, password);
  beacon_wcs_rest_set_timeout (rest, opt_timeout_s);

  loop = g_main_loop_new (NULL, FALSE);
  run.loop = loop;
  run.rest = rest;
  run.json = opt_json;
  beacon_wcs_rest_find_async (rest, NULL, BEACON_WCS_UNSET, NULL, on_found_cb, &run);
  g_main_loop_run (loop);
  return run.status;
}
