import { FormSkeleton } from "@/components/settings/form/form-skeleton";

export default function NewPanelLoading() {
  return <FormSkeleton label="Loading the panel form…" sections={4} />;
}
