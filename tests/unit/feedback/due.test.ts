import { describe, expect, it } from "vitest";
import { feedbackStatus, nextReminder, reminderKey, reminderTimes, type FeedbackDueInput, type ReminderState } from "@/lib/feedback/due";

const END = new Date("2026-03-02T10:00:00.000Z");
const hours = (h: number) => new Date(END.getTime() + h * 3_600_000);

describe("feedbackStatus", () => {
  const completed: FeedbackDueInput = { status: "COMPLETED", endsAt: END, submittedAt: null };
  const cases: Array<{ name: string; input: FeedbackDueInput; now: Date; dueHours?: number; expected: string }> = [
    { name: "a scheduled interview is not due", input: { ...completed, status: "SCHEDULED" }, now: hours(48), expected: "not_due" },
    { name: "a rescheduled interview is not due", input: { ...completed, status: "RESCHEDULED" }, now: hours(48), expected: "not_due" },
    { name: "a cancelled interview is not due, even with feedback", input: { ...completed, status: "CANCELLED", submittedAt: hours(1) }, now: hours(48), expected: "not_due" },
    { name: "a completed interview whose end is still ahead is not due", input: completed, now: hours(-0.5), expected: "not_due" },
    { name: "due right at the end", input: completed, now: END, expected: "due" },
    { name: "due just before 24 hours", input: completed, now: new Date(hours(24).getTime() - 1), expected: "due" },
    { name: "overdue at 24 hours", input: completed, now: hours(24), expected: "overdue" },
    { name: "overdue after a custom due time", input: completed, now: hours(5), dueHours: 4, expected: "overdue" },
    { name: "submitted wins over overdue", input: { ...completed, submittedAt: hours(30) }, now: hours(48), expected: "submitted" },
  ];
  it.each(cases)("$name", ({ input, now, dueHours, expected }) => {
    expect(feedbackStatus(input, now, dueHours)).toBe(expected);
  });
});

describe("reminderTimes", () => {
  it("starts 1 hour after the end, then daily, 10 at most", () => {
    const times = reminderTimes(END);
    expect(times).toHaveLength(10);
    expect(times.slice(0, 3)).toEqual([hours(1), hours(25), hours(49)]);
    expect(times[9]).toEqual(hours(1 + 9 * 24));
  });

  it("takes a smaller maximum but never more than 10", () => {
    expect(reminderTimes(END, { max: 2 })).toEqual([hours(1), hours(25)]);
    expect(reminderTimes(END, { max: 50 })).toHaveLength(10);
    expect(reminderTimes(END, { max: -1 })).toEqual([]);
  });
});

describe("reminderKey", () => {
  it("is reminder:<interview>:<n>", () => {
    expect(reminderKey("int_1", 3)).toBe("reminder:int_1:3");
  });
});

describe("nextReminder", () => {
  const state: ReminderState = { interviewId: "int_1", status: "COMPLETED", endsAt: END, submittedAt: null, sent: 0 };

  it("names the first reminder, 1 hour after the end, before it is time", () => {
    expect(nextReminder(state, hours(0.5))).toEqual({ n: 1, at: hours(1), idempotencyKey: "reminder:int_1:1" });
  });

  it("names the next one after some were sent", () => {
    expect(nextReminder({ ...state, sent: 1 }, hours(2))).toEqual({ n: 2, at: hours(25), idempotencyKey: "reminder:int_1:2" });
  });

  it("skips missed reminders to the latest whose time has come", () => {
    expect(nextReminder(state, hours(50))).toEqual({ n: 3, at: hours(49), idempotencyKey: "reminder:int_1:3" });
  });

  it("stops after 10", () => {
    expect(nextReminder({ ...state, sent: 9 }, hours(300))).toMatchObject({ n: 10 });
    expect(nextReminder({ ...state, sent: 10 }, hours(300))).toBeNull();
    expect(nextReminder(state, hours(10_000))).toMatchObject({ n: 10 });
  });

  it("never reminds after submission or for an interview that is not completed", () => {
    expect(nextReminder({ ...state, submittedAt: hours(2) }, hours(3))).toBeNull();
    expect(nextReminder({ ...state, status: "CANCELLED" }, hours(3))).toBeNull();
    expect(nextReminder({ ...state, status: "SCHEDULED" }, hours(3))).toBeNull();
  });
});
