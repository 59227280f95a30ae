import { describe, expect, it } from "vitest";
import { MAX_ACTION_ITEM_CHARS, MAX_ACTION_ITEMS, MAX_SUMMARY_CHARS, parseActionItemsFile, parseSummaryFile } from "@/lib/media/summary";

function summaryOk(content: string): string {
  const result = parseSummaryFile(content);
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result.value;
}

function summaryError(content: string): string {
  const result = parseSummaryFile(content);
  if (result.ok) throw new Error(`expected an error, got: ${result.value.slice(0, 200)}`);
  return result.error;
}

function itemsOk(content: string): string[] {
  const result = parseActionItemsFile(content);
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result.value;
}

function itemsError(content: string): string {
  const result = parseActionItemsFile(content);
  if (result.ok) throw new Error(`expected an error, got: ${JSON.stringify(result.value).slice(0, 200)}`);
  return result.error;
}

const NO_SUMMARY = "The summary file has no summary text (expected text, or JSON with a summary).";
const NO_ACTION_ITEMS = 'The action items file has no action items (expected a list, or JSON with an "action_items" list).';

// Shaped like a Notetaker meeting_summary.json (structure unconfirmed by Nylas, nylas-contract §5).
const NYLAS_SUMMARY = JSON.stringify({
  object: "summary",
  summary:
    "Dana walked through the Northwind payments migration she led.\n\nStrengths: clear ownership of the ledger service, zero-downtime dual writes.\nConcerns: limited experience with on-call rotations.",
});

describe("parseSummaryFile", () => {
  it("reads a Notetaker summary object", () => {
    expect(summaryOk(NYLAS_SUMMARY)).toBe(
      "Dana walked through the Northwind payments migration she led.\n\nStrengths: clear ownership of the ledger service, zero-downtime dual writes.\nConcerns: limited experience with on-call rotations.",
    );
  });

  it("reads plain text and keeps its paragraphs and indentation", () => {
    expect(summaryOk("\uFEFF  Overview\r\n\r\n\r\n\r\nKey points:\r\n  - strong SQL   \r\n  - good communicator\r\n\n")).toBe("Overview\n\nKey points:\n  - strong SQL\n  - good communicator");
  });

  it("reads a JSON string", () => {
    expect(summaryOk('"Strong candidate.\\n\\nRecommend onsite."')).toBe("Strong candidate.\n\nRecommend onsite.");
  });

  it.each([
    ['{"summary":"From summary"}', "From summary"],
    ['{"text":"From text"}', "From text"],
    ['{"content":"From content"}', "From content"],
    ['{"summary":["Para one.","Para two."]}', "Para one.\n\nPara two."],
    ['{"summary":{"text":"Nested text"}}', "Nested text"],
    ['{"data":1,"summary":{"content":["A","B"]}}', "A\n\nB"],
    ['{"summary":"","text":"Second key wins when the first is empty"}', "Second key wins when the first is empty"],
    ['{"summary":42,"content":"Wrong type is passed over"}', "Wrong type is passed over"],
  ])("reads %s", (content, expected) => {
    expect(summaryOk(content)).toBe(expected);
  });

  it("joins an array of strings with blank lines", () => {
    expect(summaryOk('["First point.", "  ", "Second point."]')).toBe("First point.\n\nSecond point.");
  });

  it("reads an array of objects by text, description, summary or content and skips the rest", () => {
    const content = JSON.stringify([{ text: "A" }, { description: "B" }, { summary: "C" }, { content: "D" }, { title: "ignored" }, 7, null, "E"]);
    expect(summaryOk(content)).toBe("A\n\nB\n\nC\n\nD\n\nE");
  });

  it.each([["42"], ["true"], ["null"], ["{}"], ['{"foo":"bar"}'], ["[]"], ["[1, 2, {}]"], ['{"summary":{"summary":{"text":"too deep"}}}'], ['{"summary":null}']])(
    "rejects JSON of an unusable shape: %s",
    (content) => {
      expect(summaryError(content)).toBe(NO_SUMMARY);
    },
  );

  it.each([[""], ["  \r\n\t "], ["\uFEFF"], ["\u0000\u0007"]])("rejects an empty file (%j)", (content) => {
    expect(summaryError(content)).toBe("The summary file is empty.");
  });

  it("rejects a summary field that holds only whitespace", () => {
    expect(summaryError('{"object":"summary","summary":"  \\n\\n "}')).toBe("The summary in the file is empty.");
  });

  it("reports truncated JSON", () => {
    expect(summaryError(NYLAS_SUMMARY.slice(0, 40))).toBe("The summary file is not valid JSON (it ends too early, so it may be cut off).");
    expect(summaryError('{\n"summary": "x"\n"text": "y"\n}')).toBe("The summary file is not valid JSON (the first problem is on line 3).");
  });

  it("reads text that starts with a bracket or a quote as plain text", () => {
    expect(summaryOk("[Draft] Strong candidate.")).toBe("[Draft] Strong candidate.");
    expect(summaryOk('"Great hire," said Ana.')).toBe('"Great hire," said Ana.');
  });

  it("removes control characters and turns tabs into spaces", () => {
    expect(summaryOk('{"summary":"Line\\u0000 one\\u001b\\tend\\r\\nLine two\\u0085"}')).toBe("Line one end\nLine two");
  });

  it("keeps markup as plain text", () => {
    expect(summaryOk('{"summary":"<script>alert(1)</script> &amp; <b>ok</b>"}')).toBe("<script>alert(1)</script> &amp; <b>ok</b>");
  });

  it("caps the summary at 50,000 characters with an ellipsis", () => {
    const summary = summaryOk(JSON.stringify({ summary: "s".repeat(60_000) }));
    expect(summary).toBe(`${"s".repeat(MAX_SUMMARY_CHARS - 1)}…`);
    expect(summary).toHaveLength(50_000);
  });

  it("fails instead of throwing when given something that is not a string", () => {
    expect(parseSummaryFile(null as unknown as string)).toEqual({ ok: false, error: "The summary file could not be read as text." });
  });
});

describe("parseActionItemsFile", () => {
  it("reads a Notetaker action items object", () => {
    const content = JSON.stringify({
      object: "action_items",
      action_items: ["Send Dana the take-home exercise", "Schedule the system design round with Bo", "Check references"],
    });
    expect(itemsOk(content)).toEqual(["Send Dana the take-home exercise", "Schedule the system design round with Bo", "Check references"]);
  });

  it.each([['{"action_items":["a","b"]}'], ['{"actionItems":["a","b"]}'], ['{"items":["a","b"]}'], ['["a","b"]'], ['{"action_items":"- a\\n- b"}'], ['"1. a\\n2. b"']])("reads %s", (content) => {
    expect(itemsOk(content)).toEqual(["a", "b"]);
  });

  it("reads objects by their first text field", () => {
    const content = JSON.stringify([
      { text: "by text" },
      { description: "by description" },
      { title: "by title" },
      { action_item: "by action_item" },
      { item: "by item" },
      { content: "by content" },
      { text: "  ", title: "blank text falls through" },
      { text: 5, description: "wrong type falls through" },
    ]);
    expect(itemsOk(content)).toEqual(["by text", "by description", "by title", "by action_item", "by item", "by content", "blank text falls through", "wrong type falls through"]);
  });

  it("appends the owner and due date when they are strings", () => {
    const content = JSON.stringify([
      { text: "Send offer", owner: "Ana López", due: "2026-03-12" },
      { description: "Book onsite", assignee: "Bo", due_date: "Friday" },
      { title: "Check references", owner: { name: "Ana" }, due: 20260312 },
      { text: "Debrief", owner: "  " },
    ]);
    expect(itemsOk(content)).toEqual(["Send offer (owner: Ana López) (due: 2026-03-12)", "Book onsite (owner: Bo) (due: Friday)", "Check references", "Debrief"]);
  });

  it("reads plain text one item per line and strips bullets, numbers and checkboxes", () => {
    const content =
      "\uFEFF- Send offer\r\n* Book onsite\r\n• Check references\r\n\r\n1. Share feedback\r\n2) Update ATS\r\n[ ] Email Dana\r\n[x] Done already\r\n- [X] Nested box\r\n---\r\n-\r\nPlain line\r\n";
    expect(itemsOk(content)).toEqual(["Send offer", "Book onsite", "Check references", "Share feedback", "Update ATS", "Email Dana", "Done already", "Nested box", "Plain line"]);
  });

  it("keeps a dash or number that is part of the item", () => {
    expect(itemsOk("-1 headcount for Q3\n2024 budget review\nRe-run the test")).toEqual(["-1 headcount for Q3", "2024 budget review", "Re-run the test"]);
  });

  it("accepts an explicitly empty list", () => {
    expect(itemsOk("[]")).toEqual([]);
    expect(itemsOk('{"action_items":[]}')).toEqual([]);
    expect(itemsOk('{"object":"action_items","action_items":null}')).toEqual([]);
  });

  it("removes case-insensitive duplicates and keeps the first", () => {
    expect(itemsOk('["Send offer","send OFFER","  Send   offer ","Send offer!"]')).toEqual(["Send offer", "Send offer!"]);
  });

  it("trims, collapses whitespace and removes control characters", () => {
    expect(itemsOk('["  Call\\u0000 Dana\\n  back\\u0007 ", "\\tEmail\\u009b Bo"]')).toEqual(["Call Dana back", "Email Bo"]);
  });

  it("skips entries of the wrong type and keeps the rest", () => {
    expect(itemsOk('[null, 3, ["nested"], {"owner":"Ana"}, "", "kept"]')).toEqual(["kept"]);
  });

  it("names the first unreadable item when none can be read", () => {
    expect(itemsError('[{"title":"  "}, 1]')).toBe("The action items file has no readable items (item 1 has no text).");
    expect(itemsError('{"action_items":["", "  "]}')).toBe("The action items file has no readable items (item 1 has no text).");
  });

  it("rejects plain text with no items in it", () => {
    expect(itemsError("- \n* \n---\n")).toBe("The action items file has no readable items.");
  });

  it.each([["42"], ["true"], ["null"], ["{}"], ['{"action_items":42}'], ['{"action_items":{"text":"a"}}'], ['{"tasks":["a"]}']])("rejects JSON of an unusable shape: %s", (content) => {
    expect(itemsError(content)).toBe(NO_ACTION_ITEMS);
  });

  it.each([[""], [" \n\r\n\t"], ["\uFEFF"]])("rejects an empty file (%j)", (content) => {
    expect(itemsError(content)).toBe("The action items file is empty.");
  });

  it("reports truncated JSON", () => {
    expect(itemsError('{"action_items":["Send offer","Book')).toBe("The action items file is not valid JSON (it ends too early, so it may be cut off).");
    expect(itemsError('{\n"action_items": ["a"\n"b"]\n}')).toBe("The action items file is not valid JSON (the first problem is on line 3).");
    // Some engine messages carry no position, only a copy of the input, which must not reach the user.
    expect(itemsError('[\n"a",\n"b",,\n]')).toBe("The action items file is not valid JSON.");
  });

  it("keeps markup as plain text", () => {
    expect(itemsOk('["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]')).toEqual(["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]);
  });

  it("reads unicode items", () => {
    expect(itemsOk("- Envoyer l’offre à Zoë\n- 李雷 跟进\n- Пригласить на собеседование 🙂")).toEqual(["Envoyer l’offre à Zoë", "李雷 跟进", "Пригласить на собеседование 🙂"]);
  });

  it("caps an item at 2,000 characters after adding the owner", () => {
    const [item] = itemsOk(JSON.stringify([{ text: "x".repeat(1_985), owner: "Ana López" }]));
    expect(item).toBe(`${"x".repeat(1_985)} (owner: Ana L…`);
    expect(item).toHaveLength(MAX_ACTION_ITEM_CHARS);
    expect(itemsOk(JSON.stringify(["y".repeat(5_000)]))).toEqual([`${"y".repeat(1_999)}…`]);
  });

  it("accepts 500 items and rejects 501, counting after duplicates are removed", () => {
    const items = (count: number) => JSON.stringify(Array.from({ length: count }, (_, i) => `Item ${i}`));
    expect(itemsOk(items(MAX_ACTION_ITEMS))).toHaveLength(500);
    expect(itemsError(items(MAX_ACTION_ITEMS + 1))).toBe("The action items file has more than 500 items.");
    expect(itemsOk(JSON.stringify([...Array.from({ length: 500 }, (_, i) => `Item ${i}`), "item 0", "ITEM 1"]))).toHaveLength(500);
  });

  it("fails instead of throwing when given something that is not a string", () => {
    expect(parseActionItemsFile(42 as unknown as string)).toEqual({ ok: false, error: "The action items file could not be read as text." });
  });
});
