/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-sessions-dialog.c: "Recorded Sessions" (see the header). */
#include "smolder-sessions-dialog.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "smolder-application.h"
#include "smolder-session-store.h"

/* Rows made per main-loop turn: hundreds of sessions never stall a frame. */
#define ROWS_PER_BATCH 40

struct _SmolderSessionsDialog
{
  AdwWindow      parent_instance;

  /* owned */
  SmolderWindow *window;       /* weak */
  GFile         *root;
  GCancellable  *cancellable;
  GPtrArray     *infos;        /* SmolderSessionInfo, newest first */
  GPtrArray     *rows;         /* GtkWidget, one per info */

  /* widgets */
  GtkWidget     *stack;
  GtkWidget     *list;
  GtkWidget     *toasts;

  /* state */
  guint          batch_id;
  gboolean       loading;
};

G_DEFINE_FINAL_TYPE (SmolderSessionsDialog, smolder_sessions_dialog, ADW_TYPE_WINDOW)

/* "45 s", "12 min", "2 h 5 min", "3 d 4 h". */
static char *
format_span (gint64 ms)
{
  gint64 s = MAX (ms, 0) / 1000;

  if (s < 60)
    return g_strdup_printf (_("%" PRId64 " s"), s);
  if (s < 3600)
    return g_strdup_printf (_("%" PRId64 " min"), s / 60);
  if (s < 86400)
    return g_strdup_printf (_("%" PRId64 " h %" PRId64 " min"), s / 3600, s / 60 % 60);
  return g_strdup_printf (_("%" PRId64 " d %" PRId64 " h"), s / 86400, s / 3600 % 24);
}

static char *
format_start (gint64 ms)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (ms / 1000);

  /* Translators: a strftime() format for when a session started. */
  return when ? g_date_time_format (when, _("%b %-d %Y, %H:%M")) : g_strdup ("?");
}

static gint
find_info (SmolderSessionsDialog *self,
           GtkWidget             *widget)
{
  SmolderSessionInfo *info = g_object_get_data (G_OBJECT (widget), "info");
  guint index;

  return info != NULL && g_ptr_array_find (self->infos, info, &index) ? (gint) index : -1;
}

static void
show_page (SmolderSessionsDialog *self)
{
  const char *name = self->loading ? "loading" : self->infos->len > 0 ? "list" : "empty";

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), name);
}

static void
smolder_sessions_dialog_open_clicked_cb (GtkWidget             *button,
                                         SmolderSessionsDialog *self)
{
  gint index = find_info (self, button);

  if (index >= 0)
    smolder_sessions_dialog_open (self, index);
}

static void
smolder_sessions_dialog_folder_clicked_cb (GtkWidget             *button,
                                           SmolderSessionsDialog *self)
{
  gint index = find_info (self, button);
  g_autofree char *uri = NULL;

  if (index < 0)
    return;
  uri = g_file_get_uri (((SmolderSessionInfo *) self->infos->pdata[index])->dir);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
smolder_sessions_dialog_delete_clicked_cb (GtkWidget             *button,
                                           SmolderSessionsDialog *self)
{
  gint index = find_info (self, button);
  AdwMessageDialog *confirm;

  if (index >= 0 && (confirm = smolder_sessions_dialog_delete (self, index)) != NULL)
    gtk_window_present (GTK_WINDOW (confirm));
}

static GtkWidget *
icon_button (SmolderSessionsDialog *self,
             SmolderSessionInfo    *info,
             const char            *icon,
             const char            *tooltip,
             GCallback              callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data (G_OBJECT (button), "info", info);
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

static GtkWidget *
create_row (SmolderSessionsDialog *self,
            SmolderSessionInfo    *info)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *open = gtk_button_new_with_mnemonic (_("_Open"));
  GtkWidget *remove;
  g_autofree char *start = format_start (info->start_ms);
  g_autofree char *span = format_span (info->span_ms);
  g_autofree char *size = g_format_size (info->size_on_disk);
  g_autofree char *count = g_strdup_printf (g_dngettext (NULL, "%u snapshot", "%u snapshots", info->n_snapshots),
                                            info->n_snapshots);
  /* Translators: start · span · snapshots · size on disk. */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s · %s · %s"), start, span, count, size);
  gboolean in_use = smolder_session_store_is_held (info->dir);

  /* The endpoint as recorded: never with credentials (see SmolderSession). */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 info->endpoint[0] ? info->endpoint : _("Unknown endpoint"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, g_file_peek_path (info->dir));
  g_object_set_data (G_OBJECT (row), "info", info);

  if (in_use)
    {
      GtkWidget *tag = gtk_label_new (_("In Use"));

      gtk_widget_add_css_class (tag, "dim-label");
      gtk_widget_set_tooltip_text (tag, _("Being recorded or open in a tab"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }
  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (open), "info", info);
  g_signal_connect_object (open, "clicked", G_CALLBACK (smolder_sessions_dialog_open_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             icon_button (self, info, "folder-open-symbolic", _("Open Folder"),
                                          G_CALLBACK (smolder_sessions_dialog_folder_clicked_cb)));
  remove = icon_button (self, info, "user-trash-symbolic",
                        in_use ? _("A session in use cannot be deleted") : _("Delete Session…"),
                        G_CALLBACK (smolder_sessions_dialog_delete_clicked_cb));
  gtk_widget_set_sensitive (remove, !in_use);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), open);
  return row;
}

static gboolean
add_batch (gpointer user_data)
{
  SmolderSessionsDialog *self = user_data;
  guint end = MIN (self->rows->len + ROWS_PER_BATCH, self->infos->len);

  for (guint i = self->rows->len; i < end; i++)
    {
      GtkWidget *row = create_row (self, self->infos->pdata[i]);

      g_ptr_array_add (self->rows, row);
      gtk_list_box_append (GTK_LIST_BOX (self->list), row);
    }
  if (self->rows->len < self->infos->len)
    return G_SOURCE_CONTINUE;
  self->batch_id = 0;
  self->loading = FALSE;
  show_page (self);
  return G_SOURCE_REMOVE;
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SmolderSessionsDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) infos = smolder_session_store_list_finish (result, &error);

  /* Closed meanwhile: its widgets are gone. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (infos == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Cannot list the recorded sessions: %s"), error->message);

      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toasts), adw_toast_new (text));
      self->loading = FALSE;
      show_page (self);
      return;
    }
  g_ptr_array_extend_and_steal (self->infos, g_steal_pointer (&infos));
  /* The first batch now, the rest as the main loop has time. */
  if (add_batch (self) == G_SOURCE_CONTINUE)
    self->batch_id = g_idle_add (add_batch, self);
}

typedef struct {
  SmolderSessionsDialog *self;
  SmolderSessionInfo    *info;  /* owned by self->infos while the row lives */
} DeleteData;

static void
deleted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  DeleteData *data = user_data;
  g_autoptr(SmolderSessionsDialog) self = data->self;
  SmolderSessionInfo *info = data->info;
  g_autoptr(GError) error = NULL;
  guint index;

  g_free (data);
  if (!smolder_session_store_delete_finish (result, &error))
    {
      g_autofree char *text = NULL;

      if (g_cancellable_is_cancelled (self->cancellable))
        return;
      text = g_strdup_printf (_("Cannot delete the session: %s"), error->message);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toasts), adw_toast_new (text));
      return;
    }
  if (g_cancellable_is_cancelled (self->cancellable) || !g_ptr_array_find (self->infos, info, &index))
    return;
  if (index < self->rows->len)
    {
      gtk_list_box_remove (GTK_LIST_BOX (self->list), self->rows->pdata[index]);
      g_ptr_array_remove_index (self->rows, index);
    }
  g_ptr_array_remove_index (self->infos, index);
  show_page (self);
}

static void
smolder_sessions_dialog_confirm_cb (AdwMessageDialog      *confirm,
                                    const char            *response,
                                    SmolderSessionsDialog *self)
{
  SmolderSessionInfo *info = g_object_get_data (G_OBJECT (confirm), "info");
  DeleteData *data;

  if (!g_str_equal (response, "delete") || info == NULL || !g_ptr_array_find (self->infos, info, NULL))
    return;
  data = g_new0 (DeleteData, 1);
  data->self = g_object_ref (self);
  data->info = info;
  smolder_session_store_delete_async (info->dir, self->cancellable, deleted_cb, data);
}

AdwMessageDialog *
smolder_sessions_dialog_delete (SmolderSessionsDialog *self,
                                guint                  index)
{
  SmolderSessionInfo *info;
  AdwMessageDialog *confirm;
  g_autofree char *start = NULL;
  g_autofree char *size = NULL;

  g_return_val_if_fail (SMOLDER_IS_SESSIONS_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->infos->len, NULL);

  info = self->infos->pdata[index];
  if (smolder_session_store_is_held (info->dir))
    return NULL;
  start = format_start (info->start_ms);
  size = g_format_size (info->size_on_disk);
  confirm = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Delete Recorded Session?"), NULL));
  adw_message_dialog_format_body (confirm,
                                  g_dngettext (NULL,
                                               "The %u snapshot of %s recorded on %s (%s) will be deleted from disk.",
                                               "The %u snapshots of %s recorded on %s (%s) will be deleted from disk.",
                                               info->n_snapshots),
                                  info->n_snapshots, info->endpoint, start, size);
  adw_message_dialog_add_responses (confirm, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (confirm, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (confirm, "cancel");
  adw_message_dialog_set_close_response (confirm, "cancel");
  g_object_set_data (G_OBJECT (confirm), "info", info);
  g_signal_connect_object (confirm, "response", G_CALLBACK (smolder_sessions_dialog_confirm_cb), self, 0);
  return confirm;
}

void
smolder_sessions_dialog_open (SmolderSessionsDialog *self,
                              guint                  index)
{
  g_return_if_fail (SMOLDER_IS_SESSIONS_DIALOG (self));
  g_return_if_fail (index < self->infos->len);

  if (self->window != NULL)
    smolder_window_open_session (self->window, ((SmolderSessionInfo *) self->infos->pdata[index])->dir);
  gtk_window_close (GTK_WINDOW (self));
}

gboolean
smolder_sessions_dialog_get_loading (SmolderSessionsDialog *self)
{
  g_return_val_if_fail (SMOLDER_IS_SESSIONS_DIALOG (self), FALSE);
  return self->loading;
}

guint
smolder_sessions_dialog_get_n_rows (SmolderSessionsDialog *self)
{
  g_return_val_if_fail (SMOLDER_IS_SESSIONS_DIALOG (self), 0);
  return self->rows->len;
}

GtkWidget *
smolder_sessions_dialog_get_row (SmolderSessionsDialog *self,
                                 guint                  index)
{
  g_return_val_if_fail (SMOLDER_IS_SESSIONS_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return self->rows->pdata[index];
}

static void
smolder_sessions_dialog_dispose (GObject *object)
{
  SmolderSessionsDialog *self = SMOLDER_SESSIONS_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->batch_id, g_source_remove);
  G_OBJECT_CLASS (smolder_sessions_dialog_parent_class)->dispose (object);
}

static void
smolder_sessions_dialog_finalize (GObject *object)
{
  SmolderSessionsDialog *self = SMOLDER_SESSIONS_DIALOG (object);

  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->root);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->infos, g_ptr_array_unref);
  G_OBJECT_CLASS (smolder_sessions_dialog_parent_class)->finalize (object);
}

static void
smolder_sessions_dialog_class_init (SmolderSessionsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smolder_sessions_dialog_dispose;
  object_class->finalize = smolder_sessions_dialog_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
retention_label (void)
{
  GApplication *app = g_application_get_default ();
  GSettings *settings = SMOLDER_IS_APPLICATION (app) ? smolder_application_get_settings (SMOLDER_APPLICATION (app)) : NULL;
  guint days = settings ? g_settings_get_uint (settings, "session-retention-days") : 0;
  g_autofree char *text = NULL;
  GtkWidget *label;

  if (days > 0)
    text = g_strdup_printf (g_dngettext (NULL,
                                         "Sessions are deleted at start-up %u day after their last snapshot.",
                                         "Sessions are deleted at start-up %u days after their last snapshot.",
                                         days), days);
  else
    text = g_strdup (_("Sessions are kept until you delete them."));
  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
smolder_sessions_dialog_init (SmolderSessionsDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  self->infos = g_ptr_array_new_with_free_func ((GDestroyNotify) smolder_session_info_free);
  self->rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;

  gtk_window_set_title (GTK_WINDOW (self), _("Recorded Sessions"));
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 520);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_box_append (GTK_BOX (box), header);

  self->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_stack_add_named (GTK_STACK (self->stack), spinner, "loading");

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "document-open-recent-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Recorded Sessions"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Watching a service with Connect to Service… records every snapshot here"));
  gtk_stack_add_named (GTK_STACK (self->stack), empty, "empty");

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_box_append (GTK_BOX (content), retention_label ());
  gtk_box_append (GTK_BOX (content), self->list);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 800);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled, "list");
  gtk_box_append (GTK_BOX (box), self->stack);

  self->toasts = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (self->toasts), box);
  adw_window_set_content (ADW_WINDOW (self), self->toasts);
  show_page (self);
}

SmolderSessionsDialog *
smolder_sessions_dialog_new (SmolderWindow *window,
                             GFile         *root)
{
  SmolderSessionsDialog *self;

  g_return_val_if_fail (SMOLDER_IS_WINDOW (window), NULL);

  self = g_object_new (SMOLDER_TYPE_SESSIONS_DIALOG, "transient-for", window, NULL);
  g_set_weak_pointer (&self->window, window);
  self->root = root ? g_object_ref (root) : smolder_session_get_default_root ();
  smolder_session_store_list_async (self->root, self->cancellable, listed_cb, g_object_ref (self));
  return self;
}
