/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-cli-top-text.c: the text format of `smolder-cli top`. */

#include "smolder-cli-top-text.h"
#include "smolder-filter.h"
#include "smolder-units.h"

#include <math.h>
#include <string.h>

/* pprof's measurement unit tables (memory and time), for its labels. */
typedef struct {
  const char *canonical;
  const char *aliases[3];
  double      factor;
} PprofUnit;

static const PprofUnit memory_units[] = {
  { "B",  { "b", "byte" }, 1 },
  { "kB", { "kb", "kbyte", "kilobyte" }, 1024.0 },
  { "MB", { "mb", "mbyte", "megabyte" }, 1048576.0 },
  { "GB", { "gb", "gbyte", "gigabyte" }, 1073741824.0 },
  { "TB", { "tb", "tbyte", "terabyte" }, 1099511627776.0 },
  { "PB", { "pb", "pbyte", "petabyte" }, 1125899906842624.0 },
};

static const PprofUnit time_units[] = {
  { "ns",  { "ns", "nanosecond" }, 1 },
  { "us",  { "μs", "us", "microsecond" }, 1e3 },
  { "ms",  { "ms", "millisecond" }, 1e6 },
  { "s",   { "s", "sec", "second" }, 1e9 },
  { "hrs", { "hour", "hr" }, 3600e9 },
};

/* The unit table @unit belongs to (Go's sniffUnit: lower case, one "s" trimmed), or NULL. */
static const PprofUnit *
sniff (const char  *unit,
       guint       *n_units,
       const PprofUnit **found)
{
  g_autofree char *lower = g_ascii_strdown (unit, -1);
  gsize len = strlen (lower);
  const struct { const PprofUnit *units; guint n; } types[] = {
    { memory_units, G_N_ELEMENTS (memory_units) },
    { time_units, G_N_ELEMENTS (time_units) },
  };

  if (len > 2 && lower[len - 1] == 's')
    lower[len - 1] = '\0';
  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    for (guint i = 0; i < types[t].n; i++)
      for (guint a = 0; a < G_N_ELEMENTS (types[t].units[i].aliases) && types[t].units[i].aliases[a]; a++)
        if (strcmp (lower, types[t].units[i].aliases[a]) == 0)
          {
            *n_units = types[t].n;
            *found = &types[t].units[i];
            return types[t].units;
          }
  return NULL;
}

/* measurement.Scale(value, unit, "auto"). */
static double
scale_auto (gint64       value,
            const char  *unit,
            const char **out_unit)
{
  const PprofUnit *units, *from;
  guint n;
  double v, f = 0;

  if (value < 0 && value != G_MININT64)
    return -scale_auto (-value, unit, out_unit);
  units = sniff (unit, &n, &from);
  if (units == NULL)
    {
      *out_unit = "";
      return (double) value;
    }
  v = (double) value * from->factor;
  *out_unit = NULL;
  for (guint i = 0; i < n; i++)
    if (units[i].factor >= f && v / units[i].factor >= 1.0)
      {
        f = units[i].factor;
        *out_unit = units[i].canonical;
      }
  if (*out_unit == NULL)
    {
      /* The default unit: bytes, or seconds. */
      const PprofUnit *def = units == memory_units ? &memory_units[0] : &time_units[3];

      *out_unit = def->canonical;
      return v / def->factor;
    }
  return v / f;
}

/* measurement.Scale(value, unit, to): @to a canonical unit of @unit's type. */
static double
scale_to (gint64       value,
          const char  *unit,
          const char  *to,
          const char **out_unit)
{
  const PprofUnit *units, *from, *to_unit;
  guint n;

  units = sniff (unit, &n, &from);
  if (units == NULL || sniff (to, &n, &to_unit) != units)
    return scale_auto (value, unit, out_unit);
  *out_unit = to_unit->canonical;
  return (double) value * from->factor / to_unit->factor;
}

char *
smolder_cli_pprof_label (gint64      value,
                         const char *unit,
                         const char *to)
{
  const char *u;
  double v = to != NULL ? scale_to (value, unit, to, &u) : scale_auto (value, unit, &u);
  g_autofree char *s = g_strdup_printf ("%.2f", v);

  if (g_str_has_suffix (s, ".00"))
    s[strlen (s) - 3] = '\0';
  if (g_str_equal (s, "0") || g_str_equal (s, "-0"))
    return g_strdup ("0");
  return g_strconcat (s, u, NULL);
}

/* measurement.Percentage. */
static char *
pprof_percentage (gint64 value,
                  gint64 total)
{
  double ratio = total != 0 ? fabs ((double) value / (double) total) * 100 : 0;

  if (ratio >= 99.95 && ratio <= 100.05)
    return g_strdup ("  100%");
  if (ratio >= 1.0)
    return g_strdup_printf ("%5.2f%%", ratio);
  return g_strdup_printf ("%5.2g%%", ratio);
}

/* Go's time.Format "Jan 2, 2006 at 3:04pm (MST)", local time. */
static char *
pprof_time (gint64 nanos)
{
  static const char * const months[] = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  };
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (nanos / G_GINT64_CONSTANT (1000000000));
  int hour;

  if (dt == NULL)
    return g_strdup_printf ("%" G_GINT64_FORMAT " ns", nanos);
  hour = g_date_time_get_hour (dt);
  return g_strdup_printf ("%s %d, %d at %d:%02d%s (%s)", months[g_date_time_get_month (dt) - 1],
                          g_date_time_get_day_of_month (dt), g_date_time_get_year (dt),
                          hour % 12 == 0 ? 12 : hour % 12, g_date_time_get_minute (dt),
                          hour < 12 ? "am" : "pm", g_date_time_get_timezone_abbreviation (dt));
}

enum { IN_INLINE = 1, IN_CALL = 2 };

typedef struct {
  gint64   weight;
  gboolean inline_call;  /* every call along the edge is inlined */
} Edge;

/* pprof's graph edges: caller -> callee, inline when the callee is an inner
 * line of the caller's location in every sample. pprof -top then drops
 * edges lighter than 0.1% of the total (-edgefraction) and marks a node
 * "(inline)" when its remaining in-edges are all inline, "(partial-inline)"
 * when some are. */
static guint8 *
inline_marks (SmolderTop     *top,
              SmolderProfile *profile,
              SmolderQuery   *query)
{
  SmolderFrames *frames = smolder_top_get_frames (top);
  guint8 *marks = g_new0 (guint8, smolder_frames_get_n_frames (frames) + 1);
  g_autoptr(SmolderFilterView) view = smolder_filter_view_new (profile, query);
  g_autoptr(GHashTable) edges = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint index = smolder_top_get_sample_index (top);
  gint64 cutoff = ABS ((gint64) ((double) smolder_top_get_kept_total (top) * 0.001));
  GHashTableIter iter;
  gpointer key, value;

  if (index >= smolder_profile_get_n_sample_types (profile))
    return marks;
  for (guint s = 0; s < smolder_profile_get_n_samples (profile); s++)
    {
      gint64 w = smolder_profile_get_sample_values (profile, s)[index];
      guint32 parent = SMOLDER_NO_ID;
      guint n_locs;
      const guint32 *locs;

      if (!smolder_filter_view_sample_kept (view, s))
        continue;
      g_hash_table_remove_all (seen);
      locs = smolder_profile_get_sample_locations (profile, s, &n_locs);
      for (guint i = n_locs; i > 0; i--)
        {
          guint n_run;
          const guint32 *run = smolder_frames_get_location_frames (frames, locs[i - 1], &n_run);

          for (guint k = n_run; k > 0; k--)
            {
              guint32 n = run[k - 1];
              gint64 pair = (gint64) (((guint64) parent << 32) | n);

              if (parent != SMOLDER_NO_ID && n != parent && !g_hash_table_contains (seen, &pair))
                {
                  gpointer stored;
                  Edge *e;

                  if (!g_hash_table_lookup_extended (edges, &pair, &stored, (gpointer *) &e))
                    {
                      stored = g_memdup2 (&pair, sizeof pair);
                      e = g_new0 (Edge, 1);
                      e->inline_call = TRUE;
                      g_hash_table_insert (edges, stored, e);
                    }
                  g_hash_table_add (seen, stored);
                  e->weight += w;
                  e->inline_call = e->inline_call && k != n_run;
                }
              parent = n;
            }
        }
    }

  g_hash_table_iter_init (&iter, edges);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const Edge *e = value;

      if (ABS (e->weight) >= cutoff)
        marks[*(gint64 *) key & G_MAXUINT32] |= e->inline_call ? IN_INLINE : IN_CALL;
    }
  return marks;
}

static void
add_filter (GPtrArray  *filters,
            const char *key,
            const char *value)
{
  if (value != NULL && value[0] != '\0')
    g_ptr_array_add (filters, g_strdup_printf ("%s=%s", key, value));
}

/* pprof's selectOutputUnit: one unit for the report, from the smallest
 * value shown (scaled up when it is under 1% of the total) and the total. */
static const char *
select_output_unit (SmolderTop *top,
                    const char *unit,
                    guint       shown)
{
  gint64 min = 0, max = smolder_top_get_total (top);
  const char *min_unit, *max_unit, *out;

  for (guint i = 0; i < shown; i++)
    {
      const SmolderTopRow *row = smolder_top_get_row (top, i);
      gint64 v = ABS (row->flat);

      if (v == 0)
        v = ABS (row->cum);
      if (v > 0 && (min == 0 || v < min))
        min = v;
    }
  if (min == 0)
    min = max;
  scale_auto (min, unit, &min_unit);
  scale_auto (max, unit, &max_unit);
  out = min_unit;
  if (!g_str_equal (min_unit, max_unit) && (double) min * 100 < (double) max)
    scale_auto (100 * min, unit, &out);
  return out[0] != '\0' ? out : unit;
}

static void
print_header (SmolderTop             *top,
              SmolderProfile         *profile,
              SmolderCliQueryOptions *o,
              const char             *type,
              const char             *unit,
              gint64                  flat_sum,
              guint                   shown)
{
  gint64 total = smolder_top_get_total (top);
  g_autoptr(GPtrArray) filters = g_ptr_array_new_with_free_func (g_free);
  const char *out_unit = select_output_unit (top, unit, shown);
  g_autofree char *flat_s = smolder_cli_pprof_label (flat_sum, unit, out_unit);
  g_autofree char *total_s = smolder_cli_pprof_label (total, unit, out_unit);
  g_autofree char *pct = pprof_percentage (flat_sum, total);

  if (smolder_profile_get_n_mappings (profile) > 0)
    {
      const SmolderMapping *m = smolder_profile_get_mapping (profile, 0);
      const char *file = smolder_profile_get_string (profile, m->filename);
      const char *build_id = smolder_profile_get_string (profile, m->build_id);

      if (file[0] != '\0')
        {
          g_autofree char *base = smolder_go_path_base (file);
          g_print ("File: %s\n", base);
        }
      if (build_id[0] != '\0')
        g_print ("Build ID: %s\n", build_id);
    }
  for (guint i = 0; i < smolder_profile_get_n_comments (profile); i++)
    if (smolder_profile_get_comment (profile, i)[0] != '#')
      g_print ("%s\n", smolder_profile_get_comment (profile, i));
  g_print ("Type: %s\n", type);
  if (smolder_profile_get_doc_url (profile)[0] != '\0')
    g_print ("Doc: %s\n", smolder_profile_get_doc_url (profile));
  if (smolder_profile_get_time_nanos (profile) != 0)
    {
      g_autofree char *when = pprof_time (smolder_profile_get_time_nanos (profile));
      g_print ("Time: %s\n", when);
    }
  if (smolder_profile_get_duration_nanos (profile) != 0)
    {
      gint64 duration = smolder_profile_get_duration_nanos (profile);
      g_autofree char *dur = smolder_cli_pprof_label (duration, "nanoseconds", NULL);
      g_autofree char *ratio = NULL;
      const PprofUnit *from;
      guint n;

      /* The share of the wall time the samples account for, for time units. */
      if (sniff (unit, &n, &from) == time_units && total != 0)
        {
          g_autofree char *p = pprof_percentage ((gint64) ((double) total * from->factor), duration);
          ratio = g_strdup_printf ("(%s)", p);
        }
      g_print ("Duration: %s, Total samples = %s %s\n", dur, total_s, ratio ? ratio : "");
    }

  add_filter (filters, "focus", o->focus);
  add_filter (filters, "ignore", o->ignore);
  add_filter (filters, "hide", o->hide);
  add_filter (filters, "show", o->show);
  add_filter (filters, "show_from", o->show_from);
  if (o->tags != NULL)
    {
      g_autofree char *joined = g_strjoinv (",", o->tags);
      add_filter (filters, "tagfocus", joined);
    }
  if (o->tag_ignores != NULL)
    {
      g_autofree char *joined = g_strjoinv (",", o->tag_ignores);
      add_filter (filters, "tagignore", joined);
    }
  if (filters->len > 0)
    {
      g_print ("Active filters:\n");
      for (guint i = 0; i < filters->len; i++)
        g_print ("   %s\n", (const char *) filters->pdata[i]);
    }
  g_print ("Showing nodes accounting for %s, %s of %s total\n", flat_s, g_strstrip (pct), total_s);
  if (total != 0 && shown < smolder_top_get_n_rows (top))
    g_print ("Showing top %u nodes out of %u\n", shown, smolder_top_get_n_rows (top));
}

static double
percent (gint64 v, gint64 total)
{
  return total == 0 ? 0.0 : 100.0 * (double) v / (double) total;
}

void
smolder_cli_print_top_text (SmolderTop             *top,
                            SmolderProfile         *profile,
                            SmolderQuery           *query,
                            SmolderCliQueryOptions *options,
                            int                     limit)
{
  SmolderFrames *frames = smolder_top_get_frames (top);
  const SmolderValueType *vt = smolder_profile_get_sample_type (profile, smolder_top_get_sample_index (top));
  const char *unit = smolder_profile_get_string (profile, vt->unit);
  gint64 total = smolder_top_get_total (top);
  guint n = smolder_top_get_n_rows (top);
  guint shown = (limit > 0 && (guint) limit < n) ? (guint) limit : n;
  g_autofree guint8 *marks = inline_marks (top, profile, query);
  gint64 sum = 0, flat_sum = 0;

  for (guint i = 0; i < shown; i++)
    flat_sum += smolder_top_get_row (top, i)->flat;
  print_header (top, profile, options, smolder_profile_get_string (profile, vt->type), unit,
                flat_sum, shown);

  g_print ("%10s %7s %7s %10s %7s  %s\n", "flat", "flat%", "sum%", "cum", "cum%", "name");
  for (guint i = 0; i < shown; i++)
    {
      const SmolderTopRow *row = smolder_top_get_row (top, i);
      g_autofree char *flat = smolder_units_format (row->flat, unit);
      g_autofree char *cum = smolder_units_format (row->cum, unit);
      guint8 m = marks[row->frame];

      sum += row->flat;
      g_print ("%10s %6.2f%% %6.2f%% %10s %6.2f%%  %s%s\n", flat, percent (row->flat, total),
               percent (sum, total), cum, percent (row->cum, total),
               smolder_frames_get_name (frames, row->frame),
               m == IN_INLINE ? " (inline)" : m == (IN_INLINE | IN_CALL) ? " (partial-inline)" : "");
    }
}
