/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-profile-page.h: the tab of one profile file (or of a merged
 * profile): loading with progress and Cancel, the error if it fails, then
 * one SmolderProfileView. */
#pragma once

#include "smolder-page.h"
#include "smolder-profile-view.h"

G_BEGIN_DECLS

#define SMOLDER_TYPE_PROFILE_PAGE (smolder_profile_page_get_type ())
G_DECLARE_FINAL_TYPE (SmolderProfilePage, smolder_profile_page, SMOLDER, PROFILE_PAGE, SmolderPage)

SmolderProfilePage *smolder_profile_page_new          (GFile              *file);
/* A page showing @profile at once (a merge); it has no file to reload. */
SmolderProfilePage *smolder_profile_page_new_for_profile (SmolderProfile  *profile,
                                                          const char      *title);
/* Starts (or restarts) loading on a worker; the view or the error page
 * follow. */
void                smolder_profile_page_load         (SmolderProfilePage *self);
void                smolder_profile_page_cancel       (SmolderProfilePage *self);
/* The viewer (without a profile while loading or after an error). */
SmolderProfileView *smolder_profile_page_get_profile_view (SmolderProfilePage *self);
/* TRUE while loading, or while a view computes for the current query. */
gboolean            smolder_profile_page_get_busy     (SmolderProfilePage *self);

G_END_DECLS
