/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-profile-view-private.h: shared by smolder-profile-view.c (the
 * controls, the query and the views), smolder-profile-view-filters.c
 * (chips, undo, frame actions) and smolder-profile-view-actions.c (search,
 * jumps between views, export). */
#pragma once

#include "smolder-profile-view.h"

G_BEGIN_DECLS

struct _SmolderProfileView
{
  AdwBin parent_instance;

  /* template widgets */
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
  SmolderProfile *profile;
  SmolderQuery *query;
  SmolderFilterStack *filters;
  SmolderFramesCache *frames_cache;
  GCancellable *export_cancellable;
  GtkFileChooserNative *export_chooser;
  char *title;
  char *description;

  /* state */
  guint pending_exports;
  gboolean updating_controls;
  gboolean busy;
};

/* smolder-profile-view.c */
void       _smolder_profile_view_update_query   (SmolderProfileView *self);
void       _smolder_profile_view_add_toast      (SmolderProfileView *self,
                                                 AdwToast           *toast);

/* smolder-profile-view-filters.c */
void       _smolder_profile_view_init_filters   (SmolderProfileView *self);
void       _smolder_profile_view_class_init_filters (GtkWidgetClass *widget_class);

/* smolder-profile-view-actions.c */
void       _smolder_profile_view_init_actions   (SmolderProfileView *self);
void       _smolder_profile_view_class_init_actions (GtkWidgetClass *widget_class);
void       _smolder_profile_view_dispose_actions (SmolderProfileView *self);

G_END_DECLS
