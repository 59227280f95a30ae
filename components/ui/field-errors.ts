/**
 * Pure: how a form ties a save's field errors (keyed by dotted path, e.g.
 * "members.2.email" — FormSaveState) to its DOM: the id of the field a path names, the order the
 * error summary lists them in, and where a summary link lands when no field has that exact path.
 */

/** "members.2.email" → "panel-form-members-2-email": a valid, unique id for the field with that path. */
export function fieldDomId(formId: string, path: string): string {
  return `${formId}-${path.replace(/[^A-Za-z0-9_-]+/g, "-")}`;
}

/** The id of a field's error message (FieldError), for aria-describedby. */
export function errorDomId(formId: string, path: string): string {
  return `${fieldDomId(formId, path)}-error`;
}

/** The id of a field's hint, for aria-describedby. */
export function hintDomId(formId: string, path: string): string {
  return `${fieldDomId(formId, path)}-hint`;
}

/** aria-describedby from optional ids: undefined when there are none. */
export function describedBy(...ids: Array<string | false | null | undefined>): string | undefined {
  const present = ids.filter((id): id is string => Boolean(id));
  return present.length ? present.join(" ") : undefined;
}

/**
 * Where a summary link can land, most specific first: the path itself, then each parent.
 *
 *   "openHours.days.3.end" → ["openHours.days.3.end", "openHours.days.3", "openHours.days", "openHours"]
 */
export function candidatePaths(path: string): string[] {
  const parts = path.split(".");
  return parts.map((_, index) => parts.slice(0, parts.length - index).join("."));
}

/**
 * The errors in form order. `order` lists paths as they appear on the page; a path with an index
 * ("members.*.email") matches any row, and rows sort by their number. Errors on paths the order
 * does not know come last, in key order.
 *
 *   orderFieldErrors({ "b": "x", "a.1.n": "y", "a.0.n": "z" }, ["a.*.n", "b"]) → [["a.0.n", "z"], ["a.1.n", "y"], ["b", "x"]]
 */
export function orderFieldErrors(errors: Record<string, string>, order: readonly string[]): Array<[path: string, message: string]> {
  const rank = (path: string): number => {
    const pattern = path.replace(/\.\d+(?=\.|$)/g, ".*");
    for (const candidate of [path, pattern, ...candidatePaths(pattern).slice(1)]) {
      const index = order.indexOf(candidate);
      if (index !== -1) return index;
    }
    return order.length;
  };
  const numbers = (path: string) => (path.match(/\d+/g) ?? []).map(Number);
  return Object.entries(errors).sort(([a], [b]) => {
    const byRank = rank(a) - rank(b);
    if (byRank !== 0) return byRank;
    const [na, nb] = [numbers(a), numbers(b)];
    for (let i = 0; i < Math.min(na.length, nb.length); i++) if (na[i] !== nb[i]) return na[i]! - nb[i]!;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

/** Errors whose path is `prefix` or below it ("members.2" → "members.2.email", "members.2.name"). */
export function errorsUnder(errors: Record<string, string>, prefix: string): string[] {
  return Object.entries(errors)
    .filter(([path]) => path === prefix || path.startsWith(`${prefix}.`))
    .map(([, message]) => message);
}
