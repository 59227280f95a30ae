/**
 * Pure: Notetaker summary and action-item files. Nylas serves both as application/json but has not
 * published their structure (nylas-contract §5, §7), so every plausible shape is accepted and
 * anything else gives one readable sentence. Never throws.
 *
 * Summary: a JSON string; {summary|text|content: string | string[] | {one more level of the same}}
 * (so {"object":"summary","summary":…} too); an array of strings or of objects with
 * text|description|summary|content (joined with blank lines); or plain text that is not JSON.
 *
 * Action items: an array of strings or of objects with text|description|title|action_item|item|content
 * (plus " (owner: X)" from owner|assignee and " (due: X)" from due|due_date); that array under
 * action_items|actionItems|items; or a JSON string / plain text, one item per line with bullets,
 * numbers and checkboxes stripped. An explicitly empty list (or a null list) means "no action items".
 */
import { cleanInlineText, describeInvalidJson, fail, isRecord, looksLikeJson, normalizeFileText, succeed, truncateText, tryParseJson, type ParseOutcome } from "./parse-outcome";

export const MAX_SUMMARY_CHARS = 50_000;
export const MAX_ACTION_ITEMS = 500;
export const MAX_ACTION_ITEM_CHARS = 2_000;

const SUMMARY_EMPTY = "The summary file is empty.";
const SUMMARY_TEXT_EMPTY = "The summary in the file is empty.";
const NO_SUMMARY = "The summary file has no summary text (expected text, or JSON with a summary).";

export function parseSummaryFile(content: string): ParseOutcome<string> {
  if (typeof content !== "string") return fail("The summary file could not be read as text.");
  const text = normalizeFileText(content);
  if (text.trim() === "") return fail(SUMMARY_EMPTY);
  let summary: string;
  const json = tryParseJson(text);
  if (json.ok) {
    const extracted = extractSummary(json.value, 0);
    if (extracted === null) return fail(NO_SUMMARY);
    summary = extracted;
  } else if (looksLikeJson(text.trim())) {
    return fail(describeInvalidJson("The summary file", json.detail));
  } else {
    summary = text;
  }
  const tidy = tidyParagraphs(summary);
  return tidy === "" ? fail(SUMMARY_TEXT_EMPTY) : succeed(truncateText(tidy, MAX_SUMMARY_CHARS));
}

const SUMMARY_KEYS = ["summary", "text", "content"] as const;
const SUMMARY_PART_KEYS = ["text", "description", "summary", "content"] as const;

/** The summary text, "" when the file has the right shape but no words, null when it has neither. */
function extractSummary(value: unknown, depth: number): string | null {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) {
    const parts = value.map(readSummaryPart).filter((part): part is string => part !== null && part.trim() !== "");
    return parts.length > 0 ? parts.join("\n\n") : null;
  }
  if (!isRecord(value) || depth > 1) return null;
  let hasEmptyText = false;
  for (const key of SUMMARY_KEYS) {
    const found = extractSummary(value[key], depth + 1);
    if (found === null) continue;
    if (found.trim() !== "") return found;
    hasEmptyText = true;
  }
  return hasEmptyText ? "" : null;
}

function readSummaryPart(part: unknown): string | null {
  if (typeof part === "string") return part;
  if (!isRecord(part)) return null;
  return firstText(part, SUMMARY_PART_KEYS, (text) => text.trim());
}

/** Keeps paragraphs and indentation; at most one blank line in a row. */
function tidyParagraphs(text: string): string {
  return normalizeFileText(text)
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

// ---------------------------------------------------------------------------------------------

const ACTION_ITEMS_EMPTY = "The action items file is empty.";
const NO_ACTION_ITEMS = 'The action items file has no action items (expected a list, or JSON with an "action_items" list).';
const TOO_MANY_ACTION_ITEMS = "The action items file has more than 500 items.";

const LIST_KEYS = ["action_items", "actionItems", "items"] as const;
const ITEM_TEXT_KEYS = ["text", "description", "title", "action_item", "item", "content"] as const;

export function parseActionItemsFile(content: string): ParseOutcome<string[]> {
  if (typeof content !== "string") return fail("The action items file could not be read as text.");
  const text = normalizeFileText(content);
  if (text.trim() === "") return fail(ACTION_ITEMS_EMPTY);
  const json = tryParseJson(text);
  let items: ParseOutcome<string[]>;
  if (json.ok) items = readActionItemsJson(json.value);
  else if (looksLikeJson(text.trim())) return fail(describeInvalidJson("The action items file", json.detail));
  else items = splitTextItems(text);
  return items.ok ? finishActionItems(items.value) : items;
}

function readActionItemsJson(value: unknown): ParseOutcome<string[]> {
  if (typeof value === "string") return splitTextItems(value);
  if (Array.isArray(value)) return readItemList(value);
  if (!isRecord(value)) return fail(NO_ACTION_ITEMS);
  for (const key of LIST_KEYS) {
    const list = value[key];
    if (Array.isArray(list)) return readItemList(list);
    if (typeof list === "string") return splitTextItems(list);
    // Key present but null: read as "the meeting had none", not as a broken file.
    if (list === null) return succeed([]);
  }
  return fail(NO_ACTION_ITEMS);
}

function readItemList(list: unknown[]): ParseOutcome<string[]> {
  const items: string[] = [];
  let firstProblem: string | null = null;
  for (const [index, entry] of list.entries()) {
    const item = readItem(entry);
    if (item === null) firstProblem ??= `item ${index + 1} has no text`;
    else items.push(item);
  }
  if (list.length > 0 && items.length === 0) return fail(`The action items file has no readable items (${firstProblem}).`);
  return succeed(items);
}

function readItem(entry: unknown): string | null {
  if (typeof entry === "string") return cleanItem(entry) || null;
  if (!isRecord(entry)) return null;
  const text = firstText(entry, ITEM_TEXT_KEYS, cleanItem);
  if (text === null) return null;
  const owner = firstText(entry, ["owner", "assignee"], cleanItem);
  const due = firstText(entry, ["due", "due_date"], cleanItem);
  return `${text}${owner === null ? "" : ` (owner: ${owner})`}${due === null ? "" : ` (due: ${due})`}`;
}

// "- ", "* ", "• ", "1. ", "2) ", then an optional "[ ]" / "[x]" checkbox.
const BULLET = /^(?:(?:[-*•–]|\d{1,3}[.)])(?:\s+|$))?(?:\[[ xX]?\](?:\s+|$))?/;

function splitTextItems(text: string): ParseOutcome<string[]> {
  const items = normalizeFileText(text)
    .split("\n")
    .map((line) => cleanItem(line.trim().replace(BULLET, "")))
    // Rules such as "---" or a lone bullet are layout, not items.
    .filter((line) => /[\p{L}\p{N}]/u.test(line));
  return items.length > 0 ? succeed(items) : fail("The action items file has no readable items.");
}

function finishActionItems(items: string[]): ParseOutcome<string[]> {
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const item of items) {
    const capped = truncateText(item, MAX_ACTION_ITEM_CHARS);
    const key = capped.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(capped);
    if (unique.length > MAX_ACTION_ITEMS) return fail(TOO_MANY_ACTION_ITEMS);
  }
  return succeed(unique);
}

function cleanItem(text: string): string {
  // Capped later, once owner and due are appended; the generous cap here only bounds the work.
  return cleanInlineText(text, MAX_ACTION_ITEM_CHARS * 2);
}

/** The first of `keys` holding a string that is non-empty once cleaned. */
function firstText(record: Record<string, unknown>, keys: readonly string[], clean: (text: string) => string): string | null {
  for (const key of keys) {
    const value = record[key];
    if (typeof value !== "string") continue;
    const cleaned = clean(value);
    if (cleaned !== "") return cleaned;
  }
  return null;
}
