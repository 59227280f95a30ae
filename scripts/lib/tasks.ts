/** Database tasks shared by `npm run dev`, `npm start`, `npm run db:*` and the test runner. */
import { createPrisma } from "@/lib/db/client";
import { migrate, resetDatabase } from "@/lib/db/migrate";
import { parseEnv } from "@/lib/env";
import { seedDemo } from "@/lib/seed/seed-demo";
import { getDatabase } from "./database";

export const log = (line: string) => console.log(`[portal] ${line}`);

export async function migrateDatabase(url: string): Promise<void> {
  const result = await migrate(url, { log });
  if (!result.applied.length) log(`database schema up to date (${result.alreadyApplied} migrations)`);
}

/**
 * Seeds the demo fixture in sandbox mode. Live mode seeds nothing: a real Nylas application has
 * real interviewers, so its admins create panels and roles in Settings.
 */
export async function seedDatabase(url: string, now = new Date()): Promise<void> {
  const env = parseEnv({ ...process.env, DATABASE_URL: url });
  if (env.NYLAS_MODE !== "sandbox") {
    log("live mode: no demo data (create panels and roles in Settings)");
    return;
  }
  const prisma = createPrisma(url);
  try {
    const lines = await seedDemo(prisma, { sandbox: true, seedPassword: env.SEED_PASSWORD, now });
    for (const line of lines) log(`seeded ${line}`);
  } finally {
    await prisma.$disconnect();
  }
}

export async function runSeedCommand(): Promise<void> {
  const database = await getDatabase(log);
  try {
    await seedDatabase(database.url);
  } finally {
    await database.stop();
  }
}

export async function resetAndMigrate(url: string): Promise<void> {
  await resetDatabase(url);
  log("dropped every table");
  await migrateDatabase(url);
}
