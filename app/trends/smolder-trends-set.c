/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-trends-set.c: snapshots grouped by kind and format, ranked kind by
 * kind (see the header). */
#include <string.h>

#include "smolder-load.h"
#include "smolder-trends-set.h"

/* All snapshots of one kind. */
typedef struct {
  SmolderProfileKind  kind;
  GHashTable         *groups;   /* SmolderProfileFormat -> SmolderTrends */
  SmolderTrends      *states;   /* collects ?debug=2 dumps only */
  guint               n_dumps;
} KindGroup;

struct _SmolderTrendsSet
{
  GObject                 parent_instance;
  char                   *kind;
  char                   *sample_index;
  GHashTable             *kinds;   /* SmolderProfileKind -> KindGroup */
  SmolderTrends          *heap;    /* the heap ranking, once finished */
  SmolderTrendsSetNotify  notify;
  gpointer                notify_data;
};

G_DEFINE_FINAL_TYPE (SmolderTrendsSet, smolder_trends_set, G_TYPE_OBJECT)

static void
kind_group_free (gpointer data)
{
  KindGroup *k = data;

  g_hash_table_unref (k->groups);
  g_clear_object (&k->states);
  g_free (k);
}

static void
smolder_trends_set_finalize (GObject *object)
{
  SmolderTrendsSet *self = SMOLDER_TRENDS_SET (object);

  g_free (self->kind);
  g_free (self->sample_index);
  g_hash_table_unref (self->kinds);
  G_OBJECT_CLASS (smolder_trends_set_parent_class)->finalize (object);
}

static void
smolder_trends_set_class_init (SmolderTrendsSetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = smolder_trends_set_finalize;
}

static void
smolder_trends_set_init (SmolderTrendsSet *self)
{
  self->kinds = g_hash_table_new_full (NULL, NULL, NULL, kind_group_free);
}

SmolderTrendsSet *
smolder_trends_set_new (const char *kind,
                        const char *sample_index)
{
  SmolderTrendsSet *self = g_object_new (SMOLDER_TYPE_TRENDS_SET, NULL);

  self->kind = g_strdup (kind);
  self->sample_index = g_strdup (sample_index);
  return self;
}

void
smolder_trends_set_set_notify (SmolderTrendsSet       *self,
                               SmolderTrendsSetNotify  notify,
                               gpointer                user_data)
{
  g_return_if_fail (SMOLDER_IS_TRENDS_SET (self));

  self->notify = notify;
  self->notify_data = user_data;
}

static void
note (SmolderTrendsSet *self,
      const char       *path,
      const char       *message,
      gboolean          warning)
{
  if (self->notify != NULL)
    self->notify (path, message, warning, self->notify_data);
}

static KindGroup *
kind_group_get (SmolderTrendsSet   *self,
                SmolderProfileKind  kind)
{
  KindGroup *k = g_hash_table_lookup (self->kinds, GINT_TO_POINTER (kind));

  if (k == NULL)
    {
      k = g_new0 (KindGroup, 1);
      k->kind = kind;
      k->groups = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
      k->states = smolder_trends_new (self->sample_index);
      g_hash_table_insert (self->kinds, GINT_TO_POINTER (kind), k);
    }
  return k;
}

gboolean
smolder_trends_set_add_profile (SmolderTrendsSet  *self,
                                SmolderProfile    *profile,
                                const char        *name,
                                GError           **error)
{
  SmolderProfileKind kind;
  SmolderProfileFormat format;
  KindGroup *k;
  SmolderTrends *trends;

  g_return_val_if_fail (SMOLDER_IS_TRENDS_SET (self), FALSE);
  g_return_val_if_fail (SMOLDER_IS_PROFILE (profile), FALSE);

  kind = smolder_profile_get_kind (profile);
  format = smolder_profile_get_format (profile);
  if (self->kind != NULL && !g_str_equal (self->kind, smolder_profile_kind_to_string (kind)))
    return TRUE;
  /* CPU, mutex, block and threadcreate profiles are not about what is
   * retained: only when asked for by kind. */
  if (self->kind == NULL && kind != SMOLDER_PROFILE_KIND_HEAP && kind != SMOLDER_PROFILE_KIND_ALLOCS &&
      kind != SMOLDER_PROFILE_KIND_GOROUTINE)
    {
      g_autofree char *message = g_strdup_printf ("a %s profile, passed over (--kind=%s ranks them)",
                                                  smolder_profile_kind_to_string (kind),
                                                  smolder_profile_kind_to_string (kind));

      note (self, name, message, FALSE);
      return TRUE;
    }
  k = kind_group_get (self, kind);
  trends = g_hash_table_lookup (k->groups, GINT_TO_POINTER (format));
  if (trends == NULL)
    {
      trends = smolder_trends_new (self->sample_index);
      g_hash_table_insert (k->groups, GINT_TO_POINTER (format), trends);
    }
  if (!smolder_trends_add (trends, profile, name, error))
    return FALSE;
  if (format == SMOLDER_PROFILE_FORMAT_GOROUTINE_DUMP && smolder_profile_get_n_goroutines (profile) > 0)
    {
      k->n_dumps++;
      return smolder_trends_add_states (k->states, profile, name, error);
    }
  return TRUE;
}

static SmolderProfile *
load (const char    *path,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return smolder_profile_new_from_file (file, NULL, cancellable, error);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

GPtrArray *
smolder_trends_set_list_folder (const char  *dir,
                                GError     **error)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, error);
  GPtrArray *names;
  const char *entry;

  if (d == NULL)
    return NULL;
  names = g_ptr_array_new_with_free_func (g_free);
  while ((entry = g_dir_read_name (d)) != NULL)
    {
      char *path = g_build_filename (dir, entry, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (names, path);
      else
        g_free (path);
    }
  g_ptr_array_sort (names, compare_paths);
  return names;
}

static gboolean
add_folder (SmolderTrendsSet  *self,
            const char        *dir,
            SmolderProgress   *progress,
            GCancellable      *cancellable,
            char             **failed_path,
            GError           **error)
{
  g_autoptr(GPtrArray) names = smolder_trends_set_list_folder (dir, error);

  if (names == NULL)
    {
      if (failed_path != NULL)
        *failed_path = g_strdup (dir);
      return FALSE;
    }
  for (guint i = 0; i < names->len; i++)
    {
      const char *path = names->pdata[i];
      g_autoptr(SmolderProfile) profile = NULL;
      g_autoptr(GError) local = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      profile = load (path, cancellable, &local);
      if (progress != NULL)
        smolder_progress_set (progress, (double) (i + 1) / names->len);
      if (profile == NULL)
        {
          g_autofree char *message = NULL;

          if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return FALSE;
            }
          if (g_error_matches (local, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_UNRECOGNIZED))
            continue;
          message = g_strdup_printf ("%s (skipped)", local->message);
          note (self, path, message, TRUE);
          continue;
        }
      if (!smolder_trends_set_add_profile (self, profile, path, error))
        {
          if (failed_path != NULL)
            *failed_path = g_strdup (path);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
smolder_trends_set_add_path (SmolderTrendsSet  *self,
                             const char        *path,
                             SmolderProgress   *progress,
                             GCancellable      *cancellable,
                             char             **failed_path,
                             GError           **error)
{
  g_autoptr(SmolderProfile) profile = NULL;

  g_return_val_if_fail (SMOLDER_IS_TRENDS_SET (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return add_folder (self, path, progress, cancellable, failed_path, error);
  if (!(profile = load (path, cancellable, error)) || !smolder_trends_set_add_profile (self, profile, path, error))
    {
      if (failed_path != NULL)
        *failed_path = g_strdup (path);
      return FALSE;
    }
  return TRUE;
}

/* Heap first (its tickers inform goroutines), then goroutine, then the rest. */
static int
kind_order (SmolderProfileKind kind)
{
  return kind == SMOLDER_PROFILE_KIND_HEAP ? 0 : kind == SMOLDER_PROFILE_KIND_GOROUTINE ? 1 : 2 + kind;
}

static int
compare_kinds (gconstpointer a,
               gconstpointer b)
{
  return kind_order (*(const SmolderProfileKind *) a) - kind_order (*(const SmolderProfileKind *) b);
}

GArray *
smolder_trends_set_dup_kinds (SmolderTrendsSet *self)
{
  GArray *kinds = g_array_new (FALSE, FALSE, sizeof (SmolderProfileKind));
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (SMOLDER_IS_TRENDS_SET (self), kinds);

  g_hash_table_iter_init (&iter, self->kinds);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      SmolderProfileKind kind = GPOINTER_TO_INT (key);

      g_array_append_val (kinds, kind);
    }
  g_array_sort (kinds, compare_kinds);
  return kinds;
}

/* The group a kind is ranked on: the most snapshots, a tie to the proto. */
static SmolderTrends *
pick_group (KindGroup *k)
{
  GHashTableIter iter;
  gpointer key, value;
  SmolderTrends *best = NULL;
  gint best_format = -1;

  g_hash_table_iter_init (&iter, k->groups);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint n = smolder_trends_get_n_snapshots (value);
      guint nb = best ? smolder_trends_get_n_snapshots (best) : 0;

      if (best == NULL || n > nb ||
          (n == nb && GPOINTER_TO_INT (key) == SMOLDER_PROFILE_FORMAT_PROTO) ||
          (n == nb && best_format != SMOLDER_PROFILE_FORMAT_PROTO && GPOINTER_TO_INT (key) < best_format))
        {
          best = value;
          best_format = GPOINTER_TO_INT (key);
        }
    }
  return best;
}

guint
smolder_trends_set_get_n_snapshots (SmolderTrendsSet   *self,
                                    SmolderProfileKind  kind)
{
  KindGroup *k;
  SmolderTrends *trends;

  g_return_val_if_fail (SMOLDER_IS_TRENDS_SET (self), 0);

  k = g_hash_table_lookup (self->kinds, GINT_TO_POINTER (kind));
  trends = k != NULL ? pick_group (k) : NULL;
  return trends != NULL ? smolder_trends_get_n_snapshots (trends) : 0;
}

/* Functions that create tickers in the heap's steady suspects. */
static GPtrArray *
ticker_creators (SmolderTrends *heap)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint r = 0; heap != NULL && r < smolder_trends_get_n_suspects (heap); r++)
    {
      const SmolderSuspect *s = smolder_trends_get_suspect (heap, r);
      guint depth = smolder_trends_get_stack_depth (heap, s->series);
      g_autofree const char **frames = g_new (const char *, depth + 1);
      const char *creator;

      if (!s->steady || !g_str_equal (s->pattern->id, "unstopped-ticker"))
        continue;
      for (guint d = 0; d < depth; d++)
        frames[d] = smolder_trends_get_stack_frame (heap, s->series, d);
      creator = smolder_leak_pattern_ticker_creator (frames, depth);
      if (creator != NULL)
        g_ptr_array_add (out, g_strdup (creator));
    }
  g_ptr_array_add (out, NULL);
  return out;
}

SmolderTrends *
smolder_trends_set_finish_kind (SmolderTrendsSet   *self,
                                SmolderProfileKind  kind,
                                GError            **error)
{
  g_autoptr(GPtrArray) creators = NULL;
  KindGroup *k;
  SmolderTrends *trends;

  g_return_val_if_fail (SMOLDER_IS_TRENDS_SET (self), NULL);

  k = g_hash_table_lookup (self->kinds, GINT_TO_POINTER (kind));
  trends = k != NULL ? pick_group (k) : NULL;
  if (trends == NULL || smolder_trends_get_n_snapshots (trends) < 3)
    {
      guint n = trends != NULL ? smolder_trends_get_n_snapshots (trends) : 0;

      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_MISMATCH,
                   "leak suspects need at least 3 snapshots of one kind, got %u %s profile%s", n,
                   smolder_profile_kind_to_string (kind), n == 1 ? "" : "s");
      return NULL;
    }
  if (k->n_dumps > 0)
    smolder_trends_take_states (trends, k->states);
  if (kind == SMOLDER_PROFILE_KIND_GOROUTINE)
    creators = ticker_creators (self->heap);
  if (!smolder_trends_finish (trends, creators ? (const char * const *) creators->pdata : NULL, error))
    return NULL;
  if (kind == SMOLDER_PROFILE_KIND_HEAP)
    self->heap = trends;
  return trends;
}
