/** Reads for the admin settings overview. Only the columns the pages show. */
import "server-only";
import { db } from "@/lib/db";
import type { AvailabilityMethod, RecordingPolicy } from "@/lib/generated/prisma/enums";

export type SettingsPanel = {
  id: string;
  name: string;
  availabilityMethod: AvailabilityMethod;
  durationMinutes: number;
  /** e.g. "Google Meet"; null: no video call (and so no Notetaker) */
  conferencingProvider: string | null;
  notetakerEnabled: boolean;
  /** In participant order (the round-robin tie-breaker). */
  members: Array<{ position: number; interviewer: { id: string; name: string; email: string } }>;
};

export type SettingsRole = {
  id: string;
  title: string;
  slug: string;
  published: boolean;
  /** The role's own recording policy; null: the organisation default. */
  recordingPolicy: RecordingPolicy | null;
  panel: { id: string; name: string };
};

export async function listPanelsForSettings(): Promise<SettingsPanel[]> {
  return db.panel.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      availabilityMethod: true,
      durationMinutes: true,
      conferencingProvider: true,
      notetakerEnabled: true,
      members: {
        orderBy: { position: "asc" },
        select: { position: true, interviewer: { select: { id: true, name: true, email: true } } },
      },
    },
  });
}

export async function listRolesForSettings(): Promise<SettingsRole[]> {
  return db.role.findMany({
    orderBy: [{ published: "desc" }, { title: "asc" }],
    select: { id: true, title: true, slug: true, published: true, recordingPolicy: true, panel: { select: { id: true, name: true } } },
  });
}
