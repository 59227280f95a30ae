import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BookingScheduler } from "@/components/scheduling/booking-scheduler";
import { getEnv } from "@/lib/env";
import { getSchedulerSettings } from "@/lib/roles/queries";

// Reads BENCH_PAGES at request time, never at build.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Scheduler (benchmark)", robots: { index: false } };

type BenchSchedulerPageProps = { params: Promise<{ configurationId: string }> };

/**
 * `npm run bench -- careers`: the booking scheduler, with the same props and loader as a role page,
 * and nothing else (no careers layout, no role; in sandbox mode only the scheduler's own read, its
 * availability prefill): the component's own floor in the same build. 404 unless BENCH_PAGES=on. The configuration is public anyway: its id is on the
 * role page, and `/v3/scheduling/*` answers for it without sign-in.
 */
export default async function BenchSchedulerPage({ params }: BenchSchedulerPageProps) {
  if (getEnv().BENCH_PAGES !== "on") notFound();
  const { configurationId } = await params;
  return (
    <main className="py-8">
      <BookingScheduler configurationId={configurationId} schedulerApiUrl={getSchedulerSettings().schedulerApiUrl} />
    </main>
  );
}
