/**
 * The delivery storm: a seeded generator of booking histories (created, rescheduled, cancelled,
 * cancel-then-rebook), the signed deliveries Nylas would make of them (duplicated, reordered,
 * delayed), a sender that behaves like Nylas (retries until it gets a 200), and the ground truth
 * those histories must end in — computed here from the documented semantics (DESIGN.md, README
 * "Processing"), never from the app's code:
 *   - a booking is one interview; cancelled is final; otherwise the latest reschedule (by event
 *     time) sets the times and the status is "Rescheduled", else "Scheduled" at the created times;
 *   - candidates are people, matched by trimmed, lowercased email; one application per person and role;
 *   - cancel-then-rebook is a new interview for the same candidate, linked to the cancelled one.
 */
import { bookingEnvelope, type BookingEnvelope } from "../../support/nylas-webhook-fixtures";
import { createHmac } from "node:crypto";
import { createRng } from "@/lib/utils";
import { query, WEBHOOK_SECRET } from "./processes";

export type RoleTarget = { roleId: string; configurationId: string; interviewers: { email: string; name: string }[] };

type Kind = "booking.created" | "booking.rescheduled" | "booking.cancelled";
type Note = { id: string; kind: Kind; time: number; bookingId: string; start: number; end: number; oldStart?: number; oldEnd?: number };

type Booking = {
  bookingId: string;
  person: Person;
  role: RoleTarget;
  interviewer: { email: string; name: string };
  notes: Note[];
  replaces: string | null;
};
type Person = { email: string; name: string; timezone: string; rawVariants: string[] };

export type Expected = {
  candidates: Map<string, { name: string; timezone: string }>;
  applications: Set<string>; // `${email}|${roleId}`
  interviews: Map<
    string,
    { status: "SCHEDULED" | "RESCHEDULED" | "CANCELLED"; startsAt: number; endsAt: number; cancelledAt: number | null; email: string; roleId: string; interviewer: string; replaces: string | null }
  >;
};

export type Delivery = { notificationId: string; body: string; signature: string; key: number; bookingId: string };

export type Storm = {
  deliveries: Delivery[];
  expected: Expected;
  uniqueNotifications: number;
  stats: { duplicated: number; reordered: number; delayed: number; rebooks: number; cancelled: number; rescheduled: number };
};

function uuid(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16));
  hex[12] = "4";
  hex[16] = "89ab"[Math.floor(rand() * 4)]!;
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const DURATION = 45 * 60;
const TIMEZONES = ["Europe/Paris", "America/New_York", "Asia/Tokyo", "America/Sao_Paulo", "Australia/Sydney"];

/**
 * `bookings` bookings carrying `notifications` distinct notifications in all; `duplicateRate`,
 * `reorderRate` and `delayRate` are shares of those notifications. Event times lie in the last
 * hours (`now` is Unix seconds); interviews start weeks ahead.
 */
export function generateStorm(opts: {
  seed: number;
  bookings: number;
  notifications: number;
  roles: RoleTarget[];
  domain: string;
  now: number;
  duplicateRate?: number;
  reorderRate?: number;
  delayRate?: number;
}): Storm {
  const rand = createRng(opts.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  if (opts.notifications < opts.bookings * 1.3) throw new Error("need at least 1.3 notifications per booking");

  // 1. Who books what: chains of cancel-then-rebook per person and role.
  const chains: { person: Person; role: RoleTarget; length: number }[] = [];
  let planned = 0;
  let personNo = 0;
  while (planned < opts.bookings) {
    personNo++;
    const local = `cand${personNo}.${opts.seed}`;
    const email = `${local}@${opts.domain}`;
    const person: Person = {
      email,
      name: `Storm Candidate ${personNo}`,
      timezone: pick(TIMEZONES),
      rawVariants: [email, ` ${local.toUpperCase()}@${opts.domain.toUpperCase()} `, `${local[0]!.toUpperCase()}${local.slice(1)}@${opts.domain}`],
    };
    const roles = rand() < 0.15 && opts.roles.length > 1 ? [opts.roles[0]!, opts.roles[1]!].sort(() => rand() - 0.5) : [pick(opts.roles)];
    for (const role of roles) {
      const r = rand();
      const length = Math.min(opts.bookings - planned, r < 0.75 ? 1 : r < 0.95 ? 2 : 3);
      if (length <= 0) break;
      chains.push({ person, role, length });
      planned += length;
    }
  }

  // 2. Each booking's events: a cancel for every booking a rebook follows, 25 % of the others.
  type Plan = { chain: number; index: number; reschedules: number; cancelled: boolean };
  const plans: Plan[] = [];
  chains.forEach((c, chain) => {
    for (let index = 0; index < c.length; index++) plans.push({ chain, index, reschedules: 0, cancelled: index < c.length - 1 || rand() < 0.25 });
  });
  let remaining = opts.notifications - plans.length - plans.filter((p) => p.cancelled).length;
  if (remaining < 0) throw new Error("too few notifications for the bookings' creates and cancels");
  while (remaining-- > 0) pick(plans).reschedules++;

  // 3. Times: creates over the last three hours; each next event 20 s – 5 min later; a rebook after the cancel.
  const windowStart = opts.now - 3 * 3600 - 1800;
  const firstDay = (Math.floor(opts.now / 86400) + 21) * 86400;
  let slot = 0;
  const nextStart = () => firstDay + Math.floor(slot++ / 8) * 86400 + (8 + (slot % 8)) * 3600 + int(0, 3) * 900;
  const bookings: Booking[] = [];
  const plansByChain = new Map<number, Plan[]>();
  for (const p of plans) plansByChain.set(p.chain, [...(plansByChain.get(p.chain) ?? []), p]);
  for (const [chainNo, chainPlans] of plansByChain) {
    const chain = chains[chainNo]!;
    let t = windowStart + int(0, 3 * 3600);
    let previous: string | null = null;
    const interviewer = pick(chain.role.interviewers);
    for (const plan of chainPlans) {
      const bookingId = uuid(rand);
      const notes: Note[] = [];
      let start = nextStart();
      notes.push({ id: uuid(rand), kind: "booking.created", time: t, bookingId, start, end: start + DURATION });
      for (let i = 0; i < plan.reschedules; i++) {
        t += int(20, 300);
        const moved = nextStart();
        notes.push({ id: uuid(rand), kind: "booking.rescheduled", time: t, bookingId, start: moved, end: moved + DURATION, oldStart: start, oldEnd: start + DURATION });
        start = moved;
      }
      if (plan.cancelled) {
        t += int(20, 300);
        notes.push({ id: uuid(rand), kind: "booking.cancelled", time: t, bookingId, start, end: start + DURATION });
      }
      bookings.push({ bookingId, person: chain.person, role: chain.role, interviewer, notes, replaces: previous });
      previous = bookingId;
      t += int(10, 300);
    }
  }

  // 4. Ground truth.
  const expected: Expected = { candidates: new Map(), applications: new Set(), interviews: new Map() };
  for (const b of bookings) {
    expected.candidates.set(b.person.email, { name: b.person.name, timezone: b.person.timezone });
    expected.applications.add(`${b.person.email}|${b.role.roleId}`);
    const cancel = b.notes.find((n) => n.kind === "booking.cancelled");
    const last = [...b.notes]
      .filter((n) => n.kind !== "booking.cancelled")
      .sort((x, y) => x.time - y.time)
      .at(-1)!;
    expected.interviews.set(b.bookingId, {
      status: cancel ? "CANCELLED" : last.kind === "booking.rescheduled" ? "RESCHEDULED" : "SCHEDULED",
      startsAt: last.start,
      endsAt: last.end,
      cancelledAt: cancel ? cancel.time : null,
      email: b.person.email,
      roleId: b.role.roleId,
      interviewer: b.interviewer.email,
      replaces: b.replaces,
    });
  }

  // 5. Deliveries: ordered by a delivery key = event time, except reordered (the create after the
  // booking's other events), delayed (minutes later) and duplicated (a retry, later) ones.
  const keyOf = new Map<string, number>();
  for (const b of bookings) for (const n of b.notes) keyOf.set(n.id, n.time + rand() * 0.5);
  const reorderTarget = Math.round(opts.notifications * (opts.reorderRate ?? 0.1));
  let reordered = 0;
  const reorderedIds = new Set<string>();
  for (const b of [...bookings].sort(() => rand() - 0.5)) {
    if (reordered >= reorderTarget) break;
    if (b.notes.length < 2) continue;
    const create = b.notes[0]!;
    keyOf.set(create.id, b.notes.at(-1)!.time + int(1, 120) + 0.75);
    for (const n of b.notes) reorderedIds.add(n.id);
    reordered += b.notes.length - 1;
  }
  const all = bookings.flatMap((b) => b.notes.map((n) => ({ note: n, booking: b })));
  const delayTarget = Math.round(opts.notifications * (opts.delayRate ?? 0.05));
  let delayed = 0;
  for (const { note } of [...all].sort(() => rand() - 0.5)) {
    if (delayed >= delayTarget) break;
    if (reorderedIds.has(note.id)) continue;
    keyOf.set(note.id, keyOf.get(note.id)! + int(2 * 60, 10 * 60));
    delayed++;
  }

  const deliveries: Delivery[] = [];
  const sign = (body: string) => createHmac("sha256", WEBHOOK_SECRET).update(body).digest("hex");
  let duplicated = 0;
  for (const { note, booking } of all) {
    const raw = booking.person.rawVariants[Math.floor(rand() * booking.person.rawVariants.length)]!;
    const envelope: BookingEnvelope = bookingEnvelope({
      type: note.kind,
      id: note.id,
      time: note.time,
      bookingId: booking.bookingId,
      configurationId: booking.role.configurationId,
      eventId: `evt_${booking.bookingId.replace(/-/g, "")}`,
      start: note.start,
      end: note.end,
      oldStart: note.oldStart,
      oldEnd: note.oldEnd,
      participants: [booking.interviewer, { email: raw, name: booking.person.name }],
      title: `Interview with ${booking.person.name}`,
      location: `https://meet.example.com/${booking.bookingId.slice(0, 8)}`,
      guestTimezone: booking.person.timezone,
      cancellationReason: note.kind === "booking.cancelled" ? "Storm cancel" : undefined,
    });
    const body = JSON.stringify(envelope);
    const key = keyOf.get(note.id)!;
    deliveries.push({ notificationId: note.id, body, signature: sign(body), key, bookingId: booking.bookingId });
    if (rand() < (opts.duplicateRate ?? 0.2)) {
      const again = JSON.stringify({ ...envelope, webhook_delivery_attempt: 2 });
      deliveries.push({ notificationId: note.id, body: again, signature: sign(again), key: key + int(0, 15 * 60), bookingId: booking.bookingId });
      duplicated++;
    }
  }
  deliveries.sort((a, b) => a.key - b.key);
  return {
    deliveries,
    expected,
    uniqueNotifications: all.length,
    stats: {
      duplicated,
      reordered,
      delayed,
      rebooks: bookings.filter((b) => b.replaces).length,
      cancelled: bookings.filter((b) => b.notes.some((n) => n.kind === "booking.cancelled")).length,
      rescheduled: bookings.filter((b) => b.notes.some((n) => n.kind === "booking.rescheduled")).length,
    },
  };
}

/** Roles the app knows (after its bootstrap): configuration ids and panel members, read from the database. */
export async function readRoleTargets(databaseUrl: string): Promise<RoleTarget[]> {
  const rows = await query<{ role_id: string; configuration_id: string; email: string; name: string }>(
    databaseUrl,
    `SELECT r.id AS role_id, rc.configuration_id, i.email, i.name
       FROM role_configurations rc JOIN roles r ON r.id = rc.role_id
       JOIN panel_members pm ON pm.panel_id = r.panel_id JOIN interviewers i ON i.id = pm.interviewer_id
      WHERE rc.configuration_id IS NOT NULL ORDER BY r.id, i.email`,
  );
  const byRole = new Map<string, RoleTarget>();
  for (const r of rows) {
    const t = byRole.get(r.role_id) ?? { roleId: r.role_id, configurationId: r.configuration_id, interviewers: [] };
    t.interviewers.push({ email: r.email, name: r.name });
    byRole.set(r.role_id, t);
  }
  return [...byRole.values()];
}

export type SendReport = { acknowledged: Set<string>; latencies: number[]; statuses: Map<number, number>; retries: number; elapsedMs: number };

/**
 * Posts every delivery like Nylas: signed, several at a time, spread round-robin over `urls`;
 * anything but a 200 (503 while the database is down, a refused connection) is retried until it
 * is acknowledged. A 4xx other than 408/429 fails the storm.
 */
export async function sendStorm(
  deliveries: readonly Delivery[],
  urls: readonly string[],
  opts: { concurrency?: number; onProgress?: (sent: number) => void | Promise<void> } = {},
): Promise<SendReport> {
  const report: SendReport = { acknowledged: new Set(), latencies: [], statuses: new Map(), retries: 0, elapsedMs: 0 };
  const started = performance.now();
  let next = 0;
  let sent = 0;
  const worker = async () => {
    for (let i = next++; i < deliveries.length; i = next++) {
      const d = deliveries[i]!;
      const url = `${urls[i % urls.length]}/api/webhooks/nylas`;
      for (let attempt = 0; ; attempt++) {
        const t0 = performance.now();
        let status = 0;
        try {
          const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-nylas-signature": d.signature }, body: d.body, signal: AbortSignal.timeout(30_000) });
          status = res.status;
          await res.arrayBuffer();
        } catch {
          status = 0;
        }
        report.statuses.set(status, (report.statuses.get(status) ?? 0) + 1);
        if (status === 200) {
          report.latencies.push(performance.now() - t0);
          report.acknowledged.add(d.notificationId);
          break;
        }
        if (status >= 400 && status < 500 && status !== 408 && status !== 429) throw new Error(`delivery ${d.notificationId} refused with ${status}`);
        if (attempt > 400) throw new Error(`delivery ${d.notificationId} never acknowledged (last status ${status})`);
        report.retries++;
        await new Promise((r) => setTimeout(r, Math.min(2000, 100 * 2 ** Math.min(attempt, 5))));
      }
      sent++;
      if (opts.onProgress) await opts.onProgress(sent);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 16 }, worker));
  report.elapsedMs = performance.now() - started;
  return report;
}

export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Waits until every booking notification of the storm is stored and no longer pending. */
export async function waitForDrain(databaseUrl: string, expectedRows: number, timeoutMs: number): Promise<{ drainedAt: number; dead: number }> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    try {
      const [row] = await query<{ total: string; pending: string; dead: string }>(
        databaseUrl,
        `SELECT count(*) AS total, count(*) FILTER (WHERE status = 'PENDING') AS pending, count(*) FILTER (WHERE status = 'DEAD') AS dead
           FROM webhook_events WHERE type LIKE 'booking.%'`,
      );
      last = `${row!.total} stored, ${row!.pending} pending, ${row!.dead} dead`;
      if (Number(row!.total) >= expectedRows && Number(row!.pending) === 0) return { drainedAt: performance.now(), dead: Number(row!.dead) };
    } catch (error) {
      last = `database unreachable: ${error instanceof Error ? error.message : String(error)}`;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the workers did not drain the inbox in ${timeoutMs} ms (${last})`);
}

/** Every difference between the database and the ground truth (empty when exact). */
export async function compareWithGroundTruth(databaseUrl: string, expected: Expected, domain: string): Promise<string[]> {
  const problems: string[] = [];
  const candidates = await query<{ id: string; email: string; email_raw: string; name: string; timezone: string | null }>(
    databaseUrl,
    `SELECT id, email, email_raw, name, timezone FROM candidates WHERE email LIKE $1`,
    [`%@${domain}`],
  );
  const seen = new Set<string>();
  for (const c of candidates) {
    if (seen.has(c.email)) problems.push(`candidate ${c.email} duplicated`);
    seen.add(c.email);
    const want = expected.candidates.get(c.email);
    if (!want) problems.push(`unexpected candidate ${c.email}`);
    else {
      if (c.name !== want.name) problems.push(`candidate ${c.email}: name ${c.name} ≠ ${want.name}`);
      if (c.timezone !== want.timezone) problems.push(`candidate ${c.email}: timezone ${c.timezone} ≠ ${want.timezone}`);
      if (c.email_raw.trim().toLowerCase() !== c.email) problems.push(`candidate ${c.email}: raw email ${c.email_raw} does not normalise to it`);
    }
  }
  for (const email of expected.candidates.keys()) if (!seen.has(email)) problems.push(`candidate ${email} lost`);

  const applications = await query<{ email: string; role_id: string }>(databaseUrl, `SELECT c.email, a.role_id FROM applications a JOIN candidates c ON c.id = a.candidate_id WHERE c.email LIKE $1`, [
    `%@${domain}`,
  ]);
  const apps = new Set<string>();
  for (const a of applications) {
    const key = `${a.email}|${a.role_id}`;
    if (apps.has(key)) problems.push(`application ${key} duplicated`);
    apps.add(key);
    if (!expected.applications.has(key)) problems.push(`unexpected application ${key}`);
  }
  for (const key of expected.applications) if (!apps.has(key)) problems.push(`application ${key} lost`);

  const interviews = await query<{
    booking_id: string;
    status: string;
    starts_at: Date | null;
    ends_at: Date | null;
    cancelled_at: Date | null;
    email: string | null;
    role_id: string | null;
    app_email: string | null;
    interviewer_email: string | null;
    replaces: string | null;
  }>(
    databaseUrl,
    `SELECT i.booking_id, i.status, i.starts_at, i.ends_at, i.cancelled_at, c.email, a.role_id, ac.email AS app_email, i.interviewer_email, p.booking_id AS replaces
       FROM interviews i LEFT JOIN candidates c ON c.id = i.candidate_id LEFT JOIN applications a ON a.id = i.application_id
       LEFT JOIN candidates ac ON ac.id = a.candidate_id LEFT JOIN interviews p ON p.id = i.replaces_interview_id
      WHERE i.booking_id = ANY($1) OR c.email LIKE $2`,
    [[...expected.interviews.keys()], `%@${domain}`],
  );
  const booked = new Set<string>();
  const secs = (d: Date | null) => (d ? d.getTime() / 1000 : null);
  for (const i of interviews) {
    if (booked.has(i.booking_id)) problems.push(`interview ${i.booking_id} duplicated`);
    booked.add(i.booking_id);
    const want = expected.interviews.get(i.booking_id);
    if (!want) {
      problems.push(`unexpected interview ${i.booking_id}`);
      continue;
    }
    const got = {
      status: i.status,
      startsAt: secs(i.starts_at),
      endsAt: secs(i.ends_at),
      cancelledAt: secs(i.cancelled_at),
      email: i.email,
      roleId: i.role_id,
      interviewer: i.interviewer_email,
      replaces: i.replaces,
    };
    for (const field of ["status", "startsAt", "endsAt", "cancelledAt", "email", "roleId", "interviewer", "replaces"] as const) {
      if (got[field] !== want[field]) problems.push(`interview ${i.booking_id}: ${field} ${String(got[field])} ≠ ${String(want[field])}`);
    }
    if (i.app_email !== want.email) problems.push(`interview ${i.booking_id}: application of ${i.app_email} ≠ ${want.email}`);
  }
  for (const id of expected.interviews.keys()) if (!booked.has(id)) problems.push(`interview ${id} lost`);
  return problems;
}
