/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-profile-page.c: a tab. Loads its file on a worker (spinner and
 * Cancel meanwhile), then shows the toolbar and the Top view; an error
 * stays inside this tab, naming the file and the reason. */

#include <glib/gi18n.h>

#include "smolder-profile-page.h"

struct _SmolderProfilePage
{
  AdwBin parent_instance;

  /* template widgets */
  GtkStack *stack;
  AdwStatusPage *loading_page;
  GtkSpinner *spinner;
  AdwStatusPage *error_page;
  GtkDropDown *sample_type_dropdown;
  GtkDropDown *granularity_dropdown;
  GtkLabel *summary_label;
  SmolderTopView *top_view;

  /* owned */
  GFile *file;
  SmolderProfile *profile;
  GCancellable *cancellable;
  GError *error;
  GIcon *icon;
  char *title;
  char *tooltip;

  /* state */
  guint generation;
  gboolean loading;
  gboolean updating_controls;
};

enum {
  PROP_0,
  PROP_FILE,
  PROP_TITLE,
  PROP_TOOLTIP,
  PROP_LOADING,
  PROP_ICON,
  PROP_PROFILE,
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

static void
smolder_profile_page_set_loading (SmolderProfilePage *self,
                                  gboolean            loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading);
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
  g_autofree char *where = g_file_get_parse_name (self->file);

  g_free (self->tooltip);
  /* AdwTabPage tooltips are markup. */
  if (detail != NULL)
    self->tooltip = g_markup_printf_escaped ("%s\n%s", where, detail);
  else
    self->tooltip = g_markup_escape_text (where, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOLTIP]);
}

/* The query of the controls: sample type and granularity. */
static void
smolder_profile_page_update_query (SmolderProfilePage *self)
{
  g_autoptr(SmolderQuery) query = NULL;
  guint sample_index;
  guint granularity;

  if (self->profile == NULL || self->updating_controls)
    return;

  sample_index = gtk_drop_down_get_selected (self->sample_type_dropdown);
  granularity = gtk_drop_down_get_selected (self->granularity_dropdown);
  if (granularity > SMOLDER_GRANULARITY_ADDRESSES)
    granularity = SMOLDER_GRANULARITY_FUNCTIONS;

  query = smolder_query_new ();
  if (sample_index != GTK_INVALID_LIST_POSITION)
    smolder_query_set_sample_index (query, sample_index);
  smolder_query_set_granularity (query, granularity);

  smolder_top_view_set_query (self->top_view, query);
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

  smolder_top_view_set_profile (self->top_view, self->profile);
  smolder_profile_page_update_query (self);
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
  smolder_profile_page_set_loading (self, FALSE);

  if (profile == NULL)
    {
      self->error = g_steal_pointer (&error);
      smolder_profile_page_show_error (self);
      return;
    }

  self->profile = g_steal_pointer (&profile);
  smolder_profile_page_show_profile (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
  g_signal_emit (self, signals[LOADED], 0);
}

void
smolder_profile_page_load (SmolderProfilePage *self)
{
  g_autofree char *loading_title = NULL;
  LoadData *data;

  g_return_if_fail (SMOLDER_IS_PROFILE_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->error);
  if (self->profile != NULL)
    {
      smolder_top_view_set_profile (self->top_view, NULL);
      g_clear_object (&self->profile);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
    }

  self->generation++;
  self->cancellable = g_cancellable_new ();

  loading_title = g_strdup_printf (_("Loading “%s”…"), self->title);
  adw_status_page_set_title (self->loading_page, loading_title);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  smolder_profile_page_set_icon (self, NULL);
  smolder_profile_page_set_tooltip (self, NULL);
  smolder_profile_page_set_loading (self, TRUE);

  data = g_new0 (LoadData, 1);
  g_weak_ref_init (&data->page, self);
  data->generation = self->generation;
  smolder_profile_load_async (self->file, NULL, self->cancellable,
                              smolder_profile_page_load_cb, data);
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

  g_assert (G_IS_FILE (self->file));

  self->title = g_file_get_basename (self->file);
  if (self->title == NULL || !g_utf8_validate (self->title, -1, NULL))
    {
      g_free (self->title);
      self->title = g_file_get_parse_name (self->file);
    }
  smolder_profile_page_set_tooltip (self, NULL);
}

static void
smolder_profile_page_dispose (GObject *object)
{
  SmolderProfilePage *self = SMOLDER_PROFILE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  /* The stack is both AdwBin's child and a template child: detach it from
   * the bin first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMOLDER_TYPE_PROFILE_PAGE);

  g_clear_object (&self->profile);
  g_clear_object (&self->icon);

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
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The profile loaded and is shown. */
  signals[LOADED] =
    g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (SMOLDER_TYPE_TOP_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/smolder/Smolder/smolder-profile-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SmolderProfilePage, stack);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfilePage, loading_page);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfilePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfilePage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfilePage, sample_type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfilePage, granularity_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfilePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfilePage, top_view);

  gtk_widget_class_install_action (widget_class, "page.cancel", NULL, smolder_profile_page_cancel_action);
  gtk_widget_class_install_action (widget_class, "page.reload", NULL, smolder_profile_page_reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "page.cancel", NULL);
}

static void
smolder_profile_page_init (SmolderProfilePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.cancel", FALSE);

  g_signal_connect_object (self->sample_type_dropdown, "notify::selected",
                           G_CALLBACK (smolder_profile_page_update_query),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->granularity_dropdown, "notify::selected",
                           G_CALLBACK (smolder_profile_page_update_query),
                           self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->top_view, "summary", self->summary_label, "label",
                          G_BINDING_SYNC_CREATE);
}

SmolderProfilePage *
smolder_profile_page_new (GFile *file)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (SMOLDER_TYPE_PROFILE_PAGE,
                       "file", file,
                       NULL);
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
