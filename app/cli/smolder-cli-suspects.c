/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-cli-suspects.c: `smolder-cli suspects`, the leak-suspect ranking of
 * snapshots given as files or folders.
 * The files, folders and grouping by kind are SmolderTrendsSet's (shared with
 * the app's Leak Suspects page); this prints its rankings. */
#include <stdio.h>
#include <string.h>

#include "smolder-cli-common.h"
#include "smolder-cli-suspects.h"
#include "smolder-load.h"
#include "smolder-trends-set.h"
#include "smolder-units.h"

#define MAX_FRAMES_TEXT 12

typedef struct {
  char     *sample_index;
  char     *format;
  char     *kind;
  char     *by;
  int       limit;
  gboolean  tsv;
  gboolean  functions;
} Options;

static char *
format_rate (double per_minute,
             const char *unit)
{
  g_autofree char *v = smolder_units_format ((gint64) (per_minute + (per_minute >= 0 ? 0.5 : -0.5)), unit);

  return g_strdup_printf ("%s/min", v);
}

static void
print_text (SmolderTrends *trends,
            const Options *o)
{
  const char *unit = smolder_trends_get_unit (trends, 0);
  guint n = smolder_trends_get_n_snapshots (trends);
  guint n_suspects = o->functions ? smolder_trends_get_n_function_suspects (trends)
                                  : smolder_trends_get_n_suspects (trends);
  guint shown = o->limit > 0 ? MIN ((guint) o->limit, n_suspects) : n_suspects;
  gint64 span = (gint64) (smolder_trends_get_minutes (trends, n - 1) * 60e9);
  g_autofree char *span_s = smolder_units_format_duration (span);
  guint n_steady = 0;
  const char *kind, *type;

  for (guint r = 0; r < n_suspects; r++)
    if ((o->functions ? smolder_trends_get_function_suspect (trends, r) : smolder_trends_get_suspect (trends, r))->steady)
      n_steady++;

  kind = smolder_profile_kind_to_string (smolder_trends_get_kind (trends));
  type = smolder_trends_get_type_name (trends, 0);
  g_print ("%s%s%s%s, %u snapshots over %s%s: %u growing %s, %u steadily\n",
           kind, g_str_equal (kind, type) ? "" : " (", g_str_equal (kind, type) ? "" : type,
           g_str_equal (kind, type) ? "" : ")", n, span_s,
           smolder_trends_has_times (trends) ? "" : " (no times: taken as one minute apart)",
           n_suspects, o->functions ? "functions" : "stacks", n_steady);
  for (guint r = 0; r < shown; r++)
    {
      const SmolderSuspect *s = o->functions ? smolder_trends_get_function_suspect (trends, r)
                                             : smolder_trends_get_suspect (trends, r);
      g_autofree char *growth = smolder_units_format (s->fit.last - s->fit.first, unit);
      g_autofree char *rate = format_rate (s->fit.slope, unit);
      g_autofree char *first = smolder_units_format (s->fit.first, unit);
      g_autofree char *last = smolder_units_format (s->fit.last, unit);

      g_print ("\n%2u. grew %s in %s (%s), steady %.2f%s, pattern %s",
               r + 1, growth, span_s, rate, s->fit.steadiness,
               s->steady ? "" : " (not steady)", s->pattern->id);
      if (s->pattern != smolder_leak_pattern_none ())
        g_print (": %s\n    fix: %s\n", s->pattern->explanation, s->pattern->fix);
      else
        g_print ("\n");
      g_print ("    %s → %s", first, last);
      if (smolder_trends_get_n_types (trends) > 1)
        {
          const char *unit1 = smolder_trends_get_unit (trends, 1);
          gint64 a = o->functions ? smolder_trends_get_function_value (trends, s->series, TRUE, 1, 0)
                                  : smolder_trends_get_stack_value (trends, s->series, 1, 0);
          gint64 b = o->functions ? smolder_trends_get_function_value (trends, s->series, TRUE, 1, n - 1)
                                  : smolder_trends_get_stack_value (trends, s->series, 1, n - 1);
          g_autofree char *as = smolder_units_format (a, unit1);
          g_autofree char *bs = smolder_units_format (b, unit1);

          g_print (" (%s: %s → %s)", smolder_trends_get_type_name (trends, 1), as, bs);
        }
      g_print (", fit %.2f, rose in %.0f%% of intervals\n", s->fit.r2, 100.0 * s->fit.rose);
      if (o->functions)
        {
          g_print ("    %s\n", smolder_trends_get_function_name (trends, s->series));
          continue;
        }
      {
        const SmolderTrendStates *st = smolder_trends_get_stack_states (trends, s->series);
        guint depth = smolder_trends_get_stack_depth (trends, s->series);

        if (st != NULL)
          {
            g_print ("    state %s, %" G_GINT64_FORMAT " goroutines in the last of %u ?debug=2 dump%s", st->state,
                     st->count_last, st->n_dumps, st->n_dumps == 1 ? "" : "s");
            if (st->wait_last >= 0 && st->n_dumps > 1)
              g_print (", waiting %" G_GINT64_FORMAT " → %" G_GINT64_FORMAT " minutes%s",
                       MAX (st->wait_first, 0), st->wait_last,
                       st->wait_last > MAX (st->wait_first, 0) ? " (rising)" : "");
            else if (st->wait_last >= 0)
              g_print (", waiting up to %" G_GINT64_FORMAT " minutes", st->wait_last);
            g_print ("\n");
          }
        if (depth == 0)
          g_print ("      (no stack)\n");
        for (guint d = 0; d < depth && d < MAX_FRAMES_TEXT; d++)
          g_print ("      %s\n", smolder_trends_get_stack_frame (trends, s->series, d));
        if (depth > MAX_FRAMES_TEXT)
          g_print ("      … %u more\n", depth - MAX_FRAMES_TEXT);
      }
    }
}

static void
print_tsv (SmolderTrends *trends,
           const Options *o)
{
  guint n_suspects = o->functions ? smolder_trends_get_n_function_suspects (trends)
                                  : smolder_trends_get_n_suspects (trends);
  guint shown = o->limit > 0 ? MIN ((guint) o->limit, n_suspects) : n_suspects;

  g_print ("# kind %s sample_type %s %s snapshots %u%s\n",
           smolder_profile_kind_to_string (smolder_trends_get_kind (trends)),
           smolder_trends_get_type_name (trends, 0), smolder_trends_get_unit (trends, 0),
           smolder_trends_get_n_snapshots (trends),
           smolder_trends_has_times (trends) ? "" : " untimed");
  g_print ("# rank\tgrowth_per_minute\tfirst\tlast\tsteadiness\tpattern\tstack\n");
  for (guint r = 0; r < shown; r++)
    {
      const SmolderSuspect *s = o->functions ? smolder_trends_get_function_suspect (trends, r)
                                             : smolder_trends_get_suspect (trends, r);
      g_autofree char *stack = o->functions ? g_strdup (smolder_trends_get_function_name (trends, s->series))
                                            : smolder_trends_dup_stack_string (trends, s->series);
      double slope = s->fit.slope;

      g_print ("%u\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%.3f\t%s\t%s\n",
               r + 1, (gint64) (slope + (slope >= 0 ? 0.5 : -0.5)), s->fit.first, s->fit.last,
               s->fit.steadiness, s->pattern->id, stack);
    }
}

static void
print_note (const char *path,
            const char *message,
            gboolean    warning,
            gpointer    user_data)
{
  g_printerr ("smolder-cli: %s: %s: %s\n", warning ? "warning" : "note", path, message);
}

int
smolder_cli_suspects (int    argc,
                      char **argv)
{
  Options o = { 0 };
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &o.format, "text (default) or tsv: rank<TAB>growth_per_minute<TAB>first<TAB>last<TAB>steadiness<TAB>pattern<TAB>stack", "FORMAT" },
    { "sample-index", 0, 0, G_OPTION_ARG_STRING, &o.sample_index, "Sample type to rank by, name or index (default: the kind's default, inuse_space for heap)", "NAME" },
    { "limit", 0, 0, G_OPTION_ARG_INT, &o.limit, "Print at most N suspects per kind (default 10; 0: all)", "N" },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &o.kind, "Rank only snapshots of this kind (heap, allocs, goroutine, cpu, …); default: heap, allocs and goroutine, each with 3 or more", "KIND" },
    { "by", 0, 0, G_OPTION_ARG_STRING, &o.by, "stack (default) or function (cumulative value per function)", "WHAT" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE…|DIR");
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderTrendsSet) set = NULL;
  g_autoptr(GArray) order = NULL;
  const char *where;
  guint ranked = 0;
  int ret = 1;

  o.limit = 10;
  g_option_context_set_summary (context,
    "Rank what grows across 3 or more snapshots of one kind (files, or a folder of them) as leak\n"
    "suspects: slope per minute, steadiness 0–1, and the known leak pattern the stack matches.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc < 2)
    {
      g_printerr ("smolder-cli suspects: %s\n", error ? error->message : "expected FILE… or a DIR");
      ret = SMOLDER_CLI_EXIT_USAGE;
      goto out;
    }
  if (o.format != NULL && !g_str_equal (o.format, "text") && !(o.tsv = g_str_equal (o.format, "tsv")))
    {
      g_printerr ("smolder-cli suspects: unknown format \"%s\" (use text or tsv)\n", o.format);
      ret = SMOLDER_CLI_EXIT_USAGE;
      goto out;
    }
  if (o.by != NULL && !g_str_equal (o.by, "stack") && !(o.functions = g_str_equal (o.by, "function")))
    {
      g_printerr ("smolder-cli suspects: unknown --by \"%s\" (use stack or function)\n", o.by);
      ret = SMOLDER_CLI_EXIT_USAGE;
      goto out;
    }
  if (o.limit < 0)
    {
      g_printerr ("smolder-cli suspects: --limit must be 0 or more\n");
      ret = SMOLDER_CLI_EXIT_USAGE;
      goto out;
    }
  where = argc == 2 ? argv[1] : NULL;

  set = smolder_trends_set_new (o.kind, o.sample_index);
  smolder_trends_set_set_notify (set, print_note, NULL);
  for (int i = 1; i < argc; i++)
    {
      g_autofree char *failed = NULL;

      if (!smolder_trends_set_add_path (set, argv[i], NULL, NULL, &failed, &error))
        {
          smolder_cli_print_error (failed, error);
          goto out;
        }
    }

  order = smolder_trends_set_dup_kinds (set);
  for (guint i = 0; i < order->len; i++)
    {
      SmolderProfileKind kind = g_array_index (order, SmolderProfileKind, i);
      guint n = smolder_trends_set_get_n_snapshots (set, kind);
      SmolderTrends *trends;

      if (n < 3 && !(o.kind != NULL || order->len == 1))
        {
          g_printerr ("smolder-cli: note: %u %s snapshot%s, not ranked (it takes 3)\n", n,
                      smolder_profile_kind_to_string (kind), n == 1 ? "" : "s");
          continue;
        }
      if (!(trends = smolder_trends_set_finish_kind (set, kind, &error)))
        {
          smolder_cli_print_error (where, error);
          goto out;
        }
      if (ranked++ > 0)
        g_print ("\n");
      if (o.tsv)
        print_tsv (trends, &o);
      else
        print_text (trends, &o);
    }
  if (ranked == 0)
    {
      if (o.kind != NULL)
        g_printerr ("smolder-cli: %s%sno %s profiles\n", where ? where : "", where ? ": " : "", o.kind);
      else
        g_printerr ("smolder-cli: %s%sleak suspects need at least 3 snapshots of one kind\n",
                    where ? where : "", where ? ": " : "");
      goto out;
    }
  ret = 0;

out:
  g_free (o.sample_index);
  g_free (o.format);
  g_free (o.kind);
  g_free (o.by);
  return ret;
}
