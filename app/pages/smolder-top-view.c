/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-top-view.c: the Top table. The engine computes it on a worker
 * (GTask); each request bumps a generation so that a late result of an
 * older query is dropped, never shown. */

#include <string.h>

#include <glib/gi18n.h>

#include "smolder-top-item.h"
#include "smolder-top-view.h"
#include "smolder-units.h"

#define N_GRANULARITIES (SMOLDER_GRANULARITY_ADDRESSES + 1)

typedef enum {
  COLUMN_FLAT,
  COLUMN_FLAT_PERCENT,
  COLUMN_CUM,
  COLUMN_CUM_PERCENT,
  COLUMN_NAME,
} Column;

struct _SmolderTopView
{
  AdwBin parent_instance;

  /* widgets */
  GtkColumnView *column_view;
  GtkWidget *context_menu;

  /* owned */
  SmolderProfile *profile;
  SmolderQuery *query;
  SmolderTop *top;
  SmolderFrames *frames[N_GRANULARITIES];
  GListStore *store;
  GtkSortListModel *sorted;
  GCancellable *cancellable;
  char *summary;
  char *unit;
  char *menu_name;      /* the row the context menu is about */
  GtkSingleSelection *selection;
  GPtrArray *pending;   /* rows of the current table not yet in the store */

  /* state */
  gint64 total;
  gint64 fill_max_usec;
  guint pending_pos;
  guint fill_source;
  guint generation;
  gboolean busy;
};

/* GTK 4.8's GtkColumnView builds a row widget for up to 200 items as soon
 * as they are added: rows go into the store a few at a time, between
 * frames, so that no frame waits for hundreds of rows. */
#define FILL_CHUNK 24

enum {
  PROP_0,
  PROP_PROFILE,
  PROP_QUERY,
  PROP_BUSY,
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

G_DEFINE_FINAL_TYPE (SmolderTopView, smolder_top_view, ADW_TYPE_BIN)

/* What the worker is given: immutable inputs only. */
typedef struct {
  GWeakRef view;
  guint generation;
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
  g_weak_ref_clear (&job->view);
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

static void
smolder_top_view_worker (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  TopJob *job = task_data;
  g_autoptr(TopResult) result = g_new0 (TopResult, 1);
  GError *error = NULL;
  guint n_rows;

  if (job->frames != NULL)
    result->frames = g_object_ref (job->frames);
  else
    result->frames = smolder_frames_new (job->profile, smolder_query_get_granularity (job->query));

  if (g_task_return_error_if_cancelled (task))
    return;

  result->top = smolder_top_new_for_frames (result->frames, job->query, cancellable, &error);
  if (result->top == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

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

  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) top_result_free);
}

static void
smolder_top_view_set_busy (SmolderTopView *self,
                           gboolean        busy)
{
  if (self->busy == busy)
    return;

  /* No insensitive look while busy: restyling every row costs a frame. */
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
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
  self->pending_pos = 0;
}

static void
smolder_top_view_clear_rows (SmolderTopView *self)
{
  smolder_top_view_stop_fill (self);
  g_list_store_remove_all (self->store);
  g_clear_object (&self->top);
}

/* One step of replacing the table, TRUE when done: first the old rows
 * go, from the end, a chunk at a time (their widgets are destroyed then);
 * the last old chunk is swapped for the first new one; then the new rows
 * are appended a chunk at a time. */
static gboolean
smolder_top_view_fill_chunk (SmolderTopView *self)
{
  guint n_store = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint n = MIN (FILL_CHUNK, self->pending->len - self->pending_pos);
  gint64 begin = g_get_monotonic_time ();

  if (self->pending_pos == 0 && n_store > FILL_CHUNK)
    g_list_store_splice (self->store, n_store - FILL_CHUNK, FILL_CHUNK, NULL, 0);
  else if (self->pending_pos == 0)
    {
      g_list_store_splice (self->store, 0, n_store, self->pending->pdata, n);
      self->pending_pos = n;
    }
  else
    {
      g_list_store_splice (self->store, n_store, 0, self->pending->pdata + self->pending_pos, n);
      self->pending_pos += n;
    }
  self->fill_max_usec = MAX (self->fill_max_usec, g_get_monotonic_time () - begin);

  return self->pending_pos >= self->pending->len;
}

static void
smolder_top_view_fill_done (SmolderTopView *self)
{
  g_debug ("Top: %u rows, the longest chunk took %.1f ms on the main thread",
           self->pending->len, self->fill_max_usec / 1000.0);
  smolder_top_view_stop_fill (self);
  smolder_top_view_set_busy (self, FALSE);
}

static gboolean
smolder_top_view_fill_idle_cb (gpointer user_data)
{
  SmolderTopView *self = user_data;

  if (!smolder_top_view_fill_chunk (self))
    return G_SOURCE_CONTINUE;

  self->fill_source = 0;
  smolder_top_view_fill_done (self);
  return G_SOURCE_REMOVE;
}

static void
smolder_top_view_install (SmolderTopView *self,
                          TopResult      *result)
{
  SmolderProfile *profile = smolder_frames_get_profile (result->frames);
  guint sample_index = smolder_top_get_sample_index (result->top);
  const SmolderValueType *vt = smolder_profile_get_sample_type (profile, sample_index);
  SmolderGranularity granularity = smolder_frames_get_granularity (result->frames);
  const char * const *warnings = smolder_top_get_warnings (result->top);
  g_autofree char *kept = NULL;
  g_autofree char *total = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);

  if (granularity < N_GRANULARITIES)
    g_set_object (&self->frames[granularity], result->frames);
  g_set_object (&self->top, result->top);

  g_free (self->unit);
  self->unit = g_strdup (vt != NULL ? smolder_profile_get_string (profile, vt->unit) : "");
  self->total = smolder_top_get_total (result->top);

  smolder_top_view_stop_fill (self);
  self->pending = g_ptr_array_ref (result->items);
  self->fill_max_usec = 0;

  kept = smolder_units_format (smolder_top_get_kept_total (result->top), self->unit);
  total = smolder_units_format (self->total, self->unit);
  g_string_append_printf (summary,
                          g_dngettext (NULL, "%u row · %s of %s total", "%u rows · %s of %s total",
                                       result->items->len),
                          result->items->len, kept, total);
  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    g_string_append_printf (summary, " · %s", warnings[i]);

  smolder_top_view_set_summary (self, g_string_free (g_steal_pointer (&summary), FALSE));

  /* One step now, the rest between frames (idles run after redraws);
   * "busy" stays set until the table is complete. */
  if (smolder_top_view_fill_chunk (self))
    smolder_top_view_fill_done (self);
  else
    self->fill_source = g_idle_add (smolder_top_view_fill_idle_cb, self);
}

static void
smolder_top_view_worker_done (GObject      *source_object,
                              GAsyncResult *res,
                              gpointer      user_data)
{
  GTask *task = G_TASK (res);
  TopJob *job = g_task_get_task_data (task);
  g_autoptr(SmolderTopView) self = g_weak_ref_get (&job->view);
  g_autoptr(TopResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = g_task_propagate_pointer (task, &error);

  /* Gone, or superseded by a newer query: drop it. */
  if (self == NULL || job->generation != self->generation)
    return;

  if (result == NULL)
    {
      smolder_top_view_set_busy (self, FALSE);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          smolder_top_view_clear_rows (self);
          smolder_top_view_set_summary (self, g_strdup (error->message));
        }
      return;
    }

  smolder_top_view_install (self, result);
}

static void
smolder_top_view_update (SmolderTopView *self)
{
  g_autoptr(GTask) task = NULL;
  SmolderGranularity granularity;
  TopJob *job;

  self->generation++;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  smolder_top_view_stop_fill (self);

  if (self->profile == NULL || self->query == NULL)
    {
      smolder_top_view_clear_rows (self);
      smolder_top_view_set_busy (self, FALSE);
      return;
    }

  granularity = smolder_query_get_granularity (self->query);

  job = g_new0 (TopJob, 1);
  g_weak_ref_init (&job->view, self);
  job->generation = self->generation;
  job->profile = g_object_ref (self->profile);
  job->query = smolder_query_ref (self->query);
  if (granularity < N_GRANULARITIES && self->frames[granularity] != NULL)
    job->frames = g_object_ref (self->frames[granularity]);

  self->cancellable = g_cancellable_new ();
  /* No source object: a running worker must not keep the view alive. */
  task = g_task_new (NULL, self->cancellable, smolder_top_view_worker_done, NULL);
  g_task_set_source_tag (task, smolder_top_view_update);
  g_task_set_task_data (task, job, (GDestroyNotify) top_job_free);
  g_task_run_in_thread (task, smolder_top_view_worker);

  smolder_top_view_set_busy (self, TRUE);
}

static char *
format_percent (gint64 value,
                gint64 total)
{
  double pct;

  if (total == 0)
    return g_strdup ("");
  if (value == 0)
    return g_strdup ("0%");
  if (value == total)
    return g_strdup ("100%");

  pct = 100.0 * (double) value / (double) ABS (total);
  return g_strdup_printf ("%.2f%%", pct);
}

/* The full name, only when the cell shows it ellipsized. */
static gboolean
smolder_top_view_name_query_tooltip_cb (GtkWidget  *widget,
                                        int         x,
                                        int         y,
                                        gboolean    keyboard_mode,
                                        GtkTooltip *tooltip,
                                        gpointer    user_data)
{
  GtkInscription *label = GTK_INSCRIPTION (widget);
  const char *text = gtk_inscription_get_text (label);
  PangoLayout *layout;
  int text_width;

  if (text == NULL || text[0] == '\0')
    return FALSE;

  layout = gtk_widget_create_pango_layout (widget, text);
  pango_layout_get_pixel_size (layout, &text_width, NULL);
  g_object_unref (layout);

  if (text_width <= gtk_widget_get_width (widget))
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
smolder_top_view_popup_menu (SmolderTopView *self,
                             double          x,
                             double          y)
{
  if (self->context_menu == NULL)
    {
      g_autoptr(GMenu) menu = g_menu_new ();
      g_autoptr(GMenu) filters = g_menu_new ();
      g_autoptr(GMenu) other = g_menu_new ();

      g_menu_append (filters, _("_Focus on"), "top.focus-on");
      g_menu_append (filters, _("_Ignore"), "top.ignore");
      g_menu_append (filters, _("_Hide"), "top.hide");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (filters));
      g_menu_append (other, _("Show _Callers/Callees"), "top.show-callers");
      g_menu_append (other, _("Show in _Flame Graph"), "top.show-in-flame-graph");
      g_menu_append (other, _("Copy _Name"), "top.copy-name");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (other));

      self->context_menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
      gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
    }

  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
smolder_top_view_menu_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  SmolderTopView *self = SMOLDER_TOP_VIEW (widget);
  const char *action = action_name + strlen ("top.");

  if (self->menu_name == NULL)
    return;

  if (g_str_equal (action, "copy-name"))
    {
      gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->menu_name);
      return;
    }
  if (g_str_equal (action, "show-in-flame-graph"))
    {
      guint frame = SMOLDER_NO_ID;

      if (self->top != NULL)
        smolder_frames_lookup (smolder_top_get_frames (self->top), self->menu_name, &frame);
      g_signal_emit (self, signals[FRAME_ACTIVATED], 0, frame, self->menu_name);
      return;
    }
  g_signal_emit (self, signals[FRAME_ACTION], 0, action, self->menu_name);
}

static void
smolder_top_view_cell_pressed_cb (SmolderTopView *self,
                                  int             n_press,
                                  double          x,
                                  double          y,
                                  GtkGesture     *gesture)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (gesture), "smolder-list-item");
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  SmolderTopItem *item = gtk_list_item_get_item (list_item);
  guint position = gtk_list_item_get_position (list_item);
  graphene_point_t point;

  if (item == NULL)
    return;

  gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_single_selection_set_selected (self->selection, position);
  g_free (self->menu_name);
  self->menu_name = g_strdup (smolder_top_item_get_name (item));

  if (!gtk_widget_compute_point (cell, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &point))
    point = GRAPHENE_POINT_INIT (0, 0);
  smolder_top_view_popup_menu (self, point.x, point.y);
}

static void
smolder_top_view_setup_cb (SmolderTopView           *self,
                           GtkListItem              *list_item,
                           GtkSignalListItemFactory *factory)
{
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "smolder-column"));
  GtkWidget *label = gtk_inscription_new (NULL);

  if (column == COLUMN_NAME)
    {
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), 24);
      gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label), 60);
      gtk_inscription_set_text_overflow (GTK_INSCRIPTION (label),
                                         GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_MIDDLE);
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip",
                        G_CALLBACK (smolder_top_view_name_query_tooltip_cb), NULL);
    }
  else
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (label), 1.0);
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), 8);
      gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label), 10);
      gtk_widget_add_css_class (label, "numeric");
    }

  /* Right-click on any cell of a row: that row's context menu. */
  {
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
    g_object_set_data (G_OBJECT (click), "smolder-list-item", list_item);
    g_signal_connect_object (click, "pressed",
                             G_CALLBACK (smolder_top_view_cell_pressed_cb),
                             self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (click));
  }

  gtk_list_item_set_child (list_item, label);
}

static void
smolder_top_view_bind_cb (SmolderTopView           *self,
                          GtkListItem              *list_item,
                          GtkSignalListItemFactory *factory)
{
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "smolder-column"));
  SmolderTopItem *item = gtk_list_item_get_item (list_item);
  GtkInscription *label = GTK_INSCRIPTION (gtk_list_item_get_child (list_item));
  g_autofree char *text = NULL;

  switch (column)
    {
    case COLUMN_FLAT:
      text = smolder_units_format (smolder_top_item_get_flat (item), self->unit);
      break;
    case COLUMN_FLAT_PERCENT:
      text = format_percent (smolder_top_item_get_flat (item), self->total);
      break;
    case COLUMN_CUM:
      text = smolder_units_format (smolder_top_item_get_cum (item), self->unit);
      break;
    case COLUMN_CUM_PERCENT:
      text = format_percent (smolder_top_item_get_cum (item), self->total);
      break;
    case COLUMN_NAME:
    default:
      /* Plain text: names are never markup. */
      gtk_inscription_set_text (label, smolder_top_item_get_name (item));
      return;
    }

  gtk_inscription_set_text (label, text);
}

static int
compare_flat (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  gint64 fa = smolder_top_item_get_flat ((SmolderTopItem *) a);
  gint64 fb = smolder_top_item_get_flat ((SmolderTopItem *) b);

  return (fa > fb) - (fa < fb);
}

static int
compare_cum (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  gint64 ca = smolder_top_item_get_cum ((SmolderTopItem *) a);
  gint64 cb = smolder_top_item_get_cum ((SmolderTopItem *) b);

  return (ca > cb) - (ca < cb);
}

static int
compare_name (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  int cmp = strcmp (smolder_top_item_get_name ((SmolderTopItem *) a),
                    smolder_top_item_get_name ((SmolderTopItem *) b));

  return (cmp > 0) - (cmp < 0);
}

static GtkColumnViewColumn *
smolder_top_view_add_column (SmolderTopView   *self,
                             Column            column,
                             const char       *title,
                             GCompareDataFunc  compare)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare, NULL, NULL));
  GtkColumnViewColumn *col;

  g_object_set_data (G_OBJECT (factory), "smolder-column", GUINT_TO_POINTER (column));
  g_signal_connect_object (factory, "setup", G_CALLBACK (smolder_top_view_setup_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "bind", G_CALLBACK (smolder_top_view_bind_cb),
                           self, G_CONNECT_SWAPPED);

  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (col, sorter);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_column_set_expand (col, column == COLUMN_NAME);
  gtk_column_view_append_column (self->column_view, col);
  g_object_unref (col);  /* the view holds it */

  return col;
}

static void
smolder_top_view_activate_cb (SmolderTopView *self,
                              guint           position,
                              GtkColumnView  *column_view)
{
  g_autoptr(SmolderTopItem) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

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

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  smolder_top_view_stop_fill (self);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  adw_bin_set_child (ADW_BIN (self), NULL);
  self->selection = NULL;
  self->column_view = NULL;
  g_clear_object (&self->sorted);
  g_clear_object (&self->store);
  g_clear_object (&self->top);
  for (guint i = 0; i < N_GRANULARITIES; i++)
    g_clear_object (&self->frames[i]);
  g_clear_object (&self->profile);
  g_clear_pointer (&self->query, smolder_query_unref);

  G_OBJECT_CLASS (smolder_top_view_parent_class)->dispose (object);
}

static void
smolder_top_view_finalize (GObject *object)
{
  SmolderTopView *self = SMOLDER_TOP_VIEW (object);

  g_free (self->summary);
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
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;
    case PROP_QUERY:
      g_value_set_boxed (value, self->query);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
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

static void
smolder_top_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SmolderTopView *self = SMOLDER_TOP_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      smolder_top_view_set_profile (self, g_value_get_object (value));
      break;
    case PROP_QUERY:
      smolder_top_view_set_query (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smolder_top_view_class_init (SmolderTopViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = smolder_top_view_dispose;
  object_class->finalize = smolder_top_view_finalize;
  object_class->get_property = smolder_top_view_get_property;
  object_class->set_property = smolder_top_view_set_property;

  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL, SMOLDER_TYPE_PROFILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUERY] =
    g_param_spec_boxed ("query", NULL, NULL, SMOLDER_TYPE_QUERY,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_NAME] =
    g_param_spec_string ("selected-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* An action from a row's context menu: ("focus-on", "ignore", "hide"
   * or "show-callers"; the printable name), as SmolderFlameGraph's. */
  signals[FRAME_ACTION] =
    g_signal_new ("frame-action", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "top.focus-on", NULL, smolder_top_view_menu_action);
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "top.ignore", NULL, smolder_top_view_menu_action);
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "top.hide", NULL, smolder_top_view_menu_action);
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "top.show-callers", NULL, smolder_top_view_menu_action);
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "top.show-in-flame-graph", NULL, smolder_top_view_menu_action);
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "top.copy-name", NULL, smolder_top_view_menu_action);

  /* A row was double-clicked or activated: (frame id, printable name). */
  signals[FRAME_ACTIVATED] =
    g_signal_new ("frame-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);

  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "smoldertopview");
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

  flat = smolder_top_view_add_column (self, COLUMN_FLAT, _("Flat"), compare_flat);
  smolder_top_view_add_column (self, COLUMN_FLAT_PERCENT, _("Flat %"), compare_flat);
  smolder_top_view_add_column (self, COLUMN_CUM, _("Cum"), compare_cum);
  smolder_top_view_add_column (self, COLUMN_CUM_PERCENT, _("Cum %"), compare_cum);
  smolder_top_view_add_column (self, COLUMN_NAME, _("Name"), compare_name);

  /* The store holds pprof's order; GTK's sort is stable, so flat
   * descending keeps pprof's tie-breaks (name, then cum). */
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  self->selection = selection;
  g_signal_connect_object (selection, "notify::selected",
                           G_CALLBACK (smolder_top_view_selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_object_unref (selection);
  gtk_column_view_sort_by_column (self->column_view, flat, GTK_SORT_DESCENDING);

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

SmolderProfile *
smolder_top_view_get_profile (SmolderTopView *self)
{
  g_return_val_if_fail (SMOLDER_IS_TOP_VIEW (self), NULL);

  return self->profile;
}

void
smolder_top_view_set_profile (SmolderTopView *self,
                              SmolderProfile *profile)
{
  g_return_if_fail (SMOLDER_IS_TOP_VIEW (self));
  g_return_if_fail (!profile || SMOLDER_IS_PROFILE (profile));

  if (!g_set_object (&self->profile, profile))
    return;

  /* Frame tables belong to the old profile. */
  for (guint i = 0; i < N_GRANULARITIES; i++)
    g_clear_object (&self->frames[i]);

  smolder_top_view_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
}

SmolderQuery *
smolder_top_view_get_query (SmolderTopView *self)
{
  g_return_val_if_fail (SMOLDER_IS_TOP_VIEW (self), NULL);

  return self->query;
}

void
smolder_top_view_set_query (SmolderTopView *self,
                            SmolderQuery   *query)
{
  g_return_if_fail (SMOLDER_IS_TOP_VIEW (self));

  if (self->query == query)
    return;

  if (query != NULL)
    smolder_query_ref (query);
  g_clear_pointer (&self->query, smolder_query_unref);
  self->query = query;

  smolder_top_view_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

gboolean
smolder_top_view_get_busy (SmolderTopView *self)
{
  g_return_val_if_fail (SMOLDER_IS_TOP_VIEW (self), FALSE);

  return self->busy;
}

const char *
smolder_top_view_get_summary (SmolderTopView *self)
{
  g_return_val_if_fail (SMOLDER_IS_TOP_VIEW (self), NULL);

  return self->summary;
}

GListModel *
smolder_top_view_get_model (SmolderTopView *self)
{
  g_return_val_if_fail (SMOLDER_IS_TOP_VIEW (self), NULL);

  return G_LIST_MODEL (self->sorted);
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
