/** Schemas for the /sandbox console's actions. Pure. */
import { z } from "zod";

export const ZConsoleRun = z.object({
  id: z.string().regex(/^[0-9a-f]{32}$/),
  outcome: z.enum(["completed", "failed_entry"]),
});

export type TConsoleRunState = { status: "idle" } | { status: "success"; message: string } | { status: "error"; message: string };
