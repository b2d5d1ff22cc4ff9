/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-context-menu.c: see the header. */

#include "smolder-context-menu.h"

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
