import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { textLinkClasses } from "@/components/ui/text-link";
import { RECORDING_POLICY_LABELS } from "@/lib/privacy/policy";
import { getRecordingPolicyOverview, type RolePolicyRow } from "@/lib/privacy/recording-settings";
import { buildAuditHref, PATHS, settingsRolePath } from "@/lib/routes";
import type { TRecordingPolicyState } from "@/lib/validations/privacy";
import { RecordingPolicyForm } from "./recording-policy-form";

export type RecordingPolicySectionProps = {
  /** saveRecordingPolicyAction. */
  action: (previous: TRecordingPolicyState, formData: FormData) => Promise<TRecordingPolicyState>;
};

const roleCount = (n: number) => (n === 1 ? "1 role" : `${n} roles`);

function RoleList({ roles, showPolicy }: { roles: RolePolicyRow[]; showPolicy: boolean }) {
  return (
    <ul className="mt-2 space-y-1.5 text-sm">
      {roles.map((role) => (
        <li key={role.id} className="flex flex-wrap items-center gap-2">
          <Link href={settingsRolePath(role.id)} className={textLinkClasses()}>
            {role.title}
          </Link>
          {showPolicy && role.recordingPolicy ? <Badge variant="info">{RECORDING_POLICY_LABELS[role.recordingPolicy]}</Badge> : null}
          {role.published ? null : <Badge>Draft</Badge>}
        </li>
      ))}
    </ul>
  );
}

/**
 * /settings/privacy, "Recording consent": the organisation's default recording policy, and which
 * roles follow it (they change when it is saved) or have their own (set on the role's page).
 * Loads its own data, so the page adds it with one line.
 */
export async function RecordingPolicySection({ action }: RecordingPolicySectionProps) {
  const overview = await getRecordingPolicyOverview();
  const { inheriting, overriding } = overview;
  return (
    <section aria-labelledby="recording-consent-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="recording-consent-heading" className="text-base font-semibold text-ink">
            Recording consent
          </h2>
          <p className="mt-1 max-w-3xl text-sm text-muted">
            Whether the Notetaker records interviews, and whether candidates are asked first. Roles use this default unless their own page sets a policy. Interviewers who opted out are never recorded,
            whatever the policy.
          </p>
        </div>
        <Link href={buildAuditHref({ entityType: "privacy" })} className={textLinkClasses({ className: "text-sm" })}>
          History
        </Link>
      </div>

      <div className="mt-5 grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <RecordingPolicyForm recordingPolicy={overview.recordingPolicy} action={action} />

        <aside aria-labelledby="recording-policy-roles-heading" className="rounded-lg bg-slate-50 p-4">
          <h3 id="recording-policy-roles-heading" className="text-sm font-semibold text-ink">
            Roles
          </h3>
          {inheriting.length + overriding.length === 0 ? (
            <p className="mt-1 text-sm text-muted">
              No roles yet. New roles use the default.{" "}
              <Link href={PATHS.newRole} className={textLinkClasses()}>
                Create a role
              </Link>
            </p>
          ) : (
            <>
              <p className="mt-1 text-sm text-ink">
                {roleCount(inheriting.length)} {inheriting.length === 1 ? "uses" : "use"} the default · {roleCount(overriding.length)} {overriding.length === 1 ? "has" : "have"} their own policy.
              </p>
              {inheriting.length > 0 ? (
                <div className="mt-3">
                  <h4 className="text-xs font-semibold tracking-wide text-muted uppercase">Use the default</h4>
                  <RoleList roles={inheriting} showPolicy={false} />
                </div>
              ) : null}
              {overriding.length > 0 ? (
                <div className="mt-3">
                  <h4 className="text-xs font-semibold tracking-wide text-muted uppercase">Own policy</h4>
                  <RoleList roles={overriding} showPolicy />
                </div>
              ) : null}
            </>
          )}
        </aside>
      </div>
    </section>
  );
}
