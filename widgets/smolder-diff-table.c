/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-diff-table.c: a GtkColumnView of SmolderDiffItem rows with a
 * sorter per column. Values in human units; the tooltip of a value cell
 * gives the exact integer in the unit. */

#include <math.h>

#include <glib/gi18n.h>

#include "smolder-diff-table.h"
#include "smolder-units.h"

struct _SmolderDiffTable
{
  GtkWidget parent_instance;

  GtkWidget *scrolled;
  GtkColumnView *column_view;
  GtkColumnViewColumn *columns[SMOLDER_DIFF_N_COLUMNS];
  GtkSortListModel *sorted;
  char *unit;
};

G_DEFINE_FINAL_TYPE (SmolderDiffTable, smolder_diff_table, GTK_TYPE_WIDGET)

static const char *column_titles[SMOLDER_DIFF_N_COLUMNS] = {
  N_("Function"), N_("Base"), N_("New"), N_("Δ Flat"), N_("Δ Cum"), N_("Change"), N_("Status"),
};

static int
compare_int64 (gint64 a,
               gint64 b)
{
  return a < b ? -1 : a > b ? 1 : 0;
}

/* New first, then gone, then changed (so descending puts new first). */
static int
status_rank (SmolderDiffStatus status)
{
  switch (status)
    {
    case SMOLDER_DIFF_STATUS_NEW:
      return 2;
    case SMOLDER_DIFF_STATUS_GONE:
      return 1;
    case SMOLDER_DIFF_STATUS_CHANGED:
    default:
      return 0;
    }
}

static int
smolder_diff_table_compare (gconstpointer a,
                            gconstpointer b,
                            gpointer      user_data)
{
  SmolderDiffItem *x = (SmolderDiffItem *) a, *y = (SmolderDiffItem *) b;
  SmolderDiffColumn column = GPOINTER_TO_UINT (user_data);
  int r = 0;

  switch (column)
    {
    case SMOLDER_DIFF_COLUMN_NAME:
      return g_strcmp0 (smolder_diff_item_get_name (x), smolder_diff_item_get_name (y));
    case SMOLDER_DIFF_COLUMN_BASE:
      r = compare_int64 (smolder_diff_item_get_base (x), smolder_diff_item_get_base (y));
      break;
    case SMOLDER_DIFF_COLUMN_NEW:
      r = compare_int64 (smolder_diff_item_get_new (x), smolder_diff_item_get_new (y));
      break;
    case SMOLDER_DIFF_COLUMN_DELTA_FLAT:
      r = compare_int64 (smolder_diff_item_get_delta_flat (x), smolder_diff_item_get_delta_flat (y));
      break;
    case SMOLDER_DIFF_COLUMN_DELTA_CUM:
      r = compare_int64 (smolder_diff_item_get_delta_cum (x), smolder_diff_item_get_delta_cum (y));
      break;
    case SMOLDER_DIFF_COLUMN_CHANGE:
      {
        double rx = smolder_diff_item_get_ratio (x), ry = smolder_diff_item_get_ratio (y);

        r = rx < ry ? -1 : rx > ry ? 1 : 0;
      }
      break;
    case SMOLDER_DIFF_COLUMN_STATUS:
      r = status_rank (smolder_diff_item_get_status (x)) - status_rank (smolder_diff_item_get_status (y));
      break;
    case SMOLDER_DIFF_N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
  /* Ties: the larger change of cum counts as the larger. */
  if (r == 0)
    r = compare_int64 (ABS (smolder_diff_item_get_delta_cum (x)), ABS (smolder_diff_item_get_delta_cum (y)));
  if (r == 0)
    r = -g_strcmp0 (smolder_diff_item_get_name (x), smolder_diff_item_get_name (y));
  return r;
}

static char *
format_signed (gint64      value,
               const char *unit)
{
  g_autofree char *s = smolder_units_format (value, unit);

  return value > 0 ? g_strconcat ("+", s, NULL) : g_steal_pointer (&s);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  SmolderDiffColumn column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_inscription_new (NULL);

  if (column == SMOLDER_DIFF_COLUMN_NAME)
    {
      gtk_inscription_set_text_overflow (GTK_INSCRIPTION (label), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_START);
      gtk_widget_set_hexpand (label, TRUE);
    }
  else
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (label), 1.0);
      gtk_widget_add_css_class (label, "numeric");
    }
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), column == SMOLDER_DIFF_COLUMN_NAME ? 24 : 9);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         gpointer                  user_data)
{
  SmolderDiffColumn column = GPOINTER_TO_UINT (user_data);
  GtkInscription *label = GTK_INSCRIPTION (gtk_list_item_get_child (list_item));
  SmolderDiffItem *item = gtk_list_item_get_item (list_item);
  SmolderDiffTable *self = g_object_get_data (G_OBJECT (factory), "smolder-table");
  const char *unit = self->unit != NULL ? self->unit : "";
  g_autofree char *text = NULL, *tooltip = NULL;
  gint64 exact = 0;
  gboolean has_exact = TRUE;

  switch (column)
    {
    case SMOLDER_DIFF_COLUMN_NAME:
      text = g_strdup (smolder_diff_item_get_name (item));
      tooltip = g_strdup (text);
      has_exact = FALSE;
      break;
    case SMOLDER_DIFF_COLUMN_BASE:
      exact = smolder_diff_item_get_base (item);
      text = smolder_units_format (exact, unit);
      break;
    case SMOLDER_DIFF_COLUMN_NEW:
      exact = smolder_diff_item_get_new (item);
      text = smolder_units_format (exact, unit);
      break;
    case SMOLDER_DIFF_COLUMN_DELTA_FLAT:
      exact = smolder_diff_item_get_delta_flat (item);
      text = format_signed (exact, unit);
      break;
    case SMOLDER_DIFF_COLUMN_DELTA_CUM:
      exact = smolder_diff_item_get_delta_cum (item);
      text = format_signed (exact, unit);
      break;
    case SMOLDER_DIFF_COLUMN_CHANGE:
      {
        double ratio = smolder_diff_item_get_ratio (item);

        has_exact = FALSE;
        if (isinf (ratio))
          text = g_strdup (ratio > 0 ? "+∞" : "-∞");
        else
          text = g_strdup_printf ("%+.1f%%", 100.0 * ratio);
      }
      break;
    case SMOLDER_DIFF_COLUMN_STATUS:
      has_exact = FALSE;
      switch (smolder_diff_item_get_status (item))
        {
        case SMOLDER_DIFF_STATUS_NEW:
          /* TRANSLATORS: a function only in the new profile */
          text = g_strdup (C_("diff status", "new"));
          break;
        case SMOLDER_DIFF_STATUS_GONE:
          /* TRANSLATORS: a function only in the base profile */
          text = g_strdup (C_("diff status", "gone"));
          break;
        case SMOLDER_DIFF_STATUS_CHANGED:
        default:
          text = g_strdup ("");
          break;
        }
      break;
    case SMOLDER_DIFF_N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
  if (has_exact)
    tooltip = g_strdup_printf ("%" G_GINT64_FORMAT " %s", exact, unit);
  gtk_inscription_set_text (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), tooltip);
}

static void
smolder_diff_table_dispose (GObject *object)
{
  SmolderDiffTable *self = SMOLDER_DIFF_TABLE (object);

  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_pointer (&self->unit, g_free);
  g_clear_object (&self->sorted);

  G_OBJECT_CLASS (smolder_diff_table_parent_class)->dispose (object);
}

static void
smolder_diff_table_class_init (SmolderDiffTableClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = smolder_diff_table_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
smolder_diff_table_init (SmolderDiffTable *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkSorter *view_sorter;
  GtkNoSelection *selection;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Changes by function"), -1);
  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_column_separators (self->column_view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");
  for (guint i = 0; i < SMOLDER_DIFF_N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkSorter) sorter = NULL;

      g_object_set_data (G_OBJECT (factory), "smolder-table", self);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GUINT_TO_POINTER (i));
      self->columns[i] = gtk_column_view_column_new (_(column_titles[i]), factory);
      sorter = GTK_SORTER (gtk_custom_sorter_new (smolder_diff_table_compare, GUINT_TO_POINTER (i), NULL));
      gtk_column_view_column_set_sorter (self->columns[i], sorter);
      gtk_column_view_column_set_resizable (self->columns[i], TRUE);
      gtk_column_view_column_set_expand (self->columns[i], i == SMOLDER_DIFF_COLUMN_NAME);
      gtk_column_view_append_column (self->column_view, self->columns[i]);
      g_object_unref (self->columns[i]);
    }

  view_sorter = gtk_column_view_get_sorter (self->column_view);
  self->sorted = gtk_sort_list_model_new (NULL, g_object_ref (view_sorter));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->column_view));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_set_parent (scrolled, GTK_WIDGET (self));
  self->scrolled = scrolled;

  /* What grew most first: what a leak hunt looks for. */
  gtk_column_view_sort_by_column (self->column_view, self->columns[SMOLDER_DIFF_COLUMN_DELTA_CUM],
                                  GTK_SORT_DESCENDING);
}

GtkWidget *
smolder_diff_table_new (void)
{
  return g_object_new (SMOLDER_TYPE_DIFF_TABLE, NULL);
}

void
smolder_diff_table_set_rows (SmolderDiffTable *self,
                             GListModel       *items,
                             const char       *unit)
{
  g_return_if_fail (SMOLDER_IS_DIFF_TABLE (self));

  g_free (self->unit);
  self->unit = g_strdup (unit);
  gtk_sort_list_model_set_model (self->sorted, items);
}

void
smolder_diff_table_sort_by (SmolderDiffTable  *self,
                            SmolderDiffColumn  column,
                            GtkSortType        order)
{
  g_return_if_fail (SMOLDER_IS_DIFF_TABLE (self));
  g_return_if_fail (column < SMOLDER_DIFF_N_COLUMNS);

  gtk_column_view_sort_by_column (self->column_view, self->columns[column], order);
}

GListModel *
smolder_diff_table_get_model (SmolderDiffTable *self)
{
  g_return_val_if_fail (SMOLDER_IS_DIFF_TABLE (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

SmolderDiffItem *
smolder_diff_table_lookup (SmolderDiffTable *self,
                           const char       *name)
{
  GListModel *model;

  g_return_val_if_fail (SMOLDER_IS_DIFF_TABLE (self), NULL);

  model = G_LIST_MODEL (self->sorted);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SmolderDiffItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (smolder_diff_item_get_name (item), name) == 0)
        return item;  /* the model keeps it */
    }
  return NULL;
}
