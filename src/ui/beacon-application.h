/* beacon-application.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "beacon-connection.h"

G_BEGIN_DECLS

#define BEACON_TYPE_APPLICATION (beacon_application_get_type ())

G_DECLARE_FINAL_TYPE (BeaconApplication, beacon_application, BEACON, APPLICATION, AdwApplication)

BeaconApplication *beacon_application_new            (void);
/* The app's one server session, shared by its window and pages. */
BeaconConnection  *beacon_application_get_connection (BeaconApplication *self);

G_END_DECLS
