import { FormSkeleton } from "@/components/settings/form/form-skeleton";

export default function EditPanelLoading() {
  return <FormSkeleton label="Loading the panel…" sections={4} />;
}
