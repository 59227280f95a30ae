/**
 * Pure: cron-like schedules for periodic job kinds, in UTC. Five fields (minute hour day-of-month
 * month day-of-week) or six with seconds first, each `*`, a number, a range `a-b`, a step `*\/n` or
 * `a-b/n`, or a comma list of those; day-of-week 0–7 with 0 and 7 both Sunday. As in cron, when both
 * day fields are restricted a day matching either one matches. `@hourly` and `@daily` are short for
 * `0 * * * *` and `0 0 * * *`.
 */

export type Schedule = {
  expression: string;
  seconds: ReadonlySet<number>;
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  daysOfMonth: ReadonlySet<number>;
  months: ReadonlySet<number>;
  daysOfWeek: ReadonlySet<number>;
  /** Whether each day field was restricted (not `*`): cron ORs them when both are. */
  isDayOfMonthRestricted: boolean;
  isDayOfWeekRestricted: boolean;
};

export class ScheduleError extends Error {
  constructor(expression: string, problem: string) {
    super(`Invalid schedule "${expression}": ${problem}`);
    this.name = "ScheduleError";
  }
}

const MACROS: Record<string, string> = { "@hourly": "0 * * * *", "@daily": "0 0 * * *" };
const FIELDS = [
  { name: "second", min: 0, max: 59 },
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12 },
  { name: "day of week", min: 0, max: 7 },
] as const;

function parseField(expression: string, text: string, field: (typeof FIELDS)[number]): Set<number> {
  const values = new Set<number>();
  const toNumber = (raw: string) => {
    if (!/^\d+$/.test(raw)) throw new ScheduleError(expression, `"${raw}" is not a number in the ${field.name} field`);
    const n = Number(raw);
    if (n < field.min || n > field.max) throw new ScheduleError(expression, `${n} is outside ${field.min}–${field.max} in the ${field.name} field`);
    return n;
  };
  for (const part of text.split(",")) {
    const [range, stepText, extra] = part.split("/");
    if (extra !== undefined || range === undefined || range === "") throw new ScheduleError(expression, `"${part}" in the ${field.name} field`);
    const step = stepText === undefined ? 1 : toNumber(stepText);
    if (step === 0) throw new ScheduleError(expression, `a step of 0 in the ${field.name} field`);
    let low: number = field.min;
    let high: number = field.max;
    if (range !== "*") {
      const [from, to, more] = range.split("-");
      if (more !== undefined || from === undefined) throw new ScheduleError(expression, `"${range}" in the ${field.name} field`);
      low = toNumber(from);
      high = to === undefined ? (stepText === undefined ? low : field.max) : toNumber(to);
      if (high < low) throw new ScheduleError(expression, `the range ${low}-${high} runs backwards in the ${field.name} field`);
    }
    for (let v = low; v <= high; v += step) values.add(v);
  }
  return values;
}

export function parseSchedule(input: string): Schedule {
  const expression = input.trim();
  const parts = (MACROS[expression] ?? expression).split(/\s+/);
  if (parts.length !== 5 && parts.length !== 6) throw new ScheduleError(expression, `expected 5 or 6 fields, found ${parts.length}`);
  const withSeconds = parts.length === 6 ? parts : ["0", ...parts];
  const [seconds, minutes, hours, daysOfMonth, months, daysOfWeek] = withSeconds.map((text, i) => parseField(expression, text, FIELDS[i]!)) as Set<number>[];
  // Sunday is both 0 and 7.
  if (daysOfWeek!.has(7)) daysOfWeek!.add(0);
  daysOfWeek!.delete(7);
  return {
    expression,
    seconds: seconds!,
    minutes: minutes!,
    hours: hours!,
    daysOfMonth: daysOfMonth!,
    months: months!,
    daysOfWeek: daysOfWeek!,
    isDayOfMonthRestricted: withSeconds[3] !== "*",
    isDayOfWeekRestricted: withSeconds[5] !== "*",
  };
}

function isDayMatch(schedule: Schedule, t: Date): boolean {
  const dom = schedule.daysOfMonth.has(t.getUTCDate());
  const dow = schedule.daysOfWeek.has(t.getUTCDay());
  if (schedule.isDayOfMonthRestricted && schedule.isDayOfWeekRestricted) return dom || dow;
  return dom && dow;
}

/** Five years of search: longer means the schedule can never fire (e.g. 30 February). */
const SEARCH_LIMIT_MS = 5 * 366 * 86_400_000;

/** The first time strictly after `after` (to the second) that the schedule names. */
export function nextScheduledTime(schedule: Schedule, after: Date): Date {
  const t = new Date(Math.floor(after.getTime() / 1000) * 1000 + 1000);
  const limit = after.getTime() + SEARCH_LIMIT_MS;
  while (t.getTime() <= limit) {
    if (!schedule.months.has(t.getUTCMonth() + 1)) {
      t.setUTCMonth(t.getUTCMonth() + 1, 1);
      t.setUTCHours(0, 0, 0, 0);
    } else if (!isDayMatch(schedule, t)) {
      t.setUTCDate(t.getUTCDate() + 1);
      t.setUTCHours(0, 0, 0, 0);
    } else if (!schedule.hours.has(t.getUTCHours())) {
      t.setUTCHours(t.getUTCHours() + 1, 0, 0, 0);
    } else if (!schedule.minutes.has(t.getUTCMinutes())) {
      t.setUTCMinutes(t.getUTCMinutes() + 1, 0, 0);
    } else if (!schedule.seconds.has(t.getUTCSeconds())) {
      t.setUTCSeconds(t.getUTCSeconds() + 1, 0);
    } else {
      return t;
    }
  }
  throw new ScheduleError(schedule.expression, "it names no time in the next five years");
}

/** `kind=cron` pairs separated by `;` (JOB_SCHEDULES): each replaces that kind's own schedule. */
export function parseScheduleOverrides(text: string | undefined): Map<string, string> {
  const overrides = new Map<string, string>();
  for (const entry of (text ?? "").split(";")) {
    if (!entry.trim()) continue;
    const at = entry.indexOf("=");
    if (at <= 0) throw new Error(`JOB_SCHEDULES: "${entry.trim()}" is not kind=schedule`);
    const expression = entry.slice(at + 1).trim();
    parseSchedule(expression);
    overrides.set(entry.slice(0, at).trim(), expression);
  }
  return overrides;
}
