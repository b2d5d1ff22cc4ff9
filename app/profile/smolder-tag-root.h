/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-tag-root.h: a label's value as the root frame (pprof's -tagroot). */
#pragma once

#include "smolder-profile.h"

G_BEGIN_DECLS

/* A copy of @profile where every sample carrying label @key gains one root
 * frame named by the label's value ("chan receive", or "12 minutes" for a
 * numeric label), so samples group by it first; samples without the label
 * are unchanged. Used for a goroutine dump's "group by state". */
SmolderProfile *smolder_profile_new_tag_root (SmolderProfile  *profile,
                                              const char      *key,
                                              GError         **error);

G_END_DECLS
