/**
 * Pure: talk time from stored transcript segments (issue 15), shown on the debrief and averaged per
 * interviewer on /settings/load. No db, no clock.
 *
 * Basis. When every attributed segment has both times, shares are measured in milliseconds
 * (`basis: "time"`). Otherwise, e.g. a plain-text transcript, they fall back to word counts
 * (`basis: "words"`): `ms`, `totalMs` and `longestMonologue` are then null, since there is no clock.
 *
 * Rules on the time basis:
 * - a segment whose end is not after its start counts 0 ms (never negative);
 * - one speaker's overlapping segments count once (the union of their intervals);
 * - two speakers talking over each other both get the overlap, so `share` is a speaker's part of the
 *   sum over speakers, and `totalMs` is the time anyone was speaking (the union over everyone).
 * Segments without a speaker are left out of speakers and shares. Speaker names match case- and
 * space-insensitively ("Ana  Lopez" = "ana lopez"); the first spelling seen is the one shown.
 */

/** A stored segment (lib/media/transcript/segments.ts ParsedSegment plus its position). */
export type TalkSegment = { position?: number; speaker: string | null; startMs: number | null; endMs: number | null; text: string };

export type TalkBasis = "time" | "words";
export type SpeakerTalk = { speaker: string; ms: number | null; words: number; share: number };
export type Monologue = { speaker: string; ms: number; startMs: number };
export type TalkTime = {
  basis: TalkBasis;
  speakers: SpeakerTalk[];
  /** The interviewer speakers' combined share; null when none of them spoke or nobody did. */
  interviewerShare: number | null;
  longestMonologue: Monologue | null;
  questionsAsked: number;
  totalMs: number | null;
};

/** Consecutive segments of one speaker closer than this are one monologue. */
export const MONOLOGUE_GAP_MS = 2_000;

export function normalizeSpeaker(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

const hasTimes = (s: TalkSegment) => s.startMs !== null && s.endMs !== null && Number.isFinite(s.startMs) && Number.isFinite(s.endMs);
const duration = (s: TalkSegment) => Math.max(0, (s.endMs ?? 0) - (s.startMs ?? 0));

export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Sentences ending in a question mark ("Why?? And how?" is two questions). */
export function countQuestions(text: string): number {
  return text
    .split(/(?<=[.!?。！？…]["'”’»)\]]*)\s+/u)
    .map((sentence) => sentence.trim().replace(/["'”’»)\]]+$/u, ""))
    .filter((sentence) => /[?？]$/u.test(sentence)).length;
}

type Interval = [number, number];

/** Total length of the union of intervals. */
function unionMs(intervals: Interval[]): number {
  const sorted = intervals.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  let total = 0;
  let current: Interval | null = null;
  for (const [start, end] of sorted) {
    if (current && start <= current[1]) {
      current[1] = Math.max(current[1], end);
    } else {
      if (current) total += current[1] - current[0];
      current = [start, end];
    }
  }
  return current ? total + current[1] - current[0] : total;
}

function inOrder(segments: readonly TalkSegment[]): TalkSegment[] {
  return segments
    .map((segment, index) => ({ segment, index }))
    .sort((a, b) => (a.segment.position ?? a.index) - (b.segment.position ?? b.index) || a.index - b.index)
    .map(({ segment }) => segment);
}

function findLongestMonologue(ordered: TalkSegment[], displayName: Map<string, string>): Monologue | null {
  let best: Monologue | null = null;
  let run: { key: string; startMs: number; endMs: number } | null = null;
  const close = () => {
    if (run && run.endMs - run.startMs > (best?.ms ?? 0)) best = { speaker: displayName.get(run.key) ?? run.key, ms: run.endMs - run.startMs, startMs: run.startMs };
  };
  for (const segment of ordered) {
    const key = segment.speaker === null ? null : normalizeSpeaker(segment.speaker);
    const startMs = segment.startMs ?? 0;
    const endMs = Math.max(startMs, segment.endMs ?? 0);
    if (run && key === run.key && startMs - run.endMs < MONOLOGUE_GAP_MS) {
      run.endMs = Math.max(run.endMs, endMs);
      continue;
    }
    close();
    run = key ? { key, startMs, endMs } : null;
  }
  close();
  return best;
}

/** Each speaker's share, the interviewer's share, the longest monologue and questions asked. */
export function talkTime(segments: readonly TalkSegment[], options: { interviewerSpeakers: readonly string[] }): TalkTime {
  const ordered = inOrder(segments).filter((s) => s.speaker === null || normalizeSpeaker(s.speaker) !== "");
  const attributed = ordered.filter((s) => s.speaker !== null);
  const basis: TalkBasis = attributed.length > 0 && attributed.every(hasTimes) ? "time" : "words";
  const interviewers = new Set(options.interviewerSpeakers.map(normalizeSpeaker));

  const displayName = new Map<string, string>();
  const intervals = new Map<string, Interval[]>();
  const words = new Map<string, number>();
  let questionsAsked = 0;
  for (const segment of attributed) {
    const speaker = segment.speaker as string;
    const key = normalizeSpeaker(speaker);
    if (!displayName.has(key)) displayName.set(key, speaker.trim().replace(/\s+/g, " "));
    words.set(key, (words.get(key) ?? 0) + countWords(segment.text));
    if (basis === "time" && duration(segment) > 0) intervals.set(key, [...(intervals.get(key) ?? []), [segment.startMs as number, segment.endMs as number]]);
    if (interviewers.has(key)) questionsAsked += countQuestions(segment.text);
  }

  const amount = new Map([...displayName.keys()].map((key) => [key, basis === "time" ? unionMs(intervals.get(key) ?? []) : (words.get(key) ?? 0)]));
  const sum = [...amount.values()].reduce((a, b) => a + b, 0);
  const speakers: SpeakerTalk[] = [...displayName.entries()]
    .map(([key, speaker]) => ({ speaker, ms: basis === "time" ? (amount.get(key) ?? 0) : null, words: words.get(key) ?? 0, share: sum > 0 ? (amount.get(key) ?? 0) / sum : 0 }))
    .sort((a, b) => b.share - a.share || a.speaker.localeCompare(b.speaker));

  const interviewerKeys = [...displayName.keys()].filter((key) => interviewers.has(key));
  const interviewerShare = sum > 0 && interviewerKeys.length > 0 ? interviewerKeys.reduce((total, key) => total + (amount.get(key) ?? 0), 0) / sum : null;

  return {
    basis,
    speakers,
    interviewerShare,
    longestMonologue: basis === "time" ? findLongestMonologue(ordered, displayName) : null,
    questionsAsked,
    totalMs: basis === "time" ? unionMs([...intervals.values()].flat()) : null,
  };
}

export type InterviewTalkTime = { interviewerId: string; talkTime: TalkTime };
export type AverageTalkTime = {
  interviewerId: string;
  interviews: number;
  /** Mean over the interviews where it is known; null when it is known for none. */
  interviewerShare: number | null;
  questionsAsked: number;
  /** Mean over the interviews with a timed transcript; null when there is none. */
  longestMonologueMs: number | null;
};

const mean = (values: number[]) => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);

/** Per-interviewer averages for /settings/load, sorted by interviewer id. */
export function averageTalkTime(perInterview: readonly InterviewTalkTime[]): AverageTalkTime[] {
  const byInterviewer = new Map<string, TalkTime[]>();
  for (const { interviewerId, talkTime: t } of perInterview) byInterviewer.set(interviewerId, [...(byInterviewer.get(interviewerId) ?? []), t]);
  return [...byInterviewer.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([interviewerId, list]) => ({
      interviewerId,
      interviews: list.length,
      interviewerShare: mean(list.flatMap((t) => (t.interviewerShare === null ? [] : [t.interviewerShare]))),
      questionsAsked: mean(list.map((t) => t.questionsAsked)) ?? 0,
      longestMonologueMs: mean(list.flatMap((t) => (t.longestMonologue ? [t.longestMonologue.ms] : []))),
    }));
}
