/**
 * Prisma client factory. No "server-only" marker so that scripts (tsx) and tests can use it;
 * app code imports `db` from lib/db.ts, which adds the marker.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { getEnv } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

export function createPrisma(databaseUrl: string): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: 10 });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

const globalForPrisma = globalThis as unknown as { __prisma?: PrismaClient };

/** One client per process; cached on globalThis so that dev hot reloads reuse the pool. */
export function getPrisma(): PrismaClient {
  if (!globalForPrisma.__prisma) {
    const url = getEnv().DATABASE_URL;
    if (!url) {
      throw new Error(
        "DATABASE_URL is not set. Start the app with `npm run dev` (it starts an embedded PostgreSQL) or set DATABASE_URL.",
      );
    }
    globalForPrisma.__prisma = createPrisma(url);
  }
  return globalForPrisma.__prisma;
}
