import { FormSkeleton } from "@/components/ui/form-skeleton";

export default function NewPanelLoading() {
  return <FormSkeleton label="Loading the panel form…" sections={4} />;
}
