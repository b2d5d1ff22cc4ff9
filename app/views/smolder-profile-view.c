/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-profile-view.c: the viewer of one profile: the controls
 * (sample type, granularity, Inverted, Icicle) and the filters make one
 * query that the flame graph, Top and Callers/Callees show. Filters,
 * their chips and the frame actions are in smolder-profile-view-filters.c;
 * search, the jumps between views and export in
 * smolder-profile-view-actions.c. */

#include <glib/gi18n.h>

#include "smolder-application.h"
#include "smolder-profile-view-private.h"
#include "smolder-profile-summary.h"

enum {
  PROP_0,
  PROP_PROFILE,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_BUSY,
  PROP_INVERTED,
  PROP_ICICLE,
  PROP_GRANULARITY,
  PROP_GROUP_BY_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SmolderProfileView, smolder_profile_view, ADW_TYPE_BIN)

/* The view's query: the controls and the filters. A new query each time:
 * the views keep theirs while a worker reads it. */
void
_smolder_profile_view_update_query (SmolderProfileView *self)
{
  g_autoptr(SmolderQuery) query = NULL;
  g_autoptr(GError) error = NULL;
  guint sample_index;
  guint granularity;

  if (self->profile == NULL || self->updating_controls)
    return;

  sample_index = gtk_drop_down_get_selected (self->sample_type_dropdown);
  granularity = smolder_profile_view_get_granularity (self);

  query = self->query != NULL ? smolder_query_copy (self->query) : smolder_query_new ();
  if (sample_index != GTK_INVALID_LIST_POSITION)
    smolder_query_set_sample_index (query, sample_index);
  smolder_query_set_granularity (query, granularity);
  smolder_query_set_inverted (query, gtk_toggle_button_get_active (self->inverted_button));
  /* Each filter was checked when added. */
  if (!smolder_filter_stack_apply (self->filters, query, &error))
    g_warning ("Filters: %s", error->message);

  g_clear_pointer (&self->query, smolder_query_unref);
  self->query = g_steal_pointer (&query);

  smolder_query_view_set_query (SMOLDER_QUERY_VIEW (self->top_view), self->query);
  smolder_query_view_set_query (SMOLDER_QUERY_VIEW (self->flame_view), self->query);
  smolder_query_view_set_query (SMOLDER_QUERY_VIEW (self->callers_view), self->query);
}

static void
smolder_profile_view_update_orientation (SmolderProfileView *self)
{
  smolder_flame_graph_set_orientation (smolder_flame_view_get_flame_graph (self->flame_view),
                                       gtk_toggle_button_get_active (self->icicle_button)
                                       ? SMOLDER_FLAME_ORIENTATION_ICICLE
                                       : SMOLDER_FLAME_ORIENTATION_FLAME);
}

/* Inverted and Icicle shape the flame graph only: Top's flat and cum and
 * the callers and callees of a function are the same either way. */
static void
smolder_profile_view_update_toggles (SmolderProfileView *self)
{
  gboolean flame = g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "flame") == 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->inverted_button), flame);
  gtk_widget_set_sensitive (GTK_WIDGET (self->icicle_button), flame);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.inverted", flame);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.icicle", flame);
}

/* Rows are the Top table's; the other views say only the total. */
static void
smolder_profile_view_update_summary (SmolderProfileView *self)
{
  const char *summary = smolder_top_view_get_summary (self->top_view);
  const char *total = smolder_top_view_get_total_summary (self->top_view);

  if (total != NULL && g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "top") != 0)
    summary = total;
  gtk_label_set_label (self->summary_label, summary != NULL ? summary : "");
}

static void
smolder_profile_view_sync_busy (SmolderProfileView *self)
{
  gboolean busy = smolder_query_view_get_busy (SMOLDER_QUERY_VIEW (self->top_view))
                  || smolder_query_view_get_busy (SMOLDER_QUERY_VIEW (self->flame_view))
                  || smolder_query_view_get_busy (SMOLDER_QUERY_VIEW (self->callers_view));

  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static char *
sample_type_label (SmolderProfile *profile,
                   guint           index)
{
  const SmolderValueType *vt = smolder_profile_get_sample_type (profile, index);

  return g_strdup_printf ("%s (%s)",
                          smolder_profile_get_string (profile, vt->type),
                          smolder_profile_get_string (profile, vt->unit));
}

/* The flame-palette setting (its enum values are SmolderPaletteScheme's). */
static void
smolder_profile_view_palette_changed_cb (SmolderProfileView *self,
                                         const char         *key,
                                         GSettings          *settings)
{
  smolder_flame_graph_set_palette (smolder_flame_view_get_flame_graph (self->flame_view),
                                   g_settings_get_enum (settings, "flame-palette"));
}

static SmolderApplication *
smolder_profile_view_get_application (void)
{
  GApplication *app = g_application_get_default ();

  return SMOLDER_IS_APPLICATION (app) ? SMOLDER_APPLICATION (app) : NULL;
}

/* The user picked a sample type: profiles of this kind open on it next time
 * (the last-sample-types setting). */
static void
smolder_profile_view_sample_type_chosen_cb (SmolderProfileView *self)
{
  SmolderApplication *app = smolder_profile_view_get_application ();
  guint index = gtk_drop_down_get_selected (self->sample_type_dropdown);
  SmolderProfileKind kind;

  if (app == NULL || self->profile == NULL || self->updating_controls
      || index >= smolder_profile_get_n_sample_types (self->profile))
    return;
  kind = smolder_profile_get_kind (self->profile);
  if (kind == SMOLDER_PROFILE_KIND_UNKNOWN)
    return;
  smolder_application_remember_sample_type (app, smolder_profile_kind_to_string (kind),
                                            smolder_profile_get_string (self->profile,
                                                                        smolder_profile_get_sample_type (self->profile, index)->type));
}

/* The sample types of the new profile; the one shown stays chosen when the
 * new profile has it (a live refresh), else the one last chosen for
 * profiles of its kind, else the profile's default. */
static void
smolder_profile_view_fill_sample_types (SmolderProfileView *self,
                                        SmolderProfile     *old_profile)
{
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  guint n_types = smolder_profile_get_n_sample_types (self->profile);
  guint selected = smolder_profile_get_default_sample_index (self->profile);
  guint old_index = gtk_drop_down_get_selected (self->sample_type_dropdown);
  g_autofree char *old_label = NULL;

  g_autofree char *remembered = NULL;

  if (old_profile != NULL && old_index < smolder_profile_get_n_sample_types (old_profile))
    old_label = sample_type_label (old_profile, old_index);
  else if (smolder_profile_view_get_application () != NULL
           && smolder_profile_get_kind (self->profile) != SMOLDER_PROFILE_KIND_UNKNOWN)
    remembered = smolder_application_dup_sample_type (smolder_profile_view_get_application (),
                                                      smolder_profile_kind_to_string (smolder_profile_get_kind (self->profile)));

  for (guint i = 0; i < n_types; i++)
    {
      g_autofree char *label = sample_type_label (self->profile, i);

      if (old_label != NULL && g_str_equal (label, old_label))
        selected = i;
      else if (remembered != NULL
               && g_str_equal (remembered, smolder_profile_get_string (self->profile,
                                                                     smolder_profile_get_sample_type (self->profile, i)->type)))
        selected = i;
      gtk_string_list_append (types, label);
    }

  gtk_drop_down_set_model (self->sample_type_dropdown, G_LIST_MODEL (types));
  if (selected < n_types)
    gtk_drop_down_set_selected (self->sample_type_dropdown, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sample_type_dropdown), n_types > 1);
}

void
smolder_profile_view_set_profile (SmolderProfileView *self,
                                  SmolderProfile     *profile)
{
  g_autoptr(SmolderProfile) old_profile = NULL;

  g_return_if_fail (SMOLDER_IS_PROFILE_VIEW (self));
  g_return_if_fail (profile == NULL || SMOLDER_IS_PROFILE (profile));

  if (self->profile == profile)
    return;

  old_profile = g_steal_pointer (&self->profile);
  self->profile = profile != NULL ? g_object_ref (profile) : NULL;

  if (profile != NULL)
    {
      self->updating_controls = TRUE;
      smolder_profile_view_fill_sample_types (self, old_profile);
      self->updating_controls = FALSE;
    }
  else
    g_clear_pointer (&self->query, smolder_query_unref);

  /* Grouped by state on a worker first when asked (and it applies). */
  if (!_smolder_profile_view_sync_group_by_state (self))
    _smolder_profile_view_show_profile (self, profile);
  _smolder_profile_view_profile_changed (self, old_profile);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
}

/* @shown is the profile or its copy grouped by state. */
void
_smolder_profile_view_show_profile (SmolderProfileView *self,
                                    SmolderProfile     *shown)
{
  /* The views drop the old profile's trees and tables before the query
   * of the new one asks for new ones. */
  smolder_query_view_set_profile (SMOLDER_QUERY_VIEW (self->top_view), shown);
  smolder_query_view_set_profile (SMOLDER_QUERY_VIEW (self->flame_view), shown);
  smolder_query_view_set_profile (SMOLDER_QUERY_VIEW (self->callers_view), shown);
  if (shown == NULL)
    {
      smolder_query_view_set_query (SMOLDER_QUERY_VIEW (self->top_view), NULL);
      smolder_query_view_set_query (SMOLDER_QUERY_VIEW (self->flame_view), NULL);
      smolder_query_view_set_query (SMOLDER_QUERY_VIEW (self->callers_view), NULL);
    }
  _smolder_profile_view_update_query (self);
}

SmolderProfile *
smolder_profile_view_get_profile (SmolderProfileView *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_VIEW (self), NULL);

  return self->profile;
}

void
smolder_profile_view_set_title (SmolderProfileView *self,
                                const char         *title)
{
  g_return_if_fail (SMOLDER_IS_PROFILE_VIEW (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
smolder_profile_view_get_title (SmolderProfileView *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_VIEW (self), NULL);

  return self->title;
}

void
smolder_profile_view_set_description (SmolderProfileView *self,
                                      const char         *description)
{
  g_return_if_fail (SMOLDER_IS_PROFILE_VIEW (self));

  if (g_strcmp0 (self->description, description) == 0)
    return;
  g_free (self->description);
  self->description = g_strdup (description);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

const char *
smolder_profile_view_get_description (SmolderProfileView *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_VIEW (self), NULL);

  return self->description;
}

SmolderQuery *
smolder_profile_view_get_query (SmolderProfileView *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_VIEW (self), NULL);

  return self->query;
}

SmolderGranularity
smolder_profile_view_get_granularity (SmolderProfileView *self)
{
  guint selected;

  g_return_val_if_fail (SMOLDER_IS_PROFILE_VIEW (self), SMOLDER_GRANULARITY_FUNCTIONS);

  selected = gtk_drop_down_get_selected (self->granularity_dropdown);
  return selected <= SMOLDER_GRANULARITY_ADDRESSES ? selected : SMOLDER_GRANULARITY_FUNCTIONS;
}

void
smolder_profile_view_set_granularity (SmolderProfileView *self,
                                      SmolderGranularity  granularity)
{
  g_return_if_fail (SMOLDER_IS_PROFILE_VIEW (self));
  g_return_if_fail (granularity <= SMOLDER_GRANULARITY_ADDRESSES);

  /* The dropdown notifies; "granularity" follows it. */
  gtk_drop_down_set_selected (self->granularity_dropdown, granularity);
}

/* "inverted" and "icicle" are the toggle buttons' state: the narrow
 * toolbar's menu changes them through the view's actions. */
gboolean
smolder_profile_view_get_inverted (SmolderProfileView *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_VIEW (self), FALSE);

  return gtk_toggle_button_get_active (self->inverted_button);
}

void
smolder_profile_view_set_inverted (SmolderProfileView *self,
                                   gboolean            inverted)
{
  g_return_if_fail (SMOLDER_IS_PROFILE_VIEW (self));

  gtk_toggle_button_set_active (self->inverted_button, inverted);
}

gboolean
smolder_profile_view_get_icicle (SmolderProfileView *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_VIEW (self), FALSE);

  return gtk_toggle_button_get_active (self->icicle_button);
}

void
smolder_profile_view_set_icicle (SmolderProfileView *self,
                                 gboolean            icicle)
{
  g_return_if_fail (SMOLDER_IS_PROFILE_VIEW (self));

  gtk_toggle_button_set_active (self->icicle_button, icicle);
}

gboolean
smolder_profile_view_get_group_by_state (SmolderProfileView *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_VIEW (self), FALSE);

  return self->group_by_state;
}

void
smolder_profile_view_set_group_by_state (SmolderProfileView *self,
                                         gboolean            group_by_state)
{
  g_return_if_fail (SMOLDER_IS_PROFILE_VIEW (self));

  group_by_state = !!group_by_state;
  if (self->group_by_state == group_by_state)
    return;
  self->group_by_state = group_by_state;
  if (!_smolder_profile_view_sync_group_by_state (self))
    _smolder_profile_view_show_profile (self, self->profile);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUP_BY_STATE]);
}

static void
smolder_profile_view_forward_notify (SmolderProfileView *self,
                                     GParamSpec         *pspec,
                                     GObject            *control)
{
  if (control == G_OBJECT (self->inverted_button))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INVERTED]);
  else if (control == G_OBJECT (self->icicle_button))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ICICLE]);
  else
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GRANULARITY]);
}

gboolean
smolder_profile_view_get_busy (SmolderProfileView *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_VIEW (self), FALSE);

  return self->busy;
}

SmolderTopView *
smolder_profile_view_get_top_view (SmolderProfileView *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_VIEW (self), NULL);

  return self->top_view;
}

SmolderFlameView *
smolder_profile_view_get_flame_view (SmolderProfileView *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_VIEW (self), NULL);

  return self->flame_view;
}

SmolderCallersView *
smolder_profile_view_get_callers_view (SmolderProfileView *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_VIEW (self), NULL);

  return self->callers_view;
}

SmolderFlameGraph *
smolder_profile_view_get_flame_graph (SmolderProfileView *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_VIEW (self), NULL);

  return smolder_flame_view_get_flame_graph (self->flame_view);
}

const char *
smolder_profile_view_get_visible_view (SmolderProfileView *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_VIEW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
smolder_profile_view_set_visible_view (SmolderProfileView *self,
                                       const char         *name)
{
  g_return_if_fail (SMOLDER_IS_PROFILE_VIEW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

SmolderFilterStack *
smolder_profile_view_get_filters (SmolderProfileView *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_VIEW (self), NULL);

  return self->filters;
}

/* Toasts go to the window's overlay (the nearest one above the view). */
void
_smolder_profile_view_add_toast (SmolderProfileView *self,
                                 AdwToast           *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

static void
smolder_profile_view_dispose (GObject *object)
{
  SmolderProfileView *self = SMOLDER_PROFILE_VIEW (object);

  _smolder_profile_view_dispose_actions (self);
  _smolder_profile_view_dispose_layout (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMOLDER_TYPE_PROFILE_VIEW);

  g_clear_object (&self->profile);
  g_clear_pointer (&self->query, smolder_query_unref);
  g_clear_object (&self->filters);
  g_clear_object (&self->frames_cache);

  G_OBJECT_CLASS (smolder_profile_view_parent_class)->dispose (object);
}

static void
smolder_profile_view_finalize (GObject *object)
{
  SmolderProfileView *self = SMOLDER_PROFILE_VIEW (object);

  g_free (self->title);
  g_free (self->description);

  G_OBJECT_CLASS (smolder_profile_view_parent_class)->finalize (object);
}

static void
smolder_profile_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SmolderProfileView *self = SMOLDER_PROFILE_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_INVERTED:
      g_value_set_boolean (value, smolder_profile_view_get_inverted (self));
      break;
    case PROP_ICICLE:
      g_value_set_boolean (value, smolder_profile_view_get_icicle (self));
      break;
    case PROP_GRANULARITY:
      g_value_set_uint (value, smolder_profile_view_get_granularity (self));
      break;
    case PROP_GROUP_BY_STATE:
      g_value_set_boolean (value, self->group_by_state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smolder_profile_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SmolderProfileView *self = SMOLDER_PROFILE_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      smolder_profile_view_set_profile (self, g_value_get_object (value));
      break;
    case PROP_TITLE:
      smolder_profile_view_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      smolder_profile_view_set_description (self, g_value_get_string (value));
      break;
    case PROP_INVERTED:
      smolder_profile_view_set_inverted (self, g_value_get_boolean (value));
      break;
    case PROP_ICICLE:
      smolder_profile_view_set_icicle (self, g_value_get_boolean (value));
      break;
    case PROP_GRANULARITY:
      smolder_profile_view_set_granularity (self, MIN (g_value_get_uint (value), SMOLDER_GRANULARITY_ADDRESSES));
      break;
    case PROP_GROUP_BY_STATE:
      smolder_profile_view_set_group_by_state (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smolder_profile_view_class_init (SmolderProfileViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smolder_profile_view_dispose;
  object_class->finalize = smolder_profile_view_finalize;
  object_class->get_property = smolder_profile_view_get_property;
  object_class->set_property = smolder_profile_view_set_property;

  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL, SMOLDER_TYPE_PROFILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INVERTED] =
    g_param_spec_boolean ("inverted", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICICLE] =
    g_param_spec_boolean ("icicle", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GRANULARITY] =
    g_param_spec_uint ("granularity", NULL, NULL, 0, SMOLDER_GRANULARITY_ADDRESSES, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Goroutine dumps: the state as the root frame (pprof -tagroot=state). */
  properties[PROP_GROUP_BY_STATE] =
    g_param_spec_boolean ("group-by-state", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SMOLDER_TYPE_TOP_VIEW);
  g_type_ensure (SMOLDER_TYPE_FLAME_VIEW);
  g_type_ensure (SMOLDER_TYPE_CALLERS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/smolder/Smolder/smolder-profile-view.ui");
  g_type_ensure (SMOLDER_TYPE_PROFILE_SUMMARY);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfileView, sample_type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfileView, granularity_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfileView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfileView, top_view);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfileView, inverted_button);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfileView, icicle_button);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfileView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfileView, filter_popover);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfileView, filter_mode_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfileView, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfileView, filter_error_label);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfileView, search_button);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfileView, chip_box);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfileView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfileView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfileView, search_label);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfileView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfileView, flame_view);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfileView, callers_view);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfileView, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfileView, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfileView, options_squeezer);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfileView, options_box);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfileView, options_button);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfileView, group_state_button);

  gtk_widget_class_install_property_action (widget_class, "view.inverted", "inverted");
  gtk_widget_class_install_property_action (widget_class, "view.icicle", "icicle");
  gtk_widget_class_install_property_action (widget_class, "view.granularity", "granularity");
  gtk_widget_class_install_property_action (widget_class, "view.group-by-state", "group-by-state");

  _smolder_profile_view_class_init_filters (widget_class);
  _smolder_profile_view_class_init_actions (widget_class);
  _smolder_profile_view_class_init_layout (widget_class);
}

static void
smolder_profile_view_init (SmolderProfileView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->sample_type_dropdown, "notify::selected",
                           G_CALLBACK (_smolder_profile_view_update_query),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sample_type_dropdown, "notify::selected",
                           G_CALLBACK (smolder_profile_view_sample_type_chosen_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->granularity_dropdown, "notify::selected",
                           G_CALLBACK (_smolder_profile_view_update_query),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->inverted_button, "notify::active",
                           G_CALLBACK (_smolder_profile_view_update_query),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->icicle_button, "notify::active",
                           G_CALLBACK (smolder_profile_view_update_orientation),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->inverted_button, "notify::active",
                           G_CALLBACK (smolder_profile_view_forward_notify), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->icicle_button, "notify::active",
                           G_CALLBACK (smolder_profile_view_forward_notify), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->granularity_dropdown, "notify::selected",
                           G_CALLBACK (smolder_profile_view_forward_notify), self, G_CONNECT_SWAPPED);
  /* Root at the top unless the user chose otherwise last time; each view
   * keeps its own choice once made. */
  {
    GApplication *app = g_application_get_default ();
    GSettings *settings = SMOLDER_IS_APPLICATION (app)
                          ? smolder_application_get_settings (SMOLDER_APPLICATION (app)) : NULL;

    if (settings != NULL)
      {
        g_settings_bind (settings, "flame-icicle", self->icicle_button, "active",
                         G_SETTINGS_BIND_GET | G_SETTINGS_BIND_SET | G_SETTINGS_BIND_GET_NO_CHANGES);
        g_signal_connect_object (settings, "changed::flame-palette",
                                 G_CALLBACK (smolder_profile_view_palette_changed_cb),
                                 self, G_CONNECT_SWAPPED);
        smolder_profile_view_palette_changed_cb (self, NULL, settings);
      }
  }
  smolder_profile_view_update_orientation (self);
  g_signal_connect_object (self->top_view, "notify::summary",
                           G_CALLBACK (smolder_profile_view_update_summary),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (smolder_profile_view_update_summary),
                           self, G_CONNECT_SWAPPED);
  smolder_profile_view_update_summary (self);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (smolder_profile_view_update_toggles),
                           self, G_CONNECT_SWAPPED);
  smolder_profile_view_update_toggles (self);
  g_signal_connect_object (self->top_view, "notify::busy",
                           G_CALLBACK (smolder_profile_view_sync_busy),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flame_view, "notify::busy",
                           G_CALLBACK (smolder_profile_view_sync_busy),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->callers_view, "notify::busy",
                           G_CALLBACK (smolder_profile_view_sync_busy),
                           self, G_CONNECT_SWAPPED);

  /* One frame table per granularity for the three views. */
  self->frames_cache = smolder_frames_cache_new ();
  smolder_query_view_set_frames_cache (SMOLDER_QUERY_VIEW (self->top_view), self->frames_cache);
  smolder_query_view_set_frames_cache (SMOLDER_QUERY_VIEW (self->flame_view), self->frames_cache);
  smolder_query_view_set_frames_cache (SMOLDER_QUERY_VIEW (self->callers_view), self->frames_cache);

  self->filters = smolder_filter_stack_new ();
  _smolder_profile_view_init_filters (self);
  _smolder_profile_view_init_actions (self);
  _smolder_profile_view_init_layout (self);
}

GtkWidget *
smolder_profile_view_new (void)
{
  return g_object_new (SMOLDER_TYPE_PROFILE_VIEW, NULL);
}
