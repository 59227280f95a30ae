/**
 * Talk time per interviewer, for coaching on /settings/load (issue 15): over their completed
 * interviews that started in the last `days` days (or later: the sandbox runs an interview before
 * its booked time) and have talk time (Interview.talkTime, written with the
 * evidence once the transcript is stored), the mean interviewer share, questions asked and longest
 * monologue. The same figures as lib/scorecards/talk-time.ts averageTalkTime — a mean over the
 * interviews where each figure is known — computed by Postgres in one aggregate over the
 * partial index of completed interviews with talk time that carries the three figures
 * (interviews_talk_time_figures_idx), so 30,000 interviews send back one row per interviewer, not their JSON.
 */
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AverageTalkTime } from "@/lib/scorecards/talk-time";

export const TALK_TIME_WINDOW_DAYS = 90;

export type InterviewerTalkTime = AverageTalkTime & { name: string };

/** listTalkTimeAverages' statement: the interviews that started since `since` (exported for the plan test). */
export function talkTimeAveragesSql(since: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT t.interviewer_id::text AS "interviewerId", i.name, count(*)::int AS interviews,
           avg(t.talk_interviewer_share) AS "interviewerShare",
           coalesce(avg(t.talk_questions_asked), 0)::float8 AS "questionsAsked",
           avg(t.talk_longest_monologue_ms) AS "longestMonologueMs"
      FROM interviews t
      JOIN interviewers i ON i.id = t.interviewer_id
     WHERE t.status = 'COMPLETED' AND t.starts_at >= ${since}
       AND t.talk_time IS NOT NULL AND jsonb_typeof(t.talk_time) = 'object'
     GROUP BY t.interviewer_id, i.name
     ORDER BY i.name, t.interviewer_id`;
}

export async function listTalkTimeAverages(options: { now?: Date; days?: number } = {}): Promise<InterviewerTalkTime[]> {
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - (options.days ?? TALK_TIME_WINDOW_DAYS) * 86_400_000);
  // The figures are generated columns of talk_time (migration 20261211003000_talk_time_figures:
  // a figure that is not a JSON number is NULL, left out of its mean as averageTalkTime does;
  // questions asked default to 0), carried by interviews_talk_time_figures_idx, whose predicate
  // this WHERE repeats word for word: one index-only range, never the interviews' JSON (at 300,000
  // interviews, 25,000 in the window: ~10 ms instead of ~75).
  return db.$queryRaw<InterviewerTalkTime[]>(talkTimeAveragesSql(since));
}
