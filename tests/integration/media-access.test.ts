/**
 * Serving our stored media (app/api/media/[assetId]/serve-asset.ts over lib/media/serve.ts) and the upload fallback (app/api/interviews/[id]/uploads/ over lib/media/upload.ts) on
 * real Postgres and a real filesystem storage. Authorization holes these close: an interviewer
 * opening, or uploading to, an interview they did not run; a file served before it is stored.
 * Serving: ranges (206/416), ETag/304, HEAD, Content-Disposition. Uploads: a bad file writes
 * nothing (no row, no object, no temp file), a new upload replaces the old one and its object.
 */
import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/nylas/route";
import { assertServerEnv } from "@/lib/env";
import type { MediaKind } from "@/lib/generated/prisma/client";
import { getInterviewDebrief } from "@/lib/interviews/debrief";
import type { InterviewViewer } from "@/lib/interviews/visibility";
import { storageKeyFor } from "@/lib/media/files";
import { serveMediaAsset } from "@/app/api/media/[assetId]/serve-asset";
import { handleInterviewUpload } from "@/app/api/interviews/[id]/uploads/handle-upload";
import { getSampleInterview } from "@/lib/sandbox/notetaker-samples";
import { createFsStorage, type MediaStorage } from "@/lib/storage";
import { runDueJobs } from "@/lib/jobs";
import { webhookProcessingJob } from "@/lib/webhooks/jobs";
import { envOverride, listFiles, readAll, sha256 } from "../support/notetaker-sandbox";
import { bookingEnvelope, signedWebhookRequest } from "../support/nylas-webhook-fixtures";
import { setupSeededSandbox, setupWebhookSecret } from "../support/seeded-sandbox";

const SECRET = "media-access-test-webhook-secret-7f3a";
const SARAH = { email: "sarah.kim@northwind.example", name: "Sarah Kim" };
const MARCUS = { email: "marcus.johnson@northwind.example", name: "Marcus Johnson" };
const DANA = { email: "dana.chen@example.org", name: "Dana Chen" };
const SAM = { email: "sam.lee@example.org", name: "Sam Lee" };
const RECORDING_MP4 = getSampleInterview("backend-engineer")!.files.mp4;
const OTHER_MP4 = getSampleInterview("product-designer")!.files.mp4;

setupWebhookSecret(SECRET);
const { prisma } = setupSeededSandbox({ server: false });
let mediaDir = "";
let storage: MediaStorage;
type Viewer = InterviewViewer & { id: string };
const viewers: Record<"admin" | "recruiter" | "sarah" | "marcus", Viewer> = {} as never;
let sarahInterview = "";
let marcusInterview = "";

// ───────────────────────────── helpers ─────────────────────────────

/** An interview through the real pipeline: a signed booking.created into the route, then the inbox worker. */
async function interviewWith(host: { email: string; name: string }, guest: { email: string; name: string }, dayOffset: number): Promise<string> {
  const start = (Math.floor(Date.now() / 3_600_000) + 24 * dayOffset) * 3600;
  const bookingId = randomUUID();
  const envelope = bookingEnvelope({
    type: "booking.created",
    time: Math.floor(Date.now() / 1000),
    bookingId,
    configurationId: randomUUID(),
    start,
    end: start + 2700,
    participants: [host, guest],
  });
  const res = await POST(signedWebhookRequest(JSON.stringify(envelope), { secret: SECRET }));
  expect(res.status).toBe(200);
  expect(await runDueJobs(webhookProcessingJob)).toBe(1);
  const interview = await prisma.interview.findUniqueOrThrow({ where: { bookingId } });
  expect(interview).toMatchObject({ interviewerEmail: host.email, status: "SCHEDULED" });
  return interview.id;
}

/** A file already in our storage, recorded as the Notetaker's (what the media worker leaves). */
async function storedAsset(interviewId: string, kind: MediaKind, bytes: Buffer, fileName: string, contentType: string) {
  const id = randomUUID();
  const key = storageKeyFor(interviewId, id, fileName);
  const put = await storage.put(key, Readable.from([bytes]), { contentType, expectedSize: bytes.length });
  return prisma.mediaAsset.create({
    data: {
      id,
      interviewId,
      kind,
      source: "NOTETAKER",
      status: "STORED",
      fileName,
      contentType,
      storageKey: key,
      size: BigInt(put.size),
      sha256: put.sha256,
      bytesReceived: BigInt(put.size),
      storedAt: new Date(),
    },
  });
}

function get(assetId: string, init: { method?: string; headers?: Record<string, string>; query?: string } = {}): Request {
  return new Request(`http://localhost/api/media/${assetId}${init.query ?? ""}`, { method: init.method ?? "GET", headers: init.headers });
}

async function body(res: Response): Promise<Buffer> {
  return Buffer.from(await res.arrayBuffer());
}

/** A multipart POST as the browser's form sends it (fields: recording, transcript). */
function uploadRequest(interviewId: string, files: { recording?: File; transcript?: File }, fields: Record<string, string> = {}): Request {
  const form = new FormData();
  if (files.recording) form.append("recording", files.recording);
  if (files.transcript) form.append("transcript", files.transcript);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return new Request(`http://localhost/api/interviews/${interviewId}/uploads`, { method: "POST", body: form });
}

async function upload(viewer: Viewer, interviewId: string, files: { recording?: File; transcript?: File }, fields?: Record<string, string>) {
  const res = await handleInterviewUpload(uploadRequest(interviewId, files, fields), viewer, interviewId, storage);
  return { status: res.status, body: (await res.json()) as { ok: boolean; message: string; stored: string[] } };
}

const vtt = (cues: [string, string, string, string][]) => `WEBVTT\n\n${cues.map(([from, to, speaker, text]) => `${from} --> ${to}\n<v ${speaker}>${text}`).join("\n\n")}\n`;
const vttFile = (text: string, name = "interview.vtt") => new File([text], name, { type: "text/vtt" });
const mp4File = async (file = RECORDING_MP4, name = "recording.mp4") => new File([await readFile(file)], name, { type: "video/mp4" });

const segmentsOf = async (interviewId: string) =>
  (await prisma.transcriptSegment.findMany({ where: { interviewId }, orderBy: { position: "asc" } })).map((s) => ({ speaker: s.speaker, startMs: s.startMs, endMs: s.endMs, text: s.text }));
const uploadsOf = (interviewId: string) => prisma.mediaAsset.findMany({ where: { interviewId, source: "UPLOAD" } });

/** Nothing written: no asset row, no file (not even a temporary one), the interview unchanged. */
async function expectNothingWritten(interviewId: string) {
  expect(await prisma.mediaAsset.count({ where: { interviewId } })).toBe(0);
  expect(await prisma.transcriptSegment.count({ where: { interviewId } })).toBe(0);
  expect(await listFiles(mediaDir)).toEqual([]);
  expect(await prisma.interview.findUniqueOrThrow({ where: { id: interviewId } })).toMatchObject({ status: "SCHEDULED", completedAt: null });
}

// ───────────────────────────── setup ─────────────────────────────

beforeEach(async () => {
  const user = async (email: string) => {
    const u = await prisma.user.findUniqueOrThrow({ where: { email } });
    return { id: u.id, email: u.email, role: u.role };
  };
  viewers.admin = await user("admin@example.com");
  viewers.recruiter = await user("recruiter@example.com");
  viewers.sarah = await user(SARAH.email);
  viewers.marcus = await user(MARCUS.email);
  expect(viewers.sarah.role).toBe("INTERVIEWER");
  sarahInterview = await interviewWith(SARAH, DANA, 2);
  marcusInterview = await interviewWith(MARCUS, SAM, 3);
  mediaDir = await mkdtemp(path.join(os.tmpdir(), "media-access-"));
  storage = createFsStorage({ dir: mediaDir });
});
afterEach(async () => {
  await rm(mediaDir, { recursive: true, force: true });
});

// ───────────────────────────── serving ─────────────────────────────

describe("serveMediaAsset", () => {
  let recording: Buffer;
  let recordingId = "";
  let transcriptId = "";
  let etag = "";
  beforeEach(async () => {
    recording = await readFile(RECORDING_MP4);
    recordingId = (await storedAsset(sarahInterview, "RECORDING", recording, "meeting_recording.mp4", "video/mp4")).id;
    const transcript = Buffer.from(JSON.stringify({ object: "transcript", type: "speaker_labelled", transcript: [{ speaker: "Sarah Kim", start: 0, end: 1000, text: "Hello." }] }));
    transcriptId = (await storedAsset(sarahInterview, "TRANSCRIPT", transcript, "meeting_transcript.json", "application/json")).id;
    etag = `"${sha256(recording)}"`;
  });

  it("serves the whole file: 200 with Accept-Ranges, Content-Type, ETag, Content-Length, inline Content-Disposition", async () => {
    const res = await serveMediaAsset(get(recordingId), viewers.recruiter, recordingId, storage);
    expect(res.status).toBe(200);
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect(res.headers.get("content-type")).toBe("video/mp4");
    expect(res.headers.get("etag")).toBe(etag);
    expect(res.headers.get("content-length")).toBe(String(recording.length));
    expect(res.headers.get("content-disposition")).toBe(`inline; filename="meeting_recording.mp4"; filename*=UTF-8''meeting_recording.mp4`);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const bytes = await body(res);
    expect(bytes.length).toBe(recording.length);
    expect(sha256(bytes)).toBe(sha256(recording));
  });

  it("?download=1 makes a recording an attachment; a transcript is always one", async () => {
    const download = await serveMediaAsset(get(recordingId, { query: "?download=1" }), viewers.recruiter, recordingId, storage);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename="meeting_recording\.mp4"/);
    await download.body?.cancel();
    const transcript = await serveMediaAsset(get(transcriptId), viewers.recruiter, transcriptId, storage);
    expect(transcript.status).toBe(200);
    expect(transcript.headers.get("content-type")).toBe("application/json");
    expect(transcript.headers.get("content-disposition")).toMatch(/^attachment; filename="meeting_transcript\.json"/);
    expect(JSON.parse((await body(transcript)).toString("utf8")).transcript[0].text).toBe("Hello.");
  });

  it("ranges: bytes=0-99 → 206 with exactly 100 bytes; bytes=-10 → the last 10; bytes=<size>- → 416 with bytes */size", async () => {
    const size = recording.length;
    const first = await serveMediaAsset(get(recordingId, { headers: { range: "bytes=0-99" } }), viewers.recruiter, recordingId, storage);
    expect(first.status).toBe(206);
    expect(first.headers.get("content-range")).toBe(`bytes 0-99/${size}`);
    expect(first.headers.get("content-length")).toBe("100");
    expect((await body(first)).equals(recording.subarray(0, 100))).toBe(true);

    const last = await serveMediaAsset(get(recordingId, { headers: { range: "bytes=-10" } }), viewers.recruiter, recordingId, storage);
    expect(last.status).toBe(206);
    expect(last.headers.get("content-range")).toBe(`bytes ${size - 10}-${size - 1}/${size}`);
    expect((await body(last)).equals(recording.subarray(size - 10))).toBe(true);

    const middle = await serveMediaAsset(get(recordingId, { headers: { range: "bytes=500000-" } }), viewers.recruiter, recordingId, storage);
    expect(middle.status).toBe(206);
    expect((await body(middle)).equals(recording.subarray(500_000))).toBe(true);

    const beyond = await serveMediaAsset(get(recordingId, { headers: { range: `bytes=${size}-` } }), viewers.recruiter, recordingId, storage);
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe(`bytes */${size}`);
    expect((await body(beyond)).length).toBe(0);
  });

  it("If-None-Match with the ETag → 304 without a body; HEAD → headers only", async () => {
    const cached = await serveMediaAsset(get(recordingId, { headers: { "if-none-match": etag } }), viewers.recruiter, recordingId, storage);
    expect(cached.status).toBe(304);
    expect(cached.headers.get("etag")).toBe(etag);
    expect(cached.body).toBeNull();
    const stale = await serveMediaAsset(get(recordingId, { headers: { "if-none-match": '"something-else"' } }), viewers.recruiter, recordingId, storage);
    expect(stale.status).toBe(200);
    await stale.body?.cancel();

    const head = await serveMediaAsset(get(recordingId, { method: "HEAD" }), viewers.recruiter, recordingId, storage);
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(recording.length));
    expect(head.headers.get("content-type")).toBe("video/mp4");
    expect(head.body).toBeNull();
  });

  it("who may open it: the interviewer who ran it, recruiters and admins (200); another interviewer (403)", async () => {
    const status = async (viewer: InterviewViewer) => {
      const res = await serveMediaAsset(get(recordingId, { headers: { range: "bytes=0-0" } }), viewer, recordingId, storage);
      await res.body?.cancel();
      return res.status;
    };
    expect(await status(viewers.sarah)).toBe(206);
    expect(await status({ email: "Sarah.Kim@Northwind.example", role: "INTERVIEWER" })).toBe(206);
    expect(await status(viewers.recruiter)).toBe(206);
    expect(await status(viewers.admin)).toBe(206);
    const denied = await serveMediaAsset(get(recordingId), viewers.marcus, recordingId, storage);
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    // The debrief agrees.
    expect((await getInterviewDebrief(viewers.marcus, sarahInterview)).kind).toBe("forbidden");
    expect((await getInterviewDebrief(viewers.sarah, sarahInterview)).kind).toBe("ok");
  });

  it("unknown, malformed, not yet stored, or missing from storage → 404", async () => {
    const status = async (id: string) => (await serveMediaAsset(get(id), viewers.recruiter, id, storage)).status;
    expect(await status(randomUUID())).toBe(404);
    expect(await status("not-a-uuid")).toBe(404);
    expect(await status("../../etc/passwd")).toBe(404);
    const pending = await prisma.mediaAsset.create({ data: { interviewId: sarahInterview, kind: "THUMBNAIL", source: "NOTETAKER", status: "PENDING", sourceUrl: "https://example.com/t.png" } });
    expect(await status(pending.id)).toBe(404);
    // Even for a viewer who may not see the interview, "not stored" answers first: nothing to leak.
    expect((await serveMediaAsset(get(pending.id), viewers.marcus, pending.id, storage)).status).toBe(404);
    const row = await prisma.mediaAsset.findUniqueOrThrow({ where: { id: transcriptId } });
    await storage.delete(row.storageKey!);
    expect(await status(transcriptId)).toBe(404);
  });
});

// ───────────────────────────── uploads ─────────────────────────────

describe("handleInterviewUpload", () => {
  it("a WebVTT transcript: 200, its lines become the transcript (replacing earlier ones), the interview COMPLETED", async () => {
    const first = await upload(viewers.sarah, sarahInterview, {
      transcript: vttFile(
        vtt([
          ["00:00:01.000", "00:00:04.500", "Sarah Kim", "Thanks for joining."],
          ["00:00:05.000", "00:00:09.250", "Dana Chen", "Happy to be here."],
        ]),
      ),
    });
    expect(first).toEqual({ status: 200, body: { ok: true, message: "Uploaded the transcript.", stored: ["TRANSCRIPT"] } });
    expect(await segmentsOf(sarahInterview)).toEqual([
      { speaker: "Sarah Kim", startMs: 1000, endMs: 4500, text: "Thanks for joining." },
      { speaker: "Dana Chen", startMs: 5000, endMs: 9250, text: "Happy to be here." },
    ]);
    const interview = await prisma.interview.findUniqueOrThrow({ where: { id: sarahInterview } });
    expect(interview.status).toBe("COMPLETED");
    expect(interview.completedAt).toBeInstanceOf(Date);
    const [asset] = await uploadsOf(sarahInterview);
    expect(asset).toMatchObject({ kind: "TRANSCRIPT", status: "STORED", source: "UPLOAD", uploadedById: viewers.sarah.id, contentType: "text/vtt; charset=utf-8", fileName: "interview.vtt" });
    expect(await listFiles(mediaDir)).toEqual([asset!.storageKey]);

    // A recruiter's second transcript replaces the lines and the old file.
    const second = await upload(viewers.recruiter, sarahInterview, {
      transcript: vttFile(
        vtt([
          ["00:00:00.000", "00:00:02.000", "Dana Chen", "One."],
          ["00:00:02.000", "00:00:03.000", "Sarah Kim", "Two."],
          ["00:00:03.000", "00:00:04.000", "Dana Chen", "Three."],
        ]),
        "second.vtt",
      ),
    });
    expect(second.status).toBe(200);
    expect((await segmentsOf(sarahInterview)).map((s) => s.text)).toEqual(["One.", "Two.", "Three."]);
    const uploads = await uploadsOf(sarahInterview);
    expect(uploads).toHaveLength(1);
    expect(uploads[0]!.id).not.toBe(asset!.id);
    expect(await storage.stat(asset!.storageKey!)).toBeNull();
    expect(await listFiles(mediaDir)).toEqual([uploads[0]!.storageKey]);
    const debrief = await getInterviewDebrief(viewers.recruiter, sarahInterview);
    expect(debrief.kind === "ok" && debrief.debrief.transcriptSource).toBe("UPLOAD");
  });

  it("a file name cannot climb out of the interview's folder", async () => {
    const res = await upload(viewers.sarah, sarahInterview, { transcript: vttFile(vtt([["00:00:00.000", "00:00:01.000", "Sarah Kim", "Hi."]]), "../../../etc/passwd.vtt") });
    expect(res.status).toBe(200);
    const [asset] = await uploadsOf(sarahInterview);
    expect(asset!.storageKey).toMatch(new RegExp(`^interviews/${sarahInterview}/${asset!.id}/[A-Za-z0-9._-]+$`));
    expect(asset!.fileName).not.toContain("/");
    expect(await listFiles(mediaDir)).toEqual([asset!.storageKey]);
  });

  it("a good recording with a bad transcript: all or nothing — 422 with the reason, and nothing written (not the recording either)", async () => {
    const res = await upload(viewers.sarah, sarahInterview, { recording: await mp4File(), transcript: vttFile("not a transcript") });
    expect(res).toEqual({ status: 422, body: { ok: false, message: "The transcript file is not a WebVTT file (it must start with WEBVTT).", stored: [] } });
    await expectNothingWritten(sarahInterview);
  });

  it("refuses an upload posted by another site's page (Origin), and writes nothing", async () => {
    const form = new FormData();
    form.set("transcript", vttFile(vtt([["00:00:00.000", "00:00:01.000", "Sarah Kim", "Hi."]])));
    const request = new Request(`http://localhost/api/interviews/${sarahInterview}/uploads`, { method: "POST", body: form, headers: { origin: "https://evil.example" } });
    const response = await handleInterviewUpload(request, viewers.sarah, sarahInterview, storage);
    expect(response.status).toBe(403);
    await expectNothingWritten(sarahInterview);
  });

  it("a transcript it cannot read: 422 with the parser's sentence, and nothing written", async () => {
    const res = await upload(viewers.sarah, sarahInterview, { transcript: vttFile("00:00:01.000 --> 00:00:02.000\nNo header here.\n") });
    expect(res).toEqual({ status: 422, body: { ok: false, message: "The transcript file is not a WebVTT file (it must start with WEBVTT).", stored: [] } });
    await expectNothingWritten(sarahInterview);
    const empty = await upload(viewers.sarah, sarahInterview, { transcript: new File([""], "empty.txt", { type: "text/plain" }) });
    expect(empty.status).toBe(422);
    await expectNothingWritten(sarahInterview);
  });

  it("a text file as the recording: 415, nothing stored (not even a temporary file)", async () => {
    const res = await upload(viewers.sarah, sarahInterview, { recording: new File(["just some notes, not a video ".repeat(100)], "notes.mp4", { type: "video/mp4" }) });
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ ok: false, stored: [] });
    expect(res.body.message).toMatch(/MP4/);
    await expectNothingWritten(sarahInterview);
  });

  it("an MP4 recording: stored as video/mp4 and served back byte for byte", async () => {
    const bytes = await readFile(RECORDING_MP4);
    const res = await upload(viewers.sarah, sarahInterview, { recording: await mp4File(RECORDING_MP4, "Interview recording.mp4") });
    expect(res).toEqual({ status: 200, body: { ok: true, message: "Uploaded the recording.", stored: ["RECORDING"] } });
    const [asset] = await uploadsOf(sarahInterview);
    expect(asset).toMatchObject({ kind: "RECORDING", status: "STORED", contentType: "video/mp4", size: BigInt(bytes.length), sha256: sha256(bytes), fileName: "Interview-recording.mp4" });
    expect(await listFiles(mediaDir)).toEqual([asset!.storageKey]);
    expect((await prisma.interview.findUniqueOrThrow({ where: { id: sarahInterview } })).status).toBe("COMPLETED");

    const served = await serveMediaAsset(get(asset!.id), viewers.sarah, asset!.id, storage);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("video/mp4");
    expect(sha256(await body(served))).toBe(sha256(bytes));
    const debrief = await getInterviewDebrief(viewers.sarah, sarahInterview);
    expect(debrief.kind === "ok" && debrief.debrief.recording).toEqual({ assetId: asset!.id, contentType: "video/mp4", isAudioOnly: false, thumbnailAssetId: null });
  });

  it("a recording over MEDIA_UPLOAD_MAX_MB: 413, nothing stored", async () => {
    const restore = envOverride({ MEDIA_UPLOAD_MAX_MB: "1" }, assertServerEnv);
    try {
      expect((await readFile(RECORDING_MP4)).length).toBeGreaterThan(1024 * 1024);
      const res = await upload(viewers.sarah, sarahInterview, { recording: await mp4File() });
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ ok: false, stored: [] });
      expect(res.body.message).toMatch(/larger than 1 MB/);
      await expectNothingWritten(sarahInterview);
    } finally {
      restore();
    }
  });

  it("no file: 400; not multipart: 415; nothing written", async () => {
    const none = await upload(viewers.sarah, sarahInterview, {}, { note: "nothing attached" });
    expect(none).toEqual({ status: 400, body: { ok: false, message: "Choose a recording file, a transcript file, or both.", stored: [] } });
    const json = await handleInterviewUpload(
      new Request(`http://localhost/api/interviews/${sarahInterview}/uploads`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }),
      viewers.sarah,
      sarahInterview,
      storage,
    );
    expect(json.status).toBe(415);
    await expectNothingWritten(sarahInterview);
  });

  it("an interviewer of another interview: 403, nothing stored; an unknown interview: 404", async () => {
    const res = await upload(viewers.marcus, sarahInterview, { recording: await mp4File() });
    expect(res).toEqual({ status: 403, body: { ok: false, message: "You can only upload files for interviews you ran.", stored: [] } });
    await expectNothingWritten(sarahInterview);
    expect((await upload(viewers.marcus, marcusInterview, { transcript: vttFile(vtt([["00:00:00.000", "00:00:01.000", "Marcus Johnson", "Hi."]])) })).status).toBe(200);
    expect((await upload(viewers.recruiter, randomUUID(), { transcript: vttFile("WEBVTT\n") })).status).toBe(404);
    expect((await upload(viewers.recruiter, "nope", { transcript: vttFile("WEBVTT\n") })).status).toBe(404);
  });

  it("a second recording replaces the first: one upload row, the old object deleted, the new one served", async () => {
    expect((await upload(viewers.sarah, sarahInterview, { recording: await mp4File(RECORDING_MP4) })).status).toBe(200);
    const [first] = await uploadsOf(sarahInterview);
    expect((await upload(viewers.recruiter, sarahInterview, { recording: await mp4File(OTHER_MP4, "take-2.mp4") })).status).toBe(200);
    const uploads = await uploadsOf(sarahInterview);
    expect(uploads).toHaveLength(1);
    const second = uploads[0]!;
    expect(second.id).not.toBe(first!.id);
    expect(second).toMatchObject({ fileName: "take-2.mp4", sha256: sha256(await readFile(OTHER_MP4)), uploadedById: viewers.recruiter.id });
    expect(await storage.stat(first!.storageKey!)).toBeNull();
    expect(await listFiles(mediaDir)).toEqual([second.storageKey]);
    expect((await serveMediaAsset(get(first!.id), viewers.recruiter, first!.id, storage)).status).toBe(404);
    const served = await serveMediaAsset(get(second.id), viewers.recruiter, second.id, storage);
    expect(sha256(await readAll(served.body as unknown as AsyncIterable<Uint8Array>))).toBe(second.sha256);
  });

  it("a recording and a transcript in one request: both stored", async () => {
    const res = await upload(viewers.recruiter, sarahInterview, {
      recording: await mp4File(),
      transcript: new File(["Sarah Kim: Welcome.\nDana Chen: Thank you.\n"], "notes.txt", { type: "text/plain" }),
    });
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(true);
    expect(res.body.message).toMatch(/^Uploaded the (recording and the transcript|transcript and the recording)\.$/);
    expect([...res.body.stored].sort()).toEqual(["RECORDING", "TRANSCRIPT"]);
    expect((await uploadsOf(sarahInterview)).map((a) => a.kind).sort()).toEqual(["RECORDING", "TRANSCRIPT"]);
    expect(await segmentsOf(sarahInterview)).toEqual([
      { speaker: "Sarah Kim", startMs: null, endMs: null, text: "Welcome." },
      { speaker: "Dana Chen", startMs: null, endMs: null, text: "Thank you." },
    ]);
  });
});
