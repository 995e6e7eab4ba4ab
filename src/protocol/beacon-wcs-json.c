/* beacon-wcs-json.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-wcs-message"

#include "config.h"

#include <math.h>

#include "beacon-wcs-error.h"
#include "beacon-wcs-json-private.h"
#include "beacon-wcs-message.h"

void
_beacon_wcs_json_add_string (JsonBuilder *builder,
                             const char  *member,
                             const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

void
_beacon_wcs_json_add_bool (JsonBuilder *builder,
                           const char  *member,
                           gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

void
_beacon_wcs_json_add_int (JsonBuilder *builder,
                          const char  *member,
                          gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

/* Every frame, both ways, is {"message": name, "data": [...]}; the array is always there
 * because the WebSDK indexes it without checking. */
JsonBuilder *
_beacon_wcs_json_begin_message (const char *name)
{
  JsonBuilder *builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  _beacon_wcs_json_add_string (builder, "message", name);
  json_builder_set_member_name (builder, "data");
  json_builder_begin_array (builder);
  return builder;
}

char *
_beacon_wcs_json_end_message (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = NULL;

  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

JsonParser *
_beacon_wcs_json_parse_message (const char  *text,
                                gsize        length,
                                const char **name,
                                JsonArray  **data,
                                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonNode *node;

  if (length > BEACON_WCS_MAX_FRAME_SIZE)
    {
      g_set_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_FRAME_TOO_LARGE,
                   "message of %" G_GSIZE_FORMAT " bytes is over the %d byte limit",
                   length, BEACON_WCS_MAX_FRAME_SIZE);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, text, length, &local_error))
    {
      g_set_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL,
                   "not JSON: %s", local_error->message);
      return NULL;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL,
                           "not a JSON object");
      return NULL;
    }
  root = json_node_get_object (node);

  node = _beacon_wcs_json_get_member (root, "message");
  if (node == NULL || !_beacon_wcs_json_holds (node, G_TYPE_STRING))
    {
      g_set_error_literal (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL,
                           "no “message” name in the object");
      return NULL;
    }
  *name = json_node_get_string (node);

  node = _beacon_wcs_json_get_member (root, "data");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL,
                   "“%s” has no “data” array", *name);
      return NULL;
    }
  *data = json_node_get_array (node);
  return g_steal_pointer (&parser);
}

JsonNode *
_beacon_wcs_json_get_member (JsonObject *object,
                             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return node;
}

gboolean
_beacon_wcs_json_holds (JsonNode *node,
                        GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

gboolean
_beacon_wcs_json_type_error (GError    **error,
                             const char *member,
                             const char *expected)
{
  g_set_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL,
               "field “%s” should be %s", member, expected);
  return FALSE;
}

gboolean
_beacon_wcs_json_read_string (JsonObject *object,
                              const char *member,
                              char      **out,
                              GError    **error)
{
  JsonNode *node = _beacon_wcs_json_get_member (object, member);

  if (node == NULL)
    return TRUE;
  if (!_beacon_wcs_json_holds (node, G_TYPE_STRING))
    return _beacon_wcs_json_type_error (error, member, "a string");
  g_free (*out);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

gboolean
_beacon_wcs_json_require_string (JsonObject *object,
                                 const char *member,
                                 char      **out,
                                 GError    **error)
{
  if (_beacon_wcs_json_get_member (object, member) == NULL)
    {
      g_set_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL,
                   "field “%s” is missing", member);
      return FALSE;
    }
  return _beacon_wcs_json_read_string (object, member, out, error);
}

gboolean
_beacon_wcs_json_read_text (JsonObject *object,
                            const char *member,
                            char      **out,
                            GError    **error)
{
  JsonNode *node = _beacon_wcs_json_get_member (object, member);

  if (node == NULL)
    return TRUE;
  g_free (*out);
  if (_beacon_wcs_json_holds (node, G_TYPE_INT64))
    *out = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  else if (_beacon_wcs_json_holds (node, G_TYPE_STRING))
    *out = g_strdup (json_node_get_string (node));
  else
    {
      *out = NULL;
      return _beacon_wcs_json_type_error (error, member, "a codec name or number");
    }
  return TRUE;
}

gboolean
_beacon_wcs_json_read_bool (JsonObject *object,
                            const char *member,
                            gboolean   *out,
                            GError    **error)
{
  JsonNode *node = _beacon_wcs_json_get_member (object, member);

  if (node == NULL)
    return TRUE;
  if (_beacon_wcs_json_holds (node, G_TYPE_BOOLEAN))
    {
      *out = json_node_get_boolean (node) ? TRUE : FALSE;
      return TRUE;
    }
  if (_beacon_wcs_json_holds (node, G_TYPE_STRING) &&
      (g_str_equal (json_node_get_string (node), "true") ||
       g_str_equal (json_node_get_string (node), "false")))
    {
      *out = json_node_get_string (node)[0] == 't';
      return TRUE;
    }
  return _beacon_wcs_json_type_error (error, member, "a boolean");
}

/* The number readers' common part: @present says whether there was a number to read. */
static gboolean
read_number (JsonObject              *object,
             const char              *member,
             BeaconWcsJsonNumberFlags flags,
             gboolean                *present,
             double                  *out,
             GError                 **error)
{
  JsonNode *node = _beacon_wcs_json_get_member (object, member);
  double value;

  *present = FALSE;
  if (node == NULL)
    return TRUE;

  if (_beacon_wcs_json_holds (node, G_TYPE_INT64) || _beacon_wcs_json_holds (node, G_TYPE_DOUBLE))
    value = json_node_get_double (node);
  else if (_beacon_wcs_json_holds (node, G_TYPE_STRING))
    {
      const char *text = json_node_get_string (node);
      char *end = NULL;

      if (*text == '\0' && (flags & BEACON_WCS_JSON_EMPTY_IS_ABSENT) != 0)
        return TRUE;
      value = g_ascii_strtod (text, &end);
      if (end == text || *end != '\0')
        return _beacon_wcs_json_type_error (error, member, "a number");
    }
  else
    return _beacon_wcs_json_type_error (error, member, "a number");

  /* Negative counts and rates mean nothing; refuse them rather than show them. */
  if ((flags & BEACON_WCS_JSON_COUNT) != 0 &&
      (!isfinite (value) || value < 0 || value > (double) G_MAXINT64 / 2))
    return _beacon_wcs_json_type_error (error, member, "a number in range");

  *present = TRUE;
  *out = value;
  return TRUE;
}

gboolean
_beacon_wcs_json_read_double (JsonObject              *object,
                              const char              *member,
                              BeaconWcsJsonNumberFlags flags,
                              double                  *out,
                              GError                 **error)
{
  gboolean present;

  return read_number (object, member, flags, &present, out, error);
}

static gboolean
read_integer (JsonObject              *object,
              const char              *member,
              BeaconWcsJsonNumberFlags flags,
              gint64                   min,
              gint64                   max,
              gboolean                *present,
              gint64                  *out,
              GError                 **error)
{
  double value = 0;

  if (!read_number (object, member, flags, present, &value, error))
    return FALSE;
  if (!*present)
    return TRUE;
  /* 2^63 itself does not fit: (double) G_MAXINT64 rounds up to it. */
  if (!(value >= (double) G_MININT64 && value < -(double) G_MININT64) ||
      (gint64) value < min || (gint64) value > max)
    return _beacon_wcs_json_type_error (error, member, "a number in range");
  *out = (gint64) value;
  return TRUE;
}

gboolean
_beacon_wcs_json_read_int64 (JsonObject              *object,
                             const char              *member,
                             BeaconWcsJsonNumberFlags flags,
                             gint64                  *out,
                             GError                 **error)
{
  gboolean present;

  return read_integer (object, member, flags, G_MININT64, G_MAXINT64, &present, out, error);
}

gboolean
_beacon_wcs_json_read_int (JsonObject              *object,
                           const char              *member,
                           BeaconWcsJsonNumberFlags flags,
                           int                     *out,
                           GError                 **error)
{
  gboolean present;
  gint64 value = 0;

  if (!read_integer (object, member, flags, G_MININT, G_MAXINT, &present, &value, error))
    return FALSE;
  if (present)
    *out = (int) value;
  return TRUE;
}
