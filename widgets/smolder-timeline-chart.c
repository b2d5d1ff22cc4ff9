/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-timeline-chart.c: hover, legend, zoom, pan, follow-live and keys. */

#include "smolder-timeline-chart.h"
#include "smolder-widget-style.h"

#include <glib/gi18n.h>
#include <math.h>

#include "smolder-chart-marks.h"

#define MIN_SPAN_MS   1000
#define ZOOM_STEP     1.25
#define PAN_FRACTION  0.1
#define GC_HOVER_PX   3.0    /* GC pauses this close to the pointer go in the tooltip */

struct _SmolderTimelineChart
{
  GtkWidget          parent_instance;

  /* owned */
  SmolderSeries     *model;
  gulong             changed_id;
  SmolderChartCache *cache;
  SmolderChartLayout *layout;
  GArray            *thresholds;   /* SmolderChartThreshold, labels owned */
  GArray            *alerts;       /* SmolderChartAlert */
  gint64             gc_warn_ns;   /* 0: the painter's default */
  GArray            *marks;        /* gint64: chosen moments (a comparison's) */
  guint              a11y_idle;

  /* state */
  guint32            hidden;
  gboolean           follow_live;
  gint64             span_ms;      /* 0 while following live: all the data */
  gint64             end_ms;       /* the view's end when not following */
  gboolean           hovering;
  gint64             hover_ms;
  double             pointer_x;
  gboolean           has_cursor;
  gint64             cursor_ms;
  gint64             drag_t0, drag_t1;
  gint64             pinch_t0, pinch_t1;
  gboolean           dark;
};

G_DEFINE_FINAL_TYPE (SmolderTimelineChart, smolder_timeline_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_FOLLOW_LIVE,
  N_PROPS
};

enum {
  MOMENT_ACTIVATED,
  MOMENT_EXTENDED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
invalidate (SmolderTimelineChart *self)
{
  g_clear_pointer (&self->layout, smolder_chart_layout_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* --- the view --- */

static gboolean
data_extent (SmolderTimelineChart *self,
             gint64               *first,
             gint64               *last)
{
  return self->model != NULL && smolder_series_get_extent (self->model, first, last);
}

void
smolder_timeline_chart_get_range (SmolderTimelineChart *self,
                                  gint64               *t0_ms,
                                  gint64               *t1_ms)
{
  gint64 first = 0, last = 60000, span;

  g_return_if_fail (SMOLDER_IS_TIMELINE_CHART (self));

  data_extent (self, &first, &last);
  if (self->follow_live)
    {
      span = self->span_ms > 0 ? self->span_ms : MAX (last - first, MIN_SPAN_MS);
      *t1_ms = last;
    }
  else
    {
      span = self->span_ms;
      *t1_ms = self->end_ms;
    }
  *t0_ms = *t1_ms - span;
}

static void
set_view (SmolderTimelineChart *self,
          gint64                t0,
          gint64                t1,
          gboolean              follow)
{
  if (t1 - t0 < MIN_SPAN_MS)
    {
      gint64 mid = t0 + (t1 - t0) / 2;

      t0 = mid - MIN_SPAN_MS / 2;
      t1 = t0 + MIN_SPAN_MS;
    }
  self->span_ms = t1 - t0;
  self->end_ms = t1;
  if (self->follow_live != follow)
    {
      self->follow_live = follow;
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.follow-live", !follow);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLLOW_LIVE]);
    }
  invalidate (self);
}

void
smolder_timeline_chart_set_range (SmolderTimelineChart *self,
                                  gint64                t0_ms,
                                  gint64                t1_ms)
{
  g_return_if_fail (SMOLDER_IS_TIMELINE_CHART (self));
  set_view (self, t0_ms, t1_ms, FALSE);
}

/* Scales the span by @factor keeping @anchor where it is on screen. */
static void
zoom (SmolderTimelineChart *self,
      double                factor,
      gint64                anchor,
      gboolean              keep_following)
{
  gint64 t0, t1, first, last;
  double span;

  smolder_timeline_chart_get_range (self, &t0, &t1);
  span = (double) (t1 - t0) * factor;
  /* No further out than twice the data (or a minute). */
  if (data_extent (self, &first, &last))
    span = MIN (span, MAX (2.0 * (last - first), 60000.0));
  span = MAX (span, MIN_SPAN_MS);
  if (keep_following && self->follow_live)
    {
      self->span_ms = (gint64) span;
      invalidate (self);
      return;
    }
  {
    double frac = t1 > t0 ? (double) (anchor - t0) / (double) (t1 - t0) : 1;
    gint64 n0 = anchor - (gint64) llround (frac * span);

    set_view (self, n0, n0 + (gint64) llround (span), FALSE);
  }
}

static void
pan (SmolderTimelineChart *self,
     gint64                delta_ms)
{
  gint64 t0, t1;

  if (delta_ms == 0)
    return;
  smolder_timeline_chart_get_range (self, &t0, &t1);
  set_view (self, t0 + delta_ms, t1 + delta_ms, FALSE);
}

/* --- accessibility --- */

static gboolean
update_a11y_idle_cb (gpointer data)
{
  SmolderTimelineChart *self = data;
  g_autofree char *summary = NULL;
  g_autofree char *label = NULL;
  gint64 first, last;

  self->a11y_idle = 0;
  if (data_extent (self, &first, &last))
    {
      g_auto(GStrv) lines = NULL;

      summary = smolder_chart_describe_at (self->model, last, self->hidden, 0, NULL);
      lines = g_strsplit (summary, "\n", -1);
      g_clear_pointer (&summary, g_free);
      /* "Time series chart, latest at 14:03:05: Heap in use 12.3 MiB, ..." */
      summary = g_strjoinv (", ", lines + (lines[0] != NULL ? 1 : 0));
      label = g_strdup_printf (_("Time series chart, latest at %s: %s"), lines[0] != NULL ? lines[0] : "", summary);
    }
  else
    label = g_strdup (_("Time series chart, no data yet"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return G_SOURCE_REMOVE;
}

static void
queue_a11y_update (SmolderTimelineChart *self)
{
  /* Coalesced: a poll may append many points at once. */
  if (self->a11y_idle == 0)
    self->a11y_idle = g_idle_add (update_a11y_idle_cb, self);
}

/* --- the model --- */

static void
smolder_timeline_chart_model_changed_cb (SmolderTimelineChart *self)
{
  invalidate (self);
  queue_a11y_update (self);
}

SmolderSeries *
smolder_timeline_chart_get_model (SmolderTimelineChart *self)
{
  g_return_val_if_fail (SMOLDER_IS_TIMELINE_CHART (self), NULL);
  return self->model;
}

void
smolder_timeline_chart_set_model (SmolderTimelineChart *self,
                                  SmolderSeries        *model)
{
  g_return_if_fail (SMOLDER_IS_TIMELINE_CHART (self));
  g_return_if_fail (model == NULL || SMOLDER_IS_SERIES (model));

  if (self->model == model)
    return;
  if (self->model != NULL)
    g_clear_signal_handler (&self->changed_id, self->model);
  g_set_object (&self->model, model);
  if (model != NULL)
    self->changed_id = g_signal_connect_object (model, "changed",
                                                G_CALLBACK (smolder_timeline_chart_model_changed_cb),
                                                self, G_CONNECT_SWAPPED);
  self->hidden = 0;
  self->has_cursor = FALSE;
  invalidate (self);
  queue_a11y_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

gboolean
smolder_timeline_chart_get_follow_live (SmolderTimelineChart *self)
{
  g_return_val_if_fail (SMOLDER_IS_TIMELINE_CHART (self), FALSE);
  return self->follow_live;
}

void
smolder_timeline_chart_set_follow_live (SmolderTimelineChart *self,
                                        gboolean              follow_live)
{
  gint64 t0, t1;

  g_return_if_fail (SMOLDER_IS_TIMELINE_CHART (self));

  follow_live = !!follow_live;
  if (self->follow_live == follow_live)
    return;
  smolder_timeline_chart_get_range (self, &t0, &t1);
  /* Back to live: the same span, ending at the newest point. */
  set_view (self, t0, t1, follow_live);
}

gboolean
smolder_timeline_chart_get_series_visible (SmolderTimelineChart *self,
                                           guint                 series)
{
  g_return_val_if_fail (SMOLDER_IS_TIMELINE_CHART (self), FALSE);
  return series < 32 && (self->hidden & (1u << series)) == 0;
}

void
smolder_timeline_chart_set_series_visible (SmolderTimelineChart *self,
                                           guint                 series,
                                           gboolean              visible)
{
  guint32 hidden;

  g_return_if_fail (SMOLDER_IS_TIMELINE_CHART (self));
  g_return_if_fail (series < 32);

  hidden = visible ? self->hidden & ~(1u << series) : self->hidden | (1u << series);
  if (hidden == self->hidden)
    return;
  self->hidden = hidden;
  invalidate (self);
  queue_a11y_update (self);
}

static void
clear_threshold (gpointer data)
{
  SmolderChartThreshold *th = data;

  g_free ((char *) th->label);
}

void
smolder_timeline_chart_set_thresholds (SmolderTimelineChart        *self,
                                       const SmolderChartThreshold *thresholds,
                                       guint                        n_thresholds)
{
  g_return_if_fail (SMOLDER_IS_TIMELINE_CHART (self));

  g_array_set_size (self->thresholds, 0);
  for (guint i = 0; i < n_thresholds; i++)
    {
      SmolderChartThreshold th = thresholds[i];

      th.label = g_strdup (th.label);
      g_array_append_val (self->thresholds, th);
    }
  invalidate (self);
}

void
smolder_timeline_chart_set_alerts (SmolderTimelineChart    *self,
                                   const SmolderChartAlert *alerts,
                                   guint                    n_alerts)
{
  g_return_if_fail (SMOLDER_IS_TIMELINE_CHART (self));

  g_array_set_size (self->alerts, 0);
  g_array_append_vals (self->alerts, alerts, n_alerts);
  invalidate (self);
}

void
smolder_timeline_chart_set_gc_warn_ns (SmolderTimelineChart *self,
                                       gint64                gc_warn_ns)
{
  g_return_if_fail (SMOLDER_IS_TIMELINE_CHART (self));

  if (self->gc_warn_ns == gc_warn_ns)
    return;
  self->gc_warn_ns = gc_warn_ns;
  invalidate (self);
}

gboolean
smolder_timeline_chart_get_cursor (SmolderTimelineChart *self,
                                   gint64               *time_ms)
{
  g_return_val_if_fail (SMOLDER_IS_TIMELINE_CHART (self), FALSE);
  if (self->has_cursor && time_ms != NULL)
    *time_ms = self->cursor_ms;
  return self->has_cursor;
}

/* --- layout and drawing --- */

SmolderChartLayout *
smolder_timeline_chart_get_layout (SmolderTimelineChart *self)
{
  SmolderChartPaintOptions options;
  int width, height;

  g_return_val_if_fail (SMOLDER_IS_TIMELINE_CHART (self), NULL);

  if (self->layout != NULL)
    return self->layout;
  if (self->model == NULL)
    return NULL;
  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (width <= 0 || height <= 0)
    return NULL;

  smolder_chart_paint_options_init (&options);
  options.dark = self->dark;
  options.background = FALSE;
  options.cache = self->cache;
  options.scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  options.hidden = self->hidden;
  smolder_timeline_chart_get_range (self, &options.t0_ms, &options.t1_ms);
  if (self->hovering)
    {
      options.show_cursor = TRUE;
      options.cursor_ms = self->hover_ms;
    }
  else if (self->has_cursor)
    {
      options.show_cursor = TRUE;
      options.cursor_ms = self->cursor_ms;
    }
  options.thresholds = (const SmolderChartThreshold *) self->thresholds->data;
  options.n_thresholds = self->thresholds->len;
  options.alerts = (const SmolderChartAlert *) self->alerts->data;
  options.n_alerts = self->alerts->len;
  if (self->gc_warn_ns != 0)
    options.gc_warn_ns = self->gc_warn_ns;
  self->layout = smolder_chart_layout_new (self->model, &options, width, height);
  return self->layout;
}

static void
smolder_timeline_chart_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  SmolderTimelineChart *self = SMOLDER_TIMELINE_CHART (widget);
  gboolean dark = smolder_widget_style_is_dark (widget);
  SmolderChartLayout *layout;
  cairo_t *cr;

  if (dark != self->dark)
    {
      self->dark = dark;
      g_clear_pointer (&self->layout, smolder_chart_layout_free);
    }
  layout = smolder_timeline_chart_get_layout (self);
  if (layout == NULL)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                                gtk_widget_get_height (widget)));
  smolder_chart_paint (cr, layout);
  smolder_chart_paint_marks (cr, layout, (const gint64 *) self->marks->data, self->marks->len, self->dark);
  cairo_destroy (cr);
}

static void
smolder_timeline_chart_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  g_clear_pointer (&SMOLDER_TIMELINE_CHART (widget)->layout, smolder_chart_layout_free);
}

static void
smolder_timeline_chart_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 180;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 360;
}

/* --- input --- */

static void
update_tooltip (SmolderTimelineChart *self,
                double                x)
{
  SmolderChartLayout *layout = smolder_timeline_chart_get_layout (self);
  g_autofree char *text = NULL;
  gint64 t0, t1;
  cairo_rectangle_t plot;

  if (layout == NULL)
    return;
  smolder_chart_layout_get_range (layout, &t0, &t1);
  smolder_chart_layout_get_plot (layout, &plot);
  text = smolder_chart_describe_at (self->model, self->hover_ms, self->hidden,
                                    (gint64) (GC_HOVER_PX * (t1 - t0) / plot.width), NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), text);
}

static void
smolder_timeline_chart_motion_cb (SmolderTimelineChart     *self,
                                  double                    x,
                                  double                    y,
                                  GtkEventControllerMotion *motion)
{
  SmolderChartLayout *layout = smolder_timeline_chart_get_layout (self);
  gboolean inside;

  self->pointer_x = x;
  if (layout == NULL)
    return;
  inside = smolder_chart_layout_in_plot (layout, x, y);
  if (!inside)
    {
      if (self->hovering)
        {
          self->hovering = FALSE;
          gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
          invalidate (self);
        }
      return;
    }
  self->hovering = TRUE;
  self->hover_ms = smolder_chart_layout_time_at (layout, x);
  invalidate (self);
  update_tooltip (self, x);
}

static void
smolder_timeline_chart_leave_cb (SmolderTimelineChart     *self,
                                 GtkEventControllerMotion *motion)
{
  if (!self->hovering)
    return;
  self->hovering = FALSE;
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
  invalidate (self);
}

static void
smolder_timeline_chart_pressed_cb (SmolderTimelineChart *self,
                                   int                   n_press,
                                   double                x,
                                   double                y,
                                   GtkGestureClick      *click)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* On release, not press: a press that turns into a drag pans, and the
 * click gesture is cancelled before it releases. */
static void
smolder_timeline_chart_released_cb (SmolderTimelineChart *self,
                                    int                   n_press,
                                    double                x,
                                    double                y,
                                    GtkGestureClick      *click)
{
  SmolderChartLayout *layout = smolder_timeline_chart_get_layout (self);
  guint series;

  if (layout == NULL)
    return;
  series = smolder_chart_layout_legend_at (layout, x, y);
  if (series != SMOLDER_SERIES_NONE)
    {
      smolder_timeline_chart_set_series_visible (self, series,
                                                 !smolder_timeline_chart_get_series_visible (self, series));
      gtk_gesture_set_state (GTK_GESTURE (click), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }
  if (smolder_chart_layout_in_plot (layout, x, y))
    {
      gint64 t = smolder_chart_layout_time_at (layout, x);

      GdkModifierType mods = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (click));

      /* Shift- or Ctrl-click adds a second moment, as in a list. */
      if (mods & (GDK_SHIFT_MASK | GDK_CONTROL_MASK))
        {
          g_signal_emit (self, signals[MOMENT_EXTENDED], 0, t);
          return;
        }
      self->has_cursor = TRUE;
      self->cursor_ms = t;
      invalidate (self);
      g_signal_emit (self, signals[MOMENT_ACTIVATED], 0, t);
    }
}

static void
smolder_timeline_chart_drag_begin_cb (SmolderTimelineChart *self,
                                      double                x,
                                      double                y,
                                      GtkGestureDrag       *drag)
{
  smolder_timeline_chart_get_range (self, &self->drag_t0, &self->drag_t1);
}

static void
smolder_timeline_chart_drag_update_cb (SmolderTimelineChart *self,
                                       double                dx,
                                       double                dy,
                                       GtkGestureDrag       *drag)
{
  SmolderChartLayout *layout = smolder_timeline_chart_get_layout (self);
  cairo_rectangle_t plot;
  gint64 delta;

  if (layout == NULL || fabs (dx) < 3)
    return;
  smolder_chart_layout_get_plot (layout, &plot);
  delta = (gint64) llround (-dx * (self->drag_t1 - self->drag_t0) / plot.width);
  set_view (self, self->drag_t0 + delta, self->drag_t1 + delta, FALSE);
}

static gboolean
smolder_timeline_chart_scroll_cb (SmolderTimelineChart     *self,
                                  double                    dx,
                                  double                    dy,
                                  GtkEventControllerScroll *scroll)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (scroll));
  SmolderChartLayout *layout = smolder_timeline_chart_get_layout (self);
  gint64 t0, t1;

  if (layout == NULL)
    return FALSE;
  smolder_timeline_chart_get_range (self, &t0, &t1);
  if (state & GDK_CONTROL_MASK)
    {
      /* Zoom around the time under the pointer. */
      zoom (self, pow (ZOOM_STEP, dy), smolder_chart_layout_time_at (layout, self->pointer_x), FALSE);
      return TRUE;
    }
  /* Either axis pans: down and right go forward in time. */
  pan (self, (gint64) llround ((fabs (dx) > fabs (dy) ? dx : dy) * PAN_FRACTION * (t1 - t0)));
  return TRUE;
}

static void
smolder_timeline_chart_pinch_begin_cb (SmolderTimelineChart *self,
                                       GdkEventSequence     *sequence,
                                       GtkGestureZoom       *gesture)
{
  smolder_timeline_chart_get_range (self, &self->pinch_t0, &self->pinch_t1);
}

static void
smolder_timeline_chart_pinch_cb (SmolderTimelineChart *self,
                                 double                scale,
                                 GtkGestureZoom       *gesture)
{
  SmolderChartLayout *layout = smolder_timeline_chart_get_layout (self);
  double cx, cy, span, frac;
  gint64 anchor, n0;
  cairo_rectangle_t plot;

  if (layout == NULL || scale <= 0 || !gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &cx, &cy))
    return;
  smolder_chart_layout_get_plot (layout, &plot);
  /* Spread the fingers: a shorter span, around the point between them. */
  frac = CLAMP ((cx - plot.x) / plot.width, 0, 1);
  anchor = self->pinch_t0 + (gint64) llround (frac * (self->pinch_t1 - self->pinch_t0));
  span = MAX ((self->pinch_t1 - self->pinch_t0) / scale, MIN_SPAN_MS);
  n0 = anchor - (gint64) llround (frac * span);
  set_view (self, n0, n0 + (gint64) llround (span), FALSE);
}

/* --- keyboard --- */

/* The nearest point time after (@direction > 0) or before @t over the
 * visible series; FALSE at the end. */
static gboolean
step_point (SmolderTimelineChart *self,
            gint64                t,
            int                   direction,
            gint64               *out)
{
  gboolean found = FALSE;
  guint n = MIN (smolder_series_get_n_series (self->model), 32);

  for (guint i = 0; i < n; i++)
    {
      guint np = smolder_series_get_n_points (self->model, i);
      guint k;
      gint64 candidate;

      if (!smolder_timeline_chart_get_series_visible (self, i) || np == 0)
        continue;
      if (direction > 0)
        {
          k = smolder_series_lower_bound (self->model, i, t + 1);
          if (k >= np)
            continue;
        }
      else
        {
          k = smolder_series_lower_bound (self->model, i, t);
          if (k == 0)
            continue;
          k--;
        }
      candidate = smolder_series_get_time (self->model, i, k);
      if (!found || (direction > 0 ? candidate < *out : candidate > *out))
        *out = candidate;
      found = TRUE;
    }
  return found;
}

static void
move_cursor_to (SmolderTimelineChart *self,
                gint64                t)
{
  gint64 t0, t1;
  g_autofree char *text = NULL;

  self->has_cursor = TRUE;
  self->cursor_ms = t;
  smolder_timeline_chart_get_range (self, &t0, &t1);
  /* Keep the cursor in view: pan just enough. */
  if (t < t0)
    pan (self, t - t0);
  else if (t > t1)
    pan (self, t - t1);
  invalidate (self);
  text = smolder_chart_describe_at (self->model, t, self->hidden, 0, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

static void
action_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  SmolderTimelineChart *self = SMOLDER_TIMELINE_CHART (widget);
  gint64 t0, t1, first, last, t;

  if (self->model == NULL)
    return;
  smolder_timeline_chart_get_range (self, &t0, &t1);

  if (g_str_equal (action_name, "chart.follow-live"))
    smolder_timeline_chart_set_follow_live (self, TRUE);
  else if (g_str_equal (action_name, "chart.zoom-in") || g_str_equal (action_name, "chart.zoom-out"))
    {
      double factor = g_str_equal (action_name, "chart.zoom-in") ? 1 / ZOOM_STEP : ZOOM_STEP;
      gint64 anchor = self->has_cursor ? self->cursor_ms : t0 + (t1 - t0) / 2;

      /* Following live, keys zoom around the newest point and keep following. */
      zoom (self, factor, self->follow_live ? t1 : anchor, TRUE);
    }
  else if (!data_extent (self, &first, &last))
    return;
  else if (g_str_equal (action_name, "chart.cursor-next") || g_str_equal (action_name, "chart.cursor-previous"))
    {
      int direction = g_str_equal (action_name, "chart.cursor-next") ? 1 : -1;
      gint64 from = self->has_cursor ? self->cursor_ms : (direction > 0 ? t0 - 1 : t1 + 1);

      if (step_point (self, from, direction, &t))
        move_cursor_to (self, t);
    }
  else if (g_str_equal (action_name, "chart.cursor-first"))
    {
      if (step_point (self, first - 1, 1, &t))
        move_cursor_to (self, t);
    }
  else if (g_str_equal (action_name, "chart.cursor-last"))
    {
      if (step_point (self, last + 1, -1, &t))
        move_cursor_to (self, t);
    }
  else if (g_str_equal (action_name, "chart.activate-cursor"))
    {
      if (self->has_cursor)
        g_signal_emit (self, signals[MOMENT_ACTIVATED], 0, self->cursor_ms);
    }
  else if (g_str_equal (action_name, "chart.extend-cursor"))
    {
      if (self->has_cursor)
        g_signal_emit (self, signals[MOMENT_EXTENDED], 0, self->cursor_ms);
    }
}

/* --- GObject --- */

static void
smolder_timeline_chart_dispose (GObject *object)
{
  SmolderTimelineChart *self = SMOLDER_TIMELINE_CHART (object);

  g_clear_handle_id (&self->a11y_idle, g_source_remove);
  if (self->model != NULL)
    g_clear_signal_handler (&self->changed_id, self->model);
  g_clear_object (&self->model);
  g_clear_pointer (&self->layout, smolder_chart_layout_free);

  G_OBJECT_CLASS (smolder_timeline_chart_parent_class)->dispose (object);
}

static void
smolder_timeline_chart_finalize (GObject *object)
{
  SmolderTimelineChart *self = SMOLDER_TIMELINE_CHART (object);

  g_clear_pointer (&self->cache, smolder_chart_cache_free);
  g_clear_pointer (&self->thresholds, g_array_unref);
  g_clear_pointer (&self->alerts, g_array_unref);
  g_clear_pointer (&self->marks, g_array_unref);

  G_OBJECT_CLASS (smolder_timeline_chart_parent_class)->finalize (object);
}

static void
smolder_timeline_chart_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SmolderTimelineChart *self = SMOLDER_TIMELINE_CHART (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_FOLLOW_LIVE:
      g_value_set_boolean (value, self->follow_live);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smolder_timeline_chart_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SmolderTimelineChart *self = SMOLDER_TIMELINE_CHART (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      smolder_timeline_chart_set_model (self, g_value_get_object (value));
      break;
    case PROP_FOLLOW_LIVE:
      smolder_timeline_chart_set_follow_live (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smolder_timeline_chart_class_init (SmolderTimelineChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct { guint key; GdkModifierType mods; const char *action; } keys[] = {
    { GDK_KEY_Right, 0, "chart.cursor-next" },
    { GDK_KEY_KP_Right, 0, "chart.cursor-next" },
    { GDK_KEY_Left, 0, "chart.cursor-previous" },
    { GDK_KEY_KP_Left, 0, "chart.cursor-previous" },
    { GDK_KEY_Home, 0, "chart.cursor-first" },
    { GDK_KEY_KP_Home, 0, "chart.cursor-first" },
    { GDK_KEY_End, 0, "chart.cursor-last" },
    { GDK_KEY_KP_End, 0, "chart.cursor-last" },
    { GDK_KEY_plus, 0, "chart.zoom-in" },
    { GDK_KEY_plus, GDK_SHIFT_MASK, "chart.zoom-in" },
    { GDK_KEY_equal, 0, "chart.zoom-in" },
    { GDK_KEY_KP_Add, 0, "chart.zoom-in" },
    { GDK_KEY_minus, 0, "chart.zoom-out" },
    { GDK_KEY_KP_Subtract, 0, "chart.zoom-out" },
    { GDK_KEY_Return, 0, "chart.activate-cursor" },
    { GDK_KEY_KP_Enter, 0, "chart.activate-cursor" },
    { GDK_KEY_space, 0, "chart.activate-cursor" },
    { GDK_KEY_Return, GDK_SHIFT_MASK, "chart.extend-cursor" },
    { GDK_KEY_KP_Enter, GDK_SHIFT_MASK, "chart.extend-cursor" },
  };
  static const char *actions[] = {
    "chart.follow-live", "chart.zoom-in", "chart.zoom-out", "chart.cursor-next",
    "chart.cursor-previous", "chart.cursor-first", "chart.cursor-last", "chart.activate-cursor",
    "chart.extend-cursor",
  };

  object_class->dispose = smolder_timeline_chart_dispose;
  object_class->finalize = smolder_timeline_chart_finalize;
  object_class->get_property = smolder_timeline_chart_get_property;
  object_class->set_property = smolder_timeline_chart_set_property;

  widget_class->snapshot = smolder_timeline_chart_snapshot;
  widget_class->size_allocate = smolder_timeline_chart_size_allocate;
  widget_class->measure = smolder_timeline_chart_measure;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, SMOLDER_TYPE_SERIES,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLLOW_LIVE] =
    g_param_spec_boolean ("follow-live", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SmolderTimelineChart::moment-activated:
   * @time_ms: the moment, unix ms
   *
   * A click in the plot, or Enter on the keyboard cursor.
   */
  signals[MOMENT_ACTIVATED] =
    g_signal_new ("moment-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * SmolderTimelineChart::moment-extended:
   * @time_ms: the moment, unix ms
   *
   * Shift- or Ctrl-click in the plot, or Shift+Enter on the cursor: a
   * second moment beside the activated one (to compare them).
   */
  signals[MOMENT_EXTENDED] =
    g_signal_new ("moment-extended", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i], NULL, action_cb);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding_action (widget_class, keys[i].key, keys[i].mods, keys[i].action, NULL);

  gtk_widget_class_set_css_name (widget_class, "timelinechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
smolder_timeline_chart_init (SmolderTimelineChart *self)
{
  GtkEventController *motion, *scroll;
  GtkGesture *click, *drag, *pinch;

  self->follow_live = TRUE;
  self->cache = smolder_chart_cache_new ();
  self->thresholds = g_array_new (FALSE, FALSE, sizeof (SmolderChartThreshold));
  g_array_set_clear_func (self->thresholds, clear_threshold);
  self->alerts = g_array_new (FALSE, FALSE, sizeof (SmolderChartAlert));
  self->marks = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* A HiDPI move: the series layer is drawn in device pixels. */
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (invalidate), NULL);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.follow-live", FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Time series chart, no data yet"), -1);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "motion", G_CALLBACK (smolder_timeline_chart_motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (smolder_timeline_chart_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  click = gtk_gesture_click_new ();
  g_signal_connect_object (click, "pressed", G_CALLBACK (smolder_timeline_chart_pressed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (click, "released", G_CALLBACK (smolder_timeline_chart_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  drag = gtk_gesture_drag_new ();
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (smolder_timeline_chart_drag_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (smolder_timeline_chart_drag_update_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_object (scroll, "scroll", G_CALLBACK (smolder_timeline_chart_scroll_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  pinch = gtk_gesture_zoom_new ();
  g_signal_connect_object (pinch, "begin", G_CALLBACK (smolder_timeline_chart_pinch_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pinch, "scale-changed", G_CALLBACK (smolder_timeline_chart_pinch_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));
}

GtkWidget *
smolder_timeline_chart_new (void)
{
  return g_object_new (SMOLDER_TYPE_TIMELINE_CHART, NULL);
}

void
smolder_timeline_chart_set_marks (SmolderTimelineChart *self,
                                  const gint64         *times_ms,
                                  guint                 n_marks)
{
  g_return_if_fail (SMOLDER_IS_TIMELINE_CHART (self));

  g_array_set_size (self->marks, 0);
  g_array_append_vals (self->marks, times_ms, n_marks);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
