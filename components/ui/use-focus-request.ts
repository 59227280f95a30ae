"use client";

import { useCallback, useEffect, useRef } from "react";

/**
 * Moves focus to an element by id once React has rendered the change that creates or moves it
 * (a new row's first input, a moved row's button): focus must follow what the keyboard user did.
 */
export function useFocusRequest(): (id: string) => void {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (!pending.current) return;
    const element = document.getElementById(pending.current);
    pending.current = null;
    element?.focus();
  });
  return useCallback((id: string) => {
    pending.current = id;
  }, []);
}
