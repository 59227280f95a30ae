/**
 * The server-side access checks in lib/auth.ts, with the session and database mocked:
 * 401/403 JSON from withAuth, redirect/forbidden from requireUser/requireAdmin/requireActionUser.
 */
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";

const mocks = vi.hoisted(() => ({
  getServerSession: vi.fn(),
  findSessionUserById: vi.fn(),
  requestHeaders: new Headers(),
}));

vi.mock("server-only", () => ({}));
vi.mock("next-auth", () => ({ getServerSession: mocks.getServerSession }));
vi.mock("@/lib/auth/options", () => ({ getAuthOptions: () => ({}) }));
vi.mock("@/lib/db", () => ({ db: {} }));
vi.mock("@/lib/auth/users", () => ({ findSessionUserById: mocks.findSessionUserById }));
vi.mock("next/headers", () => ({ headers: async () => mocks.requestHeaders }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`REDIRECT ${url}`);
  },
  forbidden: () => {
    throw new Error("FORBIDDEN");
  },
}));

const { requireActionUser, requireAdmin, requireUser, withAuth } = await import("@/lib/auth");
const { notFoundError } = await import("@/lib/errors");

const ADMIN = { id: "a1", email: "admin@example.com", name: "Ada", role: "ADMIN" } as const;
const RECRUITER = { id: "r1", email: "rec@example.com", name: "Rex", role: "RECRUITER" } as const;

function signIn(user: typeof ADMIN | typeof RECRUITER | null) {
  mocks.getServerSession.mockResolvedValue(user ? { user: { id: user.id } } : null);
  mocks.findSessionUserById.mockResolvedValue(user);
}

const params = { params: Promise.resolve({}) };

beforeEach(() => {
  vi.clearAllMocks();
  mocks.requestHeaders = new Headers();
});

describe("withAuth", () => {
  const handler = vi.fn(async (_req: NextRequest, ctx: { user: { id: string } }) => Response.json({ userId: ctx.user.id }));

  it("answers 401 JSON when signed out", async () => {
    signIn(null);
    const response = await withAuth(handler)(new NextRequest("http://app.test/api/interviews"), params);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "unauthorized", message: "Sign in required." } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers 401 when the session's user no longer exists", async () => {
    mocks.getServerSession.mockResolvedValue({ user: { id: "gone" } });
    mocks.findSessionUserById.mockResolvedValue(null);
    const response = await withAuth(handler)(new NextRequest("http://app.test/api/interviews"), params);
    expect(response.status).toBe(401);
  });

  it("answers 403 JSON when the role is not allowed", async () => {
    signIn(RECRUITER);
    const response = await withAuth(handler, { roles: ["ADMIN"] })(new NextRequest("http://app.test/api/things"), params);
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe("forbidden");
    expect(handler).not.toHaveBeenCalled();
  });

  it("lets any signed-in user in when no roles are given", async () => {
    signIn(RECRUITER);
    const response = await withAuth(handler)(new NextRequest("http://app.test/api/interviews"), params);
    expect(response.status).toBe(200);
  });

  it("answers what the handler throws through the one error mapper", async () => {
    signIn(RECRUITER);
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const throwing = (error: unknown) => withAuth(async () => Promise.reject(error))(new NextRequest("http://app.test/api/interviews"), params);
    const gone = await throwing(notFoundError("No such interview."));
    expect(gone.status).toBe(404);
    expect(await gone.json()).toEqual({ error: { code: "not_found", message: "No such interview." } });
    expect((await throwing(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).status).toBe(409);
    const crash = await throwing(new Error("db password in here"));
    expect(crash.status).toBe(500);
    expect(JSON.stringify(await crash.json())).not.toContain("password");
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
  });

  it("passes the user and params to the handler when allowed", async () => {
    signIn(ADMIN);
    const response = await withAuth(handler, { roles: ["ADMIN"] })(new NextRequest("http://app.test/api/things"), params);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ userId: "a1" });
    expect(handler.mock.calls[0]?.[1]).toMatchObject({ user: ADMIN });
  });
});

describe("requireUser / requireAdmin", () => {
  it("redirects a signed-out visitor to /login with the given path", async () => {
    signIn(null);
    await expect(requireUser("/dashboard/interviews?x=1")).rejects.toThrow("REDIRECT /login?callbackUrl=%2Fdashboard%2Finterviews%3Fx%3D1");
  });

  it("falls back to the path proxy.ts recorded", async () => {
    signIn(null);
    mocks.requestHeaders = new Headers({ "x-portal-request-path": "/settings/webhooks" });
    await expect(requireUser()).rejects.toThrow("REDIRECT /login?callbackUrl=%2Fsettings%2Fwebhooks");
  });

  it("never builds an open redirect from the recorded path", async () => {
    signIn(null);
    mocks.requestHeaders = new Headers({ "x-portal-request-path": "//evil.com" });
    await expect(requireUser()).rejects.toThrow(/^REDIRECT \/login$/);
  });

  it("gives the 403 page to a signed-in non-admin and lets an admin through", async () => {
    signIn(RECRUITER);
    await expect(requireAdmin("/settings")).rejects.toThrow("FORBIDDEN");
    signIn(ADMIN);
    await expect(requireAdmin("/settings")).resolves.toEqual(ADMIN);
  });
});

describe("requireActionUser", () => {
  it("redirects when signed out", async () => {
    signIn(null);
    await expect(requireActionUser()).rejects.toThrow(/^REDIRECT \/login/);
  });

  it("forbids a role that is not allowed", async () => {
    signIn(RECRUITER);
    await expect(requireActionUser(["ADMIN"])).rejects.toThrow("FORBIDDEN");
  });

  it("answers the user when the role is allowed, or when any role is", async () => {
    signIn(RECRUITER);
    await expect(requireActionUser()).resolves.toEqual(RECRUITER);
    await expect(requireActionUser(["ADMIN", "RECRUITER"])).resolves.toEqual(RECRUITER);
  });
});
