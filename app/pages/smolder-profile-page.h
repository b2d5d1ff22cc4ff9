/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-profile-page.h: one tab: loads one profile file (or takes a
 * merged profile) and shows it as a flame graph, Top and callers/callees,
 * through the page's query (sample type, granularity, filters). */
#pragma once

#include <adwaita.h>

#include "smolder-callers-view.h"
#include "smolder-flame-view.h"
#include "smolder-profile.h"
#include "smolder-top-view.h"

G_BEGIN_DECLS

typedef enum {
  SMOLDER_FILTER_FOCUS,   /* pprof -focus */
  SMOLDER_FILTER_IGNORE,  /* pprof -ignore */
  SMOLDER_FILTER_HIDE,    /* pprof -hide */
  SMOLDER_FILTER_SHOW,    /* pprof -show */
} SmolderFilterMode;

#define SMOLDER_TYPE_PROFILE_PAGE (smolder_profile_page_get_type ())
G_DECLARE_FINAL_TYPE (SmolderProfilePage, smolder_profile_page, SMOLDER, PROFILE_PAGE, AdwBin)

SmolderProfilePage *smolder_profile_page_new          (GFile              *file);
/* A page showing @profile at once (a merge); it has no file to reload. */
SmolderProfilePage *smolder_profile_page_new_for_profile (SmolderProfile  *profile,
                                                          const char      *title);
/* Starts (or restarts) loading on a worker; "loaded" or the error page follow. */
void                smolder_profile_page_load         (SmolderProfilePage *self);
void                smolder_profile_page_cancel       (SmolderProfilePage *self);
/* NULL for a merged profile. */
GFile              *smolder_profile_page_get_file     (SmolderProfilePage *self);
const char         *smolder_profile_page_get_title    (SmolderProfilePage *self);
gboolean            smolder_profile_page_get_loading  (SmolderProfilePage *self);
/* The loaded profile, or NULL while loading or after an error. */
SmolderProfile     *smolder_profile_page_get_profile  (SmolderProfilePage *self);
/* Why loading failed, or NULL. */
const GError       *smolder_profile_page_get_error    (SmolderProfilePage *self);
SmolderTopView     *smolder_profile_page_get_top_view (SmolderProfilePage *self);
SmolderFlameView   *smolder_profile_page_get_flame_view (SmolderProfilePage *self);
SmolderCallersView *smolder_profile_page_get_callers_view (SmolderProfilePage *self);
/* The query every view shows (NULL before the profile loads). */
SmolderQuery       *smolder_profile_page_get_query    (SmolderProfilePage *self);
/* TRUE while loading, or while a view computes for the current query. */
gboolean            smolder_profile_page_get_busy     (SmolderProfilePage *self);

/* "flame", "top" or "callers". */
const char         *smolder_profile_page_get_view     (SmolderProfilePage *self);
void                smolder_profile_page_set_view     (SmolderProfilePage *self,
                                                       const char         *name);

/* Filters, shown as chips. @regex is Go-style, searched (not anchored);
 * a bad one is SMOLDER_PROFILE_ERROR_INVALID_QUERY and changes nothing.
 * Several of one mode are OR-ed, as one pprof regex "a|b" would be. */
gboolean            smolder_profile_page_add_filter   (SmolderProfilePage *self,
                                                       SmolderFilterMode   mode,
                                                       const char         *regex,
                                                       GError            **error);
/* The same for a frame's printable name, matched exactly. */
void                smolder_profile_page_add_name_filter (SmolderProfilePage *self,
                                                          SmolderFilterMode   mode,
                                                          const char         *name);
guint               smolder_profile_page_get_n_filters (SmolderProfilePage *self);
const char         *smolder_profile_page_get_filter    (SmolderProfilePage *self,
                                                        guint               index,
                                                        SmolderFilterMode  *out_mode);
/* Removes a filter (as its chip's close button does); an undo toast follows. */
void                smolder_profile_page_remove_filter (SmolderProfilePage *self,
                                                        guint               index);
/* Restores the filters as they were before the last change; FALSE if none. */
gboolean            smolder_profile_page_undo_filter   (SmolderProfilePage *self);

/* "^main\.f$" for "main.f" (the function part of a line or address frame). */
char               *smolder_profile_page_name_to_regex (SmolderProfilePage *self,
                                                        const char         *name);

/* Shows the search bar and focuses its entry. */
void                smolder_profile_page_start_search  (SmolderProfilePage *self);
/* Sets the search text (a regex; "" clears the search). */
void                smolder_profile_page_set_search_text (SmolderProfilePage *self,
                                                          const char         *text);
/* Switches to the flame graph, searches @name exactly and focuses it. */
void                smolder_profile_page_show_in_flame_graph (SmolderProfilePage *self,
                                                              const char         *name);
/* Switches to Callers/Callees for @name. */
void                smolder_profile_page_show_callers  (SmolderProfilePage *self,
                                                        const char         *name);

/* Writes the flame graph as shown (tree, zoom, orientation, search) to
 * @file, SVG/PNG/PDF by its extension, on a worker; a toast tells the
 * result. */
void                smolder_profile_page_export        (SmolderProfilePage *self,
                                                        GFile              *file);
void                smolder_profile_page_show_export_dialog (SmolderProfilePage *self);
/* TRUE while an export runs. */
gboolean            smolder_profile_page_get_exporting (SmolderProfilePage *self);

G_END_DECLS
