import { describe, expect, it } from "vitest";
import { buildFeedbackGrid, readEvidenceCounts, readFeedbackCompetencies, readRecommendation, readCompetencyNames, type GridFeedback, type GridInterview } from "@/lib/feedback/grid";

const V1 = {
  version: 1,
  competencies: [
    { key: "system-design", name: "System design" },
    { key: "communication", name: "Communication" },
    { key: "sql", name: "SQL" },
  ],
};
// Version 2 renamed system design, dropped SQL and added testing.
const V2 = {
  version: 2,
  competencies: [
    { key: "testing", name: "Testing" },
    { key: "system-design", name: "Systems & trade-offs" },
    { key: "communication", name: "Communication" },
  ],
};

const SARAH = { id: "sarah", name: "Sarah Kim" };
const MARCUS = { id: "marcus", name: "Marcus Johnson" };

function interview(id: string, scorecard: GridInterview["scorecard"], evidence: GridInterview["evidence"] = []): GridInterview {
  return { id, scorecard, evidence };
}

function feedback(id: string, interviewId: string, interviewer: GridFeedback["interviewer"], partial: Partial<GridFeedback> = {}): GridFeedback {
  return { id, interviewId, interviewer, overallRecommendation: "YES", competencies: [], ...partial };
}

describe("buildFeedbackGrid", () => {
  it("has no columns and every competency not covered when nobody has submitted and nothing was found", () => {
    const grid = buildFeedbackGrid({ interviews: [interview("i1", V1)], feedback: [] });
    expect(grid.columns).toEqual([]);
    expect(grid.rows.map((r) => [r.key, r.cells, r.isCovered])).toEqual([
      ["system-design", [], false],
      ["communication", [], false],
      ["sql", [], false],
    ]);
    expect(grid.notCovered.map((c) => c.name)).toEqual(["System design", "Communication", "SQL"]);
    expect(grid.tally).toEqual([]);
  });

  it("unions the competencies of every interview's scorecard version, named and ordered by the newest version", () => {
    const grid = buildFeedbackGrid({ interviews: [interview("i1", V1), interview("i2", V2)], feedback: [] });
    expect(grid.rows.map((r) => [r.key, r.name])).toEqual([
      ["testing", "Testing"],
      ["system-design", "Systems & trade-offs"],
      ["communication", "Communication"],
      ["sql", "SQL"],
    ]);
  });

  it("puts each interviewer's rating and evidence count in their column, with no cell for a competency their interview's scorecard lacks", () => {
    const grid = buildFeedbackGrid({
      interviews: [
        interview("i1", V1, [
          { key: "system-design", items: 3, momentPositions: [4, 9] },
          { key: "communication", items: 0, momentPositions: [] },
        ]),
        interview("i2", V2, [{ key: "testing", items: 1, momentPositions: [2] }]),
      ],
      feedback: [
        feedback("f1", "i1", SARAH, {
          overallRecommendation: "STRONG_YES",
          competencies: [
            // Moment 4 was already found by the evidence job: it counts once; moment 12 is new.
            { key: "system-design", rating: "STRONG_YES", citedMoments: [4, 12] },
            { key: "communication", rating: "YES", citedMoments: [] },
            { key: "sql", rating: "NO", citedMoments: [] },
          ],
        }),
        feedback("f2", "i2", MARCUS, {
          overallRecommendation: "NO",
          competencies: [
            { key: "testing", rating: "NO", citedMoments: [] },
            { key: "system-design", rating: "YES", citedMoments: [30] },
          ],
        }),
      ],
    });

    expect(grid.columns).toEqual([
      { feedbackId: "f1", interviewId: "i1", interviewer: SARAH, label: "Sarah Kim", recommendation: "STRONG_YES" },
      { feedbackId: "f2", interviewId: "i2", interviewer: MARCUS, label: "Marcus Johnson", recommendation: "NO" },
    ]);
    const cells = Object.fromEntries(grid.rows.map((r) => [r.key, r.cells]));
    expect(cells).toEqual({
      testing: [null, { rating: "NO", evidenceCount: 1 }],
      "system-design": [
        { rating: "STRONG_YES", evidenceCount: 4 },
        { rating: "YES", evidenceCount: 1 },
      ],
      communication: [
        { rating: "YES", evidenceCount: 0 },
        { rating: null, evidenceCount: 0 },
      ],
      sql: [{ rating: "NO", evidenceCount: 0 }, null],
    });
    expect(grid.notCovered).toEqual([]);
    expect(grid.tally).toEqual([
      { recommendation: "NO", labels: ["Marcus Johnson"] },
      { recommendation: "STRONG_YES", labels: ["Sarah Kim"] },
    ]);
  });

  it("lists as not covered only competencies without evidence in any interview and without a rating", () => {
    const grid = buildFeedbackGrid({
      interviews: [
        // The scheduled-next interview counts too: its competencies are rows, found or not.
        interview("i1", V1, [{ key: "sql", items: 2, momentPositions: [] }]),
        interview("i2", V2),
      ],
      feedback: [feedback("f1", "i1", SARAH, { competencies: [{ key: "communication", rating: "YES", citedMoments: [] }] })],
    });
    expect(grid.notCovered).toEqual([
      { key: "testing", name: "Testing" },
      { key: "system-design", name: "Systems & trade-offs" },
    ]);
    expect(grid.rows.find((r) => r.key === "sql")!.isCovered).toBe(true);
  });

  it("counts a cited moment as coverage even without a rating", () => {
    const grid = buildFeedbackGrid({
      interviews: [interview("i1", V1)],
      feedback: [feedback("f1", "i1", SARAH, { competencies: [{ key: "sql", rating: null, citedMoments: [7] }] })],
    });
    expect(grid.rows.find((r) => r.key === "sql")).toMatchObject({ isCovered: true, cells: [{ rating: null, evidenceCount: 1 }] });
  });

  it("numbers the columns of an interviewer who ran two of the interviews", () => {
    const grid = buildFeedbackGrid({
      interviews: [interview("i1", V1), interview("i2", V1), interview("i3", V1)],
      feedback: [feedback("f1", "i1", SARAH), feedback("f2", "i2", MARCUS), feedback("f3", "i3", SARAH, { overallRecommendation: "STRONG_NO" })],
    });
    expect(grid.columns.map((c) => c.label)).toEqual(["Sarah Kim (1)", "Marcus Johnson", "Sarah Kim (2)"]);
    expect(grid.tally).toEqual([
      { recommendation: "STRONG_NO", labels: ["Sarah Kim (2)"] },
      { recommendation: "YES", labels: ["Sarah Kim (1)", "Marcus Johnson"] },
    ]);
  });

  it("keeps a rating of an interview without a scorecard version, and a feedback without a recommendation out of the tally", () => {
    const grid = buildFeedbackGrid({
      interviews: [interview("i1", null), interview("i2", V1)],
      feedback: [feedback("f1", "i1", SARAH, { overallRecommendation: null, competencies: [{ key: "sql", rating: "YES", citedMoments: [] }] })],
    });
    expect(grid.rows.find((r) => r.key === "sql")!.cells).toEqual([{ rating: "YES", evidenceCount: 0 }]);
    expect(grid.rows.find((r) => r.key === "communication")!.cells).toEqual([null]);
    expect(grid.tally).toEqual([]);
  });
});

describe("reading the stored JSON", () => {
  it("reads a scorecard version's competencies as a list or inside an object, skipping malformed entries", () => {
    const list = [{ key: "sql", name: "SQL", good: "…", cues: ["join"] }, { key: "", name: "Blank key" }, { name: "No key" }, "junk", null];
    expect(readCompetencyNames(list)).toEqual([{ key: "sql", name: "SQL" }]);
    expect(readCompetencyNames({ competencies: list })).toEqual([{ key: "sql", name: "SQL" }]);
    expect(readCompetencyNames("not json we know")).toEqual([]);
  });

  it("counts evidence items per competency and keeps the transcript positions of its moments", () => {
    const stored = [
      {
        key: "sql",
        name: "SQL",
        covered: true,
        evidence: [
          { kind: "moment", segmentPosition: 3, speaker: "Dana", startMs: 1000, quote: "a join", cue: "join", matched: ["join"] },
          { kind: "summary", sentenceIndex: 0, quote: "…", cue: "join", matched: [] },
          { kind: "action_item", position: 1, quote: "…", cue: "join", matched: [] },
          { kind: "moment", segmentPosition: -1 },
        ],
      },
      { key: "testing", covered: false, evidence: [] },
      { name: "no key" },
    ];
    expect(readEvidenceCounts(stored)).toEqual([
      { key: "sql", items: 4, momentPositions: [3] },
      { key: "testing", items: 0, momentPositions: [] },
    ]);
    expect(readEvidenceCounts(null)).toEqual([]);
  });

  it("reads feedback competencies, dropping ratings off the scale and positions that are not positions", () => {
    expect(readFeedbackCompetencies([{ key: "sql", rating: "STRONG_YES", notes: "…", citedMoments: [1, "2", -3, 4.5, 6] }, { key: "testing", rating: "MAYBE" }, { rating: "YES" }])).toEqual([
      { key: "sql", rating: "STRONG_YES", citedMoments: [1, 6] },
      { key: "testing", rating: null, citedMoments: [] },
    ]);
    expect(readFeedbackCompetencies({})).toEqual([]);
  });

  it("reads a recommendation only from the scale", () => {
    expect(readRecommendation("STRONG_NO")).toBe("STRONG_NO");
    expect(readRecommendation("strong_no")).toBeNull();
    expect(readRecommendation(null)).toBeNull();
  });
});
