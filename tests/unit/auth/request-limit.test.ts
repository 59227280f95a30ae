import { describe, expect, it } from "vitest";
import { decideRequestLimit } from "@/lib/auth/request-limit";

const now = new Date("2026-12-06T12:00:00Z");
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe("decideRequestLimit", () => {
  it("allows up to the limit within the window", () => {
    expect(decideRequestLimit([ago(1), ago(2)], { limit: 3, windowMinutes: 60 }, now)).toEqual({ allowed: true });
  });

  it("refuses at the limit, until the oldest counted request leaves the window", () => {
    expect(decideRequestLimit([ago(10), ago(20), ago(50)], { limit: 3, windowMinutes: 60 }, now)).toEqual({ allowed: false, retryAfterMinutes: 10 });
  });

  it("ignores requests outside the window and turns off at limit 0", () => {
    expect(decideRequestLimit([ago(61), ago(90), ago(120)], { limit: 3, windowMinutes: 60 }, now)).toEqual({ allowed: true });
    expect(decideRequestLimit([ago(1), ago(1)], { limit: 0, windowMinutes: 60 }, now)).toEqual({ allowed: true });
  });

  it("never asks to wait less than a minute", () => {
    expect(decideRequestLimit([ago(59.99)], { limit: 1, windowMinutes: 60 }, now)).toEqual({ allowed: false, retryAfterMinutes: 1 });
  });
});
