"use client";

import { useCallback, useState, type Dispatch, type SetStateAction } from "react";

export type FormDraftOptions<S, D> = {
  /** The form's working copy of a saved record. */
  toDraft: (saved: S) => D;
  /** What saving the draft would send, as a string: two drafts that save the same compare equal. */
  fingerprint: (draft: D) => string;
  /**
   * The draft once the server answers with a new saved record; `isUntouched` when nothing was
   * edited since the save was sent. By default: the saved record when untouched, else the draft
   * as it is (the edits made meanwhile are kept, and stay dirty).
   */
  adopt?: (draft: D, saved: S, isUntouched: boolean) => D;
};

export type FormDraft<S, D> = {
  draft: D;
  setDraft: Dispatch<SetStateAction<D>>;
  /** The saved record the draft is compared with: the page's, then the server's after each save. */
  saved: S;
  /** The draft would save something other than `saved` (unsaved changes). */
  isDirty: boolean;
  /** Call as the save is sent: remembers the draft as sent, so the server's answer can replace it. */
  markSubmitted: () => void;
};

/**
 * Pure: the draft and its new baseline fingerprint once the page passes a new saved record.
 * `submitted` is the fingerprint of the draft as last sent (null before any save).
 */
export function adoptSavedRecord<S, D>(draft: D, saved: S, submitted: string | null, { toDraft, fingerprint, adopt }: FormDraftOptions<S, D>): { draft: D; baseline: string } {
  const fresh = toDraft(saved);
  const isUntouched = submitted === fingerprint(draft);
  return { draft: adopt ? adopt(draft, saved, isUntouched) : isUntouched ? fresh : draft, baseline: fingerprint(fresh) };
}

/**
 * A form's draft of a saved record and whether it has unsaved changes. The page passes the saved
 * record as a prop; after a save it re-renders with the server's copy (trimmed, normalised),
 * which the draft takes over if it was not edited since the save was sent.
 */
export function useFormDraft<S, D>(saved: S, options: FormDraftOptions<S, D>): FormDraft<S, D> {
  const [draft, setDraft] = useState(() => options.toDraft(saved));
  const [source, setSource] = useState(saved);
  const [baseline, setBaseline] = useState(() => options.fingerprint(options.toDraft(saved)));
  const [submitted, setSubmitted] = useState<string | null>(null);
  const current = options.fingerprint(draft);

  // A new saved record: adjust state while rendering (React re-renders at once), not in an effect.
  if (source !== saved) {
    const next = adoptSavedRecord(draft, saved, submitted, options);
    setSource(saved);
    setBaseline(next.baseline);
    setDraft(next.draft);
  }

  const markSubmitted = useCallback(() => setSubmitted(current), [current]);

  return { draft, setDraft, saved: source, isDirty: current !== baseline, markSubmitted };
}
