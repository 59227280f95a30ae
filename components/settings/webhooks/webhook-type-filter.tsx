import Form from "next/form";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
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
      <div>
        <Label htmlFor="webhook-type-filter">Type</Label>
        <select
          id="webhook-type-filter"
          name="type"
          defaultValue={filters.type ?? ""}
          className="mt-1.5 block h-8 w-56 max-w-full rounded-md border border-slate-300 bg-white px-2 text-sm text-ink shadow-sm focus-visible:border-brand-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-600"
        >
          <option value="">All types</option>
          {options.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" size="sm" variant="secondary">
        Apply
      </Button>
    </Form>
  );
}
