/* beacon-media-relay.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-relay"

#include "config.h"

#include <gst/gst.h>

#include "beacon-media-relay.h"
#include "beacon-relay-stream.h"
#include "beacon-wcs-error.h"

/* WCS reports inbound/outboundVideoRate about once a second (protocol.md §4). */
#define RATE_INTERVAL_S 1

struct _BeaconMediaRelay
{
  GObject            parent_instance;

  BeaconLocalServer *server;
  GHashTable        *streams;     /* publisher mediaSessionId -> BeaconRelayStream */
  GHashTable        *by_name;     /* name -> BeaconRelayStream (borrowed) */
  guint              tick_id;
  gboolean           add_setup;
};

G_DEFINE_FINAL_TYPE (BeaconMediaRelay, beacon_media_relay, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ADD_SETUP,
  PROP_N_STREAMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
beacon_media_relay_check_elements (GError **error)
{
  static const struct
  {
    const char *factory;
    const char *package;
  } needed[] = {
    { "webrtcbin", "gstreamer1.0-plugins-bad" },
    { "nicesrc", "gstreamer1.0-nice" },
    { "dtlssrtpenc", "gstreamer1.0-plugins-bad" },
    { "rtph264depay", "gstreamer1.0-plugins-good" },
    { "h264parse", "gstreamer1.0-plugins-bad" },
    { "rtpvp8depay", "gstreamer1.0-plugins-good" },
    { "rtpopusdepay", "gstreamer1.0-plugins-good" },
    { "tee", "gstreamer1.0 (core)" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (needed); i++)
    {
      g_autoptr(GstElementFactory) factory = gst_element_factory_find (needed[i].factory);

      if (factory == NULL)
        {
          g_set_error (error, BEACON_WCS_ERROR, BEACON_WCS_ERROR_INVALID_STATE,
                       "GStreamer element “%s” is missing (install %s)", needed[i].factory,
                       needed[i].package);
          return FALSE;
        }
    }
  return TRUE;
}

static void
on_publish_requested (BeaconLocalServer  *server,
                      BeaconLocalSession *session,
                      const char         *id,
                      const char         *name,
                      const char         *offer,
                      BeaconMediaRelay   *self)
{
  g_autoptr(GError) error = NULL;
  BeaconRelayStream *stream;

  stream = beacon_relay_stream_new (server, id, name, offer, self->add_setup, &error);
  if (stream == NULL)
    {
      beacon_local_server_fail_stream (server, id, error->message, NULL);
      return;
    }
  g_hash_table_insert (self->streams, g_strdup (id), stream);
  g_hash_table_insert (self->by_name, (char *) beacon_relay_stream_get_name (stream), stream);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_STREAMS]);
}

static void
on_play_requested (BeaconLocalServer  *server,
                   BeaconLocalSession *session,
                   const char         *id,
                   const char         *name,
                   const char         *offer,
                   BeaconMediaRelay   *self)
{
  BeaconRelayStream *stream = g_hash_table_lookup (self->by_name, name);

  /* The server only asks for names it has a publisher for; it is ours unless that
   * publisher's own setup failed a moment ago. */
  if (stream == NULL)
    {
      beacon_local_server_fail_stream (server, id, "Stream not found", NULL);
      return;
    }
  beacon_relay_stream_add_player (stream, id, offer);
}

static void
on_stream_ended (BeaconLocalServer *server,
                 const char        *id,
                 const char        *info,
                 BeaconMediaRelay  *self)
{
  BeaconRelayStream *stream = g_hash_table_lookup (self->streams, id);
  GHashTableIter iter;
  gpointer value;

  if (stream != NULL)
    {
      if (g_hash_table_lookup (self->by_name, beacon_relay_stream_get_name (stream)) == stream)
        g_hash_table_remove (self->by_name, beacon_relay_stream_get_name (stream));
      beacon_relay_stream_shutdown (stream);
      g_hash_table_remove (self->streams, id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_STREAMS]);
      return;
    }
  g_hash_table_iter_init (&iter, self->streams);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (beacon_relay_stream_remove_player (value, id))
      return;
}

static gboolean
on_tick (gpointer user_data)
{
  BeaconMediaRelay *self = user_data;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->streams);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    beacon_relay_stream_tick (value);
  return G_SOURCE_CONTINUE;
}

BeaconMediaRelay *
beacon_media_relay_new (BeaconLocalServer *server)
{
  BeaconMediaRelay *self;

  g_return_val_if_fail (BEACON_IS_LOCAL_SERVER (server), NULL);

  self = g_object_new (BEACON_TYPE_MEDIA_RELAY, NULL);
  self->server = g_object_ref (server);
  g_signal_connect (server, "publish-requested", G_CALLBACK (on_publish_requested), self);
  g_signal_connect (server, "play-requested", G_CALLBACK (on_play_requested), self);
  g_signal_connect (server, "stream-ended", G_CALLBACK (on_stream_ended), self);
  self->tick_id = g_timeout_add_seconds (RATE_INTERVAL_S, on_tick, self);
  return self;
}

gboolean
beacon_media_relay_get_add_setup (BeaconMediaRelay *self)
{
  g_return_val_if_fail (BEACON_IS_MEDIA_RELAY (self), FALSE);
  return self->add_setup;
}

void
beacon_media_relay_set_add_setup (BeaconMediaRelay *self,
                                  gboolean          add_setup)
{
  g_return_if_fail (BEACON_IS_MEDIA_RELAY (self));

  add_setup = !!add_setup;
  if (self->add_setup == add_setup)
    return;
  self->add_setup = add_setup;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADD_SETUP]);
}

guint
beacon_media_relay_get_n_streams (BeaconMediaRelay *self)
{
  g_return_val_if_fail (BEACON_IS_MEDIA_RELAY (self), 0);
  return g_hash_table_size (self->streams);
}

BeaconWcsRateSample *
beacon_media_relay_dup_last_rate (BeaconMediaRelay *self,
                                  const char       *media_session_id)
{
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (BEACON_IS_MEDIA_RELAY (self), NULL);
  g_return_val_if_fail (media_session_id != NULL, NULL);

  g_hash_table_iter_init (&iter, self->streams);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      BeaconWcsRateSample *sample = beacon_relay_stream_dup_last_rate (value, media_session_id);

      if (sample != NULL)
        return sample;
    }
  return NULL;
}

static void
beacon_media_relay_dispose (GObject *object)
{
  BeaconMediaRelay *self = BEACON_MEDIA_RELAY (object);
  GHashTableIter iter;
  gpointer value;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->server != NULL)
    g_signal_handlers_disconnect_by_data (self->server, self);
  if (self->streams != NULL)
    {
      g_hash_table_iter_init (&iter, self->streams);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        beacon_relay_stream_shutdown (value);
      g_hash_table_remove_all (self->by_name);
      g_hash_table_remove_all (self->streams);
    }
  g_clear_object (&self->server);

  G_OBJECT_CLASS (beacon_media_relay_parent_class)->dispose (object);
}

static void
beacon_media_relay_finalize (GObject *object)
{
  BeaconMediaRelay *self = BEACON_MEDIA_RELAY (object);

  g_hash_table_unref (self->streams);
  g_hash_table_unref (self->by_name);

  G_OBJECT_CLASS (beacon_media_relay_parent_class)->finalize (object);
}

static void
beacon_media_relay_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BeaconMediaRelay *self = BEACON_MEDIA_RELAY (object);

  switch (prop_id)
    {
    case PROP_ADD_SETUP:
      g_value_set_boolean (value, self->add_setup);
      break;
    case PROP_N_STREAMS:
      g_value_set_uint (value, g_hash_table_size (self->streams));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_media_relay_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BeaconMediaRelay *self = BEACON_MEDIA_RELAY (object);

  switch (prop_id)
    {
    case PROP_ADD_SETUP:
      beacon_media_relay_set_add_setup (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_media_relay_class_init (BeaconMediaRelayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = beacon_media_relay_dispose;
  object_class->finalize = beacon_media_relay_finalize;
  object_class->get_property = beacon_media_relay_get_property;
  object_class->set_property = beacon_media_relay_set_property;

  properties[PROP_ADD_SETUP] =
    g_param_spec_boolean ("add-setup", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_STREAMS] =
    g_param_spec_uint ("n-streams", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
beacon_media_relay_init (BeaconMediaRelay *self)
{
  self->streams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->by_name = g_hash_table_new (g_str_hash, g_str_equal);
}
