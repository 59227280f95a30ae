/** Where both backends stage uploads; KEY_PATTERN (first character alphanumeric) can never reach it. */
export const PARTIAL_PREFIX = ".partial/";

const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._\-/]{0,511}$/;

/**
 * Keys become file paths on the filesystem backend, so a key must not climb out of the media dir,
 * alias another key ("a/./b", "a//b") or name a folder ("a/").
 */
export function assertValidKey(key: string): void {
  const isValid =
    KEY_PATTERN.test(key) && key.split("/").every((segment) => segment !== "" && segment !== "." && segment !== "..");
  if (!isValid) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
}
