/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-palette.c: stable colours by Go package. */

#include "smolder-palette.h"

#include <math.h>
#include <string.h>

/* Top-level directories of the Go standard library (GOROOT/src). A package
 * whose first path element has no dot is usually standard, but modules such
 * as "leaky/internal" have none either: only these names count as standard. */
static const char * const stdlib_roots[] = {
  "archive", "bufio", "builtin", "bytes", "cmd", "compress", "container",
  "context", "crypto", "database", "debug", "embed", "encoding", "errors",
  "expvar", "flag", "fmt", "go", "hash", "html", "image", "index", "io",
  "log", "maps", "math", "mime", "net", "os", "path", "plugin", "reflect",
  "regexp", "slices", "sort", "strconv", "strings", "sync", "syscall",
  "testing", "text", "time", "unicode", "unsafe", "vendor",
};

static gboolean
is_file_name (const char *name,
              gsize       len)
{
  /* -files granularity prints paths; a Go function name never ends in ".go"
   * nor starts with '/'. */
  return (len > 3 && memcmp (name + len - 3, ".go", 3) == 0) ||
         (len > 0 && name[0] == '/') ||
         (len > 1 && name[0] == '.' && name[1] == '/');
}

gsize
smolder_palette_package_of (const char  *name,
                            const char **out_start)
{
  const char *end, *slash, *dot;
  gsize len;

  *out_start = name;
  if (name == NULL || name[0] == '\0')
    return 0;

  /* "func file:line" (-lines) and "func file" forms: keep the function. */
  end = strchr (name, ' ');
  len = end != NULL ? (gsize) (end - name) : strlen (name);

  if (is_file_name (name, len))
    {
      /* A file: its directory below the last "/src/" (GOROOT or GOPATH). */
      const char *src = g_strrstr_len (name, len, "/src/");
      const char *start = src != NULL ? src + 5 : name;

      slash = g_strrstr_len (start, len - (start - name), "/");
      *out_start = start;
      return slash != NULL ? (gsize) (slash - start) : 0;
    }

  /* The package ends at the first '.' after the last '/' that comes before
   * any receiver or type-parameter punctuation. */
  {
    const char *stop = name + len;
    const char *p;

    for (p = name; p < stop; p++)
      if (*p == '(' || *p == '[' || *p == '{' || *p == '*')
        break;
    stop = p;
    slash = NULL;
    for (p = name; p < stop; p++)
      if (*p == '/')
        slash = p;
    dot = memchr (slash != NULL ? slash : name, '.', stop - (slash != NULL ? slash : name));
    if (dot == NULL)
      return 0;
    return dot - name;
  }
}

SmolderPackageClass
smolder_palette_classify (const char *name)
{
  const char *pkg;
  gsize len = smolder_palette_package_of (name, &pkg);
  gsize first_len;
  const char *slash;

  if (len == 0)
    {
      /* pprof's "<unknown>" (and any "<…>" it makes up) has no package. */
      if (name == NULL || name[0] == '\0' || name[0] == '<' || g_str_equal (name, "root"))
        return SMOLDER_PACKAGE_CLASS_NONE;
      /* Compiler-generated helpers ("type..eq.T", "go.buildid") live with
       * the runtime; other bare names are the user's. */
      return g_str_has_prefix (name, "type.") || g_str_has_prefix (name, "go.")
             ? SMOLDER_PACKAGE_CLASS_RUNTIME : SMOLDER_PACKAGE_CLASS_USER;
    }

  if ((len == 7 && memcmp (pkg, "runtime", 7) == 0) ||
      (len > 7 && memcmp (pkg, "runtime/", 8) == 0) ||
      (len > 8 && memcmp (pkg, "internal/", 9) == 0) ||
      (len == 4 && memcmp (pkg, "type", 4) == 0))
    return SMOLDER_PACKAGE_CLASS_RUNTIME;

  slash = memchr (pkg, '/', len);
  first_len = slash != NULL ? (gsize) (slash - pkg) : len;
  for (guint i = 0; i < G_N_ELEMENTS (stdlib_roots); i++)
    if (strlen (stdlib_roots[i]) == first_len &&
        memcmp (pkg, stdlib_roots[i], first_len) == 0)
      return SMOLDER_PACKAGE_CLASS_STDLIB;
  return SMOLDER_PACKAGE_CLASS_USER;
}

static SmolderRgb
hsl (double h,
     double s,
     double l)
{
  double c = (1.0 - fabs (2.0 * l - 1.0)) * s;
  double hp = fmod (h, 360.0) / 60.0;
  double x = c * (1.0 - fabs (fmod (hp, 2.0) - 1.0));
  double m = l - c / 2.0;
  double r = 0, g = 0, b = 0;

  if (hp < 1) { r = c; g = x; }
  else if (hp < 2) { r = x; g = c; }
  else if (hp < 3) { g = c; b = x; }
  else if (hp < 4) { g = x; b = c; }
  else if (hp < 5) { r = x; b = c; }
  else { r = c; b = x; }
  return (SmolderRgb) { r + m, g + m, b + m };
}

/* WCAG relative luminance (linear light). */
static double
luminance (SmolderRgb c)
{
  double v[3] = { c.red, c.green, c.blue };

  for (guint i = 0; i < 3; i++)
    v[i] = v[i] <= 0.03928 ? v[i] / 12.92 : pow ((v[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

/* FNV-1a: stable across runs and machines (unlike g_str_hash's contract). */
static guint32
hash_bytes (const char *s,
            gsize       len)
{
  guint32 h = 2166136261u;

  for (gsize i = 0; i < len; i++)
    {
      h ^= (guchar) s[i];
      h *= 16777619u;
    }
  return h;
}

static void pick_ink (gboolean dark, SmolderFrameColor *out);

static void
color_for_key (guint32             h,
               SmolderPackageClass klass,
               gboolean            dark,
               SmolderFrameColor  *out)
{
  double t1, t2;

  /* Two independent fractions from one hash: hue and lightness jitter. */
  t1 = (double) (h & 0xffff) / 65535.0;
  t2 = (double) ((h >> 16) & 0xffff) / 65535.0;

  switch (klass)
    {
    case SMOLDER_PACKAGE_CLASS_NONE:
      out->fill = dark ? hsl (0, 0, 0.30) : hsl (0, 0, 0.78);
      break;
    case SMOLDER_PACKAGE_CLASS_RUNTIME:
      /* Nearly grey, a hint of blue so it does not read as disabled. */
      out->fill = dark ? hsl (215, 0.10, 0.30 + 0.06 * t2)
                       : hsl (215, 0.12, 0.74 + 0.06 * t2);
      break;
    case SMOLDER_PACKAGE_CLASS_STDLIB:
      /* Muted cool hues, green through teal and blue to violet: calm but
       * still telling go/types from go/parser. */
      out->fill = dark ? hsl (140 + 130 * t1, 0.30, 0.28 + 0.06 * t2)
                       : hsl (140 + 130 * t1, 0.38, 0.68 + 0.08 * t2);
      break;
    case SMOLDER_PACKAGE_CLASS_USER:
    default:
      /* Vivid warm hues: red through orange to yellow, and magenta. */
      {
        double hue = t1 < 0.8 ? 355 + 60 * (t1 / 0.8) : 320 + 30 * ((t1 - 0.8) / 0.2);

        out->fill = dark ? hsl (hue, 0.68, 0.34 + 0.06 * t2)
                         : hsl (hue, 0.85, 0.62 + 0.06 * t2);
      }
      break;
    }

  pick_ink (dark, out);
}

/* Whichever of near-black and near-white contrasts more with the bar. */
static void
pick_ink (gboolean           dark,
          SmolderFrameColor *out)
{
  {
    SmolderRgb ink_dark = { 0.08, 0.08, 0.10 };
    SmolderRgb ink_light = { 0.97, 0.97, 0.97 };
    double l = luminance (out->fill);
    double c_dark = (l + 0.05) / (luminance (ink_dark) + 0.05);
    double c_light = (luminance (ink_light) + 0.05) / (l + 0.05);

    /* A mid-luminance band reads badly with either ink (WCAG AA is 4.5):
     * push the bar out of it, darker in the dark style, lighter otherwise. */
    for (guint i = 0; i < 40 && c_dark < 4.6 && c_light < 4.6; i++)
      {
        out->fill = dark ? smolder_rgb_mix (out->fill, (SmolderRgb) { 0, 0, 0 }, 0.05)
                         : smolder_rgb_mix (out->fill, (SmolderRgb) { 1, 1, 1 }, 0.05);
        l = luminance (out->fill);
        c_dark = (l + 0.05) / (luminance (ink_dark) + 0.05);
        c_light = (luminance (ink_light) + 0.05) / (l + 0.05);
      }

    out->text = c_dark >= c_light ? ink_dark : ink_light;
  }
}

/* Painting asks for the same few packages thousands of times a frame; the
 * colour is a pure function of (hash, class, style), so memoize it. */
typedef struct {
  guint32           h;
  guint8            klass;
  guint8            dark;
  guint8            valid;
  SmolderFrameColor color;
} CacheEntry;

#define CACHE_SIZE 1024

static CacheEntry color_cache[CACHE_SIZE];
static GMutex color_cache_lock;

void
smolder_palette_color_for_name (const char        *name,
                                gboolean           dark,
                                SmolderFrameColor *out)
{
  const char *pkg;
  gsize len = smolder_palette_package_of (name, &pkg);
  SmolderPackageClass klass = smolder_palette_classify (name);
  CacheEntry *e;
  guint32 h;

  if (len == 0)
    {
      pkg = name != NULL ? name : "";
      len = strlen (pkg);
    }
  h = hash_bytes (pkg, len);
  dark = !!dark;

  g_mutex_lock (&color_cache_lock);
  e = &color_cache[(h ^ (klass * 0x9e3779b1u) ^ (guint32) dark) % CACHE_SIZE];
  if (!e->valid || e->h != h || e->klass != klass || e->dark != dark)
    {
      color_for_key (h, klass, dark, &e->color);
      e->h = h;
      e->klass = klass;
      e->dark = dark;
      e->valid = TRUE;
    }
  *out = e->color;
  g_mutex_unlock (&color_cache_lock);
}

void
smolder_palette_background (gboolean    dark,
                            SmolderRgb *out)
{
  *out = dark ? (SmolderRgb) { 0.14, 0.14, 0.15 } : (SmolderRgb) { 1.0, 1.0, 1.0 };
}

void
smolder_palette_highlight (gboolean    dark,
                           SmolderRgb *out)
{
  *out = dark ? (SmolderRgb) { 1.0, 1.0, 1.0 } : (SmolderRgb) { 0.05, 0.05, 0.10 };
}

SmolderRgb
smolder_rgb_mix (SmolderRgb color,
                 SmolderRgb toward,
                 double     amount)
{
  return (SmolderRgb) {
    color.red + (toward.red - color.red) * amount,
    color.green + (toward.green - color.green) * amount,
    color.blue + (toward.blue - color.blue) * amount,
  };
}

void
smolder_palette_color_classic (const char        *name,
                               gboolean           dark,
                               SmolderFrameColor *out)
{
  guint32 h;
  double v1, v2, v3;

  if (name == NULL || name[0] == '\0' || g_str_equal (name, "root"))
    {
      out->fill = dark ? hsl (0, 0, 0.30) : hsl (0, 0, 0.78);
      pick_ink (dark, out);
      return;
    }
  /* flamegraph.pl: r = 205 + 50 v3, g = 230 v1, b = 55 v2 (of 255). */
  h = hash_bytes (name, strlen (name));
  v1 = (double) (h & 0x7ff) / 2047.0;
  v2 = (double) ((h >> 11) & 0x7ff) / 2047.0;
  v3 = (double) ((h >> 22) & 0x3ff) / 1023.0;
  out->fill = (SmolderRgb) { (205 + 50 * v3) / 255.0, (230 * v1) / 255.0, (55 * v2) / 255.0 };
  if (dark)
    out->fill = smolder_rgb_mix (out->fill, (SmolderRgb) { 0, 0, 0 }, 0.35);
  pick_ink (dark, out);
}
