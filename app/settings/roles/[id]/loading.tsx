import { FormSkeleton } from "@/components/settings/form/form-skeleton";

export default function EditRoleLoading() {
  return <FormSkeleton label="Loading the role…" sections={2} />;
}
