/* beacon-window.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-window"

#include "config.h"

#include <glib/gi18n.h>

#include "beacon-connect-page.h"
#include "beacon-play-page.h"
#include "beacon-publish-page.h"
#include "beacon-server-page.h"
#include "beacon-window.h"

/* How long a screenshot may wait for a frame it can use. */
#define SCREENSHOT_DEADLINE_S 10
/* How long --play waits for the demo to publish before it asks for its streams anyway. */
#define DEMO_WAIT_S 30

struct _BeaconWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *stack;
  AdwViewSwitcherTitle *switcher_title;
  GtkWidget            *status_button;
  GtkWidget            *status_dot;
  GtkWidget            *status_label;

  /* Owned */
  BeaconConnection     *connection;
  GSettings            *settings;
  GPtrArray            *pending_plays;   /* names to add once the session is established */
  char                 *demo_name;       /* to publish once established */
  char                 *demo_waiting;    /* published, to play once it is PUBLISHING */
  guint                 status_label_idle_id;
  guint                 demo_wait_id;
  guint                 page_chosen : 1;  /* a page was asked for: the demo leaves it shown */

  /* Borrowed: the pages, owned by the stack */
  BeaconConnectPage    *connect_page;
  BeaconPublishPage    *publish_page;
  GtkWidget            *play_page;
  GtkWidget            *server_page;
};

/* One beacon_window_save_screenshot_async() under way. */
typedef struct
{
  char          *path;
  GdkFrameClock *clock;          /* while waiting for its after-paint */
  gulong         after_paint_id;
  guint          retry_id;       /* while waiting for the window to be shown */
  guint          timeout_id;     /* while waiting for a frame: the window may never draw one */
  gint64         deadline;
} ScreenshotWait;

static void
screenshot_wait_free (ScreenshotWait *wait)
{
  if (wait->after_paint_id != 0)
    g_signal_handler_disconnect (wait->clock, wait->after_paint_id);
  g_clear_object (&wait->clock);
  g_clear_handle_id (&wait->retry_id, g_source_remove);
  g_clear_handle_id (&wait->timeout_id, g_source_remove);
  g_free (wait->path);
  g_free (wait);
}

G_DEFINE_FINAL_TYPE (BeaconWindow, beacon_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONNECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_status (BeaconWindow *self)
{
  static const char * const classes[] = { "connecting", "established", "failed" };
  const char *wanted = NULL;

  switch (beacon_connection_get_state (self->connection))
    {
    case BEACON_WCS_STATE_CONNECTING:
    case BEACON_WCS_STATE_CONNECTED:
      wanted = "connecting";
      break;
    case BEACON_WCS_STATE_ESTABLISHED:
      wanted = "established";
      break;
    case BEACON_WCS_STATE_FAILED:
      wanted = "failed";
      break;
    case BEACON_WCS_STATE_NEW:
    case BEACON_WCS_STATE_DISCONNECTED:
    default:
      break;
    }
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    if (g_strcmp0 (classes[i], wanted) == 0)
      gtk_widget_add_css_class (self->status_dot, classes[i]);
    else
      gtk_widget_remove_css_class (self->status_dot, classes[i]);

  /* The label is hidden at narrow widths; the button still needs a name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  beacon_connection_get_summary (self->connection), -1);
}

static gboolean
update_status_label_cb (gpointer user_data)
{
  BeaconWindow *self = user_data;

  self->status_label_idle_id = 0;
  gtk_widget_set_visible (self->status_label,
                          !adw_view_switcher_title_get_title_visible (self->switcher_title));
  return G_SOURCE_REMOVE;
}

/* Wide: the label beside the dot; narrow: the switcher title's subtitle says it. The switch
 * happens in an idle: title-visible changes while the header bar is being allocated, and
 * resizing its start then would leave a header part unallocated for a frame. */
static void
on_title_visible (BeaconWindow *self)
{
  if (self->status_label_idle_id == 0)
    self->status_label_idle_id = g_idle_add (update_status_label_cb, self);
}

static void run_pending (BeaconWindow *self);

static gboolean
on_demo_wait_over (gpointer user_data)
{
  BeaconWindow *self = user_data;

  self->demo_wait_id = 0;
  g_debug ("the demo is not publishing after %d s; adding the other streams anyway",
           DEMO_WAIT_S);
  g_clear_pointer (&self->demo_waiting, g_free);
  run_pending (self);
  return G_SOURCE_REMOVE;
}

static void
run_pending (BeaconWindow *self)
{
  if (beacon_connection_get_state (self->connection) != BEACON_WCS_STATE_ESTABLISHED)
    return;

  if (self->demo_name != NULL)
    {
      g_free (self->demo_waiting);
      self->demo_waiting = g_steal_pointer (&self->demo_name);
      beacon_publish_page_start_test (self->publish_page, self->demo_waiting);
      g_clear_handle_id (&self->demo_wait_id, g_source_remove);
      self->demo_wait_id = g_timeout_add_seconds (DEMO_WAIT_S, on_demo_wait_over, self);
    }
  /* `--demo --play demo` (or any name the demo's server has): the server knows the demo's
   * stream only once it publishes, and the availability check would say "not found". */
  if (self->demo_waiting != NULL)
    return;
  for (guint i = 0; i < self->pending_plays->len; i++)
    beacon_play_page_add_stream (BEACON_PLAY_PAGE (self->play_page),
                                 g_ptr_array_index (self->pending_plays, i));
  g_ptr_array_set_size (self->pending_plays, 0);
}

static void
on_connection_state (BeaconWindow *self)
{
  update_status (self);
  run_pending (self);
}

/* The demo's stream is played back once the server has it, so that the availability
 * check the play page runs first finds it. */
static void
on_publishing_changed (BeaconWindow *self)
{
  if (self->demo_waiting == NULL || !beacon_publish_page_get_is_publishing (self->publish_page))
    return;

  beacon_play_page_add_stream (BEACON_PLAY_PAGE (self->play_page), self->demo_waiting);
  g_clear_pointer (&self->demo_waiting, g_free);
  g_clear_handle_id (&self->demo_wait_id, g_source_remove);
  if (!self->page_chosen)
    adw_view_stack_set_visible_child_name (self->stack, "play");
  run_pending (self);
}

/* Someone went to a page (the switcher, a shortcut) while the demo was starting: they stay
 * there when it plays. */
static void
on_visible_page_changed (BeaconWindow *self)
{
  if (self->demo_waiting != NULL)
    self->page_chosen = TRUE;
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  beacon_window_show_page (BEACON_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
start_local_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  beacon_window_start_local (BEACON_WINDOW (widget));
}

static void
disconnect_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  beacon_connection_disconnect (BEACON_WINDOW (widget)->connection);
}

/* Publishing shortcuts work from any page, so the window forwards them to the page:
 * win.publish::toggle runs publish.toggle there. */
static void
publish_page_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  BeaconWindow *self = BEACON_WINDOW (widget);
  g_autofree char *page_action = g_strconcat ("publish.", g_variant_get_string (param, NULL), NULL);

  gtk_widget_activate_action (GTK_WIDGET (self->publish_page), page_action, NULL);
}

static gboolean
beacon_window_close_request (GtkWindow *window)
{
  BeaconWindow *self = BEACON_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (beacon_window_parent_class)->close_request (window);
}

static void
beacon_window_constructed (GObject *object)
{
  BeaconWindow *self = BEACON_WINDOW (object);
  AdwViewStackPage *page;

  G_OBJECT_CLASS (beacon_window_parent_class)->constructed (object);

  g_assert (self->connection != NULL);

  /* The pages take the connection, so they are made here rather than in the template. */
  self->connect_page = BEACON_CONNECT_PAGE (beacon_connect_page_new (self->connection));
  page = adw_view_stack_add_titled (self->stack, GTK_WIDGET (self->connect_page), "connect",
                                    C_("view", "Connect"));
  adw_view_stack_page_set_icon_name (page, "network-server-symbolic");

  self->publish_page = BEACON_PUBLISH_PAGE (beacon_publish_page_new (self->connection));
  page = adw_view_stack_add_titled (self->stack, GTK_WIDGET (self->publish_page), "publish",
                                    C_("view", "Publish"));
  adw_view_stack_page_set_icon_name (page, "camera-web-symbolic");

  self->play_page = beacon_play_page_new (self->connection);
  page = adw_view_stack_add_titled (self->stack, self->play_page, "play", C_("view", "Play"));
  adw_view_stack_page_set_icon_name (page, "view-grid-symbolic");

  self->server_page = beacon_server_page_new (self->connection);
  beacon_server_page_set_play_page (BEACON_SERVER_PAGE (self->server_page),
                                    BEACON_PLAY_PAGE (self->play_page));
  page = adw_view_stack_add_titled (self->stack, self->server_page, "server",
                                    C_("view", "Server"));
  adw_view_stack_page_set_icon_name (page, "network-workgroup-symbolic");

  g_signal_connect_object (self->connection, "notify::state", G_CALLBACK (on_connection_state),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stack, "notify::visible-child",
                           G_CALLBACK (on_visible_page_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->publish_page, "notify::is-publishing",
                           G_CALLBACK (on_publishing_changed), self, G_CONNECT_SWAPPED);
  update_status (self);
}

static void
beacon_window_dispose (GObject *object)
{
  BeaconWindow *self = BEACON_WINDOW (object);

  g_clear_handle_id (&self->status_label_idle_id, g_source_remove);
  g_clear_handle_id (&self->demo_wait_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), BEACON_TYPE_WINDOW);
  g_clear_object (&self->connection);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (beacon_window_parent_class)->dispose (object);
}

static void
beacon_window_finalize (GObject *object)
{
  BeaconWindow *self = BEACON_WINDOW (object);

  g_clear_pointer (&self->pending_plays, g_ptr_array_unref);
  g_clear_pointer (&self->demo_name, g_free);
  g_clear_pointer (&self->demo_waiting, g_free);

  G_OBJECT_CLASS (beacon_window_parent_class)->finalize (object);
}

static void
beacon_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BeaconWindow *self = BEACON_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_set_object (value, beacon_window_get_connection (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BeaconWindow *self = BEACON_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      self->connection = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_window_class_init (BeaconWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  static const struct {
    const char     *page_action;
    guint           key;
    GdkModifierType mods;
  } publish_shortcuts[] = {
    { "toggle", GDK_KEY_Return, GDK_CONTROL_MASK },
    { "mute-audio", GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { "mute-video", GDK_KEY_v, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { "copy-stream-name", GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
  };

  object_class->constructed = beacon_window_constructed;
  object_class->dispose = beacon_window_dispose;
  object_class->finalize = beacon_window_finalize;
  object_class->get_property = beacon_window_get_property;
  object_class->set_property = beacon_window_set_property;
  window_class->close_request = beacon_window_close_request;

  properties[PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL, BEACON_TYPE_CONNECTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BEACON_TYPE_CONNECTION);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/beacon_wcs/Beacon/ui/beacon-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BeaconWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BeaconWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BeaconWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, BeaconWindow, status_button);
  gtk_widget_class_bind_template_child (widget_class, BeaconWindow, status_dot);
  gtk_widget_class_bind_template_child (widget_class, BeaconWindow, status_label);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.show-page", "s", "connect");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.show-page", "s", "publish");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.show-page", "s", "play");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK,
                                       "win.show-page", "s", "server");

  gtk_widget_class_install_action (widget_class, "win.start-local", NULL, start_local_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.start-local", NULL);
  gtk_widget_class_install_action (widget_class, "win.disconnect", NULL, disconnect_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.disconnect", NULL);

  gtk_widget_class_install_action (widget_class, "win.publish", "s", publish_page_action);
  for (guint i = 0; i < G_N_ELEMENTS (publish_shortcuts); i++)
    gtk_widget_class_add_binding_action (widget_class, publish_shortcuts[i].key,
                                         publish_shortcuts[i].mods, "win.publish", "s",
                                         publish_shortcuts[i].page_action);
}

static void
beacon_window_init (BeaconWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->pending_plays = g_ptr_array_new_with_free_func (g_free);
  self->settings = g_settings_new (BASE_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (on_title_visible), self, G_CONNECT_SWAPPED);

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

BeaconWindow *
beacon_window_new (GtkApplication   *application,
                   BeaconConnection *connection)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (BEACON_IS_CONNECTION (connection), NULL);

  return g_object_new (BEACON_TYPE_WINDOW,
                       "application", application,
                       "connection", connection,
                       NULL);
}

BeaconConnection *
beacon_window_get_connection (BeaconWindow *self)
{
  g_return_val_if_fail (BEACON_IS_WINDOW (self), NULL);

  return self->connection;
}

void
beacon_window_show_toast (BeaconWindow *self,
                          const char   *text)
{
  AdwToast *toast;

  g_return_if_fail (BEACON_IS_WINDOW (self));
  g_return_if_fail (text != NULL);

  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
beacon_window_show_page (BeaconWindow *self,
                         const char   *name)
{
  g_return_if_fail (BEACON_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (adw_view_stack_get_child_by_name (self->stack, name) == NULL)
    {
      g_warning ("No page “%s”", name);
      return;
    }
  self->page_chosen = TRUE;
  adw_view_stack_set_visible_child_name (self->stack, name);
}

void
beacon_window_connect (BeaconWindow *self,
                       const char   *url,
                       const char   *app_key)
{
  g_return_if_fail (BEACON_IS_WINDOW (self));
  g_return_if_fail (url != NULL);

  beacon_connect_page_connect (self->connect_page, url, app_key);
}

void
beacon_window_start_local (BeaconWindow *self)
{
  g_return_if_fail (BEACON_IS_WINDOW (self));

  beacon_connect_page_start_local (self->connect_page);
}

void
beacon_window_start_demo (BeaconWindow *self,
                          const char   *name)
{
  g_return_if_fail (BEACON_IS_WINDOW (self));
  g_return_if_fail (name != NULL && *name != '\0');

  g_free (self->demo_name);
  self->demo_name = g_strdup (name);
  run_pending (self);
}

void
beacon_window_play (BeaconWindow *self,
                    const char   *name)
{
  g_return_if_fail (BEACON_IS_WINDOW (self));
  g_return_if_fail (name != NULL && *name != '\0');

  g_ptr_array_add (self->pending_plays, g_strdup (name));
  run_pending (self);
}

gboolean
beacon_window_save_screenshot (BeaconWindow *self,
                               const char   *path,
                               GError      **error)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer;
  int width, height;

  g_return_val_if_fail (BEACON_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  renderer = gtk_native_get_renderer (GTK_NATIVE (self));
  if (width <= 0 || height <= 0 || renderer == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("The window is not shown yet"));
      return FALSE;
    }

  paintable = gtk_widget_paintable_new (GTK_WIDGET (self));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("The window drew nothing"));
      return FALSE;
    }
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”"), path);
      return FALSE;
    }
  return TRUE;
}

static void wait_for_frame (GTask *task);

/* Right after a frame is painted every widget has its allocation and the window its render
 * node; any later change (a video frame, a label) drops that node until the next frame, so a
 * snapshot taken at another moment may find nothing to save. */
static void
on_screenshot_after_paint (GdkFrameClock *clock,
                           GTask         *task)
{
  BeaconWindow *self = g_task_get_source_object (task);
  ScreenshotWait *wait = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  g_clear_signal_handler (&wait->after_paint_id, wait->clock);
  g_clear_object (&wait->clock);
  g_clear_handle_id (&wait->timeout_id, g_source_remove);

  if (beacon_window_save_screenshot (self, wait->path, &error))
    g_task_return_boolean (task, TRUE);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED) ||
           g_get_monotonic_time () >= wait->deadline)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    {
      g_debug ("no screenshot from this frame (%s); trying the next", error->message);
      wait_for_frame (g_object_ref (task));
    }
  g_object_unref (task);
}

static gboolean
on_screenshot_timeout (gpointer user_data)
{
  GTask *task = user_data;
  ScreenshotWait *wait = g_task_get_task_data (task);

  wait->timeout_id = 0;
  g_clear_signal_handler (&wait->after_paint_id, wait->clock);
  g_clear_object (&wait->clock);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                           g_dngettext (GETTEXT_PACKAGE, "The window drew no frame in %d second",
                                        "The window drew no frame in %d seconds",
                                        SCREENSHOT_DEADLINE_S),
                           SCREENSHOT_DEADLINE_S);
  g_object_unref (task);
  return G_SOURCE_REMOVE;
}

static gboolean
on_screenshot_retry (gpointer user_data)
{
  GTask *task = user_data;
  ScreenshotWait *wait = g_task_get_task_data (task);

  wait->retry_id = 0;
  wait_for_frame (task);
  return G_SOURCE_REMOVE;
}

/* Takes @task's reference. */
static void
wait_for_frame (GTask *task)
{
  BeaconWindow *self = g_task_get_source_object (task);
  ScreenshotWait *wait = g_task_get_task_data (task);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }
  if (clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      if (g_get_monotonic_time () >= wait->deadline)
        {
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                                   _("The window is not shown"));
          g_object_unref (task);
          return;
        }
      wait->retry_id = g_timeout_add (100, on_screenshot_retry, task);
      return;
    }
  wait->clock = g_object_ref (clock);
  wait->after_paint_id = g_signal_connect (clock, "after-paint",
                                           G_CALLBACK (on_screenshot_after_paint), task);
  wait->timeout_id = g_timeout_add (MAX (wait->deadline - g_get_monotonic_time (), 0) / 1000,
                                    on_screenshot_timeout, task);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
beacon_window_save_screenshot_async (BeaconWindow        *self,
                                     const char          *path,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task;
  ScreenshotWait *wait;

  g_return_if_fail (BEACON_IS_WINDOW (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, beacon_window_save_screenshot_async);
  wait = g_new0 (ScreenshotWait, 1);
  wait->path = g_strdup (path);
  wait->deadline = g_get_monotonic_time () + SCREENSHOT_DEADLINE_S * G_USEC_PER_SEC;
  g_task_set_task_data (task, wait, (GDestroyNotify) screenshot_wait_free);
  wait_for_frame (task);
}

gboolean
beacon_window_save_screenshot_finish (BeaconWindow  *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (BEACON_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
