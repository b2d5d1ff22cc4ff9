/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-callers-view.h: who calls one function (above) and what it
 * calls (below), as two flame graphs built on a worker. */
#pragma once

#include <adwaita.h>

#include "smolder-call-tree.h"
#include "smolder-flame-graph.h"
#include "smolder-query-view.h"

G_BEGIN_DECLS

#define SMOLDER_TYPE_CALLERS_VIEW (smolder_callers_view_get_type ())
G_DECLARE_FINAL_TYPE (SmolderCallersView, smolder_callers_view, SMOLDER, CALLERS_VIEW, SmolderQueryView)

GtkWidget         *smolder_callers_view_new             (void);
/* The function's printable name (as Top and the flame graph show it), or
 * NULL. A new granularity clears it: the name means another frame there. */
const char        *smolder_callers_view_get_function    (SmolderCallersView *self);
void               smolder_callers_view_set_function    (SmolderCallersView *self,
                                                         const char         *name);
SmolderFlameGraph *smolder_callers_view_get_callers_graph (SmolderCallersView *self);
SmolderFlameGraph *smolder_callers_view_get_callees_graph (SmolderCallersView *self);

G_END_DECLS
