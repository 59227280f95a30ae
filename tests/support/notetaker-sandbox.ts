/**
 * Helpers for tests of the sandbox Notetaker and the app's media pipeline: booking through the
 * `nylas` SDK, the sandbox's control endpoints (not part of the SDK: run, faults, expire-media,
 * history), raw calls with the sandbox API key, and byte/hash utilities.
 */
import { createHash } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { NylasApiError } from "nylas";
import { getEnv } from "@/lib/env";
import { getNylas } from "@/lib/nylas/client";

export const DANA = { name: "Dana Chen", email: "dana.chen@example.org" };

export const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** `Content-Digest: sha-256=:<base64>:` as lowercase hex (null when absent). */
export function digestHex(header: string | null): string | null {
  const match = /^sha-256=:([A-Za-z0-9+/=]+):$/.exec(header ?? "");
  return match ? Buffer.from(match[1]!, "base64").toString("hex") : null;
}

export type Slot = { startTime: number; endTime: number; emails: string[] };

/** The configuration's offered slots over the next `days` days (through the SDK). */
export async function offeredSlots(configurationId: string, days = 21): Promise<Slot[]> {
  const t = nowSeconds();
  const res = await getNylas().scheduler.availability.get({ queryParams: { configurationId, startTime: t, endTime: t + days * 86_400 } });
  return res.data.timeSlots as Slot[];
}

/** Books `slot` with its first offered host (through the SDK). */
export async function bookSlot(configurationId: string, slot: Slot, guest: { name: string; email: string } = DANA, host = slot.emails[0]!) {
  const res = await getNylas().scheduler.bookings.create({
    queryParams: { configurationId },
    requestBody: { startTime: slot.startTime, endTime: slot.endTime, guest, participants: [{ email: host }] },
  });
  return res.data;
}

/** Books the first offered slot. */
export async function bookFirstSlot(configurationId: string, guest: { name: string; email: string } = DANA) {
  const slot = (await offeredSlots(configurationId))[0]!;
  return { slot, booking: await bookSlot(configurationId, slot, guest) };
}

/** The NylasApiError an SDK call fails with; anything else (success included) fails the test. */
export async function sdkError(promise: Promise<unknown>): Promise<NylasApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof NylasApiError) return error;
    throw error;
  }
  throw new Error("expected the SDK call to fail");
}

export type ApiAnswer<T = Record<string, any>> = { status: number; body: T; headers: Headers };

/** A raw sandbox API call with the sandbox API key (for what the SDK lacks). */
export async function sandboxApi<T = Record<string, any>>(origin: string, method: string, apiPath: string, body?: unknown): Promise<ApiAnswer<T>> {
  const res = await fetch(`${origin}${apiPath}`, {
    method,
    headers: { authorization: `Bearer ${getEnv().NYLAS_SANDBOX_API_KEY}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as T, headers: res.headers };
}

export const runNotetaker = (origin: string, id: string, outcome: "completed" | "failed_entry" = "completed") => sandboxApi(origin, "POST", `/v3/sandbox/notetakers/${id}/run`, { outcome });
export const setMediaFaults = (origin: string, id: string, faults: Record<string, unknown>) => sandboxApi(origin, "POST", `/v3/sandbox/notetakers/${id}/faults`, faults);
export const expireMedia = (origin: string, id: string) => sandboxApi(origin, "POST", `/v3/sandbox/notetakers/${id}/expire-media`);

export type HistoryEvent = { created_at: number; event_type: string; data: Record<string, any> };
export async function notetakerHistory(origin: string, id: string, grant?: string): Promise<ApiAnswer<{ data: { events: HistoryEvent[] } }>> {
  return sandboxApi(origin, "GET", grant ? `/v3/grants/${grant}/notetakers/${id}/history` : `/v3/notetakers/${id}/history`);
}

/** Every file under `dir` (relative paths, sorted); [] when it does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(current: string) {
    let entries;
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else out.push(path.relative(dir, full));
    }
  }
  await walk(dir);
  return out.sort();
}

export async function readAll(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** Restores the env keys it changed when `restore()` is called (and re-validates the env). */
export function envOverride(values: Record<string, string | undefined>, revalidate: () => void) {
  const previous = Object.fromEntries(Object.keys(values).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  revalidate();
  return () => {
    for (const [k, v] of Object.entries(previous)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    revalidate();
  };
}
