import "server-only";
import { assignmentJob } from "@/lib/assignment/jobs";
import { db } from "@/lib/db";
import { enqueue } from "@/lib/jobs";
import { requestLoadCapReconcile } from "@/lib/load/jobs";
import type { Prisma } from "@/lib/generated/prisma/client";
import { describeNylasError } from "@/lib/nylas/client";
import { lookupBookingParticipants } from "@/lib/nylas/booking-lookup";
import { notetakerSettingsFromPanel } from "@/lib/notetaker/settings";
import { isErasedNylasObject } from "@/lib/privacy/erased-objects";
import { scorecardVersionAtBooking } from "@/lib/scorecards/versions";
import { PANEL_NOTETAKER_SELECT, versionAtBooking } from "@/lib/settings/notetaker-versions";
import { normalizeEmail } from "@/lib/utils";
import { mustCancelNotetaker, readConsentRecord } from "@/lib/privacy/consent";
import { enqueueNotetakerCancel } from "@/lib/privacy/consent-jobs";
import { decideBookingRecording } from "@/lib/privacy/recording-decision";
import { getPrivacySettings, getRolePolicy } from "@/lib/privacy/settings";
import type { RecordingPolicy } from "@/lib/privacy/policy";
import { isBookingEventType, reduceBookingEvents, type BookingNotification, type BookingParticipant, type BookingState, type HistoryEntry } from "./booking-reducer";
import { lockBooking } from "./lock";
import { classifyParticipants, guestNameFromTitle, readProfileUrl } from "./participants";

type EventReader = { webhookEvent: Pick<Prisma.TransactionClient["webhookEvent"], "findMany"> };

async function loadBookingEvents(client: EventReader, bookingId: string): Promise<BookingNotification[]> {
  const rows = await client.webhookEvent.findMany({
    where: { bookingId, type: { in: ["booking.created", "booking.rescheduled", "booking.cancelled"] } },
    select: { notificationId: true, type: true, eventTime: true, payload: true, receivedAt: true },
  });
  return rows
    .filter((r) => isBookingEventType(r.type))
    .map((r) => {
      const payload = r.payload as { data?: { object?: BookingNotification["object"] } };
      return {
        notificationId: r.notificationId,
        type: r.type as BookingNotification["type"],
        time: Math.floor((r.eventTime ?? r.receivedAt).getTime() / 1000),
        object: payload.data?.object ?? {},
      };
    });
}

const toDate = (seconds: number | null) => (seconds === null ? null : new Date(seconds * 1000));

const createdAtOf = (history: unknown): number | null => (Array.isArray(history) ? ((history as HistoryEntry[]).find((h) => h.kind === "created")?.at ?? null) : null);

/**
 * Cancel-then-rebook: each booking (in the order they were made) replaces the person's latest
 * interview for the role that was cancelled before it was made and is not replaced by an earlier
 * one. A pure function of the person's interviews, so links made before every event had arrived
 * are corrected once the rest arrive.
 */
async function linkRebookings(tx: Prisma.TransactionClient, candidateId: string, applicationId: string | null, configurationId: string | null): Promise<void> {
  const group = await tx.interview.findMany({
    where: { candidateId, ...(applicationId ? { applicationId } : { applicationId: null, configurationId }) },
    select: { id: true, status: true, cancelledAt: true, history: true, replacesInterviewId: true },
  });
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const cancelled = group.flatMap((i) => (i.status === "CANCELLED" && i.cancelledAt ? [{ id: i.id, at: i.cancelledAt.getTime() }] : [])).sort((a, b) => b.at - a.at || byId(a, b));
  const made = group
    .flatMap((i) => {
      const at = createdAtOf(i.history);
      return at === null ? [] : [{ id: i.id, at: at * 1000 }];
    })
    .sort((a, b) => a.at - b.at || byId(a, b));
  const replaces = new Map<string, string>();
  const replaced = new Set<string>();
  for (const booking of made) {
    const previous = cancelled.find((c) => c.id !== booking.id && c.at <= booking.at && !replaced.has(c.id));
    if (!previous) continue;
    replaces.set(booking.id, previous.id);
    replaced.add(previous.id);
  }
  for (const i of group) {
    const want = replaces.get(i.id) ?? null;
    if (i.replacesInterviewId !== want) await tx.interview.update({ where: { id: i.id }, data: { replacesInterviewId: want } });
  }
}

/**
 * The recording decision for one booking's interview: the policy in force when it was booked, the
 * candidate's answer (kept over a reschedule or a rebooking unless changed) and the interviewer's
 * opt-out (lib/privacy/recording-decision.ts), stored on the interview. A Notetaker the decision
 * refuses is cancelled through Nylas, queued with the decision. A panel without a Notetaker books
 * none: there is nothing to refuse.
 */
async function decideInterviewRecording(
  tx: Prisma.TransactionClient,
  input: {
    interviewId: string;
    bookingId: string;
    roleId: string | null;
    panel: { notetakerEnabled: boolean; conferencingProvider: string | null; notetakerConsentMessage: string } | null;
    interviewerId: string | null;
    state: BookingState;
    notetakerId: string | null;
    existing: { recordingPolicy: RecordingPolicy | null; consent: unknown; notetakerState: string | null; notetakerGrantId: string | null } | null;
  },
): Promise<void> {
  const { existing, panel, state } = input;
  const policy = existing?.recordingPolicy ?? (input.roleId ? await getRolePolicy(tx, input.roleId) : (await getPrivacySettings(tx)).recordingPolicy);
  const replaced = await tx.interview.findUnique({ where: { id: input.interviewId }, select: { replaces: { select: { consent: true } } } });
  // Read here, under the booking's lock: an opt-out saved a moment ago counts (lib/privacy/interviewer-opt-out.ts).
  const interviewer = input.interviewerId ? await tx.interviewer.findUnique({ where: { id: input.interviewerId }, select: { recordingOptOut: true } }) : null;
  const recording = decideBookingRecording({
    policy,
    previous: readConsentRecord(existing?.consent) ?? readConsentRecord(replaced?.replaces?.consent),
    additionalFields: state.additionalFields,
    panelNotice: panel?.notetakerConsentMessage ?? "",
    interviewerOptedOut: interviewer?.recordingOptOut === true,
    // When the answer was given: the latest booking notification (booked, or rescheduled).
    now: new Date((state.history.at(-1)?.at ?? Date.now() / 1000) * 1000),
  });
  if (recording.problem) console.warn(`[recording-consent] booking ${input.bookingId}: ${recording.problem} Treated as no answer: not recorded.`);
  const panelRecords = panel === null || (panel.notetakerEnabled && panel.conferencingProvider !== null);
  const notRecordedReason = recording.decision.record || !panelRecords ? null : recording.decision.reason;
  await tx.interview.update({
    where: { id: input.interviewId },
    data: { recordingPolicy: policy, consent: recording.consent as unknown as Prisma.InputJsonValue, notRecordedReason },
  });
  if (notRecordedReason && mustCancelNotetaker(recording.decision, input.notetakerId) && existing?.notetakerState !== "deleted" && state.status !== "CANCELLED") {
    await enqueueNotetakerCancel(tx, { notetakerId: input.notetakerId!, grantId: existing?.notetakerGrantId ?? null });
  }
}

export type ProcessedBooking = {
  state: BookingState;
  /** The notifications this run read and applied (they are marked processed with the job). */
  notificationIds: string[];
  /** Set while the participants are unknown: what is known was saved; try again later. */
  retryReason: string | null;
};

/**
 * Brings one booking's candidate, application and interview up to date from ALL of its stored
 * events (any order, duplicates): the reducer makes the result independent of arrival order, and a
 * per-booking advisory lock keeps two writers off the same booking at once. In the same
 * transaction it enqueues what follows a change: "why this interviewer" and, for an interviewer
 * with a weekly cap, the cap's reconcile.
 */
export async function processBooking(bookingId: string): Promise<ProcessedBooking> {
  // A first look, outside the transaction, to prepare what needs the network.
  const preview = reduceBookingEvents(bookingId, await loadBookingEvents(db, bookingId));

  // The role, from the configuration id (unknown ids keep no role).
  const configuration = preview.configurationId
    ? await db.roleConfiguration.findFirst({
        // ids are UUIDs, so one from any Nylas environment names its role
        where: { configurationId: preview.configurationId },
        select: {
          role: {
            select: {
              id: true,
              panel: {
                select: {
                  id: true,
                  ...PANEL_NOTETAKER_SELECT,
                  members: { select: { interviewer: { select: { email: true } } } },
                },
              },
            },
          },
        },
      })
    : null;
  const panelEmails = new Set(configuration?.role.panel.members.map((m) => normalizeEmail(m.interviewer.email)) ?? []);
  const interviewers = await db.interviewer.findMany({ select: { id: true, email: true } });
  const interviewerEmails = new Set([...panelEmails, ...interviewers.map((i) => normalizeEmail(i.email))]);

  // Who is who: from the payload, else through Nylas (never inside the transaction).
  let lookedUp: BookingParticipant[] | null = null;
  let lookupError: string | null = null;
  if (classifyParticipants(preview.participants, interviewerEmails, preview.title).kind === "unknown") {
    try {
      lookedUp = await lookupBookingParticipants({ bookingId, configurationId: preview.configurationId, eventId: preview.eventId, calendarId: null });
    } catch (error) {
      lookupError = `participant lookup failed: ${describeNylasError(error)}`;
    }
  }

  const outcome = await db.$transaction(
    async (tx) => {
      await lockBooking(tx, bookingId);
      // A booking of an erased candidate (lib/privacy/erasure.ts): whatever arrived for it is
      // forgotten, and nothing is created — not the candidate, not an empty interview.
      if (await isErasedNylasObject(tx, bookingId)) {
        await tx.webhookEvent.deleteMany({ where: { bookingId } });
        return { state: reduceBookingEvents(bookingId, []), notificationIds: [], unresolved: null };
      }
      // Re-read under the lock: a worker that read fewer events must not overwrite a newer state.
      const events = await loadBookingEvents(tx, bookingId);
      const state = reduceBookingEvents(bookingId, events);
      let roles = classifyParticipants(state.participants, interviewerEmails, state.title);
      if (roles.kind === "unknown" && lookedUp) roles = classifyParticipants(lookedUp, interviewerEmails, state.title);
      const guest = roles.kind === "resolved" ? roles.guest : null;
      const interviewerEmail = roles.kind === "resolved" && roles.interviewer ? normalizeEmail(roles.interviewer.email) : null;
      const interviewerId = interviewerEmail ? (interviewers.find((i) => normalizeEmail(i.email) === interviewerEmail)?.id ?? null) : null;
      const guestName = guest?.name ?? guestNameFromTitle(state.title) ?? guest?.email ?? null;

      let candidateId: string | null = null;
      if (guest) {
        const email = normalizeEmail(guest.email);
        const profile = readProfileUrl(state.additionalFields);
        const candidate = await tx.candidate.upsert({
          where: { email },
          create: { email, emailRaw: guest.email, name: guestName ?? guest.email, timezone: state.guestTimezone, linkedinUrl: profile },
          update: { ...(guest.name ? { name: guest.name } : {}), ...(state.guestTimezone ? { timezone: state.guestTimezone } : {}), ...(profile ? { linkedinUrl: profile } : {}) },
          select: { id: true },
        });
        candidateId = candidate.id;
      }

      const roleId = configuration?.role.id ?? null;
      const applicationId =
        candidateId && roleId ? (await tx.application.upsert({ where: { candidateId_roleId: { candidateId, roleId } }, create: { candidateId, roleId }, update: {}, select: { id: true } })).id : null;
      // Share-locked before the interviews (an upsert without changes may only read it): a decision
      // locks the application and then its interviews (their copies of its stage), so a booking
      // must not hold an interview (or link a rebooking's) while waiting for the application.
      if (applicationId) await tx.$queryRaw`SELECT id FROM applications WHERE id = ${applicationId}::uuid FOR SHARE`;

      // The interview row too: the Notetaker's jobs, uploads and downloads write it as well (they
      // lock it the same way), so what is read here is what is written over. Taken after the
      // candidate and application rows, the order every booking follows (a rebooking of the same
      // person must not hold its interview while waiting for the candidate: a deadlock).
      await tx.$queryRaw`SELECT id FROM interviews WHERE booking_id = ${bookingId} FOR UPDATE`;
      const existing = await tx.interview.findUnique({
        where: { bookingId },
        select: {
          id: true,
          replacesInterviewId: true,
          notetakerId: true,
          completedAt: true,
          notetakerSettings: true,
          notetakerVersionId: true,
          scorecardVersionId: true,
          applicationId: true,
          interviewerEmail: true,
          interviewerId: true,
          startsAt: true,
          status: true,
          recordingPolicy: true,
          consent: true,
          notetakerState: true,
          notetakerGrantId: true,
        },
      });
      // The panel's Notetaker settings version in effect when the booking was made (its Notetaker's
      // own report may point it at another one later: lib/notetaker).
      const bookedAt = state.history.find((h) => h.kind === "created")?.at ?? null;
      const bookedAtDate = bookedAt === null ? new Date() : new Date(bookedAt * 1000);
      const notetakerVersionId = existing?.notetakerVersionId ?? (configuration ? await versionAtBooking(tx, configuration.role.panel.id, bookedAtDate, configuration.role.panel) : null);
      // Likewise the role's scorecard: the interview keeps it, whatever later edits make of the role's
      // (a rebooking is a booking of its own, so it gets the version of its own booking time). Nylas
      // gives that time in whole seconds: a version saved earlier in the same second counts.
      const scorecardVersionId =
        existing?.scorecardVersionId ?? (configuration ? await scorecardVersionAtBooking(tx, configuration.role.id, new Date(bookedAtDate.getTime() + (bookedAt === null ? 0 : 999))) : null);

      const data = {
        applicationId,
        notetakerVersionId,
        scorecardVersionId,
        candidateId,
        interviewerId,
        interviewerEmail,
        configurationId: state.configurationId,
        eventId: state.eventId,
        title: state.title,
        startsAt: toDate(state.startsAt),
        endsAt: toDate(state.endsAt),
        guestTimezone: state.guestTimezone,
        guestName,
        guestEmail: guest?.email ?? null,
        meetingUrl: state.location,
        // Once the interview has happened (lib/notetaker), it stays COMPLETED unless cancelled.
        status: state.status !== "CANCELLED" && existing?.completedAt ? ("COMPLETED" as const) : state.status,
        cancelledAt: toDate(state.cancelledAt),
        cancellationReason: state.cancellationReason,
        // The notetaker may also have been linked by its event (lib/notetaker): never unlink it.
        notetakerId: state.notetakerId ?? existing?.notetakerId ?? null,
        // What the Notetaker was booked with; the notetaker's own notifications replace it later.
        ...(existing?.notetakerSettings || !configuration ? {} : { notetakerSettings: (notetakerSettingsFromPanel(configuration.role.panel) ?? undefined) as Prisma.InputJsonValue | undefined }),
        history: state.history as unknown as Prisma.InputJsonValue,
        needsLookup: roles.kind !== "resolved",
      };
      const saved = await tx.interview.upsert({ where: { bookingId }, create: { bookingId, ...data }, update: data, select: { id: true } });

      // "Why this interviewer" is worked out by its own job (lib/assignment/jobs.ts): for a new
      // interview of a known role and whenever its role, interviewer or time changes; a duplicate
      // changes nothing, and a booking of no role we know has no panel to explain.
      const isMoved = !existing || existing.applicationId !== applicationId || existing.interviewerEmail !== interviewerEmail || existing.startsAt?.getTime() !== data.startsAt?.getTime();
      if (state.status !== "CANCELLED" && applicationId && isMoved) await enqueue(tx, assignmentJob, { interviewId: saved.id });
      // The weekly load cap of whoever gains or loses this interview (lib/load/jobs.ts).
      if (isMoved || existing?.status !== data.status) {
        for (const id of new Set([interviewerId, existing?.interviewerId ?? null])) if (id) await requestLoadCapReconcile(tx, id);
      }

      // Cancel-then-rebook, whatever order the person's bookings arrive in: their links are worked
      // out again over all of the person's interviews for the role (serialised by the candidate row).
      if (candidateId) await linkRebookings(tx, candidateId, applicationId, state.configurationId);

      // Whether it may be recorded (DESIGN "Recording consent"), decided again with each booking
      // notification until the interview has taken place; then the decision it ran under stands.
      if (!existing?.completedAt) {
        await decideInterviewRecording(tx, {
          interviewId: saved.id,
          bookingId,
          roleId,
          panel: configuration?.role.panel ?? null,
          interviewerId,
          state,
          notetakerId: data.notetakerId,
          existing: existing ?? null,
        });
      }
      return { state, notificationIds: events.map((e) => e.notificationId), unresolved: roles.kind === "unknown" ? roles.reason : null };
    },
    { maxWait: 10_000, timeout: 20_000 },
  );

  return {
    state: outcome.state,
    notificationIds: outcome.notificationIds,
    retryReason: outcome.unresolved ? (lookupError ?? `participants unknown (${outcome.unresolved.replace("_", " ")}) after the lookup`) : null,
  };
}
