/* server-test-util.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "beacon-local-server.h"
#include "beacon-protocol-enums.h"
#include "beacon-test-wait.h"
#include "beacon-wcs-client.h"
#include "beacon-wcs-error.h"
#include "beacon-wcs-server-message.h"

G_BEGIN_DECLS

/* A BeaconLocalServer on 127.0.0.1 with an ephemeral port, the real BeaconWcsClient to
 * talk to it, and a raw WebSocket peer for what the real client would never send. */

#define TEST_FINGERPRINT \
  "a=fingerprint:sha-256 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:" \
  "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF\r\n"

/* A tiny offer shaped like a browser's: Opus audio first, H.264 video. */
#define TEST_OFFER_SDP \
  "v=0\r\n" \
  "o=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n" \
  "s=-\r\n" \
  "t=0 0\r\n" \
  "a=group:BUNDLE 0 1\r\n" \
  "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n" \
  "c=IN IP4 0.0.0.0\r\n" \
  "a=ice-ufrag:abcd\r\n" \
  "a=ice-pwd:abcdefghijklmnopqrstuvwx\r\n" \
  TEST_FINGERPRINT \
  "a=setup:actpass\r\n" \
  "a=mid:0\r\n" \
  "a=sendonly\r\n" \
  "a=rtcp-mux\r\n" \
  "a=rtpmap:111 opus/48000/2\r\n" \
  "m=video 9 UDP/TLS/RTP/SAVPF 96\r\n" \
  "c=IN IP4 0.0.0.0\r\n" \
  "a=ice-ufrag:abcd\r\n" \
  "a=ice-pwd:abcdefghijklmnopqrstuvwx\r\n" \
  TEST_FINGERPRINT \
  "a=setup:actpass\r\n" \
  "a=mid:1\r\n" \
  "a=sendonly\r\n" \
  "a=rtcp-mux\r\n" \
  "a=rtpmap:96 H264/90000\r\n" \
  "a=fmtp:96 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f\r\n"

/* An offer the relay cannot carry: PCMU audio and VP9 video only. */
#define TEST_NO_CODEC_SDP \
  "v=0\r\n" \
  "o=- 1 2 IN IP4 127.0.0.1\r\n" \
  "s=-\r\n" \
  "t=0 0\r\n" \
  "m=audio 9 UDP/TLS/RTP/SAVPF 0\r\n" \
  "c=IN IP4 0.0.0.0\r\n" \
  "a=rtpmap:0 PCMU/8000\r\n" \
  "m=video 9 UDP/TLS/RTP/SAVPF 98\r\n" \
  "c=IN IP4 0.0.0.0\r\n" \
  "a=rtpmap:98 VP9/90000\r\n"

#define TEST_CONNECTION_FRAME \
  "{\"message\":\"connection\",\"data\":[{\"appKey\":\"defaultApp\"," \
  "\"mediaProviders\":[\"WebRTC\"],\"clientVersion\":\"2.0\"}]}"

/* A WebSocket peer that records every frame it gets and answers nothing by itself. */
typedef struct
{
  SoupSession             *session;
  SoupWebsocketConnection *connection;
  GError                  *error;
  GPtrArray               *received;     /* JsonNode roots, in order */
  gushort                  close_code;
  gboolean                 closed;
} RawClient;

RawClient  *raw_client_new        (const char *url);
void        raw_client_free       (RawClient  *raw);
void        raw_client_send       (RawClient  *raw,
                                   const char *text);
guint       raw_client_count      (RawClient  *raw,
                                   const char *method);
JsonObject *raw_client_last       (RawClient  *raw,
                                   const char *method);
JsonArray  *raw_client_last_data  (RawClient  *raw,
                                   const char *method);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RawClient, raw_client_free)

typedef struct
{
  BeaconLocalServer *server;
  char              *url;
  GPtrArray         *clients;      /* BeaconWcsClient, torn down with the fixture */
  GPtrArray         *requested;    /* "publish NAME" / "play NAME", from the server's signals */
  GPtrArray         *ended;        /* "ID INFO", from ::stream-ended */
  char              *last_id;      /* mediaSessionId of the last ::*-requested */
  char              *last_offer;
} Fixture;

void             fixture_set_up    (Fixture       *fixture,
                                    gconstpointer  data);
void             fixture_tear_down (Fixture       *fixture,
                                    gconstpointer  data);
/* A client for the fixture's server, connect started; wait for it with WAIT_ESTABLISHED. */
BeaconWcsClient *fixture_add_client (Fixture      *fixture,
                                     const char   *url);
gboolean         fixture_has_ended  (Fixture      *fixture,
                                     const char   *media_session_id,
                                     const char   *info);

#define WAIT_ESTABLISHED(client)                                                         \
  WAIT_FOR (beacon_wcs_client_get_state (client) == BEACON_WCS_STATE_ESTABLISHED,        \
            "the client to be ESTABLISHED")

#define RAW_CONNECT(raw, url)                                                            \
  G_STMT_START {                                                                         \
    raw = raw_client_new (url);                                                          \
    WAIT_FOR (raw->connection != NULL || raw->error != NULL, "the raw WebSocket to open"); \
    g_assert_no_error (raw->error);                                                      \
  } G_STMT_END

#define ADD_SERVER_TEST(path, func) \
  g_test_add ("/beacon/server/local-server/" path, Fixture, NULL, \
              fixture_set_up, func, fixture_tear_down)

G_END_DECLS
