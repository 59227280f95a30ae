import { describe, expect, it } from "vitest";
import { canSeeOthersFeedback, visibleFeedback, type ApplicationInterviews, type FeedbackViewer } from "@/lib/feedback/visibility";

const ADMIN: FeedbackViewer = { id: "u-admin", role: "ADMIN" };
const RECRUITER: FeedbackViewer = { id: "u-rec", role: "RECRUITER" };
const ANA: FeedbackViewer = { id: "u-ana", role: "INTERVIEWER", interviewerId: "ana" };
const BO: FeedbackViewer = { id: "u-bo", role: "INTERVIEWER", interviewerId: "bo" };
const CY: FeedbackViewer = { id: "u-cy", role: "INTERVIEWER", interviewerId: "cy" };
const UNLINKED: FeedbackViewer = { id: "u-x", role: "INTERVIEWER" };

const APPLICATION: ApplicationInterviews = {
  interviews: [
    { id: "i1", interviewerId: "ana", status: "COMPLETED" },
    { id: "i2", interviewerId: "ana", status: "COMPLETED" },
    { id: "i3", interviewerId: "bo", status: "COMPLETED" },
    { id: "i4", interviewerId: "ana", status: "SCHEDULED" },
    { id: "i5", interviewerId: "cy", status: "CANCELLED" },
  ],
};

describe("canSeeOthersFeedback", () => {
  const cases: Array<{ name: string; viewer: FeedbackViewer; submitted: string[]; expected: boolean }> = [
    { name: "an admin always", viewer: ADMIN, submitted: [], expected: true },
    { name: "a recruiter always", viewer: RECRUITER, submitted: [], expected: true },
    { name: "an interviewer before submitting anything: no", viewer: ANA, submitted: ["i3"], expected: false },
    { name: "an interviewer with one of two completed interviews submitted: no", viewer: ANA, submitted: ["i1", "i3"], expected: false },
    { name: "an interviewer with every completed interview submitted (scheduled ones do not count): yes", viewer: ANA, submitted: ["i1", "i2"], expected: true },
    { name: "another interviewer's submissions do not count for you", viewer: BO, submitted: ["i1", "i2"], expected: false },
    { name: "an interviewer who only had a cancelled interview: no", viewer: CY, submitted: ["i1", "i2", "i3"], expected: false },
    { name: "an interviewer not linked to a panel member: no", viewer: UNLINKED, submitted: ["i1", "i2", "i3"], expected: false },
    { name: "an interviewer who ran none of the application's interviews: no", viewer: { id: "u-d", role: "INTERVIEWER", interviewerId: "dee" }, submitted: ["i1", "i2", "i3"], expected: false },
  ];
  it.each(cases)("$name", ({ viewer, submitted, expected }) => {
    expect(canSeeOthersFeedback(viewer, APPLICATION, new Set(submitted))).toBe(expected);
  });
});

describe("visibleFeedback", () => {
  const at = new Date("2026-03-02T12:00:00Z");
  const anaI1 = { id: "f1", interviewId: "i1", submittedAt: at };
  const anaI2Draft = { id: "f2", interviewId: "i2", submittedAt: null };
  const boI3 = { id: "f3", interviewId: "i3", submittedAt: at };
  const strangers = { id: "f9", interviewId: "other-application", submittedAt: at };
  const ids = (list: Array<{ id: string }>) => list.map((f) => f.id);

  it("shows an interviewer their own feedback, drafts included, but not others' until they have submitted all", () => {
    expect(ids(visibleFeedback(ANA, APPLICATION, [anaI1, anaI2Draft, boI3]))).toEqual(["f1", "f2"]);
  });

  it("shows others' submitted feedback once the interviewer has submitted for every completed interview", () => {
    const anaI2 = { ...anaI2Draft, submittedAt: at };
    expect(ids(visibleFeedback(ANA, APPLICATION, [anaI1, anaI2, boI3]))).toEqual(["f1", "f2", "f3"]);
  });

  it("never shows someone else's draft, even to a recruiter", () => {
    expect(ids(visibleFeedback(RECRUITER, APPLICATION, [anaI1, anaI2Draft, boI3]))).toEqual(["f1", "f3"]);
    expect(ids(visibleFeedback(BO, APPLICATION, [anaI1, anaI2Draft, boI3]))).toEqual(["f1", "f3"]);
  });

  it("drops feedback on interviews of another application", () => {
    expect(ids(visibleFeedback(ADMIN, APPLICATION, [strangers, boI3]))).toEqual(["f3"]);
  });

  it("shows an unlinked interviewer nothing", () => {
    expect(visibleFeedback(UNLINKED, APPLICATION, [anaI1, boI3])).toEqual([]);
  });
});
