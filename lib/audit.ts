import "server-only";
import { and, asc, desc, eq, getTableColumns, gte, ilike, lt, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/lib/db";
import { auditLog, customers, users, type AuditOutcome, type AuditRow } from "@/lib/db/schema";
import { currentApiUser } from "@/lib/auth/api-caller";
import { getRequestContext } from "@/lib/request-context";

/** The audit feature's row types, for its screens (components/audit). */
export type { AuditOutcome, AuditRow };

export interface AuditActor {
  id: string | null;
  email: string;
  role: string;
}

export interface AuditEntry {
  actor: AuditActor;
  /** Dotted verb, e.g. `mailbox.create`, `user.disable`, `auth.sign-in`. */
  action: string;
  outcome: AuditOutcome;
  /** One line a person reads in the audit page. */
  summary: string;
  domain?: string | null;
  pakId?: string | null;
  mailbox?: string | null;
  targetUserId?: string | null;
  targetCustomerId?: string | null;
  /** Extra facts; never a password (the keys below are dropped as a safety net). */
  details?: Record<string, unknown>;
  enom?: { trackingKey?: string | null; orderId?: string | null; error?: string | null };
}

const SECRET_KEYS = /pass|pw|secret|token|code/i;

function withoutSecrets(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(details)
      .filter(([key]) => !SECRET_KEYS.test(key))
      .map(([key, value]) => [
        key,
        value && typeof value === "object" && !Array.isArray(value)
          ? withoutSecrets(value as Record<string, unknown>)
          : value,
      ]),
  );
}

/** Appends one entry to the audit log, with where the request came from. */
export async function recordAudit(entry: AuditEntry): Promise<void> {
  const db = await getDb();
  const { ip, userAgent } = await getRequestContext();
  // A call through the public API names its key beside its holder.
  const apiKey = currentApiUser()?.apiKey;
  const actorEmail = apiKey ? `${entry.actor.email} (API key “${apiKey.name}”)` : entry.actor.email;
  await db.insert(auditLog).values({
    actorId: entry.actor.id,
    actorEmail: actorEmail.slice(0, 254),
    actorRole: entry.actor.role,
    ip,
    userAgent,
    action: entry.action,
    domain: entry.domain ?? null,
    pakId: entry.pakId ?? null,
    mailbox: entry.mailbox ?? null,
    targetUserId: entry.targetUserId ?? null,
    targetCustomerId: entry.targetCustomerId ?? null,
    outcome: entry.outcome,
    summary: entry.summary.slice(0, 500),
    details: withoutSecrets({
      ...entry.details,
      ...(apiKey ? { apiKey: { id: apiKey.id, name: apiKey.name } } : {}),
    }),
    enomTrackingKey: entry.enom?.trackingKey ?? null,
    enomOrderId: entry.enom?.orderId ?? null,
    enomError: entry.enom?.error?.slice(0, 1000) ?? null,
  });
}

export interface AuditFilter {
  /** Free text: the summary, the people, the target or eNom's references and error. */
  q?: string;
  /** The actor's email or current name, or part of either. */
  actor?: string;
  domain?: string;
  action?: string;
  outcome?: AuditOutcome;
  from?: Date;
  /** Exclusive. */
  to?: Date;
}

/**
 * An entry as the audit page shows it: the row, plus the names behind its ids (the actor's and the
 * target user's as they are now; null when the account is gone or there never was one).
 */
export interface AuditListRow extends AuditRow {
  actorName: string | null;
  targetCustomerName: string | null;
  targetUserEmail: string | null;
}

const targetUser = alias(users, "target_user");

function conditions(filter: AuditFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    const match = or(
      ...[
        auditLog.summary,
        auditLog.actorEmail,
        auditLog.domain,
        auditLog.mailbox,
        auditLog.pakId,
        auditLog.enomOrderId,
        auditLog.enomTrackingKey,
        auditLog.enomError,
        users.name,
        customers.name,
      ].map((column) => ilike(column, pattern)),
    );
    if (match) parts.push(match);
  }
  if (filter.actor) {
    const pattern = `%${escapeLike(filter.actor)}%`;
    const match = or(ilike(auditLog.actorEmail, pattern), ilike(users.name, pattern));
    if (match) parts.push(match);
  }
  if (filter.domain) parts.push(ilike(auditLog.domain, `%${escapeLike(filter.domain)}%`));
  if (filter.action) {
    const action = escapeLike(filter.action);
    const match = or(eq(auditLog.action, filter.action), ilike(auditLog.action, `${action}.%`));
    if (match) parts.push(match);
  }
  if (filter.outcome) parts.push(eq(auditLog.outcome, filter.outcome));
  if (filter.from) parts.push(gte(auditLog.at, filter.from));
  if (filter.to) parts.push(lt(auditLog.at, filter.to));
  return parts.length ? and(...parts) : undefined;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** The entries with the names behind their ids: each join is on a primary key. */
function selectAudit(db: Awaited<ReturnType<typeof getDb>>) {
  return db
    .select({
      ...getTableColumns(auditLog),
      actorName: users.name,
      targetCustomerName: customers.name,
      targetUserEmail: targetUser.email,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .leftJoin(customers, eq(customers.id, auditLog.targetCustomerId))
    .leftJoin(targetUser, eq(targetUser.id, auditLog.targetUserId));
}

/** Newest first; `beforeId` pages backwards through the log. */
export async function listAudit(
  filter: AuditFilter,
  options: { limit: number; beforeId?: number },
): Promise<AuditListRow[]> {
  const where = and(conditions(filter), options.beforeId ? lt(auditLog.id, options.beforeId) : undefined);
  return selectAudit(await getDb())
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(options.limit);
}

/** One entry by its number, for the details drawer of a shared link; null when there is none. */
export async function getAuditEntry(id: number): Promise<AuditListRow | null> {
  const [row] = await selectAudit(await getDb())
    .where(eq(auditLog.id, id))
    .limit(1);
  return row ?? null;
}

/** Every matching entry in batches, for the CSV export; bounded by `max`. */
export async function* iterateAudit(filter: AuditFilter, max = 100_000): AsyncGenerator<AuditListRow> {
  let beforeId: number | undefined;
  let sent = 0;
  while (sent < max) {
    const batch = await listAudit(filter, { limit: Math.min(1000, max - sent), beforeId });
    if (batch.length === 0) return;
    for (const row of batch) yield row;
    sent += batch.length;
    beforeId = batch[batch.length - 1]?.id;
  }
}

/** Every action name recorded so far, for the audit page's action filter. */
export async function listAuditActions(): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .orderBy(asc(auditLog.action));
  return rows.map((row) => row.action);
}
