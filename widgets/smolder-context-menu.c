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
  return menu;
}

void
smolder_context_menu_popup (GtkWidget *menu,
                            double     x,
                            double     y)
{
  g_return_if_fail (GTK_IS_POPOVER (menu));

  gtk_popover_set_pointing_to (GTK_POPOVER (menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (menu));
}
