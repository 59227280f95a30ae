"use client";

import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";

/** What the debrief's recording offers to other parts of the page (the scorecard's moments). */
export type DebriefPlayerHandle = {
  /** Seeks the recording to `ms` and plays from there (TranscriptPlayer's own line buttons do the same). */
  playFrom: (ms: number) => void;
  /** Where the recording is now, in ms; null before anything was played or chosen. */
  getPositionMs: () => number | null;
};

type Registry = { handle: DebriefPlayerHandle | null; register: (handle: DebriefPlayerHandle | null) => void };

const PlayerContext = createContext<Registry | null>(null);

export type DebriefPlayerProviderProps = { children: ReactNode };

/**
 * Lets the parts of the debrief that show transcript moments (evidence, cited moments, talk time)
 * play the recording from one, through the same seek the transcript's lines use: the
 * TranscriptPlayer registers itself here while it has a recording.
 */
export function DebriefPlayerProvider({ children }: DebriefPlayerProviderProps) {
  const [handle, register] = useState<DebriefPlayerHandle | null>(null);
  const value = useMemo(() => ({ handle, register }), [handle]);
  return <PlayerContext.Provider value={value}>{children}</PlayerContext.Provider>;
}

/** The recording's controls, or null when there is no recording (or no provider). */
export function useDebriefPlayer(): DebriefPlayerHandle | null {
  return useContext(PlayerContext)?.handle ?? null;
}

/** Registers `handle` (memoised by the caller) with the provider for as long as it is mounted. */
export function useRegisterDebriefPlayer(handle: DebriefPlayerHandle | null): void {
  const register = useContext(PlayerContext)?.register;
  useEffect(() => {
    if (!register) return;
    register(handle);
    return () => register(null);
  }, [register, handle]);
}
