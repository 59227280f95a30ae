import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import type { AvailabilityMethod } from "@/lib/generated/prisma/enums";
import { formatDuration } from "@/lib/roles/format-duration";
import { settingsPanelPath } from "@/lib/routes";
import type { SettingsPanel } from "@/lib/settings/queries";

const METHOD_LABELS: Record<AvailabilityMethod, string> = {
  MAX_FAIRNESS: "Round robin: max fairness",
  MAX_AVAILABILITY: "Round robin: max availability",
};

export type PanelCardProps = { panel: SettingsPanel };

/** A panel on /settings: how it books, its members in round-robin order, and Edit. */
export function PanelCard({ panel }: PanelCardProps) {
  return (
    <Card className="flex h-full flex-col">
      <CardHeader>
        <CardTitle as="h3">{panel.name}</CardTitle>
        <CardDescription>
          {METHOD_LABELS[panel.availabilityMethod]} · {formatDuration(panel.durationMinutes)}
          <br />
          {panel.conferencingProvider ?? "No video call"} · {panel.conferencingProvider && panel.notetakerEnabled ? "Notetaker on" : "No Notetaker"}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex-1">
        <h4 className="text-xs font-semibold uppercase tracking-wide text-muted">Members, in round-robin order</h4>
        {panel.members.length === 0 ? (
          <p className="mt-2 text-sm text-muted">No members yet: a role on this panel cannot be booked.</p>
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
      <CardFooter>
        <Link href={settingsPanelPath(panel.id)} className={buttonClasses({ variant: "secondary", size: "sm" })}>
          Edit<span className="sr-only"> {panel.name}</span>
        </Link>
      </CardFooter>
    </Card>
  );
}
