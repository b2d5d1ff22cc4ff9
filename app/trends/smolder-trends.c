/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-trends.c: per-stack and per-function series across snapshots, fitted
 * and ranked as leak suspects.
 *
 * Memory: a snapshot is folded into the series as it is added and the profile
 * is not kept. Function names are interned once; a stack is its function ids
 * (leaf first, inlined frames expanded, samples with the same function stack
 * merged); each stack and function holds one gint64 per snapshot and sample
 * type in one array, grown by doubling. */
#include "smolder-trends.h"
#include "smolder-trend-dumps.h"

#include <string.h>

typedef struct {
  guint32            *ids;     /* [0] = depth, then function ids, leaf first */
  gint64             *values;  /* [column * n_types + type] */
  SmolderTrendStates  states;
  gboolean            has_states;
} Stack;

typedef struct {
  gint64  *flat;               /* [column * n_types + type] */
  gint64  *cum;
  guint32  stamp;              /* last sample counted in cum */
} Function;

typedef struct {
  char   *name;
  gint64  time_nanos;
  char   *sort_key;
} Snapshot;

struct _SmolderTrends
{
  GObject             parent_instance;

  /* configuration */
  char               *sample_index;

  /* state */
  SmolderProfileKind  kind;
  guint               n_types;
  char               *type_names[2];
  char               *units[2];
  GHashTable         *function_ids;    /* name -> id + 1 */
  GPtrArray          *function_names;  /* char *, by id */
  GArray             *functions;       /* Function, by id */
  GHashTable         *stack_index;     /* guint32 ids -> index + 1 */
  GPtrArray          *stacks;          /* Stack * */
  GArray             *snapshots;       /* Snapshot, in order added (= column) */
  GArray             *totals;          /* gint64 per column, type 0 */
  guint               cap;             /* columns allocated in every series */
  guint32             stamp;
  GPtrArray          *dumps;           /* SmolderTrendDump * */

  /* results */
  gboolean            finished;
  gboolean            timed;
  guint              *order;           /* snapshot -> column */
  double             *minutes;         /* by snapshot */
  GArray             *suspects;        /* SmolderSuspect */
  GArray             *function_suspects;
};

G_DEFINE_FINAL_TYPE (SmolderTrends, smolder_trends, G_TYPE_OBJECT)

static void
stack_free (gpointer data)
{
  Stack *s = data;

  g_free (s->ids);
  g_free (s->values);
  g_free (s);
}

static guint
ids_hash (gconstpointer key)
{
  const guint32 *ids = key;
  guint h = 5381;

  for (guint i = 0; i <= ids[0]; i++)
    h = h * 33 + ids[i];
  return h;
}

static gboolean
ids_equal (gconstpointer a,
           gconstpointer b)
{
  const guint32 *x = a, *y = b;

  return x[0] == y[0] && memcmp (x + 1, y + 1, x[0] * sizeof (guint32)) == 0;
}

static void
smolder_trends_finalize (GObject *object)
{
  SmolderTrends *self = SMOLDER_TRENDS (object);

  g_free (self->sample_index);
  for (guint i = 0; i < 2; i++)
    {
      g_free (self->type_names[i]);
      g_free (self->units[i]);
    }
  for (guint i = 0; i < self->functions->len; i++)
    {
      Function *f = &g_array_index (self->functions, Function, i);

      g_free (f->flat);
      g_free (f->cum);
    }
  for (guint i = 0; i < self->snapshots->len; i++)
    {
      Snapshot *s = &g_array_index (self->snapshots, Snapshot, i);

      g_free (s->name);
      g_free (s->sort_key);
    }
  g_clear_pointer (&self->function_ids, g_hash_table_unref);
  g_clear_pointer (&self->function_names, g_ptr_array_unref);
  g_clear_pointer (&self->functions, g_array_unref);
  g_clear_pointer (&self->stack_index, g_hash_table_unref);
  g_clear_pointer (&self->stacks, g_ptr_array_unref);
  g_clear_pointer (&self->snapshots, g_array_unref);
  g_clear_pointer (&self->totals, g_array_unref);
  g_clear_pointer (&self->dumps, g_ptr_array_unref);
  g_clear_pointer (&self->suspects, g_array_unref);
  g_clear_pointer (&self->function_suspects, g_array_unref);
  g_free (self->order);
  g_free (self->minutes);

  G_OBJECT_CLASS (smolder_trends_parent_class)->finalize (object);
}

static void
smolder_trends_class_init (SmolderTrendsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = smolder_trends_finalize;
}

static void
smolder_trends_init (SmolderTrends *self)
{
  self->kind = SMOLDER_PROFILE_KIND_UNKNOWN;
  self->function_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->function_names = g_ptr_array_new_with_free_func (g_free);
  self->functions = g_array_new (FALSE, TRUE, sizeof (Function));
  self->stack_index = g_hash_table_new (ids_hash, ids_equal);
  self->stacks = g_ptr_array_new_with_free_func (stack_free);
  self->snapshots = g_array_new (FALSE, TRUE, sizeof (Snapshot));
  self->totals = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->dumps = g_ptr_array_new_with_free_func (smolder_trend_dump_free);
  self->suspects = g_array_new (FALSE, TRUE, sizeof (SmolderSuspect));
  self->function_suspects = g_array_new (FALSE, TRUE, sizeof (SmolderSuspect));
}

SmolderTrends *
smolder_trends_new (const char *sample_index)
{
  SmolderTrends *self = g_object_new (SMOLDER_TYPE_TRENDS, NULL);

  self->sample_index = g_strdup (sample_index != NULL && sample_index[0] != '\0' ? sample_index : NULL);
  return self;
}

/* ---- adding snapshots ------------------------------------------------- */

static guint32
intern_function (SmolderTrends *self,
                 const char    *name)
{
  gpointer id = g_hash_table_lookup (self->function_ids, name);
  char *copy;
  Function f = { 0, };

  if (id != NULL)
    return GPOINTER_TO_UINT (id) - 1;

  copy = g_strdup (name);
  g_ptr_array_add (self->function_names, copy);
  f.flat = g_new0 (gint64, (gsize) self->cap * MAX (self->n_types, 1));
  f.cum = g_new0 (gint64, (gsize) self->cap * MAX (self->n_types, 1));
  f.stamp = 0;
  g_array_append_val (self->functions, f);
  g_hash_table_insert (self->function_ids, copy, GUINT_TO_POINTER (self->function_names->len));
  return self->function_names->len - 1;
}

static gint64 *
grow_series (gint64 *values,
             guint   old_cap,
             guint   new_cap,
             guint   n_types)
{
  values = g_renew (gint64, values, (gsize) new_cap * n_types);
  memset (values + (gsize) old_cap * n_types, 0, (gsize) (new_cap - old_cap) * n_types * sizeof (gint64));
  return values;
}

static void
ensure_column (SmolderTrends *self,
               guint          column)
{
  guint new_cap;

  if (column < self->cap)
    return;
  new_cap = MAX (8, self->cap * 2);
  for (guint i = 0; i < self->stacks->len; i++)
    {
      Stack *s = g_ptr_array_index (self->stacks, i);

      s->values = grow_series (s->values, self->cap, new_cap, self->n_types);
    }
  for (guint i = 0; i < self->functions->len; i++)
    {
      Function *f = &g_array_index (self->functions, Function, i);

      f->flat = grow_series (f->flat, self->cap, new_cap, self->n_types);
      f->cum = grow_series (f->cum, self->cap, new_cap, self->n_types);
    }
  self->cap = new_cap;
}

/* The companion kept beside the ranked type: space <-> objects. */
static const char *
companion_type (const char *type)
{
  static const char * const pairs[][2] = {
    { "inuse_space", "inuse_objects" }, { "alloc_space", "alloc_objects" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    for (guint j = 0; j < 2; j++)
      if (g_strcmp0 (type, pairs[i][j]) == 0)
        return pairs[i][1 - j];
  return NULL;
}

static gboolean
find_type (SmolderProfile *profile,
           const char     *name,
           guint          *out_index)
{
  for (guint i = 0; i < smolder_profile_get_n_sample_types (profile); i++)
    if (g_str_equal (smolder_profile_get_string (profile, smolder_profile_get_sample_type (profile, i)->type), name))
      {
        *out_index = i;
        return TRUE;
      }
  return FALSE;
}

/* Resolves this profile's indices of the kept types; on the first profile,
 * decides which types are kept. */
static gboolean
resolve_types (SmolderTrends   *self,
               SmolderProfile  *profile,
               const char      *name,
               guint            indices[2],
               GError         **error)
{
  if (self->n_types == 0)
    {
      guint index;
      const char *companion;

      if (self->sample_index != NULL)
        {
          if (!smolder_profile_lookup_sample_index (profile, self->sample_index, &index, error))
            return FALSE;
        }
      else if (!find_type (profile, "inuse_space", &index))
        index = smolder_profile_get_default_sample_index (profile);
      if (index >= smolder_profile_get_n_sample_types (profile))
        {
          g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_MISMATCH,
                       "the profile has no sample types");
          return FALSE;
        }
      self->type_names[0] = g_strdup (smolder_profile_get_string (profile, smolder_profile_get_sample_type (profile, index)->type));
      self->units[0] = g_strdup (smolder_profile_get_string (profile, smolder_profile_get_sample_type (profile, index)->unit));
      self->n_types = 1;
      companion = companion_type (self->type_names[0]);
      if (companion != NULL && find_type (profile, companion, &index))
        {
          self->type_names[1] = g_strdup (companion);
          self->units[1] = g_strdup (smolder_profile_get_string (profile, smolder_profile_get_sample_type (profile, index)->unit));
          self->n_types = 2;
        }
    }
  for (guint t = 0; t < self->n_types; t++)
    if (!find_type (profile, self->type_names[t], &indices[t]))
      {
        g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_MISMATCH,
                     "%s has no sample type %s, which the other snapshots have", name, self->type_names[t]);
        return FALSE;
      }
  return TRUE;
}

/* Function ids of every location, inlined frames expanded, innermost first:
 * location i is ids[first[i] .. first[i] + count[i]). */
typedef struct {
  guint32 *first;
  guint32 *count;
  GArray  *ids;
} LocationIds;

static void
location_ids_init (LocationIds    *li,
                   SmolderTrends  *self,
                   SmolderProfile *profile)
{
  guint n_locations = smolder_profile_get_n_locations (profile);
  g_autofree guint32 *by_function = NULL;
  guint n_functions = smolder_profile_get_n_functions (profile);

  li->first = g_new (guint32, n_locations);
  li->count = g_new (guint32, n_locations);
  li->ids = g_array_new (FALSE, FALSE, sizeof (guint32));
  by_function = g_new (guint32, n_functions);
  for (guint f = 0; f < n_functions; f++)
    by_function[f] = intern_function (self, smolder_profile_get_string (profile, smolder_profile_get_function (profile, f)->name));

  for (guint i = 0; i < n_locations; i++)
    {
      const SmolderLocation *loc = smolder_profile_get_location (profile, i);

      li->first[i] = li->ids->len;
      for (guint j = 0; j < loc->n_lines; j++)
        {
          const SmolderLine *line = smolder_profile_get_line (profile, loc->first_line + j);

          if (line->function != SMOLDER_NO_ID && line->function < n_functions)
            g_array_append_val (li->ids, by_function[line->function]);
        }
      if (li->ids->len == li->first[i])
        {
          /* No name: the address stands for it, as pprof prints it. */
          g_autofree char *hex = g_strdup_printf ("0x%" G_GINT64_MODIFIER "x", loc->address);
          guint32 id = intern_function (self, hex);

          g_array_append_val (li->ids, id);
        }
      li->count[i] = li->ids->len - li->first[i];
    }
}

static void
location_ids_clear (LocationIds *li)
{
  g_free (li->first);
  g_free (li->count);
  g_array_unref (li->ids);
}

/* The function stack of sample @index as [depth, ids…] in @key. */
static void
sample_key (SmolderProfile *profile,
            LocationIds    *li,
            guint           index,
            GArray         *key)
{
  guint n_locs, n_locations = smolder_profile_get_n_locations (profile);
  const guint32 *locs = smolder_profile_get_sample_locations (profile, index, &n_locs);
  guint32 depth = 0;

  g_array_set_size (key, 1);
  for (guint i = 0; i < n_locs; i++)
    if (locs[i] < n_locations)
      g_array_append_vals (key, &g_array_index (li->ids, guint32, li->first[locs[i]]), li->count[locs[i]]);
  depth = key->len - 1;
  g_array_index (key, guint32, 0) = depth;
}

static gboolean
check_kind (SmolderTrends   *self,
            SmolderProfile  *profile,
            const char      *name,
            GError         **error)
{
  SmolderProfileKind kind = smolder_profile_get_kind (profile);

  g_return_val_if_fail (!self->finished, FALSE);
  if (self->kind == SMOLDER_PROFILE_KIND_UNKNOWN)
    self->kind = kind;
  else if (kind != self->kind)
    {
      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_MISMATCH,
                   "%s is a %s profile, the other snapshots are %s", name,
                   smolder_profile_kind_to_string (kind), smolder_profile_kind_to_string (self->kind));
      return FALSE;
    }
  return TRUE;
}

gboolean
smolder_trends_add (SmolderTrends   *self,
                    SmolderProfile  *profile,
                    const char      *name,
                    GError         **error)
{
  guint indices[2] = { 0, 0 };
  guint column = self->snapshots->len;
  guint n_samples;
  LocationIds li;
  g_autoptr(GArray) key = g_array_new (FALSE, FALSE, sizeof (guint32));
  Snapshot snap = { 0, };
  gint64 total = 0;

  g_return_val_if_fail (SMOLDER_IS_TRENDS (self), FALSE);
  g_return_val_if_fail (SMOLDER_IS_PROFILE (profile), FALSE);

  if (name == NULL)
    name = "snapshot";
  if (!check_kind (self, profile, name, error) ||
      !resolve_types (self, profile, name, indices, error))
    return FALSE;

  ensure_column (self, column);
  location_ids_init (&li, self, profile);
  n_samples = smolder_profile_get_n_samples (profile);
  for (guint i = 0; i < n_samples; i++)
    {
      const gint64 *values = smolder_profile_get_sample_values (profile, i);
      gpointer found;
      Stack *stack;
      guint32 depth;

      sample_key (profile, &li, i, key);
      found = g_hash_table_lookup (self->stack_index, key->data);
      if (found != NULL)
        stack = g_ptr_array_index (self->stacks, GPOINTER_TO_UINT (found) - 1);
      else
        {
          stack = g_new0 (Stack, 1);
          stack->ids = g_memdup2 (key->data, key->len * sizeof (guint32));
          stack->values = g_new0 (gint64, (gsize) self->cap * self->n_types);
          g_ptr_array_add (self->stacks, stack);
          g_hash_table_insert (self->stack_index, stack->ids, GUINT_TO_POINTER (self->stacks->len));
        }
      for (guint t = 0; t < self->n_types; t++)
        stack->values[column * self->n_types + t] += values[indices[t]];
      total += values[indices[0]];

      /* Flat at the leaf, cum once per function per sample. */
      depth = stack->ids[0];
      self->stamp++;
      for (guint d = 0; d < depth; d++)
        {
          Function *f = &g_array_index (self->functions, Function, stack->ids[1 + d]);

          for (guint t = 0; t < self->n_types; t++)
            {
              if (d == 0)
                f->flat[column * self->n_types + t] += values[indices[t]];
              if (f->stamp != self->stamp)
                f->cum[column * self->n_types + t] += values[indices[t]];
            }
          f->stamp = self->stamp;
        }
    }
  location_ids_clear (&li);

  snap.name = g_strdup (name);
  snap.sort_key = g_utf8_collate_key_for_filename (name, -1);
  snap.time_nanos = smolder_profile_get_time_nanos (profile);
  g_array_append_val (self->snapshots, snap);
  g_array_append_val (self->totals, total);
  return TRUE;
}

gboolean
smolder_trends_add_states (SmolderTrends   *self,
                           SmolderProfile  *dump,
                           const char      *name,
                           GError         **error)
{
  guint n_goroutines = smolder_profile_get_n_goroutines (dump);
  guint n_samples = smolder_profile_get_n_samples (dump);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) key = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  LocationIds li;
  SmolderTrendDump *d;

  g_return_val_if_fail (SMOLDER_IS_TRENDS (self), FALSE);
  if (name == NULL)
    name = "dump";
  if (smolder_profile_get_kind (dump) != SMOLDER_PROFILE_KIND_GOROUTINE || n_goroutines == 0)
    {
      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_MISMATCH,
                   "%s is not a goroutine dump (?debug=2)", name);
      return FALSE;
    }

  location_ids_init (&li, self, dump);
  for (guint i = 0; i < n_samples; i++)
    {
      sample_key (dump, &li, i, key);
      g_ptr_array_set_size (names, 0);
      for (guint j = 0; j < g_array_index (key, guint32, 0); j++)
        g_ptr_array_add (names, g_ptr_array_index (self->function_names, g_array_index (key, guint32, 1 + j)));
      g_ptr_array_add (keys, smolder_trend_user_stack_key ((const char * const *) names->pdata, names->len));
    }
  location_ids_clear (&li);

  d = smolder_trend_dump_new (name);
  for (guint i = 0; i < n_goroutines; i++)
    {
      const SmolderGoroutine *g = smolder_profile_get_goroutine (dump, i);

      if (g->sample < keys->len)
        smolder_trend_dump_add (d, keys->pdata[g->sample], smolder_profile_get_string (dump, g->state),
                                g->wait_minutes);
    }
  g_ptr_array_add (self->dumps, d);
  return TRUE;
}

void
smolder_trends_take_states (SmolderTrends *self,
                            SmolderTrends *from)
{
  g_return_if_fail (SMOLDER_IS_TRENDS (self) && SMOLDER_IS_TRENDS (from));
  g_return_if_fail (!self->finished);
  if (self == from)
    return;
  while (from->dumps->len > 0)
    g_ptr_array_add (self->dumps, g_ptr_array_steal_index (from->dumps, 0));
}

/* ---- finishing -------------------------------------------------------- */

static int
compare_snapshots (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  SmolderTrends *self = user_data;
  const Snapshot *x = &g_array_index (self->snapshots, Snapshot, *(const guint *) a);
  const Snapshot *y = &g_array_index (self->snapshots, Snapshot, *(const guint *) b);

  if (self->timed && x->time_nanos != y->time_nanos)
    return x->time_nanos < y->time_nanos ? -1 : 1;
  return strcmp (x->sort_key, y->sort_key);
}

/* Steady growers first; among each, slope × steadiness, then slope. */
static int
compare_suspects (gconstpointer a,
                  gconstpointer b)
{
  const SmolderSuspect *x = a, *y = b;
  double sx = x->fit.slope * x->fit.steadiness, sy = y->fit.slope * y->fit.steadiness;

  if (x->steady != y->steady)
    return x->steady ? -1 : 1;
  if (sx != sy)
    return sx > sy ? -1 : 1;
  if (x->fit.slope != y->fit.slope)
    return x->fit.slope > y->fit.slope ? -1 : 1;
  return x->series < y->series ? -1 : x->series > y->series;
}

static void
fill_states (SmolderTrends *self,
             Stack         *stack)
{
  g_autofree const char **names = g_new (const char *, stack->ids[0] + 1);
  g_autofree char *key = NULL;

  for (guint d = 0; d < stack->ids[0]; d++)
    names[d] = g_ptr_array_index (self->function_names, stack->ids[1 + d]);
  key = smolder_trend_user_stack_key (names, stack->ids[0]);
  stack->has_states = smolder_trend_dumps_lookup (self->dumps, key, &stack->states);
}

/* Growth that matters: at least 0.1% of the median snapshot total (the
 * median, so that large buffers present in a few snapshots do not raise the
 * bar) and one unit, seen rising in at least two intervals. */
static gboolean
matters (const SmolderTrendFit *fit,
         gint64                 median_total,
         guint                  n)
{
  gint64 growth = fit->last - fit->first;

  return growth >= MAX ((gint64) 1, median_total / 1000) && fit->rose * (n - 1) >= 1.5;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static const SmolderLeakPattern *
match_stack (SmolderTrends      *self,
             guint               index,
             const char * const *ticker_creators)
{
  Stack *stack = g_ptr_array_index (self->stacks, index);
  g_autofree const char **names = g_new (const char *, stack->ids[0] + 1);
  SmolderLeakContext ctx = { stack->has_states ? stack->states.state : NULL, ticker_creators };

  for (guint d = 0; d < stack->ids[0]; d++)
    names[d] = g_ptr_array_index (self->function_names, stack->ids[1 + d]);
  return smolder_leak_pattern_match (self->kind, names, stack->ids[0], &ctx);
}

/* Patterns of the steady growers. Twice when a stack here creates tickers
 * that leak: closures of its function (goroutines ranging over the ticker,
 * their captured state) then match unstopped-ticker too. */
static void
match_patterns (SmolderTrends      *self,
                GArray             *suspects,
                const char * const *ticker_creators)
{
  g_autoptr(GPtrArray) creators = g_ptr_array_new ();
  const SmolderLeakPattern *ticker = smolder_leak_pattern_lookup ("unstopped-ticker");

  for (guint i = 0; ticker_creators != NULL && ticker_creators[i] != NULL; i++)
    g_ptr_array_add (creators, (gpointer) ticker_creators[i]);
  for (guint i = 0; i < suspects->len; i++)
    {
      SmolderSuspect *sus = &g_array_index (suspects, SmolderSuspect, i);

      if (!sus->steady)
        continue;
      sus->pattern = match_stack (self, sus->series, ticker_creators);
      if (sus->pattern == ticker)
        {
          Stack *stack = g_ptr_array_index (self->stacks, sus->series);
          g_autofree const char **names = g_new (const char *, stack->ids[0] + 1);
          const char *creator;

          for (guint d = 0; d < stack->ids[0]; d++)
            names[d] = g_ptr_array_index (self->function_names, stack->ids[1 + d]);
          creator = smolder_leak_pattern_ticker_creator (names, stack->ids[0]);
          if (creator != NULL)
            g_ptr_array_add (creators, (gpointer) creator);
        }
    }
  if (creators->len == 0 || (ticker_creators != NULL && creators->len == g_strv_length ((char **) ticker_creators)))
    return;
  g_ptr_array_add (creators, NULL);
  for (guint i = 0; i < suspects->len; i++)
    {
      SmolderSuspect *sus = &g_array_index (suspects, SmolderSuspect, i);

      if (sus->steady && sus->pattern != ticker)
        sus->pattern = match_stack (self, sus->series, (const char * const *) creators->pdata);
    }
}

static void
rank (SmolderTrends       *self,
      gboolean             functions,
      const char * const  *ticker_creators)
{
  guint n = self->snapshots->len;
  guint count = functions ? self->functions->len : self->stacks->len;
  g_autofree gint64 *series = g_new (gint64, n);
  GArray *out = functions ? self->function_suspects : self->suspects;
  g_autofree gint64 *totals = g_memdup2 (self->totals->data, n * sizeof (gint64));
  gint64 median_total;

  qsort (totals, n, sizeof (gint64), compare_gint64);
  median_total = totals[n / 2];

  for (guint i = 0; i < count; i++)
    {
      SmolderSuspect sus = { 0, };

      for (guint s = 0; s < n; s++)
        series[s] = functions ? smolder_trends_get_function_value (self, i, TRUE, 0, s)
                              : smolder_trends_get_stack_value (self, i, 0, s);
      smolder_trend_fit (self->minutes, series, n, &sus.fit);
      if (sus.fit.last <= sus.fit.first && sus.fit.slope <= 0)
        continue;
      sus.series = i;
      sus.steady = sus.fit.steadiness >= SMOLDER_TRENDS_STEADY && matters (&sus.fit, median_total, n);
      sus.pattern = smolder_leak_pattern_none ();
      g_array_append_val (out, sus);
    }
  if (!functions)
    match_patterns (self, out, ticker_creators);
  else
    for (guint i = 0; i < out->len; i++)
      {
        SmolderSuspect *sus = &g_array_index (out, SmolderSuspect, i);
        const char *name = g_ptr_array_index (self->function_names, sus->series);

        /* A function alone: what grows under it. */
        if (sus->steady)
          sus->pattern = smolder_leak_pattern_match (self->kind, &name, 1, NULL);
      }
  g_array_sort (out, compare_suspects);
}

gboolean
smolder_trends_finish (SmolderTrends        *self,
                       const char * const   *ticker_creators,
                       GError              **error)
{
  guint n;

  g_return_val_if_fail (SMOLDER_IS_TRENDS (self), FALSE);
  g_return_val_if_fail (!self->finished, FALSE);

  n = self->snapshots->len;
  if (n < 3)
    {
      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_MISMATCH,
                   "leak suspects need at least 3 snapshots of one kind, got %u", n);
      return FALSE;
    }

  self->timed = TRUE;
  for (guint i = 0; i < n; i++)
    if (g_array_index (self->snapshots, Snapshot, i).time_nanos == 0)
      self->timed = FALSE;

  self->order = g_new (guint, n);
  self->minutes = g_new (double, n);
  for (guint i = 0; i < n; i++)
    self->order[i] = i;
  g_qsort_with_data (self->order, n, sizeof (guint), compare_snapshots, self);
  for (guint i = 0; i < n; i++)
    {
      const Snapshot *s = &g_array_index (self->snapshots, Snapshot, self->order[i]);
      const Snapshot *s0 = &g_array_index (self->snapshots, Snapshot, self->order[0]);

      self->minutes[i] = self->timed ? (double) (s->time_nanos - s0->time_nanos) / 60e9 : (double) i;
    }

  smolder_trend_dumps_sort (self->dumps);
  if (self->dumps->len > 0)
    for (guint i = 0; i < self->stacks->len; i++)
      fill_states (self, g_ptr_array_index (self->stacks, i));

  self->finished = TRUE;
  rank (self, FALSE, ticker_creators);
  rank (self, TRUE, NULL);
  return TRUE;
}

/* ---- getters ---------------------------------------------------------- */

SmolderProfileKind
smolder_trends_get_kind (SmolderTrends *self)
{
  g_return_val_if_fail (SMOLDER_IS_TRENDS (self), SMOLDER_PROFILE_KIND_UNKNOWN);
  return self->kind;
}

guint
smolder_trends_get_n_snapshots (SmolderTrends *self)
{
  g_return_val_if_fail (SMOLDER_IS_TRENDS (self), 0);
  return self->snapshots->len;
}

gboolean
smolder_trends_has_times (SmolderTrends *self)
{
  g_return_val_if_fail (SMOLDER_IS_TRENDS (self), FALSE);
  return self->timed;
}

double
smolder_trends_get_minutes (SmolderTrends *self,
                            guint          snapshot)
{
  g_return_val_if_fail (SMOLDER_IS_TRENDS (self) && self->finished, 0.0);
  g_return_val_if_fail (snapshot < self->snapshots->len, 0.0);
  return self->minutes[snapshot];
}

const char *
smolder_trends_get_name (SmolderTrends *self,
                         guint          snapshot)
{
  g_return_val_if_fail (SMOLDER_IS_TRENDS (self) && self->finished, NULL);
  g_return_val_if_fail (snapshot < self->snapshots->len, NULL);
  return g_array_index (self->snapshots, Snapshot, self->order[snapshot]).name;
}

guint
smolder_trends_get_n_types (SmolderTrends *self)
{
  g_return_val_if_fail (SMOLDER_IS_TRENDS (self), 0);
  return self->n_types;
}

const char *
smolder_trends_get_type_name (SmolderTrends *self,
                              guint          type)
{
  g_return_val_if_fail (SMOLDER_IS_TRENDS (self) && type < self->n_types, NULL);
  return self->type_names[type];
}

const char *
smolder_trends_get_unit (SmolderTrends *self,
                         guint          type)
{
  g_return_val_if_fail (SMOLDER_IS_TRENDS (self) && type < self->n_types, NULL);
  return self->units[type];
}

guint
smolder_trends_get_n_stacks (SmolderTrends *self)
{
  g_return_val_if_fail (SMOLDER_IS_TRENDS (self), 0);
  return self->stacks->len;
}

guint
smolder_trends_get_stack_depth (SmolderTrends *self,
                                guint          stack)
{
  g_return_val_if_fail (SMOLDER_IS_TRENDS (self) && stack < self->stacks->len, 0);
  return ((Stack *) g_ptr_array_index (self->stacks, stack))->ids[0];
}

const char *
smolder_trends_get_stack_frame (SmolderTrends *self,
                                guint          stack,
                                guint          depth)
{
  Stack *s;

  g_return_val_if_fail (SMOLDER_IS_TRENDS (self) && stack < self->stacks->len, NULL);
  s = g_ptr_array_index (self->stacks, stack);
  g_return_val_if_fail (depth < s->ids[0], NULL);
  return g_ptr_array_index (self->function_names, s->ids[1 + depth]);
}

char *
smolder_trends_dup_stack_string (SmolderTrends *self,
                                 guint          stack)
{
  GString *s = g_string_new (NULL);
  guint depth = smolder_trends_get_stack_depth (self, stack);

  for (guint d = 0; d < depth; d++)
    {
      if (d > 0)
        g_string_append_c (s, ';');
      g_string_append (s, smolder_trends_get_stack_frame (self, stack, d));
    }
  return g_string_free (s, FALSE);
}

gint64
smolder_trends_get_stack_value (SmolderTrends *self,
                                guint          stack,
                                guint          type,
                                guint          snapshot)
{
  Stack *s;

  g_return_val_if_fail (SMOLDER_IS_TRENDS (self) && self->finished, 0);
  g_return_val_if_fail (stack < self->stacks->len && type < self->n_types && snapshot < self->snapshots->len, 0);
  s = g_ptr_array_index (self->stacks, stack);
  return s->values[self->order[snapshot] * self->n_types + type];
}

const SmolderTrendStates *
smolder_trends_get_stack_states (SmolderTrends *self,
                                 guint          stack)
{
  Stack *s;

  g_return_val_if_fail (SMOLDER_IS_TRENDS (self) && stack < self->stacks->len, NULL);
  s = g_ptr_array_index (self->stacks, stack);
  return s->has_states ? &s->states : NULL;
}

guint
smolder_trends_get_n_functions (SmolderTrends *self)
{
  g_return_val_if_fail (SMOLDER_IS_TRENDS (self), 0);
  return self->functions->len;
}

const char *
smolder_trends_get_function_name (SmolderTrends *self,
                                  guint          function)
{
  g_return_val_if_fail (SMOLDER_IS_TRENDS (self) && function < self->functions->len, NULL);
  return g_ptr_array_index (self->function_names, function);
}

gint64
smolder_trends_get_function_value (SmolderTrends *self,
                                   guint          function,
                                   gboolean       cum,
                                   guint          type,
                                   guint          snapshot)
{
  const Function *f;

  g_return_val_if_fail (SMOLDER_IS_TRENDS (self) && self->finished, 0);
  g_return_val_if_fail (function < self->functions->len && type < self->n_types && snapshot < self->snapshots->len, 0);
  f = &g_array_index (self->functions, Function, function);
  return (cum ? f->cum : f->flat)[self->order[snapshot] * self->n_types + type];
}

guint
smolder_trends_get_n_suspects (SmolderTrends *self)
{
  g_return_val_if_fail (SMOLDER_IS_TRENDS (self), 0);
  return self->suspects->len;
}

const SmolderSuspect *
smolder_trends_get_suspect (SmolderTrends *self,
                            guint          rank)
{
  g_return_val_if_fail (SMOLDER_IS_TRENDS (self) && rank < self->suspects->len, NULL);
  return &g_array_index (self->suspects, SmolderSuspect, rank);
}

guint
smolder_trends_get_n_function_suspects (SmolderTrends *self)
{
  g_return_val_if_fail (SMOLDER_IS_TRENDS (self), 0);
  return self->function_suspects->len;
}

const SmolderSuspect *
smolder_trends_get_function_suspect (SmolderTrends *self,
                                     guint          rank)
{
  g_return_val_if_fail (SMOLDER_IS_TRENDS (self) && rank < self->function_suspects->len, NULL);
  return &g_array_index (self->function_suspects, SmolderSuspect, rank);
}
