import { describe, expect, it } from "vitest";
import { MAX_WEBHOOK_EVENTS_PAGE, parseWebhookEventFilters, ZWebhookEventId } from "@/lib/validations/webhooks";

describe("parseWebhookEventFilters", () => {
  it("defaults to every status and type, page 1", () => {
    expect(parseWebhookEventFilters({})).toEqual({ status: undefined, type: undefined, page: 1 });
    expect(parseWebhookEventFilters(undefined)).toEqual({ status: undefined, type: undefined, page: 1 });
    expect(parseWebhookEventFilters("status=dead")).toEqual({ status: undefined, type: undefined, page: 1 });
  });

  it("reads status (any case), type and page", () => {
    expect(parseWebhookEventFilters({ status: "dead", type: "booking.created", page: "3" })).toEqual({
      status: "DEAD",
      type: "booking.created",
      page: 3,
    });
    expect(parseWebhookEventFilters({ status: " Processed " }).status).toBe("PROCESSED");
    expect(parseWebhookEventFilters({ type: "notetaker.meeting_state" }).type).toBe("notetaker.meeting_state");
  });

  it("takes the first of a repeated param", () => {
    expect(parseWebhookEventFilters({ status: ["ignored", "dead"], page: ["2", "5"] })).toMatchObject({ status: "IGNORED", page: 2 });
  });

  it.each([["all"], ["bogus"], [""], ["DEAD; DROP TABLE"]])("treats status %j as all statuses", (status) => {
    expect(parseWebhookEventFilters({ status }).status).toBeUndefined();
  });

  it.each([[""], ["   "], ["<script>"], ["booking created"], ["x".repeat(101)], [".booking"]])("treats type %j as all types", (type) => {
    expect(parseWebhookEventFilters({ type }).type).toBeUndefined();
  });

  it.each([["0"], ["-1"], ["1.5"], ["abc"], ["2e3"], [""], [String(MAX_WEBHOOK_EVENTS_PAGE + 1)], ["99999999999"]])("falls back to page 1 for %j", (page) => {
    expect(parseWebhookEventFilters({ page }).page).toBe(1);
  });

  it("keeps the valid fields when another one is bad", () => {
    expect(parseWebhookEventFilters({ status: "nope", type: "booking.cancelled", page: "x" })).toEqual({
      status: undefined,
      type: "booking.cancelled",
      page: 1,
    });
  });

  it("ignores unknown params", () => {
    expect(parseWebhookEventFilters({ sort: "asc", status: "pending" })).toEqual({ status: "PENDING", type: undefined, page: 1 });
  });
});

describe("ZWebhookEventId", () => {
  it("accepts a uuid", () => {
    expect(ZWebhookEventId.safeParse({ id: "49c420e7-de7b-4756-b47a-752a3f8511d1" }).success).toBe(true);
  });

  it.each([[""], ["not-a-uuid"], [null], [42], ["49c420e7-de7b-4756-b47a-752a3f8511d1'; --"]])("rejects %j", (id) => {
    expect(ZWebhookEventId.safeParse({ id }).success).toBe(false);
  });
});
