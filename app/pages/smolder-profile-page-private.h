/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-profile-page-private.h: shared by smolder-profile-page.c (the
 * tab, loading, the query and the views), smolder-profile-page-filters.c
 * (filters and their chips, undo) and smolder-profile-page-actions.c
 * (search, jumps between views, export). */
#pragma once

#include "smolder-callers-view.h"
#include "smolder-flame-view.h"
#include "smolder-profile-page.h"

G_BEGIN_DECLS

typedef struct {
  SmolderFilterMode mode;
  char *regex;
  char *name;  /* the frame's function a menu made it from; NULL if typed */
} SmolderPageFilter;

struct _SmolderProfilePage
{
  AdwBin parent_instance;

  /* template widgets */
  GtkStack *stack;
  AdwStatusPage *loading_page;
  GtkProgressBar *progress_bar;
  AdwStatusPage *error_page;
  GtkDropDown *sample_type_dropdown;
  GtkDropDown *granularity_dropdown;
  GtkToggleButton *inverted_button;
  GtkToggleButton *icicle_button;
  GtkMenuButton *filter_button;
  GtkPopover *filter_popover;
  GtkDropDown *filter_mode_dropdown;
  GtkEntry *filter_entry;
  GtkLabel *filter_error_label;
  GtkToggleButton *search_button;
  GtkLabel *summary_label;
  GtkFlowBox *chip_box;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkLabel *search_label;
  AdwViewStack *view_stack;
  SmolderFlameView *flame_view;
  SmolderTopView *top_view;
  SmolderCallersView *callers_view;

  /* owned */
  GFile *file;
  SmolderProfile *profile;
  SmolderQuery *query;
  GCancellable *cancellable;
  GCancellable *export_cancellable;
  GError *error;
  GIcon *icon;
  char *title;
  char *tooltip;
  GPtrArray *filters;     /* SmolderPageFilter, in the order added */
  GPtrArray *undo_stack;  /* GPtrArray of SmolderPageFilter: earlier filter lists */
  GtkFileChooserNative *export_chooser;
  SmolderProgress *progress;  /* of the load in flight */

  /* state */
  guint generation;
  guint progress_source;
  gulong start_handler;   /* on the frame clock: starts the load after a paint */
  guint pending_exports;
  gboolean loading;
  gboolean updating_controls;
};

/* smolder-profile-page.c */
void       _smolder_profile_page_update_query   (SmolderProfilePage *self);
void       _smolder_profile_page_add_toast      (SmolderProfilePage *self,
                                                 AdwToast           *toast);

/* smolder-profile-page-filters.c */
void       _smolder_profile_page_filter_free    (SmolderPageFilter  *filter);
GPtrArray *_smolder_profile_page_filters_copy   (GPtrArray          *filters);
/* Sets the filters of the list on @query; FALSE (and @error) on a bad regex. */
gboolean   _smolder_profile_page_apply_filters  (GPtrArray          *filters,
                                                 SmolderQuery       *query,
                                                 GError            **error);
void       _smolder_profile_page_rebuild_chips  (SmolderProfilePage *self);
void       _smolder_profile_page_init_filters   (SmolderProfilePage *self);
void       _smolder_profile_page_class_init_filters (GtkWidgetClass *widget_class);

/* smolder-profile-page-actions.c */
void       _smolder_profile_page_update_search  (SmolderProfilePage *self);
void       _smolder_profile_page_init_actions   (SmolderProfilePage *self);
void       _smolder_profile_page_class_init_actions (GtkWidgetClass *widget_class);

G_END_DECLS
