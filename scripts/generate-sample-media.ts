/**
 * Builds the sandbox Notetaker's sample interviews. Each `lib/sandbox/samples/<id>/script.json` is
 * read, spoken with espeak-ng, and turned into `recording.mp4` (1280x720 H.264 + AAC, a dark meeting
 * frame with speaker tiles and burnt-in captions), `recording.mp3` (mono, audio only),
 * `thumbnail.png` and `transcript.json` (one segment per script line, in ms, measured from the audio).
 *
 * Needs espeak-ng, ffmpeg and ffprobe (with libx264, libmp3lame and libass) and the DejaVu fonts:
 *   sudo apt-get install espeak-ng ffmpeg fonts-dejavu-core
 * Run from the repo root, for every sample or only the ones named:
 *   npx tsx scripts/generate-sample-media.ts [sample-id ...]
 *
 * The outputs are committed, so the app, the sandbox and the tests never need these tools. Rerun it
 * after editing a script.json. There is no randomness: the same tool versions give the same files.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";

const SAMPLES_DIR = path.resolve(import.meta.dirname, "../lib/sandbox/samples");
const FONT_DIR = "/usr/share/fonts/truetype/dejavu";
const INSTALL_HINT = "Install the tools with: sudo apt-get install espeak-ng ffmpeg fonts-dejavu-core";

const LEAD_IN_MS = 800;
const MIN_TAIL_MS = 1200;
const FPS = 2; // captions change every few seconds; 2 fps keeps them within half a second
// espeak speech stays intelligible at about 24 kbps, which keeps all samples together under 7 MB.
const MP3_BITRATE = "24k";
const AAC_BITRATE = "20k"; // ffmpeg's native AAC encoder overshoots on this material; this lands near 24 kbps
const SILENCE_THRESHOLD = 256; // |sample| below this (about -42 dBFS) counts as silence when trimming
const CLIP_PADDING_MS = 20;
const DURATION_TOLERANCE_MS = 150;

const W = 1280;
const H = 720;
const COLORS = {
  background: "#0f172a",
  tile: "#1e293b",
  header: "#94a3b8",
  text: "#f1f5f9",
  muted: "#64748b",
  active: "#38bdf8",
  captionBox: "#020617",
  avatars: ["#6366f1", "#10b981", "#f59e0b"],
};

const ZSpeakerKey = z.enum(["interviewer", "candidate", "second_interviewer"]);

// espeak reads most symbols aloud or stumbles on them, and libass treats braces and backslashes as markup.
const SPOKEN_TEXT = /^[A-Za-z0-9 ,.;:'?!-]+$/;

const ZSampleScript = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(1),
    roleKeywords: z.array(z.string().min(1)).min(1),
    speakers: z
      .array(
        z.object({
          key: ZSpeakerKey,
          label: z.string().min(1),
          voice: z.string().regex(/^[a-z0-9-]+(\+[A-Za-z0-9_]+)?$/, "expected an espeak voice such as en-us+m3"),
          speed: z.number().int().min(80).max(400),
          pitch: z.number().int().min(0).max(99),
        }),
      )
      .min(2)
      .max(3),
    lines: z
      .array(
        z.object({
          speaker: ZSpeakerKey,
          text: z.string().regex(SPOKEN_TEXT, "use only letters, digits, spaces and , . ; : ' ? ! -"),
        }),
      )
      .min(1),
  })
  .superRefine((script, ctx) => {
    const keys = script.speakers.map((s) => s.key);
    if (new Set(keys).size !== keys.length) ctx.addIssue({ code: "custom", path: ["speakers"], message: "duplicate speaker key" });
    script.lines.forEach((line, i) => {
      if (!keys.includes(line.speaker)) {
        ctx.addIssue({ code: "custom", path: ["lines", i, "speaker"], message: `speaker "${line.speaker}" is not declared` });
      }
    });
  });

type TSampleScript = z.infer<typeof ZSampleScript>;
type TSpeaker = TSampleScript["speakers"][number];
type Segment = { speaker: TSpeaker["key"]; start: number; end: number; text: string };
type Layout = { sampleRate: number; pcm: Int16Array; segments: Segment[]; durationMs: number };

class GeneratorError extends Error {}

function run(cmd: string, args: string[]): Buffer {
  const result = spawnSync(cmd, args, { maxBuffer: 1 << 30 });
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === "ENOENT";
    throw new GeneratorError(missing ? `${cmd} is not installed. ${INSTALL_HINT}` : `${cmd} failed: ${result.error.message}`);
  }
  if (result.status !== 0) {
    const stderr = result.stderr.toString().trim().split("\n").slice(-8).join("\n");
    throw new GeneratorError(`${cmd} ${args.join(" ")}\nexited with ${result.status}:\n${stderr}`);
  }
  return result.stdout;
}

function requireTools(): void {
  run("espeak-ng", ["--version"]);
  run("ffprobe", ["-version"]);
  const encoders = run("ffmpeg", ["-hide_banner", "-encoders"]).toString();
  for (const encoder of ["libx264", "libmp3lame", "aac"]) {
    if (!new RegExp(`\\s${encoder}\\s`).test(encoders)) throw new GeneratorError(`ffmpeg was built without the ${encoder} encoder. ${INSTALL_HINT}`);
  }
  if (!/\sass\s/.test(run("ffmpeg", ["-hide_banner", "-filters"]).toString())) {
    throw new GeneratorError(`ffmpeg was built without libass (the "ass" filter). ${INSTALL_HINT}`);
  }
  if (!existsSync(path.join(FONT_DIR, "DejaVuSans.ttf"))) throw new GeneratorError(`DejaVu fonts not found in ${FONT_DIR}. ${INSTALL_HINT}`);
}

// espeak-ng silently falls back to its default voice for unknown names, so check them up front.
function assertVoicesExist(script: TSampleScript): void {
  const rows = (args: string[]) =>
    run("espeak-ng", args)
      .toString()
      .split("\n")
      .slice(1)
      .map((l) => l.trim().split(/\s+/));
  const languages = new Set(rows(["--voices"]).map((cols) => cols[1]));
  const variants = new Set(rows(["--voices=variant"]).map((cols) => cols[4]?.replace(/^!v\//, "")));
  for (const { key, voice } of script.speakers) {
    const [language = "", variant] = voice.split("+");
    if (!languages.has(language)) throw new GeneratorError(`${script.id}: speaker ${key} uses unknown espeak language "${language}"`);
    if (variant && !variants.has(variant)) throw new GeneratorError(`${script.id}: speaker ${key} uses unknown espeak variant "${variant}"`);
  }
}

function loadScript(id: string): TSampleScript {
  const file = path.join(SAMPLES_DIR, id, "script.json");
  const parsed = ZSampleScript.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) throw new GeneratorError(`${file} is invalid:\n${z.prettifyError(parsed.error)}`);
  if (parsed.data.id !== id) throw new GeneratorError(`${file}: id "${parsed.data.id}" must match its folder name`);
  return parsed.data;
}

// ── Audio ──

function readWav(buffer: Buffer): { sampleRate: number; samples: Int16Array } {
  if (buffer.toString("ascii", 0, 4) !== "RIFF" || buffer.toString("ascii", 8, 12) !== "WAVE") {
    throw new GeneratorError("espeak-ng did not write a WAV file");
  }
  let sampleRate = 0;
  for (let offset = 12; offset + 8 <= buffer.length;) {
    const chunk = buffer.toString("ascii", offset, offset + 4);
    const size = buffer.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (chunk === "fmt ") {
      const format = buffer.readUInt16LE(body);
      const channels = buffer.readUInt16LE(body + 2);
      const bits = buffer.readUInt16LE(body + 14);
      if (format !== 1 || channels !== 1 || bits !== 16) {
        throw new GeneratorError(`expected 16-bit mono PCM from espeak-ng, got format ${format}, ${channels} ch, ${bits} bit`);
      }
      sampleRate = buffer.readUInt32LE(body + 4);
    } else if (chunk === "data") {
      if (!sampleRate) throw new GeneratorError("WAV data chunk before fmt chunk");
      // A streamed WAV can carry a placeholder size, so trust the bytes actually present.
      const end = Math.min(body + size, buffer.length);
      const samples = new Int16Array((end - body) >> 1);
      for (let i = 0; i < samples.length; i++) samples[i] = buffer.readInt16LE(body + i * 2);
      return { sampleRate, samples };
    }
    offset = body + size + (size % 2);
  }
  throw new GeneratorError("WAV file has no data chunk");
}

function writeWav(file: string, pcm: Int16Array, sampleRate: number): void {
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(36 + pcm.length * 2, 4);
  header.write("WAVEfmt ", 8, "ascii");
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36, "ascii");
  header.writeUInt32LE(pcm.length * 2, 40);
  writeFileSync(file, Buffer.concat([header, Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength)]));
}

// espeak pads clips with silence; trimming it makes segment boundaries the real speech boundaries.
function trimSilence(samples: Int16Array, sampleRate: number): Int16Array {
  let first = 0;
  while (first < samples.length && Math.abs(samples[first]!) < SILENCE_THRESHOLD) first++;
  let last = samples.length - 1;
  while (last > first && Math.abs(samples[last]!) < SILENCE_THRESHOLD) last--;
  if (first >= samples.length) throw new GeneratorError("espeak-ng produced a silent clip");
  const pad = Math.round((CLIP_PADDING_MS / 1000) * sampleRate);
  return samples.subarray(Math.max(0, first - pad), Math.min(samples.length, last + 1 + pad));
}

function synthesize(text: string, speaker: TSpeaker, tmp: string, index: number): { sampleRate: number; samples: Int16Array } {
  const textFile = path.join(tmp, `line-${index}.txt`);
  const wavFile = path.join(tmp, `line-${index}.wav`);
  writeFileSync(textFile, text);
  run("espeak-ng", ["-v", speaker.voice, "-s", String(speaker.speed), "-p", String(speaker.pitch), "-f", textFile, "-w", wavFile]);
  const wav = readWav(readFileSync(wavFile));
  return { sampleRate: wav.sampleRate, samples: trimSilence(wav.samples, wav.sampleRate) };
}

// FNV-1a: a stable "random" jitter so pauses vary but every run lays out the same timeline.
function hash(input: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) h = Math.imul(h ^ input.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function pauseMs(id: string, index: number, previous: TSampleScript["lines"][number], next: TSampleScript["lines"][number]): number {
  const jitter = (hash(`${id}:${index}`) % 1000) / 1000;
  if (previous.speaker === next.speaker) return 350 + Math.round(jitter * 150); // a breath within one turn
  const base = previous.text.trimEnd().endsWith("?") ? 650 : 500; // answers start after a beat of thought
  return base + Math.round(jitter * 250);
}

function layOut(script: TSampleScript, tmp: string): Layout {
  const speakers = new Map(script.speakers.map((s) => [s.key, s]));
  const clips = script.lines.map((line, i) => synthesize(line.text, speakers.get(line.speaker)!, tmp, i));
  const sampleRate = clips[0]!.sampleRate;
  if (clips.some((c) => c.sampleRate !== sampleRate)) throw new GeneratorError(`${script.id}: espeak-ng clips have different sample rates`);
  if (sampleRate % FPS !== 0) throw new GeneratorError(`sample rate ${sampleRate} is not a multiple of ${FPS} fps`);
  const toSamples = (ms: number) => Math.round((ms / 1000) * sampleRate);
  const toMs = (samples: number) => Math.round((samples * 1000) / sampleRate);

  const placed: { start: number; clip: Int16Array }[] = [];
  let cursor = toSamples(LEAD_IN_MS);
  let pauses = 0;
  script.lines.forEach((line, i) => {
    if (i > 0) {
      const pause = toSamples(pauseMs(script.id, i, script.lines[i - 1]!, line));
      pauses += pause;
      cursor += pause;
    }
    placed.push({ start: cursor, clip: clips[i]!.samples });
    cursor += clips[i]!.samples.length;
  });
  // Round the length up to a whole video frame so the mp4's video and audio end together.
  const frame = sampleRate / FPS;
  const total = Math.ceil((cursor + toSamples(MIN_TAIL_MS)) / frame) * frame;

  // The decode check in verify() is the real proof; this catches layout arithmetic slips early.
  const speech = clips.reduce((sum, c) => sum + c.samples.length, 0);
  const tail = total - cursor;
  if (toSamples(LEAD_IN_MS) + speech + pauses + tail !== total || tail < toSamples(MIN_TAIL_MS)) {
    throw new GeneratorError(`${script.id}: lead-in, clips, pauses and tail do not add up to the recording length`);
  }

  const pcm = new Int16Array(total);
  for (const { start, clip } of placed) pcm.set(clip, start);
  const segments = script.lines.map((line, i) => {
    const { start, clip } = placed[i]!;
    return { speaker: line.speaker, start: toMs(start), end: toMs(start + clip.length), text: line.text };
  });
  return { sampleRate, pcm, segments, durationMs: (total * 1000) / sampleRate };
}

// ── Video overlay (ASS subtitles rendered by libass) ──

// ASS colours are &HAABBGGRR& (alpha 00 is opaque).
function assColor(hex: string): string {
  return `&H00${hex.slice(5, 7)}${hex.slice(3, 5)}${hex.slice(1, 3)}&`.toUpperCase();
}

function assTime(ms: number): string {
  const cs = Math.round(ms / 10);
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = Math.floor((cs % 6000) / 100);
  return `${h}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}.${String(cs % 100).padStart(2, "0")}`;
}

function roundedRect(w: number, h: number, r: number): string {
  return `m ${r} 0 l ${w - r} 0 b ${w} 0 ${w} 0 ${w} ${r} l ${w} ${h - r} b ${w} ${h} ${w} ${h} ${w - r} ${h} l ${r} ${h} b 0 ${h} 0 ${h} 0 ${h - r} l 0 ${r} b 0 0 0 0 ${r} 0`;
}

function circle(d: number): string {
  const r = d / 2;
  const k = r * 0.5523; // cubic Bezier approximation of a quarter circle
  return `m ${r} 0 b ${r + k} 0 ${d} ${r - k} ${d} ${r} b ${d} ${r + k} ${r + k} ${d} ${r} ${d} b ${r - k} ${d} 0 ${r + k} 0 ${r} b 0 ${r - k} ${r - k} 0 ${r} 0`;
}

// Long answers become a few short captions, timed by their share of the line's characters.
function captionChunks(text: string, maxChars = 130): string[] {
  const pieces = text.split(/(?<=[.?!])\s+/).flatMap((sentence) => (sentence.length <= maxChars ? [sentence] : sentence.split(/(?<=,)\s+/)));
  const chunks: string[] = [];
  for (const piece of pieces) {
    const last = chunks[chunks.length - 1];
    if (last !== undefined && last.length + 1 + piece.length <= maxChars) chunks[chunks.length - 1] = `${last} ${piece}`;
    else chunks.push(piece);
  }
  return chunks;
}

function buildOverlay(script: TSampleScript, layout: Layout): string {
  const end = assTime(layout.durationMs);
  const events: string[] = [];
  const event = (layer: number, from: string, to: string, text: string, style = "Base") => events.push(`Dialogue: ${layer},${from},${to},${style},,0,0,0,,${text}`);
  const shape = (x: number, y: number, color: string, drawing: string, extra = "") => `{\\an7\\pos(${x},${y})\\bord0\\shad0\\1c${assColor(color)}${extra}\\p1}${drawing}{\\p0}`;

  event(0, assTime(0), end, shape(0, 0, COLORS.tile, `m 0 0 l ${W} 0 ${W} 64 0 64`));
  event(1, assTime(0), end, `{\\an4\\pos(40,32)\\fs22\\1c${assColor(COLORS.header)}}Northwind interview · sandbox sample recording`);
  event(1, assTime(0), end, `{\\an6\\pos(${W - 40},32)\\fs18\\1c${assColor(COLORS.muted)}}${script.title}`);

  const n = script.speakers.length;
  const gap = 32;
  const tileW = n === 2 ? 440 : 360;
  const tileH = n === 2 ? 340 : 300;
  const tilesLeft = (W - (n * tileW + (n - 1) * gap)) / 2;
  const tileTop = 96 + (400 - tileH) / 2;
  const tileX = new Map(script.speakers.map((s, i) => [s.key, tilesLeft + i * (tileW + gap)]));

  script.speakers.forEach((speaker, i) => {
    const x = tileX.get(speaker.key)!;
    const initials = speaker.label
      .split(/\s+/)
      .map((word) => word[0]!.toUpperCase())
      .join("");
    event(1, assTime(0), end, shape(x, tileTop, COLORS.tile, roundedRect(tileW, tileH, 16)));
    event(2, assTime(0), end, shape(x + tileW / 2 - 56, tileTop + tileH / 2 - 80, COLORS.avatars[i % COLORS.avatars.length]!, circle(112)));
    event(3, assTime(0), end, `{\\an5\\pos(${x + tileW / 2},${tileTop + tileH / 2 - 24})\\fs40\\b1\\1c${assColor(COLORS.text)}}${initials}`);
    event(3, assTime(0), end, `{\\an1\\pos(${x + 20},${tileTop + tileH - 16})\\fs24\\1c${assColor(COLORS.text)}}${speaker.label}`);
  });

  event(0, assTime(0), end, shape(40, 540, COLORS.captionBox, roundedRect(W - 80, 160, 12)));

  const labels = new Map(script.speakers.map((s) => [s.key, s.label]));
  for (const segment of layout.segments) {
    const x = tileX.get(segment.speaker)!;
    const from = assTime(segment.start);
    const to = assTime(segment.end);
    // Highlight: a slightly larger rectangle behind the tile shows as a coloured border.
    event(0, from, to, shape(x - 4, tileTop - 4, COLORS.active, roundedRect(tileW + 8, tileH + 8, 20)));
    event(3, from, to, `{\\an9\\pos(${x + tileW - 16},${tileTop + 14})\\fs18\\1c${assColor(COLORS.active)}}speaking`);
    event(3, from, to, `{\\an7\\pos(64,552)\\fs20\\b1\\1c${assColor(COLORS.active)}}${labels.get(segment.speaker)}`);

    const chunks = captionChunks(segment.text);
    const totalChars = chunks.reduce((sum, c) => sum + c.length, 0);
    let chunkStart = segment.start;
    chunks.forEach((chunk, i) => {
      const chunkEnd = i === chunks.length - 1 ? segment.end : chunkStart + Math.round(((segment.end - segment.start) * chunk.length) / totalChars);
      event(3, assTime(chunkStart), assTime(chunkEnd), chunk, "Caption");
      chunkStart = chunkEnd;
    });
  }

  return [
    "[Script Info]",
    "ScriptType: v4.00+",
    `PlayResX: ${W}`,
    `PlayResY: ${H}`,
    "WrapStyle: 0",
    "ScaledBorderAndShadow: yes",
    "",
    "[V4+ Styles]",
    "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding",
    `Style: Base,DejaVu Sans,24,${assColor(COLORS.text)},${assColor(COLORS.text)},&H00000000&,&H00000000&,0,0,0,0,100,100,0,0,1,0,0,7,0,0,0,1`,
    // Top-left aligned inside the caption box; margins set the wrap width.
    `Style: Caption,DejaVu Sans,28,${assColor(COLORS.text)},${assColor(COLORS.text)},&H00000000&,&H00000000&,0,0,0,0,100,100,0,0,1,0,0,7,64,64,584,1`,
    "",
    "[Events]",
    "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text",
    ...events,
    "",
  ].join("\n");
}

// ── Encoding and verification ──

const BITEXACT = ["-map_metadata", "-1", "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact"];

function encode(script: TSampleScript, layout: Layout, tmp: string): { mp4: string; mp3: string; png: string } {
  const wav = path.join(tmp, "mix.wav");
  const overlay = path.join(tmp, "overlay.ass");
  const out = { mp4: path.join(tmp, "recording.mp4"), mp3: path.join(tmp, "recording.mp3"), png: path.join(tmp, "thumbnail.png") };
  writeWav(wav, layout.pcm, layout.sampleRate);
  writeFileSync(overlay, buildOverlay(script, layout));
  const seconds = (layout.durationMs / 1000).toFixed(3);
  const background = `color=c=${COLORS.background.replace("#", "0x")}:s=${W}x${H}:r=${FPS}:d=${seconds}`;
  const ass = `ass=filename='${overlay}':fontsdir='${FONT_DIR}'`;

  run("ffmpeg", [
    "-y",
    "-hide_banner",
    "-loglevel",
    "error",
    "-f",
    "lavfi",
    "-i",
    background,
    "-i",
    wav,
    "-map",
    "0:v",
    "-map",
    "1:a",
    "-vf",
    ass,
    // Mostly static frames: stillimage tuning, a high CRF and a keyframe a minute keep the video
    // stream tiny; at 2 fps a seek decodes at most 120 cheap frames.
    "-c:v",
    "libx264",
    "-preset",
    "veryslow",
    "-tune",
    "stillimage",
    "-crf",
    "40",
    "-profile:v",
    "high",
    "-pix_fmt",
    "yuv420p",
    "-r",
    String(FPS),
    "-g",
    String(FPS * 60),
    "-threads",
    "1",
    "-c:a",
    "aac",
    "-b:a",
    AAC_BITRATE,
    "-ac",
    "1",
    "-movflags",
    "+faststart",
    ...BITEXACT,
    out.mp4,
  ]);
  run("ffmpeg", ["-y", "-hide_banner", "-loglevel", "error", "-i", wav, "-c:a", "libmp3lame", "-b:a", MP3_BITRATE, "-ac", "1", ...BITEXACT, out.mp3]);

  // Thumbnail from the lossless source, in the middle of the candidate's first real answer.
  const shot = layout.segments.find((s) => s.speaker === "candidate" && s.end - s.start > 8000) ?? layout.segments[0]!;
  const at = ((shot.start + shot.end) / 2000).toFixed(3);
  run("ffmpeg", [
    "-y",
    "-hide_banner",
    "-loglevel",
    "error",
    "-f",
    "lavfi",
    "-i",
    background,
    "-ss",
    at,
    "-frames:v",
    "1",
    "-filter_complex",
    `${ass},scale=640:360:flags=lanczos,split[a][b];[a]palettegen=stats_mode=single[p];[b][p]paletteuse=dither=none`,
    ...BITEXACT,
    out.png,
  ]);
  return out;
}

type Probe = { format: { duration: string }; streams: { codec_type: string; codec_name: string; width?: number; height?: number; pix_fmt?: string; profile?: string }[] };

function probe(file: string): Probe {
  return JSON.parse(run("ffprobe", ["-v", "error", "-show_entries", "format=duration:stream=codec_type,codec_name,width,height,pix_fmt,profile", "-of", "json", file]).toString()) as Probe;
}

function decodePcm(file: string, sampleRate: number): Int16Array {
  const raw = run("ffmpeg", ["-hide_banner", "-loglevel", "error", "-i", file, "-map", "0:a", "-f", "s16le", "-ac", "1", "-ar", String(sampleRate), "-"]);
  return new Int16Array(raw.buffer, raw.byteOffset, raw.byteLength >> 1);
}

function rms(pcm: Int16Array, sampleRate: number, fromMs: number, toMs: number): number {
  const from = Math.max(0, Math.round((fromMs / 1000) * sampleRate));
  const to = Math.min(pcm.length, Math.round((toMs / 1000) * sampleRate));
  let sum = 0;
  for (let i = from; i < to; i++) sum += pcm[i]! * pcm[i]!;
  return Math.sqrt(sum / Math.max(1, to - from));
}

// Decodes what was actually encoded and checks that every segment is silent just outside its
// bounds and audible just inside them, so transcript timings match the recording.
function verify(script: TSampleScript, layout: Layout, files: { mp4: string; mp3: string }): void {
  const problems: string[] = [];
  const video = probe(files.mp4);
  const v = video.streams.find((s) => s.codec_type === "video");
  const a = video.streams.find((s) => s.codec_type === "audio");
  const isPlayableVideo = v?.codec_name === "h264" && v.width === W && v.height === H && v.pix_fmt === "yuv420p" && ["Main", "High"].includes(v.profile ?? "");
  if (!isPlayableVideo) problems.push(`mp4 video stream is ${JSON.stringify(v)}`);
  if (a?.codec_name !== "aac") problems.push(`mp4 audio stream is ${JSON.stringify(a)}`);

  for (const file of [files.mp4, files.mp3]) {
    const durationMs = Number(probe(file).format.duration) * 1000;
    if (Math.abs(durationMs - layout.durationMs) > DURATION_TOLERANCE_MS) {
      problems.push(`${path.basename(file)} lasts ${durationMs} ms, transcript says ${layout.durationMs} ms`);
    }
    const pcm = decodePcm(file, layout.sampleRate);
    const decodedMs = (pcm.length * 1000) / layout.sampleRate;
    if (Math.abs(decodedMs - layout.durationMs) > DURATION_TOLERANCE_MS) {
      problems.push(`${path.basename(file)} decodes to ${decodedMs} ms of audio`);
    }
    layout.segments.forEach((s, i) => {
      const level = (from: number, to: number) => rms(pcm, layout.sampleRate, from, to);
      const outside = Math.max(level(s.start - 120, s.start - 10), level(s.end + 10, s.end + 120));
      const inside = Math.min(level(s.start, s.start + 300), level(s.end - 300, s.end));
      if (outside > 150 || inside < 600) problems.push(`${path.basename(file)} segment ${i}: rms ${outside.toFixed(0)} outside, ${inside.toFixed(0)} inside`);
    });
  }
  if (problems.length) throw new GeneratorError(`${script.id} failed verification:\n  ${problems.join("\n  ")}`);
}

function formatTranscript(script: TSampleScript, layout: Layout): string {
  const segments = layout.segments.map((s) => `    ${JSON.stringify(s)}`).join(",\n");
  return `{\n  "id": ${JSON.stringify(script.id)},\n  "durationMs": ${layout.durationMs},\n  "segments": [\n${segments}\n  ]\n}\n`;
}

const tempDirs = new Set<string>();

// A Ctrl-C during a long ffmpeg run must not leave synthesized clips behind.
process.on("SIGINT", () => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  process.exit(130);
});

function generate(id: string): void {
  const script = loadScript(id);
  assertVoicesExist(script);
  const tmp = mkdtempSync(path.join(os.tmpdir(), `sample-media-${id}-`));
  tempDirs.add(tmp);
  try {
    const layout = layOut(script, tmp);
    const files = encode(script, layout, tmp);
    verify(script, layout, files);
    // Only verified outputs replace the committed ones.
    const dir = path.join(SAMPLES_DIR, id);
    for (const file of Object.values(files)) copyFileSync(file, path.join(dir, path.basename(file)));
    writeFileSync(path.join(dir, "transcript.json"), formatTranscript(script, layout));
    const sizes = ["recording.mp4", "recording.mp3", "thumbnail.png", "transcript.json"].map((f) => `${f} ${(statSync(path.join(dir, f)).size / 1024).toFixed(0)} KB`);
    console.log(`${id}: ${(layout.durationMs / 1000).toFixed(1)} s, ${layout.segments.length} segments; ${sizes.join(", ")}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    tempDirs.delete(tmp);
  }
}

function main(): void {
  requireTools();
  const available = readdirSync(SAMPLES_DIR)
    .filter((d) => existsSync(path.join(SAMPLES_DIR, d, "script.json")))
    .sort();
  const requested = process.argv.slice(2);
  const unknown = requested.filter((id) => !available.includes(id));
  if (unknown.length) throw new GeneratorError(`Unknown sample(s): ${unknown.join(", ")}. Available: ${available.join(", ")}`);
  for (const id of requested.length ? requested : available) generate(id);
}

try {
  main();
} catch (error) {
  if (!(error instanceof GeneratorError)) throw error;
  console.error(error.message);
  process.exit(1);
}
