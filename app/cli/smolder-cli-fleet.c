/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-cli-fleet.c: `fleet` and `history`: a Prometheus-compatible
 * server's view of the Go instances it scrapes. */
#include <math.h>

#include "smolder-cli-common.h"
#include "smolder-cli-live.h"
#include "smolder-fleet-history.h"
#include "smolder-fleet.h"
#include "smolder-prom-client.h"
#include "smolder-units.h"

typedef struct {
  GMainLoop    *loop;
  GAsyncResult *result;
} Wait;

static void
done (GObject      *source,
      GAsyncResult *result,
      gpointer      user_data)
{
  Wait *w = user_data;

  w->result = g_object_ref (result);
  g_main_loop_quit (w->loop);
}

/* The server URL, headers and a format shared by both commands; prints the
 * usage error and returns NULL. */
static SmolderEndpoint *
open_server (const char  *command,
             const char  *url,
             char       **headers,
             const char  *timeout,
             const char  *format,
             gboolean    *tsv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderEndpoint) server = smolder_prom_server_new_parse (url, &error);
  gint64 timeout_ms = timeout ? smolder_cli_parse_duration_ms (timeout) : 60000;

  if (timeout_ms < 1 || timeout_ms > G_MAXUINT)
    {
      g_printerr ("smolder-cli %s: --timeout is a duration such as 30s\n", command);
      return NULL;
    }
  smolder_prom_set_timeout_ms (timeout_ms);

  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "tsv"))
    {
      g_printerr ("smolder-cli %s: --format is text or tsv\n", command);
      return NULL;
    }
  *tsv = format != NULL && g_str_equal (format, "tsv");
  if (server == NULL)
    {
      g_printerr ("smolder-cli %s: %s\n", command, error->message);
      return NULL;
    }
  for (guint i = 0; headers != NULL && headers[i] != NULL; i++)
    if (!smolder_endpoint_add_header (server, headers[i], &error))
      {
        g_printerr ("smolder-cli %s: --header: %s\n", command, error->message);
        return NULL;
      }
  return g_steal_pointer (&server);
}

static char *
optional_double (double      v,
                 const char *format,
                 const char *missing)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (v))
    return g_strdup (missing);
  return g_strdup (g_ascii_formatd (buf, sizeof buf, format, v));
}

static char *
optional_int (gint64      v,
              const char *missing)
{
  return v < 0 ? g_strdup (missing) : g_strdup_printf ("%" G_GINT64_FORMAT, v);
}

static void
print_ranking_tsv (const SmolderFleetRanking *ranking)
{
  g_print ("# rank\tjob\tinstance\thealth\theap_inuse\theap_growth_per_minute\tgoroutines"
           "\tgoroutine_growth_per_minute\tgc_pause_max_seconds\tpprof_url"
           "\tscore\tsteady\tabove_baseline\trss\tcpu_cores\tgc_pause_p75_seconds\tlast_error\n");
  for (guint i = 0; i < ranking->instances->len; i++)
    {
      const SmolderFleetInstance *in = g_ptr_array_index (ranking->instances, i);
      g_autofree char *heap = optional_int (in->heap_inuse, "");
      g_autofree char *gor = optional_int (in->goroutines, "");
      g_autofree char *rss = optional_int (in->rss, "");
      g_autofree char *hg = in->heap_inuse < 0 ? g_strdup ("") : g_strdup_printf ("%.0f", in->heap_growth);
      g_autofree char *gg = optional_double (in->goroutines < 0 ? NAN : in->goroutine_growth, "%.2f", "");
      g_autofree char *pmax = optional_double (in->gc_pause_max, "%.6f", "");
      g_autofree char *p75 = optional_double (in->gc_pause_p75, "%.6f", "");
      g_autofree char *cpu = optional_double (in->cpu, "%.4f", "");
      g_autofree char *score = optional_double (in->score, "%.3f", "");
      g_autoptr(GString) err = g_string_new (in->last_error);

      /* One row per instance, whatever the scrape error says. */
      g_string_replace (err, "\t", " ", 0);
      g_string_replace (err, "\n", " ", 0);
      g_print ("%u\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%d\t%s\t%s\t%s\t%s\n",
               i + 1, in->job, in->instance, in->health, heap, hg, gor, gg, pmax, in->pprof_url,
               score, in->steady, in->above_baseline, rss, cpu, p75, err->str);
    }
}

static void
print_ranking_text (const SmolderFleetRanking *ranking)
{
  g_print ("%4s  %-24s %-16s %-7s %10s %12s %10s %9s %9s  %s\n", "rank", "instance", "job", "health",
           "heap inuse", "heap/min", "goroutines", "gor./min", "GC max", "verdict");
  for (guint i = 0; i < ranking->instances->len; i++)
    {
      const SmolderFleetInstance *in = g_ptr_array_index (ranking->instances, i);
      g_autofree char *heap = in->heap_inuse < 0 ? g_strdup ("-") : smolder_units_format_bytes (in->heap_inuse);
      g_autofree char *hg = NULL;
      g_autofree char *gor = optional_int (in->goroutines, "-");
      g_autofree char *gg = optional_double (in->goroutines < 0 ? NAN : in->goroutine_growth, "%+.1f", "-");
      g_autofree char *pmax = isfinite (in->gc_pause_max)
                              ? smolder_units_format_duration ((gint64) llround (in->gc_pause_max * 1e9))
                              : g_strdup ("-");
      g_autoptr(GString) verdict = g_string_new (NULL);

      if (in->heap_inuse < 0)
        hg = g_strdup ("-");
      else
        {
          g_autofree char *b = smolder_units_format_bytes ((gint64) fabs (in->heap_growth));

          hg = g_strdup_printf ("%s%s", in->heap_growth < 0 ? "-" : "+", b);
        }
      if (!g_str_equal (in->health, "up"))
        g_string_append_printf (verdict, "%s%s%s", in->health, in->last_error[0] ? ": " : "", in->last_error);
      if (in->steady)
        g_string_append_printf (verdict, "%ssteady growth (score %.2f)", verdict->len ? "; " : "", in->score);
      if (in->above_baseline)
        g_string_append_printf (verdict, "%sabove its baseline", verdict->len ? "; " : "");
      g_print ("%4u  %-24s %-16s %-7s %10s %12s %10s %9s %9s  %s\n", i + 1, in->instance, in->job, in->health,
               heap, hg, gor, gg, pmax, verdict->str);
    }
}

int
smolder_cli_fleet (int    argc,
                   char **argv)
{
  g_autofree char *job = NULL;
  g_autofree char *range = NULL;
  g_autofree char *format = NULL;
  g_autofree char *timeout = NULL;
  g_auto(GStrv) headers = NULL;
  gint64 end_s = 0;
  GOptionEntry entries[] = {
    { "job", 0, 0, G_OPTION_ARG_STRING, &job, "Only jobs matching this regular expression (anchored, as PromQL's =~)", "RE" },
    { "range", 0, 0, G_OPTION_ARG_STRING, &range, "Time ranked, ending now (default 15m; 1h, 6h, 24h, 7d)", "DURATION" },
    { "end", 0, 0, G_OPTION_ARG_INT64, &end_s, "End of the range, unix seconds (default now)", "UNIX" },
    { "header", 0, 0, G_OPTION_ARG_STRING_ARRAY, &headers, "A request header (repeatable), e.g. 'X-Scope-OrgID: team'", "'NAME: VALUE'" },
    { "timeout", 0, 0, G_OPTION_ARG_STRING, &timeout, "Longest one request may take (default 60s)", "DURATION" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, "text (default) or tsv", "FORMAT" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("PROM_URL");
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderEndpoint) server = NULL;
  g_autoptr(SmolderFleetRanking) ranking = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Wait w = { loop, NULL };
  gint64 range_ms = 15 * 60000;
  gboolean tsv;

  g_option_context_set_summary (context,
    "Rank the Go instances a Prometheus-compatible server scrapes by how leak-like\n"
    "their heap and goroutine growth is (steady, not a sawtooth), most suspect first.\n"
    "PROM_URL: host:port or a URL (a path prefix is kept); user:password@ sends basic auth.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("smolder-cli fleet: %s\n", error ? error->message : "expected one PROM_URL");
      return SMOLDER_CLI_EXIT_USAGE;
    }
  if (range != NULL && (range_ms = smolder_cli_parse_duration_ms (range)) < 1000)
    {
      g_printerr ("smolder-cli fleet: --range is a duration of at least 1s (15m, 1h, 7d)\n");
      return SMOLDER_CLI_EXIT_USAGE;
    }
  if (!(server = open_server ("fleet", argv[1], headers, timeout, format, &tsv)))
    return SMOLDER_CLI_EXIT_USAGE;

  smolder_fleet_rank_async (server, job, range_ms, end_s * 1000, NULL, done, &w);
  g_main_loop_run (loop);
  ranking = smolder_fleet_rank_finish (w.result, &error);
  g_object_unref (w.result);
  if (ranking == NULL)
    {
      g_printerr ("smolder-cli: fleet: %s\n", error->message);
      return 1;
    }
  if (tsv)
    print_ranking_tsv (ranking);
  else
    print_ranking_text (ranking);
  return 0;
}

int
smolder_cli_history (int    argc,
                     char **argv)
{
  g_autofree char *instance = NULL;
  g_autofree char *job = NULL;
  g_autofree char *range = NULL;
  g_autofree char *step = NULL;
  g_autofree char *format = NULL;
  g_autofree char *timeout = NULL;
  g_auto(GStrv) headers = NULL;
  gint64 end_s = 0;
  GOptionEntry entries[] = {
    { "instance", 0, 0, G_OPTION_ARG_STRING, &instance, "The instance label (host:port), required", "ADDR" },
    { "job", 0, 0, G_OPTION_ARG_STRING, &job, "The job label, when an address is in several jobs", "NAME" },
    { "range", 0, 0, G_OPTION_ARG_STRING, &range, "How far back (default 1h)", "DURATION" },
    { "end", 0, 0, G_OPTION_ARG_INT64, &end_s, "End of the range, unix seconds (default now)", "UNIX" },
    { "step", 0, 0, G_OPTION_ARG_STRING, &step, "Time between rows (default: the range in 1,000 steps, at least 1s)", "DURATION" },
    { "header", 0, 0, G_OPTION_ARG_STRING_ARRAY, &headers, "A request header (repeatable)", "'NAME: VALUE'" },
    { "timeout", 0, 0, G_OPTION_ARG_STRING, &timeout, "Longest one request may take (default 60s)", "DURATION" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, "text (default) or tsv", "FORMAT" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("PROM_URL");
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderEndpoint) server = NULL;
  g_autoptr(SmolderFleetHistory) history = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Wait w = { loop, NULL };
  gint64 range_ms = 3600000, step_ms, end_ms;
  gboolean tsv;

  g_option_context_set_summary (context,
    "One instance's runtime series from a Prometheus-compatible server, with the\n"
    "columns of `smolder-cli series` (a value the store does not have stays empty).");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || instance == NULL)
    {
      g_printerr ("smolder-cli history: %s\n",
                  error ? error->message : argc != 2 ? "expected one PROM_URL" : "--instance=ADDR is required");
      return SMOLDER_CLI_EXIT_USAGE;
    }
  if ((range != NULL && (range_ms = smolder_cli_parse_duration_ms (range)) < 1000) ||
      (step != NULL && smolder_cli_parse_duration_ms (step) < 1))
    {
      g_printerr ("smolder-cli history: --range and --step are durations (1h, 15s)\n");
      return SMOLDER_CLI_EXIT_USAGE;
    }
  step_ms = step ? smolder_cli_parse_duration_ms (step) : smolder_fleet_step_ms (range_ms, 1000);
  /* Prometheus refuses more than 11,000 points per series. */
  if (range_ms / step_ms > 11000)
    {
      g_printerr ("smolder-cli history: --range/--step is more than 11,000 rows\n");
      return SMOLDER_CLI_EXIT_USAGE;
    }
  if (!(server = open_server ("history", argv[1], headers, timeout, format, &tsv)))
    return SMOLDER_CLI_EXIT_USAGE;

  end_ms = end_s > 0 ? end_s * 1000 : g_get_real_time () / 1000;
  smolder_fleet_history_async (server, instance, job, end_ms - range_ms, end_ms, step_ms, NULL, done, &w);
  g_main_loop_run (loop);
  history = smolder_fleet_history_finish (w.result, &error);
  g_object_unref (w.result);
  if (history == NULL)
    {
      g_printerr ("smolder-cli: history: %s\n", error->message);
      return 1;
    }
  smolder_cli_print_series_header (tsv);
  for (guint r = 0; r < history->n_rows; r++)
    {
      gint64 values[SMOLDER_CLI_SERIES_N];

      for (guint c = 0; c < SMOLDER_CLI_SERIES_N; c++)
        values[c] = history->values[c][r] == SMOLDER_FLEET_MISSING ? -1 : history->values[c][r];
      smolder_cli_print_series_row (tsv, history->t_ms[r], values);
    }
  return 0;
}
