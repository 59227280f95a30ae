/**
 * Serves the sandbox's `/v3/**` API (the same handler app/v3/[...path]/route.ts calls) on a local
 * port, so integration tests drive it through the real `nylas` SDK over HTTP without Next.js.
 *
 * Responses are streamed (media files arrive as Nylas's storage sends them: a sandbox fault that
 * drops the connection mid-file drops this connection too). With `webhookRoute`, the server also
 * routes `POST /api/webhooks/nylas` to the app's real route handler, so the sandbox's own signed
 * deliveries ("sandbox.webhook-delivery" jobs, to APP_URL/api/webhooks/nylas after ensureWebhookSubscription)
 * land in the app's inbox: the whole loop in one process. Every request is recorded in `requests`.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { assertServerEnv } from "@/lib/env";
import { handleSandboxRequest } from "@/lib/sandbox";

export type RecordedRequest = { method: string; path: string; query: URLSearchParams; status: number };

export type TestServer = {
  origin: string;
  close: () => Promise<void>;
  /** Every request served, in arrival order (status once the handler answered). */
  requests: RecordedRequest[];
};

export type SandboxServerOptions = {
  /** Also serve POST /api/webhooks/nylas with the app's route handler (default false). */
  webhookRoute?: boolean;
};

type RouteHandler = (request: Request) => Promise<Response>;

async function writeResponse(req: http.IncomingMessage, res: http.ServerResponse, response: Response): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body || req.method === "HEAD") {
    await response.body?.cancel().catch(() => undefined);
    res.end();
    return;
  }
  const reader = response.body.getReader();
  let closed = false;
  res.once("close", () => {
    closed = true;
    reader.cancel().catch(() => undefined);
  });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || closed) break;
      if (!res.write(value)) {
        await new Promise<void>((resolve) => {
          res.once("drain", resolve);
          res.once("close", resolve);
        });
      }
    }
    res.end();
  } catch {
    // The body failed mid-stream (e.g. the sandbox's "truncate" fault): drop the connection, as a server would.
    res.destroy();
  }
}

export async function startSandboxServer(options: SandboxServerOptions = {}): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  let webhookPost: RouteHandler | undefined;
  if (options.webhookRoute) webhookPost = (await import("@/app/api/webhooks/nylas/route")).POST;

  const server = http.createServer(
    (req, res) =>
      void (async () => {
        try {
          const chunks: Buffer[] = [];
          for await (const chunk of req) chunks.push(chunk as Buffer);
          const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
          const body = chunks.length && req.method !== "GET" && req.method !== "HEAD" ? Buffer.concat(chunks) : undefined;
          const request = new Request(url, { method: req.method, headers: req.headers as Record<string, string>, body });
          const segments = url.pathname.split("/").filter(Boolean);
          const entry: RecordedRequest = { method: req.method ?? "GET", path: url.pathname, query: url.searchParams, status: 0 };
          requests.push(entry);
          const response =
            segments[0] === "v3"
              ? await handleSandboxRequest(request, segments.slice(1))
              : webhookPost && req.method === "POST" && url.pathname === "/api/webhooks/nylas"
                ? await webhookPost(request)
                : new Response("not found", { status: 404 });
          entry.status = response.status;
          await writeResponse(req, res, response);
        } catch (error) {
          console.error("[sandbox-server] request failed", error);
          if (!res.headersSent) res.writeHead(500).end("test server error");
          else res.destroy();
        }
      })(),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The sandbox builds links and the SDK its URLs from APP_URL: point both at this server.
  process.env.APP_URL = origin;
  assertServerEnv();
  return {
    origin,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Keep-alive and hung test connections must not hold close() up.
        server.closeAllConnections();
      }),
  };
}

/** A local webhook receiver that records what it gets and answers with scripted statuses. */
export async function startWebhookReceiver(statuses: number[] = []) {
  const received: { headers: http.IncomingHttpHeaders; body: Buffer }[] = [];
  const queue = [...statuses];
  const server = http.createServer(
    (req, res) =>
      void (async () => {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        received.push({ headers: req.headers, body: Buffer.concat(chunks) });
        res.writeHead(queue.shift() ?? 200).end("ok");
      })(),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/nylas`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
