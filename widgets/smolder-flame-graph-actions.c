/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-flame-graph-actions.c: what the flame graph does on input: the
 * pointer (hover, click to zoom, scroll), the keyboard (moving the focus
 * between frames), its actions ("flame.*", with their keys) and the
 * context menu. */

#include <string.h>

#include "smolder-context-menu.h"
#include "smolder-flame-graph-private.h"

/* --- which actions apply --- */

void
_smolder_flame_graph_update_actions (SmolderFlameGraph *self)
{
  gboolean has_node = node_valid (self, self->focus) && self->focus != 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flame.zoom-out", self->zoom_root != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flame.zoom-in", node_valid (self, self->focus));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flame.focus-on", has_node);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flame.ignore", has_node);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flame.hide", has_node);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flame.show", has_node);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flame.show-callers", has_node);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flame.copy-name", has_node);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flame.context-menu", node_valid (self, self->focus));
}

static void
zoom_out (SmolderFlameGraph *self)
{
  guint32 parent;

  if (self->tree == NULL || self->zoom_root == 0)
    return;
  parent = smolder_call_tree_get_parent (self->tree, self->zoom_root);
  _smolder_flame_graph_zoom_to (self, parent != SMOLDER_NO_ID ? parent : 0);
}

/* --- input --- */

static void
smolder_flame_graph_motion_cb (SmolderFlameGraph        *self,
                               double                    x,
                               double                    y,
                               GtkEventControllerMotion *motion)
{
  SmolderFlameLayout *layout = _smolder_flame_graph_ensure_layout (self);

  _smolder_flame_graph_set_hover (self, layout != NULL ? smolder_flame_layout_hit_test (layout, x, y)
                                                       : SMOLDER_NO_ID);
}

static void
smolder_flame_graph_leave_cb (SmolderFlameGraph        *self,
                              GtkEventControllerMotion *motion)
{
  _smolder_flame_graph_set_hover (self, SMOLDER_NO_ID);
}

/* The hover tooltip comes back with the next motion after the menu. */
static void
smolder_flame_graph_context_menu_closed_cb (SmolderFlameGraph *self)
{
  self->hover = SMOLDER_NO_ID;
}

static void
popup_context_menu (SmolderFlameGraph *self,
                    double             x,
                    double             y)
{
  if (self->context_menu == NULL)
    {
      g_autoptr(GMenuModel) menu = smolder_context_menu_frame_model ("flame", SMOLDER_FRAME_MENU_ZOOM);

      self->context_menu = smolder_context_menu_new (GTK_WIDGET (self), menu);
      g_signal_connect_object (self->context_menu, "closed",
                               G_CALLBACK (smolder_flame_graph_context_menu_closed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  smolder_context_menu_popup (self->context_menu, x, y);
  /* The tooltip would cover the menu's items (_set_hover shows none
   * while the menu is up). */
  _smolder_flame_graph_set_hover (self, SMOLDER_NO_ID);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
}

static void
smolder_flame_graph_click_pressed_cb (SmolderFlameGraph *self,
                                      int                n_press,
                                      double             x,
                                      double             y,
                                      GtkGestureClick   *click)
{
  SmolderFlameLayout *layout = _smolder_flame_graph_ensure_layout (self);
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (click));
  guint32 node;

  if (layout == NULL)
    return;
  node = smolder_flame_layout_hit_test (layout, x, y);
  gtk_widget_grab_focus (GTK_WIDGET (self));

  if (button == GDK_BUTTON_SECONDARY)
    {
      if (node != SMOLDER_NO_ID)
        {
          smolder_flame_graph_set_focus_node (self, node);
          popup_context_menu (self, x, y);
        }
      gtk_gesture_set_state (GTK_GESTURE (click), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }

  /* Button 0: a click synthesized by a test or an accessibility tool. */
  if ((button == GDK_BUTTON_PRIMARY || button == 0) && node != SMOLDER_NO_ID)
    {
      /* The zoom root or an ancestor bar zooms out to it; a frame below zooms in. */
      _smolder_flame_graph_zoom_to (self, node);
      gtk_gesture_set_state (GTK_GESTURE (click), GTK_EVENT_SEQUENCE_CLAIMED);
    }
}

static gboolean
smolder_flame_graph_scroll_cb (SmolderFlameGraph        *self,
                               double                    dx,
                               double                    dy,
                               GtkEventControllerScroll *scroll)
{
  double step = 3 * SMOLDER_FLAME_DEFAULT_ROW_HEIGHT;
  double value;

  if (_smolder_flame_graph_max_scroll (self) <= 0)
    return FALSE;
  /* Scrolling up walks toward the leaves in a flame (they are on top). */
  value = self->orientation == SMOLDER_FLAME_ORIENTATION_FLAME ? self->scroll - dy * step
                                                               : self->scroll + dy * step;
  value = CLAMP (value, 0.0, _smolder_flame_graph_max_scroll (self));
  if (value != self->scroll)
    {
      self->scroll = value;
      _smolder_flame_graph_set_hover (self, SMOLDER_NO_ID);
      _smolder_flame_graph_invalidate_layout (self);
    }
  return TRUE;
}

static void
smolder_flame_graph_focus_changed_cb (SmolderFlameGraph *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* --- keyboard --- */

typedef enum {
  MOVE_PARENT,
  MOVE_CHILD,
  MOVE_PREV,
  MOVE_NEXT,
} Move;

static guint32
widest_shown_child (SmolderFlameGraph  *self,
                    SmolderFlameLayout *layout,
                    guint32             node)
{
  guint32 best = SMOLDER_NO_ID;
  double best_width = -1;

  /* Below an ancestor bar, the only child on screen is on the zoom path. */
  for (guint32 c = smolder_call_tree_get_first_child (self->tree, node);
       c != SMOLDER_NO_ID;
       c = smolder_call_tree_get_next_sibling (self->tree, c))
    {
      const SmolderFlameRect *r = smolder_flame_layout_lookup (layout, c);

      if (r != NULL && r->width > best_width)
        {
          best = c;
          best_width = r->width;
        }
    }
  return best;
}

static void
move_focus (SmolderFlameGraph *self,
            Move               move)
{
  SmolderFlameLayout *layout = _smolder_flame_graph_ensure_layout (self);
  const SmolderFlameRect *r;
  guint32 target = SMOLDER_NO_ID;

  if (layout == NULL)
    return;
  if (!node_valid (self, self->focus) || smolder_flame_layout_lookup (layout, self->focus) == NULL)
    {
      smolder_flame_graph_set_focus_node (self, self->zoom_root);
      return;
    }

  switch (move)
    {
    case MOVE_PARENT:
      target = smolder_call_tree_get_parent (self->tree, self->focus);
      break;
    case MOVE_CHILD:
      target = widest_shown_child (self, layout, self->focus);
      break;
    case MOVE_PREV:
    case MOVE_NEXT:
      {
        const SmolderFlameRect *rects;
        guint n, i;

        r = smolder_flame_layout_lookup (layout, self->focus);
        rects = smolder_flame_layout_get_row_rects (layout, r->row, &n);
        i = r - rects;
        if (move == MOVE_PREV && i > 0)
          target = rects[i - 1].node;
        else if (move == MOVE_NEXT && i + 1 < n)
          target = rects[i + 1].node;
      }
      break;
    default:
      g_assert_not_reached ();
    }

  if (target != SMOLDER_NO_ID && smolder_flame_layout_lookup (layout, target) != NULL)
    smolder_flame_graph_set_focus_node (self, target);
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static gboolean
key_up_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  SmolderFlameGraph *self = SMOLDER_FLAME_GRAPH (widget);

  move_focus (self, self->orientation == SMOLDER_FLAME_ORIENTATION_FLAME ? MOVE_CHILD : MOVE_PARENT);
  return TRUE;
}

static gboolean
key_down_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  SmolderFlameGraph *self = SMOLDER_FLAME_GRAPH (widget);

  move_focus (self, self->orientation == SMOLDER_FLAME_ORIENTATION_FLAME ? MOVE_PARENT : MOVE_CHILD);
  return TRUE;
}

static gboolean
key_left_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  move_focus (SMOLDER_FLAME_GRAPH (widget), MOVE_PREV);
  return TRUE;
}

static gboolean
key_right_cb (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  move_focus (SMOLDER_FLAME_GRAPH (widget), MOVE_NEXT);
  return TRUE;
}

/* --- actions --- */

static void
action_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *param)
{
  SmolderFlameGraph *self = SMOLDER_FLAME_GRAPH (widget);

  if (g_str_equal (action_name, "flame.zoom-out"))
    zoom_out (self);
  else if (g_str_equal (action_name, "flame.zoom-in"))
    _smolder_flame_graph_zoom_to (self, self->focus);
  else if (g_str_equal (action_name, "flame.copy-name"))
    {
      if (node_valid (self, self->focus))
        {
          g_autofree char *name = g_utf8_make_valid (smolder_call_tree_get_name (self->tree, self->focus), -1);

          gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), name);
        }
    }
  else if (g_str_equal (action_name, "flame.context-menu"))
    {
      SmolderFlameLayout *layout = _smolder_flame_graph_ensure_layout (self);
      const SmolderFlameRect *r;

      if (layout != NULL && (r = smolder_flame_layout_lookup (layout, self->focus)) != NULL)
        popup_context_menu (self, r->x + MIN (r->width / 2, 24),
                            smolder_flame_layout_get_row_y (layout, r->row) + SMOLDER_FLAME_DEFAULT_ROW_HEIGHT / 2);
    }
  else if (g_str_has_prefix (action_name, "flame."))
    _smolder_flame_graph_emit_frame_action (self, action_name + strlen ("flame."));
}

/* --- wiring --- */

void
_smolder_flame_graph_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "flame.zoom-out", NULL, action_cb);
  gtk_widget_class_install_action (widget_class, "flame.zoom-in", NULL, action_cb);
  gtk_widget_class_install_action (widget_class, "flame.focus-on", NULL, action_cb);
  gtk_widget_class_install_action (widget_class, "flame.ignore", NULL, action_cb);
  gtk_widget_class_install_action (widget_class, "flame.hide", NULL, action_cb);
  gtk_widget_class_install_action (widget_class, "flame.show", NULL, action_cb);
  gtk_widget_class_install_action (widget_class, "flame.copy-name", NULL, action_cb);
  gtk_widget_class_install_action (widget_class, "flame.show-callers", NULL, action_cb);
  gtk_widget_class_install_action (widget_class, "flame.context-menu", NULL, action_cb);

  /* The menu shows the key bound last to an action: Esc and Enter. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "flame.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "flame.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "flame.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "flame.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "flame.copy-name", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "flame.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "flame.context-menu", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, 0, key_up_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Up, 0, key_up_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, 0, key_down_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Down, 0, key_down_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, 0, key_left_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Left, 0, key_left_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, 0, key_right_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Right, 0, key_right_cb, NULL);
}

void
_smolder_flame_graph_init_input (SmolderFlameGraph *self)
{
  GtkEventController *motion, *scroll, *focus;
  GtkGesture *click;

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "enter", G_CALLBACK (smolder_flame_graph_motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "motion", G_CALLBACK (smolder_flame_graph_motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (smolder_flame_graph_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect_object (click, "pressed", G_CALLBACK (smolder_flame_graph_click_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_object (scroll, "scroll", G_CALLBACK (smolder_flame_graph_scroll_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "enter", G_CALLBACK (smolder_flame_graph_focus_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (smolder_flame_graph_focus_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}
