import { withAuth } from "@/lib/auth";
import { serveMediaAsset } from "./serve-asset";

export const dynamic = "force-dynamic";

/** GET /api/media/<asset id> — an interview's stored file (recording, transcript, …), seekable; signed-in users who may see the interview. */
export const GET = withAuth<{ assetId: string }>(async (request, { user, params }) => serveMediaAsset(request, user, (await params).assetId));

/** HEAD /api/media/<asset id> — the same headers without the body. */
export const HEAD = GET;
