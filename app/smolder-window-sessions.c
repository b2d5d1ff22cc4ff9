/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-window-sessions.c: the window's ways to recorded sessions:
 * "Recorded Sessions…" (the list dialog) and reopening one in a live page
 * (also what `smolder DIR` does for a session folder). */
#include <glib/gi18n.h>

#include "smolder-live-page.h"
#include "smolder-session-store.h"
#include "smolder-sessions-dialog.h"
#include "smolder-window-private.h"

typedef struct {
  SmolderWindow *window;  /* weak */
  GFile         *dir;     /* held while it opens: retention must not take it */
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_weak_pointer (&data->window);
  smolder_session_store_release (data->dir);
  g_object_unref (data->dir);
  g_free (data);
}

static void
smolder_window_session_opened_cb (GObject      *source,
                                  GAsyncResult *result,
                                  gpointer      user_data)
{
  OpenData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderSession) session = smolder_session_open_finish (result, &error);
  g_autoptr(SmolderEndpoint) endpoint = NULL;
  g_autoptr(SmolderPoller) poller = NULL;

  if (data->window == NULL)
    {
      open_data_free (data);
      return;
    }
  if (session != NULL)
    endpoint = smolder_endpoint_new_parse (smolder_session_get_endpoint (session), &error);
  if (endpoint == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Cannot open the recorded session: %s"), error->message);

      smolder_window_add_toast (data->window, text);
      open_data_free (data);
      return;
    }
  /* Stopped before it starts: the page shows what the session holds. */
  poller = smolder_poller_new (endpoint, session);
  smolder_poller_stop (poller);
  smolder_window_add_page (data->window, SMOLDER_PAGE (smolder_live_page_new (poller)));
  open_data_free (data);
}

void
smolder_window_open_session (SmolderWindow *self,
                             GFile         *dir)
{
  OpenData *data;

  g_return_if_fail (SMOLDER_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (dir));

  data = g_new0 (OpenData, 1);
  g_set_weak_pointer (&data->window, self);
  data->dir = g_object_ref (dir);
  smolder_session_store_hold (dir);
  smolder_session_open_async (dir, NULL, smolder_window_session_opened_cb, data);
}

void
smolder_window_show_sessions (SmolderWindow *self)
{
  g_return_if_fail (SMOLDER_IS_WINDOW (self));

  gtk_window_present (GTK_WINDOW (smolder_sessions_dialog_new (self, NULL)));
}

static void
show_sessions_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  smolder_window_show_sessions (SMOLDER_WINDOW (widget));
}

void
_smolder_window_class_init_sessions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "window.show-sessions", NULL, show_sessions_action);
}
