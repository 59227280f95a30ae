/**
 * The one way to write a server action (STYLE §4, §7). Every action is a public POST endpoint, so
 * each one reads the same four steps, and this helper does the parts that never change:
 *
 *   1. authenticate: signed out → /login, a role not in `roles` → the 403 page (lib/auth.ts);
 *   2. parse: the raw arguments (anything a client sent) through `schema`; a bad input answers an
 *      error state with field errors and runs nothing;
 *   3. call lib: `handler(input, user)`, which also revalidates what changed after a success;
 *   4. respond: the handler's TActionState; a thrown AppError or ZodError (expected: the user can
 *      act on it) becomes an error state with its message, anything else is logged and answered
 *      with `failed`. Next's own control flow (redirect, notFound, forbidden) passes through.
 *
 *   "use server";
 *   export const retryJobAction = defineAction({
 *     name: "jobs.retry",
 *     roles: ["ADMIN"],
 *     input: (_previous: TRetryJobState, formData: FormData) => formFields(formData, "id"),
 *     schema: ZJobId,
 *     invalid: "That is not a job id.",
 *     failed: "Could not queue the job. Try again.",
 *     handler: async ({ id }): Promise<TRetryJobState> => { … },
 *   });
 */
import "server-only";
import { unstable_rethrow } from "next/navigation";
import { ZodError, type z } from "zod";
import { requireActionUser, type SessionUser } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { actionError, toFieldErrors, type TActionState } from "./state";

/** An error class whose instances are expected outcomes (shown, not logged). */
type ErrorClass = abstract new (...args: never[]) => Error;

type AnyState = TActionState<object, object>;
type ErrorOf<State> = Extract<State, { status: "error" }>;

export type ActionConfig<Args extends unknown[], Schema extends z.ZodType, State extends AnyState> = {
  /** Names the action in the log ("settings.panel-save"). */
  name: string;
  /** Roles allowed in; any signed-in user when omitted. */
  roles?: readonly UserRole[];
  /** The action's arguments → the value `schema` parses. They may be anything a client posted. */
  input: (...args: Args) => unknown;
  schema: Schema;
  /** The message when the input does not parse; by default the first issue's message. */
  invalid?: string | ((error: ZodError) => string);
  /** The message when something unexpected fails (the error itself is logged, never shown). */
  failed: string;
  /** More classes of expected errors, besides AppError and ZodError (e.g. the sandbox's API errors). */
  expected?: readonly ErrorClass[];
  /** Extra fields for every error state (e.g. what was typed, to show again beside its error). */
  errorData?: (...args: Args) => Omit<ErrorOf<State>, "status" | "message" | "fieldErrors">;
  handler: (input: z.output<Schema>, user: SessionUser) => Promise<State>;
};

/** Error → the state the user sees; true in `isUnexpected` when it must be logged. */
export function toActionError(error: unknown, options: { failed: string; expected?: readonly ErrorClass[] }): { state: ReturnType<typeof actionError>; isUnexpected: boolean } {
  if (error instanceof ZodError) {
    const fieldErrors = toFieldErrors(error);
    return { state: actionError(error.issues[0]?.message ?? options.failed, fieldErrors), isUnexpected: false };
  }
  if (error instanceof AppError || options.expected?.some((type) => error instanceof type)) {
    return { state: actionError((error as Error).message), isUnexpected: false };
  }
  return { state: actionError(options.failed), isUnexpected: true };
}

export function defineAction<Args extends unknown[], Schema extends z.ZodType, State extends AnyState>(config: ActionConfig<Args, Schema, State>): (...args: Args) => Promise<State> {
  return async (...args: Args): Promise<State> => {
    const user = await requireActionUser(config.roles);
    return runAction(config, args, (input) => config.handler(input, user));
  };
}

export type PublicActionConfig<Args extends unknown[], Schema extends z.ZodType, State extends AnyState> = Omit<ActionConfig<Args, Schema, State>, "roles" | "handler"> & {
  handler: (input: z.output<Schema>) => Promise<State>;
};

/**
 * A server action for signed-out visitors (accepting an invitation): steps 2–4 of defineAction,
 * no session. Its handler must authorise by what it is given (a one-time token), and anything it
 * creates must be rate-limited or single-use.
 */
export function definePublicAction<Args extends unknown[], Schema extends z.ZodType, State extends AnyState>(config: PublicActionConfig<Args, Schema, State>): (...args: Args) => Promise<State> {
  return async (...args: Args): Promise<State> => runAction(config, args, config.handler);
}

async function runAction<Args extends unknown[], Schema extends z.ZodType, State extends AnyState>(
  config: Omit<ActionConfig<Args, Schema, State>, "roles" | "handler">,
  args: Args,
  handler: (input: z.output<Schema>) => Promise<State>,
): Promise<State> {
  // Errors carry `errorData` whatever produced them (a bad input, the handler, a throw).
  const withErrorData = (state: State | ReturnType<typeof actionError>): State => (state.status === "error" && config.errorData ? { ...state, ...config.errorData(...args) } : state) as State;

  const parsed = config.schema.safeParse(config.input(...args));
  if (!parsed.success) {
    const message = typeof config.invalid === "function" ? config.invalid(parsed.error) : (config.invalid ?? parsed.error.issues[0]?.message ?? config.failed);
    return withErrorData(actionError(message, toFieldErrors(parsed.error)));
  }
  try {
    return withErrorData(await handler(parsed.data));
  } catch (error) {
    unstable_rethrow(error);
    const { state, isUnexpected } = toActionError(error, config);
    if (isUnexpected) console.error(`[action] ${config.name} failed`, error);
    return withErrorData(state);
  }
}

/**
 * The named fields of a form post, as `schema` input: each value as sent (a string or a File), or
 * undefined when missing. Anything that is not FormData (a forged call) has no fields.
 */
export function formFields<K extends string>(formData: unknown, ...keys: K[]): Record<K, FormDataEntryValue | undefined> {
  const out = {} as Record<K, FormDataEntryValue | undefined>;
  for (const key of keys) out[key] = formData instanceof FormData ? (formData.get(key) ?? undefined) : undefined;
  return out;
}
