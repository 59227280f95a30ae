/**
 * npm run db:migrate | db:seed | db:reset — against DATABASE_URL, or the development embedded
 * PostgreSQL (.data/dev) when it is unset.
 */
import { getDatabase } from "./lib/database";
import { log, migrateDatabase, resetAndMigrate, seedDatabase } from "./lib/tasks";

const command = process.argv[2];
const commands: Record<string, (url: string) => Promise<void>> = {
  migrate: migrateDatabase,
  seed: async (url) => seedDatabase(url),
  reset: async (url) => {
    await resetAndMigrate(url);
    await seedDatabase(url);
  },
};

const run = command ? commands[command] : undefined;
if (!run) {
  console.error(`Usage: tsx scripts/db.ts <${Object.keys(commands).join("|")}>`);
  process.exit(1);
}

const database = await getDatabase(log);
try {
  await run(database.url);
  log(`db:${command} done`);
} catch (error) {
  console.error(`[portal] db:${command} failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.stop();
}
