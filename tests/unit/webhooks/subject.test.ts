import { describe, expect, it } from "vitest";
import { webhookSubjectKey, webhookSubjectOf } from "@/lib/webhooks/subject";

const row = "5b0c2a8e-8f7a-4d3c-9c7e-2f1a6b3d4e5f";

describe("webhookSubjectOf", () => {
  it.each(["booking.created", "booking.rescheduled", "booking.cancelled"])("files %s under its booking", (type) => {
    expect(webhookSubjectOf({ type, bookingId: "b-1", notetakerId: null, rowId: row })).toEqual({ subject: "booking", id: "b-1" });
  });

  it.each(["notetaker.created", "notetaker.updated", "notetaker.meeting_state", "notetaker.media", "notetaker.deleted"])("files %s under its notetaker", (type) => {
    expect(webhookSubjectOf({ type, bookingId: null, notetakerId: "n-1", rowId: row })).toEqual({ subject: "notetaker", id: "n-1" });
  });

  it("files a notification that names neither under its own row", () => {
    expect(webhookSubjectOf({ type: "booking.created", bookingId: null, notetakerId: null, rowId: row })).toEqual({ subject: "event", id: row });
    expect(webhookSubjectOf({ type: "notetaker.media", bookingId: "b-1", notetakerId: null, rowId: row })).toEqual({ subject: "event", id: row });
    expect(webhookSubjectOf({ type: "grant.expired", bookingId: "b-1", notetakerId: "n-1", rowId: row })).toEqual({ subject: "event", id: row });
  });
});

describe("webhookSubjectKey", () => {
  it("keys a subject by kind and id, so a booking and a notetaker with one id never share a key", () => {
    expect(webhookSubjectKey({ subject: "booking", id: "x" })).toBe("booking:x");
    expect(webhookSubjectKey({ subject: "notetaker", id: "x" })).toBe("notetaker:x");
  });
});
