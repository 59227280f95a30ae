/**
 * The database client factory: one pg pool per process, used by Prisma (through its pg adapter)
 * and, for the one statement hot enough to skip Prisma's query path (storing a webhook), directly.
 * No "server-only" marker so that scripts (tsx) and tests can use it; app code imports `db` and
 * `dbPool` from lib/db.ts, which adds the marker.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { getEnv } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Database = { prisma: PrismaClient; pool: pg.Pool };

function createDatabase(databaseUrl: string): Database {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  // An idle connection lost (PostgreSQL restarted): the pool drops it and opens another when needed.
  pool.on("error", (error) => console.error(`[db] idle connection lost: ${error.message}`));
  // $disconnect() ends the pool too.
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  return { pool, prisma: new PrismaClient({ adapter, omit: { user: { passwordHash: true } } }) };
}

export function createPrisma(databaseUrl: string): PrismaClient {
  return createDatabase(databaseUrl).prisma;
}

const globalForDb = globalThis as unknown as { __database?: Database };

/** One pool and client per process; cached on globalThis so that dev hot reloads reuse the pool. */
function getDatabase(): Database {
  if (!globalForDb.__database) {
    const url = getEnv().DATABASE_URL;
    if (!url) {
      throw new Error("DATABASE_URL is not set. Start the app with `npm run dev` (it starts an embedded PostgreSQL) or set DATABASE_URL.");
    }
    globalForDb.__database = createDatabase(url);
  }
  return globalForDb.__database;
}

export function getPrisma(): PrismaClient {
  return getDatabase().prisma;
}

/** The pool under getPrisma(): for a statement where Prisma's own query path costs too much. */
export function getPool(): pg.Pool {
  return getDatabase().pool;
}
