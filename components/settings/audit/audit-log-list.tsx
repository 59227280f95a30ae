import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import { textLinkClasses } from "@/components/ui/text-link";
import type { AuditRow } from "@/lib/settings/audit";
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, auditEntityHref, describeAuditValue } from "./audit-filters";

const ACTION_VARIANTS: Record<string, BadgeVariant> = {
  created: "success",
  updated: "info",
  published: "success",
  unpublished: "warning",
  cap_changed: "info",
  sync_retried: "neutral",
  stage_changed: "info",
};

type Change = AuditRow["changes"][number];

const FIELD_COLUMN: DataTableColumn<Change> = {
  id: "field",
  header: "Field",
  isRowHeader: true,
  headerClassName: "w-1/4",
  className: "font-medium text-ink",
  cell: (change) => change.label,
};
/** A creation has nothing before: one column of values. */
const CREATED_COLUMNS: DataTableColumn<Change>[] = [FIELD_COLUMN, { id: "value", header: "Value", cell: (change) => <AuditValue value={change.after} field={change.field} tone="after" /> }];
const CHANGED_COLUMNS: DataTableColumn<Change>[] = [
  FIELD_COLUMN,
  { id: "before", header: "Before", headerClassName: "w-3/8", cell: (change) => <AuditValue value={change.before} field={change.field} tone="before" /> },
  { id: "after", header: "After", headerClassName: "w-3/8", cell: (change) => <AuditValue value={change.after} field={change.field} tone="after" /> },
];

export type AuditLogListProps = { rows: AuditRow[] };

/** Audit entries, newest first: who changed what and when, and each field before and after. */
export function AuditLogList({ rows }: AuditLogListProps) {
  return (
    <ol aria-label="Settings changes" className="space-y-4">
      {rows.map((row) => {
        const entity = AUDIT_ENTITY_LABELS[row.entityType as keyof typeof AUDIT_ENTITY_LABELS]?.one ?? row.entityType;
        const action = AUDIT_ACTION_LABELS[row.action] ?? row.action;
        const href = auditEntityHref(row.entityType, row.entityId);
        const headingId = `audit-${row.id}`;
        const isCreated = row.action === "created" && row.changes.every((c) => c.before === null);
        return (
          <li key={row.id} aria-labelledby={headingId} className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5 border-b border-slate-100 px-5 py-3">
              <Badge variant={ACTION_VARIANTS[row.action] ?? "neutral"}>{action}</Badge>
              <h3 id={headingId} className="text-sm text-ink">
                <span className="text-muted">{entity} </span>
                {href ? (
                  <Link href={href} className={textLinkClasses({ tone: "ink", className: "font-semibold" })}>
                    {row.entityLabel}
                  </Link>
                ) : (
                  <span className="font-semibold">{row.entityLabel}</span>
                )}
              </h3>
              <p className="text-sm text-muted sm:ml-auto">
                by <span className="font-medium text-ink">{row.actorEmail}</span> · <LocalTime iso={row.createdAt.toISOString()} display="precise" />
              </p>
            </div>
            {row.changes.length === 0 ? (
              <p className="px-5 py-3 text-sm text-muted">No field changed.</p>
            ) : (
              <DataTable
                rows={row.changes}
                columns={isCreated ? CREATED_COLUMNS : CHANGED_COLUMNS}
                getRowKey={(change) => change.field}
                caption={`${action} ${entity.toLowerCase()} ${row.entityLabel}: ${isCreated ? "fields as created" : "fields before and after"}`}
                density="compact"
                frame="none"
                tableClassName="table-fixed"
              />
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** One side of a change: "(none)", On/Off, text (long text scrolls), or a list (members, open hours). */
function AuditValue({ value, field, tone }: { value: unknown; field: string; tone: "before" | "after" }) {
  const view = describeAuditValue(value, field);
  const color = tone === "before" ? "text-slate-600" : "text-ink";
  if (view.kind === "empty") return <span className="text-muted italic">(none)</span>;
  if (view.kind === "list") {
    return (
      <ol className={`list-decimal space-y-0.5 pl-5 ${color}`}>
        {view.items.map((item, index) => (
          <li key={`${index}-${item}`} className="[overflow-wrap:anywhere]">
            {item}
          </li>
        ))}
      </ol>
    );
  }
  return <p className={`max-h-40 max-w-xl overflow-y-auto whitespace-pre-wrap [overflow-wrap:anywhere] ${color}`}>{view.text}</p>;
}
