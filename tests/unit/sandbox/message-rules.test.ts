import { describe, expect, it } from "vitest";
import { describeIssues } from "@/lib/sandbox/schemas";
import { htmlToText, plainTextToHtml, serializeMessage, snippetOf, takeMessageFault, ZMessageSend } from "@/lib/sandbox/message-rules";

const issues = (body: unknown) => {
  const parsed = ZMessageSend.safeParse(body);
  return parsed.success ? null : describeIssues(parsed.error);
};

describe("ZMessageSend", () => {
  it("accepts Nylas's send body, and fields the sandbox does not use", () => {
    expect(issues({ to: [{ name: "Sarah Kim", email: "sarah@example.com" }], subject: "Hi", body: "<p>Hi</p>", tracking_options: { opens: true }, use_draft: false })).toBeNull();
    expect(issues({ to: [{ email: "sarah@example.com" }], cc: [], bcc: [{ email: "b@example.com" }], reply_to: [{ email: "r@example.com" }] })).toBeNull();
  });

  it("says what is wrong with the recipients", () => {
    expect(issues({ subject: "Hi" })).toBe("to: is required: at least one recipient");
    expect(issues({ to: [] })).toBe("to: needs at least one recipient");
    expect(issues({ to: "sarah@example.com" })).toBe("to: must be an array of {name, email} objects");
    expect(issues({ to: [{ email: "sarah@" }] })).toBe('to.0.email: "sarah@" is not a valid email address');
    expect(issues({ to: [{ name: "No address" }] })).toBe("to.0.email: is required");
    expect(issues({ to: [{ email: "a@example.com" }], cc: [{ email: "not an email" }] })).toBe('cc.0.email: "not an email" is not a valid email address');
  });

  it("refuses what the sandbox cannot do rather than pretending", () => {
    expect(issues({ to: [{ email: "a@example.com" }], send_at: 1_900_000_000 })).toBe("send_at: is not supported by the sandbox: it sends at once (omit send_at)");
    expect(issues({ to: [{ email: "a@example.com" }], attachments: [{ filename: "a.txt" }] })).toBe("attachments: are not supported by the sandbox");
    expect(issues({ to: [{ email: "a@example.com" }], subject: 42 })).toBe("subject: must be a string");
  });
});

describe("htmlToText", () => {
  it("keeps paragraphs, lines and list items, and shows each link's address", () => {
    const html = `<!doctype html><html><head><title>Debrief ready</title><style>p { color: red }</style></head>
<body><p>Hi Sarah,</p><p>The debrief is <b>ready</b>.<br>Line two</p><ul><li>Send the take-home</li><li>Book round 2</li></ul>
<p><a href="https://portal.example/dashboard/interviews/1#feedback">Add your feedback</a> · <a href='mailto:x@example.com'>Mail</a></p></body></html>`;
    expect(htmlToText(html)).toBe(
      [
        "Hi Sarah,",
        "",
        "The debrief is ready.",
        "Line two",
        "",
        "- Send the take-home",
        "- Book round 2",
        "",
        "Add your feedback <https://portal.example/dashboard/interviews/1#feedback> · Mail <mailto:x@example.com>",
      ].join("\n"),
    );
  });

  it("decodes entities once, so escaped markup stays text", () => {
    expect(htmlToText("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; &#39;q&#39; &#x1F600;&nbsp;x</p>")).toBe("<script>alert(1)</script> &amp; 'q' 😀 x");
  });

  it("drops scripts, comments and the addresses of links that are not web or mail links", () => {
    expect(htmlToText('<p>a<script>document.write("<b>x</b>")</script>b<!-- <p>hidden</p> -->c <a href="javascript:alert(1)">click</a></p>')).toBe("abc click");
  });

  it("reads a hostile body in linear time", () => {
    const hostile = "<a".repeat(200_000) + "<!--".repeat(50_000) + '<p title="'.repeat(50_000);
    const started = performance.now();
    htmlToText(hostile);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe("plainTextToHtml and snippetOf", () => {
  it("up-converts a plain-text body to HTML that reads back as the same text", () => {
    const html = plainTextToHtml("Hi <Sarah> & co,\nsee you");
    expect(html).toBe("<div>Hi &lt;Sarah&gt; &amp; co,<br>see you</div>");
    expect(htmlToText(html)).toBe("Hi <Sarah> & co,\nsee you");
  });

  it("is the first 100 characters of the text on one line", () => {
    expect(snippetOf(`<p>${"word ".repeat(40)}</p><p>more</p>`)).toHaveLength(100);
    expect(snippetOf("<p>One</p><p>Two</p>")).toBe("One Two");
  });
});

describe("serializeMessage", () => {
  it("answers Nylas's Message shape, the date in Unix seconds", () => {
    const date = new Date("2026-03-02T10:00:00.900Z");
    const message = serializeMessage({
      id: "m1",
      grantId: "g1",
      to: [{ email: "a@example.com" }],
      cc: [],
      bcc: [],
      replyTo: [],
      from: [{ name: "R", email: "r@example.com" }],
      subject: "S",
      body: "<p>B</p>",
      date,
    });
    expect(message).toMatchObject({ id: "m1", grant_id: "g1", object: "message", subject: "S", body: "<p>B</p>", snippet: "B", date: 1772445600, folders: ["SENT"], to: [{ email: "a@example.com" }] });
  });
});

describe("takeMessageFault", () => {
  it("uses up failures first, then lost answers, one per send", () => {
    let faults = { fail: { count: 1, status: 429 }, lose_answer: { count: 1 } };
    const first = takeMessageFault(faults);
    expect(first.fault).toEqual({ kind: "fail", status: 429 });
    faults = first.rest as typeof faults;
    const second = takeMessageFault(faults);
    expect(second.fault).toEqual({ kind: "lose_answer" });
    expect(takeMessageFault(second.rest).fault).toBeNull();
    expect(takeMessageFault({ fail: { count: 1 } }).fault).toEqual({ kind: "fail", status: 503 });
  });
});
