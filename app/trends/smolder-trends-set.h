/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-trends-set.h: snapshots given as files or folders, grouped by kind
 * and format into SmolderTrends, ready to rank kind by kind (the CLI's
 * `suspects` and the app's Leak Suspects page share it).
 *
 * Kinds are heap, allocs and goroutine unless a kind is named; a kind is
 * ranked on its largest group of one format (a tie goes to the proto, which
 * has times), so the ?debug=1 text twins of proto heap snapshots in one
 * folder do not count twice. Goroutine ?debug=2 dumps also lend their states
 * and wait minutes to the goroutine ranking. Heap is ranked first, so the
 * functions that create leaking tickers there can name the goroutines that
 * range over them. Each profile is folded into its group and dropped. */
#pragma once

#include "smolder-trends.h"

G_BEGIN_DECLS

/* A file passed over: @warning is FALSE for a note (a kind not ranked),
 * TRUE for a damaged profile skipped; @message says why. */
typedef void (*SmolderTrendsSetNotify) (const char *path,
                                        const char *message,
                                        gboolean    warning,
                                        gpointer    user_data);

#define SMOLDER_TYPE_TRENDS_SET (smolder_trends_set_get_type ())
G_DECLARE_FINAL_TYPE (SmolderTrendsSet, smolder_trends_set, SMOLDER, TRENDS_SET, GObject)

/* @kind: only snapshots of this kind ("heap", "cpu", …), or NULL for heap,
 * allocs and goroutine; @sample_index as smolder_trends_new(). */
SmolderTrendsSet *smolder_trends_set_new        (const char             *kind,
                                                 const char             *sample_index);
void              smolder_trends_set_set_notify (SmolderTrendsSet       *self,
                                                 SmolderTrendsSetNotify  notify,
                                                 gpointer                user_data);

/* Every regular file of @dir, full paths in name order. */
GPtrArray        *smolder_trends_set_list_folder (const char  *dir,
                                                  GError     **error);
/* Folds a loaded profile into its kind's group; FALSE when it does not fit
 * (another sample type). A kind not ranked is a note. */
gboolean          smolder_trends_set_add_profile (SmolderTrendsSet  *self,
                                                  SmolderProfile    *profile,
                                                  const char        *name,
                                                  GError           **error);
/* Loads @path and folds it in. A file: fails when it is no profile. A
 * folder: each regular file in name order; what is not a profile (a
 * session.json, a README) is passed over, a damaged one is a warning.
 * On failure *@failed_path (may be NULL) names the file at fault.
 * @progress (may be NULL) follows the files of a folder. */
gboolean          smolder_trends_set_add_path    (SmolderTrendsSet  *self,
                                                  const char        *path,
                                                  SmolderProgress   *progress,
                                                  GCancellable      *cancellable,
                                                  char             **failed_path,
                                                  GError           **error);

/* The kinds seen, heap first, then goroutine, then the rest. */
GArray           *smolder_trends_set_dup_kinds      (SmolderTrendsSet   *self);
/* Snapshots in the group @kind would be ranked on. */
guint             smolder_trends_set_get_n_snapshots (SmolderTrendsSet  *self,
                                                      SmolderProfileKind kind);
/* Ranks @kind (its dumps' states moved in, the tickers of a heap ranked
 * before named) and returns its trends, owned by @self; NULL on error
 * (fewer than 3 snapshots among them). */
SmolderTrends    *smolder_trends_set_finish_kind    (SmolderTrendsSet   *self,
                                                     SmolderProfileKind  kind,
                                                     GError            **error);

G_END_DECLS
