import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BookingScheduler } from "@/components/scheduling/booking-scheduler";
import { getEnv } from "@/lib/env";
import { findHostedSchedulingPage } from "@/lib/sandbox";

export const metadata: Metadata = { title: "Book a time" };

export type HostedSchedulingPageProps = { params: Promise<{ slug: string }> };

/**
 * /book/<slug> — the sandbox's stand-in for Nylas's hosted scheduling page (book.nylas.com/<slug>):
 * `<NylasScheduling>` selecting the public configuration by slug and client id, against the
 * sandbox. 404 in live mode (Nylas serves the real page) and for a slug no configuration has.
 */
export default async function HostedSchedulingPage({ params }: HostedSchedulingPageProps) {
  const env = getEnv();
  if (env.NYLAS_MODE !== "sandbox" || !env.nylasClientId) notFound();
  const { slug } = await params;
  const page = await findHostedSchedulingPage(slug);
  if (!page) notFound();

  return (
    <main id="main" className="min-h-screen bg-slate-50 px-4 py-10 sm:px-6">
      <div className="mx-auto max-w-4xl space-y-6">
        <header className="text-center">
          <p className="text-xs font-medium uppercase tracking-wide text-muted">Scheduling page (Nylas sandbox)</p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight text-ink">{page.name}</h1>
        </header>
        <BookingScheduler hostedPage={{ slug, clientId: env.nylasClientId }} schedulerApiUrl={null} />
      </div>
    </main>
  );
}
