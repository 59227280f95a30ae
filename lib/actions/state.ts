/**
 * The one state every server action answers with (and `useActionState` holds): idle before the
 * first submit, success with a message (and the action's own data), or error with a message and
 * the field errors keyed by dotted path ("members.2.email"). Pure and client-safe: forms import
 * the types, lib functions that answer a form build the same states.
 */
import type { z } from "zod";

/** One message per field, keyed by its dotted path; "_form" for an issue with no path. */
export type TFieldErrors = Record<string, string>;

export type TActionState<TData extends object = object, TErrorData extends object = object> =
  { status: "idle" } | ({ status: "success"; message: string } & TData) | ({ status: "error"; message: string; fieldErrors: TFieldErrors } & TErrorData);

export const IDLE_STATE = { status: "idle" } as const satisfies TActionState;

/** An error state with no field of its own to point at. */
export function actionError(message: string, fieldErrors: TFieldErrors = {}): { status: "error"; message: string; fieldErrors: TFieldErrors } {
  return { status: "error", message, fieldErrors };
}

/** Zod issues → the first message per dotted path, for errors shown next to their field. */
export function toFieldErrors(error: z.ZodError): TFieldErrors {
  const out: TFieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}
