/**
 * Talk time per interviewer, for coaching on /settings/load (issue 15): over their completed
 * interviews that started in the last `days` days (or later: the sandbox runs an interview before
 * its booked time) and have talk time (Interview.talkTime, written with the
 * evidence once the transcript is stored), the mean interviewer share, questions asked and longest
 * monologue. The same figures as lib/scorecards/talk-time.ts averageTalkTime — a mean over the
 * interviews where each figure is known — computed by Postgres in one aggregate over the
 * partial index of completed interviews with talk time (interviews_talk_time_starts_at_idx), so 30,000 interviews send back one row per interviewer, not their JSON.
 */
import "server-only";
import { db } from "@/lib/db";
import type { AverageTalkTime } from "@/lib/scorecards/talk-time";

export const TALK_TIME_WINDOW_DAYS = 90;

export type InterviewerTalkTime = AverageTalkTime & { name: string };

export async function listTalkTimeAverages(options: { now?: Date; days?: number } = {}): Promise<InterviewerTalkTime[]> {
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - (options.days ?? TALK_TIME_WINDOW_DAYS) * 86_400_000);
  // jsonb_typeof guards the casts: a figure stored as JSON null (unknown) is left out of its mean, as averageTalkTime does.
  // The figures are read out of the JSON first (the subquery, kept apart by OFFSET 0), so the rows
  // grouped are a few numbers each rather than the whole talk_time: at 300,000 interviews (25,000
  // in the window) grouping the JSON sorted 12 MB on disk.
  const rows = await db.$queryRaw<Array<{ interviewerId: string; name: string; interviews: number; interviewerShare: number | null; questionsAsked: number; longestMonologueMs: number | null }>>`
    SELECT t.interviewer_id::text AS "interviewerId", i.name, count(*)::int AS interviews,
           avg(t.share) AS "interviewerShare",
           coalesce(avg(t.questions), 0)::float8 AS "questionsAsked",
           avg(t.monologue) AS "longestMonologueMs"
      FROM (SELECT v.interviewer_id,
                   CASE WHEN jsonb_typeof(v.talk_time->'interviewerShare') = 'number' THEN (v.talk_time->>'interviewerShare')::float8 END AS share,
                   CASE WHEN jsonb_typeof(v.talk_time->'questionsAsked') = 'number' THEN (v.talk_time->>'questionsAsked')::float8 ELSE 0 END AS questions,
                   CASE WHEN jsonb_typeof(v.talk_time->'longestMonologue'->'ms') = 'number' THEN (v.talk_time->'longestMonologue'->>'ms')::float8 END AS monologue
              FROM interviews v
             WHERE v.status = 'COMPLETED' AND v.starts_at >= ${since}
               AND v.talk_time IS NOT NULL AND jsonb_typeof(v.talk_time) = 'object'
            OFFSET 0) t
      JOIN interviewers i ON i.id = t.interviewer_id
     GROUP BY t.interviewer_id, i.name
     ORDER BY i.name, t.interviewer_id`;
  return rows;
}
