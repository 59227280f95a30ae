/**
 * Hostile input in the recruiter's views (issue 8, item 4): names, transcripts and query strings,
 * generated with fast-check against the production server, signed in as the seeded admin. Closes
 * the holes of a candidate name or a transcript line that runs as script in the dashboard (stored
 * XSS from a public booking form or an uploaded file), a query string that crashes the dashboard
 * (5xx), and an upload that is refused yet leaves files or rows behind.
 * - A booking whose guest is named with <script> / <img onerror> (through the signed webhook, the
 *   path a careers-page booking takes) shows as text: escaped in the HTML, no dialog in Chromium.
 * - /dashboard with hostile role, interviewer, status, stage, feedback, from, to, tz, q and page: 200, nothing
 *   reflected unescaped; hostile candidate and interview ids: 404.
 * - POST /api/interviews/<id>/uploads with hostile multipart bodies, file names and transcripts:
 *   a 4xx writes nothing (no row, no temporary file); an accepted transcript renders escaped on the
 *   debrief. Bodies cut off before their closing boundary are a 400; a client that hangs up
 *   mid-body leaves nothing behind.
 */
import { randomUUID } from "node:crypto";
import { readdir } from "node:fs/promises";
import net from "node:net";
import { join } from "node:path";
import type { APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import {
  armPage,
  checkProperty,
  expectClientError,
  expectHealthy,
  expectNoUnescapedMarkup,
  expectNothingRan,
  hostileString,
  hostileWellFormed,
  truncated,
  wrongType,
  XSS_PAYLOADS,
} from "./hostile-arbitraries";
import { expect, test } from "./fixtures/auth";
import { getWebhookSecret, queryDatabase, signWebhookBody } from "./support";
import { bookingEnvelope } from "../support/nylas-webhook-fixtures";

test.describe.configure({ mode: "serial" });

const GUEST_NAME = `${XSS_PAYLOADS[0]} ${XSS_PAYLOADS[1]} Robert'); DROP TABLE candidates; --`;

/** Delivers a signed booking.created for a hostile-named guest of Sarah Kim and waits for its interview. */
async function bookHostileGuest(request: APIRequestContext): Promise<{ interviewId: string; candidateId: string }> {
  const secret = await getWebhookSecret();
  const start = Math.floor(Date.now() / 1000) - 120 * 86_400;
  const bookingId = randomUUID();
  const envelope = bookingEnvelope({
    type: "booking.created",
    time: start - 3_600,
    bookingId,
    configurationId: randomUUID(),
    start,
    end: start + 1_800,
    title: `Interview with ${GUEST_NAME}`,
    participants: [
      { email: "sarah.kim@northwind.example", name: "Sarah Kim" },
      { email: `hostile.guest.${bookingId.slice(0, 8)}@example.org`, name: GUEST_NAME },
    ],
    additionalFields: { linkedin_url: "javascript:hostile_xss(10)" },
  });
  const body = JSON.stringify(envelope);
  const res = await request.post("/api/webhooks/nylas", { headers: { "content-type": "application/json", "x-nylas-signature": await signWebhookBody(body, secret) }, data: body });
  expect(res.status()).toBe(200);
  let row: { id: string; candidate_id: string } | undefined;
  await expect(async () => {
    [row] = await queryDatabase<{ id: string; candidate_id: string }>("SELECT id, candidate_id FROM interviews WHERE booking_id = $1 AND candidate_id IS NOT NULL", [bookingId]);
    expect(row).toBeTruthy();
  }).toPass({ timeout: 30_000 });
  return { interviewId: row!.id, candidateId: row!.candidate_id };
}

let interview: { interviewId: string; candidateId: string };

test.use({ account: "admin" });

test("a guest named with <script> and <img onerror> shows as text in every view", async ({ page }) => {
  interview ??= await bookHostileGuest(page.request);
  for (const path of [`/dashboard/candidates/${interview.candidateId}`, `/dashboard/interviews/${interview.interviewId}`, "/dashboard?status=all&page=1"]) {
    const res = await page.request.get(path);
    expectClientError(res.status(), path, [200]);
    const html = await res.text();
    expectNoUnescapedMarkup(html, path);
    if (!path.startsWith("/dashboard?")) expect(html, `${path}: the name, escaped`).toContain("&lt;script&gt;hostile_xss(1)&lt;/script&gt;");
  }
  const dialogs = await armPage(page);
  for (const path of [`/dashboard/candidates/${interview.candidateId}`, `/dashboard/interviews/${interview.interviewId}`]) {
    await page.goto(path);
    await expect(page.getByText(GUEST_NAME).first()).toBeVisible();
    await expectNothingRan(page, dialogs, path);
  }
});

test("/dashboard with hostile query strings answers 200 and reflects nothing unescaped; hostile ids are 404", async ({ page }) => {
  const request = page.request;
  const param = fc.oneof(
    hostileWellFormed,
    fc.constantFrom(...XSS_PAYLOADS),
    fc.constantFrom(
      "all",
      "CANCELLED",
      "scheduled ",
      "rejected",
      "OFFER",
      "due",
      "Overdue",
      "2026-02-30",
      "2026-13-01",
      "9999-12-31",
      "0000-01-01",
      "-1",
      "0",
      "99999999999",
      "1e3",
      "Europe/Paris",
      "Etc/GMT+14",
      "../../etc/passwd",
      "NaN",
    ),
    fc.constant(null).map(() => randomUUID()),
    wrongType.map((v) => JSON.stringify(v) ?? ""),
  );
  const keys = ["role", "interviewer", "status", "stage", "feedback", "from", "to", "tz", "q", "page"] as const;
  const query = fc.array(fc.tuple(fc.constantFrom(...keys, "extra", "q[]", "__proto__"), param), { minLength: 1, maxLength: 10 });
  await checkProperty("dashboard: query strings", fc.tuple(query, fc.constant("/dashboard")), 200, async ([pairs, path]) => {
    const qs = new URLSearchParams(pairs).toString();
    const res = await request.get(`${path}?${qs}`, { maxRedirects: 0 });
    expectClientError(res.status(), `${path}?${qs.slice(0, 200)}`, [200]);
    // Node refuses a request line past its 16 KB header limit with 431 before the app sees it.
    expect(res.status(), `${path}?${qs.slice(0, 200)}`).toBe(qs.length > 8_000 && res.status() === 431 ? 431 : 200);
    expectNoUnescapedMarkup(await res.text(), `${path}?${qs.slice(0, 200)}`);
  });
  await checkProperty(
    "dashboard: hostile record ids",
    fc.tuple(
      fc.oneof(
        hostileWellFormed.filter((s) => s.length < 2_000 && !/^\.*$/.test(s)),
        fc.constant(null).map(() => randomUUID()),
      ),
      fc.constantFrom("candidates", "interviews"),
    ),
    80,
    async ([id, kind]) => {
      const path = `/dashboard/${kind}/${encodeURIComponent(id)}`;
      const res = await request.get(path, { maxRedirects: 0 });
      expectClientError(res.status(), path);
      expectNoUnescapedMarkup(await res.text(), path);
    },
  );
  await expectHealthy(request);
});

// ───────────────────────────── Uploads ─────────────────────────────

type Part = { field: string; fileName?: string; contentType?: string; content: Buffer };

function multipart(parts: Part[], boundary: string): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = p.fileName === undefined ? `form-data; name="${p.field}"` : `form-data; name="${p.field}"; filename="${p.fileName}"`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.contentType ? `Content-Type: ${p.contentType}\r\n` : ""}\r\n`, "utf8"), p.content, Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

/** A minimal MP4 head (an ftyp box): a recording that starts with it is sniffed as video/mp4 and streams into storage. */
const MP4_HEAD = Buffer.from("000000186674797069736f6d0000020069736f6d6d703431", "hex");

/** Where a cut-off body ends: anywhere, right after some part's headers, or inside some boundary line. */
type Cut = { near: "anywhere" | "part-headers" | "boundary"; at: number; offset: number };

/** How many bytes of `body` a cut keeps: never the closing boundary's last dash, so the form is never complete. */
function cutOffLength(body: Buffer, boundary: string, cut: Cut): number {
  const positions = (marker: string) => {
    const found: number[] = [];
    for (let i = body.indexOf(marker); i >= 0; i = body.indexOf(marker, i + 1)) found.push(i);
    return found;
  };
  const anchors =
    cut.near === "part-headers" ? positions("\r\n\r\n").map((i) => i + 4) : cut.near === "boundary" ? positions(`--${boundary}`).map((i) => i + (cut.offset % (boundary.length + 4))) : [];
  const at = anchors.length ? anchors[Math.floor(cut.at * anchors.length)]! : Math.floor(cut.at * body.length);
  return Math.max(0, Math.min(at, body.length - 3));
}

/** Where the server stages files being written (playwright.config.ts: MEDIA_DIR); empty whenever no upload is running. */
const PARTIAL_DIR = join(process.env.E2E_MEDIA_DIR ?? ".data/test/e2e-media", ".partial");
const partialFiles = async (ignore: ReadonlySet<string> = new Set()) => (await readdir(PARTIAL_DIR).catch(() => [] as string[])).filter((name) => !ignore.has(name));

/**
 * A client that gives up mid-upload: announces the whole body (Content-Length, or chunked), sends
 * `sent` of it, then closes the connection. Resolves with the status line the server answered, if any.
 */
async function abandonUpload(baseURL: string, pathname: string, headers: Record<string, string>, whole: Buffer, sent: Buffer, chunked: boolean): Promise<string> {
  const { hostname, port } = new URL(baseURL);
  const socket = net.connect({ host: hostname, port: Number(port) });
  let answer = "";
  socket.on("data", (data) => (answer += data.toString("latin1")));
  const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  socket.on("error", () => undefined);
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  const head = [
    `POST ${pathname} HTTP/1.1`,
    `Host: ${hostname}:${port}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    chunked ? "Transfer-Encoding: chunked" : `Content-Length: ${whole.length}`,
    "",
    "",
  ].join("\r\n");
  socket.write(head);
  if (sent.length) socket.write(chunked ? Buffer.concat([Buffer.from(`${sent.length.toString(16)}\r\n`), sent, Buffer.from("\r\n")]) : sent);
  // Let the server start on what it has, then go away.
  await new Promise((resolve) => setTimeout(resolve, 150));
  socket.end();
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  socket.destroy();
  return answer.split("\r\n")[0] ?? "";
}

async function mediaState(interviewId: string): Promise<string> {
  const rows = await queryDatabase<{ assets: string; segments: string; status: string }>(
    `SELECT (SELECT string_agg(id::text || ':' || coalesce(sha256, ''), ',' ORDER BY id) FROM media_assets WHERE interview_id = $1) AS assets,
            (SELECT count(*) FROM transcript_segments WHERE interview_id = $1) AS segments,
            (SELECT status::text FROM interviews WHERE id = $1) AS status`,
    [interviewId],
  );
  return JSON.stringify(rows[0]);
}

test("uploads with hostile bodies are refused with a 4xx and store nothing; accepted transcripts render as text", async ({ page, baseURL }) => {
  interview ??= await bookHostileGuest(page.request);
  const request = page.request;
  const transcriptText = fc.oneof(
    fc
      .array(fc.oneof(fc.constantFrom(...XSS_PAYLOADS), hostileString), { minLength: 1, maxLength: 4 })
      .map((lines) => ["WEBVTT", "", "00:00:01.000 --> 00:00:02.000", `<v ${lines[0]}>${lines.join(" ")}`, ""].join("\n")),
    fc.array(hostileString, { minLength: 1, maxLength: 3 }).map((lines) => lines.join("\n")),
    truncated(JSON.stringify([{ speaker: "<script>hostile_xss(1)</script>", start: 0, end: 1, text: "<img src=x onerror=hostile_xss(2)>" }])),
    wrongType.map((v) => JSON.stringify(v) ?? ""),
    fc.uint8Array({ maxLength: 2_000 }).map((bytes) => Buffer.from(bytes).toString("latin1")),
  );
  const part = fc.record({
    field: fc.constantFrom("transcript", "recording", "transcript", "other", ""),
    fileName: fc.option(
      fc.oneof(
        fc.constantFrom("t.vtt", "t.srt", "t.txt", "t.json", "../../../etc/passwd", "a\u0000.vtt", "<script>hostile_xss(1)</script>.vtt", "x".repeat(500)),
        hostileWellFormed.map((s) => s.replace(/["\r\n]/g, "")),
      ),
      { nil: undefined },
    ),
    contentType: fc.option(fc.constantFrom("text/vtt", "text/plain", "application/json", "video/mp4", "application/x-msdownload", "text/html"), { nil: undefined }),
    text: transcriptText,
    raw: fc.option(
      fc.oneof(
        fc.uint8Array({ minLength: 1, maxLength: 4_000 }).map((bytes) => Buffer.from(bytes)),
        // A recording that passes the type check, so it is streaming into storage when the body stops.
        fc.uint8Array({ minLength: 0, maxLength: 64_000 }).map((bytes) => Buffer.concat([MP4_HEAD, bytes])),
      ),
      { nil: undefined },
    ),
  });
  const upload = fc.record({
    parts: fc.array(part, { minLength: 0, maxLength: 4 }),
    // "truncated": the body ends before its closing boundary (mid-part, mid-boundary, right after a
    // part's headers); "abandoned": the client announces the whole body, sends part of it and hangs up.
    shape: fc.constantFrom("ok", "ok", "ok", "truncated", "truncated", "abandoned", "no-boundary", "wrong-type", "cross-origin", "hostile-id"),
    cut: fc.record({ near: fc.constantFrom("anywhere", "part-headers", "boundary"), at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), offset: fc.nat(200) }),
    chunked: fc.boolean(),
    id: hostileWellFormed,
  });
  // Each case is an upload plus two reads of the interview's media rows: slower than the other targets.
  test.setTimeout(300_000);
  let accepted = 0;
  const cutOff = { truncated: 0, abandoned: 0 };
  const cookie = (await page.context().cookies(baseURL)).map((c) => `${c.name}=${c.value}`).join("; ");
  // Left by an earlier run that was killed mid-write, if any (the server removes stale ones itself).
  const earlier = new Set(await partialFiles());
  await checkProperty("uploads: hostile multipart", upload, 80, async ({ parts, shape, cut, chunked, id }) => {
    const boundary = `----hostile${randomUUID()}`;
    const whole = multipart(
      parts.map((p) => ({ field: p.field, fileName: p.fileName, contentType: p.contentType, content: p.raw ?? Buffer.from(p.text, "utf8") })),
      boundary,
    );
    const body = shape === "truncated" || shape === "abandoned" ? whole.subarray(0, cutOffLength(whole, boundary, cut)) : whole;
    let contentType = `multipart/form-data; boundary=${boundary}`;
    let path = `/api/interviews/${interview.interviewId}/uploads`;
    const headers: Record<string, string> = { origin: baseURL! };
    if (shape === "no-boundary") contentType = "multipart/form-data";
    if (shape === "wrong-type") contentType = "application/json";
    if (shape === "cross-origin") headers.origin = "https://evil.example";
    if (shape === "hostile-id") path = `/api/interviews/${encodeURIComponent(id || "x")}/uploads`;
    const before = await mediaState(interview.interviewId);
    const cutNote = body.length < whole.length ? ` cut to ${body.length} of ${whole.length} bytes${shape === "abandoned" ? (chunked ? ", chunked" : ", Content-Length") : ""}` : "";
    const what = `upload (${shape}${cutNote}, ${parts.map((p) => `${p.field}:${JSON.stringify(p.fileName)}:${p.raw ? `${p.raw.length} bytes` : `${p.text.length} chars`}`).join(" ")})`;
    if (shape === "truncated" || shape === "abandoned") cutOff[shape]++;
    if (shape === "abandoned") {
      const statusLine = await abandonUpload(baseURL!, path, { ...headers, cookie, "content-type": contentType }, whole, body, chunked);
      // Nobody is left to read an answer; if one came, it is not a 5xx.
      if (statusLine) expectClientError(Number(statusLine.split(" ")[1]), `${what}: ${statusLine}`);
      // Nothing kept, and no temporary file left behind once the server has let go of the request.
      await expect.poll(() => partialFiles(earlier), { message: `${what}: temporary files left in ${PARTIAL_DIR}`, timeout: 10_000 }).toEqual([]);
      expect(await mediaState(interview.interviewId), `${what}: abandoned, so nothing stored`).toBe(before);
      return;
    }
    // An upload that never answers is a failure of its own, not a test timeout.
    const res = await request.post(path, { headers: { ...headers, "content-type": contentType }, data: body, maxRedirects: 0, timeout: 15_000 }).catch((error: Error) => {
      throw new Error(`${what}: ${error.message.split("\n")[0]}`);
    });
    expectClientError(res.status(), what, shape === "truncated" ? [] : [200]);
    if (shape === "truncated") expect(res.status(), `${what}: a body cut off is a 400`).toBe(400);
    if (res.status() === 200) {
      accepted++;
      return;
    }
    expect(await mediaState(interview.interviewId), `${what}: refused with ${res.status()}, so nothing stored`).toBe(before);
    if (shape === "cross-origin") expect(res.status()).toBe(403);
    if (shape === "wrong-type") expect(res.status()).toBe(415);
    await expect.poll(() => partialFiles(earlier), { message: `${what}: temporary files left in ${PARTIAL_DIR}`, timeout: 5_000 }).toEqual([]);
  });
  console.log(`[hostile] uploads: ${accepted} accepted (valid transcripts or recordings), the rest refused; ${cutOff.truncated} cut off, ${cutOff.abandoned} abandoned mid-body`);

  // Whatever was accepted last shows as text on the debrief.
  const dialogs = await armPage(page);
  const vtt = ["WEBVTT", "", "00:00:01.000 --> 00:00:04.000", `<v ${XSS_PAYLOADS[1]}>${XSS_PAYLOADS.join(" ")}`, ""].join("\n");
  const boundary = `----hostile${randomUUID()}`;
  const res = await request.post(`/api/interviews/${interview.interviewId}/uploads`, {
    headers: { origin: baseURL!, "content-type": `multipart/form-data; boundary=${boundary}` },
    data: multipart([{ field: "transcript", fileName: "<img src=x onerror=hostile_xss(2)>.vtt", contentType: "text/vtt", content: Buffer.from(vtt) }], boundary),
  });
  expect(res.status()).toBe(200);
  const html = await (await request.get(`/dashboard/interviews/${interview.interviewId}`)).text();
  expectNoUnescapedMarkup(html, "debrief");
  expect(html).toContain("&lt;script&gt;hostile_xss(1)&lt;/script&gt;");
  await page.goto(`/dashboard/interviews/${interview.interviewId}`);
  await expect(page.getByText(XSS_PAYLOADS[0]).first()).toBeVisible();
  await expectNothingRan(page, dialogs, "debrief");
  await expectHealthy(request);
});
