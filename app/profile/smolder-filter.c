/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-filter.c: pprof's sample filters, without copying the profile.
 *
 * Everything pprof does to locations (dropping lines) is computed once per
 * location; samples keep their location arrays and get a [start, end)
 * window plus a keep flag. */

#include "smolder-filter.h"
#include "smolder-profile-private.h"

#include <string.h>

struct _SmolderFilterView
{
  SmolderProfile *profile;
  guint           n_locations;
  guint           n_samples;

  /* NULL when no location lost a line; else each location's kept line
   * positions (innermost first), a location without lines having {0}. */
  guint32        *loc_off;
  guint32        *loc_pos;
  guint8         *loc_hidden;    /* NULL when none is hidden */

  guint8         *sample_kept;   /* NULL when all are kept */
  guint32        *sample_start;  /* NULL when no window was cut */
  guint32        *sample_end;

  GPtrArray      *warnings;
};

/* Per-function cache of one regex's verdict on (name, filename). */
typedef struct {
  GRegex *regex;
  guint8 *fn_cache;   /* 0 unknown, 1 no, 2 yes */
  guint8 *map_cache;  /* the same for mapping files */
} Matcher;

static void
matcher_init (Matcher        *m,
              GRegex         *regex,
              SmolderProfile *profile)
{
  m->regex = regex;
  m->fn_cache = regex ? g_new0 (guint8, smolder_profile_get_n_functions (profile) + 1) : NULL;
  m->map_cache = regex ? g_new0 (guint8, smolder_profile_get_n_mappings (profile) + 1) : NULL;
}

static void
matcher_clear (Matcher *m)
{
  g_clear_pointer (&m->fn_cache, g_free);
  g_clear_pointer (&m->map_cache, g_free);
}

/* A line's function name or file name matches. FALSE for a line with no function. */
static gboolean
matcher_line (Matcher           *m,
              SmolderProfile    *profile,
              const SmolderLine *line)
{
  guint32 f = line->function;

  if (f == SMOLDER_NO_ID || f >= smolder_profile_get_n_functions (profile))
    return FALSE;

  if (m->fn_cache[f] == 0)
    {
      const SmolderFunction *fn = smolder_profile_get_function (profile, f);
      gboolean hit = smolder_regex_search (m->regex, smolder_profile_get_string (profile, fn->name)) ||
                     smolder_regex_search (m->regex, smolder_profile_get_string (profile, fn->filename));
      m->fn_cache[f] = hit ? 2 : 1;
    }
  return m->fn_cache[f] == 2;
}

static gboolean
matcher_mapping (Matcher               *m,
                 SmolderProfile        *profile,
                 const SmolderLocation *loc)
{
  guint32 i = loc->mapping;

  if (i == SMOLDER_NO_ID || i >= smolder_profile_get_n_mappings (profile))
    return FALSE;
  if (m->map_cache[i] == 0)
    {
      const SmolderMapping *map = smolder_profile_get_mapping (profile, i);
      m->map_cache[i] = smolder_regex_search (m->regex, smolder_profile_get_string (profile, map->filename)) ? 2 : 1;
    }
  return m->map_cache[i] == 2;
}

/* Location.matchesName over the kept positions @pos. */
static gboolean
matches_name (Matcher               *m,
              SmolderProfile        *profile,
              const SmolderLocation *loc,
              const guint32         *pos,
              guint                  n_pos)
{
  if (loc->n_lines > 0)
    for (guint k = 0; k < n_pos; k++)
      if (matcher_line (m, profile, smolder_profile_get_line (profile, loc->first_line + pos[k])))
        return TRUE;
  return matcher_mapping (m, profile, loc);
}

char *
smolder_filter_simplify_func (const char *name)
{
  static const char * const reserved[] = { "(anonymous namespace)", "operator()" };
  const char *s = name;
  gsize p = 0;

  if (s[0] == '.')
    s++;

  while (s[p] != '\0')
    {
      gboolean skipped = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (reserved); i++)
        {
          gsize len = strlen (reserved[i]);

          if (strncmp (s + p, reserved[i], len) == 0)
            {
              p += len;
              skipped = TRUE;
              break;
            }
        }
      if (skipped)
        continue;
      if (s[p] == '(')
        return g_strndup (s, p);
      p++;
    }
  return g_strdup (s);
}

static GRegex *
compile_anchored (const char *pattern)
{
  g_autofree char *anchored = NULL;

  if (pattern == NULL || pattern[0] == '\0' || !g_utf8_validate (pattern, -1, NULL))
    return NULL;
  anchored = g_strdup_printf ("^(%s)$", pattern);
  return g_regex_new (anchored, 0, 0, NULL);
}

/* RemoveUninteresting: index of the outermost line to drop from, or -1. */
static int
prune_index (SmolderProfile        *profile,
             const SmolderLocation *loc,
             GRegex                *drop,
             GRegex                *keep)
{
  for (int i = (int) loc->n_lines - 1; i >= 0; i--)
    {
      const SmolderLine *line = smolder_profile_get_line (profile, loc->first_line + i);
      const SmolderFunction *fn;
      const char *name;
      g_autofree char *simple = NULL;

      if (line->function == SMOLDER_NO_ID || line->function >= smolder_profile_get_n_functions (profile))
        continue;
      fn = smolder_profile_get_function (profile, line->function);
      name = smolder_profile_get_string (profile, fn->name);
      if (name[0] == '\0')
        continue;
      simple = smolder_filter_simplify_func (name);
      if (smolder_regex_search (drop, simple) && (keep == NULL || !smolder_regex_search (keep, simple)))
        return i;
    }
  return -1;
}

static void
add_warning (SmolderFilterView *view,
             gboolean           matched,
             const char        *option)
{
  if (!matched)
    g_ptr_array_add (view->warnings, g_strdup_printf ("%s expression matched no samples", option));
}

enum {
  LOC_NEUTRAL = 0,
  LOC_FOCUSED = 1,
  LOC_IGNORED = 2,
  LOC_PRUNE = 4,          /* drop this location and everything leafward */
  LOC_PRUNE_BENEATH = 8,  /* drop everything leafward of it */
  LOC_SHOW_FROM = 16,
};

SmolderFilterView *
smolder_filter_view_new (SmolderProfile     *profile,
                         const SmolderQuery *query)
{
  SmolderFilterView *view;
  g_autoptr(GRegex) drop = NULL;
  g_autoptr(GRegex) keep = NULL;
  GRegex *focus, *ignore, *hide, *show, *show_from;
  Matcher m_focus, m_ignore, m_hide, m_show, m_show_from;
  g_autofree guint8 *loc_state = NULL;
  g_autoptr(GArray) pos_out = NULL;
  g_autofree guint32 *tmp = NULL;
  gboolean lines_changed = FALSE;
  gboolean any_hidden = FALSE;
  gboolean any_prune = FALSE;
  gboolean fm = FALSE, im = FALSE, hm = FALSE, hnm = FALSE, sfm = FALSE;
  gboolean tfm = FALSE, tim = FALSE;
  guint max_lines = 1;
  guint n_tag_focus, n_tag_ignore;
  g_autoptr(GHashTable) num_units = NULL;

  g_return_val_if_fail (SMOLDER_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  view = g_new0 (SmolderFilterView, 1);
  view->profile = g_object_ref (profile);
  view->n_locations = smolder_profile_get_n_locations (profile);
  view->n_samples = smolder_profile_get_n_samples (profile);
  view->warnings = g_ptr_array_new_with_free_func (g_free);

  focus = smolder_query_get_focus (query);
  ignore = smolder_query_get_ignore (query);
  hide = smolder_query_get_hide (query);
  show = smolder_query_get_show (query);
  show_from = smolder_query_get_show_from (query);

  /* pprof ignores a drop_frames it cannot compile. */
  drop = compile_anchored (smolder_profile_get_drop_frames (profile));
  if (drop != NULL)
    keep = compile_anchored (smolder_profile_get_keep_frames (profile));

  matcher_init (&m_focus, focus, profile);
  matcher_init (&m_ignore, ignore, profile);
  matcher_init (&m_hide, hide, profile);
  matcher_init (&m_show, show, profile);
  matcher_init (&m_show_from, show_from, profile);

  for (guint i = 0; i < view->n_locations; i++)
    max_lines = MAX (max_lines, smolder_profile_get_location (profile, i)->n_lines);
  tmp = g_new (guint32, max_lines);

  loc_state = g_new0 (guint8, MAX (view->n_locations, 1));
  view->loc_hidden = g_new0 (guint8, MAX (view->n_locations, 1));
  view->loc_off = g_new (guint32, view->n_locations + 1);
  pos_out = g_array_new (FALSE, FALSE, sizeof (guint32));

  /* Locations: each step sees the lines the previous one left. */
  for (guint i = 0; i < view->n_locations; i++)
    {
      const SmolderLocation *loc = smolder_profile_get_location (profile, i);
      guint n = MAX (loc->n_lines, 1);
      guint first = 0;
      gboolean hidden = FALSE;

      for (guint k = 0; k < n; k++)
        tmp[k] = k;

      if (drop != NULL && loc->n_lines > 0)
        {
          int p = prune_index (profile, loc, drop, keep);

          if (p >= 0)
            {
              any_prune = TRUE;
              loc_state[i] |= LOC_PRUNE_BENEATH;
              if (p == (int) loc->n_lines - 1)
                loc_state[i] |= LOC_PRUNE;
              else
                first = p + 1;
            }
        }
      /* lines tmp[first..n) */

      if (ignore != NULL && matches_name (&m_ignore, profile, loc, tmp + first, n - first))
        {
          im = TRUE;
          loc_state[i] |= LOC_IGNORED;
        }
      else if (focus == NULL || matches_name (&m_focus, profile, loc, tmp + first, n - first))
        {
          fm = TRUE;
          loc_state[i] |= LOC_FOCUSED;
        }

      if (hide != NULL && matches_name (&m_hide, profile, loc, tmp + first, n - first))
        {
          guint w = first;

          hm = TRUE;
          if (!matcher_mapping (&m_hide, profile, loc) && loc->n_lines > 0)
            for (guint k = first; k < n; k++)
              {
                const SmolderLine *line = smolder_profile_get_line (profile, loc->first_line + tmp[k]);

                if (!matcher_line (&m_hide, profile, line))
                  tmp[w++] = tmp[k];
              }
          n = w;
          if (n == first)
            hidden = TRUE;
        }

      if (show != NULL && !hidden)
        {
          guint w = first;

          if (loc->n_lines == 0)
            w = first; /* no lines: nothing to show */
          else if (matcher_mapping (&m_show, profile, loc))
            w = n;
          else
            for (guint k = first; k < n; k++)
              {
                const SmolderLine *line = smolder_profile_get_line (profile, loc->first_line + tmp[k]);

                /* A line without a function is kept, as pprof does. */
                if (line->function == SMOLDER_NO_ID ||
                    line->function >= smolder_profile_get_n_functions (profile) ||
                    matcher_line (&m_show, profile, line))
                  tmp[w++] = tmp[k];
              }
          n = w;
          if (n == first)
            hidden = TRUE;
          else
            hnm = TRUE;
        }

      if (show_from != NULL && !hidden)
        {
          if (matcher_mapping (&m_show_from, profile, loc))
            loc_state[i] |= LOC_SHOW_FROM;
          else if (loc->n_lines > 0)
            for (guint k = n; k > first; k--)
              {
                const SmolderLine *line = smolder_profile_get_line (profile, loc->first_line + tmp[k - 1]);

                if (matcher_line (&m_show_from, profile, line))
                  {
                    n = k;
                    loc_state[i] |= LOC_SHOW_FROM;
                    break;
                  }
              }
          if (loc_state[i] & LOC_SHOW_FROM)
            sfm = TRUE;
        }

      if (hidden)
        {
          view->loc_hidden[i] = 1;
          any_hidden = TRUE;
        }
      if (first != 0 || n != MAX (loc->n_lines, 1))
        lines_changed = TRUE;

      view->loc_off[i] = pos_out->len;
      g_array_append_vals (pos_out, tmp + first, n - first);
    }
  view->loc_off[view->n_locations] = pos_out->len;

  if (lines_changed)
    view->loc_pos = (guint32 *) g_array_free (g_steal_pointer (&pos_out), FALSE);
  else
    g_clear_pointer (&view->loc_off, g_free);
  if (!any_hidden)
    g_clear_pointer (&view->loc_hidden, g_free);

  matcher_clear (&m_focus);
  matcher_clear (&m_ignore);
  matcher_clear (&m_hide);
  matcher_clear (&m_show);
  matcher_clear (&m_show_from);

  /* Samples. */
  n_tag_focus = smolder_query_get_n_tag_focus (query);
  n_tag_ignore = smolder_query_get_n_tag_ignore (query);
  if (n_tag_focus + n_tag_ignore > 0)
    num_units = smolder_query_num_label_units (profile);

  /* Without filters every sample with a frame is kept: skip the pass. */
  if (!any_prune && !any_hidden && focus == NULL && ignore == NULL && show_from == NULL &&
      n_tag_focus + n_tag_ignore == 0)
    goto warnings;

  view->sample_kept = g_new0 (guint8, MAX (view->n_samples, 1));
  if (any_prune || show_from != NULL)
    {
      view->sample_start = g_new (guint32, MAX (view->n_samples, 1));
      view->sample_end = g_new (guint32, MAX (view->n_samples, 1));
    }

  for (guint s = 0; s < view->n_samples; s++)
    {
      guint n_locs = 0;
      const guint32 *locs = smolder_profile_get_sample_locations (profile, s, &n_locs);
      guint start = 0, end = n_locs;
      gboolean focused = FALSE, kept = TRUE, any_visible = FALSE;

      /* RemoveUninteresting: from the root, after the first user frame. */
      if (any_prune)
        {
          gboolean found_user = FALSE;

          for (guint i = n_locs; i > 0; i--)
            {
              guint8 st = loc_state[locs[i - 1]];

              if (!(st & (LOC_PRUNE | LOC_PRUNE_BENEATH)))
                {
                  found_user = TRUE;
                  continue;
                }
              if (!found_user)
                continue;
              start = (st & LOC_PRUNE) ? i : i - 1;
              break;
            }
        }

      /* FilterSamplesByName: a focused location and no ignored one. */
      for (guint i = start; i < end; i++)
        {
          guint8 st = loc_state[locs[i]];

          if (st & LOC_IGNORED)
            {
              kept = FALSE;
              break;
            }
          if (st & LOC_FOCUSED)
            focused = TRUE;
          if (view->loc_hidden == NULL || !view->loc_hidden[locs[i]])
            any_visible = TRUE;
        }
      kept = kept && focused && any_visible;

      /* ShowFrom: cut above the outermost matching location. */
      if (kept && show_from != NULL)
        {
          guint i;

          for (i = end; i > start; i--)
            {
              guint32 l = locs[i - 1];

              if (view->loc_hidden && view->loc_hidden[l])
                continue;
              if (loc_state[l] & LOC_SHOW_FROM)
                break;
            }
          if (i == start)
            kept = FALSE;
          else
            end = i;
        }

      /* FilterSamplesByTag. */
      if (kept && n_tag_focus + n_tag_ignore > 0)
        {
          gboolean tag_focused = TRUE, tag_ignored = FALSE;

          for (guint t = 0; t < n_tag_focus && tag_focused; t++)
            tag_focused = smolder_tag_filter_matches (smolder_query_get_tag_focus (query, t),
                                                      profile, num_units, s);
          for (guint t = 0; t < n_tag_ignore && !tag_ignored; t++)
            tag_ignored = smolder_tag_filter_matches (smolder_query_get_tag_ignore (query, t),
                                                      profile, num_units, s);
          tfm = tfm || tag_focused;
          tim = tim || tag_ignored;
          kept = tag_focused && !tag_ignored;
        }

      view->sample_kept[s] = kept;
      if (view->sample_start != NULL)
        {
          view->sample_start[s] = start;
          view->sample_end[s] = end;
        }
    }

warnings:
  add_warning (view, focus == NULL || fm, "Focus");
  add_warning (view, ignore == NULL || im, "Ignore");
  add_warning (view, hide == NULL || hm, "Hide");
  add_warning (view, show == NULL || hnm, "Show");
  add_warning (view, show_from == NULL || sfm, "ShowFrom");
  add_warning (view, n_tag_focus == 0 || tfm, "TagFocus");
  add_warning (view, n_tag_ignore == 0 || tim, "TagIgnore");

  return view;
}

void
smolder_filter_view_free (SmolderFilterView *view)
{
  if (view == NULL)
    return;
  g_clear_object (&view->profile);
  g_free (view->loc_off);
  g_free (view->loc_pos);
  g_free (view->loc_hidden);
  g_free (view->sample_kept);
  g_free (view->sample_start);
  g_free (view->sample_end);
  g_ptr_array_unref (view->warnings);
  g_free (view);
}

SmolderProfile *
smolder_filter_view_get_profile (SmolderFilterView *view)
{
  return view->profile;
}

gboolean
smolder_filter_view_sample_kept (SmolderFilterView *view,
                                 guint              sample)
{
  g_return_val_if_fail (view != NULL, FALSE);
  g_return_val_if_fail (sample < view->n_samples, FALSE);
  return view->sample_kept == NULL || view->sample_kept[sample];
}

gboolean
smolder_filter_view_get_stack (SmolderFilterView *view,
                               SmolderFrames     *frames,
                               guint              sample,
                               GArray            *out)
{
  SmolderProfile *p;
  const guint32 *locs, *run_offsets, *runs;
  guint32 *dst;
  guint start, end, len = 0, cap;

  g_return_val_if_fail (view != NULL, FALSE);
  g_return_val_if_fail (sample < view->n_samples, FALSE);
  g_return_val_if_fail (smolder_frames_get_profile (frames) == view->profile, FALSE);

  g_array_set_size (out, 0);
  if (view->sample_kept != NULL && !view->sample_kept[sample])
    return FALSE;

  /* The engine reads the model's arrays directly in this hot loop. */
  p = view->profile;
  start = g_array_index (p->sample_loc_offsets, guint32, sample);
  end = g_array_index (p->sample_loc_offsets, guint32, sample + 1);
  /* An empty array has no data: no arithmetic on NULL. */
  locs = end > start ? (const guint32 *) p->sample_locs->data + start : NULL;
  end -= start;
  start = 0;
  if (view->sample_start != NULL)
    {
      start = view->sample_start[sample];
      end = view->sample_end[sample];
    }
  smolder_frames_peek_locations (frames, &run_offsets, &runs);

  cap = MAX (out->len, 64);
  g_array_set_size (out, cap);
  dst = (guint32 *) out->data;

  for (guint i = end; i > start; i--)
    {
      guint32 l = locs[i - 1];
      const guint32 *run = runs + run_offsets[l];
      guint n_run = run_offsets[l + 1] - run_offsets[l];

      if (view->loc_hidden != NULL && view->loc_hidden[l])
        continue;

      if (len + n_run > cap)
        {
          cap = MAX (cap * 2, len + n_run);
          g_array_set_size (out, cap);
          dst = (guint32 *) out->data;
        }

      if (view->loc_off == NULL)
        {
          for (guint k = n_run; k > 0; k--)
            dst[len++] = run[k - 1];
        }
      else
        {
          const guint32 *pos = view->loc_pos + view->loc_off[l];
          guint n_pos = view->loc_off[l + 1] - view->loc_off[l];

          for (guint k = n_pos; k > 0; k--)
            dst[len++] = run[pos[k - 1]];
        }
    }

  g_array_set_size (out, len);

  /* pprof drops a sample left without locations. */
  return len > 0;
}

char **
smolder_filter_view_get_warnings (SmolderFilterView *view)
{
  GStrvBuilder *builder;

  g_return_val_if_fail (view != NULL, NULL);

  if (view->warnings->len == 0)
    return NULL;
  builder = g_strv_builder_new ();
  for (guint i = 0; i < view->warnings->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (view->warnings, i));
  {
    char **result = g_strv_builder_end (builder);
    g_strv_builder_unref (builder);
    return result;
  }
}
