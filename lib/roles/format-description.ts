/**
 * Turns a role description written as plain text into display blocks. Pure: no React, no I/O.
 *
 * The format (what admins type and the seed uses):
 * - blank lines separate paragraphs; lines inside a paragraph are joined with a space;
 * - a line starting with "- " (or "* ") is a bullet; consecutive bullets form one list;
 * - an indented line right after a bullet continues that bullet.
 */
export type DescriptionBlock = { type: "paragraph"; text: string } | { type: "list"; items: string[] };

const BULLET = /^[-*]\s+(.*)$/;

export function formatDescription(text: string): DescriptionBlock[] {
  const blocks: DescriptionBlock[] = [];
  let paragraph: string[] = [];
  let list: string[] | null = null;

  const flushParagraph = () => {
    if (paragraph.length) blocks.push({ type: "paragraph", text: paragraph.join(" ") });
    paragraph = [];
  };
  const flushList = () => {
    if (list?.length) blocks.push({ type: "list", items: list });
    list = null;
  };

  for (const rawLine of text.replace(/\r\n?/g, "\n").split("\n")) {
    const line = rawLine.trim();
    if (!line) {
      flushParagraph();
      flushList();
      continue;
    }
    const bullet = BULLET.exec(line);
    if (bullet) {
      flushParagraph();
      const item = (bullet[1] ?? "").trim();
      if (item) (list ??= []).push(item);
      continue;
    }
    const isIndented = /^\s/.test(rawLine);
    if (list && list.length && isIndented) {
      list[list.length - 1] = `${list[list.length - 1]} ${line}`;
      continue;
    }
    flushList();
    paragraph.push(line);
  }
  flushParagraph();
  flushList();
  return blocks;
}
