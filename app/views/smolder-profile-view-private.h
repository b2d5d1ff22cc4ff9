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
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar *switcher_bar;
  AdwSqueezer *options_squeezer;
  GtkWidget *options_box;
  GtkMenuButton *options_button;
  GtkWidget *group_state_button;

  /* owned */
  SmolderProfile *profile;
  SmolderQuery *query;
  SmolderFilterStack *filters;
  SmolderFramesCache *frames_cache;
  GCancellable *export_cancellable;
  GtkFileChooserNative *export_chooser;
  char *title;
  char *description;
  SmolderProfile *grouped;          /* profile grouped by state, when shown */
  GCancellable *group_cancellable;

  /* state */
  guint pending_exports;
  gboolean updating_controls;
  gboolean busy;
  gboolean group_by_state;
  guint group_generation;
};

/* smolder-profile-view.c */
void       _smolder_profile_view_update_query   (SmolderProfileView *self);
void       _smolder_profile_view_add_toast      (SmolderProfileView *self,
                                                 AdwToast           *toast);

void       _smolder_profile_view_show_profile   (SmolderProfileView *self,
                                                 SmolderProfile     *shown);

/* smolder-profile-view-layout.c */
void       _smolder_profile_view_init_layout    (SmolderProfileView *self);
void       _smolder_profile_view_class_init_layout (GtkWidgetClass *widget_class);
void       _smolder_profile_view_dispose_layout (SmolderProfileView *self);
/* After a new profile: the group-by-state toggle. */
void       _smolder_profile_view_profile_changed (SmolderProfileView *self,
                                                  SmolderProfile     *old_profile);
/* Starts grouping self->profile by state when asked and it has states
 * (TRUE: the views get it when ready); FALSE: show self->profile. */
gboolean   _smolder_profile_view_sync_group_by_state (SmolderProfileView *self);

/* smolder-profile-view-filters.c */
void       _smolder_profile_view_init_filters   (SmolderProfileView *self);
void       _smolder_profile_view_class_init_filters (GtkWidgetClass *widget_class);

/* smolder-profile-view-actions.c */
void       _smolder_profile_view_init_actions   (SmolderProfileView *self);
void       _smolder_profile_view_class_init_actions (GtkWidgetClass *widget_class);
void       _smolder_profile_view_dispose_actions (SmolderProfileView *self);

G_END_DECLS
