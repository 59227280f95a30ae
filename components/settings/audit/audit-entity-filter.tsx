import Link from "next/link";
import { cn } from "@/lib/utils";
import { buildAuditHref } from "@/lib/routes";
import { AUDIT_ENTITY_LABELS, AUDIT_ENTITY_TYPES, type AuditFilters } from "./audit-filters";

export type AuditEntityFilterProps = { filters: AuditFilters };

const CHIPS = [{ entityType: undefined, label: "All" }, ...AUDIT_ENTITY_TYPES.map((entityType) => ({ entityType, label: AUDIT_ENTITY_LABELS[entityType].many }))];

/** Entity-type chips; each is a link that filters the log (back to page 1, dropping a one-record filter). */
export function AuditEntityFilter({ filters }: AuditEntityFilterProps) {
  return (
    <nav aria-label="Filter by what changed">
      <ul className="flex flex-wrap gap-2">
        {CHIPS.map(({ entityType, label }) => {
          const isActive = filters.entityType === entityType && !filters.entityId;
          return (
            <li key={label}>
              <Link
                href={buildAuditHref({ entityType })}
                aria-current={isActive ? "page" : undefined}
                className={cn(
                  "inline-flex h-8 items-center rounded-full border px-3 text-sm font-medium transition-colors",
                  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600",
                  isActive ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-ink hover:bg-slate-50",
                )}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
