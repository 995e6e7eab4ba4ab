/* beacon-alerts.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-alerts"

#include "config.h"

#include <glib/gi18n.h>

#include "beacon-alerts.h"
#include "beacon-window.h"

#define DEFAULT_BAD_SECONDS 10
/* A stream that fails and plays again within this time (its own retry, a publisher that
 * restarts, the demo published just after its tile started) was a hiccup, not an alert. */
#define ENDED_GRACE_SECONDS 5

/* Why an alert is up, so that a recovery clears only the alert it answers. */
typedef enum
{
  REASON_NONE,
  REASON_FAILED,
  REASON_STOPPED,
  REASON_BAD,
} AlertReason;

typedef struct
{
  BeaconAlerts        *alerts;   /* borrowed: it owns this */
  BeaconWatchedStream *stream;   /* owned */
  guint                bad_source;
  guint                ended_source;
  AlertReason          reason;
  /* The last end, as it was when it happened (a retry clears the stream's info) */
  AlertReason          ended_reason;
  char                *ended_info;
} Watch;

struct _BeaconAlerts
{
  GObject          parent_instance;

  /* Owned */
  GApplication    *application;
  GHashTable      *watches;         /* BeaconWatchedStream → Watch */
  GCancellable    *cancellable;     /* the notification service check */
  GDBusConnection *bus;             /* while checking */

  guint            bad_seconds;
  guint            can_notify : 1;
};

G_DEFINE_FINAL_TYPE (BeaconAlerts, beacon_alerts, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_APPLICATION,
  PROP_BAD_SECONDS,
  PROP_CAN_NOTIFY,
  N_PROPS
};

enum {
  ALERT_RAISED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
watch_free (Watch *watch)
{
  g_clear_handle_id (&watch->bad_source, g_source_remove);
  g_clear_handle_id (&watch->ended_source, g_source_remove);
  g_signal_handlers_disconnect_by_data (watch->stream, watch);
  g_clear_object (&watch->stream);
  g_free (watch->ended_info);
  g_free (watch);
}

static char *
notification_id (BeaconWatchedStream *stream)
{
  return g_strconcat ("stream-alert-", beacon_watched_stream_get_name (stream), NULL);
}

static GApplication *
target_application (BeaconAlerts *self)
{
  GApplication *application = self->application;

  /* Without a notification service GIO would log a warning for each one sent; the tile's
   * badge and the toast (from whoever shows this object's alerts) carry it then. */
  if (!self->can_notify)
    return NULL;
  if (application == NULL)
    application = g_application_get_default ();
  /* An unregistered application (tests, early start-up) cannot notify. */
  if (application == NULL || !g_application_get_is_registered (application))
    return NULL;
  return application;
}

static void
raise_alert (Watch       *watch,
             AlertReason  reason,
             const char  *title,
             const char  *body)
{
  BeaconAlerts *self = watch->alerts;
  GApplication *application = target_application (self);

  if (watch->reason == reason)
    return;   /* one notification per incident, not per status repeat */
  watch->reason = reason;
  g_debug ("alert for “%s”: %s", beacon_watched_stream_get_name (watch->stream), title);
  beacon_watched_stream_set_alert (watch->stream, TRUE, title);

  if (application != NULL)
    {
      g_autoptr(GNotification) notification = g_notification_new (title);
      g_autofree char *id = notification_id (watch->stream);

      if (body != NULL && *body != '\0')
        g_notification_set_body (notification, body);
      g_notification_set_priority (notification, reason == REASON_BAD
                                                   ? G_NOTIFICATION_PRIORITY_NORMAL
                                                   : G_NOTIFICATION_PRIORITY_HIGH);
      g_application_send_notification (application, id, notification);
    }

  g_signal_emit (self, signals[ALERT_RAISED], 0, watch->stream, title);
}

static void
clear_alert (Watch *watch)
{
  GApplication *application = target_application (watch->alerts);

  if (watch->reason == REASON_NONE)
    return;
  watch->reason = REASON_NONE;
  g_clear_handle_id (&watch->bad_source, g_source_remove);
  beacon_watched_stream_set_alert (watch->stream, FALSE, NULL);
  if (application != NULL)
    {
      g_autofree char *id = notification_id (watch->stream);

      g_application_withdraw_notification (application, id);
    }
}

static gboolean
on_bad_timeout (gpointer data)
{
  Watch *watch = data;
  g_autofree char *title = NULL;

  watch->bad_source = 0;
  /* Translators: %s is a stream name; %u a number of seconds (at least 1) */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "“%s” has had bad quality for %u second",
                                        "“%s” has had bad quality for %u seconds",
                                        watch->alerts->bad_seconds),
                           beacon_watched_stream_get_name (watch->stream),
                           watch->alerts->bad_seconds);
  raise_alert (watch, REASON_BAD, title,
               _("The server sends much more than arrives here: expect frozen or broken video."));
  return G_SOURCE_REMOVE;
}

static gboolean
on_ended_timeout (gpointer data)
{
  Watch *watch = data;
  const char *name = beacon_watched_stream_get_name (watch->stream);
  g_autofree char *title = NULL;

  watch->ended_source = 0;
  if (watch->ended_reason == REASON_FAILED)
    /* Translators: %s is a stream name */
    title = g_strdup_printf (_("“%s” failed"), name);
  else
    /* Translators: %s is a stream name */
    title = g_strdup_printf (_("“%s” stopped"), name);
  raise_alert (watch, watch->ended_reason, title, watch->ended_info);
  return G_SOURCE_REMOVE;
}

static void
stream_ended (Watch       *watch,
              AlertReason  reason)
{
  watch->ended_reason = reason;
  g_free (watch->ended_info);
  watch->ended_info = g_strdup (beacon_watched_stream_get_info (watch->stream));
  if (watch->ended_source == 0 && watch->reason != reason)
    watch->ended_source = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, ENDED_GRACE_SECONDS,
                                                      on_ended_timeout, watch, NULL);
}

static void
on_stream_status_changed (BeaconWatchedStream *stream,
                          GParamSpec          *pspec,
                          Watch               *watch)
{
  switch (beacon_watched_stream_get_status (stream))
    {
    case BEACON_WCS_STREAM_STATUS_FAILED:
      stream_ended (watch, REASON_FAILED);
      break;

    case BEACON_WCS_STREAM_STATUS_STOPPED:
    case BEACON_WCS_STREAM_STATUS_UNPUBLISHED:
      if (!beacon_watched_stream_get_active (stream))
        break;   /* stopped from the tile: the operator knows */
      stream_ended (watch, REASON_STOPPED);
      break;

    case BEACON_WCS_STREAM_STATUS_PLAYING:
      g_clear_handle_id (&watch->ended_source, g_source_remove);
      if (watch->reason != REASON_BAD)
        clear_alert (watch);
      break;

    case BEACON_WCS_STREAM_STATUS_NEW:
    case BEACON_WCS_STREAM_STATUS_PENDING:
    case BEACON_WCS_STREAM_STATUS_PUBLISHING:
    case BEACON_WCS_STREAM_STATUS_PAUSED:
    case BEACON_WCS_STREAM_STATUS_PLAYBACK_PROBLEM:
    default:
      break;
    }
}

static void
on_stream_quality_changed (BeaconWatchedStream *stream,
                           GParamSpec          *pspec,
                           Watch               *watch)
{
  if (beacon_watched_stream_get_quality (stream) == BEACON_CHANNEL_QUALITY_BAD)
    {
      if (watch->bad_source == 0 && watch->reason != REASON_BAD)
        watch->bad_source = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT,
                                                        watch->alerts->bad_seconds,
                                                        on_bad_timeout, watch, NULL);
      return;
    }

  g_clear_handle_id (&watch->bad_source, g_source_remove);
  if (watch->reason == REASON_BAD)
    clear_alert (watch);
}

static void
on_stream_active_changed (BeaconWatchedStream *stream,
                          GParamSpec          *pspec,
                          Watch               *watch)
{
  /* Stop or restart from the tile: whatever was wrong is the operator's business now. */
  g_clear_handle_id (&watch->bad_source, g_source_remove);
  g_clear_handle_id (&watch->ended_source, g_source_remove);
  clear_alert (watch);
}

static void
on_stream_connected_changed (BeaconWatchedStream *stream,
                             GParamSpec          *pspec,
                             Watch               *watch)
{
  /* A lost session is the connection's news (the header bar, a toast), not each tile's. */
  if (!beacon_watched_stream_get_connected (stream))
    g_clear_handle_id (&watch->ended_source, g_source_remove);
}

static void
on_stream_alert_changed (BeaconWatchedStream *stream,
                         GParamSpec          *pspec,
                         Watch               *watch)
{
  /* Restart clears the badge on the stream itself; the incident is over here too. */
  if (!beacon_watched_stream_get_alert (stream))
    clear_alert (watch);
}

static void
set_can_notify (BeaconAlerts *self,
                gboolean      can_notify)
{
  g_debug ("desktop notifications: %s", can_notify ? "yes" : "no service");
  if (self->can_notify == !!can_notify)
    return;
  self->can_notify = !!can_notify;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_NOTIFY]);
}

static gboolean
names_contain (GVariant   *reply,
               const char *name)
{
  g_autofree const char **names = NULL;

  g_variant_get (reply, "(^a&s)", &names);
  return g_strv_contains (names, name);
}

static void
on_activatable_names (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  BeaconAlerts *self;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* disposed */
  self = user_data;
  g_clear_object (&self->bus);
  /* The bus starts an activatable service when the first notification is sent to it. */
  set_can_notify (self, reply != NULL && names_contain (reply, "org.freedesktop.Notifications"));
}

static void
on_names (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  BeaconAlerts *self;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = user_data;
  /* GIO sends through GNOME Shell's org.gtk.Notifications or any freedesktop server. */
  if (reply != NULL && (names_contain (reply, "org.freedesktop.Notifications") ||
                        names_contain (reply, "org.gtk.Notifications")))
    {
      g_clear_object (&self->bus);
      set_can_notify (self, TRUE);
      return;
    }
  g_dbus_connection_call (self->bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                          "org.freedesktop.DBus", "ListActivatableNames", NULL,
                          G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE, -1,
                          self->cancellable, on_activatable_names, self);
}

static void
on_bus (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus = g_bus_get_finish (result, &error);
  BeaconAlerts *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = user_data;
  if (bus == NULL)
    {
      g_debug ("no session bus: %s", error->message);
      set_can_notify (self, FALSE);
      return;
    }
  self->bus = bus;
  g_dbus_connection_call (self->bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                          "org.freedesktop.DBus", "ListNames", NULL,
                          G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE, -1,
                          self->cancellable, on_names, self);
}

/* Once, asynchronously: until the answer, alerts show on the tiles and as toasts only. */
static void
check_notification_service (BeaconAlerts *self)
{
  /* In a sandbox GIO goes through the notification portal, which is always there. */
  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    {
      set_can_notify (self, TRUE);
      return;
    }
  g_bus_get (G_BUS_TYPE_SESSION, self->cancellable, on_bus, self);
}

static void
beacon_alerts_dispose (GObject *object)
{
  BeaconAlerts *self = BEACON_ALERTS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->bus);

  g_hash_table_remove_all (self->watches);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (beacon_alerts_parent_class)->dispose (object);
}

static void
beacon_alerts_finalize (GObject *object)
{
  BeaconAlerts *self = BEACON_ALERTS (object);

  g_clear_pointer (&self->watches, g_hash_table_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (beacon_alerts_parent_class)->finalize (object);
}

static void
beacon_alerts_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BeaconAlerts *self = BEACON_ALERTS (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_value_set_object (value, self->application);
      break;
    case PROP_BAD_SECONDS:
      g_value_set_uint (value, self->bad_seconds);
      break;
    case PROP_CAN_NOTIFY:
      g_value_set_boolean (value, self->can_notify);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_alerts_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BeaconAlerts *self = BEACON_ALERTS (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      beacon_alerts_set_application (self, g_value_get_object (value));
      break;
    case PROP_BAD_SECONDS:
      beacon_alerts_set_bad_seconds (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_alerts_class_init (BeaconAlertsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = beacon_alerts_dispose;
  object_class->finalize = beacon_alerts_finalize;
  object_class->get_property = beacon_alerts_get_property;
  object_class->set_property = beacon_alerts_set_property;

  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL, G_TYPE_APPLICATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BAD_SECONDS] =
    g_param_spec_uint ("bad-seconds", NULL, NULL, 1, 3600, DEFAULT_BAD_SECONDS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_NOTIFY] =
    g_param_spec_boolean ("can-notify", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A stream's alert went up; @reason is the sentence the badge and notification show. */
  signals[ALERT_RAISED] =
    g_signal_new ("alert-raised", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                  BEACON_TYPE_WATCHED_STREAM, G_TYPE_STRING);
}

static void
beacon_alerts_init (BeaconAlerts *self)
{
  self->bad_seconds = DEFAULT_BAD_SECONDS;
  self->watches = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) watch_free);
  self->cancellable = g_cancellable_new ();
  check_notification_service (self);
}

BeaconAlerts *
beacon_alerts_new (void)
{
  return g_object_new (BEACON_TYPE_ALERTS, NULL);
}

GApplication *
beacon_alerts_get_application (BeaconAlerts *self)
{
  g_return_val_if_fail (BEACON_IS_ALERTS (self), NULL);

  return self->application;
}

void
beacon_alerts_set_application (BeaconAlerts *self,
                               GApplication *application)
{
  g_return_if_fail (BEACON_IS_ALERTS (self));
  g_return_if_fail (application == NULL || G_IS_APPLICATION (application));

  if (g_set_object (&self->application, application))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLICATION]);
}

gboolean
beacon_alerts_get_can_notify (BeaconAlerts *self)
{
  g_return_val_if_fail (BEACON_IS_ALERTS (self), FALSE);

  return self->can_notify;
}

guint
beacon_alerts_get_bad_seconds (BeaconAlerts *self)
{
  g_return_val_if_fail (BEACON_IS_ALERTS (self), 0);

  return self->bad_seconds;
}

void
beacon_alerts_set_bad_seconds (BeaconAlerts *self,
                               guint         bad_seconds)
{
  g_return_if_fail (BEACON_IS_ALERTS (self));

  bad_seconds = CLAMP (bad_seconds, 1, 3600);
  if (self->bad_seconds == bad_seconds)
    return;
  /* Streams already BAD keep the count they started with; the next incident uses this. */
  self->bad_seconds = bad_seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BAD_SECONDS]);
}

void
beacon_alerts_watch (BeaconAlerts        *self,
                     BeaconWatchedStream *stream)
{
  Watch *watch;

  g_return_if_fail (BEACON_IS_ALERTS (self));
  g_return_if_fail (BEACON_IS_WATCHED_STREAM (stream));

  if (g_hash_table_contains (self->watches, stream))
    return;

  watch = g_new0 (Watch, 1);
  watch->alerts = self;
  watch->stream = g_object_ref (stream);
  g_hash_table_insert (self->watches, stream, watch);

  g_signal_connect (stream, "notify::status", G_CALLBACK (on_stream_status_changed), watch);
  g_signal_connect (stream, "notify::quality", G_CALLBACK (on_stream_quality_changed), watch);
  g_signal_connect (stream, "notify::active", G_CALLBACK (on_stream_active_changed), watch);
  g_signal_connect (stream, "notify::alert", G_CALLBACK (on_stream_alert_changed), watch);
  g_signal_connect (stream, "notify::connected", G_CALLBACK (on_stream_connected_changed), watch);
  /* A stream may already be in trouble when it is handed over. */
  on_stream_status_changed (stream, NULL, watch);
  on_stream_quality_changed (stream, NULL, watch);
}

void
beacon_alerts_unwatch (BeaconAlerts        *self,
                       BeaconWatchedStream *stream)
{
  Watch *watch;

  g_return_if_fail (BEACON_IS_ALERTS (self));
  g_return_if_fail (BEACON_IS_WATCHED_STREAM (stream));

  if ((watch = g_hash_table_lookup (self->watches, stream)) == NULL)
    return;
  /* A stream that leaves the grid takes its notification with it. */
  clear_alert (watch);
  g_hash_table_remove (self->watches, stream);
}

void
beacon_alerts_show_toast (GtkWidget  *widget,
                          const char *text)
{
  GtkWidget *window;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (text != NULL);

  if ((window = gtk_widget_get_ancestor (widget, BEACON_TYPE_WINDOW)) != NULL)
    beacon_window_show_toast (BEACON_WINDOW (window), text);
  else
    g_debug ("no window for the toast “%s”", text);
}
