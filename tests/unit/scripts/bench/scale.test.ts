import { describe, expect, it } from "vitest";
import { checkTotal, listTotal, type ScalePage } from "@/scripts/bench/scale-pages";
import { DEFAULT_SIZE, LARGE_SIZE, seedSql } from "@/scripts/bench/scale-seed";

const page = (total: ScalePage["total"]): ScalePage => ({ name: "dashboard", path: "/dashboard", expect: "Scale Candidate", viewer: "admin", total });

describe("listTotal", () => {
  it("reads the total from the pagination as React renders it (text parts split by comments)", () => {
    expect(listTotal("<p>Page <span>1</span> of <span>250</span><span> · <!-- -->1<!-- -->–<!-- -->20<!-- --> of <!-- -->5000<!-- --> <!-- -->interviews</span></p>")).toBe(5000);
  });

  it("reads a single interview", () => {
    expect(listTotal("· 1–1 of 1 interview</span>")).toBe(1);
  });

  it("is null when the page shows no list (the empty state)", () => {
    expect(listTotal("<h2>No interviews match these filters.</h2>")).toBeNull();
  });
});

describe("checkTotal", () => {
  it("accepts the exact total a search must show", () => {
    expect(checkTotal(page(1250), 1250)).toBeNull();
  });

  it("flags a search that shows a capped or unfiltered total", () => {
    expect(checkTotal(page(5000), 2000)).toBe("shows 2000 interviews, 5000 match");
    expect(checkTotal(page(100), null)).toBe("shows no interviews, 100 match");
  });

  it("flags a list figure that would time an empty page", () => {
    expect(checkTotal(page("some"), 0)).toMatch(/no interviews/);
    expect(checkTotal(page("some"), null)).toMatch(/no interviews/);
    expect(checkTotal(page("some"), 3)).toBeNull();
  });

  it("checks nothing on pages without a list", () => {
    expect(checkTotal(page(undefined), null)).toBeNull();
  });
});

describe("seedSql", () => {
  const sql = (size = DEFAULT_SIZE) =>
    seedSql(size)
      .map((s) => s.sql)
      .join("\n");

  it("generates every size from its parameters, not from literals", () => {
    const large = sql(LARGE_SIZE);
    expect(large).toContain("generate_series(1, 100000)");
    expect(large).toContain("generate_series(1, 300000)");
    expect(large).toContain("LIMIT 50000");
    expect(large).toContain("% 100000");
    expect(large).not.toMatch(/generate_series\(1, (10000|30000)\)|LIMIT 5000\b|% (10000|30000)\b/);
  });

  it("fills a search document for every seeded transcript, lines joined as the app joins them", () => {
    expect(sql()).toContain("INSERT INTO interview_search_documents (interview_id, asset_id, content, line_count)");
    expect(sql()).toContain("string_agg(coalesce(speaker || ': ', '') || text, E'\\n' ORDER BY position)");
  });

  it("keeps the terms the page checks search for", () => {
    for (const term of ["zookeeper", "backfill", "advisory", "exactly-once delivery", "kubernetes"]) expect(sql()).toContain(term);
  });

  it("refuses a size that is not a positive integer", () => {
    expect(() => seedSql({ ...DEFAULT_SIZE, transcripts: 0 })).toThrow(/transcripts/);
    expect(() => seedSql({ ...DEFAULT_SIZE, interviews: 1.5 })).toThrow(/interviews/);
  });
});
