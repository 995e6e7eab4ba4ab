/* beacon-wcs-json-private.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Envelope and member helpers shared by the client and server message builders. */

JsonBuilder *_beacon_wcs_json_begin_message (const char  *name);
char        *_beacon_wcs_json_end_message   (JsonBuilder *builder);
void         _beacon_wcs_json_add_string    (JsonBuilder *builder,
                                             const char  *member,
                                             const char  *value);
void         _beacon_wcs_json_add_bool      (JsonBuilder *builder,
                                             const char  *member,
                                             gboolean     value);
void         _beacon_wcs_json_add_int       (JsonBuilder *builder,
                                             const char  *member,
                                             gint64       value);

G_END_DECLS
