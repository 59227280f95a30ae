import { cache } from "react";
import { requireUser } from "@/lib/auth";
import { getCandidateTimeline } from "@/lib/interviews/queries";

/** The viewer and the candidate they may see (null: 404), read once per request for layout, metadata and page. */
export const loadTimeline = cache(async (id: string) => {
  const user = await requireUser();
  return getCandidateTimeline(user, id);
});
