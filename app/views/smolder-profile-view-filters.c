/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-profile-view-filters.c: the view's filters (a SmolderFilterStack)
 * as removable chips, with undo; the frame actions of the context menus
 * (Focus on, Ignore, Hide, Show only, Show Callers/Callees), which filter
 * on the frame's identity as the engine keys it; typed filters. */

#include <glib/gi18n.h>

#include "smolder-profile-view-private.h"

static const char * const mode_labels[] = {
  [SMOLDER_FILTER_FOCUS]  = N_("Focus on"),
  [SMOLDER_FILTER_IGNORE] = N_("Ignore"),
  [SMOLDER_FILTER_HIDE]   = N_("Hide"),
  [SMOLDER_FILTER_SHOW]   = N_("Show only"),
};

gboolean
smolder_profile_view_add_filter (SmolderProfileView  *self,
                                 SmolderFilterMode    mode,
                                 const char          *regex,
                                 GError             **error)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_VIEW (self), FALSE);
  g_return_val_if_fail (mode < SMOLDER_FILTER_N_MODES, FALSE);
  g_return_val_if_fail (regex != NULL, FALSE);

  return smolder_filter_stack_add (self->filters, mode, regex, NULL, error);
}

gboolean
smolder_profile_view_undo_filter (SmolderProfileView *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_VIEW (self), FALSE);

  return smolder_filter_stack_undo (self->filters);
}

/* What a removal's toast puts back, where it was. */
typedef struct {
  SmolderFilterMode mode;
  guint index;
  char *regex;
  char *identity;
} RemovedFilter;

static void
removed_filter_free (RemovedFilter *removed)
{
  g_free (removed->regex);
  g_free (removed->identity);
  g_free (removed);
}

/* Undo in the toast puts back the filter it is about: whatever else
 * changed since stays. */
static void
smolder_profile_view_undo_toast_cb (SmolderProfileView *self,
                                    AdwToast           *toast)
{
  RemovedFilter *removed = g_object_get_data (G_OBJECT (toast), "smolder-filter");
  g_autoptr(GError) error = NULL;

  if (removed != NULL
      && !smolder_filter_stack_insert (self->filters, removed->index, removed->mode,
                                       removed->regex, removed->identity, &error))
    g_warning ("Undo of a filter: %s", error->message);
}

void
smolder_profile_view_remove_filter (SmolderProfileView *self,
                                    guint               index)
{
  RemovedFilter *removed;
  AdwToast *toast;

  g_return_if_fail (SMOLDER_IS_PROFILE_VIEW (self));
  g_return_if_fail (index < smolder_filter_stack_get_n_filters (self->filters));

  removed = g_new0 (RemovedFilter, 1);
  removed->mode = smolder_filter_stack_get_mode (self->filters, index);
  removed->index = index;
  removed->regex = g_strdup (smolder_filter_stack_get_regex (self->filters, index));
  removed->identity = g_strdup (smolder_filter_stack_get_identity (self->filters, index));
  smolder_filter_stack_remove (self->filters, index);

  toast = adw_toast_new (_("Filter removed"));
  g_object_set_data_full (G_OBJECT (toast), "smolder-filter", removed,
                          (GDestroyNotify) removed_filter_free);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked",
                           G_CALLBACK (smolder_profile_view_undo_toast_cb),
                           self, G_CONNECT_SWAPPED);
  _smolder_profile_view_add_toast (self, toast);
}

/* --- chips --- */

static void
smolder_profile_view_chip_clicked_cb (SmolderProfileView *self,
                                      GtkButton          *button)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "smolder-filter-index"));

  if (index < smolder_filter_stack_get_n_filters (self->filters))
    smolder_profile_view_remove_filter (self, index);
}

static GtkWidget *
chip_new (SmolderProfileView *self,
          guint               index)
{
  SmolderFilterMode mode = smolder_filter_stack_get_mode (self->filters, index);
  const char *regex_text = smolder_filter_stack_get_regex (self->filters, index);
  const char *identity = smolder_filter_stack_get_identity (self->filters, index);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *mode_label = gtk_label_new (_(mode_labels[mode]));
  /* A frame's filter shows its function, the regex is in the tooltip;
   * plain text, never markup. */
  GtkWidget *regex = gtk_label_new (identity != NULL ? identity : regex_text);
  /* Translators: the tooltip of a filter chip: "Remove the filter “Focus on ^main\.f$”". */
  g_autofree char *tooltip = g_strdup_printf (_("Remove the filter “%s %s”"),
                                              _(mode_labels[mode]), regex_text);

  gtk_widget_add_css_class (mode_label, "dim-label");
  gtk_label_set_ellipsize (GTK_LABEL (regex), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (regex), 48);
  gtk_widget_add_css_class (regex, "monospace");
  gtk_box_append (GTK_BOX (box), mode_label);
  gtk_box_append (GTK_BOX (box), regex);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "small");
  gtk_widget_add_css_class (button, "smolder-chip");
  g_object_set_data (G_OBJECT (button), "smolder-filter-index", GUINT_TO_POINTER (index));
  g_signal_connect_object (button, "clicked",
                           G_CALLBACK (smolder_profile_view_chip_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  return button;
}

static void
smolder_profile_view_filters_changed_cb (SmolderProfileView *self)
{
  guint n = smolder_filter_stack_get_n_filters (self->filters);
  GtkWidget *child;

  /* gtk_flow_box_remove_all() is GTK 4.12. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chip_box))) != NULL)
    gtk_flow_box_remove (self->chip_box, child);
  for (guint i = 0; i < n; i++)
    gtk_flow_box_append (self->chip_box, chip_new (self, i));
  gtk_widget_set_visible (GTK_WIDGET (self->chip_box), n > 0);

  _smolder_profile_view_update_query (self);
}

/* --- frame actions --- */

/* The identity filters match for frame @frame: its function as the engine
 * keys it (every granularity but Files has one), else its file. */
static const char *
frame_identity (SmolderFrames *frames,
                guint          frame)
{
  const char *function = smolder_frames_get_function (frames, frame);

  if (function != NULL && function[0] != '\0')
    return function;
  return smolder_frames_get_file (frames, frame);
}

/* The frame a menu is about: a flame graph's focused node, or the frame of
 * that printable name in @frames (Top's table: names are unique there). */
static gboolean
resolve_frame (GObject        *source,
               const char     *name,
               SmolderFrames **out_frames,
               guint          *out_frame)
{
  SmolderFrames *frames = NULL;

  if (SMOLDER_IS_FLAME_GRAPH (source))
    {
      SmolderFlameGraph *graph = SMOLDER_FLAME_GRAPH (source);
      SmolderCallTree *tree = smolder_flame_graph_get_call_tree (graph);
      guint32 node = smolder_flame_graph_get_focus_node (graph);

      if (tree == NULL)
        return FALSE;
      frames = smolder_call_tree_get_frames (tree);
      if (node != SMOLDER_NO_ID && node < smolder_call_tree_get_n_nodes (tree)
          && smolder_call_tree_get_frame (tree, node) != SMOLDER_NO_ID
          && g_strcmp0 (smolder_call_tree_get_name (tree, node), name) == 0)
        {
          *out_frames = frames;
          *out_frame = smolder_call_tree_get_frame (tree, node);
          return TRUE;
        }
    }
  else if (SMOLDER_IS_TOP_VIEW (source) && smolder_top_view_get_top (SMOLDER_TOP_VIEW (source)) != NULL)
    frames = smolder_top_get_frames (smolder_top_view_get_top (SMOLDER_TOP_VIEW (source)));

  if (frames == NULL || !smolder_frames_lookup (frames, name, out_frame))
    return FALSE;
  *out_frames = frames;
  return TRUE;
}

static void
smolder_profile_view_frame_filter (SmolderProfileView *self,
                                   SmolderFilterMode   mode,
                                   GObject            *source,
                                   const char         *name)
{
  g_autoptr(GError) error = NULL;
  SmolderFrames *frames;
  guint frame;

  if (!resolve_frame (source, name, &frames, &frame))
    {
      g_warning ("Filter on “%s”: no such frame in what is shown", name);
      return;
    }
  if (!smolder_filter_stack_add_identity (self->filters, mode, frame_identity (frames, frame), &error))
    g_warning ("Filter on “%s”: %s", name, error->message);
}

/* From a flame graph's or the Top table's menu: ("focus-on", "ignore",
 * "hide", "show" or "show-callers"; the frame's printable name). */
static void
smolder_profile_view_frame_action_cb (SmolderProfileView *self,
                                      const char         *action,
                                      const char         *name,
                                      GObject            *source)
{
  if (g_str_equal (action, "focus-on"))
    smolder_profile_view_frame_filter (self, SMOLDER_FILTER_FOCUS, source, name);
  else if (g_str_equal (action, "ignore"))
    smolder_profile_view_frame_filter (self, SMOLDER_FILTER_IGNORE, source, name);
  else if (g_str_equal (action, "hide"))
    smolder_profile_view_frame_filter (self, SMOLDER_FILTER_HIDE, source, name);
  else if (g_str_equal (action, "show"))
    smolder_profile_view_frame_filter (self, SMOLDER_FILTER_SHOW, source, name);
  else if (g_str_equal (action, "show-callers"))
    smolder_profile_view_show_callers (self, name);
}

/* --- typed filters --- */

static void
smolder_profile_view_add_typed_filter_action (GtkWidget  *widget,
                                              const char *action_name,
                                              GVariant   *param)
{
  SmolderProfileView *self = SMOLDER_PROFILE_VIEW (widget);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));
  guint mode = gtk_drop_down_get_selected (self->filter_mode_dropdown);
  g_autoptr(GError) error = NULL;

  if (mode >= SMOLDER_FILTER_N_MODES)
    mode = SMOLDER_FILTER_FOCUS;

  /* The engine's messages are plain English; this one is the user's. */
  if (text[0] == '\0')
    g_set_error_literal (&error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_INVALID_QUERY,
                         _("Type a regular expression to filter on"));
  if (error != NULL || !smolder_profile_view_add_filter (self, mode, text, &error))
    {
      gtk_label_set_text (self->filter_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->filter_error_label), TRUE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->filter_error_label), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
  gtk_popover_popdown (self->filter_popover);
}

/* Filter… opens on its text: the mode keeps its last choice. */
static void
smolder_profile_view_filter_popover_shown_cb (SmolderProfileView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
}

static void
smolder_profile_view_filter_entry_activate_cb (SmolderProfileView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "view.add-typed-filter", NULL);
}

static void
smolder_profile_view_redo_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  smolder_filter_stack_redo (SMOLDER_PROFILE_VIEW (widget)->filters);
}

static void
smolder_profile_view_undo_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  smolder_profile_view_undo_filter (SMOLDER_PROFILE_VIEW (widget));
}

/* --- wiring --- */

void
_smolder_profile_view_class_init_filters (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "view.add-typed-filter", NULL,
                                   smolder_profile_view_add_typed_filter_action);
  gtk_widget_class_install_action (widget_class, "view.undo-filter", NULL,
                                   smolder_profile_view_undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "view.undo-filter", NULL);
  gtk_widget_class_install_action (widget_class, "view.redo-filter", NULL,
                                   smolder_profile_view_redo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "view.redo-filter", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "view.redo-filter", NULL);
}

void
_smolder_profile_view_init_filters (SmolderProfileView *self)
{
  GObject *sources[] = {
    G_OBJECT (smolder_flame_view_get_flame_graph (self->flame_view)),
    G_OBJECT (smolder_callers_view_get_callers_graph (self->callers_view)),
    G_OBJECT (smolder_callers_view_get_callees_graph (self->callers_view)),
    G_OBJECT (self->top_view),
  };

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    g_signal_connect_object (sources[i], "frame-action",
                             G_CALLBACK (smolder_profile_view_frame_action_cb),
                             self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filters, "changed",
                           G_CALLBACK (smolder_profile_view_filters_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_popover, "show",
                           G_CALLBACK (smolder_profile_view_filter_popover_shown_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->filter_entry, "activate",
                           G_CALLBACK (smolder_profile_view_filter_entry_activate_cb),
                           self, G_CONNECT_SWAPPED);
}
