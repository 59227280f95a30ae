import path from "node:path";
import { defineConfig } from "prisma/config";

export default defineConfig({
  // A folder: schema.prisma (generator, datasource) and one .prisma file per area, read as one schema.
  schema: path.join("prisma", "schema"),
  // react-server, as every npm script runs tsx: the seed reaches server-only modules (lib/sandbox).
  migrations: { path: path.join("prisma", "migrations"), seed: "tsx --conditions=react-server prisma/seed.ts" },
  // Not Prisma's env() helper: it throws when DATABASE_URL is unset, which would break
  // `prisma generate` (run on every `npm install`) on a fresh clone.
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
