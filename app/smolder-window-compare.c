/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-window-compare.c: opening compare tabs: "Compare With…" on the
 * selected tab (a dialog choosing the other tab, as Merge Profiles… does)
 * and two files from the command line. */

#include <glib/gi18n.h>

#include "smolder-compare-page.h"
#include "smolder-window-private.h"

static const char *
tab_title (SmolderWindow *self,
           SmolderPage   *page)
{
  AdwTabPage *tab = adw_tab_view_get_page (self->tab_view, GTK_WIDGET (page));

  return tab != NULL ? adw_tab_page_get_title (tab) : smolder_page_get_title (page);
}

SmolderPage *
smolder_window_compare_pages (SmolderWindow *self,
                              SmolderPage   *base,
                              SmolderPage   *new)
{
  SmolderProfile *base_profile, *new_profile;
  SmolderPage *page;

  g_return_val_if_fail (SMOLDER_IS_WINDOW (self), NULL);
  g_return_val_if_fail (SMOLDER_IS_PAGE (base), NULL);
  g_return_val_if_fail (SMOLDER_IS_PAGE (new), NULL);

  base_profile = smolder_page_get_profile (base);
  new_profile = smolder_page_get_profile (new);
  if (base_profile == NULL || new_profile == NULL)
    {
      smolder_window_add_toast (self, _("Both profiles must be loaded to compare them"));
      return NULL;
    }
  page = smolder_compare_page_new (base_profile, new_profile, tab_title (self, base), tab_title (self, new));
  smolder_window_add_page (self, page);
  return page;
}

SmolderPage *
smolder_window_compare_files (SmolderWindow *self,
                              GFile         *base,
                              GFile         *new)
{
  SmolderPage *page;

  g_return_val_if_fail (SMOLDER_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (base), NULL);
  g_return_val_if_fail (G_IS_FILE (new), NULL);

  page = smolder_compare_page_new_for_files (base, new);
  smolder_window_add_page (self, page);
  return page;
}

static void
smolder_window_compare_dialog_response_cb (SmolderWindow    *self,
                                           const char       *response,
                                           AdwMessageDialog *dialog)
{
  GtkWidget *list = adw_message_dialog_get_extra_child (dialog);
  SmolderPage *base = g_object_get_data (G_OBJECT (dialog), "base");

  if (g_strcmp0 (response, "compare") != 0)
    return;

  for (GtkWidget *check = gtk_widget_get_first_child (list); check != NULL;
       check = gtk_widget_get_next_sibling (check))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
      {
        smolder_window_compare_pages (self, base, g_object_get_data (G_OBJECT (check), "page"));
        return;
      }
}

AdwMessageDialog *
smolder_window_present_compare_dialog (SmolderWindow *self)
{
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  SmolderPage *base;
  SmolderProfile *base_profile;
  GtkCheckButton *group = NULL;
  GtkWidget *list;
  GtkWidget *button;

  g_return_val_if_fail (SMOLDER_IS_WINDOW (self), NULL);

  base = smolder_window_get_selected_page (self);
  base_profile = base != NULL ? smolder_page_get_profile (base) : NULL;
  if (base_profile == NULL)
    {
      smolder_window_add_toast (self, _("Open a profile first"));
      return NULL;
    }

  list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  pages = _smolder_window_loaded_pages (self);
  for (guint i = 0; i < pages->len; i++)
    {
      SmolderPage *page = pages->pdata[i];
      GtkWidget *check;

      if (page == base
          || smolder_profile_get_kind (smolder_page_get_profile (page)) != smolder_profile_get_kind (base_profile))
        continue;
      check = _smolder_window_create_page_row (self, page);
      /* One choice: radio buttons, the first chosen. */
      gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), group == NULL);
      if (group == NULL)
        group = GTK_CHECK_BUTTON (check);
      gtk_box_append (GTK_BOX (list), check);
    }
  if (group == NULL)
    {
      g_object_ref_sink (list);
      g_object_unref (list);
      smolder_window_add_toast (self, _("Open another profile of the same kind to compare with"));
      return NULL;
    }

  /* TRANSLATORS: %s is the selected tab's title, the base of the comparison */
  body = g_strdup_printf (_("Choose the newer profile: it is compared with “%s”, the base."),
                          tab_title (self, base));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Compare With"), body));
  g_object_set_data_full (G_OBJECT (dialog), "base", g_object_ref (base), g_object_unref);
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "compare", _("C_ompare"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "compare", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "compare");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (smolder_window_compare_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  /* Enter compares, rather than toggling the first row. */
  button = _smolder_window_find_button (GTK_WIDGET (dialog), _("C_ompare"));
  if (button != NULL)
    gtk_window_set_focus (GTK_WINDOW (dialog), button);
  return dialog;
}

static void
smolder_window_compare_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  smolder_window_present_compare_dialog (SMOLDER_WINDOW (widget));
}

void
_smolder_window_class_init_compare (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "window.compare-with", NULL,
                                   smolder_window_compare_action);
}
