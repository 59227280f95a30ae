/**
 * Runs once when a server process starts (Next.js instrumentation hook). Everything it does needs
 * Node.js, so it lives in instrumentation-node.ts, imported only in the Node.js runtime: the
 * documented pattern that keeps Node-only code out of the Edge compilation of this file.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { registerNode } = await import("./instrumentation-node");
    await registerNode();
  }
}
