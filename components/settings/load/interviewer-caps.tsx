import { LocalTime } from "@/components/ui/local-time";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { LOAD_CAP_BLOCK_TITLE } from "@/lib/load/cap-rules";
import type { InterviewerLoad, LoadReport } from "@/lib/load/queries";
import type { TWeeklyCapState } from "@/lib/validations/load";
import { WeeklyCapForm } from "./weekly-cap-form";

export type InterviewerCapsProps = {
  report: Pick<LoadReport, "weeks" | "interviewers">;
  action: (previous: TWeeklyCapState, formData: FormData) => Promise<TWeeklyCapState>;
};

/** The status line an admin scans for: capped now, at the cap but not blocked (yet), under it, or no cap. */
function capStatus(interviewer: InterviewerLoad): { label: string; variant: BadgeVariant } {
  if (interviewer.blocks.some((b) => b.isCurrent)) return { label: "Capped this week", variant: "danger" };
  if (interviewer.isAtCap) return { label: "At cap, block pending", variant: "warning" };
  if (interviewer.blocks.length > 0) return { label: "Capped in an upcoming week", variant: "warning" };
  if (interviewer.weeklyCap === null) return { label: "No cap", variant: "neutral" };
  return { label: "Under cap", variant: "success" };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * One card per interviewer: this week's and the upcoming weeks' load against their cap, the cap
 * blocks on their calendar, and the form that sets the cap.
 */
export function InterviewerCaps({ report, action }: InterviewerCapsProps) {
  return (
    <ul aria-label="Interviewers' weekly caps" className="grid gap-4 lg:grid-cols-2">
      {report.interviewers.map((interviewer) => {
        const status = capStatus(interviewer);
        const headingId = `interviewer-${interviewer.id}`;
        const currentIndex = report.weeks.findIndex((w) => w.key === interviewer.currentWeekKey);
        const upcomingWeeks = currentIndex < 0 ? [] : report.weeks.slice(currentIndex + 1).map((week, offset) => ({ week, count: interviewer.counts[currentIndex + 1 + offset] ?? 0 }));
        return (
          <li key={interviewer.id} aria-labelledby={headingId}>
            <Card className="flex h-full flex-col gap-4 p-5">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <h3 id={headingId} className="font-semibold text-ink">
                    {interviewer.name}
                  </h3>
                  <p className="truncate text-sm text-muted">
                    {interviewer.email} · {interviewer.timezone}
                  </p>
                </div>
                <Badge variant={status.variant}>{status.label}</Badge>
              </div>

              <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3">
                <div>
                  <dt className="text-muted">This week</dt>
                  <dd className="font-medium text-ink tabular-nums">
                    {interviewer.weeklyCap === null ? plural(interviewer.thisWeek, "interview", "interviews") : `${interviewer.thisWeek} of ${interviewer.weeklyCap}`}
                  </dd>
                </div>
                <div>
                  <dt className="text-muted">Upcoming</dt>
                  <dd className="font-medium text-ink tabular-nums">{plural(interviewer.upcoming, "interview", "interviews")}</dd>
                </div>
                <div className="col-span-2 sm:col-span-1">
                  <dt className="text-muted">Next weeks</dt>
                  <dd className="text-ink tabular-nums">
                    {upcomingWeeks.length === 0
                      ? "—"
                      : upcomingWeeks.map(({ week, count }, index) => (
                          <span key={week.key}>
                            {index > 0 ? ", " : null}
                            <time dateTime={week.key}>{week.label}</time>: {count}
                          </span>
                        ))}
                  </dd>
                </div>
              </dl>

              {interviewer.blocks.length > 0 ? (
                <ul className="space-y-1 text-sm text-ink" aria-label={`Load cap blocks on ${interviewer.name}'s calendar`}>
                  {interviewer.blocks.map((block) => (
                    <li key={block.weekStart.toISOString()}>
                      &ldquo;{LOAD_CAP_BLOCK_TITLE}&rdquo; on their calendar{" "}
                      {block.isCurrent ? (
                        <>
                          until <LocalTime iso={block.weekEnd.toISOString()} />
                        </>
                      ) : (
                        <LocalTime iso={block.weekStart.toISOString()} endIso={block.weekEnd.toISOString()} />
                      )}
                    </li>
                  ))}
                </ul>
              ) : null}

              <div className="mt-auto">
                <WeeklyCapForm interviewerId={interviewer.id} name={interviewer.name} weeklyCap={interviewer.weeklyCap} action={action} />
              </div>
            </Card>
          </li>
        );
      })}
    </ul>
  );
}

export function InterviewerCapsSkeleton() {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {Array.from({ length: 4 }, (_, index) => (
        <div key={index} className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
          <Skeleton className="h-5 w-40" />
          <Skeleton className="h-4 w-64" />
          <Skeleton className="h-10 w-full" />
          <Skeleton className="h-10 w-48" />
        </div>
      ))}
    </div>
  );
}
