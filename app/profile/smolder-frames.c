/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-frames.c: pprof's CreateNodes/nodeInfo, hashed once per location. */

#include "smolder-frames.h"
#include "smolder-profile-private.h"

#include <string.h>

typedef struct {
  guint32 name;        /* own string ids */
  guint32 file;
  guint32 objfile;
  guint32 printable;
  gint64  line;
  gint64  start_line;
  guint64 address;
} FrameInfo;

struct _SmolderFrames
{
  GObject parent_instance;

  /* owned */
  SmolderProfile *profile;
  GStringChunk   *chunk;
  GPtrArray      *strings;      /* const char *, in chunk; id 0 is "" */
  GArray         *infos;        /* FrameInfo */
  guint32        *loc_offsets;  /* n_locations + 1 */
  guint32        *loc_frames;

  /* state */
  SmolderGranularity granularity;
  GHashTable        *name_index; /* printable -> frame + 1, built on demand */
  GMutex             lock;
};

G_DEFINE_FINAL_TYPE (SmolderFrames, smolder_frames, G_TYPE_OBJECT)

static void
smolder_frames_finalize (GObject *object)
{
  SmolderFrames *self = (SmolderFrames *) object;

  g_clear_object (&self->profile);
  g_clear_pointer (&self->chunk, g_string_chunk_free);
  g_clear_pointer (&self->strings, g_ptr_array_unref);
  g_clear_pointer (&self->infos, g_array_unref);
  g_clear_pointer (&self->loc_offsets, g_free);
  g_clear_pointer (&self->loc_frames, g_free);
  g_clear_pointer (&self->name_index, g_hash_table_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (smolder_frames_parent_class)->finalize (object);
}

static void
smolder_frames_class_init (SmolderFramesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = smolder_frames_finalize;
}

static void
smolder_frames_init (SmolderFrames *self)
{
  g_mutex_init (&self->lock);
}

/* --- Go's path/filepath on Unix --- */

char *
smolder_go_path_clean (const char *path)
{
  gsize n = strlen (path);
  gboolean rooted;
  char *out;
  gsize w = 0, r = 0, dotdot = 0;

  if (n == 0)
    return g_strdup (".");

  out = g_malloc (n + 2);
  rooted = path[0] == '/';
  if (rooted)
    {
      out[w++] = '/';
      r = dotdot = 1;
    }

  while (r < n)
    {
      if (path[r] == '/')
        r++;
      else if (path[r] == '.' && (r + 1 == n || path[r + 1] == '/'))
        r++;
      else if (path[r] == '.' && path[r + 1] == '.' && (r + 2 == n || path[r + 2] == '/'))
        {
          r += 2;
          if (w > dotdot)
            {
              w--;
              while (w > dotdot && out[w] != '/')
                w--;
            }
          else if (!rooted)
            {
              if (w > 0)
                out[w++] = '/';
              out[w++] = '.';
              out[w++] = '.';
              dotdot = w;
            }
        }
      else
        {
          if ((rooted && w != 1) || (!rooted && w != 0))
            out[w++] = '/';
          for (; r < n && path[r] != '/'; r++)
            out[w++] = path[r];
        }
    }

  if (w == 0)
    {
      g_free (out);
      return g_strdup (".");
    }
  out[w] = '\0';
  return out;
}

char *
smolder_go_path_base (const char *path)
{
  gsize n = strlen (path);
  const char *slash;

  if (n == 0)
    return g_strdup (".");
  while (n > 0 && path[n - 1] == '/')
    n--;
  if (n == 0)
    return g_strdup ("/");
  slash = g_strrstr_len (path, n, "/");
  if (slash != NULL)
    return g_strndup (slash + 1, n - (slash + 1 - path));
  return g_strndup (path, n);
}

/* pprof's report.trimPath with no -trim_path and no -source_path. */
static const char *
trim_path (const char *path)
{
  static const char * const prefixes[] = { "/proc/self/cwd/./", "/proc/self/cwd/" };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (path, prefixes[i]))
      return path + strlen (prefixes[i]);
  return path;
}

/* --- building --- */

typedef struct {
  SmolderFrames *self;
  GHashTable    *own_index;   /* string -> own id + 1 */
  guint32       *name_canon;  /* profile string id -> own id, or NO_ID */
  guint32       *file_canon;  /* profile string id -> own id of the cleaned path */
  guint32       *obj_canon;
  guint32       *table;       /* open addressing: frame id + 1, 0 empty */
  gsize          table_size;
} Builder;

static guint32
own_intern (Builder    *b,
            const char *str)
{
  gpointer value;
  const char *copy;
  guint32 id;

  if (str[0] == '\0')
    return 0;
  if ((value = g_hash_table_lookup (b->own_index, str)) != NULL)
    return GPOINTER_TO_UINT (value) - 1;

  copy = g_string_chunk_insert (b->self->chunk, str);
  id = b->self->strings->len;
  g_ptr_array_add (b->self->strings, (gpointer) copy);
  g_hash_table_insert (b->own_index, (gpointer) copy, GUINT_TO_POINTER (id + 1));
  return id;
}

static guint32
canon_name (Builder *b,
            guint32  sid)
{
  if (b->name_canon[sid] == SMOLDER_NO_ID)
    b->name_canon[sid] = own_intern (b, smolder_profile_get_string (b->self->profile, sid));
  return b->name_canon[sid];
}

static guint32
canon_file (Builder *b,
            guint32  sid)
{
  if (b->file_canon[sid] == SMOLDER_NO_ID)
    {
      const char *trimmed = trim_path (smolder_profile_get_string (b->self->profile, sid));

      if (trimmed[0] == '\0')
        b->file_canon[sid] = 0;
      else
        {
          g_autofree char *clean = smolder_go_path_clean (trimmed);
          b->file_canon[sid] = own_intern (b, clean);
        }
    }
  return b->file_canon[sid];
}

static guint32
canon_objfile (Builder *b,
               guint32  mapping)
{
  const SmolderMapping *m;

  if (mapping == SMOLDER_NO_ID || mapping >= smolder_profile_get_n_mappings (b->self->profile))
    return 0;
  if (b->obj_canon[mapping] == SMOLDER_NO_ID)
    {
      m = smolder_profile_get_mapping (b->self->profile, mapping);
      b->obj_canon[mapping] = canon_name (b, m->filename);
    }
  return b->obj_canon[mapping];
}

static guint
info_hash (const FrameInfo *info)
{
  guint64 h = 1469598103934665603ull;

#define MIX(v) h = (h ^ (guint64) (v)) * 1099511628211ull
  MIX (info->name);
  MIX (info->file);
  MIX (info->objfile);
  MIX (info->line);
  MIX (info->start_line);
  MIX (info->address);
  MIX (info->address >> 32);
#undef MIX
  return (guint) (h ^ (h >> 29));
}

static gboolean
info_equal (const FrameInfo *a,
            const FrameInfo *b)
{
  return a->name == b->name && a->file == b->file && a->objfile == b->objfile &&
         a->line == b->line && a->start_line == b->start_line && a->address == b->address;
}

static void
table_grow (Builder *b)
{
  gsize new_size = b->table_size ? b->table_size * 2 : 1024;
  guint32 *table = g_new0 (guint32, new_size);

  for (gsize i = 0; i < b->table_size; i++)
    {
      guint32 id = b->table[i];
      gsize pos;

      if (id == 0)
        continue;
      pos = info_hash (&g_array_index (b->self->infos, FrameInfo, id - 1)) & (new_size - 1);
      while (table[pos] != 0)
        pos = (pos + 1) & (new_size - 1);
      table[pos] = id;
    }

  g_free (b->table);
  b->table = table;
  b->table_size = new_size;
}

static char *
printable_name (Builder         *b,
                const FrameInfo *info)
{
  GPtrArray *strings = b->self->strings;
  GString *s = g_string_new (NULL);
  const char *name = g_ptr_array_index (strings, info->name);
  const char *file = g_ptr_array_index (strings, info->file);
  const char *objfile = g_ptr_array_index (strings, info->objfile);

  if (info->address != 0)
    g_string_append_printf (s, "%016" G_GINT64_MODIFIER "x", info->address);
  if (name[0] != '\0')
    {
      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, name);
    }

  if (info->line != 0)
    {
      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append_printf (s, "%s:%" G_GINT64_FORMAT, file, info->line);
    }
  else if (file[0] != '\0')
    {
      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, file);
    }
  else if (name[0] != '\0')
    ; /* the function name is all */
  else if (objfile[0] != '\0')
    {
      g_autofree char *base = smolder_go_path_base (objfile);

      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append_printf (s, "[%s]", base);
    }
  else
    {
      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, "<unknown>");
    }

  return g_string_free (s, FALSE);
}

static guint32
find_or_insert (Builder   *b,
                FrameInfo *info)
{
  gsize pos;
  guint32 id;

  if ((b->self->infos->len + 1) * 2 > b->table_size)
    table_grow (b);

  pos = info_hash (info) & (b->table_size - 1);
  while ((id = b->table[pos]) != 0)
    {
      if (info_equal (&g_array_index (b->self->infos, FrameInfo, id - 1), info))
        return id - 1;
      pos = (pos + 1) & (b->table_size - 1);
    }

  {
    g_autofree char *printable = printable_name (b, info);
    info->printable = own_intern (b, printable);
  }
  id = b->self->infos->len;
  g_array_append_val (b->self->infos, *info);
  b->table[pos] = id + 1;
  return id;
}

/* pprof's nodeInfo, after Aggregate() dropped what the granularity drops. */
static guint32
frame_for_line (Builder               *b,
                const SmolderLocation *loc,
                const SmolderLine     *line)
{
  SmolderProfile *profile = b->self->profile;
  SmolderGranularity g = b->self->granularity;
  gboolean keep_function = g != SMOLDER_GRANULARITY_FILES;
  gboolean keep_file = g != SMOLDER_GRANULARITY_FUNCTIONS;
  gboolean keep_line = g == SMOLDER_GRANULARITY_LINES || g == SMOLDER_GRANULARITY_ADDRESSES;
  FrameInfo info = { 0, };
  guint32 objfile = canon_objfile (b, loc->mapping);

  info.address = g == SMOLDER_GRANULARITY_ADDRESSES ? loc->address : 0;

  if (line == NULL || line->function == SMOLDER_NO_ID ||
      line->function >= smolder_profile_get_n_functions (profile))
    {
      info.objfile = objfile;
      return find_or_insert (b, &info);
    }
  else
    {
      const SmolderFunction *fn = smolder_profile_get_function (profile, line->function);

      info.line = keep_line ? line->line : 0;
      info.name = keep_function ? canon_name (b, fn->name) : 0;
      info.file = keep_file ? canon_file (b, fn->filename) : 0;
      if (info.name == 0)
        {
          info.objfile = objfile;
          info.start_line = fn->start_line;
        }
      return find_or_insert (b, &info);
    }
}

SmolderFrames *
smolder_frames_new (SmolderProfile     *profile,
                    SmolderGranularity  granularity)
{
  SmolderFrames *self;
  Builder b = { 0, };
  guint n_locations, n_strings, n_mappings;
  gsize total = 0;

  g_return_val_if_fail (SMOLDER_IS_PROFILE (profile), NULL);

  self = g_object_new (SMOLDER_TYPE_FRAMES, NULL);
  self->profile = g_object_ref (profile);
  self->granularity = granularity;
  self->chunk = g_string_chunk_new (4096);
  self->strings = g_ptr_array_new ();
  g_ptr_array_add (self->strings, (gpointer) "");
  self->infos = g_array_new (FALSE, FALSE, sizeof (FrameInfo));

  n_locations = smolder_profile_get_n_locations (profile);
  n_strings = smolder_profile_get_n_strings (profile);
  n_mappings = smolder_profile_get_n_mappings (profile);

  b.self = self;
  b.own_index = g_hash_table_new (g_str_hash, g_str_equal);
  b.name_canon = g_new (guint32, MAX (n_strings, 1));
  b.file_canon = g_new (guint32, MAX (n_strings, 1));
  b.obj_canon = g_new (guint32, MAX (n_mappings, 1));
  memset (b.name_canon, 0xff, sizeof (guint32) * MAX (n_strings, 1));
  memset (b.file_canon, 0xff, sizeof (guint32) * MAX (n_strings, 1));
  memset (b.obj_canon, 0xff, sizeof (guint32) * MAX (n_mappings, 1));

  self->loc_offsets = g_new (guint32, n_locations + 1);
  for (guint i = 0; i < n_locations; i++)
    {
      const SmolderLocation *loc = smolder_profile_get_location (profile, i);

      self->loc_offsets[i] = total;
      total += MAX (loc->n_lines, 1);
    }
  self->loc_offsets[n_locations] = total;
  self->loc_frames = g_new (guint32, MAX (total, 1));

  for (guint i = 0; i < n_locations; i++)
    {
      const SmolderLocation *loc = smolder_profile_get_location (profile, i);
      guint32 *out = self->loc_frames + self->loc_offsets[i];

      if (loc->n_lines == 0)
        out[0] = frame_for_line (&b, loc, NULL);
      else
        for (guint k = 0; k < loc->n_lines; k++)
          out[k] = frame_for_line (&b, loc, smolder_profile_get_line (profile, loc->first_line + k));
    }

  g_hash_table_unref (b.own_index);
  g_free (b.name_canon);
  g_free (b.file_canon);
  g_free (b.obj_canon);
  g_free (b.table);

  return self;
}

SmolderProfile *
smolder_frames_get_profile (SmolderFrames *self)
{
  g_return_val_if_fail (SMOLDER_IS_FRAMES (self), NULL);
  return self->profile;
}

SmolderGranularity
smolder_frames_get_granularity (SmolderFrames *self)
{
  g_return_val_if_fail (SMOLDER_IS_FRAMES (self), SMOLDER_GRANULARITY_FUNCTIONS);
  return self->granularity;
}

guint
smolder_frames_get_n_frames (SmolderFrames *self)
{
  g_return_val_if_fail (SMOLDER_IS_FRAMES (self), 0);
  return self->infos->len;
}

static inline const FrameInfo *
get_info (SmolderFrames *self,
          guint          frame)
{
  return &g_array_index (self->infos, FrameInfo, frame);
}

#define STR(id) ((const char *) g_ptr_array_index (self->strings, (id)))

const char *
smolder_frames_get_name (SmolderFrames *self,
                         guint          frame)
{
  g_return_val_if_fail (SMOLDER_IS_FRAMES (self), NULL);
  g_return_val_if_fail (frame < self->infos->len, NULL);
  return STR (get_info (self, frame)->printable);
}

const char *
smolder_frames_get_function (SmolderFrames *self,
                             guint          frame)
{
  g_return_val_if_fail (SMOLDER_IS_FRAMES (self), NULL);
  g_return_val_if_fail (frame < self->infos->len, NULL);
  return STR (get_info (self, frame)->name);
}

const char *
smolder_frames_get_file (SmolderFrames *self,
                         guint          frame)
{
  g_return_val_if_fail (SMOLDER_IS_FRAMES (self), NULL);
  g_return_val_if_fail (frame < self->infos->len, NULL);
  return STR (get_info (self, frame)->file);
}

const char *
smolder_frames_get_objfile (SmolderFrames *self,
                            guint          frame)
{
  g_return_val_if_fail (SMOLDER_IS_FRAMES (self), NULL);
  g_return_val_if_fail (frame < self->infos->len, NULL);
  return STR (get_info (self, frame)->objfile);
}

gint64
smolder_frames_get_line (SmolderFrames *self,
                         guint          frame)
{
  g_return_val_if_fail (SMOLDER_IS_FRAMES (self), 0);
  g_return_val_if_fail (frame < self->infos->len, 0);
  return get_info (self, frame)->line;
}

guint64
smolder_frames_get_address (SmolderFrames *self,
                            guint          frame)
{
  g_return_val_if_fail (SMOLDER_IS_FRAMES (self), 0);
  g_return_val_if_fail (frame < self->infos->len, 0);
  return get_info (self, frame)->address;
}

gint64
smolder_frames_get_start_line (SmolderFrames *self,
                               guint          frame)
{
  g_return_val_if_fail (SMOLDER_IS_FRAMES (self), 0);
  g_return_val_if_fail (frame < self->infos->len, 0);
  return get_info (self, frame)->start_line;
}

const guint32 *
smolder_frames_get_location_frames (SmolderFrames *self,
                                    guint          location,
                                    guint         *n_frames)
{
  g_return_val_if_fail (SMOLDER_IS_FRAMES (self), NULL);
  g_return_val_if_fail (location < smolder_profile_get_n_locations (self->profile), NULL);

  if (n_frames)
    *n_frames = self->loc_offsets[location + 1] - self->loc_offsets[location];
  return self->loc_frames + self->loc_offsets[location];
}

void
smolder_frames_peek_locations (SmolderFrames  *self,
                               const guint32 **offsets,
                               const guint32 **frames)
{
  g_return_if_fail (SMOLDER_IS_FRAMES (self));

  *offsets = self->loc_offsets;
  *frames = self->loc_frames;
}

gboolean
smolder_frames_lookup (SmolderFrames *self,
                       const char    *name,
                       guint         *out_frame)
{
  gpointer value;

  g_return_val_if_fail (SMOLDER_IS_FRAMES (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  g_mutex_lock (&self->lock);
  if (self->name_index == NULL)
    {
      self->name_index = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = self->infos->len; i > 0; i--)
        g_hash_table_insert (self->name_index,
                             (gpointer) STR (get_info (self, i - 1)->printable),
                             GUINT_TO_POINTER (i));
    }
  value = g_hash_table_lookup (self->name_index, name);
  g_mutex_unlock (&self->lock);

  if (value == NULL)
    return FALSE;
  if (out_frame)
    *out_frame = GPOINTER_TO_UINT (value) - 1;
  return TRUE;
}

/* fmt.Sprint(NodeInfo): {Name OrigName Address File StartLine Lineno Objfile} */
static char *
info_sprint (SmolderFrames   *self,
             const FrameInfo *info)
{
  return g_strdup_printf ("{%s  %" G_GUINT64_FORMAT " %s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %s}",
                          STR (info->name), info->address, STR (info->file),
                          info->start_line, info->line, STR (info->objfile));
}

int
smolder_frames_compare_info (SmolderFrames *self,
                             guint          a,
                             guint          b)
{
  g_autofree char *sa = NULL;
  g_autofree char *sb = NULL;

  g_return_val_if_fail (SMOLDER_IS_FRAMES (self), 0);

  if (a == b)
    return 0;
  sa = info_sprint (self, get_info (self, a));
  sb = info_sprint (self, get_info (self, b));
  return strcmp (sa, sb);
}

#undef STR
