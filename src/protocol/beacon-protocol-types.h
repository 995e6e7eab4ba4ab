/* beacon-protocol-types.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _BeaconWcsClient BeaconWcsClient;
typedef struct _BeaconWcsStream BeaconWcsStream;

/**
 * BeaconWcsState:
 * @BEACON_WCS_STATE_NEW: nothing attempted yet
 * @BEACON_WCS_STATE_CONNECTING: the WebSocket handshake is under way
 * @BEACON_WCS_STATE_CONNECTED: the socket is open, `connection` sent
 * @BEACON_WCS_STATE_ESTABLISHED: `getUserData` received; streams may be created
 * @BEACON_WCS_STATE_DISCONNECTED: closed normally
 * @BEACON_WCS_STATE_FAILED: closed by an error; the client's `error` says why
 *
 * The session states, as the WebSDK reports them (CONNECTING is Beacon's own).
 */
typedef enum
{
  BEACON_WCS_STATE_NEW,
  BEACON_WCS_STATE_CONNECTING,
  BEACON_WCS_STATE_CONNECTED,
  BEACON_WCS_STATE_ESTABLISHED,
  BEACON_WCS_STATE_DISCONNECTED,
  BEACON_WCS_STATE_FAILED,
} BeaconWcsState;

/**
 * BeaconWcsStreamStatus:
 *
 * A stream's status; FAILED, STOPPED and UNPUBLISHED are terminal.
 */
typedef enum
{
  BEACON_WCS_STREAM_STATUS_NEW,
  BEACON_WCS_STREAM_STATUS_PENDING,
  BEACON_WCS_STREAM_STATUS_PUBLISHING,
  BEACON_WCS_STREAM_STATUS_PLAYING,
  BEACON_WCS_STREAM_STATUS_PAUSED,
  BEACON_WCS_STREAM_STATUS_PLAYBACK_PROBLEM,
  BEACON_WCS_STREAM_STATUS_UNPUBLISHED,
  BEACON_WCS_STREAM_STATUS_STOPPED,
  BEACON_WCS_STREAM_STATUS_FAILED,
} BeaconWcsStreamStatus;

typedef enum
{
  BEACON_WCS_STREAM_KIND_PUBLISH,
  BEACON_WCS_STREAM_KIND_PLAY,
} BeaconWcsStreamKind;

/* inboundVideoRate reports what the server receives from a publisher,
 * outboundVideoRate what it sends to a player. */
typedef enum
{
  BEACON_WCS_RATE_INBOUND,
  BEACON_WCS_RATE_OUTBOUND,
} BeaconWcsRateDirection;

G_END_DECLS
