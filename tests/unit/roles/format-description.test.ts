import { describe, expect, it } from "vitest";
import { formatDescription } from "@/lib/roles/format-description";

describe("formatDescription", () => {
  it("returns no blocks for empty or blank text", () => {
    expect(formatDescription("")).toEqual([]);
    expect(formatDescription("  \n\n \t\n")).toEqual([]);
  });

  it("splits paragraphs on blank lines and joins wrapped lines with a space", () => {
    const text = "We build logistics software.\nIt runs at scale.\n\nYou will own services.";
    expect(formatDescription(text)).toEqual([
      { type: "paragraph", text: "We build logistics software. It runs at scale." },
      { type: "paragraph", text: "You will own services." },
    ]);
  });

  it("groups consecutive '- ' lines into one list", () => {
    const text = "What you'll do:\n- Design APIs\n- Run Postgres\n\nAbout us.";
    expect(formatDescription(text)).toEqual([
      { type: "paragraph", text: "What you'll do:" },
      { type: "list", items: ["Design APIs", "Run Postgres"] },
      { type: "paragraph", text: "About us." },
    ]);
  });

  it("accepts '* ' bullets and treats blank lines between bullets as separate lists", () => {
    expect(formatDescription("* One\n\n- Two")).toEqual([
      { type: "list", items: ["One"] },
      { type: "list", items: ["Two"] },
    ]);
  });

  it("continues a bullet with an indented line that follows it", () => {
    expect(formatDescription("- Ship reliable\n  services\n- Mentor")).toEqual([{ type: "list", items: ["Ship reliable services", "Mentor"] }]);
  });

  it("starts a new paragraph when an unindented line follows a list", () => {
    expect(formatDescription("- A\n- B\nAfterwards.")).toEqual([
      { type: "list", items: ["A", "B"] },
      { type: "paragraph", text: "Afterwards." },
    ]);
  });

  it("handles Windows line endings and surrounding whitespace", () => {
    expect(formatDescription("\r\n  Hello\r\nworld  \r\n\r\n- x\r\n")).toEqual([
      { type: "paragraph", text: "Hello world" },
      { type: "list", items: ["x"] },
    ]);
  });

  it("does not treat a hyphenated word or a dash without a space as a bullet", () => {
    expect(formatDescription("-5 degrees\nwell-known")).toEqual([{ type: "paragraph", text: "-5 degrees well-known" }]);
  });

  it("keeps text as plain strings (no HTML interpretation)", () => {
    expect(formatDescription("<b>bold</b> & more")).toEqual([{ type: "paragraph", text: "<b>bold</b> & more" }]);
  });
});
