/* beacon-wcs-client-private.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "beacon-wcs-message.h"
#include "beacon-wcs-stream-private.h"

G_BEGIN_DECLS

/* BeaconWcsClient spans beacon-wcs-client.c (session) and beacon-wcs-client-streams.c
 * (streams and availability checks). */

struct _BeaconWcsClient
{
  GObject                  parent_instance;

  /* Settings */
  char                    *url;
  char                    *app_key;
  char                    *custom_json;
  char                    *client_version_info;
  guint                    connect_timeout_ms;
  guint                    liveness_timeout_ms;
  guint                    keep_alive : 1;

  /* Owned */
  SoupSession             *session;
  SoupWebsocketConnection *connection;
  GCancellable            *cancellable;
  GTask                   *connect_task;
  GError                  *error;
  GError                  *close_error;      /* from the socket's "error", read on "closed" */
  GHashTable              *streams;          /* mediaSessionId -> BeaconWcsStream */
  GHashTable              *ended_ids;        /* ids whose late frames are expected, not odd */
  GHashTable              *checks;           /* mediaSessionId -> GTask */
  GHashTable              *unknown_names;    /* method names already reported once */
  GTlsCertificate         *tls_pinned_certificate;
  GTlsCertificate         *tls_certificate;  /* the peer's, when it failed verification */
  GTlsCertificateFlags     tls_errors;
  guint                    connect_timeout_id;
  guint                    liveness_id;

  /* Session */
  BeaconWcsState           state;
  char                    *auth_token;
  char                    *user_data;
  char                    *server_version;
  guint                    disconnect_requested : 1;
  guint                    connect_timed_out : 1;
  guint                    binary_reported : 1;
};

enum {
  PROP_0,
  PROP_URL,
  PROP_STATE,
  PROP_ERROR,
  PROP_AUTH_TOKEN,
  PROP_USER_DATA,
  PROP_SERVER_VERSION,
  PROP_APP_KEY,
  PROP_CUSTOM,
  PROP_KEEP_ALIVE,
  PROP_CLIENT_VERSION_INFO,
  PROP_CONNECT_TIMEOUT,
  PROP_LIVENESS_TIMEOUT,
  PROP_TLS_PINNED_CERTIFICATE,
  PROP_TLS_CERTIFICATE,
  PROP_TLS_ERRORS,
  N_PROPS
};

void             _beacon_wcs_client_emit_server_warning (BeaconWcsClient       *self,
                                                         const char            *api_method,
                                                         const char            *info);
void             _beacon_wcs_client_report_problem    (BeaconWcsClient         *self,
                                                       const char              *format,
                                                       ...) G_GNUC_PRINTF (2, 3);
void             _beacon_wcs_client_set_string_prop   (BeaconWcsClient         *self,
                                                       char                   **field,
                                                       const char              *value,
                                                       int                      prop);
void             _beacon_wcs_client_set_state         (BeaconWcsClient         *self,
                                                       BeaconWcsState           state);
void             _beacon_wcs_client_dispatch          (BeaconWcsClient         *self,
                                                       const BeaconWcsIncoming *msg);
void             _beacon_wcs_client_end_all_streams   (BeaconWcsClient         *self);
void             _beacon_wcs_client_fail_all_checks   (BeaconWcsClient         *self);
BeaconWcsStream *_beacon_wcs_client_find_stream       (BeaconWcsClient         *self,
                                                       const BeaconWcsIncoming *msg);
void             _beacon_wcs_client_apply_stream_info (BeaconWcsClient           *self,
                                                       BeaconWcsStream           *stream,
                                                       const BeaconWcsStreamInfo *info);
void             _beacon_wcs_client_complete_check    (BeaconWcsClient         *self,
                                                       const BeaconWcsIncoming *msg);

G_END_DECLS
