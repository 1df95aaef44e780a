import "server-only";
import { listAudit } from "@/lib/audit";
import { defineOperation } from "../operation";
import { auditEntry, auditQuery, decodeCursor, encodeCursor, paged } from "../schemas";

export const listAuditEntries = defineOperation({
  operationId: "listAudit",
  method: "GET",
  path: "/audit",
  tag: "Audit",
  summary: "The audit log, newest first",
  description: "Every change and refusal, by the panel or the API (an API call names its key).",
  scope: "audit",
  permission: "audit.view",
  query: auditQuery,
  response: paged(auditEntry),
  handler: async ({ query }) => {
    const limit = query.limit ?? 50;
    const beforeId = Number(decodeCursor(query.cursor)?.before ?? 0) || undefined;
    const rows = await listAudit(
      {
        q: query.q,
        domain: query.domain,
        action: query.action,
        outcome: query.outcome,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
      },
      { limit: limit + 1, beforeId },
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      data: page.map((row) => ({
        id: row.id,
        at: row.at.toISOString(),
        actor: row.actorEmail,
        actorRole: row.actorRole,
        action: row.action,
        outcome: row.outcome,
        summary: row.summary,
        domain: row.domain,
        mailbox: row.mailbox,
        pakId: row.pakId,
        enomOrderId: row.enomOrderId,
        enomTrackingKey: row.enomTrackingKey,
      })),
      nextCursor: rows.length > limit && last ? encodeCursor({ before: last.id }) : null,
    };
  },
});
