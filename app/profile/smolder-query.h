/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-query.h: what to aggregate (sample type, granularity, filters).
 *
 * A query is built on one thread, then handed to workers: do not change it
 * once it is shared (copy it instead). Regexes are searched, not anchored,
 * as Go's regexp.MatchString does. */
#pragma once

#include "smolder-profile.h"

G_BEGIN_DECLS

typedef enum {
  SMOLDER_GRANULARITY_FUNCTIONS,  /* pprof's default */
  SMOLDER_GRANULARITY_LINES,      /* -lines */
  SMOLDER_GRANULARITY_FILES,      /* -files */
  SMOLDER_GRANULARITY_ADDRESSES,  /* -addresses (inlined frames kept) */
} SmolderGranularity;

/* The profile's own default (default_sample_type, else the last). */
#define SMOLDER_QUERY_DEFAULT_SAMPLE_INDEX G_MAXUINT

gboolean    smolder_granularity_from_string (const char          *str,
                                             SmolderGranularity  *out,
                                             GError             **error);
const char *smolder_granularity_to_string   (SmolderGranularity   granularity);

typedef struct _SmolderQuery SmolderQuery;
typedef struct _SmolderTagFilter SmolderTagFilter;

#define SMOLDER_TYPE_QUERY (smolder_query_get_type ())
GType smolder_query_get_type (void) G_GNUC_CONST;

SmolderQuery      *smolder_query_new    (void);
SmolderQuery      *smolder_query_copy   (const SmolderQuery *self);
SmolderQuery      *smolder_query_ref    (SmolderQuery       *self);
void               smolder_query_unref  (SmolderQuery       *self);

void               smolder_query_set_sample_index (SmolderQuery *self, guint index);
guint              smolder_query_get_sample_index (const SmolderQuery *self);
/* The index to use for @profile: the query's, or the profile's default;
 * an index out of range is SMOLDER_PROFILE_ERROR_INVALID_QUERY. */
gboolean           smolder_query_resolve_sample_index (const SmolderQuery  *self,
                                                       SmolderProfile      *profile,
                                                       guint               *out_index,
                                                       GError             **error);

void               smolder_query_set_granularity (SmolderQuery *self, SmolderGranularity granularity);
SmolderGranularity smolder_query_get_granularity (const SmolderQuery *self);
void               smolder_query_set_inverted    (SmolderQuery *self, gboolean inverted);
gboolean           smolder_query_get_inverted    (const SmolderQuery *self);

/* Each takes a regex (NULL or "" clears it). A bad regex leaves the query
 * unchanged and sets SMOLDER_PROFILE_ERROR_INVALID_QUERY. */
gboolean           smolder_query_set_focus     (SmolderQuery *self, const char *regex, GError **error);
gboolean           smolder_query_set_ignore    (SmolderQuery *self, const char *regex, GError **error);
gboolean           smolder_query_set_hide      (SmolderQuery *self, const char *regex, GError **error);
gboolean           smolder_query_set_show      (SmolderQuery *self, const char *regex, GError **error);
gboolean           smolder_query_set_show_from (SmolderQuery *self, const char *regex, GError **error);
GRegex            *smolder_query_get_focus     (const SmolderQuery *self);
GRegex            *smolder_query_get_ignore    (const SmolderQuery *self);
GRegex            *smolder_query_get_hide      (const SmolderQuery *self);
GRegex            *smolder_query_get_show      (const SmolderQuery *self);
GRegex            *smolder_query_get_show_from (const SmolderQuery *self);

/* Label filters, as pprof's -tagfocus / -tagignore: "key=re1,re2" keeps
 * samples whose label @key matches any of the regexes; "re1,re2" keeps
 * samples where every regex matches some "key:value"; a value such as
 * "64kb", "1ms:", ":4mb" or "1kb:1mb" is a numeric range over numeric
 * labels. Several tag-focus filters must all pass. */
gboolean           smolder_query_add_tag_focus  (SmolderQuery *self, const char *filter, GError **error);
gboolean           smolder_query_add_tag_ignore (SmolderQuery *self, const char *filter, GError **error);
void               smolder_query_clear_tag_filters (SmolderQuery *self);
guint              smolder_query_get_n_tag_focus   (const SmolderQuery *self);
const SmolderTagFilter *smolder_query_get_tag_focus  (const SmolderQuery *self, guint index);
guint              smolder_query_get_n_tag_ignore  (const SmolderQuery *self);
const SmolderTagFilter *smolder_query_get_tag_ignore (const SmolderQuery *self, guint index);

/* TRUE when no filter of any kind is set. */
gboolean           smolder_query_has_filters (const SmolderQuery *self);

/* The filters as pprof's options name them, "focus=^main\\. · tagfocus=state=select"
 * ("" when none): what an exported picture's title says of them. */
char              *smolder_query_describe_filters (const SmolderQuery *self);

/* Whether sample @sample of @profile passes @filter. @num_units maps a
 * numeric label key to its unit (see smolder_profile_num_label_units()). */
gboolean           smolder_tag_filter_matches (const SmolderTagFilter *filter,
                                               SmolderProfile         *profile,
                                               GHashTable             *num_units,
                                               guint                   sample);
/* pprof's NumLabelUnits: key -> the first unit seen for it, else guessed
 * from the key ("bytes" for "alignment"/"request", else the key). */
GHashTable        *smolder_query_num_label_units (SmolderProfile *profile);

/* Go's regexp.MatchString on @str (any bytes; invalid UTF-8 is repaired). */
gboolean           smolder_regex_search (GRegex *regex, const char *str);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmolderQuery, smolder_query_unref)

G_END_DECLS
