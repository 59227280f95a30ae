/**
 * Pure: why an interview went to whom. The panel's members ranked as round robin ranks them (the
 * app's own records: each member's most recent booking in this role before this one; never booked
 * first, then oldest first, ties by panel order), each marked chosen / busy / capped / free at the
 * interview's time (free/busy from Nylas, weekly caps from the app), and a one-line verdict.
 */

export type AssignmentMethod = "max-fairness" | "max-availability";
export type MemberStatus = "chosen" | "busy" | "capped" | "free" | "unknown";

export type AssignmentMember = {
  email: string;
  name: string;
  /** 1 = first in line */
  rank: number;
  /** ISO time of their last booking in this role before this one; null: never booked */
  lastBookedAt: string | null;
  status: MemberStatus;
  /** e.g. "5 of 5 interviews that week" for capped */
  detail: string | null;
};

export type AssignmentRecord = {
  version: 1;
  method: AssignmentMethod;
  /** When this was worked out (the booking's processing). */
  computedAt: string;
  slot: { start: string; end: string };
  members: AssignmentMember[];
  chosenEmail: string | null;
  /** null when Nylas answered; else why busy/free is unknown */
  freeBusyError: string | null;
  verdict: string;
};

export type MemberInput = {
  email: string;
  name: string;
  position: number;
  lastBookedAt: Date | null;
  /** interviews that week (other than this one) and the cap; null: no cap */
  weekCount: number;
  weeklyCap: number | null;
  /** a load-cap block covers the interview's time */
  blocked: boolean;
};

export type ExplainInput = {
  method: AssignmentMethod;
  slot: { start: Date; end: Date };
  members: MemberInput[];
  chosenEmail: string | null;
  /** emails Nylas reports busy at the slot (buffers included); null when free/busy failed */
  busyEmails: Set<string> | null;
  freeBusyError: string | null;
  now: Date;
};

/** Round-robin order: never booked first, then least recently booked, ties by panel order. */
export function rankMembers<T extends { lastBookedAt: Date | null; position: number }>(members: T[]): T[] {
  return [...members].sort((a, b) => {
    const at = a.lastBookedAt?.getTime() ?? -Infinity;
    const bt = b.lastBookedAt?.getTime() ?? -Infinity;
    return at !== bt ? at - bt : a.position - b.position;
  });
}

export function explainAssignment(input: ExplainInput): AssignmentRecord {
  const ranked = rankMembers(input.members);
  const members: AssignmentMember[] = ranked.map((m, index) => {
    const atCap = m.weeklyCap !== null && m.weekCount >= m.weeklyCap;
    const capped = m.blocked || atCap;
    let status: MemberStatus;
    if (m.email === input.chosenEmail) status = "chosen";
    else if (capped) status = "capped";
    else if (input.busyEmails === null) status = "unknown";
    else status = input.busyEmails.has(m.email) ? "busy" : "free";
    // A block can outlive the count that set it (a cancellation, a raised cap) until the worker's next pass.
    const detail = atCap ? `${m.weekCount} of ${m.weeklyCap} interviews that week` : m.blocked ? "load cap block on their calendar" : null;
    return { email: m.email, name: m.name, rank: index + 1, lastBookedAt: m.lastBookedAt?.toISOString() ?? null, status, detail };
  });
  return {
    version: 1,
    method: input.method,
    computedAt: input.now.toISOString(),
    slot: { start: input.slot.start.toISOString(), end: input.slot.end.toISOString() },
    members,
    chosenEmail: input.chosenEmail,
    freeBusyError: input.freeBusyError,
    verdict: verdictFor(input.method, members, input.chosenEmail),
  };
}

function verdictFor(method: AssignmentMethod, members: AssignmentMember[], chosenEmail: string | null): string {
  const chosen = members.find((m) => m.email === chosenEmail);
  if (!chosen) return chosenEmail ? `${chosenEmail} is not on this panel (any more).` : "No interviewer was assigned.";
  const ahead = members.filter((m) => m.rank < chosen.rank);
  const line = chosen.lastBookedAt === null ? "never booked in this role" : "least recently booked in this role";
  if (ahead.length === 0) {
    return method === "max-fairness" ? `${chosen.name} was first in line (${line}); max fairness offers only their free times and books them.` : `${chosen.name} was first in line (${line}) and free.`;
  }
  const skipped = ahead.filter((m) => m.status === "busy" || m.status === "capped");
  if (skipped.length === ahead.length) {
    const reasons = skipped.map((m) => `${m.name} was ${m.status === "capped" ? "at their weekly cap" : "busy"}`).join(", ");
    return `${reasons}, so ${chosen.name} (next in line) got it.`;
  }
  const unknown = ahead.filter((m) => m.status === "unknown");
  if (unknown.length > 0) return `${chosen.name} got it; whether ${unknown.map((m) => m.name).join(", ")} (ahead in line) were free is unknown.`;
  const free = ahead.filter((m) => m.status === "free").map((m) => m.name);
  return `${chosen.name} got it although ${free.join(", ")} ranked ahead and ${free.length === 1 ? "was" : "were"} free at that time (Nylas ranks by its own booking records for this configuration).`;
}

/** The stored JSON, or null when there is none or it is not this shape. */
export function readAssignment(value: unknown): AssignmentRecord | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Partial<AssignmentRecord>;
  if (v.version !== 1 || !Array.isArray(v.members) || typeof v.method !== "string" || !v.slot || typeof v.verdict !== "string") return null;
  return v as AssignmentRecord;
}
