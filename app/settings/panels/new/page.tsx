import type { Metadata } from "next";
import { FormPageHeader } from "@/components/settings/form/form-page-header";
import { listTimeZones } from "@/components/settings/form/time-zones";
import { PanelForm } from "@/components/settings/panels/panel-form";
import { requireAdmin } from "@/lib/auth";
import { PATHS } from "@/lib/routes";
import { defaultPanelInput, listInterviewerOptions } from "@/lib/settings/panels";
import { savePanelAction } from "../../actions";

export const metadata: Metadata = { title: "New panel" };

/** /settings/panels/new — create an interview panel. */
export default async function NewPanelPage() {
  // The layout checks too; pages repeat it because layouts are skipped on client navigation.
  await requireAdmin(PATHS.newPanel);
  const interviewers = await listInterviewerOptions();
  const initial = defaultPanelInput();
  return (
    <div className="space-y-6">
      <FormPageHeader title="New panel" description="A group of interviewers, and how their interviews are booked, held and recorded." />
      <div className="max-w-4xl">
        <PanelForm
          panelId={null}
          initial={initial}
          updatedAt={null}
          interviewers={interviewers}
          timeZones={listTimeZones([initial.timezone, ...interviewers.map((i) => i.timezone)])}
          save={savePanelAction}
        />
      </div>
    </div>
  );
}
