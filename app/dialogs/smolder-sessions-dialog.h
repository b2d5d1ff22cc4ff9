/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-sessions-dialog.h: "Recorded Sessions": one row per session on
 * disk (endpoint, start, span, snapshots, size), listed on a worker and
 * shown in batches; Open reopens one in a live page, Open Folder shows its
 * files, Delete asks first and never takes a session in use. */
#pragma once

#include <adwaita.h>

#include "smolder-window.h"

G_BEGIN_DECLS

#define SMOLDER_TYPE_SESSIONS_DIALOG (smolder_sessions_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SmolderSessionsDialog, smolder_sessions_dialog, SMOLDER, SESSIONS_DIALOG, AdwWindow)

/* The sessions under @root (NULL: $XDG_DATA_HOME/smolder/sessions). */
SmolderSessionsDialog *smolder_sessions_dialog_new          (SmolderWindow         *window,
                                                             GFile                 *root);
/* TRUE until every row is in. */
gboolean               smolder_sessions_dialog_get_loading  (SmolderSessionsDialog *self);
guint                  smolder_sessions_dialog_get_n_rows   (SmolderSessionsDialog *self);
/* Row @index's widget (an AdwActionRow), newest first. */
GtkWidget             *smolder_sessions_dialog_get_row      (SmolderSessionsDialog *self,
                                                             guint                  index);
/* What a row's Open does: reopens it in the window, closes the dialog. */
void                   smolder_sessions_dialog_open         (SmolderSessionsDialog *self,
                                                             guint                  index);
/* What a row's Delete does: the confirmation (NULL for a session in use). */
AdwMessageDialog      *smolder_sessions_dialog_delete       (SmolderSessionsDialog *self,
                                                             guint                  index);

G_END_DECLS
