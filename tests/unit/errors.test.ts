import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError, badRequest, isPrismaError, toErrorResponse } from "@/lib/errors";

/** Prisma's known request errors, as the generated client throws them (read by shape). */
const prismaError = (code: string) => Object.assign(new Error(`Invalid \`prisma.role.create()\` invocation: ${code}`), { name: "PrismaClientKnownRequestError", code, clientVersion: "7" });

let logged: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
});
afterEach(() => logged.mockRestore());

describe("toErrorResponse", () => {
  it("keeps an AppError's status, code and message, uncached", async () => {
    const response = toErrorResponse(badRequest("Body is not valid gzip."));
    expect(response.status).toBe(400);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ error: { code: "bad_request", message: "Body is not valid gzip." } });
    expect((await toErrorResponse(new AppError(503, "service_unavailable", "Later.")).json()).error.code).toBe("service_unavailable");
  });

  it("answers a zod error with 422 and the field paths", async () => {
    const error = z.object({ members: z.array(z.object({ email: z.email("Enter an email.") })) }).safeParse({ members: [{ email: "x" }] }).error!;
    const response = toErrorResponse(error);
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ error: { code: "invalid_input", message: "Invalid input.", fields: [{ path: "members.0.email", message: "Enter an email." }] } });
  });

  it("answers Prisma's unique-constraint error (P2002) with 409, not logged", async () => {
    const response = toErrorResponse(prismaError("P2002"));
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: { code: "conflict", message: "That already exists." } });
    expect(logged).not.toHaveBeenCalled();
  });

  it("answers Prisma's record-not-found error (P2025) with 404, not logged", async () => {
    const response = toErrorResponse(prismaError("P2025"));
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe("not_found");
    expect(logged).not.toHaveBeenCalled();
  });

  it("logs anything else and answers a generic 500 that leaks nothing", async () => {
    const error = new Error("connect ECONNREFUSED postgres://app:secret@db");
    const response = toErrorResponse(error);
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain("secret");
    expect(logged).toHaveBeenCalledWith("[api] unexpected error", error);
    expect(toErrorResponse(prismaError("P2003")).status).toBe(500);
  });
});

describe("isPrismaError", () => {
  it("matches by code on an Error, and nothing else", () => {
    expect(isPrismaError(prismaError("P2002"), "P2002")).toBe(true);
    expect(isPrismaError(prismaError("P2002"), "P2025")).toBe(false);
    expect(isPrismaError({ code: "P2002" }, "P2002")).toBe(false);
    expect(isPrismaError(null, "P2025")).toBe(false);
  });
});
