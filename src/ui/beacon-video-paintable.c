/* beacon-video-paintable.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-video-paintable"

#include "config.h"

#include <math.h>

#include "beacon-video-paintable.h"

struct _BeaconVideoPaintable
{
  GObject     parent_instance;

  /* Owned: the newest frame, NULL before the first one */
  GdkTexture *texture;

  /* Width of a pixel over its height, from the caps; widens or narrows the picture */
  double      pixel_aspect_ratio;
};

static void beacon_video_paintable_paintable_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BeaconVideoPaintable, beacon_video_paintable, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE,
                                                      beacon_video_paintable_paintable_init))

static int
beacon_video_paintable_get_intrinsic_width (GdkPaintable *paintable)
{
  BeaconVideoPaintable *self = BEACON_VIDEO_PAINTABLE (paintable);

  if (self->texture == NULL)
    return 0;

  return (int) round (self->pixel_aspect_ratio * gdk_texture_get_width (self->texture));
}

static int
beacon_video_paintable_get_intrinsic_height (GdkPaintable *paintable)
{
  BeaconVideoPaintable *self = BEACON_VIDEO_PAINTABLE (paintable);

  if (self->texture == NULL)
    return 0;

  return gdk_texture_get_height (self->texture);
}

static double
beacon_video_paintable_get_intrinsic_aspect_ratio (GdkPaintable *paintable)
{
  BeaconVideoPaintable *self = BEACON_VIDEO_PAINTABLE (paintable);

  if (self->texture == NULL)
    return 0.0;

  return self->pixel_aspect_ratio *
         gdk_texture_get_width (self->texture) / gdk_texture_get_height (self->texture);
}

static void
beacon_video_paintable_snapshot (GdkPaintable *paintable,
                                 GdkSnapshot  *snapshot,
                                 double        width,
                                 double        height)
{
  BeaconVideoPaintable *self = BEACON_VIDEO_PAINTABLE (paintable);
  double aspect;
  double w;
  double h;

  if (self->texture == NULL || width <= 0.0 || height <= 0.0)
    return;

  /* GtkPicture already asks for our aspect, but a caller drawing us into an arbitrary box
   * (a grid tile, a snapshot) gets letterboxing rather than a stretched face. */
  aspect = beacon_video_paintable_get_intrinsic_aspect_ratio (paintable);
  if (width / height > aspect)
    {
      h = height;
      w = height * aspect;
    }
  else
    {
      w = width;
      h = width / aspect;
    }

  gtk_snapshot_append_texture (GTK_SNAPSHOT (snapshot), self->texture,
                               &GRAPHENE_RECT_INIT ((width - w) / 2.0, (height - h) / 2.0,
                                                    w, h));
}

static GdkPaintable *
beacon_video_paintable_get_current_image (GdkPaintable *paintable)
{
  BeaconVideoPaintable *self = BEACON_VIDEO_PAINTABLE (paintable);

  /* Textures never change once made, so the current frame is already a static image. */
  if (self->texture != NULL)
    return g_object_ref (GDK_PAINTABLE (self->texture));

  return gdk_paintable_new_empty (0, 0);
}

static void
beacon_video_paintable_paintable_init (GdkPaintableInterface *iface)
{
  iface->snapshot = beacon_video_paintable_snapshot;
  iface->get_current_image = beacon_video_paintable_get_current_image;
  iface->get_intrinsic_width = beacon_video_paintable_get_intrinsic_width;
  iface->get_intrinsic_height = beacon_video_paintable_get_intrinsic_height;
  iface->get_intrinsic_aspect_ratio = beacon_video_paintable_get_intrinsic_aspect_ratio;
}

static void
beacon_video_paintable_dispose (GObject *object)
{
  BeaconVideoPaintable *self = BEACON_VIDEO_PAINTABLE (object);

  g_clear_object (&self->texture);

  G_OBJECT_CLASS (beacon_video_paintable_parent_class)->dispose (object);
}

static void
beacon_video_paintable_class_init (BeaconVideoPaintableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = beacon_video_paintable_dispose;
}

static void
beacon_video_paintable_init (BeaconVideoPaintable *self)
{
  self->pixel_aspect_ratio = 1.0;
}

BeaconVideoPaintable *
beacon_video_paintable_new (void)
{
  return g_object_new (BEACON_TYPE_VIDEO_PAINTABLE, NULL);
}

/**
 * beacon_video_paintable_set_texture:
 * @texture: (nullable): the new frame, or %NULL to go back to showing nothing
 * @pixel_aspect_ratio: a pixel's width over its height; 1 for square pixels
 *
 * Shows @texture from now on. Call on the GTK thread only.
 */
void
beacon_video_paintable_set_texture (BeaconVideoPaintable *self,
                                    GdkTexture           *texture,
                                    double                pixel_aspect_ratio)
{
  GdkPaintable *paintable = (GdkPaintable *) self;
  int old_width;
  int old_height;
  double old_aspect;

  g_return_if_fail (BEACON_IS_VIDEO_PAINTABLE (self));
  g_return_if_fail (texture == NULL || GDK_IS_TEXTURE (texture));
  g_return_if_fail (pixel_aspect_ratio > 0.0 && isfinite (pixel_aspect_ratio));

  if (self->texture == texture && self->pixel_aspect_ratio == pixel_aspect_ratio)
    return;

  old_width = beacon_video_paintable_get_intrinsic_width (paintable);
  old_height = beacon_video_paintable_get_intrinsic_height (paintable);
  old_aspect = beacon_video_paintable_get_intrinsic_aspect_ratio (paintable);

  g_set_object (&self->texture, texture);
  self->pixel_aspect_ratio = pixel_aspect_ratio;

  /* A size change makes GtkPicture reallocate; most frames keep the size and only need a
   * redraw, so only say "size" when it really changed. */
  if (old_width != beacon_video_paintable_get_intrinsic_width (paintable) ||
      old_height != beacon_video_paintable_get_intrinsic_height (paintable) ||
      old_aspect != beacon_video_paintable_get_intrinsic_aspect_ratio (paintable))
    gdk_paintable_invalidate_size (paintable);

  gdk_paintable_invalidate_contents (paintable);
}

/**
 * beacon_video_paintable_dup_texture:
 *
 * Returns: (transfer full) (nullable): the frame shown now, or %NULL before the first one
 */
GdkTexture *
beacon_video_paintable_dup_texture (BeaconVideoPaintable *self)
{
  g_return_val_if_fail (BEACON_IS_VIDEO_PAINTABLE (self), NULL);

  return self->texture != NULL ? g_object_ref (self->texture) : NULL;
}

double
beacon_video_paintable_get_pixel_aspect_ratio (BeaconVideoPaintable *self)
{
  g_return_val_if_fail (BEACON_IS_VIDEO_PAINTABLE (self), 1.0);

  return self->pixel_aspect_ratio;
}
