/* beacon-video-paintable.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BEACON_TYPE_VIDEO_PAINTABLE (beacon_video_paintable_get_type ())
G_DECLARE_FINAL_TYPE (BeaconVideoPaintable, beacon_video_paintable,
                      BEACON, VIDEO_PAINTABLE, GObject)

BeaconVideoPaintable *beacon_video_paintable_new         (void);
void                  beacon_video_paintable_set_texture (BeaconVideoPaintable *self,
                                                          GdkTexture           *texture,
                                                          double                pixel_aspect_ratio);
GdkTexture           *beacon_video_paintable_dup_texture (BeaconVideoPaintable *self);
double                beacon_video_paintable_get_pixel_aspect_ratio
                                                         (BeaconVideoPaintable *self);

G_END_DECLS
