import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionItems } from "@/components/debrief/action-items";
import { AssignmentExplanation } from "@/components/debrief/assignment-explanation";
import { ConsentRecordView } from "@/components/debrief/consent-record";
import { MediaFiles } from "@/components/debrief/media-files";
import { NotetakerInstructions } from "@/components/debrief/notetaker-instructions";
import { NotetakerPanel } from "@/components/debrief/notetaker-panel";
import { ScorecardSection } from "@/components/debrief/scorecard-section";
import { TalkTimeChart } from "@/components/debrief/talk-time-chart";
import { TranscriptPlayer } from "@/components/debrief/transcript-player";
import { UploadForm } from "@/components/debrief/upload-form";
import { AutoRefresh } from "@/components/interviews/auto-refresh";
import { InterviewerName, JoinMeetingLink } from "@/components/interviews/interview-parts";
import { LocalTime } from "@/components/ui/local-time";
import { InterviewStatusBadge } from "@/components/interviews/status-badge";
import { Alert } from "@/components/ui/alert";
import { textLinkClasses } from "@/components/ui/text-link";
import { requireUser } from "@/lib/auth";
import { getEnv } from "@/lib/env";
import { MAX_TRANSCRIPT_UPLOAD_BYTES } from "@/lib/media/upload";
import { hasNotetakerGivenUp } from "@/lib/notetaker/status";
import { candidatePath, mediaPath, PATHS } from "@/lib/routes";
import { retryMediaDownloadAction, saveFeedbackDraftAction, setActionItemDoneAction, submitFeedbackAction } from "./actions";
import { loadDebrief, loadScorecard } from "./load";

export type InterviewPageProps = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: InterviewPageProps): Promise<Metadata> {
  const result = await loadDebrief((await params).id);
  if (result.kind !== "ok") return { title: "Interview" };
  const name = result.debrief.candidate?.name ?? result.debrief.guestName;
  return { title: name ? `Interview with ${name}` : "Interview" };
}

function Section({ id, title, children, description }: { id: string; title: string; children: React.ReactNode; description?: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <div>
        <h2 id={id} className="text-lg font-semibold text-ink">
          {title}
        </h2>
        {description ? <p className="mt-0.5 text-sm text-muted">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}

/** /dashboard/interviews/[id] — the debrief: Notetaker, summary, action items, transcript and recording from our storage. */
export default async function InterviewPage({ params }: InterviewPageProps) {
  await requireUser();
  const { id } = await params;
  const [result, scorecard] = await Promise.all([loadDebrief(id), loadScorecard(id)]);
  // The layout has already answered 404 / 403; this keeps the types honest.
  if (result.kind !== "ok" || !scorecard) notFound();
  const d = result.debrief;
  const name = d.candidate?.name ?? d.guestName ?? "Unknown candidate";
  const isCancelled = d.status === "CANCELLED";
  const hasNotetakerMedia = d.assets.some((a) => a.source === "NOTETAKER");
  const notetakerGaveUp = hasNotetakerGivenUp(d.notetaker);
  const waitingMessage = isCancelled
    ? "The interview was cancelled."
    : d.notRecordedMessage
      ? `${d.notRecordedMessage}. Upload a recording below only if you have one made with consent.`
      : d.notetaker
        ? "The recording appears here once the interview has run and the Notetaker's media is stored."
        : "No Notetaker was booked for this interview. Upload the recording below if you have it.";

  return (
    <div className="space-y-8">
      <div className="space-y-4">
        <Link href={PATHS.dashboard} className={textLinkClasses({ className: "inline-flex items-center gap-1 text-sm" })}>
          <span aria-hidden="true">←</span> All interviews
        </Link>
        <header className="flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0 space-y-3">
            <h1 className="text-2xl font-semibold tracking-tight text-ink [overflow-wrap:anywhere]">Interview with {name}</h1>
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-6 gap-y-1.5 text-sm">
              <dt className="text-muted">Candidate</dt>
              <dd className="min-w-0">
                {d.candidate ? (
                  <Link href={candidatePath(d.candidate.id)} className={textLinkClasses()}>
                    {d.candidate.name}
                  </Link>
                ) : (
                  <span className="text-ink">{name}</span>
                )}
                {d.candidate ? <span className="ml-2 break-all text-muted">{d.candidate.email}</span> : null}
              </dd>
              <dt className="text-muted">Role</dt>
              <dd className="text-ink">{d.role?.title ?? <span className="text-muted">Unknown role</span>}</dd>
              <dt className="text-muted">Interviewer</dt>
              <dd>
                <InterviewerName interviewer={d.interviewer} interviewerEmail={d.interviewerEmail} />
              </dd>
              <dt className="text-muted">Time</dt>
              <dd className="text-ink">{d.startsAt ? <LocalTime iso={d.startsAt.toISOString()} endIso={d.endsAt?.toISOString()} /> : <span className="text-muted">Time pending</span>}</dd>
              <dt className="text-muted">Status</dt>
              <dd>
                <InterviewStatusBadge status={d.status} />
                {isCancelled && d.cancellationReason ? <span className="ml-2 text-muted [overflow-wrap:anywhere]">{d.cancellationReason}</span> : null}
              </dd>
              {d.meetingUrl && !isCancelled ? (
                <>
                  <dt className="text-muted">Meeting</dt>
                  <dd>
                    <JoinMeetingLink url={d.meetingUrl} />
                  </dd>
                </>
              ) : null}
            </dl>
          </div>
          {/* Often while media is on its way; seldom once all is in (the transcript is large to re-render). */}
          <AutoRefresh intervalMs={d.isInProgress || scorecard.evidence.status === "mapping" ? 3_000 : d.isAwaitingNotetaker ? 15_000 : 60_000} />
        </header>
      </div>

      {d.alert ? (
        <Alert variant="warning" title={d.alert.title} role="alert">
          <p>{d.alert.message}</p>
          {!isCancelled ? (
            <p className="mt-2">
              <a href="#upload-heading" className="font-medium underline underline-offset-4">
                Upload the recording or a transcript
              </a>
            </p>
          ) : null}
        </Alert>
      ) : null}

      <div className="grid gap-10 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <TranscriptPlayer
          recording={
            d.recording
              ? {
                  src: mediaPath(d.recording.assetId),
                  contentType: d.recording.contentType,
                  isAudioOnly: d.recording.isAudioOnly,
                  posterSrc: d.recording.thumbnailAssetId ? mediaPath(d.recording.thumbnailAssetId) : null,
                  downloadHref: mediaPath(d.recording.assetId, { download: true }),
                }
              : null
          }
          segments={d.segments}
          transcriptNote={d.transcriptSource === "UPLOAD" ? "Uploaded by hand" : d.transcriptSource === "NOTETAKER" ? "From the Notetaker" : null}
          noRecordingMessage={waitingMessage}
        />

        <div className="space-y-8">
          <ScorecardSection interviewId={d.id} data={scorecard} segments={d.segments} roleTitle={d.role?.title ?? null} saveDraftAction={saveFeedbackDraftAction} submitAction={submitFeedbackAction} />

          <Section id="summary-heading" title="Summary">
            {d.summaryText ? (
              <div className="whitespace-pre-line rounded-xl border border-slate-200 bg-white p-4 text-sm leading-relaxed text-ink shadow-sm [overflow-wrap:anywhere]">{d.summaryText}</div>
            ) : (
              <p className="text-sm text-muted">
                {hasNotetakerMedia
                  ? "The Notetaker produced no summary for this interview."
                  : d.notRecordedMessage
                    ? "No summary: this interview is not recorded."
                    : notetakerGaveUp
                      ? "No summary: the Notetaker did not record this interview."
                      : "The Notetaker's summary appears here after the interview."}
              </p>
            )}
          </Section>

          <Section id="action-items-heading" title="Action items">
            {d.actionItems.length ? (
              <ActionItems items={d.actionItems} action={setActionItemDoneAction} />
            ) : (
              <p className="text-sm text-muted">
                {hasNotetakerMedia
                  ? "No action items."
                  : d.notRecordedMessage
                    ? "No action items: this interview is not recorded."
                    : notetakerGaveUp
                      ? "No action items: the Notetaker did not record this interview."
                      : "The Notetaker's action items appear here after the interview."}
              </p>
            )}
          </Section>

          <Section id="talk-time-heading" title="Talk time" description="Who spoke how much, from the transcript.">
            {scorecard.talkTime ? (
              <TalkTimeChart talkTime={scorecard.talkTime} interviewerName={d.interviewer?.name ?? null} />
            ) : (
              <p className="text-sm text-muted">
                {d.segments.length ? "Talk time appears here once the transcript has been measured." : "Talk time appears here once the interview's transcript is stored."}
              </p>
            )}
          </Section>

          {d.notetaker ? (
            <Section id="notetaker-heading" title="Notetaker">
              <NotetakerPanel notetaker={d.notetaker} />
            </Section>
          ) : null}

          <Section id="consent-heading" title="Recording consent">
            <ConsentRecordView consent={d.consent} notRecordedMessage={d.notRecordedMessage} />
          </Section>

          <Section id="instructions-heading" title="Notetaker instructions">
            <NotetakerInstructions settings={d.notetakerSettings} version={d.notetakerVersion} />
          </Section>

          <Section id="assignment-heading" title="Why this interviewer">
            <AssignmentExplanation assignment={d.assignment} pending={d.assignmentPending} />
          </Section>

          <Section id="files-heading" title="Files" description="Copies in our own storage: they stay after Nylas deletes its media (14 days).">
            <MediaFiles assets={d.assets} retryAction={retryMediaDownloadAction} />
          </Section>

          {!isCancelled ? (
            <Section id="upload-heading" title="Upload a recording or transcript" description="If the Notetaker missed the interview, add what you have by hand.">
              <UploadForm
                interviewId={d.id}
                maxRecordingBytes={getEnv().MEDIA_UPLOAD_MAX_MB * 1024 * 1024}
                maxTranscriptBytes={MAX_TRANSCRIPT_UPLOAD_BYTES}
                replaces={{
                  recording: d.assets.find((a) => a.source === "UPLOAD" && a.kind === "RECORDING")?.fileName ?? null,
                  transcript: d.assets.find((a) => a.source === "UPLOAD" && a.kind === "TRANSCRIPT")?.fileName ?? null,
                }}
              />
            </Section>
          ) : null}
        </div>
      </div>
    </div>
  );
}
