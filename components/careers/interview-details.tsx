import type { ReactNode } from "react";
import { ClockIcon, MicIcon, UsersIcon, VideoIcon } from "@/components/careers/icons";
import { Card } from "@/components/ui/card";
import { formatDuration } from "@/lib/roles/format-duration";
import type { PublicRoleDetail } from "@/lib/roles/queries";

export type InterviewDetailsProps = {
  interview: PublicRoleDetail["interview"];
  /** Show the "Pick a time" jump link (only when booking is open). */
  canBook: boolean;
};

/**
 * One term and its description. A <dl> may hold only <dt>/<dd> groups (optionally each in a <div>),
 * so the icon sits inside the <dt>, positioned in the group's left gutter.
 */
function Detail({ icon, term, children }: { icon: ReactNode; term: string; children: ReactNode }) {
  return (
    <div className="relative min-h-8 pl-11">
      <dt className="text-sm font-medium text-ink">
        <span className="absolute left-0 top-0.5 flex size-8 items-center justify-center rounded-lg bg-brand-50 text-brand-600">{icon}</span>
        {term}
      </dt>
      <dd className="text-sm text-muted">{children}</dd>
    </div>
  );
}

/** The "Interview details" aside on a role page. */
export function InterviewDetails({ interview, canBook }: InterviewDetailsProps) {
  return (
    <Card className="p-6">
      <h2 className="text-base font-semibold text-ink">Interview details</h2>
      <dl className="mt-5 space-y-4">
        <Detail icon={<ClockIcon className="size-4" />} term="Duration">
          {formatDuration(interview.durationMinutes)}
        </Detail>
        <Detail icon={<VideoIcon className="size-4" />} term="Video call">
          {interview.conferencingProvider ? `${interview.conferencingProvider} — the link is in your confirmation` : "Joining details are in your calendar invite"}
        </Detail>
        <Detail icon={<UsersIcon className="size-4" />} term="Who you'll meet">
          One interviewer from our panel
        </Detail>
        {interview.notetakerEnabled ? (
          <Detail icon={<MicIcon className="size-4" />} term="Notes">
            Interviews may be recorded and transcribed with your consent
          </Detail>
        ) : null}
      </dl>
      {canBook ? (
        <a
          href="#book"
          className="mt-6 flex h-10 w-full items-center justify-center rounded-lg bg-brand-600 px-4 text-sm font-semibold text-white shadow-sm transition-colors hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
        >
          Pick a time
        </a>
      ) : null}
    </Card>
  );
}
