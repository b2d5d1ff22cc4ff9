/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-goroutine-dump.c: goroutine tracebacks (?debug=2, or a crash or
 * SIGQUIT dump), which pprof cannot read at all.
 *
 *   goroutine 19 [chan receive, 5 minutes, locked to thread]:
 *   main.main.func1(0xc000010000)
 *   	leaky/main.go:97 +0x88
 *   created by main.main in goroutine 1      (Go 1.21+; older: no "in goroutine")
 *   	leaky/main.go:95 +0x145
 *
 * Aggregated into a goroutine/count profile, and one SmolderGoroutine per
 * goroutine with its state. The state, wait, "locked to thread" and creator
 * become sample labels (state, wait in minutes, locked_to_thread,
 * created_by) so pprof's tag filters select goroutines: a sample is a
 * distinct stack plus labels, as in a labelled pprof profile.
 *
 * Dumps come pasted from crashes and logs: the text before the first
 * goroutine (a panic's message) becomes comments, tracebackancestors'
 * "[originating from goroutine N]:" stacks are skipped, and any line that
 * cannot be read is skipped and counted in one warning naming the first
 * (a truncated log, "exit status 2"). Only a text without a goroutine is
 * an error. */
#include "smolder-decoders.h"
#include "smolder-text-lines.h"

#include <string.h>

typedef enum {
  EXPECT_GOROUTINE,   /* between goroutines */
  EXPECT_FRAME,       /* a function, "created by", elision, or the end */
  EXPECT_FILE,        /* "\tfile:line +0xoff" of a function */
  EXPECT_CREATOR_FILE,/* "\tfile:line +0xoff" of "created by" */
  EXPECT_END,         /* after the creator: only a blank line or a new goroutine */
  IN_ANCESTOR,        /* "[originating from goroutine N]:" (tracebackancestors): skipped */
} State;

typedef struct
{
  SmolderProfile      *profile;
  const SmolderLimits *limits;
  SmolderU64Map        functions;  /* name id << 32 | file id -> function */
  SmolderU64Map        locations;  /* function << 32 | line -> location */
  GHashTable          *stacks;     /* GBytes: guint32 locations + LabelKey -> index + 1 */
  GPtrArray           *stack_list; /* GBytes, in order of first sight */
  GArray              *counts;     /* gint64 per stack */

  /* The goroutine being read. */
  gboolean         open;
  SmolderGoroutine g;
  GArray          *stack;          /* guint32 locations */
  char            *pending_name;   /* function waiting for its file line */
  gsize            pending_len;

  /* Lines skipped, for the warning: how many, and the first. */
  guint64          n_skipped;
  guint64          first_skipped_no;
  char            *first_skipped;
} Dump;

/* The labels a sample is keyed by, after its locations. */
typedef struct {
  guint32 state;
  guint32 created_by;   /* function name string id, 0 when unknown */
  guint32 locked;
  guint32 has_wait;
  gint64  wait_minutes;
} LabelKey;

static void
dump_clear (Dump *d)
{
  smolder_u64_map_clear (&d->functions);
  smolder_u64_map_clear (&d->locations);
  g_clear_pointer (&d->stacks, g_hash_table_unref);
  g_clear_pointer (&d->stack_list, g_ptr_array_unref);
  g_clear_pointer (&d->counts, g_array_unref);
  g_clear_pointer (&d->stack, g_array_unref);
  g_clear_pointer (&d->pending_name, g_free);
  g_clear_pointer (&d->first_skipped, g_free);
}

static void
skip_line (Dump       *d,
           guint64     line_no,
           const char *line,
           gsize       len)
{
  if (d->n_skipped++ == 0)
    {
      g_autofree char *snippet = g_strndup (line, MIN (len, 60));

      d->first_skipped_no = line_no;
      d->first_skipped = g_strescape (snippet, NULL);
    }
}

/* "file:line", then " +0xoff" and anything else Go may add (" fp=... sp=..."). */
static gboolean
parse_file_line (const char  *line,
                 gsize        len,
                 const char **file,
                 gsize       *file_len,
                 gint64      *number)
{
  /* The last ":DIGITS" that ends the line or is followed by a space. */
  for (gsize i = len; i > 0; i--)
    {
      const char *p = line + i - 1, *q;
      guint64 n;

      if (*p != ':' || i - 1 == 0)
        continue;
      q = p + 1;
      if (!smolder_text_parse_u64 (&q, line + len, &n) || (q < line + len && *q != ' ') ||
          n > G_MAXINT64)
        continue;
      *file = line;
      *file_len = i - 1;
      *number = (gint64) n;
      return TRUE;
    }
  return FALSE;
}

static guint32
intern_location (Dump       *d,
                 const char *name,
                 gsize       name_len,
                 const char *file,
                 gsize       file_len,
                 gint64      number,
                 GError    **error)
{
  SmolderProfile *profile = d->profile;
  guint32 name_id = smolder_profile_intern (profile, name, name_len);
  guint32 file_id = smolder_profile_intern (profile, file, file_len);
  gboolean inserted;
  guint32 fn, loc;

  /* The location key keeps 32 bits of the line: no real file is longer. */
  if (number < 0 || number > G_MAXUINT32)
    number = 0;

  fn = smolder_u64_map_lookup_or_insert (&d->functions, ((guint64) name_id << 32) | file_id,
                                         profile->functions->len, &inserted);
  if (inserted)
    {
      SmolderFunction f = { name_id, name_id, file_id, 0 };

      g_array_append_val (profile->functions, f);
    }

  loc = smolder_u64_map_lookup_or_insert (&d->locations,
                                          ((guint64) fn << 32) | (guint32) number,
                                          profile->locations->len, &inserted);
  if (inserted)
    {
      SmolderLocation l = { 0, };
      SmolderLine ln = { fn, number, 0 };

      if (profile->locations->len >= d->limits->max_locations)
        {
          g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT,
                       "more than %" G_GUINT64_FORMAT " distinct frames", d->limits->max_locations);
          return SMOLDER_NO_ID;
        }
      l.address = 0;
      l.mapping = SMOLDER_NO_ID;
      l.first_line = profile->lines->len;
      l.n_lines = 1;
      g_array_append_val (profile->lines, ln);
      g_array_append_val (profile->locations, l);
    }
  return loc;
}

/* "goroutine 123 [chan receive, 5 minutes, locked to thread]:" */
static gboolean
parse_goroutine_header (Dump       *d,
                        const char *line,
                        gsize       len)
{
  const char *p = line + strlen ("goroutine "), *end = line + len;
  const char *open, *part;
  guint64 id;
  gboolean first = TRUE;

  if (!smolder_text_parse_u64 (&p, end, &id) || id > G_MAXINT64)
    return FALSE;
  if (len < 2 || end[-1] != ':' || end[-2] != ']')
    return FALSE;
  open = memchr (p, '[', end - p);
  if (open == NULL)
    return FALSE;
  end -= 2;

  memset (&d->g, 0, sizeof d->g);
  d->g.id = (gint64) id;
  d->g.wait_minutes = -1;
  d->g.created_by_id = -1;
  d->g.created_by_location = SMOLDER_NO_ID;

  /* state[, N minutes][, locked to thread] */
  for (part = open + 1; part <= end; first = FALSE)
    {
      const char *comma = g_strstr_len (part, end - part, ", ");
      const char *part_end = comma != NULL ? comma : end;
      gsize n = part_end - part;

      if (first)
        {
          d->g.state = smolder_profile_intern (d->profile, part, n);
        }
      else if (n > 8 && memcmp (part_end - 8, " minutes", 8) == 0)
        {
          const char *q = part;
          guint64 minutes;

          if (smolder_text_parse_u64 (&q, part_end - 8, &minutes) && q == part_end - 8 &&
              minutes <= G_MAXINT64)
            d->g.wait_minutes = (gint64) minutes;
        }
      else if (smolder_text_equals (part, n, "locked to thread"))
        d->g.locked_to_thread = TRUE;
      /* Other annotations of newer runtimes are ignored. */

      if (comma == NULL)
        break;
      part = comma + 2;
    }
  return TRUE;
}

static gboolean
end_goroutine (Dump    *d,
               GError **error)
{
  SmolderProfile *profile = d->profile;
  GBytes *key;
  gpointer found;
  guint index;

  if (!d->open)
    return TRUE;
  d->open = FALSE;

  {
    LabelKey lk = { 0, };
    gsize n = d->stack->len * sizeof (guint32);
    guint8 *buf = g_malloc (n + sizeof lk);

    lk.state = d->g.state;
    lk.locked = d->g.locked_to_thread;
    lk.has_wait = d->g.wait_minutes >= 0;
    lk.wait_minutes = lk.has_wait ? d->g.wait_minutes : 0;
    if (d->g.created_by_location != SMOLDER_NO_ID)
      {
        const SmolderLocation *l = &g_array_index (profile->locations, SmolderLocation,
                                                   d->g.created_by_location);
        const SmolderLine *ln = &g_array_index (profile->lines, SmolderLine, l->first_line);

        lk.created_by = g_array_index (profile->functions, SmolderFunction, ln->function).name;
      }
    if (n > 0)
      memcpy (buf, d->stack->data, n);
    memcpy (buf + n, &lk, sizeof lk);
    key = g_bytes_new_take (buf, n + sizeof lk);
  }
  found = g_hash_table_lookup (d->stacks, key);
  if (found != NULL)
    {
      index = GPOINTER_TO_UINT (found) - 1;
      g_bytes_unref (key);
    }
  else
    {
      gint64 zero = 0;

      index = d->stack_list->len;
      g_ptr_array_add (d->stack_list, key);
      g_hash_table_insert (d->stacks, g_bytes_ref (key), GUINT_TO_POINTER (index + 1));
      g_array_append_val (d->counts, zero);
    }
  g_array_index (d->counts, gint64, index)++;
  d->g.sample = index;

  if (profile->goroutines->len >= d->limits->max_samples)
    {
      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT,
                   "more than %" G_GUINT64_FORMAT " goroutines", d->limits->max_samples);
      return FALSE;
    }
  g_array_append_val (profile->goroutines, d->g);
  g_array_set_size (d->stack, 0);
  return TRUE;
}

/* "pkg.(*T).Method(0xc000010000, {0x1, 0x2})" -> "pkg.(*T).Method" */
static gboolean
function_name (const char  *line,
               gsize        len,
               gsize       *name_len)
{
  int depth = 0;

  if (len == 0 || line[len - 1] != ')')
    return FALSE;
  for (gsize i = len; i > 0; i--)
    {
      char c = line[i - 1];

      if (c == ')')
        depth++;
      else if (c == '(' && --depth == 0)
        {
          if (i - 1 == 0)
            return FALSE;
          *name_len = i - 1;
          return TRUE;
        }
    }
  return FALSE;
}

SmolderProfile *
smolder_goroutine_dump_decode (SmolderInput         *input,
                               const SmolderLimits  *limits,
                               GError              **error)
{
  g_autoptr(SmolderProfile) profile = NULL;
  SmolderTextLines lines;
  const char *line;
  gsize len;
  GError *local_error = NULL;
  State state = EXPECT_GOROUTINE;
  gboolean seen_any = FALSE;
  Dump d = { 0, };
  SmolderProfile *result = NULL;
  guint32 key_state, key_wait, unit_minutes, key_locked, str_true, key_created_by;

  g_return_val_if_fail (input != NULL, NULL);

  if (limits == NULL)
    limits = smolder_limits_get_default ();

  profile = smolder_profile_new_empty (SMOLDER_PROFILE_FORMAT_GOROUTINE_DUMP);
  profile->kind = SMOLDER_PROFILE_KIND_GOROUTINE;
  profile->period_type.type = smolder_profile_intern (profile, "goroutine", -1);
  profile->period_type.unit = smolder_profile_intern (profile, "count", -1);
  profile->period = 1;
  smolder_profile_add_sample_type (profile, "goroutine", "count");

  d.profile = profile;
  d.limits = limits;
  smolder_u64_map_init (&d.functions, 1024);
  smolder_u64_map_init (&d.locations, 1024);
  d.stacks = g_hash_table_new_full (g_bytes_hash, g_bytes_equal, (GDestroyNotify) g_bytes_unref, NULL);
  d.stack_list = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  d.counts = g_array_new (FALSE, FALSE, sizeof (gint64));
  d.stack = g_array_new (FALSE, FALSE, sizeof (guint32));

  smolder_text_lines_init (&lines, input, limits);

/* Not G_STMT_START: "continue" must reach the loop. */
#define SKIP() { skip_line (&d, lines.line_no, line, len); continue; }

  while (smolder_text_lines_next (&lines, &line, &len, &local_error))
    {
      const char *raw = line;
      gsize raw_len = len;

      smolder_text_trim (&line, &len);

      if (len == 0)
        {
          if (state == EXPECT_FILE || state == EXPECT_CREATOR_FILE)
            skip_line (&d, lines.line_no - 1, d.pending_name, d.pending_len);
          if (!end_goroutine (&d, error))
            goto out;
          state = EXPECT_GOROUTINE;
          continue;
        }

      if (len > 10 && smolder_text_has_prefix (line, len, "goroutine ") && g_ascii_isdigit (line[10]))
        {
          if (state == EXPECT_FILE || state == EXPECT_CREATOR_FILE)
            skip_line (&d, lines.line_no - 1, d.pending_name, d.pending_len);
          if (!end_goroutine (&d, error))
            goto out;
          state = EXPECT_GOROUTINE;
          if (!parse_goroutine_header (&d, line, len))
            SKIP ();
          d.open = TRUE;
          seen_any = TRUE;
          state = EXPECT_FRAME;
          continue;
        }

      /* GODEBUG=tracebackancestors: the stacks of the goroutines that
       * created this one, up to the next blank line or header. */
      if (d.open && smolder_text_has_prefix (line, len, "[originating from goroutine "))
        {
          state = IN_ANCESTOR;
          continue;
        }

    again:
      switch (state)
        {
        case EXPECT_GOROUTINE:
          /* What comes before the first goroutine (a panic's message, the
           * ?debug=1 header of a dump pasted together) is the dump's
           * preamble: kept as comments. */
          if (!seen_any)
            {
              if (profile->comments->len < 16)
                {
                  guint32 id = smolder_profile_intern (profile, line, len);

                  g_array_append_val (profile->comments, id);
                }
              continue;
            }
          SKIP ();

        case IN_ANCESTOR:
          continue;

        case EXPECT_FRAME:
          if (smolder_text_equals (line, len, "...additional frames elided..."))
            {
              d.g.frames_elided = TRUE;
              continue;
            }
          if (smolder_text_equals (line, len, "goroutine running on other thread; stack unavailable"))
            continue;
          if (smolder_text_has_prefix (line, len, "created by "))
            {
              const char *name = line + strlen ("created by ");
              const char *in = g_strstr_len (name, line + len - name, " in goroutine ");
              gsize name_len = (in != NULL ? in : line + len) - name;

              if (in != NULL)
                {
                  const char *q = in + strlen (" in goroutine ");
                  guint64 creator;

                  if (smolder_text_parse_u64 (&q, line + len, &creator) && q == line + len &&
                      creator <= G_MAXINT64)
                    d.g.created_by_id = (gint64) creator;
                  else
                    SKIP ();
                }
              if (name_len == 0)
                SKIP ();
              g_free (d.pending_name);
              d.pending_name = g_strndup (name, name_len);
              d.pending_len = name_len;
              state = EXPECT_CREATOR_FILE;
              continue;
            }
          {
            gsize name_len;

            if (!function_name (line, len, &name_len))
              SKIP ();
            g_free (d.pending_name);
            d.pending_name = g_strndup (line, name_len);
            d.pending_len = name_len;
            state = EXPECT_FILE;
          }
          continue;

        case EXPECT_FILE:
        case EXPECT_CREATOR_FILE:
          {
            const char *file;
            gsize file_len;
            gint64 number;
            guint32 loc;

            if (raw_len == 0 || (raw[0] != '\t' && raw[0] != ' ') ||
                !parse_file_line (line, len, &file, &file_len, &number))
              {
                /* The function's file line is lost: skip the function, and
                 * read this line again as what may follow it. */
                skip_line (&d, lines.line_no - 1, d.pending_name, d.pending_len);
                state = state == EXPECT_CREATOR_FILE ? EXPECT_END : EXPECT_FRAME;
                goto again;
              }
            loc = intern_location (&d, d.pending_name, d.pending_len, file, file_len, number, error);
            if (loc == SMOLDER_NO_ID)
              goto out;
            if (state == EXPECT_CREATOR_FILE)
              {
                d.g.created_by_location = loc;
                state = EXPECT_END;
              }
            else
              {
                if (d.stack->len >= limits->max_stack_depth)
                  {
                    g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT,
                                 "line %" G_GUINT64_FORMAT ": goroutine %" G_GINT64_FORMAT " is deeper than the limit of %" G_GUINT64_FORMAT " frames",
                                 lines.line_no, d.g.id, limits->max_stack_depth);
                    goto out;
                  }
                g_array_append_val (d.stack, loc);
                state = EXPECT_FRAME;
              }
          }
          continue;

        case EXPECT_END:
          SKIP ();

        default:
          g_assert_not_reached ();
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      goto out;
    }
  if (state == EXPECT_FILE || state == EXPECT_CREATOR_FILE)
    smolder_profile_add_warning (profile, "the input ends inside goroutine %" G_GINT64_FORMAT
                                 " (a truncated dump?): its last frame “%s” has no file line",
                                 d.g.id, d.pending_name);
  if (!end_goroutine (&d, error))
    goto out;
  if (!seen_any)
    {
      smolder_text_set_error (error, lines.line_no + 1, NULL, 0,
                              "expected a goroutine header \"goroutine ID [STATE]:\", found the end of the input");
      goto out;
    }
  if (d.n_skipped > 0)
    smolder_profile_add_warning (profile, "skipped %" G_GUINT64_FORMAT " line%s that could not be read; "
                                 "the first, line %" G_GUINT64_FORMAT ": “%s”",
                                 d.n_skipped, d.n_skipped == 1 ? "" : "s",
                                 d.first_skipped_no, d.first_skipped);
#undef SKIP

  key_state = smolder_profile_intern (profile, "state", -1);
  key_wait = smolder_profile_intern (profile, "wait", -1);
  unit_minutes = smolder_profile_intern (profile, "minutes", -1);
  key_locked = smolder_profile_intern (profile, "locked_to_thread", -1);
  str_true = smolder_profile_intern (profile, "true", -1);
  key_created_by = smolder_profile_intern (profile, "created_by", -1);
  for (guint i = 0; i < d.stack_list->len; i++)
    {
      gsize size;
      const guint8 *data = g_bytes_get_data (d.stack_list->pdata[i], &size);
      LabelKey lk;

      size -= sizeof lk;
      memcpy (&lk, data + size, sizeof lk);
      smolder_profile_begin_sample (profile);
      for (gsize j = 0; j < size / sizeof (guint32); j++)
        {
          guint32 loc;

          memcpy (&loc, data + j * sizeof loc, sizeof loc);
          smolder_profile_sample_add_location (profile, loc);
        }
      smolder_profile_sample_add_value (profile, g_array_index (d.counts, gint64, i));
      smolder_profile_sample_add_label (profile, key_state, lk.state, 0, 0);
      if (lk.has_wait)
        smolder_profile_sample_add_label (profile, key_wait, 0, lk.wait_minutes, unit_minutes);
      if (lk.locked)
        smolder_profile_sample_add_label (profile, key_locked, str_true, 0, 0);
      if (lk.created_by != 0)
        smolder_profile_sample_add_label (profile, key_created_by, lk.created_by, 0, 0);
      smolder_profile_end_sample (profile);
    }

  if (smolder_profile_seal (profile, limits, error))
    result = g_steal_pointer (&profile);

out:
  dump_clear (&d);
  return result;
}
