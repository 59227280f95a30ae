import { forbidden } from "next/navigation";
import { cache } from "react";
import { requireUser } from "@/lib/auth";
import type { SessionUser } from "@/lib/auth/users";

/**
 * Who may see booking links: recruiters and admins (an interviewer gets the 403 page). Checked in
 * the layout, before the page streams (its loading state would commit a 200), and again by the
 * page, as layouts are skipped on client navigation. Cached per request.
 */
export const loadBookingLinksViewer = cache(async (): Promise<SessionUser> => {
  const user = await requireUser();
  if (user.role === "INTERVIEWER") forbidden();
  return user;
});
