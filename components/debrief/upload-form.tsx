"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { focusField } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { FieldError } from "@/components/ui/field-error";
import { errorDomId } from "@/components/ui/field-errors";
import { FileInput } from "@/components/ui/form-controls";
import { formatBytes } from "@/lib/media/format";
import { interviewUploadsPath } from "@/lib/routes";
import type { TUploadResult } from "@/lib/validations/media";

export type UploadFormProps = {
  interviewId: string;
  /** MEDIA_UPLOAD_MAX_MB in bytes, checked here before sending (the server checks again). */
  maxRecordingBytes: number;
  maxTranscriptBytes: number;
  /** File names of earlier uploads this one would replace, if any. */
  replaces: { recording: string | null; transcript: string | null };
};

const RECORDING_ACCEPT = "video/mp4,video/webm,video/quicktime,audio/*,.mp4,.m4a,.mov,.webm,.mp3,.wav,.ogg";
const TRANSCRIPT_ACCEPT = ".vtt,.srt,.txt,.json,text/vtt,text/plain,application/json";
const FILE_FIELDS = [
  { name: "recording", label: "Recording file", accept: RECORDING_ACCEPT },
  { name: "transcript", label: "Transcript file", accept: TRANSCRIPT_ACCEPT },
] as const;

/** One upload form per debrief page: its fields' ids derive from this. */
const FORM_ID = "upload";

type FileFieldName = (typeof FILE_FIELDS)[number]["name"];
/** A file that is too large names its own field; choosing neither is about the pair ("files"). */
type UploadErrors = Partial<Record<FileFieldName | "files", string>>;

type State = { phase: "idle" } | { phase: "uploading"; sent: number; total: number } | { phase: "done"; result: TUploadResult };

/**
 * The Notetaker fallback: upload a recording and/or a transcript by hand. Sent with
 * XMLHttpRequest for its upload progress events (a recording can be hundreds of MB); the page
 * refreshes when the files are stored.
 */
export function UploadForm({ interviewId, maxRecordingBytes, maxTranscriptBytes, replaces }: UploadFormProps) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const requestRef = useRef<XMLHttpRequest | null>(null);
  const [state, setState] = useState<State>({ phase: "idle" });

  // Leaving the page mid-upload would drop it: the browser asks first.
  useEffect(() => {
    if (state.phase !== "uploading") return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [state.phase]);
  const [errors, setErrors] = useState<UploadErrors>({});
  const helpId = useId();

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const recording = form.get("recording");
    const transcript = form.get("transcript");
    const hasRecording = recording instanceof File && recording.size > 0;
    const hasTranscript = transcript instanceof File && transcript.size > 0;
    const found: UploadErrors = {};
    if (!hasRecording && !hasTranscript) found.files = "Choose a recording file, a transcript file, or both.";
    if (hasRecording && recording.size > maxRecordingBytes) found.recording = `The recording is larger than ${formatBytes(maxRecordingBytes)}.`;
    if (hasTranscript && transcript.size > maxTranscriptBytes) found.transcript = `The transcript is larger than ${formatBytes(maxTranscriptBytes)}.`;
    setErrors(found);
    const firstInvalid = found.files || found.recording ? "recording" : found.transcript ? "transcript" : null;
    if (firstInvalid) {
      focusField(FORM_ID, firstInvalid);
      return;
    }
    if (!hasRecording) form.delete("recording");
    if (!hasTranscript) form.delete("transcript");

    const request = new XMLHttpRequest();
    requestRef.current = request;
    request.open("POST", interviewUploadsPath(interviewId));
    request.responseType = "json";
    request.upload.onprogress = (e) => setState({ phase: "uploading", sent: e.loaded, total: e.lengthComputable ? e.total : 0 });
    request.onload = () => {
      const body = request.response as TUploadResult | { error?: { message?: string } } | null;
      const result: TUploadResult =
        body && "ok" in body ? body : { ok: false, stored: [], message: (body as { error?: { message?: string } } | null)?.error?.message ?? `The upload failed (HTTP ${request.status}).` };
      setState({ phase: "done", result });
      if (result.stored.length) {
        formRef.current?.reset();
        router.refresh();
      }
    };
    request.onerror = () => setState({ phase: "done", result: { ok: false, stored: [], message: "The upload could not reach the server. Check your connection and try again." } });
    request.onabort = () => setState({ phase: "done", result: { ok: false, stored: [], message: "Upload cancelled. Nothing was saved." } });
    setState({ phase: "uploading", sent: 0, total: 0 });
    request.send(form);
  };

  const uploading = state.phase === "uploading";
  const percent = uploading && state.total ? Math.round((state.sent / state.total) * 100) : null;
  return (
    <form ref={formRef} onSubmit={submit} className="space-y-4" noValidate aria-describedby={helpId}>
      <p id={helpId} className="text-sm text-muted">
        Recordings: MP4, M4A, MOV, WebM, MP3, WAV or OGG up to {formatBytes(maxRecordingBytes)}. Transcripts: WebVTT, SRT, plain text (“Name: what they said” per line) or a Nylas transcript JSON.
      </p>
      <div className="grid gap-4">
        {FILE_FIELDS.map(({ name, label, accept }) => (
          <Field key={name} formId={FORM_ID} path={name} label={label} error={errors[name]} describedByIds={errors.files ? [errorDomId(FORM_ID, "files")] : undefined} isErrorAnnounced>
            {(control) => <FileInput {...control} aria-invalid={control["aria-invalid"] ?? (errors.files ? true : undefined)} name={name} accept={accept} disabled={uploading} />}
          </Field>
        ))}
      </div>
      <div aria-live="polite">
        <FieldError id={errorDomId(FORM_ID, "files")} message={errors.files} />
      </div>
      {replaces.recording || replaces.transcript ? (
        <p className="text-sm text-muted">
          A new upload replaces the earlier one of its kind
          {replaces.recording ? ` (recording: ${replaces.recording})` : ""}
          {replaces.transcript ? ` (transcript: ${replaces.transcript})` : ""}.
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" pending={uploading}>
          Upload
        </Button>
        {uploading ? (
          <Button variant="secondary" onClick={() => requestRef.current?.abort()}>
            Cancel
          </Button>
        ) : null}
        {uploading ? (
          <div className="flex min-w-48 flex-1 items-center gap-3" role="status">
            <progress className="h-2 w-full max-w-xs accent-brand-600" max={100} value={percent ?? undefined} aria-label="Upload progress" />
            <span className="text-sm tabular-nums text-muted">
              {percent === null ? "Uploading…" : state.sent < state.total ? `${percent}% (${formatBytes(state.sent)} of ${formatBytes(state.total)})` : "Processing…"}
            </span>
          </div>
        ) : null}
      </div>
      {state.phase === "done" ? <Alert variant={state.result.ok ? "success" : "error"}>{state.result.message}</Alert> : null}
    </form>
  );
}
