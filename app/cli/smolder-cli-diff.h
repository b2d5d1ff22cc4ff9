/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-cli-diff.h: `smolder-cli diff` (pprof -diff_base) and the base
 * profile of `top --base` (pprof -base). */
#pragma once

#include "smolder-profile.h"

G_BEGIN_DECLS

/* @argv[0] is "diff"; returns the process exit status (2 on bad usage). */
int             smolder_cli_diff (int    argc,
                                  char **argv);

/* `export --base=A B`: the differential flame graph; @argv[0] is "export". */
int             smolder_cli_export_diff (int    argc,
                                         char **argv);
/* Whether an export command line has --base (and so wants the above). */
gboolean        smolder_cli_wants_base  (int    argc,
                                         char **argv);

/* Loads @files minus @base_files as pprof's -base (or -diff_base with
 * @label_base) combines them; on failure prints the error and returns NULL. */
SmolderProfile *smolder_cli_load_diff (char * const *base_files,
                                       char * const *files,
                                       int           n_files,
                                       gboolean      label_base,
                                       gboolean      normalize);

G_END_DECLS
