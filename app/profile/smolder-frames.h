/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-frames.h: the nodes of a profile at one granularity.
 *
 * A frame is pprof's graph node: the NodeInfo key (function name, file,
 * line, address, object file, start line) after pprof's Aggregate() for
 * the granularity. Each location maps to a run of frame ids, one per line,
 * innermost (inlined) first; a location without lines has one frame.
 * Frame ids are stable for a given profile and granularity. Immutable. */
#pragma once

#include "smolder-profile.h"
#include "smolder-query.h"

G_BEGIN_DECLS

#define SMOLDER_TYPE_FRAMES (smolder_frames_get_type ())
G_DECLARE_FINAL_TYPE (SmolderFrames, smolder_frames, SMOLDER, FRAMES, GObject)

SmolderFrames     *smolder_frames_new             (SmolderProfile     *profile,
                                                   SmolderGranularity  granularity);
SmolderProfile    *smolder_frames_get_profile     (SmolderFrames *self);
SmolderGranularity smolder_frames_get_granularity (SmolderFrames *self);
guint              smolder_frames_get_n_frames    (SmolderFrames *self);

/* pprof's NodeInfo.PrintableName: what `go tool pprof -top` prints. */
const char        *smolder_frames_get_name        (SmolderFrames *self, guint frame);
/* The parts of the key; "" / 0 when the granularity drops them. */
const char        *smolder_frames_get_function    (SmolderFrames *self, guint frame);
const char        *smolder_frames_get_file        (SmolderFrames *self, guint frame);
gint64             smolder_frames_get_line        (SmolderFrames *self, guint frame);
guint64            smolder_frames_get_address     (SmolderFrames *self, guint frame);
const char        *smolder_frames_get_objfile     (SmolderFrames *self, guint frame);
gint64             smolder_frames_get_start_line  (SmolderFrames *self, guint frame);

/* Frames of @location, one per line, innermost first. */
const guint32     *smolder_frames_get_location_frames (SmolderFrames *self,
                                                       guint          location,
                                                       guint         *n_frames);

/* The same for every location at once, for hot loops: location l's run is
 * frames[offsets[l] .. offsets[l + 1]). */
void               smolder_frames_peek_locations (SmolderFrames  *self,
                                                  const guint32 **offsets,
                                                  const guint32 **frames);

/* The first frame whose printable name is @name. */
gboolean           smolder_frames_lookup          (SmolderFrames *self,
                                                   const char    *name,
                                                   guint         *out_frame);

/* pprof's last tie-break between nodes (fmt.Sprint of the NodeInfo). */
int                smolder_frames_compare_info    (SmolderFrames *self,
                                                   guint          a,
                                                   guint          b);

/* Go's path/filepath Clean and Base (Unix), as pprof uses them. */
char              *smolder_go_path_clean (const char *path);
char              *smolder_go_path_base  (const char *path);

G_END_DECLS
