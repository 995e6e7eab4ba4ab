/* beacon-media-info.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/** beacon_media_dup_client_version_info: "Beacon/<version> GStreamer/<version>", for `connection`. */
char *beacon_media_dup_client_version_info (void);

G_END_DECLS
