/**
 * The weekly cap form on /settings/load: what it sends and what a save answers. Pure (no db, no
 * next/*): the form (a client component), the server action and lib/load share it.
 */
import { z } from "zod";
import type { TActionState } from "@/lib/actions/state";
import { WEEKLY_CAP_MAX, WEEKLY_CAP_MIN } from "@/lib/load/cap-rules";
import { zId } from "@/lib/validations/ids";

/** Empty means "no cap"; otherwise a whole number of interviews per week. */
export const ZWeeklyCap = z.preprocess(
  (value) => (value === null || value === undefined ? null : typeof value === "string" ? (value.trim() === "" ? null : Number(value.trim())) : value),
  z
    .number({ error: "Enter a whole number of interviews, or leave it empty for no cap." })
    .int("Enter a whole number of interviews, or leave it empty for no cap.")
    .min(WEEKLY_CAP_MIN, `The cap must be at least ${WEEKLY_CAP_MIN}. Leave it empty for no cap.`)
    .max(WEEKLY_CAP_MAX, `The cap must be at most ${WEEKLY_CAP_MAX} interviews a week.`)
    .nullable(),
);

export const ZWeeklyCapInput = z.object({
  interviewerId: zId("That is not an interviewer."),
  weeklyCap: ZWeeklyCap,
});
export type TWeeklyCapInput = z.infer<typeof ZWeeklyCapInput>;

/**
 * What a save answers, for useActionState. `warning`: saved, but the calendar could not be updated
 * yet. `submittedCap`: what was typed, shown again beside its error (the form resets after a save).
 */
export type TWeeklyCapState = TActionState<{ warning?: string; weeklyCap: number | null }, { submittedCap?: string }>;

/**
 * The form's fields → input (FormData values are strings; a missing cap field counts as empty).
 * A server action is a public POST: its argument may be anything, and then nothing is read.
 */
export function readWeeklyCapForm(formData: unknown): { interviewerId: unknown; weeklyCap: unknown } {
  if (!(formData instanceof FormData)) return { interviewerId: null, weeklyCap: null };
  return { interviewerId: formData.get("interviewerId"), weeklyCap: formData.get("weeklyCap") ?? "" };
}
