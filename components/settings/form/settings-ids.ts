/**
 * Pure: whether a route segment can be a settings record's id (a UUID), checked before any query
 * so /settings/roles/anything answers 404 rather than a database error.
 */
import { isId } from "@/lib/validations/ids";

export function isRecordId(value: string): boolean {
  return isId(value);
}
