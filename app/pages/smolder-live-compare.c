/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-live-compare.c: comparing two moments of a live session (see the
 * header). */

#include "smolder-live-compare.h"

#include <glib/gi18n.h>

#include "smolder-compare-page.h"
#include "smolder-window.h"

struct _SmolderLiveCompare
{
  GtkBox parent_instance;

  SmolderTimelineChart      *chart;      /* our sibling on the page */
  GPtrArray                 *snapshots;
  GFile                     *dir;
  const SmolderLiveSnapshot *first;      /* owned by the session, as are all */
  const SmolderLiveSnapshot *second;

  GtkWidget *compare_button;
  GtkWidget *previous_button;
};

G_DEFINE_FINAL_TYPE (SmolderLiveCompare, smolder_live_compare, GTK_TYPE_BOX)

/* The profile of a snapshot (heap-0001.pb.gz), not its ?debug=1 text. */
static GFile *
snapshot_file (SmolderLiveCompare        *self,
               const SmolderLiveSnapshot *snapshot)
{
  for (guint i = 0; i < snapshot->files->len; i++)
    {
      const SmolderLiveFile *file = g_ptr_array_index (snapshot->files, i);

      if (g_str_has_suffix (file->name, ".pb.gz"))
        return g_file_get_child (self->dir, file->name);
    }
  return NULL;
}

static gint
index_of (SmolderLiveCompare        *self,
          const SmolderLiveSnapshot *snapshot)
{
  guint index;

  if (snapshot == NULL || !g_ptr_array_find (self->snapshots, snapshot, &index))
    return -1;
  return index;
}

/* "12:04:31 (#7)": a snapshot's time of day and its poll number. */
static char *
snapshot_title (const SmolderLiveSnapshot *snapshot)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (snapshot->time_ms / 1000);
  g_autofree char *clock = g_date_time_format (when, "%X");

  /* TRANSLATORS: a live snapshot in a compare tab's title: its time of day and number */
  return g_strdup_printf (_("%s (#%u)"), clock, snapshot->seq);
}

static void
update (SmolderLiveCompare *self)
{
  gint64 marks[2] = { 0, 0 };
  guint n = 0;
  gboolean pair = self->first != NULL && self->second != NULL && self->first != self->second;

  if (self->first != NULL)
    marks[n++] = self->first->time_ms;
  if (self->second != NULL && self->second != self->first)
    marks[n++] = self->second->time_ms;
  smolder_timeline_chart_set_marks (self->chart, marks, n);

  gtk_widget_set_sensitive (self->compare_button, pair);
  if (pair)
    {
      const SmolderLiveSnapshot *base = self->first->time_ms <= self->second->time_ms ? self->first : self->second;
      const SmolderLiveSnapshot *new = base == self->first ? self->second : self->first;
      g_autofree char *base_title = snapshot_title (base);
      g_autofree char *new_title = snapshot_title (new);
      /* TRANSLATORS: the Compare button's tooltip: the base snapshot, then the new one */
      g_autofree char *tooltip = g_strdup_printf (_("Compare snapshot %s with %s"), base_title, new_title);

      gtk_widget_set_tooltip_text (self->compare_button, tooltip);
    }
  else
    gtk_widget_set_tooltip_text (self->compare_button,
                                 _("Shift+click a second moment on the chart to compare it with the one shown"));
  gtk_widget_set_sensitive (self->previous_button, index_of (self, self->first) > 0);
}

void
smolder_live_compare_set_first (SmolderLiveCompare        *self,
                                const SmolderLiveSnapshot *snapshot)
{
  g_return_if_fail (SMOLDER_IS_LIVE_COMPARE (self));

  self->first = snapshot;
  update (self);
}

void
smolder_live_compare_set_second (SmolderLiveCompare *self,
                                 gint64              time_ms)
{
  gint64 best_distance = G_MAXINT64;

  g_return_if_fail (SMOLDER_IS_LIVE_COMPARE (self));

  for (guint i = 0; i < self->snapshots->len; i++)
    {
      const SmolderLiveSnapshot *snapshot = g_ptr_array_index (self->snapshots, i);
      gint64 distance = ABS (snapshot->time_ms - time_ms);

      if (distance < best_distance)
        {
          self->second = snapshot;
          best_distance = distance;
        }
    }
  update (self);
}

const SmolderLiveSnapshot *
smolder_live_compare_get_second (SmolderLiveCompare *self)
{
  g_return_val_if_fail (SMOLDER_IS_LIVE_COMPARE (self), NULL);
  return self->second;
}

SmolderPage *
smolder_live_compare_open (SmolderLiveCompare *self,
                           gboolean            with_previous)
{
  const SmolderLiveSnapshot *base, *new;
  g_autoptr(GFile) base_file = NULL;
  g_autoptr(GFile) new_file = NULL;
  g_autofree char *base_title = NULL;
  g_autofree char *new_title = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SmolderPage *page;
  gint index = index_of (self, self->first);

  g_return_val_if_fail (SMOLDER_IS_LIVE_COMPARE (self), NULL);

  if (with_previous)
    {
      if (index <= 0)
        return NULL;
      base = g_ptr_array_index (self->snapshots, index - 1);
      new = self->first;
    }
  else
    {
      if (self->first == NULL || self->second == NULL || self->first == self->second)
        return NULL;
      /* The earlier is the base, whichever was picked first. */
      base = self->first->time_ms <= self->second->time_ms ? self->first : self->second;
      new = base == self->first ? self->second : self->first;
    }
  base_file = snapshot_file (self, base);
  new_file = snapshot_file (self, new);
  if (base_file == NULL || new_file == NULL || !SMOLDER_IS_WINDOW (root))
    return NULL;

  /* The compare page reads both files on workers, with progress, and
   * shows a read error in its tab. */
  page = smolder_compare_page_new_for_files (base_file, new_file);
  base_title = snapshot_title (base);
  new_title = snapshot_title (new);
  smolder_compare_page_set_names (SMOLDER_COMPARE_PAGE (page), base_title, new_title);
  smolder_window_add_page (SMOLDER_WINDOW (root), page);
  return page;
}

static void
on_moment_extended (SmolderTimelineChart *chart,
                    gint64                time_ms,
                    SmolderLiveCompare   *self)
{
  smolder_live_compare_set_second (self, time_ms);
}

static void
on_compare_clicked (SmolderLiveCompare *self)
{
  smolder_live_compare_open (self, FALSE);
}

static void
on_previous_clicked (SmolderLiveCompare *self)
{
  smolder_live_compare_open (self, TRUE);
}

static void
smolder_live_compare_finalize (GObject *object)
{
  SmolderLiveCompare *self = SMOLDER_LIVE_COMPARE (object);

  g_clear_pointer (&self->snapshots, g_ptr_array_unref);
  g_clear_object (&self->dir);
  g_clear_object (&self->chart);
  G_OBJECT_CLASS (smolder_live_compare_parent_class)->finalize (object);
}

static void
smolder_live_compare_class_init (SmolderLiveCompareClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = smolder_live_compare_finalize;
}

static void
smolder_live_compare_init (SmolderLiveCompare *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "linked");

  self->compare_button = gtk_button_new_with_mnemonic (_("Co_mpare"));
  g_signal_connect_swapped (self->compare_button, "clicked", G_CALLBACK (on_compare_clicked), self);
  gtk_box_append (GTK_BOX (self), self->compare_button);

  self->previous_button = gtk_button_new_with_mnemonic (_("Compare with Pre_vious"));
  gtk_widget_set_tooltip_text (self->previous_button,
                               _("Compare the snapshot shown with the snapshot before it"));
  g_signal_connect_swapped (self->previous_button, "clicked", G_CALLBACK (on_previous_clicked), self);
  gtk_box_append (GTK_BOX (self), self->previous_button);
}

GtkWidget *
smolder_live_compare_new (SmolderTimelineChart *chart,
                          GPtrArray            *snapshots,
                          GFile                *dir)
{
  SmolderLiveCompare *self;

  g_return_val_if_fail (SMOLDER_IS_TIMELINE_CHART (chart), NULL);
  g_return_val_if_fail (snapshots != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (dir), NULL);

  self = g_object_new (SMOLDER_TYPE_LIVE_COMPARE, "orientation", GTK_ORIENTATION_HORIZONTAL, NULL);
  self->chart = g_object_ref (chart);
  self->snapshots = g_ptr_array_ref (snapshots);
  self->dir = g_object_ref (dir);
  g_signal_connect_object (chart, "moment-extended", G_CALLBACK (on_moment_extended), self, 0);
  update (self);
  return GTK_WIDGET (self);
}
