/* beacon-device-list.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

/* Cameras and microphones, as GstDeviceMonitor sees them, with an id that stays the same
 * between runs (the device node or the PipeWire/PulseAudio name), so that a user can pass it
 * back as a publisher's source. */

typedef enum
{
  BEACON_DEVICE_CAMERA,
  BEACON_DEVICE_MICROPHONE,
} BeaconDeviceKind;

typedef struct
{
  BeaconDeviceKind  kind;
  char             *id;
  char             *name;     /* the device's display name */
  GstDevice        *device;
} BeaconDevice;

void        beacon_device_free              (BeaconDevice *device);

/** beacon_device_list_probe: every camera and microphone now present, cameras first. */
GPtrArray  *beacon_device_list_probe        (void);

/**
 * beacon_device_list_make_source:
 * @id: a device id from beacon_device_list_probe(), or %NULL for the first device of @kind
 * @name_out: (out) (optional): the device's display name
 *
 * Returns a new source element (floating) for that device, or %NULL with
 * BEACON_MEDIA_ERROR_MISSING_ELEMENT saying that no such device is present.
 */
GstElement *beacon_device_list_make_source  (const char        *id,
                                             BeaconDeviceKind   kind,
                                             char             **name_out,
                                             GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BeaconDevice, beacon_device_free)

G_END_DECLS
