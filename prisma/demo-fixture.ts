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
  },
];

export const demoUsers: DemoUser[] = [
  { email: "admin@example.com", name: "Alex Morgan", role: "ADMIN" },
  { email: "recruiter@example.com", name: "Riley Chen", role: "RECRUITER" },
  ...demoInterviewers.map((i): DemoUser => ({ email: i.email, name: i.name, role: "INTERVIEWER" })),
];
