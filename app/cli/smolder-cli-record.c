/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-cli-record.c: `smolder-cli record URL`: a headless live session. */
#include <glib-unix.h>
#include <signal.h>
#include <string.h>

#include "smolder-cli-common.h"
#include "smolder-cli-live.h"
#include "smolder-live-error.h"
#include "smolder-poller.h"
#include "smolder-pprof-index.h"
#include "smolder-units.h"

typedef struct {
  GMainLoop     *loop;
  SmolderPoller *poller;
  const char    *uri;
  int            count;       /* polls that succeeded, to stop after */
  int            n_ok;
  guint          n_snapshots;
  GPtrArray     *entries;     /* discovery */
  GError        *error;
  gboolean       stopping;
  GCancellable  *cpu_cancellable;  /* the CPU capture under way, else NULL */
  gboolean       stop_after_cpu;   /* --count or --duration ended during it */
} Record;

/* "64M", "1G", "4096": bytes; 0 if not. */
static guint64
parse_size (const char *text)
{
  char *end = NULL;
  guint64 v = g_ascii_strtoull (text, &end, 10);

  if (end == text)
    return 0;
  switch (g_ascii_toupper (*end))
    {
    case '\0': return v;
    case 'K': return v << 10;
    case 'M': return v << 20;
    case 'G': return v << 30;
    default: return 0;
    }
}

static void
discovered (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Record *r = user_data;

  r->entries = smolder_poller_discover_finish (SMOLDER_POLLER (source), result, &r->error);
  g_main_loop_quit (r->loop);
}

static gboolean
wait_idle (gpointer user_data)
{
  Record *r = user_data;

  if (smolder_poller_is_busy (r->poller) || r->cpu_cancellable != NULL)
    return G_SOURCE_CONTINUE;
  g_main_loop_quit (r->loop);
  return G_SOURCE_REMOVE;
}

static void
stop (Record *r)
{
  if (r->stopping)
    return;
  r->stopping = TRUE;
  smolder_poller_stop (r->poller);
  /* Bodies already fetched are still being decoded: let them join the index. */
  g_timeout_add (20, wait_idle, r);
}

/* --count and --duration: a CPU capture under way is waited for (it was
 * asked for); Ctrl+C cancels it. */
static void
stop_when_done (Record *r)
{
  if (r->cpu_cancellable != NULL)
    r->stop_after_cpu = TRUE;
  else
    stop (r);
}

static gboolean
on_signal (gpointer user_data)
{
  Record *r = user_data;

  if (r->cpu_cancellable != NULL)
    g_cancellable_cancel (r->cpu_cancellable);
  stop (r);
  return G_SOURCE_CONTINUE;
}

static gboolean
on_duration (gpointer user_data)
{
  stop_when_done (user_data);
  return G_SOURCE_REMOVE;
}

static void
cpu_captured (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Record *r = user_data;
  g_autoptr(GError) error = NULL;

  /* The snapshot was printed by on_snapshot as it joined the session. */
  if (smolder_poller_capture_cpu_finish (SMOLDER_POLLER (source), result, &error) == NULL)
    g_printerr ("smolder-cli: record: %s: CPU profile: %s\n", r->uri, error->message);
  g_clear_object (&r->cpu_cancellable);
  if (r->stop_after_cpu)
    stop (r);
}

static void
on_snapshot (SmolderPoller             *poller,
             const SmolderLiveSnapshot *s,
             Record                    *r)
{
  g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (s->time_ms / 1000);
  g_autofree char *when = g_date_time_format (t, "%H:%M:%S");
  const char *name = ((SmolderLiveFile *) s->files->pdata[0])->name;

  r->n_snapshots++;
  if (s->summary.has_memstats)
    {
      g_autofree char *inuse = smolder_units_format_bytes (s->summary.heap_inuse);

      g_print ("%s  %s  heap in use %s, %u GCs\n", when, name, inuse, s->summary.num_gc);
    }
  else if (s->summary.goroutines >= 0)
    g_print ("%s  %s  %" G_GINT64_FORMAT " goroutines\n", when, name, s->summary.goroutines);
  else
    g_print ("%s  %s\n", when, name);
}

static void
on_failed (SmolderPoller *poller,
           const char    *profile,
           GError        *error,
           Record        *r)
{
  /* The message names the query or the file already. */
  g_printerr ("smolder-cli: record: %s: %s\n", r->uri, error->message);
}

static void
on_finished (SmolderPoller *poller,
             guint          seq,
             gboolean       ok,
             Record        *r)
{
  if (ok)
    {
      if (r->count > 0 && ++r->n_ok >= r->count)
        stop_when_done (r);
      return;
    }
  if (smolder_poller_get_next_poll (poller) > 0)
    g_printerr ("smolder-cli: record: %s: poll %u failed; next try in %.1f s\n", r->uri, seq,
                (smolder_poller_get_next_poll (poller) - g_get_real_time ()) / 1e6);
}

int
smolder_cli_record (int    argc,
                    char **argv)
{
  g_autofree char *interval = NULL;
  g_autofree char *duration = NULL;
  g_autofree char *profiles = NULL;
  g_autofree char *out = NULL;
  g_autofree char *accept_cert = NULL;
  g_autofree char *timeout = NULL;
  g_autofree char *max_body = NULL;
  g_auto(GStrv) headers = NULL;
  g_auto(GStrv) names = NULL;
  int count = 0;
  int cpu_seconds = 0;
  GOptionEntry entries[] = {
    { "interval", 0, 0, G_OPTION_ARG_STRING, &interval, "Time between polls (default 5s, at least 200ms)", "DURATION" },
    { "count", 0, 0, G_OPTION_ARG_INT, &count, "Stop after N successful polls", "N" },
    { "duration", 0, 0, G_OPTION_ARG_STRING, &duration, "Stop after this long (5s, 10m, 1h)", "DURATION" },
    { "profiles", 0, 0, G_OPTION_ARG_STRING, &profiles,
      "Profiles to record (default heap,goroutine; also allocs, mutex, block, threadcreate, goroutine-debug2)", "LIST" },
    { "cpu", 0, 0, G_OPTION_ARG_INT, &cpu_seconds,
      "Also capture one CPU profile of SECONDS at the start (cpu-NNNN.pb.gz; polling goes on meanwhile)", "SECONDS" },
    { "header", 0, 0, G_OPTION_ARG_STRING_ARRAY, &headers, "A request header (repeatable)", "'NAME: VALUE'" },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, "Session folder (default: a new one under $XDG_DATA_HOME/smolder/sessions)", "DIR" },
    { "accept-cert", 0, 0, G_OPTION_ARG_STRING, &accept_cert,
      "Accept this untrusted TLS certificate (its SHA-256 fingerprint)", "SHA256" },
    { "timeout", 0, 0, G_OPTION_ARG_STRING, &timeout, "Longest a request may take (default 30s)", "DURATION" },
    { "max-body", 0, 0, G_OPTION_ARG_STRING, &max_body, "Largest body accepted (default 64M)", "SIZE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("URL");
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderEndpoint) endpoint = NULL;
  g_autoptr(SmolderSession) session = NULL;
  g_autoptr(GFile) dir = NULL;
  gint64 interval_ms = SMOLDER_POLLER_DEFAULT_INTERVAL_MS, duration_ms = 0, timeout_ms = 30000;
  Record r = { 0 };
  int ret = 1;

  g_option_context_set_summary (context,
    "Poll a Go service's /debug/pprof/ endpoint into a session folder.\n"
    "URL: host:port (= http://host:port/debug/pprof/) or any base URL;\n"
    "http://user:password@host:port/... sends basic auth (never written to disk).\n"
    "Ctrl+C stops with the index complete.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("smolder-cli record: %s\n", error ? error->message : "expected one URL");
      return SMOLDER_CLI_EXIT_USAGE;
    }
  if ((interval && (interval_ms = smolder_cli_parse_duration_ms (interval)) < 0) ||
      (duration && (duration_ms = smolder_cli_parse_duration_ms (duration)) <= 0) ||
      (timeout && (timeout_ms = smolder_cli_parse_duration_ms (timeout)) <= 0))
    {
      g_printerr ("smolder-cli record: a duration is a number with ms, s, m or h\n");
      return SMOLDER_CLI_EXIT_USAGE;
    }
  if (count < 0 || (count > 0 && duration_ms > 0))
    {
      g_printerr ("smolder-cli record: give --count=N or --duration=D, not both\n");
      return SMOLDER_CLI_EXIT_USAGE;
    }
  if (cpu_seconds < 0 || cpu_seconds > 3600)
    {
      g_printerr ("smolder-cli record: --cpu is a number of seconds from 1 to 3600\n");
      return SMOLDER_CLI_EXIT_USAGE;
    }
  if (max_body && parse_size (max_body) == 0)
    {
      g_printerr ("smolder-cli record: --max-body is a size such as 64M\n");
      return SMOLDER_CLI_EXIT_USAGE;
    }

  endpoint = smolder_endpoint_new_parse (argv[1], &error);
  if (endpoint == NULL)
    {
      g_printerr ("smolder-cli: record: %s\n", error->message);
      return SMOLDER_CLI_EXIT_USAGE;
    }
  for (guint i = 0; headers != NULL && headers[i] != NULL; i++)
    if (!smolder_endpoint_add_header (endpoint, headers[i], &error))
      {
        g_printerr ("smolder-cli: record: --header: %s\n", error->message);
        return SMOLDER_CLI_EXIT_USAGE;
      }
  if (accept_cert != NULL)
    smolder_endpoint_set_accepted_certificate (endpoint, accept_cert);
  r.uri = smolder_endpoint_get_uri (endpoint);
  r.count = count;
  r.loop = g_main_loop_new (NULL, FALSE);
  r.poller = smolder_poller_new (endpoint, NULL);
  smolder_poller_set_interval_ms (r.poller, interval_ms);
  smolder_poller_set_timeout_ms (r.poller, timeout_ms);
  if (max_body)
    smolder_poller_set_max_body (r.poller, parse_size (max_body));
  names = g_strsplit (profiles ? profiles : "heap,goroutine", ",", -1);
  if (!smolder_poller_set_profiles (r.poller, (const char * const *) names, &error))
    {
      g_printerr ("smolder-cli: record: %s\n", error->message);
      ret = SMOLDER_CLI_EXIT_USAGE;
      goto out;
    }

  /* At the start, a service that is not there or not a pprof endpoint is
   * the user's mistake to fix now, not something to retry. */
  smolder_poller_discover_async (r.poller, NULL, discovered, &r);
  g_main_loop_run (r.loop);
  if (r.entries == NULL)
    {
      g_printerr ("smolder-cli: record: %s: %s\n", r.uri, r.error->message);
      goto out;
    }
  for (guint i = 0; names[i] != NULL; i++)
    if (smolder_pprof_index_lookup (r.entries, smolder_poller_profile_index_name (names[i])) == NULL)
      {
        g_autoptr(GString) offered = g_string_new (NULL);

        for (guint j = 0; j < r.entries->len; j++)
          g_string_append_printf (offered, "%s%s", j ? ", " : "",
                                  ((SmolderPprofIndexEntry *) r.entries->pdata[j])->name);
        g_printerr ("smolder-cli: record: %s: the service offers no %s profile (it offers %s)\n",
                    r.uri, names[i], offered->str);
        goto out;
      }

  dir = out ? g_file_new_for_commandline_arg (out) : NULL;
  session = smolder_session_new (endpoint, dir, &error);
  if (session == NULL)
    {
      g_printerr ("smolder-cli: record: %s\n", error->message);
      goto out;
    }
  g_clear_object (&r.poller);
  r.poller = smolder_poller_new (endpoint, session);
  smolder_poller_set_interval_ms (r.poller, interval_ms);
  smolder_poller_set_timeout_ms (r.poller, timeout_ms);
  if (max_body)
    smolder_poller_set_max_body (r.poller, parse_size (max_body));
  smolder_poller_set_profiles (r.poller, (const char * const *) names, NULL);
  g_signal_connect (r.poller, "snapshot-added", G_CALLBACK (on_snapshot), &r);
  g_signal_connect (r.poller, "poll-failed", G_CALLBACK (on_failed), &r);
  g_signal_connect (r.poller, "poll-finished", G_CALLBACK (on_finished), &r);

  g_printerr ("smolder-cli: recording %s every %.1f s into %s\n", r.uri,
              smolder_poller_get_interval_ms (r.poller) / 1000.0,
              g_file_peek_path (smolder_session_get_dir (session)));
  g_unix_signal_add (SIGINT, on_signal, &r);
  g_unix_signal_add (SIGTERM, on_signal, &r);
  if (duration_ms > 0)
    g_timeout_add (duration_ms, on_duration, &r);
  smolder_poller_start (r.poller);
  if (cpu_seconds > 0)
    {
      r.cpu_cancellable = g_cancellable_new ();
      smolder_poller_capture_cpu_async (r.poller, cpu_seconds, r.cpu_cancellable, cpu_captured, &r);
    }
  g_main_loop_run (r.loop);

  if (!smolder_session_save (session, &error))
    {
      g_printerr ("smolder-cli: record: %s\n", error->message);
      goto out;
    }
  g_printerr ("smolder-cli: %u snapshots in %s\n", smolder_session_get_n_snapshots (session),
              g_file_peek_path (smolder_session_get_dir (session)));
  ret = 0;

out:
  g_clear_object (&r.cpu_cancellable);
  g_clear_pointer (&r.entries, g_ptr_array_unref);
  g_clear_error (&r.error);
  g_clear_object (&r.poller);
  g_clear_pointer (&r.loop, g_main_loop_unref);
  return ret;
}
