import { FormSkeleton } from "@/components/ui/form-skeleton";

export default function NewRoleLoading() {
  return <FormSkeleton label="Loading the role form…" sections={2} />;
}
