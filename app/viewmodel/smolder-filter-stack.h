/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-filter-stack.h: the filters a user set on a profile view, in
 * the order added, with their undo history; GLib only.
 *
 * A filter is a mode (pprof's -focus, -ignore, -hide, -show), a Go-style
 * regex (searched, not anchored) and, when it came from a frame, that
 * frame's identity: the function name (or file, at file granularity) as
 * the engine keys the frame, matched exactly. Several filters of one mode
 * are OR-ed, as one pprof regex "a|b" would be. */
#pragma once

#include "smolder-query.h"

G_BEGIN_DECLS

typedef enum {
  SMOLDER_FILTER_FOCUS,   /* pprof -focus */
  SMOLDER_FILTER_IGNORE,  /* pprof -ignore */
  SMOLDER_FILTER_HIDE,    /* pprof -hide */
  SMOLDER_FILTER_SHOW,    /* pprof -show */
} SmolderFilterMode;

#define SMOLDER_FILTER_N_MODES (SMOLDER_FILTER_SHOW + 1)

#define SMOLDER_TYPE_FILTER_STACK (smolder_filter_stack_get_type ())
G_DECLARE_FINAL_TYPE (SmolderFilterStack, smolder_filter_stack, SMOLDER, FILTER_STACK, GObject)

SmolderFilterStack *smolder_filter_stack_new          (void);

/* Adds a filter. @identity: the frame's function (or file) it matches
 * exactly, or NULL for a typed regex. The new list is checked whole first:
 * an empty or bad regex is SMOLDER_PROFILE_ERROR_INVALID_QUERY and changes
 * nothing. Each change pushes the list as it was on the undo history and
 * emits "changed". */
gboolean            smolder_filter_stack_add          (SmolderFilterStack  *self,
                                                       SmolderFilterMode    mode,
                                                       const char          *regex,
                                                       const char          *identity,
                                                       GError             **error);
/* A filter matching exactly the frames of @identity (function or file). */
gboolean            smolder_filter_stack_add_identity (SmolderFilterStack  *self,
                                                       SmolderFilterMode    mode,
                                                       const char          *identity,
                                                       GError             **error);
/* Puts a filter back at @index (clamped): a removal's own undo. */
gboolean            smolder_filter_stack_insert       (SmolderFilterStack  *self,
                                                       guint                index,
                                                       SmolderFilterMode    mode,
                                                       const char          *regex,
                                                       const char          *identity,
                                                       GError             **error);
void                smolder_filter_stack_remove       (SmolderFilterStack  *self,
                                                       guint                index);
/* Restores the list as it was before the last change; FALSE if none. */
gboolean            smolder_filter_stack_undo         (SmolderFilterStack  *self);
gboolean            smolder_filter_stack_can_undo     (SmolderFilterStack  *self);
/* Takes back the last undo; any other change forgets what was undone. */
gboolean            smolder_filter_stack_redo         (SmolderFilterStack  *self);
gboolean            smolder_filter_stack_can_redo     (SmolderFilterStack  *self);

guint               smolder_filter_stack_get_n_filters (SmolderFilterStack *self);
SmolderFilterMode   smolder_filter_stack_get_mode     (SmolderFilterStack  *self,
                                                       guint                index);
const char         *smolder_filter_stack_get_regex    (SmolderFilterStack  *self,
                                                       guint                index);
/* NULL for a typed filter. */
const char         *smolder_filter_stack_get_identity (SmolderFilterStack  *self,
                                                       guint                index);

/* Sets the filters on @query, one regex per mode (every mode is set, so
 * a mode without filters clears it). FALSE and @error on a bad regex. */
gboolean            smolder_filter_stack_apply        (SmolderFilterStack  *self,
                                                       SmolderQuery        *query,
                                                       GError             **error);

/* "^main\.f$" for "main.f": the regex of a frame filter. */
char               *smolder_filter_identity_regex     (const char          *identity);

G_END_DECLS
