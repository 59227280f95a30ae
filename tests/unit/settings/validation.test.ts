import { describe, expect, it } from "vitest";
import { z } from "zod";
import { toFieldErrors } from "@/lib/actions/state";
import { previewEventTitle, slugify, WEEKDAYS, ZPanelInput, ZRoleInput, type TNotetakerInput, type TOpenHoursDay } from "@/lib/validations/settings";

const PANEL_ID = "0b6f5c1e-8d2a-4f3b-9c7d-1a2b3c4d5e6f";

/** Mon–Fri 09:00–17:00, weekend closed, Monday first as the form lists them. */
function week(change: (day: TOpenHoursDay) => Partial<TOpenHoursDay> = () => ({})): TOpenHoursDay[] {
  return WEEKDAYS.map(({ day }) => {
    const row = { day, enabled: day >= 1 && day <= 5, start: "09:00", end: "17:00" };
    return { ...row, ...change(row) };
  });
}

function notetaker(overrides: Partial<TNotetakerInput> = {}): TNotetakerInput {
  return {
    enabled: true,
    name: "Interview Recorder",
    showConsent: true,
    consentMessage: "This interview is recorded.",
    videoRecording: true,
    audioRecording: true,
    transcription: true,
    summary: true,
    actionItems: true,
    summaryInstructions: "",
    actionItemsInstructions: "",
    ...overrides,
  };
}

function member(email: string, name = "Sarah Kim") {
  return { interviewerId: null, name, email, timezone: "America/New_York" };
}

function panelInput(overrides: Record<string, unknown> = {}) {
  return {
    name: "Backend panel",
    members: [member("sarah.kim@northwind.example"), member("priya.patel@northwind.example", "Priya Patel")],
    availabilityMethod: "MAX_FAIRNESS",
    durationMinutes: 45,
    intervalMinutes: null,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 15,
    timezone: "America/New_York",
    openHours: { timezone: "", days: week() },
    minBookingNoticeMinutes: 120,
    availableDaysInFuture: 21,
    conferencingProvider: "Google Meet",
    eventTitle: "Interview with ${invitee}",
    notetaker: notetaker(),
    ...overrides,
  };
}

/** The form's field errors for a panel with these overrides ({} when it parses). */
function panelErrors(overrides: Record<string, unknown>): Record<string, string> {
  const result = ZPanelInput.safeParse(panelInput(overrides));
  return result.success ? {} : toFieldErrors(result.error);
}

function parsePanel(overrides: Record<string, unknown>) {
  return ZPanelInput.parse(panelInput(overrides));
}

describe("ZPanelInput", () => {
  it("accepts the baseline panel and cleans what the form sent", () => {
    const parsed = parsePanel({
      name: "  Backend panel\n",
      members: [member("  Sarah.Kim@Northwind.example ", " Sarah Kim ")],
      durationMinutes: " 60 ",
      intervalMinutes: "",
    });
    expect(parsed.name).toBe("Backend panel");
    expect(parsed.members).toEqual([{ interviewerId: null, name: "Sarah Kim", email: "sarah.kim@northwind.example", timezone: "America/New_York" }]);
    expect(parsed.durationMinutes).toBe(60);
    expect(parsed.intervalMinutes).toBeNull();
  });

  describe("numbers: Nylas's ranges and steps", () => {
    it.each([
      { field: "durationMinutes", min: 5, max: 480 },
      { field: "intervalMinutes", min: 5, max: 240 },
      { field: "bufferBeforeMinutes", min: 0, max: 120 },
      { field: "bufferAfterMinutes", min: 0, max: 120 },
      { field: "minBookingNoticeMinutes", min: 0, max: 43_200 },
      { field: "availableDaysInFuture", min: 1, max: 365 },
    ] as const)("accepts $field at both edges of its range, $min and $max", ({ field, min, max }) => {
      expect(parsePanel({ [field]: min })[field]).toBe(min);
      expect(parsePanel({ [field]: max })[field]).toBe(max);
    });

    it.each([
      { field: "durationMinutes", value: 0, message: "Duration must be at least 5." },
      { field: "durationMinutes", value: 485, message: "Duration must be at most 480." },
      { field: "durationMinutes", value: 42, message: "Duration must be a multiple of 5." },
      { field: "durationMinutes", value: 12.5, message: "Duration must be a whole number." },
      { field: "durationMinutes", value: "", message: "Enter duration." },
      { field: "durationMinutes", value: "soon", message: "Enter duration." },
      { field: "intervalMinutes", value: 0, message: "Interval must be at least 5." },
      { field: "intervalMinutes", value: 245, message: "Interval must be at most 240." },
      { field: "intervalMinutes", value: 12, message: "Interval must be a multiple of 5." },
      { field: "bufferBeforeMinutes", value: -5, message: "Buffer before must be at least 0." },
      { field: "bufferBeforeMinutes", value: 125, message: "Buffer before must be at most 120." },
      { field: "bufferBeforeMinutes", value: 3, message: "Buffer before must be a multiple of 5." },
      { field: "bufferAfterMinutes", value: -5, message: "Buffer after must be at least 0." },
      { field: "bufferAfterMinutes", value: 125, message: "Buffer after must be at most 120." },
      { field: "bufferAfterMinutes", value: 7, message: "Buffer after must be a multiple of 5." },
      { field: "minBookingNoticeMinutes", value: -1, message: "Minimum booking notice must be at least 0." },
      { field: "minBookingNoticeMinutes", value: 43_201, message: "Minimum booking notice must be at most 43,200." },
      { field: "minBookingNoticeMinutes", value: 1.5, message: "Minimum booking notice must be a whole number." },
      { field: "availableDaysInFuture", value: 0, message: "Days in future must be at least 1." },
      { field: "availableDaysInFuture", value: 366, message: "Days in future must be at most 365." },
    ])("rejects $field = $value: $message", ({ field, value, message }) => {
      expect(panelErrors({ [field]: value })).toEqual({ [field]: message });
    });

    it("reads numbers the form sends as text", () => {
      const parsed = parsePanel({ durationMinutes: "30", intervalMinutes: "15", bufferBeforeMinutes: "5", minBookingNoticeMinutes: "0", availableDaysInFuture: "14" });
      expect([parsed.durationMinutes, parsed.intervalMinutes, parsed.bufferBeforeMinutes, parsed.minBookingNoticeMinutes, parsed.availableDaysInFuture]).toEqual([30, 15, 5, 0, 14]);
    });

    it.each([null, "", undefined])("reads an interval of %j as null (Nylas's default step)", (value) => {
      expect(parsePanel({ intervalMinutes: value }).intervalMinutes).toBeNull();
    });
  });

  describe("members", () => {
    it("needs at least one interviewer", () => {
      expect(panelErrors({ members: [] })).toEqual({ members: "Add at least one interviewer." });
    });

    it("takes 20 interviewers and refuses a 21st", () => {
      const many = (n: number) => Array.from({ length: n }, (_, i) => member(`person${i}@northwind.example`, `Person ${i}`));
      expect(parsePanel({ members: many(20) }).members).toHaveLength(20);
      expect(panelErrors({ members: many(21) })).toEqual({ members: "A panel has at most 20 interviewers." });
    });

    it("flags a repeated email on the later row, naming the first, whatever its case", () => {
      const members = [member("sarah.kim@northwind.example"), member("priya.patel@northwind.example"), member("Sarah.Kim@Northwind.example")];
      expect(panelErrors({ members })).toEqual({ "members.2.email": "Already on this panel (row 1)." });
    });

    it("flags every repeat against the first row it matches", () => {
      const members = [member("a@northwind.example"), member("b@northwind.example"), member("a@northwind.example"), member("b@northwind.example")];
      expect(panelErrors({ members })).toEqual({
        "members.2.email": "Already on this panel (row 1).",
        "members.3.email": "Already on this panel (row 2).",
      });
    });

    it("rejects a malformed email on its row", () => {
      expect(panelErrors({ members: [member("sarah.kim")] })).toEqual({ "members.0.email": "Enter an email address like ana@example.com." });
    });
  });

  describe("open hours", () => {
    it("needs an open day's end after its start", () => {
      const days = week((d) => (d.day === 2 ? { start: "17:00", end: "09:00" } : d.day === 3 ? { start: "12:00", end: "12:00" } : {}));
      expect(panelErrors({ openHours: { timezone: "", days } })).toEqual({
        "openHours.days.1.end": "Must be after the start.",
        "openHours.days.2.end": "Must be after the start.",
      });
    });

    it("ignores the hours of a closed day and lets a day run to 24:00", () => {
      const days = week((d) => (d.day === 6 ? { enabled: false, start: "18:00", end: "08:00" } : d.day === 5 ? { end: "24:00" } : {}));
      expect(panelErrors({ openHours: { timezone: "", days } })).toEqual({});
    });

    it("needs every weekday once", () => {
      const days = week((d) => (d.day === 0 ? { day: 1 } : {}));
      expect(panelErrors({ openHours: { timezone: "", days } })).toEqual({ openHours: "List every weekday once." });
    });

    it("needs at least one open day", () => {
      expect(panelErrors({ openHours: { timezone: "", days: week(() => ({ enabled: false })) } })).toEqual({ openHours: "Open at least one day." });
    });

    it("needs seven rows", () => {
      const errors = panelErrors({ openHours: { timezone: "", days: week().slice(0, 6) } });
      expect(Object.keys(errors).sort()).toEqual(["openHours", "openHours.days"]);
      expect(errors.openHours).toBe("List every weekday once.");
    });

    it("rejects a time that is not HH:MM", () => {
      const days = week((d) => (d.day === 1 ? { start: "9am" } : {}));
      expect(panelErrors({ openHours: { timezone: "", days } })).toEqual({ "openHours.days.0.start": "Use HH:MM." });
    });

    it("reports an out-of-range time once, not also as an end before the start", () => {
      const days = week((d) => (d.day === 1 ? { start: "25:00" } : {}));
      expect(panelErrors({ openHours: { timezone: "", days } })).toEqual({ "openHours.days.0.start": "Use HH:MM." });
    });

    it('takes a named time zone, or "" for each interviewer\'s own, and rejects an unknown one', () => {
      expect(parsePanel({ openHours: { timezone: "Europe/London", days: week() } }).openHours.timezone).toBe("Europe/London");
      expect(parsePanel({ openHours: { timezone: "", days: week() } }).openHours.timezone).toBe("");
      expect(panelErrors({ openHours: { timezone: "Mars/Olympus", days: week() } })).toEqual({ "openHours.timezone": "Choose a time zone." });
    });
  });

  describe("event title", () => {
    it("accepts Nylas's three tokens", () => {
      const eventTitle = "${duration} min: ${invitee} <${invitee_email}>";
      expect(parsePanel({ eventTitle }).eventTitle).toBe(eventTitle);
    });

    it.each([
      { title: "Interview with ${name}", token: "${name}" },
      { title: "Interview with ${invitee_name}", token: "${invitee_name}" },
      { title: "Interview with ${invitee", token: "${invitee" },
      { title: "${invitee}: ${role} and ${team}", token: "${role}" },
    ])("rejects $title, naming only the first unknown token", ({ title, token }) => {
      const result = ZPanelInput.safeParse(panelInput({ eventTitle: title }));
      expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["eventTitle", `Unknown placeholder ${token}: use \${invitee}, \${invitee_email}, \${duration}.`]]);
    });

    it("leaves text that only looks like a token alone", () => {
      expect(panelErrors({ eventTitle: "Interview with {{invitee_name}} ($5 budget)" })).toEqual({});
    });
  });

  describe("Notetaker rules (Nylas's)", () => {
    it.each([
      {
        rule: "needs conferencing",
        overrides: { conferencingProvider: null },
        errors: { conferencingProvider: "The Notetaker joins a video call: choose a conferencing provider, or turn the Notetaker off." },
      },
      {
        rule: "a transcript needs video as well as audio",
        notetaker: { videoRecording: false },
        errors: { "notetaker.transcription": "A transcript needs both audio and video recording (Nylas's rule)." },
      },
      {
        rule: "a transcript needs audio as well as video",
        notetaker: { audioRecording: false },
        errors: { "notetaker.transcription": "A transcript needs both audio and video recording (Nylas's rule)." },
      },
      {
        rule: "a summary needs the transcript",
        notetaker: { transcription: false, actionItems: false },
        errors: { "notetaker.summary": "Summaries and action items are made from the transcript: turn transcription on." },
      },
      {
        rule: "action items need the transcript",
        notetaker: { transcription: false, summary: false },
        errors: { "notetaker.actionItems": "Summaries and action items are made from the transcript: turn transcription on." },
      },
      {
        rule: "it records something",
        notetaker: { videoRecording: false, audioRecording: false, transcription: false, summary: false, actionItems: false },
        errors: { "notetaker.audioRecording": "Record audio, video or both, or turn the Notetaker off." },
      },
      {
        rule: "a shown consent notice needs a message",
        notetaker: { consentMessage: "  \n " },
        errors: { "notetaker.consentMessage": "Write the notice candidates see, or stop showing it." },
      },
    ])("$rule", ({ overrides = {}, notetaker: settings = {}, errors }) => {
      expect(panelErrors({ ...overrides, notetaker: notetaker(settings) })).toEqual(errors);
      expect(panelErrors({ ...overrides, notetaker: notetaker({ ...settings, enabled: false }) })).toEqual({});
    });

    it("reports every broken rule at once", () => {
      const settings = notetaker({ videoRecording: false, audioRecording: false, summary: true, transcription: true, consentMessage: "" });
      expect(panelErrors({ conferencingProvider: null, notetaker: settings })).toEqual({
        conferencingProvider: "The Notetaker joins a video call: choose a conferencing provider, or turn the Notetaker off.",
        "notetaker.transcription": "A transcript needs both audio and video recording (Nylas's rule).",
        "notetaker.audioRecording": "Record audio, video or both, or turn the Notetaker off.",
        "notetaker.consentMessage": "Write the notice candidates see, or stop showing it.",
      });
    });

    it("needs no consent message when the notice is hidden", () => {
      expect(panelErrors({ notetaker: notetaker({ showConsent: false, consentMessage: "" }) })).toEqual({});
    });

    it("accepts audio only or video only without transcription", () => {
      const off = { transcription: false, summary: false, actionItems: false };
      expect(panelErrors({ notetaker: notetaker({ ...off, videoRecording: false }) })).toEqual({});
      expect(panelErrors({ notetaker: notetaker({ ...off, audioRecording: false }) })).toEqual({});
    });
  });
});

describe("ZRoleInput", () => {
  const role = {
    title: "Backend Engineer",
    slug: "backend-engineer",
    team: "Platform",
    location: "Remote",
    employment: "Full-time",
    summary: "Build the APIs.",
    description: "You will build the APIs.",
    panelId: PANEL_ID,
    published: true,
  };
  const roleErrors = (overrides: Record<string, unknown>) => {
    const result = ZRoleInput.safeParse({ ...role, ...overrides });
    return result.success ? {} : toFieldErrors(result.error);
  };

  it("lowercases and trims the slug", () => {
    expect(ZRoleInput.parse({ ...role, slug: "  Backend-Engineer-2 " }).slug).toBe("backend-engineer-2");
  });

  it.each(["backend--engineer", "-backend", "backend-", "back_end", "back end", "backend/engineer", "ingénieur"])("rejects the slug %j", (slug) => {
    expect(roleErrors({ slug })).toEqual({ slug: "Use lowercase letters, digits and single hyphens, like backend-engineer." });
  });

  it("needs a slug of 1 to 80 characters", () => {
    expect(roleErrors({ slug: "  " })).toEqual({ slug: "Slug is required." });
    expect(ZRoleInput.parse({ ...role, slug: "a".repeat(80) }).slug).toBe("a".repeat(80));
    expect(roleErrors({ slug: "a".repeat(81) })).toEqual({ slug: "Slug must be at most 80 characters." });
  });

  it("needs the panel as a UUID, in either case (lower-cased, as every id)", () => {
    expect(ZRoleInput.parse({ ...role, panelId: PANEL_ID.toUpperCase() }).panelId).toBe(PANEL_ID.toLowerCase());
    expect(roleErrors({ panelId: "panel-1" })).toEqual({ panelId: "Choose a panel." });
    expect(roleErrors({ panelId: undefined })).toEqual({ panelId: "Choose a panel." });
  });

  it("limits the text fields' lengths after trimming", () => {
    expect(ZRoleInput.parse({ ...role, title: ` ${"t".repeat(120)} ` }).title).toBe("t".repeat(120));
    expect(roleErrors({ title: "t".repeat(121), summary: "s".repeat(301), team: "" })).toEqual({
      title: "Title must be at most 120 characters.",
      team: "Team is required.",
      summary: "Summary must be at most 300 characters.",
    });
    expect(roleErrors({ description: "d".repeat(20_001) })).toEqual({ description: "Description must be at most 20,000 characters." });
  });

  it("takes a scorecard by ZScorecard's rules, none when it has no competencies, and leaves it out when not sent", () => {
    const competency = { name: "  System   design ", good: "", cues: ["trade-offs", " ", "Trade-offs"] };
    expect(ZRoleInput.parse({ ...role, scorecard: { competencies: [competency] } }).scorecard).toEqual({
      competencies: [{ key: "system-design", name: "System design", good: "", cues: ["trade-offs"] }],
    });
    expect(ZRoleInput.parse({ ...role, scorecard: { competencies: [] } }).scorecard).toBeNull();
    expect(ZRoleInput.parse({ ...role, scorecard: null }).scorecard).toBeNull();
    expect(ZRoleInput.parse(role).scorecard).toBeUndefined();
    expect(
      roleErrors({
        scorecard: {
          competencies: [
            { ...competency, cues: ["x"] },
            { name: "system design", cues: [] },
          ],
        },
      }),
    ).toEqual({
      "scorecard.competencies.0.cues.0": "A cue must be at least 2 characters.",
      "scorecard.competencies.1.cues": "Add at least one cue to listen for.",
      "scorecard.competencies.1.name": "Already on this scorecard (competency 1).",
    });
  });

  it("keeps the description's line breaks (as \\n) and drops other control characters", () => {
    expect(ZRoleInput.parse({ ...role, description: "Line one\r\nLine\u0007 two\rthree" }).description).toBe("Line one\nLine two\nthree");
    expect(ZRoleInput.parse({ ...role, title: "Backend\nEngineer" }).title).toBe("Backend Engineer");
  });
});

describe("toFieldErrors", () => {
  const issue = (path: (string | number)[], message: string) => ({ code: "custom" as const, path, message, input: undefined });

  it("keys each message by its dotted path, keeping the first per path", () => {
    const error = new z.ZodError([
      issue(["members", 2, "email"], "Already on this panel (row 1)."),
      issue(["name"], "Panel name is required."),
      issue(["members", 2, "email"], "Enter an email address like ana@example.com."),
    ]);
    expect(toFieldErrors(error)).toEqual({ "members.2.email": "Already on this panel (row 1).", name: "Panel name is required." });
  });

  it("files an issue without a path under _form", () => {
    expect(toFieldErrors(new z.ZodError([issue([], "Something is off.")]))).toEqual({ _form: "Something is off." });
  });

  it("is empty for an error without issues", () => {
    expect(toFieldErrors(new z.ZodError([]))).toEqual({});
  });
});

describe("slugify", () => {
  it.each([
    { title: "Senior Backend Engineer (Go)", slug: "senior-backend-engineer-go" },
    { title: "Ingénieur Données — Zürich", slug: "ingenieur-donnees-zurich" },
    { title: "  C++ / .NET developer!  ", slug: "c-net-developer" },
    { title: "Head of R&D, EMEA", slug: "head-of-r-d-emea" },
    { title: "Staff SRE 2", slug: "staff-sre-2" },
    { title: "!!!", slug: "" },
  ])("$title → $slug", ({ title, slug }) => {
    expect(slugify(title)).toBe(slug);
  });

  it("cuts at 80 characters without leaving a trailing hyphen", () => {
    // 79 letters, then a space that would be the 80th character.
    const title = `${"a".repeat(79)} engineer`;
    expect(slugify(title)).toBe("a".repeat(79));
    expect(slugify("b".repeat(100))).toBe("b".repeat(80));
  });

  it("makes slugs ZRoleInput accepts", () => {
    const slug = slugify("Ingénieur Données (Paris) – Senior");
    expect(ZRoleInput.shape.slug.parse(slug)).toBe("ingenieur-donnees-paris-senior");
  });
});

describe("previewEventTitle", () => {
  const sample = { name: "Ana Silva", email: "ana@example.com", durationMinutes: 45 };

  it("fills in each of Nylas's tokens, every time it appears", () => {
    expect(previewEventTitle("${duration} min: ${invitee} <${invitee_email}> (${invitee})", sample)).toBe("45 min: Ana Silva <ana@example.com> (Ana Silva)");
  });

  it("leaves other text and unknown tokens as written", () => {
    expect(previewEventTitle("Interview with {{invitee_name}} ${name}", sample)).toBe("Interview with {{invitee_name}} ${name}");
  });
});
