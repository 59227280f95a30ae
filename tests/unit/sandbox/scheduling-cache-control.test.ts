import { describe, expect, it } from "vitest";
import { schedulingCacheControl } from "@/lib/sandbox/http";

describe("schedulingCacheControl", () => {
  const q = (query: string) => new URLSearchParams(query);

  it.each([
    ["public ui-settings: a shared cache may keep it a minute, a browser asks again", "GET", "ui-settings", "configuration_id=c", false, "public, max-age=0, s-maxage=60"],
    ["ui-settings by slug", "GET", "ui-settings", "slug=s&client_id=x", false, "public, max-age=0, s-maxage=60"],
    ["ui-settings with a booking (guest details): never stored", "GET", "ui-settings", "configuration_id=c&booking_id=b", false, "no-store"],
    ["ui-settings with an API key: never stored", "GET", "ui-settings", "configuration_id=c", true, "no-store"],
    ["availability: never used stale", "GET", "availability", "configuration_id=c&start_time=1&end_time=2", false, "private, max-age=0, must-revalidate"],
    ["a booking read: never stored", "GET", "bookings", "configuration_id=c", false, "no-store"],
    ["a booking: never stored", "POST", "bookings", "configuration_id=c", false, "no-store"],
  ])("%s", (_name, method, endpoint, query, hasApiKey, expected) => {
    expect(schedulingCacheControl(method, endpoint, q(query), hasApiKey)).toBe(expected);
  });
});
