/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-context-menu.c: see the header. */

#include <glib/gi18n.h>

#include "smolder-context-menu.h"

static void
append_item (GMenu      *section,
             const char *label,
             const char *group,
             const char *action)
{
  g_autofree char *detailed = g_strconcat (group, ".", action, NULL);

  g_menu_append (section, label, detailed);
}

GMenuModel *
smolder_context_menu_frame_model (const char            *group,
                                  SmolderFrameMenuFlags  flags)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) filters = g_menu_new ();
  g_autoptr(GMenu) other = g_menu_new ();

  g_return_val_if_fail (group != NULL, NULL);

  /* Sentence capitalisation; "Callers/Callees" and "Flame Graph" are the
   * titles of the views they go to. */
  if (flags & SMOLDER_FRAME_MENU_ZOOM)
    {
      g_autoptr(GMenu) zoom = g_menu_new ();

      append_item (zoom, _("_Zoom in"), group, "zoom-in");
      append_item (zoom, _("Zoom _out"), group, "zoom-out");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (zoom));
    }

  append_item (filters, _("_Focus on"), group, "focus-on");
  append_item (filters, _("_Ignore"), group, "ignore");
  append_item (filters, _("_Hide"), group, "hide");
  append_item (filters, _("_Show only"), group, "show");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (filters));

  append_item (other, _("Show _Callers/Callees"), group, "show-callers");
  if (flags & SMOLDER_FRAME_MENU_SHOW_IN_FLAME_GRAPH)
    append_item (other, _("Show in Flame _Graph"), group, "show-in-flame-graph");
  append_item (other, _("Copy _name"), group, "copy-name");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (other));

  return G_MENU_MODEL (menu);
}

/* The widget that had the focus before the menu opened. */
typedef struct {
  GWeakRef widget;
} ReturnFocus;

static void
return_focus_free (gpointer data)
{
  ReturnFocus *rf = data;

  g_weak_ref_clear (&rf->widget);
  g_free (rf);
}

static gboolean
return_focus_idle_cb (gpointer data)
{
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&((ReturnFocus *) data)->widget);

  /* Not when an item went elsewhere (another view): it is hidden then. */
  if (widget != NULL && gtk_widget_get_mapped (widget))
    gtk_widget_grab_focus (widget);
  return G_SOURCE_REMOVE;
}

/* Closing the menu (Esc, a click outside, an item) gives the focus back
 * to where it was; GTK would otherwise move it to the first focusable
 * widget of the window (the Open button). After GTK's own move: idle. */
static void
smolder_context_menu_closed_cb (GtkPopover *menu)
{
  ReturnFocus *rf = g_object_get_data (G_OBJECT (menu), "smolder-return-focus");
  GtkWidget *widget;
  ReturnFocus *copy;

  if (rf == NULL || (widget = g_weak_ref_get (&rf->widget)) == NULL)
    return;
  copy = g_new0 (ReturnFocus, 1);
  g_weak_ref_init (&copy->widget, widget);
  g_object_unref (widget);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, return_focus_idle_cb, copy, return_focus_free);
}

GtkWidget *
smolder_context_menu_new (GtkWidget  *parent,
                          GMenuModel *model)
{
  GtkWidget *menu;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (G_IS_MENU_MODEL (model), NULL);

  menu = gtk_popover_menu_new_from_model (model);
  gtk_popover_set_has_arrow (GTK_POPOVER (menu), FALSE);
  gtk_widget_set_halign (menu, GTK_ALIGN_START);
  gtk_widget_set_parent (menu, parent);
  g_signal_connect (menu, "closed", G_CALLBACK (smolder_context_menu_closed_cb), NULL);
  return menu;
}

void
smolder_context_menu_popup (GtkWidget *menu,
                            double     x,
                            double     y)
{
  g_return_if_fail (GTK_IS_POPOVER (menu));

  {
    GtkRoot *root = gtk_widget_get_root (menu);
    GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
    ReturnFocus *rf = g_new0 (ReturnFocus, 1);

    g_weak_ref_init (&rf->widget, focus);
    g_object_set_data_full (G_OBJECT (menu), "smolder-return-focus", rf, return_focus_free);
  }
  gtk_popover_set_pointing_to (GTK_POPOVER (menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (menu));
}
