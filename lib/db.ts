import "server-only";
import type { Pool } from "pg";
import { getPool, getPrisma } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The application's Prisma client. Created on first use, not at import, so that `next build`
 * (which imports route modules) needs no DATABASE_URL.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = getPrisma();
    const value = Reflect.get(client, prop, client) as unknown;
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});

/**
 * The pool under `db`, for a statement so hot that Prisma's query path is a measurable share of
 * its cost: storing a webhook (lib/webhooks/ingest.ts; `npm run bench -- webhooks`). Everything
 * else goes through `db`.
 */
export function dbPool(): Pool {
  return getPool();
}
