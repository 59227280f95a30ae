"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { FormSaveState } from "@/components/ui/use-save";

export type AutosaveStatus = "idle" | "pending" | "saving" | "saved" | "error";

export type AutosaveOptions<T> = {
  /** What saving `value` would send, as a string: equal strings save the same thing. */
  fingerprint: (value: T) => string;
  /** Saves `value` (a server action); an error state or a throw leaves the edits unsaved. */
  save: (value: T) => Promise<FormSaveState>;
  /** Quiet time after the last change before saving. */
  delayMs?: number;
};

export type Autosave<T> = {
  status: AutosaveStatus;
  /** The last failed save's message. */
  error: string | null;
  /** When the last save succeeded (in this page's life). */
  savedAt: Date | null;
  /** Save now (e.g. "Try again" after an error). */
  flush: () => void;
  /** Takes `value` as saved elsewhere (a submission did): no save for it, and a save in flight is ignored. */
  markSaved: (value: T) => void;
};

const UNREACHABLE = "Could not reach the server. Your edits are still here.";

/**
 * Saves a form's value as the person types: `delayMs` after the last change, one save at a time
 * (a change made while a save is on its way is saved right after it), never the same value twice.
 * The value the page loaded with counts as saved.
 */
export function useAutosave<T>(value: T, { fingerprint, save, delayMs = 800 }: AutosaveOptions<T>): Autosave<T> {
  const current = fingerprint(value);
  const [status, setStatus] = useState<AutosaveStatus>("idle");
  const [error, setError] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const saved = useRef(current);
  const latest = useRef({ value, current, save });
  const inFlight = useRef(false);
  // Bumped by markSaved: a save started before it answers into the void.
  const generation = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    latest.current = { value, current, save };
  });

  // One save at a time: a change made while a save is on its way is saved right after it (the loop).
  const run = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inFlight.current) return;
    inFlight.current = true;
    const started = generation.current;
    try {
      for (;;) {
        const { value: sending, current: sent, save: send } = latest.current;
        if (sent === saved.current) {
          setStatus((s) => (s === "pending" ? "idle" : s));
          return;
        }
        setStatus("saving");
        let result: FormSaveState;
        try {
          result = await send(sending);
        } catch {
          result = { status: "error", message: UNREACHABLE, fieldErrors: {} };
        }
        if (started !== generation.current) return;
        if (result.status === "error") {
          setError(result.message);
          setStatus("error");
          return;
        }
        saved.current = sent;
        setError(null);
        setSavedAt(new Date());
        if (latest.current.current === sent) {
          setStatus("saved");
          return;
        }
      }
    } finally {
      if (started === generation.current) inFlight.current = false;
    }
  }, []);

  useEffect(() => {
    if (current === saved.current) return;
    setStatus((s) => (s === "saving" ? s : "pending"));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void run(), delayMs);
  }, [current, delayMs, run]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const flush = useCallback(() => void run(), [run]);
  const markSaved = useCallback(
    (next: T) => {
      generation.current += 1;
      inFlight.current = false;
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      saved.current = fingerprint(next);
      setError(null);
      setStatus("idle");
    },
    [fingerprint],
  );

  return { status, error, savedAt, flush, markSaved };
}
