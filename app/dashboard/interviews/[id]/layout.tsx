import { forbidden, notFound } from "next/navigation";
import { loadDebrief } from "./load";

export type InterviewLayoutProps = { children: React.ReactNode; params: Promise<{ id: string }> };

/**
 * Decides access before anything streams, so an unknown interview is a real 404 and another
 * interviewer's a real 403 (a check inside the page would come after a loading state was sent with 200).
 */
export default async function InterviewLayout({ children, params }: InterviewLayoutProps) {
  const result = await loadDebrief((await params).id);
  if (result.kind === "not_found") notFound();
  // An interviewer who did not run this interview.
  if (result.kind === "forbidden") forbidden();
  return children;
}
