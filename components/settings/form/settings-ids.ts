/**
 * Pure: whether a route segment can be a settings record's id (a UUID), checked before any query
 * so /settings/roles/anything answers 404 rather than a database error.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isRecordId(value: string): boolean {
  return UUID.test(value);
}
