/** Pure: names and headers of stored media files. */

/** A file name safe inside a storage key and a Content-Disposition header ("Interview notes.vtt" → "Interview-notes.vtt"). */
export function safeFileName(name: string, fallback = "file"): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[.-]+/, "")
    .replace(/-+/g, "-")
    .slice(0, 120);
  return cleaned && cleaned !== "-" ? cleaned : fallback;
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
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName.replace(/[\r\n"]/g, ""))}`;
}
