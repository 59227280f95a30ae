import { notFound } from "next/navigation";
import { loadTimeline } from "./load";

export type CandidateLayoutProps = { children: React.ReactNode; params: Promise<{ id: string }> };

/**
 * Decides access before anything streams, so an unknown candidate (or one an interviewer never
 * interviewed) is a real 404, not a loading state sent with 200 and replaced.
 */
export default async function CandidateLayout({ children, params }: CandidateLayoutProps) {
  if (!(await loadTimeline((await params).id))) notFound();
  return children;
}
