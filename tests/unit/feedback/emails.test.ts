import { describe, expect, it } from "vitest";
import { escapeHtml, interviewLinks, recapEmail, reminderEmail, type RecapEmailInput, type ReminderEmailInput } from "@/lib/feedback/emails";

const HOSTILE = `<script>alert("x")</script> & <img src=x onerror=alert(1)>`;
const base: RecapEmailInput = {
  appUrl: "https://portal.example.com/",
  interview: { id: "int_1", startsAt: new Date("2026-03-02T10:00:00Z") },
  candidateName: "Bo Chen",
  roleTitle: "Backend Engineer",
  summary: "Strong on queues.\n\nLess sure about SQL.",
  actionItems: ["Send the take-home", "Check references"],
  recipient: { name: "Ana Lopez", kind: "interviewer" },
};
const reminder: ReminderEmailInput = {
  appUrl: "https://portal.example.com",
  interview: base.interview,
  candidateName: "Bo Chen",
  roleTitle: "Backend Engineer",
  n: 1,
  overdue: false,
  recipientName: "Ana",
};

/** The HTML with every tag the template itself writes removed; what is left must have no `<`. */
const withoutOwnTags = (html: string) => html.replace(/<\/?(!doctype html|html|head|meta charset="utf-8"|title|body[^>]*|p|br|h2[^>]*|ul|li|a|a href="[^"<>]*")>/g, "");

describe("escapeHtml", () => {
  it("escapes the five HTML characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;");
  });
});

describe("interviewLinks", () => {
  it("builds absolute debrief and feedback-form URLs, with the id encoded", () => {
    expect(interviewLinks("https://portal.example.com/", "a/b")).toEqual({
      debrief: "https://portal.example.com/dashboard/interviews/a%2Fb",
      feedbackForm: "https://portal.example.com/dashboard/interviews/a%2Fb#feedback",
    });
  });
});

describe("recapEmail", () => {
  it("tells the interviewer the debrief is ready, with the summary, action items and both links", () => {
    const email = recapEmail(base);
    expect(email.subject).toBe("Debrief ready: Bo Chen, Backend Engineer");
    expect(email.text).toContain("Hi Ana Lopez,");
    expect(email.text).toContain("2 Mar 2026, 10:00 UTC");
    expect(email.text).toContain("Strong on queues.\n\nLess sure about SQL.");
    expect(email.text).toContain("- Send the take-home");
    expect(email.text).toContain("Add your feedback: https://portal.example.com/dashboard/interviews/int_1#feedback");
    expect(email.text).toContain("Open the debrief: https://portal.example.com/dashboard/interviews/int_1");
    expect(email.html).toContain('<a href="https://portal.example.com/dashboard/interviews/int_1#feedback">Add your feedback</a>');
    expect(email.html).toContain("<p>Strong on queues.</p>\n<p>Less sure about SQL.</p>");
    expect(email.html).toContain("<li>Check references</li>");
  });

  it("sends recruiters the debrief link without the feedback form", () => {
    const email = recapEmail({ ...base, recipient: { name: null, kind: "recruiter" } });
    expect(email.text.startsWith("Hi,\n")).toBe(true);
    expect(email.text).not.toContain("#feedback");
    expect(email.html).not.toContain("#feedback");
    expect(email.text).toContain("Open the debrief: https://portal.example.com/dashboard/interviews/int_1");
  });

  it("says when there is no summary and leaves out empty action items", () => {
    const email = recapEmail({ ...base, summary: "  ", actionItems: [] });
    expect(email.text).toContain("No summary was produced for this interview.");
    expect(email.text).not.toContain("Action items");
    expect(email.html).not.toContain("<ul>");
  });

  it("caps long summaries and long lists of action items", () => {
    const email = recapEmail({ ...base, summary: "word ".repeat(1_000), actionItems: Array.from({ length: 14 }, (_, i) => `Item ${i + 1}`) });
    expect(email.text).toContain("…");
    expect(email.text).toContain("- Item 10");
    expect(email.text).not.toContain("- Item 11");
    expect(email.text).toContain("- and 4 more in the portal");
  });

  it("renders hostile names, titles, summaries and action items as text", () => {
    const email = recapEmail({ ...base, candidateName: HOSTILE, roleTitle: HOSTILE, summary: HOSTILE, actionItems: [HOSTILE], recipient: { name: HOSTILE, kind: "interviewer" } });
    expect(withoutOwnTags(email.html)).not.toContain("<");
    expect(email.html).toContain("&#60;script&#62;");
    expect(email.text).toContain("<script>");
  });

  it("keeps the subject on one line whatever the names hold", () => {
    const email = recapEmail({ ...base, candidateName: "Bo\r\nBcc: victim@example.com", roleTitle: "x".repeat(500) });
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.subject.length).toBeLessThanOrEqual(150);
  });

  it("shows the time in the given time zone, and falls back to UTC for an unknown one", () => {
    expect(recapEmail({ ...base, interview: { ...base.interview, timeZone: "Asia/Tokyo" } }).text).toContain("19:00");
    expect(recapEmail({ ...base, interview: { ...base.interview, timeZone: "Not/AZone" } }).text).toContain("10:00 UTC");
  });
});

describe("reminderEmail", () => {
  it("asks for the feedback while due, linking the form and the debrief", () => {
    const email = reminderEmail(reminder);
    expect(email.subject).toBe("Feedback due: Bo Chen, Backend Engineer");
    expect(email.text).toContain("Hi Ana,");
    expect(email.text).toContain("is due.");
    expect(email.text).toContain("Add your feedback: https://portal.example.com/dashboard/interviews/int_1#feedback");
    expect(email.html).toContain('href="https://portal.example.com/dashboard/interviews/int_1"');
    expect(email.text).not.toContain("last reminder");
  });

  it("says overdue once overdue, and that the tenth is the last", () => {
    const email = reminderEmail({ ...reminder, overdue: true, n: 10 });
    expect(email.subject).toBe("Feedback overdue: Bo Chen, Backend Engineer");
    expect(email.text).toContain("is overdue.");
    expect(email.text).toContain("This is the last reminder.");
    expect(email.html).toContain("This is the last reminder.");
  });

  it("renders hostile names as text", () => {
    const email = reminderEmail({ ...reminder, candidateName: HOSTILE, roleTitle: HOSTILE, recipientName: HOSTILE });
    expect(withoutOwnTags(email.html)).not.toContain("<");
    expect(email.subject).not.toMatch(/[\r\n]/);
  });

  it("escapes an app URL that holds quotes", () => {
    const email = reminderEmail({ ...reminder, appUrl: `https://x.example/"><script>` });
    expect(withoutOwnTags(email.html)).not.toContain("<script>");
  });
});
