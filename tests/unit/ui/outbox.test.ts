import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Outbox, type OutboxProps } from "@/components/sandbox/outbox";
import { htmlToText } from "@/lib/sandbox/message-rules";

const render = (props: Partial<OutboxProps> = {}) =>
  renderToStaticMarkup(createElement(Outbox, { messages: [], page: 1, pageCount: 1, pageSize: 25, total: 0, hrefForPage: (page: number) => `/sandbox?outbox=${page}#outbox`, ...props }));

const hostileHtml = `<p>Hi <img src=x onerror="alert(1)"> &lt;script&gt;alert(2)&lt;/script&gt;</p><script>alert(3)</script><p><a href="https://portal.example/d#feedback">Add your feedback</a></p>`;

describe("Outbox", () => {
  it("says so when nothing was sent, as the region named Outbox", () => {
    const html = render();
    expect(html).toContain('<h2 id="sandbox-outbox"');
    expect(html).toContain('aria-label="Outbox"');
    expect(html).toContain("No emails sent yet.");
    expect(html).not.toContain("<ul");
  });

  it("lists each email with its recipients, sender and subject, and its body as text: the email's markup never reaches the page", () => {
    const html = render({
      total: 1,
      messages: [
        {
          id: "m1",
          from: [{ name: "Northwind Recruiting", email: "recruiting@northwind.example" }],
          to: [{ name: "Sarah Kim", email: "sarah@example.com" }],
          cc: [],
          bcc: [{ email: "audit@example.com" }],
          subject: "Debrief ready: <b>Dana</b>",
          date: new Date("2026-03-02T10:00:00Z"),
          text: htmlToText(hostileHtml),
        },
      ],
    });
    expect(html).toContain('aria-label="Debrief ready: &lt;b&gt;Dana&lt;/b&gt;, to Sarah Kim &lt;sarah@example.com&gt;"');
    expect(html).toContain("Northwind Recruiting &lt;recruiting@northwind.example&gt;");
    expect(html).toContain('<dt class="text-muted">Bcc</dt>');
    expect(html).not.toContain('<dt class="text-muted">Cc</dt>');
    expect(html).toContain("Hi &lt;script&gt;alert(2)&lt;/script&gt;");
    expect(html).toContain("Add your feedback &lt;https://portal.example/d#feedback&gt;");
    expect(html).not.toMatch(/<img|<script|onerror|alert\(3\)|<b>/);
    expect(html).toContain('aria-label="Outbox pages"');
  });
});
