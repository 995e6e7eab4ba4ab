/* beacon-latency-stamp.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-latency-stamp"

#include "config.h"

#include <math.h>

#include "beacon-latency-stamp.h"

/* Geometry and payload of shared/latency-stamp.md. */
#define STAMP_COLUMNS_PER_WIDTH 40
#define STAMP_COLUMNS           26
#define STAMP_ROWS              2
#define STAMP_GUARD_COLUMNS     2
#define STAMP_BITS_PER_ROW      (STAMP_COLUMNS - STAMP_GUARD_COLUMNS)
#define STAMP_TIME_BITS         40
#define STAMP_TIME_MASK         ((G_GUINT64_CONSTANT (1) << STAMP_TIME_BITS) - 1)
#define STAMP_MIN_GUARD_CONTRAST 64.0

#define CHROMA_NEUTRAL 128

static gboolean
format_supported (GstVideoFormat format)
{
  switch ((int) format)
    {
    case GST_VIDEO_FORMAT_I420:
    case GST_VIDEO_FORMAT_NV12:
    case GST_VIDEO_FORMAT_BGRx:
    case GST_VIDEO_FORMAT_BGRA:
    case GST_VIDEO_FORMAT_RGBx:
    case GST_VIDEO_FORMAT_RGBA:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The cell size, or 0 when the frame cannot hold a stamp. */
static guint
stamp_cell_size (const GstVideoFrame *frame)
{
  guint width = GST_VIDEO_FRAME_WIDTH (frame);
  guint height = GST_VIDEO_FRAME_HEIGHT (frame);
  guint cell = width / STAMP_COLUMNS_PER_WIDTH;

  if (!format_supported (GST_VIDEO_FRAME_FORMAT (frame)))
    return 0;
  /* The spec only names the width, but a frame shorter than the two rows would be
   * written past its end. */
  if (cell == 0 || height < STAMP_ROWS * cell)
    return 0;

  return cell;
}

guint8
beacon_latency_stamp_crc8 (guint64 value)
{
  guint8 crc = 0;

  for (int shift = STAMP_TIME_BITS - 8; shift >= 0; shift -= 8)
    {
      crc ^= (guint8) (value >> shift);
      for (int bit = 0; bit < 8; bit++)
        crc = (crc & 0x80) ? (guint8) ((crc << 1) ^ 0x07) : (guint8) (crc << 1);
    }

  return crc;
}

guint64
beacon_latency_stamp_now_ms (void)
{
  return (guint64) (g_get_real_time () / 1000);
}

guint64
beacon_latency_stamp_latency_ms (guint64 now_ms,
                                 guint64 stamped)
{
  /* Unsigned subtraction wraps modulo 2^64, a multiple of 2^40, so masking afterwards
   * gives the difference modulo 2^40 even across the 40-bit wrap. */
  return (now_ms - stamped) & STAMP_TIME_MASK;
}

static guint64
stamp_payload (guint64 t_ms)
{
  guint64 time_bits = t_ms & STAMP_TIME_MASK;

  return (time_bits << 8) | beacon_latency_stamp_crc8 (time_bits);
}

/* Whether cell (@row, @column) is white: the guards, then the payload MSB first. */
static gboolean
cell_is_white (guint64 payload,
               guint   row,
               guint   column)
{
  guint bit;

  if (column < STAMP_GUARD_COLUMNS)
    return (row == 0) == (column == 0);

  bit = (STAMP_ROWS - 1 - row) * STAMP_BITS_PER_ROW + (STAMP_COLUMNS - 1 - column);
  return (payload >> bit) & 1;
}

/* Fills the rectangle [x0, x1) × [y0, y1), given in luma pixels, of one 8-bit component. */
static void
fill_component (GstVideoFrame *frame,
                guint          comp,
                guint          x0,
                guint          y0,
                guint          x1,
                guint          y1,
                guint8         value)
{
  const GstVideoFormatInfo *finfo = frame->info.finfo;
  guint8 *data = GST_VIDEO_FRAME_COMP_DATA (frame, comp);
  int stride = GST_VIDEO_FRAME_COMP_STRIDE (frame, comp);
  int pstride = GST_VIDEO_FRAME_COMP_PSTRIDE (frame, comp);
  /* Round outwards so that an odd cell edge still neutralises the chroma sample it
   * shares with the stamp. */
  guint cx0 = x0 >> GST_VIDEO_FORMAT_INFO_W_SUB (finfo, comp);
  guint cy0 = y0 >> GST_VIDEO_FORMAT_INFO_H_SUB (finfo, comp);
  guint cx1 = GST_VIDEO_FORMAT_INFO_SCALE_WIDTH (finfo, comp, x1);
  guint cy1 = GST_VIDEO_FORMAT_INFO_SCALE_HEIGHT (finfo, comp, y1);

  for (guint y = cy0; y < cy1; y++)
    {
      guint8 *p = data + (gsize) y * stride + (gsize) cx0 * pstride;

      for (guint x = cx0; x < cx1; x++, p += pstride)
        *p = value;
    }
}

gboolean
beacon_latency_stamp_draw (GstVideoFrame *frame,
                           guint64        t_ms)
{
  const GstVideoFormatInfo *finfo;
  guint cell;
  guint64 payload;
  guint8 white = 255;
  guint8 black = 0;

  g_return_val_if_fail (frame != NULL, FALSE);

  cell = stamp_cell_size (frame);
  if (cell == 0)
    return FALSE;

  finfo = frame->info.finfo;
  payload = stamp_payload (t_ms);

  /* RGB white and black are Y 235 and 16 in limited-range video, which is what a browser
   * expects to decode back into 255 and 0. */
  if (GST_VIDEO_FORMAT_INFO_IS_YUV (finfo)
      && frame->info.colorimetry.range != GST_VIDEO_COLOR_RANGE_0_255)
    {
      white = 235;
      black = 16;
    }

  for (guint row = 0; row < STAMP_ROWS; row++)
    for (guint column = 0; column < STAMP_COLUMNS; column++)
      {
        guint8 level = cell_is_white (payload, row, column) ? white : black;
        guint x0 = column * cell, y0 = row * cell;

        if (GST_VIDEO_FORMAT_INFO_IS_YUV (finfo))
          fill_component (frame, GST_VIDEO_COMP_Y, x0, y0, x0 + cell, y0 + cell, level);
        else
          for (guint comp = 0; comp < 3; comp++)
            fill_component (frame, comp, x0, y0, x0 + cell, y0 + cell, level);
      }

  /* One pass over the whole stamp: with subsampling, per-cell chroma would need the same
   * outward rounding anyway, and every stamped cell wants the same value. */
  if (GST_VIDEO_FORMAT_INFO_IS_YUV (finfo))
    {
      fill_component (frame, GST_VIDEO_COMP_U, 0, 0, STAMP_COLUMNS * cell, STAMP_ROWS * cell,
                      CHROMA_NEUTRAL);
      fill_component (frame, GST_VIDEO_COMP_V, 0, 0, STAMP_COLUMNS * cell, STAMP_ROWS * cell,
                      CHROMA_NEUTRAL);
    }
  /* An alpha channel left transparent would hide the stamp from whoever composites it. */
  if (GST_VIDEO_FORMAT_INFO_HAS_ALPHA (finfo))
    fill_component (frame, GST_VIDEO_COMP_A, 0, 0, STAMP_COLUMNS * cell, STAMP_ROWS * cell,
                    255);

  return TRUE;
}

/* Mean level of the central square of cell (@row, @column): luma, or the mean of R, G, B. */
static double
cell_mean (const GstVideoFrame *frame,
           guint                cell,
           guint                row,
           guint                column)
{
  /* Only the centre: block edges carry the ringing of lossy codecs. */
  guint side = MAX (cell / 2, 1);
  guint x0 = column * cell + (cell - side) / 2;
  guint y0 = row * cell + (cell - side) / 2;
  guint n_comps = GST_VIDEO_FORMAT_INFO_IS_YUV (frame->info.finfo) ? 1 : 3;
  guint64 sum = 0;

  for (guint comp = 0; comp < n_comps; comp++)
    {
      const guint8 *data = GST_VIDEO_FRAME_COMP_DATA (frame, comp);
      int stride = GST_VIDEO_FRAME_COMP_STRIDE (frame, comp);
      int pstride = GST_VIDEO_FRAME_COMP_PSTRIDE (frame, comp);

      for (guint y = y0; y < y0 + side; y++)
        {
          const guint8 *p = data + (gsize) y * stride + (gsize) x0 * pstride;

          for (guint x = 0; x < side; x++, p += pstride)
            sum += *p;
        }
    }

  return (double) sum / ((double) side * side * n_comps);
}

BeaconStampResult
beacon_latency_stamp_read (const GstVideoFrame *frame,
                           guint64             *t_ms)
{
  guint cell;
  double white, black, threshold;
  guint64 payload = 0;
  guint64 time_bits;

  g_return_val_if_fail (frame != NULL, BEACON_STAMP_NONE);

  cell = stamp_cell_size (frame);
  if (cell == 0)
    return BEACON_STAMP_NONE;

  white = (cell_mean (frame, cell, 0, 0) + cell_mean (frame, cell, 1, 1)) / 2;
  black = (cell_mean (frame, cell, 0, 1) + cell_mean (frame, cell, 1, 0)) / 2;
  if (white - black < STAMP_MIN_GUARD_CONTRAST)
    return BEACON_STAMP_NONE;
  threshold = (white + black) / 2;

  for (guint row = 0; row < STAMP_ROWS; row++)
    for (guint column = STAMP_GUARD_COLUMNS; column < STAMP_COLUMNS; column++)
      payload = (payload << 1) | (cell_mean (frame, cell, row, column) > threshold);

  time_bits = payload >> 8;
  if (beacon_latency_stamp_crc8 (time_bits) != (payload & 0xff))
    return BEACON_STAMP_BAD_CRC;

  if (t_ms != NULL)
    *t_ms = time_bits;

  return BEACON_STAMP_OK;
}

struct _BeaconLatencyWindow
{
  GArray  *values;    /* of double */
  gboolean sorted;
};

BeaconLatencyWindow *
beacon_latency_window_new (void)
{
  BeaconLatencyWindow *window = g_new0 (BeaconLatencyWindow, 1);

  window->values = g_array_new (FALSE, FALSE, sizeof (double));
  window->sorted = TRUE;

  return window;
}

void
beacon_latency_window_free (BeaconLatencyWindow *window)
{
  if (window == NULL)
    return;

  g_array_unref (window->values);
  g_free (window);
}

void
beacon_latency_window_add (BeaconLatencyWindow *window,
                           double               latency_ms)
{
  g_return_if_fail (window != NULL);

  g_array_append_val (window->values, latency_ms);
  window->sorted = FALSE;
}

guint
beacon_latency_window_get_count (const BeaconLatencyWindow *window)
{
  g_return_val_if_fail (window != NULL, 0);

  return window->values->len;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return (da > db) - (da < db);
}

double
beacon_latency_window_percentile (BeaconLatencyWindow *window,
                                  double               p)
{
  guint n;
  double exact_rank;
  guint rank;

  g_return_val_if_fail (window != NULL, NAN);
  g_return_val_if_fail (p >= 0 && p <= 100, NAN);

  n = window->values->len;
  if (n == 0)
    return NAN;

  /* Sorting is the expensive part and readers ask far less often than frames arrive. */
  if (!window->sorted)
    {
      g_array_sort (window->values, compare_doubles);
      window->sorted = TRUE;
    }

  /* Nearest rank: the smallest value with at least p % of the values at or below it, i.e.
   * rank ceil (p/100 × n). Rounded up by hand: the layer does not link libm. */
  exact_rank = p / 100 * n;
  rank = (guint) exact_rank;
  if (rank < exact_rank)
    rank++;
  rank = CLAMP (rank, 1, n);

  return g_array_index (window->values, double, rank - 1);
}
