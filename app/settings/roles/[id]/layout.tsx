import { notFound } from "next/navigation";
import { loadRole } from "./load";

export type RoleLayoutProps = { children: React.ReactNode; params: Promise<{ id: string }> };

/**
 * Decides before anything streams, so an unknown role is a real 404, not the loading state sent
 * with 200 and replaced by the not-found page.
 */
export default async function RoleLayout({ children, params }: RoleLayoutProps) {
  if (!(await loadRole((await params).id))) notFound();
  return children;
}
