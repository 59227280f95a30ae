import { describe, expect, it } from "vitest";
import { formatDuration } from "@/lib/roles/format-duration";

describe("formatDuration", () => {
  it("formats minutes under an hour", () => {
    expect(formatDuration(45)).toBe("45 minutes");
    expect(formatDuration(1)).toBe("1 minute");
  });

  it("formats whole hours and hours with minutes", () => {
    expect(formatDuration(60)).toBe("1 hour");
    expect(formatDuration(90)).toBe("1 hour 30 minutes");
    expect(formatDuration(120)).toBe("2 hours");
  });

  it("never returns an empty string", () => {
    expect(formatDuration(0)).toBe("0 minutes");
  });
});
