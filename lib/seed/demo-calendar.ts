/**
 * Pure: realistic busy events for a demo interviewer over a date range, generated relative to
 * `now` (the caller's clock), deterministic per (email, date) so restarts on the same day agree.
 */
import { convertLocalTimeToInstant, getLocalDayNumber, getWeekday } from "@/lib/scheduling/zoned-time";
import { createRng } from "@/lib/utils";

export type GeneratedEvent = { title: string; start: number; end: number; allDay: boolean };

const MEETING_TITLES = ["Team standup", "1:1", "Design review", "Sprint planning", "Customer call", "Architecture sync", "Focus time", "Lunch & learn", "Incident review", "Roadmap review"];

function hashString(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

export function generateDemoBusyEvents(opts: { email: string; timezone: string; blocksFridays: boolean; now: number; daysBefore: number; daysAfter: number }): GeneratedEvent[] {
  const today = getLocalDayNumber(opts.timezone, opts.now);
  const events: GeneratedEvent[] = [];
  for (let day = today - opts.daysBefore; day <= today + opts.daysAfter; day++) {
    const weekday = getWeekday(day);
    if (weekday === 0 || weekday === 6) continue;
    const at = (minute: number) => convertLocalTimeToInstant(opts.timezone, day, minute);
    if (opts.blocksFridays && weekday === 5) {
      events.push({ title: "No meetings — Friday focus day", start: at(0), end: at(1440), allDay: true });
      continue;
    }
    const rng = createRng(hashString(`${opts.email}|${day}`));
    // Two to four meetings between 9:00 and 17:00, on the half hour, never overlapping.
    const count = 2 + Math.floor(rng() * 3);
    const taken = new Set<number>();
    for (let i = 0; i < count; i++) {
      const halfHours = rng() < 0.5 ? 1 : 2;
      const startSlot = 18 + Math.floor(rng() * (16 - halfHours)); // 9:00 .. 17:00 in half hours
      const slots = Array.from({ length: halfHours }, (_, k) => startSlot + k);
      if (slots.some((s) => taken.has(s))) continue;
      slots.forEach((s) => taken.add(s));
      const title = MEETING_TITLES[Math.floor(rng() * MEETING_TITLES.length)]!;
      events.push({ title, start: at(startSlot * 30), end: at((startSlot + halfHours) * 30), allDay: false });
    }
  }
  return events.sort((a, b) => a.start - b.start);
}
