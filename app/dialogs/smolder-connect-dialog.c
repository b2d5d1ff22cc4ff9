/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-connect-dialog.c: "Connect to Service…" (see the header). */
#include "smolder-connect-dialog.h"

#include <glib/gi18n.h>

#include "smolder-live-error.h"
#include "smolder-live-page.h"
#include "smolder-poller.h"

#define MAX_RECENT 8

static const struct {
  const char *name;
  const char *title;
  const char *subtitle;
  gboolean    on;
} profile_table[] = {
  { "heap", N_("Heap"), N_("With its ?debug=1 text, whose MemStats feed the charts"), TRUE },
  { "goroutine", N_("Goroutines"), NULL, TRUE },
  { "allocs", N_("Allocations"), NULL, FALSE },
  { "mutex", N_("Mutex contention"), NULL, FALSE },
  { "block", N_("Blocking"), NULL, FALSE },
  { "threadcreate", N_("Thread creation"), NULL, FALSE },
  { "goroutine-debug2", N_("Goroutine stacks (?debug=2)"), N_("Large on busy services"), FALSE },
};

struct _SmolderConnectDialog
{
  AdwWindow      parent_instance;

  SmolderWindow *window;  /* weak */
  GSettings     *settings;
  GtkWidget     *url_row;
  GtkWidget     *user_row;
  GtkWidget     *password_row;
  GtkWidget     *headers_view;
  GtkWidget     *interval_spin;
  GtkWidget     *profile_checks[G_N_ELEMENTS (profile_table)];
  GtkWidget     *recent_group;
  GtkWidget     *error_label;
  GtkWidget     *trust_check;
  GtkWidget     *connect_button;
  char          *error;
  char          *fingerprint;  /* of a refused certificate, for the trust choice */
  GCancellable  *cancellable;
  SmolderPoller *discovery;
};

G_DEFINE_FINAL_TYPE (SmolderConnectDialog, smolder_connect_dialog, ADW_TYPE_WINDOW)

static void
show_error (SmolderConnectDialog *self,
            const char           *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (GTK_LABEL (self->error_label), message ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
}

static void
set_busy (SmolderConnectDialog *self,
          gboolean              busy)
{
  gtk_widget_set_sensitive (self->connect_button, !busy);
  gtk_button_set_label (GTK_BUTTON (self->connect_button), busy ? _("Connecting…") : _("C_onnect"));
}

/* "…; its SHA-256 fingerprint is AB:CD:… (accept …)" → "AB:CD:…". */
static char *
fingerprint_of_error (const char *message)
{
  const char *start = strstr (message, "fingerprint is ");
  const char *end;

  if (start == NULL)
    return NULL;
  start += strlen ("fingerprint is ");
  end = start;
  while (g_ascii_isxdigit (*end) || *end == ':')
    end++;
  return end > start ? g_strndup (start, end - start) : NULL;
}

static char **
selected_profiles (SmolderConnectDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < G_N_ELEMENTS (profile_table); i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->profile_checks[i])))
      g_strv_builder_add (builder, profile_table[i].name);
  return g_strv_builder_end (builder);
}

static void
discover_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SmolderConnectDialog) self = user_data;
  SmolderPoller *poller = SMOLDER_POLLER (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = smolder_poller_discover_finish (poller, result, &error);
  g_auto(GStrv) profiles = NULL;
  double seconds;
  SmolderLivePage *page;

  if (poller != self->discovery)
    return;  /* an older attempt */
  g_clear_object (&self->discovery);
  set_busy (self, FALSE);
  if (entries == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (g_error_matches (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_TLS))
        {
          g_free (self->fingerprint);
          self->fingerprint = fingerprint_of_error (error->message);
          if (self->fingerprint != NULL)
            {
              g_autofree char *label =
                g_strdup_printf (_("Trust this certificate for this endpoint (SHA-256 %s)"),
                                 self->fingerprint);

              gtk_check_button_set_label (GTK_CHECK_BUTTON (self->trust_check), label);
              gtk_widget_set_visible (self->trust_check, TRUE);
            }
        }
      show_error (self, error->message);
      return;
    }

  if (self->window == NULL)
    return;
  profiles = selected_profiles (self);
  seconds = gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->interval_spin));
  page = smolder_live_page_open (self->window, smolder_poller_get_endpoint (poller),
                                 (const char * const *) profiles,
                                 (guint) (seconds * 1000 + 0.5), &error);
  if (page == NULL)
    {
      show_error (self, error->message);
      return;
    }
  if (self->settings != NULL)
    {
      g_settings_set_double (self->settings, "poll-interval", seconds);
      smolder_connect_remember_endpoint (self->settings,
                                         smolder_endpoint_get_uri (smolder_poller_get_endpoint (poller)));
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

void
smolder_connect_dialog_connect (SmolderConnectDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderEndpoint) endpoint = NULL;
  const char *user;
  g_autofree char *headers = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) profiles = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (SMOLDER_IS_CONNECT_DIALOG (self));

  endpoint = smolder_endpoint_new_parse (gtk_editable_get_text (GTK_EDITABLE (self->url_row)), &error);
  if (endpoint == NULL)
    {
      show_error (self, error->message);
      return;
    }
  user = gtk_editable_get_text (GTK_EDITABLE (self->user_row));
  if (*user != '\0')
    smolder_endpoint_set_basic_auth (endpoint, user,
                                     gtk_editable_get_text (GTK_EDITABLE (self->password_row)));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->headers_view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  headers = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  lines = g_strsplit (headers, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0' && !smolder_endpoint_add_header (endpoint, lines[i], &error))
        {
          show_error (self, error->message);
          return;
        }
    }

  profiles = selected_profiles (self);
  if (profiles[0] == NULL)
    {
      show_error (self, _("Choose at least one profile to record."));
      return;
    }

  if (self->fingerprint != NULL
      && gtk_widget_get_visible (self->trust_check)
      && gtk_check_button_get_active (GTK_CHECK_BUTTON (self->trust_check)))
    smolder_endpoint_set_accepted_certificate (endpoint, self->fingerprint);

  show_error (self, NULL);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_object (&self->discovery);
  self->discovery = smolder_poller_new (endpoint, NULL);
  set_busy (self, TRUE);
  smolder_poller_discover_async (self->discovery, self->cancellable, discover_done, g_object_ref (self));
}

static void
on_connect_clicked (GtkButton            *button,
                    SmolderConnectDialog *self)
{
  smolder_connect_dialog_connect (self);
}

static void
on_cancel_clicked (GtkButton            *button,
                   SmolderConnectDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_url_changed (GtkEditable          *editable,
                SmolderConnectDialog *self)
{
  /* A trust choice belongs to the certificate of the endpoint it was made for. */
  g_clear_pointer (&self->fingerprint, g_free);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->trust_check), FALSE);
  gtk_widget_set_visible (self->trust_check, FALSE);
}

static void
on_recent_activated (AdwActionRow         *row,
                     SmolderConnectDialog *self)
{
  smolder_connect_dialog_set_url (self, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}

void
smolder_connect_dialog_set_url (SmolderConnectDialog *self,
                                const char           *url)
{
  g_return_if_fail (SMOLDER_IS_CONNECT_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url);
}

const char *
smolder_connect_dialog_get_error (SmolderConnectDialog *self)
{
  g_return_val_if_fail (SMOLDER_IS_CONNECT_DIALOG (self), NULL);
  return self->error;
}

void
smolder_connect_remember_endpoint (GSettings  *settings,
                                   const char *uri)
{
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  if (settings == NULL || uri == NULL)
    return;
  old = g_settings_get_strv (settings, "recent-endpoints");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, uri);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT; i++)
    if (!g_str_equal (old[i], uri))
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "recent-endpoints", (const char * const *) recent);
}

static void
smolder_connect_dialog_dispose (GObject *object)
{
  SmolderConnectDialog *self = SMOLDER_CONNECT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->discovery);
  G_OBJECT_CLASS (smolder_connect_dialog_parent_class)->dispose (object);
}

static void
smolder_connect_dialog_finalize (GObject *object)
{
  SmolderConnectDialog *self = SMOLDER_CONNECT_DIALOG (object);

  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_free (self->error);
  g_free (self->fingerprint);
  G_OBJECT_CLASS (smolder_connect_dialog_parent_class)->finalize (object);
}

static void
smolder_connect_dialog_class_init (SmolderConnectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smolder_connect_dialog_dispose;
  object_class->finalize = smolder_connect_dialog_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
group_new (const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  return group;
}

static void
smolder_connect_dialog_init (SmolderConnectDialog *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group, *row, *frame, *scroller;

  gtk_window_set_title (GTK_WINDOW (self), _("Connect to Service"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 720);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  g_signal_connect (cancel, "clicked", G_CALLBACK (on_cancel_clicked), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->connect_button = gtk_button_new_with_mnemonic (_("C_onnect"));
  gtk_widget_add_css_class (self->connect_button, "suggested-action");
  g_signal_connect (self->connect_button, "clicked", G_CALLBACK (on_connect_clicked), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->connect_button);
  gtk_box_append (GTK_BOX (content), header);

  /* The endpoint. */
  group = group_new (_("Endpoint"), _("host:port means http://host:port/debug/pprof/; any base path works"));
  self->url_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->url_row), _("URL"));
  g_signal_connect (self->url_row, "changed", G_CALLBACK (on_url_changed), self);
  g_signal_connect_swapped (self->url_row, "entry-activated", G_CALLBACK (smolder_connect_dialog_connect), self);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (self->url_row), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->url_row);

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_label_set_selectable (GTK_LABEL (self->error_label), TRUE);
  gtk_widget_set_margin_top (self->error_label, 6);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->error_label);
  self->trust_check = gtk_check_button_new ();
  gtk_widget_set_visible (self->trust_check, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->trust_check);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  self->recent_group = group_new (_("Recent Endpoints"), NULL);
  gtk_widget_set_visible (self->recent_group, FALSE);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (self->recent_group));

  /* Credentials: in memory only, never saved. */
  group = group_new (_("Credentials"), _("Kept in memory only, never written to disk"));
  self->user_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->user_row), _("Username"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->user_row);
  self->password_row = adw_password_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->password_row), _("Password"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->password_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = group_new (_("Request Headers"), _("One “Name: value” a line, e.g. Authorization: Bearer …"));
  self->headers_view = gtk_text_view_new ();
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (self->headers_view), TRUE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->headers_view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->headers_view), 6);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->headers_view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 56);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), scroller);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  /* Polling. */
  group = group_new (_("Recording"), NULL);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Poll Interval"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Seconds between snapshots (at least 0.2)"));
  self->interval_spin = gtk_spin_button_new_with_range (SMOLDER_POLLER_MIN_INTERVAL_MS / 1000.0, 3600, 0.1);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (self->interval_spin), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->interval_spin),
                             SMOLDER_POLLER_DEFAULT_INTERVAL_MS / 1000.0);
  gtk_widget_set_valign (self->interval_spin, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->interval_spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  for (guint i = 0; i < G_N_ELEMENTS (profile_table); i++)
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(profile_table[i].title));
      if (profile_table[i].subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(profile_table[i].subtitle));
      self->profile_checks[i] = gtk_check_button_new ();
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->profile_checks[i]), profile_table[i].on);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), self->profile_checks[i]);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), self->profile_checks[i]);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (content), page);
  adw_window_set_content (ADW_WINDOW (self), content);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->connect_button);
}

SmolderConnectDialog *
smolder_connect_dialog_new (SmolderWindow *window)
{
  SmolderConnectDialog *self = g_object_new (SMOLDER_TYPE_CONNECT_DIALOG,
                                             "transient-for", window, NULL);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));

  g_set_weak_pointer (&self->window, window);
  if (SMOLDER_IS_APPLICATION (app))
    self->settings = smolder_application_get_settings (SMOLDER_APPLICATION (app));
  if (self->settings != NULL)
    {
      g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-endpoints");

      g_object_ref (self->settings);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->interval_spin),
                                 g_settings_get_double (self->settings, "poll-interval"));
      for (guint i = 0; recent[i] != NULL; i++)
        {
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), recent[i]);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     gtk_image_new_from_icon_name ("go-next-symbolic"));
          g_signal_connect (row, "activated", G_CALLBACK (on_recent_activated), self);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->recent_group), row);
        }
      gtk_widget_set_visible (self->recent_group, recent[0] != NULL);
      if (recent[0] != NULL)
        smolder_connect_dialog_set_url (self, recent[0]);
    }
  return self;
}
