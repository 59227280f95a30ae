/**
 * The client's IP address for rate limiting: the first hop of `x-forwarded-for`, else
 * `x-real-ip`, else "unknown". Deployments must sit behind a proxy that sets these headers
 * (a client can forge them otherwise; the per-email limit still applies).
 */
type HeaderSource = Headers | Record<string, string | string[] | undefined>;

const MAX_IP_LENGTH = 64;

function readHeader(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  const value = record[name] ?? record[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function getClientIp(headers: HeaderSource | undefined): string {
  if (!headers) return "unknown";
  const forwarded = readHeader(headers, "x-forwarded-for")?.split(",")[0]?.trim();
  if (forwarded) return forwarded.slice(0, MAX_IP_LENGTH);
  const real = readHeader(headers, "x-real-ip")?.trim();
  if (real) return real.slice(0, MAX_IP_LENGTH);
  return "unknown";
}
