import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";

type Row = { id: string; name: string; count: number };
const ROWS: Row[] = [
  { id: "a", name: "Ada", count: 3 },
  { id: "b", name: "Brook", count: 0 },
];
const COLUMNS: DataTableColumn<Row>[] = [
  { id: "name", header: "Name", isRowHeader: true, cell: (row) => row.name },
  { id: "count", header: "Interviews", align: "end", cell: (row) => row.count },
  { id: "actions", header: "Actions", isHeaderHidden: true, cell: (row) => `Edit ${row.name}` },
];

const render = (props: Partial<Parameters<typeof DataTable<Row>>[0]> = {}) =>
  renderToStaticMarkup(createElement(DataTable<Row>, { rows: ROWS, columns: COLUMNS, getRowKey: (row: Row) => row.id, caption: "Interviewers", ...props }));

describe("DataTable", () => {
  it("renders a captioned table with column headers", () => {
    const html = render();
    expect(html).toMatch(/<caption[^>]*class="sr-only"[^>]*>Interviewers<\/caption>/);
    expect(html.match(/<th scope="col"/g)).toHaveLength(3);
    expect(html).toContain('<span class="sr-only">Actions</span>');
  });

  it("makes the row-header column <th scope=row> and the others <td>", () => {
    const html = render();
    expect(html.match(/<th scope="row"[^>]*>(Ada|Brook)<\/th>/g)).toHaveLength(2);
    expect(html.match(/<td/g)).toHaveLength(4);
  });

  it("names its scrolling frame after the caption", () => {
    const html = render();
    const captionId = /<caption id="([^"]+)"/.exec(html)?.[1];
    expect(captionId).toBeTruthy();
    expect(html).toContain(`role="region" aria-labelledby="${captionId}"`);
  });

  it("renders the empty state instead of the table when there are no rows", () => {
    const html = render({ rows: [], empty: createElement("p", null, "Nothing yet.") });
    expect(html).toBe("<p>Nothing yet.</p>");
  });

  it("renders an empty table when no empty state is given", () => {
    expect(render({ rows: [] })).toContain("<tbody");
  });

  it("gives each row its own tbody with a full-width details line", () => {
    const html = render({ renderDetails: (row: Row) => `Payload of ${row.name}` });
    expect(html.match(/<tbody/g)).toHaveLength(2);
    expect(html).toContain('<td colSpan="3"');
    expect(html).toContain("Payload of Brook");
  });

  it("stacks into cards below md without a scrolling region", () => {
    const html = render({ layout: "stack" });
    expect(html).not.toContain('role="region"');
    expect(html).toContain("md:table-header-group");
  });
});
