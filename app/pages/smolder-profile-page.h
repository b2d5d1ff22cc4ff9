/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-profile-page.h: one tab: loads one profile file and shows it. */
#pragma once

#include <adwaita.h>

#include "smolder-profile.h"
#include "smolder-top-view.h"

G_BEGIN_DECLS

#define SMOLDER_TYPE_PROFILE_PAGE (smolder_profile_page_get_type ())
G_DECLARE_FINAL_TYPE (SmolderProfilePage, smolder_profile_page, SMOLDER, PROFILE_PAGE, AdwBin)

SmolderProfilePage *smolder_profile_page_new          (GFile              *file);
/* Starts (or restarts) loading on a worker; "loaded" or the error page follow. */
void                smolder_profile_page_load         (SmolderProfilePage *self);
void                smolder_profile_page_cancel       (SmolderProfilePage *self);
GFile              *smolder_profile_page_get_file     (SmolderProfilePage *self);
const char         *smolder_profile_page_get_title    (SmolderProfilePage *self);
gboolean            smolder_profile_page_get_loading  (SmolderProfilePage *self);
/* The loaded profile, or NULL while loading or after an error. */
SmolderProfile     *smolder_profile_page_get_profile  (SmolderProfilePage *self);
/* Why loading failed, or NULL. */
const GError       *smolder_profile_page_get_error    (SmolderProfilePage *self);
SmolderTopView     *smolder_profile_page_get_top_view (SmolderProfilePage *self);

G_END_DECLS
