/* beacon-publish-page-private.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "beacon-publish-page.h"
#include "beacon-publisher.h"

G_BEGIN_DECLS

/* BeaconPublishPage spans beacon-publish-page.c (publishing, status, actions) and
 * beacon-publish-page-devices.c (the camera and microphone choosers, kept current on
 * hot-plug). */

struct _BeaconPublishPage
{
  AdwBin               parent_instance;

  /* Template children */
  GtkPicture          *preview_picture;
  GtkWidget           *preview_placeholder;
  GtkLabel            *quality_badge;
  GtkWidget           *publish_button;
  GtkWidget           *mute_audio_button;
  GtkWidget           *mute_video_button;
  AdwActionRow        *status_row;
  GtkLabel            *quality_label;
  AdwActionRow        *server_rate_row;
  AdwActionRow        *local_rate_row;
  AdwActionRow        *encoder_row;
  AdwEntryRow         *name_row;
  GtkSwitch           *record_switch;
  GtkWidget           *source_group;
  AdwComboRow         *camera_row;
  AdwComboRow         *microphone_row;
  AdwComboRow         *resolution_row;
  AdwComboRow         *fps_row;
  AdwComboRow         *codec_row;
  GtkSpinButton       *bitrate_spin;

  /* Owned */
  BeaconConnection    *connection;
  BeaconPublisher     *publisher;
  GstDeviceMonitor    *monitor;
  GPtrArray           *devices;          /* BeaconDevice, from the last probe */
  GPtrArray           *camera_ids;       /* parallel to camera_row's model; "test" first */
  GPtrArray           *microphone_ids;   /* parallel to microphone_row's model */
  char                *pending_test;     /* start_test() before the session was ready */
  GCancellable        *camera_cancellable; /* the camera portal's request, while it runs */
  guint                monitor_watch_id;
  guint                refresh_id;

  /* State */
  guint                active : 1;       /* between Publish and Stop (or a terminal status) */
  guint                is_publishing : 1;
  guint                audio_muted : 1;
  guint                video_muted : 1;
  guint                updating_devices : 1;
  guint                preview_shown : 1;     /* the picture shows the sink, not the stand-in */
};

void        _beacon_publish_page_devices_init     (BeaconPublishPage *self);
void        _beacon_publish_page_devices_dispose  (BeaconPublishPage *self);
/* Watches for hot-plug while the page is mapped. */
void        _beacon_publish_page_devices_start    (BeaconPublishPage *self);
void        _beacon_publish_page_devices_stop     (BeaconPublishPage *self);
void        _beacon_publish_page_select_test      (BeaconPublishPage *self);
/* The publisher's source for the chosen camera: "test" or a device id. */
const char *_beacon_publish_page_get_source       (BeaconPublishPage *self);
/* The chosen microphone's id, or %NULL for the publisher's default. */
const char *_beacon_publish_page_get_microphone   (BeaconPublishPage *self);
/* Inside the sandbox: asks the camera portal for a PipeWire remote (for
 * beacon_camera_portal_open_finish); _cancel gives the request up. The callback gets the
 * page as its user data and is not called (uncancelled) after cancel. */
void        _beacon_publish_page_open_camera      (BeaconPublishPage   *self,
                                                   GAsyncReadyCallback  callback);
void        _beacon_publish_page_cancel_camera    (BeaconPublishPage   *self);

G_END_DECLS
