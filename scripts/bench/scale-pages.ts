/**
 * The pages the scale benchmark times (`npm run bench -- scale [--large]`), read from the seeded
 * database: the dashboard's list with each filter, a deep page and transcript searches (each search
 * with the total it must show, counted here in SQL straight from the search documents, so a figure
 * over a wrong result is flagged rather than reported as fast), and the other heavy pages.
 */
import type pg from "pg";
import { LONG_TRANSCRIPTS } from "./scale-seed";

export type ScalePage = {
  name: string;
  path: string;
  /** Text the page must contain (every sample is checked). */
  expect: string;
  /** Who looks: an admin, or an interviewer (who sees only the interviews they run). */
  viewer: "admin" | "interviewer";
  /** For the interview list: the total its pagination must show ("some" = at least one). */
  total?: number | "some";
};

export type ScalePageContext = { pages: ScalePage[]; interviewerEmail: string; transcripts: number; matches: { term: string; count: number }[] };

/** The list's total as the pagination prints it ("… of 1234 interviews"), or null when the page shows none. */
export function listTotal(html: string): number | null {
  const match = /of (\d+) interviews?\b/.exec(html.replace(/<!-- -->/g, ""));
  return match ? Number(match[1]) : null;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

const dashboard = (params: Record<string, string>) => `/dashboard?${new URLSearchParams(params).toString()}`;

/** The pages to time on the database `db` (seeded by seedAtScale), with their expected totals. */
export async function listScalePages(db: pg.Client, now: Date): Promise<ScalePageContext> {
  const one = async (sql: string) => {
    const row = (await db.query<{ id: string }>(sql)).rows[0];
    if (!row) throw new Error(`the seed has no row for: ${sql}`);
    return row.id;
  };
  // A candidate with feedback from at least two interviews (the grid), and a debrief with evidence and feedback.
  const candidateId = await one(
    "SELECT a.candidate_id AS id FROM feedback f JOIN applications a ON a.id = f.application_id GROUP BY a.candidate_id HAVING count(*) >= 2 ORDER BY a.candidate_id LIMIT 1",
  );
  const debriefId = await one("SELECT e.interview_id AS id FROM interview_evidence e JOIN feedback f ON f.interview_id = e.interview_id ORDER BY e.interview_id LIMIT 1");
  const roleId = await one("SELECT id FROM roles WHERE slug = 'backend-engineer'");
  const interviewerId = await one("SELECT id FROM interviewers ORDER BY email LIMIT 1");
  // An interviewer's own account (the demo seed gives each panel member one; password SEED_PASSWORD).
  const interviewerEmail = await one("SELECT u.email AS id FROM users u JOIN interviewers i ON i.email = u.email WHERE u.role = 'INTERVIEWER' ORDER BY u.email LIMIT 1");
  const transcripts = Number((await db.query<{ n: string }>("SELECT count(*) AS n FROM interview_search_documents")).rows[0]?.n);

  // What a search must find: the documents matching the query (websearch_to_tsquery, as the
  // dashboard's field documents it), within the role and what the viewer may see.
  const matching = async (q: string, { role, viewer }: { role?: string; viewer?: string } = {}) =>
    Number(
      (
        await db.query<{ n: string }>(
          `SELECT count(*) AS n
             FROM interview_search_documents d
             JOIN interviews i ON i.id = d.interview_id
             LEFT JOIN applications a ON a.id = i.application_id
             LEFT JOIN interviewers iv ON iv.id = i.interviewer_id
            WHERE d.document @@ websearch_to_tsquery('english', $1)
              AND ($2::uuid IS NULL OR a.role_id = $2::uuid)
              AND ($3::text IS NULL OR iv.email = $3 OR i.interviewer_email = $3)`,
          [q, role ?? null, viewer ?? null],
        )
      ).rows[0]?.n,
    );
  // What an interviewer's list must count: the interviews their panel member or their host email runs.
  const visibleCount = async (email: string) =>
    Number(
      (await db.query<{ n: string }>(`SELECT count(*) AS n FROM interviews i LEFT JOIN interviewers iv ON iv.id = i.interviewer_id WHERE iv.email = $1 OR i.interviewer_email = $1`, [email])).rows[0]
        ?.n,
    );
  const searches: { name: string; q: string; role?: string; viewer?: string }[] = [
    { name: "search, rare word (zookeeper, ~2 %)", q: "zookeeper" },
    { name: "search, mid word (backfill, ~5 %)", q: "backfill" },
    { name: "search, in every transcript (advisory)", q: "advisory" },
    { name: 'search, phrase ("exactly-once delivery", ~5 %)', q: '"exactly-once delivery"' },
    { name: "search, negation (advisory -kubernetes, ~25 %)", q: "advisory -kubernetes" },
    { name: "search + role filter (advisory, backend engineer)", q: "advisory", role: roleId },
    { name: "search as an interviewer (advisory, own interviews)", q: "advisory", viewer: interviewerEmail },
    { name: `search, ${LONG_TRANSCRIPTS} long transcripts (heron, ~37 KB each)`, q: "heron" },
  ];
  const matches: ScalePageContext["matches"] = [];
  const searchPages: ScalePage[] = [];
  for (const s of searches) {
    const count = await matching(s.q, s);
    matches.push({ term: s.name, count });
    searchPages.push({
      name: `dashboard ${s.name}`,
      path: dashboard({ q: s.q, ...(s.role ? { role: s.role } : {}) }),
      expect: "Scale Candidate",
      viewer: s.viewer ? "interviewer" : "admin",
      total: count,
    });
  }

  const list = (name: string, params: Record<string, string>): ScalePage => ({ name: `dashboard ${name}`, path: dashboard(params), expect: "Scale Candidate", viewer: "admin", total: "some" });
  const dates = { from: day(new Date(now.getTime() - 30 * 86_400_000)), to: day(now), tz: "Europe/Paris" };
  const pages: ScalePage[] = [
    { name: "dashboard (default)", path: "/dashboard", expect: "Scale Candidate", viewer: "admin", total: "some" },
    list("role filter", { role: roleId }),
    list("interviewer filter", { interviewer: interviewerId }),
    list("status filter (completed)", { status: "completed" }),
    list("stage filter (offer)", { stage: "offer" }),
    list("feedback due", { feedback: "due" }),
    list("feedback overdue", { feedback: "overdue" }),
    list("dates (last 30 days)", dates),
    list("role + interviewer + status + dates", {
      role: roleId,
      interviewer: interviewerId,
      status: "completed",
      from: day(new Date(now.getTime() - 180 * 86_400_000)),
      to: day(now),
      tz: "Europe/Paris",
    }),
    list("page 300", { page: "300" }),
    // An interviewer's own list, the page they land on (their 75,000 interviews at the large size).
    { name: "dashboard as an interviewer (own interviews)", path: "/dashboard", expect: "Scale Candidate", viewer: "interviewer", total: await visibleCount(interviewerEmail) },
    ...searchPages,
    { name: "candidate page", path: `/dashboard/candidates/${candidateId}`, expect: "Scale Candidate", viewer: "admin" },
    { name: "debrief page", path: `/dashboard/interviews/${debriefId}`, expect: "Transcript", viewer: "admin" },
    { name: "interviewer load (/settings/load)", path: "/settings/load", expect: "Interview load", viewer: "admin" },
    { name: "webhook deliveries (/settings/webhooks)", path: "/settings/webhooks", expect: "scale-notification-", viewer: "admin" },
    { name: "webhook deliveries, dead letters", path: "/settings/webhooks?status=dead", expect: "scale-notification-", viewer: "admin" },
  ];
  return { pages, interviewerEmail, transcripts, matches };
}

/** Whether the total a page showed is the one it must show; the reason when not. */
export function checkTotal(page: ScalePage, shown: number | null): string | null {
  if (page.total === undefined) return null;
  if (page.total === "some") return shown !== null && shown > 0 ? null : "the list shows no interviews (the figure would time an empty page)";
  return shown === page.total ? null : `shows ${shown ?? "no"} interviews, ${page.total} match`;
}
