/**
 * A candidate's data export (DESIGN "Erasure and export"): one ZIP of `candidate.json` — everything
 * held about them: the candidate, applications, interviews (consent records, transcripts, summaries,
 * action items, feedback with its revisions, emails sent), audit entries and deletion records about
 * them — and their stored media files under `media/<interview>/<file>`. A transcript's search
 * document (lib/interviews/search-document.ts) is the same lines joined again, so the transcript's
 * lines stand for it.
 *
 * Streamed end to end (lib/privacy/zip.ts): transcript lines are read a page at a time and files
 * chunk by chunk as the client reads, so memory stays flat whatever the size. An erasure during
 * the download stops it: between files and every few MB the export checks that the candidate still
 * exists and otherwise fails the stream (the ZIP is never completed; nothing is written on the server).
 */
import "server-only";
import { db } from "@/lib/db";
import { notFoundError } from "@/lib/errors";
import { getMediaStorage, type MediaStorage } from "@/lib/storage";
import { recordAudit, type AuditActor } from "@/lib/settings/audit";
import { writeZip, type ZipEntry } from "./zip";

export type CandidateExport = {
  /** No personal data: candidate-<id>.zip. */
  fileName: string;
  body: AsyncGenerator<Uint8Array, void, undefined>;
};

export type ExportOptions = {
  storage?: MediaStorage;
  /** Check that the candidate still exists after this many streamed bytes (and between files). */
  checkEveryBytes?: number;
  /** Transcript lines per database page. */
  segmentPage?: number;
};

export class CandidateErasedError extends Error {
  constructor() {
    super("The candidate was erased while their data was being downloaded; the download was stopped.");
    this.name = "CandidateErasedError";
  }
}

const CHECK_EVERY_BYTES = 8 * 1024 * 1024;
const SEGMENT_PAGE = 2_000;

/** JSON with BigInt sizes as numbers (media sizes fit in 2^53). */
const toJson = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? Number(v) : v));

/** A file name safe as one path segment inside the archive. */
export function archiveFileName(name: string | null, fallback: string): string {
  // Control characters, "/" and "\\" become "_"; a leading dot too (no hidden or ".." segment).
  const cleaned = [...(name ?? "")]
    .map((c) => (c.charCodeAt(0) < 0x20 || c === "\u007f" || c === "/" || c === "\\" ? "_" : c))
    .join("")
    .replace(/^\.+/, "_")
    .slice(0, 120);
  return cleaned || fallback;
}

async function loadRecord(candidateId: string) {
  const candidate = await db.candidate.findUnique({ where: { id: candidateId } });
  if (!candidate) return null;
  const applications = await db.application.findMany({ where: { candidateId }, include: { role: { select: { id: true, title: true } } }, orderBy: { createdAt: "asc" } });
  const applicationIds = applications.map((a) => a.id);
  const interviews = await db.interview.findMany({
    where: { OR: [{ candidateId }, { applicationId: { in: applicationIds } }] },
    orderBy: [{ startsAt: "asc" }, { createdAt: "asc" }],
    include: {
      interviewer: { select: { name: true, email: true } },
      // Nylas's pre-authenticated download URLs are secrets, not the candidate's data.
      mediaAssets: { omit: { sourceUrl: true }, orderBy: { createdAt: "asc" } },
      actionItems: { orderBy: { position: "asc" } },
      evidence: true,
      feedback: { include: { author: { select: { name: true, email: true } }, revisions: { orderBy: { number: "asc" } } }, orderBy: { createdAt: "asc" } },
      outgoingEmails: { orderBy: { createdAt: "asc" } },
    },
  });
  const interviewIds = interviews.map((i) => i.id);
  const subjectIds = [candidateId, ...applicationIds, ...interviewIds];
  const auditEntries = await db.auditLog.findMany({
    where: {
      OR: [
        { entityType: "candidate", entityId: candidateId },
        { entityType: "application", entityId: { in: applicationIds } },
      ],
    },
    orderBy: { createdAt: "asc" },
  });
  const deletionRecords = await db.deletionRecord.findMany({ where: { subjectId: { in: subjectIds } }, orderBy: { createdAt: "asc" } });
  return { candidate, applications, interviews, auditEntries, deletionRecords };
}

type ExportRecord = NonNullable<Awaited<ReturnType<typeof loadRecord>>>;

/** candidate.json, streamed: everything but the transcripts at once (small), each interview's transcript a page at a time. */
async function* candidateJson(record: ExportRecord, exportedAt: Date, segmentPage: number): AsyncGenerator<Uint8Array> {
  const { interviews, ...rest } = record;
  const head = toJson({ format: "candidate-export/1", exportedAt, ...rest });
  yield Buffer.from(`${head.slice(0, -1)},"interviews":[`);
  for (const [index, interview] of interviews.entries()) {
    const body = toJson(interview);
    yield Buffer.from(`${index > 0 ? "," : ""}${body.slice(0, -1)},"transcript":[`);
    let after = -1;
    let first = true;
    for (;;) {
      const page = await db.transcriptSegment.findMany({
        where: { interviewId: interview.id, position: { gt: after } },
        orderBy: { position: "asc" },
        take: segmentPage,
        select: { position: true, speaker: true, startMs: true, endMs: true, text: true },
      });
      if (page.length === 0) break;
      yield Buffer.from((first ? "" : ",") + page.map((s) => toJson(s)).join(","));
      first = false;
      after = page[page.length - 1]!.position;
    }
    yield Buffer.from("]}");
  }
  yield Buffer.from("]}\n");
}

/** Passes a file's chunks through, checking every `everyBytes` that the candidate still exists. */
async function* guarded(source: AsyncIterable<Uint8Array>, everyBytes: number, check: () => Promise<void>): AsyncGenerator<Uint8Array> {
  let sinceCheck = 0;
  for await (const chunk of source) {
    sinceCheck += chunk.byteLength;
    if (sinceCheck >= everyBytes) {
      sinceCheck = 0;
      await check();
    }
    yield chunk;
  }
}

/**
 * Opens a candidate's export for an admin and audits it (who, when — the entry names the candidate
 * by id only). 404 when there is no such candidate. The archive is produced as `body` is read.
 */
export async function openCandidateExport(actor: AuditActor, candidateId: string, options: ExportOptions = {}): Promise<CandidateExport> {
  const storage = options.storage ?? getMediaStorage();
  const everyBytes = options.checkEveryBytes ?? CHECK_EVERY_BYTES;
  const record = await loadRecord(candidateId);
  if (!record) throw notFoundError("No such candidate.");
  await db.$transaction((tx) => recordAudit(tx, actor, { entityType: "candidate", entityId: candidateId, entityLabel: "Candidate data export", action: "exported", changes: [] }));

  const check = async () => {
    if ((await db.candidate.count({ where: { id: candidateId } })) === 0) throw new CandidateErasedError();
  };
  const exportedAt = new Date();
  async function* entries(): AsyncGenerator<ZipEntry> {
    yield { name: "candidate.json", modifiedAt: exportedAt, open: () => candidateJson(record!, exportedAt, options.segmentPage ?? SEGMENT_PAGE) };
    for (const interview of record!.interviews) {
      const used = new Set<string>();
      for (const asset of interview.mediaAssets) {
        if (asset.status !== "STORED" || !asset.storageKey) continue;
        let name = archiveFileName(asset.fileName, asset.kind.toLowerCase());
        if (used.has(name)) name = `${asset.kind.toLowerCase()}-${name}`;
        used.add(name);
        const key = asset.storageKey;
        await check();
        yield {
          name: `media/${interview.id}/${name}`,
          modifiedAt: asset.storedAt ?? asset.updatedAt,
          size: asset.size === null ? null : Number(asset.size),
          open: async () => guarded(await storage.read(key), everyBytes, check),
        };
      }
    }
    await check();
  }
  return { fileName: `candidate-${candidateId}.zip`, body: writeZip(entries()) };
}

/** A pull-based web stream over the archive: the next chunk is produced only when the client has taken the last; cancel closes the open file. */
export function toReadableStream(body: AsyncGenerator<Uint8Array, void, undefined>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = await body.next();
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        } catch (error) {
          if (!(error instanceof CandidateErasedError)) console.error("[export] stopped", error);
          controller.error(error);
        }
      },
      async cancel() {
        await body.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
