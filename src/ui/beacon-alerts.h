/* beacon-alerts.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "beacon-watched-stream.h"

G_BEGIN_DECLS

/* Watches streams for what an operator must not miss: a stream that fails, one that stops
 * without being asked to, and one that stays BAD for bad-seconds. Each raises the stream's
 * alert (the tile's badge) and sends a desktop notification, one per stream, where the
 * session has a notification service (can-notify; checked once, asynchronously, at
 * construction). Where it has none, whoever shows the alerts toasts alert-raised instead. */

#define BEACON_TYPE_ALERTS (beacon_alerts_get_type ())
G_DECLARE_FINAL_TYPE (BeaconAlerts, beacon_alerts, BEACON, ALERTS, GObject)

BeaconAlerts *beacon_alerts_new             (void);

/* Where notifications go; %NULL: the default application, if it is registered. */
GApplication *beacon_alerts_get_application (BeaconAlerts        *self);
void          beacon_alerts_set_application (BeaconAlerts        *self,
                                             GApplication        *application);
/* Whether alerts also go out as desktop notifications; %FALSE until the check answers. */
gboolean      beacon_alerts_get_can_notify  (BeaconAlerts        *self);
guint         beacon_alerts_get_bad_seconds (BeaconAlerts        *self);
void          beacon_alerts_set_bad_seconds (BeaconAlerts        *self,
                                             guint                bad_seconds);

void          beacon_alerts_watch           (BeaconAlerts        *self,
                                             BeaconWatchedStream *stream);
void          beacon_alerts_unwatch         (BeaconAlerts        *self,
                                             BeaconWatchedStream *stream);

/* Shows @text as a toast in @widget's window, or logs it where there is no such window. */
void          beacon_alerts_show_toast      (GtkWidget           *widget,
                                             const char          *text);

G_END_DECLS
