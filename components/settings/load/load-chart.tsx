"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { textLinkClasses } from "@/components/ui/text-link";

export type LoadChartSeries = { id: string; name: string; counts: number[] };

export type LoadChartProps = {
  weeks: { key: string; label: string; isCurrent: boolean }[];
  series: LoadChartSeries[];
  /** id of the table with the same numbers (the chart's accessible alternative). */
  tableId: string;
};

// Distinct hues that keep 3:1 contrast on white; each line also gets its own dash pattern, so
// colour is never the only way to tell two interviewers apart.
const COLORS = ["#1f57d1", "#b45309", "#047857", "#be185d", "#6d28d9", "#0e7490", "#4d7c0f", "#b91c1c"];
const DASHES = ["", "6 4", "2 3", "10 4 2 4"];

/**
 * Interviews per interviewer per week, across every panel, as one line per interviewer (recharts).
 * Screen readers get the same numbers from the table the page renders below it (`tableId`).
 */
export function LoadChart({ weeks, series, tableId }: LoadChartProps) {
  const data = weeks.map((week, index) => {
    const point: Record<string, string | number> = { week: week.label };
    for (const s of series) point[s.id] = s.counts[index] ?? 0;
    return point;
  });
  const current = weeks.find((week) => week.isCurrent);
  const max = Math.max(1, ...series.flatMap((s) => s.counts));

  return (
    <figure className="space-y-2">
      <div className="h-80 w-full">
        <LineChart
          responsive
          style={{ width: "100%", height: "100%" }}
          data={data}
          margin={{ top: 16, right: 24, bottom: 8, left: 0 }}
          title="Interviews per interviewer per week"
          desc={`Line chart of interviews per week, one line per interviewer. The table "Interviews per week" has the same numbers.`}
        >
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
          <XAxis dataKey="week" tick={{ fill: "#475569", fontSize: 12 }} tickLine={false} />
          <YAxis allowDecimals={false} domain={[0, max]} tick={{ fill: "#475569", fontSize: 12 }} tickLine={false} width={36} />
          {current ? <ReferenceLine x={current.label} stroke="#94a3b8" label={{ value: "This week", position: "insideTopRight", fill: "#475569", fontSize: 12 }} /> : null}
          <Tooltip formatter={(value, name) => [`${value} ${value === 1 ? "interview" : "interviews"}`, name]} labelFormatter={(label) => `Week of ${label}`} />
          <Legend wrapperStyle={{ fontSize: 13 }} />
          {series.map((s, index) => (
            <Line
              key={s.id}
              type="linear"
              dataKey={s.id}
              name={s.name}
              stroke={COLORS[index % COLORS.length]}
              strokeDasharray={DASHES[index % DASHES.length]}
              strokeWidth={2}
              dot={{ r: 3 }}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </div>
      <figcaption className="text-sm text-muted">
        Interviews per week in each interviewer&apos;s own time zone, across every panel. The{" "}
        <a href={`#${tableId}`} className={textLinkClasses()}>
          table below
        </a>{" "}
        has the same numbers.
      </figcaption>
    </figure>
  );
}
