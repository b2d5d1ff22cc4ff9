/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-top-view-columns.c: the Top table's columns (flat, flat %, cum,
 * cum %, name), their cells in human units, sorting, and the context menu
 * of a row. */

#include <string.h>

#include <glib/gi18n.h>

#include "smolder-context-menu.h"
#include "smolder-top-item.h"
#include "smolder-top-view-private.h"
#include "smolder-units.h"

static char *
format_percent (gint64 value,
                gint64 total)
{
  double pct;

  if (total == 0)
    return g_strdup ("");
  if (value == 0)
    return g_strdup ("0%");
  if (value == total)
    return g_strdup ("100%");

  pct = 100.0 * (double) value / (double) ABS (total);
  return g_strdup_printf ("%.2f%%", pct);
}

void
_smolder_top_view_invalidate_sums (SmolderTopView *self)
{
  g_clear_pointer (&self->sum_flat, g_array_unref);
}

/* pprof's sum%: flat of this row and every row above it, in the order shown. */
static gint64
sum_flat_at (SmolderTopView *self,
             guint           position)
{
  if (self->sum_flat == NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
      gint64 sum = 0;

      self->sum_flat = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SmolderTopItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

          sum += smolder_top_item_get_flat (item);
          g_array_append_val (self->sum_flat, sum);
        }
    }
  return position < self->sum_flat->len ? g_array_index (self->sum_flat, gint64, position) : 0;
}

/* The full name, only when the cell shows it ellipsized. */
static gboolean
smolder_top_view_name_query_tooltip_cb (GtkWidget  *widget,
                                        int         x,
                                        int         y,
                                        gboolean    keyboard_mode,
                                        GtkTooltip *tooltip,
                                        gpointer    user_data)
{
  GtkInscription *label = GTK_INSCRIPTION (widget);
  const char *text = gtk_inscription_get_text (label);
  PangoLayout *layout;
  int text_width;

  if (text == NULL || text[0] == '\0')
    return FALSE;

  layout = gtk_widget_create_pango_layout (widget, text);
  pango_layout_get_pixel_size (layout, &text_width, NULL);
  g_object_unref (layout);

  if (text_width <= gtk_widget_get_width (widget))
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
smolder_top_view_popup_menu (SmolderTopView *self,
                             double          x,
                             double          y)
{
  if (self->context_menu == NULL)
    {
      g_autoptr(GMenuModel) menu = smolder_context_menu_frame_model ("top", SMOLDER_FRAME_MENU_SHOW_IN_FLAME_GRAPH);

      self->context_menu = smolder_context_menu_new (GTK_WIDGET (self), menu);
    }

  smolder_context_menu_popup (self->context_menu, x, y);
}

static void
smolder_top_view_menu_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  SmolderTopView *self = SMOLDER_TOP_VIEW (widget);
  const char *action = action_name + strlen ("top.");

  if (self->menu_name == NULL)
    return;

  if (g_str_equal (action, "copy-name"))
    {
      gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->menu_name);
      return;
    }
  if (g_str_equal (action, "show-in-flame-graph"))
    {
      guint frame = SMOLDER_NO_ID;

      if (self->top != NULL)
        smolder_frames_lookup (smolder_top_get_frames (self->top), self->menu_name, &frame);
      _smolder_top_view_emit_frame_activated (self, frame, self->menu_name);
      return;
    }
  _smolder_top_view_emit_frame_action (self, action, self->menu_name);
}

static void
smolder_top_view_cell_pressed_cb (SmolderTopView *self,
                                  int             n_press,
                                  double          x,
                                  double          y,
                                  GtkGesture     *gesture)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (gesture), "smolder-list-item");
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  SmolderTopItem *item = gtk_list_item_get_item (list_item);
  guint position = gtk_list_item_get_position (list_item);
  graphene_point_t point;

  if (item == NULL)
    return;

  gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_single_selection_set_selected (self->selection, position);
  g_free (self->menu_name);
  self->menu_name = g_strdup (smolder_top_item_get_name (item));

  if (!gtk_widget_compute_point (cell, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &point))
    point = GRAPHENE_POINT_INIT (0, 0);
  smolder_top_view_popup_menu (self, point.x, point.y);
}

/* The name cell showing row @position, if it is on screen. */
static GtkWidget *
find_name_cell (GtkWidget *widget,
                guint      position)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (widget), "smolder-name-item");

  if (list_item != NULL && gtk_list_item_get_item (list_item) != NULL
      && gtk_list_item_get_position (list_item) == position)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_name_cell (child, position);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Menu or Shift+F10: the selected row's menu, at its name. */
static void
smolder_top_view_context_menu_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *param)
{
  SmolderTopView *self = SMOLDER_TOP_VIEW (widget);
  SmolderTopItem *item = gtk_single_selection_get_selected_item (self->selection);
  guint position = gtk_single_selection_get_selected (self->selection);
  graphene_point_t point = GRAPHENE_POINT_INIT (0, 0);
  GtkWidget *cell;

  if (item == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  g_free (self->menu_name);
  self->menu_name = g_strdup (smolder_top_item_get_name (item));

  cell = find_name_cell (GTK_WIDGET (self->column_view), position);
  if (cell == NULL
      || !gtk_widget_compute_point (cell, widget,
                                    &GRAPHENE_POINT_INIT (MIN (24, gtk_widget_get_width (cell) / 2),
                                                          gtk_widget_get_height (cell) / 2),
                                    &point))
    point = GRAPHENE_POINT_INIT (24, 24);
  smolder_top_view_popup_menu (self, point.x, point.y);
}

static void
smolder_top_view_setup_cb (SmolderTopView           *self,
                           GtkListItem              *list_item,
                           GtkSignalListItemFactory *factory)
{
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "smolder-column"));
  GtkWidget *label = gtk_inscription_new (NULL);

  if (column == COLUMN_NAME)
    {
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), 24);
      gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label), 60);
      gtk_inscription_set_text_overflow (GTK_INSCRIPTION (label),
                                         GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_MIDDLE);
      gtk_widget_set_has_tooltip (label, TRUE);
      g_object_set_data (G_OBJECT (label), "smolder-name-item", list_item);
      g_signal_connect (label, "query-tooltip",
                        G_CALLBACK (smolder_top_view_name_query_tooltip_cb), NULL);
    }
  else
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (label), 1.0);
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), 8);
      gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label), 10);
      gtk_widget_add_css_class (label, "numeric");
    }

  /* Right-click on any cell of a row: that row's context menu. */
  {
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
    g_object_set_data (G_OBJECT (click), "smolder-list-item", list_item);
    g_signal_connect_object (click, "pressed",
                             G_CALLBACK (smolder_top_view_cell_pressed_cb),
                             self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (click));
  }

  gtk_list_item_set_child (list_item, label);
}

static void
smolder_top_view_bind_cb (SmolderTopView           *self,
                          GtkListItem              *list_item,
                          GtkSignalListItemFactory *factory)
{
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "smolder-column"));
  SmolderTopItem *item = gtk_list_item_get_item (list_item);
  GtkInscription *label = GTK_INSCRIPTION (gtk_list_item_get_child (list_item));
  g_autofree char *text = NULL;

  switch (column)
    {
    case COLUMN_FLAT:
      text = smolder_units_format (smolder_top_item_get_flat (item), self->unit);
      break;
    case COLUMN_FLAT_PERCENT:
      text = format_percent (smolder_top_item_get_flat (item), self->total);
      break;
    case COLUMN_SUM_PERCENT:
      text = format_percent (sum_flat_at (self, gtk_list_item_get_position (list_item)), self->total);
      break;
    case COLUMN_CUM:
      text = smolder_units_format (smolder_top_item_get_cum (item), self->unit);
      break;
    case COLUMN_CUM_PERCENT:
      text = format_percent (smolder_top_item_get_cum (item), self->total);
      break;
    case COLUMN_NAME:
    default:
      /* Plain text: names are never markup. */
      gtk_inscription_set_text (label, smolder_top_item_get_name (item));
      return;
    }

  gtk_inscription_set_text (label, text);
}

/* Numbers sort largest first on the first click, as in pprof: GTK's first
 * click sorts "ascending", so their order is reversed here. */
static int
compare_flat (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  gint64 fa = smolder_top_item_get_flat ((SmolderTopItem *) a);
  gint64 fb = smolder_top_item_get_flat ((SmolderTopItem *) b);

  return (fa < fb) - (fa > fb);
}

static int
compare_cum (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  gint64 ca = smolder_top_item_get_cum ((SmolderTopItem *) a);
  gint64 cb = smolder_top_item_get_cum ((SmolderTopItem *) b);

  return (ca < cb) - (ca > cb);
}


static int
compare_name (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  int cmp = strcmp (smolder_top_item_get_name ((SmolderTopItem *) a),
                    smolder_top_item_get_name ((SmolderTopItem *) b));

  return (cmp > 0) - (cmp < 0);
}

static GtkColumnViewColumn *
smolder_top_view_add_column (SmolderTopView   *self,
                             Column            column,
                             const char       *title,
                             GCompareDataFunc  compare)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSorter) sorter = compare != NULL ? GTK_SORTER (gtk_custom_sorter_new (compare, NULL, NULL)) : NULL;
  GtkColumnViewColumn *col;

  g_object_set_data (G_OBJECT (factory), "smolder-column", GUINT_TO_POINTER (column));
  g_signal_connect_object (factory, "setup", G_CALLBACK (smolder_top_view_setup_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "bind", G_CALLBACK (smolder_top_view_bind_cb),
                           self, G_CONNECT_SWAPPED);

  col = gtk_column_view_column_new (title, factory);
  if (sorter != NULL)
    gtk_column_view_column_set_sorter (col, sorter);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_column_set_expand (col, column == COLUMN_NAME);
  gtk_column_view_append_column (self->column_view, col);
  g_object_unref (col);  /* the view holds it */

  return col;
}

/* The columns, in order; returns Flat, the initial sort. */
GtkColumnViewColumn *
_smolder_top_view_add_columns (SmolderTopView *self)
{
  GtkColumnViewColumn *flat;

  flat = smolder_top_view_add_column (self, COLUMN_FLAT, _("Flat"), compare_flat);
  smolder_top_view_add_column (self, COLUMN_FLAT_PERCENT, _("Flat %"), compare_flat);
  smolder_top_view_add_column (self, COLUMN_SUM_PERCENT, _("Sum %"), NULL);
  smolder_top_view_add_column (self, COLUMN_CUM, _("Cum"), compare_cum);
  smolder_top_view_add_column (self, COLUMN_CUM_PERCENT, _("Cum %"), compare_cum);
  smolder_top_view_add_column (self, COLUMN_NAME, _("Name"), compare_name);
  return flat;
}

void
_smolder_top_view_class_init_menu (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "top.focus-on", NULL, smolder_top_view_menu_action);
  gtk_widget_class_install_action (widget_class, "top.ignore", NULL, smolder_top_view_menu_action);
  gtk_widget_class_install_action (widget_class, "top.hide", NULL, smolder_top_view_menu_action);
  gtk_widget_class_install_action (widget_class, "top.show", NULL, smolder_top_view_menu_action);
  gtk_widget_class_install_action (widget_class, "top.show-callers", NULL, smolder_top_view_menu_action);
  gtk_widget_class_install_action (widget_class, "top.show-in-flame-graph", NULL, smolder_top_view_menu_action);
  gtk_widget_class_install_action (widget_class, "top.copy-name", NULL, smolder_top_view_menu_action);
  gtk_widget_class_install_action (widget_class, "top.context-menu", NULL, smolder_top_view_context_menu_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "top.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "top.context-menu", NULL);
}
