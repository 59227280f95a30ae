/** Pure: who is the candidate and who is the interviewer in a booking's participants. */
import { INTERVIEW_TITLE_TEMPLATE } from "@/lib/nylas/configuration-request";
import { normalizeEmail } from "@/lib/utils";
import type { BookingParticipant } from "./booking-reducer";

export type ParticipantRoles = { kind: "resolved"; guest: BookingParticipant; interviewer: BookingParticipant | null } | { kind: "unknown"; reason: "no_participants" | "no_guest" | "ambiguous" };

/**
 * The guest is the participant who is not an interviewer; the interviewer is the one who is
 * (panel members first, then anyone on the interviewer list). Several non-interviewers (extra
 * guests) are told apart by the name in the event title.
 */
export function classifyParticipants(participants: readonly BookingParticipant[] | null, interviewerEmails: ReadonlySet<string>, title: string | null): ParticipantRoles {
  if (!participants?.length) return { kind: "unknown", reason: "no_participants" };
  const interviewers = participants.filter((p) => interviewerEmails.has(normalizeEmail(p.email)));
  const guests = participants.filter((p) => !interviewerEmails.has(normalizeEmail(p.email)));
  if (!guests.length) return { kind: "unknown", reason: "no_guest" };
  let guest = guests[0]!;
  if (guests.length > 1) {
    // The invitee's exact name from a title made with our template, else a name the title contains.
    const invitee = guestNameFromTitle(title);
    const exact = invitee ? guests.filter((g) => g.name === invitee) : [];
    const named = exact.length ? exact : guests.filter((g) => g.name && title?.includes(g.name));
    if (named.length !== 1) return { kind: "unknown", reason: "ambiguous" };
    guest = named[0]!;
  }
  return { kind: "resolved", guest, interviewer: interviewers[0] ?? null };
}

/** The invitee's name from a title made with our template ("Interview with ${invitee}"), if it was. */
export function guestNameFromTitle(title: string | null, template = INTERVIEW_TITLE_TEMPLATE): string | null {
  if (!title) return null;
  const [prefix = "", suffix = ""] = template.split("${invitee}");
  if (!title.startsWith(prefix) || !title.endsWith(suffix) || title.length <= prefix.length + suffix.length) return null;
  return title.slice(prefix.length, title.length - suffix.length).trim() || null;
}

/** A LinkedIn/portfolio URL from the booking form, only if it is an http(s) URL. */
export function readProfileUrl(fields: Record<string, unknown> | null): string | null {
  const value = fields?.linkedin_url;
  if (typeof value !== "string" || !value.trim()) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}
