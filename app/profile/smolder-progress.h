/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-progress.h: how far a load has come, written by the worker and
 * read by the UI thread (which polls it on a timer: one read per frame is
 * all a progress bar needs, and the worker never waits for the UI). */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _SmolderProgress SmolderProgress;

#define SMOLDER_TYPE_PROGRESS (smolder_progress_get_type ())
GType            smolder_progress_get_type (void) G_GNUC_CONST;

SmolderProgress *smolder_progress_new   (void);
SmolderProgress *smolder_progress_ref   (SmolderProgress *self);
void             smolder_progress_unref (SmolderProgress *self);

/* 0.0 to 1.0; never goes backwards. Safe from any thread. */
void             smolder_progress_set   (SmolderProgress *self,
                                         double           fraction);
double           smolder_progress_get   (SmolderProgress *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmolderProgress, smolder_progress_unref)

G_END_DECLS
