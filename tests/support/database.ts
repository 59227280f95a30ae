/**
 * The integration tests' one way to the database. scripts/test.ts creates and migrates a throwaway
 * PostgreSQL and passes it as DATABASE_URL (tests/integration/setup.ts checks it is set).
 *
 * - openTestDatabase(): a file's Prisma client, disconnected after all its tests; with
 *   `{ resetBeforeEach: true }` every table is emptied before each test (STYLE §11).
 * - withPgClient(): a plain `pg` connection for the length of a callback, for what Prisma cannot
 *   do or must not see: holding a lock from another session, killing a backend, another database.
 * - resetTables(): empties every application table in one statement.
 */
import pg from "pg";
import { afterAll, beforeEach } from "vitest";
import { createPrisma } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL must point at a migrated test database (run `npm run test:integration`).");
  return url;
}

/** Registers the file's hooks and returns its Prisma client (call it at the top of the file). */
export function openTestDatabase(options: { resetBeforeEach?: boolean } = {}): PrismaClient {
  const prisma = createPrisma(testDatabaseUrl());
  // Registered first, so it runs after the file's own afterAll (Vitest runs "after" hooks in reverse).
  afterAll(async () => {
    await prisma.$disconnect();
  });
  if (options.resetBeforeEach) beforeEach(() => resetTables());
  return prisma;
}

/** Runs `run` on a connection of its own to `url` (the test database by default), then closes it. */
export async function withPgClient<T>(run: (client: pg.Client) => Promise<T>, url = testDatabaseUrl()): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Empties every application table (not the migrations bookkeeping) in one statement. */
export async function resetTables(databaseUrl = testDatabaseUrl()): Promise<void> {
  await withPgClient(async (client) => {
    const { rows } = await client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`);
    if (rows.length) await client.query(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
  }, databaseUrl);
}
