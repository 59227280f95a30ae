/**
 * Pure: the recruiter's decision on an application (issue 15, DESIGN "Candidate page"): the stage
 * it moves to and, for "Rejected", the reason. What a decision holds, what a save answers, and the
 * labels, shared by the form (a client component), the server action and lib/feedback/decide.ts.
 *
 * Rules: the stages a person may choose are Interviewing, Debrief, Offer, Hired and Rejected
 * (Applied is where an application may start, never a decision). "Rejected" needs a reason (trimmed,
 * at most REJECTION_REASON_MAX characters); any other stage drops the reason. The save names the
 * application's `updatedAt` as the form was opened with it, so a decision made meanwhile by someone
 * else is not overwritten unseen (optimistic concurrency).
 */
import { z } from "zod";
import type { TActionState } from "@/lib/actions/state";
import type { ApplicationStage } from "@/lib/generated/prisma/enums";
import { zId } from "@/lib/validations/ids";

export const DECISION_STAGES = ["INTERVIEWING", "DEBRIEF", "OFFER", "HIRED", "REJECTED"] as const satisfies readonly ApplicationStage[];
export type DecisionStage = (typeof DECISION_STAGES)[number];

export const STAGE_LABELS: Record<ApplicationStage, string> = {
  APPLIED: "Applied",
  INTERVIEWING: "Interviewing",
  DEBRIEF: "Debrief",
  OFFER: "Offer",
  HIRED: "Hired",
  REJECTED: "Rejected",
};

/** Every stage, in pipeline order (the dashboard's Stage filter). */
export const APPLICATION_STAGES = ["APPLIED", ...DECISION_STAGES] as const satisfies readonly ApplicationStage[];

export const REJECTION_REASON_MAX = 1_000;
export const REJECTION_REASON_REQUIRED = "Enter a rejection reason: it is kept with the decision.";

const ZStage = z.enum(DECISION_STAGES, { error: `Choose one of ${DECISION_STAGES.map((s) => STAGE_LABELS[s]).join(", ")}.` });

export const ZDecisionInput = z
  .object({
    applicationId: zId("That is not an application."),
    stage: ZStage,
    rejectionReason: z.preprocess(
      (value) => (typeof value === "string" ? value.trim() : value === null || value === undefined ? "" : value),
      z.string({ error: "The rejection reason must be text." }).max(REJECTION_REASON_MAX, `Keep the rejection reason under ${REJECTION_REASON_MAX.toLocaleString("en-US")} characters.`),
    ),
    /** The application's updatedAt when the page was opened (ISO 8601). */
    expectedUpdatedAt: z.iso.datetime({ offset: true, error: "Reload the page and decide again." }),
  })
  .superRefine((input, ctx) => {
    if (input.stage === "REJECTED" && input.rejectionReason === "") ctx.addIssue({ code: "custom", path: ["rejectionReason"], message: REJECTION_REASON_REQUIRED });
  })
  .transform((input) => ({ ...input, rejectionReason: input.stage === "REJECTED" ? input.rejectionReason : null }));
export type TDecisionInput = z.output<typeof ZDecisionInput>;

/** What a save answers: on success, the stage saved and whose page shows it (the form keeps what was chosen and typed). */
export type TDecisionState = TActionState<{ stage: ApplicationStage; candidateId: string }>;

/** The message when the input does not parse: the reason's, else the first issue's. */
export function describeDecisionInputError(error: z.ZodError): string {
  const reason = error.issues.find((issue) => issue.path[0] === "rejectionReason");
  if (reason) return reason.message;
  return error.issues[0]?.message ?? "Check the decision.";
}
