import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { contentDisposition, parseContentDigest, safeFileName, storageKeyFor } from "@/lib/media/files";

const HELLO_SHA256_HEX = createHash("sha256").update("hello").digest("hex");
const HELLO_SHA256_B64 = createHash("sha256").update("hello").digest("base64");
// 32 bytes whose base64 uses both "+" and "/" (standard, not URL-safe, alphabet)
const FB = Buffer.alloc(32, 0xfb);

describe("safeFileName", () => {
  it("replaces spaces and other unsafe characters with single hyphens", () => {
    expect(safeFileName("Interview notes.vtt")).toBe("Interview-notes.vtt");
    expect(safeFileName("a - b.txt")).toBe("a-b.txt");
    expect(safeFileName('Dana "Ace" <Chen>.srt')).toBe("Dana-Ace-Chen.srt");
    expect(safeFileName("line\r\nbreak\u0000.txt")).toBe("line-break.txt");
  });

  it("keeps letters, digits, dots, underscores and hyphens", () => {
    expect(safeFileName("round_2-final.v3.mp4")).toBe("round_2-final.v3.mp4");
  });

  it("keeps only the last path segment, for / and \\ separators", () => {
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName("C:\\Users\\dana\\Desktop\\notes.txt")).toBe("notes.txt");
    expect(safeFileName("folder/sub\\mixed.vtt")).toBe("mixed.vtt");
  });

  it("strips leading dots and hyphens so the name is never hidden or option-like", () => {
    expect(safeFileName(".env")).toBe("env");
    expect(safeFileName("...hidden.txt")).toBe("hidden.txt");
    expect(safeFileName("--rf.txt")).toBe("rf.txt");
    expect(safeFileName(" .profile")).toBe("profile");
  });

  it("keeps dots inside the name; an empty extension is dropped", () => {
    expect(safeFileName("a..b.txt")).toBe("a..b.txt");
    expect(safeFileName("notes.")).toBe("notes");
  });

  it("folds accents away and keeps the extension of a name in another script", () => {
    expect(safeFileName("résumé.pdf")).toBe("resume.pdf");
    expect(safeFileName("面接メモ.vtt")).toBe("file.vtt");
    expect(safeFileName("面接メモ.vtt", "transcript.txt")).toBe("transcript.vtt");
  });

  it("folds compatibility characters to ASCII (ligatures, full-width letters)", () => {
    expect(safeFileName("ﬁle.txt")).toBe("file.txt");
    expect(safeFileName("Ｎｏｔｅｓ.txt")).toBe("Notes.txt");
  });

  it("replaces emoji with a hyphen, dropped at the start", () => {
    expect(safeFileName("🎤 interview.mp4")).toBe("interview.mp4");
    expect(safeFileName("Interview 🎤.mp4")).toBe("Interview.mp4");
  });

  it("returns the fallback when nothing usable is left", () => {
    for (const name of ["", ".", "..", "...", "-", "/", "dir/", "🎤", "   "]) expect(safeFileName(name)).toBe("file");
    expect(safeFileName("..", "recording")).toBe("recording");
    expect(safeFileName("", "transcript.txt")).toBe("transcript.txt");
  });

  it("caps the base name at 100 characters and keeps the extension", () => {
    expect(safeFileName(`${"a".repeat(200)}.mp4`)).toBe(`${"a".repeat(100)}.mp4`);
    expect(safeFileName(`${"b".repeat(100)}.mp4`)).toBe(`${"b".repeat(100)}.mp4`);
    expect(safeFileName("a".repeat(300))).toBe("a".repeat(100));
  });

  it("only ever returns characters safe in a storage key and a quoted header value", () => {
    const nasty = ['a"b', "a\\b", "a/b", "%2e%2e%2fetc", "a;b=c", "tab\there", "x\u202Eevil.txt", "名前", "<script>", "a b\r\nc"];
    for (const name of nasty) expect(safeFileName(name)).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]{0,119}$/);
  });
});

describe("storageKeyFor", () => {
  it("puts each asset in its own folder under the interview", () => {
    expect(storageKeyFor("int_123", "asset_456", "Interview notes.vtt")).toBe("interviews/int_123/asset_456/Interview-notes.vtt");
  });

  it("cannot be steered outside the asset folder by the file name", () => {
    expect(storageKeyFor("int_123", "asset_456", "../../other/secret.mp4")).toBe("interviews/int_123/asset_456/secret.mp4");
    expect(storageKeyFor("int_123", "asset_456", "..")).toBe("interviews/int_123/asset_456/file");
  });

  it("gives different keys to two versions of the same file name", () => {
    expect(storageKeyFor("i", "a1", "recording.mp4")).not.toBe(storageKeyFor("i", "a2", "recording.mp4"));
  });
});

describe("parseContentDigest", () => {
  it("reads an RFC 9530 Content-Digest sha-256 as lowercase hex", () => {
    expect(parseContentDigest(`sha-256=:${HELLO_SHA256_B64}:`)).toBe(HELLO_SHA256_HEX);
  });

  it("reads a legacy RFC 3230 Digest header (SHA-256=base64, no colons)", () => {
    expect(parseContentDigest(`SHA-256=${HELLO_SHA256_B64}`)).toBe(HELLO_SHA256_HEX);
  });

  it("reads the standard base64 alphabet, + and / included", () => {
    expect(FB.toString("base64")).toContain("+");
    expect(parseContentDigest(`sha-256=:${FB.toString("base64")}:`)).toBe("fb".repeat(32));
  });

  it("finds sha-256 among several digests, in any position", () => {
    const sha512 = createHash("sha512").update("hello").digest("base64");
    expect(parseContentDigest(`sha-512=:${sha512}:, sha-256=:${HELLO_SHA256_B64}:`)).toBe(HELLO_SHA256_HEX);
    expect(parseContentDigest(`sha-256=:${HELLO_SHA256_B64}:,sha-512=:${sha512}:`)).toBe(HELLO_SHA256_HEX);
    expect(parseContentDigest(`md5=XUFAKrxLKna5cZ2REBfFkg==, SHA-256=${HELLO_SHA256_B64}`)).toBe(HELLO_SHA256_HEX);
  });

  it("tolerates spaces around the name and value", () => {
    expect(parseContentDigest(`  sha-256 = :${HELLO_SHA256_B64}:  `)).toBe(HELLO_SHA256_HEX);
  });

  it("rejects a value that does not decode to 32 bytes, and uses a later valid one", () => {
    expect(parseContentDigest("sha-256=:AAAA:")).toBeNull();
    expect(parseContentDigest(`sha-256=:${Buffer.alloc(33).toString("base64")}:`)).toBeNull();
    expect(parseContentDigest(`sha-256=:AAAA:, sha-256=:${HELLO_SHA256_B64}:`)).toBe(HELLO_SHA256_HEX);
  });

  it("returns null for other algorithms only", () => {
    const sha512 = createHash("sha512").update("hello").digest("base64");
    expect(parseContentDigest(`sha-512=:${sha512}:`)).toBeNull();
    expect(parseContentDigest("md5=XUFAKrxLKna5cZ2REBfFkg==")).toBeNull();
    expect(parseContentDigest(`sha256=:${HELLO_SHA256_B64}:`)).toBeNull();
    expect(parseContentDigest(`sha-2560=:${HELLO_SHA256_B64}:`)).toBeNull();
  });

  it("returns null for URL-safe base64 and hex values", () => {
    expect(parseContentDigest(`sha-256=:${FB.toString("base64url")}:`)).toBeNull();
    expect(parseContentDigest(`sha-256=${HELLO_SHA256_HEX}`)).toBeNull();
  });

  it("returns null when there is no header", () => {
    expect(parseContentDigest(null)).toBeNull();
    expect(parseContentDigest(undefined)).toBeNull();
    expect(parseContentDigest("")).toBeNull();
    expect(parseContentDigest(",")).toBeNull();
  });
});

describe("contentDisposition", () => {
  it("gives an ASCII filename and the same UTF-8 filename* for a plain name", () => {
    expect(contentDisposition("inline", "recording.mp4")).toBe(`inline; filename="recording.mp4"; filename*=UTF-8''recording.mp4`);
    expect(contentDisposition("attachment", "transcript.json")).toBe(`attachment; filename="transcript.json"; filename*=UTF-8''transcript.json`);
  });

  it("percent-encodes spaces and non-ASCII characters in filename*, as UTF-8", () => {
    expect(contentDisposition("attachment", "Interview 🎤.vtt")).toBe(`attachment; filename="Interview.vtt"; filename*=UTF-8''Interview%20%F0%9F%8E%A4.vtt`);
  });

  it("strips quotes and line breaks, so the header cannot be split or its quoting broken", () => {
    const header = contentDisposition("attachment", 'Dana "Ace"\r\nSet-Cookie: x=1.vtt');
    expect(header).toBe(`attachment; filename="Dana-Ace-Set-Cookie-x-1.vtt"; filename*=UTF-8''Dana%20AceSet-Cookie%3A%20x%3D1.vtt`);
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.match(/"/g)).toHaveLength(2);
  });

  it("falls back to download for the ASCII name when nothing usable is left", () => {
    expect(contentDisposition("attachment", "..")).toBe(`attachment; filename="download"; filename*=UTF-8''..`);
  });
});
