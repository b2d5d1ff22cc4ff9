/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-flame-legend.h: a button opening the flame graph's colour
 * legend: the packages shown, largest first, each with the colour its bars
 * are painted in and its share; activating one asks for a search of it. */
#pragma once

#include <gtk/gtk.h>

#include "smolder-flame-packages.h"

G_BEGIN_DECLS

#define SMOLDER_TYPE_FLAME_LEGEND (smolder_flame_legend_get_type ())
G_DECLARE_FINAL_TYPE (SmolderFlameLegend, smolder_flame_legend, SMOLDER, FLAME_LEGEND, GtkWidget)

GtkWidget       *smolder_flame_legend_new           (void);

SmolderCallTree *smolder_flame_legend_get_call_tree (SmolderFlameLegend *self);
/* The list is built when the popover opens (or for the getters below). */
void             smolder_flame_legend_set_call_tree (SmolderFlameLegend *self,
                                                     SmolderCallTree    *tree);

/* The packages listed (SmolderFlamePackage), in order; NULL without a tree. */
GPtrArray       *smolder_flame_legend_get_packages  (SmolderFlameLegend *self);
GtkMenuButton   *smolder_flame_legend_get_button    (SmolderFlameLegend *self);
GtkListBox      *smolder_flame_legend_get_list      (SmolderFlameLegend *self);

G_END_DECLS
