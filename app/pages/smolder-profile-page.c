/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-profile-page.c: a tab. Loads its file on a worker (a progress
 * bar and Cancel meanwhile), then shows the toolbar and the views (flame graph,
 * Top, callers/callees), all fed by one query; an error stays inside this
 * tab, naming the file and the reason. Filters and their chips are in
 * smolder-profile-page-filters.c; search, the jumps between views and
 * export in smolder-profile-page-actions.c. */

#include <glib/gi18n.h>

#include "smolder-profile-page-private.h"
#include "smolder-load.h"

enum {
  PROP_0,
  PROP_FILE,
  PROP_TITLE,
  PROP_TOOLTIP,
  PROP_LOADING,
  PROP_ICON,
  PROP_PROFILE,
  PROP_BUSY,
  N_PROPS
};

enum {
  LOADED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SmolderProfilePage, smolder_profile_page, ADW_TYPE_BIN)

typedef struct {
  GWeakRef page;
  guint generation;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_weak_ref_clear (&data->page);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

/* The load's progress, read ~10 times a second: the bar pulses until the
 * decoder reports (a proto file reports only at the end). */
static gboolean
smolder_profile_page_progress_cb (gpointer user_data)
{
  SmolderProfilePage *self = user_data;
  double fraction = self->progress != NULL ? smolder_progress_get (self->progress) : 0.0;

  if (fraction > 0.0)
    gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  else
    gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
smolder_profile_page_set_loading (SmolderProfilePage *self,
                                  gboolean            loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (loading)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
      self->progress_source = g_timeout_add (100, smolder_profile_page_progress_cb, self);
    }
  else
    {
      /* Finished (or stopped): the bar shows where it got to. */
      if (self->progress != NULL && smolder_progress_get (self->progress) > 0.0)
        gtk_progress_bar_set_fraction (self->progress_bar, smolder_progress_get (self->progress));
      g_clear_pointer (&self->progress, smolder_progress_unref);
    }
  /* Escape cancels only a load in progress; otherwise it is left to others. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.cancel", loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
smolder_profile_page_set_icon (SmolderProfilePage *self,
                               const char         *icon_name)
{
  g_clear_object (&self->icon);
  if (icon_name != NULL)
    self->icon = g_themed_icon_new (icon_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ICON]);
}

static void
smolder_profile_page_set_tooltip (SmolderProfilePage *self,
                                  const char         *detail)
{
  g_autofree char *where = self->file != NULL ? g_file_get_parse_name (self->file)
                                                : g_strdup (self->title);

  g_free (self->tooltip);
  /* AdwTabPage tooltips are markup. */
  if (detail != NULL)
    self->tooltip = g_markup_printf_escaped ("%s\n%s", where, detail);
  else
    self->tooltip = g_markup_escape_text (where, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOLTIP]);
}

/* The page's query: the controls (sample type, granularity, inverted)
 * and the filters. A new query each time: views keep theirs while a
 * worker reads it. */
void
_smolder_profile_page_update_query (SmolderProfilePage *self)
{
  g_autoptr(SmolderQuery) query = NULL;
  g_autoptr(GError) error = NULL;
  guint sample_index;
  guint granularity;

  if (self->profile == NULL || self->updating_controls)
    return;

  sample_index = gtk_drop_down_get_selected (self->sample_type_dropdown);
  granularity = gtk_drop_down_get_selected (self->granularity_dropdown);
  if (granularity > SMOLDER_GRANULARITY_ADDRESSES)
    granularity = SMOLDER_GRANULARITY_FUNCTIONS;

  query = self->query != NULL ? smolder_query_copy (self->query) : smolder_query_new ();
  if (sample_index != GTK_INVALID_LIST_POSITION)
    smolder_query_set_sample_index (query, sample_index);
  smolder_query_set_granularity (query, granularity);
  smolder_query_set_inverted (query, gtk_toggle_button_get_active (self->inverted_button));
  /* Each filter was checked when added. */
  if (!_smolder_profile_page_apply_filters (self->filters, query, &error))
    g_warning ("Filters: %s", error->message);

  g_clear_pointer (&self->query, smolder_query_unref);
  self->query = g_steal_pointer (&query);

  smolder_top_view_set_query (self->top_view, self->query);
  smolder_flame_view_set_query (self->flame_view, self->query);
  smolder_callers_view_set_query (self->callers_view, self->query);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
smolder_profile_page_update_orientation (SmolderProfilePage *self)
{
  smolder_flame_graph_set_orientation (smolder_flame_view_get_flame_graph (self->flame_view),
                                       gtk_toggle_button_get_active (self->icicle_button)
                                       ? SMOLDER_FLAME_ORIENTATION_ICICLE
                                       : SMOLDER_FLAME_ORIENTATION_FLAME);
}

/* Rows are the Top table's; the other views say only the total. */
static void
smolder_profile_page_update_summary (SmolderProfilePage *self)
{
  const char *summary = smolder_top_view_get_summary (self->top_view);
  const char *total = smolder_top_view_get_total_summary (self->top_view);

  if (total != NULL && g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "top") != 0)
    summary = total;
  gtk_label_set_label (self->summary_label, summary != NULL ? summary : "");
}

static void
smolder_profile_page_view_busy_cb (SmolderProfilePage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
smolder_profile_page_set_views_profile (SmolderProfilePage *self,
                                        SmolderProfile     *profile)
{
  smolder_top_view_set_profile (self->top_view, profile);
  smolder_flame_view_set_profile (self->flame_view, profile);
  smolder_callers_view_set_profile (self->callers_view, profile);
}

static void
smolder_profile_page_show_profile (SmolderProfilePage *self)
{
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  guint n_types = smolder_profile_get_n_sample_types (self->profile);
  guint default_index = smolder_profile_get_default_sample_index (self->profile);
  g_autofree char *detail = NULL;

  for (guint i = 0; i < n_types; i++)
    {
      const SmolderValueType *vt = smolder_profile_get_sample_type (self->profile, i);
      g_autofree char *label = g_strdup_printf ("%s (%s)",
                                                smolder_profile_get_string (self->profile, vt->type),
                                                smolder_profile_get_string (self->profile, vt->unit));

      gtk_string_list_append (types, label);
    }

  self->updating_controls = TRUE;
  gtk_drop_down_set_model (self->sample_type_dropdown, G_LIST_MODEL (types));
  if (default_index < n_types)
    gtk_drop_down_set_selected (self->sample_type_dropdown, default_index);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sample_type_dropdown), n_types > 1);
  self->updating_controls = FALSE;

  detail = g_strdup_printf (_("%s profile · %s · %u samples"),
                            smolder_profile_kind_to_string (smolder_profile_get_kind (self->profile)),
                            smolder_profile_format_to_string (smolder_profile_get_format (self->profile)),
                            smolder_profile_get_n_samples (self->profile));
  smolder_profile_page_set_tooltip (self, detail);

  smolder_profile_page_set_views_profile (self, self->profile);
  _smolder_profile_page_update_query (self);
  gtk_stack_set_visible_child_name (self->stack, "content");
}

static void
smolder_profile_page_show_error (SmolderProfilePage *self)
{
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  if (g_error_matches (self->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      title = g_strdup (_("Loading Cancelled"));
      description = g_markup_printf_escaped (_("“%s” was not opened."), self->title);
      smolder_profile_page_set_icon (self, NULL);
    }
  else
    {
      title = g_strdup_printf (_("Could Not Open “%s”"), self->title);
      /* The status page description is markup; the reason is not. */
      description = g_markup_escape_text (self->error->message, -1);
      smolder_profile_page_set_icon (self, "dialog-error-symbolic");
    }

  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->stack, "error");
  smolder_profile_page_set_tooltip (self, self->error->message);
}

static void
smolder_profile_page_load_cb (GObject      *source_object,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  g_autoptr(SmolderProfilePage) self = g_weak_ref_get (&data->page);
  g_autoptr(SmolderProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  profile = smolder_profile_load_finish (result, &error);

  /* The tab is gone, or a newer load replaced this one. */
  if (self == NULL || data->generation != self->generation)
    return;

  g_clear_object (&self->cancellable);
  if (profile != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, 1.0);

  /* The error (and its page) before notify::loading: the window reads it
   * there to toast a tab that failed out of sight. */
  if (profile == NULL)
    {
      self->error = g_steal_pointer (&error);
      smolder_profile_page_show_error (self);
      smolder_profile_page_set_loading (self, FALSE);
      return;
    }
  smolder_profile_page_set_loading (self, FALSE);

  self->profile = g_steal_pointer (&profile);
  smolder_profile_page_show_profile (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
  g_signal_emit (self, signals[LOADED], 0);
}

static void
smolder_profile_page_stop_start_handler (SmolderProfilePage *self)
{
  GdkFrameClock *clock;

  if (self->start_handler == 0)
    return;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock != NULL)
    g_signal_handler_disconnect (clock, self->start_handler);
  self->start_handler = 0;
}

static void
smolder_profile_page_start_load (SmolderProfilePage *self)
{
  LoadData *data;

  smolder_profile_page_stop_start_handler (self);

  data = g_new0 (LoadData, 1);
  g_weak_ref_init (&data->page, self);
  data->generation = self->generation;
  smolder_profile_load_with_progress_async (self->file, NULL, self->progress, self->cancellable,
                                            smolder_profile_page_load_cb, data);
}

void
smolder_profile_page_load (SmolderProfilePage *self)
{
  g_autofree char *loading_title = NULL;
  GdkFrameClock *clock;

  g_return_if_fail (SMOLDER_IS_PROFILE_PAGE (self));

  /* A merged profile has nothing to load. */
  if (self->file == NULL)
    return;

  smolder_profile_page_stop_start_handler (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->error);
  if (self->profile != NULL)
    {
      smolder_profile_page_set_views_profile (self, NULL);
      g_clear_pointer (&self->query, smolder_query_unref);
      g_clear_object (&self->profile);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
    }

  self->generation++;
  self->cancellable = g_cancellable_new ();
  /* A reload while loading: the old load's progress is not this one's. */
  g_clear_pointer (&self->progress, smolder_progress_unref);
  self->progress = smolder_progress_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);

  loading_title = g_strdup_printf (_("Loading “%s”…"), self->title);
  adw_status_page_set_title (self->loading_page, loading_title);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  smolder_profile_page_set_icon (self, NULL);
  smolder_profile_page_set_tooltip (self, NULL);
  smolder_profile_page_set_loading (self, TRUE);

  /* The worker starts once the loading page is on screen: on two cores,
   * a decoder started now would slow down the tab's first frame. */
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock != NULL)
    {
      self->start_handler = g_signal_connect_object (clock, "after-paint",
                                                     G_CALLBACK (smolder_profile_page_start_load),
                                                     self, G_CONNECT_SWAPPED);
      /* A frame comes even when nothing shown changed (a background tab). */
      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
    }
  else
    smolder_profile_page_start_load (self);
}

void
smolder_profile_page_cancel (SmolderProfilePage *self)
{
  g_return_if_fail (SMOLDER_IS_PROFILE_PAGE (self));

  g_cancellable_cancel (self->cancellable);
}

static void
smolder_profile_page_cancel_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  smolder_profile_page_cancel (SMOLDER_PROFILE_PAGE (widget));
}

static void
smolder_profile_page_reload_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  smolder_profile_page_load (SMOLDER_PROFILE_PAGE (widget));
}

static void
smolder_profile_page_constructed (GObject *object)
{
  SmolderProfilePage *self = SMOLDER_PROFILE_PAGE (object);

  G_OBJECT_CLASS (smolder_profile_page_parent_class)->constructed (object);

  if (self->file != NULL)
    {
      g_free (self->title);
      self->title = g_file_get_basename (self->file);
      if (self->title == NULL || !g_utf8_validate (self->title, -1, NULL))
        {
          g_free (self->title);
          self->title = g_file_get_parse_name (self->file);
        }
    }
  if (self->title == NULL)
    self->title = g_strdup (_("Merged Profile"));
  smolder_profile_page_set_tooltip (self, NULL);
}

static void
smolder_profile_page_dispose (GObject *object)
{
  SmolderProfilePage *self = SMOLDER_PROFILE_PAGE (object);

  smolder_profile_page_stop_start_handler (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_pointer (&self->progress, smolder_progress_unref);
  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  if (self->export_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->export_chooser));
  g_clear_object (&self->export_chooser);

  /* The stack is both AdwBin's child and a template child: detach it from
   * the bin first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMOLDER_TYPE_PROFILE_PAGE);

  g_clear_object (&self->profile);
  g_clear_pointer (&self->query, smolder_query_unref);
  g_clear_object (&self->icon);
  g_clear_pointer (&self->filters, g_ptr_array_unref);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);

  G_OBJECT_CLASS (smolder_profile_page_parent_class)->dispose (object);
}

static void
smolder_profile_page_finalize (GObject *object)
{
  SmolderProfilePage *self = SMOLDER_PROFILE_PAGE (object);

  g_clear_object (&self->file);
  g_clear_error (&self->error);
  g_free (self->title);
  g_free (self->tooltip);

  G_OBJECT_CLASS (smolder_profile_page_parent_class)->finalize (object);
}

static void
smolder_profile_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SmolderProfilePage *self = SMOLDER_PROFILE_PAGE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_TOOLTIP:
      g_value_set_string (value, self->tooltip);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_ICON:
      g_value_set_object (value, self->icon);
      break;
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, smolder_profile_page_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smolder_profile_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SmolderProfilePage *self = SMOLDER_PROFILE_PAGE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    case PROP_TITLE:
      g_free (self->title);
      self->title = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smolder_profile_page_class_init (SmolderProfilePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = smolder_profile_page_constructed;
  object_class->dispose = smolder_profile_page_dispose;
  object_class->finalize = smolder_profile_page_finalize;
  object_class->get_property = smolder_profile_page_get_property;
  object_class->set_property = smolder_profile_page_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOOLTIP] =
    g_param_spec_string ("tooltip", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON] =
    g_param_spec_object ("icon", NULL, NULL, G_TYPE_ICON,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL, SMOLDER_TYPE_PROFILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The profile loaded and is shown. */
  signals[LOADED] =
    g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (SMOLDER_TYPE_TOP_VIEW);
  g_type_ensure (SMOLDER_TYPE_FLAME_VIEW);
  g_type_ensure (SMOLDER_TYPE_CALLERS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/smolder/Smolder/smolder-profile-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SmolderProfilePage, stack);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfilePage, loading_page);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfilePage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfilePage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfilePage, sample_type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfilePage, granularity_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfilePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfilePage, top_view);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfilePage, inverted_button);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfilePage, icicle_button);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfilePage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfilePage, filter_popover);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfilePage, filter_mode_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfilePage, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfilePage, filter_error_label);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfilePage, search_button);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfilePage, chip_box);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfilePage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfilePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfilePage, search_label);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfilePage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfilePage, flame_view);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfilePage, callers_view);

  gtk_widget_class_install_action (widget_class, "page.cancel", NULL, smolder_profile_page_cancel_action);
  gtk_widget_class_install_action (widget_class, "page.reload", NULL, smolder_profile_page_reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "page.cancel", NULL);

  _smolder_profile_page_class_init_filters (widget_class);
  _smolder_profile_page_class_init_actions (widget_class);
}

static void
smolder_profile_page_init (SmolderProfilePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.cancel", FALSE);

  g_signal_connect_object (self->sample_type_dropdown, "notify::selected",
                           G_CALLBACK (_smolder_profile_page_update_query),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->granularity_dropdown, "notify::selected",
                           G_CALLBACK (_smolder_profile_page_update_query),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->inverted_button, "notify::active",
                           G_CALLBACK (_smolder_profile_page_update_query),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->icicle_button, "notify::active",
                           G_CALLBACK (smolder_profile_page_update_orientation),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->top_view, "notify::summary",
                           G_CALLBACK (smolder_profile_page_update_summary),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (smolder_profile_page_update_summary),
                           self, G_CONNECT_SWAPPED);
  smolder_profile_page_update_summary (self);
  g_signal_connect_object (self->top_view, "notify::busy",
                           G_CALLBACK (smolder_profile_page_view_busy_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flame_view, "notify::busy",
                           G_CALLBACK (smolder_profile_page_view_busy_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->callers_view, "notify::busy",
                           G_CALLBACK (smolder_profile_page_view_busy_cb),
                           self, G_CONNECT_SWAPPED);

  /* One frame table per granularity for the three views. */
  {
    g_autoptr(SmolderFramesCache) cache = smolder_frames_cache_new ();

    smolder_top_view_set_frames_cache (self->top_view, cache);
    smolder_flame_view_set_frames_cache (self->flame_view, cache);
    smolder_callers_view_set_frames_cache (self->callers_view, cache);
  }

  self->filters = g_ptr_array_new_with_free_func ((GDestroyNotify) _smolder_profile_page_filter_free);
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  _smolder_profile_page_init_filters (self);
  _smolder_profile_page_init_actions (self);
}

SmolderProfilePage *
smolder_profile_page_new (GFile *file)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (SMOLDER_TYPE_PROFILE_PAGE,
                       "file", file,
                       NULL);
}

SmolderProfilePage *
smolder_profile_page_new_for_profile (SmolderProfile *profile,
                                      const char     *title)
{
  SmolderProfilePage *self;

  g_return_val_if_fail (SMOLDER_IS_PROFILE (profile), NULL);

  self = g_object_new (SMOLDER_TYPE_PROFILE_PAGE,
                       "title", title,
                       NULL);
  self->profile = g_object_ref (profile);
  smolder_profile_page_show_profile (self);
  return self;
}

GFile *
smolder_profile_page_get_file (SmolderProfilePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_PAGE (self), NULL);

  return self->file;
}

const char *
smolder_profile_page_get_title (SmolderProfilePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_PAGE (self), NULL);

  return self->title;
}

gboolean
smolder_profile_page_get_loading (SmolderProfilePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_PAGE (self), FALSE);

  return self->loading;
}

SmolderProfile *
smolder_profile_page_get_profile (SmolderProfilePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_PAGE (self), NULL);

  return self->profile;
}

const GError *
smolder_profile_page_get_error (SmolderProfilePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_PAGE (self), NULL);

  return self->error;
}

SmolderTopView *
smolder_profile_page_get_top_view (SmolderProfilePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_PAGE (self), NULL);

  return self->top_view;
}

SmolderFlameView *
smolder_profile_page_get_flame_view (SmolderProfilePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_PAGE (self), NULL);

  return self->flame_view;
}

SmolderCallersView *
smolder_profile_page_get_callers_view (SmolderProfilePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_PAGE (self), NULL);

  return self->callers_view;
}

SmolderQuery *
smolder_profile_page_get_query (SmolderProfilePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_PAGE (self), NULL);

  return self->query;
}

gboolean
smolder_profile_page_get_busy (SmolderProfilePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_PAGE (self), FALSE);

  return self->loading
         || smolder_top_view_get_busy (self->top_view)
         || smolder_flame_view_get_busy (self->flame_view)
         || smolder_callers_view_get_busy (self->callers_view);
}

const char *
smolder_profile_page_get_view (SmolderProfilePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_PAGE (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
smolder_profile_page_set_view (SmolderProfilePage *self,
                               const char         *name)
{
  g_return_if_fail (SMOLDER_IS_PROFILE_PAGE (self));

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* Toasts go to the window's overlay (the nearest one above the page). */
void
_smolder_profile_page_add_toast (SmolderProfilePage *self,
                                 AdwToast           *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}
