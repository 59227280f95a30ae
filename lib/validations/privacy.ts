/**
 * The recording forms (issue 16): the organisation's "Default recording policy" on
 * /settings/privacy, and an interviewer's recording opt-out (set by an admin on the panel page, or
 * by the interviewer on /account). What they send and what a save answers. Pure (no db, no
 * next/*): the forms, the server actions and lib/privacy share them.
 */
import { z } from "zod";
import type { TActionState } from "@/lib/actions/state";
import { ZRecordingPolicy, type RecordingPolicy } from "@/lib/privacy/policy";
import { zId } from "@/lib/validations/ids";

export const ZRecordingPolicyInput = z.object({ recordingPolicy: ZRecordingPolicy });
export type TRecordingPolicyInput = z.infer<typeof ZRecordingPolicyInput>;

/** A save of the default: on success, the policy now in force and how many roles were queued for a re-sync. */
export type TRecordingPolicyState = TActionState<{ recordingPolicy: RecordingPolicy; resyncedRoles: number }>;

/**
 * The opt-out as its form sends it: "true" or "false" from a hidden input that mirrors the
 * checkbox. A missing value is an error, never "false": a post that does not say what it wants
 * must not opt anyone back in to recording.
 */
export const ZRecordingOptOutFlag = z.enum(["true", "false"], { error: "Say whether their interviews may be recorded." }).transform((value) => value === "true");

export const ZInterviewerOptOutInput = z.object({
  interviewerId: zId("That is not an interviewer."),
  recordingOptOut: ZRecordingOptOutFlag,
});
export type TInterviewerOptOutInput = z.infer<typeof ZInterviewerOptOutInput>;

export const ZOwnOptOutInput = z.object({ recordingOptOut: ZRecordingOptOutFlag });

/** A save of an opt-out: on success, the value now stored. */
export type TRecordingOptOutState = TActionState<{ recordingOptOut: boolean }>;
