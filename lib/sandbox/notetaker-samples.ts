/**
 * The sample interviews the sandbox Notetaker "records" (lib/sandbox/samples/<id>/: written for
 * this project; media generated once by scripts/generate-sample-media.ts and committed). Each has
 * a real, playable recording whose speech matches its transcript's timing.
 */
import { createHash } from "node:crypto";
import { createReadStream, existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export type SampleSpeakerKey = "interviewer" | "candidate" | "second_interviewer";

type SampleSegment = { speaker: SampleSpeakerKey; start: number; end: number; text: string };

type SampleInterview = {
  id: string;
  title: string;
  roleKeywords: string[];
  durationMs: number;
  segments: SampleSegment[];
  /** Absolute paths of the media files. */
  files: { mp4: string; mp3: string; thumbnail: string };
};

export const SAMPLES_DIR = path.join(process.cwd(), "lib", "sandbox", "samples");

let cache: SampleInterview[] | undefined;

/** Every bundled sample, sorted by id (stable choice order). */
export function listSampleInterviews(): SampleInterview[] {
  if (cache) return cache;
  const ids = existsSync(SAMPLES_DIR)
    ? readdirSync(SAMPLES_DIR, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort()
    : [];
  cache = ids.flatMap((id) => {
    const dir = path.join(SAMPLES_DIR, id);
    const scriptFile = path.join(dir, "script.json");
    const transcriptFile = path.join(dir, "transcript.json");
    if (!existsSync(scriptFile) || !existsSync(transcriptFile)) return [];
    const script = JSON.parse(readFileSync(scriptFile, "utf8")) as { id: string; title: string; roleKeywords?: string[] };
    const transcript = JSON.parse(readFileSync(transcriptFile, "utf8")) as { durationMs: number; segments: SampleSegment[] };
    return [
      {
        id: script.id,
        title: script.title,
        roleKeywords: (script.roleKeywords ?? []).map((k) => k.toLowerCase()),
        durationMs: transcript.durationMs,
        segments: transcript.segments,
        files: { mp4: path.join(dir, "recording.mp4"), mp3: path.join(dir, "recording.mp3"), thumbnail: path.join(dir, "thumbnail.png") },
      },
    ];
  });
  return cache;
}

/**
 * The sample that best fits a configuration (most role keywords in its name or title), else one
 * picked by the notetaker id, so the choice is stable for a given notetaker.
 */
export function chooseSampleInterview(context: string, notetakerId: string): SampleInterview {
  const samples = listSampleInterviews();
  if (!samples.length) throw new Error(`No sample interviews found in ${SAMPLES_DIR}.`);
  const words = new Set(
    context
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean),
  );
  let best: SampleInterview | null = null;
  let bestScore = 0;
  for (const sample of samples) {
    const score = sample.roleKeywords.filter((k) => words.has(k)).length;
    if (score > bestScore) {
      best = sample;
      bestScore = score;
    }
  }
  return best ?? samples[createHash("sha256").update(notetakerId).digest().readUInt32BE(0) % samples.length]!;
}

export function getSampleInterview(id: string): SampleInterview | null {
  return listSampleInterviews().find((s) => s.id === id) ?? null;
}

const digests = new Map<string, Promise<{ size: number; sha256: string }>>();

/** Size and sha256 of a bundled file, computed once per process. */
export function describeSampleFile(file: string): Promise<{ size: number; sha256: string }> {
  let pending = digests.get(file);
  if (!pending) {
    pending = new Promise((resolve, reject) => {
      const hash = createHash("sha256");
      let size = 0;
      createReadStream(file)
        .on("data", (chunk) => {
          size += chunk.length;
          hash.update(chunk);
        })
        .on("error", reject)
        .on("end", () => resolve({ size, sha256: hash.digest("hex") }));
    });
    digests.set(file, pending);
    pending.catch(() => digests.delete(file));
  }
  return pending;
}
