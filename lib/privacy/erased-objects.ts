import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Whether a Nylas booking or notetaker belonged to an erased candidate (lib/privacy/erasure.ts):
 * its notifications are then dropped, never applied.
 */
export async function isErasedNylasObject(client: Pick<Prisma.TransactionClient, "erasedNylasObject">, id: string): Promise<boolean> {
  return (await client.erasedNylasObject.count({ where: { id } })) > 0;
}
