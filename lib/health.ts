import "server-only";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";

export type Health = { ok: boolean; mode: string; database: "up" | "down" };

export async function checkHealth(): Promise<Health> {
  const mode = getEnv().NYLAS_MODE;
  try {
    await db.$queryRaw`SELECT 1`;
    return { ok: true, mode, database: "up" };
  } catch {
    return { ok: false, mode, database: "down" };
  }
}
