"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction, formFields } from "@/lib/actions/define-action";
import { actionError, type TActionState } from "@/lib/actions/state";
import { decideApplication } from "@/lib/feedback/decide";
import type { TDecisionState } from "@/lib/feedback/decision";
import { eraseCandidate } from "@/lib/privacy/erasure";
import { ERASURE_MISMATCH_MESSAGE, ZErasureInput } from "@/lib/privacy/erasure-confirmation";
import { candidatePath, dashboardNoticeHref, PATHS } from "@/lib/routes";
import { zId } from "@/lib/validations/ids";

/**
 * POST (server action) /dashboard/candidates/[id] — "Save decision": moves one application to a
 * stage ("Rejected" with a reason), audited, unless someone decided since the page was opened.
 * RECRUITER and ADMIN only: an interviewer gets the 403 page (and lib/feedback/decide.ts refuses
 * them too).
 */
export const decideApplicationAction = defineAction({
  name: "candidates.decide",
  roles: ["RECRUITER", "ADMIN"],
  input: (applicationId: string, input: unknown) => ({ applicationId, input }),
  schema: z.object({ applicationId: zId("That is not an application."), input: z.unknown() }),
  invalid: "That is not an application.",
  failed: "Could not save the decision. Nothing was changed. Try again.",
  handler: async ({ applicationId, input }, user): Promise<TDecisionState> => {
    const fields = input && typeof input === "object" ? input : {};
    const state = await decideApplication(user, { ...fields, applicationId });
    if (state.status === "success") {
      // The candidate page shows the new stage and decision; the dashboard filters by stage.
      revalidatePath(candidatePath(state.candidateId));
      revalidatePath(PATHS.dashboard);
    }
    return state;
  },
});

export type TEraseCandidateState = TActionState;

/**
 * POST (server action) /dashboard/candidates/[id] — "Delete permanently": erases the candidate
 * (lib/privacy/erasure.ts) once the typed email matches theirs, then goes to the dashboard with a
 * notice. ADMIN only: anyone else gets the 403 page.
 */
export const eraseCandidateAction = defineAction({
  name: "candidates.erase",
  roles: ["ADMIN"],
  input: (_previous: TEraseCandidateState, formData: FormData) => formFields(formData, "candidateId", "confirmEmail"),
  schema: ZErasureInput,
  failed: "Could not delete the candidate. Nothing was deleted. Try again.",
  handler: async ({ candidateId, confirmEmail }, user): Promise<TEraseCandidateState> => {
    const result = await eraseCandidate(user, candidateId, confirmEmail);
    if (result.status === "mismatch") return actionError(ERASURE_MISMATCH_MESSAGE, { confirmEmail: ERASURE_MISMATCH_MESSAGE });
    if (result.status === "not_found") return actionError("This candidate no longer exists.");
    revalidatePath(PATHS.dashboard);
    revalidatePath(candidatePath(candidateId));
    redirect(dashboardNoticeHref("candidate-erased"));
  },
});
