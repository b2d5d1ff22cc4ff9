/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-window-merge.c: merging open profiles into a new tab, on a
 * worker, and the dialog choosing which. */

#include <glib/gi18n.h>

#include "smolder-window-private.h"

typedef struct {
  GPtrArray *profiles;
  GPtrArray *names;     /* the tabs' titles, for errors */
  char *title;
} MergeJob;

static void
merge_job_free (MergeJob *job)
{
  g_ptr_array_unref (job->profiles);
  g_ptr_array_unref (job->names);
  g_free (job->title);
  g_free (job);
}

/* "inuse_space/bytes, alloc_space/bytes" */
static char *
describe_sample_types (SmolderProfile *profile)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < smolder_profile_get_n_sample_types (profile); i++)
    {
      const SmolderValueType *vt = smolder_profile_get_sample_type (profile, i);

      g_string_append_printf (out, "%s%s/%s", i > 0 ? ", " : "",
                              smolder_profile_get_string (profile, vt->type),
                              smolder_profile_get_string (profile, vt->unit));
    }
  return g_string_free (out, FALSE);
}

/* Why @profile cannot be merged with @current (the tab @current_name), by
 * pprof's rules (same period type, same sample types in the same order);
 * NULL when it can. */
static char *
merge_refusal (SmolderProfile *current,
               const char     *current_name,
               SmolderProfile *profile)
{
  const SmolderValueType *pc = smolder_profile_get_period_type (current);
  const SmolderValueType *pp = smolder_profile_get_period_type (profile);
  g_autofree char *types = NULL;
  g_autofree char *current_types = NULL;

  if (smolder_profile_check_compatible (current, profile, 1, NULL))
    return NULL;
  if (!g_str_equal (smolder_profile_get_string (current, pc->type), smolder_profile_get_string (profile, pp->type)) ||
      !g_str_equal (smolder_profile_get_string (current, pc->unit), smolder_profile_get_string (profile, pp->unit)))
    /* TRANSLATORS: why a profile cannot be merged: its period type, the
     * other tab's name and that tab's period type ("space/bytes") */
    return g_strdup_printf (_("Another kind of profile: period %s/%s, “%s” has %s/%s"),
                            smolder_profile_get_string (profile, pp->type),
                            smolder_profile_get_string (profile, pp->unit), current_name,
                            smolder_profile_get_string (current, pc->type),
                            smolder_profile_get_string (current, pc->unit));
  types = describe_sample_types (profile);
  current_types = describe_sample_types (current);
  /* TRANSLATORS: why a profile cannot be merged: its sample types, the
   * other tab's name and that tab's sample types */
  return g_strdup_printf (_("Other sample types: %s; “%s” has %s"), types, current_name, current_types);
}

static void
smolder_window_merge_worker (GTask        *task,
                             gpointer      source_object,
                             gpointer      task_data,
                             GCancellable *cancellable)
{
  MergeJob *job = task_data;
  GError *error = NULL;
  SmolderProfile *merged;

  merged = smolder_profile_merge ((SmolderProfile * const *) job->profiles->pdata,
                                  job->profiles->len, &error);
  if (merged == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, merged, g_object_unref);
}

static void
smolder_window_merge_done (GObject      *source_object,
                           GAsyncResult *res,
                           gpointer      user_data)
{
  SmolderWindow *self = SMOLDER_WINDOW (source_object);
  MergeJob *job = g_task_get_task_data (G_TASK (res));
  g_autoptr(SmolderProfile) merged = NULL;
  g_autoptr(GError) error = NULL;

  self->merging--;
  merged = g_task_propagate_pointer (G_TASK (res), &error);
  if (merged == NULL)
    {
      g_autofree char *title = NULL;

      g_autofree char *names = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_ptr_array_add (job->names, NULL);
      names = g_strjoinv (", ", (char **) job->names->pdata);
      g_ptr_array_remove_index (job->names, job->names->len - 1);
      /* TRANSLATORS: the tabs' names, then the reason */
      title = g_strdup_printf (_("Could not merge %s: %s"), names, error->message);
      smolder_window_add_toast (self, title);
      return;
    }

  smolder_window_open_profile (self, merged, job->title);
}

/* Merges the loaded profiles of @pages (SmolderPage) on a worker
 * into a new tab; returns how many it merges (0: fewer than two loaded). */
guint
smolder_window_merge_pages (SmolderWindow *self,
                            GPtrArray     *pages)
{
  g_autoptr(GTask) task = NULL;
  MergeJob *job;

  g_return_val_if_fail (SMOLDER_IS_WINDOW (self), 0);

  job = g_new0 (MergeJob, 1);
  job->profiles = g_ptr_array_new_with_free_func (g_object_unref);
  job->names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < pages->len; i++)
    {
      SmolderProfile *profile = smolder_page_get_profile (pages->pdata[i]);

      if (profile != NULL)
        {
          g_ptr_array_add (job->profiles, g_object_ref (profile));
          g_ptr_array_add (job->names, g_strdup (smolder_page_get_title (pages->pdata[i])));
        }
    }

  /* Refused here, by name, rather than by index from the worker. */
  for (guint i = 1; i < job->profiles->len; i++)
    {
      g_autofree char *why = merge_refusal (job->profiles->pdata[0], job->names->pdata[0],
                                            job->profiles->pdata[i]);

      if (why != NULL)
        {
          /* TRANSLATORS: a tab's name, then why it cannot be merged */
          g_autofree char *title = g_strdup_printf (_("Cannot merge “%s”: %s"),
                                                    (char *) job->names->pdata[i], why);

          merge_job_free (job);
          smolder_window_add_toast (self, title);
          return 0;
        }
    }

  if (job->profiles->len < 2)
    {
      merge_job_free (job);
      smolder_window_add_toast (self, _("Choose two or more loaded profiles of the same kind to merge them"));
      return 0;
    }

  job->title = g_strdup_printf (g_dngettext (NULL, "Merged (%u profile)", "Merged (%u profiles)",
                                             job->profiles->len),
                                job->profiles->len);
  if (self->merge_cancellable == NULL)
    self->merge_cancellable = g_cancellable_new ();

  self->merging++;
  task = g_task_new (self, self->merge_cancellable, smolder_window_merge_done, NULL);
  g_task_set_source_tag (task, smolder_window_merge_pages);
  g_task_set_task_data (task, job, (GDestroyNotify) merge_job_free);
  g_task_run_in_thread (task, smolder_window_merge_worker);

  return job->profiles->len;
}

/* The loaded pages, in tab order. */
GPtrArray *
_smolder_window_loaded_pages (SmolderWindow *self)
{
  GPtrArray *pages = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_pages = adw_tab_view_get_n_pages (self->tab_view);

  for (guint i = 0; i < n_pages; i++)
    {
      GtkWidget *child = adw_tab_page_get_child (adw_tab_view_get_nth_page (self->tab_view, i));

      if (smolder_page_get_profile (SMOLDER_PAGE (child)) != NULL)
        g_ptr_array_add (pages, g_object_ref (child));
    }
  return pages;
}

guint
smolder_window_merge_open_profiles (SmolderWindow *self)
{
  g_autoptr(GPtrArray) pages = NULL;

  g_return_val_if_fail (SMOLDER_IS_WINDOW (self), 0);

  pages = _smolder_window_loaded_pages (self);
  return smolder_window_merge_pages (self, pages);
}

static void
smolder_window_merge_dialog_response_cb (SmolderWindow    *self,
                                         const char       *response,
                                         AdwMessageDialog *dialog)
{
  GtkWidget *list = adw_message_dialog_get_extra_child (dialog);
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();

  if (g_strcmp0 (response, "merge") != 0)
    return;

  for (GtkWidget *check = gtk_widget_get_first_child (list); check != NULL;
       check = gtk_widget_get_next_sibling (check))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
      g_ptr_array_add (chosen, g_object_get_data (G_OBJECT (check), "page"));

  smolder_window_merge_pages (self, chosen);
}

/* Merge needs two profiles: the button is off below two checked rows. */
static void
smolder_window_merge_dialog_update (AdwMessageDialog *dialog)
{
  GtkWidget *list = adw_message_dialog_get_extra_child (dialog);
  guint n_checked = 0;

  for (GtkWidget *check = gtk_widget_get_first_child (list); check != NULL;
       check = gtk_widget_get_next_sibling (check))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
      n_checked++;
  adw_message_dialog_set_response_enabled (dialog, "merge", n_checked >= 2);
}

/* The button of a response: libadwaita 1.2 has no getter for it. */
GtkWidget *
_smolder_window_find_button (GtkWidget  *widget,
                             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = _smolder_window_find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A row: the tab's title over the file's folder (two tabs may show files
 * of one name). */
GtkWidget *
_smolder_window_create_page_row (SmolderWindow *self,
                                 SmolderPage   *page)
{
  AdwTabPage *tab = adw_tab_view_get_page (self->tab_view, GTK_WIDGET (page));
  GFile *file = smolder_page_get_file (page);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (adw_tab_page_get_title (tab));
  g_autofree char *where = NULL;

  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_box_append (GTK_BOX (box), title);
  if (file != NULL)
    {
      GtkWidget *folder;

      where = _smolder_window_describe_folder (file);
      folder = gtk_label_new (where);
      gtk_label_set_xalign (GTK_LABEL (folder), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (folder), PANGO_ELLIPSIZE_MIDDLE);
      gtk_widget_add_css_class (folder, "caption");
      gtk_widget_add_css_class (folder, "dim-label");
      gtk_box_append (GTK_BOX (box), folder);
    }
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_tab_page_get_title (tab), -1);

  /* A merge's own tab starts unchecked: merging it again with its inputs
   * would count them twice. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), file != NULL);
  g_object_set_data_full (G_OBJECT (check), "page", g_object_ref (page), g_object_unref);
  return check;
}

/* Asks which open profiles to merge (those from files checked at first);
 * AdwTabView has no multiple selection, so the choice is made here. */
AdwMessageDialog *
smolder_window_present_merge_dialog (SmolderWindow *self)
{
  g_autoptr(GPtrArray) pages = NULL;
  AdwMessageDialog *dialog;
  SmolderPage *current;
  GtkWidget *list;
  GtkWidget *merge_button;

  g_return_val_if_fail (SMOLDER_IS_WINDOW (self), NULL);

  pages = _smolder_window_loaded_pages (self);
  if (pages->len < 2)
    {
      smolder_window_add_toast (self, _("Open two or more profiles of the same kind to merge them"));
      return NULL;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Merge Profiles"),
                                                       _("The chosen profiles are added up into a new tab. "
                                                         "They must have the current tab’s sample types.")));
  /* The current tab is what the others must match (the first loaded one
   * when the current tab has no profile). */
  current = pages->pdata[0];
  for (guint i = 0; i < pages->len; i++)
    if (adw_tab_view_get_selected_page (self->tab_view) != NULL
        && adw_tab_page_get_child (adw_tab_view_get_selected_page (self->tab_view)) == pages->pdata[i])
      current = pages->pdata[i];

  list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  for (guint i = 0; i < pages->len; i++)
    {
      GtkWidget *check = _smolder_window_create_page_row (self, pages->pdata[i]);
      g_autofree char *why = merge_refusal (smolder_page_get_profile (current),
                                            smolder_page_get_title (current),
                                            smolder_page_get_profile (pages->pdata[i]));

      /* Shown, with the reason, but not to be checked. */
      if (why != NULL)
        {
          GtkWidget *reason = gtk_label_new (why);

          gtk_label_set_xalign (GTK_LABEL (reason), 0.0);
          gtk_label_set_wrap (GTK_LABEL (reason), TRUE);
          gtk_label_set_max_width_chars (GTK_LABEL (reason), 50);
          gtk_widget_add_css_class (reason, "caption");
          gtk_widget_add_css_class (reason, "error");
          gtk_box_append (GTK_BOX (gtk_check_button_get_child (GTK_CHECK_BUTTON (check))), reason);
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
          gtk_widget_set_sensitive (check, FALSE);
          gtk_widget_set_tooltip_text (check, why);
          gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, why, -1);
          g_object_set_data_full (G_OBJECT (check), "refusal", g_steal_pointer (&why), g_free);
        }

      g_signal_connect_object (check, "toggled", G_CALLBACK (smolder_window_merge_dialog_update),
                               dialog, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (list), check);
    }
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "merge", _("_Merge"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "merge", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "merge");
  adw_message_dialog_set_close_response (dialog, "cancel");
  smolder_window_merge_dialog_update (dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (smolder_window_merge_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  /* Enter merges: the first check button would take the focus (and Enter
   * would toggle it). */
  merge_button = _smolder_window_find_button (GTK_WIDGET (dialog), _("_Merge"));
  if (merge_button != NULL)
    gtk_window_set_focus (GTK_WINDOW (dialog), merge_button);
  return dialog;
}

gboolean
smolder_window_get_merging (SmolderWindow *self)
{
  g_return_val_if_fail (SMOLDER_IS_WINDOW (self), FALSE);

  return self->merging > 0;
}

static void
smolder_window_merge_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  smolder_window_present_merge_dialog (SMOLDER_WINDOW (widget));
}

void
_smolder_window_class_init_merge (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "window.merge-profiles", NULL,
                                   smolder_window_merge_action);
}
