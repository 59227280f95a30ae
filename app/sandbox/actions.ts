"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { defineAction, formFields } from "@/lib/actions/define-action";
import type { TActionState } from "@/lib/actions/state";
import { getEnv } from "@/lib/env";
import { runNotetakerNow, SandboxApiError, toConsoleFieldErrors, updateConsoleCalendar, ZConsoleCalendar, ZConsoleRun, type TConsoleCalendar } from "@/lib/sandbox";

/** The console's actions exist only in sandbox mode (404 otherwise, whatever was posted). */
function requireSandboxMode(): void {
  if (getEnv().NYLAS_MODE !== "sandbox") notFound();
}

/**
 * POST (server action) /sandbox — "Run interview now" / "Fail entry": the notetaker's whole
 * lifecycle at once, the same code as POST /v3/sandbox/notetakers/{id}/run. ADMIN, sandbox mode only.
 */
export const runNotetakerAction = defineAction({
  name: "sandbox.run-notetaker",
  roles: ["ADMIN"],
  input: (_previous: TActionState, formData: FormData) => {
    requireSandboxMode();
    return formFields(formData, "id", "outcome");
  },
  schema: ZConsoleRun,
  invalid: "That is not a notetaker of this sandbox.",
  failed: "Could not run the notetaker. Try again.",
  expected: [SandboxApiError],
  handler: async ({ id, outcome }): Promise<TActionState> => {
    await runNotetakerNow(id, outcome);
    revalidatePath("/sandbox");
    return {
      status: "success",
      message: outcome === "completed" ? "Done: the interview ran and its media is available." : "Done: the Notetaker failed to enter (admission timeout).",
    };
  },
});

/**
 * POST (server action) /sandbox — the "Calendars" section: "Connect calendar" (the same code as
 * POST /v3/sandbox/grants: the email connected through hosted auth), "Mark invalid" (the grant
 * expired, as PATCH /v3/sandbox/grants/{id}) or "Disconnect" (as DELETE /v3/grants/{id}).
 * ADMIN, sandbox mode only.
 */
export const updateCalendarConnectionAction = defineAction({
  name: "sandbox.calendar-connection",
  roles: ["ADMIN"],
  input: (_previous: TActionState, formData: FormData) => {
    requireSandboxMode();
    return formFields(formData, "intent", "email", "name", "timezone");
  },
  schema: ZConsoleCalendar,
  // A bad intent has no field of its own: it comes from a tampered form.
  invalid: (error) => Object.values(toConsoleFieldErrors(error))[0] ?? "That is not a calendar action of this console.",
  failed: "Could not change the calendar connection. Try again.",
  expected: [SandboxApiError],
  handler: async (input): Promise<TActionState> => {
    const { name } = await updateConsoleCalendar(input);
    revalidatePath("/sandbox");
    return { status: "success", message: CALENDAR_OUTCOMES[input.intent](name) };
  },
});

const CALENDAR_OUTCOMES: Record<TConsoleCalendar["intent"], (name: string) => string> = {
  connect: (name) => `Connected: ${name}'s calendar is available for scheduling.`,
  invalidate: (name) => `Marked invalid: ${name}'s grant has expired, so they get no free slots until it is connected again.`,
  disconnect: (name) => `Disconnected: ${name}'s grant and calendar are deleted.`,
};
