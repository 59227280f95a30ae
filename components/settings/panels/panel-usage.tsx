import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import { Badge } from "@/components/ui/badge";
import { textLinkClasses } from "@/components/ui/text-link";
import { settingsRolePath } from "@/lib/routes";
import type { PanelEditView } from "@/lib/settings/panels";

export type PanelUsageProps = Pick<PanelEditView, "roles" | "notetakerVersion">;

/** Beside the panel form: the roles a save affects, and the Notetaker settings version in force. */
export function PanelUsage({ roles, notetakerVersion }: PanelUsageProps) {
  return (
    <div className="space-y-4">
      <section aria-labelledby="panel-roles-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="panel-roles-heading" className="text-sm font-semibold text-ink">
          Roles on this panel
        </h2>
        {roles.length === 0 ? (
          <p className="mt-1 text-sm text-muted">None yet. Saving changes nothing in Nylas until a role uses this panel.</p>
        ) : (
          <>
            <p className="mt-1 text-sm text-muted">Saving re-syncs each of them with Nylas.</p>
            <ul className="mt-3 space-y-2 text-sm">
              {roles.map((role) => (
                <li key={role.id} className="flex items-center justify-between gap-2">
                  <Link href={settingsRolePath(role.id)} className={textLinkClasses()}>
                    {role.title}
                  </Link>
                  <Badge variant={role.published ? "success" : "neutral"}>{role.published ? "Published" : "Draft"}</Badge>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section aria-labelledby="panel-notetaker-version-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="panel-notetaker-version-heading" className="text-sm font-semibold text-ink">
          Notetaker settings
        </h2>
        {notetakerVersion ? (
          <p className="mt-1 text-sm text-ink">
            Version {notetakerVersion.version}, saved <LocalTime iso={notetakerVersion.createdAt.toISOString()} display="precise" />
            {notetakerVersion.createdByEmail ? ` by ${notetakerVersion.createdByEmail}` : ""}.
          </p>
        ) : (
          <p className="mt-1 text-sm text-ink">Version 1 is recorded with the first save or booking.</p>
        )}
        <p className="mt-2 text-sm text-muted">
          Changing what the Notetaker records or its instructions makes a new version. Each interview keeps the version it was booked with, and its debrief names it.
        </p>
      </section>
    </div>
  );
}
