import { NylasHealthCheckAgain } from "@/components/settings/nylas-health-check-again";
import { LocalTime } from "@/components/ui/local-time";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { runNylasHealthCheck } from "@/lib/nylas/health";
import { fixLines, HEALTH_STATUS_LABELS, type HealthCheck, type HealthReport, type HealthStatus } from "@/lib/nylas/health/format";

const BADGE_VARIANTS: Record<HealthStatus, BadgeVariant> = {
  pass: "success",
  fail: "danger",
  warn: "warning",
  skip: "neutral",
};

const OVERALL_LABELS: Record<HealthReport["status"], string> = { pass: "Healthy", warn: "Needs attention", fail: "Not working" };
const OVERALL_VARIANTS: Record<HealthReport["status"], BadgeVariant> = { pass: "success", warn: "warning", fail: "danger" };

const HEADING_ID = "nylas-health-heading";

function SectionHeader({ children }: { children?: React.ReactNode }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div>
        <h2 id={HEADING_ID} className="text-lg font-semibold text-ink">
          Nylas health
        </h2>
        <p className="mt-1 text-sm text-muted">
          Whether bookings, calendars and webhooks can work: the API key, every interviewer&apos;s calendar, the webhook subscription and each published role&apos;s scheduling configuration.
        </p>
      </div>
      {children}
    </div>
  );
}

type HealthCheckItemProps = { check: HealthCheck };

function HealthCheckItem({ check }: HealthCheckItemProps) {
  const fixes = fixLines(check);
  return (
    <li className="flex flex-col gap-2 px-6 py-4 sm:flex-row sm:gap-4">
      <div className="w-24 shrink-0 pt-0.5">
        <Badge variant={BADGE_VARIANTS[check.status]}>{HEALTH_STATUS_LABELS[check.status]}</Badge>
      </div>
      <div className="min-w-0 flex-1">
        <h3 className="text-sm font-semibold text-ink">{check.title}</h3>
        <p className="mt-1 text-sm text-muted [overflow-wrap:anywhere]">{check.detail}</p>
        {fixes.length > 0 ? (
          <div className="mt-3 rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
            <p className="text-xs font-semibold uppercase tracking-wide text-muted">What to do</p>
            <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-ink [overflow-wrap:anywhere]">
              {fixes.map((fix) => (
                <li key={fix}>{fix}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </li>
  );
}

type NylasHealthReportViewProps = { report: HealthReport };

/** A health report as the settings page shows it (no I/O: the section below runs the check). */
function NylasHealthReportView({ report }: NylasHealthReportViewProps) {
  return (
    <Card>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 px-6 py-4">
        <Badge variant={OVERALL_VARIANTS[report.status]}>{OVERALL_LABELS[report.status]}</Badge>
        <p role="status" className="text-sm font-medium text-ink">
          {report.summary}
        </p>
        <p className="text-xs text-muted sm:ml-auto">
          {report.mode === "sandbox" ? "Sandbox" : "Live"} · {report.apiUri} · checked <LocalTime iso={report.checkedAt} display="time" /> in {(report.durationMs / 1000).toFixed(1)} s
        </p>
      </div>
      <ul className="divide-y divide-slate-100" aria-label="Nylas health checks">
        {report.checks.map((check) => (
          <HealthCheckItem key={check.id} check={check} />
        ))}
      </ul>
    </Card>
  );
}

/**
 * The "Nylas health" section of /settings: runs the health check (bounded by its own time limit,
 * so the page never hangs) and shows each check with a text status, what was found and what to do.
 * Wrap it in <Suspense fallback={<NylasHealthSkeleton />}> so the rest of the page does not wait.
 */
export async function NylasHealthSection() {
  const report = await runNylasHealthCheck();
  return (
    <section aria-labelledby={HEADING_ID} className="space-y-4">
      <SectionHeader>
        <NylasHealthCheckAgain />
      </SectionHeader>
      <NylasHealthReportView report={report} />
    </section>
  );
}

/** Suspense fallback for NylasHealthSection: the same heading, placeholder rows. */
export function NylasHealthSkeleton() {
  return (
    <section aria-labelledby={HEADING_ID} aria-busy="true" className="space-y-4">
      <SectionHeader />
      <Card>
        <span className="sr-only" role="status">
          Checking Nylas…
        </span>
        <div className="flex items-center gap-3 border-b border-slate-200 px-6 py-4">
          <Skeleton className="h-5 w-20 rounded-full" />
          <Skeleton className="h-4 w-40" />
        </div>
        <ul className="divide-y divide-slate-100" aria-hidden="true">
          {[0, 1, 2, 3].map((n) => (
            <li key={n} className="flex gap-4 px-6 py-4">
              <Skeleton className="h-5 w-16 shrink-0 rounded-full" />
              <div className="flex-1 space-y-2">
                <Skeleton className="h-4 w-48" />
                <Skeleton className="h-4 w-full max-w-xl" />
              </div>
            </li>
          ))}
        </ul>
      </Card>
    </section>
  );
}
