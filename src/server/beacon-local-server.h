/* beacon-local-server.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "beacon-local-session.h"
#include "beacon-wcs-message.h"

G_BEGIN_DECLS

/* The signalling half of `beacon-cli serve`: a WCS-compatible WebSocket server (protocol.md
 * §2-§7, protocol-reference §10). It keeps sessions and the stream registry and answers
 * every failure path itself. Media is someone else's job: a successful publishStream or
 * playStream stays PENDING and is handed out through ::publish-requested and
 * ::play-requested; the media relay answers with beacon_local_server_answer_stream(),
 * beacon_local_server_start_stream() or beacon_local_server_fail_stream(). */

#define BEACON_TYPE_LOCAL_SERVER (beacon_local_server_get_type ())

G_DECLARE_FINAL_TYPE (BeaconLocalServer, beacon_local_server, BEACON, LOCAL_SERVER, GObject)

/** beacon_local_server_new: a stopped server with the default settings. */
BeaconLocalServer *beacon_local_server_new                (void);

/** beacon_local_server_start: listens on bind-address:port (0 = any free port). */
gboolean           beacon_local_server_start              (BeaconLocalServer *self,
                                                           GError           **error);
/** beacon_local_server_stop: closes every session (its streams end) and the listener. */
void               beacon_local_server_stop               (BeaconLocalServer *self);
gboolean           beacon_local_server_is_running         (BeaconLocalServer *self);

/* The bound port while running, else the configured one. */
guint              beacon_local_server_get_port           (BeaconLocalServer *self);
void               beacon_local_server_set_port           (BeaconLocalServer *self,
                                                           guint              port);
const char        *beacon_local_server_get_bind_address   (BeaconLocalServer *self);
void               beacon_local_server_set_bind_address   (BeaconLocalServer *self,
                                                           const char        *bind_address);
/* Keep-alive settings apply to sessions opened after the change. */
guint              beacon_local_server_get_ping_interval  (BeaconLocalServer *self);
void               beacon_local_server_set_ping_interval  (BeaconLocalServer *self,
                                                           guint              seconds);
guint              beacon_local_server_get_ping_probes    (BeaconLocalServer *self);
void               beacon_local_server_set_ping_probes    (BeaconLocalServer *self,
                                                           guint              probes);
const char        *beacon_local_server_get_server_version (BeaconLocalServer *self);
void               beacon_local_server_set_server_version (BeaconLocalServer *self,
                                                           const char        *version);

/** beacon_local_server_dup_url: "ws://host:port/" for local clients; %NULL when stopped. */
char              *beacon_local_server_dup_url            (BeaconLocalServer *self);
/** beacon_local_server_dup_tls_url: "wss://host:port/" while a TLS listener runs, else %NULL. */
char              *beacon_local_server_dup_tls_url        (BeaconLocalServer *self);
/** beacon_local_server_set_tls: also serve wss:// on @tls_port (0 = any free port) with the
 * PEM certificate and key in those files (%NULL @cert_file: no TLS). Call while stopped. */
gboolean           beacon_local_server_set_tls            (BeaconLocalServer *self,
                                                           guint              tls_port,
                                                           const char        *cert_file,
                                                           const char        *key_file,
                                                           GError           **error);
/** beacon_local_server_get_n_sessions: open WebSocket sessions, established or not. */
guint              beacon_local_server_get_n_sessions     (BeaconLocalServer *self);
/** beacon_local_server_dup_published_names: sorted names of live publishers (PENDING included). */
GStrv              beacon_local_server_dup_published_names (BeaconLocalServer *self);

/* For the media relay, in answer to ::publish-requested / ::play-requested. */

/** beacon_local_server_answer_stream: sends a PENDING stream's SDP answer (a play's after
 * notifyAudioCodec). */
gboolean           beacon_local_server_answer_stream      (BeaconLocalServer *self,
                                                           const char        *media_session_id,
                                                           const char        *answer_sdp,
                                                           GError           **error);
/** beacon_local_server_start_stream: media flows: PENDING becomes PUBLISHING or PLAYING. */
gboolean           beacon_local_server_start_stream       (BeaconLocalServer *self,
                                                           const char        *media_session_id,
                                                           const char        *audio_codec,
                                                           const char        *video_codec,
                                                           GError           **error);
/** beacon_local_server_fail_stream: ends a stream FAILED with @info (its players get STOPPED). */
gboolean           beacon_local_server_fail_stream        (BeaconLocalServer *self,
                                                           const char        *media_session_id,
                                                           const char        *info,
                                                           GError           **error);

/** beacon_local_server_dup_streams: every live stream (publishers and players, PENDING
 * included), as BeaconWcsStreamInfo copies with their current status. */
GPtrArray         *beacon_local_server_dup_streams        (BeaconLocalServer *self);
/** beacon_local_server_get_stream_session: the authToken (WCS's REST `sessionId`) of the
 * session that owns a live stream, or %NULL. */
const char        *beacon_local_server_get_stream_session (BeaconLocalServer *self,
                                                           const char        *media_session_id);
/** beacon_local_server_terminate_stream: ends a live stream as WCS's REST
 * `/stream/terminate` does: UNPUBLISHED (a publisher, whose players get STOPPED) or STOPPED,
 * with info "Stopped by rest /terminate". */
gboolean           beacon_local_server_terminate_stream   (BeaconLocalServer *self,
                                                           const char        *media_session_id,
                                                           GError           **error);

/** beacon_local_server_set_stream_size: the picture size a stream's status reports. */
gboolean           beacon_local_server_set_stream_size    (BeaconLocalServer *self,
                                                           const char        *media_session_id,
                                                           int                width,
                                                           int                height,
                                                           GError           **error);
/** beacon_local_server_send_video_format: `notifyVideoFormat` to a player (the published size). */
gboolean           beacon_local_server_send_video_format  (BeaconLocalServer *self,
                                                           const char        *media_session_id,
                                                           int                width,
                                                           int                height,
                                                           GError           **error);
/** beacon_local_server_send_video_rate: `inboundVideoRate` / `outboundVideoRate` for a live
 * stream, as measured by the relay. */
gboolean           beacon_local_server_send_video_rate    (BeaconLocalServer         *self,
                                                           const BeaconWcsRateSample *sample,
                                                           GError                   **error);

G_END_DECLS
