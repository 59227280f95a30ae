/**
 * Serves the sandbox's `/v3/**` API (the same handler app/v3/[...path]/route.ts calls) on a local
 * port, so integration tests drive it through the real `nylas` SDK over HTTP without Next.js.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { assertServerEnv } from "@/lib/env";
import { handleSandboxRequest } from "@/lib/sandbox/api";

export type TestServer = { origin: string; close: () => Promise<void> };

export async function startSandboxServer(): Promise<TestServer> {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    const body = chunks.length && req.method !== "GET" && req.method !== "HEAD" ? Buffer.concat(chunks) : undefined;
    const request = new Request(url, { method: req.method, headers: req.headers as Record<string, string>, body });
    const segments = url.pathname.split("/").filter(Boolean);
    const response =
      segments[0] === "v3" ? await handleSandboxRequest(request, segments.slice(1)) : new Response("not found", { status: 404 });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The sandbox builds links and the SDK its URLs from APP_URL: point both at this server.
  process.env.APP_URL = origin;
  assertServerEnv();
  return { origin, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A local webhook receiver that records what it gets and answers with scripted statuses. */
export async function startWebhookReceiver(statuses: number[] = []) {
  const received: { headers: http.IncomingHttpHeaders; body: Buffer }[] = [];
  const queue = [...statuses];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    received.push({ headers: req.headers, body: Buffer.concat(chunks) });
    res.writeHead(queue.shift() ?? 200).end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/nylas`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
