/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-top-view.c: the Top table. The engine computes it on a worker
 * (SmolderViewTask drops late results of older queries); the rows then go
 * to the column view between frames. Its columns, cells and row menu are
 * in smolder-top-view-columns.c. */

#include <string.h>

#include <glib/gi18n.h>

#include "smolder-top-item.h"
#include "smolder-top-view-private.h"
#include "smolder-units.h"


/* GTK 4.8's GtkColumnView builds a row widget (five cells) for up to 200
 * items as soon as they are added, and the next frame measures them: the
 * view is given the first rows a few at a time (a slice of the sorted
 * model that grows between frames), so that no frame waits for hundreds
 * of cells; rows past those get no widget. */
#define FILL_CHUNK 8
#define FILL_WIDGET_ROWS 256

enum {
  PROP_0,
  PROP_SUMMARY,
  PROP_SELECTED_NAME,
  N_PROPS
};

enum {
  FRAME_ACTIVATED,
  FRAME_ACTION,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SmolderTopView, smolder_top_view, SMOLDER_TYPE_QUERY_VIEW)

/* What the worker is given: immutable inputs only. */
typedef struct {
  SmolderProfile *profile;
  SmolderQuery *query;
  SmolderFrames *frames;  /* the cached table of the granularity, or NULL */
} TopJob;

typedef struct {
  SmolderFrames *frames;
  SmolderTop *top;
  GPtrArray *items;
} TopResult;

static void
top_job_free (TopJob *job)
{
  g_clear_object (&job->profile);
  g_clear_pointer (&job->query, smolder_query_unref);
  g_clear_object (&job->frames);
  g_free (job);
}

static void
top_result_free (TopResult *result)
{
  g_clear_object (&result->frames);
  g_clear_object (&result->top);
  g_clear_pointer (&result->items, g_ptr_array_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TopResult, top_result_free)

static gpointer
smolder_top_view_compute (gpointer       data,
                          GCancellable  *cancellable,
                          GError       **error)
{
  TopJob *job = data;
  g_autoptr(TopResult) result = g_new0 (TopResult, 1);
  guint n_rows;

  if (job->frames != NULL)
    result->frames = g_object_ref (job->frames);
  else
    result->frames = smolder_frames_new (job->profile, smolder_query_get_granularity (job->query));

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  result->top = smolder_top_new_for_frames (result->frames, job->query, cancellable, error);
  if (result->top == NULL)
    return NULL;

  n_rows = smolder_top_get_n_rows (result->top);
  result->items = g_ptr_array_new_full (n_rows, g_object_unref);
  for (guint i = 0; i < n_rows; i++)
    {
      const SmolderTopRow *row = smolder_top_get_row (result->top, i);

      g_ptr_array_add (result->items,
                       smolder_top_item_new (row->frame,
                                             smolder_frames_get_name (result->frames, row->frame),
                                             row->flat, row->cum));
    }

  return g_steal_pointer (&result);
}

static void
smolder_top_view_set_summary (SmolderTopView *self,
                              char           *summary)
{
  g_free (self->summary);
  self->summary = summary;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

static void
smolder_top_view_stop_fill (SmolderTopView *self)
{
  g_clear_handle_id (&self->fill_source, g_source_remove);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
}

static void
smolder_top_view_clear_rows (SmolderTopView *self)
{
  smolder_top_view_stop_fill (self);
  g_list_store_remove_all (self->store);
  g_clear_object (&self->top);
}

/* One step toward showing the current table, TRUE when done. While a new
 * table waits (pending), the old rows leave the view first, from the end,
 * a chunk at a time (their widgets are destroyed then); then the store
 * takes the whole table at once (no widget is made for rows outside the
 * view's slice, and it is already in pprof's order, which the sort keeps
 * in linear time); then the slice grows a chunk at a time. A hidden view
 * skips the widget steps: its rows appear when it is shown. */
static gboolean
smolder_top_view_fill_chunk (SmolderTopView *self)
{
  gboolean mapped = gtk_widget_get_mapped (GTK_WIDGET (self));
  guint shown = gtk_slice_list_model_get_size (self->slice);
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  gint64 begin = g_get_monotonic_time ();
  gboolean done = FALSE;

  shown = MIN (shown, n_rows);
  if (self->pending != NULL)
    {
      if (mapped && shown > 0)
        {
          gtk_slice_list_model_set_size (self->slice,
                                         shown > FILL_WIDGET_ROWS ? FILL_WIDGET_ROWS
                                                                  : shown - MIN (shown, FILL_CHUNK));
          goto out;
        }
      gtk_slice_list_model_set_size (self->slice, 0);
      g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                           self->pending->pdata, self->pending->len);
      g_clear_pointer (&self->pending, g_ptr_array_unref);
      n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
      shown = 0;
      /* The table is complete: no longer busy, whatever is on screen. */
      smolder_query_view_set_extra_busy (SMOLDER_QUERY_VIEW (self), FALSE);
    }

  if (!mapped || shown >= n_rows)
    done = TRUE;
  else if (shown + FILL_CHUNK >= FILL_WIDGET_ROWS || shown + FILL_CHUNK >= n_rows)
    {
      /* Past the rows that get widgets: the rest at once, and any later
       * change of the store shows in full. */
      gtk_slice_list_model_set_size (self->slice, shown + FILL_CHUNK >= n_rows ? G_MAXUINT
                                                                            : FILL_WIDGET_ROWS);
      done = shown + FILL_CHUNK >= n_rows;
    }
  else
    gtk_slice_list_model_set_size (self->slice, shown + FILL_CHUNK);

out:
  self->fill_max_usec = MAX (self->fill_max_usec, g_get_monotonic_time () - begin);
  return done;
}

static gboolean
smolder_top_view_fill_idle_cb (gpointer user_data)
{
  SmolderTopView *self = user_data;

  if (!smolder_top_view_fill_chunk (self))
    return G_SOURCE_CONTINUE;

  g_debug ("Top: %u rows, the longest step took %.1f ms on the main thread",
           g_list_model_get_n_items (G_LIST_MODEL (self->sorted)), self->fill_max_usec / 1000.0);
  self->fill_source = 0;
  return G_SOURCE_REMOVE;
}

/* One step now, the rest between frames (idles run after redraws). */
static void
smolder_top_view_start_fill (SmolderTopView *self)
{
  self->fill_max_usec = 0;
  if (self->fill_source == 0 && !smolder_top_view_fill_chunk (self))
    self->fill_source = g_idle_add (smolder_top_view_fill_idle_cb, self);
}

static void
smolder_top_view_map (GtkWidget *widget)
{
  SmolderTopView *self = SMOLDER_TOP_VIEW (widget);

  GTK_WIDGET_CLASS (smolder_top_view_parent_class)->map (widget);

  /* Rows left out while hidden. */
  smolder_top_view_start_fill (self);
}

static void
smolder_top_view_install (SmolderTopView *self,
                          TopResult      *result)
{
  SmolderProfile *profile = smolder_frames_get_profile (result->frames);
  guint sample_index = smolder_top_get_sample_index (result->top);
  const SmolderValueType *vt = smolder_profile_get_sample_type (profile, sample_index);
  const char * const *warnings = smolder_top_get_warnings (result->top);
  g_autofree char *kept = NULL;
  g_autofree char *total = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GString) total_summary = g_string_new (NULL);

  smolder_query_view_keep_frames (SMOLDER_QUERY_VIEW (self), result->frames);
  g_set_object (&self->top, result->top);

  g_free (self->unit);
  self->unit = g_strdup (vt != NULL ? smolder_profile_get_string (profile, vt->unit) : "");
  self->total = smolder_top_get_total (result->top);

  smolder_top_view_stop_fill (self);
  self->pending = g_ptr_array_ref (result->items);
  /* Busy until the rows are in the store. */
  smolder_query_view_set_extra_busy (SMOLDER_QUERY_VIEW (self), TRUE);

  kept = smolder_units_format (smolder_top_get_kept_total (result->top), self->unit);
  total = smolder_units_format (self->total, self->unit);
  g_string_append_printf (summary,
                          g_dngettext (NULL, "%u row · %s of %s total", "%u rows · %s of %s total",
                                       result->items->len),
                          result->items->len, kept, total);
  g_string_append_printf (total_summary, _("%s total"), total);
  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    {
      g_string_append_printf (summary, " · %s", warnings[i]);
      g_string_append_printf (total_summary, " · %s", warnings[i]);
    }

  /* Before the summary: its notify reads both. */
  g_free (self->total_summary);
  self->total_summary = g_string_free (g_steal_pointer (&total_summary), FALSE);

  smolder_top_view_set_summary (self, g_string_free (g_steal_pointer (&summary), FALSE));

  smolder_top_view_start_fill (self);
}

static void
smolder_top_view_compute_done (gpointer      owner,
                               gpointer      result,
                               const GError *error)
{
  SmolderTopView *self = owner;

  if (result == NULL)
    {
      smolder_top_view_clear_rows (self);
      g_clear_pointer (&self->total_summary, g_free);
      smolder_top_view_set_summary (self, g_strdup (error->message));
      return;
    }

  smolder_top_view_install (self, result);
}

static void
smolder_top_view_refresh (SmolderQueryView *view,
                          SmolderProfile   *profile,
                          SmolderQuery     *query)
{
  SmolderTopView *self = SMOLDER_TOP_VIEW (view);
  TopJob *job = g_new0 (TopJob, 1);

  smolder_top_view_stop_fill (self);
  job->profile = g_object_ref (profile);
  job->query = smolder_query_ref (query);
  job->frames = smolder_query_view_lookup_frames (view);
  smolder_query_view_run (view, smolder_top_view_compute,
                          job, (GDestroyNotify) top_job_free,
                          (GDestroyNotify) top_result_free,
                          smolder_top_view_compute_done);
  smolder_query_view_set_extra_busy (view, FALSE);
}

static void
smolder_top_view_clear (SmolderQueryView *view)
{
  smolder_top_view_clear_rows (SMOLDER_TOP_VIEW (view));
  smolder_query_view_set_extra_busy (view, FALSE);
}

void
_smolder_top_view_emit_frame_activated (SmolderTopView *self,
                                        guint           frame,
                                        const char     *name)
{
  g_signal_emit (self, signals[FRAME_ACTIVATED], 0, frame, name);
}

void
_smolder_top_view_emit_frame_action (SmolderTopView *self,
                                     const char     *action,
                                     const char     *name)
{
  g_signal_emit (self, signals[FRAME_ACTION], 0, action, name);
}

static void
smolder_top_view_activate_cb (SmolderTopView *self,
                              guint           position,
                              GtkColumnView  *column_view)
{
  g_autoptr(SmolderTopItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (item != NULL)
    g_signal_emit (self, signals[FRAME_ACTIVATED], 0,
                   smolder_top_item_get_frame (item),
                   smolder_top_item_get_name (item));
}

static void
smolder_top_view_selection_changed_cb (SmolderTopView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_NAME]);
}

static void
smolder_top_view_dispose (GObject *object)
{
  SmolderTopView *self = SMOLDER_TOP_VIEW (object);

  smolder_top_view_stop_fill (self);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  adw_bin_set_child (ADW_BIN (self), NULL);
  self->selection = NULL;
  self->column_view = NULL;
  g_clear_object (&self->slice);
  g_clear_object (&self->filtered);
  g_clear_object (&self->sorted);
  g_clear_pointer (&self->search, g_regex_unref);
  g_clear_pointer (&self->sum_flat, g_array_unref);
  g_clear_handle_id (&self->scroll_source, g_source_remove);
  g_clear_handle_id (&self->focus_source, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->top);

  G_OBJECT_CLASS (smolder_top_view_parent_class)->dispose (object);
}

static void
smolder_top_view_finalize (GObject *object)
{
  SmolderTopView *self = SMOLDER_TOP_VIEW (object);

  g_free (self->summary);
  g_free (self->total_summary);
  g_free (self->unit);
  g_free (self->menu_name);

  G_OBJECT_CLASS (smolder_top_view_parent_class)->finalize (object);
}

static void
smolder_top_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SmolderTopView *self = SMOLDER_TOP_VIEW (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_SELECTED_NAME:
      g_value_set_string (value, smolder_top_view_get_selected_name (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean smolder_top_view_query_changes (SmolderQueryView   *view,
                                                const SmolderQuery *old,
                                                const SmolderQuery *query);

static void
smolder_top_view_class_init (SmolderTopViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = smolder_top_view_dispose;
  object_class->finalize = smolder_top_view_finalize;
  object_class->get_property = smolder_top_view_get_property;
  GTK_WIDGET_CLASS (klass)->map = smolder_top_view_map;
  SMOLDER_QUERY_VIEW_CLASS (klass)->refresh = smolder_top_view_refresh;
  SMOLDER_QUERY_VIEW_CLASS (klass)->clear = smolder_top_view_clear;
  SMOLDER_QUERY_VIEW_CLASS (klass)->query_changes = smolder_top_view_query_changes;
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_NAME] =
    g_param_spec_string ("selected-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* An action from a row's context menu: ("focus-on", "ignore", "hide",
   * "show" or "show-callers"; the printable name), as SmolderFlameGraph's. */
  signals[FRAME_ACTION] =
    g_signal_new ("frame-action", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  _smolder_top_view_class_init_menu (GTK_WIDGET_CLASS (klass));

  /* A row was double-clicked or activated: (frame id, printable name). */
  signals[FRAME_ACTIVATED] =
    g_signal_new ("frame-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);

  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "smoldertopview");
}

static gboolean
smolder_top_view_match (gpointer item,
                        gpointer user_data)
{
  SmolderTopView *self = user_data;

  return self->search == NULL
         || g_regex_match (self->search, smolder_top_item_get_name (item), 0, NULL);
}

/* A new order starts at its top: the largest rows, not where the old
 * order's scroll happened to be. */
static gboolean
smolder_top_view_scroll_to_top_cb (gpointer user_data)
{
  SmolderTopView *self = user_data;
  GtkAdjustment *vadj = self->column_view != NULL
                        ? gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view)) : NULL;

  self->scroll_source = 0;
  if (vadj == NULL)
    return G_SOURCE_REMOVE;
  /* Through the list's own action: it moves the list's anchor to the first
   * row, so a relayout still to come (slow under load) keeps the top in
   * view; setting the adjustment alone lost to that relayout. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child) && g_list_model_get_n_items (G_LIST_MODEL (self->slice)) > 0)
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", 0);
  gtk_adjustment_set_value (vadj, gtk_adjustment_get_lower (vadj));
  return G_SOURCE_REMOVE;
}

/* After the list has taken the new order: scrolling from inside the
 * sorter's signal races the list's own update. */
static void
smolder_top_view_sort_changed_cb (SmolderTopView *self)
{
  if (self->scroll_source == 0)
    self->scroll_source = g_idle_add (smolder_top_view_scroll_to_top_cb, self);
}

static void
smolder_top_view_init (SmolderTopView *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkColumnViewColumn *flat;
  GtkSingleSelection *selection;

  self->store = g_list_store_new (SMOLDER_TYPE_TOP_ITEM);
  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");
  gtk_column_view_set_reorderable (self->column_view, FALSE);

  flat = _smolder_top_view_add_columns (self);

  /* The store holds pprof's order; GTK's sort is stable, so flat
   * descending keeps pprof's tie-breaks (name, then cum). */
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sorted)),
                                              GTK_FILTER (gtk_custom_filter_new (smolder_top_view_match, self, NULL)));
  self->slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)), 0, G_MAXUINT);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->slice)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  self->selection = selection;
  g_signal_connect_object (selection, "notify::selected",
                           G_CALLBACK (smolder_top_view_selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_object_unref (selection);
  /* Largest first (see compare_flat). */
  gtk_column_view_sort_by_column (self->column_view, flat, GTK_SORT_ASCENDING);
  g_signal_connect_object (self->filtered, "items-changed",
                           G_CALLBACK (_smolder_top_view_invalidate_sums), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (smolder_top_view_sort_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->column_view, "activate",
                           G_CALLBACK (smolder_top_view_activate_cb),
                           self, G_CONNECT_SWAPPED);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->column_view));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  adw_bin_set_child (ADW_BIN (self), scrolled);
}

GtkWidget *
smolder_top_view_new (void)
{
  return g_object_new (SMOLDER_TYPE_TOP_VIEW, NULL);
}

static gboolean
same_regex (GRegex *a,
            GRegex *b)
{
  return g_strcmp0 (a != NULL ? g_regex_get_pattern (a) : NULL,
                    b != NULL ? g_regex_get_pattern (b) : NULL) == 0;
}

/* The table is the same for both: they differ at most in Inverted, which
 * changes the call tree's direction, not flat or cum. Tag filters are not
 * compared: any makes it FALSE. */
static gboolean
smolder_top_view_same_table (const SmolderQuery *a,
                             const SmolderQuery *b)
{
  return a != NULL && b != NULL
         && smolder_query_get_sample_index (a) == smolder_query_get_sample_index (b)
         && smolder_query_get_granularity (a) == smolder_query_get_granularity (b)
         && same_regex (smolder_query_get_focus (a), smolder_query_get_focus (b))
         && same_regex (smolder_query_get_ignore (a), smolder_query_get_ignore (b))
         && same_regex (smolder_query_get_hide (a), smolder_query_get_hide (b))
         && same_regex (smolder_query_get_show (a), smolder_query_get_show (b))
         && same_regex (smolder_query_get_show_from (a), smolder_query_get_show_from (b))
         && smolder_query_get_n_tag_focus (a) == 0 && smolder_query_get_n_tag_focus (b) == 0
         && smolder_query_get_n_tag_ignore (a) == 0 && smolder_query_get_n_tag_ignore (b) == 0;
}

/* Toggling Inverted: the table computed (or on its way) stands. */
static gboolean
smolder_top_view_query_changes (SmolderQueryView   *view,
                                const SmolderQuery *old,
                                const SmolderQuery *query)
{
  return !smolder_top_view_same_table (old, query);
}

const char *
smolder_top_view_get_summary (SmolderTopView *self)
{
  g_return_val_if_fail (SMOLDER_IS_TOP_VIEW (self), NULL);

  return self->summary;
}

/* The summary outside the Top view: the total, without rows (NULL without
 * a result: the summary says why). */
const char *
smolder_top_view_get_total_summary (SmolderTopView *self)
{
  g_return_val_if_fail (SMOLDER_IS_TOP_VIEW (self), NULL);

  return self->total_summary;
}

GListModel *
smolder_top_view_get_model (SmolderTopView *self)
{
  g_return_val_if_fail (SMOLDER_IS_TOP_VIEW (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

SmolderTop *
smolder_top_view_get_top (SmolderTopView *self)
{
  g_return_val_if_fail (SMOLDER_IS_TOP_VIEW (self), NULL);

  return self->top;
}

/* The printable name of the selected row, or NULL. */
const char *
smolder_top_view_get_selected_name (SmolderTopView *self)
{
  SmolderTopItem *item;

  g_return_val_if_fail (SMOLDER_IS_TOP_VIEW (self), NULL);

  if (self->selection == NULL)
    return NULL;
  item = gtk_single_selection_get_selected_item (self->selection);
  return item != NULL ? smolder_top_item_get_name (item) : NULL;
}

/* Shows only the rows whose name @regex matches (NULL: all). */
void
smolder_top_view_set_search (SmolderTopView *self,
                             GRegex         *regex)
{
  GtkFilter *filter;

  g_return_if_fail (SMOLDER_IS_TOP_VIEW (self));

  if (regex == self->search)
    return;
  g_clear_pointer (&self->search, g_regex_unref);
  self->search = regex != NULL ? g_regex_ref (regex) : NULL;
  filter = gtk_filter_list_model_get_filter (self->filtered);
  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
}

/* Rows in the table, searched or not. */
guint
smolder_top_view_get_n_rows (SmolderTopView *self)
{
  g_return_val_if_fail (SMOLDER_IS_TOP_VIEW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
}

static gboolean
smolder_top_view_focus_rows_cb (gpointer user_data)
{
  SmolderTopView *self = user_data;

  self->focus_source = 0;
  smolder_top_view_focus_rows (self);
  return G_SOURCE_REMOVE;
}

/* Keyboard focus to the rows, the first one selected; FALSE without rows. */
gboolean
smolder_top_view_focus_rows (SmolderTopView *self)
{
  g_return_val_if_fail (SMOLDER_IS_TOP_VIEW (self), FALSE);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->slice)) == 0)
    return FALSE;
  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, 0);
  /* The column view's list takes focus on a row through its own action. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      {
        gtk_widget_activate_action (child, "list.scroll-to-item", "u",
                                    gtk_single_selection_get_selected (self->selection));
        if (gtk_widget_child_focus (child, GTK_DIR_TAB_FORWARD))
          return TRUE;
        /* The row has no widget until the list is laid out again. */
        if (self->focus_source == 0)
          self->focus_source = g_idle_add (smolder_top_view_focus_rows_cb, self);
        return TRUE;
      }
  return FALSE;
}
