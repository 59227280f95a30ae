import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeUtf8Text, SNIFF_BYTES, sniffRecordingType } from "@/lib/media/sniff";

const bytes = (...parts: (string | number[])[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));
/** An ISO-BMFF file's first 16 bytes: box size, "ftyp", the major brand, a minor version. */
const ftyp = (brand: string) => bytes([0, 0, 0, 0x20], "ftyp", brand, [0, 0, 2, 0]);
const head = (file: string) => new Uint8Array(readFileSync(path.join(process.cwd(), "lib/sandbox/samples/backend-engineer", file)).subarray(0, SNIFF_BYTES));

const MP4 = { contentType: "video/mp4", extension: "mp4", isVideo: true };
const M4A = { contentType: "audio/mp4", extension: "m4a", isVideo: false };
const MP3 = { contentType: "audio/mpeg", extension: "mp3", isVideo: false };

describe("sniffRecordingType", () => {
  it("needs 16 bytes to decide", () => {
    expect(SNIFF_BYTES).toBe(16);
  });

  it("reads MP4 video from the ftyp box, whatever the video brand", () => {
    for (const brand of ["isom", "mp42", "mp41", "avc1", "iso5"]) expect(sniffRecordingType(ftyp(brand))).toEqual(MP4);
  });

  it("reads M4A and M4B audio brands as audio/mp4", () => {
    expect(sniffRecordingType(ftyp("M4A "))).toEqual(M4A);
    expect(sniffRecordingType(ftyp("M4B "))).toEqual(M4A);
  });

  it("reads the QuickTime brand as a MOV video", () => {
    expect(sniffRecordingType(ftyp("qt  "))).toEqual({ contentType: "video/quicktime", extension: "mov", isVideo: true });
  });

  it("reads the EBML magic as WebM", () => {
    expect(sniffRecordingType(bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81]))).toEqual({ contentType: "video/webm", extension: "webm", isVideo: true });
  });

  it("reads RIFF…WAVE as WAV, but not other RIFF files", () => {
    expect(sniffRecordingType(bytes("RIFF", [0x24, 0x08, 0, 0], "WAVEfmt "))).toEqual({ contentType: "audio/wav", extension: "wav", isVideo: false });
    expect(sniffRecordingType(bytes("RIFF", [0x24, 0x08, 0, 0], "AVI LIST"))).toBeNull();
  });

  it("reads OggS as Ogg audio", () => {
    expect(sniffRecordingType(bytes("OggS", [0, 2, 0, 0, 0, 0, 0, 0]))).toEqual({ contentType: "audio/ogg", extension: "ogg", isVideo: false });
  });

  it("reads an ID3 tag as MP3", () => {
    expect(sniffRecordingType(bytes("ID3", [4, 0, 0, 0, 0, 0, 0x0a]))).toEqual(MP3);
  });

  it("reads a bare MPEG audio frame header as MP3 (MPEG-1 and MPEG-2 layer III)", () => {
    expect(sniffRecordingType(bytes([0xff, 0xfb, 0x90, 0x64]))).toEqual(MP3);
    expect(sniffRecordingType(bytes([0xff, 0xf3, 0x84, 0xc4]))).toEqual(MP3);
  });

  it("rejects a frame sync with the reserved layer, or without all 11 sync bits", () => {
    expect(sniffRecordingType(bytes([0xff, 0xe1, 0x90, 0x64]))).toBeNull();
    expect(sniffRecordingType(bytes([0xff, 0xd3, 0x90, 0x64]))).toBeNull();
    expect(sniffRecordingType(bytes([0xfe, 0xfb, 0x90, 0x64]))).toBeNull();
  });

  it("recognises the committed sample recordings", () => {
    expect(sniffRecordingType(head("recording.mp4"))).toEqual(MP4);
    expect(sniffRecordingType(head("recording.mp3"))).toEqual(MP3);
  });

  it("returns null for text, HTML, JSON and images", () => {
    for (const text of ["WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nHi", "<!DOCTYPE html><html>", '{"object":"transcript"}', "1\n00:00:01,000 --> 00:00:02,000\n"]) {
      expect(sniffRecordingType(bytes(text.slice(0, 16)))).toBeNull();
    }
    expect(sniffRecordingType(head("thumbnail.png"))).toBeNull();
  });

  it("returns null with too few bytes to decide", () => {
    expect(sniffRecordingType(new Uint8Array())).toBeNull();
    expect(sniffRecordingType(bytes([0xff]))).toBeNull();
    expect(sniffRecordingType(bytes("ID"))).toBeNull();
    expect(sniffRecordingType(bytes([0x1a, 0x45, 0xdf]))).toBeNull();
    expect(sniffRecordingType(bytes("Ogg"))).toBeNull();
    expect(sniffRecordingType(ftyp("isom").subarray(0, 11))).toBeNull();
    expect(sniffRecordingType(bytes("RIFF", [0, 0, 0, 0], "WAV"))).toBeNull();
  });

  it("does not read ftyp anywhere but at offset 4", () => {
    expect(sniffRecordingType(bytes([0, 0, 0], "ftypisom", [0, 0, 0, 0, 0]))).toBeNull();
  });
});

describe("decodeUtf8Text", () => {
  it("decodes valid UTF-8, multi-byte characters included", () => {
    expect(decodeUtf8Text(Buffer.from("Zoë: “Hello” — 你好 🎤\n", "utf8"))).toBe("Zoë: “Hello” — 你好 🎤\n");
  });

  it("decodes an empty body as the empty string", () => {
    expect(decodeUtf8Text(new Uint8Array())).toBe("");
  });

  it("returns null for invalid UTF-8", () => {
    const invalid = [
      [0xc3, 0x28], // bad continuation
      [0x80], // lone continuation byte
      [0x61, 0xe2, 0x82], // truncated sequence
      [0xc0, 0xaf], // overlong "/"
      [0xed, 0xa0, 0x80], // encoded surrogate
      [0xff, 0xfe, 0x57, 0x00], // UTF-16 LE with its BOM
    ];
    for (const b of invalid) expect(decodeUtf8Text(Uint8Array.from(b))).toBeNull();
  });

  it("returns null for text containing NUL", () => {
    expect(decodeUtf8Text(Buffer.from("WEBVTT\u0000\n", "utf8"))).toBeNull();
    expect(decodeUtf8Text(Uint8Array.from([0]))).toBeNull();
  });

  it("returns null for a binary recording", () => {
    expect(decodeUtf8Text(readFileSync(path.join(process.cwd(), "lib/sandbox/samples/backend-engineer/recording.mp4")).subarray(0, 4096))).toBeNull();
  });

  it("drops a leading UTF-8 BOM (the decoder's default) and keeps one inside the text", () => {
    expect(decodeUtf8Text(Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from("WEBVTT\n")]))).toBe("WEBVTT\n");
    expect(decodeUtf8Text(Buffer.from("a\uFEFFb", "utf8"))).toBe("a\uFEFFb");
  });
});

describe("sniffRecordingType: text that starts like an MPEG frame", () => {
  it("does not take a UTF-16 byte-order mark (FF FE) for MP3", () => {
    expect(sniffRecordingType(new Uint8Array([0xff, 0xfe, 0x3c, 0x00, 0x68, 0x00]))).toBeNull();
  });

  it("refuses a frame header with a reserved sample rate or a bad bitrate", () => {
    expect(sniffRecordingType(new Uint8Array([0xff, 0xfb, 0x9c, 0x00]))).toBeNull(); // sample rate bits 11
    expect(sniffRecordingType(new Uint8Array([0xff, 0xfb, 0xf0, 0x00]))).toBeNull(); // bitrate 1111
    expect(sniffRecordingType(new Uint8Array([0xff, 0xfb, 0x90, 0x64]))?.contentType).toBe("audio/mpeg");
  });
});
