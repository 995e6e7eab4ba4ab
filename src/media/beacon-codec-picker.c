/* beacon-codec-picker.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-codec-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "beacon-codec-picker.h"
#include "beacon-media-error.h"

/* VA-API first (the new `va` plugin before the older gstreamer-vaapi one), then software in
 * the order of decoding speed on a plain CPU. */
static const BeaconCodecEntry decoders[] = {
  { "vah264dec",    BEACON_VIDEO_CODEC_H264, TRUE },
  { "vaapih264dec", BEACON_VIDEO_CODEC_H264, TRUE },
  { "avdec_h264",   BEACON_VIDEO_CODEC_H264, FALSE },
  { "openh264dec",  BEACON_VIDEO_CODEC_H264, FALSE },
  { "vavp8dec",     BEACON_VIDEO_CODEC_VP8,  TRUE },
  { "vaapivp8dec",  BEACON_VIDEO_CODEC_VP8,  TRUE },
  { "vp8dec",       BEACON_VIDEO_CODEC_VP8,  FALSE },
  { "avdec_vp8",    BEACON_VIDEO_CODEC_VP8,  FALSE },
  { NULL }
};

static const BeaconCodecEntry encoders[] = {
  { "vah264enc",    BEACON_VIDEO_CODEC_H264, TRUE },
  { "vaapih264enc", BEACON_VIDEO_CODEC_H264, TRUE },
  { "x264enc",      BEACON_VIDEO_CODEC_H264, FALSE },
  { "openh264enc",  BEACON_VIDEO_CODEC_H264, FALSE },
  { "vavp8enc",     BEACON_VIDEO_CODEC_VP8,  TRUE },
  { "vaapivp8enc",  BEACON_VIDEO_CODEC_VP8,  TRUE },
  { "vp8enc",       BEACON_VIDEO_CODEC_VP8,  FALSE },
  { NULL }
};

const BeaconCodecEntry *
beacon_codec_picker_decoders (void)
{
  return decoders;
}

const BeaconCodecEntry *
beacon_codec_picker_encoders (void)
{
  return encoders;
}

static gboolean
mode_allows (BeaconCodecMode         mode,
             const BeaconCodecEntry *entry)
{
  switch (mode)
    {
    case BEACON_CODEC_MODE_VAAPI:
      return entry->hardware;
    case BEACON_CODEC_MODE_SOFTWARE:
      return !entry->hardware;
    case BEACON_CODEC_MODE_AUTO:
    default:
      return TRUE;
    }
}

/* What to tell a user with nothing usable: the Debian packages holding the software elements
 * (the VA-API ones need a driver more than a package, so the reasons list says enough). */
static const char *
install_hint (BeaconVideoCodec codec,
              gboolean         encoder)
{
  if (codec == BEACON_VIDEO_CODEC_H264)
    return encoder
      ? _("install gstreamer1.0-plugins-ugly (x264enc) or gstreamer1.0-plugins-bad (openh264enc)")
      : _("install gstreamer1.0-libav (avdec_h264) or gstreamer1.0-plugins-bad (openh264dec)");
  return encoder
    ? _("install gstreamer1.0-plugins-good (vp8enc)")
    : _("install gstreamer1.0-plugins-good (vp8dec) or gstreamer1.0-libav (avdec_vp8)");
}

static void
set_missing_error (GError         **error,
                   BeaconVideoCodec codec,
                   BeaconCodecMode  mode,
                   gboolean         encoder,
                   GString         *reasons)
{
  const char *codec_name = codec == BEACON_VIDEO_CODEC_H264 ? "H.264" : "VP8";

  if (mode == BEACON_CODEC_MODE_VAAPI)
    {
      /* Translators: the first %s is a codec (H.264, VP8), the second a list such as
       * "vah264dec not installed, vaapih264dec could not open its device" */
      g_set_error (error, BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_MISSING_ELEMENT,
                   encoder ? _("No usable VA-API %s encoder: %s")
                           : _("No usable VA-API %s decoder: %s"),
                   codec_name, reasons->str);
      return;
    }

  /* Translators: the first %s is a codec, the second what to install, the third the list of
   * elements tried and why each was passed over */
  g_set_error (error, BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_MISSING_ELEMENT,
               encoder ? _("No %s encoder: %s (tried: %s)") : _("No %s decoder: %s (tried: %s)"),
               codec_name, install_hint (codec, encoder), reasons->str);
}

/* The first usable entry of @table for @codec and @mode, as a fresh floating element. An
 * element that exists but fails to reach READY (a VA-API element without a usable device,
 * typically) is passed over: finding that out at PLAYING time would fail the whole stream. */
static GstElement *
pick (const BeaconCodecEntry  *table,
      BeaconVideoCodec         codec,
      BeaconCodecMode          mode,
      gboolean                 encoder,
      const BeaconCodecEntry **entry_out,
      GError                 **error)
{
  g_autoptr(GString) reasons = g_string_new (NULL);

  for (const BeaconCodecEntry *entry = table; entry->factory != NULL; entry++)
    {
      g_autoptr(GstElementFactory) factory = NULL;
      GstElement *element;
      const char *why;

      if (entry->codec != codec || !mode_allows (mode, entry))
        continue;

      factory = gst_element_factory_find (entry->factory);
      element = factory != NULL ? gst_element_factory_create (factory, NULL) : NULL;
      if (element != NULL)
        {
          gst_object_ref_sink (element);
          if (gst_element_set_state (element, GST_STATE_READY) != GST_STATE_CHANGE_FAILURE)
            {
              gst_element_set_state (element, GST_STATE_NULL);
              g_debug ("picked %s for %s", entry->factory, beacon_video_codec_to_string (codec));
              if (entry_out != NULL)
                *entry_out = entry;
              /* Callers add it to a bin like any freshly made element, so hand back a
               * floating reference, as gst_element_factory_make would. */
              g_object_force_floating (G_OBJECT (element));
              return element;
            }
          gst_element_set_state (element, GST_STATE_NULL);
          gst_object_unref (element);
          why = _("could not open its device");
        }
      else
        {
          why = _("not installed");
        }

      g_debug ("passing over %s: %s", entry->factory, why);
      if (reasons->len > 0)
        g_string_append (reasons, ", ");
      /* Translators: "vah264dec not installed", "vaapih264dec could not open its device" */
      g_string_append_printf (reasons, C_("element and reason", "%s %s"), entry->factory, why);
    }

  if (entry_out != NULL)
    *entry_out = NULL;
  set_missing_error (error, codec, mode, encoder, reasons);
  return NULL;
}

GstElement *
beacon_codec_picker_make_decoder (BeaconVideoCodec         codec,
                                  BeaconCodecMode          mode,
                                  const BeaconCodecEntry **entry_out,
                                  GError                 **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return pick (decoders, codec, mode, FALSE, entry_out, error);
}

static gboolean
has_property (GstElement *element,
              const char *name)
{
  return g_object_class_find_property (G_OBJECT_GET_CLASS (element), name) != NULL;
}

/* Sets @name from its string form when @element has it; enum and flag nicks work too. VA-API
 * elements have changed their property sets between releases, so nothing here is fatal. */
static void
set_if_present (GstElement *element,
                const char *name,
                const char *value)
{
  if (has_property (element, name))
    gst_util_set_object_arg (G_OBJECT (element), name, value);
}

static void
set_uint_if_present (GstElement *element,
                     const char *name,
                     guint64     value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GUINT64_FORMAT, value);

  set_if_present (element, name, text);
}

static const char *
factory_name (GstElement *element)
{
  GstElementFactory *factory = gst_element_get_factory (element);

  return factory != NULL ? gst_plugin_feature_get_name (GST_PLUGIN_FEATURE (factory)) : "";
}

void
beacon_codec_picker_set_encoder_bitrate (GstElement *encoder,
                                         guint       bitrate_kbps)
{
  const char *name;

  g_return_if_fail (GST_IS_ELEMENT (encoder));
  g_return_if_fail (bitrate_kbps > 0);

  name = factory_name (encoder);
  /* Units differ per element: x264enc and the VA encoders take kbps, openh264enc and vp8enc
   * bits per second. */
  if (g_str_equal (name, "openh264enc"))
    set_uint_if_present (encoder, "bitrate", (guint64) bitrate_kbps * 1000);
  else if (g_str_equal (name, "vp8enc"))
    set_uint_if_present (encoder, "target-bitrate", (guint64) bitrate_kbps * 1000);
  else if (has_property (encoder, "bitrate"))
    set_uint_if_present (encoder, "bitrate", bitrate_kbps);
  else
    set_uint_if_present (encoder, "target-bitrate", bitrate_kbps);
}

/* Live, low-latency settings (notes-media.md): no B-frames or lookahead, the fastest preset,
 * a bounded keyframe interval so a player joining late or losing packets recovers soon. */
static void
configure_encoder (GstElement *encoder,
                   guint       keyframe_interval)
{
  const char *name = factory_name (encoder);

  if (g_str_equal (name, "x264enc"))
    {
      gst_util_set_object_arg (G_OBJECT (encoder), "tune", "zerolatency");
      gst_util_set_object_arg (G_OBJECT (encoder), "speed-preset", "ultrafast");
      set_uint_if_present (encoder, "key-int-max", keyframe_interval);
      /* zerolatency encodes each frame as one slice per thread. Beacon's relay carries
       * slices whole (tests/server sliced-h264), but other servers' and decoders' handling of
       * multi-slice WebRTC streams varies, and one ultrafast thread takes about 3 ms for a
       * 720p frame, so one slice costs nothing here. */
      set_uint_if_present (encoder, "threads", 1);
    }
  else if (g_str_equal (name, "openh264enc"))
    {
      gst_util_set_object_arg (G_OBJECT (encoder), "complexity", "low");
      set_uint_if_present (encoder, "gop-size", keyframe_interval);
    }
  else if (g_str_equal (name, "vp8enc"))
    {
      /* deadline=1 is libvpx's realtime mode; cpu-used trades quality for speed so that a
       * 2-core machine keeps 30 fps at 640x360 with room to spare. */
      set_uint_if_present (encoder, "deadline", 1);
      set_if_present (encoder, "cpu-used", "8");
      set_uint_if_present (encoder, "keyframe-max-dist", keyframe_interval);
      set_if_present (encoder, "error-resilient", "default");
      set_if_present (encoder, "lag-in-frames", "0");
      set_if_present (encoder, "end-usage", "cbr");
    }
  else
    {
      /* vah264enc / vaapih264enc / vavp8enc: constant bitrate, short GOP. */
      set_if_present (encoder, "rate-control", "cbr");
      set_uint_if_present (encoder, "key-int-max", keyframe_interval);
      set_uint_if_present (encoder, "keyframe-period", keyframe_interval);
      set_uint_if_present (encoder, "b-frames", 0);
      set_uint_if_present (encoder, "max-bframes", 0);
    }
}

GstElement *
beacon_codec_picker_make_encoder (BeaconVideoCodec         codec,
                                  BeaconCodecMode          mode,
                                  guint                    bitrate_kbps,
                                  guint                    keyframe_interval,
                                  const BeaconCodecEntry **entry_out,
                                  GError                 **error)
{
  GstElement *encoder;

  g_return_val_if_fail (bitrate_kbps > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  encoder = pick (encoders, codec, mode, TRUE, entry_out, error);
  if (encoder == NULL)
    return NULL;

  configure_encoder (encoder, MAX (keyframe_interval, 1));
  beacon_codec_picker_set_encoder_bitrate (encoder, bitrate_kbps);
  return encoder;
}
