import { cache } from "react";
import { requireUser } from "@/lib/auth";
import { getDebriefScorecard } from "@/lib/feedback/debrief";
import { getInterviewAccess, getInterviewDebrief } from "@/lib/interviews/debrief";

/** Whether the viewer may open the interview, read once per request (layout, metadata and page). */
export const loadAccess = cache(async (id: string) => {
  const user = await requireUser();
  return getInterviewAccess(user, id);
});

/** The viewer's debrief of one interview, read once per request (metadata and page share it). */
export const loadDebrief = cache(async (id: string) => {
  const user = await requireUser();
  return getInterviewDebrief(user, id);
});

/** The debrief's scorecard, evidence, talk time and feedback as the viewer may see them. */
export const loadScorecard = cache(async (id: string) => {
  const user = await requireUser();
  return getDebriefScorecard(user, id);
});
