import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { DataTable, DataTableSkeleton, type DataTableColumn } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { getRoleLabel } from "@/lib/auth/roles";
import { PATHS } from "@/lib/routes";
import type { TeamInvitationRow, TeamUserRow } from "@/lib/team/members";
import { CALENDAR_STATUS_LABELS, type CalendarStatus } from "@/lib/team/rules";
import { RoleForm } from "./role-form";
import { RowActionForm, type TeamRowAction } from "./row-action-form";

const CALENDAR_BADGES: Record<CalendarStatus, BadgeVariant> = { connected: "success", needs_reconnecting: "warning", not_connected: "neutral" };

export type TeamUsersTableProps = {
  rows: TeamUserRow[];
  /** The signed-in admin: their own row offers no "Deactivate". */
  currentUserId: string;
  changeRoleAction: TeamRowAction;
  setActiveAction: TeamRowAction;
};

function userColumns({ currentUserId, changeRoleAction, setActiveAction }: Omit<TeamUsersTableProps, "rows">): DataTableColumn<TeamUserRow>[] {
  return [
    {
      id: "name",
      header: "Name",
      isRowHeader: true,
      cell: (row) => (
        <>
          <span className="block font-medium text-ink [overflow-wrap:anywhere]">
            {row.name}
            {row.id === currentUserId ? <span className="ml-1.5 text-xs font-normal text-muted">(you)</span> : null}
          </span>
          <span className="block text-xs text-muted [overflow-wrap:anywhere]">{row.email}</span>
        </>
      ),
    },
    { id: "role", header: "Role", cell: (row) => <RoleForm userId={row.id} name={row.name} role={row.role} action={changeRoleAction} /> },
    {
      id: "status",
      header: "Status",
      className: "whitespace-nowrap",
      cell: (row) => <Badge variant={row.isActive ? "success" : "danger"}>{row.isActive ? "Active" : "Deactivated"}</Badge>,
    },
    {
      id: "calendar",
      header: "Calendar",
      cell: (row) => (
        <>
          <Badge variant={CALENDAR_BADGES[row.calendar]}>{CALENDAR_STATUS_LABELS[row.calendar]}</Badge>
          {row.calendar === "connected" && row.calendarEmail ? <span className="mt-1 block text-xs text-muted [overflow-wrap:anywhere]">{row.calendarEmail}</span> : null}
          {row.calendar !== "connected" && row.role === "INTERVIEWER" ? (
            <span className="mt-1 block max-w-48 text-xs text-muted">They connect it themselves under “Calendar” on their Account page ({PATHS.account}).</span>
          ) : null}
        </>
      ),
    },
    {
      id: "last-sign-in",
      header: "Last sign-in",
      className: "whitespace-nowrap",
      cell: (row) => (row.lastLoginAt ? <LocalTime iso={row.lastLoginAt.toISOString()} /> : <span className="text-muted">Never</span>),
    },
    {
      id: "actions",
      header: "Actions",
      isHeaderHidden: true,
      cell: (row) =>
        row.id === currentUserId ? null : row.isActive ? (
          <RowActionForm action={setActiveAction} fields={{ userId: row.id, active: "false" }} label="Deactivate" target={row.name} />
        ) : (
          <RowActionForm action={setActiveAction} fields={{ userId: row.id, active: "true" }} label="Reactivate" target={row.name} />
        ),
    },
  ];
}

/** Every user: name and email, role (changeable), status, calendar, last sign-in, Deactivate/Reactivate. */
export function TeamUsersTable({ rows, ...actions }: TeamUsersTableProps) {
  return <DataTable rows={rows} columns={userColumns(actions)} getRowKey={(row) => row.id} caption="Users, active first, by name" tableClassName="min-w-[56rem]" />;
}

export type InvitationsTableProps = { rows: TeamInvitationRow[]; resendAction: TeamRowAction; revokeAction: TeamRowAction };

function invitationColumns({ resendAction, revokeAction }: Omit<InvitationsTableProps, "rows">): DataTableColumn<TeamInvitationRow>[] {
  return [
    { id: "email", header: "Email", isRowHeader: true, cell: (row) => <span className="font-medium text-ink [overflow-wrap:anywhere]">{row.email}</span> },
    { id: "role", header: "Role", cell: (row) => getRoleLabel(row.role) },
    {
      id: "status",
      header: "Status",
      cell: (row) => (
        <>
          <Badge variant={row.status === "pending" ? "info" : "warning"}>{row.status === "pending" ? "Pending" : "Expired"}</Badge>
          <span className="mt-1 block text-xs text-muted">
            {row.status === "pending" ? "Link valid until " : "Link expired "}
            <LocalTime iso={row.expiresAt.toISOString()} />
          </span>
        </>
      ),
    },
    {
      id: "sent",
      header: "Sent",
      cell: (row) => (
        <span className="text-xs text-muted">
          <LocalTime iso={row.lastSentAt.toISOString()} />
          {row.sendCount > 1 ? ` (${row.sendCount} times)` : ""}
          {row.invitedBy ? <span className="block">by {row.invitedBy}</span> : null}
        </span>
      ),
    },
    {
      id: "actions",
      header: "Actions",
      isHeaderHidden: true,
      cell: (row) => (
        <div className="flex flex-wrap items-start gap-2">
          <RowActionForm action={resendAction} fields={{ id: row.id }} label="Resend" target={`the invitation to ${row.email}`} />
          <RowActionForm action={revokeAction} fields={{ id: row.id }} label="Revoke" target={`the invitation to ${row.email}`} variant="danger" />
        </div>
      ),
    },
  ];
}

/** Invitations neither accepted nor revoked: Resend (a new 7-day link) or Revoke. */
export function InvitationsTable({ rows, ...actions }: InvitationsTableProps) {
  return (
    <DataTable
      rows={rows}
      columns={invitationColumns(actions)}
      getRowKey={(row) => row.id}
      caption="Open invitations, most recently sent first"
      tableClassName="min-w-[48rem]"
      empty={<EmptyState title="No open invitations.">Invite someone above; their invitation shows here until they create their account.</EmptyState>}
    />
  );
}

export function TeamTablesSkeleton() {
  return <DataTableSkeleton cells={[["w-36", "w-48"], "w-40", "w-16", "w-24", "w-28", "w-24"]} rows={6} />;
}
