/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-widget-style.h: what the custom widgets ask of the GTK style. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* TRUE when @widget's foreground is light, i.e. the style is dark: the
 * painters pick their palette from this. */
gboolean smolder_widget_style_is_dark (GtkWidget *widget);

G_END_DECLS
