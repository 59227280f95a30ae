/**
 * Schemas for the operators' page (/settings/jobs): its search params and its Retry action. Pure
 * (no db, no next/*), shared by the page, the action and unit tests.
 */
import { z } from "zod";
import type { TActionState } from "@/lib/actions/state";

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** A job kind's name, as lib/jobs/kind.ts allows them. */
const KIND_PATTERN = /^[a-z0-9][a-z0-9.-]{0,62}$/;

/** ?kind=media.download → { kind }; anything else means "every kind" (parsing never fails). */
export const ZJobFilters = z.object({
  kind: z
    .preprocess((value) => {
      const first = firstValue(value);
      return typeof first === "string" ? first.trim() : first;
    }, z.string().regex(KIND_PATTERN).optional())
    .catch(undefined),
});
export type TJobFilters = z.infer<typeof ZJobFilters>;

export function parseJobFilters(searchParams: unknown): TJobFilters {
  return ZJobFilters.parse(searchParams && typeof searchParams === "object" ? searchParams : {});
}

/** A job's id: a positive bigint, as digits. */
export const ZJobId = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[1-9]\d{0,17}$/, "That is not a job id."),
});

export type TRetryJobState = TActionState;
