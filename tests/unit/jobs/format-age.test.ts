import { describe, expect, it } from "vitest";
import { formatWaitingAge } from "@/lib/jobs/format-age";

describe("formatWaitingAge", () => {
  it.each([
    [0, "now"],
    [0.4, "now"],
    [1, "1 s"],
    [59.9, "59 s"],
    [60, "1 min"],
    [3599, "59 min"],
    [3600, "1 h"],
    [3600 + 5 * 60 + 30, "1 h 5 min"],
    [86_399, "23 h 59 min"],
    [86_400 * 3 + 10, "3 d"],
  ])("%s seconds read as %s", (seconds, text) => {
    expect(formatWaitingAge(seconds)).toBe(text);
  });
});
