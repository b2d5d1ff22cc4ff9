/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-flame-graph.c: input, focus, tooltips and a11y around the painter.
 *
 * The bars are painted once into a cairo render node and that node is
 * re-appended on every snapshot until the tree, zoom, size, scroll, search
 * or style changes; hover and focus are drawn on top as colour and border
 * nodes, so moving the pointer never repaints the bars. */

#include "smolder-flame-graph-private.h"
#include "smolder-widget-style.h"

#include "smolder-units.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>


enum {
  PROP_0,
  PROP_CALL_TREE,
  PROP_ORIENTATION,
  PROP_ZOOM_ROOT,
  PROP_FOCUS_NODE,
  N_PROPS
};

enum {
  FRAME_ACTION,
  ZOOM_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SmolderFlameGraph, smolder_flame_graph, GTK_TYPE_WIDGET)

#define MIN_WIDTH 120
#define NATURAL_WIDTH 800

/* --- caches --- */

static void
invalidate_frame (SmolderFlameGraph *self)
{
  g_clear_pointer (&self->frame_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static double
content_height (SmolderFlameGraph *self)
{
  if (self->tree == NULL || smolder_call_tree_get_n_nodes (self->tree) == 0)
    return 0;
  return (smolder_call_tree_get_max_depth (self->tree) + 1) * SMOLDER_FLAME_DEFAULT_ROW_HEIGHT;
}

/* The adjustment counts from the top of the content; self->scroll from the
 * root's edge (the bottom in a flame). */
static void
sync_vadjustment (SmolderFlameGraph *self)
{
  double page = gtk_widget_get_height (GTK_WIDGET (self));
  double upper = MAX (content_height (self), page);
  double value;

  if (self->vadjustment == NULL)
    return;
  if (page > 0)
    self->scroll = CLAMP (self->scroll, 0.0, upper - page);
  value = self->orientation == SMOLDER_FLAME_ORIENTATION_ICICLE ? self->scroll
                                                                : MAX (0.0, upper - page - self->scroll);
  self->syncing_vadjustment = TRUE;
  gtk_adjustment_configure (self->vadjustment, value, 0, upper,
                            SMOLDER_FLAME_DEFAULT_ROW_HEIGHT, page * 0.9, page);
  self->syncing_vadjustment = FALSE;
}

static void
vadjustment_value_changed_cb (SmolderFlameGraph *self)
{
  double value = gtk_adjustment_get_value (self->vadjustment);
  double span = gtk_adjustment_get_upper (self->vadjustment) - gtk_adjustment_get_page_size (self->vadjustment);
  double scroll;

  if (self->syncing_vadjustment)
    return;
  scroll = self->orientation == SMOLDER_FLAME_ORIENTATION_ICICLE ? value : span - value;
  scroll = CLAMP (scroll, 0.0, MAX (0.0, span));
  if (scroll == self->scroll)
    return;
  self->scroll = scroll;
  _smolder_flame_graph_set_hover (self, SMOLDER_NO_ID);
  _smolder_flame_graph_invalidate_layout (self);
}

void
smolder_flame_graph_set_base_name (SmolderFlameGraph *self,
                                   const char        *name)
{
  g_return_if_fail (SMOLDER_IS_FLAME_GRAPH (self));

  g_free (self->base_name);
  self->base_name = g_strdup (name);
}

GtkAdjustment *
smolder_flame_graph_get_vadjustment (SmolderFlameGraph *self)
{
  g_return_val_if_fail (SMOLDER_IS_FLAME_GRAPH (self), NULL);
  return self->vadjustment;
}

void
_smolder_flame_graph_invalidate_layout (SmolderFlameGraph *self)
{
  g_clear_pointer (&self->layout, smolder_flame_layout_unref);
  invalidate_frame (self);
  sync_vadjustment (self);
}

double
_smolder_flame_graph_max_scroll (SmolderFlameGraph *self)
{
  return MAX (0.0, content_height (self) - gtk_widget_get_height (GTK_WIDGET (self)));
}

SmolderFlameLayout *
_smolder_flame_graph_ensure_layout (SmolderFlameGraph *self)
{
  SmolderFlameLayoutParams params = { 0 };
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->layout != NULL)
    return self->layout;
  if (self->tree == NULL || width <= 0 || height <= 0)
    return NULL;

  self->scroll = CLAMP (self->scroll, 0.0, _smolder_flame_graph_max_scroll (self));
  params.width = width;
  params.height = height;
  params.row_height = SMOLDER_FLAME_DEFAULT_ROW_HEIGHT;
  params.scroll = self->scroll;
  params.orientation = self->orientation;
  self->layout = smolder_flame_layout_new (self->tree, self->zoom_root, &params);
  return self->layout;
}

void
_smolder_flame_graph_set_hover (SmolderFlameGraph *self,
                                guint32            node)
{
  g_autofree char *text = NULL;

  if (self->hover == node)
    return;
  self->hover = node;
  /* Plain text: a Go name such as "pkg.(*T).<b>" must not become markup.
   * None over an open context menu: it would cover the items. */
  if (self->context_menu == NULL || !gtk_widget_get_visible (self->context_menu))
    text = smolder_flame_graph_describe_node (self, node);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), text);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* --- zoom and focus --- */

static void
make_visible (SmolderFlameGraph *self,
              guint32            node)
{
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double rh = SMOLDER_FLAME_DEFAULT_ROW_HEIGHT;
  double top, scroll;
  guint row;

  if (!node_valid (self, node) || height <= 0)
    return;

  /* Distance of the row's far edge from the root edge, in content pixels. */
  row = smolder_call_tree_get_depth (self->tree, node);
  top = row * rh;
  scroll = self->scroll;
  if (top < scroll)
    scroll = top;
  else if (top + rh > scroll + height)
    scroll = top + rh - height;
  scroll = CLAMP (scroll, 0.0, _smolder_flame_graph_max_scroll (self));
  if (scroll != self->scroll)
    {
      self->scroll = scroll;
      _smolder_flame_graph_invalidate_layout (self);
    }
}

void
smolder_flame_graph_set_focus_node (SmolderFlameGraph *self,
                                    guint32            node)
{
  g_return_if_fail (SMOLDER_IS_FLAME_GRAPH (self));

  if (!node_valid (self, node))
    node = SMOLDER_NO_ID;
  if (self->focus == node)
    return;
  self->focus = node;
  make_visible (self, node);
  if (node != SMOLDER_NO_ID)
    {
      g_autofree char *text = smolder_flame_graph_describe_node (self, node);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                      -1);
    }
  _smolder_flame_graph_update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS_NODE]);
}

guint32
smolder_flame_graph_get_focus_node (SmolderFlameGraph *self)
{
  g_return_val_if_fail (SMOLDER_IS_FLAME_GRAPH (self), SMOLDER_NO_ID);
  return self->focus;
}

guint32
smolder_flame_graph_get_hover_node (SmolderFlameGraph *self)
{
  g_return_val_if_fail (SMOLDER_IS_FLAME_GRAPH (self), SMOLDER_NO_ID);
  return self->hover;
}

guint
smolder_flame_graph_get_zoom_root (SmolderFlameGraph *self)
{
  g_return_val_if_fail (SMOLDER_IS_FLAME_GRAPH (self), 0);
  return self->zoom_root;
}

void
smolder_flame_graph_set_zoom_root (SmolderFlameGraph *self,
                                   guint              node)
{
  g_return_if_fail (SMOLDER_IS_FLAME_GRAPH (self));

  if (!node_valid (self, node))
    node = 0;
  if (self->zoom_root == node)
    return;
  self->zoom_root = node;
  _smolder_flame_graph_set_hover (self, SMOLDER_NO_ID);
  _smolder_flame_graph_invalidate_layout (self);
  _smolder_flame_graph_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM_ROOT]);
}

static void
emit_zoom_changed (SmolderFlameGraph *self,
                   guint              old_zoom)
{
  if (self->zoom_root != old_zoom)
    g_signal_emit (self, signals[ZOOM_CHANGED], 0);
}

void
_smolder_flame_graph_zoom_to (SmolderFlameGraph *self,
                              guint32            node)
{
  guint old_zoom = self->zoom_root;

  if (!node_valid (self, node))
    return;
  smolder_flame_graph_set_zoom_root (self, node);
  smolder_flame_graph_set_focus_node (self, node);
  emit_zoom_changed (self, old_zoom);
}

/* --- search --- */

guint
smolder_flame_graph_set_search (SmolderFlameGraph *self,
                                GRegex            *regex,
                                double            *out_fraction)
{
  guint n = 0;
  double fraction = 0.0;

  g_return_val_if_fail (SMOLDER_IS_FLAME_GRAPH (self), 0);

  g_clear_pointer (&self->search, smolder_flame_search_unref);
  if (regex != NULL && self->tree != NULL)
    {
      self->search = smolder_flame_search_new (self->tree, regex);
      n = smolder_flame_search_get_n_matches (self->search);
      fraction = smolder_flame_search_get_fraction (self->search);
    }
  invalidate_frame (self);
  if (out_fraction != NULL)
    *out_fraction = fraction;
  return n;
}

void
smolder_flame_graph_set_flame_search (SmolderFlameGraph  *self,
                                      SmolderFlameSearch *search)
{
  g_return_if_fail (SMOLDER_IS_FLAME_GRAPH (self));

  if (search == self->search)
    return;
  /* A late result for the previous tree: its node numbers are other frames. */
  if (search != NULL && smolder_flame_search_get_tree (search) != self->tree)
    return;
  if (search != NULL)
    smolder_flame_search_ref (search);
  g_clear_pointer (&self->search, smolder_flame_search_unref);
  self->search = search;
  invalidate_frame (self);
}

SmolderFlameSearch *
smolder_flame_graph_get_search (SmolderFlameGraph *self)
{
  g_return_val_if_fail (SMOLDER_IS_FLAME_GRAPH (self), NULL);
  return self->search;
}

gboolean
smolder_flame_graph_focus_next_match (SmolderFlameGraph *self)
{
  SmolderFlameLayout *layout;
  guint old_zoom = self->zoom_root;
  guint32 next;

  g_return_val_if_fail (SMOLDER_IS_FLAME_GRAPH (self), FALSE);

  if (self->search == NULL)
    return FALSE;
  next = smolder_flame_search_next (self->search, self->focus);
  if (next == SMOLDER_NO_ID)
    return FALSE;

  /* A match outside the zoom, or too narrow to draw: zoom out first, then
   * onto its parent if it is still too narrow. */
  layout = _smolder_flame_graph_ensure_layout (self);
  if (layout != NULL && smolder_flame_layout_lookup (layout, next) == NULL)
    {
      smolder_flame_graph_set_zoom_root (self, 0);
      layout = _smolder_flame_graph_ensure_layout (self);
      if (layout != NULL && smolder_flame_layout_lookup (layout, next) == NULL)
        {
          guint32 parent = smolder_call_tree_get_parent (self->tree, next);

          smolder_flame_graph_set_zoom_root (self, parent != SMOLDER_NO_ID ? parent : 0);
        }
    }
  smolder_flame_graph_set_focus_node (self, next);
  emit_zoom_changed (self, old_zoom);
  return TRUE;
}

/* --- properties --- */

SmolderCallTree *
smolder_flame_graph_get_call_tree (SmolderFlameGraph *self)
{
  g_return_val_if_fail (SMOLDER_IS_FLAME_GRAPH (self), NULL);
  return self->tree;
}

void
smolder_flame_graph_set_call_tree (SmolderFlameGraph *self,
                                   SmolderCallTree   *tree)
{
  g_autoptr(SmolderCallTree) old = NULL;

  g_return_if_fail (SMOLDER_IS_FLAME_GRAPH (self));
  g_return_if_fail (tree == NULL || SMOLDER_IS_CALL_TREE (tree));

  if (self->tree == tree)
    return;
  old = g_steal_pointer (&self->tree);
  self->tree = tree != NULL ? g_object_ref (tree) : NULL;
  if (self->diff != NULL && smolder_flame_diff_get_tree (self->diff) != tree)
    g_clear_pointer (&self->diff, smolder_flame_diff_unref);

  g_clear_pointer (&self->functions, g_hash_table_unref);

  g_clear_pointer (&self->search, smolder_flame_search_unref);
  self->hover = SMOLDER_NO_ID;
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
  _smolder_flame_graph_carry_view (self, old);
  /* The first tree of a graph that has the keyboard: the arrow keys move
   * from the root at once, as after grab_focus. */
  if (old == NULL && self->focus == SMOLDER_NO_ID && tree != NULL
      && gtk_widget_has_focus (GTK_WIDGET (self)))
    self->focus = self->zoom_root;
  if (self->focus != SMOLDER_NO_ID)
    {
      g_autofree char *text = smolder_flame_graph_describe_node (self, self->focus);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                      -1);
    }
  _smolder_flame_graph_invalidate_layout (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  _smolder_flame_graph_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALL_TREE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM_ROOT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS_NODE]);
}

void
smolder_flame_graph_set_diff (SmolderFlameGraph             *self,
                              SmolderFlameDiff              *diff,
                              const SmolderDiffColorOptions *options)
{
  g_return_if_fail (SMOLDER_IS_FLAME_GRAPH (self));

  if (options != NULL)
    self->diff_options = *options;
  else
    smolder_diff_color_options_init (&self->diff_options);
  if (diff != self->diff)
    {
      g_clear_pointer (&self->diff, smolder_flame_diff_unref);
      self->diff = diff != NULL ? smolder_flame_diff_ref (diff) : NULL;
    }
  if (diff != NULL)
    smolder_flame_graph_set_call_tree (self, smolder_flame_diff_get_tree (diff));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  diff != NULL ? _("Differential flame graph") : _("Flame graph"),
                                  -1);
  /* The tooltip and the colours say other things now. */
  self->hover = SMOLDER_NO_ID;
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
  invalidate_frame (self);
}

SmolderFlameDiff *
smolder_flame_graph_get_diff (SmolderFlameGraph *self)
{
  g_return_val_if_fail (SMOLDER_IS_FLAME_GRAPH (self), NULL);
  return self->diff;
}

SmolderFlameOrientation
smolder_flame_graph_get_orientation (SmolderFlameGraph *self)
{
  g_return_val_if_fail (SMOLDER_IS_FLAME_GRAPH (self), SMOLDER_FLAME_ORIENTATION_FLAME);
  return self->orientation;
}

void
smolder_flame_graph_set_orientation (SmolderFlameGraph       *self,
                                     SmolderFlameOrientation  orientation)
{
  g_return_if_fail (SMOLDER_IS_FLAME_GRAPH (self));

  if (self->orientation == orientation)
    return;
  self->orientation = orientation;
  _smolder_flame_graph_invalidate_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORIENTATION]);
}

SmolderPaletteScheme
smolder_flame_graph_get_palette (SmolderFlameGraph *self)
{
  g_return_val_if_fail (SMOLDER_IS_FLAME_GRAPH (self), SMOLDER_PALETTE_PACKAGE);
  return self->palette;
}

/* The flame-palette setting; a differential graph keeps its change colours. */
void
smolder_flame_graph_set_palette (SmolderFlameGraph    *self,
                                 SmolderPaletteScheme  palette)
{
  g_return_if_fail (SMOLDER_IS_FLAME_GRAPH (self));

  if (self->palette == palette)
    return;
  self->palette = palette;
  invalidate_frame (self);
}

SmolderFlameLayout *
smolder_flame_graph_get_layout (SmolderFlameGraph *self)
{
  g_return_val_if_fail (SMOLDER_IS_FLAME_GRAPH (self), NULL);
  return _smolder_flame_graph_ensure_layout (self);
}

/* --- for smolder-flame-graph-actions.c --- */

void
_smolder_flame_graph_emit_frame_action (SmolderFlameGraph *self,
                                        const char        *action)
{
  if (!node_valid (self, self->focus))
    return;
  g_signal_emit (self, signals[FRAME_ACTION], 0, action,
                 smolder_call_tree_get_name (self->tree, self->focus));
}

/* --- GtkWidget --- */

static GtkSizeRequestMode
smolder_flame_graph_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
smolder_flame_graph_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  SmolderFlameGraph *self = SMOLDER_FLAME_GRAPH (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
    }
  else
    {
      *minimum = 4 * SMOLDER_FLAME_DEFAULT_ROW_HEIGHT;
      *natural = MAX (*minimum, (int) content_height (self));
    }
}

static void
smolder_flame_graph_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  SmolderFlameGraph *self = SMOLDER_FLAME_GRAPH (widget);
  SmolderFlameLayout *layout = self->layout;

  if (layout != NULL)
    {
      const SmolderFlameLayoutParams *p = smolder_flame_layout_get_params (layout);

      if (p->width != width || p->height != height)
        _smolder_flame_graph_invalidate_layout (self);
    }
  sync_vadjustment (self);
  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));
}

static void
append_outline (GtkSnapshot            *snapshot,
                SmolderFlameLayout     *layout,
                const SmolderFlameRect *r,
                const GdkRGBA          *color,
                double                  line_width,
                const GdkRGBA          *fill)
{
  double y = smolder_flame_layout_get_row_y (layout, r->row);
  double rh = smolder_flame_layout_get_params (layout)->row_height;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (r->x, y, MAX (r->width >= 3 ? r->width - 1 : r->width, 1), rh - 1);
  GskRoundedRect rounded;
  const float widths[4] = { line_width, line_width, line_width, line_width };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  if (fill != NULL)
    gtk_snapshot_append_color (snapshot, fill, &bounds);
  gsk_rounded_rect_init_from_rect (&rounded, &bounds, 0);
  gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
}

static void
smolder_flame_graph_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  SmolderFlameGraph *self = SMOLDER_FLAME_GRAPH (widget);
  SmolderFlameLayout *layout;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const SmolderFlameRect *r;

  self->dark = smolder_widget_style_is_dark (widget);
  layout = _smolder_flame_graph_ensure_layout (self);
  if (layout == NULL)
    return;

  if (self->frame_node != NULL && self->frame_dark != self->dark)
    g_clear_pointer (&self->frame_node, gsk_render_node_unref);

  if (self->frame_node == NULL)
    {
      g_autoptr(GtkSnapshot) inner = gtk_snapshot_new ();
      SmolderFlamePaintOptions options;
      cairo_t *cr;

      smolder_flame_paint_options_init (&options);
      options.dark = self->dark;
      options.palette = self->palette;
      options.search = self->search;
      options.background = FALSE;
      options.label_cache = self->labels;
      options.unprinted_label = smolder_flame_graph_unprinted_label ();
      cr = gtk_snapshot_append_cairo (inner, &GRAPHENE_RECT_INIT (0, 0, width, height));
      if (self->diff != NULL)
        {
          self->diff_options.dark = self->dark;
          self->diff_options.search = self->search;
          smolder_flame_diff_paint (cr, layout, self->diff, &self->diff_options, TRUE, NULL);
        }
      else
        smolder_flame_paint (cr, layout, &options);
      cairo_destroy (cr);
      self->frame_node = gtk_snapshot_free_to_node (g_steal_pointer (&inner));
      self->frame_dark = self->dark;
    }
  if (self->frame_node != NULL)
    gtk_snapshot_append_node (snapshot, self->frame_node);

  /* Hover and focus over the cached bars. */
  if (self->hover != SMOLDER_NO_ID && (r = smolder_flame_layout_lookup (layout, self->hover)) != NULL)
    {
      GdkRGBA fill = { 1, 1, 1, 0.25 };
      GdkRGBA line = self->dark ? (GdkRGBA) { 1, 1, 1, 0.9 } : (GdkRGBA) { 0, 0, 0, 0.75 };

      append_outline (snapshot, layout, r, &line, 1, &fill);
    }
  /* The current frame is outlined even when the search entry has the
   * keyboard (Enter there moves it), dimmer then. */
  if (self->focus != SMOLDER_NO_ID &&
      (r = smolder_flame_layout_lookup (layout, self->focus)) != NULL)
    {
      GdkRGBA accent = self->dark ? (GdkRGBA) { 0.47, 0.68, 0.93, 1 } : (GdkRGBA) { 0.11, 0.44, 0.85, 1 };

      if (!gtk_widget_has_focus (widget))
        accent.alpha = 0.6;

      append_outline (snapshot, layout, r, &accent, 2, NULL);
    }
}

static gboolean
smolder_flame_graph_grab_focus (GtkWidget *widget)
{
  SmolderFlameGraph *self = SMOLDER_FLAME_GRAPH (widget);

  if (!GTK_WIDGET_CLASS (smolder_flame_graph_parent_class)->grab_focus (widget))
    return FALSE;
  if (self->focus == SMOLDER_NO_ID && self->tree != NULL)
    smolder_flame_graph_set_focus_node (self, self->zoom_root);
  return TRUE;
}

/* --- GObject --- */

GtkWidget *
smolder_flame_graph_new (void)
{
  return g_object_new (SMOLDER_TYPE_FLAME_GRAPH, NULL);
}

static void
smolder_flame_graph_dispose (GObject *object)
{
  SmolderFlameGraph *self = SMOLDER_FLAME_GRAPH (object);

  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  g_clear_pointer (&self->frame_node, gsk_render_node_unref);
  g_clear_pointer (&self->layout, smolder_flame_layout_unref);
  g_clear_pointer (&self->search, smolder_flame_search_unref);
  g_clear_pointer (&self->functions, g_hash_table_unref);
  g_clear_pointer (&self->labels, smolder_flame_label_cache_free);
  g_clear_pointer (&self->diff, smolder_flame_diff_unref);
  g_clear_object (&self->tree);
  g_clear_object (&self->vadjustment);
  g_clear_pointer (&self->base_name, g_free);

  G_OBJECT_CLASS (smolder_flame_graph_parent_class)->dispose (object);
}

static void
smolder_flame_graph_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SmolderFlameGraph *self = SMOLDER_FLAME_GRAPH (object);

  switch (prop_id)
    {
    case PROP_CALL_TREE:
      g_value_set_object (value, self->tree);
      break;
    case PROP_ORIENTATION:
      g_value_set_boolean (value, self->orientation == SMOLDER_FLAME_ORIENTATION_ICICLE);
      break;
    case PROP_ZOOM_ROOT:
      g_value_set_uint (value, self->zoom_root);
      break;
    case PROP_FOCUS_NODE:
      g_value_set_uint (value, self->focus);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smolder_flame_graph_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SmolderFlameGraph *self = SMOLDER_FLAME_GRAPH (object);

  switch (prop_id)
    {
    case PROP_CALL_TREE:
      smolder_flame_graph_set_call_tree (self, g_value_get_object (value));
      break;
    case PROP_ORIENTATION:
      smolder_flame_graph_set_orientation (self, g_value_get_boolean (value)
                                                 ? SMOLDER_FLAME_ORIENTATION_ICICLE
                                                 : SMOLDER_FLAME_ORIENTATION_FLAME);
      break;
    case PROP_ZOOM_ROOT:
      smolder_flame_graph_set_zoom_root (self, g_value_get_uint (value));
      break;
    case PROP_FOCUS_NODE:
      smolder_flame_graph_set_focus_node (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smolder_flame_graph_class_init (SmolderFlameGraphClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smolder_flame_graph_dispose;
  object_class->get_property = smolder_flame_graph_get_property;
  object_class->set_property = smolder_flame_graph_set_property;

  widget_class->get_request_mode = smolder_flame_graph_get_request_mode;
  widget_class->measure = smolder_flame_graph_measure;
  widget_class->size_allocate = smolder_flame_graph_size_allocate;
  widget_class->snapshot = smolder_flame_graph_snapshot;
  widget_class->grab_focus = smolder_flame_graph_grab_focus;

  properties[PROP_CALL_TREE] =
    g_param_spec_object ("call-tree", NULL, NULL,
                         SMOLDER_TYPE_CALL_TREE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* TRUE for an icicle (root at the top); a boolean binds to a toggle. */
  properties[PROP_ORIENTATION] =
    g_param_spec_boolean ("icicle", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM_ROOT] =
    g_param_spec_uint ("zoom-root", NULL, NULL, 0, G_MAXUINT32, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOCUS_NODE] =
    g_param_spec_uint ("focus-node", NULL, NULL, 0, G_MAXUINT32, SMOLDER_NO_ID,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SmolderFlameGraph::frame-action:
   * @action: "focus-on", "ignore", "hide", "show" or "show-callers"
   * @name: the frame's printable name (as the engine's filters match it)
   *
   * An action on the focused frame that the page carries out.
   */
  signals[FRAME_ACTION] =
    g_signal_new ("frame-action", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  /**
   * SmolderFlameGraph::zoom-changed:
   *
   * The user zoomed (click, keys, actions, the next search match); read
   * smolder_flame_graph_get_zoom_path(). Not emitted for a zoom set by
   * code (set_zoom_root, set_zoom_path, a new tree), so a graph that
   * follows another never echoes it back.
   */
  signals[ZOOM_CHANGED] =
    g_signal_new ("zoom-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  _smolder_flame_graph_class_init_actions (widget_class);

  gtk_widget_class_set_css_name (widget_class, "flamegraph");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TREE);
}

static void
smolder_flame_graph_init (SmolderFlameGraph *self)
{
  self->hover = SMOLDER_NO_ID;
  self->focus = SMOLDER_NO_ID;
  self->orientation = SMOLDER_FLAME_ORIENTATION_FLAME;
  self->labels = smolder_flame_label_cache_new ();
  self->vadjustment = g_object_ref_sink (gtk_adjustment_new (0, 0, 0, 0, 0, 0));
  g_signal_connect_object (self->vadjustment, "value-changed",
                           G_CALLBACK (vadjustment_value_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Flame graph"),
                                  -1);

  _smolder_flame_graph_init_input (self);

  _smolder_flame_graph_update_actions (self);
}
