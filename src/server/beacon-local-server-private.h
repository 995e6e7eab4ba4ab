/* beacon-local-server-private.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "beacon-local-server.h"
#include "beacon-wcs-server-message.h"

G_BEGIN_DECLS

/* BeaconLocalServer spans beacon-local-server.c (listener, sessions, status page) and
 * beacon-local-server-streams.c (the stream registry and the stream requests). */

/* One stream the server knows, from an accepted request until it ends. */
typedef struct
{
  BeaconWcsStreamInfo   *info;        /* what notifyStreamStatusEvent describes */
  BeaconWcsStreamStatus  status;
  BeaconLocalSession    *session;     /* borrowed: streams end before their session goes */
  char                  *offer_sdp;
  guint                  answered : 1;
} BeaconLocalStream;

struct _BeaconLocalServer
{
  GObject                parent_instance;

  /* Settings */
  char                  *bind_address;
  char                  *server_version;
  guint                  port;
  guint                  ping_interval_s;
  guint                  ping_probes;
  guint                  tls_port;
  GTlsCertificate       *tls_certificate;  /* NULL: no wss:// listener */

  /* Owned */
  SoupServer            *soup_server;    /* NULL while stopped */
  GPtrArray             *sessions;       /* BeaconLocalSession, open ones */
  GHashTable            *streams;        /* mediaSessionId -> BeaconLocalStream */
  GHashTable            *publishers;     /* name -> BeaconLocalStream (borrowed from streams) */

  /* State */
  guint                  bound_port;
  guint                  bound_tls_port;
};

void _beacon_local_server_handle_request      (BeaconLocalServer      *self,
                                               BeaconLocalSession     *session,
                                               const BeaconWcsRequest *request);
void _beacon_local_server_end_session_streams (BeaconLocalServer      *self,
                                               BeaconLocalSession     *session,
                                               const char             *info);
void _beacon_local_server_emit_requested      (BeaconLocalServer      *self,
                                               const BeaconLocalStream *stream);
void _beacon_local_server_emit_ended          (BeaconLocalServer      *self,
                                               const BeaconLocalStream *stream);
void _beacon_local_stream_free                (BeaconLocalStream      *stream);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BeaconLocalStream, _beacon_local_stream_free)

G_END_DECLS
