/**
 * Reads for the admin "Webhook deliveries" page (/settings/webhooks). Only the columns the page
 * shows; payloads (up to 1 MB each) are never part of the list, they are read one at a time on
 * demand and capped in Postgres before they leave the database.
 */
import "server-only";
import { db } from "@/lib/db";
import type { WebhookEventStatus } from "@/lib/generated/prisma/enums";
import { WEBHOOK_EVENTS_PAGE_SIZE, ZWebhookEventId, type TWebhookEventPayloadView } from "@/lib/validations/webhooks";

export type WebhookEventRow = {
  id: string;
  notificationId: string;
  type: string;
  status: WebhookEventStatus;
  attempts: number;
  lastError: string | null;
  receivedAt: Date;
  processedAt: Date | null;
  nextAttemptAt: Date;
  bookingId: string | null;
};

export type WebhookEventStatusCounts = Record<WebhookEventStatus, number> & { all: number };

export type ListWebhookEventsInput = {
  status?: WebhookEventStatus;
  type?: string;
  /** 1-based; clamped to the last page. */
  page?: number;
  pageSize?: number;
};

export type WebhookEventList = {
  /** Newest first. */
  rows: WebhookEventRow[];
  /** Rows matching both filters. */
  total: number;
  /** The page actually returned (a page past the end becomes the last page). */
  page: number;
  pageSize: number;
  /** At least 1, so "page 1 of 1" also describes an empty list. */
  pageCount: number;
  /** Per status, within the type filter (so the status chips show what clicking them would list). */
  counts: WebhookEventStatusCounts;
  /** Every type ever received, for the type filter. */
  types: string[];
};

function emptyCounts(): WebhookEventStatusCounts {
  return { all: 0, PENDING: 0, PROCESSED: 0, IGNORED: 0, DEAD: 0 };
}

/** The inbox, filtered by status and/or type, a page at a time, with counts per status. */
export async function listWebhookEvents({ status, type, page = 1, pageSize = WEBHOOK_EVENTS_PAGE_SIZE }: ListWebhookEventsInput = {}): Promise<WebhookEventList> {
  const size = Math.max(1, Math.min(Math.trunc(pageSize), 100));
  const typeWhere = type ? { type } : {};

  const [byStatus, byType] = await Promise.all([
    db.webhookEvent.groupBy({ by: ["status"], where: typeWhere, _count: { _all: true } }),
    db.webhookEvent.groupBy({ by: ["type"], orderBy: { type: "asc" } }),
  ]);

  const counts = emptyCounts();
  for (const group of byStatus) {
    counts[group.status] = group._count._all;
    counts.all += group._count._all;
  }
  const total = status ? counts[status] : counts.all;
  const pageCount = Math.max(1, Math.ceil(total / size));
  const currentPage = Math.min(Math.max(1, Math.trunc(page) || 1), pageCount);

  const rows =
    total === 0
      ? []
      : await db.webhookEvent.findMany({
          where: { ...typeWhere, ...(status ? { status } : {}) },
          // id breaks ties between notifications stored in the same millisecond, so pages are stable.
          orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
          skip: (currentPage - 1) * size,
          take: size,
          select: {
            id: true,
            notificationId: true,
            type: true,
            status: true,
            attempts: true,
            lastError: true,
            receivedAt: true,
            processedAt: true,
            nextAttemptAt: true,
            bookingId: true,
          },
        });

  return { rows, total, page: currentPage, pageSize: size, pageCount, counts, types: byType.map((group) => group.type) };
}

/** How much of a payload the page renders (~20 KB); the rest is cut off with a note. */
const PAYLOAD_PREVIEW_MAX_CHARS = 20_000;

/**
 * One notification's payload, pretty-printed (by Postgres: jsonb_pretty) and cut to `maxChars`
 * in the query itself, so a 1 MB payload never crosses to the app server. null when there is no
 * such row (or the id is not a uuid).
 */
export async function getWebhookEventPayload(id: string, { maxChars = PAYLOAD_PREVIEW_MAX_CHARS }: { maxChars?: number } = {}): Promise<TWebhookEventPayloadView | null> {
  if (!ZWebhookEventId.safeParse({ id }).success) return null;
  const limit = Math.max(1, Math.trunc(maxChars));
  const found = await db.$queryRaw<Array<{ text: string; total_chars: number }>>`
    SELECT left(p.text, ${limit}) AS text, length(p.text)::int AS total_chars
      FROM (SELECT jsonb_pretty(payload) AS text FROM webhook_events WHERE id = ${id}::uuid) p`;
  const row = found[0];
  if (!row) return null;
  return { text: row.text, totalChars: row.total_chars, isTruncated: row.total_chars > row.text.length };
}
