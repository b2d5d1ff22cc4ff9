/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-suspect-row.h: one leak suspect in the Leak Suspects list: rank,
 * sparkline, "grew X in Y", steadiness, the pattern with its advice and the
 * stack (leaf first, the rest behind an expander). */
#pragma once

#include <gtk/gtk.h>

#include "smolder-trends.h"

G_BEGIN_DECLS

#define SMOLDER_TYPE_SUSPECT_ROW (smolder_suspect_row_get_type ())
G_DECLARE_FINAL_TYPE (SmolderSuspectRow, smolder_suspect_row, SMOLDER, SUSPECT_ROW, GtkListBoxRow)

/* The suspect of @rank (from 0) in the ranking of @trends (finished). */
GtkWidget     *smolder_suspect_row_new         (SmolderTrends     *trends,
                                                guint              rank);
SmolderTrends *smolder_suspect_row_get_trends  (SmolderSuspectRow *self);
guint          smolder_suspect_row_get_rank    (SmolderSuspectRow *self);
/* The stack root first, NULL-terminated, for a flame graph's zoom path;
 * g_strfreev() it. */
char         **smolder_suspect_row_dup_path    (SmolderSuspectRow *self);
/* "grew 36.9 MiB in 56.0 s", as shown. */
const char    *smolder_suspect_row_get_summary (SmolderSuspectRow *self);

G_END_DECLS
