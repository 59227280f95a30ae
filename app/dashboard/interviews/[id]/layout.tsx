import { forbidden, notFound } from "next/navigation";
import { DebriefPlayerProvider } from "@/components/debrief/player-context";
import { loadAccess } from "./load";

export type InterviewLayoutProps = { children: React.ReactNode; params: Promise<{ id: string }> };

/**
 * Decides access before anything streams, so an unknown interview is a real 404 and another
 * interviewer's a real 403 (a check inside the page would come after a loading state was sent with 200).
 */
export default async function InterviewLayout({ children, params }: InterviewLayoutProps) {
  // Only the access check here (cheap): the page loads the debrief behind its loading state.
  const access = await loadAccess((await params).id);
  if (access === "not_found") notFound();
  // An interviewer who did not run this interview.
  if (access === "forbidden") forbidden();
  // The scorecard's moments play the recording through the transcript player's seek.
  return <DebriefPlayerProvider>{children}</DebriefPlayerProvider>;
}
