/* beacon-media-types.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Enums shared by the media layer; GTypes come from beacon-media-enums.h (mkenums). */

typedef enum
{
  BEACON_VIDEO_CODEC_H264,
  BEACON_VIDEO_CODEC_VP8,
} BeaconVideoCodec;

/* Which decoders (or encoders) a picker may choose. Values match the gschema's
 * DecoderPreference enum (auto, hardware, software). */
typedef enum
{
  BEACON_CODEC_MODE_AUTO,
  BEACON_CODEC_MODE_VAAPI,
  BEACON_CODEC_MODE_SOFTWARE,
} BeaconCodecMode;

/* The WebSDK's channel quality (protocol.md §8). */
typedef enum
{
  BEACON_CHANNEL_QUALITY_UNKNOWN,
  BEACON_CHANNEL_QUALITY_PERFECT,
  BEACON_CHANNEL_QUALITY_GOOD,
  BEACON_CHANNEL_QUALITY_BAD,
} BeaconChannelQuality;

const char *beacon_video_codec_to_string     (BeaconVideoCodec     codec);
/* Accepts "h264"/"H264"/"vp8"/"VP8"; FALSE for anything else. */
gboolean    beacon_video_codec_from_string   (const char          *text,
                                              BeaconVideoCodec    *codec);
const char *beacon_channel_quality_to_string (BeaconChannelQuality quality);

G_END_DECLS
