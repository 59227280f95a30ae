/**
 * The one schema for a record id (every table's primary key is a Postgres `uuid`). Pure and
 * client-safe: actions, route handlers, pages and search-param parsers all parse ids with it, so
 * a malformed id is refused before any query (Postgres would answer an error, not "not found").
 */
import { z } from "zod";

/**
 * A uuid in any letter case, lower-cased: the 8-4-4-4-12 hex shape Postgres accepts, without
 * z.uuid()'s version and variant checks (the nil uuid and hand-made ids are still ids).
 * `message` is the error a form or action shows for a bad one.
 */
export const zId = (message = "That is not an id.") => z.guid({ error: message }).transform((id) => id.toLowerCase());

export const ZId = zId();
export type TId = z.infer<typeof ZId>;

/** True when `value` is an id (for code that only needs a yes or no, e.g. a route segment). */
export function isId(value: unknown): value is string {
  return ZId.safeParse(value).success;
}
