/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-query-view.h: what the Flame Graph, Top and Callers/Callees
 * views share: they show one (profile, query), computed on a worker. The
 * base keeps the profile, the query, the frame tables shared with the
 * other views, the worker (a late result of an older input is dropped),
 * "busy", and "active": a hidden (inactive) view starts no worker, it
 * only goes stale and computes when shown. */
#pragma once

#include <adwaita.h>

#include "smolder-frames-cache.h"
#include "smolder-query.h"
#include "smolder-view-task.h"

G_BEGIN_DECLS

#define SMOLDER_TYPE_QUERY_VIEW (smolder_query_view_get_type ())
G_DECLARE_DERIVABLE_TYPE (SmolderQueryView, smolder_query_view, SMOLDER, QUERY_VIEW, AdwBin)

struct _SmolderQueryViewClass
{
  AdwBinClass parent_class;

  /* The input changed and the view is shown: compute (usually through
   * smolder_query_view_run()). @profile and @query are set. */
  void     (*refresh)       (SmolderQueryView   *self,
                             SmolderProfile     *profile,
                             SmolderQuery       *query);
  /* No profile or no query: show nothing. */
  void     (*clear)         (SmolderQueryView   *self);
  /* Whether @query changes what is shown after @old (default: always);
   * Top's table, say, does not change with Inverted. */
  gboolean (*query_changes) (SmolderQueryView   *self,
                             const SmolderQuery *old,
                             const SmolderQuery *query);

  gpointer padding[4];
};

SmolderProfile *smolder_query_view_get_profile      (SmolderQueryView   *self);
void            smolder_query_view_set_profile      (SmolderQueryView   *self,
                                                     SmolderProfile     *profile);
/* The view keeps a reference: do not change @query afterwards. */
SmolderQuery   *smolder_query_view_get_query        (SmolderQueryView   *self);
void            smolder_query_view_set_query        (SmolderQueryView   *self,
                                                     SmolderQuery       *query);
/* Frame tables shared with the other views of a profile (else its own). */
void            smolder_query_view_set_frames_cache (SmolderQueryView   *self,
                                                     SmolderFramesCache *cache);
/* TRUE while a worker computes for the current input ("busy"). */
gboolean        smolder_query_view_get_busy         (SmolderQueryView   *self);
/* Active (shown) by default. */
void            smolder_query_view_set_active       (SmolderQueryView   *self,
                                                     gboolean            active);
gboolean        smolder_query_view_get_active       (SmolderQueryView   *self);
/* Hidden since its input changed: what it shows is older. */
gboolean        smolder_query_view_get_stale        (SmolderQueryView   *self);

/* For subclasses. */
/* An input of the subclass's own changed: compute again (or go stale). */
void            smolder_query_view_invalidate       (SmolderQueryView   *self);
/* Runs @func on a worker for the current input; @done follows on the main
 * thread (see SmolderViewTask), "busy" meanwhile. */
void            smolder_query_view_run              (SmolderQueryView   *self,
                                                     SmolderViewTaskFunc func,
                                                     gpointer            data,
                                                     GDestroyNotify      data_free,
                                                     GDestroyNotify      result_free,
                                                     SmolderViewTaskDone done);
/* Something more of the subclass's own keeps it busy (a search). */
void            smolder_query_view_set_extra_busy   (SmolderQueryView   *self,
                                                     gboolean            busy);
/* The cached frame table for the current input (a new reference), or NULL;
 * and keeping one a worker made. */
SmolderFrames  *smolder_query_view_lookup_frames    (SmolderQueryView   *self);
void            smolder_query_view_keep_frames      (SmolderQueryView   *self,
                                                     SmolderFrames      *frames);

G_END_DECLS
