/**
 * Schemas for the recruiter dashboard (/dashboard and /dashboard/candidates/[id]): the interview
 * list's search params, and readers for the untrusted values an interview row carries (its history
 * JSON, meeting and profile URLs from webhook payloads). Pure (no db, no next/*), so pages, lib and
 * unit tests share them; client components may import the types and constants.
 */
import { z } from "zod";
import { APPLICATION_STAGES } from "@/lib/feedback/decision";
import type { ApplicationStage } from "@/lib/generated/prisma/enums";
import { FALLBACK_TIME_ZONE, normalizeTimeZone } from "@/lib/interviews/date-range";
import { parseLocalDate } from "@/lib/scheduling/zoned-time";
import { ZId } from "@/lib/validations/ids";

export const INTERVIEW_STATUSES = ["SCHEDULED", "RESCHEDULED", "CANCELLED", "COMPLETED"] as const;
export type TInterviewStatus = (typeof INTERVIEW_STATUSES)[number];
/** The status filter: one status, or every status ("ALL", the default). */
export type TInterviewStatusFilter = TInterviewStatus | "ALL";

export const INTERVIEWS_PAGE_SIZE = 20;
/** Pages past this are refused (falls back to 1). */
export const MAX_INTERVIEWS_PAGE = 10_000;

/** A search param arrives as a string, repeated (string[]) or missing; the first value counts, trimmed. */
const firstValue = (value: unknown) => {
  const first = Array.isArray(value) ? (value as unknown[])[0] : value;
  return typeof first === "string" ? first.trim() : first;
};

const ZIdParam = z.preprocess(firstValue, ZId.optional());

const ZStatusParam = z.preprocess(
  (value) => {
    const first = firstValue(value);
    return typeof first === "string" ? first.toUpperCase() : first;
  },
  z.enum(["ALL", ...INTERVIEW_STATUSES]),
);

const upperCase = (value: unknown) => {
  const first = firstValue(value);
  return typeof first === "string" ? first.toUpperCase() : first;
};

/** The application's stage; empty or unknown means any stage. */
const ZStageParam = z.preprocess(upperCase, z.enum(APPLICATION_STAGES).optional());

/**
 * Feedback on completed interviews (lib/feedback/due.ts): "DUE" is every interview waiting for its
 * interviewer's feedback, overdue ones included; "OVERDUE" only those past FEEDBACK_DUE_HOURS.
 */
export const FEEDBACK_FILTERS = ["DUE", "OVERDUE"] as const;
export type TFeedbackFilter = (typeof FEEDBACK_FILTERS)[number];
const ZFeedbackParam = z.preprocess(upperCase, z.enum(FEEDBACK_FILTERS).optional());

/** "YYYY-MM-DD" naming a real calendar day (2026-02-30 is not one). */
const ZDateParam = z.preprocess(
  firstValue,
  z
    .string()
    .refine((text) => parseLocalDate(text) !== null)
    .optional(),
);

/** An IANA zone the runtime knows, in its canonical spelling. */
const ZTimeZoneParam = z.preprocess((value) => {
  const first = firstValue(value);
  return typeof first === "string" ? (normalizeTimeZone(first) ?? undefined) : first;
}, z.string());

/** Words to find in transcripts: trimmed, at most 200 characters, control characters dropped. */
export const MAX_TRANSCRIPT_QUERY_CHARS = 200;
// eslint-disable-next-line no-control-regex -- control characters become spaces on purpose
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]+/g;
const ZTranscriptQueryParam = z.preprocess((value) => {
  const first = firstValue(value);
  if (typeof first !== "string") return undefined;
  const cleaned = first.replace(CONTROL_CHARACTERS, " ").replace(/\s+/g, " ").trim().slice(0, MAX_TRANSCRIPT_QUERY_CHARS);
  return cleaned || undefined;
}, z.string().optional());

const ZPageParam = z.preprocess((value) => {
  const first = firstValue(value);
  return typeof first === "string" && /^\d{1,9}$/.test(first) ? Number(first) : first;
}, z.number().int().min(1).max(MAX_INTERVIEWS_PAGE));

/**
 * /dashboard search params → filters. The URL names are short (`role`, `interviewer`); the parsed
 * filters name ids as such (`roleId`, `interviewerId`). Each field falls back on its own rather
 * than failing the page: a bad role or interviewer id means "any", a bad status means ALL, a bad
 * stage or feedback filter means any, a bad date means no bound, an unknown `tz` means UTC, a bad
 * page means 1; unknown params are dropped. Dates given in the wrong order are swapped.
 *
 *   ?status=cancelled&stage=rejected&feedback=overdue&from=2026-03-01&to=2026-03-31&tz=Europe/Paris&page=2
 *   → { roleId: undefined, interviewerId: undefined, status: "CANCELLED", stage: "REJECTED",
 *       feedback: "OVERDUE", from: "2026-03-01", to: "2026-03-31", tz: "Europe/Paris", page: 2 }
 */
export const ZInterviewFilters = z
  .object({
    role: ZIdParam.catch(undefined),
    interviewer: ZIdParam.catch(undefined),
    status: ZStatusParam.catch("ALL"),
    /** The application's stage (the recruiter's decision). */
    stage: ZStageParam.catch(undefined),
    feedback: ZFeedbackParam.catch(undefined),
    from: ZDateParam.catch(undefined),
    to: ZDateParam.catch(undefined),
    /** The viewer's browser timezone: the zone `from` and `to` are calendar days in. */
    tz: ZTimeZoneParam.catch(FALLBACK_TIME_ZONE),
    /** Words said in the interview (full-text search over transcripts). */
    q: ZTranscriptQueryParam.catch(undefined),
    page: ZPageParam.catch(1),
  })
  .transform(({ role, interviewer, status, stage, feedback, from, to, tz, q, page }) => {
    const isInverted = Boolean(from && to && from > to);
    return {
      roleId: role,
      interviewerId: interviewer,
      status: status as TInterviewStatusFilter,
      stage: stage as ApplicationStage | undefined,
      feedback: feedback as TFeedbackFilter | undefined,
      from: isInverted ? to : from,
      to: isInverted ? from : to,
      tz,
      q,
      page,
    };
  });
export type TInterviewFilters = z.infer<typeof ZInterviewFilters>;

/** The filters when the URL has none: every status and stage, no bounds, UTC, page 1. */
export const DEFAULT_INTERVIEW_FILTERS: TInterviewFilters = {
  roleId: undefined,
  interviewerId: undefined,
  status: "ALL",
  stage: undefined,
  feedback: undefined,
  from: undefined,
  to: undefined,
  tz: FALLBACK_TIME_ZONE,
  q: undefined,
  page: 1,
};

/** Next's `searchParams` prop, or anything else (a non-object parses as "no filters"). */
export function parseInterviewFilters(searchParams: unknown): TInterviewFilters {
  const input = searchParams && typeof searchParams === "object" ? searchParams : {};
  return ZInterviewFilters.parse(input);
}

/** True when any filter narrows the list (the page number and timezone alone do not). */
export function hasActiveInterviewFilters(filters: Partial<TInterviewFilters>): boolean {
  return Boolean(filters.roleId || filters.interviewerId || (filters.status && filters.status !== "ALL") || filters.stage || filters.feedback || filters.from || filters.to || filters.q);
}

/** Input of getCandidateTimeline: a candidate id from the URL. */
export const ZCandidateId = ZId;

// ───────────────────────────── Interview row values ─────────────────────────────

export type TInterviewHistoryEntry = {
  kind: "created" | "rescheduled" | "cancelled";
  /** Unix seconds of the notification. */
  at: number;
  startsAt: number | null;
  endsAt: number | null;
  previousStartsAt: number | null;
  previousEndsAt: number | null;
  reason: string | null;
};

const ZSeconds = z.number().finite();

const ZHistoryEntry = z.object({
  kind: z.enum(["created", "rescheduled", "cancelled"]),
  at: ZSeconds,
  startsAt: ZSeconds.nullable().catch(null),
  endsAt: ZSeconds.nullable().catch(null),
  previousStartsAt: ZSeconds.nullable().catch(null),
  previousEndsAt: ZSeconds.nullable().catch(null),
  reason: z.string().max(2_000).nullable().catch(null),
});

/**
 * An interview's `history` JSON (written by lib/interviews/process-booking.ts), oldest first.
 * Entries that are not the documented shape are skipped rather than failing the page.
 */
export function readInterviewHistory(value: unknown): TInterviewHistoryEntry[] {
  if (!Array.isArray(value)) return [];
  const entries: TInterviewHistoryEntry[] = [];
  for (const item of value) {
    const parsed = ZHistoryEntry.safeParse(item);
    if (parsed.success) entries.push(parsed.data);
  }
  return entries.sort((a, b) => a.at - b.at);
}

/**
 * An http(s) URL safe to put in an href, or null. Meeting links and profile URLs come from webhook
 * payloads and booking forms, so a `javascript:` or malformed value must never become a link.
 */
export function toSafeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}
