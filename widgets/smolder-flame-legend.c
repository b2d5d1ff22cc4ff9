/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-flame-legend.c: the colour legend of a flame graph. */

#include "smolder-flame-legend.h"
#include "smolder-widget-style.h"

#include <glib/gi18n.h>

/* Enough to name what dominates; the rest is one "n more" line. */
#define MAX_ROWS 40

struct _SmolderFlameLegend
{
  GtkWidget parent_instance;

  /* widgets */
  GtkMenuButton *button;
  GtkPopover    *popover;
  GtkListBox    *list;

  /* owned */
  SmolderCallTree *tree;
  GPtrArray       *packages;   /* SmolderFlamePackage; NULL until needed */

  /* state */
  gboolean dark;               /* the style the packages were coloured for */
};

enum {
  PROP_0,
  PROP_CALL_TREE,
  N_PROPS
};

enum {
  PACKAGE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SmolderFlameLegend, smolder_flame_legend, GTK_TYPE_WIDGET)

static void
swatch_draw (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  const SmolderFlamePackage *p = user_data;

  cairo_rectangle (cr, 0, 0, width, height);
  cairo_set_source_rgb (cr, p->color.fill.red, p->color.fill.green, p->color.fill.blue);
  cairo_fill (cr);
}

static GtkWidget *
create_row (const SmolderFlamePackage *p,
            gint64                     total)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *swatch = gtk_drawing_area_new ();
  GtkWidget *name = gtk_label_new (p->name);
  g_autofree char *share = NULL;
  GtkWidget *share_label;

  if (total != 0)
    share = g_strdup_printf ("%.1f%%", 100.0 * (double) p->self / (double) ABS (total));
  else
    share = g_strdup ("-");
  share_label = gtk_label_new (share);

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 16);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 16);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  /* The package outlives the row: the legend keeps the array until the
   * list is rebuilt, which removes the rows first. */
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), swatch_draw, (gpointer) p, NULL);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_START);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 40);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (share_label, "numeric");
  gtk_widget_add_css_class (share_label, "dim-label");
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), share_label);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, _("Search for this package’s frames"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, p->name, -1);
  return row;
}

static void
smolder_flame_legend_rebuild (SmolderFlameLegend *self)
{
  gint64 total;

  if (self->packages == NULL)
    return;

  total = smolder_call_tree_get_n_nodes (self->tree) > 0 ? smolder_call_tree_get_total (self->tree, 0) : 0;
  for (guint i = 0; i < self->packages->len && i < MAX_ROWS; i++)
    gtk_list_box_append (self->list, create_row (self->packages->pdata[i], total));
  if (self->packages->len > MAX_ROWS)
    {
      guint more = self->packages->len - MAX_ROWS;
      g_autofree char *text = g_strdup_printf (g_dngettext (NULL, "%u more package", "%u more packages", more), more);
      GtkWidget *label = gtk_label_new (text);
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->list, row);
    }
}

/* Rows point at the packages: they go first. */
static void
smolder_flame_legend_clear (SmolderFlameLegend *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->packages, g_ptr_array_unref);
}

/* Built on demand: a linear walk of the tree, done when asked for. */
static void
smolder_flame_legend_ensure (SmolderFlameLegend *self)
{
  gboolean dark = smolder_widget_style_is_dark (GTK_WIDGET (self));

  if (self->packages != NULL && self->dark == dark)
    return;
  if (self->tree == NULL)
    return;
  smolder_flame_legend_clear (self);
  self->dark = dark;
  self->packages = smolder_flame_packages_collect (self->tree, dark);
  smolder_flame_legend_rebuild (self);
}

static void
smolder_flame_legend_popover_show_cb (SmolderFlameLegend *self)
{
  smolder_flame_legend_ensure (self);
}

static void
smolder_flame_legend_row_activated_cb (SmolderFlameLegend *self,
                                       GtkListBoxRow      *row)
{
  int index = gtk_list_box_row_get_index (row);
  const SmolderFlamePackage *p;

  if (self->packages == NULL || index < 0 || (guint) index >= self->packages->len || index >= MAX_ROWS)
    return;
  p = self->packages->pdata[index];
  gtk_popover_popdown (self->popover);
  g_signal_emit (self, signals[PACKAGE_ACTIVATED], 0, p->name, p->regex);
}

static void
smolder_flame_legend_dispose (GObject *object)
{
  SmolderFlameLegend *self = SMOLDER_FLAME_LEGEND (object);

  if (self->button != NULL)
    {
      smolder_flame_legend_clear (self);
      g_clear_pointer ((GtkWidget **) &self->button, gtk_widget_unparent);
      self->list = NULL;
      self->popover = NULL;
    }
  g_clear_pointer (&self->packages, g_ptr_array_unref);
  g_clear_object (&self->tree);
  G_OBJECT_CLASS (smolder_flame_legend_parent_class)->dispose (object);
}

static void
smolder_flame_legend_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SmolderFlameLegend *self = SMOLDER_FLAME_LEGEND (object);

  switch (prop_id)
    {
    case PROP_CALL_TREE:
      g_value_set_object (value, self->tree);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smolder_flame_legend_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SmolderFlameLegend *self = SMOLDER_FLAME_LEGEND (object);

  switch (prop_id)
    {
    case PROP_CALL_TREE:
      smolder_flame_legend_set_call_tree (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smolder_flame_legend_class_init (SmolderFlameLegendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smolder_flame_legend_dispose;
  object_class->get_property = smolder_flame_legend_get_property;
  object_class->set_property = smolder_flame_legend_set_property;

  properties[PROP_CALL_TREE] =
    g_param_spec_object ("call-tree", NULL, NULL, SMOLDER_TYPE_CALL_TREE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* ::package-activated (name, regex): the user picked a package. */
  signals[PACKAGE_ACTIVATED] =
    g_signal_new ("package-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "smolder-flame-legend");
}

static void
smolder_flame_legend_init (SmolderFlameLegend *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Colours by Package"));
  GtkWidget *hint = gtk_label_new (_("Largest first, by self value; pick one to search for it."));
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->button, "color-select-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _("Colour Legend"));
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "osd");
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "circular");
  gtk_widget_set_parent (GTK_WIDGET (self->button), GTK_WIDGET (self));

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (hint, "caption");
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (hint), 36);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (self->list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  g_signal_connect_object (self->list, "row-activated",
                           G_CALLBACK (smolder_flame_legend_row_activated_cb), self, G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 420);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));

  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), hint);
  gtk_box_append (GTK_BOX (box), scrolled);
  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->popover, box);
  g_signal_connect_object (self->popover, "show",
                           G_CALLBACK (smolder_flame_legend_popover_show_cb), self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_popover (self->button, GTK_WIDGET (self->popover));
}

GtkWidget *
smolder_flame_legend_new (void)
{
  return g_object_new (SMOLDER_TYPE_FLAME_LEGEND, NULL);
}

SmolderCallTree *
smolder_flame_legend_get_call_tree (SmolderFlameLegend *self)
{
  g_return_val_if_fail (SMOLDER_IS_FLAME_LEGEND (self), NULL);

  return self->tree;
}

void
smolder_flame_legend_set_call_tree (SmolderFlameLegend *self,
                                    SmolderCallTree    *tree)
{
  g_return_if_fail (SMOLDER_IS_FLAME_LEGEND (self));
  g_return_if_fail (tree == NULL || SMOLDER_IS_CALL_TREE (tree));

  if (self->tree == tree)
    return;
  g_set_object (&self->tree, tree);
  smolder_flame_legend_clear (self);
  if (gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    smolder_flame_legend_ensure (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->button), tree != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALL_TREE]);
}

GPtrArray *
smolder_flame_legend_get_packages (SmolderFlameLegend *self)
{
  g_return_val_if_fail (SMOLDER_IS_FLAME_LEGEND (self), NULL);

  smolder_flame_legend_ensure (self);
  return self->packages;
}

GtkMenuButton *
smolder_flame_legend_get_button (SmolderFlameLegend *self)
{
  g_return_val_if_fail (SMOLDER_IS_FLAME_LEGEND (self), NULL);

  return self->button;
}

GtkListBox *
smolder_flame_legend_get_list (SmolderFlameLegend *self)
{
  g_return_val_if_fail (SMOLDER_IS_FLAME_LEGEND (self), NULL);

  smolder_flame_legend_ensure (self);
  return self->list;
}
