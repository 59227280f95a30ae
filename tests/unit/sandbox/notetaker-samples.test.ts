import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chooseSampleInterview, describeSampleFile, getSampleInterview, listSampleInterviews, SAMPLES_DIR } from "@/lib/sandbox/notetaker-samples";

const SPEAKERS = ["interviewer", "candidate", "second_interviewer"];
const MB = 1024 * 1024;

describe("listSampleInterviews", () => {
  const samples = listSampleInterviews();

  it("reads the samples from lib/sandbox/samples", () => {
    expect(SAMPLES_DIR).toBe(path.join(process.cwd(), "lib", "sandbox", "samples"));
  });

  it("finds the three committed samples, sorted by id", () => {
    expect(samples.map((s) => s.id)).toEqual(["backend-engineer", "frontend-engineer", "product-designer"]);
  });

  it("returns the same list on every call", () => {
    expect(listSampleInterviews()).toBe(samples);
  });

  it("gives each sample a title and lower-case role keywords", () => {
    expect(samples.map((s) => s.roleKeywords)).toEqual([
      ["backend", "engineer", "api", "platform"],
      ["frontend", "engineer", "react", "web"],
      ["product", "designer", "design", "ux"],
    ]);
    for (const sample of samples) expect(sample.title.length).toBeGreaterThan(0);
  });

  it("has segments with integer times, start before end, in order, not overlapping and within the recording", () => {
    for (const sample of samples) {
      expect(sample.segments.length).toBeGreaterThan(10);
      let previousEnd = 0;
      for (const segment of sample.segments) {
        expect(Number.isInteger(segment.start) && Number.isInteger(segment.end)).toBe(true);
        expect(segment.start).toBeGreaterThanOrEqual(previousEnd);
        expect(segment.end).toBeGreaterThan(segment.start);
        previousEnd = segment.end;
      }
      expect(previousEnd).toBeLessThanOrEqual(sample.durationMs);
    }
  });

  it("lasts as long as the README says (5:39, 6:21, 4:06)", () => {
    expect(samples.map((s) => Math.floor(s.durationMs / 1000))).toEqual([339, 380, 245]);
  });

  it("uses only the three speaker keys, with the second interviewer in the frontend sample only", () => {
    for (const sample of samples) {
      for (const segment of sample.segments) expect(SPEAKERS).toContain(segment.speaker);
      for (const segment of sample.segments) expect(segment.text.trim().length).toBeGreaterThan(0);
    }
    const speakers = samples.map((s) => [...new Set(s.segments.map((seg) => seg.speaker))].sort());
    expect(speakers).toEqual([
      ["candidate", "interviewer"],
      ["candidate", "interviewer", "second_interviewer"],
      ["candidate", "interviewer"],
    ]);
  });

  it("has one segment per script line, with the same text", () => {
    for (const sample of samples) {
      const script = JSON.parse(readFileSync(path.join(SAMPLES_DIR, sample.id, "script.json"), "utf8")) as { lines: { speaker: string; text: string }[] };
      expect(sample.segments.map((s) => [s.speaker, s.text])).toEqual(script.lines.map((l) => [l.speaker, l.text]));
    }
  });

  it("points at media files that exist, with recordings under a few MB", () => {
    for (const sample of samples) {
      expect(sample.files).toEqual({
        mp4: path.join(SAMPLES_DIR, sample.id, "recording.mp4"),
        mp3: path.join(SAMPLES_DIR, sample.id, "recording.mp3"),
        thumbnail: path.join(SAMPLES_DIR, sample.id, "thumbnail.png"),
      });
      for (const file of Object.values(sample.files)) expect(existsSync(file)).toBe(true);
      expect(statSync(sample.files.mp4).size).toBeLessThan(3 * MB);
      expect(statSync(sample.files.mp3).size).toBeLessThan(3 * MB);
      expect(statSync(sample.files.thumbnail).size).toBeLessThan(100 * 1024);
    }
  });
});

describe("getSampleInterview", () => {
  it("finds a sample by id", () => {
    expect(getSampleInterview("product-designer")?.title).toBe("Product designer: portfolio walkthrough of a carrier availability tool");
  });

  it("returns null for an unknown id", () => {
    expect(getSampleInterview("data-scientist")).toBeNull();
    expect(getSampleInterview("")).toBeNull();
  });
});

describe("chooseSampleInterview", () => {
  const ID = "71c807752c744ad0902f64d43e6cc399";

  it("picks the sample whose role keywords best match the configuration", () => {
    expect(chooseSampleInterview("Backend Engineer interview", ID).id).toBe("backend-engineer");
    expect(chooseSampleInterview("Frontend Engineer interview", ID).id).toBe("frontend-engineer");
    expect(chooseSampleInterview("Product Designer interview", ID).id).toBe("product-designer");
  });

  it("matches whole words only, in any case, across punctuation", () => {
    expect(chooseSampleInterview("SENIOR UX/Design lead — onsite", ID).id).toBe("product-designer");
    expect(chooseSampleInterview("React (web) panel", ID).id).toBe("frontend-engineer");
    expect(chooseSampleInterview("Backendless reactor", "00000000").id).toBe("backend-engineer");
    expect(chooseSampleInterview("Backendless reactor", "00000001").id).toBe("frontend-engineer");
  });

  it("prefers the first sample by id when two match equally well", () => {
    expect(chooseSampleInterview("Engineer interview", "00000002").id).toBe("backend-engineer");
  });

  // The fallback hashes the id (sha256, first 4 bytes) modulo the sample count, so any id works.
  const byHash = (id: string) => ["backend-engineer", "frontend-engineer", "product-designer"][createHash("sha256").update(id).digest().readUInt32BE(0) % 3];

  it("picks by a hash of the notetaker id when no keyword matches", () => {
    for (const id of ["00000000ffff", "00000001ffff", "00000002ffff", "0000000a", ID]) {
      expect(chooseSampleInterview("Sales call", id).id).toBe(byHash(id));
    }
    // Not only hex ids: a non-hex id must still give a sample.
    expect(chooseSampleInterview("Sales call", "nt_xyz").id).toBe(byHash("nt_xyz"));
  });

  it("spreads ids over every sample", () => {
    const chosen = new Set(Array.from({ length: 60 }, (_, i) => chooseSampleInterview("Intro chat", `id-${i}`).id));
    expect(chosen).toEqual(new Set(["backend-engineer", "frontend-engineer", "product-designer"]));
  });

  it("picks the same sample every time for the same notetaker", () => {
    const first = chooseSampleInterview("Intro chat", ID);
    for (let i = 0; i < 5; i++) expect(chooseSampleInterview("Intro chat", ID)).toBe(first);
  });
});

describe("describeSampleFile", () => {
  it("gives the size and sha256 that crypto computes for the file", async () => {
    for (const file of Object.values(listSampleInterviews()[0]!.files)) {
      const data = readFileSync(file);
      expect(await describeSampleFile(file)).toEqual({ size: data.length, sha256: createHash("sha256").update(data).digest("hex") });
    }
  });

  it("computes each file once per process", () => {
    const file = listSampleInterviews()[1]!.files.mp3;
    expect(describeSampleFile(file)).toBe(describeSampleFile(file));
  });

  it("rejects for a missing file, and tries again on the next call", async () => {
    const missing = path.join(SAMPLES_DIR, "no-such-sample", "recording.mp4");
    const first = describeSampleFile(missing);
    await expect(first).rejects.toThrow(/ENOENT/);
    const second = describeSampleFile(missing);
    expect(second).not.toBe(first);
    await expect(second).rejects.toThrow(/ENOENT/);
  });
});
