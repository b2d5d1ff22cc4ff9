/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-text-symbols.c: the "@ 0x…" address lists of Go's text profiles
 * and the "#" frame lines that name them, into locations and lines. */
#include "smolder-text-lines.h"

#include <string.h>

/* ------------------------------------------------------------------ */
/* guint64 -> guint32 map                                              */

void
smolder_u64_map_init (SmolderU64Map *self,
                      gsize          expected)
{
  gsize cap = 64;

  while (cap < expected * 2)
    cap <<= 1;
  self->slots = g_new0 (struct SmolderU64Slot, cap);
  self->mask = cap - 1;
  self->n_items = 0;
}

void
smolder_u64_map_clear (SmolderU64Map *self)
{
  g_clear_pointer (&self->slots, g_free);
  self->mask = 0;
  self->n_items = 0;
}

static void
u64_map_grow (SmolderU64Map *self)
{
  struct SmolderU64Slot *old = self->slots;
  gsize old_cap = self->mask + 1;
  gsize cap = old_cap * 2;

  self->slots = g_new0 (struct SmolderU64Slot, cap);
  self->mask = cap - 1;
  for (gsize i = 0; i < old_cap; i++)
    {
      gsize j;

      if (!old[i].used)
        continue;
      for (j = smolder_u64_hash (old[i].key) & self->mask; self->slots[j].used; j = (j + 1) & self->mask)
        ;
      self->slots[j] = old[i];
    }
  g_free (old);
}

static inline guint32
u64_map_lookup_or_insert (SmolderU64Map *self,
                          guint64        key,
                          guint32        value,
                          gboolean      *inserted)
{
  gsize j;

  for (j = smolder_u64_hash (key) & self->mask; self->slots[j].used; j = (j + 1) & self->mask)
    if (self->slots[j].key == key)
      {
        *inserted = FALSE;
        return self->slots[j].value;
      }

  self->slots[j].key = key;
  self->slots[j].value = value;
  self->slots[j].used = 1;
  self->n_items++;
  *inserted = TRUE;
  /* Keep the load under 3/4. */
  if (self->n_items * 4 >= (self->mask + 1) * 3)
    u64_map_grow (self);
  return value;
}

guint32
smolder_u64_map_lookup_or_insert (SmolderU64Map *self,
                                  guint64        key,
                                  guint32        value,
                                  gboolean      *inserted)
{
  return u64_map_lookup_or_insert (self, key, value, inserted);
}

guint32
smolder_u64_map_lookup (const SmolderU64Map *self,
                        guint64              key)
{
  for (gsize j = smolder_u64_hash (key) & self->mask; self->slots[j].used; j = (j + 1) & self->mask)
    if (self->slots[j].key == key)
      return self->slots[j].value;
  return G_MAXUINT32;
}

/* ------------------------------------------------------------------ */
/* Symbols from "#" lines                                              */

/* Reading (per chunk) and naming (at the end) are apart:
 *
 * - While reading, a chunk numbers the addresses of its "@" lists in order
 *   of appearance and, of the runs of "#" lines, keeps only those that could
 *   change a PC's frames. A run of n lines for r consecutive entries of its
 *   PC is parsed (see end_name_group()) only while the PC's frames number
 *   fewer than n / r, and the frames only grow; so a run whose n / r is not
 *   above that of every earlier run of its PC can never be parsed, whatever
 *   came before the chunk. The others ("candidates", about one per PC) are
 *   copied out, with their n and r.
 * - Naming replays the chunks in order: the locations, then the candidates
 *   against the frames known so far, exactly as one reader would have
 *   decided, so strings, functions and lines come out in the same order. */

typedef struct
{
  guint64 key;        /* the PC (address - 1) */
  guint32 entry;      /* + 1; 0 marks a free slot */
  guint32 location;   /* the chunk's location, SMOLDER_NO_ID until an "@" list names it */
} PcSlot;

typedef struct
{
  guint32 need_n;     /* the largest n / r of this PC's runs so far */
  guint32 need_r;
} ChunkEntry;

typedef struct
{
  guint64 pc;
  guint32 n;          /* lines; 0 for a note */
  guint32 r;
  gsize   text_off;   /* into texts */
  gsize   text_len;
} Candidate;

struct _SmolderTextSymbols
{
  SmolderProfile      *profile;
  const SmolderLimits *limits;
  GArray              *sample_locs;  /* the records' locations go here */

  PcSlot  *slots;
  gsize    mask;
  gsize    n_slots;
  GArray  *entries;       /* ChunkEntry */
  GArray  *addresses;     /* guint64: the chunk's locations */

  GArray     *candidates; /* Candidate, in reading order */
  GByteArray *texts;

  /* The current record's addresses and their entries. */
  guint64 *rec_addrs;
  guint32 *rec_entries;
  guint32 *rec_locs;
  guint    rec_len;
  guint    rec_cap;
  guint    cursor;

  /* The current run of "#" lines with one PC: consecutive lines of the
   * input from group_start, copied only when they may matter. */
  gboolean    in_group;
  guint64     group_pc;
  const char *group_start;
  const char *group_end;
  guint       group_n;
};

static void
slots_init (SmolderTextSymbols *self,
            gsize               cap)
{
  self->slots = g_new0 (PcSlot, cap);
  self->mask = cap - 1;
  self->n_slots = 0;
}

static void
slots_grow (SmolderTextSymbols *self)
{
  PcSlot *old = self->slots;
  gsize old_cap = self->mask + 1;

  slots_init (self, old_cap * 2);
  for (gsize i = 0; i < old_cap; i++)
    {
      gsize j;

      if (old[i].entry == 0)
        continue;
      for (j = smolder_u64_hash (old[i].key) & self->mask; self->slots[j].entry != 0; j = (j + 1) & self->mask)
        ;
      self->slots[j] = old[i];
      self->n_slots++;
    }
  g_free (old);
}

/* The slot of @pc, made (with a new entry) when absent. */
static inline PcSlot *
chunk_slot (SmolderTextSymbols *self,
            guint64             pc)
{
  PcSlot *slot;
  gsize j;

  for (j = smolder_u64_hash (pc) & self->mask; self->slots[j].entry != 0; j = (j + 1) & self->mask)
    if (self->slots[j].key == pc)
      return &self->slots[j];

  /* Keep the load under 3/4 (grown before inserting: the slot stays put). */
  if ((self->n_slots + 1) * 4 >= (self->mask + 1) * 3)
    {
      slots_grow (self);
      for (j = smolder_u64_hash (pc) & self->mask; self->slots[j].entry != 0; j = (j + 1) & self->mask)
        ;
    }
  {
    ChunkEntry e = { 0, 1 };

    g_array_append_val (self->entries, e);
  }
  slot = &self->slots[j];
  slot->key = pc;
  slot->entry = self->entries->len;
  slot->location = SMOLDER_NO_ID;
  self->n_slots++;
  return slot;
}

static SmolderTextSymbols *
symbols_new (SmolderProfile      *profile,
             GArray              *sample_locs,
             const SmolderLimits *limits)
{
  SmolderTextSymbols *self = g_new0 (SmolderTextSymbols, 1);

  self->profile = profile;
  self->limits = limits != NULL ? limits : smolder_limits_get_default ();
  self->sample_locs = g_array_ref (sample_locs);
  slots_init (self, 8192);
  self->entries = g_array_new (FALSE, FALSE, sizeof (ChunkEntry));
  self->addresses = g_array_new (FALSE, FALSE, sizeof (guint64));
  self->candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  self->texts = g_byte_array_new ();
  return self;
}

SmolderTextSymbols *
smolder_text_symbols_new (SmolderProfile      *profile,
                          const SmolderLimits *limits)
{
  return symbols_new (profile, profile->sample_locs, limits);
}

SmolderTextSymbols *
smolder_text_symbols_new_chunk (SmolderProfile      *profile,
                                GArray              *sample_locs,
                                const SmolderLimits *limits)
{
  return symbols_new (profile, sample_locs, limits);
}

void
smolder_text_symbols_free (SmolderTextSymbols *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->sample_locs);
  g_free (self->slots);
  g_array_unref (self->entries);
  g_array_unref (self->addresses);
  g_array_unref (self->candidates);
  g_byte_array_unref (self->texts);
  g_free (self->rec_addrs);
  g_free (self->rec_entries);
  g_free (self->rec_locs);
  g_free (self);
}

gboolean
smolder_text_symbols_add_record (SmolderTextSymbols  *self,
                                 SmolderTextLines    *lines,
                                 const char          *addrs,
                                 gsize                len,
                                 GError             **error)
{
  const char *p = addrs, *end = addrs + len;
  guint64 max_depth = self->limits->max_stack_depth;

  smolder_text_symbols_end_record (self);
  if (lines != NULL)
    lines->hold = lines->line_start;

  for (;;)
    {
      guint64 addr;
      PcSlot *slot;

      while (p < end && (*p == ' ' || *p == '\t'))
        p++;
      if (p == end)
        break;
      if (G_UNLIKELY (!smolder_text_parse_hex (&p, end, &addr) || (p < end && *p != ' ' && *p != '\t')))
        {
          smolder_text_set_error (error, lines != NULL ? lines->line_no : 0, addrs, len,
                                  "expected a hexadecimal address like 0x4a5b6c at column %u",
                                  (guint) (p - addrs) + 1);
          return FALSE;
        }
      if (G_UNLIKELY (self->rec_len >= max_depth))
        {
          g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT,
                       "line %" G_GUINT64_FORMAT ": the stack is deeper than the limit of %" G_GUINT64_FORMAT " frames",
                       lines != NULL ? lines->line_no : 0, self->limits->max_stack_depth);
          return FALSE;
        }

      /* The addresses are return addresses; pprof moves each one back into
       * the call instruction. */
      addr--;
      slot = chunk_slot (self, addr);
      if (G_UNLIKELY (slot->location == SMOLDER_NO_ID))
        {
          if (self->addresses->len >= self->limits->max_locations)
            {
              g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT,
                           "line %" G_GUINT64_FORMAT ": more than %" G_GUINT64_FORMAT " distinct addresses",
                           lines != NULL ? lines->line_no : 0, self->limits->max_locations);
              return FALSE;
            }
          slot->location = self->addresses->len;
          g_array_append_val (self->addresses, addr);
        }
      if (G_UNLIKELY (self->rec_len == self->rec_cap))
        {
          self->rec_cap = MAX (64, self->rec_cap * 2);
          self->rec_addrs = g_renew (guint64, self->rec_addrs, self->rec_cap);
          self->rec_entries = g_renew (guint32, self->rec_entries, self->rec_cap);
          self->rec_locs = g_renew (guint32, self->rec_locs, self->rec_cap);
        }
      self->rec_addrs[self->rec_len] = addr;
      self->rec_entries[self->rec_len] = slot->entry - 1;
      self->rec_locs[self->rec_len] = slot->location;
      self->rec_len++;
    }

  /* The same as smolder_profile_sample_add_location() per address, at once. */
  if (self->rec_len > 0)
    g_array_append_vals (self->sample_locs, self->rec_locs, self->rec_len);

  return TRUE;
}

static void
end_group (SmolderTextSymbols *self)
{
  guint n = self->group_n;
  guint r = 1, id = G_MAXUINT32;
  guint64 pc = self->group_pc;
  ChunkEntry *e;
  Candidate c;
  const guint window = 1024;

  if (!self->in_group)
    return;
  self->in_group = FALSE;

  /* Find the addresses these lines print: the next run of this PC in the
   * record, past any that Go hid. */
  for (guint i = self->cursor; i < self->rec_len && i < self->cursor + window; i++)
    if (self->rec_addrs[i] == pc)
      {
        id = self->rec_entries[i];
        for (r = 1; i + r < self->rec_len && self->rec_addrs[i + r] == pc; r++)
          ;
        self->cursor = i + r;
        break;
      }
  if (id == G_MAXUINT32)
    id = chunk_slot (self, pc)->entry - 1;

  e = &g_array_index (self->entries, ChunkEntry, id);
  if ((guint64) n * e->need_r <= (guint64) e->need_n * r)
    return;  /* the common case: this run can never be the one parsed */
  e->need_n = n;
  e->need_r = r;

  c.pc = pc;
  c.n = n;
  c.r = r;
  c.text_off = self->texts->len;
  c.text_len = self->group_end - self->group_start;
  g_byte_array_append (self->texts, (const guint8 *) self->group_start, c.text_len);
  g_array_append_val (self->candidates, c);
}

void
smolder_text_symbols_add_comment (SmolderTextSymbols *self,
                                  const char         *line,
                                  gsize               len)
{
  const char *p = line + 2, *end = line + len;
  guint64 pc;

  if (len < 4 || line[0] != '#' || (line[1] != '\t' && line[1] != ' ') || line[2] != '0' || line[3] != 'x' ||
      !smolder_text_parse_hex (&p, end, &pc))
    {
      end_group (self);
      return;
    }
  /* "#\t0x0": a frame Go could not name. */
  p = smolder_text_skip_spaces (p, end);
  if (p == end)
    {
      end_group (self);
      return;
    }

  if (self->in_group && pc == self->group_pc)
    {
      self->group_n++;
      self->group_end = end;
      return;
    }
  end_group (self);
  self->in_group = TRUE;
  self->group_pc = pc;
  self->group_start = line;
  self->group_end = end;
  self->group_n = 1;
}

void
smolder_text_symbols_end_record (SmolderTextSymbols *self)
{
  end_group (self);
  self->rec_len = 0;
  self->cursor = 0;
}

void
smolder_text_symbols_add_note (SmolderTextSymbols *self,
                               const char         *note)
{
  Candidate c = { 0, 0, 0, self->texts->len, strlen (note) };

  end_group (self);
  g_byte_array_append (self->texts, (const guint8 *) note, c.text_len);
  g_array_append_val (self->candidates, c);
}

/* ------------------------------------------------------------------ */
/* Naming                                                              */

typedef struct
{
  guint32 location;    /* SMOLDER_NO_ID until an "@" list names the address */
  guint32 frames_off;  /* into frames */
  guint32 n_frames;    /* innermost first */
} PcEntry;

typedef struct
{
  guint32 function;
  guint32 line;
} Frame;

typedef struct
{
  SmolderProfile      *profile;
  const SmolderLimits *limits;
  SmolderU64Map pcs;        /* address -> entry */
  GArray       *entries;    /* PcEntry */
  GArray       *frames;     /* Frame */
  SmolderU64Map functions;  /* name id << 32 | file id -> function index */
  GArray       *parsed;     /* Frame */
  GArray       *border;     /* guint32, KMP prefix function */
} Namer;

static guint32
namer_pc_entry (Namer   *self,
                guint64  pc)
{
  gboolean inserted;
  guint32 id = u64_map_lookup_or_insert (&self->pcs, pc, self->entries->len, &inserted);

  if (inserted)
    {
      PcEntry e = { SMOLDER_NO_ID, 0, 0 };

      g_array_append_val (self->entries, e);
    }
  return id;
}

/* Splits "#\t0xPC\tname+0xoff\tfile:line" into a function and a line. */
static Frame
parse_frame (Namer      *self,
             const char *text,
             gsize       len)
{
  SmolderProfile *profile = self->profile;
  const char *p = text + 2, *end = text + len;
  const char *name, *name_end, *file, *file_end, *q;
  guint64 pc, number = 0;
  guint32 name_id, file_id, fn;
  gboolean inserted;
  Frame frame = { SMOLDER_NO_ID, 0 };

  if (!smolder_text_parse_hex (&p, end, &pc))
    return frame;
  p = smolder_text_skip_spaces (p, end);
  name = p;
  while (p < end && *p != '\t')
    p++;
  name_end = p;
  /* "name+0xoff": the name itself may hold '+' (rarely), so cut at the last "+0x". */
  for (q = name_end; q - name >= 3; q--)
    if (q[-3] == '+' && q[-2] == '0' && q[-1] == 'x')
      {
        name_end = q - 3;
        break;
      }
  while (name_end > name && name_end[-1] == ' ')
    name_end--;

  p = smolder_text_skip_spaces (p, end);
  file = p;
  file_end = end;
  while (file_end > file && g_ascii_isspace (file_end[-1]))
    file_end--;
  for (q = file_end; q > file && g_ascii_isdigit (q[-1]); q--)
    ;
  if (q < file_end && q > file && q[-1] == ':')
    {
      const char *digits = q;

      if (smolder_text_parse_u64 (&digits, file_end, &number))
        file_end = q - 1;
    }
  if (number > G_MAXUINT32)
    number = 0;

  name_id = smolder_profile_intern (profile, name, name_end - name);
  file_id = smolder_profile_intern (profile, file, file_end - file);
  fn = smolder_u64_map_lookup_or_insert (&self->functions,
                                         ((guint64) name_id << 32) | file_id,
                                         profile->functions->len, &inserted);
  if (inserted)
    {
      SmolderFunction f = { name_id, name_id, file_id, 0 };

      g_array_append_val (profile->functions, f);
    }
  frame.function = fn;
  frame.line = (guint32) number;
  return frame;
}

static inline gboolean
frame_equal (const Frame *a,
             const Frame *b)
{
  return a->function == b->function && a->line == b->line;
}

/* The frames of one PC, from a run of @n lines that print @r consecutive
 * stack entries with this PC (direct recursion). The run is a suffix of the
 * frames repeated r times (Go hides leading runtime frames), so the frames
 * are its last d lines, d the smallest period of the run with d * r >= n. */
static guint
group_period (Namer       *self,
              const Frame *f,
              guint        n,
              guint        r)
{
  guint32 *b;
  guint min_period, k;

  if (r <= 1 || n <= 1)
    return n;
  min_period = (n + r - 1) / r;

  g_array_set_size (self->border, n + 1);
  b = (guint32 *) self->border->data;
  b[0] = 0;
  if (n > 0)
    b[1] = 0;
  k = 0;
  for (guint i = 1; i < n; i++)
    {
      while (k > 0 && !frame_equal (&f[i], &f[k]))
        k = b[k];
      if (frame_equal (&f[i], &f[k]))
        k++;
      b[i + 1] = k;
    }
  /* Periods are n - border; walk the borders from the longest down. */
  for (k = b[n]; k > 0; k = b[k])
    if (n - k >= min_period)
      return n - k;
  return n;
}

/* A run of @n "#" lines for @r entries of @pc, as one reader would have
 * met it: known frames that cover it leave the text unread. */
static void
end_name_group (Namer      *self,
                guint64     pc,
                guint       n,
                guint       r,
                const char *text,
                gsize       text_len)
{
  guint id = namer_pc_entry (self, pc);
  const char *p = text, *text_end = text + text_len;
  PcEntry *e = &g_array_index (self->entries, PcEntry, id);
  guint d;

  if ((guint64) e->n_frames * r >= n)
    return;

  /* New, or seen before with frames hidden: parse this run. */
  g_array_set_size (self->parsed, 0);
  for (guint i = 0; i < n && p < text_end; i++)
    {
      const char *nl = memchr (p, '\n', text_end - p);
      const char *line = p;
      gsize len = (nl != NULL ? nl : text_end) - p;
      Frame f;

      p = nl != NULL ? nl + 1 : text_end;
      smolder_text_trim (&line, &len);
      f = parse_frame (self, line, len);
      g_array_append_val (self->parsed, f);
    }
  n = self->parsed->len;
  if (n == 0)
    return;
  d = group_period (self, (const Frame *) self->parsed->data, n, r);

  e = &g_array_index (self->entries, PcEntry, id);
  e->frames_off = self->frames->len;
  e->n_frames = d;
  g_array_append_vals (self->frames, &g_array_index (self->parsed, Frame, n - d), d);
}

/* Makes the locations of @chunk's addresses (renumbering its samples'
 * locations when the chunk's numbers differ) and replays its candidates. */
static gboolean
namer_add_chunk (Namer              *self,
                 SmolderTextSymbols *chunk,
                 gboolean           *redo)
{
  SmolderProfile *profile = self->profile;
  guint n_addresses = chunk->addresses->len;
  g_autofree guint32 *remap = g_new (guint32, MAX (n_addresses, 1));
  gboolean identity = TRUE;

  for (guint i = 0; i < n_addresses; i++)
    {
      guint64 addr = g_array_index (chunk->addresses, guint64, i);
      guint32 id = namer_pc_entry (self, addr);
      PcEntry *e = &g_array_index (self->entries, PcEntry, id);

      if (e->location == SMOLDER_NO_ID)
        {
          SmolderLocation loc = { 0, };

          if (profile->locations->len >= self->limits->max_locations)
            {
              *redo = TRUE;
              return FALSE;
            }
          loc.address = addr;
          loc.mapping = SMOLDER_NO_ID;
          loc.first_line = id;  /* the entry, until the lines are made */
          loc.n_lines = 0;
          e->location = profile->locations->len;
          g_array_append_val (profile->locations, loc);
        }
      remap[i] = e->location;
      identity = identity && remap[i] == i;
    }
  if (!identity)
    {
      guint32 *locs = (guint32 *) chunk->sample_locs->data;

      for (guint i = 0; i < chunk->sample_locs->len; i++)
        locs[i] = remap[locs[i]];
    }

  for (guint i = 0; i < chunk->candidates->len; i++)
    {
      const Candidate *c = &g_array_index (chunk->candidates, Candidate, i);
      const char *text = (const char *) chunk->texts->data + c->text_off;

      if (c->n == 0)
        {
          g_autofree char *note = g_strndup (text, c->text_len);
          guint32 id = smolder_profile_intern (profile, note, -1);

          g_array_append_val (profile->comments, id);
        }
      else
        end_name_group (self, c->pc, c->n, c->r, text, c->text_len);
    }
  return TRUE;
}

gboolean
smolder_text_symbols_finish_chunks (SmolderTextSymbols **chunks,
                                    guint                n_chunks,
                                    gboolean            *redo,
                                    GError             **error)
{
  SmolderProfile *profile;
  Namer namer = { 0, };
  guint n_locations;
  guint64 n_lines = 0;
  gboolean ok = FALSE;

  *redo = FALSE;
  g_return_val_if_fail (n_chunks > 0, FALSE);

  profile = chunks[0]->profile;
  namer.profile = profile;
  namer.limits = chunks[0]->limits;
  smolder_u64_map_init (&namer.pcs, 4096);
  smolder_u64_map_init (&namer.functions, 1024);
  namer.entries = g_array_new (FALSE, FALSE, sizeof (PcEntry));
  namer.frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  namer.parsed = g_array_new (FALSE, FALSE, sizeof (Frame));
  namer.border = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint k = 0; k < n_chunks; k++)
    {
      smolder_text_symbols_end_record (chunks[k]);
      if (!namer_add_chunk (&namer, chunks[k], redo))
        goto out;
    }

  n_locations = profile->locations->len;
  for (guint i = 0; i < n_locations; i++)
    {
      SmolderLocation *loc = &g_array_index (profile->locations, SmolderLocation, i);
      const PcEntry *e = &g_array_index (namer.entries, PcEntry, loc->first_line);

      n_lines += e->n_frames;
    }
  if (n_lines >= G_MAXUINT32)
    {
      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT,
                   "more than %u frames in all", G_MAXUINT32 - 1);
      goto out;
    }

  for (guint i = 0; i < n_locations; i++)
    {
      SmolderLocation *loc = &g_array_index (profile->locations, SmolderLocation, i);
      const PcEntry *e = &g_array_index (namer.entries, PcEntry, loc->first_line);

      loc->first_line = profile->lines->len;
      loc->n_lines = e->n_frames;
      for (guint j = 0; j < e->n_frames; j++)
        {
          const Frame *f = &g_array_index (namer.frames, Frame, e->frames_off + j);
          SmolderLine line = { f->function, f->line, 0 };

          g_array_append_val (profile->lines, line);
        }
    }
  ok = TRUE;

out:
  smolder_u64_map_clear (&namer.pcs);
  smolder_u64_map_clear (&namer.functions);
  g_array_unref (namer.entries);
  g_array_unref (namer.frames);
  g_array_unref (namer.parsed);
  g_array_unref (namer.border);
  return ok;
}

gboolean
smolder_text_symbols_finish (SmolderTextSymbols  *self,
                             GError             **error)
{
  gboolean redo;

  if (smolder_text_symbols_finish_chunks (&self, 1, &redo, error))
    return TRUE;
  /* One chunk checked every limit while reading; say something all the same. */
  if (redo)
    g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT,
                 "more than %" G_GUINT64_FORMAT " distinct addresses", self->limits->max_locations);
  return FALSE;
}
