import { describe, expect, it } from "vitest";
import {
  adoptSavedPanel,
  applyNotetakerRules,
  describePanelPath,
  moveItem,
  notetakerLocks,
  setNotetakerToggle,
  toPanelDraft,
  toPanelPayload,
  withoutErrors,
  withoutErrorsUnder,
} from "@/components/settings/panels/panel-draft";
import { WEEKDAYS, ZPanelInput, type TNotetakerInput, type TPanelInput } from "@/lib/validations/settings";

const NOTETAKER: TNotetakerInput = {
  enabled: true,
  name: "Interview Recorder",
  showConsent: true,
  consentMessage: "Recorded.",
  videoRecording: true,
  audioRecording: true,
  transcription: true,
  summary: true,
  actionItems: true,
  summaryInstructions: "Focus on system design.",
  actionItemsInstructions: "",
};

const PANEL: TPanelInput = {
  name: "Engineering",
  members: [
    { interviewerId: "11111111-1111-4111-8111-111111111111", name: "Sarah Kim", email: "sarah@example.com", timezone: "Europe/Berlin" },
    { interviewerId: null, name: "New Person", email: "new@example.com", timezone: "UTC" },
  ],
  availabilityMethod: "MAX_FAIRNESS",
  durationMinutes: 45,
  intervalMinutes: null,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 15,
  timezone: "UTC",
  openHours: { timezone: "", days: WEEKDAYS.map(({ day }) => ({ day, enabled: day >= 1 && day <= 5, start: "09:00", end: "17:00" })) },
  minBookingNoticeMinutes: 120,
  availableDaysInFuture: 30,
  conferencingProvider: "Google Meet",
  eventTitle: "Interview with ${invitee}",
  notetaker: NOTETAKER,
};

describe("toPanelDraft / toPanelPayload", () => {
  it("keeps numbers as the strings the inputs show, an unset interval as empty", () => {
    let n = 0;
    const draft = toPanelDraft(PANEL, () => `k${n++}`);
    expect(draft.durationMinutes).toBe("45");
    expect(draft.intervalMinutes).toBe("");
    expect(draft.members.map((m) => m.key)).toEqual(["k0", "k1"]);
  });

  it("round-trips through ZPanelInput to the same panel", () => {
    const payload = toPanelPayload(toPanelDraft(PANEL, () => "k"));
    expect(payload.members).toEqual(PANEL.members);
    expect(ZPanelInput.parse(payload)).toEqual(PANEL);
  });

  it("sends no conferencing as null", () => {
    const draft = { ...toPanelDraft(PANEL, () => "k"), conferencingProvider: "" as const };
    expect(toPanelPayload(draft).conferencingProvider).toBeNull();
  });

  it("keeps what was typed, even when it is not a valid number", () => {
    const draft = { ...toPanelDraft(PANEL, () => "k"), durationMinutes: "4.5" };
    expect(toPanelPayload(draft).durationMinutes).toBe("4.5");
    const result = ZPanelInput.safeParse(toPanelPayload(draft));
    expect(result.success).toBe(false);
  });
});

describe("moveItem", () => {
  it("moves an item up or down", () => {
    expect(moveItem(["a", "b", "c"], 2, 1)).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
  });

  it("clamps to the ends and leaves the list alone for an unknown index", () => {
    expect(moveItem(["a", "b"], 0, -1)).toEqual(["a", "b"]);
    expect(moveItem(["a", "b"], 1, 5)).toEqual(["a", "b"]);
    expect(moveItem(["a", "b"], 7, 0)).toEqual(["a", "b"]);
  });

  it("returns a new array", () => {
    const list = ["a", "b"];
    expect(moveItem(list, 0, 1)).not.toBe(list);
  });
});

describe("notetakerLocks", () => {
  it("locks nothing when every prerequisite is on", () => {
    expect(Object.values(notetakerLocks(NOTETAKER, true)).every((l) => l === null)).toBe(true);
  });

  it("locks the Notetaker itself without conferencing", () => {
    expect(notetakerLocks(NOTETAKER, false).enabled).toMatch(/conferencing/);
  });

  it("locks the transcript without audio and video, and summary and action items without the transcript", () => {
    const locks = notetakerLocks({ ...NOTETAKER, videoRecording: false, transcription: false }, true);
    expect(locks.transcription).toMatch(/audio and video/);
    expect(locks.summary).toMatch(/transcription/);
    expect(locks.actionItems).toMatch(/transcription/);
    expect(locks.audioRecording).toBeNull();
  });

  it("locks every toggle but the Notetaker's own when it is off", () => {
    const locks = notetakerLocks({ ...NOTETAKER, enabled: false }, true);
    expect(locks.enabled).toBeNull();
    expect(locks.videoRecording).toBe("The Notetaker is off.");
  });
});

describe("applyNotetakerRules / setNotetakerToggle", () => {
  it("turns off what depends on a toggle turned off", () => {
    const next = setNotetakerToggle(NOTETAKER, "audioRecording", false, true);
    expect(next).toMatchObject({ audioRecording: false, transcription: false, summary: false, actionItems: false, videoRecording: true });
  });

  it("keeps instructions when summary goes off", () => {
    const next = setNotetakerToggle(NOTETAKER, "transcription", false, true);
    expect(next.summary).toBe(false);
    expect(next.summaryInstructions).toBe("Focus on system design.");
  });

  it("turns the Notetaker off without conferencing, and never yields a combination ZPanelInput refuses", () => {
    expect(applyNotetakerRules(NOTETAKER, false).enabled).toBe(false);
    const combos = [
      setNotetakerToggle(NOTETAKER, "videoRecording", false, true),
      setNotetakerToggle(NOTETAKER, "transcription", false, true),
      setNotetakerToggle({ ...NOTETAKER, transcription: false, summary: false }, "summary", true, true),
    ];
    for (const notetaker of combos) expect(ZPanelInput.safeParse({ ...PANEL, notetaker }).success).toBe(true);
  });

  it("does not turn a dependent toggle on by itself", () => {
    const off = { ...NOTETAKER, audioRecording: false, transcription: false, summary: false, actionItems: false };
    expect(setNotetakerToggle(off, "audioRecording", true, true)).toMatchObject({ audioRecording: true, transcription: false, summary: false });
  });
});

describe("withoutErrors / withoutErrorsUnder", () => {
  const errors = { name: "Required.", "members.0.email": "Taken.", "members.1.name": "Required.", members: "Add one." };

  it("drops the named paths, and returns the same object when none is there", () => {
    expect(withoutErrors(errors, "name")).toEqual({ "members.0.email": "Taken.", "members.1.name": "Required.", members: "Add one." });
    expect(withoutErrors(errors, "eventTitle")).toBe(errors);
  });

  it("drops a path and everything below it", () => {
    expect(withoutErrorsUnder(errors, "members")).toEqual({ name: "Required." });
  });
});

describe("describePanelPath", () => {
  const days = PANEL.openHours.days;

  it("names member rows from 1", () => {
    expect(describePanelPath("members.2.email", days)).toBe("Interviewer 3, email");
    expect(describePanelPath("members.0.timezone", days)).toBe("Interviewer 1, time zone");
  });

  it("names open hours by weekday", () => {
    expect(describePanelPath("openHours.days.0.end", days)).toBe("Monday, to");
    expect(describePanelPath("openHours.days.6.start", days)).toBe("Sunday, from");
  });

  it("uses the form's labels, or nothing for an unknown path", () => {
    expect(describePanelPath("notetaker.summaryInstructions", days)).toBe("Summary instructions");
    expect(describePanelPath("durationMinutes", days)).toBe("Duration (minutes)");
    expect(describePanelPath("whatever", days)).toBeNull();
  });
});

describe("adoptSavedPanel", () => {
  const NEW_ID = "22222222-2222-4222-8222-222222222222";
  const saved: TPanelInput = { ...PANEL, name: "Engineering", members: PANEL.members.map((m) => (m.interviewerId ? m : { ...m, interviewerId: NEW_ID })) };

  it("takes the saved panel when the draft is untouched since the save, keeping row keys", () => {
    const draft = { ...toPanelDraft(PANEL, () => "old"), name: "  Engineering " };
    const next = adoptSavedPanel(draft, saved, true, () => "fresh");
    expect(next.name).toBe("Engineering");
    expect(next.members.map((m) => [m.key, m.interviewerId])).toEqual([
      ["old", PANEL.members[0]!.interviewerId],
      ["old", NEW_ID],
    ]);
  });

  it("keeps the admin's newer edits, filling in the ids of interviewers the save created", () => {
    const draft = { ...toPanelDraft(PANEL, () => "k"), name: "Typed meanwhile" };
    draft.members[1] = { ...draft.members[1]!, email: " NEW@example.com " };
    const next = adoptSavedPanel(draft, saved, false, () => "fresh");
    expect(next.name).toBe("Typed meanwhile");
    expect(next.members[1]!.interviewerId).toBe(NEW_ID);
  });

  it("gives rows the server added a fresh key", () => {
    const draft = toPanelDraft({ ...PANEL, members: PANEL.members.slice(0, 1) }, () => "old");
    expect(adoptSavedPanel(draft, saved, true, () => "fresh").members.map((m) => m.key)).toEqual(["old", "fresh"]);
  });
});
