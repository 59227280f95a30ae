/** Schemas for the /sandbox console's actions (app/sandbox/actions.ts and its forms). Pure. */
import { z } from "zod";
import { normalizeTimeZone } from "@/lib/scheduling/zoned-time";

export const ZConsoleRun = z.object({
  id: z.string().regex(/^[0-9a-f]{32}$/),
  outcome: z.enum(["completed", "failed_entry"]),
});

/**
 * The console's "Calendars" actions: "connect" (the email's calendar connected through hosted auth:
 * a valid grant with a primary calendar; name and time zone optional), "invalidate" (the grant
 * expired) and "disconnect" (the grant deleted, as DELETE /v3/grants/{id}).
 */
const CONSOLE_CALENDAR_INTENTS = ["connect", "invalidate", "disconnect"] as const;

const optionalText = (schema: z.ZodString) => z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined), schema.optional());

export const ZConsoleCalendar = z.object({
  intent: z.enum(CONSOLE_CALENDAR_INTENTS, { error: "Choose connect, mark invalid or disconnect." }),
  email: z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), z.email({ error: "Enter an email address like ana@example.com." }).max(254, "Email is too long.")),
  name: optionalText(z.string().max(200, "Name must be at most 200 characters.")),
  timezone: optionalText(z.string().refine((tz) => normalizeTimeZone(tz) !== null, "Enter an IANA time zone, like Europe/Berlin or UTC.")).transform((tz) =>
    tz === undefined ? undefined : normalizeTimeZone(tz)!,
  ),
});
export type TConsoleCalendar = z.infer<typeof ZConsoleCalendar>;

export type TConsoleCalendarFieldErrors = Partial<Record<"email" | "name" | "timezone", string>>;

/** The first message per form field ("intent" problems have no field: they come from a tampered form). */
export function toConsoleFieldErrors(error: z.ZodError): TConsoleCalendarFieldErrors {
  const out: TConsoleCalendarFieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path[0];
    if (key === "email" || key === "name" || key === "timezone") out[key] ??= issue.message;
  }
  return out;
}
