/**
 * Transcript files shaped like the real ones, and assertions on parseTranscript's outcome, for the
 * unit tests of lib/media/transcript/ (one test file per format).
 */
import { parseTranscript, type ParsedTranscript, type TranscriptHint } from "@/lib/media/transcript";

export function parseOk(content: string, hint?: TranscriptHint): ParsedTranscript {
  const result = parseTranscript(content, hint);
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result.value;
}

export function parseError(content: string, hint?: TranscriptHint): string {
  const result = parseTranscript(content, hint);
  if (result.ok) throw new Error(`expected an error, got: ${JSON.stringify(result.value).slice(0, 200)}`);
  return result.error;
}

export const seg = (speaker: string | null, startMs: number | null, endMs: number | null, text: string) => ({ speaker, startMs, endMs, text });
export const nylas = (transcript: unknown) => JSON.stringify({ object: "transcript", type: "speaker_labelled", transcript });

// Shaped like a Notetaker transcript.json for a 30-minute phone screen (nylas-contract §5).
export const NYLAS_SPEAKER_LABELLED = `{
  "object": "transcript",
  "type": "speaker_labelled",
  "transcript": [
    {"speaker": "Ana López", "start": 15120, "end": 21480, "text": "Thanks for joining, Dana. Can you hear me okay?"},
    {"speaker": "Dana Chen", "start": 22010, "end": 24950, "text": "Yes, loud and clear. Thanks for having me."},
    {"speaker": "Ana López", "start": 25300, "end": 41870, "text": "Great. Let's start with the payments migration you led at Northwind — what was your role?"},
    {"speaker": "Dana Chen", "start": 42500, "end": 100330, "text": "I owned the ledger service. We moved about 40 million rows\\nwith zero downtime using dual writes."}
  ]
}`;

// Shaped like a Microsoft Teams meeting transcript download (.vtt): GUID cue ids, voice tags.
export const TEAMS_WEBVTT = `WEBVTT

8f3c1a2e-6b4d-4e7a-9c1f-2d5e8a7b6c4d/14-0
00:00:03.120 --> 00:00:07.450
<v Ana López>Thanks for joining, Dana. Can you hear me okay?</v>

8f3c1a2e-6b4d-4e7a-9c1f-2d5e8a7b6c4d/15-0
00:00:08.010 --> 00:00:10.900
<v Dana Chen>Yes, loud and clear.</v>

8f3c1a2e-6b4d-4e7a-9c1f-2d5e8a7b6c4d/16-0
00:00:11.300 --> 00:00:19.870
<v Ana López>Great. Tell me about the payments
migration you led at Northwind &amp; your role.</v>
`;

// Shaped like a Zoom cloud-recording transcript (.vtt): numeric ids, "Name: text" lines.
export const ZOOM_WEBVTT = `WEBVTT

1
00:00:01.350 --> 00:00:04.870
Ana López: Thanks for joining, Dana.

2
00:00:05.100 --> 00:00:09.020
Dana Chen: Happy to be here. I read the job description twice.

3
01:02:03.004 --> 01:02:05.000
Ana López: We're at time, thank you!
`;
