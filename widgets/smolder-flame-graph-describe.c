/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-flame-graph-describe.c: what the tooltip and the status line say
 * of a frame: name, place, self and total with the base of each percentage,
 * exact values beside human ones, and in diff mode base → new. */
#include "smolder-flame-graph-private.h"
#include "smolder-flame-label.h"
#include "smolder-units.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <locale.h>
#include <string.h>

static const char *
unit_of (SmolderCallTree *tree)
{
  SmolderProfile *profile = smolder_frames_get_profile (smolder_call_tree_get_frames (tree));
  const SmolderValueType *vt = smolder_profile_get_sample_type (profile, smolder_call_tree_get_sample_index (tree));

  return vt != NULL ? smolder_profile_get_string (profile, vt->unit) : "";
}

static const char *
type_of (SmolderCallTree *tree)
{
  SmolderProfile *profile = smolder_frames_get_profile (smolder_call_tree_get_frames (tree));
  const SmolderValueType *vt = smolder_profile_get_sample_type (profile, smolder_call_tree_get_sample_index (tree));

  return vt != NULL ? smolder_profile_get_string (profile, vt->type) : "";
}

/* "12.50%", as Top and pprof print them. */
static char *
percent (gint64 value,
         gint64 total)
{
  if (total == 0)
    return g_strdup ("-");
  if (value == 0)
    return g_strdup ("0%");
  if (value == total)
    return g_strdup ("100%");
  return g_strdup_printf ("%.2f%%", 100.0 * (double) value / (double) ABS (total));
}

/* "14.4k (14,368 goroutines)", "59.5 MiB (62,390,272 B)": the human value
 * and, when it is rounded, the exact one. */
static char *
with_exact (gint64      value,
            const char *unit,
            const char *type)
{
  g_autofree char *human = smolder_units_format (value, unit);
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, (guint64) ABS (value));
  const char *sep = localeconv ()->thousands_sep;
  g_autoptr(GString) exact = g_string_new (value < 0 ? "-" : "");
  g_autofree char *noun = NULL;
  gsize n = strlen (digits);

  if (ABS (value) < 1000)
    return g_steal_pointer (&human);
  if (sep == NULL || sep[0] == '\0')
    sep = ",";
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append (exact, sep);
      g_string_append_c (exact, digits[i]);
    }

  if (g_strcmp0 (unit, "bytes") == 0)
    noun = g_strdup ("B");
  else if (g_strcmp0 (unit, "nanoseconds") == 0)
    noun = g_strdup ("ns");
  else if (g_strcmp0 (unit, "count") == 0 || unit == NULL || unit[0] == '\0')
    {
      /* What is counted: "goroutine" → "goroutines", "alloc_objects" →
       * "objects". */
      const char *base = strrchr (type, '_') != NULL ? strrchr (type, '_') + 1 : type;

      noun = base[0] == '\0' ? NULL
             : g_str_has_suffix (base, "s") ? g_strdup (base) : g_strconcat (base, "s", NULL);
    }
  else
    noun = g_strdup (unit);
  if (noun != NULL)
    g_string_append_printf (exact, " %s", noun);
  return g_strdup_printf ("%s (%s)", human, exact->str);
}

static const SmolderFunction *
lookup_function (SmolderFlameGraph *self,
                 const char        *name)
{
  if (name == NULL || name[0] == '\0')
    return NULL;
  if (self->functions == NULL)
    {
      SmolderProfile *profile = smolder_frames_get_profile (smolder_call_tree_get_frames (self->tree));
      guint n = smolder_profile_get_n_functions (profile);

      self->functions = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < n; i++)
        {
          const SmolderFunction *fn = smolder_profile_get_function (profile, i);
          const char *fn_name = smolder_profile_get_string (profile, fn->name);

          /* The first function of a name wins, as in the frames' keys. */
          if (!g_hash_table_contains (self->functions, fn_name))
            g_hash_table_insert (self->functions, (gpointer) fn_name, (gpointer) fn);
        }
    }
  return g_hash_table_lookup (self->functions, name);
}

/* Diff mode's lines: base → new and the change, in human units and as
 * the exact integers of the unit (what `pprof -diff_base` would print). */
static void
append_diff_description (SmolderFlameGraph *self,
                         GString           *str,
                         guint32            node,
                         const char        *unit)
{
  gint64 base = smolder_flame_diff_get_base (self->diff, node);
  gint64 new = smolder_flame_diff_get_new (self->diff, node);
  gint64 change = new - base;
  g_autofree char *base_s = smolder_units_format (base, unit);
  g_autofree char *new_s = smolder_units_format (new, unit);
  g_autofree char *change_s = smolder_units_format (change, unit);

  /* TRANSLATORS: a frame's total in the base profile and in the new one,
   * in human units, then the same as exact numbers in the unit */
  g_string_append_printf (str, _("\nBase → new: %s → %s (%" PRId64 " → %" PRId64 " %s)"),
                          base_s, new_s, base, new, unit);
  /* TRANSLATORS: the change from base to new, human and exact */
  g_string_append_printf (str, _("\nChange: %s%s (%s%" PRId64 " %s"),
                          change > 0 ? "+" : "", change_s, change > 0 ? "+" : "", change, unit);
  if (base == 0 && new != 0)
    g_string_append (str, _(", new"));
  else if (new == 0 && base != 0)
    g_string_append (str, _(", gone"));
  else if (base != 0)
    g_string_append_printf (str, ", %+.1f%%", 100.0 * (double) change / (double) ABS (base));
  g_string_append_c (str, ')');
}

const char *
smolder_flame_graph_unprinted_label (void)
{
  return _("(frames not printed by Go)");
}

char *
smolder_flame_graph_describe_node (SmolderFlameGraph *self,
                                   guint32            node)
{
  g_autoptr(GString) str = NULL;
  g_autofree char *self_s = NULL, *total_s = NULL;
  g_autofree char *self_pct = NULL, *total_pct = NULL, *zoom_pct = NULL;
  SmolderFrames *frames;
  const char *unit;
  guint32 frame;
  gint64 root_total, zoom_total, value_self, value_total, profile_total;

  g_return_val_if_fail (SMOLDER_IS_FLAME_GRAPH (self), NULL);

  if (!node_valid (self, node))
    return NULL;

  frames = smolder_call_tree_get_frames (self->tree);
  frame = smolder_call_tree_get_frame (self->tree, node);
  unit = unit_of (self->tree);
  root_total = smolder_call_tree_get_total (self->tree, 0);
  profile_total = smolder_profile_get_total (smolder_frames_get_profile (frames),
                                             smolder_call_tree_get_sample_index (self->tree));
  zoom_total = smolder_call_tree_get_total (self->tree, self->zoom_root);
  value_self = smolder_call_tree_get_self (self->tree, node);
  value_total = smolder_call_tree_get_total (self->tree, node);

  str = g_string_new (NULL);
  if (smolder_flame_node_is_unprinted (self->tree, node))
    {
      g_string_append (str, smolder_flame_graph_unprinted_label ());
      g_string_append_c (str, '\n');
      g_string_append (str, _("Go’s text format leaves out the runtime frames at the start of every "
                              "stack (such as runtime.goexit) and names none of them; "
                              "pprof shows them as “<unknown>”."));
    }
  else if (frame != SMOLDER_NO_ID && smolder_frames_get_function (frames, frame)[0] != '\0')
    g_string_append (str, smolder_frames_get_function (frames, frame));
  else
    g_string_append (str, smolder_call_tree_get_name (self->tree, node));

  if (frame != SMOLDER_NO_ID)
    {
      const char *file = smolder_frames_get_file (frames, frame);
      gint64 line = smolder_frames_get_line (frames, frame);

      /* At function granularity the frame has no file: take the function's
       * own (where it starts), as pprof's -list would show it. */
      if (file[0] == '\0')
        {
          const SmolderFunction *fn = lookup_function (self, smolder_frames_get_function (frames, frame));

          if (fn != NULL)
            {
              SmolderProfile *profile = smolder_frames_get_profile (frames);

              file = smolder_profile_get_string (profile, fn->filename);
              line = fn->start_line;
            }
        }
      if (line <= 0)
        line = smolder_frames_get_start_line (frames, frame);
      if (file[0] != '\0')
        {
          g_string_append_c (str, '\n');
          g_string_append (str, file);
          if (line > 0)
            g_string_append_printf (str, ":%" G_GINT64_FORMAT, line);
        }
    }

  self_s = with_exact (value_self, unit, type_of (self->tree));
  total_s = with_exact (value_total, unit, type_of (self->tree));
  self_pct = percent (value_self, profile_total);
  total_pct = percent (value_total, profile_total);
  zoom_pct = percent (value_total, zoom_total);

  /* Every percentage names its base, at Top's precision. */
  /* TRANSLATORS: a frame's own value and its share of the whole profile */
  g_string_append_printf (str, _("\nSelf: %s · %s of total"), self_s, self_pct);
  /* TRANSLATORS: a frame's value with its callees and its share of the
   * whole profile; ", 40.00% of shown (12 MiB)" may follow */
  g_string_append_printf (str, _("\nTotal: %s · %s of total"), total_s, total_pct);
  if (self->base_name != NULL || root_total != profile_total)
    {
      g_autofree char *shown_pct = percent (value_total, root_total);
      g_autofree char *shown = smolder_units_format (root_total, unit);

      if (self->base_name != NULL)
        /* TRANSLATORS: the share of a function's own total, its name and that total */
        g_string_append_printf (str, _(", %s of %s (%s)"), shown_pct, self->base_name, shown);
      else
        /* TRANSLATORS: the share of what the filters leave, and how much that is */
        g_string_append_printf (str, _(", %s of shown (%s)"), shown_pct, shown);
    }
  if (self->zoom_root != 0)
    g_string_append_printf (str, _(", %s of zoomed"), zoom_pct);

  if (self->diff != NULL)
    append_diff_description (self, str, node, unit);

  if (!g_utf8_validate (str->str, str->len, NULL))
    return g_utf8_make_valid (str->str, str->len);
  return g_string_free (g_steal_pointer (&str), FALSE);
}
