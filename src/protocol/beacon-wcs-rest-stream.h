/* beacon-wcs-rest-stream.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "beacon-wcs-message.h"

G_BEGIN_DECLS

/**
 * BeaconWcsRestStream:
 *
 * One stream object from the WCS REST API (`/stream/find_all`, `/stream/find`;
 * protocol-reference §10.7, shaped as §4.2). Strings are %NULL and numbers
 * %BEACON_WCS_UNSET when the server left them out. The metric members are set only when
 * the answer carried a `metrics` object (`/stream/find` with `display: ["metrics"]`), and
 * then only the metrics it named.
 */
typedef struct
{
  char    *media_session_id;
  char    *name;
  int      published;          /* TRUE, FALSE or BEACON_WCS_UNSET */
  char    *status;
  char    *info;
  char    *audio_codec;
  char    *video_codec;
  int      width;              /* at publishing time; 0 while starting */
  int      height;
  gint64   create_date;        /* ms since the epoch */
  char    *session_id;         /* the owning session's authToken */
  char    *media_provider;

  gboolean has_metrics;
  gint64   video_width;
  gint64   video_height;
  gint64   video_rate;         /* bits per second */
  double   video_fps;
  gint64   video_nack;
  gint64   video_pli;
  gint64   video_lost;
  gint64   video_k_frames;
  gint64   audio_rate;         /* bits per second */
  /* As text: WCS sends its internal codec id (119), the local server the name (H264). */
  char    *metric_video_codec;
  char    *metric_audio_codec;
} BeaconWcsRestStream;

#define BEACON_TYPE_WCS_REST_STREAM (beacon_wcs_rest_stream_get_type ())

GType                beacon_wcs_rest_stream_get_type   (void) G_GNUC_CONST;
BeaconWcsRestStream *beacon_wcs_rest_stream_new        (void);
BeaconWcsRestStream *beacon_wcs_rest_stream_copy       (const BeaconWcsRestStream *stream);
void                 beacon_wcs_rest_stream_free       (BeaconWcsRestStream *stream);

/** beacon_wcs_rest_stream_list_parse: a REST answer body (a JSON array of stream
 * objects) as a GPtrArray of #BeaconWcsRestStream; numbers and booleans may arrive as
 * strings. Anything else is a %BEACON_WCS_ERROR_PROTOCOL naming what was wrong. */
GPtrArray           *beacon_wcs_rest_stream_list_parse (const char *text,
                                                        gsize       length,
                                                        GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BeaconWcsRestStream, beacon_wcs_rest_stream_free)

G_END_DECLS
