import { Fragment, useId, type ReactNode } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/utils";

export type DataTableColumn<Row> = {
  /** Stable and unique among the columns (React key). */
  id: string;
  header: ReactNode;
  /** The header is for screen readers only (an "Actions" column). */
  isHeaderHidden?: boolean;
  cell: (row: Row) => ReactNode;
  /**
   * The cell names its row (<th scope="row">): what a screen reader announces with every other
   * cell of the row. One column per table, usually the first.
   */
  isRowHeader?: boolean;
  /** "end" for numbers. */
  align?: "start" | "end";
  /**
   * Classes on each body cell: width, wrapping, colour by value — and in the "stack" layout, where
   * the cell sits in the row's card below md (order-*, col-span-*, hidden when it has nothing).
   */
  className?: string | ((row: Row) => string | false | null | undefined);
  headerClassName?: string;
};

export type DataTableLayout = "scroll" | "stack";

export type DataTableProps<Row> = {
  rows: readonly Row[];
  columns: readonly DataTableColumn<Row>[];
  getRowKey: (row: Row) => string;
  /** Names the table (<caption>): say what the rows are and their order. Visually hidden unless `isCaptionVisible`. */
  caption: ReactNode;
  isCaptionVisible?: boolean;
  /** Shown instead of the table when there are no rows (an <EmptyState>); without it an empty table renders. */
  empty?: ReactNode;
  /**
   * "scroll" (the default): a table at every width; when the window is narrower, it scrolls
   * sideways inside its frame, which is then a focusable region so keyboards can scroll it too.
   * "stack": from md a table; below it each row is a card (a two-column grid) and the cells repeat
   * their column's name with <StackLabel> where the value alone is unclear.
   */
  layout?: DataTableLayout;
  /** "compact" for dense number grids. */
  density?: "default" | "compact";
  /** "card" (the default): bordered white surface. "none": inside something that already is one. */
  frame?: "card" | "none";
  /** The <table>'s id (a link to it from a chart) and classes (a min-width, table-fixed). */
  id?: string;
  tableClassName?: string;
  /** A full-width line under each row (a disclosure); the row and its details share a <tbody>. */
  renderDetails?: (row: Row) => ReactNode;
};

const FRAME = "rounded-xl border border-slate-200 bg-white shadow-sm";
const HEAD = "bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-muted";
const PADDING = { default: "px-4 py-3", compact: "px-3 py-2" } as const;
/** Below md a stacked row is a card; these make its cells table cells again from md. */
const STACK_CELL = "md:table-cell md:align-top";
const STACK_PADDING = { default: "md:px-4 md:py-3", compact: "md:px-3 md:py-2" } as const;

/** The column's name inside a stacked cell, below md only ("Role: "); from md the column header says it. */
export function StackLabel({ children }: { children: ReactNode }) {
  return <span className="text-xs font-medium text-muted md:hidden">{children}</span>;
}

/**
 * One accessible table for every list of records: a <caption>, column headers with scope, a row
 * header per row, an optional empty state, and two layouts for narrow screens (see `layout`).
 * Server-renderable; interactive cells bring their own client components.
 */
export function DataTable<Row>({
  rows,
  columns,
  getRowKey,
  caption,
  isCaptionVisible = false,
  empty,
  layout = "scroll",
  density = "default",
  frame = "card",
  id,
  tableClassName,
  renderDetails,
}: DataTableProps<Row>) {
  const captionId = `${useId()}-caption`;
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;

  const isStacked = layout === "stack";
  const padding = isStacked ? STACK_PADDING[density] : PADDING[density];
  const cellClass = (column: DataTableColumn<Row>, row: Row) =>
    cn(
      isStacked && STACK_CELL,
      padding,
      !isStacked && "align-top",
      column.align === "end" && "text-right",
      column.isRowHeader && "text-left font-normal",
      typeof column.className === "function" ? column.className(row) : column.className,
    );
  // A stacked row with details leaves its bottom padding to the details line.
  const rowClass = cn(isStacked && "grid grid-cols-[1fr_auto] items-start gap-x-4 gap-y-1.5 md:table-row md:p-0", isStacked && (renderDetails ? "px-4 pt-4" : "p-4"));

  const renderRow = (row: Row) => (
    <tr className={rowClass}>
      {columns.map((column) => {
        const Cell = column.isRowHeader ? "th" : "td";
        return (
          <Cell key={column.id} scope={column.isRowHeader ? "row" : undefined} className={cellClass(column, row)}>
            {column.cell(row)}
          </Cell>
        );
      })}
    </tr>
  );

  const renderDetailsRow = (row: Row) =>
    renderDetails ? (
      <tr className={isStacked ? "block px-4 pb-4 pt-2 md:table-row md:p-0" : undefined}>
        <td colSpan={columns.length} className={isStacked ? "block md:table-cell md:px-4 md:pb-3 md:pt-0" : "px-4 pb-3 pt-0"}>
          {renderDetails(row)}
        </td>
      </tr>
    ) : null;

  const tbodyClass = isStacked ? "block md:table-row-group" : undefined;
  const table = (
    <table id={id} className={cn("w-full text-sm", isStacked && "block md:table", tableClassName)}>
      <caption id={captionId} className={isCaptionVisible ? "px-4 pt-3 text-left text-sm font-semibold text-ink" : "sr-only"}>
        {caption}
      </caption>
      <thead className={cn(HEAD, isStacked && "hidden md:table-header-group")}>
        <tr>
          {columns.map((column) => (
            <th key={column.id} scope="col" className={cn(PADDING[density], column.align === "end" && "text-right", column.headerClassName)}>
              {column.isHeaderHidden ? <span className="sr-only">{column.header}</span> : column.header}
            </th>
          ))}
        </tr>
      </thead>
      {renderDetails ? (
        // One <tbody> per row keeps a row and its details together (and apart from the next row).
        rows.map((row) => (
          <tbody key={getRowKey(row)} className={cn(tbodyClass, "border-t border-slate-200 first-of-type:border-t-0", isStacked && "md:first-of-type:border-t")}>
            {renderRow(row)}
            {renderDetailsRow(row)}
          </tbody>
        ))
      ) : (
        <tbody className={cn(tbodyClass, "divide-y divide-slate-200")}>
          {rows.map((row) => (
            <Fragment key={getRowKey(row)}>{renderRow(row)}</Fragment>
          ))}
        </tbody>
      )}
    </table>
  );

  if (isStacked) return <div className={cn("overflow-hidden", frame === "card" && FRAME)}>{table}</div>;
  return (
    // Scrolls sideways when narrow; focusable and named so keyboard users can scroll it too.
    <div className={cn("overflow-x-auto", frame === "card" && FRAME)} tabIndex={0} role="region" aria-labelledby={captionId}>
      {table}
    </div>
  );
}

/** One placeholder cell: its classes ("w-32"; 1rem high unless they say "h-…"), or several for stacked lines. */
export type DataTableSkeletonCell = string | readonly string[];

export type DataTableSkeletonProps = {
  /** One entry per column, e.g. ["w-40", "w-28", ["w-32", "w-40"]]. */
  cells: readonly DataTableSkeletonCell[];
  rows?: number;
  /** As the table it stands for: "stack" puts a row's placeholders under each other below md. */
  layout?: DataTableLayout;
};

const withHeight = (classes: string, height: string) => (/(^|\s)h-/.test(classes) ? classes : cn(height, classes));

/** A DataTable's loading placeholder (loading.tsx): the same frame, a header band and rows of bars. */
export function DataTableSkeleton({ cells, rows = 6, layout = "scroll" }: DataTableSkeletonProps) {
  const isStacked = layout === "stack";
  return (
    <div aria-hidden="true" className={cn("overflow-hidden", FRAME)}>
      <div className={cn("h-10 border-b border-slate-200 bg-slate-50", isStacked && "hidden md:block")} />
      <ul className="divide-y divide-slate-200">
        {Array.from({ length: rows }, (_, row) => (
          <li key={row} className={cn("flex gap-6 px-4 py-4", isStacked ? "flex-col gap-3 md:flex-row md:items-center md:gap-6" : "items-center")}>
            {cells.map((cell, index) =>
              typeof cell === "string" ? (
                <Skeleton key={index} className={withHeight(cell, "h-4")} />
              ) : (
                <div key={index} className="space-y-1.5">
                  {cell.map((line, n) => (
                    <Skeleton key={n} className={withHeight(line, n === 0 ? "h-4" : "h-3")} />
                  ))}
                </div>
              ),
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
