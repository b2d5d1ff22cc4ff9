/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-fleet.c: the fleet ranking: one batch of API requests, then the
 * leak suspects' trend fit applied to each instance's heap and goroutines. */
#include <math.h>
#include <string.h>

#include "smolder-fleet.h"
#include "smolder-prom-client.h"

/* Points asked per series for the ranking: enough for a fit, few enough that
 * hundreds of instances stay a small answer. */
#define RANK_POINTS 500

static void
instance_free (SmolderFleetInstance *inst)
{
  g_free (inst->job);
  g_free (inst->instance);
  g_free (inst->health);
  g_free (inst->last_error);
  g_free (inst->pprof_url);
  g_clear_pointer (&inst->heap_points, g_array_unref);
  g_clear_pointer (&inst->goroutine_points, g_array_unref);
  g_free (inst);
}

void
smolder_fleet_ranking_free (SmolderFleetRanking *ranking)
{
  if (ranking == NULL)
    return;
  g_clear_pointer (&ranking->instances, g_ptr_array_unref);
  g_free (ranking);
}

gint64
smolder_fleet_step_ms (gint64 range_ms,
                       guint  points)
{
  gint64 per = range_ms / MAX (points, 1);

  return MAX ((per + 999) / 1000, 1) * 1000;
}

char *
smolder_fleet_label_matcher (const char *name,
                             const char *op,
                             const char *value)
{
  GString *s;

  if (value == NULL)
    return g_strdup ("");
  s = g_string_new (name);
  g_string_append_printf (s, "%s\"", op);
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\\' || *p == '"')
        g_string_append_c (s, '\\');
      if (*p == '\n')
        g_string_append (s, "\\n");
      else
        g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');
  return g_string_free (s, FALSE);
}

static char *
instance_key (const char *job,
              const char *instance)
{
  return g_strconcat (job ? job : "", "\x1f", instance ? instance : "", NULL);
}

/* http://host:port/debug/pprof/ from the scrape URL (its scheme and
 * address), else from the instance label. */
static char *
pprof_url_for (const char *scrape_url,
               const char *instance)
{
  g_autoptr(GUri) uri = scrape_url && *scrape_url ? g_uri_parse (scrape_url, G_URI_FLAGS_NONE, NULL) : NULL;

  if (uri != NULL && g_uri_get_host (uri) != NULL)
    return g_uri_join (G_URI_FLAGS_NONE, g_uri_get_scheme (uri), NULL, g_uri_get_host (uri),
                       g_uri_get_port (uri), "/debug/pprof/", NULL, NULL);
  return g_strdup_printf ("http://%s/debug/pprof/", instance);
}

static SmolderFleetInstance *
lookup_or_add (GHashTable *by_key,
               GPtrArray  *all,
               const char *job,
               const char *instance)
{
  g_autofree char *key = instance_key (job, instance);
  SmolderFleetInstance *inst = g_hash_table_lookup (by_key, key);

  if (inst != NULL)
    return inst;
  inst = g_new0 (SmolderFleetInstance, 1);
  inst->job = g_strdup (job ? job : "");
  inst->instance = g_strdup (instance);
  inst->health = g_strdup ("unknown");
  inst->last_error = g_strdup ("");
  inst->pprof_url = pprof_url_for (NULL, instance);
  inst->heap_inuse = inst->goroutines = inst->rss = -1;
  inst->gc_pause_max = inst->gc_pause_p75 = inst->cpu = NAN;
  inst->heap_points = g_array_new (FALSE, FALSE, sizeof (SmolderFleetPoint));
  inst->goroutine_points = g_array_new (FALSE, FALSE, sizeof (SmolderFleetPoint));
  g_hash_table_insert (by_key, g_steal_pointer (&key), inst);
  g_ptr_array_add (all, inst);
  return inst;
}

/* Fits the points in [start, end]; the ones before start are the baseline:
 * the last value more than 2σ above their mean flags the instance. */
static void
fit_series (const SmolderPromSeries *s,
            gint64                   start_ms,
            GArray                  *points,
            SmolderTrendFit         *fit,
            gint64                  *latest,
            gboolean                *above)
{
  g_autofree double *minutes = g_new (double, MAX (s->n, 1));
  g_autofree gint64 *values = g_new (gint64, MAX (s->n, 1));
  double sum = 0, sum2 = 0;
  guint n = 0, nb = 0;

  for (guint i = 0; i < s->n; i++)
    {
      if (!isfinite (s->v[i]))
        continue;
      if (s->t_ms[i] < start_ms)
        {
          sum += s->v[i];
          sum2 += s->v[i] * s->v[i];
          nb++;
          continue;
        }
      minutes[n] = (s->t_ms[i] - start_ms) / 60000.0;
      values[n] = (gint64) llround (s->v[i]);
      g_array_append_vals (points, &(SmolderFleetPoint) { s->t_ms[i], values[n] }, 1);
      n++;
    }
  smolder_trend_fit (minutes, values, n, fit);
  if (n > 0)
    *latest = values[n - 1];
  /* A baseline is a previous period about as long as this one: an instance
   * younger than that has none (its first minutes are no norm). */
  if (n > 0 && nb >= 3 && nb >= n / 2)
    {
      double mean = sum / nb;
      double sd = sqrt (MAX (sum2 / nb - mean * mean, 0.0));

      /* A flat baseline has σ = 0: then a rise of 1 % counts, not any rise. */
      *above = *above || (double) values[n - 1] > mean + MAX (2.0 * sd, 0.01 * fabs (mean));
    }
}

/* The growth is worth a look: a leak of a few bytes or one goroutine is not. */
static gboolean
matters (const SmolderTrendFit *fit,
         double                 floor)
{
  double grown = (double) fit->last - (double) fit->first;

  return grown > MAX (0.05 * fabs ((double) fit->first), floor);
}

static const SmolderPromSeries *
find_instant (GPtrArray  *vector,
              const char *job,
              const char *instance)
{
  for (guint i = 0; vector != NULL && i < vector->len; i++)
    {
      const SmolderPromSeries *s = g_ptr_array_index (vector, i);

      if (s->n > 0 &&
          g_strcmp0 (smolder_prom_series_label (s, "instance"), instance) == 0 &&
          g_strcmp0 (smolder_prom_series_label (s, "job") ? smolder_prom_series_label (s, "job") : "", job) == 0)
        return s;
    }
  return NULL;
}

/* Among instances that grow as steadily, the one growing fastest for its
 * size (and in both heap and goroutines) is the likelier leak. */
static double
leak_weight (const SmolderFleetInstance *inst)
{
  double w = 0;

  if (inst->heap_fit.first > 0)
    w += inst->heap_fit.steadiness * MAX (inst->heap_growth, 0) / inst->heap_fit.first;
  if (inst->goroutine_fit.first > 0)
    w += inst->goroutine_fit.steadiness * MAX (inst->goroutine_growth, 0) / inst->goroutine_fit.first;
  return w;
}

/* Steady growers first, by their weight; then the rest by score and weight;
 * instances with no data (down) last; ties by name so the order is stable. */
static int
compare_instances (gconstpointer a,
                   gconstpointer b)
{
  const SmolderFleetInstance *x = *(SmolderFleetInstance **) a;
  const SmolderFleetInstance *y = *(SmolderFleetInstance **) b;
  gboolean xd = x->heap_inuse < 0 && x->goroutines < 0, yd = y->heap_inuse < 0 && y->goroutines < 0;
  double rx, ry;
  int c;

  if (xd != yd)
    return xd ? 1 : -1;
  if (x->steady != y->steady)
    return x->steady ? -1 : 1;
  if (!x->steady && x->score != y->score)
    return x->score > y->score ? -1 : 1;
  rx = leak_weight (x);
  ry = leak_weight (y);
  if (rx != ry)
    return rx > ry ? -1 : 1;
  c = g_strcmp0 (x->job, y->job);
  return c != 0 ? c : g_strcmp0 (x->instance, y->instance);
}

SmolderFleetRanking *
smolder_fleet_rank (GPtrArray *targets,
                    GPtrArray *heap,
                    GPtrArray *goroutines,
                    GPtrArray *pause_max,
                    GPtrArray *pause_p75,
                    GPtrArray *rss,
                    GPtrArray *cpu,
                    gint64     start_ms,
                    gint64     end_ms)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) go_jobs = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  SmolderFleetRanking *ranking = g_new0 (SmolderFleetRanking, 1);
  GPtrArray *series_sets[2] = { heap, goroutines };

  ranking->instances = g_ptr_array_new_with_free_func ((GDestroyNotify) instance_free);
  ranking->start_ms = start_ms;
  ranking->end_ms = end_ms;

  /* Go instances are the ones exporting Go's runtime metrics. */
  for (guint k = 0; k < 2; k++)
    for (guint i = 0; series_sets[k] != NULL && i < series_sets[k]->len; i++)
      {
        const SmolderPromSeries *s = g_ptr_array_index (series_sets[k], i);
        const char *job = smolder_prom_series_label (s, "job");
        const char *instance = smolder_prom_series_label (s, "instance");
        SmolderFleetInstance *inst;

        if (instance == NULL)
          continue;
        inst = lookup_or_add (by_key, all, job, instance);
        g_hash_table_add (go_jobs, inst->job);
        if (k == 0)
          fit_series (s, start_ms, inst->heap_points, &inst->heap_fit, &inst->heap_inuse, &inst->above_baseline);
        else
          fit_series (s, start_ms, inst->goroutine_points, &inst->goroutine_fit, &inst->goroutines,
                      &inst->above_baseline);
      }

  /* Health from the targets; a down target has no fresh metrics and is kept
   * (flagged), an up target that exports no Go metrics is not a Go service. */
  for (guint i = 0; targets != NULL && i < targets->len; i++)
    {
      const SmolderPromTarget *t = g_ptr_array_index (targets, i);
      g_autofree char *key = instance_key (t->job, t->instance);
      SmolderFleetInstance *inst = g_hash_table_lookup (by_key, key);

      if (inst == NULL && g_str_equal (t->health, "up"))
        continue;
      if (inst == NULL)
        inst = lookup_or_add (by_key, all, t->job, t->instance);
      g_free (inst->health);
      inst->health = g_strdup (t->health);
      g_free (inst->last_error);
      inst->last_error = g_strdup (t->last_error);
      g_free (inst->pprof_url);
      inst->pprof_url = pprof_url_for (t->scrape_url, t->instance);
    }

  for (guint i = 0; i < all->len; i++)
    {
      SmolderFleetInstance *inst = g_ptr_array_index (all, i);
      const SmolderPromSeries *s;
      gboolean heap_matters, gor_matters;

      inst->heap_growth = inst->heap_fit.slope;
      inst->goroutine_growth = inst->goroutine_fit.slope;
      heap_matters = matters (&inst->heap_fit, 256 * 1024);
      gor_matters = matters (&inst->goroutine_fit, 3);
      inst->score = MAX (heap_matters ? inst->heap_fit.steadiness : 0.0,
                         gor_matters ? inst->goroutine_fit.steadiness : 0.0);
      inst->steady = inst->score >= SMOLDER_TRENDS_STEADY;
      if ((s = find_instant (pause_max, inst->job, inst->instance)) != NULL)
        inst->gc_pause_max = s->v[s->n - 1];
      if ((s = find_instant (pause_p75, inst->job, inst->instance)) != NULL)
        inst->gc_pause_p75 = s->v[s->n - 1];
      if ((s = find_instant (rss, inst->job, inst->instance)) != NULL && isfinite (s->v[s->n - 1]))
        inst->rss = (gint64) llround (s->v[s->n - 1]);
      if ((s = find_instant (cpu, inst->job, inst->instance)) != NULL)
        inst->cpu = s->v[s->n - 1];
      g_ptr_array_add (ranking->instances, inst);
    }
  g_ptr_array_sort (ranking->instances, compare_instances);
  return ranking;
}

typedef struct {
  gint64     start_ms;
  gint64     end_ms;
  gint64     step_ms;
  GRegex    *job_re;
  GPtrArray *answers;
} Rank;

static void
rank_free (Rank *r)
{
  g_clear_pointer (&r->job_re, g_regex_unref);
  g_clear_pointer (&r->answers, g_ptr_array_unref);
  g_free (r);
}

static void
rank_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Rank *r = task_data;
  GPtrArray *a = r->answers;
  GPtrArray *targets = g_ptr_array_index (a, 0);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  SmolderFleetRanking *ranking;

  /* The targets API cannot filter by job: the same regex, anchored as
   * PromQL anchors it. */
  for (guint i = 0; i < targets->len; i++)
    {
      SmolderPromTarget *t = g_ptr_array_index (targets, i);

      if (r->job_re == NULL || g_regex_match (r->job_re, t->job, 0, NULL))
        g_ptr_array_add (kept, t);
    }
  ranking = smolder_fleet_rank (kept, g_ptr_array_index (a, 1), g_ptr_array_index (a, 2),
                                g_ptr_array_index (a, 3), g_ptr_array_index (a, 4),
                                g_ptr_array_index (a, 5), g_ptr_array_index (a, 6),
                                r->start_ms, r->end_ms);
  ranking->step_ms = r->step_ms;
  g_task_return_pointer (task, ranking, (GDestroyNotify) smolder_fleet_ranking_free);
}

static void
rank_fetched (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Rank *r = g_task_get_task_data (task);
  GError *error = NULL;

  r->answers = smolder_prom_get_all_finish (result, &error);
  if (r->answers == NULL)
    g_task_return_error (task, error);
  else
    g_task_run_in_thread (task, rank_in_thread);
}

void
smolder_fleet_rank_async (SmolderEndpoint      *server,
                          const char           *job_re,
                          gint64                range_ms,
                          gint64                end_ms,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Rank *r = g_new0 (Rank, 1);
  g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func ((GDestroyNotify) smolder_prom_request_free);
  g_autofree char *job = smolder_fleet_label_matcher ("job", "=~", job_re);
  g_autofree char *sel = job[0] ? g_strdup_printf ("{%s}", job) : g_strdup ("");
  g_autofree char *sel_q1 = g_strdup_printf ("{quantile=\"1\"%s%s}", job[0] ? "," : "", job);
  g_autofree char *sel_q75 = g_strdup_printf ("{quantile=\"0.75\"%s%s}", job[0] ? "," : "", job);
  g_autofree char *start = NULL, *end = NULL, *step = NULL;
  g_autofree char *q_heap = NULL, *q_gor = NULL, *q_pmax = NULL, *q_p75 = NULL, *q_rss = NULL, *q_cpu = NULL;
  gint64 range_s = MAX (range_ms / 1000, 1);

  g_task_set_source_tag (task, smolder_fleet_rank_async);
  if (end_ms <= 0)
    end_ms = g_get_real_time () / 1000;
  end_ms -= end_ms % 1000;
  r->end_ms = end_ms;
  r->start_ms = end_ms - range_s * 1000;
  /* Twice the range: the earlier half is each instance's own baseline. */
  r->step_ms = smolder_fleet_step_ms (2 * range_s * 1000, RANK_POINTS);
  if (job_re != NULL)
    {
      g_autofree char *anchored = g_strdup_printf ("^(?:%s)$", job_re);
      GError *error = NULL;

      r->job_re = g_regex_new (anchored, G_REGEX_OPTIMIZE, 0, &error);
      if (r->job_re == NULL)
        {
          g_task_return_new_error (task, G_REGEX_ERROR, error->code, "--job: %s", error->message);
          g_error_free (error);
          g_task_set_task_data (task, r, (GDestroyNotify) rank_free);
          g_object_unref (task);
          return;
        }
    }
  g_task_set_task_data (task, r, (GDestroyNotify) rank_free);

  start = g_strdup_printf ("%" G_GINT64_FORMAT, (end_ms - 2 * range_s * 1000) / 1000);
  end = g_strdup_printf ("%" G_GINT64_FORMAT, end_ms / 1000);
  step = g_strdup_printf ("%" G_GINT64_FORMAT, r->step_ms / 1000);
  q_heap = g_strdup_printf ("go_memstats_heap_inuse_bytes%s", sel);
  q_gor = g_strdup_printf ("go_goroutines%s", sel);
  q_pmax = g_strdup_printf ("max_over_time(go_gc_duration_seconds%s[%" G_GINT64_FORMAT "s])", sel_q1, range_s);
  q_p75 = g_strdup_printf ("go_gc_duration_seconds%s", sel_q75);
  q_rss = g_strdup_printf ("process_resident_memory_bytes%s", sel);
  q_cpu = g_strdup_printf ("rate(process_cpu_seconds_total%s[%" G_GINT64_FORMAT "s])", sel, range_s);

  g_ptr_array_add (requests, smolder_prom_request_new ("api/v1/targets", SMOLDER_PROM_ANSWER_TARGETS,
                                                       "state", "active", NULL));
  g_ptr_array_add (requests, smolder_prom_request_new ("api/v1/query_range", SMOLDER_PROM_ANSWER_SERIES,
                                                       "query", q_heap, "start", start, "end", end,
                                                       "step", step, NULL));
  g_ptr_array_add (requests, smolder_prom_request_new ("api/v1/query_range", SMOLDER_PROM_ANSWER_SERIES,
                                                       "query", q_gor, "start", start, "end", end,
                                                       "step", step, NULL));
  g_ptr_array_add (requests, smolder_prom_request_new ("api/v1/query", SMOLDER_PROM_ANSWER_SERIES,
                                                       "query", q_pmax, "time", end, NULL));
  g_ptr_array_add (requests, smolder_prom_request_new ("api/v1/query", SMOLDER_PROM_ANSWER_SERIES,
                                                       "query", q_p75, "time", end, NULL));
  g_ptr_array_add (requests, smolder_prom_request_new ("api/v1/query", SMOLDER_PROM_ANSWER_SERIES,
                                                       "query", q_rss, "time", end, NULL));
  g_ptr_array_add (requests, smolder_prom_request_new ("api/v1/query", SMOLDER_PROM_ANSWER_SERIES,
                                                       "query", q_cpu, "time", end, NULL));
  smolder_prom_get_all_async (server, requests, cancellable, rank_fetched, task);
}

SmolderFleetRanking *
smolder_fleet_rank_finish (GAsyncResult  *result,
                           GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
