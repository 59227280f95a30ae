import { describe, expect, it } from "vitest";
import { openHoursFromNylas, openHoursToNylas } from "@/lib/settings/open-hours";
import type { TOpenHoursDay } from "@/lib/validations/settings";

const CLOSED = { enabled: false, start: "09:00", end: "17:00" };
const NINE_TO_FIVE = { enabled: true, start: "09:00", end: "17:00" };

/** The form's seven rows, Monday first; days not given are closed (with the form's default hours). */
function days(open: Record<number, Omit<TOpenHoursDay, "day">>): TOpenHoursDay[] {
  return [1, 2, 3, 4, 5, 6, 0].map((day) => ({ day, ...(open[day] ?? CLOSED) }));
}

const WORK_WEEK = days({ 1: NINE_TO_FIVE, 2: NINE_TO_FIVE, 3: NINE_TO_FIVE, 4: NINE_TO_FIVE, 5: NINE_TO_FIVE });

describe("openHoursToNylas", () => {
  it("groups the days that share hours into one entry, in Nylas's time format", () => {
    expect(openHoursToNylas({ timezone: "", days: WORK_WEEK })).toEqual([{ days: [1, 2, 3, 4, 5], start: "9:00", end: "17:00", exdates: [] }]);
  });

  it("makes one entry per distinct range, days sorted with Sunday as 0", () => {
    const input = days({
      1: NINE_TO_FIVE,
      2: { enabled: true, start: "10:30", end: "14:00" },
      3: NINE_TO_FIVE,
      0: { enabled: true, start: "10:30", end: "14:00" },
      6: { enabled: true, start: "00:00", end: "24:00" },
    });
    expect(openHoursToNylas({ timezone: "Europe/London", days: input })).toEqual([
      { days: [1, 3], start: "9:00", end: "17:00", timezone: "Europe/London", exdates: [] },
      { days: [0, 2], start: "10:30", end: "14:00", timezone: "Europe/London", exdates: [] },
      { days: [6], start: "0:00", end: "24:00", timezone: "Europe/London", exdates: [] },
    ]);
  });

  it('sends no timezone key for "" (each interviewer\'s own time zone)', () => {
    const [entry] = openHoursToNylas({ timezone: "", days: WORK_WEEK });
    expect(entry && "timezone" in entry).toBe(false);
  });

  it("sends nothing for a week with every day closed", () => {
    expect(openHoursToNylas({ timezone: "America/New_York", days: days({}) })).toEqual([]);
  });

  it("ignores a closed day's hours", () => {
    const input = days({ 1: NINE_TO_FIVE, 2: { enabled: false, start: "06:00", end: "07:00" } });
    expect(openHoursToNylas({ timezone: "", days: input })).toEqual([{ days: [1], start: "9:00", end: "17:00", exdates: [] }]);
  });
});

describe("openHoursFromNylas", () => {
  it("spreads each entry over its days, Monday first, in the time input's format", () => {
    const stored = [
      { days: [1, 3], start: "9:00", end: "17:00", timezone: "America/Chicago", exdates: [] },
      { days: [0], start: "7:05", end: "24:00", timezone: "America/Chicago" },
    ];
    expect(openHoursFromNylas(stored)).toEqual({
      timezone: "America/Chicago",
      days: [
        { day: 1, enabled: true, start: "09:00", end: "17:00" },
        { day: 2, ...CLOSED },
        { day: 3, enabled: true, start: "09:00", end: "17:00" },
        { day: 4, ...CLOSED },
        { day: 5, ...CLOSED },
        { day: 6, ...CLOSED },
        { day: 0, enabled: true, start: "07:05", end: "24:00" },
      ],
    });
  });

  it('reads entries without a time zone as each interviewer\'s own ("")', () => {
    expect(openHoursFromNylas([{ days: [1], start: "9:00", end: "17:00" }]).timezone).toBe("");
  });

  it("keeps the first entry's hours for a day listed twice, and the first zone given", () => {
    const stored = [
      { days: [1], start: "8:00", end: "12:00" },
      { days: [1, 2], start: "13:00", end: "18:00", timezone: "Asia/Tokyo" },
      { days: [3], start: "9:00", end: "17:00", timezone: "Europe/Paris" },
    ];
    const form = openHoursFromNylas(stored);
    expect(form.timezone).toBe("Asia/Tokyo");
    expect(form.days.slice(0, 3)).toEqual([
      { day: 1, enabled: true, start: "08:00", end: "12:00" },
      { day: 2, enabled: true, start: "13:00", end: "18:00" },
      { day: 3, enabled: true, start: "09:00", end: "17:00" },
    ]);
  });

  it.each([
    { name: "nothing stored", stored: null },
    { name: "not a list", stored: { days: [1], start: "9:00", end: "17:00" } },
    {
      name: "entries without days, start or end",
      stored: [
        { start: "9:00", end: "17:00" },
        { days: [1], end: "17:00" },
        { days: [2], start: "9:00" },
        { days: "1", start: "9:00", end: "17:00" },
      ],
    },
  ])("reads $name as a closed week in each interviewer's own zone", ({ stored }) => {
    expect(openHoursFromNylas(stored)).toEqual({ timezone: "", days: days({}) });
  });
});

describe("open hours round trip", () => {
  it.each([
    { timezone: "", days: WORK_WEEK },
    { timezone: "America/New_York", days: days({ 0: { enabled: true, start: "00:30", end: "24:00" }, 3: NINE_TO_FIVE, 6: { enabled: true, start: "10:00", end: "12:15" } }) },
  ])("form → Nylas → form gives back the form (timezone $timezone)", (input) => {
    expect(openHoursFromNylas(openHoursToNylas(input))).toEqual(input);
  });

  it("Nylas → form → Nylas gives back grouped entries", () => {
    const stored = [
      { days: [1, 2, 3, 4, 5], start: "9:00", end: "17:00", timezone: "Europe/London", exdates: [] },
      { days: [6], start: "10:00", end: "14:00", timezone: "Europe/London", exdates: [] },
    ];
    expect(openHoursToNylas(openHoursFromNylas(stored))).toEqual(stored);
  });
});
