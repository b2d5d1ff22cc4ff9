/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-common.h: shared set-up of the libFuzzer targets.
 *
 * Every target feeds bytes to one engine entry point and, when that returns a
 * profile, checks that every id in the model points inside its table: a
 * decoder that returns a profile the aggregation would read out of bounds is
 * as much a bug as a crash in the decoder itself. */
#pragma once

#include <stdint.h>
#include <stdlib.h>

#include "smolder-decoders.h"
#include "smolder-input.h"
#include "smolder-profile.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* The default limits, smaller where a fuzzer would otherwise spend its time
 * and memory inflating gzip bombs the real limits would (slowly) accept. */
static inline const SmolderLimits *
fuzz_limits (void)
{
  static SmolderLimits limits;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      limits = *smolder_limits_get_default ();
      limits.max_input_bytes = MIN (limits.max_input_bytes, 64 << 20);
      limits.max_decompressed_bytes = MIN (limits.max_decompressed_bytes, 64 << 20);
      limits.max_samples = MIN (limits.max_samples, 1 << 20);
      limits.max_locations = MIN (limits.max_locations, 1 << 20);
      limits.max_functions = MIN (limits.max_functions, 1 << 20);
      limits.max_strings = MIN (limits.max_strings, 1 << 20);
      g_once_init_leave (&initialized, 1);
    }
  return &limits;
}

static inline void
fuzz_fail (const char *what, guint index)
{
  g_printerr ("fuzz: inconsistent profile: %s (index %u)\n", what, index);
  abort ();
}

static inline void
fuzz_check_string (SmolderProfile *profile, guint32 id, const char *what, guint index)
{
  if (id >= smolder_profile_get_n_strings (profile))
    fuzz_fail (what, index);
  if (smolder_profile_get_string (profile, id) == NULL)
    fuzz_fail (what, index);
}

/* Walks the whole model; aborts (a finding) when an id is out of range. */
static inline void
fuzz_check_profile (SmolderProfile *profile)
{
  guint n_strings, n_types, n_mappings, n_functions, n_locations, n_samples;

  if (profile == NULL)
    return;

  n_strings = smolder_profile_get_n_strings (profile);
  n_types = smolder_profile_get_n_sample_types (profile);
  n_mappings = smolder_profile_get_n_mappings (profile);
  n_functions = smolder_profile_get_n_functions (profile);
  n_locations = smolder_profile_get_n_locations (profile);
  n_samples = smolder_profile_get_n_samples (profile);

  for (guint i = 0; i < n_strings; i++)
    if (smolder_profile_get_string (profile, i) == NULL)
      fuzz_fail ("string NULL", i);

  for (guint i = 0; i < n_types; i++)
    {
      const SmolderValueType *vt = smolder_profile_get_sample_type (profile, i);
      fuzz_check_string (profile, vt->type, "sample type name", i);
      fuzz_check_string (profile, vt->unit, "sample type unit", i);
      (void) smolder_profile_get_total (profile, i);
    }
  if (n_types > 0 && smolder_profile_get_default_sample_index (profile) >= n_types)
    fuzz_fail ("default sample index", smolder_profile_get_default_sample_index (profile));

  for (guint i = 0; i < n_mappings; i++)
    {
      const SmolderMapping *m = smolder_profile_get_mapping (profile, i);
      fuzz_check_string (profile, m->filename, "mapping filename", i);
      fuzz_check_string (profile, m->build_id, "mapping build id", i);
    }

  for (guint i = 0; i < n_functions; i++)
    {
      const SmolderFunction *f = smolder_profile_get_function (profile, i);
      fuzz_check_string (profile, f->name, "function name", i);
      fuzz_check_string (profile, f->system_name, "function system name", i);
      fuzz_check_string (profile, f->filename, "function filename", i);
    }

  for (guint i = 0; i < n_locations; i++)
    {
      const SmolderLocation *loc = smolder_profile_get_location (profile, i);
      if (loc->mapping != SMOLDER_NO_ID && loc->mapping >= n_mappings)
        fuzz_fail ("location mapping", i);
      for (guint j = 0; j < loc->n_lines; j++)
        {
          const SmolderLine *line = smolder_profile_get_line (profile, loc->first_line + j);
          if (line == NULL)
            fuzz_fail ("location line", i);
          if (line->function != SMOLDER_NO_ID && line->function >= n_functions)
            fuzz_fail ("line function", i);
        }
    }

  for (guint i = 0; i < n_samples; i++)
    {
      guint n_locs = 0, n_labels = 0;
      const guint32 *locs = smolder_profile_get_sample_locations (profile, i, &n_locs);
      const SmolderLabel *labels = smolder_profile_get_sample_labels (profile, i, &n_labels);
      const gint64 *values = smolder_profile_get_sample_values (profile, i);

      if (n_types > 0 && values == NULL)
        fuzz_fail ("sample values", i);
      for (guint j = 0; j < n_locs; j++)
        if (locs[j] >= n_locations)
          fuzz_fail ("sample location", i);
      for (guint j = 0; j < n_labels; j++)
        {
          fuzz_check_string (profile, labels[j].key, "label key", i);
          fuzz_check_string (profile, labels[j].str, "label string", i);
          fuzz_check_string (profile, labels[j].num_unit, "label unit", i);
        }
    }

  for (guint i = 0; i < smolder_profile_get_n_comments (profile); i++)
    if (smolder_profile_get_comment (profile, i) == NULL)
      fuzz_fail ("comment", i);

  for (guint i = 0; i < smolder_profile_get_n_goroutines (profile); i++)
    {
      const SmolderGoroutine *g = smolder_profile_get_goroutine (profile, i);
      fuzz_check_string (profile, g->state, "goroutine state", i);
      if (g->sample >= n_samples)
        fuzz_fail ("goroutine sample", i);
      if (g->created_by_location != SMOLDER_NO_ID && g->created_by_location >= n_locations)
        fuzz_fail ("goroutine created-by location", i);
    }
}

/* GLib criticals and warnings are bugs here, and its debug output is noise. */
static inline void
fuzz_init_glib (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_setenv ("G_MESSAGES_DEBUG", "", TRUE);
}

/* A text decoder's input: the bytes, gunzipped when they start like gzip. */
static inline SmolderProfile *
fuzz_decode_text (const uint8_t *data, size_t size,
                  SmolderProfile *(*decode) (SmolderInput *, const SmolderLimits *, GError **))
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderInput) input = smolder_input_new_for_bytes (bytes, fuzz_limits (), &error);

  if (input == NULL)
    return NULL;
  return decode (input, fuzz_limits (), &error);
}

/* The targets' libFuzzer entry points, so that each target file names only
 * what it feeds: FUZZ_DEFINE_INITIALIZE () in every target, or a whole
 * target for a decoder of raw bytes (data, size, limits, error) or for a
 * text decoder (input, limits, error). */
#define FUZZ_DEFINE_INITIALIZE()                                          \
  int                                                                     \
  LLVMFuzzerInitialize (int *argc, char ***argv)                          \
  {                                                                       \
    fuzz_init_glib ();                                                    \
    return 0;                                                             \
  }

#define FUZZ_DEFINE_BYTES_TARGET(decode)                                  \
  FUZZ_DEFINE_INITIALIZE ()                                               \
                                                                          \
  int                                                                     \
  LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)               \
  {                                                                       \
    g_autoptr(GError) error = NULL;                                       \
    g_autoptr(SmolderProfile) profile = decode (data, size, fuzz_limits (), &error); \
                                                                          \
    fuzz_check_profile (profile);                                         \
    return 0;                                                             \
  }

#define FUZZ_DEFINE_TEXT_TARGET(decode)                                   \
  FUZZ_DEFINE_INITIALIZE ()                                               \
                                                                          \
  int                                                                     \
  LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)               \
  {                                                                       \
    g_autoptr(SmolderProfile) profile = fuzz_decode_text (data, size, decode); \
                                                                          \
    fuzz_check_profile (profile);                                         \
    return 0;                                                             \
  }
