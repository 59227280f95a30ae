"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { authenticatedAction } from "@/lib/auth";
import { getEnv } from "@/lib/env";
import { SandboxApiError } from "@/lib/sandbox/errors";
import { runNotetakerNow } from "@/lib/sandbox/notetakers";
import { ZConsoleRun, type TConsoleRunState } from "@/lib/validations/sandbox";

/**
 * POST (server action) /sandbox — "Run interview now" / "Fail entry": the notetaker's whole
 * lifecycle at once, the same code as POST /v3/sandbox/notetakers/{id}/run. ADMIN, sandbox mode only.
 */
export const runNotetakerAction = authenticatedAction(
  async (_user, _previous: TConsoleRunState, formData: FormData): Promise<TConsoleRunState> => {
    if (getEnv().NYLAS_MODE !== "sandbox") notFound();
    const parsed = ZConsoleRun.safeParse({ id: formData.get("id"), outcome: formData.get("outcome") });
    if (!parsed.success) return { status: "error", message: "That is not a notetaker of this sandbox." };
    try {
      await runNotetakerNow(parsed.data.id, parsed.data.outcome);
    } catch (error) {
      if (error instanceof SandboxApiError) return { status: "error", message: error.message };
      console.error("[sandbox] run failed", error);
      return { status: "error", message: "Could not run the notetaker. Try again." };
    }
    revalidatePath("/sandbox");
    return {
      status: "success",
      message: parsed.data.outcome === "completed" ? "Done: the interview ran and its media is available." : "Done: the Notetaker failed to enter (admission timeout).",
    };
  },
  { roles: ["ADMIN"] },
);
