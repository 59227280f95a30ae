/**
 * Pure: what a recording really is, from its first bytes (never from the name or the browser's
 * claimed type), so an upload can only ever be stored and served as a media type we know.
 */
export type RecordingType = { contentType: string; extension: string; isVideo: boolean };

/** Bytes needed to decide. */
export const SNIFF_BYTES = 16;

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

export function sniffRecordingType(head: Uint8Array): RecordingType | null {
  if (head.length >= 12 && ascii(head, 4, 8) === "ftyp") {
    const brand = ascii(head, 8, 12);
    if (brand === "M4A " || brand === "M4B ") return { contentType: "audio/mp4", extension: "m4a", isVideo: false };
    if (brand === "qt  ") return { contentType: "video/quicktime", extension: "mov", isVideo: true };
    return { contentType: "video/mp4", extension: "mp4", isVideo: true };
  }
  if (head.length >= 4 && head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) {
    return { contentType: "video/webm", extension: "webm", isVideo: true };
  }
  if (head.length >= 12 && ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 12) === "WAVE") return { contentType: "audio/wav", extension: "wav", isVideo: false };
  if (head.length >= 4 && ascii(head, 0, 4) === "OggS") return { contentType: "audio/ogg", extension: "ogg", isVideo: false };
  if (head.length >= 3 && ascii(head, 0, 3) === "ID3") return { contentType: "audio/mpeg", extension: "mp3", isVideo: false };
  // An MPEG audio frame header: 11 sync bits, a valid version and layer, and a bitrate and sample
  // rate that are not "bad"/"reserved" (so a UTF-16 byte-order mark, FF FE, is not taken for one).
  if (head.length >= 3 && head[0] === 0xff && (head[1]! & 0xe0) === 0xe0 && (head[1]! & 0x18) !== 0x08 && (head[1]! & 0x06) !== 0) {
    const bitrate = head[2]! >> 4;
    const sampleRate = (head[2]! >> 2) & 0x03;
    if (bitrate !== 0x0f && sampleRate !== 0x03) return { contentType: "audio/mpeg", extension: "mp3", isVideo: false };
  }
  return null;
}

/** True when `bytes` decode as UTF-8 text without NUL characters (what a transcript must be). */
export function decodeUtf8Text(bytes: Uint8Array): string | null {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return text.includes("\u0000") ? null : text;
  } catch {
    return null;
  }
}
