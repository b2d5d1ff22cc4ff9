/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-cli-top-text.h: `smolder-cli top`'s text format, headed as pprof's. */
#pragma once

#include "smolder-cli-common.h"
#include "smolder-top.h"

G_BEGIN_DECLS

/* pprof's header lines (File, Type, Time, Duration, Active filters,
 * "Showing nodes accounting for …") in pprof's own units, then the rows
 * (at most @limit when > 0) with (inline)/(partial-inline) marks. */
void smolder_cli_print_top_text (SmolderTop             *top,
                                 SmolderProfile         *profile,
                                 SmolderQuery           *query,
                                 SmolderCliQueryOptions *options,
                                 int                     limit);

/* pprof's measurement.ScaledLabel(value, unit, to): "800ms", "3092.49kB", "80";
 * @to NULL for "auto". */
char *smolder_cli_pprof_label (gint64 value, const char *unit, const char *to);

G_END_DECLS
