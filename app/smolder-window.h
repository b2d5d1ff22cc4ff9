/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-window.h: the main window, one tab per profile. */
#pragma once

#include <adwaita.h>

#include "smolder-application.h"
#include "smolder-profile-page.h"

G_BEGIN_DECLS

#define SMOLDER_TYPE_WINDOW (smolder_window_get_type ())
G_DECLARE_FINAL_TYPE (SmolderWindow, smolder_window, SMOLDER, WINDOW, AdwApplicationWindow)

SmolderWindow      *smolder_window_new              (SmolderApplication *application);
/* Opens @file in a new tab, selects it and returns its page (unowned). */
SmolderProfilePage *smolder_window_open_file        (SmolderWindow      *self,
                                                     GFile              *file);
/* What a drop of files does (the drop target calls it): one tab per file.
 * Returns the number of tabs opened. */
guint               smolder_window_open_file_list   (SmolderWindow      *self,
                                                     GdkFileList        *files);
void                smolder_window_show_open_dialog (SmolderWindow      *self);
void                smolder_window_add_toast        (SmolderWindow      *self,
                                                     const char         *title);
AdwTabView         *smolder_window_get_tab_view     (SmolderWindow      *self);

G_END_DECLS
