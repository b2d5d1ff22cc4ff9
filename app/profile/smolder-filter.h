/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-filter.h: a profile seen through a query's filters.
 *
 * Applies, in pprof's order: the profile's drop_frames/keep_frames
 * (RemoveUninteresting), focus/ignore/hide/show (FilterSamplesByName),
 * show_from (ShowFrom), then tag focus/ignore (FilterSamplesByTag).
 * Regexes are matched against function names, file names and the
 * mapping's file, as pprof does; the profile itself is not changed. */
#pragma once

#include "smolder-frames.h"
#include "smolder-query.h"

G_BEGIN_DECLS

typedef struct _SmolderFilterView SmolderFilterView;

SmolderFilterView *smolder_filter_view_new  (SmolderProfile     *profile,
                                             const SmolderQuery *query);
void               smolder_filter_view_free (SmolderFilterView  *view);

SmolderProfile    *smolder_filter_view_get_profile (SmolderFilterView *view);

/* Whether sample @sample survives the filters. */
gboolean           smolder_filter_view_sample_kept (SmolderFilterView *view,
                                                    guint              sample);

/* Frame ids of sample @sample after filtering, root first, into @out
 * (a GArray of guint32, cleared first). FALSE when the sample is dropped. */
gboolean           smolder_filter_view_get_stack   (SmolderFilterView *view,
                                                    SmolderFrames     *frames,
                                                    guint              sample,
                                                    GArray            *out);

/* pprof's warnings, e.g. "Focus expression matched no samples"; NULL when none. */
char             **smolder_filter_view_get_warnings (SmolderFilterView *view);

/* pprof's simplifyFunc: the name without its argument list. */
char              *smolder_filter_simplify_func (const char *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmolderFilterView, smolder_filter_view_free)

G_END_DECLS
