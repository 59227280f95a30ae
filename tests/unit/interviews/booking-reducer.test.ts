import { describe, expect, it } from "vitest";
import { compareBookingEvents, isBookingEventType, reduceBookingEvents, type BookingNotification, type BookingState } from "@/lib/interviews/booking-reducer";
import { bookingEnvelope, permutations, redelivery, toReducerEvent, type BookingEnvelopeInput } from "../../support/nylas-webhook-fixtures";

const BOOKING_ID = "3c1f0a5e-7b2d-4e8f-9a6c-5d4e3f2a1b0c";
const CONFIGURATION_ID = "7e6d5c4b-3a2f-4e1d-8c0b-9a8f7e6d5c4b";
const SARAH = { email: "sarah.kim@northwind.example", name: "Sarah Kim" };
const DANA = { email: "dana.chen@example.org", name: "Dana Chen" };

// Notification times t, t+10, t+20; the interview first at S0, then moved to S1.
const T = 1_760_000_000;
const S0 = 1_760_600_000;
const S1 = S0 + 86_400;
const DURATION = 45 * 60;
const REASON = "Accepted another offer";

const base: Pick<BookingEnvelopeInput, "bookingId" | "configurationId" | "eventId" | "participants"> = {
  bookingId: BOOKING_ID,
  configurationId: CONFIGURATION_ID,
  eventId: "evt-abc123",
  participants: [SARAH, DANA],
};
const make = (input: Omit<BookingEnvelopeInput, keyof typeof base> & Partial<typeof base>) => bookingEnvelope({ ...base, ...input });

const created = make({ type: "booking.created", id: "n-created", time: T, start: S0, end: S0 + DURATION, additionalFields: { linkedin_url: "https://www.linkedin.com/in/dana" } });
const rescheduled = make({ type: "booking.rescheduled", id: "n-rescheduled", time: T + 10, start: S1, end: S1 + DURATION, oldStart: S0, oldEnd: S0 + DURATION });
const cancelled = make({ type: "booking.cancelled", id: "n-cancelled", time: T + 20, start: S1, end: S1 + DURATION, cancellationReason: REASON });

const reduce = (...events: BookingNotification[]) => reduceBookingEvents(BOOKING_ID, events);
const ev = toReducerEvent;

describe("reduceBookingEvents: the full lifecycle in every order", () => {
  const deliveries = [ev(created), ev(rescheduled), ev(cancelled), ev(redelivery(created)), ev(redelivery(rescheduled))];
  const orders = permutations(deliveries);

  const expected: BookingState = {
    bookingId: BOOKING_ID,
    configurationId: CONFIGURATION_ID,
    status: "CANCELLED",
    hasCreated: true,
    eventId: "evt-abc123",
    title: "Interview with Dana Chen",
    startsAt: S1,
    endsAt: S1 + DURATION,
    location: "https://meet.google.com/abc-defg-hij",
    participants: [SARAH, DANA],
    guestTimezone: "Europe/Paris",
    additionalFields: { linkedin_url: "https://www.linkedin.com/in/dana" },
    notetakerId: null,
    cancelledAt: T + 20,
    cancellationReason: REASON,
    history: [
      { kind: "created", at: T, startsAt: S0, endsAt: S0 + DURATION },
      { kind: "rescheduled", at: T + 10, startsAt: S1, endsAt: S1 + DURATION, previousStartsAt: S0, previousEndsAt: S0 + DURATION },
      { kind: "cancelled", at: T + 20, startsAt: S1, endsAt: S1 + DURATION, reason: REASON },
    ],
  };

  it("yields the same final state for every order", () => {
    expect(orders).toHaveLength(120); // 5!: the loop below cannot pass by checking nothing
    const first = reduce(...orders[0]!);
    expect(first).toEqual(expected);
    const failures: string[] = [];
    for (const order of orders) {
      const state = reduce(...order);
      try {
        expect(state).toStrictEqual(first);
      } catch {
        failures.push(order.map((e) => `${e.type}${e === deliveries[3] || e === deliveries[4] ? "(dup)" : ""}`).join(" → "));
      }
    }
    expect(failures).toEqual([]);
  });

  it("does not mutate its input", () => {
    const order = orders[57]!;
    const snapshot = JSON.parse(JSON.stringify(order));
    reduce(...order);
    expect(JSON.parse(JSON.stringify(order))).toEqual(snapshot);
  });

  it("is final as soon as the three distinct notifications are in: later duplicates change nothing", () => {
    // The worker re-reduces ALL stored events after each arrival, so every prefix is a real intermediate state.
    for (const order of orders) {
      const seen = new Set<string>();
      for (let n = 1; n <= order.length; n++) {
        seen.add(order[n - 1]!.notificationId);
        if (seen.size === 3) expect(reduce(...order.slice(0, n))).toStrictEqual(expected);
      }
    }
  });
});

describe("reduceBookingEvents: partial sets", () => {
  it("created alone: SCHEDULED with the booked times and details", () => {
    const state = reduce(ev(created));
    expect(state).toMatchObject({
      status: "SCHEDULED",
      hasCreated: true,
      startsAt: S0,
      endsAt: S0 + DURATION,
      configurationId: CONFIGURATION_ID,
      participants: [SARAH, DANA],
      location: "https://meet.google.com/abc-defg-hij",
      cancelledAt: null,
      cancellationReason: null,
    });
    expect(state.history.map((h) => h.kind)).toEqual(["created"]);
  });

  it.each(permutations([ev(created), ev(rescheduled)]).map((order) => [order.map((e) => e.type).join(" then "), order] as const))(
    "created + rescheduled (%s): RESCHEDULED with the new times",
    (_name, order) => {
      const state = reduce(...order);
      expect(state).toMatchObject({ status: "RESCHEDULED", hasCreated: true, startsAt: S1, endsAt: S1 + DURATION });
      expect(state.history).toEqual([
        { kind: "created", at: T, startsAt: S0, endsAt: S0 + DURATION },
        { kind: "rescheduled", at: T + 10, startsAt: S1, endsAt: S1 + DURATION, previousStartsAt: S0, previousEndsAt: S0 + DURATION },
      ]);
    },
  );

  it("rescheduled alone (created not yet received): RESCHEDULED with the new times, hasCreated false", () => {
    const state = reduce(ev(rescheduled));
    expect(state).toMatchObject({ status: "RESCHEDULED", hasCreated: false, startsAt: S1, endsAt: S1 + DURATION });
  });

  it("two reschedules in any order: the latest notification's times win", () => {
    const S2 = S1 + 3_600;
    const again = make({ type: "booking.rescheduled", id: "n-rescheduled-2", time: T + 15, start: S2, end: S2 + DURATION, oldStart: S1, oldEnd: S1 + DURATION });
    for (const order of permutations([ev(created), ev(rescheduled), ev(again)])) {
      const state = reduce(...order);
      expect(state).toMatchObject({ status: "RESCHEDULED", startsAt: S2, endsAt: S2 + DURATION });
      expect(state.history.map((h) => h.kind)).toEqual(["created", "rescheduled", "rescheduled"]);
    }
  });

  it("cancelled alone: CANCELLED with hasCreated false, keeping what the payload says", () => {
    const state = reduce(ev(cancelled));
    expect(state).toMatchObject({
      status: "CANCELLED",
      hasCreated: false,
      cancelledAt: T + 20,
      cancellationReason: REASON,
      startsAt: S1,
      endsAt: S1 + DURATION,
      participants: [SARAH, DANA],
      configurationId: CONFIGURATION_ID,
    });
    expect(state.history).toEqual([{ kind: "cancelled", at: T + 20, startsAt: S1, endsAt: S1 + DURATION, reason: REASON }]);
  });

  it("cancelled then created (created arrives late): stays CANCELLED, hasCreated becomes true", () => {
    const state = reduce(ev(cancelled), ev(created));
    expect(state).toMatchObject({ status: "CANCELLED", hasCreated: true, cancelledAt: T + 20, cancellationReason: REASON });
    expect(state.history.map((h) => h.kind)).toEqual(["created", "cancelled"]);
  });

  it('keeps an empty cancellation reason as "" (Nylas sends "" when none was given)', () => {
    const noReason = make({ type: "booking.cancelled", id: "n-cancel-empty", time: T + 20, start: S0, end: S0 + DURATION, cancellationReason: "" });
    expect(reduce(ev(created), ev(noReason))).toMatchObject({ status: "CANCELLED", cancellationReason: "" });
  });
});

describe("reduceBookingEvents: ties and finality", () => {
  it.each([
    ["created first", true],
    ["cancelled first", false],
  ])("same `time` for created and cancelled (%s): cancelled wins", (_name, createdFirst) => {
    const sameTimeCancel = make({ type: "booking.cancelled", id: "n-same-time-cancel", time: T, start: S0, end: S0 + DURATION, cancellationReason: "Oops" });
    const events = createdFirst ? [ev(created), ev(sameTimeCancel)] : [ev(sameTimeCancel), ev(created)];
    const state = reduce(...events);
    expect(state).toMatchObject({ status: "CANCELLED", hasCreated: true, cancelledAt: T, cancellationReason: "Oops" });
    expect(state.history.map((h) => h.kind)).toEqual(["created", "cancelled"]);
  });

  it("same `time` for all three: created < rescheduled < cancelled", () => {
    const r = { ...ev(rescheduled), time: T };
    const c = { ...ev(cancelled), time: T };
    for (const order of permutations([ev(created), r, c])) {
      const state = reduce(...order);
      expect(state.history.map((h) => h.kind)).toEqual(["created", "rescheduled", "cancelled"]);
      expect(state).toMatchObject({ status: "CANCELLED", startsAt: S1, cancelledAt: T });
    }
  });

  it("same `time` and same type: ordered by notification id, so still order-independent", () => {
    const a = make({ type: "booking.rescheduled", id: "n-a", time: T + 10, start: S1, end: S1 + DURATION, oldStart: S0, oldEnd: S0 + DURATION });
    const b = make({ type: "booking.rescheduled", id: "n-b", time: T + 10, start: S1 + 600, end: S1 + 600 + DURATION, oldStart: S1, oldEnd: S1 + DURATION });
    expect(reduce(ev(created), ev(b), ev(a))).toStrictEqual(reduce(ev(a), ev(created), ev(b)));
    expect(reduce(ev(created), ev(a), ev(b)).startsAt).toBe(S1 + 600);
  });

  it("a reschedule after the cancel does not revive the interview nor move its times", () => {
    const late = make({ type: "booking.rescheduled", id: "n-late-reschedule", time: T + 30, start: S1 + 7_200, end: S1 + 7_200 + DURATION, oldStart: S1, oldEnd: S1 + DURATION });
    const state = reduce(ev(created), ev(rescheduled), ev(cancelled), ev(late));
    expect(state).toMatchObject({ status: "CANCELLED", startsAt: S1, endsAt: S1 + DURATION, cancelledAt: T + 20 });
  });

  it("a later cancelled after a cancelled changes neither cancelledAt nor the reason, and adds no history", () => {
    const second = make({ type: "booking.cancelled", id: "n-cancelled-2", time: T + 40, start: S1, end: S1 + DURATION, cancellationReason: "Second thoughts" });
    for (const order of permutations([ev(created), ev(cancelled), ev(second)])) {
      const state = reduce(...order);
      expect(state).toMatchObject({ status: "CANCELLED", cancelledAt: T + 20, cancellationReason: REASON });
      expect(state.history.map((h) => h.kind)).toEqual(["created", "cancelled"]);
    }
  });

  it("dedupes by notification id: a redelivery (attempt 2) counts once", () => {
    expect(reduce(ev(created), ev(redelivery(created)), ev(redelivery(created, 3)))).toStrictEqual(reduce(ev(created)));
  });
});

describe("reduceBookingEvents: missing details never erase known ones", () => {
  it("participants: null on a later event keeps the earlier participants", () => {
    const noParticipants = make({ type: "booking.rescheduled", id: "n-r-null", time: T + 10, start: S1, end: S1 + DURATION, oldStart: S0, oldEnd: S0 + DURATION, participants: null });
    for (const order of permutations([ev(created), ev(noParticipants)])) {
      expect(reduce(...order).participants).toEqual([SARAH, DANA]);
    }
  });

  it("participants: null on the earlier event is filled in by a later one", () => {
    const createdNull = make({ type: "booking.created", id: "n-c-null", time: T, start: S0, end: S0 + DURATION, participants: null });
    expect(reduce(ev(createdNull)).participants).toBeNull();
    expect(reduce(ev(cancelled), ev(createdNull)).participants).toEqual([SARAH, DANA]);
  });

  it("participants: null everywhere stays null", () => {
    const createdNull = make({ type: "booking.created", id: "n-c-null", time: T, start: S0, end: S0 + DURATION, participants: null });
    const cancelNull = make({ type: "booking.cancelled", id: "n-x-null", time: T + 5, start: S0, end: S0 + DURATION, participants: null });
    expect(reduce(ev(createdNull), ev(cancelNull))).toMatchObject({ participants: null, status: "CANCELLED" });
  });

  it("an empty participants list, or entries without an email, count as unknown", () => {
    const empty = make({ type: "booking.rescheduled", id: "n-r-empty", time: T + 10, start: S1, end: S1 + DURATION, oldStart: S0, oldEnd: S0 + DURATION, participants: [] });
    expect(reduce(ev(created), ev(empty)).participants).toEqual([SARAH, DANA]);
    const junk = ev(make({ type: "booking.created", id: "n-junk", time: T, start: S0, end: S0 + DURATION }));
    junk.object.booking_info!.participants = [{ name: "No Email" }, null, "x", { email: "not-an-email", name: "N" }];
    expect(reduce(junk).participants).toBeNull();
  });

  it("trims participant emails and keeps a missing name as null", () => {
    const e = ev(make({ type: "booking.created", id: "n-trim", time: T, start: S0, end: S0 + DURATION }));
    e.object.booking_info!.participants = [{ email: "  Dana.Chen@Example.org ", name: "" }];
    expect(reduce(e).participants).toEqual([{ email: "Dana.Chen@Example.org", name: null }]);
  });

  it("additional_fields: null keeps the earlier fields", () => {
    expect(reduce(ev(created), ev(rescheduled), ev(cancelled)).additionalFields).toEqual({ linkedin_url: "https://www.linkedin.com/in/dana" });
  });

  it("booking_info: null or missing still records the event", () => {
    const bare: BookingNotification = { notificationId: "n-bare", type: "booking.cancelled", time: T + 20, object: { booking_id: BOOKING_ID, booking_info: null } };
    const state = reduce(ev(created), bare);
    expect(state).toMatchObject({ status: "CANCELLED", cancellationReason: "", startsAt: S0, participants: [SARAH, DANA] });
  });

  it("reads numeric strings for times and ignores junk", () => {
    const e = ev(created);
    e.object.booking_info!.start_time = String(S0);
    e.object.booking_info!.end_time = "soon";
    const state = reduce(e);
    expect(state.startsAt).toBe(S0);
    expect(state.endsAt).toBeNull();
  });

  it("notetaker_id from any payload is kept", () => {
    const withBot = make({ type: "booking.rescheduled", id: "n-r-bot", time: T + 10, start: S1, end: S1 + DURATION, oldStart: S0, oldEnd: S0 + DURATION, notetakerId: "nt-42" });
    expect(reduce(ev(withBot), ev(created)).notetakerId).toBe("nt-42");
  });
});

describe("helpers", () => {
  it("isBookingEventType", () => {
    expect(["booking.created", "booking.rescheduled", "booking.cancelled"].every(isBookingEventType)).toBe(true);
    expect(["booking.pending", "booking.reminder", "notetaker.media", ""].some(isBookingEventType)).toBe(false);
  });

  it("compareBookingEvents orders by time, then type rank, then id", () => {
    const at = (type: BookingNotification["type"], time: number, id: string): BookingNotification => ({ notificationId: id, type, time, object: {} });
    const sorted = [at("booking.cancelled", 5, "a"), at("booking.created", 5, "z"), at("booking.rescheduled", 5, "m"), at("booking.cancelled", 1, "q"), at("booking.created", 5, "b")]
      .sort(compareBookingEvents)
      .map((e) => `${e.time}:${e.type}:${e.notificationId}`);
    expect(sorted).toEqual(["1:booking.cancelled:q", "5:booking.created:b", "5:booking.created:z", "5:booking.rescheduled:m", "5:booking.cancelled:a"]);
  });
});
