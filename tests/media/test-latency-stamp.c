/* test-latency-stamp.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <gst/app/gstappsink.h>
#include <gst/app/gstappsrc.h>

#include "beacon-latency-stamp.h"

#define TIME_MASK ((G_GUINT64_CONSTANT (1) << 40) - 1)

static const GstVideoFormat supported_formats[] = {
  GST_VIDEO_FORMAT_I420, GST_VIDEO_FORMAT_NV12, GST_VIDEO_FORMAT_BGRx,
  GST_VIDEO_FORMAT_BGRA, GST_VIDEO_FORMAT_RGBx, GST_VIDEO_FORMAT_RGBA,
};

static const struct
{
  guint width;
  guint height;
} sizes[] = {
  { 640, 360 }, { 1280, 720 }, { 320, 240 },
};

/* A test frame: the buffer, mapped writable for the frame's lifetime. */
typedef struct
{
  GstBuffer     *buffer;
  GstVideoFrame  frame;
} TestFrame;

static TestFrame *
test_frame_new (GstVideoFormat format,
                guint          width,
                guint          height)
{
  TestFrame *tf = g_new0 (TestFrame, 1);
  GstVideoInfo info;

  g_assert_true (gst_video_info_set_format (&info, format, width, height));
  tf->buffer = gst_buffer_new_allocate (NULL, GST_VIDEO_INFO_SIZE (&info), NULL);
  /* Row padding is never drawn on, but the narrow-frame test compares whole buffers. */
  gst_buffer_memset (tf->buffer, 0, 0, GST_VIDEO_INFO_SIZE (&info));
  g_assert_true (gst_video_frame_map (&tf->frame, &info, tf->buffer, GST_MAP_READWRITE));

  return tf;
}

static void
test_frame_free (TestFrame *tf)
{
  gst_video_frame_unmap (&tf->frame);
  gst_buffer_unref (tf->buffer);
  g_free (tf);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestFrame, test_frame_free)

static guint8 *
pixel (GstVideoFrame *frame,
       guint          comp,
       guint          x,
       guint          y)
{
  const GstVideoFormatInfo *finfo = frame->info.finfo;
  guint cx = x >> GST_VIDEO_FORMAT_INFO_W_SUB (finfo, comp);
  guint cy = y >> GST_VIDEO_FORMAT_INFO_H_SUB (finfo, comp);

  return (guint8 *) GST_VIDEO_FRAME_COMP_DATA (frame, comp)
         + cy * GST_VIDEO_FRAME_COMP_STRIDE (frame, comp)
         + cx * GST_VIDEO_FRAME_COMP_PSTRIDE (frame, comp);
}

/* Every component of every pixel from @fn, so that draw has something to overwrite and
 * read has something other than flat colour around the stamp. */
static void
fill_frame (GstVideoFrame *frame,
            guint8       (*fn) (guint comp, guint x, guint y, gpointer data),
            gpointer       data)
{
  guint n_comps = GST_VIDEO_FRAME_N_COMPONENTS (frame);

  for (guint comp = 0; comp < n_comps; comp++)
    {
      guint w = GST_VIDEO_FRAME_COMP_WIDTH (frame, comp);
      guint h = GST_VIDEO_FRAME_COMP_HEIGHT (frame, comp);
      guint ws = GST_VIDEO_FORMAT_INFO_W_SUB (frame->info.finfo, comp);
      guint hs = GST_VIDEO_FORMAT_INFO_H_SUB (frame->info.finfo, comp);

      for (guint y = 0; y < h; y++)
        for (guint x = 0; x < w; x++)
          *pixel (frame, comp, x << ws, y << hs) = fn (comp, x << ws, y << hs, data);
    }
}

static guint8
pattern_gradient (guint    comp,
                  guint    x,
                  guint    y,
                  gpointer data)
{
  guint phase = GPOINTER_TO_UINT (data);

  return (guint8) ((x + 2 * y + 37 * comp + phase) & 0xff);
}

static guint8
pattern_flat (guint    comp,
              guint    x,
              guint    y,
              gpointer data)
{
  return (guint8) GPOINTER_TO_UINT (data);
}

/* YUV black: luma 16, chroma neutral. */
static guint8
pattern_yuv_black (guint    comp,
                   guint    x,
                   guint    y,
                   gpointer data)
{
  return comp == 0 ? 16 : 128;
}

static void
test_crc8 (void)
{
  /* Reference values from a bitwise CRC-8/SMBUS, which gives the catalogue's check value
   * 0xF4 for "123456789". */
  static const struct
  {
    guint64 value;
    guint8  crc;
  } cases[] = {
    { 0x0000000001, 0x07 },   /* the spec's check value */
    { 0x0000000000, 0x00 },
    { 0x00000000ff, 0xf3 },
    { 0x3132333435, 0xcb },   /* "12345" */
    { 0xffffffffff, 0xe7 },
    { 0x0123456789, 0xf8 },
    { 0x8000000000, 0x97 },
    { 0x8b1c2d3e4f, 0xb0 },
    { G_GUINT64_CONSTANT (0x18b1c2d3e4f), 0xb0 },   /* bits above 40 do not count */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmphex (beacon_latency_stamp_crc8 (cases[i].value), ==, cases[i].crc);
}

static void
test_round_trip (void)
{
  static const guint64 times[] = {
    G_GUINT64_CONSTANT (0x0123456789ab), 0, TIME_MASK, G_GUINT64_CONSTANT (1) << 39,
    G_GUINT64_CONSTANT (1767225600000),
  };

  for (guint f = 0; f < G_N_ELEMENTS (supported_formats); f++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      for (guint t = 0; t < G_N_ELEMENTS (times); t++)
        {
          g_autoptr(TestFrame) tf = test_frame_new (supported_formats[f], sizes[s].width,
                                                    sizes[s].height);
          GstVideoFrame *frame = &tf->frame;
          gboolean yuv = GST_VIDEO_FORMAT_INFO_IS_YUV (frame->info.finfo);
          guint c = sizes[s].width / 40;
          guint64 read = G_MAXUINT64;
          guint8 outside_right, outside_below;

          g_test_message ("%s %ux%u t=%" G_GUINT64_FORMAT,
                          gst_video_format_to_string (supported_formats[f]),
                          sizes[s].width, sizes[s].height, times[t]);
          fill_frame (frame, pattern_gradient, GUINT_TO_POINTER (t));
          outside_right = *pixel (frame, 0, 26 * c, c);
          outside_below = *pixel (frame, 0, 13 * c, 2 * c);

          g_assert_true (beacon_latency_stamp_draw (frame, times[t]));
          g_assert_cmpint (beacon_latency_stamp_read (frame, &read), ==, BEACON_STAMP_OK);
          g_assert_cmphex (read, ==, times[t] & TIME_MASK);

          /* Nothing past the stamp, and stamped cells carry no colour. */
          g_assert_cmpuint (*pixel (frame, 0, 26 * c, c), ==, outside_right);
          g_assert_cmpuint (*pixel (frame, 0, 13 * c, 2 * c), ==, outside_below);
          if (yuv)
            {
              g_assert_cmpuint (*pixel (frame, 1, 5 * c, c), ==, 128);
              g_assert_cmpuint (*pixel (frame, 2, 26 * c - 1, 2 * c - 1), ==, 128);
            }
          else
            {
              /* Guards: white at (0, 0), black at (0, 1), every channel. */
              for (guint comp = 0; comp < 3; comp++)
                {
                  g_assert_cmpuint (*pixel (frame, comp, c / 2, c / 2), ==, 255);
                  g_assert_cmpuint (*pixel (frame, comp, c + c / 2, c / 2), ==, 0);
                }
            }
        }
}

static void
test_plain_frames (void)
{
  for (guint f = 0; f < G_N_ELEMENTS (supported_formats); f++)
    {
      g_autoptr(TestFrame) tf = test_frame_new (supported_formats[f], 640, 360);
      gboolean yuv = GST_VIDEO_FORMAT_INFO_IS_YUV (tf->frame.info.finfo);
      guint64 read = 42;

      fill_frame (&tf->frame, pattern_flat, GUINT_TO_POINTER (128));
      g_assert_cmpint (beacon_latency_stamp_read (&tf->frame, &read), ==, BEACON_STAMP_NONE);

      if (yuv)
        fill_frame (&tf->frame, pattern_yuv_black, NULL);
      else
        fill_frame (&tf->frame, pattern_flat, GUINT_TO_POINTER (0));
      g_assert_cmpint (beacon_latency_stamp_read (&tf->frame, &read), ==, BEACON_STAMP_NONE);

      /* Texture that is not a stamp: the guard cells differ, but by far less than 64. */
      fill_frame (&tf->frame, pattern_gradient, NULL);
      g_assert_cmpint (beacon_latency_stamp_read (&tf->frame, &read), ==, BEACON_STAMP_NONE);
      g_assert_cmpuint (read, ==, 42);
    }
}

/* Turns cell (@row, @column) to the opposite colour. */
static void
invert_cell (GstVideoFrame *frame,
             guint          c,
             guint          row,
             guint          column)
{
  guint n_comps = GST_VIDEO_FORMAT_INFO_IS_YUV (frame->info.finfo) ? 1 : 3;

  for (guint comp = 0; comp < n_comps; comp++)
    for (guint y = row * c; y < (row + 1) * c; y++)
      for (guint x = column * c; x < (column + 1) * c; x++)
        {
          guint8 *p = pixel (frame, comp, x, y);

          *p = *p > 128 ? 16 : 235;
        }
}

static void
test_flipped_cell (void)
{
  for (guint f = 0; f < G_N_ELEMENTS (supported_formats); f++)
    for (guint row = 0; row < 2; row++)
      for (guint column = 2; column < 26; column++)
        {
          g_autoptr(TestFrame) tf = test_frame_new (supported_formats[f], 640, 360);
          guint64 read = 42;

          fill_frame (&tf->frame, pattern_gradient, NULL);
          g_assert_true (beacon_latency_stamp_draw (&tf->frame, 1767225600123));
          invert_cell (&tf->frame, 16, row, column);
          /* A CRC-8 catches every single-bit error. */
          g_assert_cmpint (beacon_latency_stamp_read (&tf->frame, &read), ==,
                           BEACON_STAMP_BAD_CRC);
          g_assert_cmpuint (read, ==, 42);
        }
}

static void
test_too_narrow (void)
{
  static const guint widths[] = { 39, 32, 2 };

  for (guint f = 0; f < G_N_ELEMENTS (supported_formats); f++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      {
        g_autoptr(TestFrame) tf = test_frame_new (supported_formats[f], widths[w], 240);
        g_autoptr(GstBuffer) before = NULL;
        GstMapInfo map;

        fill_frame (&tf->frame, pattern_gradient, NULL);
        before = gst_buffer_copy_deep (tf->buffer);
        g_assert_false (beacon_latency_stamp_draw (&tf->frame, 1767225600123));
        g_assert_cmpint (beacon_latency_stamp_read (&tf->frame, NULL), ==, BEACON_STAMP_NONE);

        g_assert_true (gst_buffer_map (before, &map, GST_MAP_READ));
        g_assert_cmpmem (map.data, map.size, GST_VIDEO_FRAME_PLANE_DATA (&tf->frame, 0), map.size);
        gst_buffer_unmap (before, &map);
      }

  /* Wide enough, but too short for the two rows. */
  {
    g_autoptr(TestFrame) tf = test_frame_new (GST_VIDEO_FORMAT_RGBA, 640, 24);

    g_assert_false (beacon_latency_stamp_draw (&tf->frame, 1));
  }

  /* A format outside the list. */
  {
    g_autoptr(TestFrame) tf = test_frame_new (GST_VIDEO_FORMAT_YUY2, 640, 360);

    g_assert_false (beacon_latency_stamp_draw (&tf->frame, 1));
    g_assert_cmpint (beacon_latency_stamp_read (&tf->frame, NULL), ==, BEACON_STAMP_NONE);
  }
}

static void
test_latency_wraps (void)
{
  guint64 wrap = G_GUINT64_CONSTANT (1) << 40;
  guint64 now = beacon_latency_stamp_now_ms ();
  guint64 reference = (guint64) (g_get_real_time () / 1000);

  g_assert_cmpuint (beacon_latency_stamp_latency_ms (1000, 900), ==, 100);
  /* Stamped just before the 40-bit wrap, read just after. */
  g_assert_cmpuint (beacon_latency_stamp_latency_ms (5, wrap - 10), ==, 15);
  /* The reader passes its full clock; only the low 40 bits count. */
  g_assert_cmpuint (beacon_latency_stamp_latency_ms (3 * wrap + 5, wrap - 10), ==, 15);
  g_assert_cmpuint (beacon_latency_stamp_latency_ms (now, now & (wrap - 1)), ==, 0);
  g_assert_cmpuint (beacon_latency_stamp_latency_ms (0, 1), ==, wrap - 1);

  g_assert_cmpuint (reference - now, <, 1000);
}

static void
test_window (void)
{
  g_autoptr(BeaconLatencyWindow) window = beacon_latency_window_new ();
  static const double wiki[] = { 35, 20, 15, 50, 40 };

  g_assert_cmpuint (beacon_latency_window_get_count (window), ==, 0);
  g_assert_true (isnan (beacon_latency_window_percentile (window, 50)));

  /* The nearest-rank example set: ranks ceil (p/100 × 5). */
  for (guint i = 0; i < G_N_ELEMENTS (wiki); i++)
    beacon_latency_window_add (window, wiki[i]);
  g_assert_cmpuint (beacon_latency_window_get_count (window), ==, 5);
  g_assert_cmpfloat (beacon_latency_window_percentile (window, 0), ==, 15);
  g_assert_cmpfloat (beacon_latency_window_percentile (window, 5), ==, 15);
  g_assert_cmpfloat (beacon_latency_window_percentile (window, 30), ==, 20);
  g_assert_cmpfloat (beacon_latency_window_percentile (window, 40), ==, 20);
  g_assert_cmpfloat (beacon_latency_window_percentile (window, 50), ==, 35);
  g_assert_cmpfloat (beacon_latency_window_percentile (window, 95), ==, 50);
  g_assert_cmpfloat (beacon_latency_window_percentile (window, 100), ==, 50);

  /* Adding after a query must re-sort. */
  beacon_latency_window_add (window, 1);
  beacon_latency_window_add (window, 2);
  g_assert_cmpuint (beacon_latency_window_get_count (window), ==, 7);
  g_assert_cmpfloat (beacon_latency_window_percentile (window, 50), ==, 20);
  g_assert_cmpfloat (beacon_latency_window_percentile (window, 0), ==, 1);
}

static void
test_window_hundred (void)
{
  g_autoptr(BeaconLatencyWindow) window = beacon_latency_window_new ();

  /* 1..100 in a scrambled order (37 is coprime with 100). */
  for (guint i = 0; i < 100; i++)
    beacon_latency_window_add (window, (i * 37) % 100 + 1 + 0.5);

  g_assert_cmpuint (beacon_latency_window_get_count (window), ==, 100);
  g_assert_cmpfloat (beacon_latency_window_percentile (window, 50), ==, 50.5);
  g_assert_cmpfloat (beacon_latency_window_percentile (window, 95), ==, 95.5);
  g_assert_cmpfloat (beacon_latency_window_percentile (window, 95.5), ==, 96.5);
  g_assert_cmpfloat (beacon_latency_window_percentile (window, 99), ==, 99.5);
}

/* Lossy round trip: what a player sees after a 500 kbit/s encoder at 640x360. */
typedef struct
{
  const char *encoder;
  const char *decoder;
  const char *encoder_props;
} Codec;

static const Codec codecs[] = {
  { "x264enc", "avdec_h264", "tune=zerolatency speed-preset=ultrafast bitrate=500 key-int-max=30" },
  { "vp8enc", "vp8dec", "deadline=1 target-bitrate=500000 keyframe-max-dist=30" },
};

#define CODEC_FRAMES      90
#define CODEC_WIDTH       640
#define CODEC_HEIGHT      360
/* Already 40 bits: the stamp carries no more. */
#define CODEC_FIRST_MS    (G_GUINT64_CONSTANT (1767225600000) & TIME_MASK)
#define CODEC_STEP_MS     33
#define CODEC_DEADLINE_US (30 * G_USEC_PER_SEC)

/* A camera-like picture: a drifting gradient with some grain, so the encoder spends its
 * bits on the whole frame and not only on the stamp. */
static guint8
pattern_scene (guint    comp,
               guint    x,
               guint    y,
               gpointer data)
{
  guint frame = GPOINTER_TO_UINT (data);
  guint grain = (x * 7919 + y * 104729 + frame * 15485863) % 23;

  if (comp > 0)
    return (guint8) (96 + ((x + frame * 3) % 64));
  return (guint8) (((x + y + frame * 4) % 200) + grain + 16);
}

static GstBuffer *
make_stamped_buffer (const GstVideoInfo *info,
                     guint               index)
{
  GstBuffer *buffer = gst_buffer_new_allocate (NULL, GST_VIDEO_INFO_SIZE (info), NULL);
  GstVideoFrame frame;

  g_assert_true (gst_video_frame_map (&frame, info, buffer, GST_MAP_WRITE));
  fill_frame (&frame, pattern_scene, GUINT_TO_POINTER (index));
  g_assert_true (beacon_latency_stamp_draw (&frame, CODEC_FIRST_MS + index * CODEC_STEP_MS));
  gst_video_frame_unmap (&frame);

  GST_BUFFER_PTS (buffer) = gst_util_uint64_scale (index, GST_SECOND, 30);
  GST_BUFFER_DURATION (buffer) = gst_util_uint64_scale (1, GST_SECOND, 30);

  return buffer;
}

/* The stamp of @sample: its frame index, or -1 when it did not read back. */
static int
read_sample (GstSample *sample)
{
  GstVideoInfo info;
  GstVideoFrame frame;
  BeaconStampResult result;
  guint64 t = 0;

  g_assert_true (gst_video_info_from_caps (&info, gst_sample_get_caps (sample)));
  g_assert_cmpint (GST_VIDEO_INFO_WIDTH (&info), ==, CODEC_WIDTH);
  g_assert_true (gst_video_frame_map (&frame, &info, gst_sample_get_buffer (sample),
                                      GST_MAP_READ));
  result = beacon_latency_stamp_read (&frame, &t);
  gst_video_frame_unmap (&frame);

  if (result != BEACON_STAMP_OK || t < CODEC_FIRST_MS
      || (t - CODEC_FIRST_MS) % CODEC_STEP_MS != 0
      || (t - CODEC_FIRST_MS) / CODEC_STEP_MS >= CODEC_FRAMES)
    {
      g_test_message ("frame read %d, t=%" G_GUINT64_FORMAT, result, t);
      return -1;
    }

  return (int) ((t - CODEC_FIRST_MS) / CODEC_STEP_MS);
}

static void
test_codec (gconstpointer data)
{
  const Codec *codec = data;
  const char *needed[] = { "appsrc", "appsink", "videoconvert", codec->encoder,
                           codec->decoder };
  g_autofree char *description = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) src = NULL;
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) error_message = NULL;
  g_autoptr(GError) error = NULL;
  GstVideoInfo info;
  gint64 deadline;
  guint decoded = 0, ok = 0;
  int last_index = -1;

  for (guint i = 0; i < G_N_ELEMENTS (needed); i++)
    {
      g_autoptr(GstElementFactory) factory = gst_element_factory_find (needed[i]);

      if (factory == NULL)
        {
          g_autofree char *reason = g_strdup_printf ("GStreamer element %s is not installed",
                                                     needed[i]);

          g_test_skip (reason);
          return;
        }
    }

  description = g_strdup_printf ("appsrc name=src format=time ! %s %s ! %s ! videoconvert ! "
                                 "video/x-raw,format=I420 ! appsink name=sink sync=false",
                                 codec->encoder, codec->encoder_props, codec->decoder);
  pipeline = gst_parse_launch (description, &error);
  g_assert_no_error (error);
  src = gst_bin_get_by_name (GST_BIN (pipeline), "src");
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  bus = gst_element_get_bus (pipeline);

  gst_video_info_set_format (&info, GST_VIDEO_FORMAT_I420, CODEC_WIDTH, CODEC_HEIGHT);
  info.fps_n = 30;
  info.fps_d = 1;
  {
    g_autoptr(GstCaps) caps = gst_video_info_to_caps (&info);

    gst_app_src_set_caps (GST_APP_SRC (src), caps);
  }

  g_assert_cmpint (gst_element_set_state (pipeline, GST_STATE_PLAYING), !=,
                   GST_STATE_CHANGE_FAILURE);

  /* appsrc queues without blocking, so all frames can go in before the first pull. */
  for (guint i = 0; i < CODEC_FRAMES; i++)
    g_assert_cmpint (gst_app_src_push_buffer (GST_APP_SRC (src), make_stamped_buffer (&info, i)),
                     ==, GST_FLOW_OK);
  gst_app_src_end_of_stream (GST_APP_SRC (src));

  deadline = g_get_monotonic_time () + CODEC_DEADLINE_US;
  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(GstSample) sample =
        gst_app_sink_try_pull_sample (GST_APP_SINK (sink), GST_SECOND);
      int index;

      if (sample == NULL)
        {
          if (gst_app_sink_is_eos (GST_APP_SINK (sink)))
            break;
          error_message = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);
          if (error_message != NULL)
            break;
          continue;
        }

      decoded++;
      index = read_sample (sample);
      /* Each frame once, in order: a stale or misread value must not count. */
      if (index > last_index)
        {
          ok++;
          last_index = index;
        }
    }

  if (error_message == NULL)
    error_message = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);
  if (error_message != NULL)
    {
      g_autoptr(GError) pipeline_error = NULL;

      gst_message_parse_error (error_message, &pipeline_error, NULL);
      g_error ("%s pipeline failed: %s", codec->encoder, pipeline_error->message);
    }

  gst_element_set_state (pipeline, GST_STATE_NULL);

  g_test_message ("%s: %u decoded, %u stamps read", codec->encoder, decoded, ok);
  g_assert_true (gst_app_sink_is_eos (GST_APP_SINK (sink)));
  g_assert_cmpuint (ok * 10, >=, CODEC_FRAMES * 9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gst_init (NULL, NULL);

  g_test_add_func ("/beacon/media/latency-stamp/crc8", test_crc8);
  g_test_add_func ("/beacon/media/latency-stamp/round-trip", test_round_trip);
  g_test_add_func ("/beacon/media/latency-stamp/plain-frames", test_plain_frames);
  g_test_add_func ("/beacon/media/latency-stamp/flipped-cell", test_flipped_cell);
  g_test_add_func ("/beacon/media/latency-stamp/too-narrow", test_too_narrow);
  g_test_add_func ("/beacon/media/latency-stamp/latency-wraps", test_latency_wraps);
  g_test_add_func ("/beacon/media/latency-stamp/window", test_window);
  g_test_add_func ("/beacon/media/latency-stamp/window-hundred", test_window_hundred);
  g_test_add_data_func ("/beacon/media/latency-stamp/codec-h264", &codecs[0], test_codec);
  g_test_add_data_func ("/beacon/media/latency-stamp/codec-vp8", &codecs[1], test_codec);

  return g_test_run ();
}
