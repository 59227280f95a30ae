/** Pure: names and headers of stored media files. */

/** A file name safe inside a storage key and a Content-Disposition header ("Interview notes.vtt" → "Interview-notes.vtt"). */
export function safeFileName(name: string, fallback = "file"): string {
  const last = name.split(/[\\/]/).pop() ?? "";
  const clean = (part: string) =>
    part
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "") // accents split off by NFKD: "résumé" → "resume"
      .replace(/[^A-Za-z0-9._-]+/g, "-")
      .replace(/-+/g, "-")
      .replace(/^[.-]+|-+$/g, "");
  const dot = /[^.\s-]/.test(last.slice(0, Math.max(0, last.lastIndexOf(".")))) ? last.lastIndexOf(".") : -1;
  const ext =
    dot > 0
      ? clean(last.slice(dot + 1))
          .replace(/\./g, "")
          .slice(0, 16)
      : "";
  const base = clean(dot > 0 ? last.slice(0, dot) : last).slice(0, 100);
  // A name in another script keeps its extension: "面接メモ.vtt" → "file.vtt".
  if (!base) return ext ? `${fallback.replace(/\.[^.]*$/, "")}.${ext}` : fallback;
  return ext ? `${base}.${ext}` : base;
}

/** Where an interview's file lives in storage: one folder per asset, so a new version never collides. */
export function storageKeyFor(interviewId: string, assetId: string, fileName: string): string {
  return `interviews/${interviewId}/${assetId}/${safeFileName(fileName)}`;
}

/**
 * The sha256 a server vouches for, as lowercase hex: `Content-Digest: sha-256=:<base64>:` (RFC 9530)
 * or the older `Digest: SHA-256=<base64>` (RFC 3230). null when absent or not sha-256.
 */
export function parseContentDigest(header: string | null | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(",")) {
    const match = /^\s*sha-256\s*=\s*:?([A-Za-z0-9+/=]+):?\s*$/i.exec(part);
    if (!match) continue;
    const bytes = Buffer.from(match[1]!, "base64");
    if (bytes.length === 32) return bytes.toString("hex");
  }
  return null;
}

/** `Content-Disposition` with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function contentDisposition(type: "inline" | "attachment", fileName: string): string {
  const ascii = safeFileName(fileName, "download");
  // RFC 8187: percent-encode everything but attr-chars (encodeURIComponent leaves ' ( ) * ! alone);
  // a lone surrogate becomes U+FFFD instead of throwing.
  const encoded = encodeURIComponent(fileName.replace(/[\r\n"]/g, "").toWellFormed()).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
