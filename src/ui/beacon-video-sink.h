/* beacon-video-sink.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/video/video.h>
#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BEACON_TYPE_VIDEO_SINK (beacon_video_sink_get_type ())
G_DECLARE_FINAL_TYPE (BeaconVideoSink, beacon_video_sink, BEACON, VIDEO_SINK, GstVideoSink)

GstElement      *beacon_video_sink_new                 (void);
GdkPaintable    *beacon_video_sink_get_paintable       (BeaconVideoSink  *self);
guint64          beacon_video_sink_get_frames_rendered (BeaconVideoSink  *self);
int              beacon_video_sink_get_frame_width     (BeaconVideoSink  *self);
int              beacon_video_sink_get_frame_height    (BeaconVideoSink  *self);
BeaconVideoSink *beacon_video_sink_find                (GstElement       *element);
GstElement      *beacon_video_sink_make_bin            (GdkPaintable    **paintable,
                                                        char            **sink_name,
                                                        GError          **error);

G_END_DECLS
