import { cache } from "react";
import { requireUser } from "@/lib/auth";
import { getInterviewDebrief } from "@/lib/interviews/debrief";

/** The viewer's debrief of one interview, read once per request (layout, metadata and page share it). */
export const loadDebrief = cache(async (id: string) => {
  const user = await requireUser();
  return getInterviewDebrief(user, id);
});
