/* beacon-publish-page.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "beacon-connection.h"

G_BEGIN_DECLS

#define BEACON_TYPE_PUBLISH_PAGE (beacon_publish_page_get_type ())

G_DECLARE_FINAL_TYPE (BeaconPublishPage, beacon_publish_page, BEACON, PUBLISH_PAGE, AdwBin)

GtkWidget        *beacon_publish_page_new                (BeaconConnection *connection);

BeaconConnection *beacon_publish_page_get_connection     (BeaconPublishPage *self);
/* Whether the server reports the stream PUBLISHING. */
gboolean          beacon_publish_page_get_is_publishing  (BeaconPublishPage *self);
gboolean          beacon_publish_page_get_audio_muted    (BeaconPublishPage *self);
void              beacon_publish_page_set_audio_muted    (BeaconPublishPage *self,
                                                          gboolean           muted);
gboolean          beacon_publish_page_get_video_muted    (BeaconPublishPage *self);
void              beacon_publish_page_set_video_muted    (BeaconPublishPage *self,
                                                          gboolean           muted);

/* Selects the test source and publishes it as @name, as soon as the session is established. */
void              beacon_publish_page_start_test         (BeaconPublishPage *self,
                                                          const char        *name);

G_END_DECLS
