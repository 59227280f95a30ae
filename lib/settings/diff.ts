/**
 * Pure: the before / after diff an audit entry keeps. Values are compared by their canonical JSON
 * (object keys sorted), so reordering keys is not a change but reordering a list is.
 *
 *   diffFields({ durationMinutes: 45, name: "A" }, { durationMinutes: 60, name: "A" }, { durationMinutes: "Duration (minutes)" })
 *     → [{ field: "durationMinutes", label: "Duration (minutes)", before: 45, after: 60 }]
 */
export type FieldChange = { field: string; label: string; before: unknown; after: unknown };

/** JSON with object keys sorted at every depth; undefined is treated as null. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/**
 * The fields whose values differ, in `labels`' order first, then any other field in key order.
 * A field missing on one side counts as null there (created: before is {}, deleted: after is {}).
 */
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>, labels: Record<string, string> = {}): FieldChange[] {
  const fields = [...new Set([...Object.keys(labels), ...[...Object.keys(before), ...Object.keys(after)].sort()])];
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (!(field in before) && !(field in after)) continue;
    const a = sortKeys(before[field]);
    const b = sortKeys(after[field]);
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    changes.push({ field, label: labels[field] ?? field, before: a, after: b });
  }
  return changes;
}
