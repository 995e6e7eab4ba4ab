/* beacon-wcs-json-private.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Envelope and member helpers shared by the client and server message builders, and the
 * member readers shared by their parsers and the REST parser. */

JsonBuilder *_beacon_wcs_json_begin_message (const char  *name);
char        *_beacon_wcs_json_end_message   (JsonBuilder *builder);
/* Reads a frame's envelope, either way: @name and @data point into the returned parser,
 * which the caller keeps while it reads them. %NULL with a BEACON_WCS_ERROR (FRAME_TOO_LARGE
 * or PROTOCOL) when @text is not such an envelope. */
JsonParser  *_beacon_wcs_json_parse_message (const char  *text,
                                             gsize        length,
                                             const char **name,
                                             JsonArray  **data,
                                             GError     **error);
void         _beacon_wcs_json_add_string    (JsonBuilder *builder,
                                             const char  *member,
                                             const char  *value);
void         _beacon_wcs_json_add_bool      (JsonBuilder *builder,
                                             const char  *member,
                                             gboolean     value);
void         _beacon_wcs_json_add_int       (JsonBuilder *builder,
                                             const char  *member,
                                             gint64       value);

/* ---- Reading members -----------------------------------------------------------------
 * WCS, the WebSDK and browsers are loose with types: numbers arrive as strings ("640"),
 * booleans as "true". Every reader accepts the obvious spellings; an absent or null member
 * leaves *out as it was and returns TRUE; anything else is a BEACON_WCS_ERROR_PROTOCOL
 * error naming the member, never a critical. */

typedef enum
{
  BEACON_WCS_JSON_NUMBER = 0,
  /* "" means "not given" (a browser's empty form field), not a malformed number. */
  BEACON_WCS_JSON_EMPTY_IS_ABSENT = 1 << 0,
  /* A count or a rate: finite, from 0 to G_MAXINT64 / 2; anything else is out of range. */
  BEACON_WCS_JSON_COUNT = 1 << 1,
} BeaconWcsJsonNumberFlags;

/* The member, or %NULL when it is absent or JSON null. */
JsonNode    *_beacon_wcs_json_get_member     (JsonObject  *object,
                                              const char  *member);
gboolean     _beacon_wcs_json_holds          (JsonNode    *node,
                                              GType        type);
/* Sets "field “@member” should be @expected" and returns %FALSE. */
gboolean     _beacon_wcs_json_type_error     (GError     **error,
                                              const char  *member,
                                              const char  *expected);

gboolean     _beacon_wcs_json_read_string    (JsonObject  *object,
                                              const char  *member,
                                              char       **out,
                                              GError     **error);
/* The same, but an absent member is an error too. */
gboolean     _beacon_wcs_json_require_string (JsonObject  *object,
                                              const char  *member,
                                              char       **out,
                                              GError     **error);
/* A string, or an integer kept as its decimal text (WCS sends codec ids, we send names). */
gboolean     _beacon_wcs_json_read_text      (JsonObject  *object,
                                              const char  *member,
                                              char       **out,
                                              GError     **error);
gboolean     _beacon_wcs_json_read_bool      (JsonObject  *object,
                                              const char  *member,
                                              gboolean    *out,
                                              GError     **error);
gboolean     _beacon_wcs_json_read_double    (JsonObject  *object,
                                              const char  *member,
                                              BeaconWcsJsonNumberFlags flags,
                                              double      *out,
                                              GError     **error);
/* Integers go through a double: every integer WCS sends (ms timestamps included) is below
 * 2^53. A fraction is cut off; a value outside the type's range is an error. */
gboolean     _beacon_wcs_json_read_int64     (JsonObject  *object,
                                              const char  *member,
                                              BeaconWcsJsonNumberFlags flags,
                                              gint64      *out,
                                              GError     **error);
gboolean     _beacon_wcs_json_read_int       (JsonObject  *object,
                                              const char  *member,
                                              BeaconWcsJsonNumberFlags flags,
                                              int         *out,
                                              GError     **error);

G_END_DECLS
