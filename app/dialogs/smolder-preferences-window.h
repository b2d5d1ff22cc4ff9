/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-preferences-window.h: the Preferences window, bound to the app's settings. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SMOLDER_TYPE_PREFERENCES_WINDOW (smolder_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (SmolderPreferencesWindow, smolder_preferences_window, SMOLDER, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* Every row is bound to @settings both ways: a change shows at once
 * everywhere the key is read, and there is nothing to apply or save. */
SmolderPreferencesWindow *smolder_preferences_window_new (GtkWindow *parent,
                                                          GSettings *settings);

G_END_DECLS
