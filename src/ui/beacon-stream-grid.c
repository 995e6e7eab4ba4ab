/* beacon-stream-grid.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-stream-grid"

#include "config.h"

#include "beacon-stream-grid.h"
#include "beacon-stream-tile.h"

struct _BeaconStreamGrid
{
  GtkWidget   parent_instance;

  /* Template children */
  GtkWidget  *scroller;
  GtkFlowBox *flow_box;

  /* Owned */
  GListModel *model;
};

G_DEFINE_FINAL_TYPE (BeaconStreamGrid, beacon_stream_grid, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

enum {
  STREAM_ACTIVATED,
  REMOVE_REQUESTED,
  MOVE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Keys that act on the focused tile; the tile's menu shows the same actions. Arrow keys
 * alone move the focus (GtkFlowBox), so moving a tile takes Ctrl+Shift. */
static const struct
{
  const char *trigger;
  const char *action;
} tile_keys[] = {
  { "Delete", "tile.remove" },
  { "<Control><Shift>Left", "tile.move-left" },
  { "<Control><Shift>Right", "tile.move-right" },
  { "<Control>c", "tile.copy-info" },
  { "<Control>s", "tile.snapshot" },
  { "f", "tile.fullscreen" },
  { "<Control>r", "tile.restart" },
};

static GtkWidget *
focused_tile (BeaconStreamGrid *self)
{
  GtkWidget *child = gtk_widget_get_focus_child (GTK_WIDGET (self->flow_box));

  if (child == NULL || !GTK_IS_FLOW_BOX_CHILD (child))
    return NULL;
  return gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
}

static gboolean
on_tile_key (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  BeaconStreamGrid *self = BEACON_STREAM_GRID (widget);
  GtkWidget *tile = focused_tile (self);

  if (tile == NULL)
    return FALSE;
  return gtk_widget_activate_action (tile, user_data, NULL);
}

static gboolean
on_menu_key (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  BeaconStreamGrid *self = BEACON_STREAM_GRID (widget);
  GtkWidget *tile = focused_tile (self);

  if (tile == NULL)
    return FALSE;
  beacon_stream_tile_popup_menu (BEACON_STREAM_TILE (tile));
  return TRUE;
}

static void
add_shortcuts (BeaconStreamGrid *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  /* Capture phase: GtkFlowBox binds every modifier combination of the arrow keys to focus
   * moves, and would take Ctrl+Shift+arrow before a bubbling handler saw it. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (tile_keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (tile_keys[i].trigger),
                                                            gtk_callback_action_new (on_tile_key,
                                                                                     (gpointer) tile_keys[i].action,
                                                                                     NULL)));
  /* Shift+F10 and the Menu key open the tile's menu, as a context menu would. */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Shift>F10|Menu"),
                                                          gtk_callback_action_new (on_menu_key,
                                                                                   NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
update_move_actions (BeaconStreamGrid *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *tile = beacon_stream_grid_get_tile (self, i);

      if (tile == NULL)
        continue;
      gtk_widget_action_set_enabled (tile, "tile.move-left", i > 0);
      gtk_widget_action_set_enabled (tile, "tile.move-right", i + 1 < n);
    }
}

static void
on_tile_details_requested (BeaconStreamTile *tile,
                           BeaconStreamGrid *self)
{
  g_signal_emit (self, signals[STREAM_ACTIVATED], 0, beacon_stream_tile_get_stream (tile));
}

static void
on_tile_remove_requested (BeaconStreamTile *tile,
                          BeaconStreamGrid *self)
{
  g_signal_emit (self, signals[REMOVE_REQUESTED], 0, beacon_stream_tile_get_stream (tile));
}

static void
on_tile_move_requested (BeaconStreamTile *tile,
                        int               delta,
                        BeaconStreamGrid *self)
{
  g_signal_emit (self, signals[MOVE_REQUESTED], 0, beacon_stream_tile_get_stream (tile), delta);
}

static GtkWidget *
create_tile (gpointer item,
             gpointer user_data)
{
  BeaconStreamGrid *self = user_data;
  GtkWidget *tile = beacon_stream_tile_new (BEACON_WATCHED_STREAM (item));

  g_signal_connect_object (tile, "details-requested", G_CALLBACK (on_tile_details_requested),
                           self, 0);
  g_signal_connect_object (tile, "remove-requested", G_CALLBACK (on_tile_remove_requested),
                           self, 0);
  g_signal_connect_object (tile, "move-requested", G_CALLBACK (on_tile_move_requested),
                           self, 0);
  return tile;
}

static void
on_child_activated (BeaconStreamGrid *self,
                    GtkFlowBoxChild  *child)
{
  GtkWidget *tile = gtk_flow_box_child_get_child (child);

  if (BEACON_IS_STREAM_TILE (tile))
    g_signal_emit (self, signals[STREAM_ACTIVATED], 0,
                   beacon_stream_tile_get_stream (BEACON_STREAM_TILE (tile)));
}

static void
on_items_changed (BeaconStreamGrid *self,
                  guint             position,
                  guint             removed,
                  guint             added,
                  GListModel       *model)
{
  /* The flow box made the new children before this handler ran (it connected first). */
  for (guint i = position; i < position + added; i++)
    {
      GtkWidget *tile = beacon_stream_grid_get_tile (self, i);

      /* Screen readers name the focusable child by the tile's own label. */
      if (tile != NULL)
        gtk_accessible_update_relation (GTK_ACCESSIBLE (gtk_widget_get_parent (tile)),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY, tile, NULL,
                                        -1);
    }
  update_move_actions (self);
}

static void
beacon_stream_grid_dispose (GObject *object)
{
  BeaconStreamGrid *self = BEACON_STREAM_GRID (object);

  beacon_stream_grid_set_model (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BEACON_TYPE_STREAM_GRID);

  G_OBJECT_CLASS (beacon_stream_grid_parent_class)->dispose (object);
}

static void
beacon_stream_grid_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BeaconStreamGrid *self = BEACON_STREAM_GRID (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, beacon_stream_grid_get_model (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_stream_grid_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BeaconStreamGrid *self = BEACON_STREAM_GRID (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      beacon_stream_grid_set_model (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_stream_grid_class_init (BeaconStreamGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = beacon_stream_grid_dispose;
  object_class->get_property = beacon_stream_grid_get_property;
  object_class->set_property = beacon_stream_grid_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A tile was activated (Enter, double click) or asked for its details. */
  signals[STREAM_ACTIVATED] =
    g_signal_new ("stream-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BEACON_TYPE_WATCHED_STREAM);
  /* A tile asked to leave the grid. */
  signals[REMOVE_REQUESTED] =
    g_signal_new ("remove-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BEACON_TYPE_WATCHED_STREAM);
  /* A tile asked to move @delta places. */
  signals[MOVE_REQUESTED] =
    g_signal_new ("move-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, BEACON_TYPE_WATCHED_STREAM, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/beacon_wcs/Beacon/ui/beacon-stream-grid.ui");
  gtk_widget_class_bind_template_child (widget_class, BeaconStreamGrid, scroller);
  gtk_widget_class_bind_template_child (widget_class, BeaconStreamGrid, flow_box);
  gtk_widget_class_bind_template_callback (widget_class, on_child_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "streamgrid");
}

static void
beacon_stream_grid_init (BeaconStreamGrid *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_shortcuts (self);
}

GtkWidget *
beacon_stream_grid_new (void)
{
  return g_object_new (BEACON_TYPE_STREAM_GRID, NULL);
}

GListModel *
beacon_stream_grid_get_model (BeaconStreamGrid *self)
{
  g_return_val_if_fail (BEACON_IS_STREAM_GRID (self), NULL);

  return self->model;
}

void
beacon_stream_grid_set_model (BeaconStreamGrid *self,
                              GListModel       *model)
{
  g_return_if_fail (BEACON_IS_STREAM_GRID (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  if (self->flow_box != NULL)
    gtk_flow_box_bind_model (self->flow_box, model, model != NULL ? create_tile : NULL,
                             self, NULL);
  if (model != NULL)
    {
      g_signal_connect_object (model, "items-changed", G_CALLBACK (on_items_changed),
                               self, G_CONNECT_SWAPPED);
      on_items_changed (self, 0, 0, g_list_model_get_n_items (model), model);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

GtkWidget *
beacon_stream_grid_get_tile (BeaconStreamGrid *self,
                             guint             position)
{
  GtkFlowBoxChild *child;

  g_return_val_if_fail (BEACON_IS_STREAM_GRID (self), NULL);

  if ((child = gtk_flow_box_get_child_at_index (self->flow_box, position)) == NULL)
    return NULL;
  return gtk_flow_box_child_get_child (child);
}

void
beacon_stream_grid_focus_tile (BeaconStreamGrid *self,
                               guint             position)
{
  GtkFlowBoxChild *child;

  g_return_if_fail (BEACON_IS_STREAM_GRID (self));

  if ((child = gtk_flow_box_get_child_at_index (self->flow_box, position)) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (child));
}
