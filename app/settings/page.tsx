import Link from "next/link";
import { PageHeader } from "@/components/app-shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth";
import type { AvailabilityMethod } from "@/lib/generated/prisma/enums";
import { formatDuration } from "@/lib/roles/format-duration";
import { listPanelsForSettings, listRolesForSettings } from "@/lib/settings/queries";

const METHOD_LABELS: Record<AvailabilityMethod, string> = {
  MAX_FAIRNESS: "Round robin: max fairness",
  MAX_AVAILABILITY: "Round robin: max availability",
};

const linkClass =
  "font-medium text-brand-700 underline-offset-4 hover:underline focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";

/** /settings — admin overview of interview panels and the roles that book them. */
export default async function SettingsPage() {
  // The layout checks too; pages repeat it because layouts are skipped on client navigation.
  await requireAdmin("/settings");
  const [panels, roles] = await Promise.all([listPanelsForSettings(), listRolesForSettings()]);

  return (
    <div className="space-y-10">
      <PageHeader title="Settings" description="Interview panels and the roles candidates book them through." />

      <section aria-labelledby="panels-heading" className="space-y-4">
        <h2 id="panels-heading" className="text-lg font-semibold text-ink">
          Panels
        </h2>
        {panels.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-sm text-muted">
            No panels yet. A panel is the group of interviewers a role&apos;s bookings rotate through.
          </p>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2">
            {panels.map((panel) => (
              <li key={panel.id}>
                <Card className="h-full">
                  <CardHeader>
                    <CardTitle as="h3">{panel.name}</CardTitle>
                    <CardDescription>
                      {METHOD_LABELS[panel.availabilityMethod]} · {formatDuration(panel.durationMinutes)}
                    </CardDescription>
                  </CardHeader>
                  <CardContent>
                    <h4 className="text-xs font-semibold uppercase tracking-wide text-muted">
                      Members, in round-robin order
                    </h4>
                    {panel.members.length === 0 ? (
                      <p className="mt-2 text-sm text-muted">No members.</p>
                    ) : (
                      <ol className="mt-2 divide-y divide-slate-100">
                        {panel.members.map((member, index) => (
                          <li key={member.interviewer.id} className="flex items-baseline gap-3 py-2 text-sm">
                            <span className="w-5 shrink-0 text-right tabular-nums text-muted">{index + 1}.</span>
                            <span className="font-medium text-ink">{member.interviewer.name}</span>
                            <span className="truncate text-muted">{member.interviewer.email}</span>
                          </li>
                        ))}
                      </ol>
                    )}
                  </CardContent>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="roles-heading" className="space-y-4">
        <h2 id="roles-heading" className="text-lg font-semibold text-ink">
          Roles
        </h2>
        {roles.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-sm text-muted">
            No roles yet. Published roles are listed on the careers page.
          </p>
        ) : (
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-muted">
                <tr>
                  <th scope="col" className="px-4 py-3">Title</th>
                  <th scope="col" className="px-4 py-3">Careers page</th>
                  <th scope="col" className="px-4 py-3">Status</th>
                  <th scope="col" className="px-4 py-3">Panel</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {roles.map((role) => (
                  <tr key={role.id}>
                    <th scope="row" className="px-4 py-3 text-left font-medium text-ink">
                      {role.title}
                    </th>
                    <td className="px-4 py-3">
                      {role.published ? (
                        <Link href={`/careers/${role.slug}`} className={linkClass}>
                          /careers/{role.slug}
                        </Link>
                      ) : (
                        <span className="text-muted">/careers/{role.slug}</span>
                      )}
                    </td>
                    <td className="px-4 py-3">
                      <Badge variant={role.published ? "success" : "neutral"}>
                        {role.published ? "Published" : "Draft"}
                      </Badge>
                    </td>
                    <td className="px-4 py-3 text-ink">{role.panel.name}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
