/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-context-menu.h: the right-click menu the flame graph and the Top
 * table share: a popover without an arrow, parented to the widget, that
 * opens where the pointer (or the keyboard focus) is. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A popover menu of @model, parented to @parent: the caller keeps it and
 * unparents it in dispose (gtk_widget_unparent). */
GtkWidget *smolder_context_menu_new   (GtkWidget  *parent,
                                       GMenuModel *model);
/* Opens @menu at (@x, @y) in its parent's coordinates. */
void       smolder_context_menu_popup (GtkWidget  *menu,
                                       double      x,
                                       double      y);

G_END_DECLS
