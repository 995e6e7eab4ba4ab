/* beacon-wcs-error.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "beacon-wcs-error.h"

G_DEFINE_QUARK (beacon-wcs-error-quark, beacon_wcs_error)
