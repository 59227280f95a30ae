import { describe, expect, it } from "vitest";
import { SandboxApiError } from "@/lib/sandbox/errors";
import { decodeProvider, encodeProvider, parseGrantListQuery } from "@/lib/sandbox/grant-rules";

describe("encodeProvider / decodeProvider", () => {
  it("stores a valid grant's provider unchanged", () => {
    expect(encodeProvider("google", "valid")).toBe("google");
    expect(decodeProvider("google")).toEqual({ provider: "google", status: "valid" });
  });

  it("marks an invalid grant's provider and reads the mark back", () => {
    expect(encodeProvider("google", "invalid")).toBe("google#invalid");
    expect(decodeProvider("google#invalid")).toEqual({ provider: "google", status: "invalid" });
  });

  it("round-trips every provider and status", () => {
    for (const provider of ["google", "microsoft", "virtual-calendar"]) {
      for (const status of ["valid", "invalid"] as const) {
        expect(decodeProvider(encodeProvider(provider, status))).toEqual({ provider, status });
      }
    }
  });
});

describe("parseGrantListQuery", () => {
  const parse = (query: string) => parseGrantListQuery(new URLSearchParams(query));
  const rejection = (query: string) => {
    try {
      parse(query);
    } catch (error) {
      return error;
    }
    throw new Error(`expected ${query} to be rejected`);
  };

  it("applies Nylas's defaults: 10 newest first from offset 0", () => {
    expect(parse("")).toEqual({ limit: 10, offset: 0, sortBy: "createdAt", order: "desc" });
  });

  it("reads every filter, normalising the email", () => {
    expect(parse("limit=3&offset=6&sort_by=updated_at&order_by=asc&email=%20Sarah.Kim@Northwind.Example%20&grant_status=invalid&provider=google&since=100&before=200")).toEqual({
      limit: 3,
      offset: 6,
      sortBy: "updatedAt",
      order: "asc",
      email: "sarah.kim@northwind.example",
      status: "invalid",
      provider: "google",
      since: new Date(100_000),
      before: new Date(200_000),
    });
  });

  it("caps limit at 200", () => {
    expect(parse("limit=500").limit).toBe(200);
  });

  it.each([
    ["limit=0", "limit must be an integer of at least 1."],
    ["limit=ten", "limit must be an integer of at least 1."],
    ["offset=-1", "offset must be an integer of at least 0."],
    ["offset=1.5", "offset must be an integer of at least 0."],
    ["grant_status=expired", "grant_status must be one of: valid, invalid."],
    ["order_by=up", "order_by must be one of: asc, desc."],
    ["sort_by=email", "sort_by must be one of: created_at, updated_at."],
  ])("refuses %s with a 400 naming the parameter", (query, message) => {
    const error = rejection(query) as SandboxApiError;
    expect(error).toBeInstanceOf(SandboxApiError);
    expect(error.status).toBe(400);
    expect(error.type).toBe("invalid_request_error");
    expect(error.message).toBe(message);
  });
});
