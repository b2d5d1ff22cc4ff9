/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-profile-view.h: the whole viewer of one profile, as one widget
 * any page can host (once or twice): toolbar (views, sample type,
 * granularity, Inverted, Icicle, filters, search), filter chips with
 * undo, the Flame Graph, Top and Callers/Callees views fed by one query,
 * and export. Its commands are actions "view.export", "view.search",
 * "view.undo-filter", "view.show-view" (s), "view.add-typed-filter". */
#pragma once

#include <adwaita.h>

#include "smolder-callers-view.h"
#include "smolder-filter-stack.h"
#include "smolder-flame-view.h"
#include "smolder-profile.h"
#include "smolder-top-view.h"

G_BEGIN_DECLS

#define SMOLDER_TYPE_PROFILE_VIEW (smolder_profile_view_get_type ())
G_DECLARE_FINAL_TYPE (SmolderProfileView, smolder_profile_view, SMOLDER, PROFILE_VIEW, AdwBin)

GtkWidget          *smolder_profile_view_new              (void);
/* Shows @profile. A profile of the same kind replacing another (a live
 * refresh) keeps the sample type (by name), granularity, filters, search,
 * the view shown and the Callers/Callees function. */
void                smolder_profile_view_set_profile      (SmolderProfileView *self,
                                                           SmolderProfile     *profile);
SmolderProfile     *smolder_profile_view_get_profile      (SmolderProfileView *self);
/* For exports: the title line and the default file name; the description
 * follows the title in the exported image when set. */
void                smolder_profile_view_set_title        (SmolderProfileView *self,
                                                           const char         *title);
const char         *smolder_profile_view_get_title        (SmolderProfileView *self);
void                smolder_profile_view_set_description  (SmolderProfileView *self,
                                                           const char         *description);
const char         *smolder_profile_view_get_description  (SmolderProfileView *self);
/* The query every view shows (NULL without a profile). */
SmolderQuery       *smolder_profile_view_get_query        (SmolderProfileView *self);
/* What the granularity control shows (and the views aggregate by). */
SmolderGranularity  smolder_profile_view_get_granularity  (SmolderProfileView *self);
void                smolder_profile_view_set_granularity  (SmolderProfileView *self,
                                                           SmolderGranularity  granularity);
/* Inverted, Icicle (also the actions "view.inverted", "view.icicle",
 * "view.granularity" (u) of the narrow toolbar's menu). */
gboolean            smolder_profile_view_get_inverted     (SmolderProfileView *self);
void                smolder_profile_view_set_inverted     (SmolderProfileView *self,
                                                           gboolean            inverted);
gboolean            smolder_profile_view_get_icicle       (SmolderProfileView *self);
void                smolder_profile_view_set_icicle       (SmolderProfileView *self,
                                                           gboolean            icicle);
/* Goroutine dumps: each goroutine's state as the root frame, as pprof's
 * -tagroot=state ("view.group-by-state"; enabled for profiles with states). */
gboolean            smolder_profile_view_get_group_by_state (SmolderProfileView *self);
void                smolder_profile_view_set_group_by_state (SmolderProfileView *self,
                                                             gboolean            group_by_state);
/* TRUE while a view computes for the current query ("busy"). */
gboolean            smolder_profile_view_get_busy         (SmolderProfileView *self);

SmolderTopView     *smolder_profile_view_get_top_view     (SmolderProfileView *self);
SmolderFlameView   *smolder_profile_view_get_flame_view   (SmolderProfileView *self);
SmolderCallersView *smolder_profile_view_get_callers_view (SmolderProfileView *self);
/* The main flame graph (to step its zoom, say). */
SmolderFlameGraph  *smolder_profile_view_get_flame_graph  (SmolderProfileView *self);

/* "flame", "top" or "callers". */
const char         *smolder_profile_view_get_visible_view (SmolderProfileView *self);
void                smolder_profile_view_set_visible_view (SmolderProfileView *self,
                                                           const char         *name);

/* The filters, shown as chips; change them here or through the calls
 * below (which also toast and select). */
SmolderFilterStack *smolder_profile_view_get_filters      (SmolderProfileView *self);
/* A typed filter: Go-style regex, searched; a bad one is
 * SMOLDER_PROFILE_ERROR_INVALID_QUERY and changes nothing. */
gboolean            smolder_profile_view_add_filter       (SmolderProfileView *self,
                                                           SmolderFilterMode   mode,
                                                           const char         *regex,
                                                           GError            **error);
/* Removes a filter (as its chip's close button does); an undo toast follows. */
void                smolder_profile_view_remove_filter    (SmolderProfileView *self,
                                                           guint               index);
/* Restores the filters as they were before the last change; FALSE if none. */
gboolean            smolder_profile_view_undo_filter      (SmolderProfileView *self);

/* Shows the search bar and focuses its entry. */
void                smolder_profile_view_start_search     (SmolderProfileView *self);
/* Sets the search text (a regex; "" clears the search). */
void                smolder_profile_view_set_search_text  (SmolderProfileView *self,
                                                           const char         *text);
/* Switches to the flame graph, searches the frame @name (a printable
 * name) exactly and focuses it. */
void                smolder_profile_view_show_in_flame_graph (SmolderProfileView *self,
                                                              const char         *name);
/* Switches to Callers/Callees for the frame @name. */
void                smolder_profile_view_show_callers     (SmolderProfileView *self,
                                                           const char         *name);

/* Writes the flame graph as shown (tree, zoom, orientation, search) to
 * @file, SVG/PNG/PDF by its extension, on a worker; a toast tells the
 * result. */
void                smolder_profile_view_export           (SmolderProfileView *self,
                                                           GFile              *file);
void                smolder_profile_view_show_export_dialog (SmolderProfileView *self);
/* TRUE while an export runs. */
gboolean            smolder_profile_view_get_exporting    (SmolderProfileView *self);

G_END_DECLS
