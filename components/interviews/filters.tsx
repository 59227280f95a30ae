import Form from "next/form";
import Link from "next/link";
import { INTERVIEW_STATUS_LABELS } from "@/components/interviews/status-badge";
import { TimeZoneInput } from "@/components/interviews/time-zone";
import { Button, buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/form-controls";
import { Input } from "@/components/ui/input";
import type { InterviewFilterOptions } from "@/lib/interviews/queries";
import { PATHS } from "@/lib/routes";
import { APPLICATION_STAGES, STAGE_LABELS } from "@/lib/feedback/decision";
import { FEEDBACK_FILTERS, INTERVIEW_STATUSES, type TFeedbackFilter, type TInterviewFilters } from "@/lib/validations/interviews";

/** "Due" takes in overdue interviews too, and says so; "Overdue" says after how long. */
const feedbackFilterLabel = (value: TFeedbackFilter, dueHours: number) => (value === "DUE" ? "Due (overdue included)" : `Overdue (ended over ${dueHours} h ago)`);

export type InterviewFiltersProps = {
  filters: TInterviewFilters;
  options: InterviewFilterOptions;
  /** false for interviewers, who only ever see their own interviews. */
  showInterviewerFilter?: boolean;
  /** FEEDBACK_DUE_HOURS, said beside the Feedback filter. */
  feedbackDueHours: number;
};

/** The filter fields' ids: interview-filter-q, interview-filter-role… */
const FORM_ID = "interview-filter";

/**
 * The filter bar: a GET form (next/form: client-side navigation, a plain submit without
 * JavaScript) that starts again at page 1. Submitting also sends the browser's timezone (`tz`), in
 * which the server reads the "From" and "To" days. No auto-submit on change: choosing an option
 * should not move the page under the user.
 */
export function InterviewFilters({ filters, options, showInterviewerFilter = true, feedbackDueHours }: InterviewFiltersProps) {
  // A filtered-on id that is no longer an option (deleted role) still shows as selected.
  const roles = filters.roleId && !options.roles.some((r) => r.id === filters.roleId) ? [...options.roles, { id: filters.roleId, title: "Unknown role" }] : options.roles;
  const interviewers =
    filters.interviewerId && !options.interviewers.some((i) => i.id === filters.interviewerId)
      ? [...options.interviewers, { id: filters.interviewerId, name: "Unknown interviewer" }]
      : options.interviewers;

  return (
    <Form action={PATHS.dashboard} aria-label="Filter interviews" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <Field formId={FORM_ID} path="q" label="Said in the interview" hint="Searches every transcript, most relevant first; quotes find a phrase, a minus sign leaves a word out." className="mb-4">
        {(control) => <Input {...control} name="q" type="search" defaultValue={filters.q ?? ""} maxLength={200} placeholder='Words from the transcripts, e.g. idempotency or "second region"' />}
      </Field>
      <div className="grid grid-cols-2 gap-x-3 gap-y-4 sm:grid-cols-3 sm:gap-x-4 lg:grid-cols-4">
        <Field formId={FORM_ID} path="role" label="Role" className="col-span-2 sm:col-span-1">
          {(control) => (
            <Select {...control} name="role" defaultValue={filters.roleId ?? ""}>
              <option value="">All roles</option>
              {roles.map((role) => (
                <option key={role.id} value={role.id}>
                  {role.title}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {showInterviewerFilter ? (
          <Field formId={FORM_ID} path="interviewer" label="Interviewer" className="col-span-2 sm:col-span-1">
            {(control) => (
              <Select {...control} name="interviewer" defaultValue={filters.interviewerId ?? ""}>
                <option value="">All interviewers</option>
                {interviewers.map((interviewer) => (
                  <option key={interviewer.id} value={interviewer.id}>
                    {interviewer.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        ) : null}
        <Field formId={FORM_ID} path="status" label="Status" className="col-span-2 sm:col-span-1">
          {(control) => (
            <Select {...control} name="status" defaultValue={filters.status.toLowerCase()}>
              <option value="all">All</option>
              {INTERVIEW_STATUSES.map((status) => (
                <option key={status} value={status.toLowerCase()}>
                  {INTERVIEW_STATUS_LABELS[status]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field formId={FORM_ID} path="stage" label="Stage" className="col-span-2 sm:col-span-1">
          {(control) => (
            <Select {...control} name="stage" defaultValue={filters.stage?.toLowerCase() ?? ""}>
              <option value="">All stages</option>
              {APPLICATION_STAGES.map((stage) => (
                <option key={stage} value={stage.toLowerCase()}>
                  {STAGE_LABELS[stage]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field formId={FORM_ID} path="feedback" label="Feedback" className="col-span-2 sm:col-span-1">
          {(control) => (
            <Select {...control} name="feedback" defaultValue={filters.feedback?.toLowerCase() ?? ""}>
              <option value="">Any</option>
              {FEEDBACK_FILTERS.map((value) => (
                <option key={value} value={value.toLowerCase()}>
                  {feedbackFilterLabel(value, feedbackDueHours)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field formId={FORM_ID} path="from" label="From">
          {(control) => <Input {...control} name="from" type="date" defaultValue={filters.from ?? ""} />}
        </Field>
        <Field formId={FORM_ID} path="to" label="To">
          {(control) => <Input {...control} name="to" type="date" defaultValue={filters.to ?? ""} />}
        </Field>
        <div className="col-span-2 flex items-end gap-2 sm:col-span-1">
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
