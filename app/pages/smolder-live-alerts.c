/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-live-alerts.c: a live page's thresholds, marks and alerts. */
#include "smolder-live-alerts.h"

#include <math.h>

#include <glib/gi18n.h>

#include "smolder-application.h"
#include "smolder-chart-ticks.h"
#include "smolder-threshold.h"

/* GC pauses are milliseconds here (the settings key's unit). */
static const struct {
  const char        *key;
  const char        *label;     /* the popover's row */
  const char        *line;      /* the threshold line's label */
  const char        *title;     /* the notification's */
  const char        *id;
  const char        *hint;      /* what a bad entry is told */
  SmolderSeriesUnit  unit;
  double             fallback;  /* without settings */
} kinds[] = {
  [SMOLDER_LIVE_ALERT_HEAP] = { "heap-threshold", N_("_Heap in use"), N_("Heap alert"),
                                N_("Heap Above Threshold"), "heap-threshold",
                                N_("A size such as 512 MiB; empty or 0 for no alert"),
                                SMOLDER_SERIES_UNIT_BYTES, 0 },
  [SMOLDER_LIVE_ALERT_GOROUTINES] = { "goroutine-threshold", N_("_Goroutines"), N_("Goroutine alert"),
                                      N_("Goroutines Above Threshold"), "goroutine-threshold",
                                      N_("A whole number such as 10k; empty or 0 for no alert"),
                                      SMOLDER_SERIES_UNIT_COUNT, 0 },
  [SMOLDER_LIVE_ALERT_GC_PAUSE] = { "gc-pause-threshold-ms", N_("GC _pause"), NULL,
                                    N_("Long GC Pause"), "gc-pause",
                                    N_("A duration such as 100 ms (at most 60 s); empty or 0 for no alert"),
                                    SMOLDER_SERIES_UNIT_NANOSECONDS, 100 },
};

struct _SmolderLiveAlerts
{
  GObject                parent_instance;

  /* owned */
  SmolderTimelineChart  *chart;
  SmolderSeries         *series;
  GSettings             *settings;   /* NULL: thresholds in memory */
  GtkWidget             *button;
  GtkWidget             *entries[SMOLDER_LIVE_N_ALERTS];
  GArray                *spans[2];   /* SmolderThresholdSpan: heap, goroutines */
  GArray                *gc_alerts;  /* SmolderChartAlert */

  /* state */
  guint                  series_index[2];
  double                 threshold[SMOLDER_LIVE_N_ALERTS];
  SmolderThresholdWatch  watch[2];
  guint                  n_seen[2];  /* points already watched */
  gint64                 gc_seen_ns; /* end of the last GC mark looked at */
  guint                  n_sent[SMOLDER_LIVE_N_ALERTS];
};

G_DEFINE_FINAL_TYPE (SmolderLiveAlerts, smolder_live_alerts, G_TYPE_OBJECT)

enum {
  ALERT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Every crossing as a marker, GC pauses as bands of their length. */
static void
push_marks (SmolderLiveAlerts *self)
{
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (SmolderChartAlert));

  g_array_append_vals (marks, self->gc_alerts->data, self->gc_alerts->len);
  for (guint k = 0; k < 2; k++)
    for (guint i = 0; i < self->spans[k]->len; i++)
      {
        const SmolderThresholdSpan *span = &g_array_index (self->spans[k], SmolderThresholdSpan, i);
        SmolderChartAlert mark = { span->start_ms, span->start_ms };

        g_array_append_val (marks, mark);
      }
  smolder_timeline_chart_set_alerts (self->chart, (const SmolderChartAlert *) marks->data, marks->len);
}

static void
push_lines (SmolderLiveAlerts *self)
{
  SmolderChartThreshold lines[2];
  guint n = 0;
  double gc_ms = self->threshold[SMOLDER_LIVE_ALERT_GC_PAUSE];

  for (guint k = 0; k < 2; k++)
    if (self->threshold[k] > 0)
      lines[n++] = (SmolderChartThreshold) { self->series_index[k], self->threshold[k], _(kinds[k].line) };
  smolder_timeline_chart_set_thresholds (self->chart, lines, n);
  smolder_timeline_chart_set_gc_warn_ns (self->chart, gc_ms > 0 ? (gint64) llround (gc_ms * 1e6) : G_MAXINT64);
}

static gboolean
gc_over (SmolderLiveAlerts   *self,
         const SmolderGcMark *mark)
{
  double ms = self->threshold[SMOLDER_LIVE_ALERT_GC_PAUSE];

  return ms > 0 && mark->duration_ns >= ms * 1e6;
}

static void
gc_mark (SmolderLiveAlerts   *self,
         const SmolderGcMark *mark)
{
  SmolderChartAlert alert = { (mark->end_ns - mark->duration_ns) / 1000000, mark->end_ns / 1000000 };

  g_array_append_val (self->gc_alerts, alert);
}

/* A threshold changed: the marks are what the whole history gives for
 * it; only crossings after now alert (the history is on screen). */
static void
rescan (SmolderLiveAlerts    *self,
        SmolderLiveAlertKind  kind)
{
  if (kind == SMOLDER_LIVE_ALERT_GC_PAUSE)
    {
      guint n;
      const SmolderGcMark *marks = smolder_series_get_gc_marks (self->series, &n);

      g_array_set_size (self->gc_alerts, 0);
      for (guint i = 0; i < n; i++)
        if (gc_over (self, &marks[i]))
          gc_mark (self, &marks[i]);
      self->gc_seen_ns = n > 0 ? marks[n - 1].end_ns : 0;
    }
  else
    {
      guint s = self->series_index[kind];
      guint n = smolder_series_get_n_points (self->series, s);

      g_clear_pointer (&self->spans[kind], g_array_unref);
      self->spans[kind] = smolder_threshold_find_spans (self->series, s, self->threshold[kind]);
      smolder_threshold_watch_init (&self->watch[kind], self->threshold[kind]);
      if (n > 0)
        smolder_threshold_watch_update (&self->watch[kind], smolder_series_get_value (self->series, s, n - 1));
      self->n_seen[kind] = n;
    }
}

static void
show_threshold (SmolderLiveAlerts    *self,
                SmolderLiveAlertKind  kind)
{
  g_autofree char *text = smolder_threshold_format (self->threshold[kind], kinds[kind].unit);

  if (self->entries[kind] == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->entries[kind]), text);
  gtk_widget_remove_css_class (self->entries[kind], "error");
  gtk_widget_set_tooltip_text (self->entries[kind], _(kinds[kind].hint));
}

static void
apply (SmolderLiveAlerts    *self,
       SmolderLiveAlertKind  kind,
       double                value)
{
  self->threshold[kind] = value;
  rescan (self, kind);
  push_lines (self);
  push_marks (self);
  show_threshold (self, kind);
}

static double
read_setting (SmolderLiveAlerts    *self,
              SmolderLiveAlertKind  kind)
{
  switch (kind)
    {
    case SMOLDER_LIVE_ALERT_HEAP:
      return g_settings_get_uint64 (self->settings, kinds[kind].key);
    case SMOLDER_LIVE_ALERT_GOROUTINES:
      return g_settings_get_uint (self->settings, kinds[kind].key);
    case SMOLDER_LIVE_ALERT_GC_PAUSE:
    case SMOLDER_LIVE_N_ALERTS:
    default:
      return g_settings_get_double (self->settings, kinds[kind].key);
    }
}

static void
smolder_live_alerts_settings_changed_cb (SmolderLiveAlerts *self,
                                         const char        *key,
                                         GSettings         *settings)
{
  for (guint k = 0; k < SMOLDER_LIVE_N_ALERTS; k++)
    if (g_strcmp0 (key, kinds[k].key) == 0)
      {
        double value = read_setting (self, k);

        if (value != self->threshold[k])
          apply (self, k, value);
      }
}

double
smolder_live_alerts_get_threshold (SmolderLiveAlerts    *self,
                                   SmolderLiveAlertKind  kind)
{
  g_return_val_if_fail (SMOLDER_IS_LIVE_ALERTS (self), 0);
  g_return_val_if_fail (kind < SMOLDER_LIVE_N_ALERTS, 0);
  return self->threshold[kind];
}

void
smolder_live_alerts_set_threshold (SmolderLiveAlerts    *self,
                                   SmolderLiveAlertKind  kind,
                                   double                value)
{
  g_return_if_fail (SMOLDER_IS_LIVE_ALERTS (self));
  g_return_if_fail (kind < SMOLDER_LIVE_N_ALERTS);

  value = MAX (0, value);
  if (self->settings != NULL)
    switch (kind)
      {
      case SMOLDER_LIVE_ALERT_HEAP:
        g_settings_set_uint64 (self->settings, kinds[kind].key, (guint64) llround (value));
        break;
      case SMOLDER_LIVE_ALERT_GOROUTINES:
        g_settings_set_uint (self->settings, kinds[kind].key, (guint) MIN (value, G_MAXUINT32));
        break;
      case SMOLDER_LIVE_ALERT_GC_PAUSE:
      case SMOLDER_LIVE_N_ALERTS:
      default:
        g_settings_set_double (self->settings, kinds[kind].key, MIN (value, 60000));
        break;
      }
  /* The settings' ::changed applied it already, unless there are none or
   * it did not change. */
  if (self->settings == NULL || value != self->threshold[kind])
    apply (self, kind, value);
  else
    show_threshold (self, kind);
}

void
smolder_live_alerts_update (SmolderLiveAlerts *self,
                            gboolean           notify)
{
  gboolean changed = FALSE;
  const SmolderGcMark *marks;
  guint n_marks, first;
  gint64 longest_ns = 0;

  g_return_if_fail (SMOLDER_IS_LIVE_ALERTS (self));

  for (guint k = 0; k < 2; k++)
    {
      guint s = self->series_index[k];
      guint n = smolder_series_get_n_points (self->series, s);

      for (guint i = self->n_seen[k]; i < n; i++)
        {
          double value = smolder_series_get_value (self->series, s, i);
          gint64 t = smolder_series_get_time (self->series, s, i);
          SmolderThresholdSpan span = { t, t };
          g_autofree char *shown = NULL;
          g_autofree char *limit = NULL;
          g_autofree char *body = NULL;

          if (!smolder_threshold_watch_update (&self->watch[k], value))
            continue;
          g_array_append_val (self->spans[k], span);
          changed = TRUE;
          if (!notify)
            continue;
          shown = smolder_chart_format_value (value, kinds[k].unit);
          limit = smolder_threshold_format (self->threshold[k], kinds[k].unit);
          if (k == SMOLDER_LIVE_ALERT_HEAP)
            /* Translators: the heap's size now, then the threshold the user set. */
            body = g_strdup_printf (_("Heap in use reached %s (alert at %s)"), shown, limit);
          else
            body = g_strdup_printf (_("%s goroutines (alert at %s)"), shown, limit);
          self->n_sent[k]++;
          g_signal_emit (self, signals[ALERT], 0, kinds[k].id, _(kinds[k].title), body);
        }
      self->n_seen[k] = n;
    }

  /* GC pauses: each new one over the threshold is marked; the batch read
   * in one poll is one notification. */
  marks = smolder_series_get_gc_marks (self->series, &n_marks);
  first = smolder_series_gc_lower_bound (self->series, self->gc_seen_ns + 1);
  for (guint i = first; i < n_marks; i++)
    if (gc_over (self, &marks[i]))
      {
        gc_mark (self, &marks[i]);
        longest_ns = MAX (longest_ns, marks[i].duration_ns);
        changed = TRUE;
      }
  if (n_marks > 0)
    self->gc_seen_ns = MAX (self->gc_seen_ns, marks[n_marks - 1].end_ns);
  if (longest_ns > 0 && notify)
    {
      g_autofree char *body = g_strdup_printf (_("A garbage collection paused the program for %.0f ms"),
                                               longest_ns / 1e6);

      self->n_sent[SMOLDER_LIVE_ALERT_GC_PAUSE]++;
      g_signal_emit (self, signals[ALERT], 0, kinds[SMOLDER_LIVE_ALERT_GC_PAUSE].id,
                     _(kinds[SMOLDER_LIVE_ALERT_GC_PAUSE].title), body);
    }

  if (changed)
    push_marks (self);
}

guint
smolder_live_alerts_get_n_marks (SmolderLiveAlerts    *self,
                                 SmolderLiveAlertKind  kind)
{
  g_return_val_if_fail (SMOLDER_IS_LIVE_ALERTS (self), 0);
  g_return_val_if_fail (kind < SMOLDER_LIVE_N_ALERTS, 0);
  return kind == SMOLDER_LIVE_ALERT_GC_PAUSE ? self->gc_alerts->len : self->spans[kind]->len;
}

guint
smolder_live_alerts_get_n_sent (SmolderLiveAlerts    *self,
                                SmolderLiveAlertKind  kind)
{
  g_return_val_if_fail (SMOLDER_IS_LIVE_ALERTS (self), 0);
  g_return_val_if_fail (kind < SMOLDER_LIVE_N_ALERTS, 0);
  return self->n_sent[kind];
}

/* An entry's text, applied when it parses; otherwise it says what it takes. */
static void
commit_entry (SmolderLiveAlerts *self,
              GtkWidget         *entry)
{
  for (guint k = 0; k < SMOLDER_LIVE_N_ALERTS; k++)
    if (self->entries[k] == entry)
      {
        const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
        double value;

        if (!smolder_threshold_parse (text, kinds[k].unit, &value, NULL)
            || (k == SMOLDER_LIVE_ALERT_GC_PAUSE && value > 60000))
          {
            gtk_widget_add_css_class (entry, "error");
            gtk_widget_set_tooltip_text (entry, _(kinds[k].hint));
            return;
          }
        smolder_live_alerts_set_threshold (self, k, value);
      }
}

static void
smolder_live_alerts_entry_activate_cb (GtkEntry          *entry,
                                       SmolderLiveAlerts *self)
{
  commit_entry (self, GTK_WIDGET (entry));
}

static void
smolder_live_alerts_entry_leave_cb (GtkEventControllerFocus *focus,
                                    SmolderLiveAlerts       *self)
{
  commit_entry (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus)));
}

static void
smolder_live_alerts_popover_show_cb (GtkWidget         *popover,
                                     SmolderLiveAlerts *self)
{
  for (guint k = 0; k < SMOLDER_LIVE_N_ALERTS; k++)
    show_threshold (self, k);
}

static GtkWidget *
build_button (SmolderLiveAlerts *self)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *title = gtk_label_new (_("Alert When at or Above"));

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("_Alerts"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
  gtk_widget_set_tooltip_text (button, _("Thresholds that mark the chart and send a notification"));
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_start (grid, 6);
  gtk_widget_set_margin_end (grid, 6);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 6);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_grid_attach (GTK_GRID (grid), title, 0, 0, 2, 1);

  for (guint k = 0; k < SMOLDER_LIVE_N_ALERTS; k++)
    {
      GtkWidget *label = gtk_label_new_with_mnemonic (_(kinds[k].label));
      GtkWidget *entry = gtk_entry_new ();
      GtkEventController *focus = gtk_event_controller_focus_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Off"));
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 12);
      gtk_widget_set_tooltip_text (entry, _(kinds[k].hint));
      g_signal_connect_object (entry, "activate",
                               G_CALLBACK (smolder_live_alerts_entry_activate_cb), self, 0);
      g_signal_connect_object (focus, "leave",
                               G_CALLBACK (smolder_live_alerts_entry_leave_cb), self, 0);
      gtk_widget_add_controller (entry, focus);
      self->entries[k] = entry;
      gtk_grid_attach (GTK_GRID (grid), label, 0, k + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), entry, 1, k + 1, 1, 1);
      show_threshold (self, k);
    }

  gtk_popover_set_child (GTK_POPOVER (popover), grid);
  g_signal_connect_object (popover, "show", G_CALLBACK (smolder_live_alerts_popover_show_cb), self, 0);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  return button;
}

static void
smolder_live_alerts_dispose (GObject *object)
{
  SmolderLiveAlerts *self = SMOLDER_LIVE_ALERTS (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (smolder_live_alerts_parent_class)->dispose (object);
}

static void
smolder_live_alerts_finalize (GObject *object)
{
  SmolderLiveAlerts *self = SMOLDER_LIVE_ALERTS (object);

  g_clear_object (&self->button);
  g_clear_object (&self->chart);
  g_clear_object (&self->series);
  g_clear_pointer (&self->spans[0], g_array_unref);
  g_clear_pointer (&self->spans[1], g_array_unref);
  g_clear_pointer (&self->gc_alerts, g_array_unref);
  G_OBJECT_CLASS (smolder_live_alerts_parent_class)->finalize (object);
}

static void
smolder_live_alerts_class_init (SmolderLiveAlertsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = smolder_live_alerts_dispose;
  object_class->finalize = smolder_live_alerts_finalize;

  /**
   * SmolderLiveAlerts::alert:
   * @id: what crossed ("heap-threshold", "goroutine-threshold", "gc-pause")
   * @title: a notification title
   * @body: what happened, without the endpoint
   */
  signals[ALERT] = g_signal_new ("alert", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                 G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
}

static void
smolder_live_alerts_init (SmolderLiveAlerts *self)
{
  self->spans[0] = g_array_new (FALSE, FALSE, sizeof (SmolderThresholdSpan));
  self->spans[1] = g_array_new (FALSE, FALSE, sizeof (SmolderThresholdSpan));
  self->gc_alerts = g_array_new (FALSE, FALSE, sizeof (SmolderChartAlert));
}

SmolderLiveAlerts *
smolder_live_alerts_new (SmolderTimelineChart *chart,
                         guint                 heap_series,
                         guint                 goroutine_series)
{
  SmolderLiveAlerts *self;
  GApplication *app = g_application_get_default ();

  g_return_val_if_fail (SMOLDER_IS_TIMELINE_CHART (chart), NULL);
  g_return_val_if_fail (smolder_timeline_chart_get_model (chart) != NULL, NULL);

  self = g_object_new (SMOLDER_TYPE_LIVE_ALERTS, NULL);
  self->chart = g_object_ref (chart);
  self->series = g_object_ref (smolder_timeline_chart_get_model (chart));
  self->series_index[SMOLDER_LIVE_ALERT_HEAP] = heap_series;
  self->series_index[SMOLDER_LIVE_ALERT_GOROUTINES] = goroutine_series;
  if (SMOLDER_IS_APPLICATION (app) && smolder_application_get_settings (SMOLDER_APPLICATION (app)) != NULL)
    {
      self->settings = g_object_ref (smolder_application_get_settings (SMOLDER_APPLICATION (app)));
      g_signal_connect_object (self->settings, "changed",
                               G_CALLBACK (smolder_live_alerts_settings_changed_cb), self, G_CONNECT_SWAPPED);
    }
  for (guint k = 0; k < SMOLDER_LIVE_N_ALERTS; k++)
    {
      self->threshold[k] = self->settings != NULL ? read_setting (self, k) : kinds[k].fallback;
      rescan (self, k);
    }
  self->button = g_object_ref_sink (build_button (self));
  push_lines (self);
  push_marks (self);
  return self;
}

GtkWidget *
smolder_live_alerts_get_button (SmolderLiveAlerts *self)
{
  g_return_val_if_fail (SMOLDER_IS_LIVE_ALERTS (self), NULL);
  return self->button;
}
