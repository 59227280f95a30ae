/**
 * Ranked full-text search over whole transcripts (issue 18): the dashboard's "Said in the
 * interview" (listInterviews with `q`). Reads interview_search_documents (./search-document.ts):
 * one document per interview, so words said on different lines match, and a phrase may span a
 * line break.
 *
 * One statement per page (searchInterviewIds; the viewer's panel-member ids are looked up first):
 *  - matches: the documents matching websearch_to_tsquery('english', q) — words, "a phrase",
 *    -excluded — from the GIN index, then the filters and the viewer's visibility INSIDE the
 *    query (./filters-sql.ts);
 *  - total: their exact count;
 *  - ranking: ts_rank_cd over a bounded set, the MAX_RANKED most recent matches (so a common word
 *    costs 500 rank calls, not 50,000); matches beyond it follow, most recent first;
 *  - then the page.
 * A document carries copies of the columns of its interview that the filters, the visibility and
 * the order read (starts_at, ends_at, status, interviewer_id, interviewer_email, application_id,
 * application_role_id, application_stage; kept in step by database triggers, migrations
 * 20261211000000_search_document_filters and 20261212000000_interview_filter_copies), so the
 * statement reads the documents, not the interviews table (about 480 MB at 300,000 interviews,
 * against about 10 MB of documents); only the Feedback filter reads its interview's
 * feedback_due_since, by primary key, for the matches.
 * Snippets (searchSnippets) are ts_headline over the shown page's documents only.
 */
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { FilterClock } from "@/lib/interviews/filters";
import { andSql, filtersSql, visibleToSql, type ViewerScope } from "@/lib/interviews/filters-sql";
import { parseSnippet, SNIPPET_FRAGMENT, SNIPPET_START, SNIPPET_STOP, type Snippet } from "@/lib/interviews/snippet";
import type { TInterviewFilters } from "@/lib/validations/interviews";

/** How many of the most recent matches are ranked by relevance; the rest follow by date. */
export const MAX_RANKED = 500;

export type SearchPage = {
  /** The page's interview ids, in order: most relevant first within the ranked set, then by date. */
  ids: string[];
  /** Every match under the filters and visibility (exact). */
  total: number;
};

const tsQuery = (q: string) => Prisma.sql`websearch_to_tsquery('english'::regconfig, ${q})`;

/**
 * The search page statement (see the file comment): rows of (interview_id, total), the page's ids
 * in order, or one row with a null id when the page is empty. Exported for EXPLAIN in the bench.
 * Order: rank desc, then starts_at desc (undated first), then id desc; past MAX_RANKED, that date order.
 *
 * Shape (issue 18, measured at 50,000 documents / 300,000 interviews / 100,000 applications):
 * `matches` is the GIN bitmap over the documents' narrow heap (the content and tsvector are stored
 * out of line and never read to filter) with the predicates of ./filters-sql.ts applied to the
 * copies under the alias `i` (so the filters' SQL is the one the parity test checks, and a filter
 * reading a column the subquery does not provide fails there). It is materialized once as
 * (id, starts_at) and read three times: counted, sorted for the MAX_RANKED most recent (a top-N
 * sort in memory), and those ranked.
 */
export function searchPageSql(scope: ViewerScope, filters: Partial<TInterviewFilters> & { q: string }, clock: FilterClock, { skip, take }: { skip: number; take: number }): Prisma.Sql {
  const where = andSql([...filtersSql(filters, clock), ...visibleToSql(scope)]);
  const query = tsQuery(filters.q);
  // The filters' and visibility's predicates over `i`, the document's copies of its interview's columns.
  const matches = Prisma.sql`
    SELECT i.id, i.starts_at FROM (
      SELECT d.interview_id AS id, d.starts_at, d.ends_at, d.status, d.interviewer_id, d.interviewer_email, d.application_id,
             d.application_role_id, d.application_stage,
             -- Not copied (it changes with every first feedback): read by primary key, for the
             -- matches only, and only when the Feedback filter refers to it (otherwise the planner
             -- drops this unused output of the pulled-up subquery).
             (SELECT j.feedback_due_since FROM interviews j WHERE j.id = d.interview_id) AS feedback_due_since
        FROM interview_search_documents d WHERE d.document @@ ${query}
    ) i WHERE ${where}`;
  return Prisma.sql`
    WITH matches AS MATERIALIZED (${matches}),
    recent AS MATERIALIZED (
      SELECT id, starts_at, row_number() OVER (ORDER BY starts_at DESC NULLS FIRST, id DESC) AS n
        FROM (SELECT id, starts_at FROM matches ORDER BY starts_at DESC NULLS FIRST, id DESC LIMIT ${Math.max(MAX_RANKED, skip + take)}) newest
    ),
    ranked AS (
      SELECT r.id, row_number() OVER (ORDER BY ts_rank_cd(d.document, ${query}, 32) DESC, r.starts_at DESC NULLS FIRST, r.id DESC) AS k
        FROM recent r JOIN interview_search_documents d ON d.interview_id = r.id
       WHERE r.n <= ${MAX_RANKED}
    ),
    page AS (
      SELECT id, k FROM ranked WHERE k > ${skip} AND k <= ${skip + take}
      UNION ALL
      SELECT id, n AS k FROM recent WHERE n > ${MAX_RANKED} AND n > ${skip} AND n <= ${skip + take}
    )
    SELECT p.id AS interview_id, t.total
      FROM (SELECT count(*)::int AS total FROM matches) t
      LEFT JOIN page p ON TRUE
     ORDER BY p.k`;
}

/** Ids of `take` matches from `skip` in the search order, and the total (searchPageSql), for a viewer resolved by resolveViewerScope. */
export async function searchInterviewIds(scope: ViewerScope, filters: Partial<TInterviewFilters> & { q: string }, clock: FilterClock, page: { skip: number; take: number }): Promise<SearchPage> {
  const sql = searchPageSql(scope, filters, clock, page);
  // The planner costs `document @@ query` per row as cheap, but each test detoasts a tsvector
  // stored out of line: at 50,000 documents it preferred a sequential scan testing every row
  // (~150 ms for a word in every transcript) to the GIN bitmap (~12 ms). Sequential scans are
  // discouraged for this statement only (SET LOCAL ends with the transaction).
  const [, rows] = await db.$transaction([db.$executeRaw`SET LOCAL enable_seqscan = off`, db.$queryRaw<{ interview_id: string | null; total: number }[]>(sql)]);
  return { ids: rows.flatMap((r) => (r.interview_id ? [r.interview_id] : [])), total: rows[0]?.total ?? 0 };
}

const HEADLINE_OPTIONS = `MaxFragments=2, MinWords=6, MaxWords=18, FragmentDelimiter=${SNIPPET_FRAGMENT}, StartSel=${SNIPPET_START}, StopSel=${SNIPPET_STOP}`;

/** Documents up to this many bytes are highlighted whole; longer ones in a window first (see searchSnippets). */
export const SNIPPET_WHOLE_BYTES = 3_000;
/** A long document's window starts this many characters before its first likely match… */
const WINDOW_BEFORE = 500;
/** …and is this long. */
const WINDOW_CHARS = 2_000;

/**
 * The shown interviews' snippets: up to two fragments of their transcript around the matched words
 * (ts_headline over the page's documents only, markers parsed by ./snippet.ts). An interview whose
 * document holds no highlighted word (a query of exclusions only) gets none.
 *
 * ts_headline parses all the text it is given: about 0.3 ms for a 2 KB transcript, but about 4 ms
 * for a 45-minute interview's 35 KB, so 100 ms for a page of 25. A long document is therefore
 * highlighted in a window first: 2,000 characters from shortly before the first place where a word
 * of the query (not an excluded one, of three letters or more) starts in its lower-cased text (the
 * word as an index term, without a final "i": "advisory" → "advisori" → "advisor"), cut to whole
 * words. When the window highlights nothing (the term was inside another word there, or the
 * query's words are further apart), the whole document is highlighted as before. A query of
 * exclusions only has no word to look for: no snippet, and nothing parsed.
 */
export async function searchSnippets(ids: readonly string[], q: string): Promise<Map<string, Snippet>> {
  if (ids.length === 0) return new Map();
  const headline = (text: Prisma.Sql) => Prisma.sql`ts_headline('english'::regconfig, ${text}, q.query, ${HEADLINE_OPTIONS})`;
  // Each step MATERIALIZED, so that every expression is computed once per document (inlined, the
  // planner would repeat the long texts' work in each place that reads them).
  const rows = await db.$queryRaw<{ interview_id: string; headline: string | null }[]>`
    WITH q AS (SELECT ${tsQuery(q)} AS query),
    -- The query's words that are not excluded (operands of the query as text without a "!" before
    -- them; querytree would drop all of 'kafka' | !'java'): how many, and those of three letters or
    -- more as lower-case prefixes to look for (shorter ones would be found anywhere).
    terms AS MATERIALIZED (
      SELECT count(*) AS wanted,
             coalesce(array_agg(DISTINCT t.prefix) FILTER (WHERE length(t.prefix) >= 3), '{}') AS prefixes
        FROM q, regexp_matches(q.query::text, '(!\\s*)?''((?:[^'']|'''')+)''', 'g') AS m
       CROSS JOIN LATERAL (SELECT regexp_replace(replace(m[2], '''''', ''''), 'i$', '') AS prefix) t
       WHERE m[1] IS NULL
    ),
    -- The text (snippet markers replaced); for a long one (octet_length reads the stored size, not
    -- the text), where its first term starts.
    docs AS MATERIALIZED (
      SELECT d.interview_id, c.text,
             CASE WHEN octet_length(d.content) > ${SNIPPET_WHOLE_BYTES}
                  THEN (SELECT min(nullif(strpos(l.lowered, prefix), 0)) FROM (SELECT lower(c.text) AS lowered) l, terms, unnest(terms.prefixes) AS prefix)
             END AS first
        FROM interview_search_documents d
       -- replace() returns its input unchanged when the marker is absent (always, in practice): a long text's translate() took ~1 ms.
       CROSS JOIN LATERAL (SELECT replace(replace(replace(d.content, ${SNIPPET_START}, ' '), ${SNIPPET_STOP}, ' '), ${SNIPPET_FRAGMENT}, ' ') AS text) c
       WHERE d.interview_id = ANY(${[...ids]}::uuid[])
    ),
    -- A long document's window, without the partial words its cut left at either end.
    windows AS MATERIALIZED (
      SELECT interview_id, substr(text, s.start, ${WINDOW_CHARS}) AS cut, s.start > 1 AS is_cut_before, s.start + ${WINDOW_CHARS} <= length(text) AS is_cut_after
        FROM docs
       CROSS JOIN LATERAL (SELECT greatest(1, first - ${WINDOW_BEFORE}) AS start) s
       WHERE first IS NOT NULL
    ),
    highlighted AS MATERIALIZED (
      SELECT w.interview_id, ${headline(Prisma.sql`t.text`)} AS headline
        FROM windows w
       CROSS JOIN q
       CROSS JOIN LATERAL (SELECT CASE WHEN w.is_cut_before THEN substr(w.cut, strpos(translate(w.cut, E'\\n', ' '), ' ') + 1) ELSE w.cut END AS head) h
       CROSS JOIN LATERAL (SELECT CASE WHEN w.is_cut_after THEN left(h.head, length(h.head) - strpos(reverse(translate(h.head, E'\\n', ' ')), ' ')) ELSE h.head END AS text) t
    )
    -- The window's headline when it marks a word; otherwise the whole text's.
    SELECT docs.interview_id,
           CASE
             WHEN terms.wanted = 0 THEN NULL
             WHEN strpos(hl.headline, ${SNIPPET_START}) > 0 THEN hl.headline
             ELSE ${headline(Prisma.sql`docs.text`)}
           END AS headline
      FROM docs
     CROSS JOIN q
     CROSS JOIN terms
      LEFT JOIN highlighted hl ON hl.interview_id = docs.interview_id`;
  const snippets = new Map<string, Snippet>();
  for (const row of rows) {
    if (row.headline === null) continue;
    const snippet = parseSnippet(row.headline);
    if (snippet.some((fragment) => fragment.some((part) => part.highlighted))) snippets.set(row.interview_id, snippet);
  }
  return snippets;
}
