import Link from "next/link";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/app-shell/page-header";
import { PATHS } from "@/lib/routes";

export type FormPageHeaderProps = {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
};

/** A settings form page's header: a way back to the overview above the page title. */
export function FormPageHeader({ title, description, actions }: FormPageHeaderProps) {
  return (
    <div className="space-y-3">
      <Link
        href={PATHS.settings}
        className="inline-flex items-center gap-1 rounded-sm text-sm font-medium text-muted hover:text-ink focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
      >
        <span aria-hidden="true">←</span> Settings
      </Link>
      <PageHeader title={title} description={description} actions={actions} />
    </div>
  );
}
