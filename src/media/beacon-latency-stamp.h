/* beacon-latency-stamp.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/video/video.h>

G_BEGIN_DECLS

/* The latency stamp of shared/latency-stamp.md: a wall-clock time drawn into the top-left
 * corner of a frame at capture and read back after decoding. */

typedef enum
{
  BEACON_STAMP_OK,
  BEACON_STAMP_NONE,          /* guards not found: the frame carries no stamp */
  BEACON_STAMP_BAD_CRC,       /* guards found, bits do not check out */
} BeaconStampResult;

/** beacon_latency_stamp_crc8: CRC-8/SMBUS of @value's low 40 bits (5 bytes, MSB first). */
guint8            beacon_latency_stamp_crc8 (guint64 value);

/** beacon_latency_stamp_now_ms: the clock both ends read (CLOCK_REALTIME, ms). */
guint64           beacon_latency_stamp_now_ms (void);

/**
 * beacon_latency_stamp_draw:
 *
 * Draws @t_ms into a mapped writable frame. Formats: I420, NV12, BGRx, BGRA, RGBx, RGBA.
 * Returns %FALSE (drawing nothing) for other formats or frames narrower than 40 px.
 */
gboolean          beacon_latency_stamp_draw (GstVideoFrame *frame,
                                             guint64        t_ms);

/**
 * beacon_latency_stamp_read:
 * @t_ms: (out): the stamped 40-bit time when BEACON_STAMP_OK
 *
 * Reads a stamp from a mapped frame (same formats as draw).
 */
BeaconStampResult beacon_latency_stamp_read (const GstVideoFrame *frame,
                                             guint64             *t_ms);

/** beacon_latency_stamp_latency_ms: (@now_ms − @stamped) modulo 2^40, in ms. */
guint64           beacon_latency_stamp_latency_ms (guint64 now_ms,
                                                   guint64 stamped);

/* A window of latency readings for median / p95 (kept sorted lazily). */
typedef struct _BeaconLatencyWindow BeaconLatencyWindow;

BeaconLatencyWindow *beacon_latency_window_new     (void);
void                 beacon_latency_window_free    (BeaconLatencyWindow *window);
void                 beacon_latency_window_add     (BeaconLatencyWindow *window,
                                                    double               latency_ms);
guint                beacon_latency_window_get_count (const BeaconLatencyWindow *window);
/* Percentile @p in [0, 100] by nearest rank; NAN when empty. */
double               beacon_latency_window_percentile (BeaconLatencyWindow *window,
                                                       double               p);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BeaconLatencyWindow, beacon_latency_window_free)

G_END_DECLS
