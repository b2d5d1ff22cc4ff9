/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-load.h: a profile from bytes or a file, whatever its format. */
#pragma once

#include "smolder-profile.h"

G_BEGIN_DECLS

/* Loading: recognised by content (gzip, proto, legacy CPU, Go text formats).
 * Safe to call from a worker thread. @limits may be NULL for the defaults. */
SmolderProfile *smolder_profile_new_from_bytes (GBytes               *bytes,
                                                const SmolderLimits  *limits,
                                                GError              **error);
SmolderProfile *smolder_profile_new_from_file  (GFile                *file,
                                                const SmolderLimits  *limits,
                                                GCancellable         *cancellable,
                                                GError              **error);
SmolderProfile *smolder_profile_new_from_file_full (GFile                *file,
                                                    const SmolderLimits  *limits,
                                                    SmolderProgress      *progress,
                                                    GCancellable         *cancellable,
                                                    GError              **error);
void            smolder_profile_load_async     (GFile                *file,
                                                const SmolderLimits  *limits,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
/* The same, reporting how far it has come to @progress (may be NULL);
 * finish with smolder_profile_load_finish(). */
void            smolder_profile_load_with_progress_async (GFile               *file,
                                                          const SmolderLimits *limits,
                                                          SmolderProgress     *progress,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
SmolderProfile *smolder_profile_load_finish    (GAsyncResult         *result,
                                                GError              **error);

G_END_DECLS
