import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

/** GET /api/health — liveness plus a database round trip; 503 when the database is unreachable. */
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, { status: health.ok ? 200 : 503 });
}
