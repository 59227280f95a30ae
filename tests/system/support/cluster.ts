/** One scenario's cluster: its own PostgreSQL with a fresh database, app instances and workers. */
import { rmSync } from "node:fs";
import path from "node:path";
import { freePort, log, Postgres, ROOT, startExtraApp, startPrimaryApp, startWorker, stop, type ClusterEnv, type Proc } from "./processes";

/** Scale of the storm: the full 10,000 in `npm test`; SYSTEM_STORM_NOTIFICATIONS shrinks it while iterating. */
export const STORM_NOTIFICATIONS = Number(process.env.SYSTEM_STORM_NOTIFICATIONS ?? 10_000);

export class Cluster {
  readonly pg = new Postgres();
  env!: ClusterEnv;
  apps: Proc[] = [];
  appUrls: string[] = [];
  workers: Proc[] = [];

  async start(name: string, opts: { apps?: number; workers?: number; leaseSeconds?: number; extra?: Record<string, string> } = {}): Promise<void> {
    await this.pg.start();
    const databaseUrl = await this.pg.freshDatabase(`portal_system_${name}`);
    const port = await freePort();
    const appUrl = `http://127.0.0.1:${port}`;
    this.env = { databaseUrl, appUrl, leaseSeconds: opts.leaseSeconds ?? 300, mediaDir: path.join(ROOT, ".data", "test-system", `media-${name}-${process.pid}`), extra: opts.extra };
    const t0 = Date.now();
    this.apps.push(await startPrimaryApp(this.env));
    this.appUrls.push(appUrl);
    for (let i = 1; i < (opts.apps ?? 1); i++) {
      const extraPort = await freePort();
      this.apps.push(await startExtraApp(this.env, extraPort, `app-${i}`));
      this.appUrls.push(`http://127.0.0.1:${extraPort}`);
    }
    for (let i = 0; i < (opts.workers ?? 2); i++) this.workers.push(await startWorker(this.env, `worker-${i}`));
    log(`${name}: ${this.apps.length} app instance(s) and ${this.workers.length} worker(s) up in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }

  async addWorker(name: string): Promise<Proc> {
    const w = await startWorker(this.env, name);
    this.workers.push(w);
    return w;
  }

  /** Workers and apps first (they drain), then the database. */
  async stop(): Promise<void> {
    await Promise.all(this.workers.map((w) => stop(w)));
    await Promise.all([...this.apps].reverse().map((a) => stop(a, 15_000)));
    await this.pg.remove().catch((e) => log(`could not stop PostgreSQL: ${String(e)}`));
    if (this.env) rmSync(this.env.mediaDir, { recursive: true, force: true });
  }

  /** Error lines of every process, for a failing assertion's message. */
  errors(): string[] {
    return [...this.apps, ...this.workers].flatMap((p) =>
      p.output
        .filter((l) => /error|Error/.test(l))
        .slice(-10)
        .map((l) => `${p.name}: ${l}`),
    );
  }
}
