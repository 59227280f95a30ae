/**
 * The sandbox's scheduling API driven through the official `nylas` SDK over HTTP, on real
 * Postgres: grants, configuration CRUD (incl. the recipe's two requests), availability, bookings
 * (create, find, reschedule, cancel), events, and round-robin fairness.
 */
import { describe, expect, it } from "vitest";
import { NylasApiError } from "nylas";
import { SANDBOX_SENDER } from "@/lib/email/sender";
import { getEnv } from "@/lib/env";
import { getNylas } from "@/lib/nylas/client";
import { availability, createRecipeConfiguration, MARCUS, PRIYA, SARAH } from "../support/recipe";
import { setupSeededSandbox } from "../support/seeded-sandbox";

const { prisma, server } = setupSeededSandbox();

async function book(configurationId: string, slot: { startTime: number; endTime: number; emails: string[] }, guest = { name: "Dana Chen", email: "dana.chen@example.org" }) {
  return getNylas().scheduler.bookings.create({
    queryParams: { configurationId },
    requestBody: { startTime: slot.startTime, endTime: slot.endTime, guest, participants: [{ email: slot.emails[0]! }] },
  });
}

async function liveEvents(email: string, showCancelled = false) {
  const res = await getNylas().events.list({ identifier: email, queryParams: { calendarId: "primary", showCancelled, limit: 200 } as never });
  return res.data.filter((e) => (e.metadata as Record<string, string> | undefined)?.source === "scheduler");
}

describe("grants and auth", () => {
  it("lists the seeded grants like Nylas (id, email, provider)", async () => {
    const res = await getNylas().grants.list();
    const emails = res.data.map((g) => g.email).sort();
    // The interviewers, and the coordinator account the portal's email is sent from.
    expect(emails).toEqual(["lena.fischer@northwind.example", MARCUS, PRIYA, SANDBOX_SENDER.email, SARAH]);
    expect(res.data[0]).toMatchObject({ provider: "google", grantStatus: "valid" });
  });

  it("refuses grant-scoped calls without the API key, in Nylas's error envelope", async () => {
    const res = await fetch(`${server.origin}/v3/grants`);
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body).toMatchObject({ error: { type: "unauthorized" } });
    expect(typeof body.request_id).toBe("string");
  });

  it("answers unknown endpoints and ids with a 404 error envelope", async () => {
    const res = await fetch(`${server.origin}/v3/scheduling/availability?configuration_id=00000000-0000-4000-8000-000000000000&start_time=1&end_time=2`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.type).toBe("not_found_error");
  });
});

describe("scheduling configurations", () => {
  it("accepts the recipe's create and update requests and serves them back", async () => {
    const nylas = getNylas();
    const id = await createRecipeConfiguration();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const found = (await nylas.scheduler.configurations.find({ identifier: SARAH, configurationId: id })).data as unknown as Record<string, any>;
    expect(found.participants).toHaveLength(3);
    expect(found.eventBooking.conferencing.provider).toBe("Google Meet");
    expect(found.scheduler.notetakerSettings.notetakerName).toBe("Interview Recorder");
    expect(found.availability.durationMinutes).toBe(45);
    // The grant id works as well as the email.
    const grant = await prisma.sandboxGrant.findUniqueOrThrow({ where: { email: SARAH } });
    const listed = await nylas.scheduler.configurations.list({ identifier: grant.id });
    expect(listed.data.map((c) => (c as unknown as { id: string }).id)).toContain(id);
  });

  it("rejects a configuration without required fields, writing nothing", async () => {
    const err = await getNylas()
      .scheduler.configurations.create({ identifier: SARAH, requestBody: { participants: [] } as never })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NylasApiError);
    expect((err as NylasApiError).statusCode).toBe(400);
    expect(await prisma.sandboxConfiguration.count()).toBe(0);
  });

  it("deletes a configuration", async () => {
    const nylas = getNylas();
    const id = await createRecipeConfiguration();
    await nylas.scheduler.configurations.destroy({ identifier: SARAH, configurationId: id });
    const err = await nylas.scheduler.configurations.find({ identifier: SARAH, configurationId: id }).catch((e: unknown) => e);
    expect((err as NylasApiError).statusCode).toBe(404);
  });
});

describe("availability and bookings", () => {
  it("offers max-fairness slots for the first-ranked member only, with the ranking as order", async () => {
    const id = await createRecipeConfiguration();
    const data = await availability(id);
    expect(data.order).toEqual([SARAH, MARCUS, PRIYA]);
    expect(data.timeSlots.length).toBeGreaterThan(0);
    for (const slot of data.timeSlots) {
      expect(slot.emails).toEqual([SARAH]);
      expect(slot.endTime - slot.startTime).toBe(45 * 60);
    }
  });

  it("books onto exactly one interviewer's calendar, titled from the template, with a sandbox conferencing link", async () => {
    const id = await createRecipeConfiguration();
    const [slot] = (await availability(id)).timeSlots;
    const booking = (await book(id, slot!)).data;
    expect(booking.bookingId).toMatch(/^[0-9a-f-]{36}$/);
    expect(booking.title).toBe("Interview with Dana Chen");
    expect(booking.organizer.email).toBe(SARAH);

    const perCalendar = await Promise.all([SARAH, MARCUS, PRIYA].map((e) => liveEvents(e)));
    expect(perCalendar.map((events) => events.length)).toEqual([1, 0, 0]);
    const event = perCalendar[0]![0]!;
    expect(event.id).toBe(booking.eventId);
    expect(event.title).toBe("Interview with Dana Chen");
    expect(event.when).toMatchObject({ startTime: slot!.startTime, endTime: slot!.endTime });
    const url = (event.conferencing as { details: { url: string } }).details.url;
    expect(url.startsWith(`${getEnv().appOrigin}/v3/sandbox/meet/google-meet/`)).toBe(true);
    expect(event.metadata).toMatchObject({ source: "scheduler", key5: id });

    const found = (await getNylas().scheduler.bookings.find({ bookingId: booking.bookingId, queryParams: { configurationId: id } })).data;
    expect(found).toMatchObject({ bookingId: booking.bookingId, status: "booked" });
  });

  it("rotates max-fairness through the panel: three bookings go to three different interviewers", async () => {
    const id = await createRecipeConfiguration();
    const hosts: string[] = [];
    for (let i = 0; i < 3; i++) {
      const data = await availability(id);
      const slot = data.timeSlots[0]!;
      const booking = (await book(id, slot, { name: `Candidate ${i}`, email: `c${i}@example.org` })).data;
      hosts.push(booking.organizer.email);
    }
    expect(hosts).toEqual([SARAH, MARCUS, PRIYA]);
    const decisions = await prisma.sandboxBooking.findMany({ orderBy: { createdAt: "asc" }, select: { decision: true } });
    expect(decisions[1]!.decision).toMatchObject({ method: "max-fairness", order: [MARCUS, PRIYA, SARAH], chosen: MARCUS });
  });

  it("refuses a host who is not first-ranked under max-fairness with the component's retry message", async () => {
    const id = await createRecipeConfiguration();
    const slot = (await availability(id)).timeSlots[0]!;
    const err = await book(id, { ...slot, emails: [PRIYA] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NylasApiError);
    expect((err as NylasApiError).message.startsWith("The selected timeslot is unavailable")).toBe(true);
    expect(await prisma.sandboxBooking.count()).toBe(0);
  });

  it("reschedules in place: same booking and event, new time, old slot free again", async () => {
    const id = await createRecipeConfiguration();
    const slots = (await availability(id)).timeSlots;
    const booking = (await book(id, slots[0]!)).data;
    const rescheduleSlots = (
      await getNylas().scheduler.availability.get({
        queryParams: { startTime: slots[0]!.startTime, endTime: slots[0]!.startTime + 14 * 86400, configurationId: id, bookingId: booking.bookingId },
      })
    ).data;
    expect(rescheduleSlots.order).toEqual([SARAH]);
    const target = rescheduleSlots.timeSlots.find((s) => s.startTime >= slots[0]!.startTime + 86400)!;
    const res = await getNylas().scheduler.bookings.reschedule({
      bookingId: booking.bookingId,
      queryParams: { configurationId: id },
      requestBody: { startTime: target.startTime, endTime: target.endTime },
    });
    expect((res.data as { bookingId: string }).bookingId).toBe(booking.bookingId);
    const [event] = await liveEvents(SARAH);
    expect(event!.id).toBe(booking.eventId);
    expect(event!.when).toMatchObject({ startTime: target.startTime, endTime: target.endTime });
  });

  it("cancels: the event is hidden unless show_cancelled=true, and the slot can be booked again", async () => {
    const id = await createRecipeConfiguration();
    const slot = (await availability(id)).timeSlots[0]!;
    const booking = (await book(id, slot)).data;
    await getNylas().scheduler.bookings.destroy({ bookingId: booking.bookingId, queryParams: { configurationId: id }, requestBody: { cancellationReason: "Found another time" } });
    expect(await liveEvents(SARAH)).toHaveLength(0);
    const withCancelled = await liveEvents(SARAH, true);
    expect(withCancelled.map((e) => e.status)).toEqual(["cancelled"]);
    const found = (await getNylas().scheduler.bookings.find({ bookingId: booking.bookingId, queryParams: { configurationId: id } })).data;
    expect(found.status).toBe("cancelled");
    // The cancelled slot is free again (the exclusion constraint ignores cancelled bookings).
    const again = await book(id, slot, { name: "Dana Chen", email: "dana.chen@example.org" });
    expect(again.data.bookingId).not.toBe(booking.bookingId);
  });

  it("rejects a booking whose length does not match the configuration, writing nothing", async () => {
    const id = await createRecipeConfiguration();
    const slot = (await availability(id)).timeSlots[0]!;
    const err = await book(id, { ...slot, endTime: slot.startTime + 600 }).catch((e: unknown) => e);
    expect((err as NylasApiError).statusCode).toBe(400);
    expect(await prisma.sandboxBooking.count()).toBe(0);
    expect(await prisma.sandboxEvent.count({ where: { generated: false } })).toBe(0);
  });
});

describe("double booking", () => {
  it("lets exactly one of 50 concurrent bookings of one slot on a 1-person panel succeed", async () => {
    const nylas = getNylas();
    const created = await nylas.scheduler.configurations.create({
      identifier: SARAH,
      requestBody: {
        participants: [{ name: "Sarah Kim", email: SARAH, availability: { calendarIds: ["primary"] }, booking: { calendarId: "primary" } }],
        availability: { durationMinutes: 30, availabilityRules: { availabilityMethod: "max-availability" } },
        eventBooking: { title: "Interview with ${invitee}" },
      } as never,
    });
    const id = (created.data as unknown as { id: string }).id;
    const slot = (await availability(id)).timeSlots[0]!;
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => book(id, slot, { name: `Racer ${i}`, email: `racer${i}@example.org` })));
    const ok = results.filter((r) => r.status === "fulfilled");
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(49);
    for (const f of failed) {
      expect(f.reason).toBeInstanceOf(NylasApiError);
      expect((f.reason as NylasApiError).message.startsWith("The selected timeslot is unavailable")).toBe(true);
    }
    expect(await prisma.sandboxBooking.count()).toBe(1);
    expect(await prisma.sandboxEvent.count({ where: { generated: false } })).toBe(1);
  });
});

describe("the scheduler's public endpoints (issue 18: one query for the configuration and its owner, Cache-Control)", () => {
  it("serves ui-settings by configuration id: public for a shared cache, asked again by a browser, with its server time", async () => {
    const id = await createRecipeConfiguration();
    const res = await fetch(`${server.origin}/v3/scheduling/ui-settings?configuration_id=${id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=60");
    expect(res.headers.get("server-timing")).toMatch(/^app;dur=\d+(\.\d)?$/);
    const body = await res.json();
    // The configuration's host and its owner grant come from the one joined query.
    expect(body.data).toMatchObject({ configuration_id: id, organizer: { email: expect.any(String) } });
  });

  it("never lets availability be used stale", async () => {
    const id = await createRecipeConfiguration();
    const now = Math.floor(Date.now() / 1000);
    const res = await fetch(`${server.origin}/v3/scheduling/availability?configuration_id=${id}&start_time=${now}&end_time=${now + 7 * 86_400}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, max-age=0, must-revalidate");
  });

  it("answers 404 for an id that is no uuid, and for a configuration whose owner grant is gone", async () => {
    const bad = await fetch(`${server.origin}/v3/scheduling/ui-settings?configuration_id=not-a-uuid`);
    expect(bad.status).toBe(404);
    const orphan = await prisma.sandboxConfiguration.create({ data: { id: crypto.randomUUID(), grantId: crypto.randomUUID(), data: {} } });
    const res = await fetch(`${server.origin}/v3/scheduling/ui-settings?configuration_id=${orphan.id}`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toBe("The configuration's grant no longer exists.");
  });
});
