/* beacon-wcs-json.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-wcs-message"

#include "config.h"

#include "beacon-wcs-json-private.h"

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
