/**
 * One LISTEN connection per worker process on `portal_jobs` (lib/jobs/store.ts notifies it with a
 * kind's name when a job of that kind is enqueued or a serialised job finishes). A lost connection
 * is opened again with backoff; after every (re)connection every kind is woken, since
 * notifications sent meanwhile were missed. Polling stays as the safety net.
 */
import pg from "pg";
import { JOBS_CHANNEL } from "./store";

export type JobListener = { close: () => Promise<void> };

export function listenForJobs(databaseUrl: string, onKind: (kind: string) => void, onReconnected: () => void): JobListener {
  let client: pg.Client | undefined;
  let closed = false;
  let attempt = 0;
  let retry: NodeJS.Timeout | undefined;
  let connecting: Promise<void> | undefined;

  const connect = async () => {
    const next = new pg.Client({ connectionString: databaseUrl, application_name: "portal-job-listener" });
    next.on("notification", (message) => {
      if (message.channel === JOBS_CHANNEL && message.payload) onKind(message.payload);
    });
    next.on("error", () => undefined); // followed by "end", where it is handled
    next.on("end", () => {
      if (client === next) client = undefined;
      if (!closed) reconnectLater();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${JOBS_CHANNEL}`);
      if (closed) {
        await next.end().catch(() => undefined);
        return;
      }
      client = next;
      if (attempt > 0) console.log("[jobs] listening for job notifications again");
      attempt = 0;
      onReconnected();
    } catch (error) {
      await next.end().catch(() => undefined);
      if (attempt === 0) console.error(`[jobs] cannot listen for job notifications (polling meanwhile): ${error instanceof Error ? error.message : String(error)}`);
      reconnectLater();
    }
  };
  const reconnectLater = () => {
    if (closed || retry) return;
    attempt++;
    retry = setTimeout(
      () => {
        retry = undefined;
        connecting = connect();
      },
      Math.min(100 * 2 ** attempt, 5_000),
    );
    retry.unref();
  };

  connecting = connect();
  return {
    close: async () => {
      closed = true;
      clearTimeout(retry);
      await connecting?.catch(() => undefined);
      const current = client;
      client = undefined;
      await current?.end().catch(() => undefined);
    },
  };
}
