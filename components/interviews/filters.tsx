import Form from "next/form";
import Link from "next/link";
import { INTERVIEW_STATUS_LABELS } from "@/components/interviews/status-badge";
import { TimeZoneInput } from "@/components/interviews/time-zone";
import { Button, buttonClasses } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { InterviewFilterOptions } from "@/lib/interviews/queries";
import { PATHS } from "@/lib/routes";
import { INTERVIEW_STATUSES, type TInterviewFilters } from "@/lib/validations/interviews";

export type InterviewFiltersProps = {
  filters: TInterviewFilters;
  options: InterviewFilterOptions;
  /** false for interviewers, who only ever see their own interviews. */
  showInterviewerFilter?: boolean;
};

const selectClass =
  "mt-1.5 block h-10 w-full rounded-md border border-slate-300 bg-white px-2 text-sm text-ink shadow-sm " +
  "focus-visible:border-brand-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-600";

/**
 * The filter bar: a GET form (next/form: client-side navigation, a plain submit without
 * JavaScript) that starts again at page 1. Submitting also sends the browser's timezone (`tz`), in
 * which the server reads the "From" and "To" days. No auto-submit on change: choosing an option
 * should not move the page under the user.
 */
export function InterviewFilters({ filters, options, showInterviewerFilter = true }: InterviewFiltersProps) {
  // A filtered-on id that is no longer an option (deleted role) still shows as selected.
  const roles = filters.roleId && !options.roles.some((r) => r.id === filters.roleId) ? [...options.roles, { id: filters.roleId, title: "Unknown role" }] : options.roles;
  const interviewers =
    filters.interviewerId && !options.interviewers.some((i) => i.id === filters.interviewerId)
      ? [...options.interviewers, { id: filters.interviewerId, name: "Unknown interviewer" }]
      : options.interviewers;

  return (
    <Form action={PATHS.dashboard} aria-label="Filter interviews" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div className="mb-4">
        <Label htmlFor="interview-filter-q">Said in the interview</Label>
        <Input
          id="interview-filter-q"
          name="q"
          type="search"
          defaultValue={filters.q ?? ""}
          maxLength={200}
          placeholder='Words from the transcripts, e.g. idempotency or "second region"'
          aria-describedby="interview-filter-q-help"
          className="mt-1.5"
        />
        <p id="interview-filter-q-help" className="mt-1 text-xs text-muted">
          Searches every transcript; quotes find a phrase, a minus sign leaves a word out.
        </p>
      </div>
      <div className="grid grid-cols-2 gap-x-3 gap-y-4 sm:gap-x-4 lg:grid-cols-[repeat(5,minmax(0,1fr))_auto]">
        <div className="col-span-2 sm:col-span-1">
          <Label htmlFor="interview-filter-role">Role</Label>
          <select id="interview-filter-role" name="role" defaultValue={filters.roleId ?? ""} className={selectClass}>
            <option value="">All roles</option>
            {roles.map((role) => (
              <option key={role.id} value={role.id}>
                {role.title}
              </option>
            ))}
          </select>
        </div>
        {showInterviewerFilter ? (
          <div className="col-span-2 sm:col-span-1">
            <Label htmlFor="interview-filter-interviewer">Interviewer</Label>
            <select id="interview-filter-interviewer" name="interviewer" defaultValue={filters.interviewerId ?? ""} className={selectClass}>
              <option value="">All interviewers</option>
              {interviewers.map((interviewer) => (
                <option key={interviewer.id} value={interviewer.id}>
                  {interviewer.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="col-span-2 sm:col-span-1">
          <Label htmlFor="interview-filter-status">Status</Label>
          <select id="interview-filter-status" name="status" defaultValue={filters.status.toLowerCase()} className={selectClass}>
            <option value="all">All</option>
            {INTERVIEW_STATUSES.map((status) => (
              <option key={status} value={status.toLowerCase()}>
                {INTERVIEW_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <Label htmlFor="interview-filter-from">From</Label>
          <Input id="interview-filter-from" name="from" type="date" defaultValue={filters.from ?? ""} className="mt-1.5" />
        </div>
        <div>
          <Label htmlFor="interview-filter-to">To</Label>
          <Input id="interview-filter-to" name="to" type="date" defaultValue={filters.to ?? ""} className="mt-1.5" />
        </div>
        <div className="col-span-2 flex items-end gap-2 lg:col-span-1">
          <TimeZoneInput />
          <Button type="submit">Apply</Button>
          <Link href={PATHS.dashboard} className={buttonClasses({ variant: "ghost" })}>
            Reset
          </Link>
        </div>
      </div>
    </Form>
  );
}
