/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-cli-common.h: what every smolder-cli command shares: loading and
 * merging files, the query options, error printing. */
#pragma once

#include "smolder-flame-export.h"
#include "smolder-profile.h"
#include "smolder-query.h"

G_BEGIN_DECLS

#define SMOLDER_CLI_EXIT_USAGE 2

typedef struct {
  char  *sample_index;
  char  *granularity;
  char  *focus, *ignore, *hide, *show, *show_from;
  char **tags, **tag_ignores;
} SmolderCliQueryOptions;

/* Adds --sample-index, --granularity, the filters and --tag/--tag-ignore. */
void          smolder_cli_query_options_add   (SmolderCliQueryOptions *o,
                                               GOptionContext         *context);
void          smolder_cli_query_options_clear (SmolderCliQueryOptions *o);
/* Sample names resolve against @profile. */
SmolderQuery *smolder_cli_query_options_build (SmolderCliQueryOptions *o,
                                               SmolderProfile         *profile,
                                               GError                **error);

/* "smolder-cli: FILE: message", or without FILE when it is NULL. */
void          smolder_cli_print_error (const char *file,
                                       GError     *error);

/* Loads every file and merges them when there are several; on failure
 * prints the error naming the file and returns NULL. */
SmolderProfile *smolder_cli_load_merged (char * const *files,
                                         int           n_files);

/* The '#' comment lines atop a tsv table: "# sample_type NAME UNIT" and
 * "# total N". */
void            smolder_cli_print_tsv_header (SmolderProfile *profile,
                                              guint           sample_index,
                                              gint64          total);

/* An export's --output (required, .svg/.png/.pdf) and --width/--height
 * (0..32767); prints what is wrong as "smolder-cli export: ..." and
 * returns FALSE (a usage error). */
gboolean        smolder_cli_check_export_target (const char               *output,
                                                 int                       width,
                                                 int                       height,
                                                 SmolderFlameExportFormat *out_format);

G_END_DECLS
