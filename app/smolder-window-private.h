/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-window-private.h: shared by smolder-window.c (tabs, recent files,
 * opening files) and smolder-window-merge.c (merging open profiles). */
#pragma once

#include "smolder-window.h"

G_BEGIN_DECLS

struct _SmolderWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  AdwTabBar *tab_bar;
  AdwTabView *tab_view;
  GtkStack *stack;
  GtkWidget *recent_box;
  GtkListBox *recent_list;

  /* owned */
  GtkFileChooserNative *chooser;
  GtkRecentManager *recent_manager;
  GCancellable *merge_cancellable;

  /* state */
  guint merging;
  gboolean recent_stale;  /* the recent list changed while tabs hid it */
};

/* smolder-window.c */
char *_smolder_window_describe_folder (GFile *file);

/* smolder-window-merge.c */
void       _smolder_window_class_init_merge (GtkWidgetClass *widget_class);
/* The pages with a loaded profile, in tab order (a new array). */
GPtrArray *_smolder_window_loaded_pages     (SmolderWindow  *self);
/* A check button naming @page's tab and its file's folder; checked when
 * the page shows a file; the page is its "page" data. */
GtkWidget *_smolder_window_create_page_row  (SmolderWindow  *self,
                                             SmolderPage    *page);
/* The button of a dialog's response (libadwaita 1.2 has no getter). */
GtkWidget *_smolder_window_find_button      (GtkWidget      *widget,
                                             const char     *label);

/* smolder-window-compare.c */
void       _smolder_window_class_init_compare (GtkWidgetClass *widget_class);

/* smolder-window-suspects.c: a toast offering leak suspects for 3+ files
 * opened together (NULL, no toast, for fewer). */
void      _smolder_window_class_init_suspects (GtkWidgetClass *widget_class);
AdwToast *_smolder_window_offer_suspects      (SmolderWindow  *self,
                                               GFile * const  *files,
                                               guint           n_files);

/* smolder-window-sessions.c */
void      _smolder_window_class_init_sessions (GtkWidgetClass *widget_class);

G_END_DECLS
