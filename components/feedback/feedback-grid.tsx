import { RatingBadge } from "@/components/feedback/badges";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import type { FeedbackGrid as TFeedbackGrid, GridCell, GridColumn, GridRow } from "@/lib/feedback/grid";

export type FeedbackGridProps = { grid: TFeedbackGrid; roleTitle: string };

/** The grid's rows: one per competency, then the overall recommendations. */
type Line = { kind: "competency"; row: GridRow } | { kind: "overall" };

const evidenceText = (count: number) => (count === 1 ? "1 piece of evidence" : `${count} pieces of evidence`);

function Cell({ cell }: { cell: GridCell | null }) {
  if (!cell) {
    return (
      <span className="text-muted">
        <span aria-hidden="true">—</span>
        <span className="sr-only">Not on this interview&apos;s scorecard</span>
      </span>
    );
  }
  return (
    <span className="flex flex-col items-start gap-1">
      {cell.rating ? <RatingBadge rating={cell.rating} /> : <span className="text-muted">Not rated</span>}
      <span className={cell.evidenceCount === 0 ? "text-xs text-muted" : "text-xs text-ink"}>{evidenceText(cell.evidenceCount)}</span>
    </span>
  );
}

function columnFor(column: GridColumn, index: number): DataTableColumn<Line> {
  return {
    id: column.feedbackId,
    header: column.label,
    headerClassName: "normal-case tracking-normal",
    cell: (line) =>
      line.kind === "overall" ? column.recommendation ? <RatingBadge rating={column.recommendation} /> : <span className="text-muted">None given</span> : <Cell cell={line.row.cells[index] ?? null} />,
  };
}

/**
 * Competencies × interviewers: each rating with the evidence behind it (found in the interview plus
 * the moments the interviewer cited), and each interviewer's overall recommendation as the last row.
 */
export function FeedbackGrid({ grid, roleTitle }: FeedbackGridProps) {
  const lines: Line[] = [...grid.rows.map((row): Line => ({ kind: "competency", row })), { kind: "overall" }];
  const columns: DataTableColumn<Line>[] = [
    {
      id: "competency",
      header: "Competency",
      isRowHeader: true,
      className: "font-medium text-ink min-w-40",
      cell: (line) => (line.kind === "overall" ? "Overall recommendation" : line.row.name),
    },
    ...grid.columns.map(columnFor),
  ];
  return (
    <DataTable
      rows={lines}
      columns={columns}
      getRowKey={(line) => (line.kind === "overall" ? "overall" : line.row.key)}
      caption={`Ratings for ${roleTitle} by competency (rows) and interviewer (columns), with the evidence behind each rating`}
      density="compact"
    />
  );
}
