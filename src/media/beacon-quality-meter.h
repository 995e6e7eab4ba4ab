/* beacon-quality-meter.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "beacon-media-types.h"

G_BEGIN_DECLS

/* The WebSDK's channel quality, computed the same way (protocol.md §8,
 * protocol-reference.md): fed once per server rate message with the client's own video
 * byte counter and the server's videoRate. */

typedef struct _BeaconQualityMeter BeaconQualityMeter;

BeaconQualityMeter  *beacon_quality_meter_new    (void);
void                 beacon_quality_meter_free   (BeaconQualityMeter *meter);
void                 beacon_quality_meter_reset  (BeaconQualityMeter *meter);

/**
 * beacon_quality_meter_update:
 * @client_bytes: the client's total video bytes (sent when publishing, received when
 *   playing) at the moment the server's rate message arrived
 * @server_bps: the message's videoRate
 *
 * Returns the quality after this message: UNKNOWN for the first one (it only primes the
 * byte counter), then PERFECT, GOOD or BAD.
 */
BeaconChannelQuality beacon_quality_meter_update (BeaconQualityMeter *meter,
                                                  guint64             client_bytes,
                                                  double              server_bps);
BeaconChannelQuality beacon_quality_meter_get_quality (const BeaconQualityMeter *meter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BeaconQualityMeter, beacon_quality_meter_free)

G_END_DECLS
