/**
 * axe-core checks shared by the e2e specs (issue 14): WCAG 2.1 A/AA rules, a serious or critical
 * violation fails the test with its rule, targets and help; moderate and minor ones are attached
 * to the report as "axe-minor" annotations. <nylas-scheduling> is Nylas's code: what axe finds in
 * it is reported apart ("nylas-scheduling"), never counted.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/auth";

const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const SCHEDULER = "nylas-scheduling";

type AxeResults = Awaited<ReturnType<AxeBuilder["analyze"]>>;
type Violation = AxeResults["violations"][number];

/** "rule (impact): help — target, target" with shadow-DOM paths joined by " >>> ". */
function describeViolation(v: Violation): string {
  const targets = v.nodes.map((n) => n.target.map((part) => (Array.isArray(part) ? part.join(" >>> ") : part)).join(" "));
  return `${v.id} (${v.impact}): ${v.help} — ${targets.join(", ")} [${v.helpUrl}]`;
}

const isSerious = (v: Violation) => v.impact === "serious" || v.impact === "critical";

/** Runs axe on the page as it is now, outside <nylas-scheduling>; fails on any serious or critical violation. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).exclude(SCHEDULER).analyze();
  const minor = results.violations.filter((v) => !isSerious(v));
  for (const v of minor) test.info().annotations.push({ type: "axe-minor", description: `${label}: ${describeViolation(v)}` });
  expect(results.violations.filter(isSerious).map(describeViolation), `serious or critical axe violations on ${label}`).toEqual([]);
}

/** What axe finds inside <nylas-scheduling>, reported (not counted): the component is a dependency. */
export async function reportSchedulerFindings(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).include(SCHEDULER).analyze();
  for (const v of results.violations) test.info().annotations.push({ type: "nylas-scheduling", description: `${state}: ${describeViolation(v)}` });
}
