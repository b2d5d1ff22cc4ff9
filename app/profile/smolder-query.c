/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-query.c: what to aggregate, with pprof's filter syntax. */

#include "smolder-query.h"

#include <errno.h>
#include <math.h>
#include <string.h>

typedef enum {
  RANGE_EQ,
  RANGE_GE,
  RANGE_LE,
  RANGE_BETWEEN,
} RangeKind;

struct _SmolderTagFilter
{
  char      *text;      /* as given */
  char      *key;       /* NULL: any key */
  GPtrArray *regexes;   /* GRegex; NULL for a numeric range */
  RangeKind  kind;
  double     lo;
  double     hi;
  char      *unit;      /* canonical unit of the range ("kB", "ms", "") */
};

struct _SmolderQuery
{
  gatomicrefcount    ref_count;
  guint              sample_index;
  SmolderGranularity granularity;
  gboolean           inverted;
  GRegex            *focus;
  GRegex            *ignore;
  GRegex            *hide;
  GRegex            *show;
  GRegex            *show_from;
  GPtrArray         *tag_focus;   /* SmolderTagFilter */
  GPtrArray         *tag_ignore;  /* SmolderTagFilter */
};

G_DEFINE_BOXED_TYPE (SmolderQuery, smolder_query, smolder_query_ref, smolder_query_unref)

static const char * const granularity_names[] = {
  "functions", "lines", "files", "addresses",
};

gboolean
smolder_granularity_from_string (const char          *str,
                                 SmolderGranularity  *out,
                                 GError             **error)
{
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (granularity_names); i++)
    {
      if (g_strcmp0 (str, granularity_names[i]) == 0)
        {
          *out = (SmolderGranularity) i;
          return TRUE;
        }
    }

  g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_INVALID_QUERY,
               "unknown granularity “%s” (expected functions, lines, files or addresses)",
               str ? str : "");
  return FALSE;
}

const char *
smolder_granularity_to_string (SmolderGranularity granularity)
{
  if ((guint) granularity < G_N_ELEMENTS (granularity_names))
    return granularity_names[granularity];
  return "functions";
}

/* --- pprof's measurement.Scale, for numeric label ranges --- */

typedef struct {
  const char *canonical;
  const char *aliases[4];
  double      factor;
} Unit;

typedef struct {
  const Unit *units;
  guint       n_units;
  Unit        default_unit;
} UnitType;

static const Unit memory_units[] = {
  { "B",  { "b", "byte" }, 1 },
  { "kB", { "kb", "kbyte", "kilobyte" }, 1024.0 },
  { "MB", { "mb", "mbyte", "megabyte" }, 1048576.0 },
  { "GB", { "gb", "gbyte", "gigabyte" }, 1073741824.0 },
  { "TB", { "tb", "tbyte", "terabyte" }, 1099511627776.0 },
  { "PB", { "pb", "pbyte", "petabyte" }, 1125899906842624.0 },
};

static const Unit time_units[] = {
  { "ns",  { "ns", "nanosecond" }, 1 },
  { "us",  { "μs", "us", "microsecond" }, 1e3 },
  { "ms",  { "ms", "millisecond" }, 1e6 },
  { "s",   { "s", "sec", "second" }, 1e9 },
  { "hrs", { "hour", "hr" }, 3600e9 },
};

static const Unit gcu_units[] = {
  { "n*GCU", { "nanogcu" }, 1e-9 },
  { "u*GCU", { "microgcu" }, 1e-6 },
  { "m*GCU", { "milligcu" }, 1e-3 },
  { "GCU",   { "gcu" }, 1 },
  { "k*GCU", { "kilogcu" }, 1e3 },
  { "M*GCU", { "megagcu" }, 1e6 },
  { "G*GCU", { "gigagcu" }, 1e9 },
  { "T*GCU", { "teragcu" }, 1e12 },
  { "P*GCU", { "petagcu" }, 1e15 },
};

static const UnitType unit_types[] = {
  { memory_units, G_N_ELEMENTS (memory_units), { "B", { "b", "byte" }, 1 } },
  { time_units, G_N_ELEMENTS (time_units), { "s", { NULL }, 1e9 } },
  { gcu_units, G_N_ELEMENTS (gcu_units), { "GCU", { NULL }, 1 } },
};

static const Unit *
unit_type_sniff (const UnitType *ut,
                 const char     *unit)
{
  g_autofree char *lower = g_utf8_strdown (unit, -1);
  gsize len = strlen (lower);

  /* Go trims one "s" when the name has more than two bytes. */
  if (len > 2 && lower[len - 1] == 's')
    lower[len - 1] = '\0';

  for (guint i = 0; i < ut->n_units; i++)
    for (guint a = 0; a < G_N_ELEMENTS (ut->units[i].aliases) && ut->units[i].aliases[a]; a++)
      if (strcmp (lower, ut->units[i].aliases[a]) == 0)
        return &ut->units[i];
  return NULL;
}

static double
measurement_scale (gint64       value,
                   const char  *from_unit,
                   const char  *to_unit,
                   const char **out_unit)
{
  if (value < 0 && value != G_MININT64)
    return -measurement_scale (-value, from_unit, to_unit, out_unit);

  for (guint i = 0; i < G_N_ELEMENTS (unit_types); i++)
    {
      const UnitType *ut = &unit_types[i];
      const Unit *from = unit_type_sniff (ut, from_unit);
      const Unit *to;
      double v;

      if (from == NULL)
        continue;
      v = (double) value * from->factor;
      to = unit_type_sniff (ut, to_unit);
      if (to == NULL)
        {
          *out_unit = ut->default_unit.canonical;
          return v / ut->default_unit.factor;
        }
      *out_unit = to->canonical;
      return v / to->factor;
    }

  if (g_str_equal (to_unit, "count") || g_str_equal (to_unit, "sample") ||
      g_str_equal (to_unit, "unit") || g_str_equal (to_unit, "minimum") ||
      g_str_equal (to_unit, "auto"))
    *out_unit = "";
  else
    *out_unit = to_unit;
  return (double) value;
}

/* --- regexes --- */

gboolean
smolder_regex_search (GRegex     *regex,
                      const char *str)
{
  if (regex == NULL)
    return FALSE;
  if (str == NULL)
    str = "";
  if G_LIKELY (g_utf8_validate (str, -1, NULL))
    return g_regex_match (regex, str, 0, NULL);
  else
    {
      g_autofree char *valid = g_utf8_make_valid (str, -1);
      return g_regex_match (regex, valid, 0, NULL);
    }
}

static GRegex *
compile_regex (const char  *what,
               const char  *pattern,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GRegex *regex;

  if (!g_utf8_validate (pattern, -1, NULL))
    {
      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_INVALID_QUERY,
                   "parsing %s regexp: not valid UTF-8", what);
      return NULL;
    }

  regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, &local_error);
  if (regex == NULL)
    g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_INVALID_QUERY,
                 "parsing %s regexp “%s”: %s", what, pattern, local_error->message);
  return regex;
}

static gboolean
set_regex (GRegex     **slot,
           const char  *what,
           const char  *pattern,
           GError     **error)
{
  GRegex *regex = NULL;

  if (pattern != NULL && pattern[0] != '\0')
    {
      regex = compile_regex (what, pattern, error);
      if (regex == NULL)
        return FALSE;
    }

  g_clear_pointer (slot, g_regex_unref);
  *slot = regex;
  return TRUE;
}

/* --- tag filters --- */

static void
tag_filter_free (SmolderTagFilter *filter)
{
  g_free (filter->text);
  g_free (filter->key);
  g_clear_pointer (&filter->regexes, g_ptr_array_unref);
  g_free (filter->unit);
  g_free (filter);
}

typedef struct {
  char *m[2];     /* whole matches */
  char *num[2];   /* the numbers */
  char *unit[2];  /* their units, "" if none */
  guint n;
} RangeParts;

static void
range_parts_clear (RangeParts *parts)
{
  for (guint i = 0; i < 2; i++)
    {
      g_free (parts->m[i]);
      g_free (parts->num[i]);
      g_free (parts->unit[i]);
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RangeParts, range_parts_clear)

/* pprof's parseTagFilterRange. Returns FALSE (no error) when @value is not
 * a range, FALSE with @error when a number is out of range. */
static gboolean
parse_tag_range (SmolderTagFilter  *filter,
                 const char        *value,
                 GError           **error)
{
  static GRegex *range_rx;
  g_autoptr(GMatchInfo) match_info = NULL;
  g_auto(RangeParts) parts = { { NULL, }, };
  gint64 v[2];
  const char *canonical = NULL;
  const char *canonical2 = NULL;
  double scaled, scaled2;

  if (g_once_init_enter (&range_rx))
    g_once_init_leave (&range_rx, g_regex_new ("([+-]?[0-9]+)([A-Za-z]+)?", 0, 0, NULL));

  g_regex_match (range_rx, value, 0, &match_info);
  while (parts.n < 2 && g_match_info_matches (match_info))
    {
      parts.m[parts.n] = g_match_info_fetch (match_info, 0);
      parts.num[parts.n] = g_match_info_fetch (match_info, 1);
      parts.unit[parts.n] = g_match_info_fetch (match_info, 2);
      if (parts.unit[parts.n] == NULL)
        parts.unit[parts.n] = g_strdup ("");
      parts.n++;
      g_match_info_next (match_info, NULL);
    }

  if (parts.n == 0)
    return FALSE;

  for (guint i = 0; i < parts.n; i++)
    {
      char *end = NULL;

      errno = 0;
      v[i] = g_ascii_strtoll (parts.num[i], &end, 10);
      if (errno != 0 || end == parts.num[i] || *end != '\0')
        {
          g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_INVALID_QUERY,
                       "tag filter “%s”: number %s out of range", value, parts.num[i]);
          return FALSE;
        }
    }

  scaled = measurement_scale (v[0], parts.unit[0], parts.unit[0], &canonical);

  if (parts.n == 1)
    {
      g_autofree char *ge = g_strconcat (parts.m[0], ":", NULL);
      g_autofree char *le = g_strconcat (":", parts.m[0], NULL);

      if (g_str_equal (value, parts.m[0]))
        filter->kind = RANGE_EQ;
      else if (g_str_equal (value, ge))
        filter->kind = RANGE_GE;
      else if (g_str_equal (value, le))
        filter->kind = RANGE_LE;
      else
        return FALSE;
      filter->lo = filter->hi = scaled;
      filter->unit = g_strdup (canonical);
      return TRUE;
    }
  else
    {
      g_autofree char *both = g_strconcat (parts.m[0], ":", parts.m[1], NULL);

      if (!g_str_equal (value, both))
        return FALSE;
      scaled2 = measurement_scale (v[1], parts.unit[1], canonical, &canonical2);
      if (!g_str_equal (canonical, canonical2))
        return FALSE;
      filter->kind = RANGE_BETWEEN;
      filter->lo = scaled;
      filter->hi = scaled2;
      filter->unit = g_strdup (canonical);
      return TRUE;
    }
}

static SmolderTagFilter *
tag_filter_new (const char  *what,
                const char  *text,
                GError     **error)
{
  SmolderTagFilter *filter;
  g_autoptr(GError) range_error = NULL;
  const char *value = text;
  const char *eq;

  if (text == NULL || text[0] == '\0')
    {
      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_INVALID_QUERY,
                   "%s: empty tag filter", what);
      return NULL;
    }

  filter = g_new0 (SmolderTagFilter, 1);
  filter->text = g_strdup (text);

  eq = strchr (text, '=');
  if (eq != NULL)
    {
      filter->key = g_strndup (text, eq - text);
      value = eq + 1;
    }

  if (parse_tag_range (filter, value, &range_error))
    return filter;
  if (range_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&range_error));
      tag_filter_free (filter);
      return NULL;
    }

  filter->regexes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_regex_unref);
  {
    g_auto(GStrv) parts = g_strsplit (value, ",", -1);

    for (guint i = 0; parts[i] != NULL; i++)
      {
        GRegex *regex = compile_regex (what, parts[i], error);

        if (regex == NULL)
          {
            tag_filter_free (filter);
            return NULL;
          }
        g_ptr_array_add (filter->regexes, regex);
      }
  }

  return filter;
}

static SmolderTagFilter *
tag_filter_copy (const SmolderTagFilter *src)
{
  SmolderTagFilter *filter = g_new0 (SmolderTagFilter, 1);

  filter->text = g_strdup (src->text);
  filter->key = g_strdup (src->key);
  if (src->regexes != NULL)
    {
      filter->regexes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_regex_unref);
      for (guint i = 0; i < src->regexes->len; i++)
        g_ptr_array_add (filter->regexes, g_regex_ref (g_ptr_array_index (src->regexes, i)));
    }
  filter->kind = src->kind;
  filter->lo = src->lo;
  filter->hi = src->hi;
  filter->unit = g_strdup (src->unit);
  return filter;
}

static gboolean
tag_range_matches (const SmolderTagFilter *filter,
                   gint64                  value,
                   const char             *unit)
{
  const char *su = NULL;
  double sv = measurement_scale (value, unit, filter->unit, &su);

  if (!g_str_equal (su, filter->unit))
    return FALSE;

  switch (filter->kind)
    {
    case RANGE_EQ:
      return sv == filter->lo;
    case RANGE_GE:
      return sv >= filter->lo;
    case RANGE_LE:
      return sv <= filter->lo;
    case RANGE_BETWEEN:
    default:
      return sv >= filter->lo && sv <= filter->hi;
    }
}

GHashTable *
smolder_query_num_label_units (SmolderProfile *profile)
{
  GHashTable *units = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_samples = smolder_profile_get_n_samples (profile);

  for (guint s = 0; s < n_samples; s++)
    {
      guint n_labels = 0;
      const SmolderLabel *labels = smolder_profile_get_sample_labels (profile, s, &n_labels);

      for (guint i = 0; i < n_labels; i++)
        {
          const char *key;

          if (labels[i].str != 0 || (labels[i].num == 0 && labels[i].num_unit == 0))
            continue;
          key = smolder_profile_get_string (profile, labels[i].key);
          if (labels[i].num_unit != 0)
            {
              const char *unit = smolder_profile_get_string (profile, labels[i].num_unit);

              /* The first non-empty unit wins. */
              if (unit[0] != '\0' && g_hash_table_lookup (units, key) == NULL)
                g_hash_table_insert (units, (gpointer) key, (gpointer) unit);
              else if (!g_hash_table_contains (units, key))
                g_hash_table_insert (units, (gpointer) key, NULL);
            }
          else if (!g_hash_table_contains (units, key))
            g_hash_table_insert (units, (gpointer) key, NULL);
        }
    }

  /* Keys seen without any unit get one guessed from the key. */
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, units);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        if (value != NULL && ((const char *) value)[0] != '\0')
          continue;
        if (g_str_equal (key, "alignment") || g_str_equal (key, "request"))
          g_hash_table_iter_replace (&iter, (gpointer) "bytes");
        else
          g_hash_table_iter_replace (&iter, key);
      }
  }

  return units;
}

gboolean
smolder_tag_filter_matches (const SmolderTagFilter *filter,
                            SmolderProfile         *profile,
                            GHashTable             *num_units,
                            guint                   sample)
{
  guint n_labels = 0;
  const SmolderLabel *labels = smolder_profile_get_sample_labels (profile, sample, &n_labels);

  if (filter->regexes == NULL)
    {
      /* Numeric range: any value of the key (or of any key) in range. */
      for (guint i = 0; i < n_labels; i++)
        {
          const char *key, *unit;

          if (labels[i].str != 0 || (labels[i].num == 0 && labels[i].num_unit == 0))
            continue;
          key = smolder_profile_get_string (profile, labels[i].key);
          if (filter->key != NULL && !g_str_equal (key, filter->key))
            continue;
          unit = num_units ? g_hash_table_lookup (num_units, key) : NULL;
          if (tag_range_matches (filter, labels[i].num, unit ? unit : key))
            return TRUE;
        }
      return FALSE;
    }

  if (filter->key != NULL)
    {
      for (guint r = 0; r < filter->regexes->len; r++)
        {
          GRegex *regex = g_ptr_array_index (filter->regexes, r);

          for (guint i = 0; i < n_labels; i++)
            {
              if (labels[i].str == 0)
                continue;
              if (!g_str_equal (smolder_profile_get_string (profile, labels[i].key), filter->key))
                continue;
              if (smolder_regex_search (regex, smolder_profile_get_string (profile, labels[i].str)))
                return TRUE;
            }
        }
      return FALSE;
    }

  /* No key: every regex must match some "key:value". */
  for (guint r = 0; r < filter->regexes->len; r++)
    {
      GRegex *regex = g_ptr_array_index (filter->regexes, r);
      gboolean matched = FALSE;

      for (guint i = 0; i < n_labels && !matched; i++)
        {
          g_autofree char *kv = NULL;

          if (labels[i].str == 0)
            continue;
          kv = g_strconcat (smolder_profile_get_string (profile, labels[i].key), ":",
                            smolder_profile_get_string (profile, labels[i].str), NULL);
          matched = smolder_regex_search (regex, kv);
        }
      if (!matched)
        return FALSE;
    }
  return TRUE;
}

/* --- the query --- */

SmolderQuery *
smolder_query_new (void)
{
  SmolderQuery *self = g_new0 (SmolderQuery, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->sample_index = SMOLDER_QUERY_DEFAULT_SAMPLE_INDEX;
  self->granularity = SMOLDER_GRANULARITY_FUNCTIONS;
  self->tag_focus = g_ptr_array_new_with_free_func ((GDestroyNotify) tag_filter_free);
  self->tag_ignore = g_ptr_array_new_with_free_func ((GDestroyNotify) tag_filter_free);
  return self;
}

SmolderQuery *
smolder_query_copy (const SmolderQuery *src)
{
  SmolderQuery *self;

  g_return_val_if_fail (src != NULL, NULL);

  self = smolder_query_new ();
  self->sample_index = src->sample_index;
  self->granularity = src->granularity;
  self->inverted = src->inverted;
  self->focus = src->focus ? g_regex_ref (src->focus) : NULL;
  self->ignore = src->ignore ? g_regex_ref (src->ignore) : NULL;
  self->hide = src->hide ? g_regex_ref (src->hide) : NULL;
  self->show = src->show ? g_regex_ref (src->show) : NULL;
  self->show_from = src->show_from ? g_regex_ref (src->show_from) : NULL;
  for (guint i = 0; i < src->tag_focus->len; i++)
    g_ptr_array_add (self->tag_focus, tag_filter_copy (g_ptr_array_index (src->tag_focus, i)));
  for (guint i = 0; i < src->tag_ignore->len; i++)
    g_ptr_array_add (self->tag_ignore, tag_filter_copy (g_ptr_array_index (src->tag_ignore, i)));
  return self;
}

SmolderQuery *
smolder_query_ref (SmolderQuery *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
smolder_query_unref (SmolderQuery *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->focus, g_regex_unref);
  g_clear_pointer (&self->ignore, g_regex_unref);
  g_clear_pointer (&self->hide, g_regex_unref);
  g_clear_pointer (&self->show, g_regex_unref);
  g_clear_pointer (&self->show_from, g_regex_unref);
  g_clear_pointer (&self->tag_focus, g_ptr_array_unref);
  g_clear_pointer (&self->tag_ignore, g_ptr_array_unref);
  g_free (self);
}

void
smolder_query_set_sample_index (SmolderQuery *self,
                                guint         index)
{
  g_return_if_fail (self != NULL);
  self->sample_index = index;
}

guint
smolder_query_get_sample_index (const SmolderQuery *self)
{
  g_return_val_if_fail (self != NULL, SMOLDER_QUERY_DEFAULT_SAMPLE_INDEX);
  return self->sample_index;
}

gboolean
smolder_query_resolve_sample_index (const SmolderQuery  *self,
                                    SmolderProfile      *profile,
                                    guint               *out_index,
                                    GError             **error)
{
  guint n_types;
  guint index;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (SMOLDER_IS_PROFILE (profile), FALSE);

  n_types = smolder_profile_get_n_sample_types (profile);
  if (n_types == 0)
    {
      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_INVALID_QUERY,
                   "profile has no samples");
      return FALSE;
    }

  index = self->sample_index;
  if (index == SMOLDER_QUERY_DEFAULT_SAMPLE_INDEX)
    index = smolder_profile_get_default_sample_index (profile);

  if (index >= n_types)
    {
      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_INVALID_QUERY,
                   "sample index %u out of range [0..%u]", index, n_types - 1);
      return FALSE;
    }

  if (out_index)
    *out_index = index;
  return TRUE;
}

void
smolder_query_set_granularity (SmolderQuery       *self,
                               SmolderGranularity  granularity)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail ((guint) granularity <= SMOLDER_GRANULARITY_ADDRESSES);
  self->granularity = granularity;
}

SmolderGranularity
smolder_query_get_granularity (const SmolderQuery *self)
{
  g_return_val_if_fail (self != NULL, SMOLDER_GRANULARITY_FUNCTIONS);
  return self->granularity;
}

void
smolder_query_set_inverted (SmolderQuery *self,
                            gboolean      inverted)
{
  g_return_if_fail (self != NULL);
  self->inverted = !!inverted;
}

gboolean
smolder_query_get_inverted (const SmolderQuery *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->inverted;
}

gboolean
smolder_query_set_focus (SmolderQuery *self, const char *regex, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return set_regex (&self->focus, "focus", regex, error);
}

gboolean
smolder_query_set_ignore (SmolderQuery *self, const char *regex, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return set_regex (&self->ignore, "ignore", regex, error);
}

gboolean
smolder_query_set_hide (SmolderQuery *self, const char *regex, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return set_regex (&self->hide, "hide", regex, error);
}

gboolean
smolder_query_set_show (SmolderQuery *self, const char *regex, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return set_regex (&self->show, "show", regex, error);
}

gboolean
smolder_query_set_show_from (SmolderQuery *self, const char *regex, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return set_regex (&self->show_from, "show_from", regex, error);
}

GRegex *smolder_query_get_focus (const SmolderQuery *self) { return self->focus; }
GRegex *smolder_query_get_ignore (const SmolderQuery *self) { return self->ignore; }
GRegex *smolder_query_get_hide (const SmolderQuery *self) { return self->hide; }
GRegex *smolder_query_get_show (const SmolderQuery *self) { return self->show; }
GRegex *smolder_query_get_show_from (const SmolderQuery *self) { return self->show_from; }

gboolean
smolder_query_add_tag_focus (SmolderQuery  *self,
                             const char    *filter,
                             GError       **error)
{
  SmolderTagFilter *f;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!(f = tag_filter_new ("tagfocus", filter, error)))
    return FALSE;
  g_ptr_array_add (self->tag_focus, f);
  return TRUE;
}

gboolean
smolder_query_add_tag_ignore (SmolderQuery  *self,
                              const char    *filter,
                              GError       **error)
{
  SmolderTagFilter *f;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!(f = tag_filter_new ("tagignore", filter, error)))
    return FALSE;
  g_ptr_array_add (self->tag_ignore, f);
  return TRUE;
}

void
smolder_query_clear_tag_filters (SmolderQuery *self)
{
  g_return_if_fail (self != NULL);
  g_ptr_array_set_size (self->tag_focus, 0);
  g_ptr_array_set_size (self->tag_ignore, 0);
}

guint
smolder_query_get_n_tag_focus (const SmolderQuery *self)
{
  return self->tag_focus->len;
}

const SmolderTagFilter *
smolder_query_get_tag_focus (const SmolderQuery *self,
                             guint               index)
{
  g_return_val_if_fail (index < self->tag_focus->len, NULL);
  return g_ptr_array_index (self->tag_focus, index);
}

guint
smolder_query_get_n_tag_ignore (const SmolderQuery *self)
{
  return self->tag_ignore->len;
}

const SmolderTagFilter *
smolder_query_get_tag_ignore (const SmolderQuery *self,
                              guint               index)
{
  g_return_val_if_fail (index < self->tag_ignore->len, NULL);
  return g_ptr_array_index (self->tag_ignore, index);
}

gboolean
smolder_query_has_filters (const SmolderQuery *self)
{
  return self->focus || self->ignore || self->hide || self->show || self->show_from ||
         self->tag_focus->len > 0 || self->tag_ignore->len > 0;
}

/* One "name=value" of smolder_query_describe_filters(). */
static void
append_filter (GString    *out,
               const char *name,
               const char *value)
{
  if (out->len > 0)
    g_string_append (out, " · ");
  g_string_append_printf (out, "%s=%s", name, value);
}

char *
smolder_query_describe_filters (const SmolderQuery *self)
{
  GString *out = g_string_new (NULL);
  struct { const char *name; GRegex *regex; } regexes[] = {
    { "focus", self->focus }, { "ignore", self->ignore }, { "hide", self->hide },
    { "show", self->show }, { "show_from", self->show_from },
  };

  for (guint i = 0; i < G_N_ELEMENTS (regexes); i++)
    if (regexes[i].regex != NULL)
      append_filter (out, regexes[i].name, g_regex_get_pattern (regexes[i].regex));
  for (guint i = 0; i < self->tag_focus->len; i++)
    append_filter (out, "tagfocus", ((SmolderTagFilter *) self->tag_focus->pdata[i])->text);
  for (guint i = 0; i < self->tag_ignore->len; i++)
    append_filter (out, "tagignore", ((SmolderTagFilter *) self->tag_ignore->pdata[i])->text);
  return g_string_free (out, FALSE);
}
