/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-function-chart.c: the top functions' chart and its pin menu. */
#include "smolder-function-chart.h"

#include <glib/gi18n.h>

struct _SmolderFunctionChart
{
  AdwBin                 parent_instance;

  SmolderFunctionSeries *functions;
  GtkWidget             *chart;
  GtkWidget             *menu;        /* the legend's popover */
  guint                  menu_series; /* the entry it was opened on */
};

G_DEFINE_FINAL_TYPE (SmolderFunctionChart, smolder_function_chart, ADW_TYPE_BIN)

static void
smolder_function_chart_model_cb (SmolderFunctionChart *self)
{
  SmolderTimelineChart *chart = SMOLDER_TIMELINE_CHART (self->chart);
  gboolean follow = smolder_timeline_chart_get_follow_live (chart);
  gint64 t0, t1;

  /* A new set of functions is the same chart: keep the time shown. */
  smolder_timeline_chart_get_range (chart, &t0, &t1);
  smolder_timeline_chart_set_model (chart, smolder_function_series_get_model (self->functions));
  if (!follow)
    smolder_timeline_chart_set_range (chart, t0, t1);
}

gboolean
smolder_function_chart_toggle_pin (SmolderFunctionChart *self,
                                   guint                 series)
{
  SmolderFunctionKind kind;
  const char *name;

  g_return_val_if_fail (SMOLDER_IS_FUNCTION_CHART (self), FALSE);

  name = smolder_function_series_get_function (self->functions, series, &kind);
  if (name == NULL)
    return FALSE;
  return smolder_function_series_set_pinned (self->functions, kind, name,
                                             !smolder_function_series_get_pinned (self->functions, kind, name));
}

static void
smolder_function_chart_pin_activated (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  SmolderFunctionChart *self = SMOLDER_FUNCTION_CHART (widget);

  gtk_popover_popdown (GTK_POPOVER (self->menu));
  if (!smolder_function_chart_toggle_pin (self, self->menu_series))
    {
      GtkWidget *toplevel = GTK_WIDGET (gtk_widget_get_root (widget));

      /* Only the window knows toasts; without one the menu item is the feedback. */
      if (toplevel != NULL)
        gtk_widget_error_bell (toplevel);
    }
}

static void
smolder_function_chart_secondary_cb (SmolderFunctionChart *self,
                                     int                   n_press,
                                     double                x,
                                     double                y,
                                     GtkGestureClick      *click)
{
  SmolderChartLayout *layout = smolder_timeline_chart_get_layout (SMOLDER_TIMELINE_CHART (self->chart));
  g_autoptr(GMenu) menu = g_menu_new ();
  SmolderFunctionKind kind;
  const char *name;
  guint series;
  cairo_rectangle_t r;
  g_autofree char *label = NULL;

  if (layout == NULL)
    return;
  series = smolder_chart_layout_legend_at (layout, x, y);
  name = series != SMOLDER_SERIES_NONE
           ? smolder_function_series_get_function (self->functions, series, &kind) : NULL;
  if (name == NULL || !smolder_chart_layout_get_legend_rect (layout, series, &r))
    return;
  gtk_gesture_set_state (GTK_GESTURE (click), GTK_EVENT_SEQUENCE_CLAIMED);
  self->menu_series = series;
  if (smolder_function_series_get_pinned (self->functions, kind, name))
    /* Translators: the legend's menu; %s is a Go function name. */
    label = g_strdup_printf (_("Unpin “%s”"), name);
  else
    /* Translators: the legend's menu: keep the function in the chart. */
    label = g_strdup_printf (_("Pin “%s”"), name);
  g_menu_append (menu, label, "functions.toggle-pin");
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), G_MENU_MODEL (menu));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu),
                               &(GdkRectangle) { r.x, r.y, r.width, r.height });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
smolder_function_chart_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  SmolderFunctionChart *self = SMOLDER_FUNCTION_CHART (widget);

  GTK_WIDGET_CLASS (smolder_function_chart_parent_class)->size_allocate (widget, width, height, baseline);
  /* A popover's parent places it. */
  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));
}

static void
smolder_function_chart_dispose (GObject *object)
{
  SmolderFunctionChart *self = SMOLDER_FUNCTION_CHART (object);

  if (self->functions != NULL)
    g_signal_handlers_disconnect_by_data (self->functions, self);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  adw_bin_set_child (ADW_BIN (self), NULL);
  G_OBJECT_CLASS (smolder_function_chart_parent_class)->dispose (object);
}

static void
smolder_function_chart_finalize (GObject *object)
{
  SmolderFunctionChart *self = SMOLDER_FUNCTION_CHART (object);

  g_clear_object (&self->functions);
  G_OBJECT_CLASS (smolder_function_chart_parent_class)->finalize (object);
}

static void
smolder_function_chart_class_init (SmolderFunctionChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smolder_function_chart_dispose;
  object_class->finalize = smolder_function_chart_finalize;
  widget_class->size_allocate = smolder_function_chart_size_allocate;
  gtk_widget_class_install_action (widget_class, "functions.toggle-pin", NULL,
                                   smolder_function_chart_pin_activated);
}

static void
smolder_function_chart_init (SmolderFunctionChart *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->chart = smolder_timeline_chart_new ();
  gtk_widget_set_tooltip_text (self->chart, NULL);
  adw_bin_set_child (ADW_BIN (self), self->chart);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Top functions: in-use bytes and goroutines over time"), -1);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (smolder_function_chart_secondary_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->chart, GTK_EVENT_CONTROLLER (click));

  self->menu = gtk_popover_menu_new_from_model (NULL);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), TRUE);
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
}

GtkWidget *
smolder_function_chart_new (SmolderFunctionSeries *functions)
{
  SmolderFunctionChart *self;

  g_return_val_if_fail (SMOLDER_IS_FUNCTION_SERIES (functions), NULL);

  self = g_object_new (SMOLDER_TYPE_FUNCTION_CHART, NULL);
  self->functions = g_object_ref (functions);
  g_signal_connect_object (functions, "notify::model", G_CALLBACK (smolder_function_chart_model_cb),
                           self, G_CONNECT_SWAPPED);
  smolder_function_chart_model_cb (self);
  return GTK_WIDGET (self);
}

SmolderFunctionSeries *
smolder_function_chart_get_functions (SmolderFunctionChart *self)
{
  g_return_val_if_fail (SMOLDER_IS_FUNCTION_CHART (self), NULL);
  return self->functions;
}

SmolderTimelineChart *
smolder_function_chart_get_chart (SmolderFunctionChart *self)
{
  g_return_val_if_fail (SMOLDER_IS_FUNCTION_CHART (self), NULL);
  return SMOLDER_TIMELINE_CHART (self->chart);
}
