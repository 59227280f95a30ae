/**
 * The demo data `npm run dev` seeds in sandbox mode (listed in README). Busy calendar events are
 * not stored here: lib/seed/demo-calendar.ts generates them relative to today at every start.
 */
export type DemoInterviewer = { name: string; email: string; timezone: string; blocksFridays?: boolean };
export type DemoPanel = {
  name: string;
  availabilityMethod: "MAX_FAIRNESS" | "MAX_AVAILABILITY";
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  timezone: string;
  conferencingProvider: string;
  members: string[]; // interviewer emails, in round-robin tie-break order
  summaryInstructions: string;
  actionItemsInstructions: string;
};
/** A demo role's scorecard (lib/scorecards/scorecard.ts ZScorecard), seeded as its version 1. */
export type DemoCompetency = { key: string; name: string; good: string; cues: string[] };
export type DemoRole = {
  slug: string;
  title: string;
  team: string;
  location: string;
  employment: string;
  published: boolean;
  panel: string;
  summary: string;
  description: string;
  /**
   * Cues are chosen from words the sandbox's sample interviews really use (lib/sandbox/samples),
   * and each scorecard has a competency its sample never touches, so the debrief shows both
   * evidence and "Not covered" (tests/unit/seed/demo-scorecards.test.ts).
   */
  scorecard: DemoCompetency[];
};
export type DemoUser = { email: string; name: string; role: "ADMIN" | "RECRUITER" | "INTERVIEWER" };

export const demoInterviewers: DemoInterviewer[] = [
  { name: "Sarah Kim", email: "sarah.kim@northwind.example", timezone: "America/New_York" },
  { name: "Marcus Johnson", email: "marcus.johnson@northwind.example", timezone: "America/Chicago", blocksFridays: true },
  { name: "Priya Patel", email: "priya.patel@northwind.example", timezone: "Europe/London" },
  { name: "Lena Fischer", email: "lena.fischer@northwind.example", timezone: "Europe/Berlin" },
];

// Open hours template for every panel: members get it in their own time zone.
export const demoOpenHours = [{ days: [1, 2, 3, 4, 5], start: "9:00", end: "17:00" }];

export const demoPanels: DemoPanel[] = [
  {
    name: "Engineering panel",
    availabilityMethod: "MAX_FAIRNESS",
    durationMinutes: 45,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 15,
    timezone: "America/New_York",
    conferencingProvider: "Google Meet",
    members: ["sarah.kim@northwind.example", "marcus.johnson@northwind.example", "priya.patel@northwind.example"],
    summaryInstructions:
      "Write a debrief for the hiring committee: the technical problems discussed, how the candidate reasoned about trade-offs, how clearly they communicated, and any concerns. List the topics the interview did not reach.",
    actionItemsInstructions: "List concrete follow-ups: topics to probe in the next round, claims to verify, references to check, and questions for the hiring committee.",
  },
  {
    name: "Product & design panel",
    availabilityMethod: "MAX_AVAILABILITY",
    durationMinutes: 30,
    bufferBeforeMinutes: 5,
    bufferAfterMinutes: 5,
    timezone: "Europe/London",
    conferencingProvider: "Zoom Meeting",
    members: ["priya.patel@northwind.example", "lena.fischer@northwind.example"],
    summaryInstructions: "Summarise the candidate's portfolio walkthrough: problem framing, research, craft, collaboration, and how they handled critique.",
    actionItemsInstructions: "List follow-ups: work samples to request, skills to assess in the next round, and open questions.",
  },
];

const backendScorecard: DemoCompetency[] = [
  {
    key: "system-design",
    name: "System design",
    good: "Breaks the problem into parts, names the trade-offs and chooses deliberately for the scale at hand.",
    cues: ["design document", "trade-off", "outbox", "message queue", "source of truth", "partitioned"],
  },
  {
    key: "reliability",
    name: "Reliability and failure handling",
    good: "Plans for retries, duplicates, late events and partial failure; makes every step safe to repeat.",
    cues: ["deduplication key", "exponential backoff", "retried", "out of order", "idempotent", "dead letter"],
  },
  {
    key: "data-modelling",
    name: "Data modelling and SQL",
    good: "Models data so its invariants hold, with transactions, constraints and indexes used on purpose.",
    cues: ["unique index", "one transaction", "skip locked", "schema", "Postgres"],
  },
  {
    key: "operations",
    name: "Operating in production",
    good: "Measures before changing things, alerts on what needs a human, and keeps on-call calm.",
    cues: ["on-call", "alerted", "pages a week", "failure rate", "measure"],
  },
  {
    key: "mentoring",
    name: "Mentoring and code review",
    good: "Raises the people around them: reviews, pairing, onboarding and sharing what they know.",
    cues: ["mentoring", "code review", "pair programming", "onboarding", "junior engineers"],
  },
];

const frontendScorecard: DemoCompetency[] = [
  {
    key: "web-performance",
    name: "Web performance",
    good: "Finds the real bottleneck with a profiler, fixes it, and proves the fix with field data.",
    cues: ["interaction to next paint", "performance budget", "profiler", "virtualized", "heap snapshots", "bundle"],
  },
  {
    key: "accessibility",
    name: "Accessibility",
    good: "Builds for keyboard and screen reader users from the start, and tests with real assistive technology.",
    cues: ["screen reader", "keyboard", "aria", "live region", "focus"],
  },
  {
    key: "react",
    name: "React and state management",
    good: "Keeps renders cheap and state predictable; knows what belongs on the server and on the client.",
    cues: ["re-rendered", "memo", "normalized the store", "server components", "state machine"],
  },
  {
    key: "testing",
    name: "Testing",
    good: "Tests behaviour at the right level, including the awkward paths such as reconnects and keyboard flows.",
    cues: ["unit tests", "Playwright", "tested by hand", "regress"],
  },
  {
    key: "web-security",
    name: "Web security",
    good: "Treats user input and tokens with care: escaping, content security policy, safe storage of credentials.",
    cues: ["cross-site scripting", "content security policy", "sanitize", "authentication token", "XSS"],
  },
];

const designerScorecard: DemoCompetency[] = [
  {
    key: "research",
    name: "User research",
    good: "Goes to where the work happens and lets what they see change the brief.",
    cues: ["shadowed", "phone interviews", "sat with", "sticky notes", "research"],
  },
  {
    key: "problem-framing",
    name: "Problem framing",
    good: "Questions the brief and reframes the problem around the user's real need.",
    cues: ["reframed the problem", "the brief", "wasn't the problem", "instead of"],
  },
  {
    key: "craft",
    name: "Interaction design craft",
    good: "Makes clear, testable decisions about the details, and cuts what users ignore.",
    cues: ["first version", "large buttons", "in testing", "default view", "one hand"],
  },
  {
    key: "collaboration",
    name: "Collaboration with engineering",
    good: "Works with engineers from the first sketch and changes course when they are right.",
    cues: ["paired with", "pushed back", "design system component", "states before pixels"],
  },
  {
    key: "critique",
    name: "Handling critique",
    good: "Takes criticism without getting defensive and says what they would do differently.",
    cues: ["fair criticism", "if I did it again", "defensive", "that's true"],
  },
  {
    key: "accessibility",
    name: "Accessibility and inclusion",
    good: "Designs for people with disabilities: contrast, text size, screen readers and WCAG.",
    cues: ["accessibility", "colour contrast", "screen reader", "WCAG"],
  },
];

const productManagerScorecard: DemoCompetency[] = [
  {
    key: "discovery",
    name: "Customer discovery",
    good: "Learns from customers directly and brings back evidence, not opinions.",
    cues: ["shadowed", "phone interviews", "sat with", "research"],
  },
  {
    key: "prioritisation",
    name: "Prioritisation",
    good: "Says what to do first and what not to do, and why, before building anything.",
    cues: ["the brief", "before touching", "instead of", "simpler default"],
  },
  {
    key: "stakeholders",
    name: "Stakeholder management",
    good: "Brings leadership along with evidence and agrees on how to decide.",
    cues: ["leadership", "we agreed", "played back"],
  },
  {
    key: "outcomes",
    name: "Metrics and outcomes",
    good: "Defines success up front and is honest about what the numbers do and do not show.",
    cues: ["response rates", "percent", "numbers held", "pilot"],
  },
  {
    key: "commercial",
    name: "Commercial judgement",
    good: "Connects the roadmap to revenue, cost and the business case.",
    cues: ["revenue", "pricing", "business case", "margin"],
  },
];

export const demoRoles: DemoRole[] = [
  {
    slug: "backend-engineer",
    title: "Backend Engineer",
    team: "Engineering",
    location: "Remote (Americas or Europe)",
    employment: "Full-time",
    published: true,
    panel: "Engineering panel",
    summary: "Design and run the APIs and data pipelines behind Northwind's logistics platform.",
    description: `You will own services that move millions of shipments a day: APIs, event pipelines and the Postgres schemas underneath them.

What you will do
- Design, build and operate TypeScript and Go services
- Keep our data model honest as the product grows
- Make the on-call rotation boring

What we look for
- Several years building production backend systems
- Comfort with SQL, queues and distributed failure modes
- Clear writing: we decide things in documents

The first interview is a 45-minute conversation with one engineer from the panel about a system you built.`,
    scorecard: backendScorecard,
  },
  {
    slug: "frontend-engineer",
    title: "Frontend Engineer",
    team: "Engineering",
    location: "Remote (Americas or Europe)",
    employment: "Full-time",
    published: true,
    panel: "Engineering panel",
    summary: "Build fast, accessible React interfaces that dispatchers use all day.",
    description: `Our dispatch console is open eight hours a day on thousands of screens. It has to be fast, accessible and calm under pressure.

What you will do
- Build product features end to end in React and Next.js
- Own performance and accessibility budgets
- Work closely with design on interaction details

What we look for
- Strong TypeScript and modern React
- Care for keyboard users and screen readers
- Experience shipping to real users and measuring the result`,
    scorecard: frontendScorecard,
  },
  {
    slug: "product-designer",
    title: "Product Designer",
    team: "Design",
    location: "London or Berlin (hybrid)",
    employment: "Full-time",
    published: true,
    panel: "Product & design panel",
    summary: "Shape how carriers and dispatchers plan their day, from research to pixels.",
    description: `You will lead design for our carrier tools, from discovery interviews to polished interaction design.

What you will do
- Run research with carriers and dispatchers
- Turn messy workflows into simple, testable designs
- Grow our design system with engineering

What we look for
- A portfolio that shows your process, not only the results
- Experience with complex B2B products
- Comfort presenting and defending design decisions

The first interview is a 30-minute portfolio conversation with one designer.`,
    scorecard: designerScorecard,
  },
  {
    slug: "senior-product-manager",
    title: "Senior Product Manager",
    team: "Product",
    location: "London (hybrid)",
    employment: "Full-time",
    published: false,
    panel: "Product & design panel",
    summary: "Own the roadmap for carrier onboarding.",
    description: "Draft role: not yet published on the careers site.",
    scorecard: productManagerScorecard,
  },
];

export const demoUsers: DemoUser[] = [
  { email: "admin@example.com", name: "Alex Morgan", role: "ADMIN" },
  { email: "recruiter@example.com", name: "Riley Chen", role: "RECRUITER" },
  ...demoInterviewers.map((i): DemoUser => ({ email: i.email, name: i.name, role: "INTERVIEWER" })),
];
