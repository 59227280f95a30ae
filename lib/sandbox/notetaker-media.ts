import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { createReadStream } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { decideRange, rangeHeaders } from "@/lib/http/range";
import { SandboxApiError } from "./errors";
import type { NotetakerWebhookMedia } from "./notetaker-payloads";
import { describeSampleFile, getSampleInterview, SAMPLES_DIR, type SampleSpeakerKey } from "./notetaker-samples";
import { summarizeInterview } from "./summary/summarize";

/**
 * The sandbox Notetaker's media, as Nylas serves it (nylas-contract §5): files behind
 * pre-authenticated URLs that expire after `ttl` (SANDBOX_MEDIA_URL_TTL_S), deleted at
 * `expires_at` (SANDBOX_MEDIA_RETENTION_S after they were made). The media endpoint hands out
 * fresh URLs. Test knobs (`faults` on the notetaker) make downloads fail, break off, or arrive
 * with the wrong bytes.
 */

const MEDIA_KINDS = ["recording", "transcript", "summary", "action_items", "thumbnail"] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];
const isMediaKind = (value: string): value is MediaKind => (MEDIA_KINDS as readonly string[]).includes(value);

type Tx = Prisma.TransactionClient;
type FileRow = Prisma.SandboxNotetakerFileGetPayload<object>;

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

// ───────────────────────────── Signed URLs ─────────────────────────────

function signingKey(): Buffer {
  return createHmac("sha256", "sandbox-notetaker-media").update(getEnv().NYLAS_SANDBOX_API_KEY).digest();
}

function signature(notetakerId: string, kind: string, expires: number): string {
  return createHmac("sha256", signingKey()).update(`${notetakerId}.${kind}.${expires}`).digest("hex");
}

function signMediaUrl(file: { notetakerId: string; kind: string; name: string }, now: Date): { url: string; expiresAt: number; ttl: number } {
  const ttl = getEnv().SANDBOX_MEDIA_URL_TTL_S;
  const expires = seconds(now) + ttl;
  const query = new URLSearchParams({ expires: String(expires), signature: signature(file.notetakerId, file.kind, expires) });
  const url = `${getEnv().appOrigin}/v3/sandbox/media/${file.notetakerId}/${file.kind}/${encodeURIComponent(file.name)}?${query}`;
  return { url, expiresAt: expires, ttl };
}

function isValidSignature(notetakerId: string, kind: string, expires: number, given: string): boolean {
  const expected = Buffer.from(signature(notetakerId, kind, expires), "hex");
  const actual = /^[0-9a-f]{64}$/.test(given) ? Buffer.from(given, "hex") : Buffer.alloc(0);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// ───────────────────────────── Synthetic recordings (benchmarks) ─────────────────────────────

// Large chunks keep the sandbox's own per-chunk cost (web streams, HTTP framing) small, so a
// benchmark measures the downloader rather than the server.
const BLOCK = 1024 * 1024;
const syntheticBlocks = new Map<string, Buffer>();

/** A deterministic 1 MiB block per seed; a synthetic file repeats it. */
function syntheticBlock(seed: string): Buffer {
  let block = syntheticBlocks.get(seed);
  if (!block) {
    const parts: Buffer[] = [];
    for (let i = 0; i * 32 < BLOCK; i++) parts.push(createHash("sha256").update(`${seed}:${i}`).digest());
    block = Buffer.concat(parts).subarray(0, BLOCK);
    syntheticBlocks.set(seed, block);
  }
  return block;
}

async function* syntheticBytes(seed: string, start: number, end: number): AsyncGenerator<Buffer> {
  const block = syntheticBlock(seed);
  let offset = start;
  while (offset <= end) {
    const at = offset % BLOCK;
    const length = Math.min(BLOCK - at, end - offset + 1);
    yield block.subarray(at, at + length);
    offset += length;
  }
}

/** sha256 of a synthetic file (streamed once; a 500 MB file takes about a second). */
export async function describeSyntheticFile(seed: string, size: number): Promise<{ size: number; sha256: string }> {
  const hash = createHash("sha256");
  for await (const chunk of syntheticBytes(seed, 0, size - 1)) hash.update(chunk);
  return { size, sha256: hash.digest("hex") };
}

// ───────────────────────────── Making the files ─────────────────────────────

type NotetakerForMedia = {
  id: string;
  sampleId: string;
  speakers: Partial<Record<SampleSpeakerKey, string>>;
  meetingSettings: Record<string, unknown>;
  syntheticRecordingBytes: bigint | null;
};

const json = (value: unknown) => Buffer.from(JSON.stringify(value, null, 2));

function instructionsOf(settings: Record<string, unknown>, key: "summary_settings" | "action_items_settings"): string {
  const block = settings[key];
  const text = block && typeof block === "object" ? (block as Record<string, unknown>).custom_instructions : undefined;
  return typeof text === "string" ? text : "";
}

/**
 * Produces a notetaker's media when its processing finishes: the sample's recording (MP4, or MP3
 * when only audio was recorded), a speaker-labelled transcript with the real participants' names,
 * and a summary and action items made from that transcript following the custom instructions.
 * What the meeting settings turned off is not produced. Returns the webhook's `media`.
 */
export async function createMediaFiles(tx: Tx, notetaker: NotetakerForMedia, now: Date, synthetic?: { size: number; sha256: string }): Promise<NotetakerWebhookMedia> {
  const sample = getSampleInterview(notetaker.sampleId);
  if (!sample) throw new Error(`Sample interview ${notetaker.sampleId} is missing.`);
  const settings = notetaker.meetingSettings;
  const on = (key: string) => settings[key] !== false;
  const rows: Omit<FileRow, "createdAt">[] = [];
  const durationSeconds = Math.round(sample.durationMs / 1000);

  const base = { notetakerId: notetaker.id, content: null, samplePath: null, durationSeconds: null } as const;
  if (on("video_recording") || on("audio_recording")) {
    const video = on("video_recording");
    if (synthetic) {
      rows.push({ ...base, kind: "recording", name: "meeting_recording.mp4", contentType: "video/mp4", size: BigInt(synthetic.size), sha256: synthetic.sha256, durationSeconds });
    } else {
      const file = video ? sample.files.mp4 : sample.files.mp3;
      const facts = await describeSampleFile(file);
      rows.push({
        ...base,
        kind: "recording",
        name: video ? "meeting_recording.mp4" : "meeting_recording.mp3",
        contentType: video ? "video/mp4" : "audio/mpeg",
        size: BigInt(facts.size),
        sha256: facts.sha256,
        samplePath: path.relative(SAMPLES_DIR, file),
        durationSeconds,
      });
    }
    if (video) {
      const facts = await describeSampleFile(sample.files.thumbnail);
      rows.push({
        ...base,
        kind: "thumbnail",
        name: "thumbnail.png",
        contentType: "image/png",
        size: BigInt(facts.size),
        sha256: facts.sha256,
        samplePath: path.relative(SAMPLES_DIR, sample.files.thumbnail),
      });
    }
  }

  if (on("transcription")) {
    const nameOf = (key: SampleSpeakerKey) => notetaker.speakers[key] ?? { interviewer: "Interviewer", candidate: "Candidate", second_interviewer: "Second interviewer" }[key];
    const segments = sample.segments.map((s) => ({ speaker: nameOf(s.speaker), start: s.start, end: s.end, text: s.text }));
    const addGenerated = (kind: string, name: string, content: Buffer) =>
      rows.push({ ...base, kind, name, contentType: "application/json", size: BigInt(content.length), sha256: createHash("sha256").update(content).digest("hex"), content: new Uint8Array(content) });
    addGenerated("transcript", "meeting_transcript.json", json({ object: "transcript", type: "speaker_labelled", transcript: segments }));
    const { summary, actionItems } = summarizeInterview({
      segments,
      summaryInstructions: instructionsOf(settings, "summary_settings"),
      actionItemsInstructions: instructionsOf(settings, "action_items_settings"),
    });
    if (on("summary")) addGenerated("summary", "meeting_summary.json", json(summary));
    if (on("action_items")) addGenerated("action_items", "meeting_action_items.json", json(actionItems));
  }

  await tx.sandboxNotetakerFile.deleteMany({ where: { notetakerId: notetaker.id } });
  await tx.sandboxNotetakerFile.createMany({ data: rows.map((r) => ({ ...r, createdAt: now })) });

  const media: NotetakerWebhookMedia = { retained_until: seconds(now) + getEnv().SANDBOX_MEDIA_RETENTION_S };
  for (const row of rows) {
    const { url } = signMediaUrl({ notetakerId: row.notetakerId, kind: row.kind, name: row.name }, now);
    if (row.kind === "recording") {
      media.recording = url;
      media.recording_duration = String(row.durationSeconds ?? durationSeconds);
      media.recording_file_format = row.contentType === "audio/mpeg" ? "mp3" : "mp4";
    } else media[row.kind as "transcript" | "summary" | "action_items" | "thumbnail"] = url;
  }
  return media;
}

// ───────────────────────────── The media endpoint ─────────────────────────────

/** `data` of GET …/notetakers/{id}/media: fresh URLs for every file there is. */
export async function describeMediaFiles(notetakerId: string, now: Date, expiresAt: Date) {
  const files = await db.sandboxNotetakerFile.findMany({ where: { notetakerId }, orderBy: { kind: "asc" } });
  const media: Record<string, unknown> = {};
  for (const file of files) {
    const signed = signMediaUrl({ notetakerId, kind: file.kind, name: file.name }, now);
    media[file.kind] = {
      url: signed.url,
      name: file.name,
      type: file.contentType,
      size: Number(file.size),
      ...(file.kind === "recording" && file.durationSeconds !== null ? { duration: file.durationSeconds } : {}),
      created_at: seconds(file.createdAt),
      expires_at: seconds(expiresAt),
      ttl: signed.ttl,
    };
  }
  return media;
}

// ───────────────────────────── Serving a file ─────────────────────────────

export type MediaFaults = {
  /** Answer the next `count` downloads with `status` (default 503). */
  fail?: { count: number; status?: number };
  /** Break off the next `count` downloads after `after_bytes` bytes (the connection drops). */
  truncate?: { count: number; after_bytes?: number };
  /** Send `bytes` extra bytes with the next `count` downloads (a size mismatch). */
  pad?: { count: number; bytes?: number };
  /** Flip a byte in the next `count` downloads (a checksum mismatch). */
  corrupt?: { count: number };
  /** Slow the next `count` downloads to about `bytes_per_second`. */
  throttle?: { count: number; bytes_per_second?: number };
};

type ActiveFaults = { fail?: number; truncateAfter?: number; pad?: number; corrupt?: boolean; throttle?: number };

/** Takes (and uses up) the faults that apply to this download, atomically across instances. */
async function takeFaults(notetakerId: string): Promise<ActiveFaults> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ faults: MediaFaults }[]>`SELECT faults FROM sandbox_notetakers WHERE id = ${notetakerId} FOR UPDATE`;
    const faults = { ...(rows[0]?.faults ?? {}) } as MediaFaults;
    const active: ActiveFaults = {};
    const use = <K extends keyof MediaFaults>(key: K): MediaFaults[K] | undefined => {
      const fault = faults[key];
      if (!fault || fault.count <= 0) return undefined;
      faults[key] = { ...fault, count: fault.count - 1 } as MediaFaults[K];
      return fault;
    };
    const fail = use("fail");
    if (fail) active.fail = fail.status ?? 503;
    else {
      const truncate = use("truncate");
      if (truncate) active.truncateAfter = truncate.after_bytes ?? 1024;
      const pad = use("pad");
      if (pad) active.pad = pad.bytes ?? 16;
      if (use("corrupt")) active.corrupt = true;
      const throttle = use("throttle");
      if (throttle) active.throttle = Math.max(1024, throttle.bytes_per_second ?? 65_536);
    }
    if (Object.keys(active).length) await tx.sandboxNotetaker.update({ where: { id: notetakerId }, data: { faults: faults as Prisma.InputJsonValue } });
    return active;
  });
}

function plainError(status: number, message: string): Response {
  return new Response(JSON.stringify({ error: { type: status === 403 ? "unauthorized" : "not_found_error", message } }), {
    status,
    headers: { "content-type": "application/json" },
  });
}

async function* fileBytes(file: FileRow, notetakerId: string, syntheticSize: bigint | null, start: number, end: number): AsyncGenerator<Uint8Array> {
  if (file.content) yield Buffer.from(file.content).subarray(start, end + 1);
  // Relative to the samples folder, so a moved checkout still finds them.
  else if (file.samplePath) yield* createReadStream(path.join(SAMPLES_DIR, file.samplePath), { start, end, highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>;
  else if (syntheticSize !== null) yield* syntheticBytes(notetakerId, start, end);
}

async function* applyFaults(source: AsyncGenerator<Uint8Array>, faults: ActiveFaults): AsyncGenerator<Uint8Array> {
  let sent = 0;
  let corrupted = false;
  for await (let chunk of source) {
    if (faults.corrupt && !corrupted && chunk.length) {
      chunk = Buffer.from(chunk);
      chunk[0] = chunk[0]! ^ 0xff;
      corrupted = true;
    }
    if (faults.truncateAfter !== undefined && sent + chunk.length > faults.truncateAfter) {
      yield chunk.subarray(0, Math.max(0, faults.truncateAfter - sent));
      throw new Error("sandbox fault: connection dropped");
    }
    if (faults.throttle) await new Promise((r) => setTimeout(r, (chunk.length / faults.throttle!) * 1000));
    sent += chunk.length;
    yield chunk;
  }
  if (faults.pad) yield Buffer.alloc(faults.pad, 0x20);
}

/**
 * GET /v3/sandbox/media/{notetaker_id}/{kind}/{name}?expires&signature — a pre-authenticated
 * media URL: 403 once expired or when the signature is wrong, 410 once the file is deleted,
 * Range requests honoured, Content-Digest (sha-256) on full responses.
 */
export async function serveMediaFile(request: { method: string; headers: Headers }, params: { id: string; kind: string }, query: URLSearchParams, now: Date): Promise<Response> {
  const expires = Number(query.get("expires"));
  const given = query.get("signature") ?? "";
  if (!isMediaKind(params.kind) || !Number.isInteger(expires) || !isValidSignature(params.id, params.kind, expires, given)) {
    return plainError(403, "The media URL is not valid.");
  }
  if (expires < seconds(now)) return plainError(403, "The media URL has expired. Request fresh URLs from the media endpoint.");

  const notetaker = await db.sandboxNotetaker.findUnique({ where: { id: params.id }, select: { mediaExpiresAt: true, deletedAt: true, syntheticRecordingBytes: true } });
  const file = await db.sandboxNotetakerFile.findUnique({ where: { notetakerId_kind: { notetakerId: params.id, kind: params.kind } } });
  if (!notetaker || notetaker.deletedAt || !file || (notetaker.mediaExpiresAt && notetaker.mediaExpiresAt <= now)) {
    return plainError(410, "This media file has been deleted.");
  }

  // A HEAD request neither uses up nor suffers a fault: they are for downloads.
  const faults = request.method === "HEAD" ? {} : await takeFaults(params.id);
  if (faults.fail) return plainError(faults.fail, `Sandbox fault: the storage answered ${faults.fail}.`);

  const size = Number(file.size);
  const decision = decideRange(request.headers.get("range"), size);
  const { status, headers } = rangeHeaders(decision, size);
  if (decision.kind === "unsatisfiable") return new Response(null, { status, headers });
  const [start, end] = decision.kind === "partial" ? [decision.start, decision.end] : [0, size - 1];
  const responseHeaders: Record<string, string> = { ...headers, "content-type": file.contentType, etag: `"${file.sha256}"`, "cache-control": "private, max-age=0" };
  if (decision.kind === "full") responseHeaders["content-digest"] = `sha-256=:${Buffer.from(file.sha256, "hex").toString("base64")}:`;
  if (faults.pad) responseHeaders["content-length"] = String(end - start + 1 + faults.pad);
  if (request.method === "HEAD") return new Response(null, { status, headers: responseHeaders });

  const body = Readable.from(applyFaults(fileBytes(file, params.id, notetaker.syntheticRecordingBytes, start, end), faults));
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, { status, headers: responseHeaders });
}

export function assertMediaReady(state: string, mediaExpiresAt: Date | null, now: Date): void {
  if (state === "media_deleted" || (mediaExpiresAt && mediaExpiresAt <= now)) throw new SandboxApiError(410, "not_found_error", "The media of this notetaker has been deleted (retention ended).");
  if (state !== "available") throw new SandboxApiError(404, "not_found_error", "The media of this notetaker is not ready yet.");
}
