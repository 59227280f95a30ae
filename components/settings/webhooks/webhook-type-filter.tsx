import Form from "next/form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/form-controls";
import { PATHS } from "@/lib/routes";
import type { TWebhookEventFilters } from "@/lib/validations/webhooks";

export type WebhookTypeFilterProps = {
  filters: TWebhookEventFilters;
  /** Every type received so far. */
  types: string[];
};

/**
 * A GET form (next/form: client-side navigation, plain submit without JavaScript) that filters by
 * notification type, keeps the status filter and starts again at page 1. No auto-submit on
 * change: choosing an option should not move the page under the user.
 */
export function WebhookTypeFilter({ filters, types }: WebhookTypeFilterProps) {
  const options = filters.type && !types.includes(filters.type) ? [...types, filters.type].sort() : types;
  return (
    <Form action={PATHS.settingsWebhooks} className="flex items-end gap-2">
      {filters.status ? <input type="hidden" name="status" value={filters.status.toLowerCase()} /> : null}
      <Field formId="webhook" path="type-filter" label="Type">
        {(control) => (
          <Select {...control} size="sm" name="type" defaultValue={filters.type ?? ""} className="w-56 max-w-full">
            <option value="">All types</option>
            {options.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Button type="submit" size="sm" variant="secondary">
        Apply
      </Button>
    </Form>
  );
}
