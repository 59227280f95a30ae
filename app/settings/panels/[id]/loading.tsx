import { FormSkeleton } from "@/components/ui/form-skeleton";

export default function EditPanelLoading() {
  return <FormSkeleton label="Loading the panel…" sections={4} />;
}
