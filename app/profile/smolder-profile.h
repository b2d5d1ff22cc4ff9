/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-profile.h: the immutable, compact profile model. */
#pragma once

#include <gio/gio.h>

#include "smolder-limits.h"
#include "smolder-memstats.h"
#include "smolder-progress.h"

G_BEGIN_DECLS

#define SMOLDER_NO_ID G_MAXUINT32

#define SMOLDER_PROFILE_ERROR (smolder_profile_error_quark ())

typedef enum {
  SMOLDER_PROFILE_ERROR_UNRECOGNIZED, /* not a profile; the message says what it looks like */
  SMOLDER_PROFILE_ERROR_CORRUPT,      /* a profile, but malformed; the message says where */
  SMOLDER_PROFILE_ERROR_LIMIT,        /* a size from outside exceeds a SmolderLimits cap */
  SMOLDER_PROFILE_ERROR_MISMATCH,     /* profiles that cannot be merged or compared */
  SMOLDER_PROFILE_ERROR_INVALID_QUERY,/* bad sample type, regex, ... */
} SmolderProfileError;

GQuark smolder_profile_error_quark (void);

typedef enum {
  SMOLDER_PROFILE_KIND_UNKNOWN,
  SMOLDER_PROFILE_KIND_HEAP,
  SMOLDER_PROFILE_KIND_ALLOCS,
  SMOLDER_PROFILE_KIND_CPU,
  SMOLDER_PROFILE_KIND_GOROUTINE,
  SMOLDER_PROFILE_KIND_MUTEX,
  SMOLDER_PROFILE_KIND_BLOCK,
  SMOLDER_PROFILE_KIND_THREADCREATE,
} SmolderProfileKind;

/* Where a profile came from, as recognised by content. */
typedef enum {
  SMOLDER_PROFILE_FORMAT_PROTO,
  SMOLDER_PROFILE_FORMAT_LEGACY_CPU,        /* binary CPU profile of Go < 1.9 */
  SMOLDER_PROFILE_FORMAT_TEXT_HEAP,         /* heap/allocs ?debug=1 */
  SMOLDER_PROFILE_FORMAT_TEXT_COUNT,        /* goroutine/threadcreate ?debug=1 */
  SMOLDER_PROFILE_FORMAT_TEXT_CONTENTION,   /* mutex/block ?debug=1 */
  SMOLDER_PROFILE_FORMAT_GOROUTINE_DUMP,    /* goroutine ?debug=2 */
  SMOLDER_PROFILE_FORMAT_MERGED,            /* result of smolder_profile_merge() */
} SmolderProfileFormat;

typedef struct {
  guint32 type;  /* string id */
  guint32 unit;  /* string id */
} SmolderValueType;

typedef struct {
  guint64 memory_start;
  guint64 memory_limit;
  guint64 file_offset;
  guint32 filename;   /* string id */
  guint32 build_id;   /* string id */
  guint has_functions : 1;
  guint has_filenames : 1;
  guint has_line_numbers : 1;
  guint has_inline_frames : 1;
} SmolderMapping;

typedef struct {
  guint32 name;         /* string id */
  guint32 system_name;  /* string id */
  guint32 filename;     /* string id */
  gint64  start_line;
} SmolderFunction;

typedef struct {
  guint64 address;
  guint32 mapping;      /* mapping index or SMOLDER_NO_ID */
  guint32 first_line;   /* index into lines */
  guint32 n_lines;      /* lines[first_line] is the innermost (inlined) frame */
  gboolean is_folded;
} SmolderLocation;

typedef struct {
  guint32 function;     /* function index or SMOLDER_NO_ID */
  gint64  line;
  gint64  column;
} SmolderLine;

typedef struct {
  guint32 key;          /* string id */
  guint32 str;          /* string id; 0 for a numeric label */
  guint32 num_unit;     /* string id, 0 if none */
  gint64  num;
} SmolderLabel;

/* One goroutine of a ?debug=2 dump. */
typedef struct {
  gint64  id;
  guint32 state;          /* string id: "running", "chan receive", ... */
  gint64  wait_minutes;   /* -1 when the dump gives none */
  gboolean locked_to_thread;
  guint32 sample;         /* the sample (stack) this goroutine counts in */
  gint64  created_by_id;  /* -1 when unknown */
  guint32 created_by_location; /* location index or SMOLDER_NO_ID */
  gboolean frames_elided;  /* "...additional frames elided..." */
} SmolderGoroutine;

#define SMOLDER_TYPE_PROFILE (smolder_profile_get_type ())
G_DECLARE_FINAL_TYPE (SmolderProfile, smolder_profile, SMOLDER, PROFILE, GObject)

/* Merge profiles of the same kind (same sample types). */
SmolderProfile *smolder_profile_merge (SmolderProfile * const *profiles,
                                       guint                   n_profiles,
                                       GError                **error);
/* Whether @b (profile @index of a merge) has @a's period and sample types,
 * as pprof's Merge requires; SMOLDER_PROFILE_ERROR_MISMATCH saying what
 * differs when not. */
gboolean        smolder_profile_check_compatible (SmolderProfile  *a,
                                                  SmolderProfile  *b,
                                                  guint            index,
                                                  GError         **error);

SmolderProfileKind   smolder_profile_get_kind    (SmolderProfile *self);
SmolderProfileFormat smolder_profile_get_format  (SmolderProfile *self);
const char          *smolder_profile_kind_to_string   (SmolderProfileKind kind);
const char          *smolder_profile_format_to_string (SmolderProfileFormat format);
/* The same names translated, for the GUI (the _to_string ones stay English). */
const char          *smolder_profile_kind_to_display   (SmolderProfileKind kind);
const char          *smolder_profile_format_to_display (SmolderProfileFormat format);

const char *smolder_profile_get_string (SmolderProfile *self, guint32 id);
guint       smolder_profile_get_n_strings (SmolderProfile *self);

guint                   smolder_profile_get_n_sample_types (SmolderProfile *self);
const SmolderValueType *smolder_profile_get_sample_type    (SmolderProfile *self, guint index);
/* The index pprof uses by default: default_sample_type if set, else the last. */
guint                   smolder_profile_get_default_sample_index (SmolderProfile *self);
/* "inuse_space", "1", or "" for the default; pprof also accepts the bare
 * suffix ("space" for inuse_space is NOT accepted: names must match whole). */
gboolean                smolder_profile_lookup_sample_index (SmolderProfile  *self,
                                                             const char      *name_or_index,
                                                             guint           *out_index,
                                                             GError         **error);

const SmolderValueType *smolder_profile_get_period_type (SmolderProfile *self);
gint64      smolder_profile_get_period         (SmolderProfile *self);
gint64      smolder_profile_get_time_nanos     (SmolderProfile *self);
gint64      smolder_profile_get_duration_nanos (SmolderProfile *self);
const char *smolder_profile_get_drop_frames    (SmolderProfile *self);
const char *smolder_profile_get_keep_frames    (SmolderProfile *self);
const char *smolder_profile_get_doc_url        (SmolderProfile *self);
guint       smolder_profile_get_n_comments     (SmolderProfile *self);
const char *smolder_profile_get_comment        (SmolderProfile *self, guint index);

guint                  smolder_profile_get_n_mappings  (SmolderProfile *self);
const SmolderMapping  *smolder_profile_get_mapping     (SmolderProfile *self, guint index);
guint                  smolder_profile_get_n_functions (SmolderProfile *self);
const SmolderFunction *smolder_profile_get_function    (SmolderProfile *self, guint index);
guint                  smolder_profile_get_n_locations (SmolderProfile *self);
const SmolderLocation *smolder_profile_get_location    (SmolderProfile *self, guint index);
const SmolderLine     *smolder_profile_get_line        (SmolderProfile *self, guint index);

guint          smolder_profile_get_n_samples (SmolderProfile *self);
/* Location indices of sample @index, leaf first. */
const guint32 *smolder_profile_get_sample_locations (SmolderProfile *self, guint index, guint *n_locations);
/* All values of sample @index, one per sample type. */
const gint64  *smolder_profile_get_sample_values    (SmolderProfile *self, guint index);
const SmolderLabel *smolder_profile_get_sample_labels (SmolderProfile *self, guint index, guint *n_labels);
/* Sum of sample type @type_index over all samples. */
gint64         smolder_profile_get_total (SmolderProfile *self, guint type_index);

/* NULL unless the input carried a "# runtime.MemStats" block. */
const SmolderMemStats *smolder_profile_get_memstats (SmolderProfile *self);

/* What the decoder skipped or repaired in a readable file ("skipped 2 lines
 * …, the first, line 40: …"), for the GUI and the CLI's stderr; NULL-terminated, never NULL. */
const char * const *smolder_profile_get_warnings (SmolderProfile *self);

/* Goroutines of a ?debug=2 dump; 0 for other formats. */
guint                   smolder_profile_get_n_goroutines (SmolderProfile *self);
const SmolderGoroutine *smolder_profile_get_goroutine    (SmolderProfile *self, guint index);

G_END_DECLS
