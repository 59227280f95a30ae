/** Pure: which of the app's job kinds a process runs (JOB_KINDS). */

/** The kinds JOB_KINDS names (all when unset); an unknown name is refused with the list of known ones. */
export function selectJobKinds<K extends { name: string }>(kinds: readonly K[], jobKinds: string | undefined): readonly K[] {
  const names = (jobKinds ?? "")
    .split(",")
    .map((n) => n.trim())
    .filter(Boolean);
  if (names.length === 0) return kinds;
  const unknown = names.filter((n) => !kinds.some((k) => k.name === n));
  if (unknown.length) throw new Error(`JOB_KINDS names ${unknown.join(", ")}, which this app does not run. Known kinds: ${kinds.map((k) => k.name).join(", ")}.`);
  return kinds.filter((k) => names.includes(k.name));
}
