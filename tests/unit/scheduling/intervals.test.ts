import { describe, expect, it } from "vitest";
import { mergeIntervals, type Interval } from "@/lib/scheduling";

const spans = (...pairs: [number, number][]): Interval[] => pairs.map(([start, end]) => ({ start, end }));

describe("mergeIntervals", () => {
  const cases: { name: string; input: Interval[]; expected: Interval[] }[] = [
    { name: "returns an empty list for no intervals", input: [], expected: [] },
    { name: "sorts unsorted disjoint intervals", input: spans([50, 60], [10, 20], [30, 40]), expected: spans([10, 20], [30, 40], [50, 60]) },
    { name: "joins overlapping intervals", input: spans([10, 30], [20, 40]), expected: spans([10, 40]) },
    { name: "joins touching intervals (same half-open union)", input: spans([10, 20], [20, 30]), expected: spans([10, 30]) },
    { name: "swallows nested intervals", input: spans([10, 100], [20, 30], [40, 50]), expected: spans([10, 100]) },
    { name: "drops empty, inverted and non-finite intervals", input: spans([5, 5], [9, 3], [NaN, 4], [1, Infinity], [6, 7]), expected: spans([6, 7]) },
    { name: "merges a chain in any input order", input: spans([30, 45], [0, 10], [40, 50], [5, 20], [60, 70]), expected: spans([0, 20], [30, 50], [60, 70]) },
  ];
  it.each(cases)("$name", ({ input, expected }) => {
    expect(mergeIntervals(input)).toEqual(expected);
  });

  it("does not mutate or alias the caller's intervals", () => {
    const input = spans([20, 40], [10, 30]);
    const merged = mergeIntervals(input);
    merged[0]!.end = 999;
    expect(input).toEqual(spans([20, 40], [10, 30]));
  });
});
