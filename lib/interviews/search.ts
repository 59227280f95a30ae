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
 *    costs 1,000 rank calls, not 50,000); matches beyond it follow, most recent first;
 *  - then the page.
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
export const MAX_RANKED = 1_000;

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
 * Shape (issue 18, measured at 50,000 documents / 300,000 interviews): the matching ids come from
 * the GIN index alone (`matches`, materialized: the tsvector, stored out of line, is never read per
 * row to test a match); the interviews are then narrowed by filters and visibility with their own
 * indexes and semi-joined to those ids, so the planner picks, from the estimated number of matches,
 * between walking interviews_starts_at_idx backwards until MAX_RANKED of them match (a common
 * word) and joining every match then sorting (a rare one, or a narrow filter).
 */
export function searchPageSql(scope: ViewerScope, filters: Partial<TInterviewFilters> & { q: string }, clock: FilterClock, { skip, take }: { skip: number; take: number }): Prisma.Sql {
  const clauses = [...filtersSql(filters, clock), ...visibleToSql(scope)];
  const where = andSql(clauses);
  const query = tsQuery(filters.q);
  // Nothing narrows the matches: every document belongs to an interview (FK), so the count reads
  // the matches alone (no join to the interviews).
  const total =
    clauses.length === 0
      ? Prisma.sql`SELECT count(*)::int AS total FROM matches`
      : Prisma.sql`SELECT count(*)::int AS total FROM interviews i WHERE i.id IN (SELECT interview_id FROM matches) AND ${where}`;
  // Positions k in the search order: 1..MAX_RANKED by rank, then the older matches by date.
  // "Most recent" is starts_at DESC NULLS FIRST (an undated interview is a booking still being
  // looked up, so new): the order of a backward scan of interviews_starts_at_idx.
  return Prisma.sql`
    WITH matches AS MATERIALIZED (
      SELECT d.interview_id FROM interview_search_documents d WHERE d.document @@ ${query}
    ),
    recent AS MATERIALIZED (
      SELECT interview_id, starts_at, row_number() OVER (ORDER BY starts_at DESC NULLS FIRST, interview_id DESC) AS n
        FROM (
          SELECT i.id AS interview_id, i.starts_at
            FROM interviews i
           WHERE i.id IN (SELECT interview_id FROM matches) AND ${where}
           ORDER BY i.starts_at DESC NULLS FIRST, i.id DESC
           LIMIT ${Math.max(MAX_RANKED, skip + take)}
        ) newest
    ),
    ranked AS (
      SELECT r.interview_id, row_number() OVER (ORDER BY ts_rank_cd(d.document, ${query}, 32) DESC, r.starts_at DESC NULLS FIRST, r.interview_id DESC) AS k
        FROM recent r JOIN interview_search_documents d USING (interview_id)
       WHERE r.n <= ${MAX_RANKED}
    ),
    page AS (
      SELECT interview_id, k FROM ranked WHERE k > ${skip} AND k <= ${skip + take}
      UNION ALL
      SELECT interview_id, n AS k FROM recent WHERE n > ${MAX_RANKED} AND n > ${skip} AND n <= ${skip + take}
    )
    SELECT p.interview_id, t.total
      FROM (${total}) t
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

/**
 * The shown interviews' snippets: up to two fragments of their transcript around the matched words
 * (ts_headline over the page's documents only, markers parsed by ./snippet.ts). An interview whose
 * document holds no highlighted word (a query of exclusions only) gets none.
 */
export async function searchSnippets(ids: readonly string[], q: string): Promise<Map<string, Snippet>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<{ interview_id: string; headline: string }[]>`
    SELECT interview_id, ts_headline('english'::regconfig, translate(content, ${SNIPPET_START + SNIPPET_STOP + SNIPPET_FRAGMENT}, '   '), ${tsQuery(q)}, ${HEADLINE_OPTIONS}) AS headline
      FROM interview_search_documents
     WHERE interview_id = ANY(${[...ids]}::uuid[])`;
  const snippets = new Map<string, Snippet>();
  for (const row of rows) {
    const snippet = parseSnippet(row.headline);
    if (snippet.some((fragment) => fragment.some((part) => part.highlighted))) snippets.set(row.interview_id, snippet);
  }
  return snippets;
}
