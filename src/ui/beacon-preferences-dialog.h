/* beacon-preferences-dialog.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BEACON_TYPE_PREFERENCES_DIALOG (beacon_preferences_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BeaconPreferencesDialog, beacon_preferences_dialog, BEACON,
                      PREFERENCES_DIALOG, AdwPreferencesWindow)

GtkWidget *beacon_preferences_dialog_new (GtkWindow *parent);

G_END_DECLS
