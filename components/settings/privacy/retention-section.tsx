import Link from "next/link";
import type { ReactNode } from "react";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { textLinkClasses } from "@/components/ui/text-link";
import { DELETION_KIND_LABELS, describeDeletionCause, describeDeletionCounts, RETENTION_RULE_LABELS } from "@/lib/privacy/deletion-labels";
import type { TRetentionSettingsState } from "@/lib/privacy/retention-form";
import type { DeletionLogRow, RetentionPreview, RetentionPreviewCandidate, RetentionPreviewInterview } from "@/lib/privacy/retention-run";
import type { PrivacySettingsView } from "@/lib/privacy/settings";
import { candidatePath, interviewPath } from "@/lib/routes";
import { RetentionForm } from "./retention-form";

export type RetentionSectionProps = {
  settings: Pick<PrivacySettingsView, "rules" | "deleteNylasCopyWhenStored" | "lastRetentionRunAt">;
  /**
   * What the next run will delete: <RetentionPreviewList>, loaded in a Suspense boundary of its own
   * (with a large backlog the walk takes seconds; the rest of the page does not wait for it).
   */
  preview: ReactNode;
  log: readonly DeletionLogRow[];
  /** saveRetentionRulesAction (app/settings/privacy/retention-actions.ts). */
  save: (input: unknown) => Promise<TRetentionSettingsState>;
};

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** The candidate, linked to their page: what a screen reader announces with each cell of the row. */
function candidateColumn<Row extends { candidateId: string; candidateName: string }>(): DataTableColumn<Row> {
  return {
    id: "candidate",
    header: "Candidate",
    isRowHeader: true,
    cell: (row) => (
      <Link href={candidatePath(row.candidateId)} className={textLinkClasses()}>
        {row.candidateName}
      </Link>
    ),
  };
}

/** A preview table's caption, saying when the list is cut short. */
function previewCaption(title: string, listed: number, total: number) {
  return (
    <>
      {title}
      {listed < total ? (
        <span className="block font-normal text-muted">
          The first {listed} of {total}.
        </span>
      ) : null}
    </>
  );
}

const PREVIEW_COLUMNS: DataTableColumn<RetentionPreviewInterview>[] = [
  candidateColumn(),
  {
    id: "interview",
    header: "Interview",
    cell: (row) => (
      <Link href={interviewPath(row.interviewId)} className={textLinkClasses()}>
        {row.roleTitle || "Interview"}
        {row.startsAt ? (
          <>
            {", "}
            <LocalTime iso={row.startsAt.toISOString()} display="date" />
          </>
        ) : null}
      </Link>
    ),
  },
  { id: "rule", header: "Rule", cell: (row) => RETENTION_RULE_LABELS[row.rule] },
  { id: "recordings", header: "Recordings", align: "end", className: "tabular-nums", cell: (row) => row.recordings },
  { id: "transcripts", header: "Transcripts", align: "end", className: "tabular-nums", cell: (row) => row.transcripts },
];

const ANONYMIZE_COLUMNS: DataTableColumn<RetentionPreviewCandidate>[] = [
  candidateColumn(),
  { id: "rule", header: "Rule", cell: (row) => RETENTION_RULE_LABELS[row.rule] },
  { id: "applications", header: "Applications", align: "end", className: "tabular-nums", cell: (row) => row.applications },
];

const LOG_COLUMNS: DataTableColumn<DeletionLogRow>[] = [
  { id: "when", header: "When", isRowHeader: true, className: "whitespace-nowrap", cell: (row) => <LocalTime iso={row.createdAt.toISOString()} /> },
  { id: "what", header: "What", cell: (row) => `${DELETION_KIND_LABELS[row.kind] ?? row.kind} (${row.subjectType})` },
  { id: "cause", header: "Rule or person", cell: (row) => describeDeletionCause(row.rule, row.actorEmail) },
  { id: "counts", header: "Deleted", cell: (row) => describeDeletionCounts(row.counts) },
];

/**
 * /settings/privacy's retention part: the rules form, what the next run will delete (the same
 * query the run uses, at the run's time) and the deletion log (counts only, no personal data).
 */
export function RetentionSection({ settings, preview, log, save }: RetentionSectionProps) {
  return (
    <div className="space-y-8">
      <section aria-labelledby="retention-rules-heading" className="space-y-4">
        <div>
          <h2 id="retention-rules-heading" className="text-lg font-semibold text-ink">
            Retention rules
          </h2>
          <p className="mt-1 max-w-3xl text-sm text-muted">
            A daily run deletes recordings, transcripts, summaries and evidence of applications past these limits — our files, and Nylas&apos;s copy — and anonymises rejected candidates.
            {settings.lastRetentionRunAt ? (
              <>
                {" "}
                Last run: <LocalTime iso={settings.lastRetentionRunAt.toISOString()} />.
              </>
            ) : (
              " It has not run yet."
            )}
          </p>
        </div>
        <RetentionForm rules={settings.rules} deleteNylasCopyWhenStored={settings.deleteNylasCopyWhenStored} save={save} />
      </section>

      {preview}

      <section aria-labelledby="deletion-log-heading" className="space-y-4">
        <h2 id="deletion-log-heading" className="text-lg font-semibold text-ink">
          Deletion log
        </h2>
        <DataTable
          rows={log}
          columns={LOG_COLUMNS}
          getRowKey={(row) => row.id}
          layout="stack"
          caption="Deletions, newest first: what, by which rule or person, and how much. The deleted data itself is not kept."
          empty={<EmptyState title="Nothing deleted yet.">Each deletion by a rule or an admin appears here, with counts only.</EmptyState>}
        />
      </section>
    </div>
  );
}

/** What the next run will delete (lib/privacy/retention-run.ts previewRetention: the run's own walk). */
export function RetentionPreviewList({ preview }: { preview: RetentionPreview }) {
  const { totals } = preview;
  const isEmpty = totals.interviews === 0 && totals.candidates === 0;
  return (
    <section aria-labelledby="retention-preview-heading" className="space-y-4">
      <div>
        <h2 id="retention-preview-heading" className="text-lg font-semibold text-ink">
          The next run (<LocalTime iso={preview.runAt.toISOString()} />) will delete
        </h2>
        {!isEmpty ? (
          <p className="mt-1 text-sm text-muted">
            {plural(totals.interviews, "interview's media", "interviews' media")} ({plural(totals.recordings, "recording", "recordings")}, {plural(totals.transcripts, "transcript", "transcripts")})
            and {plural(totals.candidates, "anonymisation", "anonymisations")}.
          </p>
        ) : null}
      </div>
      {isEmpty ? (
        <EmptyState title="Nothing to delete.">Under the saved rules the next run deletes nothing. Rules that are off never delete anything.</EmptyState>
      ) : (
        <>
          {preview.interviews.length > 0 ? (
            <DataTable
              rows={preview.interviews}
              columns={PREVIEW_COLUMNS}
              getRowKey={(row) => row.interviewId}
              layout="stack"
              isCaptionVisible
              caption={previewCaption("Recordings and transcripts", preview.interviews.length, totals.interviews)}
            />
          ) : null}
          {preview.candidates.length > 0 ? (
            <DataTable
              rows={preview.candidates}
              columns={ANONYMIZE_COLUMNS}
              getRowKey={(row) => row.candidateId}
              layout="stack"
              isCaptionVisible
              caption={previewCaption("Anonymisations", preview.candidates.length, totals.candidates)}
            />
          ) : null}
        </>
      )}
    </section>
  );
}

/** While the preview is worked out: the section's heading, a status for screen readers, and a placeholder. */
export function RetentionPreviewLoading() {
  return (
    <section aria-labelledby="retention-preview-heading" aria-busy="true" className="space-y-4">
      <h2 id="retention-preview-heading" className="text-lg font-semibold text-ink">
        The next run will delete
      </h2>
      <p role="status" className="flex items-center gap-2 text-sm text-muted">
        <Spinner /> Working out what the next run deletes…
      </p>
      <Skeleton className="h-24 w-full" />
    </section>
  );
}
