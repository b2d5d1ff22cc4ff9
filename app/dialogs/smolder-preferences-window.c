/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-preferences-window.c: the Preferences window: flame graphs, live
 * monitoring and alert thresholds, each row bound to a GSettings key. */

#include <math.h>

#include <glib/gi18n.h>

#include "smolder-preferences-window.h"

struct _SmolderPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* template widgets */
  GtkSwitch *icicle_switch;
  AdwComboRow *palette_row;
  GtkSpinButton *poll_interval_spin;
  GtkSpinButton *retention_spin;
  GtkSpinButton *heap_spin;
  GtkSpinButton *goroutine_spin;
  GtkSpinButton *gc_pause_spin;
};

G_DEFINE_FINAL_TYPE (SmolderPreferencesWindow, smolder_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The combo row's positions, in the order of the .ui's string list; the
 * nicks of the schema's FlamePalette enum. */
static const char * const palette_nicks[] = { "package", "classic" };

static gboolean
palette_get_mapping (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (palette_nicks); i++)
    if (g_str_equal (nick, palette_nicks[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
palette_set_mapping (const GValue       *value,
                     const GVariantType *expected_type,
                     gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  /* GTK_INVALID_LIST_POSITION while the model is replaced: keep the key. */
  if (i >= G_N_ELEMENTS (palette_nicks))
    return NULL;
  return g_variant_new_string (palette_nicks[i]);
}

/* heap-threshold is in bytes; people think of the heap in MiB. */
static gboolean
mib_get_mapping (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_uint64 (variant) / (1024.0 * 1024.0));
  return TRUE;
}

static GVariant *
mib_set_mapping (const GValue       *value,
                 const GVariantType *expected_type,
                 gpointer            user_data)
{
  double mib = g_value_get_double (value);

  return g_variant_new_uint64 ((guint64) llround (MAX (mib, 0) * 1024.0 * 1024.0));
}

static void
smolder_preferences_window_bind (SmolderPreferencesWindow *self,
                                 GSettings                *settings)
{
  g_settings_bind (settings, "flame-icicle", self->icicle_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "flame-palette", self->palette_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                palette_get_mapping, palette_set_mapping, NULL, NULL);
  g_settings_bind (settings, "poll-interval", self->poll_interval_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "session-retention-days", self->retention_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "heap-threshold", self->heap_spin, "value",
                                G_SETTINGS_BIND_DEFAULT,
                                mib_get_mapping, mib_set_mapping, NULL, NULL);
  g_settings_bind (settings, "goroutine-threshold", self->goroutine_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "gc-pause-threshold-ms", self->gc_pause_spin, "value", G_SETTINGS_BIND_DEFAULT);
}

static void
smolder_preferences_window_class_init (SmolderPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/smolder/Smolder/smolder-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SmolderPreferencesWindow, icicle_switch);
  gtk_widget_class_bind_template_child (widget_class, SmolderPreferencesWindow, palette_row);
  gtk_widget_class_bind_template_child (widget_class, SmolderPreferencesWindow, poll_interval_spin);
  gtk_widget_class_bind_template_child (widget_class, SmolderPreferencesWindow, retention_spin);
  gtk_widget_class_bind_template_child (widget_class, SmolderPreferencesWindow, heap_spin);
  gtk_widget_class_bind_template_child (widget_class, SmolderPreferencesWindow, goroutine_spin);
  gtk_widget_class_bind_template_child (widget_class, SmolderPreferencesWindow, gc_pause_spin);
}

static void
smolder_preferences_window_init (SmolderPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SmolderPreferencesWindow *
smolder_preferences_window_new (GtkWindow *parent,
                                GSettings *settings)
{
  SmolderPreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (SMOLDER_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
  smolder_preferences_window_bind (self, settings);
  return self;
}
