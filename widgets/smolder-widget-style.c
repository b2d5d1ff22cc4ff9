/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-widget-style.c: the style questions every custom widget asks. */
#include "smolder-widget-style.h"

gboolean
smolder_widget_style_is_dark (GtkWidget *widget)
{
  GdkRGBA fg;

  /* Light text means a dark style; gtk_widget_get_color() is GTK 4.10. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return 0.2126 * fg.red + 0.7152 * fg.green + 0.0722 * fg.blue > 0.5;
}
