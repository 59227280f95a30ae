/**
 * The upload fallback (app/api/interviews/[id]/uploads/: handle-upload.ts, multipart.ts) when the multipart body never reaches its closing
 * boundary: a body cut off mid-part, mid-boundary or right after a part's headers (what a proxy
 * that stops forwarding, or a client that gives up, leaves), and a client that aborts or stalls
 * mid-upload. Each must answer a 400 promptly (a stalled or aborted one used to get no answer at
 * all), keep nothing (no row, no object, no temporary file in .partial), and leave no storage write
 * running behind the answer.
 */
import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/nylas/route";
import type { InterviewViewer } from "@/lib/interviews/visibility";
import { handleInterviewUpload } from "@/app/api/interviews/[id]/uploads/handle-upload";
import { getSampleInterview } from "@/lib/sandbox/notetaker-samples";
import { createFsStorage, type MediaStorage } from "@/lib/storage";
import { runDueJobs } from "@/lib/jobs";
import { webhookProcessingJob } from "@/lib/webhooks/jobs";
import { listFiles, sleep } from "../support/notetaker-sandbox";
import { bookingEnvelope, signedWebhookRequest } from "../support/nylas-webhook-fixtures";
import { setupSeededSandbox, setupWebhookSecret } from "../support/seeded-sandbox";

const SECRET = "media-upload-cut-off-test-secret-51c2";
const SARAH = { email: "sarah.kim@northwind.example", name: "Sarah Kim" };
const DANA = { email: "dana.chen@example.org", name: "Dana Chen" };
const RECORDING_MP4 = getSampleInterview("backend-engineer")!.files.mp4;
const CUT_OFF = { ok: false, message: "The upload was cut off before it finished. Try again.", stored: [] };
/** Before the fix these requests never answered: a bound of our own turns that into a failure, not a test timeout. */
const ANSWER_WITHIN_MS = 10_000;

let mediaDir = "";
let storage: MediaStorage;
let writes: { running: number; started: number };
let sarah: InterviewViewer & { id: string };
let interviewId = "";
let recording: Buffer;

// ───────────────────────────── helpers ─────────────────────────────

/** Storage that counts its writes still running (a write left behind the answer is a leak). */
function trackedStorage(inner: MediaStorage): MediaStorage {
  return {
    ...inner,
    async put(...args) {
      writes.started++;
      writes.running++;
      try {
        return await inner.put(...args);
      } finally {
        writes.running--;
      }
    },
  };
}

type Part = { field: string; fileName: string; contentType: string; content: Buffer };
const BOUNDARY = "----cutoff7d1f0c";

function multipart(parts: Part[]): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${p.field}"; filename="${p.fileName}"\r\nContent-Type: ${p.contentType}\r\n\r\n`), p.content, Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

const vttPart = (): Part => ({
  field: "transcript",
  fileName: "interview.vtt",
  contentType: "text/vtt",
  content: Buffer.from("WEBVTT\n\n00:00:01.000 --> 00:00:04.500\n<v Sarah Kim>Thanks for joining.\n\n00:00:05.000 --> 00:00:09.250\n<v Dana Chen>Happy to be here.\n"),
});
const mp4Part = (): Part => ({ field: "recording", fileName: "recording.mp4", contentType: "video/mp4", content: recording });

/** Where, in `body`, the nth occurrence of `marker` starts (or ends, with `after`). */
function offsetOf(body: Buffer, marker: string, { nth = 1, after = false } = {}): number {
  let at = -1;
  for (let i = 0; i < nth; i++) {
    at = body.indexOf(marker, at + 1);
    if (at < 0) throw new Error(`${JSON.stringify(marker)} #${nth} is not in the body`);
  }
  return after ? at + marker.length : at;
}

function uploadRequest(body: Uint8Array | ReadableStream<Uint8Array>, init: { signal?: AbortSignal; contentLength?: number } = {}): Request {
  const headers: Record<string, string> = { "content-type": `multipart/form-data; boundary=${BOUNDARY}` };
  if (init.contentLength != null) headers["content-length"] = String(init.contentLength);
  return new Request(`http://localhost/api/interviews/${interviewId}/uploads`, {
    method: "POST",
    headers,
    body: body instanceof Uint8Array ? new Uint8Array(body) : body,
    signal: init.signal,
    duplex: "half",
  } as RequestInit);
}

/** A body streamed in `chunkBytes` pieces (as a socket delivers it), then ended, errored or left open. */
function streamedBody(bytes: Buffer, end: "close" | "error" | "stall", chunkBytes = 64 * 1024): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (offset < bytes.length) {
          controller.enqueue(bytes.subarray(offset, (offset += chunkBytes)));
          return;
        }
        await sleep(20); // let the parser and the storage write get going
        if (end === "close") controller.close();
        else if (end === "error") controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
        else await new Promise(() => undefined); // the client went quiet; only request.signal says it is gone
      },
    },
    { highWaterMark: 0 },
  );
}

/** Posts the upload and insists on an answer within ANSWER_WITHIN_MS. */
async function answerTo(request: Request, options?: { idleTimeoutMs?: number }): Promise<{ status: number; body: unknown }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ANSWER_WITHIN_MS} ms (the upload hangs)`)), ANSWER_WITHIN_MS);
  });
  try {
    const res = await Promise.race([handleInterviewUpload(request, sarah, interviewId, storage, options), timeout]);
    return { status: res.status, body: await res.json() };
  } finally {
    clearTimeout(timer);
  }
}

/** Nothing kept, nothing still being written, and nothing written later either. */
async function expectNothingWritten() {
  expect(writes.running, "storage writes still running after the answer").toBe(0);
  expect(await listFiles(mediaDir)).toEqual([]);
  await sleep(100);
  expect(writes.running).toBe(0);
  expect(await listFiles(mediaDir)).toEqual([]);
  expect(await prisma.mediaAsset.count({ where: { interviewId } })).toBe(0);
  expect(await prisma.transcriptSegment.count({ where: { interviewId } })).toBe(0);
  expect(await prisma.interview.findUniqueOrThrow({ where: { id: interviewId } })).toMatchObject({ status: "SCHEDULED", completedAt: null });
}

// ───────────────────────────── setup ─────────────────────────────

setupWebhookSecret(SECRET);
const { prisma } = setupSeededSandbox({ server: false });
beforeAll(async () => {
  recording = await readFile(RECORDING_MP4);
  expect(recording.length).toBeGreaterThan(512 * 1024);
});
beforeEach(async () => {
  const user = await prisma.user.findUniqueOrThrow({ where: { email: SARAH.email } });
  sarah = { id: user.id, email: user.email, role: user.role };
  // An interview Sarah ran, through the real pipeline (signed booking.created, then the inbox worker).
  const start = (Math.floor(Date.now() / 3_600_000) + 48) * 3600;
  const bookingId = randomUUID();
  const envelope = bookingEnvelope({ type: "booking.created", time: Math.floor(Date.now() / 1000), bookingId, configurationId: randomUUID(), start, end: start + 2700, participants: [SARAH, DANA] });
  expect((await POST(signedWebhookRequest(JSON.stringify(envelope), { secret: SECRET }))).status).toBe(200);
  expect(await runDueJobs(webhookProcessingJob)).toBe(1);
  interviewId = (await prisma.interview.findUniqueOrThrow({ where: { bookingId } })).id;
  mediaDir = await mkdtemp(path.join(os.tmpdir(), "media-upload-cut-off-"));
  writes = { running: 0, started: 0 };
  storage = trackedStorage(createFsStorage({ dir: mediaDir }));
});
afterEach(async () => {
  await rm(mediaDir, { recursive: true, force: true });
});

// ───────────────────────────── a body cut off ─────────────────────────────

describe("handleInterviewUpload: a multipart body that ends before its closing boundary", () => {
  it("the complete body is accepted (the baseline the cut-off cases are taken from)", async () => {
    const res = await answerTo(uploadRequest(multipart([mp4Part(), vttPart()])));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, message: expect.stringMatching(/^Uploaded the (recording and the transcript|transcript and the recording)\.$/) });
    expect(await listFiles(mediaDir)).toHaveLength(2);
  });

  const cases: { name: string; parts: () => Part[]; cut: (body: Buffer) => number }[] = [
    { name: "mid-part, inside a recording (part of it already streaming into storage)", parts: () => [mp4Part()], cut: (body) => offsetOf(body, "\r\n\r\n", { after: true }) + 300 * 1024 },
    { name: "mid-part, inside a recording's first bytes (before its type is known)", parts: () => [mp4Part()], cut: (body) => offsetOf(body, "\r\n\r\n", { after: true }) + 5 },
    { name: "mid-part, inside a transcript", parts: () => [vttPart()], cut: (body) => offsetOf(body, "Thanks for") },
    { name: "mid-part, inside a transcript after a complete recording (stored, then removed)", parts: () => [mp4Part(), vttPart()], cut: (body) => offsetOf(body, "Happy to") },
    { name: "mid-part, inside a recording after a complete transcript", parts: () => [vttPart(), mp4Part()], cut: (body) => offsetOf(body, "\r\n\r\n", { nth: 2, after: true }) + 200 * 1024 },
    { name: "mid-boundary, in the closing boundary", parts: () => [vttPart()], cut: (body) => offsetOf(body, `\r\n--${BOUNDARY}--`) + 6 },
    { name: "mid-boundary, in the closing boundary after a recording", parts: () => [mp4Part()], cut: (body) => offsetOf(body, `\r\n--${BOUNDARY}--`) + BOUNDARY.length },
    { name: "mid-boundary, between two parts", parts: () => [vttPart(), mp4Part()], cut: (body) => offsetOf(body, `\r\n--${BOUNDARY}\r\n`) + 8 },
    { name: "right after the boundary, before the closing dashes", parts: () => [vttPart()], cut: (body) => offsetOf(body, `\r\n--${BOUNDARY}--`, { after: true }) - 2 },
    { name: "right after a part's headers (no content at all)", parts: () => [mp4Part()], cut: (body) => offsetOf(body, "\r\n\r\n", { after: true }) },
    { name: "right after a transcript part's headers", parts: () => [vttPart()], cut: (body) => offsetOf(body, "\r\n\r\n", { after: true }) },
    { name: "inside a part's headers", parts: () => [vttPart()], cut: (body) => offsetOf(body, "Content-Type") },
    { name: "right after the first boundary line", parts: () => [mp4Part()], cut: (body) => offsetOf(body, `--${BOUNDARY}\r\n`, { after: true }) },
  ];

  for (const { name, parts, cut } of cases) {
    it(`${name}: 400 "cut off", nothing kept`, async () => {
      const full = multipart(parts());
      const body = full.subarray(0, cut(full));
      expect(body.length).toBeLessThan(full.length);
      const res = await answerTo(uploadRequest(body));
      expect(res).toEqual({ status: 400, body: CUT_OFF });
      await expectNothingWritten();
    });

    it(`${name}, streamed in chunks: 400 "cut off", nothing kept`, async () => {
      const full = multipart(parts());
      const body = full.subarray(0, cut(full));
      const res = await answerTo(uploadRequest(streamedBody(body, "close", 16 * 1024)));
      expect(res).toEqual({ status: 400, body: CUT_OFF });
      await expectNothingWritten();
    });
  }

  it("a part we skip (not a recording or transcript field) cut off: 400, nothing kept, no stray stream error", async () => {
    const full = multipart([{ field: "notes", fileName: "notes.txt", contentType: "text/plain", content: Buffer.from("x".repeat(50_000)) }]);
    const res = await answerTo(uploadRequest(full.subarray(0, 20_000)));
    expect(res).toEqual({ status: 400, body: CUT_OFF });
    await expectNothingWritten();
  });

  it("a part we skip after a refused transcript, cut off: 400 cut off (the whole upload is broken), nothing kept", async () => {
    const full = multipart([{ ...vttPart(), content: Buffer.from("not a transcript") }, mp4Part()]);
    const res = await answerTo(uploadRequest(full.subarray(0, offsetOf(full, "\r\n\r\n", { nth: 2, after: true }) + 100_000)));
    expect(res).toEqual({ status: 400, body: CUT_OFF });
    await expectNothingWritten();
  });

  it("an empty body: 400, nothing kept", async () => {
    const res = await answerTo(uploadRequest(Buffer.alloc(0)));
    expect(res.status).toBe(400);
    await expectNothingWritten();
  });
});

// ───────────────────────────── a client that gives up ─────────────────────────────

describe("handleInterviewUpload: a client that aborts mid-upload", () => {
  const halfway = () => {
    const full = multipart([mp4Part(), vttPart()]);
    return { full, body: full.subarray(0, offsetOf(full, "\r\n\r\n", { after: true }) + 400 * 1024) };
  };

  it("the body stream errors (connection reset) mid-recording: 400, the partial file removed, no write left running", async () => {
    const { full, body } = halfway();
    const res = await answerTo(uploadRequest(streamedBody(body, "error"), { contentLength: full.length }));
    expect(res).toEqual({ status: 400, body: CUT_OFF });
    expect(writes.started).toBe(1); // the recording had started streaming into storage
    await expectNothingWritten();
  });

  it("the client goes quiet and the request is aborted (request.signal) mid-recording: an answer, the partial file removed", async () => {
    const { full, body } = halfway();
    const controller = new AbortController();
    const request = uploadRequest(streamedBody(body, "stall"), { contentLength: full.length, signal: controller.signal });
    const answer = answerTo(request);
    await sleep(300);
    expect(writes.started).toBe(1);
    controller.abort();
    const res = await answer;
    expect(res).toEqual({ status: 400, body: CUT_OFF });
    await expectNothingWritten();
  });

  it("the client stops sending but keeps the connection open (fewer bytes than its Content-Length): 400 once it has been idle too long, nothing kept", async () => {
    const { full, body } = halfway();
    const started = Date.now();
    const res = await answerTo(uploadRequest(streamedBody(body, "stall"), { contentLength: full.length }), { idleTimeoutMs: 500 });
    expect(res).toEqual({ status: 400, body: CUT_OFF });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(writes.started).toBe(1);
    await expectNothingWritten();
  });

  it("a slow store is not a stalled client: the idle clock runs only while waiting for the client's bytes", async () => {
    // Every chunk written to storage waits 40 ms: far longer, in all, than the idle timeout.
    const inner = storage;
    storage = {
      ...inner,
      put: (key, body, options) => inner.put(key, (body as Readable).pipe(new Transform({ transform: (chunk, _enc, callback) => void setTimeout(() => callback(null, chunk), 40) })), options),
    };
    const started = Date.now();
    const res = await answerTo(uploadRequest(streamedBody(multipart([mp4Part()]), "close")), { idleTimeoutMs: 300 });
    expect(Date.now() - started).toBeGreaterThan(600);
    expect(res).toEqual({ status: 200, body: { ok: true, message: "Uploaded the recording.", stored: ["RECORDING"] } });
  });

  it("the body stream errors inside a transcript: 400, nothing kept", async () => {
    const full = multipart([vttPart()]);
    const res = await answerTo(uploadRequest(streamedBody(full.subarray(0, offsetOf(full, "Thanks")), "error")));
    expect(res).toEqual({ status: 400, body: CUT_OFF });
    await expectNothingWritten();
  });

  it("a request aborted before the upload starts: 400, nothing kept", async () => {
    const controller = new AbortController();
    controller.abort();
    const res = await answerTo(uploadRequest(streamedBody(multipart([vttPart()]), "stall"), { signal: controller.signal }));
    expect(res).toEqual({ status: 400, body: CUT_OFF });
    await expectNothingWritten();
  });
});
