/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-context-menu.h: the right-click menu the flame graph and the Top
 * table share: one menu model of the frame actions, so the two cannot
 * drift, in a popover without an arrow, parented to the widget, that opens
 * where the pointer (or the keyboard focus) is. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  SMOLDER_FRAME_MENU_DEFAULT             = 0,
  /* "Zoom in" and "Zoom out" first (the flame graph). */
  SMOLDER_FRAME_MENU_ZOOM                = 1 << 0,
  /* "Show in Flame Graph" before "Copy name" (the Top table). */
  SMOLDER_FRAME_MENU_SHOW_IN_FLAME_GRAPH = 1 << 1,
} SmolderFrameMenuFlags;

/* The frame menu: Focus on, Ignore, Hide, Show only, Show Callers/Callees,
 * Copy name, each "@group.<action>" with <action> the frame-action name
 * ("focus-on", "ignore", "hide", "show", "show-callers") or "copy-name",
 * "show-in-flame-graph", "zoom-in", "zoom-out". Free with g_object_unref. */
GMenuModel *smolder_context_menu_frame_model (const char            *group,
                                              SmolderFrameMenuFlags  flags);

/* A popover menu of @model, parented to @parent: the caller keeps it and
 * unparents it in dispose (gtk_widget_unparent). */
GtkWidget *smolder_context_menu_new   (GtkWidget  *parent,
                                       GMenuModel *model);
/* Opens @menu at (@x, @y) in its parent's coordinates. */
void       smolder_context_menu_popup (GtkWidget  *menu,
                                       double      x,
                                       double      y);

G_END_DECLS
