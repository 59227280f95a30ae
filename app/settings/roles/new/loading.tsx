import { FormSkeleton } from "@/components/settings/form/form-skeleton";

export default function NewRoleLoading() {
  return <FormSkeleton label="Loading the role form…" sections={2} />;
}
