/**
 * Schema drift: the hand-written SQL in prisma/migrations must create exactly the database that
 * the Prisma schema in prisma/schema/ describes (Prisma 7's CLI cannot run its schema engine offline, so nothing
 * else checks this).
 *
 * The migrations are applied by our runner (lib/db/migrate.ts) to a scratch database of our own on
 * the test server, which is then introspected and compared with the schema's DMMF, both ways:
 * tables/models, columns/fields (type incl. native type and precision, nullability, database
 * default), primary keys, unique and plain indexes (columns, order, method, names), foreign keys
 * (columns, referenced table and columns, ON DELETE/ON UPDATE), enums (values, in order). Anything
 * else found in the database (extensions, CHECK/EXCLUDE constraints, triggers, views, functions …)
 * must be in SQL_ONLY_ALLOW_LIST, and everything in the allow-list must exist.
 *
 * The second test proves the check works: it applies the migrations plus a deliberately drifting
 * extra migration and asserts every change is reported.
 */
import { randomBytes } from "node:crypto";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, migrate } from "@/lib/db/migrate";
import { testDatabaseUrl, withPgClient } from "@/tests/support/database";
import { diffSchema, expectedSchema, getDmmf, introspectDatabase, readSchemaFolder, type DbSchema, type ExpectedSchema, type SqlOnlyAllowList } from "@/tests/support/schema-introspection";

/**
 * SQL-only allow-list: what migrations legitimately create but the Prisma schema cannot express.
 * Every entry must exist in the migrated database, and nothing outside the list may.
 * Add an entry only with the reason it cannot live in the Prisma schema.
 */
const SQL_ONLY_ALLOW_LIST: SqlOnlyAllowList = [
  {
    kind: "extension",
    name: "btree_gist",
    reason: "gist operator classes for the uuid equality part of sandbox_bookings_no_overlap",
  },
  {
    kind: "exclusion constraint",
    table: "sandbox_bookings",
    name: "sandbox_bookings_no_overlap",
    reason: "one host cannot hold two live bookings whose buffered ranges overlap; Prisma has no EXCLUDE constraints",
  },
  ...(["talk_interviewer_share", "talk_questions_asked", "talk_longest_monologue_ms"] as const).map((name) => ({
    kind: "generated column" as const,
    table: "interviews",
    name,
    reason: "a figure of talk_time, generated for /settings/load's index-only averages; Prisma's Unsupported(\"double precision\") field is not in its DMMF",
  })),
  {
    kind: "generated column",
    table: "interview_search_documents",
    name: "document",
    reason: "the transcript's tsvector, generated from content (GIN-indexed for search); Prisma's Unsupported(\"tsvector\") field is not in its DMMF",
  },
  ...(
    [
      [
        "interview_search_documents_copy_interview",
        "interview_search_documents",
        "a search document takes its copies of the interview's columns (dates, status, interviewer, application) when written",
      ],
      ["interviews_update_search_document", "interviews", "an interview passes those columns on to its search document when one of them changes"],
      ["interviews_copy_application", "interviews", "an interview takes its copies of its application's role and stage when written or moved"],
      ["applications_update_interviews", "applications", "an application passes its role and stage on to its interviews when they change"],
    ] as const
  ).flatMap(([name, table, why]) => [
    { kind: "function", name: `${name}()`, reason: `${why}; Prisma has no triggers` },
    { kind: "trigger", table, name, reason: `${why}; Prisma has no triggers` },
  ]),
  {
    kind: "function",
    name: "feedback_mark_interview()",
    reason: "feedback whose submission changes sets its interview's feedback_submitted; Prisma has no triggers",
  },
  ...(["feedback_mark_interview_on_insert", "feedback_mark_interview_on_update", "feedback_mark_interview_on_delete"] as const).map((name) => ({
    kind: "trigger" as const,
    table: "feedback",
    name,
    reason: "feedback whose submission changes sets its interview's feedback_submitted; Prisma has no triggers",
  })),
  {
    kind: "generated column",
    table: "interviews",
    name: "feedback_due_since",
    reason: "the end of a completed interview without submitted feedback, generated for the Feedback filter's index; Prisma cannot declare a generated column",
  },
  ...(
    [
      ["jobs_queued_idx", "due jobs of a kind in claim order, QUEUED rows only"],
      ["jobs_running_idx", "leases to take over, RUNNING rows only"],
      ["jobs_serial_idx", "a serialisation key's other live jobs"],
      ["jobs_dedup_key", "at most one QUEUED job per de-duplication key (unique only among QUEUED rows)"],
      ["jobs_dead_idx", "dead-lettered jobs of a kind, newest first, for /settings/jobs"],
    ] as const
  ).map(([name, why]) => ({ kind: "partial index", table: "jobs", name, reason: `${why}; Prisma cannot express a partial index` })),
  ...(
    [
      ["interviews", "interviews_feedback_due_since_idx", "completed interviews waiting for feedback, in list order, for the feedback due/overdue filter (index-only count)"],
      ["feedback", "feedback_submitted_interview_id_idx", "submitted feedback by interview, for feedback_mark_interview's recount (index-only)"],
      ["interviews", "interviews_booked_interviewer_id_starts_at_idx", "booked (not cancelled) interviews per interviewer, for /settings/load (index-only)"],
      ["interviews", "interviews_talk_time_figures_idx", "completed interviews with talk time and its three figures, for /settings/load's talk time (index-only)"],
      ["interviews", "interviews_due_feedback_interviewer_id_idx", "interviews waiting for feedback per panel member, for an interviewer's own feedback due (index-only)"],
      ["interviews", "interviews_due_feedback_interviewer_email_idx", "interviews waiting for feedback per host email, for an interviewer's own feedback due (index-only)"],
    ] as const
  ).map(([table, name, why]) => ({ kind: "partial index", table, name, reason: `${why}; Prisma cannot express a partial index` })),
];

const SCHEMA_DIR = path.join(process.cwd(), "prisma", "schema");
const adminUrl = testDatabaseUrl();
const scratchDatabases: string[] = [];
const tempDirs: string[] = [];

function databaseUrl(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates a scratch database on the test server, migrates it from `dir`, and returns its URL. */
async function migratedScratchDatabase(dir?: string): Promise<string> {
  const name = `drift_${randomBytes(6).toString("hex")}`;
  await withPgClient((client) => client.query(`CREATE DATABASE "${name}"`), adminUrl);
  scratchDatabases.push(name);
  const url = databaseUrl(name);
  await migrate(url, dir ? { dir } : {});
  return url;
}

let expected: ExpectedSchema;

beforeAll(async () => {
  expected = expectedSchema(getDmmf(readSchemaFolder(SCHEMA_DIR)));
});

afterAll(async () => {
  await withPgClient(async (client) => {
    for (const name of scratchDatabases) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }, adminUrl);
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

describe("prisma/migrations SQL vs prisma/schema/", () => {
  let actual: DbSchema;
  let url: string;

  beforeAll(async () => {
    url = await migratedScratchDatabase();
    actual = await withPgClient(introspectDatabase, url);
  });

  it("reads every model and enum of the schema", () => {
    // Guards the comparison against silently comparing nothing.
    expect(expected.tables.length).toBeGreaterThanOrEqual(10);
    expect(expected.tables.map((t) => t.name)).toContain("sandbox_bookings");
    expect([...expected.enums.keys()]).toContain("UserRole");
    expect(actual.tables.size).toBeGreaterThanOrEqual(10);
  });

  it("creates exactly the database the schema describes (plus the allow-listed SQL-only objects)", () => {
    const differences = diffSchema(expected, actual, SQL_ONLY_ALLOW_LIST);
    expect(differences, `The Prisma schema and the migration SQL disagree:\n  ${differences.join("\n  ")}\n`).toEqual([]);
  });

  it("keeps the SQL-only exclusion constraint sandbox_bookings_no_overlap", async () => {
    const { rows } = await withPgClient(
      (client) => client.query<{ conname: string; table_name: string }>(`SELECT c.conname, t.relname AS table_name FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid WHERE c.contype = 'x'`),
      url,
    );
    expect(rows).toContainEqual({ conname: "sandbox_bookings_no_overlap", table_name: "sandbox_bookings" });
  });
});

describe("the drift check itself", () => {
  it("reports every change of a deliberately drifting extra migration", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "schema-drift-"));
    tempDirs.push(dir);
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    // Sorts after every real migration, so the drift applies to the final schema.
    await mkdir(path.join(dir, "99999999999999_drift_probe"));
    await writeFile(
      path.join(dir, "99999999999999_drift_probe", "migration.sql"),
      `
      ALTER TABLE "users" ALTER COLUMN "name" DROP NOT NULL;
      ALTER TABLE "users" ALTER COLUMN "last_login_at" TYPE TIMESTAMP(3);
      ALTER TABLE "candidates" RENAME COLUMN "linkedin_url" TO "linkedin";
      ALTER TABLE "panels" ALTER COLUMN "buffer_before_minutes" SET DEFAULT 5;
      ALTER TABLE "users" ALTER COLUMN "id" SET DEFAULT gen_random_uuid();
      ALTER TABLE "interviews" ADD COLUMN "sql_only" TEXT;
      DROP INDEX "interviews_starts_at_idx";
      DROP INDEX "panels_name_key";
      CREATE INDEX "panels_name_key" ON "panels"("name");
      ALTER INDEX "roles_slug_key" RENAME TO "roles_slug_unique";
      ALTER TABLE "panel_members" DROP CONSTRAINT "panel_members_pkey", ADD CONSTRAINT "panel_members_pkey" PRIMARY KEY ("interviewer_id", "panel_id");
      ALTER TABLE "roles" DROP CONSTRAINT "roles_panel_id_fkey",
        ADD CONSTRAINT "roles_panel_id_fkey" FOREIGN KEY ("panel_id") REFERENCES "panels"("id") ON DELETE CASCADE ON UPDATE CASCADE;
      ALTER TYPE "UserRole" ADD VALUE 'GUEST';
      ALTER TABLE "sandbox_bookings" DROP CONSTRAINT "sandbox_bookings_no_overlap";
      ALTER TABLE "sandbox_events" ADD CONSTRAINT "sandbox_events_time_order" CHECK ("end_time" > "start_time");
      CREATE TABLE "sql_only_table" ("id" INTEGER NOT NULL PRIMARY KEY);
      `,
    );
    const url = await migratedScratchDatabase(dir);
    const differences = diffSchema(expected, await withPgClient(introspectDatabase, url), SQL_ONLY_ALLOW_LIST);

    expect([...differences].sort()).toEqual(
      [
        `enum "UserRole": values differ: schema (ADMIN, RECRUITER, INTERVIEWER), database (ADMIN, RECRUITER, INTERVIEWER, GUEST)`,
        `model User (table "users"): column "id" (field id): default differs: schema none [@default(uuid(4)) (generated by Prisma Client)], database gen_random_uuid()`,
        `model User (table "users"): column "name" (field name): nullability differs: schema NOT NULL, database NULL`,
        `model User (table "users"): column "last_login_at" (field lastLoginAt): type differs: schema timestamp(3) with time zone, database timestamp(3) without time zone`,
        `model Candidate (table "candidates"): column "linkedin_url" (field linkedinUrl): missing in the database`,
        `model Candidate (table "candidates"): column "linkedin" (text) exists in the database but no field maps to it`,
        `model Panel (table "panels"): column "buffer_before_minutes" (field bufferBeforeMinutes): default differs: schema 0 [@default(0)], database 5`,
        `model Panel (table "panels"): unique index (name) [@unique/@@unique] missing in the database (expected name "panels_name_key")`,
        `model Panel (table "panels"): index (name) "panels_name_key" exists in the database but not in the schema`,
        `model Role (table "roles"): unique index (slug) name differs: schema "roles_slug_key", database "roles_slug_unique"`,
        `model Role (table "roles"): foreign key (panel_id) -> "panels" (relation field panel): ON DELETE differs: schema Restrict, database Cascade`,
        `model PanelMember (table "panel_members"): primary key columns differ: schema (panel_id, interviewer_id), database (interviewer_id, panel_id)`,
        `model Interview (table "interviews"): column "sql_only" (text) exists in the database but no field maps to it`,
        `model Interview (table "interviews"): index (starts_at) [@@index] missing in the database (expected name "interviews_starts_at_idx")`,
        `table "sql_only_table": exists in the database but no model maps to it`,
        `check constraint "sandbox_events"."sandbox_events_time_order" [CHECK (end_time > start_time)]: exists in the database only (not expressible in the Prisma schema) and is not in the SQL-only allow-list`,
        `exclusion constraint "sandbox_bookings"."sandbox_bookings_no_overlap": allow-listed as SQL-only but missing in the database (one host cannot hold two live bookings whose buffered ranges overlap; Prisma has no EXCLUDE constraints)`,
      ].sort(),
    );
  });
});
