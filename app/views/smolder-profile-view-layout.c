/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-profile-view-layout.c: the view's toolbar as the window narrows
 * (libadwaita 1.2 has no breakpoints: squeezers pick what fits) and
 * goroutine dumps grouped by state (pprof's -tagroot=state, computed on a worker). */

#include <glib/gi18n.h>

#include "smolder-profile-view-private.h"
#include "smolder-tag-root.h"

/* --- narrow windows --- */

/* Squeezed, the switcher title shows the view's title and the switcher
 * moves to the bottom bar. */
static void
smolder_profile_view_sync_switcher_title (SmolderProfileView *self)
{
  GtkWidget *child = adw_view_stack_get_visible_child (self->view_stack);
  AdwViewStackPage *page = child != NULL ? adw_view_stack_get_page (self->view_stack, child) : NULL;

  adw_view_switcher_title_set_title (self->switcher_title,
                                     page != NULL ? adw_view_stack_page_get_title (page) : NULL);
}

/* --- group by state --- */

static gboolean
has_goroutine_states (SmolderProfile *profile)
{
  if (profile == NULL || smolder_profile_get_kind (profile) != SMOLDER_PROFILE_KIND_GOROUTINE)
    return FALSE;
  /* ?debug=2 dumps label every goroutine: the first samples tell. */
  for (guint s = 0; s < smolder_profile_get_n_samples (profile) && s < 64; s++)
    {
      guint n_labels;
      const SmolderLabel *labels = smolder_profile_get_sample_labels (profile, s, &n_labels);

      for (guint i = 0; i < n_labels; i++)
        if (g_strcmp0 (smolder_profile_get_string (profile, labels[i].key), "state") == 0)
          return TRUE;
    }
  return FALSE;
}

static void
group_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;
  SmolderProfile *grouped = smolder_profile_new_tag_root (task_data, "state", &error);

  if (grouped == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, grouped, g_object_unref);
}

static void
group_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  SmolderProfileView *self = SMOLDER_PROFILE_VIEW (object);
  g_autoptr(SmolderProfile) grouped = NULL;
  g_autoptr(GError) error = NULL;

  grouped = g_task_propagate_pointer (G_TASK (result), &error);
  /* A newer profile or choice came meanwhile. */
  if (GPOINTER_TO_UINT (user_data) != self->group_generation
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (grouped == NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Could not group by state: %s"), error->message);

      _smolder_profile_view_add_toast (self, adw_toast_new (title));
      _smolder_profile_view_show_profile (self, self->profile);
      return;
    }
  g_set_object (&self->grouped, grouped);
  _smolder_profile_view_show_profile (self, grouped);
}

gboolean
_smolder_profile_view_sync_group_by_state (SmolderProfileView *self)
{
  g_autoptr(GTask) task = NULL;

  self->group_generation++;
  g_cancellable_cancel (self->group_cancellable);
  g_clear_object (&self->group_cancellable);
  g_clear_object (&self->grouped);
  if (!self->group_by_state || !has_goroutine_states (self->profile))
    return FALSE;

  self->group_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->group_cancellable, group_done_cb,
                     GUINT_TO_POINTER (self->group_generation));
  g_task_set_source_tag (task, _smolder_profile_view_sync_group_by_state);
  g_task_set_task_data (task, g_object_ref (self->profile), g_object_unref);
  g_task_run_in_thread (task, group_thread);
  return TRUE;
}

/* --- wiring --- */

void
_smolder_profile_view_profile_changed (SmolderProfileView *self,
                                       SmolderProfile     *old_profile)
{
  gboolean states = has_goroutine_states (self->profile);

  gtk_widget_set_visible (self->group_state_button, states);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.group-by-state", states);
}

void
_smolder_profile_view_init_layout (SmolderProfileView *self)
{
  g_object_bind_property (self->switcher_title, "title-visible",
                          self->switcher_bar, "reveal", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (smolder_profile_view_sync_switcher_title),
                           self, G_CONNECT_SWAPPED);
  smolder_profile_view_sync_switcher_title (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.group-by-state", FALSE);
}

void
_smolder_profile_view_class_init_layout (GtkWidgetClass *widget_class)
{
  g_type_ensure (ADW_TYPE_VIEW_SWITCHER_TITLE);
  g_type_ensure (ADW_TYPE_VIEW_SWITCHER_BAR);
  g_type_ensure (ADW_TYPE_SQUEEZER);
}

void
_smolder_profile_view_dispose_layout (SmolderProfileView *self)
{
  self->group_generation++;
  g_cancellable_cancel (self->group_cancellable);
  g_clear_object (&self->group_cancellable);
  g_clear_object (&self->grouped);
}
