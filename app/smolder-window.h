/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-window.h: the main window, one tab per profile. */
#pragma once

#include <adwaita.h>

#include "smolder-application.h"
#include "smolder-page.h"
#include "smolder-profile-page.h"

G_BEGIN_DECLS

#define SMOLDER_TYPE_WINDOW (smolder_window_get_type ())
G_DECLARE_FINAL_TYPE (SmolderWindow, smolder_window, SMOLDER, WINDOW, AdwApplicationWindow)

SmolderWindow      *smolder_window_new              (SmolderApplication *application);
/* Adds @page as a new tab and selects it: the tab follows the page's
 * title, tooltip, icon and loading; a failure out of sight is a toast. */
AdwTabPage         *smolder_window_add_page         (SmolderWindow      *self,
                                                     SmolderPage        *page);
/* The page of the selected tab, or NULL. */
SmolderPage        *smolder_window_get_selected_page (SmolderWindow     *self);
/* Opens @file in a new tab, selects it and returns its page (unowned). */
SmolderProfilePage *smolder_window_open_file        (SmolderWindow      *self,
                                                     GFile              *file);
/* What a drop of files does (the drop target calls it): one tab per file.
 * Returns the number of tabs opened. */
guint               smolder_window_open_file_list   (SmolderWindow      *self,
                                                     GdkFileList        *files);
/* A tab showing @profile (a merge, say); returns its page (unowned). */
SmolderProfilePage *smolder_window_open_profile     (SmolderWindow      *self,
                                                     SmolderProfile     *profile,
                                                     const char         *title);
/* Merges the loaded profiles of all tabs into a new tab, on a worker;
 * a mismatch is a toast. Returns how many profiles go in (0: none, a
 * toast says why). */
guint               smolder_window_merge_open_profiles (SmolderWindow   *self);
/* The same for the profiles of @pages (SmolderPage). */
guint               smolder_window_merge_pages      (SmolderWindow      *self,
                                                     GPtrArray          *pages);
AdwMessageDialog   *smolder_window_present_merge_dialog (SmolderWindow  *self);
/* A tab comparing the profiles of two pages (base, new); NULL and a toast
 * when one is not loaded. Returns the new page (unowned). */
SmolderPage        *smolder_window_compare_pages    (SmolderWindow      *self,
                                                     SmolderPage        *base,
                                                     SmolderPage        *new);
/* A tab loading two files and comparing them (`smolder --compare A B`). */
SmolderPage        *smolder_window_compare_files    (SmolderWindow      *self,
                                                     GFile              *base,
                                                     GFile              *new);
/* "Compare with…": asks which other loaded tab of the selected tab's kind
 * is the new profile (the selected tab is the base). NULL and a toast when
 * there is none. */
AdwMessageDialog   *smolder_window_present_compare_dialog (SmolderWindow *self);
/* TRUE while a merge runs. */
gboolean            smolder_window_get_merging      (SmolderWindow      *self);
void                smolder_window_show_open_dialog (SmolderWindow      *self);
void                smolder_window_add_toast        (SmolderWindow      *self,
                                                     const char         *title);
AdwTabView         *smolder_window_get_tab_view     (SmolderWindow      *self);
/* A Leak Suspects tab on @files (profiles or folders); returns its page
 * (unowned). The dialog picks a folder for it. */
SmolderPage        *smolder_window_open_suspects    (SmolderWindow      *self,
                                                     GFile * const      *files,
                                                     guint               n_files);
void                smolder_window_show_suspects_dialog (SmolderWindow  *self);
/* A recorded session's folder reopened in a live page (on a worker; a
 * failure is a toast). */
void                smolder_window_open_session     (SmolderWindow      *self,
                                                     GFile              *dir);
/* Recorded Sessions: the list of sessions on disk. */
void                smolder_window_show_sessions    (SmolderWindow      *self);

G_END_DECLS
