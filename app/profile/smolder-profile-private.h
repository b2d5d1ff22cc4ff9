/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-profile-private.h: the model's storage, for the engine only.
 *
 * Decoders fill a profile made by smolder_profile_new_empty() and call
 * smolder_profile_seal(), which validates every reference; after that the
 * profile is immutable and may be shared between threads. */
#pragma once

#include "smolder-profile.h"

G_BEGIN_DECLS

struct _SmolderProfile
{
  GObject parent_instance;

  SmolderProfileKind   kind;
  SmolderProfileFormat format;

  /* Strings: id 0 is always "". Interned through string_index when
   * filled by smolder_profile_intern(); decoders that copy a proto string
   * table may append directly (duplicates are harmless). */
  GStringChunk *string_chunk;
  GPtrArray    *strings;       /* const char *, owned by string_chunk */
  GHashTable   *string_index;  /* const char * -> id + 1; NULL after seal */

  GArray  *sample_types;       /* SmolderValueType */
  guint32  default_sample_type;/* string id, 0 when unset */
  guint32  drop_frames;        /* string id */
  guint32  keep_frames;        /* string id */
  guint32  doc_url;            /* string id */
  SmolderValueType period_type;
  gint64   period;
  gint64   time_nanos;
  gint64   duration_nanos;
  GArray  *comments;           /* guint32 string ids */

  GArray  *mappings;           /* SmolderMapping */
  GArray  *functions;          /* SmolderFunction */
  GArray  *locations;          /* SmolderLocation */
  GArray  *lines;              /* SmolderLine */

  /* Samples, struct-of-arrays. */
  GArray  *sample_loc_offsets; /* guint32, n_samples + 1 entries */
  GArray  *sample_locs;        /* guint32 location indices, leaf first */
  GArray  *values;             /* gint64, n_samples * n_sample_types */
  GArray  *sample_label_offsets; /* guint32, n_samples + 1 entries */
  GArray  *labels;             /* SmolderLabel */

  SmolderMemStats *memstats;   /* owned, may be NULL */
  GArray  *goroutines;         /* SmolderGoroutine, debug=2 only */
  GPtrArray *warnings;         /* char *: what a decoder skipped, for the user */

  gboolean sealed;
};

SmolderProfile *smolder_profile_new_empty (SmolderProfileFormat format);

/* Sums of values wrap on overflow, as Go's int64 sums in pprof do (and
 * without undefined behaviour in C). */
static inline gint64
smolder_value_add (gint64 a,
                   gint64 b)
{
  return (gint64) ((guint64) a + (guint64) b);
}

static inline gint64
smolder_value_abs (gint64 v)
{
  return v < 0 ? (gint64) (0 - (guint64) v) : v;
}

/* @str (@len bytes) with bytes that are not UTF-8 replaced by U+FFFD and
 * control characters and NUL escaped as \xNN; NULL when it needs no repair.
 * Every string entering a profile goes through it. */
char *smolder_string_repair (const char *str, gsize len);

/* A note for the user about input the decoder skipped or repaired. */
void smolder_profile_add_warning (SmolderProfile *self, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* A profile to fill with @src's samples, changed: @src's strings (same ids),
 * header, comments, mappings, functions, locations and lines, no samples. */
SmolderProfile *smolder_profile_new_copy_tables (SmolderProfile *src);

/* Returns the id of @str (length @len, or -1 for NUL-terminated), adding it once. */
guint32 smolder_profile_intern (SmolderProfile *self, const char *str, gssize len);
/* Appends without interning (for a proto string table, where ids are positions). */
guint32 smolder_profile_append_string (SmolderProfile *self, const char *str, gsize len);

guint32 smolder_profile_add_sample_type (SmolderProfile *self, const char *type, const char *unit);

/* Sample building: begin, push locations (leaf first), values (one per
 * sample type), labels, then end. */
void    smolder_profile_begin_sample        (SmolderProfile *self);
void    smolder_profile_sample_add_location (SmolderProfile *self, guint32 location);
void    smolder_profile_sample_add_value    (SmolderProfile *self, gint64 value);
void    smolder_profile_sample_add_label    (SmolderProfile *self, guint32 key, guint32 str, gint64 num, guint32 num_unit);
void    smolder_profile_end_sample          (SmolderProfile *self);

/* Validates references and sizes against @limits, guesses the kind from the
 * sample types when unset, drops the interning table. @where names the
 * input in error messages ("sample 12: location 40 does not exist"). */
gboolean smolder_profile_seal (SmolderProfile       *self,
                               const SmolderLimits  *limits,
                               GError              **error);

/* Guess heap/allocs/cpu/... from sample and period types. */
SmolderProfileKind smolder_profile_guess_kind (SmolderProfile *self);

G_END_DECLS
