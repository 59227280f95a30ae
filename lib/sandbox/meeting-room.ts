/** GET /v3/sandbox/meet/{provider}/{code} — the page behind sandbox conferencing links. */
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderMeetingRoom(provider: string, code: string): Response {
  const label = provider.replace(/-/g, " ").replace(/\b\w/g, (c) => c.toUpperCase());
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Sandbox meeting ${escapeHtml(code)}</title>
<style>body{font-family:system-ui,sans-serif;background:#0f172a;color:#e2e8f0;display:grid;place-items:center;min-height:100vh;margin:0}
main{max-width:32rem;padding:2rem;text-align:center}h1{font-size:1.5rem}code{background:#1e293b;padding:.2rem .4rem;border-radius:.25rem}p{color:#94a3b8;line-height:1.5}</style></head>
<body><main><h1>Sandbox ${escapeHtml(label)} meeting</h1><p>Meeting code <code>${escapeHtml(code)}</code></p>
<p>This link was created by the portal's built-in Nylas sandbox. It is not a real video call: in live mode, bookings get real ${escapeHtml(label)} links.</p></main></body></html>`;
  return new Response(html, { status: 200, headers: { "content-type": "text/html; charset=utf-8" } });
}
