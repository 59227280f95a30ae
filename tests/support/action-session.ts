/**
 * Server actions called from integration tests, outside Next.js: importing this module (before
 * the actions, which the test imports dynamically) stands in for next-auth's session — whoever
 * `session.userId` names is signed in — and for next/headers, next/navigation (redirect and
 * forbidden throw "REDIRECT <url>" and "FORBIDDEN") and next/cache (revalidated paths are kept).
 */
import { vi } from "vitest";

const state = vi.hoisted(() => ({ userId: null as string | null, revalidated: [] as string[] }));
export const session = state;

vi.mock("next-auth", () => ({ getServerSession: async () => (state.userId ? { user: { id: state.userId } } : null) }));
vi.mock("@/lib/auth/options", () => ({ getAuthOptions: () => ({}) }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`REDIRECT ${url}`);
  },
  forbidden: () => {
    throw new Error("FORBIDDEN");
  },
  unstable_rethrow: () => undefined,
}));
vi.mock("next/cache", () => ({ revalidatePath: (path: string) => void state.revalidated.push(path) }));
