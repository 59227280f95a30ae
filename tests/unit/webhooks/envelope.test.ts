import { describe, expect, it } from "vitest";
import { HANDLED_TRIGGERS, MAX_WEBHOOK_BYTES, parseEnvelope } from "@/lib/webhooks/envelope";
import { bookingEnvelope } from "../../support/nylas-webhook-fixtures";

const BOOKING_ID = "5f0c2d1e-8a7b-4c6d-9e0f-1a2b3c4d5e6f";
const CONFIGURATION_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

function parseOk(text: string) {
  const result = parseEnvelope(text);
  if (!result.ok) throw new Error(`expected ok, got: ${result.message}`);
  return result.envelope;
}

describe("parseEnvelope: valid notifications", () => {
  it("parses a Nylas booking.created notification", () => {
    const body = bookingEnvelope({
      type: "booking.created",
      id: "notif-1",
      time: 1725895310,
      attempt: 2,
      bookingId: BOOKING_ID,
      configurationId: CONFIGURATION_ID,
      start: 1719842400,
      end: 1719846000,
    });
    const envelope = parseOk(JSON.stringify(body));
    expect(envelope).toEqual({
      id: "notif-1",
      type: "booking.created",
      source: "/nylas/passthru",
      time: new Date(1725895310 * 1000),
      deliveryAttempt: 2,
      bookingId: BOOKING_ID,
      notetakerId: null,
      payload: body,
    });
    expect(envelope.time).toBeInstanceOf(Date);
  });

  it.each(["booking.created", "booking.rescheduled", "booking.cancelled"] as const)("extracts booking_id for %s", (type) => {
    const body = bookingEnvelope({ type, time: 1725895310, bookingId: BOOKING_ID, configurationId: CONFIGURATION_ID, start: 1, end: 2 });
    expect(parseOk(JSON.stringify(body)).bookingId).toBe(BOOKING_ID);
  });

  it("extracts booking_id only for booking.* types", () => {
    // A notetaker or calendar payload that happens to carry a booking_id field.
    for (const type of ["notetaker.media", "event.updated", "calendar.created"]) {
      const body = { specversion: "1.0", type, source: "/nylas/notetaker", id: `n-${type}`, time: 1737500936, webhook_delivery_attempt: 1, data: { object: { booking_id: BOOKING_ID, id: "nt-1" } } };
      expect(parseOk(JSON.stringify(body)).bookingId).toBeNull();
    }
  });

  it.each(["notetaker.created", "notetaker.updated", "notetaker.meeting_state", "notetaker.media", "notetaker.deleted"])("extracts the notetaker id (data.object.id) for %s", (type) => {
    const body = { specversion: "1.0", type, source: "/nylas/notetaker", id: `n-${type}`, time: 1737500936, data: { object: { id: "71c807752c744ad0902f64d43e6cc399", object: "notetaker" } } };
    const envelope = parseOk(JSON.stringify(body));
    expect(envelope.notetakerId).toBe("71c807752c744ad0902f64d43e6cc399");
    expect(envelope.bookingId).toBeNull();
  });

  it("extracts a notetaker id only for notetaker.* types, and only a non-empty string", () => {
    expect(parseOk(JSON.stringify({ id: "n1", type: "booking.created", data: { object: { id: "x1" } } })).notetakerId).toBeNull();
    expect(parseOk(JSON.stringify({ id: "n2", type: "notetaker.media", data: { object: { id: 7 } } })).notetakerId).toBeNull();
    expect(parseOk(JSON.stringify({ id: "n3", type: "notetaker.media", data: { object: { id: "" } } })).notetakerId).toBeNull();
  });

  it("keeps only a string booking_id", () => {
    const body = { id: "n1", type: "booking.created", data: { object: { booking_id: 42 } } };
    expect(parseOk(JSON.stringify(body)).bookingId).toBeNull();
  });

  it("accepts the minimum: only id and type", () => {
    expect(parseOk('{"id":"n1","type":"booking.created"}')).toEqual({
      id: "n1",
      type: "booking.created",
      source: null,
      time: null,
      deliveryAttempt: null,
      bookingId: null,
      notetakerId: null,
      payload: { id: "n1", type: "booking.created" },
    });
  });

  it.each([
    { name: "a string", time: "1725895310" },
    { name: "null", time: null },
    { name: "NaN-ish huge", time: 1e300 },
  ])("treats a `time` that is $name as unknown", ({ time }) => {
    expect(parseOk(JSON.stringify({ id: "n1", type: "booking.created", time })).time).toBeNull();
  });

  it("reads a non-integer webhook_delivery_attempt as unknown", () => {
    expect(parseOk(JSON.stringify({ id: "n1", type: "booking.created", webhook_delivery_attempt: "1" })).deliveryAttempt).toBeNull();
    expect(parseOk(JSON.stringify({ id: "n1", type: "booking.created", webhook_delivery_attempt: 1.5 })).deliveryAttempt).toBeNull();
  });

  it("does not reject an unknown type or an unexpected data shape (full validation happens in the job)", () => {
    expect(parseOk(JSON.stringify({ id: "n1", type: "calendar.created", data: "surprise" })).type).toBe("calendar.created");
    expect(parseOk(JSON.stringify({ id: "n2", type: "booking.created", data: [1, 2] })).bookingId).toBeNull();
    expect(parseOk(JSON.stringify({ id: "n3", type: "booking.created", data: { object: null } })).bookingId).toBeNull();
  });
});

describe("parseEnvelope: refused bodies", () => {
  it.each([
    { name: "invalid JSON", text: '{"id":"n1","type":', message: /not valid JSON/ },
    { name: "an empty body", text: "", message: /not valid JSON/ },
    { name: "a JSON array", text: '[{"id":"n1","type":"booking.created"}]', message: /JSON object/ },
    { name: "JSON null", text: "null", message: /JSON object/ },
    { name: "a JSON string", text: '"booking.created"', message: /JSON object/ },
    { name: "a JSON number", text: "42", message: /JSON object/ },
    { name: "no id", text: '{"type":"booking.created"}', message: /`id`/ },
    { name: "an empty id", text: '{"id":"","type":"booking.created"}', message: /`id`/ },
    { name: "a blank id", text: '{"id":"   ","type":"booking.created"}', message: /`id`/ },
    { name: "a numeric id", text: '{"id":12,"type":"booking.created"}', message: /`id`/ },
    { name: "no type", text: '{"id":"n1"}', message: /`type`/ },
    { name: "an empty type", text: '{"id":"n1","type":""}', message: /`type`/ },
    { name: "a non-string type", text: '{"id":"n1","type":["booking.created"]}', message: /`type`/ },
  ])("refuses $name with a message", ({ text, message }) => {
    const result = parseEnvelope(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(message);
      expect(result.message.length).toBeGreaterThan(5);
    }
  });
});

describe("constants", () => {
  it("caps bodies at 1 MiB and handles the subscribed triggers", () => {
    expect(MAX_WEBHOOK_BYTES).toBe(1_048_576);
    expect([...HANDLED_TRIGGERS].sort()).toEqual([
      "booking.cancelled",
      "booking.created",
      "booking.rescheduled",
      "notetaker.created",
      "notetaker.deleted",
      "notetaker.media",
      "notetaker.meeting_state",
      "notetaker.updated",
    ]);
  });
});
