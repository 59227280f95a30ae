import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { TWebhookEventStatus } from "@/lib/validations/webhooks";

export const WEBHOOK_STATUS_LABELS: Record<TWebhookEventStatus, string> = {
  PENDING: "Pending",
  PROCESSED: "Processed",
  IGNORED: "Ignored",
  DEAD: "Dead",
};

const VARIANTS: Record<TWebhookEventStatus, BadgeVariant> = {
  PENDING: "info",
  PROCESSED: "success",
  IGNORED: "neutral",
  DEAD: "danger",
};

export type WebhookStatusBadgeProps = { status: TWebhookEventStatus };

/** An inbox row's status as a text label; colour only reinforces it. */
export function WebhookStatusBadge({ status }: WebhookStatusBadgeProps) {
  return <Badge variant={VARIANTS[status]}>{WEBHOOK_STATUS_LABELS[status]}</Badge>;
}
