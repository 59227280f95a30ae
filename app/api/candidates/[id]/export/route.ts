import { withAuth } from "@/lib/auth";
import { notFoundError } from "@/lib/errors";
import { openCandidateExport, toReadableStream } from "@/lib/privacy/export";
import { isId } from "@/lib/validations/ids";

export const dynamic = "force-dynamic";

/**
 * GET /api/candidates/<id>/export — everything held about a candidate as a ZIP (candidate.json and
 * their media files), streamed as the client reads; audited. ADMIN only. Stopped (the download
 * fails) if the candidate is erased meanwhile.
 */
export const GET = withAuth<{ id: string }>(
  async (_request, { user, params }) => {
    const { id } = await params;
    if (!isId(id)) throw notFoundError("No such candidate.");
    const archive = await openCandidateExport(user, id.toLowerCase());
    return new Response(toReadableStream(archive.body), {
      headers: {
        "content-type": "application/zip",
        "content-disposition": `attachment; filename="${archive.fileName}"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  },
  { roles: ["ADMIN"] },
);
