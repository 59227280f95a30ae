import { notFound } from "next/navigation";
import { loadPanel } from "./load";

export type PanelLayoutProps = { children: React.ReactNode; params: Promise<{ id: string }> };

/**
 * Decides before anything streams, so an unknown panel is a real 404, not the loading state sent
 * with 200 and replaced by the not-found page.
 */
export default async function PanelLayout({ children, params }: PanelLayoutProps) {
  if (!(await loadPanel((await params).id))) notFound();
  return children;
}
