/* beacon-video-sink.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-video-sink"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "beacon-media-error.h"
#include "beacon-video-paintable.h"
#include "beacon-video-sink.h"

#define SINK_FACTORY_NAME "beaconvideosink"
#define GTK4_FACTORY_NAME "gtk4paintablesink"

/* Four bytes a pixel, in the two orders GdkMemoryTexture reads on GTK 4.8; the x variants
 * get their padding byte set to opaque while copying (GDK_MEMORY_*X8 is GTK >= 4.14). */
#define SINK_FORMATS "{ BGRx, BGRA, RGBx, RGBA }"

struct _BeaconVideoSink
{
  GstVideoSink          parent_instance;

  /* Owned; created with the sink and only touched on the GTK thread afterwards */
  BeaconVideoPaintable *paintable;

  /* GTK thread only */
  guint64               frames_rendered;
  int                   frame_width;
  int                   frame_height;

  /* Streaming thread; info is written by set_info under the object lock */
  GstVideoInfo          info;
  GstBuffer            *last_buffer;

  /* The single-slot hand-off to the GTK thread, under slot_lock: only the newest frame
   * waits, and at most one idle source is queued for it at a time. */
  GMutex                slot_lock;
  GdkTexture           *pending_texture;
  double                pending_par;
  guint64               pending_frames;
  guint                 hop_queued : 1;
};

GST_DEBUG_CATEGORY_STATIC (beacon_video_sink_debug);
#define GST_CAT_DEFAULT beacon_video_sink_debug

G_DEFINE_FINAL_TYPE_WITH_CODE (BeaconVideoSink, beacon_video_sink, GST_TYPE_VIDEO_SINK,
                               GST_DEBUG_CATEGORY_INIT (beacon_video_sink_debug,
                                                        "beacon-video-sink", 0,
                                                        "Beacon video sink"))

enum {
  PROP_0,
  PROP_PAINTABLE,
  PROP_FRAMES_RENDERED,
  PROP_FRAME_WIDTH,
  PROP_FRAME_HEIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GstStaticPadTemplate sink_template =
  GST_STATIC_PAD_TEMPLATE ("sink",
                           GST_PAD_SINK,
                           GST_PAD_ALWAYS,
                           GST_STATIC_CAPS (GST_VIDEO_CAPS_MAKE (SINK_FORMATS)));

static void
beacon_video_sink_register (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      /* Registered without a plugin so the app, gst_parse_launch and GST_DEBUG dumps can
       * all name it; GST_RANK_NONE keeps autovideosink from ever picking it. */
      if (!gst_element_register (NULL, SINK_FACTORY_NAME, GST_RANK_NONE,
                                 BEACON_TYPE_VIDEO_SINK))
        g_warning ("Could not register the %s element", SINK_FACTORY_NAME);

      g_once_init_leave (&registered, 1);
    }
}

/* Runs on the streaming thread. Copies rather than wrapping the mapped buffer (as
 * gtkgstsink.c does) so that the upstream pool gets its buffer back at once, however long
 * the GTK thread keeps the texture. */
static GdkTexture *
texture_from_frame (const GstVideoFrame *frame)
{
  int width = GST_VIDEO_FRAME_WIDTH (frame);
  int height = GST_VIDEO_FRAME_HEIGHT (frame);
  const guint8 *src = GST_VIDEO_FRAME_PLANE_DATA (frame, 0);
  int src_stride = GST_VIDEO_FRAME_PLANE_STRIDE (frame, 0);
  gboolean opaque = !GST_VIDEO_INFO_HAS_ALPHA (&frame->info);
  gsize row_size = (gsize) width * 4;
  g_autoptr(GBytes) bytes = NULL;
  GdkMemoryFormat format;
  guint8 *pixels;

  /* As a guint: -Wswitch-enum would otherwise want all of GstVideoFormat listed. */
  switch ((guint) GST_VIDEO_FRAME_FORMAT (frame))
    {
    case GST_VIDEO_FORMAT_BGRx:
    case GST_VIDEO_FORMAT_BGRA:
      format = GDK_MEMORY_B8G8R8A8;
      break;

    case GST_VIDEO_FORMAT_RGBx:
    case GST_VIDEO_FORMAT_RGBA:
      format = GDK_MEMORY_R8G8B8A8;
      break;

    default:
      /* The pad template admits nothing else. */
      g_return_val_if_reached (NULL);
    }

  pixels = g_malloc (row_size * height);
  for (int y = 0; y < height; y++)
    {
      guint8 *row = pixels + row_size * y;

      memcpy (row, src + (gssize) src_stride * y, row_size);

      /* The padding byte of BGRx/RGBx is undefined, and GDK would read it as alpha. */
      if (opaque)
        for (int x = 0; x < width; x++)
          row[4 * x + 3] = 0xff;
    }

  bytes = g_bytes_new_take (pixels, row_size * height);

  return gdk_memory_texture_new (width, height, format, bytes, row_size);
}

/* Runs on the GTK thread: takes the newest frame out of the slot and shows it. */
static gboolean
beacon_video_sink_deliver_cb (gpointer data)
{
  g_autoptr(BeaconVideoSink) self = g_weak_ref_get (data);
  g_autoptr(GdkTexture) texture = NULL;
  guint64 frames;
  double par;

  /* The pipeline went away while the hop was queued. */
  if (self == NULL)
    return G_SOURCE_REMOVE;

  g_mutex_lock (&self->slot_lock);
  texture = g_steal_pointer (&self->pending_texture);
  par = self->pending_par;
  frames = self->pending_frames;
  self->pending_frames = 0;
  self->hop_queued = FALSE;
  g_mutex_unlock (&self->slot_lock);

  if (texture == NULL)
    return G_SOURCE_REMOVE;

  beacon_video_paintable_set_texture (self->paintable, texture, par);

  g_object_freeze_notify (G_OBJECT (self));

  self->frames_rendered += frames;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRAMES_RENDERED]);

  if (self->frame_width != gdk_texture_get_width (texture))
    {
      self->frame_width = gdk_texture_get_width (texture);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRAME_WIDTH]);
    }
  if (self->frame_height != gdk_texture_get_height (texture))
    {
      self->frame_height = gdk_texture_get_height (texture);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRAME_HEIGHT]);
    }

  g_object_thaw_notify (G_OBJECT (self));

  return G_SOURCE_REMOVE;
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* Runs on the streaming thread. Attaches an idle source itself instead of calling
 * g_main_context_invoke(): while nobody iterates the default context (a test blocked on
 * the bus, start-up), invoke would acquire it and run the GTK-side code right here on the
 * streaming thread. */
static void
beacon_video_sink_queue_hop (BeaconVideoSink *self)
{
  GWeakRef *ref = g_new (GWeakRef, 1);
  GSource *source = g_idle_source_new ();

  g_weak_ref_init (ref, self);
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, beacon_video_sink_deliver_cb, ref, weak_ref_free);
  g_source_set_static_name (source, "[beacon] video frame");
  g_source_attach (source, g_main_context_default ());
  g_source_unref (source);
}

/* Runs on the streaming thread. */
static gboolean
beacon_video_sink_set_info (GstVideoSink       *vsink,
                            GstCaps            *caps,
                            const GstVideoInfo *info)
{
  BeaconVideoSink *self = BEACON_VIDEO_SINK (vsink);

  GST_DEBUG_OBJECT (self, "caps %" GST_PTR_FORMAT, caps);

  GST_OBJECT_LOCK (self);
  self->info = *info;
  GST_OBJECT_UNLOCK (self);

  return TRUE;
}

/* Runs on the streaming thread. Never waits for the GTK thread: the frame goes into the
 * slot, replacing one the GTK thread has not taken yet. */
static GstFlowReturn
beacon_video_sink_show_frame (GstVideoSink *vsink,
                              GstBuffer    *buffer)
{
  BeaconVideoSink *self = BEACON_VIDEO_SINK (vsink);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GdkTexture) replaced = NULL;
  GstVideoFrame frame;
  GstVideoInfo info;
  gboolean queue_hop;
  double par;

  /* A non-live pipeline shows its preroll buffer, then renders the same buffer again on
   * PLAYING; count it once. last_buffer holds a ref, so the pointer cannot be recycled. */
  if (buffer == self->last_buffer)
    return GST_FLOW_OK;
  gst_buffer_replace (&self->last_buffer, buffer);

  GST_OBJECT_LOCK (self);
  info = self->info;
  GST_OBJECT_UNLOCK (self);

  if (!gst_video_frame_map (&frame, &info, buffer, GST_MAP_READ))
    {
      GST_ELEMENT_ERROR (self, RESOURCE, READ, (NULL), ("Could not map a video frame"));
      return GST_FLOW_ERROR;
    }

  texture = texture_from_frame (&frame);
  par = (double) GST_VIDEO_INFO_PAR_N (&info) / MAX (GST_VIDEO_INFO_PAR_D (&info), 1);
  gst_video_frame_unmap (&frame);

  if (texture == NULL)
    return GST_FLOW_NOT_NEGOTIATED;

  g_mutex_lock (&self->slot_lock);
  replaced = g_steal_pointer (&self->pending_texture);
  self->pending_texture = g_steal_pointer (&texture);
  self->pending_par = par > 0.0 ? par : 1.0;
  self->pending_frames++;
  queue_hop = !self->hop_queued;
  self->hop_queued = TRUE;
  g_mutex_unlock (&self->slot_lock);

  if (queue_hop)
    beacon_video_sink_queue_hop (self);

  return GST_FLOW_OK;
}

/* Runs on the thread changing the state, after streaming stopped. */
static gboolean
beacon_video_sink_stop (GstBaseSink *bsink)
{
  BeaconVideoSink *self = BEACON_VIDEO_SINK (bsink);

  /* Gives a pooled buffer back; the picture keeps showing its copy. */
  gst_buffer_replace (&self->last_buffer, NULL);

  return TRUE;
}

static void
beacon_video_sink_dispose (GObject *object)
{
  BeaconVideoSink *self = BEACON_VIDEO_SINK (object);

  gst_buffer_replace (&self->last_buffer, NULL);

  g_mutex_lock (&self->slot_lock);
  g_clear_object (&self->pending_texture);
  g_mutex_unlock (&self->slot_lock);

  g_clear_object (&self->paintable);

  G_OBJECT_CLASS (beacon_video_sink_parent_class)->dispose (object);
}

static void
beacon_video_sink_finalize (GObject *object)
{
  BeaconVideoSink *self = BEACON_VIDEO_SINK (object);

  g_mutex_clear (&self->slot_lock);

  G_OBJECT_CLASS (beacon_video_sink_parent_class)->finalize (object);
}

static void
beacon_video_sink_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BeaconVideoSink *self = BEACON_VIDEO_SINK (object);

  switch (prop_id)
    {
    case PROP_PAINTABLE:
      g_value_set_object (value, beacon_video_sink_get_paintable (self));
      break;

    case PROP_FRAMES_RENDERED:
      g_value_set_uint64 (value, beacon_video_sink_get_frames_rendered (self));
      break;

    case PROP_FRAME_WIDTH:
      g_value_set_int (value, beacon_video_sink_get_frame_width (self));
      break;

    case PROP_FRAME_HEIGHT:
      g_value_set_int (value, beacon_video_sink_get_frame_height (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_video_sink_class_init (BeaconVideoSinkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GstElementClass *element_class = GST_ELEMENT_CLASS (klass);
  GstBaseSinkClass *base_sink_class = GST_BASE_SINK_CLASS (klass);
  GstVideoSinkClass *video_sink_class = GST_VIDEO_SINK_CLASS (klass);

  object_class->dispose = beacon_video_sink_dispose;
  object_class->finalize = beacon_video_sink_finalize;
  object_class->get_property = beacon_video_sink_get_property;

  base_sink_class->stop = beacon_video_sink_stop;

  video_sink_class->set_info = beacon_video_sink_set_info;
  video_sink_class->show_frame = beacon_video_sink_show_frame;

  /* Same name and type as gtk4paintablesink's, so callers can read either the same way. */
  properties[PROP_PAINTABLE] =
    g_param_spec_object ("paintable", NULL, NULL,
                         GDK_TYPE_PAINTABLE,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));
  /* Frames the sink turned into textures, including ones a newer frame replaced before the
   * GTK thread showed them. Updated and notified on the GTK thread. */
  properties[PROP_FRAMES_RENDERED] =
    g_param_spec_uint64 ("frames-rendered", NULL, NULL,
                         0, G_MAXUINT64, 0,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));
  properties[PROP_FRAME_WIDTH] =
    g_param_spec_int ("frame-width", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READABLE |
                       G_PARAM_STATIC_STRINGS));
  properties[PROP_FRAME_HEIGHT] =
    g_param_spec_int ("frame-height", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READABLE |
                       G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gst_element_class_set_static_metadata (element_class,
                                         "Beacon video sink",
                                         "Sink/Video",
                                         "Shows video in a GdkPaintable on the GTK thread",
                                         "The Beacon authors");
  gst_element_class_add_static_pad_template (element_class, &sink_template);
}

static void
beacon_video_sink_init (BeaconVideoSink *self)
{
  g_mutex_init (&self->slot_lock);
  gst_video_info_init (&self->info);
  self->pending_par = 1.0;
  self->paintable = beacon_video_paintable_new ();
}

/**
 * beacon_video_sink_new:
 *
 * Returns: (transfer floating): a new "beaconvideosink" element
 */
GstElement *
beacon_video_sink_new (void)
{
  g_return_val_if_fail (gst_is_initialized (), NULL);

  beacon_video_sink_register ();

  /* Through the factory, so that gst_element_get_factory() names it like any element. */
  return gst_element_factory_make (SINK_FACTORY_NAME, NULL);
}

/**
 * beacon_video_sink_get_paintable:
 *
 * Returns: (transfer none): the paintable showing the frames; it lives as long as @self
 */
GdkPaintable *
beacon_video_sink_get_paintable (BeaconVideoSink *self)
{
  g_return_val_if_fail (BEACON_IS_VIDEO_SINK (self), NULL);

  return GDK_PAINTABLE (self->paintable);
}

/* GTK thread only. */
guint64
beacon_video_sink_get_frames_rendered (BeaconVideoSink *self)
{
  g_return_val_if_fail (BEACON_IS_VIDEO_SINK (self), 0);

  return self->frames_rendered;
}

/* GTK thread only: the width of the frame shown now, 0 before the first. */
int
beacon_video_sink_get_frame_width (BeaconVideoSink *self)
{
  g_return_val_if_fail (BEACON_IS_VIDEO_SINK (self), 0);

  return self->frame_width;
}

/* GTK thread only: the height of the frame shown now, 0 before the first. */
int
beacon_video_sink_get_frame_height (BeaconVideoSink *self)
{
  g_return_val_if_fail (BEACON_IS_VIDEO_SINK (self), 0);

  return self->frame_height;
}

/**
 * beacon_video_sink_find:
 * @element: a #BeaconVideoSink, or a bin that holds one (such as make_bin's)
 *
 * Returns: (transfer none) (nullable): the #BeaconVideoSink, or %NULL if there is none
 * (gtk4paintablesink was picked)
 */
BeaconVideoSink *
beacon_video_sink_find (GstElement *element)
{
  g_autoptr(GstIterator) iter = NULL;
  GValue item = G_VALUE_INIT;
  BeaconVideoSink *found = NULL;

  g_return_val_if_fail (GST_IS_ELEMENT (element), NULL);

  if (BEACON_IS_VIDEO_SINK (element))
    return BEACON_VIDEO_SINK (element);
  if (!GST_IS_BIN (element))
    return NULL;

  iter = gst_bin_iterate_recurse (GST_BIN (element));
  while (found == NULL && gst_iterator_next (iter, &item) == GST_ITERATOR_OK)
    {
      GstElement *child = g_value_get_object (&item);

      /* The bin keeps its own ref, so the pointer outlives the iterator's. */
      if (BEACON_IS_VIDEO_SINK (child))
        found = BEACON_VIDEO_SINK (child);
      g_value_reset (&item);
    }
  g_value_unset (&item);

  return found;
}

static GstElement *
wrap_in_bin (GstElement *head,
             GstElement *tail)
{
  GstElement *bin = gst_bin_new (NULL);
  g_autoptr(GstPad) target = NULL;

  gst_bin_add (GST_BIN (bin), head);
  if (tail != NULL)
    {
      gst_bin_add (GST_BIN (bin), tail);
      if (!gst_element_link (head, tail))
        {
          gst_object_unref (gst_object_ref_sink (bin));
          return NULL;
        }
    }

  target = gst_element_get_static_pad (head, "sink");
  gst_element_add_pad (bin, gst_ghost_pad_new ("sink", target));

  return bin;
}

/* gtk4paintablesink the way gst-plugins-rs documents it: behind glsinkbin when its
 * paintable got a GL context, else behind videoconvert. Returns NULL to fall back. */
static GstElement *
make_gtk4_bin (GstElementFactory  *factory,
               GdkPaintable      **paintable)
{
  g_autoptr(GdkPaintable) shown = NULL;
  g_autoptr(GObject) gl_context = NULL;
  GstElement *sink;
  GstElement *head;
  GstElement *bin;

  if ((sink = gst_element_factory_create (factory, "sink")) == NULL)
    return NULL;

  g_object_get (sink, "paintable", &shown, NULL);
  if (shown == NULL)
    {
      gst_object_unref (gst_object_ref_sink (sink));
      return NULL;
    }

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (shown), "gl-context") != NULL)
    g_object_get (shown, "gl-context", &gl_context, NULL);

  if (gl_context != NULL && (head = gst_element_factory_make ("glsinkbin", "glsink")) != NULL)
    {
      g_object_set (head, "sink", sink, NULL);
      bin = wrap_in_bin (head, NULL);
    }
  else if ((head = gst_element_factory_make ("videoconvert", "convert")) != NULL)
    {
      bin = wrap_in_bin (head, sink);
    }
  else
    {
      gst_object_unref (gst_object_ref_sink (sink));
      return NULL;
    }

  if (bin != NULL)
    *paintable = g_steal_pointer (&shown);

  return bin;
}

static GstElement *
make_beacon_bin (GdkPaintable **paintable,
                 GError       **error)
{
  GstElement *convert;
  GstElement *sink;
  GstElement *bin;

  if ((convert = gst_element_factory_make ("videoconvert", "convert")) == NULL)
    {
      g_set_error (error, BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_MISSING_ELEMENT,
                   _("The GStreamer element “%s” is not installed"), "videoconvert");
      return NULL;
    }

  if ((sink = gst_element_factory_make (SINK_FACTORY_NAME, "sink")) == NULL)
    {
      gst_object_unref (gst_object_ref_sink (convert));
      g_set_error (error, BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_MISSING_ELEMENT,
                   _("The GStreamer element “%s” is not installed"), SINK_FACTORY_NAME);
      return NULL;
    }

  *paintable = g_object_ref (beacon_video_sink_get_paintable (BEACON_VIDEO_SINK (sink)));

  if ((bin = wrap_in_bin (convert, sink)) == NULL)
    {
      g_clear_object (paintable);
      g_set_error (error, BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_NEGOTIATION,
                   _("Could not link “%s” to “%s”"), "videoconvert", SINK_FACTORY_NAME);
    }

  return bin;
}

/**
 * beacon_video_sink_make_bin:
 * @paintable: (out) (optional) (transfer full): where to store the paintable to show
 * @sink_name: (out) (optional) (transfer full): where to store the factory name picked,
 *   "gtk4paintablesink" or "beaconvideosink"
 * @error: return location for a #GError
 *
 * Picks the best video sink installed and wraps it, with the converter it needs, in a bin
 * whose "sink" pad takes any raw video. Call on the GTK thread: gtk4paintablesink looks
 * at the display when it is made.
 *
 * Returns: (transfer floating) (nullable): the bin, or %NULL with @error set
 */
GstElement *
beacon_video_sink_make_bin (GdkPaintable **paintable,
                            char         **sink_name,
                            GError       **error)
{
  g_autoptr(GstElementFactory) gtk4_factory = NULL;
  g_autoptr(GdkPaintable) shown = NULL;
  const char *picked = NULL;
  GstElement *bin = NULL;

  g_return_val_if_fail (gst_is_initialized (), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  beacon_video_sink_register ();

  /* The Flatpak runtime has gtk4paintablesink (with GL and dmabuf paths); Debian 12 does
   * not, and then ours is the way. */
  if ((gtk4_factory = gst_element_factory_find (GTK4_FACTORY_NAME)) != NULL &&
      (bin = make_gtk4_bin (gtk4_factory, &shown)) != NULL)
    picked = GTK4_FACTORY_NAME;
  else if ((bin = make_beacon_bin (&shown, error)) != NULL)
    picked = SINK_FACTORY_NAME;
  else
    return NULL;

  g_debug ("Video sink: %s", picked);

  if (paintable != NULL)
    *paintable = g_steal_pointer (&shown);
  if (sink_name != NULL)
    *sink_name = g_strdup (picked);

  return bin;
}
