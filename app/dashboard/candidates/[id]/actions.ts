"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { decideApplication } from "@/lib/feedback/decide";
import type { TDecisionState } from "@/lib/feedback/decision";
import { candidatePath, PATHS } from "@/lib/routes";
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
