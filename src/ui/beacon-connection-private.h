/* beacon-connection-private.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "beacon-connection.h"
#include "beacon-local-server.h"
#include "beacon-media-relay.h"
#include "beacon-rest-server.h"

G_BEGIN_DECLS

/* Shared by beacon-connection.c (the WebSocket session and the local server) and
 * beacon-connection-rest.c (the REST API beside it: its address and credentials). */

struct _BeaconConnection
{
  GObject            parent_instance;

  /* Owned */
  BeaconWcsClient   *client;
  BeaconWcsClient   *attempt;       /* the client whose connect is under way */
  GPtrArray         *pending;       /* GTasks that complete with that connect */
  BeaconLocalServer *server;
  BeaconMediaRelay  *relay;
  BeaconRestServer  *rest_server;   /* beside the local server, while it runs */
  GTlsCertificate   *untrusted_certificate;
  char              *url;
  char              *server_version;
  char              *error_message;
  char              *summary;

  /* The REST API of the current server */
  GCancellable      *rest_lookup;   /* the keyring lookup for the current server */
  char              *rest_url;      /* in use: the override, else derived from url */
  char              *rest_url_override;
  char              *rest_username;
  char              *rest_password;

  /* State */
  BeaconWcsState     state;
  guint              is_local : 1;
};

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_STATE,
  PROP_URL,
  PROP_IS_LOCAL,
  PROP_SERVER_VERSION,
  PROP_ERROR_MESSAGE,
  PROP_UNTRUSTED_CERTIFICATE,
  PROP_SUMMARY,
  PROP_REST_URL,
  PROP_REST_URL_OVERRIDE,
  PROP_REST_USERNAME,
  PROP_REST_PASSWORD,
  N_PROPS
};

void     _beacon_connection_notify            (BeaconConnection *self,
                                               guint             prop_id);

/* beacon-connection-rest.c */
gboolean _beacon_connection_start_rest_server (BeaconConnection *self,
                                               GError          **error);
void     _beacon_connection_stop_rest_server  (BeaconConnection *self);
/* A session to url starts: forget the last server's REST settings and look up this one's. */
void     _beacon_connection_load_rest         (BeaconConnection *self);
void     _beacon_connection_update_rest_url   (BeaconConnection *self);
void     _beacon_connection_clear_rest        (BeaconConnection *self);

G_END_DECLS
