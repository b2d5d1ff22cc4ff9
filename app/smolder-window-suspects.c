/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-window-suspects.c: the window's ways into the Leak Suspects page:
 * "Find Leak Suspects…" (a folder chooser), and a toast offering it when 3
 * or more files are opened together. */
#include <glib/gi18n.h>

#include "smolder-suspects-page.h"
#include "smolder-window-private.h"

SmolderPage *
smolder_window_open_suspects (SmolderWindow *self,
                              GFile * const *files,
                              guint          n_files)
{
  SmolderPage *page;

  g_return_val_if_fail (SMOLDER_IS_WINDOW (self), NULL);
  g_return_val_if_fail (n_files > 0, NULL);

  page = smolder_suspects_page_new (files, n_files);
  smolder_window_add_page (self, page);
  return page;
}

static void
smolder_window_suspects_chooser_response_cb (GtkFileChooserNative *chooser,
                                             int                   response,
                                             SmolderWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) model = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        g_ptr_array_add (files, g_list_model_get_item (model, i));
      if (files->len > 0)
        smolder_window_open_suspects (self, (GFile * const *) files->pdata, files->len);
    }
  g_object_unref (chooser);
}

void
smolder_window_show_suspects_dialog (SmolderWindow *self)
{
  GtkFileChooserNative *chooser;

  g_return_if_fail (SMOLDER_IS_WINDOW (self));

  /* A folder of snapshots (a live session's too); several files are
   * offered the same when opened together. */
  chooser = gtk_file_chooser_native_new (_("Find Leak Suspects in a Folder of Snapshots"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Find Suspects"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response",
                           G_CALLBACK (smolder_window_suspects_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
find_suspects_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  smolder_window_show_suspects_dialog (SMOLDER_WINDOW (widget));
}

typedef struct {
  SmolderWindow *window;  /* weak */
  GPtrArray     *files;
} Offer;

static void
offer_free (gpointer data,
            GClosure *closure)
{
  Offer *offer = data;

  g_clear_weak_pointer (&offer->window);
  g_ptr_array_unref (offer->files);
  g_free (offer);
}

static void
smolder_window_offer_clicked_cb (AdwToast *toast,
                                 Offer    *offer)
{
  if (offer->window != NULL)
    smolder_window_open_suspects (offer->window, (GFile * const *) offer->files->pdata, offer->files->len);
}

AdwToast *
_smolder_window_offer_suspects (SmolderWindow *self,
                                GFile * const *files,
                                guint          n_files)
{
  g_autofree char *title = NULL;
  AdwToast *toast;
  Offer *offer;

  if (n_files < 3)
    return NULL;
  offer = g_new0 (Offer, 1);
  g_set_weak_pointer (&offer->window, self);
  offer->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (offer->files, g_object_ref (files[i]));

  title = g_strdup_printf (g_dngettext (NULL, "%u profile opened: look for what grows across them?",
                                        "%u profiles opened: look for what grows across them?", n_files), n_files);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("Find Leak Suspects"));
  adw_toast_set_timeout (toast, 10);
  g_signal_connect_data (toast, "button-clicked",
                         G_CALLBACK (smolder_window_offer_clicked_cb), offer, offer_free, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return toast;
}

void
_smolder_window_class_init_suspects (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "window.find-suspects", NULL, find_suspects_action);
}
