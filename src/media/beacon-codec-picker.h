/* beacon-codec-picker.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/gst.h>

#include "beacon-media-types.h"

G_BEGIN_DECLS

/* One table of encoders and one of decoders, best first (VA-API, then software). A picker
 * takes the first entry whose factory exists, fits @mode, and reaches READY (so a VA-API
 * element that cannot open its device is passed over). */

typedef struct
{
  const char       *factory;     /* e.g. "vah264dec" */
  BeaconVideoCodec  codec;
  gboolean          hardware;
} BeaconCodecEntry;

/** beacon_codec_picker_decoders / _encoders: the tables, terminated by a NULL factory. */
const BeaconCodecEntry *beacon_codec_picker_decoders (void);
const BeaconCodecEntry *beacon_codec_picker_encoders (void);

/**
 * beacon_codec_picker_make_decoder:
 * @entry_out: (out) (optional): the table entry picked
 *
 * Returns a new decoder element (a floating reference) for @codec, or %NULL with
 * BEACON_MEDIA_ERROR_MISSING_ELEMENT and a message naming the factories tried and what is
 * missing (e.g. "no usable VA-API H.264 decoder: vah264dec not installed, vaapih264dec
 * could not open its device").
 */
GstElement *beacon_codec_picker_make_decoder (BeaconVideoCodec         codec,
                                              BeaconCodecMode          mode,
                                              const BeaconCodecEntry **entry_out,
                                              GError                 **error);

/**
 * beacon_codec_picker_make_encoder:
 *
 * Returns a new encoder (floating) for @codec configured for live, low-latency use at
 * @bitrate_kbps with a keyframe at least every @keyframe_interval frames, or %NULL with
 * BEACON_MEDIA_ERROR_MISSING_ELEMENT. H.264 encoders are set up to produce what the caller
 * then pins with caps `video/x-h264,profile=constrained-baseline` (or baseline).
 */
GstElement *beacon_codec_picker_make_encoder (BeaconVideoCodec         codec,
                                              BeaconCodecMode          mode,
                                              guint                    bitrate_kbps,
                                              guint                    keyframe_interval,
                                              const BeaconCodecEntry **entry_out,
                                              GError                 **error);

/** beacon_codec_picker_set_encoder_bitrate: changes a running encoder's target bitrate. */
void        beacon_codec_picker_set_encoder_bitrate (GstElement *encoder,
                                                     guint       bitrate_kbps);

G_END_DECLS
