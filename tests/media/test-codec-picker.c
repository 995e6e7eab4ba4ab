/* test-codec-picker.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The codec picker's choice between VA-API and software elements. No machine running the
 * tests has a VA-API device, so two fake elements stand in: one named like the new `va`
 * plugin's H.264 decoder that opens fine, and two named like gstreamer-vaapi's that fail to
 * reach READY, as an element without its device does. */

#include "config.h"

#include <gst/gst.h>
#include <string.h>

#include "beacon-codec-picker.h"
#include "beacon-media-error.h"

/* ---- Fake VA-API elements ----------------------------------------------------------- */

typedef struct { GstElement parent; } FakeVaOk;
typedef struct { GstElementClass parent_class; } FakeVaOkClass;
typedef struct { GstElement parent; } FakeVaBroken;
typedef struct { GstElementClass parent_class; } FakeVaBrokenClass;

static GType fake_va_ok_get_type (void);
static GType fake_va_broken_get_type (void);

G_DEFINE_TYPE (FakeVaOk, fake_va_ok, GST_TYPE_ELEMENT)
G_DEFINE_TYPE (FakeVaBroken, fake_va_broken, GST_TYPE_ELEMENT)

static void
fake_va_ok_class_init (FakeVaOkClass *klass)
{
  gst_element_class_set_static_metadata (GST_ELEMENT_CLASS (klass), "Fake VA decoder",
                                         "Codec/Decoder/Video/Hardware",
                                         "Reaches READY like a working VA-API decoder",
                                         "The Beacon authors");
}

static void
fake_va_ok_init (FakeVaOk *self)
{
}

/* What a VA-API element does without a usable DRM device: it fails NULL→READY. */
static GstStateChangeReturn
fake_va_broken_change_state (GstElement     *element,
                             GstStateChange  transition)
{
  if (transition == GST_STATE_CHANGE_NULL_TO_READY)
    return GST_STATE_CHANGE_FAILURE;
  return GST_ELEMENT_CLASS (fake_va_broken_parent_class)->change_state (element, transition);
}

static void
fake_va_broken_class_init (FakeVaBrokenClass *klass)
{
  GstElementClass *element_class = GST_ELEMENT_CLASS (klass);

  element_class->change_state = fake_va_broken_change_state;
  gst_element_class_set_static_metadata (element_class, "Fake broken VA decoder",
                                         "Codec/Decoder/Video/Hardware",
                                         "Fails to open its device",
                                         "The Beacon authors");
}

static void
fake_va_broken_init (FakeVaBroken *self)
{
}

static gboolean
have_element (const char *name)
{
  g_autoptr(GstElementFactory) factory = gst_element_factory_find (name);

  return factory != NULL;
}

/* The software decoder AUTO and SOFTWARE should land on: the first of the table present. */
static const char *
first_software (BeaconVideoCodec codec,
                gboolean         encoder)
{
  const BeaconCodecEntry *table = encoder ? beacon_codec_picker_encoders ()
                                          : beacon_codec_picker_decoders ();

  for (const BeaconCodecEntry *entry = table; entry->factory != NULL; entry++)
    if (entry->codec == codec && !entry->hardware && have_element (entry->factory))
      return entry->factory;
  return NULL;
}

static const char *
factory_name (GstElement *element)
{
  return gst_plugin_feature_get_name (GST_PLUGIN_FEATURE (gst_element_get_factory (element)));
}

/* ---- Tests ------------------------------------------------------------------------------ */

static void
test_tables (void)
{
  const BeaconCodecEntry *decoders = beacon_codec_picker_decoders ();
  const BeaconCodecEntry *encoders = beacon_codec_picker_encoders ();

  /* VA-API first for each codec, and the order the issue gave. */
  g_assert_cmpstr (decoders[0].factory, ==, "vah264dec");
  g_assert_true (decoders[0].hardware);
  g_assert_cmpstr (decoders[1].factory, ==, "vaapih264dec");
  g_assert_cmpstr (decoders[2].factory, ==, "avdec_h264");
  g_assert_false (decoders[2].hardware);
  g_assert_cmpstr (decoders[3].factory, ==, "openh264dec");
  g_assert_cmpstr (encoders[2].factory, ==, "x264enc");
  g_assert_cmpstr (encoders[3].factory, ==, "openh264enc");

  for (const BeaconCodecEntry *e = decoders; e->factory != NULL; e++)
    g_assert_nonnull (strstr (e->factory, "dec"));
  for (const BeaconCodecEntry *e = encoders; e->factory != NULL; e++)
    g_assert_nonnull (strstr (e->factory, "enc"));
}

static void
test_auto_prefers_working_vaapi (void)
{
  const BeaconCodecEntry *entry = NULL;
  g_autoptr(GError) error = NULL;
  GstElement *decoder;

  decoder = beacon_codec_picker_make_decoder (BEACON_VIDEO_CODEC_H264, BEACON_CODEC_MODE_AUTO,
                                              &entry, &error);
  g_assert_no_error (error);
  g_assert_nonnull (decoder);
  g_assert_true (g_object_is_floating (decoder));
  g_assert_cmpstr (factory_name (decoder), ==, "vah264dec");
  g_assert_cmpstr (entry->factory, ==, "vah264dec");
  g_assert_true (entry->hardware);
  /* Back at NULL: a caller adds it to a pipeline like any new element. */
  g_assert_cmpint (GST_STATE (decoder), ==, GST_STATE_NULL);
  gst_object_unref (gst_object_ref_sink (decoder));
}

static void
test_vaapi_mode (void)
{
  const BeaconCodecEntry *entry = NULL;
  g_autoptr(GError) error = NULL;
  GstElement *decoder;

  decoder = beacon_codec_picker_make_decoder (BEACON_VIDEO_CODEC_H264, BEACON_CODEC_MODE_VAAPI,
                                              &entry, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (factory_name (decoder), ==, "vah264dec");
  gst_object_unref (gst_object_ref_sink (decoder));
}

static void
test_software_mode_ignores_vaapi (void)
{
  const char *expected = first_software (BEACON_VIDEO_CODEC_H264, FALSE);
  const BeaconCodecEntry *entry = NULL;
  g_autoptr(GError) error = NULL;
  GstElement *decoder;

  if (expected == NULL)
    {
      g_test_skip ("no software H.264 decoder installed (gstreamer1.0-libav)");
      return;
    }

  decoder = beacon_codec_picker_make_decoder (BEACON_VIDEO_CODEC_H264,
                                              BEACON_CODEC_MODE_SOFTWARE, &entry, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (factory_name (decoder), ==, expected);
  g_assert_false (entry->hardware);
  gst_object_unref (gst_object_ref_sink (decoder));
}

static void
test_broken_vaapi_skipped (void)
{
  const char *expected = first_software (BEACON_VIDEO_CODEC_VP8, FALSE);
  const BeaconCodecEntry *entry = NULL;
  g_autoptr(GError) error = NULL;
  GstElement *decoder;

  if (expected == NULL)
    {
      g_test_skip ("no software VP8 decoder installed (gstreamer1.0-plugins-good)");
      return;
    }

  /* vaapivp8dec (fake, broken) ranks above vp8dec but cannot reach READY. */
  decoder = beacon_codec_picker_make_decoder (BEACON_VIDEO_CODEC_VP8, BEACON_CODEC_MODE_AUTO,
                                              &entry, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (factory_name (decoder), ==, expected);
  gst_object_unref (gst_object_ref_sink (decoder));
}

static void
test_vaapi_error_names_each_factory (void)
{
  const BeaconCodecEntry *entry = (const BeaconCodecEntry *) 0x1;
  g_autoptr(GError) error = NULL;
  GstElement *decoder;

  decoder = beacon_codec_picker_make_decoder (BEACON_VIDEO_CODEC_VP8, BEACON_CODEC_MODE_VAAPI,
                                              &entry, &error);
  g_assert_null (decoder);
  g_assert_null (entry);
  g_assert_error (error, BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_MISSING_ELEMENT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "VA-API"));
  g_assert_nonnull (strstr (error->message, "vavp8dec not installed"));
  g_assert_nonnull (strstr (error->message, "vaapivp8dec could not open its device"));
  /* Only hardware entries were tried. */
  g_assert_null (strstr (error->message, "vp8dec,"));
  g_assert_null (strstr (error->message, "avdec_vp8"));
}

static void
test_h264_vaapi_error_lists_broken (void)
{
  g_autoptr(GError) error = NULL;
  GstElement *encoder;

  /* No VA-API H.264 encoder exists here: both are "not installed". */
  encoder = beacon_codec_picker_make_encoder (BEACON_VIDEO_CODEC_H264, BEACON_CODEC_MODE_VAAPI,
                                              1000, 60, NULL, &error);
  g_assert_null (encoder);
  g_assert_error (error, BEACON_MEDIA_ERROR, BEACON_MEDIA_ERROR_MISSING_ELEMENT);
  g_assert_nonnull (strstr (error->message, "vah264enc not installed"));
  g_assert_nonnull (strstr (error->message, "vaapih264enc not installed"));
}

/* Whether enum or flags property @name of @element is (or includes) the value nicknamed
 * @nick, as gst-launch would set it ("zerolatency", "ultrafast"). */
static gboolean
property_has_nick (GstElement *element,
                   const char *name,
                   const char *nick)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (element), name);
  GValue value = G_VALUE_INIT;
  gpointer klass;
  gboolean found = FALSE;

  g_assert_nonnull (pspec);
  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (element), name, &value);
  klass = g_type_class_ref (pspec->value_type);
  if (G_IS_FLAGS_CLASS (klass))
    {
      GFlagsValue *flag = g_flags_get_value_by_nick (klass, nick);

      found = flag != NULL && (g_value_get_flags (&value) & flag->value) == flag->value;
    }
  else if (G_IS_ENUM_CLASS (klass))
    {
      GEnumValue *item = g_enum_get_value_by_nick (klass, nick);

      found = item != NULL && g_value_get_enum (&value) == item->value;
    }
  g_type_class_unref (klass);
  g_value_unset (&value);
  return found;
}

static void
check_encoder (BeaconVideoCodec codec,
               const char      *expected)
{
  g_autoptr(GError) error = NULL;
  const BeaconCodecEntry *entry = NULL;
  GstElement *encoder;

  encoder = beacon_codec_picker_make_encoder (codec, BEACON_CODEC_MODE_AUTO, 800, 60, &entry,
                                              &error);
  g_assert_no_error (error);
  g_assert_cmpstr (factory_name (encoder), ==, expected);
  g_assert_cmpstr (entry->factory, ==, expected);
  gst_object_ref_sink (encoder);

  if (g_str_equal (expected, "x264enc"))
    {
      guint bitrate, key_int_max;

      g_object_get (encoder, "bitrate", &bitrate, "key-int-max", &key_int_max, NULL);
      g_assert_cmpuint (bitrate, ==, 800);        /* kbps */
      g_assert_cmpuint (key_int_max, ==, 60);
      g_assert_true (property_has_nick (encoder, "tune", "zerolatency"));
      g_assert_true (property_has_nick (encoder, "speed-preset", "ultrafast"));

      beacon_codec_picker_set_encoder_bitrate (encoder, 1500);
      g_object_get (encoder, "bitrate", &bitrate, NULL);
      g_assert_cmpuint (bitrate, ==, 1500);
    }
  else if (g_str_equal (expected, "vp8enc"))
    {
      int target_bitrate, lag;
      gint64 deadline;

      g_object_get (encoder, "target-bitrate", &target_bitrate, "lag-in-frames", &lag,
                    "deadline", &deadline, NULL);
      g_assert_cmpint (target_bitrate, ==, 800000);  /* bps */
      g_assert_cmpint (lag, ==, 0);
      g_assert_cmpint (deadline, ==, 1);
    }
  else if (g_str_equal (expected, "openh264enc"))
    {
      guint bitrate;

      g_object_get (encoder, "bitrate", &bitrate, NULL);
      g_assert_cmpuint (bitrate, ==, 800000);       /* bps */
    }

  gst_object_unref (encoder);
}

static void
test_software_encoders (void)
{
  const char *h264 = first_software (BEACON_VIDEO_CODEC_H264, TRUE);
  const char *vp8 = first_software (BEACON_VIDEO_CODEC_VP8, TRUE);

  if (h264 == NULL || vp8 == NULL)
    {
      g_test_skip ("x264enc/openh264enc or vp8enc is not installed");
      return;
    }

  check_encoder (BEACON_VIDEO_CODEC_H264, h264);
  check_encoder (BEACON_VIDEO_CODEC_VP8, vp8);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gst_init (NULL, NULL);

  /* Above every real decoder's rank, as a real VA-API element would be. */
  g_assert_true (gst_element_register (NULL, "vah264dec", GST_RANK_PRIMARY + 1,
                                       fake_va_ok_get_type ()));
  g_assert_true (gst_element_register (NULL, "vaapih264dec", GST_RANK_PRIMARY + 1,
                                       fake_va_broken_get_type ()));
  g_assert_true (gst_element_register (NULL, "vaapivp8dec", GST_RANK_PRIMARY + 1,
                                       fake_va_broken_get_type ()));

  g_test_add_func ("/beacon/media/codec-picker/tables", test_tables);
  g_test_add_func ("/beacon/media/codec-picker/auto-prefers-working-vaapi",
                   test_auto_prefers_working_vaapi);
  g_test_add_func ("/beacon/media/codec-picker/vaapi-mode", test_vaapi_mode);
  g_test_add_func ("/beacon/media/codec-picker/software-ignores-vaapi",
                   test_software_mode_ignores_vaapi);
  g_test_add_func ("/beacon/media/codec-picker/broken-vaapi-skipped", test_broken_vaapi_skipped);
  g_test_add_func ("/beacon/media/codec-picker/vaapi-error-names-each",
                   test_vaapi_error_names_each_factory);
  g_test_add_func ("/beacon/media/codec-picker/vaapi-encoder-error",
                   test_h264_vaapi_error_lists_broken);
  g_test_add_func ("/beacon/media/codec-picker/software-encoders", test_software_encoders);

  return g_test_run ();
}
