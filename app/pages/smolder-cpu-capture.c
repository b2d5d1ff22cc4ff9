/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-cpu-capture.c: Capture CPU Profile… (see the header). */
#include "smolder-cpu-capture.h"

#include <glib/gi18n.h>

#include "smolder-window.h"

struct _SmolderCpuCapture
{
  GtkBox         parent_instance;

  /* children */
  GtkWidget     *menu_button;
  GtkWidget     *seconds;
  GtkWidget     *progress;
  GtkWidget     *cancel_button;

  /* owned */
  SmolderPoller *poller;
  GCancellable  *cancellable;

  /* state: one capture at a time, numbered so a stale result is dropped */
  guint          generation;
  guint          n_seconds;
  gint64         started_us;
  guint          tick_id;
};

G_DEFINE_FINAL_TYPE (SmolderCpuCapture, smolder_cpu_capture, GTK_TYPE_BOX)

enum {
  CAPTURED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct {
  SmolderCpuCapture *self;
  guint              generation;
} Capture;

static void
set_busy (SmolderCpuCapture *self,
          gboolean           busy)
{
  gtk_widget_set_visible (self->menu_button, !busy);
  gtk_widget_set_visible (self->progress, busy);
  gtk_widget_set_visible (self->cancel_button, busy);
  if (!busy)
    {
      g_clear_handle_id (&self->tick_id, g_source_remove);
      g_clear_object (&self->cancellable);
    }
}

static gboolean
tick_cb (gpointer user_data)
{
  SmolderCpuCapture *self = user_data;
  double elapsed = (g_get_monotonic_time () - self->started_us) / (double) G_USEC_PER_SEC;
  g_autofree char *text = NULL;

  if (elapsed < self->n_seconds)
    {
      gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress), elapsed / self->n_seconds);
      /* Translators: CPU capture progress: seconds done, seconds asked for. */
      text = g_strdup_printf (_("CPU profile: %u of %u s"), (guint) elapsed, self->n_seconds);
    }
  else
    {
      gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress), 1.0);
      text = g_strdup (_("CPU profile: receiving…"));
    }
  gtk_progress_bar_set_text (GTK_PROGRESS_BAR (self->progress), text);
  return G_SOURCE_CONTINUE;
}

static void
report (SmolderCpuCapture *self,
        const char        *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (SMOLDER_IS_WINDOW (root))
    smolder_window_add_toast (SMOLDER_WINDOW (root), message);
  else
    g_message ("%s", message);
}

static void
captured_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Capture *capture = user_data;
  g_autoptr(SmolderCpuCapture) self = capture->self;
  guint generation = capture->generation;
  g_autoptr(GError) error = NULL;
  const SmolderLiveSnapshot *snapshot;
  SmolderSession *session;
  g_autoptr(GFile) file = NULL;
  GtkRoot *root;

  g_free (capture);
  snapshot = smolder_poller_capture_cpu_finish (SMOLDER_POLLER (source), result, &error);
  if (generation != self->generation)
    return;  /* cancelled and replaced by a newer capture */
  set_busy (self, FALSE);
  if (snapshot == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *text = g_strdup_printf (_("CPU profile failed: %s"), error->message);

          report (self, text);
        }
      return;
    }

  session = smolder_poller_get_session (self->poller);
  file = g_file_get_child (smolder_session_get_dir (session),
                           ((const SmolderLiveFile *) g_ptr_array_index (snapshot->files, 0))->name);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (SMOLDER_IS_WINDOW (root))
    smolder_window_open_file (SMOLDER_WINDOW (root), file);
  g_signal_emit (self, signals[CAPTURED], 0, file);
}

void
smolder_cpu_capture_start (SmolderCpuCapture *self,
                           guint              seconds)
{
  Capture *capture;

  g_return_if_fail (SMOLDER_IS_CPU_CAPTURE (self));
  g_return_if_fail (self->poller != NULL);

  smolder_cpu_capture_cancel (self);
  self->n_seconds = CLAMP (seconds, 1, 3600);
  self->started_us = g_get_monotonic_time ();
  self->cancellable = g_cancellable_new ();
  capture = g_new0 (Capture, 1);
  capture->self = g_object_ref (self);
  capture->generation = ++self->generation;
  /* The poller's request timeout is its poll timeout plus the seconds. */
  smolder_poller_capture_cpu_async (self->poller, self->n_seconds, self->cancellable, captured_cb, capture);
  set_busy (self, TRUE);
  self->tick_id = g_timeout_add (250, tick_cb, self);
  tick_cb (self);
}

void
smolder_cpu_capture_cancel (SmolderCpuCapture *self)
{
  g_return_if_fail (SMOLDER_IS_CPU_CAPTURE (self));

  if (self->cancellable == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  self->generation++;
  set_busy (self, FALSE);
}

gboolean
smolder_cpu_capture_get_busy (SmolderCpuCapture *self)
{
  g_return_val_if_fail (SMOLDER_IS_CPU_CAPTURE (self), FALSE);
  return self->cancellable != NULL;
}

double
smolder_cpu_capture_get_fraction (SmolderCpuCapture *self)
{
  g_return_val_if_fail (SMOLDER_IS_CPU_CAPTURE (self), 0);
  return gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (self->progress));
}

void
smolder_cpu_capture_set_poller (SmolderCpuCapture *self,
                                SmolderPoller     *poller)
{
  g_return_if_fail (SMOLDER_IS_CPU_CAPTURE (self));

  smolder_cpu_capture_cancel (self);
  g_set_object (&self->poller, poller);
}

static void
start_clicked_cb (SmolderCpuCapture *self)
{
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->menu_button));
  smolder_cpu_capture_start (self, gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->seconds)));
}

static void
smolder_cpu_capture_dispose (GObject *object)
{
  SmolderCpuCapture *self = SMOLDER_CPU_CAPTURE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  G_OBJECT_CLASS (smolder_cpu_capture_parent_class)->dispose (object);
}

static void
smolder_cpu_capture_finalize (GObject *object)
{
  SmolderCpuCapture *self = SMOLDER_CPU_CAPTURE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->poller);
  G_OBJECT_CLASS (smolder_cpu_capture_parent_class)->finalize (object);
}

static void
smolder_cpu_capture_class_init (SmolderCpuCaptureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = smolder_cpu_capture_dispose;
  object_class->finalize = smolder_cpu_capture_finalize;

  /* (GFile *file): the profile is on disk, in the session and opened. */
  signals[CAPTURED] =
    g_signal_new ("captured", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);
}

static void
smolder_cpu_capture_init (SmolderCpuCapture *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Seconds"));
  GtkWidget *start = gtk_button_new_with_mnemonic (_("_Capture"));
  GtkWidget *hint = gtk_label_new (_("The service samples its CPU use for this long; "
                                     "heap and goroutines are still polled meanwhile."));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_HORIZONTAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);

  self->seconds = gtk_spin_button_new_with_range (1, 3600, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->seconds), SMOLDER_CPU_CAPTURE_DEFAULT_SECONDS);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->seconds);
  gtk_widget_add_css_class (start, "suggested-action");
  g_signal_connect_object (start, "clicked", G_CALLBACK (start_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (hint), 32);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), self->seconds, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), hint, 0, 1, 2, 1);
  gtk_grid_attach (GTK_GRID (grid), start, 0, 2, 2, 1);
  gtk_popover_set_child (GTK_POPOVER (popover), grid);
  gtk_popover_set_default_widget (GTK_POPOVER (popover), start);
  gtk_text_set_activates_default (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self->seconds))), TRUE);

  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->menu_button), _("Capture CPU Profile…"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (self->menu_button), TRUE);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->menu_button), popover);
  gtk_widget_set_tooltip_text (self->menu_button,
                               _("Ask the service for a CPU profile of some seconds; it opens in a new tab"));
  gtk_box_append (GTK_BOX (self), self->menu_button);

  self->progress = gtk_progress_bar_new ();
  gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (self->progress), TRUE);
  gtk_widget_set_valign (self->progress, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (self->progress, 180, -1);
  gtk_box_append (GTK_BOX (self), self->progress);
  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_set_tooltip_text (self->cancel_button, _("Stop the CPU capture"));
  g_signal_connect_object (self->cancel_button, "clicked", G_CALLBACK (smolder_cpu_capture_cancel),
                           self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self), self->cancel_button);
  set_busy (self, FALSE);
}

GtkWidget *
smolder_cpu_capture_new (void)
{
  return g_object_new (SMOLDER_TYPE_CPU_CAPTURE, NULL);
}
