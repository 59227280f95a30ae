import { describe, expect, it } from "vitest";
import { classifyParticipants, guestNameFromTitle, readProfileUrl } from "@/lib/interviews/participants";
import { INTERVIEW_TITLE_TEMPLATE } from "@/lib/nylas/configuration-request";

const SARAH = { email: "sarah.kim@northwind.example", name: "Sarah Kim" };
const MARCUS = { email: "marcus.johnson@northwind.example", name: "Marcus Johnson" };
const DANA = { email: "dana.chen@example.org", name: "Dana Chen" };
const ALEX = { email: "alex.doe@example.org", name: "Alex Doe" };
const INTERVIEWERS = new Set([SARAH.email, MARCUS.email]);

describe("classifyParticipants", () => {
  it("tells the guest from the interviewer, whatever their order", () => {
    expect(classifyParticipants([SARAH, DANA], INTERVIEWERS, "Interview with Dana Chen")).toEqual({ kind: "resolved", guest: DANA, interviewer: SARAH });
    expect(classifyParticipants([DANA, SARAH], INTERVIEWERS, "Interview with Dana Chen")).toEqual({ kind: "resolved", guest: DANA, interviewer: SARAH });
  });

  it("matches interviewers by normalised email (case, whitespace) and returns the participants as given", () => {
    const shouty = { email: " Sarah.Kim@Northwind.Example ", name: "Sarah Kim" };
    const guest = { email: "Dana.Chen@Example.org", name: "Dana Chen" };
    expect(classifyParticipants([shouty, guest], INTERVIEWERS, null)).toEqual({ kind: "resolved", guest, interviewer: shouty });
  });

  it("resolves a guest without a known interviewer (interviewer null)", () => {
    expect(classifyParticipants([DANA], INTERVIEWERS, null)).toEqual({ kind: "resolved", guest: DANA, interviewer: null });
    expect(classifyParticipants([DANA], new Set(), null)).toEqual({ kind: "resolved", guest: DANA, interviewer: null });
  });

  it("takes the first interviewer when several are present (panel interview)", () => {
    expect(classifyParticipants([MARCUS, DANA, SARAH], INTERVIEWERS, null)).toEqual({ kind: "resolved", guest: DANA, interviewer: MARCUS });
  });

  it.each([
    { name: "null", participants: null },
    { name: "empty", participants: [] },
  ])("reports no_participants when the list is $name", ({ participants }) => {
    expect(classifyParticipants(participants, INTERVIEWERS, "Interview with Dana Chen")).toEqual({ kind: "unknown", reason: "no_participants" });
  });

  it("reports no_guest when everyone is an interviewer", () => {
    expect(classifyParticipants([SARAH, MARCUS], INTERVIEWERS, "Interview with Dana Chen")).toEqual({ kind: "unknown", reason: "no_guest" });
  });

  it("tells two guests apart by the name in the title", () => {
    expect(classifyParticipants([SARAH, ALEX, DANA], INTERVIEWERS, "Interview with Dana Chen")).toEqual({ kind: "resolved", guest: DANA, interviewer: SARAH });
    expect(classifyParticipants([SARAH, DANA, ALEX], INTERVIEWERS, "Interview with Alex Doe")).toEqual({ kind: "resolved", guest: ALEX, interviewer: SARAH });
  });

  it.each([
    { name: "no title", title: null },
    { name: "a title naming neither", title: "Interview with Someone Else" },
    { name: "a title naming both", title: "Dana Chen and Alex Doe" },
  ])("reports ambiguous for two guests and $name", ({ title }) => {
    expect(classifyParticipants([SARAH, DANA, ALEX], INTERVIEWERS, title)).toEqual({ kind: "unknown", reason: "ambiguous" });
  });

  it("reports ambiguous for two guests when the named one has no name and the other is not in the title", () => {
    const nameless = { email: "dana.chen@example.org", name: null };
    expect(classifyParticipants([SARAH, nameless, ALEX], INTERVIEWERS, "Interview with Dana Chen")).toEqual({ kind: "unknown", reason: "ambiguous" });
  });
});

describe("guestNameFromTitle", () => {
  it("uses Nylas's title template", () => {
    expect(INTERVIEW_TITLE_TEMPLATE).toBe("Interview with ${invitee}");
  });

  it.each([
    ["Interview with Dana Chen", "Dana Chen"],
    ["Interview with Zoë Ångström 李雷", "Zoë Ångström 李雷"],
    ["Interview with  Dana Chen ", "Dana Chen"],
  ])("%j → %j", (title, name) => {
    expect(guestNameFromTitle(title)).toBe(name);
  });

  it.each([
    ["null", null],
    ["empty", ""],
    ["the bare prefix", "Interview with "],
    ["only whitespace after the prefix", "Interview with    "],
    ["Nylas's example title", "Interview: Cara"],
    ["a pending booking's title", "[PENDING] Interview with Dana Chen"],
    ["another meeting", "Weekly sync"],
    ["a different case", "interview with Dana Chen"],
  ])("%s → null", (_name, title) => {
    expect(guestNameFromTitle(title)).toBeNull();
  });

  it("honours a template with a suffix", () => {
    const template = "Interview with ${invitee} (Backend Engineer)";
    expect(guestNameFromTitle("Interview with Dana Chen (Backend Engineer)", template)).toBe("Dana Chen");
    expect(guestNameFromTitle("Interview with Dana Chen", template)).toBeNull();
    expect(guestNameFromTitle("Interview with (Backend Engineer)", template)).toBeNull();
  });
});

describe("readProfileUrl", () => {
  it.each([
    ["https://www.linkedin.com/in/dana-chen", "https://www.linkedin.com/in/dana-chen"],
    ["http://dana.example.org/portfolio", "http://dana.example.org/portfolio"],
    ["  https://www.linkedin.com/in/dana  ", "https://www.linkedin.com/in/dana"],
    ["HTTPS://WWW.LINKEDIN.COM/in/Dana", "https://www.linkedin.com/in/Dana"],
    ["https://example.org", "https://example.org/"],
  ])("accepts %j", (value, url) => {
    expect(readProfileUrl({ linkedin_url: value })).toBe(url);
  });

  it.each([
    ["javascript:", "javascript:alert(document.cookie)"],
    ["JavaScript: mixed case", "JaVaScRiPt:alert(1)"],
    ["javascript: with leading whitespace", "  javascript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["ftp:", "ftp://files.example.org/cv.pdf"],
    ["mailto:", "mailto:dana@example.org"],
    ["a bare host", "linkedin.com/in/dana"],
    ["a relative path", "/in/dana"],
    ["words", "see my CV"],
    ["empty", ""],
    ["blank", "   "],
  ])("rejects %s", (_name, value) => {
    expect(readProfileUrl({ linkedin_url: value })).toBeNull();
  });

  it.each([
    ["null fields", null],
    ["no linkedin_url", { company: "X" }],
    ["a number", { linkedin_url: 42 }],
    ["an object", { linkedin_url: { href: "https://example.org" } }],
    ["an array", { linkedin_url: ["https://example.org"] }],
  ])("returns null for %s", (_name, fields) => {
    expect(readProfileUrl(fields as Record<string, unknown> | null)).toBeNull();
  });
});
