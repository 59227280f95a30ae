import { describe, expect, it } from "vitest";
import { invitationEmail, invitationLink } from "@/lib/team/emails";

const TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde";

describe("invitationEmail", () => {
  const email = invitationEmail({ appUrl: "https://hire.example.com/", token: TOKEN, role: "RECRUITER", inviterName: "Alex Morgan", expiresAt: new Date("2026-12-16T12:00:00Z") });

  it("links to /invite/<token> on APP_URL in both the text and the HTML", () => {
    expect(invitationLink("https://hire.example.com/", TOKEN)).toBe(`https://hire.example.com/invite/${TOKEN}`);
    expect(email.text).toContain(`https://hire.example.com/invite/${TOKEN}`);
    expect(email.html).toContain(`href="https://hire.example.com/invite/${TOKEN}"`);
  });

  it("says who invited them, the role and how long the link works", () => {
    expect(email.subject).toBe("You're invited to Northwind Hiring");
    expect(email.text).toContain("Alex Morgan invited you to join Northwind Hiring as a Recruiter.");
    expect(email.text).toContain("for 7 days (until 16 December 2026)");
  });

  it("escapes a hostile inviter name in the HTML and keeps it on one line", () => {
    const hostile = invitationEmail({ appUrl: "http://localhost:3000", token: TOKEN, role: "ADMIN", inviterName: "<script>x</script>\r\nBcc: a@b.c", expiresAt: new Date() });
    expect(hostile.html).not.toContain("<script>");
    expect(hostile.html).toContain("&#60;script&#62;");
    expect(hostile.text.split("\n")[2]).toContain("as an Admin.");
    expect(hostile.text).not.toContain("\r");
  });
});
