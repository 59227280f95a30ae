/**
 * The ranked transcript search on real Postgres (issue 18, lib/interviews/search.ts through
 * listInterviews with `q`): one document per interview, so words said on different lines match and
 * a phrase may span a line break; a phrase, an exclusion; relevance order with the filters and the
 * viewer's visibility inside the query; an exact total and the ranking cap (the MAX_RANKED most recent
 * matches ranked, the older ones after them by date); snippets whose matched words come back as
 * parts to mark, never as HTML; the document written with the lines (saveParsedContent) and
 * replaced by a newer transcript, and its copies of the interview's date, interviewer and
 * application following every change of the interview.
 */
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { listInterviews, type InterviewViewer } from "@/lib/interviews/queries";
import { MAX_RANKED, SNIPPET_WHOLE_BYTES } from "@/lib/interviews/search";
import { SNIPPET_FRAGMENT, SNIPPET_START, SNIPPET_STOP } from "@/lib/interviews/snippet";
import { writeSearchDocument } from "@/lib/interviews/search-document";
import { saveParsedContent } from "@/lib/media/parsed-content";
import { DEFAULT_INTERVIEW_FILTERS, type TInterviewFilters } from "@/lib/validations/interviews";
import { seedDemoRoster } from "../support/demo-roster";
import { openTestDatabase } from "../support/database";

const prisma = openTestDatabase({ resetBeforeEach: true });

const NOW = new Date("2026-03-10T12:00:00.000Z");
const at = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);
const SARAH = "sarah.kim@northwind.example";
const MARCUS = "marcus.johnson@northwind.example";
const RECRUITER: InterviewViewer = { email: "recruiter@example.com", role: "RECRUITER" };

let roleIds: Record<string, string> = {};
let interviewerIds: Record<string, string> = {};

beforeEach(async () => {
  ({ roleIds, interviewerIds } = await seedDemoRoster(prisma, NOW));
});

type Line = [speaker: string | null, text: string];

/** An interview (its candidate applied to `role`) whose stored transcript says `lines`. */
async function interviewSaying(lines: Line[], { startsAt = at(-24), interviewer = SARAH, role = "backend-engineer" } = {}): Promise<string> {
  const email = `${randomUUID()}@example.org`;
  const candidate = await prisma.candidate.create({ data: { name: "Search Candidate", email, emailRaw: email }, select: { id: true } });
  const application = await prisma.application.create({ data: { candidateId: candidate.id, roleId: roleIds[role]! }, select: { id: true } });
  const interview = await prisma.interview.create({
    data: {
      bookingId: randomUUID(),
      candidateId: candidate.id,
      applicationId: application.id,
      interviewerId: interviewerIds[interviewer]!,
      interviewerEmail: interviewer,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 45 * 60_000),
      status: "COMPLETED",
    },
    select: { id: true },
  });
  const asset = await prisma.mediaAsset.create({ data: { interviewId: interview.id, kind: "TRANSCRIPT", source: "UPLOAD", status: "STORED", storedAt: NOW }, select: { id: true } });
  // As an upload stores it: the lines and the document, in one transaction.
  await prisma.$transaction((tx) =>
    saveParsedContent(tx, interview.id, asset.id, { kind: "TRANSCRIPT", segments: lines.map(([speaker, text]) => ({ speaker, text, startMs: null, endMs: null })) }, NOW),
  );
  return interview.id;
}

const search = (q: string, filters: Partial<TInterviewFilters> = {}, viewer: InterviewViewer = RECRUITER) => listInterviews(viewer, { ...DEFAULT_INTERVIEW_FILTERS, ...filters, q }, { now: NOW });
const ids = async (q: string, filters: Partial<TInterviewFilters> = {}, viewer?: InterviewViewer) => (await search(q, filters, viewer)).rows.map((r) => r.id);

describe("listInterviews with q: the ranked transcript search", () => {
  it("matches words said on different lines, a phrase across a line break, and leaves out an excluded word", async () => {
    const spread = await interviewSaying([
      ["Sarah Kim", "How would you shard the ledger?"],
      ["Candidate", "By merchant, then I would add replicas."],
    ]);
    const phrase = await interviewSaying([
      [null, "We moved to a second"],
      [null, "region last year."],
    ]);
    expect(await ids("ledger replicas")).toEqual([spread]); // two lines, one interview
    expect(await ids('"second region"')).toEqual([phrase]); // the line break is not a gap
    expect(await ids('"replicas merchant"')).toEqual([]); // a phrase keeps its order
    expect(await ids("shard -replicas")).toEqual([]);
    expect(await ids("region -ledger")).toEqual([phrase]);
    expect(await ids("sarah")).toEqual([spread]); // the speaker is part of the line
  });

  it("ranks by relevance before date, keeps the filters and the viewer inside the query, and counts every match", async () => {
    const onceRecent = await interviewSaying([[null, "We talked about idempotency once."]], { startsAt: at(-1) });
    const oftenOld = await interviewSaying(
      [
        [null, "Idempotency keys everywhere."],
        [null, "Idempotency of the consumer, idempotency of the writer."],
      ],
      { startsAt: at(-500), interviewer: MARCUS },
    );
    const designer = await interviewSaying([[null, "Idempotency in a design review?"]], { startsAt: at(-2), role: "product-designer" });
    await interviewSaying([[null, "Nothing relevant here."]]);

    const list = await search("idempotent");
    expect(list.rows.map((r) => r.id)).toEqual([oftenOld, onceRecent, designer]);
    expect(list).toMatchObject({ total: 3, page: 1, pageCount: 1, search: { rankedCount: 3, isCapped: false } });
    expect(await ids("idempotency", { roleId: roleIds["product-designer"] })).toEqual([designer]);
    expect(await ids("idempotency", { interviewerId: interviewerIds[MARCUS] })).toEqual([oftenOld]);
    expect(await ids("idempotency", { status: "CANCELLED" })).toEqual([]);
    // An interviewer: only the interviews they ran, whatever the words.
    expect(await ids("idempotency", {}, { email: MARCUS, role: "INTERVIEWER" })).toEqual([oftenOld]);
    expect(await ids("idempotency", {}, { email: "nobody@example.org", role: "INTERVIEWER" })).toEqual([]);
    // No q: the usual date order, and no snippets.
    const plain = await listInterviews(RECRUITER, DEFAULT_INTERVIEW_FILTERS, { now: NOW });
    expect(plain.search).toBeNull();
    expect(plain.rows.every((r) => r.snippet === null)).toBe(true);
  });

  it("returns snippets whose matched words are parts to mark, and the transcript's text as plain text", async () => {
    const hostile = await interviewSaying([
      ["Candidate", "If p99 < 5 ms & the queue is empty, I retry the payment with backoff <img src=x onerror=alert(1)>."],
      ["Sarah Kim", "Why backoff?"],
      // The snippet markers are control characters; one in a transcript is not a marker.
      ["Candidate", "Because the \u0002provider\u0003 throttles."],
    ]);
    const [row] = (await search("backoff provider")).rows;
    expect(row!.id).toBe(hostile);
    const parts = row!.snippet!.flat();
    expect(parts.filter((p) => p.highlighted).map((p) => p.text.toLowerCase())).toEqual(expect.arrayContaining(["backoff", "provider"]));
    // Verbatim text of the transcript (whose stored copy has no markers): nothing escaped or added
    // ("<", "&" and all; React escapes them when it renders the parts).
    const content = (await prisma.interviewSearchDocument.findUniqueOrThrow({ where: { interviewId: hostile } })).content;
    expect([SNIPPET_START, SNIPPET_STOP, SNIPPET_FRAGMENT].some((marker) => content.includes(marker) || parts.some((p) => p.text.includes(marker)))).toBe(false);
    for (const fragment of row!.snippet!) expect(content.replace(/\s+/g, " ")).toContain(fragment.map((p) => p.text).join(""));
    // An exclusion-only search matches without a word to mark: no snippet.
    const other = await interviewSaying([[null, "Plain words."]]);
    const excluded = await search("-backoff");
    expect(excluded.rows.map((r) => r.id)).toEqual([other]);
    expect(excluded.rows[0]!.snippet).toBeNull();
    // A word or an exclusion ('backoff' | !'java'): the word is still marked.
    const either = (await search("backoff or -java")).rows.find((r) => r.id === hostile);
    expect(
      either!
        .snippet!.flat()
        .filter((p) => p.highlighted)
        .map((p) => p.text.toLowerCase()),
    ).toContain("backoff");
  });

  it("highlights a long transcript in a window around its first match, in whole words, or whole when that window marks nothing", async () => {
    const filler = (n: number): Line[] => Array.from({ length: n }, (_, i) => ["Candidate", `Point ${i}: we had a long discussion about the roadmap and the team.`]);
    // The word is said once, about 10 KB into the transcript.
    const deep = await interviewSaying([...filler(150), ["Sarah Kim", "What about the flamingo migration?"], ...filler(100)]);
    // "art" is first found inside "started" (a window there marks nothing); the word itself comes 8 KB later.
    const inside = await interviewSaying([["Candidate", "We started early."], ...filler(120), ["Candidate", "I studied art history."], ...filler(20)]);
    for (const [q, id] of [
      ["flamingo", deep],
      ["art", inside],
    ] as const) {
      const content = (await prisma.interviewSearchDocument.findUniqueOrThrow({ where: { interviewId: id } })).content;
      expect(Buffer.byteLength(content)).toBeGreaterThan(2 * SNIPPET_WHOLE_BYTES);
      const [row] = (await search(q)).rows;
      expect(row!.id).toBe(id);
      expect(
        row!
          .snippet!.flat()
          .filter((p) => p.highlighted)
          .map((p) => p.text.toLowerCase()),
      ).toContain(q);
      const text = ` ${content.replace(/\s+/g, " ")} `;
      // Each fragment is the transcript's own words, whole: a space (or the text's end) on either side.
      for (const fragment of row!.snippet!)
        expect(text).toContain(
          ` ${fragment
            .map((p) => p.text)
            .join("")
            .trim()} `,
        );
    }
  });

  it("keeps the document with its transcript: a newer transcript replaces it", async () => {
    const interviewId = await interviewSaying([[null, "We used Cassandra."]]);
    expect(await ids("cassandra")).toEqual([interviewId]);
    const asset = await prisma.mediaAsset.findFirstOrThrow({ where: { interviewId }, select: { id: true } });
    await prisma.$transaction((tx) => saveParsedContent(tx, interviewId, asset.id, { kind: "TRANSCRIPT", segments: [{ speaker: null, text: "We used Postgres.", startMs: null, endMs: null }] }, NOW));
    expect(await ids("cassandra")).toEqual([]);
    expect(await ids("postgres")).toEqual([interviewId]);
    expect(await prisma.interviewSearchDocument.findUniqueOrThrow({ where: { interviewId }, select: { content: true, lineCount: true } })).toEqual({ content: "We used Postgres.", lineCount: 1 });
  });

  it("keeps the document's copies of its interview in step: a reschedule, a reassignment, another application, and a rewritten document", async () => {
    const COPIED = {
      startsAt: true,
      endsAt: true,
      status: true,
      interviewerId: true,
      interviewerEmail: true,
      applicationId: true,
      applicationRoleId: true,
      applicationStage: true,
    } as const;
    const interviewId = await interviewSaying([[null, "We sharded the ledger by tenant."]], { startsAt: at(-24), interviewer: SARAH });
    const copies = () => prisma.interviewSearchDocument.findUniqueOrThrow({ where: { interviewId }, select: COPIED });
    const interview = () => prisma.interview.findUniqueOrThrow({ where: { id: interviewId }, select: COPIED });
    expect(await copies()).toEqual(await interview());
    const yesterday = { from: "2026-03-09", to: "2026-03-09", tz: "UTC" };
    expect(await ids("ledger", yesterday)).toEqual([interviewId]);

    // Rescheduled to next week (as a booking update writes it): the days and status filters follow.
    await prisma.interview.update({ where: { id: interviewId }, data: { startsAt: at(24 * 7), endsAt: at(24 * 7 + 1), status: "RESCHEDULED" } });
    expect(await copies()).toEqual(await interview());
    expect(await ids("ledger", yesterday)).toEqual([]);
    expect(await ids("ledger", { from: "2026-03-17", to: "2026-03-17", tz: "UTC" })).toEqual([interviewId]);
    expect(await ids("ledger", { status: "COMPLETED" })).toEqual([]);
    expect(await ids("ledger", { status: "RESCHEDULED" })).toEqual([interviewId]);

    // Reassigned to Marcus (and by raw SQL: whoever writes, the database passes it on).
    await prisma.$executeRaw`UPDATE interviews SET interviewer_id = ${interviewerIds[MARCUS]!}::uuid, interviewer_email = ${MARCUS} WHERE id = ${interviewId}::uuid`;
    expect(await copies()).toEqual(await interview());
    expect(await ids("ledger", {}, { email: SARAH, role: "INTERVIEWER" })).toEqual([]);
    expect(await ids("ledger", {}, { email: MARCUS, role: "INTERVIEWER" })).toEqual([interviewId]);
    expect(await ids("ledger", { interviewerId: interviewerIds[MARCUS] })).toEqual([interviewId]);

    // Moved to an application for another role.
    const { candidateId } = await prisma.interview.findUniqueOrThrow({ where: { id: interviewId }, select: { candidateId: true } });
    const designer = await prisma.application.create({ data: { candidateId: candidateId!, roleId: roleIds["product-designer"]! }, select: { id: true } });
    await prisma.interview.update({ where: { id: interviewId }, data: { applicationId: designer.id } });
    expect(await copies()).toEqual(await interview());
    expect(await ids("ledger", { roleId: roleIds["backend-engineer"] })).toEqual([]);
    expect(await ids("ledger", { roleId: roleIds["product-designer"] })).toEqual([interviewId]);

    // A decision on that application: the Stage filter follows (through the interview's copy).
    await prisma.application.update({ where: { id: designer.id }, data: { stage: "OFFER" } });
    expect(await copies()).toEqual(await interview());
    expect(await ids("ledger", { stage: "INTERVIEWING" })).toEqual([]);
    expect(await ids("ledger", { stage: "OFFER" })).toEqual([interviewId]);

    // Completed, then its feedback submitted: the Feedback filter follows.
    await prisma.interview.update({ where: { id: interviewId }, data: { status: "COMPLETED", startsAt: at(-30), endsAt: at(-29) } });
    expect(await copies()).toEqual(await interview());
    expect(await ids("ledger", { feedback: "OVERDUE" })).toEqual([interviewId]);
    const author = await prisma.user.create({ data: { email: MARCUS, name: "Marcus", role: "INTERVIEWER", passwordHash: "unused" }, select: { id: true } });
    await prisma.feedback.create({ data: { interviewId, authorId: author.id, submittedAt: NOW, revision: 1 } });
    expect(await copies()).toEqual(await interview());
    expect(await ids("ledger", { feedback: "DUE" })).toEqual([]);

    // Unscheduled (a booking still being looked up), then the transcript rewritten: still the interview's values.
    await prisma.interview.update({ where: { id: interviewId }, data: { startsAt: null, endsAt: null } });
    expect(await copies()).toEqual({ ...(await interview()), startsAt: null, endsAt: null });
    // A rewritten document takes them from its interview again, whatever it held (here: copies
    // set wrong by hand, which nothing in the application does).
    await prisma.$executeRaw`UPDATE interview_search_documents SET starts_at = now(), interviewer_email = 'someone@example.org' WHERE interview_id = ${interviewId}::uuid`;
    const asset = await prisma.mediaAsset.findFirstOrThrow({ where: { interviewId }, select: { id: true } });
    await prisma.$transaction((tx) => saveParsedContent(tx, interviewId, asset.id, { kind: "TRANSCRIPT", segments: [{ speaker: null, text: "The ledger again.", startMs: null, endMs: null }] }, NOW));
    expect(await copies()).toEqual(await interview());
  });

  it(`ranks only the ${MAX_RANKED} most recent matches, lists the older ones after them by date, and counts them all`, async () => {
    const total = MAX_RANKED + 25;
    // Interview n started n hours ago; the oldest one says the word most often (it would rank first
    // if it were ranked), the newest just once.
    const interviewIds: string[] = Array.from({ length: total }, () => randomUUID());
    await prisma.interview.createMany({
      data: interviewIds.map((id, n) => ({
        id,
        bookingId: randomUUID(),
        startsAt: at(-1 - n),
        endsAt: at(-n),
        status: "COMPLETED" as const,
        interviewerId: interviewerIds[SARAH]!,
        interviewerEmail: SARAH,
      })),
    });
    const assetIds = interviewIds.map(() => randomUUID());
    await prisma.mediaAsset.createMany({
      data: interviewIds.map((interviewId, n) => ({ id: assetIds[n]!, interviewId, kind: "TRANSCRIPT" as const, source: "UPLOAD" as const, status: "STORED" as const })),
    });
    for (let n = 0; n < total; n++) {
      await writeSearchDocument(prisma, interviewIds[n]!, assetIds[n]!, [{ speaker: null, text: `${"throughput ".repeat(n === total - 1 ? 50 : 1 + (n % 7))}and more words` }]);
    }

    const first = await search("throughput");
    expect(first).toMatchObject({ total, pageCount: Math.ceil(total / 20), search: { rankedCount: MAX_RANKED, isCapped: true } });
    expect(first.rows).toHaveLength(20);
    // Ranked within the recent set: six repetitions (n % 7 === 5) come first; the oldest is not ranked.
    expect(first.rows[0]!.id).not.toBe(interviewIds[total - 1]);
    expect(first.rows.every((r) => interviewIds.indexOf(r.id) % 7 === 6)).toBe(true);
    // The last page: the 25 older matches follow in date order (most recent first).
    const last = await search("throughput", { page: Math.ceil(total / 20) });
    expect(last.rows.map((r) => r.id)).toEqual(interviewIds.slice(total - (total % 20 || 20)));
    // Every match exactly once across the pages.
    const seen = new Set<string>();
    for (let page = 1; page <= first.pageCount; page++) for (const row of (await search("throughput", { page })).rows) seen.add(row.id);
    expect(seen.size).toBe(total);
    // A page past the end is the last page.
    expect((await search("throughput", { page: 999 })).page).toBe(first.pageCount);
  });
});
