/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-live-page.c: the tab of one watched endpoint (see the header). */
#include "smolder-live-page.h"

#include <math.h>

#include <glib/gi18n.h>
#include <inttypes.h>

#include "smolder-live-alerts.h"
#include "smolder-cpu-capture.h"
#include "smolder-function-chart.h"
#include "smolder-live-compare.h"
#include "smolder-load.h"

/* Steady growth: over the last GROWTH_SPAN_MS, with at least GROWTH_MIN_POINTS
 * snapshots in it, the lowest value of the later half stays above the highest
 * of the earlier half. Heap in use saw-tooths with every GC, so comparing a
 * troughs-vs-peaks of the two halves ignores that noise while a leak lifts even
 * the troughs after each GC; two minutes span many GC cycles under load, and
 * six snapshots keep a fast poll (0.2 s) from alerting on a few seconds of
 * warm-up. One alert per episode: the episode ends (and the alert re-arms)
 * only when the value falls back to the earlier half's peak, the level it
 * had risen from, so a window sliding across a noisy rise cannot alert
 * again and again. */
#define GROWTH_SPAN_MS (2 * 60 * 1000)
#define GROWTH_MIN_POINTS 6

struct _SmolderLivePage
{
  SmolderPage           parent_instance;

  SmolderPoller        *poller;
  SmolderSeries        *series;
  GPtrArray            *heap_snapshots;  /* const SmolderLiveSnapshot *, owned by the session */
  SmolderLiveAlerts    *alerts;          /* thresholds, their marks and notifications */
  gboolean              replaying;       /* a recorded session's snapshots: no notifications */
  double                growth_level[2]; /* heap in use, goroutines: the level an alerted rise left; NAN: none */
  guint                 n_growth_alerts;
  SmolderFunctionSeries *functions;      /* the second chart's data */

  GtkWidget            *state_label;
  GtkWidget            *folder_label;
  GtkWidget            *follow_button;
  GtkWidget            *pause_button;
  GtkWidget            *stop_button;
  GtkWidget            *chart;
  GtkWidget            *function_chart;
  GtkWidget            *cpu_capture;
  GtkWidget            *view;
  GtkWidget            *snapshot_label;
  GtkWidget            *compare;         /* SmolderLiveCompare: two moments */
  char                 *state_text;
  guint                 tick_id;
  guint                 idle_id;

  /* The snapshot shown; loads are numbered so a stale one is dropped. */
  const SmolderLiveSnapshot *shown;
  SmolderProfile       *profile;
  GCancellable         *load_cancellable;
  guint                 load_generation;
  gboolean              loading;
  gboolean              load_newest_after;
  gboolean              follow_live;
};

G_DEFINE_FINAL_TYPE (SmolderLivePage, smolder_live_page, SMOLDER_TYPE_PAGE)

static const struct {
  const char        *name;
  SmolderSeriesUnit  unit;
  guint              group;
} series_table[] = {
  [SMOLDER_LIVE_SERIES_HEAP_INUSE]   = { N_("Heap in use"), SMOLDER_SERIES_UNIT_BYTES, 0 },
  [SMOLDER_LIVE_SERIES_HEAP_ALLOC]   = { N_("Heap alloc"), SMOLDER_SERIES_UNIT_BYTES, 0 },
  [SMOLDER_LIVE_SERIES_HEAP_OBJECTS] = { N_("Heap objects"), SMOLDER_SERIES_UNIT_COUNT, 1 },
  [SMOLDER_LIVE_SERIES_SYS]          = { N_("Sys"), SMOLDER_SERIES_UNIT_BYTES, 0 },
  [SMOLDER_LIVE_SERIES_NEXT_GC]      = { N_("Next GC goal"), SMOLDER_SERIES_UNIT_BYTES, 0 },
  [SMOLDER_LIVE_SERIES_GOROUTINES]   = { N_("Goroutines"), SMOLDER_SERIES_UNIT_COUNT, 2 },
};

typedef struct {
  SmolderLivePage *page;
  guint            generation;
} LoadData;

static void update_state (SmolderLivePage *self);

/* The .pb.gz of a snapshot (heap-0001.pb.gz), not its ?debug=1 text. */
static const char *
snapshot_proto_name (const SmolderLiveSnapshot *snapshot)
{
  for (guint i = 0; i < snapshot->files->len; i++)
    {
      const SmolderLiveFile *file = g_ptr_array_index (snapshot->files, i);

      if (g_str_has_suffix (file->name, ".pb.gz"))
        return file->name;
    }
  return NULL;
}

static void
set_shown_label (SmolderLivePage *self)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *text = NULL;

  if (self->shown == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->snapshot_label),
                          _("Waiting for the first heap snapshot…"));
      return;
    }
  when = g_date_time_new_from_unix_local (self->shown->time_ms / 1000);
  clock = g_date_time_format (when, "%X");
  if (self->follow_live)
    /* Translators: the snapshot shown below the chart: its number and time of day. */
    text = g_strdup_printf (_("Heap snapshot %u at %s, following live"), self->shown->seq, clock);
  else
    text = g_strdup_printf (_("Heap snapshot %u at %s"), self->shown->seq, clock);
  gtk_label_set_text (GTK_LABEL (self->snapshot_label), text);
}

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  LoadData *data = user_data;
  g_autoptr(SmolderLivePage) self = data->page;
  guint generation = data->generation;
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) profile = smolder_profile_load_finish (result, &error);

  g_free (data);
  if (generation != self->load_generation)
    return;  /* a newer load replaced this one */
  self->loading = FALSE;
  if (profile == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *text = g_strdup_printf (_("Cannot read heap snapshot %u: %s"),
                                                   self->shown->seq, error->message);

          gtk_label_set_text (GTK_LABEL (self->snapshot_label), text);
        }
      return;
    }

  g_set_object (&self->profile, profile);
  smolder_profile_view_set_profile (SMOLDER_PROFILE_VIEW (self->view), profile);
  smolder_page_notify_profile (SMOLDER_PAGE (self));
  set_shown_label (self);

  /* Snapshots that arrived during the load: show only the newest. */
  if (self->load_newest_after && self->follow_live)
    smolder_live_page_show_moment (self, G_MAXINT64);
  self->load_newest_after = FALSE;
}

static void
load_snapshot (SmolderLivePage           *self,
               const SmolderLiveSnapshot *snapshot)
{
  SmolderSession *session = smolder_poller_get_session (self->poller);
  const char *name = snapshot_proto_name (snapshot);
  g_autoptr(GFile) file = NULL;
  LoadData *data;

  if (name == NULL || snapshot == self->shown)
    return;
  self->shown = snapshot;
  smolder_live_compare_set_first (SMOLDER_LIVE_COMPARE (self->compare), snapshot);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  self->loading = TRUE;
  self->load_newest_after = FALSE;

  data = g_new0 (LoadData, 1);
  data->page = g_object_ref (self);
  data->generation = ++self->load_generation;
  file = g_file_get_child (smolder_session_get_dir (session), name);
  smolder_profile_load_async (file, NULL, self->load_cancellable, load_done, data);
  set_shown_label (self);
}

void
smolder_live_page_show_moment (SmolderLivePage *self,
                               gint64           time_ms)
{
  const SmolderLiveSnapshot *best = NULL;
  gint64 best_distance = G_MAXINT64;

  g_return_if_fail (SMOLDER_IS_LIVE_PAGE (self));

  for (guint i = 0; i < self->heap_snapshots->len; i++)
    {
      const SmolderLiveSnapshot *snapshot = g_ptr_array_index (self->heap_snapshots, i);
      gint64 distance = ABS (snapshot->time_ms - time_ms);

      if (time_ms == G_MAXINT64)
        distance = self->heap_snapshots->len - i;
      if (distance < best_distance)
        {
          best = snapshot;
          best_distance = distance;
        }
    }
  if (best == NULL)
    return;

  if (best != g_ptr_array_index (self->heap_snapshots, self->heap_snapshots->len - 1))
    smolder_live_page_set_follow_live (self, FALSE);
  load_snapshot (self, best);
}

static void
notify (SmolderLivePage *self,
        const char      *id,
        const char      *title,
        const char      *body)
{
  GApplication *app = g_application_get_default ();
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *full_id = NULL;

  /* Every notification backend talks D-Bus; without a bus (a bare X
   * session, the tests) the chart's marks are the alert. */
  if (self->replaying || app == NULL || !g_application_get_is_registered (app)
      || g_application_get_dbus_connection (app) == NULL)
    return;
  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  full_id = g_strdup_printf ("%s-%s", id, smolder_endpoint_get_uri (smolder_poller_get_endpoint (self->poller)));
  g_application_send_notification (app, full_id, notification);
}

static void
add_gc_pauses (SmolderLivePage          *self,
               const SmolderLiveSummary *summary)
{
  SmolderSession *session = smolder_poller_get_session (self->poller);
  gint64 start_ns = smolder_session_get_start_ms (session) * 1000000;

  /* The first ring read holds pauses from before the watch began: they
   * would stretch the chart back to the service's start. Long ones are
   * the alerts' (smolder-live-alerts.c). */
  for (guint i = 0; i < summary->n_pauses; i++)
    if ((gint64) summary->pause_end[i] >= start_ns)
      smolder_series_add_gc (self->series, summary->pause_end[i], summary->pause_ns[i]);
}

static void
on_alert (SmolderLiveAlerts *alerts,
          const char        *id,
          const char        *title,
          const char        *text,
          SmolderLivePage   *self)
{
  g_autofree char *body = g_strdup_printf ("%s: %s",
                                           smolder_endpoint_get_uri (smolder_poller_get_endpoint (self->poller)),
                                           text);

  notify (self, id, title, body);
}

/* See GROWTH_SPAN_MS. */
static gboolean
series_grows_steadily (SmolderSeries *series,
                       guint          s,
                       gint64         now_ms,
                       double        *earlier_peak)
{
  guint n = smolder_series_get_n_points (series, s);
  guint first = smolder_series_lower_bound (series, s, now_ms - GROWTH_SPAN_MS);
  gint64 t_first, t_mid;
  guint mid;
  double lo0, hi0, lo1, hi1;

  if (n - first < GROWTH_MIN_POINTS || first == 0)
    return FALSE;  /* too few points, or the data does not cover the span yet */
  t_first = smolder_series_get_time (series, s, first);
  t_mid = t_first + (smolder_series_get_time (series, s, n - 1) - t_first) / 2;
  mid = smolder_series_lower_bound (series, s, t_mid);
  if (!smolder_series_index_min_max (series, s, first, mid, &lo0, &hi0)
      || !smolder_series_index_min_max (series, s, mid, n, &lo1, &hi1))
    return FALSE;
  *earlier_peak = hi0;
  return lo1 > hi0;
}

static void
check_growth (SmolderLivePage *self,
              gint64           now_ms)
{
  static const guint watched[] = { SMOLDER_LIVE_SERIES_HEAP_INUSE, SMOLDER_LIVE_SERIES_GOROUTINES };

  for (guint i = 0; i < G_N_ELEMENTS (watched); i++)
    {
      guint s = watched[i];
      guint n = smolder_series_get_n_points (self->series, s);
      double level = NAN;

      if (!isnan (self->growth_level[i]) && n > 0
          && smolder_series_get_value (self->series, s, n - 1) <= self->growth_level[i])
        self->growth_level[i] = NAN;  /* back where it rose from: the episode is over */
      if (isnan (self->growth_level[i]) && series_grows_steadily (self->series, s, now_ms, &level))
        {
          g_autofree char *body =
            g_strdup_printf (_("%s: %s kept rising for two minutes without falling back"),
                             smolder_endpoint_get_uri (smolder_poller_get_endpoint (self->poller)),
                             _(series_table[watched[i]].name));

          notify (self, i == 0 ? "growth-heap" : "growth-goroutines", _("Steady Growth"), body);
          self->n_growth_alerts++;
          self->growth_level[i] = level;
        }
    }
}

static void
on_snapshot_added (SmolderPoller             *poller,
                   const SmolderLiveSnapshot *snapshot,
                   SmolderLivePage           *self)
{
  const SmolderLiveSummary *summary = &snapshot->summary;
  gint64 t = snapshot->time_ms;

  if (g_str_equal (snapshot->profile, "heap"))
    {
      if (summary->has_memstats)
        {
          smolder_series_append (self->series, SMOLDER_LIVE_SERIES_HEAP_INUSE, t, summary->heap_inuse);
          smolder_series_append (self->series, SMOLDER_LIVE_SERIES_HEAP_ALLOC, t, summary->heap_alloc);
          smolder_series_append (self->series, SMOLDER_LIVE_SERIES_HEAP_OBJECTS, t, summary->heap_objects);
          smolder_series_append (self->series, SMOLDER_LIVE_SERIES_SYS, t, summary->sys);
          smolder_series_append (self->series, SMOLDER_LIVE_SERIES_NEXT_GC, t, summary->next_gc);
          add_gc_pauses (self, summary);
        }
      g_ptr_array_add (self->heap_snapshots, (gpointer) snapshot);
      if (self->follow_live)
        {
          if (self->loading)
            self->load_newest_after = TRUE;
          else
            load_snapshot (self, snapshot);
        }
    }
  else if (g_str_equal (snapshot->profile, "goroutine") && summary->goroutines >= 0)
    {
      smolder_series_append (self->series, SMOLDER_LIVE_SERIES_GOROUTINES, t, summary->goroutines);
    }
  smolder_function_series_add_snapshot (self->functions, snapshot);
  check_growth (self, t);
  smolder_live_alerts_update (self->alerts, !self->replaying);
  update_state (self);
}

static gboolean
tick_cb (gpointer user_data)
{
  update_state (user_data);
  return G_SOURCE_CONTINUE;
}

static void
update_state (SmolderLivePage *self)
{
  SmolderPollerState state = smolder_poller_get_state (self->poller);
  guint n = self->heap_snapshots->len;
  double interval = smolder_poller_get_interval_ms (self->poller) / 1000.0;
  g_autofree char *text = NULL;
  const char *css = NULL;

  switch (state)
    {
    case SMOLDER_POLLER_STATE_IDLE:
    case SMOLDER_POLLER_STATE_CONNECTING:
      text = g_strdup_printf (_("Connecting to %s…"),
                              smolder_endpoint_get_uri (smolder_poller_get_endpoint (self->poller)));
      break;
    case SMOLDER_POLLER_STATE_LIVE:
      text = g_strdup_printf (ngettext ("Live: %u snapshot, every %.1f s",
                                        "Live: %u snapshots, every %.1f s", n), n, interval);
      css = "success";
      break;
    case SMOLDER_POLLER_STATE_PAUSED:
      text = g_strdup_printf (ngettext ("Paused after %u snapshot", "Paused after %u snapshots", n), n);
      break;
    case SMOLDER_POLLER_STATE_ERROR:
      {
        gint64 next = smolder_poller_get_next_poll (self->poller);
        const char *reason = smolder_poller_get_error (self->poller);

        if (next > 0)
          {
            gint64 seconds = MAX (0, (next - g_get_real_time () + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);

            /* Translators: the error, then when the next attempt is. */
            text = g_strdup_printf (_("Error: %s. Retrying in %" PRId64 " s"),
                                    reason ? reason : _("unknown"), seconds);
          }
        else
          text = g_strdup_printf (_("Error: %s. Retrying now"), reason ? reason : _("unknown"));
        css = "error";
      }
      break;
    case SMOLDER_POLLER_STATE_STOPPED:
    default:
      text = g_strdup_printf (ngettext ("Stopped after %u snapshot", "Stopped after %u snapshots", n), n);
      break;
    }

  if (g_strcmp0 (text, self->state_text) != 0)
    {
      g_free (self->state_text);
      self->state_text = g_steal_pointer (&text);
      gtk_label_set_text (GTK_LABEL (self->state_label), self->state_text);
      gtk_widget_set_tooltip_text (self->state_label, self->state_text);
    }
  gtk_widget_remove_css_class (self->state_label, "success");
  gtk_widget_remove_css_class (self->state_label, "error");
  if (css != NULL)
    gtk_widget_add_css_class (self->state_label, css);

  gtk_button_set_label (GTK_BUTTON (self->pause_button),
                        state == SMOLDER_POLLER_STATE_PAUSED ? _("_Resume") : _("_Pause"));
  gtk_widget_set_sensitive (self->pause_button, state != SMOLDER_POLLER_STATE_STOPPED);
  gtk_widget_set_sensitive (self->stop_button, state != SMOLDER_POLLER_STATE_STOPPED);
  gtk_widget_set_sensitive (self->cpu_capture, state != SMOLDER_POLLER_STATE_STOPPED);
  smolder_page_set_loading (SMOLDER_PAGE (self), state == SMOLDER_POLLER_STATE_CONNECTING);

  /* The countdown to the next retry moves once a second. */
  if (state == SMOLDER_POLLER_STATE_ERROR && self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
  else if (state != SMOLDER_POLLER_STATE_ERROR)
    g_clear_handle_id (&self->tick_id, g_source_remove);
}

static gboolean
update_idle (gpointer user_data)
{
  SmolderLivePage *self = user_data;

  self->idle_id = 0;
  update_state (self);
  return G_SOURCE_REMOVE;
}

static void
on_state (GObject         *object,
          GParamSpec      *pspec,
          SmolderLivePage *self)
{
  update_state (self);
  /* The poller schedules its retry just after saying it failed: the
   * countdown shows once that is done. */
  if (self->idle_id == 0)
    self->idle_id = g_idle_add (update_idle, self);
}

static void
on_pause_clicked (GtkButton       *button,
                  SmolderLivePage *self)
{
  if (smolder_poller_get_state (self->poller) == SMOLDER_POLLER_STATE_PAUSED)
    smolder_poller_resume (self->poller);
  else
    smolder_poller_pause (self->poller);
  update_state (self);
}

static void
on_stop_clicked (GtkButton       *button,
                 SmolderLivePage *self)
{
  smolder_poller_stop (self->poller);
  update_state (self);
}

static void
on_follow_toggled (GtkToggleButton *button,
                   SmolderLivePage *self)
{
  smolder_live_page_set_follow_live (self, gtk_toggle_button_get_active (button));
}

static void
on_moment_activated (SmolderTimelineChart *chart,
                     gint64                time_ms,
                     SmolderLivePage      *self)
{
  smolder_live_page_show_moment (self, time_ms);
}

static SmolderProfile *
smolder_live_page_get_profile_vfunc (SmolderPage *page)
{
  return SMOLDER_LIVE_PAGE (page)->profile;
}

static void
smolder_live_page_dispose (GObject *object)
{
  SmolderLivePage *self = SMOLDER_LIVE_PAGE (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_cancellable_cancel (self->load_cancellable);
  if (self->poller != NULL)
    {
      SmolderSession *session = smolder_poller_get_session (self->poller);

      g_signal_handlers_disconnect_by_data (self->poller, self);
      smolder_poller_stop (self->poller);
      if (session != NULL)
        smolder_session_save (session, NULL);
    }
  G_OBJECT_CLASS (smolder_live_page_parent_class)->dispose (object);
}

static void
smolder_live_page_finalize (GObject *object)
{
  SmolderLivePage *self = SMOLDER_LIVE_PAGE (object);

  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->profile);
  g_clear_pointer (&self->heap_snapshots, g_ptr_array_unref);
  g_clear_object (&self->alerts);
  g_clear_object (&self->series);
  g_clear_object (&self->functions);
  g_clear_object (&self->poller);
  g_free (self->state_text);
  G_OBJECT_CLASS (smolder_live_page_parent_class)->finalize (object);
}

static void
smolder_live_page_class_init (SmolderLivePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SmolderPageClass *page_class = SMOLDER_PAGE_CLASS (klass);

  object_class->dispose = smolder_live_page_dispose;
  object_class->finalize = smolder_live_page_finalize;
  page_class->get_profile = smolder_live_page_get_profile_vfunc;
}

static GtkWidget *
text_button (const char *label,
             GCallback   callback,
             gpointer    data)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  g_signal_connect (button, "clicked", callback, data);
  return button;
}

static void
smolder_live_page_init (SmolderLivePage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_VERTICAL);
  GtkWidget *lower = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *charts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->follow_live = TRUE;
  self->growth_level[0] = self->growth_level[1] = NAN;
  self->series = smolder_series_new ();
  for (guint i = 0; i < G_N_ELEMENTS (series_table); i++)
    {
      guint s = smolder_series_add (self->series, _(series_table[i].name), series_table[i].unit);

      smolder_series_set_group (self->series, s, series_table[i].group);
    }
  self->heap_snapshots = g_ptr_array_new ();

  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);

  self->state_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->state_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->state_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->state_label, "heading");
  gtk_box_append (GTK_BOX (bar), self->state_label);

  self->folder_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->folder_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->folder_label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_selectable (GTK_LABEL (self->folder_label), TRUE);
  gtk_widget_set_hexpand (self->folder_label, TRUE);
  gtk_widget_add_css_class (self->folder_label, "dim-label");
  gtk_box_append (GTK_BOX (bar), self->folder_label);

  self->cpu_capture = smolder_cpu_capture_new ();
  gtk_box_append (GTK_BOX (bar), self->cpu_capture);

  self->follow_button = gtk_toggle_button_new_with_mnemonic (_("_Follow Live"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->follow_button), TRUE);
  gtk_widget_set_tooltip_text (self->follow_button, _("Show the newest snapshot as it arrives"));
  g_signal_connect (self->follow_button, "toggled", G_CALLBACK (on_follow_toggled), self);
  gtk_box_append (GTK_BOX (bar), self->follow_button);

  self->pause_button = text_button (_("_Pause"), G_CALLBACK (on_pause_clicked), self);
  gtk_box_append (GTK_BOX (bar), self->pause_button);
  self->stop_button = text_button (_("_Stop"), G_CALLBACK (on_stop_clicked), self);
  gtk_widget_add_css_class (self->stop_button, "destructive-action");
  gtk_box_append (GTK_BOX (bar), self->stop_button);
  gtk_box_append (GTK_BOX (box), bar);

  self->chart = smolder_timeline_chart_new ();
  smolder_timeline_chart_set_model (SMOLDER_TIMELINE_CHART (self->chart), self->series);
  gtk_widget_set_size_request (self->chart, -1, 220);
  g_signal_connect (self->chart, "moment-activated", G_CALLBACK (on_moment_activated), self);
  self->alerts = smolder_live_alerts_new (SMOLDER_TIMELINE_CHART (self->chart), SMOLDER_LIVE_SERIES_HEAP_INUSE,
                                          SMOLDER_LIVE_SERIES_GOROUTINES);
  g_signal_connect (self->alerts, "alert", G_CALLBACK (on_alert), self);
  gtk_box_insert_child_after (GTK_BOX (bar), smolder_live_alerts_get_button (self->alerts), self->folder_label);
  gtk_box_append (GTK_BOX (charts), self->chart);
  self->functions = smolder_function_series_new ();
  self->function_chart = smolder_function_chart_new (self->functions);
  gtk_widget_set_size_request (self->function_chart, -1, 240);
  g_signal_connect (smolder_function_chart_get_chart (SMOLDER_FUNCTION_CHART (self->function_chart)),
                    "moment-activated", G_CALLBACK (on_moment_activated), self);
  gtk_box_append (GTK_BOX (charts), self->function_chart);
  gtk_paned_set_start_child (GTK_PANED (paned), charts);
  gtk_paned_set_resize_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);

  self->snapshot_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->snapshot_label), 0);
  gtk_widget_set_margin_start (self->snapshot_label, 12);
  gtk_widget_set_margin_top (self->snapshot_label, 4);
  gtk_widget_set_margin_bottom (self->snapshot_label, 4);
  gtk_widget_add_css_class (self->snapshot_label, "dim-label");
  gtk_box_append (GTK_BOX (lower), self->snapshot_label);
  self->view = smolder_profile_view_new ();
  gtk_widget_set_vexpand (self->view, TRUE);
  gtk_box_append (GTK_BOX (lower), self->view);
  gtk_paned_set_end_child (GTK_PANED (paned), lower);
  gtk_paned_set_position (GTK_PANED (paned), 460);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_box_append (GTK_BOX (box), paned);

  adw_bin_set_child (ADW_BIN (self), box);
  set_shown_label (self);
}

SmolderLivePage *
smolder_live_page_new (SmolderPoller *poller)
{
  SmolderLivePage *self;
  SmolderEndpoint *endpoint;
  SmolderSession *session;
  g_autofree char *title = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *folder_text = NULL;
  g_autoptr(GIcon) icon = NULL;

  g_return_val_if_fail (SMOLDER_IS_POLLER (poller), NULL);
  g_return_val_if_fail (smolder_poller_get_session (poller) != NULL, NULL);

  self = g_object_new (SMOLDER_TYPE_LIVE_PAGE, NULL);
  self->poller = g_object_ref (poller);
  endpoint = smolder_poller_get_endpoint (poller);
  session = smolder_poller_get_session (poller);

  title = g_strdup_printf ("%s:%d", smolder_endpoint_get_host (endpoint),
                           smolder_endpoint_get_port (endpoint));
  smolder_page_set_title (SMOLDER_PAGE (self), title);
  tooltip = g_markup_escape_text (smolder_endpoint_get_uri (endpoint), -1);
  smolder_page_set_tooltip (SMOLDER_PAGE (self), tooltip);
  icon = g_themed_icon_new ("network-transmit-receive-symbolic");
  smolder_page_set_icon (SMOLDER_PAGE (self), icon);
  smolder_profile_view_set_title (SMOLDER_PROFILE_VIEW (self->view), title);
  self->compare = smolder_live_compare_new (SMOLDER_TIMELINE_CHART (self->chart), self->heap_snapshots,
                                            smolder_session_get_dir (session));
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (self->follow_button)), self->compare,
                              self->folder_label);

  folder = g_file_get_basename (smolder_session_get_dir (session));
  if (smolder_poller_get_state (poller) == SMOLDER_POLLER_STATE_STOPPED)
    /* Translators: the folder of a recorded session reopened. */
    folder_text = g_strdup_printf (_("Recorded in %s"), folder);
  else
    /* Translators: the session folder the snapshots are written to. */
    folder_text = g_strdup_printf (_("Recording to %s"), folder);
  gtk_label_set_text (GTK_LABEL (self->folder_label), folder_text);
  {
    g_autofree char *path = g_file_get_path (smolder_session_get_dir (session));

    gtk_widget_set_tooltip_text (self->folder_label, path);
  }

  smolder_cpu_capture_set_poller (SMOLDER_CPU_CAPTURE (self->cpu_capture), poller);
  /* A reopened recording: the functions' chart of what it holds already. */
  smolder_function_series_add_session (self->functions, session);
  g_signal_connect (poller, "snapshot-added", G_CALLBACK (on_snapshot_added), self);
  g_signal_connect (poller, "notify::state", G_CALLBACK (on_state), self);
  /* A reopened session (smolder_window_open_session()): what it holds
   * already, as if polled now, without notifications. */
  self->replaying = TRUE;
  for (guint i = 0; i < smolder_session_get_n_snapshots (session); i++)
    on_snapshot_added (poller, smolder_session_get_snapshot (session, i), self);
  self->replaying = FALSE;
  if (smolder_poller_get_state (poller) == SMOLDER_POLLER_STATE_IDLE)
    smolder_poller_start (poller);
  update_state (self);
  return self;
}

SmolderLivePage *
smolder_live_page_open (SmolderWindow      *window,
                        SmolderEndpoint    *endpoint,
                        const char * const *profiles,
                        guint               interval_ms,
                        GError            **error)
{
  static const char * const defaults[] = { "heap", "goroutine", NULL };
  g_autoptr(SmolderSession) session = NULL;
  g_autoptr(SmolderPoller) poller = NULL;
  SmolderLivePage *page;

  g_return_val_if_fail (SMOLDER_IS_WINDOW (window), NULL);
  g_return_val_if_fail (SMOLDER_IS_ENDPOINT (endpoint), NULL);

  session = smolder_session_new (endpoint, NULL, error);
  if (session == NULL)
    return NULL;
  poller = smolder_poller_new (endpoint, session);
  smolder_poller_set_interval_ms (poller, interval_ms);
  if (!smolder_poller_set_profiles (poller, profiles != NULL ? profiles : defaults, error))
    return NULL;

  page = smolder_live_page_new (poller);
  smolder_window_add_page (window, SMOLDER_PAGE (page));
  return page;
}

SmolderPoller *
smolder_live_page_get_poller (SmolderLivePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_LIVE_PAGE (self), NULL);
  return self->poller;
}

SmolderSeries *
smolder_live_page_get_series (SmolderLivePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_LIVE_PAGE (self), NULL);
  return self->series;
}

SmolderTimelineChart *
smolder_live_page_get_chart (SmolderLivePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_LIVE_PAGE (self), NULL);
  return SMOLDER_TIMELINE_CHART (self->chart);
}

SmolderFunctionChart *
smolder_live_page_get_function_chart (SmolderLivePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_LIVE_PAGE (self), NULL);
  return SMOLDER_FUNCTION_CHART (self->function_chart);
}

SmolderCpuCapture *
smolder_live_page_get_cpu_capture (SmolderLivePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_LIVE_PAGE (self), NULL);
  return SMOLDER_CPU_CAPTURE (self->cpu_capture);
}

SmolderProfileView *
smolder_live_page_get_profile_view (SmolderLivePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_LIVE_PAGE (self), NULL);
  return SMOLDER_PROFILE_VIEW (self->view);
}

const char *
smolder_live_page_get_state_text (SmolderLivePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_LIVE_PAGE (self), NULL);
  return self->state_text;
}

const SmolderLiveSnapshot *
smolder_live_page_get_shown_snapshot (SmolderLivePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_LIVE_PAGE (self), NULL);
  return self->shown;
}

gboolean
smolder_live_page_get_loading_snapshot (SmolderLivePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_LIVE_PAGE (self), FALSE);
  return self->loading;
}

gboolean
smolder_live_page_get_follow_live (SmolderLivePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_LIVE_PAGE (self), FALSE);
  return self->follow_live;
}

void
smolder_live_page_set_follow_live (SmolderLivePage *self,
                                   gboolean         follow)
{
  g_return_if_fail (SMOLDER_IS_LIVE_PAGE (self));

  follow = !!follow;
  if (self->follow_live == follow)
    return;
  self->follow_live = follow;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->follow_button), follow);
  smolder_timeline_chart_set_follow_live (SMOLDER_TIMELINE_CHART (self->chart), follow);
  if (follow && self->heap_snapshots->len > 0)
    {
      if (self->loading)
        self->load_newest_after = TRUE;
      else
        load_snapshot (self, g_ptr_array_index (self->heap_snapshots, self->heap_snapshots->len - 1));
    }
  set_shown_label (self);
}

guint
smolder_live_page_get_n_gc_alerts (SmolderLivePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_LIVE_PAGE (self), 0);
  return smolder_live_alerts_get_n_marks (self->alerts, SMOLDER_LIVE_ALERT_GC_PAUSE);
}

SmolderLiveAlerts *
smolder_live_page_get_alerts (SmolderLivePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_LIVE_PAGE (self), NULL);
  return self->alerts;
}

guint
smolder_live_page_get_n_growth_alerts (SmolderLivePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_LIVE_PAGE (self), 0);
  return self->n_growth_alerts;
}
