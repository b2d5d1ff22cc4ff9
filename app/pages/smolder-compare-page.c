/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-compare-page.c: a tab comparing two profiles.
 *
 * One worker computes, for the chosen sample type and -normalize, both call
 * trees, the differential layouts on the new and on the base tree, and the
 * diff's Top rows (the engine's -diff_base profile); toggles that only
 * recolour or swap the layout never recompute. The three graphs follow
 * each other's zoom by path; the search runs on a worker for both trees. */

#include <glib/gi18n.h>

#include "smolder-compare-page.h"
#include "smolder-diff.h"
#include "smolder-load.h"
#include "smolder-units.h"
#include "smolder-view-task.h"

struct _SmolderComparePage
{
  SmolderPage parent_instance;

  /* template widgets */
  GtkStack *stack;
  AdwStatusPage *error_page;
  GtkProgressBar *progress_bar;
  GtkSearchEntry *search_entry;
  GtkDropDown *sample_type_dropdown;
  GtkToggleButton *normalize_toggle;
  GtkToggleButton *on_base_toggle;
  GtkToggleButton *relative_toggle;
  GtkLabel *summary_label;
  GtkDrawingArea *legend;
  SmolderFlameGraph *diff_graph;
  GtkLabel *base_label;
  GtkLabel *new_label;
  SmolderFlameGraph *base_graph;
  SmolderFlameGraph *new_graph;
  SmolderDiffTable *table;

  /* owned */
  SmolderProfile *base;
  SmolderProfile *new;
  char *base_title;
  char *new_title;
  GFile *files[2];            /* while loading from files */
  SmolderProgress *progress[2];
  GCancellable *load_cancellable;
  SmolderViewTask compute_task;
  SmolderViewTask search_task;
  SmolderFlameDiff *on_new;   /* the computed layouts */
  SmolderFlameDiff *on_base;
  char *unit;

  /* state */
  guint progress_source;
  guint n_loading;
  gboolean ready;
  gboolean syncing;           /* one graph's focus being copied to the others */
};

G_DEFINE_FINAL_TYPE (SmolderComparePage, smolder_compare_page, SMOLDER_TYPE_PAGE)

/* --- the computation --- */

typedef struct {
  SmolderProfile *base;
  SmolderProfile *new;
  guint sample_index;
  gboolean normalize;
} ComputeData;

typedef struct {
  SmolderFlameDiff *on_new;
  SmolderFlameDiff *on_base;
  GListStore *items;
  char *unit;
} ComputeResult;

static void
compute_data_free (gpointer data)
{
  ComputeData *d = data;

  g_object_unref (d->base);
  g_object_unref (d->new);
  g_free (d);
}

static void
compute_result_free (gpointer data)
{
  ComputeResult *r = data;

  g_clear_pointer (&r->on_new, smolder_flame_diff_unref);
  g_clear_pointer (&r->on_base, smolder_flame_diff_unref);
  g_clear_object (&r->items);
  g_free (r->unit);
  g_free (r);
}

static gpointer
compute_worker (gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  ComputeData *d = data;
  g_autoptr(SmolderQuery) query = smolder_query_new ();
  g_autoptr(SmolderProfile) new_side = NULL;
  g_autoptr(SmolderProfile) diff = NULL;
  g_autoptr(SmolderCallTree) base_tree = NULL;
  g_autoptr(SmolderCallTree) new_tree = NULL;
  g_autoptr(SmolderTop) top = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  const SmolderValueType *vt;
  ComputeResult *result;
  SmolderFrames *frames;

  /* The diff first: it says why two profiles do not compare. */
  diff = smolder_profile_diff (d->base, d->new,
                               SMOLDER_DIFF_LABEL_BASE | (d->normalize ? SMOLDER_DIFF_NORMALIZE : 0),
                               error);
  if (diff == NULL)
    return NULL;

  smolder_query_set_sample_index (query, d->sample_index);
  if (d->normalize)
    {
      guint n = smolder_profile_get_n_sample_types (d->new);
      g_autofree double *ratios = g_new0 (double, MAX (n, 1));

      smolder_profile_normalize_ratios (d->base, d->new, ratios);
      new_side = smolder_profile_scale (d->new, ratios, NULL, NULL);
    }
  else
    new_side = g_object_ref (d->new);

  base_tree = smolder_call_tree_new (d->base, query, cancellable, error);
  if (base_tree == NULL)
    return NULL;
  new_tree = smolder_call_tree_new (new_side, query, cancellable, error);
  if (new_tree == NULL)
    return NULL;
  top = smolder_top_new (diff, query, cancellable, error);
  if (top == NULL)
    return NULL;

  frames = smolder_top_get_frames (top);
  for (guint i = 0; i < smolder_top_get_n_rows (top); i++)
    {
      const SmolderTopRow *row = smolder_top_get_row (top, i);

      g_ptr_array_add (items, smolder_diff_item_new (smolder_frames_get_name (frames, row->frame), row));
    }

  result = g_new0 (ComputeResult, 1);
  result->on_new = smolder_flame_diff_new (base_tree, new_tree, FALSE);
  result->on_base = smolder_flame_diff_new (base_tree, new_tree, TRUE);
  result->items = g_list_store_new (SMOLDER_TYPE_DIFF_ITEM);
  g_list_store_splice (result->items, 0, 0, items->pdata, items->len);
  vt = smolder_profile_get_sample_type (d->base, d->sample_index);
  result->unit = g_strdup (vt != NULL ? smolder_profile_get_string (d->base, vt->unit) : "");
  return result;
}

static void
show_error (SmolderComparePage *self,
            const GError       *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  smolder_page_set_error (SMOLDER_PAGE (self), error);
}

/* The differential graph is laid out on the new tree or the base tree:
 * it shows the search made for that tree (the same search object). */
static void
smolder_compare_page_follow_search (SmolderComparePage *self)
{
  SmolderFlameGraph *graph = gtk_toggle_button_get_active (self->on_base_toggle) ? self->base_graph : self->new_graph;

  smolder_flame_graph_set_flame_search (self->diff_graph, smolder_flame_graph_get_search (graph));
}

static void
smolder_compare_page_apply_diff (SmolderComparePage *self)
{
  SmolderDiffColorOptions options;
  SmolderFlameDiff *diff = gtk_toggle_button_get_active (self->on_base_toggle) ? self->on_base : self->on_new;

  if (diff == NULL)
    return;
  smolder_diff_color_options_init (&options);
  if (gtk_toggle_button_get_active (self->relative_toggle))
    {
      options.mode = SMOLDER_DIFF_COLOR_RELATIVE;
      options.threshold = 0.05;
    }
  smolder_flame_graph_set_diff (self->diff_graph, diff, &options);
  smolder_compare_page_follow_search (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->legend));
}

static void
update_summary (SmolderComparePage *self)
{
  gint64 base = smolder_flame_diff_get_base (self->on_new, 0);
  gint64 new = smolder_flame_diff_get_new (self->on_new, 0);
  g_autofree char *base_s = smolder_units_format (base, self->unit);
  g_autofree char *new_s = smolder_units_format (new, self->unit);
  g_autofree char *change_s = smolder_units_format (new - base, self->unit);
  g_autofree char *text = NULL;
  SmolderFlameSearch *base_search, *new_search;

  /* TRANSLATORS: the totals of the base and the new profile, then the change */
  text = g_strdup_printf (_("Total %s → %s (%s%s)"), base_s, new_s, new > base ? "+" : "", change_s);
  base_search = smolder_flame_graph_get_search (self->base_graph);
  new_search = smolder_flame_graph_get_search (self->new_graph);
  if (base_search != NULL && new_search != NULL)
    {
      /* What the search matched in each profile, each sample once, as
       * the flame graph's search reports it. */
      gint64 base_matched = smolder_flame_search_get_matched_total (base_search);
      gint64 new_matched = smolder_flame_search_get_matched_total (new_search);
      g_autofree char *bm = smolder_units_format (base_matched, self->unit);
      g_autofree char *nm = smolder_units_format (new_matched, self->unit);
      g_autofree char *cm = smolder_units_format (new_matched - base_matched, self->unit);
      g_autofree char *total = g_steal_pointer (&text);

      /* TRANSLATORS: the totals, then what the search matched in the base and the new profile and the change */
      text = g_strdup_printf (_("%s · matched %s → %s (%s%s)"), total, bm, nm,
                              new_matched > base_matched ? "+" : "", cm);
    }
  gtk_label_set_text (self->summary_label, text);
  /* The label ellipsizes in a narrow window. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->summary_label), text);
}

static void
smolder_compare_page_start_search (SmolderComparePage *self);

static void
compute_done (gpointer      owner,
              gpointer      result,
              const GError *error)
{
  SmolderComparePage *self = owner;
  ComputeResult *r = result;

  if (error != NULL)
    {
      show_error (self, error);
      return;
    }

  g_clear_pointer (&self->on_new, smolder_flame_diff_unref);
  g_clear_pointer (&self->on_base, smolder_flame_diff_unref);
  self->on_new = smolder_flame_diff_ref (r->on_new);
  self->on_base = smolder_flame_diff_ref (r->on_base);
  g_free (self->unit);
  self->unit = g_strdup (r->unit);

  /* Zoom stays where it was, by path, across sample types. */
  smolder_flame_graph_set_call_tree (self->base_graph, smolder_flame_diff_get_tree (r->on_base));
  smolder_flame_graph_set_call_tree (self->new_graph, smolder_flame_diff_get_tree (r->on_new));
  smolder_compare_page_apply_diff (self);
  smolder_diff_table_set_rows (self->table, G_LIST_MODEL (r->items), r->unit);
  update_summary (self);
  smolder_compare_page_start_search (self);

  gtk_stack_set_visible_child_name (self->stack, "content");
  self->ready = TRUE;
}

static void
smolder_compare_page_compute (SmolderComparePage *self)
{
  ComputeData *d;

  if (self->base == NULL || self->new == NULL)
    return;

  d = g_new0 (ComputeData, 1);
  d->base = g_object_ref (self->base);
  d->new = g_object_ref (self->new);
  d->sample_index = gtk_drop_down_get_selected (self->sample_type_dropdown);
  if (d->sample_index == GTK_INVALID_LIST_POSITION)
    d->sample_index = smolder_profile_get_default_sample_index (self->base);
  d->normalize = gtk_toggle_button_get_active (self->normalize_toggle);
  self->ready = FALSE;
  smolder_view_task_start (&self->compute_task, self, compute_worker, d, compute_data_free,
                           compute_result_free, compute_done);
}

/* --- search: both trees on a worker --- */

typedef struct {
  SmolderCallTree *trees[2];
  GRegex *regex;
} SearchData;

static void
search_data_free (gpointer data)
{
  SearchData *d = data;

  g_clear_object (&d->trees[0]);
  g_clear_object (&d->trees[1]);
  g_clear_pointer (&d->regex, g_regex_unref);
  g_free (d);
}

static void
search_result_free (gpointer data)
{
  SmolderFlameSearch **searches = data;

  g_clear_pointer (&searches[0], smolder_flame_search_unref);
  g_clear_pointer (&searches[1], smolder_flame_search_unref);
  g_free (searches);
}

static gpointer
search_worker (gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  SearchData *d = data;
  SmolderFlameSearch **searches = g_new0 (SmolderFlameSearch *, 2);

  for (guint i = 0; i < 2; i++)
    if (d->trees[i] != NULL)
      searches[i] = smolder_flame_search_new (d->trees[i], d->regex);
  return searches;
}

static void
search_done (gpointer      owner,
             gpointer      result,
             const GError *error)
{
  SmolderComparePage *self = owner;
  SmolderFlameSearch **searches = result;

  if (error != NULL)
    return;
  /* A search made for a tree no longer shown is ignored by the graph. */
  smolder_flame_graph_set_flame_search (self->base_graph, searches[0]);
  smolder_flame_graph_set_flame_search (self->new_graph, searches[1]);
  smolder_compare_page_follow_search (self);
  update_summary (self);
}

static void
smolder_compare_page_start_search (SmolderComparePage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GRegex) regex = NULL;
  SearchData *d;

  if (text[0] != '\0')
    regex = g_regex_new (text, G_REGEX_OPTIMIZE, 0, NULL);
  if (regex == NULL)
    {
      smolder_view_task_cancel (&self->search_task);
      smolder_flame_graph_set_flame_search (self->base_graph, NULL);
      smolder_flame_graph_set_flame_search (self->new_graph, NULL);
      smolder_flame_graph_set_flame_search (self->diff_graph, NULL);
      if (self->on_new != NULL)
        update_summary (self);
      /* A half-typed regex is not an error worth a dialog: mark the entry. */
      if (text[0] != '\0')
        gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");

  d = g_new0 (SearchData, 1);
  for (guint i = 0; i < 2; i++)
    {
      SmolderCallTree *tree = smolder_flame_graph_get_call_tree (i == 0 ? self->base_graph : self->new_graph);

      d->trees[i] = tree != NULL ? g_object_ref (tree) : NULL;
    }
  d->regex = g_steal_pointer (&regex);
  smolder_view_task_start (&self->search_task, self, search_worker, d, search_data_free,
                           search_result_free, search_done);
}

/* --- zoom in step --- */

static void
zoom_changed_cb (SmolderComparePage *self,
                 SmolderFlameGraph  *graph)
{
  g_auto(GStrv) path = smolder_flame_graph_get_zoom_path (graph);
  SmolderFlameGraph *graphs[] = { self->diff_graph, self->base_graph, self->new_graph };

  if (path == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (graphs); i++)
    if (graphs[i] != graph)
      smolder_flame_graph_set_zoom_path (graphs[i], (const char * const *) path);
}

/* The selected (keyboard-focused) frame too, by path. */
static void
focus_changed_cb (SmolderFlameGraph  *graph,
                  GParamSpec         *pspec,
                  SmolderComparePage *self)
{
  g_auto(GStrv) path = NULL;
  SmolderFlameGraph *graphs[] = { self->diff_graph, self->base_graph, self->new_graph };

  if (self->syncing)
    return;
  path = smolder_flame_graph_get_focus_path (graph);
  self->syncing = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (graphs); i++)
    if (graphs[i] != graph)
      smolder_flame_graph_set_focus_path (graphs[i], (const char * const *) path);
  self->syncing = FALSE;
}

/* --- the legend --- */

static void
legend_draw (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  SmolderComparePage *self = user_data;
  SmolderFlameDiff *diff = smolder_flame_graph_get_diff (self->diff_graph);
  SmolderDiffColorOptions options;

  if (diff == NULL)
    return;
  smolder_diff_color_options_init (&options);
  if (gtk_toggle_button_get_active (self->relative_toggle))
    {
      options.mode = SMOLDER_DIFF_COLOR_RELATIVE;
      options.threshold = 0.05;
    }
  options.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  smolder_flame_diff_paint_legend (cr, diff, &options, self->unit, 4, 2, width - 8, 12, TRUE, NULL);
}

/* --- loading from files --- */

static gboolean
progress_cb (gpointer user_data)
{
  SmolderComparePage *self = user_data;
  double sum = 0;

  for (guint i = 0; i < 2; i++)
    sum += self->progress[i] != NULL ? smolder_progress_get (self->progress[i]) : 1.0;
  if (sum > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, sum / 2);
  else
    gtk_progress_bar_pulse (self->progress_bar);
  smolder_page_set_progress (SMOLDER_PAGE (self), sum > 0 ? sum / 2 : -1.0);
  return G_SOURCE_CONTINUE;
}

static void
fill_sample_types (SmolderComparePage *self)
{
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  guint n = smolder_profile_get_n_sample_types (self->base);

  for (guint i = 0; i < n; i++)
    {
      const SmolderValueType *vt = smolder_profile_get_sample_type (self->base, i);
      g_autofree char *label = g_strdup_printf ("%s (%s)", smolder_profile_get_string (self->base, vt->type),
                                                smolder_profile_get_string (self->base, vt->unit));

      gtk_string_list_append (types, label);
    }
  gtk_drop_down_set_model (self->sample_type_dropdown, G_LIST_MODEL (types));
  if (n > 0)
    gtk_drop_down_set_selected (self->sample_type_dropdown, smolder_profile_get_default_sample_index (self->base));
  gtk_widget_set_sensitive (GTK_WIDGET (self->sample_type_dropdown), n > 1);
}

static void
smolder_compare_page_set_titles (SmolderComparePage *self)
{
  g_autofree char *title = g_strdup_printf ("%s → %s", self->base_title, self->new_title);
  g_autofree char *base_esc = g_markup_escape_text (self->base_title, -1);
  g_autofree char *new_esc = g_markup_escape_text (self->new_title, -1);
  g_autofree char *tooltip = NULL;

  /* TRANSLATORS: a compare tab's tooltip: the base profile, then the new one */
  tooltip = g_strdup_printf (_("Comparison: base %s, new %s"), base_esc, new_esc);
  smolder_page_set_title (SMOLDER_PAGE (self), title);
  smolder_page_set_tooltip (SMOLDER_PAGE (self), tooltip);
  gtk_label_set_text (self->base_label, self->base_title);
  gtk_label_set_text (self->new_label, self->new_title);
}

/* Both profiles are there: off to the worker. */
static void
smolder_compare_page_start (SmolderComparePage *self)
{
  g_signal_handlers_block_matched (self->sample_type_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  fill_sample_types (self);
  g_signal_handlers_unblock_matched (self->sample_type_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  smolder_compare_page_compute (self);
}

static void
load_done (SmolderComparePage *owned_self,
           GAsyncResult       *res,
           guint               which)
{
  g_autoptr(SmolderComparePage) self = owned_self;
  g_autoptr(SmolderProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  profile = smolder_profile_load_finish (res, &error);
  if (g_cancellable_is_cancelled (self->load_cancellable))
    return;
  self->n_loading--;
  if (profile == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (self->files[which]);
      g_autoptr(GError) wrapped = g_error_new (error->domain, error->code, "%s: %s", name, error->message);

      /* The other load is of no use now. */
      g_cancellable_cancel (self->load_cancellable);
      g_clear_handle_id (&self->progress_source, g_source_remove);
      smolder_page_set_loading (SMOLDER_PAGE (self), FALSE);
      show_error (self, wrapped);
      return;
    }
  if (which == 0)
    g_set_object (&self->base, profile);
  else
    g_set_object (&self->new, profile);
  if (self->n_loading > 0)
    return;

  g_clear_handle_id (&self->progress_source, g_source_remove);
  smolder_page_set_loading (SMOLDER_PAGE (self), FALSE);
  smolder_page_set_progress (SMOLDER_PAGE (self), 1.0);
  smolder_compare_page_start (self);
}

static void
load_base_done (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  load_done (user_data, res, 0);
}

static void
load_new_done (GObject      *source,
               GAsyncResult *res,
               gpointer      user_data)
{
  load_done (user_data, res, 1);
}

static void
smolder_compare_page_load (SmolderComparePage *self)
{
  self->load_cancellable = g_cancellable_new ();
  self->n_loading = 2;
  smolder_page_set_loading (SMOLDER_PAGE (self), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  for (guint i = 0; i < 2; i++)
    {
      self->progress[i] = smolder_progress_new ();
      smolder_profile_load_with_progress_async (self->files[i], NULL, self->progress[i], self->load_cancellable,
                                                i == 0 ? load_base_done : load_new_done,
                                                g_object_ref (self));
    }
  self->progress_source = g_timeout_add (100, progress_cb, self);
}

/* --- GObject --- */

static void
sample_type_changed_cb (SmolderComparePage *self)
{
  smolder_compare_page_compute (self);
}

static SmolderProfile *
smolder_compare_page_get_profile (SmolderPage *page)
{
  /* Not one profile: a comparison takes no part in merges. */
  return NULL;
}

static void
smolder_compare_page_dispose (GObject *object)
{
  SmolderComparePage *self = SMOLDER_COMPARE_PAGE (object);

  smolder_view_task_clear (&self->compute_task);
  smolder_view_task_clear (&self->search_task);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  for (guint i = 0; i < 2; i++)
    {
      g_clear_pointer (&self->progress[i], smolder_progress_unref);
      g_clear_object (&self->files[i]);
    }

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMOLDER_TYPE_COMPARE_PAGE);

  g_clear_pointer (&self->on_new, smolder_flame_diff_unref);
  g_clear_pointer (&self->on_base, smolder_flame_diff_unref);
  g_clear_object (&self->base);
  g_clear_object (&self->new);
  g_clear_pointer (&self->base_title, g_free);
  g_clear_pointer (&self->new_title, g_free);
  g_clear_pointer (&self->unit, g_free);

  G_OBJECT_CLASS (smolder_compare_page_parent_class)->dispose (object);
}

static void
smolder_compare_page_class_init (SmolderComparePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SmolderPageClass *page_class = SMOLDER_PAGE_CLASS (klass);

  object_class->dispose = smolder_compare_page_dispose;
  page_class->get_profile = smolder_compare_page_get_profile;

  g_type_ensure (SMOLDER_TYPE_FLAME_GRAPH);
  g_type_ensure (SMOLDER_TYPE_DIFF_TABLE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/smolder/Smolder/smolder-compare-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SmolderComparePage, stack);
  gtk_widget_class_bind_template_child (widget_class, SmolderComparePage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SmolderComparePage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SmolderComparePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SmolderComparePage, sample_type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmolderComparePage, normalize_toggle);
  gtk_widget_class_bind_template_child (widget_class, SmolderComparePage, on_base_toggle);
  gtk_widget_class_bind_template_child (widget_class, SmolderComparePage, relative_toggle);
  gtk_widget_class_bind_template_child (widget_class, SmolderComparePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SmolderComparePage, legend);
  gtk_widget_class_bind_template_child (widget_class, SmolderComparePage, diff_graph);
  gtk_widget_class_bind_template_child (widget_class, SmolderComparePage, base_label);
  gtk_widget_class_bind_template_child (widget_class, SmolderComparePage, new_label);
  gtk_widget_class_bind_template_child (widget_class, SmolderComparePage, base_graph);
  gtk_widget_class_bind_template_child (widget_class, SmolderComparePage, new_graph);
  gtk_widget_class_bind_template_child (widget_class, SmolderComparePage, table);
}

static void
smolder_compare_page_init (SmolderComparePage *self)
{
  SmolderFlameGraph *graphs[3];

  gtk_widget_init_template (GTK_WIDGET (self));

  graphs[0] = self->diff_graph;
  graphs[1] = self->base_graph;
  graphs[2] = self->new_graph;
  for (guint i = 0; i < G_N_ELEMENTS (graphs); i++)
    {
      g_signal_connect_object (graphs[i], "zoom-changed", G_CALLBACK (zoom_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (graphs[i], "notify::focus-node", G_CALLBACK (focus_changed_cb), self, 0);
    }
  g_signal_connect_object (self->sample_type_dropdown, "notify::selected",
                           G_CALLBACK (sample_type_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->normalize_toggle, "toggled",
                           G_CALLBACK (smolder_compare_page_compute), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->on_base_toggle, "toggled",
                           G_CALLBACK (smolder_compare_page_apply_diff), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->relative_toggle, "toggled",
                           G_CALLBACK (smolder_compare_page_apply_diff), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (smolder_compare_page_start_search), self, G_CONNECT_SWAPPED);
  gtk_drawing_area_set_draw_func (self->legend, legend_draw, self, NULL);
  smolder_page_set_icon (SMOLDER_PAGE (self), G_ICON (g_themed_icon_new ("view-dual-symbolic")));
}

SmolderPage *
smolder_compare_page_new (SmolderProfile *base,
                          SmolderProfile *new,
                          const char     *base_title,
                          const char     *new_title)
{
  SmolderComparePage *self;

  g_return_val_if_fail (SMOLDER_IS_PROFILE (base), NULL);
  g_return_val_if_fail (SMOLDER_IS_PROFILE (new), NULL);

  self = g_object_new (SMOLDER_TYPE_COMPARE_PAGE, NULL);
  self->base = g_object_ref (base);
  self->new = g_object_ref (new);
  self->base_title = g_strdup (base_title != NULL ? base_title : _("Base"));
  self->new_title = g_strdup (new_title != NULL ? new_title : _("New"));
  smolder_compare_page_set_titles (self);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  smolder_compare_page_start (self);
  return SMOLDER_PAGE (self);
}

SmolderPage *
smolder_compare_page_new_for_files (GFile *base,
                                    GFile *new)
{
  SmolderComparePage *self;

  g_return_val_if_fail (G_IS_FILE (base), NULL);
  g_return_val_if_fail (G_IS_FILE (new), NULL);

  self = g_object_new (SMOLDER_TYPE_COMPARE_PAGE, NULL);
  self->files[0] = g_object_ref (base);
  self->files[1] = g_object_ref (new);
  self->base_title = g_file_get_basename (base);
  self->new_title = g_file_get_basename (new);
  smolder_page_set_file (SMOLDER_PAGE (self), new);
  smolder_compare_page_set_titles (self);
  smolder_compare_page_load (self);
  return SMOLDER_PAGE (self);
}

void
smolder_compare_page_set_names (SmolderComparePage *self,
                                const char         *base_title,
                                const char         *new_title)
{
  g_return_if_fail (SMOLDER_IS_COMPARE_PAGE (self));
  g_return_if_fail (base_title != NULL && new_title != NULL);

  g_free (self->base_title);
  g_free (self->new_title);
  self->base_title = g_strdup (base_title);
  self->new_title = g_strdup (new_title);
  smolder_compare_page_set_titles (self);
}

SmolderProfile *
smolder_compare_page_get_base (SmolderComparePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_COMPARE_PAGE (self), NULL);
  return self->base;
}

SmolderProfile *
smolder_compare_page_get_new (SmolderComparePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_COMPARE_PAGE (self), NULL);
  return self->new;
}

gboolean
smolder_compare_page_get_ready (SmolderComparePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_COMPARE_PAGE (self), FALSE);
  return self->ready;
}

SmolderFlameGraph *
smolder_compare_page_get_diff_graph (SmolderComparePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_COMPARE_PAGE (self), NULL);
  return self->diff_graph;
}

SmolderFlameGraph *
smolder_compare_page_get_base_graph (SmolderComparePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_COMPARE_PAGE (self), NULL);
  return self->base_graph;
}

SmolderFlameGraph *
smolder_compare_page_get_new_graph (SmolderComparePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_COMPARE_PAGE (self), NULL);
  return self->new_graph;
}

SmolderDiffTable *
smolder_compare_page_get_table (SmolderComparePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_COMPARE_PAGE (self), NULL);
  return self->table;
}
