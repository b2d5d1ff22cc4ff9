/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-palette.h: stable flame graph colours by Go package.
 *
 * A frame's colour depends only on its package path (a hash), so the same
 * function keeps its colour across profiles, zooms and snapshots. The Go
 * runtime is grey, the rest of the standard library muted blues and greens,
 * everything else (the user's own code and its modules) vivid warm hues. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  SMOLDER_PACKAGE_CLASS_RUNTIME,   /* runtime, runtime/internal/..., internal/... */
  SMOLDER_PACKAGE_CLASS_STDLIB,    /* the rest of the standard library */
  SMOLDER_PACKAGE_CLASS_USER,      /* main, modules, anything else */
  SMOLDER_PACKAGE_CLASS_NONE,      /* the root, or a frame without a name */
} SmolderPackageClass;

/* How frames are coloured; the values are the nicks of the settings
 * schema's FlamePalette enum in this order. */
typedef enum {
  SMOLDER_PALETTE_PACKAGE,         /* by Go package, as described above */
  SMOLDER_PALETTE_CLASSIC,         /* flamegraph.pl's warm hues, by function name */
} SmolderPaletteScheme;

typedef struct {
  double red, green, blue;  /* 0..1 */
} SmolderRgb;

typedef struct {
  SmolderRgb fill;
  SmolderRgb text;          /* black or white, whichever reads better on fill */
} SmolderFrameColor;

/* The package path of a printable frame name: "net/http" for
 * "net/http.(*conn).serve", "github.com/a/b" for "github.com/a/b.F",
 * the directory for a file name (-files granularity). Returns the length
 * of the prefix of @name (or, for file names, of the directory) that is
 * the package; 0 when there is none. */
gsize               smolder_palette_package_of (const char *name,
                                                const char **out_start);
SmolderPackageClass smolder_palette_classify   (const char *name);

/* The colour of a frame named @name; @dark picks the dark-style variant. */
void                smolder_palette_color_for_name (const char        *name,
                                                    gboolean           dark,
                                                    SmolderFrameColor *out);

/* flamegraph.pl's "hot" colours: red to yellow, from a hash of the whole
 * @name (not its package), darker in the dark style. */
void                smolder_palette_color_classic  (const char        *name,
                                                    gboolean           dark,
                                                    SmolderFrameColor *out);

/* Background, outline and dimming colours of the whole graph. */
void                smolder_palette_background (gboolean dark, SmolderRgb *out);
void                smolder_palette_highlight  (gboolean dark, SmolderRgb *out);

/* @color mixed toward @toward by @amount (0 keeps @color). */
SmolderRgb          smolder_rgb_mix (SmolderRgb color, SmolderRgb toward, double amount);

G_END_DECLS
