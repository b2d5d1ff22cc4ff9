/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-profile-page-filters.c: the page's filters (from the context
 * menus of the flame graphs and the Top table, or typed), applied to the
 * query one regex per mode as pprof takes them, shown as removable chips,
 * with undo. */

#include <string.h>

#include <glib/gi18n.h>

#include "smolder-profile-page-private.h"

#define MAX_UNDO 50

static const char * const mode_labels[] = {
  [SMOLDER_FILTER_FOCUS]  = N_("Focus on"),
  [SMOLDER_FILTER_IGNORE] = N_("Ignore"),
  [SMOLDER_FILTER_HIDE]   = N_("Hide"),
  [SMOLDER_FILTER_SHOW]   = N_("Show only"),
};

/* --- the filter list --- */

void
_smolder_profile_page_filter_free (SmolderPageFilter *filter)
{
  g_free (filter->regex);
  g_free (filter->name);
  g_free (filter);
}

static SmolderPageFilter *
filter_new (SmolderFilterMode  mode,
            const char        *regex,
            const char        *name)
{
  SmolderPageFilter *filter = g_new0 (SmolderPageFilter, 1);

  filter->mode = mode;
  filter->regex = g_strdup (regex);
  filter->name = g_strdup (name);
  return filter;
}

GPtrArray *
_smolder_profile_page_filters_copy (GPtrArray *filters)
{
  GPtrArray *copy = g_ptr_array_new_full (filters->len, (GDestroyNotify) _smolder_profile_page_filter_free);

  for (guint i = 0; i < filters->len; i++)
    {
      SmolderPageFilter *filter = g_ptr_array_index (filters, i);

      g_ptr_array_add (copy, filter_new (filter->mode, filter->regex, filter->name));
    }
  return copy;
}

/* Filters of one mode become one regex "(?:a)|(?:b)": pprof takes one per
 * mode, and a sample matching any of them is what several chips mean. */
gboolean
_smolder_profile_page_apply_filters (GPtrArray     *filters,
                                     SmolderQuery  *query,
                                     GError       **error)
{
  for (guint mode = SMOLDER_FILTER_FOCUS; mode <= SMOLDER_FILTER_SHOW; mode++)
    {
      g_autoptr(GString) regex = g_string_new (NULL);
      guint n = 0;
      gboolean ok = FALSE;

      for (guint i = 0; i < filters->len; i++)
        {
          SmolderPageFilter *filter = g_ptr_array_index (filters, i);

          if (filter->mode != mode)
            continue;
          if (n++ > 0)
            g_string_append_c (regex, '|');
          g_string_append_printf (regex, "(?:%s)", filter->regex);
        }
      /* One filter is used as written, so pprof's message quotes it. */
      if (n == 1)
        {
          for (guint i = 0; i < filters->len; i++)
            {
              SmolderPageFilter *filter = g_ptr_array_index (filters, i);

              if (filter->mode == mode)
                g_string_assign (regex, filter->regex);
            }
        }

      switch (mode)
        {
        case SMOLDER_FILTER_FOCUS:
          ok = smolder_query_set_focus (query, regex->str, error);
          break;
        case SMOLDER_FILTER_IGNORE:
          ok = smolder_query_set_ignore (query, regex->str, error);
          break;
        case SMOLDER_FILTER_HIDE:
          ok = smolder_query_set_hide (query, regex->str, error);
          break;
        case SMOLDER_FILTER_SHOW:
        default:
          ok = smolder_query_set_show (query, regex->str, error);
          break;
        }
      if (!ok)
        return FALSE;
    }

  return TRUE;
}

static void
smolder_profile_page_push_undo (SmolderProfilePage *self)
{
  g_ptr_array_add (self->undo_stack, _smolder_profile_page_filters_copy (self->filters));
  if (self->undo_stack->len > MAX_UNDO)
    g_ptr_array_remove_index (self->undo_stack, 0);
}

static void
smolder_profile_page_filters_changed (SmolderProfilePage *self)
{
  _smolder_profile_page_rebuild_chips (self);
  _smolder_profile_page_update_query (self);
}

/* @name: the function @regex matches exactly, for the chip; NULL when typed. */
static gboolean
add_filter (SmolderProfilePage  *self,
            SmolderFilterMode    mode,
            const char          *regex,
            const char          *name,
            GError             **error)
{
  g_autoptr(GPtrArray) filters = NULL;
  g_autoptr(SmolderQuery) probe = smolder_query_new ();

  if (regex[0] == '\0')
    {
      g_set_error_literal (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_INVALID_QUERY,
                           _("The filter is empty"));
      return FALSE;
    }

  /* Checked on its own and with the others, before anything changes. */
  filters = _smolder_profile_page_filters_copy (self->filters);
  g_ptr_array_add (filters, filter_new (mode, regex, name));
  if (!_smolder_profile_page_apply_filters (filters, probe, error))
    return FALSE;

  smolder_profile_page_push_undo (self);
  g_ptr_array_add (self->filters, filter_new (mode, regex, name));
  smolder_profile_page_filters_changed (self);
  return TRUE;
}

gboolean
smolder_profile_page_add_filter (SmolderProfilePage  *self,
                                 SmolderFilterMode    mode,
                                 const char          *regex,
                                 GError             **error)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_PAGE (self), FALSE);
  g_return_val_if_fail (mode <= SMOLDER_FILTER_SHOW, FALSE);
  g_return_val_if_fail (regex != NULL, FALSE);

  return add_filter (self, mode, regex, NULL, error);
}

/* The function of a printable frame name: lines and addresses print
 * "function file:line" (after an address); filters match the function. */
static char *
name_to_function (SmolderProfilePage *self,
                  const char         *name)
{
  SmolderGranularity granularity = SMOLDER_GRANULARITY_FUNCTIONS;
  const char *space;

  if (self->query != NULL)
    granularity = smolder_query_get_granularity (self->query);

  space = strrchr (name, ' ');
  if (granularity == SMOLDER_GRANULARITY_LINES && space != NULL)
    return g_strndup (name, space - name);
  if (granularity == SMOLDER_GRANULARITY_ADDRESSES && space != NULL)
    {
      const char *start = strchr (name, ' ');

      return start < space ? g_strndup (start + 1, space - start - 1) : g_strdup (name);
    }
  return g_strdup (name);
}

static char *
function_to_regex (const char *function)
{
  g_autofree char *escaped = g_regex_escape_string (function, -1);

  return g_strdup_printf ("^%s$", escaped);
}

char *
smolder_profile_page_name_to_regex (SmolderProfilePage *self,
                                    const char         *name)
{
  g_autofree char *function = NULL;

  g_return_val_if_fail (SMOLDER_IS_PROFILE_PAGE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  function = name_to_function (self, name);
  return function_to_regex (function);
}

void
smolder_profile_page_add_name_filter (SmolderProfilePage *self,
                                      SmolderFilterMode   mode,
                                      const char         *name)
{
  g_autofree char *function = NULL;
  g_autofree char *regex = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SMOLDER_IS_PROFILE_PAGE (self));
  g_return_if_fail (mode <= SMOLDER_FILTER_SHOW);
  g_return_if_fail (name != NULL);

  function = name_to_function (self, name);
  regex = function_to_regex (function);
  if (!add_filter (self, mode, regex, function, &error))
    g_warning ("Filter on “%s”: %s", name, error->message);
}

guint
smolder_profile_page_get_n_filters (SmolderProfilePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_PAGE (self), 0);

  return self->filters->len;
}

const char *
smolder_profile_page_get_filter (SmolderProfilePage *self,
                                 guint               index,
                                 SmolderFilterMode  *out_mode)
{
  SmolderPageFilter *filter;

  g_return_val_if_fail (SMOLDER_IS_PROFILE_PAGE (self), NULL);
  g_return_val_if_fail (index < self->filters->len, NULL);

  filter = g_ptr_array_index (self->filters, index);
  if (out_mode != NULL)
    *out_mode = filter->mode;
  return filter->regex;
}

/* Undo in the toast puts back the filter it is about, where it was:
 * whatever else changed since (the top of the undo stack) stays. */
static void
smolder_profile_page_undo_toast_cb (SmolderProfilePage *self,
                                    AdwToast           *toast)
{
  SmolderPageFilter *removed = g_object_get_data (G_OBJECT (toast), "smolder-filter");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "smolder-filter-index"));

  if (removed == NULL)
    return;
  smolder_profile_page_push_undo (self);
  g_ptr_array_insert (self->filters, MIN (index, self->filters->len),
                      filter_new (removed->mode, removed->regex, removed->name));
  smolder_profile_page_filters_changed (self);
}

void
smolder_profile_page_remove_filter (SmolderProfilePage *self,
                                    guint               index)
{
  AdwToast *toast;
  SmolderPageFilter *removed;

  g_return_if_fail (SMOLDER_IS_PROFILE_PAGE (self));
  g_return_if_fail (index < self->filters->len);

  smolder_profile_page_push_undo (self);
  removed = g_ptr_array_index (self->filters, index);
  removed = filter_new (removed->mode, removed->regex, removed->name);
  g_ptr_array_remove_index (self->filters, index);
  smolder_profile_page_filters_changed (self);

  toast = adw_toast_new (_("Filter removed"));
  g_object_set_data_full (G_OBJECT (toast), "smolder-filter", removed,
                          (GDestroyNotify) _smolder_profile_page_filter_free);
  g_object_set_data (G_OBJECT (toast), "smolder-filter-index", GUINT_TO_POINTER (index));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked",
                           G_CALLBACK (smolder_profile_page_undo_toast_cb),
                           self, G_CONNECT_SWAPPED);
  _smolder_profile_page_add_toast (self, toast);
}

gboolean
smolder_profile_page_undo_filter (SmolderProfilePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_PAGE (self), FALSE);

  if (self->undo_stack->len == 0)
    return FALSE;

  g_ptr_array_unref (self->filters);
  self->filters = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
  smolder_profile_page_filters_changed (self);
  return TRUE;
}

/* --- chips --- */

static void
smolder_profile_page_chip_clicked_cb (SmolderProfilePage *self,
                                      GtkButton          *button)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "smolder-filter-index"));

  if (index < self->filters->len)
    smolder_profile_page_remove_filter (self, index);
}

void
_smolder_profile_page_rebuild_chips (SmolderProfilePage *self)
{
  GtkWidget *child;

  /* gtk_flow_box_remove_all() is GTK 4.12. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chip_box))) != NULL)
    gtk_flow_box_remove (self->chip_box, child);

  for (guint i = 0; i < self->filters->len; i++)
    {
      SmolderPageFilter *filter = g_ptr_array_index (self->filters, i);
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *mode = gtk_label_new (_(mode_labels[filter->mode]));
      /* A frame's filter shows its function, the regex is in the tooltip;
       * plain text, never markup. */
      GtkWidget *regex = gtk_label_new (filter->name != NULL ? filter->name : filter->regex);
      g_autofree char *tooltip = g_strdup_printf (_("Remove the filter “%s %s”"),
                                                  _(mode_labels[filter->mode]), filter->regex);

      gtk_widget_add_css_class (mode, "dim-label");
      gtk_label_set_ellipsize (GTK_LABEL (regex), PANGO_ELLIPSIZE_MIDDLE);
      gtk_label_set_max_width_chars (GTK_LABEL (regex), 48);
      gtk_widget_add_css_class (regex, "monospace");
      gtk_box_append (GTK_BOX (box), mode);
      gtk_box_append (GTK_BOX (box), regex);
      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "small");
      gtk_widget_add_css_class (button, "smolder-chip");
      g_object_set_data (G_OBJECT (button), "smolder-filter-index", GUINT_TO_POINTER (i));
      g_signal_connect_object (button, "clicked",
                               G_CALLBACK (smolder_profile_page_chip_clicked_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_flow_box_append (self->chip_box, button);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->chip_box), self->filters->len > 0);
}

static void
smolder_profile_page_add_typed_filter_action (GtkWidget  *widget,
                                              const char *action_name,
                                              GVariant   *param)
{
  SmolderProfilePage *self = SMOLDER_PROFILE_PAGE (widget);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));
  guint mode = gtk_drop_down_get_selected (self->filter_mode_dropdown);
  g_autoptr(GError) error = NULL;

  if (mode > SMOLDER_FILTER_SHOW)
    mode = SMOLDER_FILTER_FOCUS;

  if (!smolder_profile_page_add_filter (self, mode, text, &error))
    {
      gtk_label_set_text (self->filter_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->filter_error_label), TRUE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->filter_error_label), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
  gtk_popover_popdown (self->filter_popover);
}

static void
smolder_profile_page_filter_entry_activate_cb (SmolderProfilePage *self)
{
  smolder_profile_page_add_typed_filter_action (GTK_WIDGET (self), "page.add-typed-filter", NULL);
}

static void
smolder_profile_page_undo_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  smolder_profile_page_undo_filter (SMOLDER_PROFILE_PAGE (widget));
}

/* --- wiring --- */

void
_smolder_profile_page_class_init_filters (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "page.add-typed-filter", NULL,
                                   smolder_profile_page_add_typed_filter_action);
  gtk_widget_class_install_action (widget_class, "page.undo-filter", NULL,
                                   smolder_profile_page_undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "page.undo-filter", NULL);
}

void
_smolder_profile_page_init_filters (SmolderProfilePage *self)
{
  g_signal_connect_object (self->filter_entry, "activate",
                           G_CALLBACK (smolder_profile_page_filter_entry_activate_cb),
                           self, G_CONNECT_SWAPPED);
}
