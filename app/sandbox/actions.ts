"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { authenticatedAction } from "@/lib/auth";
import { getEnv } from "@/lib/env";
import {
  runNotetakerNow, SandboxApiError, toConsoleFieldErrors, updateConsoleCalendar, ZConsoleCalendar, ZConsoleRun, type TConsoleCalendar,
  type TConsoleCalendarState, type TConsoleRunState,
} from "@/lib/sandbox";

/**
 * POST (server action) /sandbox — "Run interview now" / "Fail entry": the notetaker's whole
 * lifecycle at once, the same code as POST /v3/sandbox/notetakers/{id}/run. ADMIN, sandbox mode only.
 */
export const runNotetakerAction = authenticatedAction(
  async (_user, _previous: TConsoleRunState, formData: FormData): Promise<TConsoleRunState> => {
    if (getEnv().NYLAS_MODE !== "sandbox") notFound();
    // A server action is a public POST: `formData` may be anything a client sent.
    const form = formData instanceof FormData ? formData : new FormData();
    const parsed = ZConsoleRun.safeParse({ id: form.get("id"), outcome: form.get("outcome") });
    if (!parsed.success) return { status: "error", message: "That is not a notetaker of this sandbox." };
    try {
      await runNotetakerNow(parsed.data.id, parsed.data.outcome);
    } catch (error) {
      if (error instanceof SandboxApiError) return { status: "error", message: error.message };
      console.error("[sandbox] run failed", error);
      return { status: "error", message: "Could not run the notetaker. Try again." };
    }
    revalidatePath("/sandbox");
    return {
      status: "success",
      message: parsed.data.outcome === "completed" ? "Done: the interview ran and its media is available." : "Done: the Notetaker failed to enter (admission timeout).",
    };
  },
  { roles: ["ADMIN"] },
);

/**
 * POST (server action) /sandbox — the "Calendars" section: "Connect calendar" (the same code as
 * POST /v3/sandbox/grants: the email connected through hosted auth), "Mark invalid" (the grant
 * expired, as PATCH /v3/sandbox/grants/{id}) or "Disconnect" (as DELETE /v3/grants/{id}).
 * ADMIN, sandbox mode only.
 */
export const updateCalendarConnectionAction = authenticatedAction(
  async (_user, _previous: TConsoleCalendarState, formData: FormData): Promise<TConsoleCalendarState> => {
    if (getEnv().NYLAS_MODE !== "sandbox") notFound();
    const field = (key: string) => (formData instanceof FormData ? (formData.get(key) ?? undefined) : undefined);
    const parsed = ZConsoleCalendar.safeParse({ intent: field("intent"), email: field("email"), name: field("name"), timezone: field("timezone") });
    if (!parsed.success) {
      const fieldErrors = toConsoleFieldErrors(parsed.error);
      return { status: "error", message: Object.values(fieldErrors)[0] ?? "That is not a calendar action of this console.", fieldErrors };
    }
    let name: string;
    try {
      ({ name } = await updateConsoleCalendar(parsed.data));
    } catch (error) {
      if (error instanceof SandboxApiError) return { status: "error", message: error.message, fieldErrors: {} };
      console.error("[sandbox] calendar connection failed", error);
      return { status: "error", message: "Could not change the calendar connection. Try again.", fieldErrors: {} };
    }
    revalidatePath("/sandbox");
    return { status: "success", message: CALENDAR_OUTCOMES[parsed.data.intent](name) };
  },
  { roles: ["ADMIN"] },
);

const CALENDAR_OUTCOMES: Record<TConsoleCalendar["intent"], (name: string) => string> = {
  connect: (name) => `Connected: ${name}'s calendar is available for scheduling.`,
  invalidate: (name) => `Marked invalid: ${name}'s grant has expired, so they get no free slots until it is connected again.`,
  disconnect: (name) => `Disconnected: ${name}'s grant and calendar are deleted.`,
};
