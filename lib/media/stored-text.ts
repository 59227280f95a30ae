import type { MediaStorage } from "@/lib/storage";

/** A stored text file as a string (UTF-8), refusing anything over `maxBytes`. */
export async function readStoredText(storage: MediaStorage, key: string, maxBytes: number): Promise<string> {
  const stream = await storage.read(key);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      stream.destroy();
      throw new Error(`The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, size).toString("utf8");
}
