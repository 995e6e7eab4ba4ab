/* beacon-media-types.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "beacon-media-types.h"

const char *
beacon_video_codec_to_string (BeaconVideoCodec codec)
{
  switch (codec)
    {
    case BEACON_VIDEO_CODEC_H264: return "H264";
    case BEACON_VIDEO_CODEC_VP8:  return "VP8";
    default:                      return "unknown";
    }
}

gboolean
beacon_video_codec_from_string (const char       *text,
                                BeaconVideoCodec *codec)
{
  if (text == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (text, "h264") == 0)
    *codec = BEACON_VIDEO_CODEC_H264;
  else if (g_ascii_strcasecmp (text, "vp8") == 0)
    *codec = BEACON_VIDEO_CODEC_VP8;
  else
    return FALSE;
  return TRUE;
}

const char *
beacon_channel_quality_to_string (BeaconChannelQuality quality)
{
  switch (quality)
    {
    case BEACON_CHANNEL_QUALITY_PERFECT: return "PERFECT";
    case BEACON_CHANNEL_QUALITY_GOOD:    return "GOOD";
    case BEACON_CHANNEL_QUALITY_BAD:     return "BAD";
    case BEACON_CHANNEL_QUALITY_UNKNOWN:
    default:                             return "UNKNOWN";
    }
}
