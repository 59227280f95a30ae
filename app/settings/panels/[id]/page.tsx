import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FormPageHeader } from "@/components/settings/form/form-page-header";
import { listTimeZones } from "@/components/settings/form/time-zones";
import { PanelForm } from "@/components/settings/panels/panel-form";
import { PanelUsage } from "@/components/settings/panels/panel-usage";
import { PanelRecordingOptOuts } from "@/components/settings/privacy/panel-recording-opt-outs";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { buildAuditHref, PATHS } from "@/lib/routes";
import { listPanelRecordingOptOuts } from "@/lib/privacy/recording-settings";
import { listInterviewerOptions } from "@/lib/settings/panels";
import { savePanelAction } from "../../actions";
import { setInterviewerRecordingOptOutAction } from "../../privacy/actions";
import { loadPanel } from "./load";

export const metadata: Metadata = { title: "Edit panel" };

export type EditPanelPageProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** /settings/panels/<id> — edit a panel; saving re-syncs every role that uses it. */
export default async function EditPanelPage({ params, searchParams }: EditPanelPageProps) {
  const { id } = await params;
  // The layout checks too (loadPanel asks for ADMIN); pages repeat it because layouts are skipped on client navigation.
  const [panel, interviewers] = await Promise.all([loadPanel(id), listInterviewerOptions()]);
  if (!panel) notFound();
  const recording = await listPanelRecordingOptOuts(panel.id);
  const isJustCreated = (await searchParams).saved === "created";

  return (
    <div className="space-y-6">
      <FormPageHeader
        title={panel.input.name}
        description="Interview panel"
        actions={
          <Link href={buildAuditHref({ entityType: "panel", entityId: panel.id })} className={buttonClasses({ variant: "ghost", size: "sm" })}>
            History
          </Link>
        }
      />
      {isJustCreated ? (
        <Alert variant="success" title="Panel created.">
          Roles can book it now: pick it in a role&apos;s “Panel”, or{" "}
          <Link href={PATHS.newRole} className="font-medium underline underline-offset-2">
            create a role
          </Link>
          .
        </Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0">
          <PanelForm
            key={panel.id}
            panelId={panel.id}
            initial={panel.input}
            updatedAt={panel.updatedAt}
            interviewers={interviewers}
            timeZones={listTimeZones([panel.input.timezone, panel.input.openHours.timezone, ...interviewers.map((i) => i.timezone)])}
            save={savePanelAction}
          />
        </div>
        {/* Not sticky: with an opt-out form per interviewer the aside can be taller than the window. */}
        <aside className="space-y-4 lg:self-start">
          <PanelUsage roles={panel.roles} notetakerVersion={panel.notetakerVersion} />
          <PanelRecordingOptOuts interviewers={recording} action={setInterviewerRecordingOptOutAction} />
        </aside>
      </div>
    </div>
  );
}
