/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-flame-packages.h: the Go packages of a flame graph with the
 * colour each is painted in (smolder-palette.h) and how much of the graph
 * is theirs: what the colour legend lists. No GTK. */
#pragma once

#include "smolder-call-tree.h"
#include "smolder-palette.h"

G_BEGIN_DECLS

typedef struct {
  char              *name;   /* "net/http"; a frame without a package: its name */
  char              *regex;  /* a search matching exactly the frames of the package */
  gint64             self;   /* the self values of its frames, added up */
  SmolderFrameColor  color;  /* as smolder_flame_paint() fills its bars */
} SmolderFlamePackage;

/* The packages of every frame of @tree below the root, largest self first
 * (then by name), as SmolderFlamePackage (freed with the array). Linear
 * in the nodes; the strings are looked at once per distinct frame. */
GPtrArray *smolder_flame_packages_collect (SmolderCallTree *tree,
                                           gboolean         dark);

G_END_DECLS
