import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { Pagination } from "@/components/ui/pagination";
import type { ConsoleMessage } from "@/lib/sandbox";

export type OutboxProps = {
  messages: readonly ConsoleMessage[];
  page: number;
  pageCount: number;
  pageSize: number;
  total: number;
  hrefForPage: (page: number) => string;
};

type Person = ConsoleMessage["to"][number];
const formatPerson = (p: Person) => (p.name ? `${p.name} <${p.email}>` : p.email);
const formatPeople = (people: readonly Person[]) => people.map(formatPerson).join(", ");

/**
 * The sandbox console's Outbox: every email sent through the sandbox's messages/send, newest first,
 * with its recipients, subject, time and body. The body is the message's HTML read as plain text
 * (lib/sandbox htmlToText) and rendered as text: an email's markup never reaches this page.
 */
export function Outbox({ messages, page, pageCount, pageSize, total, hrefForPage }: OutboxProps) {
  return (
    <section id="outbox" aria-labelledby="sandbox-outbox" className="scroll-mt-6 space-y-3">
      <div className="space-y-1">
        <h2 id="sandbox-outbox" className="text-lg font-semibold text-ink">
          Outbox
        </h2>
        <p className="text-sm text-muted">
          Every email the portal sent through Nylas&apos;s messages/send, newest first: the recap when a debrief is ready and the feedback reminders. In the sandbox nothing leaves this machine; each
          body is shown as plain text, with each link&apos;s address after it.
        </p>
      </div>
      {messages.length === 0 ? (
        <EmptyState label="Outbox" title="No emails sent yet.">
          When an interview&apos;s debrief is ready, its recap goes to the interviewer and the recruiters: run an interview above, and it appears here within seconds.
        </EmptyState>
      ) : (
        <>
          <ul aria-label="Sent emails" className="space-y-4">
            {messages.map((m) => {
              const subject = m.subject || "(no subject)";
              return (
                <li key={m.id} aria-label={`${subject}, to ${formatPeople(m.to)}`} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
                  <h3 className="text-base font-semibold text-ink [overflow-wrap:anywhere]">{subject}</h3>
                  <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                    <dt className="text-muted">To</dt>
                    <dd className="[overflow-wrap:anywhere] text-ink">{formatPeople(m.to)}</dd>
                    {m.cc.length > 0 ? (
                      <>
                        <dt className="text-muted">Cc</dt>
                        <dd className="[overflow-wrap:anywhere] text-ink">{formatPeople(m.cc)}</dd>
                      </>
                    ) : null}
                    {m.bcc.length > 0 ? (
                      <>
                        <dt className="text-muted">Bcc</dt>
                        <dd className="[overflow-wrap:anywhere] text-ink">{formatPeople(m.bcc)}</dd>
                      </>
                    ) : null}
                    <dt className="text-muted">From</dt>
                    <dd className="[overflow-wrap:anywhere] text-ink">{formatPeople(m.from)}</dd>
                    <dt className="text-muted">Sent</dt>
                    <dd className="text-ink">
                      <LocalTime iso={m.date.toISOString()} display="precise" />
                    </dd>
                  </dl>
                  <div className="mt-3 rounded-lg bg-slate-50 p-3 text-sm whitespace-pre-wrap text-ink [overflow-wrap:anywhere]">{m.text || "(empty message)"}</div>
                </li>
              );
            })}
          </ul>
          <Pagination label="Outbox pages" noun={["email", "emails"]} hrefForPage={hrefForPage} page={page} pageCount={pageCount} pageSize={pageSize} total={total} shown={messages.length} />
        </>
      )}
    </section>
  );
}
