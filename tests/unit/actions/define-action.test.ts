/**
 * lib/actions/define-action.ts: authenticate → parse → call lib → respond, with the session check
 * mocked (lib/auth.ts has its own tests) and Next's control-flow errors faked.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

const mocks = vi.hoisted(() => ({ requireActionUser: vi.fn() }));

vi.mock("@/lib/auth", () => ({ requireActionUser: mocks.requireActionUser }));
vi.mock("next/navigation", () => ({
  // Next's own errors (redirect, notFound, forbidden) carry a digest; unstable_rethrow rethrows them.
  unstable_rethrow: (error: unknown) => {
    if (error instanceof Error && "digest" in error) throw error;
  },
}));

const { defineAction, definePublicAction, formFields, toActionError } = await import("@/lib/actions/define-action");
const { AppError, badRequest } = await import("@/lib/errors");
const { ZId } = await import("@/lib/validations/ids");

const ADMIN = { id: "a1", email: "admin@example.com", name: "Ada", role: "ADMIN" } as const;
const ID = "0b7c9a44-5a4e-4b8e-9d1e-2f0c1a3b4c5d";

type State = { status: "idle" } | { status: "success"; message: string; id: string } | { status: "error"; message: string; fieldErrors: Record<string, string> };

const handler = vi.fn(async (input: { id: string; name: string }): Promise<State> => ({ status: "success", message: `Saved ${input.name}.`, id: input.id }));

const saveThingAction = defineAction({
  name: "test.save-thing",
  roles: ["ADMIN"],
  input: (id: unknown, name: unknown) => ({ id, name }),
  schema: z.object({ id: ZId, name: z.string().min(1, "Name is required.") }),
  failed: "Could not save the thing. Try again.",
  handler,
});

let logged: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  vi.clearAllMocks();
  mocks.requireActionUser.mockResolvedValue(ADMIN);
  logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
});

describe("defineAction", () => {
  it("refuses before parsing or running anything when the session check refuses", async () => {
    mocks.requireActionUser.mockRejectedValue(new Error("FORBIDDEN"));
    await expect(saveThingAction(ID, "Desk")).rejects.toThrow("FORBIDDEN");
    expect(mocks.requireActionUser).toHaveBeenCalledWith(["ADMIN"]);
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers the handler's state on success, with the parsed input and the user", async () => {
    await expect(saveThingAction(ID.toUpperCase(), "Desk")).resolves.toEqual({ status: "success", message: "Saved Desk.", id: ID });
    expect(handler).toHaveBeenCalledWith({ id: ID, name: "Desk" }, ADMIN);
  });

  it("answers a bad input with an error state and its field errors, and runs nothing", async () => {
    await expect(saveThingAction("not-an-id", "")).resolves.toEqual({
      status: "error",
      message: "That is not an id.",
      fieldErrors: { id: "That is not an id.", name: "Name is required." },
    });
    expect(handler).not.toHaveBeenCalled();
    expect(logged).not.toHaveBeenCalled();
  });

  it("uses the action's own message for a bad input when it has one", async () => {
    const action = defineAction({
      name: "t",
      input: (id: unknown) => ({ id }),
      schema: z.object({ id: ZId }),
      invalid: "That is not a thing.",
      failed: "x",
      handler: async (): Promise<State> => ({ status: "idle" }),
    });
    await expect(action(42)).resolves.toMatchObject({ status: "error", message: "That is not a thing." });
  });

  it("shows an expected error's message (AppError, ZodError, a listed class) and logs nothing", async () => {
    class VendorError extends Error {}
    const action = (error: Error) =>
      defineAction({ name: "t", input: () => ({}), schema: z.object({}), failed: "Generic.", expected: [VendorError], handler: async (): Promise<State> => Promise.reject(error) })();
    await expect(action(badRequest("That slot is taken."))).resolves.toEqual({ status: "error", message: "That slot is taken.", fieldErrors: {} });
    await expect(action(new VendorError("The grant is gone."))).resolves.toEqual({ status: "error", message: "The grant is gone.", fieldErrors: {} });
    const zodError = z.object({ email: z.email("Enter an email.") }).safeParse({ email: "x" }).error!;
    await expect(action(zodError)).resolves.toEqual({ status: "error", message: "Enter an email.", fieldErrors: { email: "Enter an email." } });
    expect(logged).not.toHaveBeenCalled();
  });

  it("logs an unexpected error and answers the generic message, never the error's own", async () => {
    handler.mockRejectedValueOnce(new Error("connection terminated: password=hunter2"));
    await expect(saveThingAction(ID, "Desk")).resolves.toEqual({ status: "error", message: "Could not save the thing. Try again.", fieldErrors: {} });
    expect(logged).toHaveBeenCalledWith("[action] test.save-thing failed", expect.any(Error));
  });

  it("lets Next's control flow (redirect, notFound) through", async () => {
    handler.mockRejectedValueOnce(Object.assign(new Error("NEXT_HTTP_ERROR_FALLBACK;404"), { digest: "NEXT_HTTP_ERROR_FALLBACK;404" }));
    await expect(saveThingAction(ID, "Desk")).rejects.toThrow("NEXT_HTTP_ERROR_FALLBACK;404");
    expect(logged).not.toHaveBeenCalled();
  });

  it("adds `errorData` to every error state, whatever produced it", async () => {
    const action = defineAction({
      name: "t",
      input: (value: unknown) => ({ value }),
      schema: z.object({ value: z.coerce.number().int("Whole numbers only.") }),
      failed: "Generic.",
      errorData: (value) => ({ submitted: String(value) }),
      handler: async ({
        value,
      }): Promise<{ status: "success"; message: string } | { status: "error"; message: string; fieldErrors: Record<string, string>; submitted?: string } | { status: "idle" }> =>
        value > 10 ? { status: "error", message: "Too many.", fieldErrors: { value: "At most 10." } } : { status: "success", message: "OK" },
    });
    await expect(action("1.5")).resolves.toEqual({ status: "error", message: "Whole numbers only.", fieldErrors: { value: "Whole numbers only." }, submitted: "1.5" });
    await expect(action("11")).resolves.toEqual({ status: "error", message: "Too many.", fieldErrors: { value: "At most 10." }, submitted: "11" });
    await expect(action("3")).resolves.toEqual({ status: "success", message: "OK" });
  });
});

describe("toActionError", () => {
  it("keeps an AppError's message whatever its status", () => {
    expect(toActionError(new AppError(409, "conflict", "Someone saved first."), { failed: "x" })).toEqual({
      state: { status: "error", message: "Someone saved first.", fieldErrors: {} },
      isUnexpected: false,
    });
  });

  it("hides anything else behind the generic message", () => {
    expect(toActionError("a string thrown", { failed: "Try again." })).toEqual({ state: { status: "error", message: "Try again.", fieldErrors: {} }, isUnexpected: true });
  });
});

describe("definePublicAction", () => {
  const publicHandler = vi.fn(async (input: { name: string }): Promise<State> => ({ status: "success", message: `Hello ${input.name}.`, id: "none" }));
  const greetAction = definePublicAction({
    name: "test.greet",
    input: (name: unknown) => ({ name }),
    schema: z.object({ name: z.string().min(1, "Name is required.") }),
    failed: "Could not greet. Try again.",
    handler: publicHandler,
  });

  it("runs without asking for a session", async () => {
    await expect(greetAction("Ada")).resolves.toEqual({ status: "success", message: "Hello Ada.", id: "none" });
    expect(mocks.requireActionUser).not.toHaveBeenCalled();
    expect(publicHandler).toHaveBeenCalledWith({ name: "Ada" });
  });

  it("parses, and hides the unexpected, as defineAction does", async () => {
    await expect(greetAction(42)).resolves.toMatchObject({ status: "error", fieldErrors: { name: expect.any(String) } });
    expect(publicHandler).not.toHaveBeenCalled();
    publicHandler.mockRejectedValueOnce(new Error("db down"));
    await expect(greetAction("Ada")).resolves.toEqual({ status: "error", message: "Could not greet. Try again.", fieldErrors: {} });
    expect(logged).toHaveBeenCalledWith("[action] test.greet failed", expect.any(Error));
  });
});

describe("formFields", () => {
  it("reads the named fields of a form post, undefined when missing", () => {
    const form = new FormData();
    form.set("id", ID);
    expect(formFields(form, "id", "outcome")).toEqual({ id: ID, outcome: undefined });
  });

  it("reads nothing from what is not FormData (a forged call)", () => {
    expect(formFields({ id: ID }, "id")).toEqual({ id: undefined });
    expect(formFields(null, "id")).toEqual({ id: undefined });
  });
});
