/**
 * Booking race at scale (issue 8, item 6), over HTTP against the production server: 200 concurrent
 * bookings through the sandbox's public scheduler endpoint (POST /v3/scheduling/bookings, the call
 * <NylasScheduling> makes) over 20 offered slots of the 3-person max-fairness "Engineering panel"
 * (the backend-engineer role).
 *
 * What must hold:
 * - nobody is double-booked: no interviewer has two live bookings that overlap, neither in the
 *   bookings the endpoint returned nor on their calendars (the sandbox's Events API);
 * - every request is either booked (200) or a loser answered exactly as Nylas does: 409 with
 *   `{request_id, error: {type: "invalid_request_error", message: "The selected timeslot is unavailable…"}}`;
 * - the fairness order (DESIGN.md "Round robin (sandbox engine)"): max-fairness books only the
 *   first-ranked member, and booking them moves them to the end of the ranking. So the n winners,
 *   in the order they were booked, go to order[0], order[1], order[2], order[0], … of the ranking
 *   the availability endpoint reported before the race: member order[k] gets ⌈(n − k) / 3⌉ of them,
 *   and the ranking afterwards is the one before, rotated by n.
 *
 * The bookings are cancelled at the end, which restores the ranking (cancelled bookings do not
 * count), so the specs after this one see the panel as it was.
 */
import { expect, test } from "./fixtures/auth";
import { ENGINEERING_PANEL, listBookedEvents } from "./support";

const REQUESTS = 200;
const SLOTS = 20;

type Availability = { order: string[]; time_slots: { start_time: number; end_time: number; emails: string[] }[] };
type BookingResponse = { request_id: string; data?: { booking_id: string; organizer: { email: string }; status: string }; error?: { type: string; message: string } };
type Won = { bookingId: string; host: string; start: number; end: number };

/** The configuration id of the careers page's <nylas-scheduling> element (in the HTML). */
async function getConfigurationId(baseURL: string, roleSlug: string): Promise<string> {
  const html = await (await fetch(`${baseURL}/careers/${roleSlug}`)).text();
  const id = /<nylas-scheduling configuration-id="([0-9a-f-]{36})"/.exec(html)?.[1];
  expect(id, `the careers page of ${roleSlug} names its configuration`).toBeTruthy();
  return id!;
}

async function getAvailability(baseURL: string, configurationId: string, days: number): Promise<Availability> {
  const start = Math.floor(Date.now() / 1000);
  const res = await fetch(`${baseURL}/v3/scheduling/availability?configuration_id=${configurationId}&start_time=${start}&end_time=${start + days * 86_400}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: Availability }).data;
}

/** Rotates `order` left by n: the ranking after n successive max-fairness bookings. */
const rotate = (order: string[], n: number) => order.map((_, i) => order[(i + n) % order.length]!);

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

test("200 concurrent bookings over 20 slots: no double booking, Nylas's error for every loser, fairness order kept", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const run = `${Date.now().toString(36)}${test.info().retry ? `r${test.info().retry}` : ""}`;
  const configurationId = await getConfigurationId(baseURL!, "backend-engineer");
  const before = await getAvailability(baseURL!, configurationId, 28);
  expect([...before.order].sort()).toEqual([...ENGINEERING_PANEL].sort());
  // 20 offered times that do not overlap (offered times step by 15 minutes; an interview is longer),
  // an hour apart so buffers cannot join them either.
  const slots: Availability["time_slots"] = [];
  for (const slot of before.time_slots) {
    if (slots.length < SLOTS && slot.start_time >= (slots.at(-1)?.end_time ?? 0) + 3600) slots.push(slot);
  }
  expect(slots).toHaveLength(SLOTS);
  // max-fairness offers only the first-ranked member's free times.
  for (const slot of slots) expect(slot.emails).toEqual([before.order[0]]);

  const won: Won[] = [];
  try {
    // 1. 200 candidates at once, 10 on each slot, as the component would send them.
    const results = await Promise.all(
      Array.from({ length: REQUESTS }, async (_, i) => {
        const slot = slots[i % SLOTS]!;
        const res = await fetch(`${baseURL}/v3/scheduling/bookings?configuration_id=${configurationId}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            start_time: slot.start_time,
            end_time: slot.end_time,
            guest: { name: `Race ${run} ${i}`, email: `race.${run}.${i}@example.org` },
            timezone: "Europe/Paris",
          }),
        });
        return { status: res.status, body: (await res.json()) as BookingResponse, slot };
      }),
    );
    for (const r of results) {
      if (r.status === 200) won.push({ bookingId: r.body.data!.booking_id, host: r.body.data!.organizer.email, start: r.slot.start_time, end: r.slot.end_time });
    }

    // 2. Every request is booked or refused with Nylas's own error; nothing else (no 5xx, no timeouts).
    const losers = results.filter((r) => r.status !== 200);
    for (const r of losers) {
      expect(r.status).toBe(409);
      expect(r.body.request_id).toEqual(expect.any(String));
      expect(r.body.error?.type).toBe("invalid_request_error");
      expect(r.body.error?.message).toMatch(/^The selected timeslot is unavailable/);
    }
    expect(won.length + losers.length).toBe(REQUESTS);
    // Each slot holds at most one booking per member.
    console.log(`[booking-race] ${won.length} booked, ${losers.length} refused; hosts in response order: ${won.map((w) => before.order.indexOf(w.host)).join("")}`);
    expect(won.length).toBeGreaterThan(0);
    expect(won.length).toBeLessThanOrEqual(SLOTS * ENGINEERING_PANEL.length);
    for (const w of won) expect(ENGINEERING_PANEL).toContain(w.host);

    // 3. No interviewer double-booked: in what the endpoint returned…
    for (const email of ENGINEERING_PANEL) {
      const mine = won.filter((w) => w.host === email);
      for (const [i, a] of mine.entries()) for (const b of mine.slice(i + 1)) expect(overlaps(a, b), `${email} booked twice at ${a.start}`).toBe(false);
    }
    // …and on the calendars: every win is one confirmed event on its host's calendar, and no
    // interviewer's live scheduler events overlap (earlier specs' bookings included).
    const calendars = await Promise.all(ENGINEERING_PANEL.map(async (email) => ({ email, events: await listBookedEvents(baseURL!, email) })));
    for (const { email, events } of calendars) {
      const live = events.filter((e) => e.status !== "cancelled").map((e) => ({ title: e.title, start: e.when.start_time, end: e.when.end_time }));
      for (const [i, a] of live.entries()) for (const b of live.slice(i + 1)) expect(overlaps(a, b), `${email}: "${a.title}" overlaps "${b.title}"`).toBe(false);
      const raced = live.filter((e) => e.title.startsWith(`Interview with Race ${run} `));
      expect(raced).toHaveLength(won.filter((w) => w.host === email).length);
    }

    // 4. Fairness: the k-th winner went to the member ranked k mod 3 before the race, so member
    //    order[k] holds ⌈(n − k) / 3⌉ bookings, and the ranking now is the old one rotated by n.
    const n = won.length;
    const expectedCounts = Object.fromEntries(before.order.map((email, k) => [email, Math.ceil((n - k) / before.order.length)]));
    const counts = Object.fromEntries(before.order.map((email) => [email, won.filter((w) => w.host === email).length]));
    expect(counts).toEqual(expectedCounts);
    const after = await getAvailability(baseURL!, configurationId, 1);
    expect(after.order).toEqual(rotate(before.order, n));
  } finally {
    // 5. Cancel every booking made here, so later specs see the panel (and its ranking) as it was.
    const cancelled = await Promise.all(
      won.map(async (w) => {
        const res = await fetch(`${baseURL}/v3/scheduling/bookings/${w.bookingId}?configuration_id=${configurationId}`, {
          method: "DELETE",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ cancellation_reason: "booking race test clean-up" }),
        });
        return res.status;
      }),
    );
    expect(cancelled.filter((s) => s !== 200)).toEqual([]);
  }
  const restored = await getAvailability(baseURL!, configurationId, 1);
  expect(restored.order).toEqual(before.order);
});
