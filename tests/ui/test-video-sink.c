/* test-video-sink.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* BeaconVideoSink and BeaconVideoPaintable with real pipelines: frames reach the paintable
 * through the GTK main context, the streaming thread never waits for it, and the copy
 * honours the frame's format and stride. Needs a display (GTK), so it runs under Xvfb. */

#include "config.h"

#include <string.h>

#include <gst/video/video.h>
#include <gtk/gtk.h>

#include "beacon-video-paintable.h"
#include "beacon-video-sink.h"
#include "beacon-test-wait.h"

/* What a pipeline's bus said so far; filled by poll_bus(). */
typedef struct
{
  GstElement *pipeline;
  gboolean    eos;
  char       *error;
} Run;

/* The newest frame that reached the sink's pad, copied tightly packed (probe_last_frame). */
typedef struct
{
  GMutex  lock;
  GBytes *pixels;
  guint   n_frames;
} LastFrame;

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* Never blocks: the caller's WAIT_FOR_FULL keeps the main loop turning. */
static gboolean
poll_bus (Run *run)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (run->pipeline);
  GstMessage *message;

  while ((message = gst_bus_pop_filtered (bus, GST_MESSAGE_EOS | GST_MESSAGE_ERROR)) != NULL)
    {
      if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR && run->error == NULL)
        {
          g_autoptr(GError) error = NULL;

          gst_message_parse_error (message, &error, NULL);
          run->error = g_strdup (error->message);
        }
      else if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_EOS)
        {
          run->eos = TRUE;
        }
      gst_message_unref (message);
    }

  return run->eos || run->error != NULL;
}

static void
run_clear (Run *run)
{
  if (run->pipeline != NULL)
    {
      g_autoptr(GstBus) bus = gst_element_get_bus (run->pipeline);

      gst_element_set_state (run->pipeline, GST_STATE_NULL);
      /* Queued messages hold refs on the elements that posted them. */
      gst_bus_set_flushing (bus, TRUE);
      gst_clear_object (&run->pipeline);
    }
  g_clear_pointer (&run->error, g_free);
}

/* make_bin's bin when it picked ours; when gtk4paintablesink is installed (Flatpak) the
 * same shape by hand, so these tests always exercise BeaconVideoSink. */
static GstElement *
make_our_bin (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GstElement *bin;

  bin = beacon_video_sink_make_bin (NULL, &name, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bin);

  if (g_strcmp0 (name, "beaconvideosink") != 0)
    {
      gst_object_unref (gst_object_ref_sink (bin));
      bin = gst_parse_bin_from_description ("videoconvert ! beaconvideosink", TRUE, &error);
      g_assert_no_error (error);
    }

  g_assert_nonnull (beacon_video_sink_find (bin));

  return bin;
}

/* videotestsrc ! @caps ! make_our_bin(); returns the sink inside. */
static BeaconVideoSink *
build_pipeline (Run        *run,
                const char *source,
                const char *caps)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = g_strdup_printf ("%s ! %s ! identity name=tail", source, caps);
  g_autoptr(GstElement) tail = NULL;
  GstElement *bin = make_our_bin ();

  run->pipeline = gst_parse_launch (description, &error);
  g_assert_no_error (error);

  tail = gst_bin_get_by_name (GST_BIN (run->pipeline), "tail");
  gst_bin_add (GST_BIN (run->pipeline), bin);
  g_assert_true (gst_element_link (tail, bin));

  return beacon_video_sink_find (bin);
}

/* Green in ARGB, the colour every frame of solid-color is filled with. */
#define GREEN_SOURCE "videotestsrc is-live=true pattern=solid-color foreground-color=0xff00ff00"

static guint32
texture_pixel (GdkTexture *texture,
               int         x,
               int         y)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint32 *data = g_new (guint32, (gsize) width * height);

  /* GDK_MEMORY_DEFAULT is cairo's native-endian premultiplied ARGB32. */
  gdk_texture_download (texture, (guchar *) data, (gsize) width * 4);

  return data[y * width + x];
}

static void
assert_channel_near (guint32     pixel,
                     int         shift,
                     int         expected,
                     const char *channel)
{
  int value = (pixel >> shift) & 0xff;

  if (ABS (value - expected) > 8)
    g_test_fail_printf ("pixel 0x%08x: %s is %d, expected %d ± 8", pixel, channel, value,
                        expected);
}

static void
test_register (void)
{
  GstElement *element = beacon_video_sink_new ();
  g_autoptr(GstElement) by_name = NULL;
  g_autoptr(GdkPaintable) property = NULL;
  BeaconVideoSink *sink;
  GdkPaintable *paintable;

  g_assert_true (BEACON_IS_VIDEO_SINK (element));
  gst_object_ref_sink (element);
  sink = BEACON_VIDEO_SINK (element);
  g_assert_cmpstr (GST_OBJECT_NAME (gst_element_get_factory (element)), ==, "beaconvideosink");

  by_name = gst_element_factory_make ("beaconvideosink", NULL);
  g_assert_true (BEACON_IS_VIDEO_SINK (by_name));
  gst_object_ref_sink (by_name);

  /* An empty paintable until the first frame. */
  paintable = beacon_video_sink_get_paintable (sink);
  g_assert_true (BEACON_IS_VIDEO_PAINTABLE (paintable));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 0);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (paintable), ==, 0);
  g_assert_null (beacon_video_paintable_dup_texture (BEACON_VIDEO_PAINTABLE (paintable)));
  g_assert_cmpuint (beacon_video_sink_get_frames_rendered (sink), ==, 0);
  g_assert_cmpint (beacon_video_sink_get_frame_width (sink), ==, 0);

  /* Read the way gtk4paintablesink is read. */
  g_object_get (sink, "paintable", &property, NULL);
  g_assert_true (property == paintable);

  g_assert_true (beacon_video_sink_find (element) == sink);

  g_assert_finalize_object (element);
}

static void
test_make_bin (void)
{
  g_autoptr(GstElementFactory) gtk4 = gst_element_factory_find ("gtk4paintablesink");
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GstPad) pad = NULL;
  g_autofree char *name = NULL;
  GstElement *bin;

  bin = beacon_video_sink_make_bin (&paintable, &name, &error);
  g_assert_no_error (error);
  g_assert_true (GST_IS_BIN (bin));
  gst_object_ref_sink (bin);
  g_assert_true (GDK_IS_PAINTABLE (paintable));

  /* Debian 12 has no gtk4paintablesink; the Flatpak runtime does. */
  g_test_message ("gtk4paintablesink is %s; make_bin picked %s",
                  gtk4 != NULL ? "installed" : "absent", name);
  g_assert_cmpstr (name, ==, gtk4 != NULL ? "gtk4paintablesink" : "beaconvideosink");

  pad = gst_element_get_static_pad (bin, "sink");
  g_assert_nonnull (pad);

  if (gtk4 == NULL)
    {
      BeaconVideoSink *sink = beacon_video_sink_find (bin);

      g_assert_nonnull (sink);
      g_assert_true (beacon_video_sink_get_paintable (sink) == paintable);
    }

  g_clear_object (&pad);
  g_assert_finalize_object (bin);
}

static void
test_frames (void)
{
  const guint n_frames = 60;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *source = g_strdup_printf ("%s num-buffers=%u", GREEN_SOURCE, n_frames);
  Run run = { 0 };
  BeaconVideoSink *sink;
  GdkPaintable *paintable;
  guint sizes = 0;
  guint contents = 0;
  guint32 pixel;

  sink = build_pipeline (&run, source,
                         "video/x-raw,width=320,height=240,framerate=60/1");
  paintable = beacon_video_sink_get_paintable (sink);
  g_signal_connect (paintable, "invalidate-size", G_CALLBACK (count_cb), &sizes);
  g_signal_connect (paintable, "invalidate-contents", G_CALLBACK (count_cb), &contents);

  gst_element_set_state (run.pipeline, GST_STATE_PLAYING);

  /* Late frames may be dropped by QoS on a loaded machine, hence the margin. */
  WAIT_FOR_FULL (poll_bus (&run) &&
            beacon_video_sink_get_frames_rendered (sink) >= n_frames - 5,
            20, "EOS and most frames rendered");
  g_assert_null (run.error);
  g_test_message ("%" G_GUINT64_FORMAT " of %u frames rendered, %u redraws",
                  beacon_video_sink_get_frames_rendered (sink), n_frames, contents);
  g_assert_cmpuint (beacon_video_sink_get_frames_rendered (sink), <=, n_frames);

  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 320);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (paintable), ==, 240);
  g_assert_cmpfloat_with_epsilon (gdk_paintable_get_intrinsic_aspect_ratio (paintable),
                                  320.0 / 240.0, 1e-9);
  g_assert_cmpint (beacon_video_sink_get_frame_width (sink), ==, 320);
  g_assert_cmpint (beacon_video_sink_get_frame_height (sink), ==, 240);

  /* The size changed once, from nothing; every hand-off redrew. */
  g_assert_cmpuint (sizes, ==, 1);
  g_assert_cmpuint (contents, >=, 1);

  texture = beacon_video_paintable_dup_texture (BEACON_VIDEO_PAINTABLE (paintable));
  g_assert_nonnull (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 320);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 240);

  pixel = texture_pixel (texture, 160, 120);
  assert_channel_near (pixel, 24, 255, "alpha");
  assert_channel_near (pixel, 16, 0, "red");
  assert_channel_near (pixel, 8, 255, "green");
  assert_channel_near (pixel, 0, 0, "blue");

  run_clear (&run);
}

/* Runs on the streaming thread. */
static GstPadProbeReturn
probe_last_frame (GstPad          *pad,
                  GstPadProbeInfo *info,
                  gpointer         user_data)
{
  LastFrame *last = user_data;
  g_autoptr(GstCaps) caps = gst_pad_get_current_caps (pad);
  GstVideoInfo video_info;
  GstVideoFrame frame;
  GByteArray *pixels;

  g_assert_true (gst_video_info_from_caps (&video_info, caps));
  g_assert_true (gst_video_frame_map (&frame, &video_info, GST_PAD_PROBE_INFO_BUFFER (info),
                                      GST_MAP_READ));
  pixels = g_byte_array_sized_new (video_info.width * video_info.height * 4);
  for (int y = 0; y < video_info.height; y++)
    g_byte_array_append (pixels,
                         (guint8 *) GST_VIDEO_FRAME_PLANE_DATA (&frame, 0) +
                         y * GST_VIDEO_FRAME_PLANE_STRIDE (&frame, 0),
                         video_info.width * 4);
  gst_video_frame_unmap (&frame);

  g_mutex_lock (&last->lock);
  g_clear_pointer (&last->pixels, g_bytes_unref);
  last->pixels = g_byte_array_free_to_bytes (pixels);
  last->n_frames++;
  g_mutex_unlock (&last->lock);

  return GST_PAD_PROBE_OK;
}

static void
test_main_loop_blocked (void)
{
  const guint n_frames = 100;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GstPad) pad = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;
  g_autofree guint8 *shown = NULL;
  g_autofree char *source = g_strdup_printf ("videotestsrc is-live=true pattern=ball "
                                             "num-buffers=%u", n_frames);
  LastFrame last = { 0 };
  Run run = { 0 };
  BeaconVideoSink *sink;
  const guint8 *expected;
  gsize expected_size;
  guint notifies = 0;

  g_mutex_init (&last.lock);

  /* BGRx is what the sink takes as is, so the probe sees the bytes the sink copies. */
  sink = build_pipeline (&run, source,
                         "video/x-raw,format=BGRx,width=320,height=240,framerate=100/1");
  /* No clock waits and no QoS drops: every one of the frames must arrive. */
  g_object_set (sink, "sync", FALSE, NULL);
  g_signal_connect (sink, "notify::frames-rendered", G_CALLBACK (count_notify_cb),
                    &notifies);
  pad = gst_element_get_static_pad (GST_ELEMENT (sink), "sink");
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, probe_last_frame, &last, NULL);

  /* Blocks this (the GTK) thread on the bus, so the main context is not iterated while
   * all the frames go through the sink. */
  gst_element_set_state (run.pipeline, GST_STATE_PLAYING);
  bus = gst_element_get_bus (run.pipeline);
  message = gst_bus_timed_pop_filtered (bus, 20 * GST_SECOND,
                                        GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_nonnull (message);
  g_assert_cmpint (GST_MESSAGE_TYPE (message), ==, GST_MESSAGE_EOS);
  g_assert_cmpuint (last.n_frames, ==, n_frames);

  /* Nothing ran GTK-side code on the streaming thread in the meantime. */
  g_assert_cmpuint (beacon_video_sink_get_frames_rendered (sink), ==, 0);
  g_assert_cmpuint (notifies, ==, 0);

  WAIT_FOR_FULL (beacon_video_sink_get_frames_rendered (sink) == n_frames, 5,
            "every frame counted once the main loop turns");

  /* One hand-off was pending, however many frames came; it carried the newest one. */
  g_assert_cmpuint (notifies, ==, 1);

  texture = beacon_video_paintable_dup_texture (
    BEACON_VIDEO_PAINTABLE (beacon_video_sink_get_paintable (sink)));
  g_assert_nonnull (texture);
  shown = g_malloc (320 * 240 * 4);
  gdk_texture_download (texture, shown, 320 * 4);

  expected = g_bytes_get_data (last.pixels, &expected_size);
  g_assert_cmpuint (expected_size, ==, 320 * 240 * 4);
  for (gsize i = 0; i < expected_size; i += 4)
    {
      /* Same B, G, R; the padding byte became opaque alpha. */
      if (memcmp (shown + i, expected + i, 3) != 0 || shown[i + 3] != 0xff)
        {
          g_test_fail_printf ("pixel %" G_GSIZE_FORMAT " differs from the newest frame",
                              i / 4);
          break;
        }
    }

  run_clear (&run);
  g_clear_pointer (&last.pixels, g_bytes_unref);
  g_mutex_clear (&last.lock);
}

/* Frames whose rows are padded, in both byte orders, pushed by hand. */
static void
test_stride (gconstpointer data)
{
  const char *format = data;
  const int width = 8;
  const int height = 4;
  const int stride = width * 4 + 24;
  gboolean rgb_order = g_str_has_prefix (format, "RGB");
  g_autoptr(GstCaps) caps = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guint8 *shown = NULL;
  gsize offsets[GST_VIDEO_MAX_PLANES] = { 0 };
  int strides[GST_VIDEO_MAX_PLANES] = { stride };
  GstFlowReturn flow = GST_FLOW_ERROR;
  GstVideoInfo info;
  GstBuffer *buffer;
  GstMapInfo map;
  GstElement *appsrc;
  GstElement *sink;
  Run run = { 0 };

  run.pipeline = gst_pipeline_new (NULL);
  appsrc = gst_element_factory_make ("appsrc", NULL);
  sink = beacon_video_sink_new ();
  gst_bin_add_many (GST_BIN (run.pipeline), appsrc, sink, NULL);
  g_assert_true (gst_element_link (appsrc, sink));

  gst_video_info_set_format (&info, gst_video_format_from_string (format), width, height);
  caps = gst_video_info_to_caps (&info);
  g_object_set (appsrc, "caps", caps, "format", GST_FORMAT_TIME, NULL);
  g_object_set (sink, "sync", FALSE, NULL);

  /* Row y holds (red = 10 y, green = 20, blue = 30 + x); the padding is 0x77 garbage. */
  buffer = gst_buffer_new_allocate (NULL, (gsize) stride * height, NULL);
  gst_buffer_map (buffer, &map, GST_MAP_WRITE);
  memset (map.data, 0x77, map.size);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint8 *p = map.data + y * stride + x * 4;

        p[0] = rgb_order ? 10 * y : 30 + x;
        p[1] = 20;
        p[2] = rgb_order ? 30 + x : 10 * y;
        p[3] = GST_VIDEO_INFO_HAS_ALPHA (&info) ? 0xff : 0x00;
      }
  gst_buffer_unmap (buffer, &map);
  gst_buffer_add_video_meta_full (buffer, GST_VIDEO_FRAME_FLAG_NONE,
                                  GST_VIDEO_INFO_FORMAT (&info), width, height, 1,
                                  offsets, strides);
  GST_BUFFER_PTS (buffer) = 0;

  gst_element_set_state (run.pipeline, GST_STATE_PLAYING);
  /* The action signals, so the test needs no gstreamer-app library. */
  g_signal_emit_by_name (appsrc, "push-buffer", buffer, &flow);
  g_assert_cmpint (flow, ==, GST_FLOW_OK);
  gst_buffer_unref (buffer);
  g_signal_emit_by_name (appsrc, "end-of-stream", &flow);
  g_assert_cmpint (flow, ==, GST_FLOW_OK);

  WAIT_FOR_FULL (poll_bus (&run) &&
            beacon_video_sink_get_frames_rendered (BEACON_VIDEO_SINK (sink)) == 1,
            10, "the pushed frame to be shown");
  g_assert_null (run.error);

  texture = beacon_video_paintable_dup_texture (
    BEACON_VIDEO_PAINTABLE (beacon_video_sink_get_paintable (BEACON_VIDEO_SINK (sink))));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, height);

  shown = g_malloc (width * height * 4);
  gdk_texture_download (texture, shown, width * 4);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = ((guint32 *) shown)[y * width + x];

        g_assert_cmphex (pixel, ==, 0xff000000 | (10 * y) << 16 | 20 << 8 | (30 + x));
      }

  run_clear (&run);
}

static void
test_dispose_pending (void)
{
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;
  GdkPaintable *paintable;
  BeaconVideoSink *sink;
  Run run = { 0 };

  sink = build_pipeline (&run, GREEN_SOURCE " num-buffers=3",
                         "video/x-raw,width=64,height=48,framerate=100/1");
  g_object_set (sink, "sync", FALSE, NULL);
  g_object_add_weak_pointer (G_OBJECT (sink), (gpointer *) &sink);

  /* The picture outlives the pipeline, as a GtkPicture would. */
  paintable = g_object_ref (beacon_video_sink_get_paintable (sink));

  gst_element_set_state (run.pipeline, GST_STATE_PLAYING);
  bus = gst_element_get_bus (run.pipeline);
  message = gst_bus_timed_pop_filtered (bus, 10 * GST_SECOND,
                                        GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_nonnull (message);
  g_assert_cmpint (GST_MESSAGE_TYPE (message), ==, GST_MESSAGE_EOS);

  /* A hand-off is queued; the sink goes away before it runs. (The message's source is
   * the pipeline.) */
  gst_clear_message (&message);
  run_clear (&run);
  g_assert_null (sink);

  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_null (beacon_video_paintable_dup_texture (BEACON_VIDEO_PAINTABLE (paintable)));
  g_assert_finalize_object (paintable);
}

static void
test_paintable_fit (void)
{
  BeaconVideoPaintable *paintable = beacon_video_paintable_new ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GdkTexture) same_size = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_malloc0 (320 * 240 * 4), 320 * 240 * 4);
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  graphene_rect_t bounds;
  guint sizes = 0;
  guint contents = 0;

  g_signal_connect (paintable, "invalidate-size", G_CALLBACK (count_cb), &sizes);
  g_signal_connect (paintable, "invalidate-contents", G_CALLBACK (count_cb), &contents);

  /* Empty draws nothing. */
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (GDK_PAINTABLE (paintable), snapshot, 400, 100);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_null (node);

  texture = gdk_memory_texture_new (320, 240, GDK_MEMORY_B8G8R8A8, bytes, 320 * 4);
  same_size = gdk_memory_texture_new (320, 240, GDK_MEMORY_B8G8R8A8, bytes, 320 * 4);

  beacon_video_paintable_set_texture (paintable, texture, 1.0);
  g_assert_cmpuint (sizes, ==, 1);
  g_assert_cmpuint (contents, ==, 1);
  beacon_video_paintable_set_texture (paintable, texture, 1.0);
  g_assert_cmpuint (contents, ==, 1);
  beacon_video_paintable_set_texture (paintable, same_size, 1.0);
  g_assert_cmpuint (sizes, ==, 1);
  g_assert_cmpuint (contents, ==, 2);

  /* A wide box: 4:3 fits its height and is centred. */
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (GDK_PAINTABLE (paintable), snapshot, 400, 100);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  gsk_render_node_get_bounds (node, &bounds);
  g_assert_cmpfloat_with_epsilon (bounds.size.height, 100.0, 1e-3);
  g_assert_cmpfloat_with_epsilon (bounds.size.width, 100.0 * 4 / 3, 1e-3);
  g_assert_cmpfloat_with_epsilon (bounds.origin.x, (400.0 - 100.0 * 4 / 3) / 2, 1e-3);
  g_assert_cmpfloat_with_epsilon (bounds.origin.y, 0.0, 1e-3);

  /* Pixels twice as wide as tall double the intrinsic width. */
  beacon_video_paintable_set_texture (paintable, same_size, 2.0);
  g_assert_cmpuint (sizes, ==, 2);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (GDK_PAINTABLE (paintable)), ==, 640);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (GDK_PAINTABLE (paintable)), ==, 240);

  beacon_video_paintable_set_texture (paintable, NULL, 1.0);
  g_assert_cmpuint (sizes, ==, 3);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (GDK_PAINTABLE (paintable)), ==, 0);

  g_clear_pointer (&node, gsk_render_node_unref);
  g_assert_finalize_object (paintable);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Without a display the whole file is skipped, and says so (style B15). */
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  gst_init (NULL, NULL);

  g_test_add_func ("/beacon/ui/video-sink/register", test_register);
  g_test_add_func ("/beacon/ui/video-sink/make-bin", test_make_bin);
  g_test_add_func ("/beacon/ui/video-sink/frames", test_frames);
  g_test_add_func ("/beacon/ui/video-sink/main-loop-blocked", test_main_loop_blocked);
  g_test_add_data_func ("/beacon/ui/video-sink/stride/BGRx", "BGRx", test_stride);
  g_test_add_data_func ("/beacon/ui/video-sink/stride/RGBA", "RGBA", test_stride);
  g_test_add_func ("/beacon/ui/video-sink/dispose-pending", test_dispose_pending);
  g_test_add_func ("/beacon/ui/video-paintable/fit", test_paintable_fit);

  return g_test_run ();
}
