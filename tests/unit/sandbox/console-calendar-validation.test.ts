import { describe, expect, it } from "vitest";
import { toConsoleFieldErrors, ZConsoleCalendar } from "@/lib/sandbox/console-validation";

describe("ZConsoleCalendar", () => {
  it("normalises the email and drops empty optional fields", () => {
    expect(ZConsoleCalendar.parse({ intent: "connect", email: "  Ana.Lee@Northwind.Example ", name: "  ", timezone: "" })).toEqual({
      intent: "connect",
      email: "ana.lee@northwind.example",
      name: undefined,
      timezone: undefined,
    });
  });

  it("trims the name and canonicalises the time zone", () => {
    expect(ZConsoleCalendar.parse({ intent: "connect", email: "ana@example.org", name: " Ana Lee ", timezone: "utc" })).toMatchObject({ name: "Ana Lee", timezone: "UTC" });
    expect(ZConsoleCalendar.parse({ intent: "connect", email: "ana@example.org", timezone: "Europe/Berlin" }).timezone).toBe("Europe/Berlin");
  });

  it.each(["invalidate", "disconnect"] as const)("accepts %s with just an email", (intent) => {
    expect(ZConsoleCalendar.parse({ intent, email: "ana@example.org" })).toMatchObject({ intent, email: "ana@example.org" });
  });

  it("refuses a bad email, a long name and an unknown time zone, each under its field", () => {
    const result = ZConsoleCalendar.safeParse({ intent: "connect", email: "ana", name: "n".repeat(201), timezone: "Mars/Olympus" });
    expect(result.success).toBe(false);
    expect(toConsoleFieldErrors(result.error!)).toEqual({
      email: "Enter an email address like ana@example.com.",
      name: "Name must be at most 200 characters.",
      timezone: "Enter an IANA time zone, like Europe/Berlin or UTC.",
    });
  });

  it("refuses an unknown intent without a field error (a tampered form)", () => {
    const result = ZConsoleCalendar.safeParse({ intent: "delete-everything", email: "ana@example.org" });
    expect(result.success).toBe(false);
    expect(toConsoleFieldErrors(result.error!)).toEqual({});
  });
});
