import { handleSandboxRequest } from "@/lib/sandbox";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ path: string[] }> };

/** /v3/** — the built-in Nylas-compatible API (sandbox mode only; 404 in live mode). */
async function handle(request: Request, { params }: Params) {
  return handleSandboxRequest(request, (await params).path);
}

export { handle as GET, handle as HEAD, handle as POST, handle as PUT, handle as PATCH, handle as DELETE, handle as OPTIONS };
