import { describe, expect, it } from "vitest";
import { formatBytes, formatTimestamp } from "@/lib/media/format";

describe("formatTimestamp", () => {
  it("reads zero as 0:00", () => {
    expect(formatTimestamp(0)).toBe("0:00");
  });

  it("rounds down to the second", () => {
    expect(formatTimestamp(999)).toBe("0:00");
    expect(formatTimestamp(59_999)).toBe("0:59");
    expect(formatTimestamp(60_000)).toBe("1:00");
  });

  it("shows minutes and zero-padded seconds under an hour", () => {
    expect(formatTimestamp(75_000)).toBe("1:15");
    expect(formatTimestamp(605_000)).toBe("10:05");
    expect(formatTimestamp(3_599_999)).toBe("59:59");
  });

  it("adds hours with zero-padded minutes from one hour", () => {
    expect(formatTimestamp(3_600_000)).toBe("1:00:00");
    expect(formatTimestamp(3_723_000)).toBe("1:02:03");
    expect(formatTimestamp(36_000_000 + 61_000)).toBe("10:01:01");
  });

  it("reads a negative time as 0:00", () => {
    expect(formatTimestamp(-1)).toBe("0:00");
    expect(formatTimestamp(-75_000)).toBe("0:00");
  });
});

describe("formatBytes", () => {
  it("counts bytes under 1 KB, singular for one", () => {
    expect(formatBytes(0)).toBe("0 bytes");
    expect(formatBytes(1)).toBe("1 byte");
    expect(formatBytes(2)).toBe("2 bytes");
    expect(formatBytes(1023)).toBe("1023 bytes");
  });

  it("shows one decimal below 10 of a unit", () => {
    expect(formatBytes(1024)).toBe("1.0 KB");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(5 * 1024 * 1024 + 512 * 1024)).toBe("5.5 MB");
  });

  it("rounds to a whole number from 10 of a unit", () => {
    expect(formatBytes(10 * 1024)).toBe("10 KB");
    expect(formatBytes(500 * 1024 * 1024 + 700 * 1024)).toBe("501 MB");
  });

  it("uses powers of 1024 up to TB, and TB beyond", () => {
    expect(formatBytes(1024 ** 2)).toBe("1.0 MB");
    expect(formatBytes(1024 ** 3)).toBe("1.0 GB");
    expect(formatBytes(1024 ** 4)).toBe("1.0 TB");
    expect(formatBytes(2048 * 1024 ** 4)).toBe("2048 TB");
  });

  it("shows a dash for negative, NaN and infinite sizes", () => {
    expect(formatBytes(-1)).toBe("—");
    expect(formatBytes(Number.NaN)).toBe("—");
    expect(formatBytes(Number.POSITIVE_INFINITY)).toBe("—");
  });
});

describe("formatBytes: unit edges", () => {
  it("picks the unit after rounding, as the number is shown", () => {
    expect(formatBytes(1_048_575)).toBe("1.0 MB");
    expect(formatBytes(10_239)).toBe("10 KB");
    expect(formatBytes(1023)).toBe("1023 bytes");
  });
});
