/** Schemas for the debrief's media routes and actions. Pure; pages, routes, actions and tests share them. */
import { z } from "zod";
import { ZId } from "@/lib/validations/ids";

export const ZToggleActionItem = z.object({
  id: ZId,
  done: z.enum(["true", "false"]).transform((value) => value === "true"),
});

export const ZRetryMediaAsset = z.object({ id: ZId });

/** The upload fallback's result, as the upload route answers it. */
export type TUploadResult = { ok: true; message: string; stored: ("RECORDING" | "TRANSCRIPT")[] } | { ok: false; message: string; stored: ("RECORDING" | "TRANSCRIPT")[] };
