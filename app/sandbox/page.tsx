import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/app-shell/page-header";
import { AutoRefresh } from "@/components/interviews/auto-refresh";
import { LocalTime } from "@/components/ui/local-time";
import { CalendarConnectionForm } from "@/components/sandbox/calendar-connection-form";
import { ConnectCalendarForm } from "@/components/sandbox/connect-calendar-form";
import { Outbox } from "@/components/sandbox/outbox";
import { RunNotetakerButtons } from "@/components/sandbox/run-notetaker-buttons";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { textLinkClasses } from "@/components/ui/text-link";
import { requireAdmin } from "@/lib/auth";
import { buildSandboxHref, interviewPath, PATHS } from "@/lib/routes";
import { describeNotetakerReason, describeNotetakerState } from "@/lib/notetaker/status";
import { CONSOLE_PAGE_SIZE, listConsoleCalendars, listConsoleMessages, listConsoleNotetakers, type ConsoleCalendar } from "@/lib/sandbox";
import { runNotetakerAction, updateCalendarConnectionAction } from "./actions";

export const metadata: Metadata = { title: "Calendars, Notetakers and Outbox" };

export type SandboxPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const GRANT_BADGES: Record<ConsoleCalendar["grantStatus"], { label: string; tone: "success" | "warning" | "neutral" }> = {
  valid: { label: "Connected (valid grant)", tone: "success" },
  invalid: { label: "Expired (invalid grant)", tone: "warning" },
  none: { label: "Not connected (no grant)", tone: "neutral" },
};

/**
 * /sandbox — the sandbox's calendars ("Connect calendar", "Mark invalid", "Disconnect"), every
 * simulated Notetaker, its interview, state and history, with "Run interview now" and "Fail entry",
 * and the Outbox: the emails the portal sent (?page= pages the Notetakers, ?outbox= the Outbox).
 */
export default async function SandboxPage({ searchParams }: SandboxPageProps) {
  await requireAdmin();
  const params = await searchParams;
  const pageOf = (raw: string | string[] | undefined) => Number(Array.isArray(raw) ? raw[0] : raw) || 1;
  const page = pageOf(params.page);
  const [calendars, list, outbox] = await Promise.all([listConsoleCalendars(), listConsoleNotetakers(page), listConsoleMessages(pageOf(params.outbox))]);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Sandbox console"
        description={
          <>
            The built-in Nylas sandbox: the interviewers&apos; calendars, the Notetakers and the emails sent. Each Notetaker follows the real clock (it joins at the interview&apos;s start and its
            media is ready about a minute after the end); run one now to get the recording, transcript, summary and action items at once.
          </>
        }
        actions={<AutoRefresh intervalMs={5_000} />}
      />

      <section aria-labelledby="sandbox-calendars" className="space-y-3">
        <div className="space-y-1">
          <h2 id="sandbox-calendars" className="text-lg font-semibold text-ink">
            Calendars
          </h2>
          <p className="text-sm text-muted">
            &ldquo;Connect calendar&rdquo; does what connecting through Nylas&apos;s hosted auth would: a valid grant with a primary calendar. &ldquo;Mark invalid&rdquo; expires the grant: the
            interviewer gets no free slots, and configurations naming them are refused until it is connected again. &ldquo;Disconnect&rdquo; deletes the grant with its calendar and events.
          </p>
        </div>
        <ConnectCalendarForm action={updateCalendarConnectionAction} />
        {calendars.length === 0 ? (
          <EmptyState title="No calendars yet.">Add interviewers to a panel, or connect a calendar above.</EmptyState>
        ) : (
          <ul aria-label="Calendars" className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm">
            {calendars.map((c) => {
              const badge = GRANT_BADGES[c.grantStatus];
              return (
                <li key={c.email} aria-label={c.name} className="flex flex-wrap items-start justify-between gap-4 p-4 sm:px-5">
                  <div className="min-w-0 space-y-1">
                    <h3 className="text-base font-semibold text-ink [overflow-wrap:anywhere]">{c.name}</h3>
                    <p className="text-sm text-muted">
                      <span className="break-all">{c.email}</span> · {c.timezone}
                      {c.isInterviewer ? null : " · not an interviewer"}
                    </p>
                    <p>
                      <Badge variant={badge.tone}>{badge.label}</Badge>
                    </p>
                  </div>
                  <CalendarConnectionForm email={c.email} name={c.name} grantStatus={c.grantStatus} action={updateCalendarConnectionAction} />
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <h2 className="text-lg font-semibold text-ink">Notetakers</h2>

      {list.rows.length === 0 ? (
        <EmptyState label="Notetakers" title="No Notetakers yet." action={{ href: PATHS.careers, label: "Book an interview on the careers page", variant: "link" }}>
          Every booking on a panel with conferencing gets one.
        </EmptyState>
      ) : (
        <section aria-label="Notetakers" className="space-y-4">
          <ul className="space-y-4">
            {list.rows.map((n) => {
              const state = n.isDeleted ? { label: "Deleted (booking cancelled)", tone: "neutral" as const } : describeNotetakerState(n.state);
              const subject = n.booking ? `Interview with ${n.booking.guestName}` : `Notetaker ${n.id}`;
              return (
                <li key={n.id} aria-label={subject} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
                  <div className="flex flex-wrap items-start justify-between gap-4">
                    <div className="min-w-0 space-y-1">
                      <h3 className="text-base font-semibold text-ink [overflow-wrap:anywhere]">{subject}</h3>
                      <p className="text-sm text-muted">
                        {n.booking ? (
                          <span className="break-all">
                            {n.booking.guestEmail} · host {n.booking.hostEmail} ·{" "}
                          </span>
                        ) : null}
                        joins <LocalTime iso={n.joinTime.toISOString()} endIso={n.leaveTime.toISOString()} />
                      </p>
                      <p className="flex flex-wrap items-center gap-2 text-sm">
                        <Badge variant={state.tone}>{state.label}</Badge>
                        {n.meetingState && n.meetingState !== n.state ? <span className="text-muted">{describeNotetakerReason(n.meetingState)}</span> : null}
                        <span className="text-xs text-muted">
                          <code className="rounded bg-slate-100 px-1">{n.id}</code> · sample {n.sampleId}
                        </span>
                      </p>
                      {n.nextStepAt && !n.isDeleted ? (
                        <p className="text-xs text-muted">
                          {n.state === "available" ? "Media deleted (retention ends)" : "Next step"} <LocalTime iso={n.nextStepAt.toISOString()} />
                        </p>
                      ) : null}
                      {n.interviewId ? (
                        <p className="text-sm">
                          <Link href={interviewPath(n.interviewId)} className={textLinkClasses()}>
                            Open the interview<span className="sr-only"> with {n.booking?.guestName ?? "this candidate"}</span>
                          </Link>
                        </p>
                      ) : null}
                    </div>
                    <RunNotetakerButtons
                      notetakerId={n.id}
                      subject={subject}
                      action={runNotetakerAction}
                      disabledReason={n.canRun ? null : n.isDeleted ? "Its booking was cancelled." : "It has run."}
                    />
                  </div>
                  <details className="mt-3 text-sm">
                    <summary className="cursor-pointer rounded-sm font-medium text-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600">
                      History ({n.history.length})
                    </summary>
                    <ol className="mt-2 space-y-1 border-l border-slate-200 pl-4">
                      {n.history.map((h) => (
                        <li key={h.id} className="flex flex-col gap-x-3 sm:flex-row sm:items-baseline">
                          <span className="shrink-0 text-xs text-muted sm:w-44">
                            <LocalTime iso={h.at.toISOString()} />
                          </span>
                          <span className="text-ink">
                            <code className="text-xs">{h.eventType}</code> {h.state}
                            {h.meetingState ? <span className="text-muted"> ({h.meetingState})</span> : null}
                          </span>
                        </li>
                      ))}
                    </ol>
                  </details>
                </li>
              );
            })}
          </ul>
          <Pagination
            noun={["notetaker", "notetakers"]}
            label="Notetaker pages"
            hrefForPage={(page) => buildSandboxHref({ page, outboxPage: outbox.page })}
            page={list.page}
            pageCount={list.pageCount}
            pageSize={CONSOLE_PAGE_SIZE}
            total={list.total}
            shown={list.rows.length}
          />
        </section>
      )}

      <Outbox
        messages={outbox.rows}
        page={outbox.page}
        pageCount={outbox.pageCount}
        pageSize={CONSOLE_PAGE_SIZE}
        total={outbox.total}
        hrefForPage={(outboxPage) => buildSandboxHref({ page: list.page, outboxPage, section: "outbox" })}
      />
    </div>
  );
}
