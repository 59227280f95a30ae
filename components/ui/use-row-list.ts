"use client";

import { useState } from "react";
import { moveItem } from "@/lib/utils";
import { useFocusRequest } from "./use-focus-request";

export type RowButtonPart = "up" | "down" | "remove";

export type RowListOptions<T> = {
  items: readonly T[];
  keyOf: (item: T) => string;
  /** How a row is named in announcements ("Lena Fischer", "Competency 2"). */
  nameOf: (item: T, index: number) => string;
  /** The id of a row's Move up, Move down or Remove button. */
  buttonId: (key: string, part: RowButtonPart) => string;
  /** Where focus goes once the last row is removed. */
  emptyFocusId: string;
  /** What the list is, for "… removed from the panel." */
  listName: string;
  /** The rows moved or one was removed: errors keyed by row index are stale. */
  onReorder: (items: T[]) => void;
};

/**
 * Moving and removing the rows of an editable list from the keyboard: focus follows the row (a
 * moved row keeps focus on the button pressed, or at the top or bottom on the one that can still
 * move it; a removed row's neighbour's Remove takes it), and each change is announced politely.
 */
export function useRowList<T>({ items, keyOf, nameOf, buttonId, emptyFocusId, listName, onReorder }: RowListOptions<T>) {
  const requestFocus = useFocusRequest();
  const [announcement, setAnnouncement] = useState("");

  const move = (index: number, to: number, button: "up" | "down") => {
    const item = items[index];
    if (item === undefined || to < 0 || to >= items.length) return;
    onReorder(moveItem(items, index, to));
    setAnnouncement(`${nameOf(item, index)} moved to position ${to + 1} of ${items.length}.`);
    const edge = (button === "up" && to === 0) || (button === "down" && to === items.length - 1);
    requestFocus(buttonId(keyOf(item), edge ? (button === "up" ? "down" : "up") : button));
  };

  const remove = (index: number) => {
    const item = items[index];
    if (item === undefined) return;
    const next = items.filter((_, i) => i !== index);
    onReorder(next);
    setAnnouncement(`${nameOf(item, index)} removed from the ${listName}.`);
    const neighbour = next[index] ?? next[index - 1];
    requestFocus(neighbour !== undefined ? buttonId(keyOf(neighbour), "remove") : emptyFocusId);
  };

  return { move, remove, announcement, announce: setAnnouncement, requestFocus };
}
