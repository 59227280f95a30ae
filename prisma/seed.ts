/** `npm run db:seed` / Prisma's seed hook: seeds the demo fixture into DATABASE_URL. */
import { runSeedCommand } from "@/scripts/lib/tasks";

await runSeedCommand();
