/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-filter-stack.c: a profile view's filters and their undo
 * history, applied to a query one regex per mode as pprof takes them.
 * Its messages are the engine's: plain, like the query's own. */

#include "smolder-filter-stack.h"

#define MAX_UNDO 50

typedef struct {
  SmolderFilterMode mode;
  char *regex;
  char *identity;  /* the frame's function or file; NULL if typed */
} Filter;

struct _SmolderFilterStack
{
  GObject parent_instance;

  GPtrArray *filters;  /* Filter, in the order added */
  GPtrArray *undo;     /* GPtrArray of Filter: earlier lists, newest last */
  GPtrArray *redo;     /* lists undone since the last change, newest last */
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SmolderFilterStack, smolder_filter_stack, G_TYPE_OBJECT)

static void
filter_free (Filter *filter)
{
  g_free (filter->regex);
  g_free (filter->identity);
  g_free (filter);
}

static Filter *
filter_new (SmolderFilterMode  mode,
            const char        *regex,
            const char        *identity)
{
  Filter *filter = g_new0 (Filter, 1);

  filter->mode = mode;
  filter->regex = g_strdup (regex);
  filter->identity = g_strdup (identity);
  return filter;
}

static GPtrArray *
filters_copy (GPtrArray *filters)
{
  GPtrArray *copy = g_ptr_array_new_full (filters->len, (GDestroyNotify) filter_free);

  for (guint i = 0; i < filters->len; i++)
    {
      Filter *filter = g_ptr_array_index (filters, i);

      g_ptr_array_add (copy, filter_new (filter->mode, filter->regex, filter->identity));
    }
  return copy;
}

/* Filters of one mode become one regex "(?:a)|(?:b)": pprof takes one per
 * mode, and a sample matching any of them is what several filters mean.
 * One filter is used as written, so that pprof's messages quote it. */
static gboolean
filters_apply (GPtrArray     *filters,
               SmolderQuery  *query,
               GError       **error)
{
  for (guint mode = SMOLDER_FILTER_FOCUS; mode < SMOLDER_FILTER_N_MODES; mode++)
    {
      g_autoptr(GString) regex = g_string_new (NULL);
      const char *only = NULL;
      guint n = 0;
      gboolean ok;

      for (guint i = 0; i < filters->len; i++)
        {
          Filter *filter = g_ptr_array_index (filters, i);

          if (filter->mode != mode)
            continue;
          if (n++ > 0)
            g_string_append_c (regex, '|');
          g_string_append_printf (regex, "(?:%s)", filter->regex);
          only = filter->regex;
        }
      if (n == 1)
        g_string_assign (regex, only);

      switch (mode)
        {
        case SMOLDER_FILTER_FOCUS:
          ok = smolder_query_set_focus (query, regex->str, error);
          break;
        case SMOLDER_FILTER_IGNORE:
          ok = smolder_query_set_ignore (query, regex->str, error);
          break;
        case SMOLDER_FILTER_HIDE:
          ok = smolder_query_set_hide (query, regex->str, error);
          break;
        case SMOLDER_FILTER_SHOW:
        default:
          ok = smolder_query_set_show (query, regex->str, error);
          break;
        }
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static void
smolder_filter_stack_push_undo (SmolderFilterStack *self)
{
  /* A new change: what was undone cannot be redone on top of it. */
  g_ptr_array_set_size (self->redo, 0);
  g_ptr_array_add (self->undo, filters_copy (self->filters));
  if (self->undo->len > MAX_UNDO)
    g_ptr_array_remove_index (self->undo, 0);
}

static void
smolder_filter_stack_finalize (GObject *object)
{
  SmolderFilterStack *self = SMOLDER_FILTER_STACK (object);

  g_clear_pointer (&self->filters, g_ptr_array_unref);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);

  G_OBJECT_CLASS (smolder_filter_stack_parent_class)->finalize (object);
}

static void
smolder_filter_stack_class_init (SmolderFilterStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = smolder_filter_stack_finalize;

  /* The list changed (added, removed, undone). */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
smolder_filter_stack_init (SmolderFilterStack *self)
{
  self->filters = g_ptr_array_new_with_free_func ((GDestroyNotify) filter_free);
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
}

SmolderFilterStack *
smolder_filter_stack_new (void)
{
  return g_object_new (SMOLDER_TYPE_FILTER_STACK, NULL);
}

gboolean
smolder_filter_stack_insert (SmolderFilterStack  *self,
                             guint                index,
                             SmolderFilterMode    mode,
                             const char          *regex,
                             const char          *identity,
                             GError             **error)
{
  g_autoptr(GPtrArray) probe_filters = NULL;
  g_autoptr(SmolderQuery) probe = NULL;

  g_return_val_if_fail (SMOLDER_IS_FILTER_STACK (self), FALSE);
  g_return_val_if_fail (mode < SMOLDER_FILTER_N_MODES, FALSE);
  g_return_val_if_fail (regex != NULL, FALSE);

  if (regex[0] == '\0')
    {
      g_set_error_literal (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_INVALID_QUERY,
                           "The filter is empty");
      return FALSE;
    }

  /* Checked with the others before anything changes. */
  index = MIN (index, self->filters->len);
  probe_filters = filters_copy (self->filters);
  g_ptr_array_insert (probe_filters, index, filter_new (mode, regex, identity));
  probe = smolder_query_new ();
  if (!filters_apply (probe_filters, probe, error))
    return FALSE;

  smolder_filter_stack_push_undo (self);
  g_ptr_array_insert (self->filters, index, filter_new (mode, regex, identity));
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
smolder_filter_stack_add (SmolderFilterStack  *self,
                          SmolderFilterMode    mode,
                          const char          *regex,
                          const char          *identity,
                          GError             **error)
{
  g_return_val_if_fail (SMOLDER_IS_FILTER_STACK (self), FALSE);

  return smolder_filter_stack_insert (self, self->filters->len, mode, regex, identity, error);
}

char *
smolder_filter_identity_regex (const char *identity)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (identity != NULL, NULL);

  escaped = g_regex_escape_string (identity, -1);
  return g_strdup_printf ("^%s$", escaped);
}

gboolean
smolder_filter_stack_add_identity (SmolderFilterStack  *self,
                                   SmolderFilterMode    mode,
                                   const char          *identity,
                                   GError             **error)
{
  g_autofree char *regex = NULL;

  g_return_val_if_fail (SMOLDER_IS_FILTER_STACK (self), FALSE);
  g_return_val_if_fail (identity != NULL, FALSE);

  if (identity[0] == '\0')
    {
      g_set_error_literal (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_INVALID_QUERY,
                           "The frame has no function or file to filter on");
      return FALSE;
    }
  regex = smolder_filter_identity_regex (identity);
  return smolder_filter_stack_add (self, mode, regex, identity, error);
}

void
smolder_filter_stack_remove (SmolderFilterStack *self,
                             guint               index)
{
  g_return_if_fail (SMOLDER_IS_FILTER_STACK (self));
  g_return_if_fail (index < self->filters->len);

  smolder_filter_stack_push_undo (self);
  g_ptr_array_remove_index (self->filters, index);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
smolder_filter_stack_undo (SmolderFilterStack *self)
{
  g_return_val_if_fail (SMOLDER_IS_FILTER_STACK (self), FALSE);

  if (self->undo->len == 0)
    return FALSE;

  g_ptr_array_add (self->redo, g_steal_pointer (&self->filters));
  self->filters = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
smolder_filter_stack_redo (SmolderFilterStack *self)
{
  g_return_val_if_fail (SMOLDER_IS_FILTER_STACK (self), FALSE);

  if (self->redo->len == 0)
    return FALSE;

  g_ptr_array_add (self->undo, g_steal_pointer (&self->filters));
  self->filters = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
smolder_filter_stack_can_redo (SmolderFilterStack *self)
{
  g_return_val_if_fail (SMOLDER_IS_FILTER_STACK (self), FALSE);

  return self->redo->len > 0;
}

gboolean
smolder_filter_stack_can_undo (SmolderFilterStack *self)
{
  g_return_val_if_fail (SMOLDER_IS_FILTER_STACK (self), FALSE);

  return self->undo->len > 0;
}

guint
smolder_filter_stack_get_n_filters (SmolderFilterStack *self)
{
  g_return_val_if_fail (SMOLDER_IS_FILTER_STACK (self), 0);

  return self->filters->len;
}

static Filter *
nth_filter (SmolderFilterStack *self,
            guint               index)
{
  return g_ptr_array_index (self->filters, index);
}

SmolderFilterMode
smolder_filter_stack_get_mode (SmolderFilterStack *self,
                               guint               index)
{
  g_return_val_if_fail (SMOLDER_IS_FILTER_STACK (self), SMOLDER_FILTER_FOCUS);
  g_return_val_if_fail (index < self->filters->len, SMOLDER_FILTER_FOCUS);

  return nth_filter (self, index)->mode;
}

const char *
smolder_filter_stack_get_regex (SmolderFilterStack *self,
                                guint               index)
{
  g_return_val_if_fail (SMOLDER_IS_FILTER_STACK (self), NULL);
  g_return_val_if_fail (index < self->filters->len, NULL);

  return nth_filter (self, index)->regex;
}

const char *
smolder_filter_stack_get_identity (SmolderFilterStack *self,
                                   guint               index)
{
  g_return_val_if_fail (SMOLDER_IS_FILTER_STACK (self), NULL);
  g_return_val_if_fail (index < self->filters->len, NULL);

  return nth_filter (self, index)->identity;
}

gboolean
smolder_filter_stack_apply (SmolderFilterStack  *self,
                            SmolderQuery        *query,
                            GError             **error)
{
  g_return_val_if_fail (SMOLDER_IS_FILTER_STACK (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  return filters_apply (self->filters, query, error);
}
