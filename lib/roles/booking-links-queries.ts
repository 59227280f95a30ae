import "server-only";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { buildRoleBookingLinks, type TRoleBookingLinks } from "./booking-links";

const ROLE_LINKS_SELECT = { id: true, title: true, slug: true, published: true, hostedPageEnabled: true } as const;

function settings() {
  const env = getEnv();
  return { mode: env.NYLAS_MODE, appOrigin: env.appOrigin };
}

function syncSelect() {
  return { where: { apiUri: getEnv().nylasApiUri }, select: { syncStatus: true, lastSyncError: true } } as const;
}

type RoleRow = {
  id: string;
  title: string;
  slug: string;
  published: boolean;
  hostedPageEnabled: boolean;
  configurations: { syncStatus: "PENDING" | "SYNCED" | "FAILED"; lastSyncError: string | null }[];
};

function toLinks({ configurations, ...role }: RoleRow): TRoleBookingLinks {
  const row = configurations[0];
  return buildRoleBookingLinks({ ...role, sync: row ? { status: row.syncStatus, error: row.lastSyncError } : undefined }, settings());
}

/** Booking links of the roles candidates can book (published), by title: the recruiters' list. */
export async function listPublishedRoleBookingLinks(): Promise<TRoleBookingLinks[]> {
  const roles = await db.role.findMany({ where: { published: true }, orderBy: [{ title: "asc" }, { id: "asc" }], select: { ...ROLE_LINKS_SELECT, configurations: syncSelect() } });
  return roles.map(toLinks);
}

/** One role's booking links (null: no such role), for its settings page. */
export async function getRoleBookingLinks(roleId: string): Promise<TRoleBookingLinks | null> {
  const role = await db.role.findUnique({ where: { id: roleId }, select: { ...ROLE_LINKS_SELECT, configurations: syncSelect() } });
  return role ? toLinks(role) : null;
}
