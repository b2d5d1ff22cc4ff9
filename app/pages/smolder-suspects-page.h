/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-suspects-page.h: the Leak Suspects tab: what grows across 3 or more
 * snapshots of one kind (files, or a folder such as a live session's),
 * ranked per kind on a worker, each suspect with its sparkline, growth,
 * steadiness, leak pattern and advice; choosing one shows the last snapshot
 * with its flame graph zoomed to the suspect's stack. */
#pragma once

#include "smolder-page.h"
#include "smolder-profile-view.h"
#include "smolder-trends.h"

G_BEGIN_DECLS

#define SMOLDER_TYPE_SUSPECTS_PAGE (smolder_suspects_page_get_type ())
G_DECLARE_FINAL_TYPE (SmolderSuspectsPage, smolder_suspects_page, SMOLDER, SUSPECTS_PAGE, SmolderPage)

/* Ranks the snapshots in @files (profiles, or folders of them) on a worker
 * as soon as the page exists; "busy" is TRUE until it is done. */
SmolderPage        *smolder_suspects_page_new              (GFile * const       *files,
                                                            guint                n_files);
gboolean            smolder_suspects_page_get_busy         (SmolderSuspectsPage *self);
/* The ranking of @kind once done, or NULL (fewer than 3 snapshots). */
SmolderTrends      *smolder_suspects_page_get_trends       (SmolderSuspectsPage *self,
                                                            SmolderProfileKind   kind);
/* The list of @kind's suspects (rows are SmolderSuspectRow), or NULL. */
GtkListBox         *smolder_suspects_page_get_list         (SmolderSuspectsPage *self,
                                                            SmolderProfileKind   kind);
/* Shows @kind's ranking and selects its suspect @rank (from 0). */
gboolean            smolder_suspects_page_select           (SmolderSuspectsPage *self,
                                                            SmolderProfileKind   kind,
                                                            guint                rank);
/* Where the chosen suspect's last snapshot is shown. */
SmolderProfileView *smolder_suspects_page_get_profile_view (SmolderSuspectsPage *self);
/* The chosen suspect's change from the first to the last snapshot, as
 * shown above its profile ("" when none is chosen). */
const char         *smolder_suspects_page_get_change_text  (SmolderSuspectsPage *self);
/* Opens a compare tab of the first and the last snapshot of the kind
 * shown (what "Compare First → Last" does); the new page, or NULL. */
SmolderPage        *smolder_suspects_page_compare_first_last (SmolderSuspectsPage *self);

G_END_DECLS
