/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-profile-summary.h: "Profile Details", what a profile holds, as a popover. */
#pragma once

#include <gtk/gtk.h>

#include "smolder-profile.h"

G_BEGIN_DECLS

#define SMOLDER_TYPE_PROFILE_SUMMARY (smolder_profile_summary_get_type ())
G_DECLARE_FINAL_TYPE (SmolderProfileSummary, smolder_profile_summary, SMOLDER, PROFILE_SUMMARY, GtkPopover)

/* Shows the profile of the SmolderProfileView it sits in each time it opens. */
GtkWidget  *smolder_profile_summary_new      (void);
/* The text shown (for @profile named @title): format, kind, time, duration,
 * sample types and totals, pprof's header line, comments, warnings,
 * drop/keep frames and a text heap's MemStats. */
char       *smolder_profile_summary_format   (SmolderProfile *profile,
                                              const char     *title);
const char *smolder_profile_summary_get_text (SmolderProfileSummary *self);

G_END_DECLS
