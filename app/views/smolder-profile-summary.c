/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-profile-summary.c: the Profile Details popover. */

#include "config.h"

#include <glib/gi18n.h>

#include "smolder-profile-summary.h"
#include "smolder-profile-view.h"
#include "smolder-units.h"

struct _SmolderProfileSummary
{
  GtkPopover parent_instance;

  GtkWidget *label;
};

G_DEFINE_FINAL_TYPE (SmolderProfileSummary, smolder_profile_summary, GTK_TYPE_POPOVER)

static void
add_line (GString    *s,
          const char *key,
          const char *value)
{
  g_string_append_printf (s, "%s\t%s\n", key, value);
}

static void
add_bytes (GString    *s,
           const char *key,
           guint64     bytes)
{
  g_autofree char *human = smolder_units_format_bytes ((gint64) MIN (bytes, (guint64) G_MAXINT64));

  g_string_append_printf (s, "  %s\t%s (%" G_GUINT64_FORMAT ")\n", key, human, bytes);
}

static void
add_count (GString    *s,
           const char *key,
           guint64     n)
{
  g_string_append_printf (s, "  %s\t%" G_GUINT64_FORMAT "\n", key, n);
}

/* The seed metrics first (what grows in a leak), then the whole block. */
static void
add_memstats (GString               *s,
              const SmolderMemStats *m)
{
  guint64 pauses[5];
  guint n = smolder_memstats_recent_pauses (m, pauses, G_N_ELEMENTS (pauses));

  g_string_append_printf (s, "\n%s\n", _("Memory statistics (runtime.MemStats)"));
  add_bytes (s, "HeapInuse", m->heap_inuse);
  add_count (s, "HeapObjects", m->heap_objects);
  add_count (s, "NumGC", m->num_gc);
  if (n > 0)
    {
      g_string_append_printf (s, "  %s\t", _("Recent GC pauses"));
      for (guint i = n; i > 0; i--)
        {
          g_autofree char *d = smolder_units_format_duration ((gint64) MIN (pauses[i - 1], (guint64) G_MAXINT64));

          g_string_append_printf (s, "%s%s", i == n ? "" : ", ", d);
        }
      g_string_append_c (s, '\n');
    }
  add_bytes (s, "Alloc", m->alloc);
  add_bytes (s, "TotalAlloc", m->total_alloc);
  add_bytes (s, "Sys", m->sys);
  add_count (s, "Lookups", m->lookups);
  add_count (s, "Mallocs", m->mallocs);
  add_count (s, "Frees", m->frees);
  add_bytes (s, "HeapAlloc", m->heap_alloc);
  add_bytes (s, "HeapSys", m->heap_sys);
  add_bytes (s, "HeapIdle", m->heap_idle);
  add_bytes (s, "HeapReleased", m->heap_released);
  add_bytes (s, "Stack", m->stack_inuse);
  add_bytes (s, "StackSys", m->stack_sys);
  add_bytes (s, "MSpan", m->mspan_inuse);
  add_bytes (s, "MSpanSys", m->mspan_sys);
  add_bytes (s, "MCache", m->mcache_inuse);
  add_bytes (s, "MCacheSys", m->mcache_sys);
  add_bytes (s, "BuckHashSys", m->buck_hash_sys);
  add_bytes (s, "GCSys", m->gc_sys);
  add_bytes (s, "OtherSys", m->other_sys);
  add_bytes (s, "NextGC", m->next_gc);
  add_count (s, "NumForcedGC", m->num_forced_gc);
  g_string_append_printf (s, "  GCCPUFraction\t%g\n", m->gc_cpu_fraction);
  if (m->has_max_rss)
    add_bytes (s, "MaxRSS", m->max_rss);
}

char *
smolder_profile_summary_format (SmolderProfile *profile,
                                const char     *title)
{
  GString *s = g_string_new (NULL);
  const SmolderValueType *period_type = smolder_profile_get_period_type (profile);
  guint def = smolder_profile_get_default_sample_index (profile);
  gint64 duration = smolder_profile_get_duration_nanos (profile);
  const char * const *warnings = smolder_profile_get_warnings (profile);

  if (title != NULL && title[0] != '\0')
    add_line (s, _("File"), title);
  add_line (s, _("Format"), smolder_profile_format_to_display (smolder_profile_get_format (profile)));
  add_line (s, _("Kind"), smolder_profile_kind_to_display (smolder_profile_get_kind (profile)));
  if (smolder_profile_get_time_nanos (profile) != 0)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (smolder_profile_get_time_nanos (profile) / G_GINT64_CONSTANT (1000000000));
      g_autofree char *when = dt != NULL ? g_date_time_format (dt, "%Y-%m-%d %H:%M:%S %Z") : NULL;

      if (when != NULL)
        add_line (s, _("Time"), when);
    }
  if (duration != 0)
    {
      const SmolderValueType *vt = smolder_profile_get_sample_type (profile, def);
      const char *unit = smolder_profile_get_string (profile, vt->unit);
      gint64 total = smolder_profile_get_total (profile, def);
      g_autofree char *dur = smolder_units_format_duration (duration);
      g_autofree char *tot = smolder_units_format (total, unit);

      /* pprof's header: the share of the wall time the samples cover. */
      if (g_str_equal (unit, "nanoseconds"))
        g_string_append_printf (s, _("Duration: %s, total samples = %s (%.1f %%)\n"), dur, tot,
                                100.0 * (double) total / (double) duration);
      else
        g_string_append_printf (s, _("Duration: %s, total samples = %s\n"), dur, tot);
    }
  if (smolder_profile_get_period (profile) != 0)
    {
      const char *unit = smolder_profile_get_string (profile, period_type->unit);
      g_autofree char *period = smolder_units_format (smolder_profile_get_period (profile), unit);
      g_autofree char *value = NULL;

      if (g_str_equal (unit, "nanoseconds") && smolder_profile_get_period (profile) > 0)
        value = g_strdup_printf (_("%s (%.4g Hz sampling rate)"), period,
                                 1e9 / (double) smolder_profile_get_period (profile));
      else
        value = g_strdup_printf ("%s %s", period, smolder_profile_get_string (profile, period_type->type));
      add_line (s, _("Period"), value);
    }

  g_string_append_printf (s, "\n%s\n", _("Sample types"));
  for (guint i = 0; i < smolder_profile_get_n_sample_types (profile); i++)
    {
      const SmolderValueType *vt = smolder_profile_get_sample_type (profile, i);
      const char *unit = smolder_profile_get_string (profile, vt->unit);
      gint64 total = smolder_profile_get_total (profile, i);
      g_autofree char *human = smolder_units_format (total, unit);

      g_string_append_printf (s, "  %s\t%s (%" G_GINT64_FORMAT " %s)%s\n",
                              smolder_profile_get_string (profile, vt->type), human, total, unit,
                              i == def ? _(", shown by default") : "");
    }

  if (smolder_profile_get_n_comments (profile) > 0)
    g_string_append_printf (s, "\n%s\n", _("Comments"));
  for (guint i = 0; i < smolder_profile_get_n_comments (profile); i++)
    g_string_append_printf (s, "  %s\n", smolder_profile_get_comment (profile, i));
  if (warnings[0] != NULL)
    g_string_append_printf (s, "\n%s\n", _("Warnings"));
  for (guint i = 0; warnings[i] != NULL; i++)
    g_string_append_printf (s, "  %s\n", warnings[i]);
  if (smolder_profile_get_drop_frames (profile)[0] != '\0')
    add_line (s, _("Drop frames"), smolder_profile_get_drop_frames (profile));
  if (smolder_profile_get_keep_frames (profile)[0] != '\0')
    add_line (s, _("Keep frames"), smolder_profile_get_keep_frames (profile));
  {
    guint unnamed = 0;

    for (guint i = 0; i < smolder_profile_get_n_locations (profile); i++)
      unnamed += smolder_profile_get_location (profile, i)->n_lines == 0;
    /* Go's text heap lists leading runtime frames by address only. */
    if (unnamed > 0 && smolder_profile_get_format (profile) == SMOLDER_PROFILE_FORMAT_TEXT_HEAP)
      {
        g_autofree char *value = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u address Go did not print a name for, shown as “<unknown>” (as pprof does): the leading runtime frames Go leaves out of text heaps",
                                                              "%u addresses Go did not print a name for, shown as one “<unknown>” frame (as pprof does): the leading runtime frames Go leaves out of text heaps",
                                                              unnamed), unnamed);

        add_line (s, _("Unnamed frames"), value);
      }
  }
  if (smolder_profile_get_memstats (profile) != NULL)
    add_memstats (s, smolder_profile_get_memstats (profile));

  return g_string_free (s, FALSE);
}

/* Filled each time it opens: the view may hold the next live profile. */
static void
smolder_profile_summary_show (GtkWidget *widget)
{
  SmolderProfileSummary *self = SMOLDER_PROFILE_SUMMARY (widget);
  GtkWidget *view = gtk_widget_get_ancestor (widget, SMOLDER_TYPE_PROFILE_VIEW);
  SmolderProfile *profile = view != NULL ? smolder_profile_view_get_profile (SMOLDER_PROFILE_VIEW (view)) : NULL;
  g_autofree char *text = NULL;

  if (profile != NULL)
    text = smolder_profile_summary_format (profile, smolder_profile_view_get_title (SMOLDER_PROFILE_VIEW (view)));
  gtk_label_set_text (GTK_LABEL (self->label), text != NULL ? text : _("No profile"));

  GTK_WIDGET_CLASS (smolder_profile_summary_parent_class)->show (widget);
}

static void
smolder_profile_summary_class_init (SmolderProfileSummaryClass *klass)
{
  GTK_WIDGET_CLASS (klass)->show = smolder_profile_summary_show;
}

static void
smolder_profile_summary_init (SmolderProfileSummary *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  PangoTabArray *tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT, 180);

  self->label = gtk_label_new (NULL);
  gtk_label_set_selectable (GTK_LABEL (self->label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_label_set_yalign (GTK_LABEL (self->label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->label), TRUE);
  gtk_label_set_tabs (GTK_LABEL (self->label), tabs);
  pango_tab_array_free (tabs);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 480);
  gtk_widget_set_size_request (scrolled, 460, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->label);
  gtk_popover_set_child (GTK_POPOVER (self), scrolled);
}

GtkWidget *
smolder_profile_summary_new (void)
{
  return g_object_new (SMOLDER_TYPE_PROFILE_SUMMARY, NULL);
}

const char *
smolder_profile_summary_get_text (SmolderProfileSummary *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_SUMMARY (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->label));
}
