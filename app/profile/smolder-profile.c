/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-profile.c: the immutable profile model and its builder half. */
#include "config.h"

#include "smolder-profile-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (smolder-profile-error-quark, smolder_profile_error)

G_DEFINE_FINAL_TYPE (SmolderProfile, smolder_profile, G_TYPE_OBJECT)

static void
smolder_profile_finalize (GObject *object)
{
  SmolderProfile *self = SMOLDER_PROFILE (object);

  g_clear_pointer (&self->string_chunk, g_string_chunk_free);
  g_clear_pointer (&self->strings, g_ptr_array_unref);
  g_clear_pointer (&self->string_index, g_hash_table_unref);
  g_clear_pointer (&self->sample_types, g_array_unref);
  g_clear_pointer (&self->comments, g_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->mappings, g_array_unref);
  g_clear_pointer (&self->functions, g_array_unref);
  g_clear_pointer (&self->locations, g_array_unref);
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->sample_loc_offsets, g_array_unref);
  g_clear_pointer (&self->sample_locs, g_array_unref);
  g_clear_pointer (&self->values, g_array_unref);
  g_clear_pointer (&self->sample_label_offsets, g_array_unref);
  g_clear_pointer (&self->labels, g_array_unref);
  g_clear_pointer (&self->memstats, g_free);
  g_clear_pointer (&self->goroutines, g_array_unref);

  G_OBJECT_CLASS (smolder_profile_parent_class)->finalize (object);
}

static void
smolder_profile_class_init (SmolderProfileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = smolder_profile_finalize;
}

static void
smolder_profile_init (SmolderProfile *self)
{
  guint32 zero = 0;

  self->string_chunk = g_string_chunk_new (64 * 1024);
  self->strings = g_ptr_array_new ();
  self->string_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->sample_types = g_array_new (FALSE, FALSE, sizeof (SmolderValueType));
  self->comments = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->warnings = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  self->mappings = g_array_new (FALSE, FALSE, sizeof (SmolderMapping));
  self->functions = g_array_new (FALSE, FALSE, sizeof (SmolderFunction));
  self->locations = g_array_new (FALSE, FALSE, sizeof (SmolderLocation));
  self->lines = g_array_new (FALSE, FALSE, sizeof (SmolderLine));
  self->sample_loc_offsets = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->sample_locs = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->values = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->sample_label_offsets = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->labels = g_array_new (FALSE, FALSE, sizeof (SmolderLabel));
  self->goroutines = g_array_new (FALSE, FALSE, sizeof (SmolderGoroutine));

  g_array_append_val (self->sample_loc_offsets, zero);
  g_array_append_val (self->sample_label_offsets, zero);
}

SmolderProfile *
smolder_profile_new_empty (SmolderProfileFormat format)
{
  SmolderProfile *self = g_object_new (SMOLDER_TYPE_PROFILE, NULL);

  self->format = format;
  return self;
}

SmolderProfile *
smolder_profile_new_copy_tables (SmolderProfile *src)
{
  SmolderProfile *dst = smolder_profile_new_empty (src->format);

  dst->kind = src->kind;
  for (guint i = 0; i < src->strings->len; i++)
    {
      const char *s = src->strings->pdata[i];

      smolder_profile_append_string (dst, s, strlen (s));
    }
#define COPY(field) g_array_append_vals (dst->field, src->field->data, src->field->len)
  COPY (sample_types);
  dst->default_sample_type = src->default_sample_type;
  dst->drop_frames = src->drop_frames;
  dst->keep_frames = src->keep_frames;
  dst->doc_url = src->doc_url;
  dst->period_type = src->period_type;
  dst->period = src->period;
  dst->time_nanos = src->time_nanos;
  dst->duration_nanos = src->duration_nanos;
  COPY (comments);
  COPY (mappings);
  COPY (functions);
  COPY (locations);
  COPY (lines);
#undef COPY
  return dst;
}

/* ------------------------------------------------------------------ */
/* Building                                                            */

guint32
smolder_profile_append_string (SmolderProfile *self,
                               const char     *str,
                               gsize           len)
{
  g_autofree char *repaired = smolder_string_repair (str, len);

  g_assert (!self->sealed);

  if (repaired != NULL)
    {
      str = repaired;
      len = strlen (repaired);
    }

  g_ptr_array_add (self->strings, g_string_chunk_insert_len (self->string_chunk, str, len));
  return self->strings->len - 1;
}

guint32
smolder_profile_intern (SmolderProfile *self,
                        const char     *str,
                        gssize          len)
{
  char stack_buf[256];
  g_autofree char *heap_buf = NULL;
  const char *key = str;
  gpointer found;
  char *copy;

  g_autofree char *repaired = smolder_string_repair (str, len >= 0 ? (gsize) len : strlen (str));

  g_assert (!self->sealed);
  g_assert (self->string_index != NULL);

  if (repaired != NULL)
    {
      str = repaired;
      len = -1;
    }
  key = str;  /* after the repair: the key is what gets stored */

  if (self->strings->len == 0)
    {
      copy = g_string_chunk_insert_const (self->string_chunk, "");
      g_ptr_array_add (self->strings, copy);
      g_hash_table_insert (self->string_index, copy, GUINT_TO_POINTER (1));
    }

  /* A slice of a larger buffer: look it up through a NUL-terminated copy
   * (never read str[len], which may lie past the end of a mapped file),
   * and store it in the chunk only when it is new. */
  if (len >= 0)
    {
      if ((gsize) len < sizeof stack_buf)
        {
          memcpy (stack_buf, str, len);
          stack_buf[len] = '\0';
          key = stack_buf;
        }
      else
        key = heap_buf = g_strndup (str, len);
    }
  else
    len = strlen (str);

  found = g_hash_table_lookup (self->string_index, key);
  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  copy = g_string_chunk_insert_len (self->string_chunk, key, len);
  g_ptr_array_add (self->strings, copy);
  g_hash_table_insert (self->string_index, copy, GUINT_TO_POINTER (self->strings->len));
  return self->strings->len - 1;
}

guint32
smolder_profile_add_sample_type (SmolderProfile *self,
                                 const char     *type,
                                 const char     *unit)
{
  SmolderValueType vt;

  vt.type = smolder_profile_intern (self, type, -1);
  vt.unit = smolder_profile_intern (self, unit, -1);
  g_array_append_val (self->sample_types, vt);
  return self->sample_types->len - 1;
}

void
smolder_profile_begin_sample (SmolderProfile *self)
{
  g_assert (!self->sealed);
}

void
smolder_profile_sample_add_location (SmolderProfile *self,
                                     guint32         location)
{
  g_array_append_val (self->sample_locs, location);
}

void
smolder_profile_sample_add_value (SmolderProfile *self,
                                  gint64          value)
{
  g_array_append_val (self->values, value);
}

void
smolder_profile_sample_add_label (SmolderProfile *self,
                                  guint32         key,
                                  guint32         str,
                                  gint64          num,
                                  guint32         num_unit)
{
  SmolderLabel label = { key, str, num_unit, num };

  g_array_append_val (self->labels, label);
}

void
smolder_profile_end_sample (SmolderProfile *self)
{
  guint32 n_locs = self->sample_locs->len;
  guint32 n_labels = self->labels->len;

  g_array_append_val (self->sample_loc_offsets, n_locs);
  g_array_append_val (self->sample_label_offsets, n_labels);
}

/* Go writes mutex and block profiles with the same types; a mutex profile
 * records stacks at the unlock, so every leaf is some (*Mutex).Unlock,
 * (*RWMutex).RUnlock or runtime.unlock. */
static gboolean
leaves_all_unlock (SmolderProfile *self)
{
  guint n_samples = self->sample_loc_offsets->len - 1;

  if (n_samples == 0)
    return FALSE;

  for (guint i = 0; i < n_samples; i++)
    {
      guint32 start = g_array_index (self->sample_loc_offsets, guint32, i);
      guint32 end = g_array_index (self->sample_loc_offsets, guint32, i + 1);
      const SmolderLocation *loc;
      const SmolderLine *line;
      const char *name;

      if (start == end)
        return FALSE;
      loc = &g_array_index (self->locations, SmolderLocation,
                            g_array_index (self->sample_locs, guint32, start));
      if (loc->n_lines == 0)
        return FALSE;
      line = &g_array_index (self->lines, SmolderLine, loc->first_line);
      if (line->function == SMOLDER_NO_ID)
        return FALSE;
      name = smolder_profile_get_string (self, g_array_index (self->functions, SmolderFunction,
                                                              line->function).name);
      if (strstr (name, "Unlock") == NULL && strstr (name, "unlock") == NULL)
        return FALSE;
    }
  return TRUE;
}

SmolderProfileKind
smolder_profile_guess_kind (SmolderProfile *self)
{
  gboolean has_inuse = FALSE, has_alloc = FALSE, has_cpu = FALSE;
  gboolean has_goroutine = FALSE, has_threads = FALSE, has_contentions = FALSE;
  const char *period_type;

  for (guint i = 0; i < self->sample_types->len; i++)
    {
      const SmolderValueType *vt = &g_array_index (self->sample_types, SmolderValueType, i);
      const char *type = smolder_profile_get_string (self, vt->type);

      if (g_str_has_prefix (type, "inuse_"))
        has_inuse = TRUE;
      else if (g_str_has_prefix (type, "alloc_"))
        has_alloc = TRUE;
      else if (g_str_equal (type, "cpu"))
        has_cpu = TRUE;
      else if (g_str_equal (type, "goroutine") || g_str_equal (type, "goroutines"))
        has_goroutine = TRUE;
      else if (g_str_equal (type, "threadcreate"))
        has_threads = TRUE;
      else if (g_str_equal (type, "contentions"))
        has_contentions = TRUE;
    }

  period_type = smolder_profile_get_string (self, self->period_type.type);

  if (has_inuse || has_alloc)
    {
      /* Go writes the same four types for heap and allocs; only the default differs. */
      const char *def = smolder_profile_get_string (self, self->default_sample_type);

      if (has_alloc && !has_inuse)
        return SMOLDER_PROFILE_KIND_ALLOCS;
      if (g_str_has_prefix (def, "alloc_"))
        return SMOLDER_PROFILE_KIND_ALLOCS;
      return SMOLDER_PROFILE_KIND_HEAP;
    }
  if (has_cpu || g_strcmp0 (period_type, "cpu") == 0)
    return SMOLDER_PROFILE_KIND_CPU;
  if (has_goroutine || g_strcmp0 (period_type, "goroutine") == 0)
    return SMOLDER_PROFILE_KIND_GOROUTINE;
  if (has_threads || g_strcmp0 (period_type, "threadcreate") == 0)
    return SMOLDER_PROFILE_KIND_THREADCREATE;
  if (has_contentions)
    return leaves_all_unlock (self) ? SMOLDER_PROFILE_KIND_MUTEX : SMOLDER_PROFILE_KIND_BLOCK;
  return SMOLDER_PROFILE_KIND_UNKNOWN;
}

#define CHECK_STRING(id, ...)                                                   \
  G_STMT_START {                                                                \
    if ((id) >= n_strings)                                                      \
      {                                                                         \
        g_autofree char *_where = g_strdup_printf (__VA_ARGS__);                \
        g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT, \
                     "%s refers to string %u, but the string table has %u entries", \
                     _where, (guint) (id), n_strings);                          \
        return FALSE;                                                           \
      }                                                                         \
  } G_STMT_END

static gboolean
check_limit (guint64      count,
             guint64      limit,
             const char  *what,
             GError     **error)
{
  if (count > limit)
    {
      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT,
                   "too many %s: %" G_GUINT64_FORMAT " (the limit is %" G_GUINT64_FORMAT ")",
                   what, count, limit);
      return FALSE;
    }
  return TRUE;
}

gboolean
smolder_profile_seal (SmolderProfile       *self,
                      const SmolderLimits  *limits,
                      GError              **error)
{
  guint n_strings, n_samples, n_types;

  g_return_val_if_fail (SMOLDER_IS_PROFILE (self), FALSE);
  g_return_val_if_fail (!self->sealed, FALSE);

  if (limits == NULL)
    limits = smolder_limits_get_default ();

  /* String 0 is always "". */
  if (self->strings->len == 0)
    smolder_profile_intern (self, "", 0);
  if (self->strings->len > 0 && ((const char *) self->strings->pdata[0])[0] != '\0')
    {
      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,
                   "the string table must start with an empty string, not \"%.40s\"",
                   (const char *) self->strings->pdata[0]);
      return FALSE;
    }
  n_strings = self->strings->len;
  n_samples = self->sample_loc_offsets->len - 1;
  n_types = self->sample_types->len;

  if (!check_limit (n_strings, limits->max_strings, "strings", error) ||
      !check_limit (n_samples, limits->max_samples, "samples", error) ||
      !check_limit (self->locations->len, limits->max_locations, "locations", error) ||
      !check_limit (self->functions->len, limits->max_functions, "functions", error))
    return FALSE;

  /* Frame tables index lines and locations with 32 bits. */
  if (!check_limit ((guint64) self->lines->len + self->locations->len, G_MAXUINT32 - 1,
                    "lines and locations", error))
    return FALSE;

  if (self->sample_label_offsets->len != self->sample_loc_offsets->len)
    {
      g_set_error_literal (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,
                           "internal error: label and location offsets disagree");
      return FALSE;
    }

  for (guint i = 0; i < n_types; i++)
    {
      const SmolderValueType *vt = &g_array_index (self->sample_types, SmolderValueType, i);
      CHECK_STRING (vt->type, "sample type %u", i);
      CHECK_STRING (vt->unit, "sample type %u (unit)", i);
    }
  CHECK_STRING (self->default_sample_type, "default_sample_type");
  CHECK_STRING (self->drop_frames, "drop_frames");
  CHECK_STRING (self->keep_frames, "keep_frames");
  CHECK_STRING (self->doc_url, "doc_url");
  CHECK_STRING (self->period_type.type, "period_type");
  CHECK_STRING (self->period_type.unit, "period_type (unit)");
  for (guint i = 0; i < self->comments->len; i++)
    CHECK_STRING (g_array_index (self->comments, guint32, i), "comment %u", i);

  for (guint i = 0; i < self->mappings->len; i++)
    {
      const SmolderMapping *m = &g_array_index (self->mappings, SmolderMapping, i);
      CHECK_STRING (m->filename, "mapping %u (filename)", i);
      CHECK_STRING (m->build_id, "mapping %u (build_id)", i);
    }

  for (guint i = 0; i < self->functions->len; i++)
    {
      const SmolderFunction *f = &g_array_index (self->functions, SmolderFunction, i);
      CHECK_STRING (f->name, "function %u (name)", i);
      CHECK_STRING (f->system_name, "function %u (system_name)", i);
      CHECK_STRING (f->filename, "function %u (filename)", i);
    }

  for (guint i = 0; i < self->locations->len; i++)
    {
      const SmolderLocation *l = &g_array_index (self->locations, SmolderLocation, i);

      if (l->mapping != SMOLDER_NO_ID && l->mapping >= self->mappings->len)
        {
          g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,
                       "location %u refers to mapping %u, which does not exist", i, l->mapping);
          return FALSE;
        }
      if ((guint64) l->first_line + l->n_lines > self->lines->len)
        {
          g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,
                       "location %u has lines beyond the line table", i);
          return FALSE;
        }
    }

  for (guint i = 0; i < self->lines->len; i++)
    {
      const SmolderLine *line = &g_array_index (self->lines, SmolderLine, i);

      if (line->function != SMOLDER_NO_ID && line->function >= self->functions->len)
        {
          g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,
                       "line %u refers to function %u, which does not exist", i, line->function);
          return FALSE;
        }
    }

  if ((guint64) self->values->len != (guint64) n_samples * n_types)
    {
      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,
                   "%u samples with %u sample types need %" G_GUINT64_FORMAT " values, found %u",
                   n_samples, n_types, (guint64) n_samples * n_types, self->values->len);
      return FALSE;
    }

  for (guint i = 0; i < n_samples; i++)
    {
      guint32 start = g_array_index (self->sample_loc_offsets, guint32, i);
      guint32 end = g_array_index (self->sample_loc_offsets, guint32, i + 1);

      guint64 depth = 0;

      if (end - start > limits->max_stack_depth)
        {
          g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT,
                       "sample %u is %u frames deep (the limit is %" G_GUINT64_FORMAT ")",
                       i, end - start, limits->max_stack_depth);
          return FALSE;
        }
      for (guint32 j = start; j < end; j++)
        {
          guint32 loc = g_array_index (self->sample_locs, guint32, j);

          if (loc >= self->locations->len)
            {
              g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,
                           "sample %u refers to location %u, which does not exist", i, loc);
              return FALSE;
            }
          depth += MAX (g_array_index (self->locations, SmolderLocation, loc).n_lines, 1);
        }
      /* Inlined lines are frames too: a few locations of many lines each
       * would otherwise make stacks of billions of frames. */
      if (depth > limits->max_stack_depth)
        {
          g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT,
                       "sample %u is %" G_GUINT64_FORMAT " frames deep with its inlined calls "
                       "(the limit is %" G_GUINT64_FORMAT ")",
                       i, depth, limits->max_stack_depth);
          return FALSE;
        }
    }

  for (guint i = 0; i < self->labels->len; i++)
    {
      const SmolderLabel *label = &g_array_index (self->labels, SmolderLabel, i);
      CHECK_STRING (label->key, "label %u (key)", i);
      CHECK_STRING (label->str, "label %u (str)", i);
      CHECK_STRING (label->num_unit, "label %u (num_unit)", i);
    }

  for (guint i = 0; i < self->goroutines->len; i++)
    {
      const SmolderGoroutine *g = &g_array_index (self->goroutines, SmolderGoroutine, i);
      CHECK_STRING (g->state, "goroutine %" G_GINT64_FORMAT " (state)", g->id);
      if (g->sample >= n_samples)
        {
          g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,
                       "goroutine %" G_GINT64_FORMAT " refers to sample %u, which does not exist",
                       g->id, g->sample);
          return FALSE;
        }
    }

  if (self->kind == SMOLDER_PROFILE_KIND_UNKNOWN)
    self->kind = smolder_profile_guess_kind (self);

  g_clear_pointer (&self->string_index, g_hash_table_unref);
  self->sealed = TRUE;
  return TRUE;
}

#undef CHECK_STRING

/* ------------------------------------------------------------------ */
/* Reading                                                             */

SmolderProfileKind
smolder_profile_get_kind (SmolderProfile *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE (self), SMOLDER_PROFILE_KIND_UNKNOWN);
  return self->kind;
}

SmolderProfileFormat
smolder_profile_get_format (SmolderProfile *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE (self), SMOLDER_PROFILE_FORMAT_PROTO);
  return self->format;
}

/* The English name, as smolder-cli prints it; marked so that
 * smolder_profile_kind_to_display() finds its translation. */
const char *
smolder_profile_kind_to_string (SmolderProfileKind kind)
{
  switch (kind)
    {
    /* TRANSLATORS: the kinds of Go profile, shown as "heap profile" */
    case SMOLDER_PROFILE_KIND_HEAP: return NC_("profile kind", "heap");
    case SMOLDER_PROFILE_KIND_ALLOCS: return NC_("profile kind", "allocs");
    case SMOLDER_PROFILE_KIND_CPU: return NC_("profile kind", "cpu");
    case SMOLDER_PROFILE_KIND_GOROUTINE: return NC_("profile kind", "goroutine");
    case SMOLDER_PROFILE_KIND_MUTEX: return NC_("profile kind", "mutex");
    case SMOLDER_PROFILE_KIND_BLOCK: return NC_("profile kind", "block");
    case SMOLDER_PROFILE_KIND_THREADCREATE: return NC_("profile kind", "threadcreate");
    case SMOLDER_PROFILE_KIND_UNKNOWN:
    default: return NC_("profile kind", "unknown");
    }
}

/* The kind's name in the user's language, for the GUI. */
const char *
smolder_profile_kind_to_display (SmolderProfileKind kind)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "profile kind", smolder_profile_kind_to_string (kind));
}

const char *
smolder_profile_format_to_string (SmolderProfileFormat format)
{
  switch (format)
    {
    /* the name of Go's file format: the same in every language */
    case SMOLDER_PROFILE_FORMAT_PROTO: return "profile.proto";
    case SMOLDER_PROFILE_FORMAT_LEGACY_CPU: return NC_("profile format", "legacy binary CPU profile");
    case SMOLDER_PROFILE_FORMAT_TEXT_HEAP: return NC_("profile format", "text heap profile (debug=1)");
    case SMOLDER_PROFILE_FORMAT_TEXT_COUNT: return NC_("profile format", "text count profile (debug=1)");
    case SMOLDER_PROFILE_FORMAT_TEXT_CONTENTION: return NC_("profile format", "text contention profile (debug=1)");
    case SMOLDER_PROFILE_FORMAT_GOROUTINE_DUMP: return NC_("profile format", "goroutine dump (debug=2)");
    case SMOLDER_PROFILE_FORMAT_MERGED: return NC_("profile format", "merged profiles");
    default: return NC_("profile format", "unknown");
    }
}

/* The format's name in the user's language, for the GUI. */
const char *
smolder_profile_format_to_display (SmolderProfileFormat format)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "profile format", smolder_profile_format_to_string (format));
}

const char *
smolder_profile_get_string (SmolderProfile *self,
                            guint32         id)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE (self), "");

  if (id >= self->strings->len)
    return "";
  return self->strings->pdata[id];
}

guint
smolder_profile_get_n_strings (SmolderProfile *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE (self), 0);
  return self->strings->len;
}

guint
smolder_profile_get_n_sample_types (SmolderProfile *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE (self), 0);
  return self->sample_types->len;
}

const SmolderValueType *
smolder_profile_get_sample_type (SmolderProfile *self,
                                 guint           index)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE (self), NULL);
  g_return_val_if_fail (index < self->sample_types->len, NULL);
  return &g_array_index (self->sample_types, SmolderValueType, index);
}

guint
smolder_profile_get_default_sample_index (SmolderProfile *self)
{
  const char *def;

  g_return_val_if_fail (SMOLDER_IS_PROFILE (self), 0);

  if (self->sample_types->len == 0)
    return 0;

  /* pprof: the default_sample_type by name, else the last sample type. */
  def = smolder_profile_get_string (self, self->default_sample_type);
  if (def[0] != '\0')
    {
      for (guint i = 0; i < self->sample_types->len; i++)
        {
          const SmolderValueType *vt = &g_array_index (self->sample_types, SmolderValueType, i);
          if (g_strcmp0 (smolder_profile_get_string (self, vt->type), def) == 0)
            return i;
        }
    }
  return self->sample_types->len - 1;
}

gboolean
smolder_profile_lookup_sample_index (SmolderProfile  *self,
                                     const char      *name_or_index,
                                     guint           *out_index,
                                     GError         **error)
{
  guint64 n;
  g_autoptr(GString) known = NULL;

  g_return_val_if_fail (SMOLDER_IS_PROFILE (self), FALSE);

  if (name_or_index == NULL || name_or_index[0] == '\0')
    {
      *out_index = smolder_profile_get_default_sample_index (self);
      return TRUE;
    }

  if (g_ascii_string_to_unsigned (name_or_index, 10, 0, G_MAXUINT, &n, NULL))
    {
      if (n < self->sample_types->len)
        {
          *out_index = n;
          return TRUE;
        }
    }
  else
    {
      /* pprof also accepts "sample_index=inuse_space" and, for a type "x_y",
       * the bare name; only whole names here. */
      for (guint i = 0; i < self->sample_types->len; i++)
        {
          const SmolderValueType *vt = &g_array_index (self->sample_types, SmolderValueType, i);
          if (g_strcmp0 (smolder_profile_get_string (self, vt->type), name_or_index) == 0)
            {
              *out_index = i;
              return TRUE;
            }
        }
    }

  known = g_string_new (NULL);
  for (guint i = 0; i < self->sample_types->len; i++)
    {
      const SmolderValueType *vt = &g_array_index (self->sample_types, SmolderValueType, i);
      g_string_append_printf (known, "%s%u=%s", i ? ", " : "", i,
                              smolder_profile_get_string (self, vt->type));
    }
  if (g_ascii_isdigit (name_or_index[0]))
    g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_INVALID_QUERY,
                 "sample index %s is out of range (this profile has %s)", name_or_index, known->str);
  else
    g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_INVALID_QUERY,
                 "no sample type \"%s\" (this profile has %s)", name_or_index, known->str);
  return FALSE;
}

const SmolderValueType *
smolder_profile_get_period_type (SmolderProfile *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE (self), NULL);
  return &self->period_type;
}

gint64
smolder_profile_get_period (SmolderProfile *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE (self), 0);
  return self->period;
}

gint64
smolder_profile_get_time_nanos (SmolderProfile *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE (self), 0);
  return self->time_nanos;
}

gint64
smolder_profile_get_duration_nanos (SmolderProfile *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE (self), 0);
  return self->duration_nanos;
}

const char *
smolder_profile_get_drop_frames (SmolderProfile *self)
{
  return smolder_profile_get_string (self, self->drop_frames);
}

const char *
smolder_profile_get_keep_frames (SmolderProfile *self)
{
  return smolder_profile_get_string (self, self->keep_frames);
}

const char *
smolder_profile_get_doc_url (SmolderProfile *self)
{
  return smolder_profile_get_string (self, self->doc_url);
}

void
smolder_profile_add_warning (SmolderProfile *self,
                             const char     *format,
                             ...)
{
  va_list args;

  g_assert (!self->sealed);
  va_start (args, format);
  g_ptr_array_add (self->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

const char * const *
smolder_profile_get_warnings (SmolderProfile *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (SMOLDER_IS_PROFILE (self), NULL);
  /* A null-terminated array without elements may have no pdata yet. */
  return self->warnings->pdata != NULL ? (const char * const *) self->warnings->pdata : none;
}

guint
smolder_profile_get_n_comments (SmolderProfile *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE (self), 0);
  return self->comments->len;
}

const char *
smolder_profile_get_comment (SmolderProfile *self,
                             guint           index)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE (self), NULL);
  g_return_val_if_fail (index < self->comments->len, NULL);
  return smolder_profile_get_string (self, g_array_index (self->comments, guint32, index));
}

guint
smolder_profile_get_n_mappings (SmolderProfile *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE (self), 0);
  return self->mappings->len;
}

const SmolderMapping *
smolder_profile_get_mapping (SmolderProfile *self,
                             guint           index)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE (self), NULL);
  g_return_val_if_fail (index < self->mappings->len, NULL);
  return &g_array_index (self->mappings, SmolderMapping, index);
}

guint
smolder_profile_get_n_functions (SmolderProfile *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE (self), 0);
  return self->functions->len;
}

const SmolderFunction *
smolder_profile_get_function (SmolderProfile *self,
                              guint           index)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE (self), NULL);
  g_return_val_if_fail (index < self->functions->len, NULL);
  return &g_array_index (self->functions, SmolderFunction, index);
}

guint
smolder_profile_get_n_locations (SmolderProfile *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE (self), 0);
  return self->locations->len;
}

const SmolderLocation *
smolder_profile_get_location (SmolderProfile *self,
                              guint           index)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE (self), NULL);
  g_return_val_if_fail (index < self->locations->len, NULL);
  return &g_array_index (self->locations, SmolderLocation, index);
}

const SmolderLine *
smolder_profile_get_line (SmolderProfile *self,
                          guint           index)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE (self), NULL);
  g_return_val_if_fail (index < self->lines->len, NULL);
  return &g_array_index (self->lines, SmolderLine, index);
}

guint
smolder_profile_get_n_samples (SmolderProfile *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE (self), 0);
  return self->sample_loc_offsets->len - 1;
}

const guint32 *
smolder_profile_get_sample_locations (SmolderProfile *self,
                                      guint           index,
                                      guint          *n_locations)
{
  guint32 start, end;

  g_return_val_if_fail (SMOLDER_IS_PROFILE (self), NULL);
  g_return_val_if_fail (index + 1 < self->sample_loc_offsets->len, NULL);

  start = g_array_index (self->sample_loc_offsets, guint32, index);
  end = g_array_index (self->sample_loc_offsets, guint32, index + 1);
  *n_locations = end - start;
  /* No pointer arithmetic on an empty (NULL) array. */
  return end > start ? &g_array_index (self->sample_locs, guint32, start) : NULL;
}

const gint64 *
smolder_profile_get_sample_values (SmolderProfile *self,
                                   guint           index)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE (self), NULL);
  g_return_val_if_fail (index + 1 < self->sample_loc_offsets->len, NULL);

  if (self->sample_types->len == 0)
    return NULL;
  return &g_array_index (self->values, gint64, (gsize) index * self->sample_types->len);
}

const SmolderLabel *
smolder_profile_get_sample_labels (SmolderProfile *self,
                                   guint           index,
                                   guint          *n_labels)
{
  guint32 start, end;

  g_return_val_if_fail (SMOLDER_IS_PROFILE (self), NULL);
  g_return_val_if_fail (index + 1 < self->sample_label_offsets->len, NULL);

  start = g_array_index (self->sample_label_offsets, guint32, index);
  end = g_array_index (self->sample_label_offsets, guint32, index + 1);
  *n_labels = end - start;
  return end > start ? &g_array_index (self->labels, SmolderLabel, start) : NULL;
}

gint64
smolder_profile_get_total (SmolderProfile *self,
                           guint           type_index)
{
  guint n_types;
  const gint64 *values;
  gint64 total = 0;

  g_return_val_if_fail (SMOLDER_IS_PROFILE (self), 0);
  g_return_val_if_fail (type_index < self->sample_types->len, 0);

  n_types = self->sample_types->len;
  values = (const gint64 *) (gpointer) self->values->data;
  for (gsize i = type_index; i < self->values->len; i += n_types)
    total = smolder_value_add (total, values[i]);
  return total;
}

const SmolderMemStats *
smolder_profile_get_memstats (SmolderProfile *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE (self), NULL);
  return self->memstats;
}

guint
smolder_profile_get_n_goroutines (SmolderProfile *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE (self), 0);
  return self->goroutines->len;
}

const SmolderGoroutine *
smolder_profile_get_goroutine (SmolderProfile *self,
                               guint           index)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE (self), NULL);
  g_return_val_if_fail (index < self->goroutines->len, NULL);
  return &g_array_index (self->goroutines, SmolderGoroutine, index);
}
