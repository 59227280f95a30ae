import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/app-shell/page-header";
import { AuditEntityFilter } from "@/components/settings/audit/audit-entity-filter";
import { AUDIT_ENTITY_LABELS, parseAuditFilters } from "@/components/settings/audit/audit-filters";
import { AuditLogList } from "@/components/settings/audit/audit-log-list";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { textLinkClasses } from "@/components/ui/text-link";
import { requireAdmin } from "@/lib/auth";
import { buildAuditHref, PATHS } from "@/lib/routes";
import { AUDIT_PAGE_SIZE, listAuditLog } from "@/lib/settings/audit";

export const metadata: Metadata = { title: "Audit log" };

export type AuditPageProps = {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** /settings/audit — every settings change: who, when, and each field before and after. */
export default async function AuditPage({ searchParams }: AuditPageProps) {
  // The layout checks too; pages repeat it because layouts are skipped on client navigation.
  await requireAdmin(PATHS.settingsAudit);
  const filters = parseAuditFilters(await searchParams);
  const { rows, total } = await listAuditLog(filters);
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  // A page past the end (entries are never deleted, so a stale or hand-edited URL): the last page.
  if (filters.page > pageCount) redirect(buildAuditHref({ ...filters, page: pageCount }));
  const oneRecord = filters.entityId ? (rows[0]?.entityLabel ?? null) : null;
  const entityName = filters.entityType ? AUDIT_ENTITY_LABELS[filters.entityType] : null;
  const isFiltered = Boolean(filters.entityType || filters.entityId);

  return (
    <div className="space-y-6">
      <PageHeader title="Audit log" description="Every change to roles, panels and interviewers: who made it, when, and each field before and after." />
      <AuditEntityFilter filters={filters} />
      {filters.entityId ? (
        <p className="text-sm text-muted">
          History of {entityName ? entityName.one.toLowerCase() : "one record"}
          {oneRecord ? <span className="font-medium text-ink"> {oneRecord}</span> : null}.{" "}
          <Link href={buildAuditHref({ entityType: filters.entityType })} className={textLinkClasses()}>
            Show every {entityName ? entityName.one.toLowerCase() : "change"}
          </Link>
        </p>
      ) : null}

      {total === 0 ? (
        <EmptyState
          label="Settings changes"
          title={isFiltered ? "No changes match this filter." : "No settings changes yet."}
          action={isFiltered ? { href: PATHS.settingsAudit, label: "Show all changes", variant: "link" } : undefined}
        >
          Saving a role or a panel records who changed what here.
        </EmptyState>
      ) : (
        <section aria-label="Settings changes" className="space-y-4">
          <AuditLogList rows={rows} />
          <Pagination
            noun={["change", "changes"]}
            hrefForPage={(page) => buildAuditHref({ ...filters, page })}
            page={filters.page}
            pageCount={pageCount}
            pageSize={AUDIT_PAGE_SIZE}
            total={total}
            shown={rows.length}
          />
        </section>
      )}
    </div>
  );
}
