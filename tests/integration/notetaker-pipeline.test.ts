/**
 * The app's live path for Notetaker media, on real Postgres with the sandbox over HTTP: a booking
 * through the SDK, the sandbox's own signed deliveries into the real webhook route, the inbox
 * worker (lib/notetaker/process-notetaker.ts) and the media worker (lib/media/download.ts) copying
 * every file into OUR storage, verified (size, sha256) before it is marked stored, then parsed
 * into the debrief. Covers events before their booking, duplicates, download faults (503, padded,
 * corrupted, hung), expired URLs, retention, failed entry, S3, and unreadable files. The app never
 * reads sandbox tables; the tests do, as the oracle.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { assertServerEnv } from "@/lib/env";
import type { MediaKind } from "@/lib/generated/prisma/client";
import { getInterviewDebrief } from "@/lib/interviews/debrief";
import { listInterviews } from "@/lib/interviews/queries";
import { enqueue, runDueJobs } from "@/lib/jobs";
import { mediaDownloadJob, retryMediaDownload } from "@/lib/media/jobs";
import { storageKeyFor } from "@/lib/media/files";
import { getNylas } from "@/lib/nylas/client";
import { expireNotetakerMedia } from "@/lib/sandbox/notetakers";
import { getSampleInterview } from "@/lib/sandbox/notetaker-samples";
import { webhookDeliveryJob, type DeliveryDeps } from "@/lib/sandbox/webhook-dispatcher";
import { createFsStorage, createS3Storage, type MediaStorage } from "@/lib/storage";
import { signNylasBody } from "@/lib/webhooks/signature";
import { retryWebhookEvent, webhookProcessingJob } from "@/lib/webhooks/jobs";
import { demoPanels } from "@/prisma/demo-fixture";
import { bookFirstSlot, DANA, envOverride, offeredSlots, expireMedia, listFiles, readAll, runNotetaker, setMediaFaults, sha256, sleep } from "../support/notetaker-sandbox";
import { S3RVER_CREDENTIALS, startS3Server, type TestS3Server } from "../support/s3-server";
import { demoSummaryInstructions, setupSeededSandbox } from "../support/seeded-sandbox";

const ENGINEERING = demoPanels.find((p) => p.name === "Engineering panel")!;
/** What the backend role's configuration sends: the panel's instructions with the role's scorecard. */
const BACKEND_INSTRUCTIONS = demoSummaryInstructions("backend-engineer");
const BACKEND_SAMPLE = getSampleInterview("backend-engineer")!;
const RECRUITER = { email: "recruiter@example.com", role: "RECRUITER" as const };
const KINDS: MediaKind[] = ["ACTION_ITEMS", "RECORDING", "SUMMARY", "THUMBNAIL", "TRANSCRIPT"];
const SANDBOX_KIND: Record<MediaKind, string> = { RECORDING: "recording", TRANSCRIPT: "transcript", SUMMARY: "summary", ACTION_ITEMS: "action_items", THUMBNAIL: "thumbnail" };
const FAR_FUTURE = new Date("2999-01-01T00:00:00Z");

const { prisma, server, configurationOf } = setupSeededSandbox({ server: { webhookRoute: true }, syncConfigurations: true, webhookSubscription: true });
let configurationId = "";
let mediaDir = "";
let storage: MediaStorage;

// ───────────────────────────── helpers ─────────────────────────────

const dispatchDueDeliveries = (opts: { deps?: DeliveryDeps; limit?: number } = {}) => runDueJobs(webhookDeliveryJob, opts);
const processDueWebhookEvents = (opts: { limit?: number } = {}) => runDueJobs(webhookProcessingJob, opts);
/** The media worker's own path: due "media.download" jobs, with this storage (and fetch). */
const processDueMediaDownloads = ({ storage, fetchImpl, ...opts }: { storage: MediaStorage; fetchImpl?: typeof fetch; retryBaseMs?: number; limit?: number; leaseRenewMs?: number }) =>
  runDueJobs(mediaDownloadJob, { ...opts, deps: { storage, fetchImpl } });

/** When the download jobs of these files are due. */
async function setDownloadsDue(assetIds: string[], at: Date): Promise<void> {
  await prisma.job.updateMany({ where: { kind: mediaDownloadJob.name, dedupKey: { in: assetIds }, state: "QUEUED" }, data: { runAt: at } });
}

/** Sandbox deliveries into the real route, then the inbox worker, until nothing moves. */
async function pump(): Promise<void> {
  for (let round = 0; round < 30; round++) {
    const sent = await dispatchDueDeliveries();
    const processed = await processDueWebhookEvents();
    if (!sent && !processed) {
      const undelivered = await prisma.sandboxWebhookDelivery.findMany({ where: { status: { not: "delivered" } } });
      expect(undelivered.map((d) => [d.triggerType, d.lastError])).toEqual([]);
      return;
    }
  }
  throw new Error("the pipeline did not settle");
}

type FetchCall = { url: string; status: number };
/** A fetch for the media worker that records every call (the sandbox's media file GETs). */
function recordingFetch(wrap?: (url: string, response: Response) => Response | Promise<Response>) {
  const calls: FetchCall[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    const response = await fetch(input, init);
    calls.push({ url, status: response.status });
    return wrap ? wrap(url, response) : response;
  }) as typeof fetch;
  return { calls, fetchImpl };
}

/** Runs the media worker until it claims nothing (retries are due after ~1 ms). */
async function downloadAll(opts: { fetchImpl?: typeof fetch; storage?: MediaStorage } = {}): Promise<number> {
  let claimed = 0;
  for (let round = 0; round < 60; round++) {
    const n = await processDueMediaDownloads({ storage, retryBaseMs: 1, ...opts });
    if (!n) {
      // A retry due in a moment: wait for it.
      const soon = await prisma.job.findFirst({ where: { kind: mediaDownloadJob.name, state: "QUEUED", runAt: { lte: new Date(Date.now() + 2_000) } } });
      if (!soon) return claimed;
      await sleep(Math.max(0, soon.runAt.getTime() - Date.now()) + 5);
      continue;
    }
    claimed += n;
  }
  throw new Error("the media worker did not settle");
}

const mediaEndpointCalls = () => server.requests.filter((r) => r.method === "GET" && /\/notetakers\/[0-9a-f]{32}\/media$/.test(r.path)).length;
const mediaFileGets = () => server.requests.filter((r) => r.method === "GET" && r.path.startsWith("/v3/sandbox/media/")).length;

/** An interview's assets, by kind name. */
const assetsOf = async (interviewId: string) => (await prisma.mediaAsset.findMany({ where: { interviewId } })).sort((a, b) => a.kind.localeCompare(b.kind) || a.source.localeCompare(b.source));
const assetOf = (interviewId: string, kind: MediaKind) => prisma.mediaAsset.findUniqueOrThrow({ where: { interviewId_source_kind: { interviewId, source: "NOTETAKER", kind } } });

/** Only `kind` is due; the interview's other downloads wait (so a fault hits that file alone). */
async function onlyDue(interviewId: string, kind: MediaKind): Promise<void> {
  const assets = await assetsOf(interviewId);
  await setDownloadsDue(
    assets.filter((a) => a.kind !== kind).map((a) => a.id),
    FAR_FUTURE,
  );
  await setDownloadsDue(
    assets.filter((a) => a.kind === kind).map((a) => a.id),
    new Date(),
  );
}
async function releaseAll(interviewId: string): Promise<void> {
  await setDownloadsDue(
    (await assetsOf(interviewId)).map((a) => a.id),
    new Date(),
  );
}
async function makeDue(assetId: string): Promise<void> {
  await setDownloadsDue([assetId], new Date(Date.now() - 1_000));
}

async function sandboxFile(notetakerId: string, kind: MediaKind) {
  return prisma.sandboxNotetakerFile.findUniqueOrThrow({ where: { notetakerId_kind: { notetakerId, kind: SANDBOX_KIND[kind] } } });
}

/** Books through the SDK and processes the booking (the interview exists, its notetaker scheduled). */
async function bookInterview(guest = DANA) {
  const { slot, booking } = await bookFirstSlot(configurationId, guest);
  await pump();
  const interview = await prisma.interview.findUniqueOrThrow({ where: { bookingId: booking.bookingId } });
  expect(interview.notetakerId).toMatch(/^[0-9a-f]{32}$/);
  return { slot, booking, host: booking.organizer, interviewId: interview.id, notetakerId: interview.notetakerId! };
}

/** Books, runs the interview now (completed), and processes every notification: media jobs queued. */
async function completedInterview(guest = DANA) {
  const booked = await bookInterview(guest);
  expect((await runNotetaker(server.origin, booked.notetakerId)).status).toBe(200);
  await pump();
  return booked;
}

/** Every asset STORED, equal (size, sha256) to the sandbox's file, and so in storage. */
async function expectAllStored(interviewId: string, notetakerId: string, store: MediaStorage = storage, kinds: MediaKind[] = KINDS) {
  const assets = await assetsOf(interviewId);
  expect(assets.map((a) => a.kind).sort()).toEqual(kinds);
  for (const asset of assets) {
    const file = await sandboxFile(notetakerId, asset.kind);
    expect({ kind: asset.kind, status: asset.status, lastError: asset.lastError }).toEqual({ kind: asset.kind, status: "STORED", lastError: null });
    expect(asset.size).toBe(file.size);
    expect(asset.sha256).toBe(file.sha256);
    // One folder per asset (the file name in the key is the name known when the download started).
    expect(asset.storageKey).toMatch(new RegExp(`^interviews/${interviewId}/${asset.id}/[A-Za-z0-9._-]+$`));
    const bytes = await readAll(await store.read(asset.storageKey!));
    expect(bytes.length).toBe(Number(file.size));
    expect(sha256(bytes)).toBe(file.sha256);
  }
  return assets;
}

type Captured = { headers: Record<string, string>; body: Buffer; type: string; envelope: Record<string, any> };
/** Takes the due sandbox deliveries without sending them (to deliver them in another order, or altered). */
async function captureDeliveries(): Promise<Captured[]> {
  const captured: Captured[] = [];
  const fetchImpl = (async (_input: string | URL | Request, init?: RequestInit) => {
    const body = Buffer.from(init?.body as Uint8Array);
    const envelope = JSON.parse(body.toString("utf8")) as Record<string, any>;
    captured.push({ headers: Object.fromEntries(new Headers(init?.headers)), body, type: envelope.type, envelope });
    return new Response(null, { status: 200 });
  }) as typeof fetch;
  while ((await dispatchDueDeliveries({ deps: { fetchImpl } })) > 0);
  return captured;
}

/** Posts a notification to the real route (the sandbox server routes it to app/api/webhooks/nylas). */
async function post(capture: { headers: Record<string, string>; body: Buffer }): Promise<{ duplicate: boolean }> {
  const res = await fetch(`${server.origin}/api/webhooks/nylas`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-nylas-signature": capture.headers["x-nylas-signature"]! },
    body: new Uint8Array(capture.body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { duplicate: boolean };
}

/** A notification of our own making, signed with the app's subscription secret (as Nylas would). */
async function signed(envelope: Record<string, unknown>) {
  const secret = (await prisma.webhookSubscription.findFirstOrThrow()).secret;
  const body = Buffer.from(JSON.stringify(envelope));
  return { headers: { "x-nylas-signature": signNylasBody(body, secret) }, body };
}

async function debriefOf(interviewId: string) {
  const result = await getInterviewDebrief(RECRUITER, interviewId);
  if (result.kind !== "ok") throw new Error(`debrief: ${result.kind}`);
  return result.debrief;
}

/** The interview's storage folder, listed (fs backend). */
const storedFiles = () => listFiles(mediaDir);

// ───────────────────────────── setup ─────────────────────────────

beforeEach(async () => {
  configurationId = configurationOf["backend-engineer"]!;
  mediaDir = await mkdtemp(path.join(os.tmpdir(), "pipeline-media-"));
  storage = createFsStorage({ dir: mediaDir });
});
afterEach(async () => {
  await rm(mediaDir, { recursive: true, force: true });
});

// ───────────────────────────── happy path ─────────────────────────────

describe("book → run → deliver → process → store", () => {
  it("stores every file (size and sha256 equal to the sandbox's), parses transcript, summary and action items, and completes the interview", async () => {
    const { interviewId, notetakerId, host } = await bookInterview();
    let interview = await prisma.interview.findUniqueOrThrow({ where: { id: interviewId } });
    expect(interview).toMatchObject({ status: "SCHEDULED", notetakerState: "scheduled", completedAt: null });
    const grantId = (await prisma.sandboxGrant.findUniqueOrThrow({ where: { email: host.email } })).id;
    expect(interview.notetakerGrantId).toBe(grantId);
    // What it runs with, from Nylas's own notification.
    expect(interview.notetakerSettings).toEqual({
      source: "nylas",
      name: "Interview Recorder",
      videoRecording: true,
      audioRecording: true,
      transcription: true,
      summary: true,
      actionItems: true,
      summaryInstructions: BACKEND_INSTRUCTIONS,
      actionItemsInstructions: ENGINEERING.actionItemsInstructions,
    });

    expect((await runNotetaker(server.origin, notetakerId)).status).toBe(200);
    await pump();
    interview = await prisma.interview.findUniqueOrThrow({ where: { id: interviewId } });
    expect(interview).toMatchObject({ status: "COMPLETED", notetakerState: "available", notetakerStateReason: null });
    expect(interview.completedAt).toBeInstanceOf(Date);
    const timeline = interview.notetakerTimeline as { state: string; reason: string | null; at: number }[];
    expect(timeline.map((t) => [t.state, t.reason])).toEqual([
      ["scheduled", null],
      ["connecting", "waiting_for_entry"],
      ["attending", "recording_active"],
      ["disconnected", "meeting_ended"],
      ["processing", null],
      ["available", null],
    ]);
    for (let i = 2; i < timeline.length; i++) expect(timeline[i]!.at).toBeGreaterThan(timeline[i - 1]!.at);
    expect((await prisma.webhookEvent.findMany()).map((e) => e.status)).toEqual(Array(7).fill("PROCESSED"));

    // One job per file, waiting for the media worker.
    const queued = await assetsOf(interviewId);
    expect(queued.map((a) => [a.kind, a.status, a.source, a.notetakerId])).toEqual(KINDS.map((k) => [k, "PENDING", "NOTETAKER", notetakerId]));
    expect(queued.find((a) => a.kind === "RECORDING")).toMatchObject({ contentType: "video/mp4", durationSeconds: Math.round(BACKEND_SAMPLE.durationMs / 1000) });

    const { calls, fetchImpl } = recordingFetch();
    expect(await downloadAll({ fetchImpl })).toBe(5);
    expect(calls.map((c) => c.status)).toEqual(Array(5).fill(200));
    const assets = await expectAllStored(interviewId, notetakerId);
    for (const asset of assets) {
      expect(asset).toMatchObject({ attempts: 1, sourceUrl: null, bytesReceived: asset.size, expectedSize: asset.size });
      expect(asset.storedAt).toBeInstanceOf(Date);
    }
    expect(Object.fromEntries(assets.map((a) => [a.kind, a.contentType]))).toEqual({
      ACTION_ITEMS: "application/json",
      RECORDING: "video/mp4",
      SUMMARY: "application/json",
      THUMBNAIL: "image/png",
      TRANSCRIPT: "application/json",
    });
    // Files in storage: exactly the five, nothing left in .partial/.
    expect(await storedFiles()).toEqual(assets.map((a) => a.storageKey!).sort());

    // Transcript lines: the sandbox's file, with the real names, times in ms.
    const transcriptFile = JSON.parse(Buffer.from((await sandboxFile(notetakerId, "TRANSCRIPT")).content!).toString("utf8")) as {
      transcript: { speaker: string; start: number; end: number; text: string }[];
    };
    const segments = await prisma.transcriptSegment.findMany({ where: { interviewId }, orderBy: { position: "asc" } });
    expect(segments.map((s) => ({ speaker: s.speaker, start: s.startMs, end: s.endMs, text: s.text }))).toEqual(transcriptFile.transcript);
    expect(segments).toHaveLength(BACKEND_SAMPLE.segments.length);
    expect(new Set(segments.map((s) => s.speaker))).toEqual(new Set([host.name, DANA.name]));
    expect(segments.every((s) => s.assetId === assets.find((a) => a.kind === "TRANSCRIPT")!.id)).toBe(true);

    // Summary and action items.
    const summary = JSON.parse(Buffer.from((await sandboxFile(notetakerId, "SUMMARY")).content!).toString("utf8")) as string;
    const actionItems = JSON.parse(Buffer.from((await sandboxFile(notetakerId, "ACTION_ITEMS")).content!).toString("utf8")) as string[];
    interview = await prisma.interview.findUniqueOrThrow({ where: { id: interviewId } });
    expect(interview.summaryText).toBe(summary);
    expect((await prisma.actionItem.findMany({ where: { interviewId }, orderBy: { position: "asc" } })).map((a) => a.text)).toEqual(actionItems);
    expect(actionItems.length).toBeGreaterThan(0);

    // The debrief shows it all, with no alert.
    const debrief = await debriefOf(interviewId);
    expect(debrief).toMatchObject({ status: "COMPLETED", alert: null, isInProgress: false, summaryText: summary, transcriptSource: "NOTETAKER" });
    expect(debrief.notetaker).toMatchObject({ id: notetakerId, state: "available" });
    expect(debrief.recording).toEqual({
      assetId: assets.find((a) => a.kind === "RECORDING")!.id,
      contentType: "video/mp4",
      isAudioOnly: false,
      thumbnailAssetId: assets.find((a) => a.kind === "THUMBNAIL")!.id,
    });
    expect(debrief.notetakerSettings).toMatchObject({ source: "nylas", summaryInstructions: BACKEND_INSTRUCTIONS, actionItemsInstructions: ENGINEERING.actionItemsInstructions });
    expect(debrief.segments).toHaveLength(segments.length);
    expect(debrief.actionItems.map((a) => a.text)).toEqual(actionItems);
    expect(debrief.assets.every((a) => a.isDownloadable && a.status === "STORED")).toBe(true);
  });
});

// ───────────────────────────── order and duplicates ─────────────────────────────

describe("notifications out of order, and again", () => {
  it("notetaker notifications that arrive before their booking wait (PENDING with last_error, not DEAD), then are processed once the booking is", async () => {
    const { booking } = await bookFirstSlot(configurationId);
    const notetakerId = (await prisma.sandboxBooking.findUniqueOrThrow({ where: { id: booking.bookingId } })).notetakerId!;
    expect((await runNotetaker(server.origin, notetakerId)).status).toBe(200);
    const captured = await captureDeliveries();
    expect(captured.map((c) => c.type).sort()).toEqual([
      "booking.created",
      "notetaker.created",
      "notetaker.media",
      "notetaker.media",
      "notetaker.meeting_state",
      "notetaker.meeting_state",
      "notetaker.meeting_state",
    ]);

    // Every notetaker notification first (the whole run, media included).
    for (const c of captured.filter((c) => c.type !== "booking.created")) expect(await post(c)).toEqual({ duplicate: false, ignored: false, received: true });
    // One job for the notetaker: its run reads all six.
    expect(await processDueWebhookEvents()).toBe(1);
    let events = await prisma.webhookEvent.findMany({ where: { type: { startsWith: "notetaker." } } });
    expect(events).toHaveLength(6);
    for (const e of events) {
      expect(e).toMatchObject({ status: "PENDING", attempts: 1, notetakerId });
      expect(e.lastError).toMatch(/no interview is linked to this notetaker yet/);
      expect(e.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    }
    expect(await prisma.interview.count()).toBe(0);
    expect(await prisma.mediaAsset.count()).toBe(0);
    expect(await processDueWebhookEvents()).toBe(0); // backing off

    // The booking arrives: it is processed, and makes the notetaker's waiting job due at once.
    await post(captured.find((c) => c.type === "booking.created")!);
    expect(await processDueWebhookEvents()).toBe(1);
    expect(await processDueWebhookEvents()).toBe(1);
    events = await prisma.webhookEvent.findMany();
    expect(events.map((e) => [e.type, e.status, e.lastError])).toEqual(events.map((e) => [e.type, "PROCESSED", null]));

    const interview = await prisma.interview.findUniqueOrThrow({ where: { bookingId: booking.bookingId } });
    expect(interview).toMatchObject({ notetakerId, notetakerState: "available", status: "COMPLETED" });
    expect(await downloadAll()).toBe(5);
    await expectAllStored(interview.id, notetakerId);
  });

  it("links a notetaker by its event id when the booking did not name it, and through the SDK when the notification has no event", async () => {
    const { booking } = await bookFirstSlot(configurationId);
    const notetakerId = (await prisma.sandboxBooking.findUniqueOrThrow({ where: { id: booking.bookingId } })).notetakerId!;
    const captured = await captureDeliveries();
    // booking.created without notetaker_id; notetaker.created once with its event, once (another id) without.
    const bookingEnvelope = structuredClone(captured.find((c) => c.type === "booking.created")!.envelope);
    delete bookingEnvelope.data.object.booking_info.notetaker_id;
    await post(await signed(bookingEnvelope));
    await processDueWebhookEvents();
    expect((await prisma.interview.findUniqueOrThrow({ where: { bookingId: booking.bookingId } })).notetakerId).toBeNull();

    const created = structuredClone(captured.find((c) => c.type === "notetaker.created")!.envelope);
    const withoutEvent = structuredClone(created);
    withoutEvent.id = `${created.id}-no-event`;
    delete withoutEvent.data.object.event;
    await post(await signed(withoutEvent));
    const lookupsBefore = server.requests.filter((r) => r.path.endsWith(`/notetakers/${notetakerId}`)).length;
    expect(await processDueWebhookEvents()).toBe(1);
    // Looked up through the SDK (find), which names the event.
    expect(server.requests.filter((r) => r.path.endsWith(`/notetakers/${notetakerId}`)).length).toBe(lookupsBefore + 1);
    let interview = await prisma.interview.findUniqueOrThrow({ where: { bookingId: booking.bookingId } });
    expect(interview).toMatchObject({ notetakerId, notetakerState: "scheduled" });

    await post(await signed(created));
    expect(await processDueWebhookEvents()).toBe(1);
    interview = await prisma.interview.findUniqueOrThrow({ where: { bookingId: booking.bookingId } });
    expect(interview).toMatchObject({ notetakerId, notetakerState: "scheduled" });
    expect((await prisma.webhookEvent.findMany()).every((e) => e.status === "PROCESSED")).toBe(true);
  });

  it("is idempotent: duplicates, reprocessing and a repeated media notification change nothing, and a stored file is never downloaded again", async () => {
    const { interviewId } = await completedInterview();
    expect(await downloadAll()).toBe(5);
    const snapshot = async () => ({
      interview: { ...(await prisma.interview.findUniqueOrThrow({ where: { id: interviewId } })), updatedAt: null },
      assets: (await assetsOf(interviewId)).map((a) => ({ ...a, updatedAt: null })),
      segments: await prisma.transcriptSegment.findMany({ where: { interviewId }, orderBy: { position: "asc" } }),
      actionItems: await prisma.actionItem.findMany({ where: { interviewId }, orderBy: { position: "asc" } }),
      files: await storedFiles(),
      events: await prisma.webhookEvent.count(),
    });
    const before = await snapshot();
    const fileGets = mediaFileGets();

    // 1. Nylas redelivers every notification (same ids, next attempt number): duplicates at the door.
    const deliveries = await prisma.sandboxWebhookDelivery.count();
    await prisma.sandboxWebhookDelivery.updateMany({ data: { status: "pending", nextAttemptAt: new Date() } });
    await enqueue(
      prisma,
      webhookDeliveryJob,
      (await prisma.sandboxWebhookDelivery.findMany({ select: { id: true } })).map((d) => ({ deliveryId: d.id })),
    );
    const redelivered = server.requests.length;
    expect(await dispatchDueDeliveries({ limit: 50 })).toBe(deliveries);
    const answers = server.requests.slice(redelivered).filter((r) => r.path === "/api/webhooks/nylas");
    expect(answers.map((r) => r.status)).toEqual(Array(deliveries).fill(200));
    expect(await prisma.webhookEvent.count()).toBe(before.events);
    expect(await processDueWebhookEvents()).toBe(0);

    // 2. An admin retries every notification: all reprocessed (one job for the booking, one for its notetaker).
    for (const e of await prisma.webhookEvent.findMany()) expect(await retryWebhookEvent(e.id)).toBe(true);
    expect(await processDueWebhookEvents({ limit: 50 })).toBe(2);

    // 3. Nylas sends "available" again (new notification id, same time, fresh URLs).
    const available = (await prisma.webhookEvent.findMany({ where: { type: "notetaker.media" } })).find((e) => (e.payload as any).data.object.state === "available")!;
    const again = structuredClone(available.payload as Record<string, any>);
    again.id = `${again.id}-again`;
    for (const key of ["recording", "transcript", "summary", "action_items", "thumbnail"]) again.data.object.media[key] = `${again.data.object.media[key]}&fresh=1`;
    expect(await post(await signed(again))).toMatchObject({ duplicate: false });
    expect(await processDueWebhookEvents()).toBe(1);

    // 4. The media worker finds nothing to do; a stored file cannot be "retried".
    const { calls, fetchImpl } = recordingFetch();
    expect(await processDueMediaDownloads({ storage, fetchImpl })).toBe(0);
    for (const asset of before.assets) expect(await retryMediaDownload(asset.id)).toBe(false);
    expect(await processDueMediaDownloads({ storage, fetchImpl })).toBe(0);
    expect(calls).toEqual([]);
    expect(mediaFileGets()).toBe(fileGets);

    const after = await snapshot();
    expect({ ...after, events: after.events - 1 }).toEqual(before);
  });
});

// ───────────────────────────── download faults ─────────────────────────────

describe("download faults", () => {
  it("two failures (503), then success: attempts 1 and 2 PENDING with HTTP 503, attempt 3 stores", async () => {
    const { interviewId, notetakerId } = await completedInterview();
    await onlyDue(interviewId, "TRANSCRIPT");
    expect((await setMediaFaults(server.origin, notetakerId, { fail: { count: 2, status: 503 } })).status).toBe(200);
    const transcript = await assetOf(interviewId, "TRANSCRIPT");

    for (const attempt of [1, 2]) {
      const started = Date.now();
      expect(await processDueMediaDownloads({ storage, retryBaseMs: 5 })).toBe(1);
      const row = await assetOf(interviewId, "TRANSCRIPT");
      expect(row).toMatchObject({ status: "PENDING", attempts: attempt, storageKey: null, bytesReceived: 0n });
      expect(row.lastError).toMatch(/HTTP 503/);
      // Backoff: 5 ms × 4^(attempt-1).
      expect(row.nextAttemptAt.getTime() - started).toBeGreaterThanOrEqual(5 * 4 ** (attempt - 1) - 5);
      expect(row.nextAttemptAt.getTime() - started).toBeLessThan(5_000);
      await makeDue(transcript.id);
    }
    expect(await processDueMediaDownloads({ storage, retryBaseMs: 5 })).toBe(1);
    const stored = await assetOf(interviewId, "TRANSCRIPT");
    expect(stored).toMatchObject({ status: "STORED", attempts: 3, lastError: null });
    expect(await prisma.transcriptSegment.count({ where: { interviewId } })).toBe(BACKEND_SAMPLE.segments.length);

    await releaseAll(interviewId);
    await downloadAll();
    await expectAllStored(interviewId, notetakerId);
  });

  it("an expired URL is refreshed through the SDK's media call (before the download, or after a 403) and the file stored", async () => {
    const restore = envOverride({ SANDBOX_MEDIA_URL_TTL_S: "1" }, assertServerEnv);
    try {
      const { interviewId, notetakerId } = await completedInterview();
      const webhookUrls = new Map((await assetsOf(interviewId)).map((a) => [a.kind, a.sourceUrl!]));
      // Wait until the URLs the notification carried have expired.
      const deadline = Date.now() + 15_000;
      for (;;) {
        const res = await fetch(webhookUrls.get("TRANSCRIPT")!);
        await res.body?.cancel();
        if (res.status === 403) break;
        expect(Date.now()).toBeLessThan(deadline);
        await sleep(250);
      }
      expect((await fetch(webhookUrls.get("RECORDING")!, { method: "HEAD" })).status).toBe(403);

      // (a) The app believes its URL still good (it assumes Nylas's hour): the GET answers 403, one refresh, stored.
      const size = (await sandboxFile(notetakerId, "TRANSCRIPT")).size;
      const transcript = await assetOf(interviewId, "TRANSCRIPT");
      await prisma.mediaAsset.update({ where: { id: transcript.id }, data: { expectedSize: size, sourceUrlExpiresAt: FAR_FUTURE } });
      await onlyDue(interviewId, "TRANSCRIPT");
      let endpointCalls = mediaEndpointCalls();
      const first = recordingFetch();
      expect(await processDueMediaDownloads({ storage, fetchImpl: first.fetchImpl })).toBe(1);
      expect(first.calls.map((c) => c.status)).toEqual([403, 200]);
      expect(first.calls[0]!.url).toBe(webhookUrls.get("TRANSCRIPT"));
      expect(first.calls[1]!.url).not.toBe(webhookUrls.get("TRANSCRIPT"));
      expect(mediaEndpointCalls()).toBe(endpointCalls + 1);
      expect(await assetOf(interviewId, "TRANSCRIPT")).toMatchObject({ status: "STORED", attempts: 1 });

      // (b) The rest: fresh URLs asked for before downloading; the expired ones are never fetched.
      await releaseAll(interviewId);
      endpointCalls = mediaEndpointCalls();
      const rest = recordingFetch();
      expect(await downloadAll({ fetchImpl: rest.fetchImpl })).toBe(4);
      expect(rest.calls.map((c) => c.status)).toEqual(Array(4).fill(200));
      for (const call of rest.calls) expect([...webhookUrls.values()]).not.toContain(call.url);
      expect(mediaEndpointCalls()).toBeGreaterThan(endpointCalls);
      await expectAllStored(interviewId, notetakerId);
    } finally {
      restore();
    }
  });

  it("a padded download (size mismatch) is never marked stored; nothing at the key, nothing in .partial/; after the fault clears, Retry stores it", async () => {
    const { interviewId, notetakerId } = await completedInterview();
    await onlyDue(interviewId, "TRANSCRIPT");
    expect((await setMediaFaults(server.origin, notetakerId, { pad: { count: 10, bytes: 16 } })).status).toBe(200);
    const id = (await assetOf(interviewId, "TRANSCRIPT")).id;
    for (let attempt = 1; attempt <= 6; attempt++) {
      expect(await processDueMediaDownloads({ storage, retryBaseMs: 1 })).toBe(1);
      const row = await assetOf(interviewId, "TRANSCRIPT");
      expect(row.status).toBe(attempt < 6 ? "PENDING" : "FAILED");
      expect(row).toMatchObject({ attempts: attempt, storageKey: null, storedAt: null, size: null });
      expect(row.lastError).toMatch(/announced \d+ bytes but Nylas listed \d+/);
      if (attempt < 6) await makeDue(id);
    }
    const failed = await assetOf(interviewId, "TRANSCRIPT");
    expect(await storage.stat(storageKeyFor(interviewId, id, failed.fileName!))).toBeNull();
    expect(await storedFiles()).toEqual([]);
    expect(await prisma.transcriptSegment.count({ where: { interviewId } })).toBe(0);
    const debrief = await debriefOf(interviewId);
    expect(debrief.alert).toMatchObject({ kind: "asset_failed", message: failed.lastError });

    expect((await setMediaFaults(server.origin, notetakerId, {})).status).toBe(200);
    const before = await assetOf(interviewId, "TRANSCRIPT");
    expect(await retryMediaDownload(id)).toBe(true);
    // A fresh job: a fresh set of attempts, the first of which stores it.
    expect(await assetOf(interviewId, "TRANSCRIPT")).toMatchObject({ status: "PENDING", attempts: before.attempts, lastError: null });
    expect(await processDueMediaDownloads({ storage })).toBe(1);
    expect(await assetOf(interviewId, "TRANSCRIPT")).toMatchObject({ status: "STORED", attempts: 1, lastError: null });
    expect(await prisma.transcriptSegment.count({ where: { interviewId } })).toBe(BACKEND_SAMPLE.segments.length);
  });

  it("a padded body without a Content-Length is caught by the storage's size check: not stored, no leftovers", async () => {
    const { interviewId, notetakerId } = await completedInterview();
    await onlyDue(interviewId, "RECORDING");
    await setMediaFaults(server.origin, notetakerId, { pad: { count: 1, bytes: 16 } });
    // A proxy that re-chunks the body and drops Content-Length: only the bytes themselves tell.
    const { fetchImpl } = recordingFetch((_url, res) => {
      const headers = new Headers(res.headers);
      headers.delete("content-length");
      return new Response(res.body, { status: res.status, headers });
    });
    expect(await processDueMediaDownloads({ storage, fetchImpl, retryBaseMs: 1 })).toBe(1);
    const row = await assetOf(interviewId, "RECORDING");
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, storageKey: null });
    expect(row.lastError).toMatch(/size did not match what Nylas listed; it was not stored/);
    expect(await storedFiles()).toEqual([]);

    await makeDue(row.id);
    expect(await processDueMediaDownloads({ storage, fetchImpl })).toBe(1);
    expect(await assetOf(interviewId, "RECORDING")).toMatchObject({ status: "STORED", attempts: 2 });
    expect(await storedFiles()).toEqual([(await assetOf(interviewId, "RECORDING")).storageKey]);
  });

  it("a corrupted download (checksum mismatch) fails its first attempt, leaves nothing behind, and the retry stores it", async () => {
    const { interviewId, notetakerId } = await completedInterview();
    await onlyDue(interviewId, "RECORDING");
    await setMediaFaults(server.origin, notetakerId, { corrupt: { count: 1 } });
    expect(await processDueMediaDownloads({ storage, retryBaseMs: 1 })).toBe(1);
    const row = await assetOf(interviewId, "RECORDING");
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, storageKey: null, sha256: null });
    expect(row.lastError).toBe("The downloaded file's checksum did not match; it was not stored.");
    expect(await storage.stat(storageKeyFor(interviewId, row.id, row.fileName!))).toBeNull();
    expect(await storedFiles()).toEqual([]);

    await makeDue(row.id);
    expect(await processDueMediaDownloads({ storage, retryBaseMs: 1 })).toBe(1);
    const stored = await assetOf(interviewId, "RECORDING");
    expect(stored).toMatchObject({ status: "STORED", attempts: 2, sha256: (await sandboxFile(notetakerId, "RECORDING")).sha256 });
  });
});

// ───────────────────────────── a worker that dies mid-download ─────────────────────────────

/**
 * A fetch whose body passes `afterBytes` bytes of the real file and then hangs (a worker stuck on a
 * dead connection) until released (the rest flows) or cancelled.
 */
function hangingFetch(afterBytes: number) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let hung!: () => void;
  const hanging = new Promise<void>((resolve) => (hung = resolve));
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const real = await fetch(input, { ...init, signal: undefined });
    const reader = real.body!.getReader();
    let sent = 0;
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent >= afterBytes) {
          hung();
          await released;
        }
        if (cancelled) return;
        const { done, value } = await reader.read();
        if (cancelled) return;
        if (done) return controller.close();
        sent += value.length;
        controller.enqueue(value);
      },
      async cancel(reason) {
        cancelled = true;
        release();
        await reader.cancel(reason).catch(() => undefined);
      },
    });
    return new Response(body, { status: real.status, headers: real.headers });
  }) as typeof fetch;
  return { fetchImpl, hanging, release: () => release() };
}

describe("a worker that dies mid-download", () => {
  for (const ending of ["stopped by its own lease renewal", "released, the rest of its body flowing"] as const) {
    it(`after the lease another worker takes the job over (attempt 2) and stores it once; the hung first attempt, ${ending}, changes nothing`, async () => {
      const restore = envOverride({ JOB_LEASE_SECONDS: "1" }, assertServerEnv);
      try {
        const { interviewId, notetakerId } = await completedInterview();
        await onlyDue(interviewId, "RECORDING");
        const hung = hangingFetch(64 * 1024);
        // A process frozen past its lease: its first lease renewal comes only after 4 s (a live one
        // renews every third of the lease), by when the job is another worker's.
        const first = processDueMediaDownloads({ storage, fetchImpl: hung.fetchImpl, retryBaseMs: 1, leaseRenewMs: 4_000 });
        await hung.hanging;
        let row = await assetOf(interviewId, "RECORDING");
        expect(row).toMatchObject({ status: "DOWNLOADING", attempts: 1 });
        expect(await processDueMediaDownloads({ storage })).toBe(0); // leased

        await sleep(1_300);
        const { calls, fetchImpl } = recordingFetch();
        expect(await processDueMediaDownloads({ storage, fetchImpl })).toBe(1);
        expect(calls.map((c) => c.status)).toEqual([200]);
        row = await assetOf(interviewId, "RECORDING");
        const file = await sandboxFile(notetakerId, "RECORDING");
        expect(row).toMatchObject({ status: "STORED", attempts: 2, size: file.size, sha256: file.sha256, lastError: null });
        const storedAt = row.storedAt;

        if (ending === "released, the rest of its body flowing") hung.release();
        expect(await first).toBe(1);

        const final = await assetOf(interviewId, "RECORDING");
        expect(final).toMatchObject({ status: "STORED", attempts: 2, size: file.size, sha256: file.sha256, lastError: null, storageKey: row.storageKey });
        expect(final.storedAt).toEqual(storedAt);
        expect(await storedFiles()).toEqual([row.storageKey]);
        expect(sha256(await readAll(await storage.read(row.storageKey!)))).toBe(file.sha256);
        expect(await prisma.job.count({ where: { kind: mediaDownloadJob.name, dedupKey: row.id } })).toBe(0);
      } finally {
        restore();
      }
    });
  }
});

describe("a live download keeps its lease", () => {
  it("while Nylas takes longer than the lease to send the first byte: no other worker takes it over", async () => {
    const restore = envOverride({ JOB_LEASE_SECONDS: "1" }, assertServerEnv);
    try {
      const { interviewId, notetakerId } = await completedInterview();
      await onlyDue(interviewId, "RECORDING");
      let answered!: () => void;
      const waiting = new Promise<void>((resolve) => (answered = resolve));
      const slow = (async (input: string | URL | Request, init?: RequestInit) => {
        await sleep(2_500);
        answered();
        return fetch(input, init);
      }) as typeof fetch;
      const first = processDueMediaDownloads({ storage, fetchImpl: slow });
      for (const wait of [1_200, 800]) {
        await sleep(wait);
        expect(await processDueMediaDownloads({ storage })).toBe(0);
      }
      await waiting;
      expect(await first).toBe(1);
      const file = await sandboxFile(notetakerId, "RECORDING");
      expect(await assetOf(interviewId, "RECORDING")).toMatchObject({ status: "STORED", attempts: 1, size: file.size, sha256: file.sha256, lastError: null });
      expect(await storedFiles()).toHaveLength(1);
    } finally {
      restore();
    }
  });
});

// ───────────────────────────── retention ─────────────────────────────

describe("retention", () => {
  it("Nylas deleting its copies after we stored ours changes nothing on our side", async () => {
    const { interviewId, notetakerId } = await completedInterview();
    await downloadAll();
    await expectAllStored(interviewId, notetakerId);
    const before = await assetsOf(interviewId);

    // Stamped after the run's last step (see the sandbox test on expire-media right after a run).
    await expireNotetakerMedia(notetakerId, new Date(Date.now() + 10_000));
    await pump();
    const interview = await prisma.interview.findUniqueOrThrow({ where: { id: interviewId } });
    expect(interview).toMatchObject({ notetakerState: "media_deleted", status: "COMPLETED" });
    const after = await assetsOf(interviewId);
    expect(after.map((a) => ({ ...a, updatedAt: null }))).toEqual(before.map((a) => ({ ...a, updatedAt: null })));
    // Nylas's files are gone (410); ours are all still there and intact.
    expect(await prisma.sandboxNotetakerFile.count({ where: { notetakerId } })).toBe(0);
    for (const asset of after) {
      expect(asset.status).toBe("STORED");
      expect(sha256(await readAll(await storage.read(asset.storageKey!)))).toBe(asset.sha256);
    }
    expect(await storedFiles()).toEqual(after.map((a) => a.storageKey!).sort());
    expect((await debriefOf(interviewId)).alert).toBeNull();
  });

  it("Nylas deleting its copies before we stored them: assets FAILED with a readable error; the alert says media_deleted", async () => {
    const { interviewId, notetakerId } = await completedInterview();
    // Retention ends (stamped after the run's last step: see "media_deleted is final" below).
    await expireNotetakerMedia(notetakerId, new Date(Date.now() + 10_000));

    // The media worker runs before the media_deleted notification is processed: the media endpoint says 410.
    const { calls, fetchImpl } = recordingFetch();
    expect(await downloadAll({ fetchImpl })).toBe(5);
    expect(calls).toEqual([]);
    for (const asset of await assetsOf(interviewId)) {
      expect(asset).toMatchObject({ status: "FAILED", attempts: 1, storageKey: null });
      expect(asset.lastError).toMatch(/deleted/);
    }
    expect(await storedFiles()).toEqual([]);

    await pump();
    const interview = await prisma.interview.findUniqueOrThrow({ where: { id: interviewId } });
    expect(interview.notetakerState).toBe("media_deleted");
    for (const asset of await assetsOf(interviewId)) expect(asset.lastError).toBe("Nylas deleted this file (its 14-day retention ended) before it could be stored.");
    const debrief = await debriefOf(interviewId);
    expect(debrief.alert).toMatchObject({ kind: "media_deleted", title: "Nylas deleted the media before it was stored" });
    const list = await listInterviews(RECRUITER, {});
    expect(list.rows.find((r) => r.id === interviewId)!.alert).toMatchObject({ kind: "media_deleted" });
  });

  it("media_deleted is final: a media_deleted stamped earlier than available still leaves the media deleted", async () => {
    // What the sandbox's expire-media sends when called right after a run (its run stamps steps
    // up to 5 s ahead of the clock; see notetaker-sandbox.test.ts), and what clock skew could
    // produce: the reducer promises "Deleted is final, as is media_deleted for the media".
    const { interviewId, notetakerId } = await completedInterview();
    expect((await expireMedia(server.origin, notetakerId)).status).toBe(200);
    const [deleted] = await captureDeliveries();
    expect(deleted!.envelope.data.object.state).toBe("media_deleted");
    const available = (await prisma.webhookEvent.findMany({ where: { type: "notetaker.media" } })).find((e) => (e.payload as any).data.object.state === "available")!;
    const envelope = structuredClone(deleted!.envelope);
    envelope.time = Math.floor(available.eventTime!.getTime() / 1000) - 1;
    await post(await signed(envelope));
    await processDueWebhookEvents();
    expect((await prisma.interview.findUniqueOrThrow({ where: { id: interviewId } })).notetakerState).toBe("media_deleted");
    expect((await assetsOf(interviewId)).map((a) => a.status)).toEqual(Array(5).fill("FAILED"));
    expect((await debriefOf(interviewId)).alert).toMatchObject({ kind: "media_deleted" });
  });

  it("the media_deleted notification processed before the media worker ran: the queued downloads become FAILED and are never tried", async () => {
    const { interviewId, notetakerId } = await completedInterview();
    await expireNotetakerMedia(notetakerId, new Date(Date.now() + 10_000));
    await pump();
    // Their jobs run and end without a download.
    const { calls, fetchImpl } = recordingFetch();
    expect(await processDueMediaDownloads({ storage, fetchImpl })).toBe(5);
    expect(calls).toEqual([]);
    expect(await processDueMediaDownloads({ storage, fetchImpl })).toBe(0);
    for (const asset of await assetsOf(interviewId)) {
      expect(asset).toMatchObject({ status: "FAILED", attempts: 0, lastError: "Nylas deleted this file (its 14-day retention ended) before it could be stored." });
    }
    expect((await debriefOf(interviewId)).alert).toMatchObject({ kind: "media_deleted" });
  });
});

// ───────────────────────────── failed entry ─────────────────────────────

describe("the Notetaker could not join", () => {
  it("failed_entry: the interview's notetakerState, and the failed_entry alert on the debrief and the dashboard row", async () => {
    const { interviewId, notetakerId } = await bookInterview();
    expect((await runNotetaker(server.origin, notetakerId, "failed_entry")).status).toBe(200);
    await pump();
    const interview = await prisma.interview.findUniqueOrThrow({ where: { id: interviewId } });
    expect(interview).toMatchObject({ notetakerState: "failed_entry", notetakerStateReason: "admission_timeout", status: "SCHEDULED", completedAt: null });
    expect(await prisma.mediaAsset.count()).toBe(0);

    const debrief = await debriefOf(interviewId);
    expect(debrief.alert).toMatchObject({ kind: "failed_entry", title: "The Notetaker could not join" });
    expect(debrief.alert!.message).toContain("nobody admitted it from the lobby in time");
    const list = await listInterviews(RECRUITER, {});
    const row = list.rows.find((r) => r.id === interviewId)!;
    expect(row.alert).toMatchObject({ kind: "failed_entry" });
    expect(row.notetaker).toEqual({ label: "Could not join", tone: "danger" });
    // The interviewer who runs it sees the same alert.
    const host = interview.interviewerEmail!;
    const own = await listInterviews({ email: host, role: "INTERVIEWER" }, {});
    expect(own.rows.map((r) => [r.id, r.alert?.kind])).toEqual([[interviewId, "failed_entry"]]);
  });
});

describe("the notetaker follows its booking in the app", () => {
  it("a reschedule keeps it scheduled at the new time; a cancellation deletes it: no alert, no media jobs", async () => {
    const { slot, booking, interviewId, notetakerId } = await bookInterview();
    const nylas = getNylas();
    // A later day on which the same host is free (a reschedule keeps the host).
    let moved = false;
    for (const candidate of (await offeredSlots(configurationId)).filter((s) => s.startTime >= slot.startTime + 86_400).slice(0, 40)) {
      try {
        await nylas.scheduler.bookings.reschedule({ bookingId: booking.bookingId, queryParams: { configurationId }, requestBody: { startTime: candidate.startTime, endTime: candidate.endTime } });
        moved = true;
        break;
      } catch {
        // that time is not free for this host; try the next
      }
    }
    expect(moved).toBe(true);
    await pump();
    let interview = await prisma.interview.findUniqueOrThrow({ where: { id: interviewId } });
    expect(interview).toMatchObject({ status: "RESCHEDULED", notetakerId, notetakerState: "scheduled" });
    expect((interview.notetakerTimeline as unknown[]).length).toBe(1);

    await nylas.scheduler.bookings.destroy({ bookingId: booking.bookingId, queryParams: { configurationId }, requestBody: { cancellationReason: "Withdrew" } });
    await pump();
    interview = await prisma.interview.findUniqueOrThrow({ where: { id: interviewId } });
    expect(interview).toMatchObject({ status: "CANCELLED", notetakerId, notetakerState: "deleted", completedAt: null });
    expect(await prisma.mediaAsset.count()).toBe(0);
    expect((await debriefOf(interviewId)).alert).toBeNull();
    const row = (await listInterviews(RECRUITER, {})).rows.find((r) => r.id === interviewId)!;
    expect(row).toMatchObject({ alert: null, notetaker: { label: "Removed", tone: "neutral" } });
    const events = await prisma.webhookEvent.findMany();
    expect(events.map((e) => e.type).sort()).toEqual(["booking.cancelled", "booking.created", "booking.rescheduled", "notetaker.created", "notetaker.deleted", "notetaker.updated"]);
    expect(events.map((e) => e.status)).toEqual(Array(6).fill("PROCESSED"));
  });
});

// ───────────────────────────── S3 ─────────────────────────────

describe("S3 storage", () => {
  let s3: TestS3Server;
  let client: S3Client;
  beforeAll(async () => {
    s3 = await startS3Server();
    client = new S3Client({ region: "us-east-1", endpoint: s3.endpoint, forcePathStyle: true, credentials: S3RVER_CREDENTIALS });
  });
  afterAll(async () => {
    client.destroy();
    await s3.close();
  });

  it("the same happy path into an S3-compatible store: every object readable, sha256 matching, no leftovers", async () => {
    const s3Storage = createS3Storage({ bucket: s3.bucket, endpoint: s3.endpoint, region: "us-east-1", forcePathStyle: true, client });
    const { interviewId, notetakerId } = await completedInterview();
    expect(await downloadAll({ storage: s3Storage })).toBe(5);
    const assets = await expectAllStored(interviewId, notetakerId, s3Storage);
    const listed = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket }));
    expect((listed.Contents ?? []).map((o) => o.Key).sort()).toEqual(assets.map((a) => a.storageKey).sort());
    expect(await prisma.transcriptSegment.count({ where: { interviewId } })).toBe(BACKEND_SAMPLE.segments.length);
    // Nothing went to the filesystem.
    expect(await storedFiles()).toEqual([]);
  });
});

// ───────────────────────────── audio only ─────────────────────────────

describe("an audio-only Notetaker", () => {
  it("stores the MP3 as audio/mpeg with no thumbnail; the debrief plays it as audio", async () => {
    // Video recording turned off on the Nylas side (the configuration PUT through the SDK). Nylas's
    // transcript needs video too, so transcription (and the summary and action items made from it) go off with it.
    const nylas = getNylas();
    const grant = (await prisma.roleConfiguration.findFirstOrThrow({ where: { configurationId } })).grantId!;
    const config = (await nylas.scheduler.configurations.find({ identifier: grant, configurationId })).data as unknown as { scheduler: Record<string, any> };
    const audioOnly = { videoRecording: false, transcription: false, summary: false, actionItems: false };
    const notetakerSettings = { ...config.scheduler.notetakerSettings, meetingSettings: { ...config.scheduler.notetakerSettings.meetingSettings, ...audioOnly } };
    await nylas.scheduler.configurations.update({ identifier: grant, configurationId, requestBody: { scheduler: { ...config.scheduler, notetakerSettings } } as never });

    const { interviewId, notetakerId } = await completedInterview();
    const queued = await assetOf(interviewId, "RECORDING");
    expect(queued).toMatchObject({ contentType: "audio/mpeg", fileName: "recording.mp3" });
    expect(await downloadAll()).toBe(1);
    const assets = await expectAllStored(interviewId, notetakerId, storage, ["RECORDING"]);
    const recording = assets.find((a) => a.kind === "RECORDING")!;
    expect(recording).toMatchObject({ contentType: "audio/mpeg", fileName: "meeting_recording.mp3" });
    const interview = await prisma.interview.findUniqueOrThrow({ where: { id: interviewId } });
    expect(interview.notetakerSettings).toMatchObject({ source: "nylas", videoRecording: false, audioRecording: true });
    const debrief = await debriefOf(interviewId);
    expect(debrief.recording).toEqual({ assetId: recording.id, contentType: "audio/mpeg", isAudioOnly: true, thumbnailAssetId: null });
    expect(debrief.alert).toBeNull();
  });
});

// ───────────────────────────── unreadable files ─────────────────────────────

describe("a summary or action items file the parser cannot read", () => {
  it("that asset FAILED with the parser's error, the others STORED, the transcript still shown", async () => {
    const { interviewId, notetakerId } = await completedInterview();
    const sizes = { summary: Number((await sandboxFile(notetakerId, "SUMMARY")).size), action_items: Number((await sandboxFile(notetakerId, "ACTION_ITEMS")).size) };
    // Right size, valid JSON, no digest: only the parser can object.
    const { fetchImpl } = recordingFetch((url, res) => {
      const kind = /\/v3\/sandbox\/media\/[0-9a-f]{32}\/(summary|action_items)\//.exec(url)?.[1] as keyof typeof sizes | undefined;
      if (!kind) return res;
      void res.body?.cancel();
      return new Response('{"nope":1}'.padEnd(sizes[kind], " "), { status: 200, headers: { "content-type": "application/json" } });
    });
    expect(await downloadAll({ fetchImpl })).toBe(5);

    const summary = await assetOf(interviewId, "SUMMARY");
    expect(summary).toMatchObject({ status: "FAILED", lastError: "The summary file has no summary text (expected text, or JSON with a summary)." });
    const actionItems = await assetOf(interviewId, "ACTION_ITEMS");
    expect(actionItems.status).toBe("FAILED");
    expect(actionItems.lastError).toMatch(/^The action items file/);
    for (const kind of ["RECORDING", "TRANSCRIPT", "THUMBNAIL"] as const) expect((await assetOf(interviewId, kind)).status).toBe("STORED");

    const interview = await prisma.interview.findUniqueOrThrow({ where: { id: interviewId } });
    expect(interview.summaryText).toBeNull();
    expect(await prisma.actionItem.count({ where: { interviewId } })).toBe(0);
    const debrief = await debriefOf(interviewId);
    expect(debrief.segments).toHaveLength(BACKEND_SAMPLE.segments.length);
    expect(debrief.recording).not.toBeNull();
    expect(debrief.alert).toMatchObject({ kind: "asset_failed", message: summary.lastError });
    expect(debrief.alert!.title).toMatch(/summary and action items/);
  });
});
