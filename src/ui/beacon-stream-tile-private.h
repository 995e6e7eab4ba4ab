/* beacon-stream-tile-private.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "beacon-stream-tile.h"

G_BEGIN_DECLS

struct _BeaconStreamTile
{
  GtkWidget            parent_instance;

  /* Template children */
  GtkWidget           *card;
  GtkPicture          *picture;
  GtkLabel            *placeholder_label;
  GtkLabel            *status_badge;
  GtkWidget           *alert_badge;
  GtkMenuButton       *menu_button;
  GtkLabel            *name_label;
  GtkLabel            *quality_label;
  GtkLabel            *details_label;
  GtkLabel            *fps_label;
  GtkWidget           *fps_sparkline;
  GtkLabel            *bitrate_label;
  GtkWidget           *bitrate_sparkline;

  /* Owned */
  BeaconWatchedStream *stream;
  GtkWindow           *fullscreen;      /* while the stream is shown full screen */
  GCancellable        *cancellable;     /* file saves */

  /* The CSS classes now on the badge and the quality indicator */
  const char          *status_class;
  const char          *quality_class;
};

/* beacon-stream-tile-actions.c */
void _beacon_stream_tile_class_init_actions (GtkWidgetClass   *widget_class);
void _beacon_stream_tile_close_fullscreen   (BeaconStreamTile *self);

G_END_DECLS
