/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-compare-page.h: a tab comparing two profiles of one kind, as
 * `go tool pprof -diff_base=BASE NEW` does: a differential flame graph,
 * the two flame graphs side by side (zoom and search in step) and a diff
 * table. Everything is computed on workers. */
#pragma once

#include "smolder-diff-table.h"
#include "smolder-flame-graph.h"
#include "smolder-page.h"

G_BEGIN_DECLS

#define SMOLDER_TYPE_COMPARE_PAGE (smolder_compare_page_get_type ())
G_DECLARE_FINAL_TYPE (SmolderComparePage, smolder_compare_page, SMOLDER, COMPARE_PAGE, SmolderPage)

/* Compares two loaded profiles (the page refs them); the titles name them
 * in the tab ("base → new"). For the window's "Compare with…" and a live
 * session's two moments. */
SmolderPage       *smolder_compare_page_new            (SmolderProfile *base,
                                                        SmolderProfile *new,
                                                        const char     *base_title,
                                                        const char     *new_title);
/* Loads both files on workers (with progress), then compares; a load
 * error shows on the page. */
SmolderPage       *smolder_compare_page_new_for_files  (GFile          *base,
                                                        GFile          *new);

/* Names the two sides (the tab reads "base → new") in place of the file
 * names: a live session's snapshots are named by their time. */
void               smolder_compare_page_set_names      (SmolderComparePage *self,
                                                        const char         *base_title,
                                                        const char         *new_title);

SmolderProfile    *smolder_compare_page_get_base       (SmolderComparePage *self);
SmolderProfile    *smolder_compare_page_get_new        (SmolderComparePage *self);
/* TRUE once the comparison for the current settings is shown. */
gboolean           smolder_compare_page_get_ready      (SmolderComparePage *self);

/* The parts, for tests. */
SmolderFlameGraph *smolder_compare_page_get_diff_graph (SmolderComparePage *self);
SmolderFlameGraph *smolder_compare_page_get_base_graph (SmolderComparePage *self);
SmolderFlameGraph *smolder_compare_page_get_new_graph  (SmolderComparePage *self);
SmolderDiffTable  *smolder_compare_page_get_table      (SmolderComparePage *self);

G_END_DECLS
