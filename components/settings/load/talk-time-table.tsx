import { formatShare } from "@/components/debrief/talk-time-chart";
import { DataTable, DataTableSkeleton, type DataTableColumn } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { InterviewerTalkTime } from "@/lib/load/talk-time";
import { formatTimestamp } from "@/lib/media/format";

export type TalkTimeTableProps = {
  rows: readonly InterviewerTalkTime[];
  days: number;
};

const COLUMNS: DataTableColumn<InterviewerTalkTime>[] = [
  { id: "interviewer", header: "Interviewer", isRowHeader: true, className: "font-medium whitespace-nowrap text-ink", cell: (row) => row.name },
  { id: "interviews", header: "Interviews", align: "end", className: "tabular-nums", cell: (row) => row.interviews },
  { id: "share", header: "Interviewer's share", align: "end", className: "tabular-nums", cell: (row) => (row.interviewerShare === null ? "—" : formatShare(row.interviewerShare)) },
  { id: "questions", header: "Questions asked", align: "end", className: "tabular-nums", cell: (row) => (Math.round(row.questionsAsked * 10) / 10).toLocaleString("en-US") },
  { id: "monologue", header: "Longest monologue", align: "end", className: "tabular-nums", cell: (row) => (row.longestMonologueMs === null ? "—" : formatTimestamp(row.longestMonologueMs)) },
];

/** Talk time per interviewer, averaged over their recent completed interviews (lib/load/talk-time.ts), for coaching. */
export function TalkTimeTable({ rows, days }: TalkTimeTableProps) {
  return (
    <DataTable
      rows={rows}
      columns={COLUMNS}
      getRowKey={(row) => row.interviewerId}
      density="compact"
      isCaptionVisible
      caption={
        <>
          Talk time per interviewer
          <span className="block font-normal text-muted">Averages per interview over completed interviews of the last {days} days with a transcript, by interviewer name.</span>
        </>
      }
      empty={<EmptyState title="No talk time yet.">It appears once completed interviews of the last {days} days have their transcripts stored.</EmptyState>}
    />
  );
}

export function TalkTimeTableSkeleton() {
  return <DataTableSkeleton rows={3} cells={["w-32", "w-10", "w-12", "w-12", "w-12"]} />;
}
