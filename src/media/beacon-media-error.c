/* beacon-media-error.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-media-error"

#include "config.h"

#include "beacon-media-error.h"

G_DEFINE_QUARK (beacon-media-error-quark, beacon_media_error)
