import { FormSkeleton } from "@/components/ui/form-skeleton";

export default function EditRoleLoading() {
  return <FormSkeleton label="Loading the role…" sections={2} />;
}
