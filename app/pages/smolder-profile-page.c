/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-profile-page.c: a tab. Loads its file on a worker (a progress
 * bar and Cancel meanwhile), then shows it in a SmolderProfileView; an
 * error stays inside this tab, naming the file and the reason. The page's
 * commands (export, search, undo, views) are its view's. */

#include <string.h>

#include <glib/gi18n.h>

#include "smolder-load.h"
#include "smolder-profile-page.h"

struct _SmolderProfilePage
{
  SmolderPage parent_instance;

  /* template widgets */
  GtkStack *stack;
  AdwStatusPage *loading_page;
  GtkProgressBar *progress_bar;
  AdwStatusPage *error_page;
  SmolderProfileView *view;

  /* owned */
  SmolderProfile *profile;
  GCancellable *cancellable;
  SmolderProgress *progress;  /* of the load in flight */

  /* state */
  guint generation;
  guint progress_source;
  gulong start_handler;   /* on the frame clock: starts the load after a paint */
};

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SmolderProfilePage, smolder_profile_page, SMOLDER_TYPE_PAGE)

/* The commands the page offers (see smolder-page.h), carried out by its
 * view: page.<command> is view.<command>. */
static const char * const view_commands[] = {
  "page.export", "page.search", "page.undo-filter", "page.show-view",
};

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
  smolder_page_set_progress (SMOLDER_PAGE (self), fraction > 0.0 ? fraction : -1.0);
  return G_SOURCE_CONTINUE;
}

static void
smolder_profile_page_set_loading (SmolderProfilePage *self,
                                  gboolean            loading)
{
  if (smolder_page_get_loading (SMOLDER_PAGE (self)) == loading)
    return;

  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (loading)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
      smolder_page_set_progress (SMOLDER_PAGE (self), -1.0);
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
  smolder_page_set_loading (SMOLDER_PAGE (self), loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
smolder_profile_page_set_icon_name (SmolderProfilePage *self,
                                    const char         *icon_name)
{
  g_autoptr(GIcon) icon = icon_name != NULL ? g_themed_icon_new (icon_name) : NULL;

  smolder_page_set_icon (SMOLDER_PAGE (self), icon);
}

static void
smolder_profile_page_update_tooltip (SmolderProfilePage *self,
                                     const char         *detail)
{
  GFile *file = smolder_page_get_file (SMOLDER_PAGE (self));
  g_autofree char *where = file != NULL ? g_file_get_parse_name (file)
                                        : g_strdup (smolder_page_get_title (SMOLDER_PAGE (self)));
  g_autofree char *tooltip = NULL;

  /* AdwTabPage tooltips are markup. */
  if (detail != NULL)
    tooltip = g_markup_printf_escaped ("%s\n%s", where, detail);
  else
    tooltip = g_markup_escape_text (where, -1);
  smolder_page_set_tooltip (SMOLDER_PAGE (self), tooltip);
}

static void
smolder_profile_page_set_profile (SmolderProfilePage *self,
                                  SmolderProfile     *profile)
{
  if (!g_set_object (&self->profile, profile))
    return;

  smolder_profile_view_set_profile (self->view, profile);
  for (guint i = 0; i < G_N_ELEMENTS (view_commands); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), view_commands[i], profile != NULL);
  smolder_page_notify_profile (SMOLDER_PAGE (self));
}

static void
smolder_profile_page_show_profile (SmolderProfilePage *self,
                                   SmolderProfile     *profile)
{
  g_autofree char *detail = NULL;

  /* Translators: a tab's tooltip: "heap profile · pprof · 1234 samples". */
  detail = g_strdup_printf (_("%s profile · %s · %u samples"),
                            smolder_profile_kind_to_display (smolder_profile_get_kind (profile)),
                            smolder_profile_format_to_display (smolder_profile_get_format (profile)),
                            smolder_profile_get_n_samples (profile));
  smolder_profile_page_update_tooltip (self, detail);

  smolder_profile_page_set_profile (self, profile);
  gtk_stack_set_visible_child_name (self->stack, "content");
}

static void
smolder_profile_page_show_error (SmolderProfilePage *self,
                                 const GError       *error)
{
  const char *name = smolder_page_get_title (SMOLDER_PAGE (self));
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      title = g_strdup (_("Loading Cancelled"));
      description = g_markup_printf_escaped (_("“%s” was not opened."), name);
      smolder_profile_page_set_icon_name (self, NULL);
    }
  else
    {
      title = g_strdup_printf (_("Could Not Open “%s”"), name);
      /* The status page description is markup; the reason is not. */
      description = g_markup_escape_text (error->message, -1);
      smolder_profile_page_set_icon_name (self, "dialog-error-symbolic");
    }

  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->stack, "error");
  smolder_profile_page_update_tooltip (self, error->message);
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

  /* The error (and its page) before notify::loading: the window reads it
   * there to toast a tab that failed out of sight. */
  if (profile == NULL)
    {
      smolder_page_set_error (SMOLDER_PAGE (self), error);
      smolder_profile_page_show_error (self, error);
      smolder_profile_page_set_loading (self, FALSE);
      return;
    }
  gtk_progress_bar_set_fraction (self->progress_bar, 1.0);
  smolder_page_set_progress (SMOLDER_PAGE (self), 1.0);
  smolder_profile_page_set_loading (self, FALSE);
  smolder_profile_page_show_profile (self, profile);
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
  smolder_profile_load_with_progress_async (smolder_page_get_file (SMOLDER_PAGE (self)), NULL,
                                            self->progress, self->cancellable,
                                            smolder_profile_page_load_cb, data);
}

void
smolder_profile_page_load (SmolderProfilePage *self)
{
  g_autofree char *loading_title = NULL;
  GdkFrameClock *clock;

  g_return_if_fail (SMOLDER_IS_PROFILE_PAGE (self));

  /* A merged profile has nothing to load. */
  if (smolder_page_get_file (SMOLDER_PAGE (self)) == NULL)
    return;

  smolder_profile_page_stop_start_handler (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  smolder_page_set_error (SMOLDER_PAGE (self), NULL);
  smolder_profile_page_set_profile (self, NULL);

  self->generation++;
  self->cancellable = g_cancellable_new ();
  /* A reload while loading: the old load's progress is not this one's. */
  g_clear_pointer (&self->progress, smolder_progress_unref);
  self->progress = smolder_progress_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);

  loading_title = g_strdup_printf (_("Loading “%s”…"), smolder_page_get_title (SMOLDER_PAGE (self)));
  adw_status_page_set_title (self->loading_page, loading_title);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  smolder_profile_page_set_icon_name (self, NULL);
  smolder_profile_page_update_tooltip (self, NULL);
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

SmolderProfileView *
smolder_profile_page_get_profile_view (SmolderProfilePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_PAGE (self), NULL);

  return self->view;
}

gboolean
smolder_profile_page_get_busy (SmolderProfilePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_PAGE (self), FALSE);

  return smolder_page_get_loading (SMOLDER_PAGE (self))
         || smolder_profile_view_get_busy (self->view);
}

static SmolderProfile *
smolder_profile_page_get_profile (SmolderPage *page)
{
  return SMOLDER_PROFILE_PAGE (page)->profile;
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
smolder_profile_page_view_command (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  SmolderProfilePage *self = SMOLDER_PROFILE_PAGE (widget);
  g_autofree char *name = g_strconcat ("view.", action_name + strlen ("page."), NULL);

  gtk_widget_activate_action_variant (GTK_WIDGET (self->view), name, param);
}

static void
smolder_profile_page_view_busy_cb (SmolderProfilePage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
smolder_profile_page_constructed (GObject *object)
{
  SmolderProfilePage *self = SMOLDER_PROFILE_PAGE (object);
  SmolderPage *page = SMOLDER_PAGE (object);
  GFile *file = smolder_page_get_file (page);

  G_OBJECT_CLASS (smolder_profile_page_parent_class)->constructed (object);

  if (file != NULL)
    {
      g_autofree char *title = g_file_get_basename (file);

      if (title == NULL || !g_utf8_validate (title, -1, NULL))
        {
          g_free (title);
          title = g_file_get_parse_name (file);
        }
      smolder_page_set_title (page, title);
    }
  if (smolder_page_get_title (page) == NULL)
    smolder_page_set_title (page, _("Merged Profile"));
  g_object_bind_property (self, "title", self->view, "title", G_BINDING_SYNC_CREATE);
  smolder_profile_page_update_tooltip (self, NULL);
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

  /* The stack is both AdwBin's child and a template child: detach it from
   * the bin first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMOLDER_TYPE_PROFILE_PAGE);

  g_clear_object (&self->profile);

  G_OBJECT_CLASS (smolder_profile_page_parent_class)->dispose (object);
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
    case PROP_BUSY:
      g_value_set_boolean (value, smolder_profile_page_get_busy (self));
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
  SmolderPageClass *page_class = SMOLDER_PAGE_CLASS (klass);

  object_class->constructed = smolder_profile_page_constructed;
  object_class->dispose = smolder_profile_page_dispose;
  object_class->get_property = smolder_profile_page_get_property;
  page_class->get_profile = smolder_profile_page_get_profile;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SMOLDER_TYPE_PROFILE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/smolder/Smolder/smolder-profile-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SmolderProfilePage, stack);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfilePage, loading_page);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfilePage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfilePage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SmolderProfilePage, view);

  gtk_widget_class_install_action (widget_class, "page.cancel", NULL, smolder_profile_page_cancel_action);
  gtk_widget_class_install_action (widget_class, "page.reload", NULL, smolder_profile_page_reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "page.cancel", NULL);
  gtk_widget_class_install_action (widget_class, "page.export", NULL, smolder_profile_page_view_command);
  gtk_widget_class_install_action (widget_class, "page.search", NULL, smolder_profile_page_view_command);
  gtk_widget_class_install_action (widget_class, "page.undo-filter", NULL, smolder_profile_page_view_command);
  gtk_widget_class_install_action (widget_class, "page.show-view", "s", smolder_profile_page_view_command);
}

static void
smolder_profile_page_init (SmolderProfilePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.cancel", FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (view_commands); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), view_commands[i], FALSE);

  g_signal_connect_object (self->view, "notify::busy",
                           G_CALLBACK (smolder_profile_page_view_busy_cb),
                           self, G_CONNECT_SWAPPED);
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
  smolder_profile_page_show_profile (self, profile);
  return self;
}
