/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-pprof-decode.c: profile.proto into the compact model.
 *
 * Unpacking the whole Profile message costs ~7 times the input in message
 * tree. Instead the top-level fields are walked with a small wire-format
 * iterator and each sub-message (Sample, Location, ...) is unpacked by
 * protobuf-c into a bump arena that is reset after each one, so memory is
 * the compact model plus one sub-message.
 *
 * Three walks over the top level: count (framing errors, sizes for
 * pre-allocation), everything but samples (samples refer to locations,
 * which Go writes after them), then the samples. */

#include <string.h>

#include "profile.pb-c.h"
#include "smolder-decoders.h"
#include "smolder-id-map.h"
#include "smolder-pb-arena.h"
#include "smolder-wire.h"

/* ------------------------------------------------------------------ */
/* The decoder                                                         */

enum {
  F_SAMPLE_TYPE = 1, F_SAMPLE, F_MAPPING, F_LOCATION, F_FUNCTION, F_STRING_TABLE,
  F_DROP_FRAMES, F_KEEP_FRAMES, F_TIME_NANOS, F_DURATION_NANOS, F_PERIOD_TYPE,
  F_PERIOD, F_COMMENT, F_DEFAULT_SAMPLE_TYPE, F_DOC_URL, N_FIELDS
};

static const char * const field_names[N_FIELDS] = {
  NULL, "sample_type", "sample", "mapping", "location", "function", "string_table",
  "drop_frames", "keep_frames", "time_nanos", "duration_nanos", "period_type",
  "period", "comment", "default_sample_type", "doc_url",
};

typedef struct
{
  const guint8        *data;
  gsize                len;
  const SmolderLimits *limits;
  SmolderProfile      *profile;

  SmolderPbArena       arena;
  ProtobufCAllocator   allocator;

  SmolderIdMap         mapping_ids;
  SmolderIdMap         function_ids;
  SmolderIdMap         location_ids;
  GArray              *loc_mapping_ids;  /* guint64 per location */
  GArray              *line_function_ids;/* guint64 per line */

  guint64              counts[N_FIELDS];
  guint64              sample_bytes;

  GArray              *fast_locs;        /* guint64, reused per sample */
  GArray              *fast_values;      /* gint64, reused per sample */
  GArray              *fast_labels;      /* RawLabel, reused per sample */
} Decoder;

static void
decoder_clear (Decoder *d)
{
  g_free (d->arena.buf);
  g_clear_pointer (&d->arena.spill, g_ptr_array_unref);
  smolder_id_map_clear (&d->mapping_ids);
  smolder_id_map_clear (&d->function_ids);
  smolder_id_map_clear (&d->location_ids);
  g_clear_pointer (&d->loc_mapping_ids, g_array_unref);
  g_clear_pointer (&d->line_function_ids, g_array_unref);
  g_clear_pointer (&d->fast_locs, g_array_unref);
  g_clear_pointer (&d->fast_values, g_array_unref);
  g_clear_pointer (&d->fast_labels, g_array_unref);
}

static gboolean
expect_wire (const SmolderWireField  *f,
             guint         wire_type,
             GError      **error)
{
  if (f->wire_type == wire_type)
    return TRUE;
  g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,
               "field %u (%s) at byte %" G_GSIZE_FORMAT " has wire type %u, expected %u",
               f->field, field_names[f->field], f->offset, f->wire_type, wire_type);
  return FALSE;
}

static gboolean
check_count (guint64      n,
             guint64      limit,
             const char  *what,
             GError     **error)
{
  if (n <= limit && n < G_MAXUINT32)
    return TRUE;
  g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT,
               "the profile has %" G_GUINT64_FORMAT " %s, more than the limit of %" G_GUINT64_FORMAT,
               n, what, MIN (limit, (guint64) G_MAXUINT32 - 1));
  return FALSE;
}

/* A proto string index (int64) as a model string id. Only the range is
 * checked here: the string table may come last, so @validate_strings
 * checks the ids against it after the walk. */
static gboolean
string_id (gint64       raw,
           guint32     *out,
           GError     **error,
           const char  *format,
           ...) G_GNUC_PRINTF (4, 5);

static gboolean
string_id (gint64       raw,
           guint32     *out,
           GError     **error,
           const char  *format,
           ...)
{
  va_list args;
  g_autofree char *where = NULL;

  if (raw >= 0 && raw < G_MAXUINT32)
    {
      *out = (guint32) raw;
      return TRUE;
    }
  va_start (args, format);
  where = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,
               "%s refers to string %" G_GINT64_FORMAT ", which does not exist", where, raw);
  return FALSE;
}

static gboolean
check_string (Decoder     *d,
              guint32      id,
              GError     **error,
              const char  *format,
              ...) G_GNUC_PRINTF (4, 5);

static gboolean
check_string (Decoder     *d,
              guint32      id,
              GError     **error,
              const char  *format,
              ...)
{
  va_list args;
  g_autofree char *where = NULL;
  guint n = d->profile->strings->len;

  if (id < n || (id == 0 && n == 0))
    return TRUE;
  va_start (args, format);
  where = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,
               "%s refers to string %u, which does not exist (the string table has %u)",
               where, id, n);
  return FALSE;
}

#define UNPACK(type, f, what, index)                                                    \
  ({                                                                                    \
    type *m_;                                                                           \
    d->arena.budget = ARENA_BUDGET ((f)->sub_len);                                      \
    m_ = perftools__profiles__##what##__unpack (&d->allocator, (f)->sub_len, (f)->sub); \
    if (m_ == NULL && d->arena.over_budget)                                             \
      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT,           \
                   "%s %" G_GUINT64_FORMAT " at byte %" G_GSIZE_FORMAT " repeats a field " \
                   "more often than the limits allow", #what, (guint64) (index), (f)->offset); \
    else if (m_ == NULL)                                                                \
      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,         \
                   "%s %" G_GUINT64_FORMAT " at byte %" G_GSIZE_FORMAT " is malformed", \
                   #what, (guint64) (index), (f)->offset);                              \
    m_;                                                                                 \
  })

/* Walk 0: framing, counts and limits. */
static gboolean
count_fields (Decoder  *d,
              GError  **error)
{
  SmolderWire w = { d->data, d->len, 0 };
  SmolderWireField f;
  GError *local = NULL;

  while (smolder_wire_next (&w, &f, &local))
    {
      if (f.field < N_FIELDS)
        d->counts[f.field]++;
      if (f.field == F_SAMPLE)
        d->sample_bytes += f.sub_len;
    }
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }

  return check_count (d->counts[F_SAMPLE], d->limits->max_samples, "samples", error)
      && check_count (d->counts[F_LOCATION], d->limits->max_locations, "locations", error)
      && check_count (d->counts[F_MAPPING], d->limits->max_locations, "mappings", error)
      && check_count (d->counts[F_FUNCTION], d->limits->max_functions, "functions", error)
      && check_count (d->counts[F_STRING_TABLE], d->limits->max_strings, "strings", error)
      && check_count (d->counts[F_SAMPLE_TYPE], G_MAXUINT16, "sample types", error);
}

static gboolean
decode_value_type (Decoder          *d,
                   const SmolderWireField      *f,
                   guint64           index,
                   SmolderValueType *out,
                   GError          **error)
{
  Perftools__Profiles__ValueType *vt;

  vt = UNPACK (Perftools__Profiles__ValueType, f, value_type, index);
  if (vt == NULL)
    return FALSE;
  return string_id (vt->type, &out->type, error, "%s %" G_GUINT64_FORMAT " (type)", field_names[f->field], index)
      && string_id (vt->unit, &out->unit, error, "%s %" G_GUINT64_FORMAT " (unit)", field_names[f->field], index);
}

static gboolean
decode_mapping (Decoder      *d,
                const SmolderWireField  *f,
                GError      **error)
{
  SmolderProfile *p = d->profile;
  Perftools__Profiles__Mapping *m;
  SmolderMapping sm = { 0 };

  m = UNPACK (Perftools__Profiles__Mapping, f, mapping, p->mappings->len);
  if (m == NULL)
    return FALSE;

  sm.memory_start = m->memory_start;
  sm.memory_limit = m->memory_limit;
  sm.file_offset = m->file_offset;
  if (!string_id (m->filename, &sm.filename, error, "mapping id %" G_GUINT64_FORMAT " (filename)", m->id)
      || !string_id (m->build_id, &sm.build_id, error, "mapping id %" G_GUINT64_FORMAT " (build_id)", m->id))
    return FALSE;
  sm.has_functions = m->has_functions != 0;
  sm.has_filenames = m->has_filenames != 0;
  sm.has_line_numbers = m->has_line_numbers != 0;
  sm.has_inline_frames = m->has_inline_frames != 0;

  g_array_append_val (p->mappings, sm);
  g_array_append_val (d->mapping_ids.ids, m->id);
  return TRUE;
}

static gboolean
decode_function (Decoder      *d,
                 const SmolderWireField  *f,
                 GError      **error)
{
  SmolderProfile *p = d->profile;
  Perftools__Profiles__Function *fn;
  SmolderFunction sf = { 0 };

  fn = UNPACK (Perftools__Profiles__Function, f, function, p->functions->len);
  if (fn == NULL)
    return FALSE;

  if (!string_id (fn->name, &sf.name, error, "function id %" G_GUINT64_FORMAT " (name)", fn->id)
      || !string_id (fn->system_name, &sf.system_name, error, "function id %" G_GUINT64_FORMAT " (system_name)", fn->id)
      || !string_id (fn->filename, &sf.filename, error, "function id %" G_GUINT64_FORMAT " (filename)", fn->id))
    return FALSE;
  sf.start_line = fn->start_line;

  g_array_append_val (p->functions, sf);
  g_array_append_val (d->function_ids.ids, fn->id);
  return TRUE;
}

static gboolean
decode_location (Decoder      *d,
                 const SmolderWireField  *f,
                 GError      **error)
{
  SmolderProfile *p = d->profile;
  Perftools__Profiles__Location *loc;
  SmolderLocation sl = { 0 };

  loc = UNPACK (Perftools__Profiles__Location, f, location, p->locations->len);
  if (loc == NULL)
    return FALSE;

  if ((guint64) p->lines->len + loc->n_line >= G_MAXUINT32)
    return check_count ((guint64) p->lines->len + loc->n_line, G_MAXUINT32 - 1, "lines", error);
  if (loc->n_line > d->limits->max_stack_depth)
    {
      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT,
                   "location id %" G_GUINT64_FORMAT " has %" G_GSIZE_FORMAT
                   " lines, more than the limit of %" G_GUINT64_FORMAT,
                   loc->id, loc->n_line, d->limits->max_stack_depth);
      return FALSE;
    }

  sl.address = loc->address;
  sl.mapping = SMOLDER_NO_ID;    /* resolved after the walk */
  sl.first_line = p->lines->len;
  sl.n_lines = (guint32) loc->n_line;
  sl.is_folded = loc->is_folded != 0;

  for (gsize i = 0; i < loc->n_line; i++)
    {
      const Perftools__Profiles__Line *ln = loc->line[i];
      SmolderLine line = { SMOLDER_NO_ID, ln->line, ln->column };

      g_array_append_val (p->lines, line);
      g_array_append_val (d->line_function_ids, ln->function_id);
    }

  g_array_append_val (p->locations, sl);
  g_array_append_val (d->location_ids.ids, loc->id);
  g_array_append_val (d->loc_mapping_ids, loc->mapping_id);
  return TRUE;
}

static gboolean
decode_string (Decoder      *d,
               const SmolderWireField  *f,
               GError      **error)
{
  SmolderProfile *p = d->profile;

  /* pprof insists on it, and the model relies on it. */
  if (p->strings->len == 0 && f->sub_len != 0)
    {
      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,
                   "the string table must start with an empty string, not “%.*s” (byte %" G_GSIZE_FORMAT ")",
                   (int) MIN (f->sub_len, 40), (const char *) f->sub, f->offset);
      return FALSE;
    }
  smolder_profile_append_string (p, (const char *) f->sub, f->sub_len);
  return TRUE;
}

static gboolean
decode_int64 (const SmolderWireField  *f,
              gint64       *out,
              GError      **error)
{
  if (!expect_wire (f, 0, error))
    return FALSE;
  *out = (gint64) f->varint;
  return TRUE;
}

static gboolean
decode_string_field (const SmolderWireField  *f,
                     guint32      *out,
                     GError      **error)
{
  gint64 raw;

  return decode_int64 (f, &raw, error)
      && string_id (raw, out, error, "%s (at byte %" G_GSIZE_FORMAT ")", field_names[f->field], f->offset);
}

static gboolean
decode_comments (Decoder      *d,
                 const SmolderWireField  *f,
                 GError      **error)
{
  SmolderProfile *p = d->profile;
  guint32 id;

  if (f->wire_type == 0)
    {
      if (!string_id ((gint64) f->varint, &id, error, "comment %u", p->comments->len))
        return FALSE;
      g_array_append_val (p->comments, id);
      return TRUE;
    }
  if (f->wire_type == 2)
    {
      SmolderWire w = { f->sub, f->sub_len, 0 };
      while (w.pos < w.len)
        {
          guint64 v;
          if (!smolder_wire_read_varint (&w, &v))
            {
              g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,
                           "packed comment list at byte %" G_GSIZE_FORMAT " is malformed", f->offset);
              return FALSE;
            }
          if (!string_id ((gint64) v, &id, error, "comment %u", p->comments->len))
            return FALSE;
          g_array_append_val (p->comments, id);
        }
      return TRUE;
    }
  return expect_wire (f, 2, error);
}

/* Walk 1: everything but the samples. */
static gboolean
decode_tables (Decoder  *d,
               GError  **error)
{
  SmolderProfile *p = d->profile;
  SmolderWire w = { d->data, d->len, 0 };
  SmolderWireField f;
  GError *local = NULL;
  gboolean ok = TRUE;

  while (ok && smolder_wire_next (&w, &f, &local))
    {
      switch (f.field)
        {
        case F_SAMPLE_TYPE:
          {
            SmolderValueType vt;
            ok = expect_wire (&f, 2, error)
              && decode_value_type (d, &f, p->sample_types->len, &vt, error);
            if (ok)
              g_array_append_val (p->sample_types, vt);
          }
          break;
        case F_SAMPLE:
          ok = expect_wire (&f, 2, error);
          break;
        case F_MAPPING:
          ok = expect_wire (&f, 2, error) && decode_mapping (d, &f, error);
          break;
        case F_LOCATION:
          ok = expect_wire (&f, 2, error) && decode_location (d, &f, error);
          break;
        case F_FUNCTION:
          ok = expect_wire (&f, 2, error) && decode_function (d, &f, error);
          break;
        case F_STRING_TABLE:
          ok = expect_wire (&f, 2, error) && decode_string (d, &f, error);
          break;
        case F_DROP_FRAMES:
          ok = decode_string_field (&f, &p->drop_frames, error);
          break;
        case F_KEEP_FRAMES:
          ok = decode_string_field (&f, &p->keep_frames, error);
          break;
        case F_DOC_URL:
          ok = decode_string_field (&f, &p->doc_url, error);
          break;
        case F_DEFAULT_SAMPLE_TYPE:
          ok = decode_string_field (&f, &p->default_sample_type, error);
          break;
        case F_TIME_NANOS:
          /* pprof: a second time_nanos means two profiles concatenated. */
          if (p->time_nanos != 0 && f.wire_type == 0)
            {
              g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,
                           "concatenated profiles: a second time_nanos at byte %" G_GSIZE_FORMAT
                           " (decode them one by one)", f.offset);
              ok = FALSE;
              break;
            }
          ok = decode_int64 (&f, &p->time_nanos, error);
          break;
        case F_DURATION_NANOS:
          ok = decode_int64 (&f, &p->duration_nanos, error);
          break;
        case F_PERIOD:
          ok = decode_int64 (&f, &p->period, error);
          break;
        case F_PERIOD_TYPE:
          ok = expect_wire (&f, 2, error)
            && decode_value_type (d, &f, 0, &p->period_type, error);
          break;
        case F_COMMENT:
          ok = decode_comments (d, &f, error);
          break;
        default:
          /* Unknown fields are skipped, as protobuf wants. */
          break;
        }
      smolder_pb_arena_reset (&d->arena);
    }

  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  return ok;
}

/* After walk 1: ids to indices, and every string id against the table. */
static gboolean
resolve_tables (Decoder  *d,
                GError  **error)
{
  SmolderProfile *p = d->profile;

  if (!smolder_id_map_build (&d->mapping_ids, "mapping", error)
      || !smolder_id_map_build (&d->function_ids, "function", error)
      || !smolder_id_map_build (&d->location_ids, "location", error))
    return FALSE;

  for (guint i = 0; i < p->locations->len; i++)
    {
      SmolderLocation *loc = &g_array_index (p->locations, SmolderLocation, i);
      guint64 loc_id = g_array_index (d->location_ids.ids, guint64, i);
      guint64 mapping_id = g_array_index (d->loc_mapping_ids, guint64, i);

      /* pprof leaves a location whose mapping does not exist without one
       * and accepts the profile (its CheckValid skips nil mappings): so do
       * we, as some producers write mapping ids and no mappings. */
      if (mapping_id != 0)
        loc->mapping = smolder_id_map_lookup (&d->mapping_ids, mapping_id);

      for (guint j = 0; j < loc->n_lines; j++)
        {
          SmolderLine *line = &g_array_index (p->lines, SmolderLine, loc->first_line + j);
          guint64 function_id = g_array_index (d->line_function_ids, guint64, loc->first_line + j);

          if (function_id == 0)
            continue;
          line->function = smolder_id_map_lookup (&d->function_ids, function_id);
          if (line->function == SMOLDER_NO_ID)
            {
              g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,
                           "location id %" G_GUINT64_FORMAT " (line %u) refers to function id %"
                           G_GUINT64_FORMAT ", which does not exist", loc_id, j, function_id);
              return FALSE;
            }
        }
    }
  g_clear_pointer (&d->loc_mapping_ids, g_array_unref);
  g_clear_pointer (&d->line_function_ids, g_array_unref);

  /* An empty string table is allowed when nothing refers to it. */
  for (guint i = 0; i < p->sample_types->len; i++)
    {
      const SmolderValueType *vt = &g_array_index (p->sample_types, SmolderValueType, i);
      if (!check_string (d, vt->type, error, "sample_type %u (type)", i)
          || !check_string (d, vt->unit, error, "sample_type %u (unit)", i))
        return FALSE;
    }
  if (!check_string (d, p->period_type.type, error, "period_type (type)")
      || !check_string (d, p->period_type.unit, error, "period_type (unit)")
      || !check_string (d, p->drop_frames, error, "drop_frames")
      || !check_string (d, p->keep_frames, error, "keep_frames")
      || !check_string (d, p->doc_url, error, "doc_url")
      || !check_string (d, p->default_sample_type, error, "default_sample_type"))
    return FALSE;
  for (guint i = 0; i < p->comments->len; i++)
    if (!check_string (d, g_array_index (p->comments, guint32, i), error, "comment %u", i))
      return FALSE;
  for (guint i = 0; i < p->mappings->len; i++)
    {
      const SmolderMapping *m = &g_array_index (p->mappings, SmolderMapping, i);
      guint64 id = g_array_index (d->mapping_ids.ids, guint64, i);
      if (!check_string (d, m->filename, error, "mapping id %" G_GUINT64_FORMAT " (filename)", id)
          || !check_string (d, m->build_id, error, "mapping id %" G_GUINT64_FORMAT " (build_id)", id))
        return FALSE;
    }
  for (guint i = 0; i < p->functions->len; i++)
    {
      const SmolderFunction *fn = &g_array_index (p->functions, SmolderFunction, i);
      guint64 id = g_array_index (d->function_ids.ids, guint64, i);
      if (!check_string (d, fn->name, error, "function id %" G_GUINT64_FORMAT " (name)", id)
          || !check_string (d, fn->system_name, error, "function id %" G_GUINT64_FORMAT " (system_name)", id)
          || !check_string (d, fn->filename, error, "function id %" G_GUINT64_FORMAT " (filename)", id))
        return FALSE;
    }

  return TRUE;
}

static void
reserve (GArray *array,
         guint64 n)
{
  guint len = array->len;

  /* GArray keeps its allocation when shrunk: grow once, up front. */
  if (n > len && n < G_MAXUINT32 / 2)
    {
      g_array_set_size (array, (guint) n);
      g_array_set_size (array, len);
    }
}

/* A Label's raw fields. */
typedef struct
{
  gint64 key, str, num, num_unit;
} RawLabel;

/* What a Sample holds, wherever it was decoded. */
typedef struct
{
  const guint64  *location_ids;
  gsize           n_location_ids;
  const gint64   *values;
  gsize           n_values;
  const RawLabel *labels;
  gsize           n_labels;
} SampleView;

/* Appends one sample to the model, checking it against the tables. */
static gboolean
append_sample (Decoder           *d,
               const SampleView  *s,
               guint              index,
               GError           **error)
{
  SmolderProfile *p = d->profile;
  guint n_types = p->sample_types->len;
  guint n_strings = p->strings->len;

  if (s->n_location_ids > d->limits->max_stack_depth)
    {
      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT,
                   "sample %u is %" G_GSIZE_FORMAT " frames deep, more than the limit of %"
                   G_GUINT64_FORMAT, index, s->n_location_ids, d->limits->max_stack_depth);
      return FALSE;
    }
  if (s->n_values != n_types)
    {
      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,
                   "sample %u has %" G_GSIZE_FORMAT " values, but the profile has %u sample types",
                   index, s->n_values, n_types);
      return FALSE;
    }
  if ((guint64) p->sample_locs->len + s->n_location_ids >= G_MAXUINT32
      || (guint64) p->values->len + s->n_values >= G_MAXUINT32
      || (guint64) p->labels->len + s->n_labels >= G_MAXUINT32)
    return check_count ((guint64) p->sample_locs->len + s->n_location_ids, G_MAXUINT32 - 1,
                        "frames in all samples", error);

  smolder_profile_begin_sample (p);

  /* Written in place: per-element appends cost a fifth of the decode. */
  if (s->n_location_ids > 0)
    {
      guint32 base = p->sample_locs->len;
      guint32 *out;

      g_array_set_size (p->sample_locs, base + s->n_location_ids);
      out = &g_array_index (p->sample_locs, guint32, base);
      for (gsize i = 0; i < s->n_location_ids; i++)
        {
          guint32 loc = smolder_id_map_lookup (&d->location_ids, s->location_ids[i]);
          if (loc == SMOLDER_NO_ID)
            {
              g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,
                           "sample %u refers to location id %" G_GUINT64_FORMAT ", which does not exist",
                           index, s->location_ids[i]);
              return FALSE;
            }
          out[i] = loc;
        }
    }

  if (s->n_values > 0)
    g_array_append_vals (p->values, s->values, s->n_values);

  for (gsize i = 0; i < s->n_labels; i++)
    {
      const RawLabel *l = &s->labels[i];

      if (l->key < 0 || l->key >= n_strings || l->str < 0 || l->str >= n_strings
          || l->num_unit < 0 || l->num_unit >= n_strings)
        {
          gint64 bad = (l->key < 0 || l->key >= n_strings) ? l->key
                     : (l->str < 0 || l->str >= n_strings) ? l->str : l->num_unit;
          g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,
                       "sample %u, label %" G_GSIZE_FORMAT " refers to string %" G_GINT64_FORMAT
                       ", which does not exist (the string table has %u)", index, i, bad, n_strings);
          return FALSE;
        }
      /* pprof keeps a label only when it has a string or a number or unit. */
      if (l->str == 0 && l->num == 0 && l->num_unit == 0)
        continue;
      smolder_profile_sample_add_label (p, (guint32) l->key, (guint32) l->str, l->num, (guint32) l->num_unit);
    }

  smolder_profile_end_sample (p);
  return TRUE;
}

/* Appends the varints of a packed run to @out (8-byte elements); FALSE when
 * malformed or when it holds more than @max of them (counted before any
 * allocation: every varint ends in one byte below 0x80). */
static gboolean
read_packed (const SmolderWireField *f,
             GArray      *out,
             guint64      max)
{
  SmolderWire w = { f->sub, f->sub_len, 0 };
  guint base = out->len;
  guint64 *dst;
  gsize n = 0, count = 0;

  for (gsize i = 0; i < f->sub_len; i++)
    count += f->sub[i] < 0x80;
  if ((guint64) base + count > max)
    return FALSE;

  g_array_set_size (out, base + count);
  dst = &g_array_index (out, guint64, base);
  while (w.pos < w.len && n < count)
    {
      if (!smolder_wire_read_varint (&w, &dst[n]))
        return FALSE;
      n++;
    }
  if (w.pos != w.len)
    return FALSE;
  g_array_set_size (out, base + n);
  return TRUE;
}

/* A Label of four varint fields; FALSE for anything else. */
static gboolean
read_plain_label (const SmolderWireField *f,
                  RawLabel    *out)
{
  SmolderWire w = { f->sub, f->sub_len, 0 };
  SmolderWireField lf;

  memset (out, 0, sizeof *out);
  while (smolder_wire_next (&w, &lf, NULL))
    {
      if (lf.wire_type != 0)
        return FALSE;
      switch (lf.field)
        {
        case 1: out->key = (gint64) lf.varint; break;
        case 2: out->str = (gint64) lf.varint; break;
        case 3: out->num = (gint64) lf.varint; break;
        case 4: out->num_unit = (gint64) lf.varint; break;
        default: return FALSE;
        }
    }
  return w.pos == w.len;
}

/* Go writes a Sample as two packed runs (location ids, values) and labels.
 * That common shape is read here without protobuf-c's generic unpack, a
 * quarter of the decode; anything else (unpacked or unknown fields,
 * malformed bytes) returns FALSE and takes the protobuf-c path, which also
 * words the errors. */
static gboolean
read_plain_sample (Decoder     *d,
                   const SmolderWireField *f,
                   SampleView  *view)
{
  SmolderWire w = { f->sub, f->sub_len, 0 };
  SmolderWireField sf;

  g_array_set_size (d->fast_locs, 0);
  g_array_set_size (d->fast_values, 0);
  g_array_set_size (d->fast_labels, 0);

  while (smolder_wire_next (&w, &sf, NULL))
    {
      if (sf.wire_type != 2 || sf.field < 1 || sf.field > 3)
        return FALSE;
      if (sf.field == 3)
        {
          RawLabel label;

          if (!read_plain_label (&sf, &label))
            return FALSE;
          g_array_append_val (d->fast_labels, label);
        }
      else if (sf.field == 1 && !read_packed (&sf, d->fast_locs, d->limits->max_stack_depth))
        return FALSE;
      else if (sf.field == 2 && !read_packed (&sf, d->fast_values, d->profile->sample_types->len))
        return FALSE;
    }
  if (w.pos != w.len)
    return FALSE;

  view->location_ids = (const guint64 *) (gpointer) d->fast_locs->data;
  view->n_location_ids = d->fast_locs->len;
  view->values = (const gint64 *) (gpointer) d->fast_values->data;
  view->n_values = d->fast_values->len;
  view->labels = (const RawLabel *) (gpointer) d->fast_labels->data;
  view->n_labels = d->fast_labels->len;
  return TRUE;
}

static gboolean
decode_sample (Decoder      *d,
               const SmolderWireField  *f,
               guint         index,
               GError      **error)
{
  Perftools__Profiles__Sample *s;
  g_autofree RawLabel *labels = NULL;
  SampleView view;

  if (read_plain_sample (d, f, &view))
    return append_sample (d, &view, index, error);

  s = UNPACK (Perftools__Profiles__Sample, f, sample, index);
  if (s == NULL)
    return FALSE;

  G_STATIC_ASSERT (sizeof (gint64) == sizeof (s->value[0]));
  G_STATIC_ASSERT (sizeof (guint64) == sizeof (s->location_id[0]));
  view.location_ids = s->location_id;
  view.n_location_ids = s->n_location_id;
  view.values = (const gint64 *) s->value;
  view.n_values = s->n_value;
  labels = g_new (RawLabel, MAX (s->n_label, 1));
  for (gsize i = 0; i < s->n_label; i++)
    labels[i] = (RawLabel) { s->label[i]->key, s->label[i]->str, s->label[i]->num, s->label[i]->num_unit };
  view.labels = labels;
  view.n_labels = s->n_label;
  return append_sample (d, &view, index, error);
}

/* Walk 2: the samples. */
static gboolean
decode_samples (Decoder  *d,
                GError  **error)
{
  SmolderProfile *p = d->profile;
  SmolderWire w = { d->data, d->len, 0 };
  SmolderWireField f;
  guint index = 0;
  guint64 n = d->counts[F_SAMPLE];

  if (n == 0)
    return TRUE;

  reserve (p->sample_loc_offsets, n + 1);
  reserve (p->sample_label_offsets, n + 1);
  reserve (p->values, n * p->sample_types->len);
  /* Location ids take 1-3 bytes each; trust the input only so far. */
  reserve (p->sample_locs, MIN (d->sample_bytes / 2, (guint64) 64 << 20));
  d->fast_locs = g_array_sized_new (FALSE, FALSE, sizeof (guint64), 256);
  d->fast_values = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 8);
  d->fast_labels = g_array_sized_new (FALSE, FALSE, sizeof (RawLabel), 4);

  while (smolder_wire_next (&w, &f, NULL))
    {
      if (f.field != F_SAMPLE)
        continue;
      if (!decode_sample (d, &f, index, error))
        return FALSE;
      smolder_pb_arena_reset (&d->arena);
      index++;
    }
  return TRUE;
}

SmolderProfile *
smolder_pprof_decode (const guint8         *data,
                      gsize                 len,
                      const SmolderLimits  *limits,
                      GError              **error)
{
  g_autoptr(SmolderProfile) profile = NULL;
  Decoder d = { 0 };
  gboolean ok;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (limits == NULL)
    limits = smolder_limits_get_default ();

  if (len == 0)
    {
      g_set_error_literal (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,
                           "empty input");
      return NULL;
    }

  profile = smolder_profile_new_empty (SMOLDER_PROFILE_FORMAT_PROTO);

  d.data = data;
  d.len = len;
  d.limits = limits;
  d.profile = profile;
  d.arena.cap = 64 * 1024;
  d.arena.buf = g_malloc (d.arena.cap);
  d.arena.spill = g_ptr_array_new_with_free_func (g_free);
  d.allocator.alloc = smolder_pb_arena_alloc;
  d.allocator.free = smolder_pb_arena_free;
  d.allocator.allocator_data = &d.arena;

  ok = count_fields (&d, error);
  if (ok)
    {
      smolder_id_map_init (&d.mapping_ids, d.counts[F_MAPPING]);
      smolder_id_map_init (&d.function_ids, d.counts[F_FUNCTION]);
      smolder_id_map_init (&d.location_ids, d.counts[F_LOCATION]);
      d.loc_mapping_ids = g_array_sized_new (FALSE, FALSE, sizeof (guint64), d.counts[F_LOCATION]);
      d.line_function_ids = g_array_sized_new (FALSE, FALSE, sizeof (guint64), d.counts[F_LOCATION]);
      reserve (profile->locations, d.counts[F_LOCATION]);
      reserve (profile->lines, d.counts[F_LOCATION]);
      reserve (profile->functions, d.counts[F_FUNCTION]);
      reserve (profile->mappings, d.counts[F_MAPPING]);
      g_ptr_array_set_size (profile->strings, d.counts[F_STRING_TABLE]);
      g_ptr_array_set_size (profile->strings, 0);

      ok = decode_tables (&d, error)
        && resolve_tables (&d, error)
        && decode_samples (&d, error);
    }

  decoder_clear (&d);

  if (!ok)
    return NULL;

  if (!smolder_profile_seal (profile, limits, error))
    return NULL;

  return g_steal_pointer (&profile);
}
