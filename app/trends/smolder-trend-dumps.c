/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-trend-dumps.c: per stack, how many goroutines of a ?debug=2 dump
 * sit in which state and for how long. */
#include "smolder-trend-dumps.h"

#include <string.h>

struct _SmolderTrendDump {
  char       *name;
  char       *sort_key;
  GHashTable *entries;  /* user stack key -> Entry */
};

typedef struct {
  gint64      count;
  gint64      max_wait;
  GHashTable *states;   /* state -> count */
} Entry;

static void
entry_free (gpointer data)
{
  Entry *e = data;

  g_hash_table_unref (e->states);
  g_free (e);
}

SmolderTrendDump *
smolder_trend_dump_new (const char *name)
{
  SmolderTrendDump *d = g_new0 (SmolderTrendDump, 1);

  d->name = g_strdup (name);
  d->sort_key = g_utf8_collate_key_for_filename (name, -1);
  d->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
  return d;
}

void
smolder_trend_dump_free (gpointer dump)
{
  SmolderTrendDump *d = dump;

  g_free (d->name);
  g_free (d->sort_key);
  g_hash_table_unref (d->entries);
  g_free (d);
}

void
smolder_trend_dump_add (SmolderTrendDump *dump,
                        const char       *user_key,
                        const char       *state,
                        gint64            wait_minutes)
{
  Entry *e = g_hash_table_lookup (dump->entries, user_key);

  if (e == NULL)
    {
      e = g_new0 (Entry, 1);
      e->max_wait = -1;
      e->states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (dump->entries, g_strdup (user_key), e);
    }
  e->count++;
  e->max_wait = MAX (e->max_wait, wait_minutes);
  g_hash_table_insert (e->states, g_strdup (state),
                       GSIZE_TO_POINTER (GPOINTER_TO_SIZE (g_hash_table_lookup (e->states, state)) + 1));
}

char *
smolder_trend_user_stack_key (const char * const *names,
                              guint               n)
{
  GString *s = g_string_new (NULL);
  guint i = 0;

  while (i < n && g_str_has_prefix (names[i], "runtime."))
    i++;
  for (; i < n; i++)
    {
      if (s->len > 0)
        g_string_append_c (s, ';');
      g_string_append (s, names[i]);
    }
  return g_string_free (s, FALSE);
}

static int
compare_dumps (gconstpointer a,
               gconstpointer b)
{
  const SmolderTrendDump *x = *(SmolderTrendDump * const *) a;
  const SmolderTrendDump *y = *(SmolderTrendDump * const *) b;

  return strcmp (x->sort_key, y->sort_key);
}

void
smolder_trend_dumps_sort (GPtrArray *dumps)
{
  g_ptr_array_sort (dumps, compare_dumps);
}

gboolean
smolder_trend_dumps_lookup (GPtrArray          *dumps,
                            const char         *user_key,
                            SmolderTrendStates *out)
{
  Entry *first = NULL, *last = NULL;
  GHashTableIter iter;
  gpointer k, v;
  gsize best = 0;

  memset (out, 0, sizeof *out);
  for (guint i = 0; i < dumps->len; i++)
    {
      SmolderTrendDump *d = g_ptr_array_index (dumps, i);
      Entry *e = g_hash_table_lookup (d->entries, user_key);

      if (e == NULL)
        continue;
      if (first == NULL)
        first = e;
      last = e;
      out->n_dumps++;
    }
  if (last == NULL)
    return FALSE;

  /* The most common state; a tie goes to the first name. */
  g_hash_table_iter_init (&iter, last->states);
  while (g_hash_table_iter_next (&iter, &k, &v))
    if (GPOINTER_TO_SIZE (v) > best ||
        (GPOINTER_TO_SIZE (v) == best && g_strcmp0 (k, out->state) < 0))
      {
        best = GPOINTER_TO_SIZE (v);
        out->state = k;
      }
  out->count_last = last->count;
  out->wait_first = first->max_wait;
  out->wait_last = last->max_wait;
  return TRUE;
}
