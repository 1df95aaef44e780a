import "server-only";
import { desc, inArray, sql } from "drizzle-orm";
import { requireDomainAccess, requirePermission } from "@/lib/auth/guards";
import { can, isReadOnlyRole, isStaffRole } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { domainMailHealth } from "@/lib/db/schema";
import { readStoredMailHealth, type StoredMailHealth } from "./check";
import { previewMailFix } from "./fix";
import { CHECK_IDS } from "./model";
import { CHECK_LABELS, type MailFixPreview, type MailHealthView } from "./view";

/**
 * The domain's mail health as last checked, for the domain page (staff and portal) and its GET
 * route. Never waits on DNS or eNom: a domain never checked says so, and the card asks for a check.
 */
export async function getMailHealthView(user: SessionUser, domain: string): Promise<MailHealthView> {
  const name = await requireDomainAccess(user, domain);
  requirePermission(user, "domains.view");
  return mailHealthView(user, name, await readStoredMailHealth(name));
}

export function mailHealthView(
  user: SessionUser,
  domain: string,
  stored: StoredMailHealth | null,
): MailHealthView {
  return {
    domain,
    status: stored?.status ?? null,
    checkedAt: stored?.checkedAt.toISOString() ?? null,
    checks: stored
      ? CHECK_IDS.map((id) => {
          const check = stored.health.checks[id];
          return { id, label: CHECK_LABELS[id], status: check.status, sentence: check.sentence };
        })
      : [],
    dnsAtProvider: stored?.dnsAtProvider ?? null,
    canCheck: can(user, "domains.view"),
    canFix: can(user, "dns.manage") && !isReadOnlyRole(user.role),
  };
}

export interface MailHealthAttention {
  /** Domains whose last check found a problem (red) or something to improve (amber). */
  red: number;
  amber: number;
  /** The first few, worst first, for the dashboard's list. */
  domains: { domain: string; status: "red" | "amber" }[];
}

/** The dashboard's "mail delivery problems": staff only, over every checked domain. */
export async function listMailHealthAttention(
  user: SessionUser,
  limit = 5,
): Promise<MailHealthAttention | null> {
  if (!isStaffRole(user.role)) return null;
  const db = await getDb();
  const worst = inArray(domainMailHealth.status, ["red", "amber"]);
  const [counts, domains] = await Promise.all([
    db
      .select({ status: domainMailHealth.status, count: sql<number>`count(*)::int` })
      .from(domainMailHealth)
      .where(worst)
      .groupBy(domainMailHealth.status),
    db
      .select({ domain: domainMailHealth.domain, status: domainMailHealth.status })
      .from(domainMailHealth)
      .where(worst)
      // "red" sorts after "amber": descending puts problems first.
      .orderBy(desc(domainMailHealth.status), domainMailHealth.domain)
      .limit(limit),
  ]);
  const count = (status: string) => counts.find((row) => row.status === status)?.count ?? 0;
  return {
    red: count("red"),
    amber: count("amber"),
    domains: domains.map((row) => ({ domain: row.domain, status: row.status === "red" ? "red" : "amber" })),
  };
}

/** What the fix would do, for anyone who may see the domain (the records to copy are theirs to use). */
export async function getMailFixPreview(user: SessionUser, domain: string): Promise<MailFixPreview> {
  const name = await requireDomainAccess(user, domain);
  requirePermission(user, "domains.view");
  return previewMailFix(name);
}
