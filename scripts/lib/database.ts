/**
 * Gives a script a database: DATABASE_URL when set, otherwise the development embedded
 * PostgreSQL (same data directory and port as `npm run dev`, started if it is not running).
 */
import { startEmbeddedPostgres, type LocalDatabase } from "./postgres";

const DEV_PORT = 54329;
const devPort = Number(process.env.EMBEDDED_POSTGRES_PORT) || DEV_PORT;
/**
 * The development database. EMBEDDED_POSTGRES_PORT runs another one beside it (its data in
 * `.data/dev-<port>`), e.g. a second instance of the app from the same checkout.
 */
export const DEV_DB = { name: devPort === DEV_PORT ? "dev" : `dev-${devPort}`, port: devPort, database: "portal" } as const;
export const TEST_DB = { name: "test", port: 54339, database: "portal_test" } as const;

export async function getDatabase(log: (line: string) => void = console.log): Promise<LocalDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) return { url, stop: async () => {}, embedded: false };
  const database = await startEmbeddedPostgres({ ...DEV_DB, log });
  process.env.DATABASE_URL = database.url;
  return database;
}
