/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-suspect-row.c: one leak suspect in the Leak Suspects list. */
#include <glib/gi18n.h>
#include <inttypes.h>

#include "smolder-sparkline.h"
#include "smolder-suspect-row.h"
#include "smolder-units.h"

/* Frames shown before the expander. */
#define FRAMES_SHOWN 3

struct _SmolderSuspectRow
{
  GtkListBoxRow  parent_instance;
  SmolderTrends *trends;
  guint          rank;
  char          *summary;
};

G_DEFINE_FINAL_TYPE (SmolderSuspectRow, smolder_suspect_row, GTK_TYPE_LIST_BOX_ROW)

static const SmolderSuspect *
suspect (SmolderSuspectRow *self)
{
  return smolder_trends_get_suspect (self->trends, self->rank);
}

static void
smolder_suspect_row_sparkline_draw (GtkDrawingArea *area,
                                    cairo_t        *cr,
                                    int             width,
                                    int             height,
                                    gpointer        user_data)
{
  SmolderSuspectRow *self = user_data;
  guint n = smolder_trends_get_n_snapshots (self->trends);
  guint series = suspect (self)->series;
  g_autofree double *x = g_new (double, MAX (n, 1));
  g_autofree double *v = g_new (double, MAX (n, 1));
  /* Steady growers in the warning hue, the rest dimmed. */
  const double steady[4] = { 0.90, 0.38, 0.11, 1.0 };
  const double other[4] = { 0.47, 0.47, 0.47, 1.0 };

  for (guint i = 0; i < n; i++)
    {
      x[i] = smolder_trends_get_minutes (self->trends, i);
      v[i] = smolder_trends_get_stack_value (self->trends, series, 0, i);
    }
  smolder_sparkline_paint (cr, width, height, x, v, n, suspect (self)->steady ? steady : other);
}

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static char *
frames_text (SmolderTrends *trends,
             guint          series,
             guint          from,
             guint          to)
{
  GString *s = g_string_new (NULL);

  for (guint d = from; d < to; d++)
    g_string_append_printf (s, "%s%s", d > from ? "\n" : "", smolder_trends_get_stack_frame (trends, series, d));
  return g_string_free (s, FALSE);
}

static void
build (SmolderSuspectRow *self)
{
  const SmolderSuspect *s = suspect (self);
  const char *unit = smolder_trends_get_unit (self->trends, 0);
  guint n = smolder_trends_get_n_snapshots (self->trends);
  guint depth = smolder_trends_get_stack_depth (self->trends, s->series);
  gint64 span_ns = (gint64) (smolder_trends_get_minutes (self->trends, n - 1) * 60e9);
  g_autofree char *growth = smolder_units_format (s->fit.last - s->fit.first, unit);
  g_autofree char *span = smolder_units_format_duration (span_ns);
  g_autofree char *rate = smolder_units_format ((gint64) (s->fit.slope + (s->fit.slope >= 0 ? 0.5 : -0.5)), unit);
  g_autofree char *first = smolder_units_format (s->fit.first, unit);
  g_autofree char *last = smolder_units_format (s->fit.last, unit);
  g_autofree char *tooltip = NULL;
  g_autofree char *rank = g_strdup_printf ("%u", self->rank + 1);
  g_autofree char *steadiness = NULL;
  g_autofree char *frames = NULL;
  g_autofree char *pattern = NULL;
  const SmolderTrendStates *states;
  GtkWidget *grid, *spark, *label, *box;
  int row = 1;

  self->summary = g_strdup_printf (_("grew %s in %s"), growth, span);
  tooltip = g_strdup_printf (_("%" PRId64 " → %" PRId64 " %s (+%" PRId64 "), "
                               "%s a minute, over %.1f minutes\nfit %.2f, rose in %.0f%% of intervals"),
                             s->fit.first, s->fit.last, unit, s->fit.last - s->fit.first, rate,
                             smolder_trends_get_minutes (self->trends, n - 1), s->fit.r2, 100.0 * s->fit.rose);
  steadiness = s->steady ? g_strdup_printf (_("steadiness %.2f"), s->fit.steadiness)
                         : g_strdup_printf (_("steadiness %.2f (not steady)"), s->fit.steadiness);

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 3);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_widget_set_margin_top (grid, 8);
  gtk_widget_set_margin_bottom (grid, 8);

  label = label_new (rank, "title-3");
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_size_request (label, 28, -1);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 0, 1, 4);

  spark = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (spark), 96);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (spark), 30);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (spark), smolder_suspect_row_sparkline_draw, self, NULL);
  gtk_widget_set_valign (spark, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (spark, tooltip);
  gtk_grid_attach (GTK_GRID (grid), spark, 1, 0, 1, 2);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  label = label_new (self->summary, "heading");
  gtk_widget_set_tooltip_text (label, tooltip);
  gtk_box_append (GTK_BOX (box), label);
  {
    g_autofree char *change = g_strdup_printf ("%s → %s", first, last);

    label = label_new (change, "dim-label");
    gtk_widget_set_tooltip_text (label, tooltip);
    gtk_box_append (GTK_BOX (box), label);
  }
  gtk_box_append (GTK_BOX (box), label_new (steadiness, "dim-label"));
  gtk_grid_attach (GTK_GRID (grid), box, 2, 0, 1, 1);

  if (s->pattern != smolder_leak_pattern_none ())
    pattern = g_markup_printf_escaped ("<b>%s</b>: %s\n<small>%s %s</small>", s->pattern->id,
                                       _(s->pattern->explanation), _("Fix:"), _(s->pattern->fix));
  else
    pattern = g_markup_printf_escaped ("<b>-</b>: %s", _("no known leak pattern fits"));
  label = label_new (NULL, NULL);
  gtk_label_set_markup (GTK_LABEL (label), pattern);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_grid_attach (GTK_GRID (grid), label, 2, row++, 1, 1);

  states = smolder_trends_get_stack_states (self->trends, s->series);
  if (states != NULL)
    {
      g_autofree char *text = NULL;

      /* A count that grows while its wait grows is the classic leak. */
      if (states->wait_last >= 0 && states->n_dumps > 1)
        text = g_strdup_printf (_("state %s, waiting %" PRId64 " → %" PRId64 " minutes%s "
                                  "(%u goroutine dumps)"),
                                states->state, MAX (states->wait_first, 0), states->wait_last,
                                states->wait_last > MAX (states->wait_first, 0) ? _(", rising") : "",
                                states->n_dumps);
      else if (states->wait_last >= 0)
        text = g_strdup_printf (_("state %s, waiting up to %" PRId64 " minutes"),
                                states->state, states->wait_last);
      else
        text = g_strdup_printf (_("state %s"), states->state);
      label = label_new (text, "caption");
      gtk_grid_attach (GTK_GRID (grid), label, 2, row++, 1, 1);
    }

  frames = depth > 0 ? frames_text (self->trends, s->series, 0, MIN (depth, FRAMES_SHOWN)) : g_strdup (_("(no stack)"));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  label = label_new (frames, "monospace");
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_box_append (GTK_BOX (box), label);
  if (depth > FRAMES_SHOWN)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (NULL, "%u more frame", "%u more frames",
                                                   depth - FRAMES_SHOWN), depth - FRAMES_SHOWN);
      g_autofree char *rest = frames_text (self->trends, s->series, FRAMES_SHOWN, depth);
      GtkWidget *expander = gtk_expander_new (more);

      gtk_expander_set_child (GTK_EXPANDER (expander), label_new (rest, "monospace"));
      gtk_widget_add_css_class (expander, "dim-label");
      gtk_box_append (GTK_BOX (box), expander);
    }
  gtk_grid_attach (GTK_GRID (grid), box, 2, row++, 1, 1);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), grid);
}

static void
smolder_suspect_row_finalize (GObject *object)
{
  SmolderSuspectRow *self = SMOLDER_SUSPECT_ROW (object);

  g_clear_object (&self->trends);
  g_free (self->summary);
  G_OBJECT_CLASS (smolder_suspect_row_parent_class)->finalize (object);
}

static void
smolder_suspect_row_class_init (SmolderSuspectRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = smolder_suspect_row_finalize;
}

static void
smolder_suspect_row_init (SmolderSuspectRow *self)
{
}

GtkWidget *
smolder_suspect_row_new (SmolderTrends *trends,
                         guint          rank)
{
  SmolderSuspectRow *self;

  g_return_val_if_fail (SMOLDER_IS_TRENDS (trends), NULL);
  g_return_val_if_fail (rank < smolder_trends_get_n_suspects (trends), NULL);

  self = g_object_new (SMOLDER_TYPE_SUSPECT_ROW, NULL);
  self->trends = g_object_ref (trends);
  self->rank = rank;
  build (self);
  return GTK_WIDGET (self);
}

SmolderTrends *
smolder_suspect_row_get_trends (SmolderSuspectRow *self)
{
  g_return_val_if_fail (SMOLDER_IS_SUSPECT_ROW (self), NULL);

  return self->trends;
}

guint
smolder_suspect_row_get_rank (SmolderSuspectRow *self)
{
  g_return_val_if_fail (SMOLDER_IS_SUSPECT_ROW (self), 0);

  return self->rank;
}

char **
smolder_suspect_row_dup_path (SmolderSuspectRow *self)
{
  guint series, depth;
  char **path;

  g_return_val_if_fail (SMOLDER_IS_SUSPECT_ROW (self), NULL);

  series = suspect (self)->series;
  depth = smolder_trends_get_stack_depth (self->trends, series);
  path = g_new0 (char *, depth + 1);
  for (guint d = 0; d < depth; d++)
    path[d] = g_strdup (smolder_trends_get_stack_frame (self->trends, series, depth - 1 - d));
  return path;
}

const char *
smolder_suspect_row_get_summary (SmolderSuspectRow *self)
{
  g_return_val_if_fail (SMOLDER_IS_SUSPECT_ROW (self), NULL);

  return self->summary;
}
