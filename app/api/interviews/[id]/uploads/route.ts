import { withAuth } from "@/lib/auth";
import { handleInterviewUpload } from "./handle-upload";

export const dynamic = "force-dynamic";

/** POST /api/interviews/<id>/uploads — the upload fallback: a recording and/or a transcript for an interview (multipart/form-data). */
export const POST = withAuth<{ id: string }>(async (request, { user, params }) => handleInterviewUpload(request, user, (await params).id));
