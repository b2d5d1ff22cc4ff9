/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-page.h: what the window knows of a tab. A page says its title,
 * tooltip, icon, whether it loads (and how far) or failed, and the
 * profile it shows, as properties the window binds to its AdwTabPage;
 * its commands are actions the window activates on it:
 *
 *   page.export        export what the page shows (Ctrl+Shift+E)
 *   page.search        start a search (Ctrl+F)
 *   page.undo-filter   undo the last filter change (Ctrl+Z)
 *   page.show-view     (s) show the view of that name: "flame", "top",
 *                      "callers" (Alt+1, 2, 3)
 *
 * A page offers those it can (gtk_widget_class_install_action); a missing
 * one does nothing. A new kind of tab subclasses SmolderPage. */
#pragma once

#include <adwaita.h>

#include "smolder-profile.h"

G_BEGIN_DECLS

#define SMOLDER_TYPE_PAGE (smolder_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (SmolderPage, smolder_page, SMOLDER, PAGE, AdwBin)

struct _SmolderPageClass
{
  AdwBinClass parent_class;

  /* The profile shown (for Merge Profiles…), or NULL; the default is
   * NULL. Subclasses call smolder_page_notify_profile() when it changes. */
  SmolderProfile *(*get_profile) (SmolderPage *self);

  gpointer padding[8];
};

const char     *smolder_page_get_title    (SmolderPage  *self);
void            smolder_page_set_title    (SmolderPage  *self,
                                           const char   *title);
/* Markup, as AdwTabPage takes it. */
const char     *smolder_page_get_tooltip  (SmolderPage  *self);
void            smolder_page_set_tooltip  (SmolderPage  *self,
                                           const char   *tooltip);
GIcon          *smolder_page_get_icon     (SmolderPage  *self);
void            smolder_page_set_icon     (SmolderPage  *self,
                                           GIcon        *icon);
/* What the page shows comes from this file (recent files, the merge
 * dialog's folders), or NULL. */
GFile          *smolder_page_get_file     (SmolderPage  *self);
void            smolder_page_set_file     (SmolderPage  *self,
                                           GFile        *file);
gboolean        smolder_page_get_loading  (SmolderPage  *self);
void            smolder_page_set_loading  (SmolderPage  *self,
                                           gboolean      loading);
/* 0..1 while loading, or -1 when unknown. */
double          smolder_page_get_progress (SmolderPage  *self);
void            smolder_page_set_progress (SmolderPage  *self,
                                           double        progress);
/* Why the page failed (cancelled included), or NULL; "failed" says it. */
const GError   *smolder_page_get_error    (SmolderPage  *self);
void            smolder_page_set_error    (SmolderPage  *self,
                                           const GError *error);
gboolean        smolder_page_get_failed   (SmolderPage  *self);
SmolderProfile *smolder_page_get_profile  (SmolderPage  *self);
void            smolder_page_notify_profile (SmolderPage *self);

G_END_DECLS
