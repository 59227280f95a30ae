import { describe, expect, it } from "vitest";
import { canonicalJson, diffFields } from "@/lib/settings/diff";

describe("canonicalJson", () => {
  it("sorts object keys, so key order is not a difference", () => {
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
    expect(canonicalJson({ a: 2, b: 1 })).toBe(canonicalJson({ b: 1, a: 2 }));
  });

  it("sorts keys at every depth, including objects inside arrays", () => {
    const value = { z: { y: [{ d: 1, c: 2 }], x: null }, a: "first" };
    expect(canonicalJson(value)).toBe('{"a":"first","z":{"x":null,"y":[{"c":2,"d":1}]}}');
  });

  it("keeps the order of arrays", () => {
    expect(canonicalJson([3, 1, 2])).toBe("[3,1,2]");
    expect(canonicalJson({ days: [1, 2] })).not.toBe(canonicalJson({ days: [2, 1] }));
  });

  it("writes undefined as null, at the top and inside objects and arrays", () => {
    expect(canonicalJson(undefined)).toBe("null");
    expect(canonicalJson({ a: undefined, b: [undefined] })).toBe('{"a":null,"b":[null]}');
  });

  it("writes a Date as its ISO time", () => {
    expect(canonicalJson({ at: new Date("2026-03-10T15:00:00Z") })).toBe('{"at":"2026-03-10T15:00:00.000Z"}');
  });

  it("writes scalars as JSON does", () => {
    expect([canonicalJson('a"b'), canonicalJson(0), canonicalJson(false), canonicalJson(null)]).toEqual(['"a\\"b"', "0", "false", "null"]);
  });
});

describe("diffFields", () => {
  it("lists only the fields that changed, with their labels", () => {
    const before = { durationMinutes: 45, name: "Backend panel", bufferAfterMinutes: 15 };
    const after = { durationMinutes: 60, name: "Backend panel", bufferAfterMinutes: 10 };
    expect(diffFields(before, after, { durationMinutes: "Duration (minutes)", name: "Name" })).toEqual([
      { field: "durationMinutes", label: "Duration (minutes)", before: 45, after: 60 },
      { field: "bufferAfterMinutes", label: "bufferAfterMinutes", before: 15, after: 10 },
    ]);
  });

  it("is empty when nothing changed", () => {
    expect(diffFields({ name: "A", openHours: [{ days: [1], start: "9:00" }] }, { openHours: [{ start: "9:00", days: [1] }], name: "A" })).toEqual([]);
  });

  it("orders the labelled fields as the labels list them, then the rest by key", () => {
    const before = { c: 1, a: 1, z: 1, m: 1 };
    const after = { c: 2, a: 2, z: 2, m: 2 };
    expect(diffFields(before, after, { z: "Zed", c: "Cee" }).map((c) => c.field)).toEqual(["z", "c", "a", "m"]);
  });

  it("skips a labelled field that neither side has", () => {
    expect(diffFields({ name: "A" }, { name: "B" }, { eventTitle: "Event title", name: "Name" })).toEqual([{ field: "name", label: "Name", before: "A", after: "B" }]);
  });

  it("records a creation from {}: every field, before null", () => {
    expect(diffFields({}, { name: "Backend panel", intervalMinutes: null, members: ["a@x.example"] }, { name: "Name" })).toEqual([
      { field: "name", label: "Name", before: null, after: "Backend panel" },
      { field: "members", label: "members", before: null, after: ["a@x.example"] },
    ]);
  });

  it("records a deletion to {}: every non-null field, after null", () => {
    expect(diffFields({ name: "Backend panel", durationMinutes: 45 }, {})).toEqual([
      { field: "durationMinutes", label: "durationMinutes", before: 45, after: null },
      { field: "name", label: "name", before: "Backend panel", after: null },
    ]);
  });

  it("counts a reordered list as a change and a reordered object as none", () => {
    expect(diffFields({ members: ["a", "b"] }, { members: ["b", "a"] })).toEqual([{ field: "members", label: "members", before: ["a", "b"], after: ["b", "a"] }]);
    expect(diffFields({ notetaker: { video: true, audio: true } }, { notetaker: { audio: true, video: true } })).toEqual([]);
  });

  it("reports nested values in canonical form (keys sorted, Dates as ISO strings)", () => {
    const [change] = diffFields({ openHours: { start: "9:00", days: [1] } }, { openHours: { start: "10:00", days: [1] }, updatedAt: new Date("2026-03-10T15:00:00Z") });
    expect(change).toEqual({ field: "openHours", label: "openHours", before: { days: [1], start: "9:00" }, after: { days: [1], start: "10:00" } });
    expect(Object.keys(change!.before as object)).toEqual(["days", "start"]);
    expect(diffFields({}, { updatedAt: new Date("2026-03-10T15:00:00Z") })).toEqual([{ field: "updatedAt", label: "updatedAt", before: null, after: "2026-03-10T15:00:00.000Z" }]);
  });

  it("treats a Date and its ISO string as the same value", () => {
    expect(diffFields({ at: new Date("2026-03-10T15:00:00Z") }, { at: "2026-03-10T15:00:00.000Z" })).toEqual([]);
  });
});
