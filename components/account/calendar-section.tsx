import { ConnectCalendarForm } from "@/components/account/connect-calendar-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { describeCalendarResult, providerLabel, type CalendarConnectionView, type CalendarResult } from "@/lib/calendar/connect-rules";
import { PATHS } from "@/lib/routes";
import { CALENDAR_STATUS_LABELS } from "@/lib/team/rules";

export type CalendarSectionProps = {
  connection: CalendarConnectionView;
  /** The signed-in user's email: the calendar must be this account's. */
  email: string;
  /** False in live mode without NYLAS_CLIENT_ID: the section says what to configure instead of offering a dead button. */
  isConfigured: boolean;
  /** The outcome of the attempt that just came back (/account?calendar=…), if any. */
  result: CalendarResult | null;
};

/** /account, "Calendar": connect (or reconnect) the calendar interviews are booked into, through Nylas Hosted OAuth. */
export function CalendarSection({ connection, email, isConfigured, result }: CalendarSectionProps) {
  const outcome = result ? describeCalendarResult(result, email) : null;
  return (
    <section id="calendar" aria-labelledby="calendar-heading" className="max-w-3xl space-y-3">
      <h2 id="calendar-heading" className="text-lg font-semibold text-ink">
        Calendar
      </h2>
      {outcome ? <Alert variant={outcome.tone}>{outcome.text}</Alert> : null}
      <div className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        {connection.status === "none" ? (
          <p className="text-sm text-slate-700">
            No calendar is connected. Interviews are booked into your calendar and your free time comes from it: connect the Google or Microsoft calendar of {email} to be bookable.
          </p>
        ) : (
          <div className="space-y-1 text-sm text-slate-700">
            <p className="flex flex-wrap items-center gap-2">
              {connection.status === "valid" ? <Badge variant="success">{CALENDAR_STATUS_LABELS.connected}</Badge> : <Badge variant="warning">{CALENDAR_STATUS_LABELS.needs_reconnecting}</Badge>}
              <span>
                {connection.email} · {providerLabel(connection.provider)}
              </span>
            </p>
            <p>
              Connected <LocalTime iso={connection.connectedAt.toISOString()} />.
              {connection.status === "invalid" ? " The connection expired or was revoked: candidates cannot book you until you reconnect." : null}
            </p>
          </div>
        )}
        {!isConfigured ? (
          <Alert variant="warning" title="Calendar connection is not set up">
            An administrator must set <code>NYLAS_CLIENT_ID</code> (the Nylas application&apos;s client id, Nylas Dashboard → App settings) and register <code>APP_URL/account/calendar/callback</code>{" "}
            as a callback URI in the Nylas Dashboard (Hosted authentication), then restart the portal.
          </Alert>
        ) : connection.status === "none" ? (
          <ConnectCalendarForm action={PATHS.accountCalendarConnect} label="Connect calendar" />
        ) : connection.status === "invalid" ? (
          <ConnectCalendarForm action={PATHS.accountCalendarConnect} label="Reconnect" />
        ) : null}
      </div>
    </section>
  );
}
