import { describe, expect, it } from "vitest";
import { decideRange, rangeHeaders } from "@/lib/http/range";

const SIZE = 10_000;

describe("decideRange", () => {
  it("sends the whole file without a Range header", () => {
    expect(decideRange(null, SIZE)).toEqual({ kind: "full" });
    expect(decideRange(undefined, SIZE)).toEqual({ kind: "full" });
    expect(decideRange("", SIZE)).toEqual({ kind: "full" });
  });

  it("serves the first byte for bytes=0-0", () => {
    expect(decideRange("bytes=0-0", SIZE)).toEqual({ kind: "partial", start: 0, end: 0 });
  });

  it("serves the whole file as a partial response for bytes=0- (what media players send first)", () => {
    expect(decideRange("bytes=0-", SIZE)).toEqual({ kind: "partial", start: 0, end: 9_999 });
  });

  it("serves from an offset to the end for an open range", () => {
    expect(decideRange("bytes=9000-", SIZE)).toEqual({ kind: "partial", start: 9_000, end: 9_999 });
    expect(decideRange("bytes=9999-", SIZE)).toEqual({ kind: "partial", start: 9_999, end: 9_999 });
  });

  it("serves a closed range inclusively", () => {
    expect(decideRange("bytes=500-999", SIZE)).toEqual({ kind: "partial", start: 500, end: 999 });
  });

  it("serves the last N bytes for a suffix range", () => {
    expect(decideRange("bytes=-500", SIZE)).toEqual({ kind: "partial", start: 9_500, end: 9_999 });
    expect(decideRange("bytes=-1", SIZE)).toEqual({ kind: "partial", start: 9_999, end: 9_999 });
  });

  it("serves the whole file for a suffix longer than the file", () => {
    expect(decideRange("bytes=-20000", SIZE)).toEqual({ kind: "partial", start: 0, end: 9_999 });
    expect(decideRange("bytes=-10000", SIZE)).toEqual({ kind: "partial", start: 0, end: 9_999 });
  });

  it("refuses a zero-length suffix (bytes=-0) as unsatisfiable", () => {
    expect(decideRange("bytes=-0", SIZE)).toEqual({ kind: "unsatisfiable" });
  });

  it("clamps an end beyond the file to its last byte", () => {
    expect(decideRange("bytes=9000-20000", SIZE)).toEqual({ kind: "partial", start: 9_000, end: 9_999 });
    expect(decideRange("bytes=0-99999999999999999999", SIZE)).toEqual({ kind: "partial", start: 0, end: 9_999 });
  });

  it("refuses a start at or beyond the end of the file as unsatisfiable (416)", () => {
    expect(decideRange("bytes=10000-", SIZE)).toEqual({ kind: "unsatisfiable" });
    expect(decideRange("bytes=10000-10005", SIZE)).toEqual({ kind: "unsatisfiable" });
    expect(decideRange("bytes=99999999999999999999-", SIZE)).toEqual({ kind: "unsatisfiable" });
  });

  it("sends the whole file for several ranges", () => {
    expect(decideRange("bytes=0-99,200-299", SIZE)).toEqual({ kind: "full" });
    expect(decideRange("bytes=0-99, -100", SIZE)).toEqual({ kind: "full" });
  });

  it("sends the whole file for a header it cannot read", () => {
    for (const header of ["bytes=", "bytes=-", "bytes=a-b", "bytes=1.5-2", "bytes=+1-2", "items=0-99", "bytes 0-99", "bytes=0-99;q=1", "0-99", "bytes=1e3-"]) {
      expect(decideRange(header, SIZE)).toEqual({ kind: "full" });
    }
  });

  it("accepts the unit in any case and surrounding whitespace", () => {
    expect(decideRange("Bytes=0-9", SIZE)).toEqual({ kind: "partial", start: 0, end: 9 });
    expect(decideRange("  bytes=0-9  ", SIZE)).toEqual({ kind: "partial", start: 0, end: 9 });
  });

  it("sends the whole file for an inverted range (last before first is invalid)", () => {
    expect(decideRange("bytes=500-100", SIZE)).toEqual({ kind: "full" });
  });

  it("refuses every int range on an empty file", () => {
    expect(decideRange("bytes=0-", 0)).toEqual({ kind: "unsatisfiable" });
    expect(decideRange("bytes=0-0", 0)).toEqual({ kind: "unsatisfiable" });
  });

  it("sends an empty file whole without a Range header", () => {
    expect(decideRange(null, 0)).toEqual({ kind: "full" });
  });
});

describe("rangeHeaders", () => {
  it("answers 200 with the full length and accept-ranges for a full response", () => {
    expect(rangeHeaders({ kind: "full" }, SIZE)).toEqual({ status: 200, headers: { "accept-ranges": "bytes", "content-length": "10000" } });
    expect(rangeHeaders({ kind: "full" }, 0)).toEqual({ status: 200, headers: { "accept-ranges": "bytes", "content-length": "0" } });
  });

  it("answers 206 with content-range first-last/size and the range's length", () => {
    expect(rangeHeaders({ kind: "partial", start: 500, end: 999 }, SIZE)).toEqual({
      status: 206,
      headers: { "accept-ranges": "bytes", "content-range": "bytes 500-999/10000", "content-length": "500" },
    });
  });

  it("counts a one-byte range as one byte", () => {
    expect(rangeHeaders({ kind: "partial", start: 0, end: 0 }, SIZE).headers).toEqual({ "accept-ranges": "bytes", "content-range": "bytes 0-0/10000", "content-length": "1" });
  });

  it("answers 416 with content-range */size and no content-length", () => {
    expect(rangeHeaders({ kind: "unsatisfiable" }, SIZE)).toEqual({ status: 416, headers: { "accept-ranges": "bytes", "content-range": "bytes */10000" } });
  });

  it("gives headers matching decideRange for a suffix range", () => {
    expect(rangeHeaders(decideRange("bytes=-100", SIZE), SIZE)).toEqual({
      status: 206,
      headers: { "accept-ranges": "bytes", "content-range": "bytes 9900-9999/10000", "content-length": "100" },
    });
  });
});

describe("decideRange: an empty file", () => {
  it("answers a suffix range with the (empty) whole, as RFC 9110 §14.1.1 says", () => {
    expect(decideRange("bytes=-5", 0)).toEqual({ kind: "full" });
    expect(decideRange("bytes=0-", 0)).toEqual({ kind: "unsatisfiable" });
  });
});
