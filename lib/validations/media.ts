/** Schemas for the debrief's media routes and actions. Pure; pages, routes, actions and tests share them. */
import { z } from "zod";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const ZUuid = z.string().regex(UUID).transform((id) => id.toLowerCase());

export const ZToggleActionItem = z.object({
  id: ZUuid,
  done: z.enum(["true", "false"]).transform((value) => value === "true"),
});

export const ZRetryMediaAsset = z.object({ id: ZUuid });

/** The upload fallback's result, as the upload route answers it. */
export type TUploadResult =
  | { ok: true; message: string; stored: ("RECORDING" | "TRANSCRIPT")[] }
  | { ok: false; message: string; stored: ("RECORDING" | "TRANSCRIPT")[] };

export type TActionState = { status: "idle" } | { status: "success"; message: string } | { status: "error"; message: string };
