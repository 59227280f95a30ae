/**
 * `npm run db:generate` (also run on postinstall): builds the Prisma client into lib/generated/ from
 * the schema folder prisma/schema/ (one .prisma file per area; prisma.config.ts points at it).
 *
 * Prisma 7's CLI tries to download a schema-engine binary before every command, which fails on
 * machines without internet. `prisma generate` never runs that engine, so pointing
 * PRISMA_SCHEMA_ENGINE_BINARY at any existing file (here: the node binary) skips the download.
 * Migrations do not use the CLI at all: see lib/db/migrate.ts.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const prismaCli = require.resolve("prisma/build/index.js");

const result = spawnSync(process.execPath, [prismaCli, "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
