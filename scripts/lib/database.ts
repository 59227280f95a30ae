/**
 * Gives a script a database: DATABASE_URL when set, otherwise the development embedded
 * PostgreSQL (same data directory and port as `npm run dev`, started if it is not running).
 */
import { startEmbeddedPostgres, type LocalDatabase } from "./postgres";

export const DEV_DB = { name: "dev", port: 54329, database: "portal" } as const;
export const TEST_DB = { name: "test", port: 54339, database: "portal_test" } as const;

export async function getDatabase(log: (line: string) => void = console.log): Promise<LocalDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) return { url, stop: async () => {}, embedded: false };
  const database = await startEmbeddedPostgres({ ...DEV_DB, log });
  process.env.DATABASE_URL = database.url;
  return database;
}
