import type { AuditListRow, AuditOutcome } from "@/lib/audit";

/**
 * How the audit page puts an entry into words: the action, the actor's role, the target and the
 * pages an entry leads to. Pure, shared by the table, the cards and the details drawer.
 */

export const OUTCOME_LABELS = {
  ok: "Succeeded",
  failed: "Failed",
  unknown: "Unknown",
} as const satisfies Record<AuditOutcome, string>;

export const OUTCOME_TONES = {
  ok: "success",
  failed: "danger",
  unknown: "warning",
} as const satisfies Record<AuditOutcome, string>;

/** The recorded verbs (lib/actions, lib/jobs, lib/purchases, lib/auth) as a person says them. */
const ACTION_LABELS: Record<string, string> = {
  "auth.sign-in": "Sign in",
  "auth.sign-out": "Sign out",
  "auth.recovery-code": "Sign in with a recovery code",
  "auth.password-reset": "Reset own password by link",
  "auth.password-reset-request": "Ask for a password reset",
  "account.password-change": "Change own password",
  "account.recovery-codes": "Make new recovery codes",
  "account.totp-start": "Start setting up two-factor",
  "account.totp-enable": "Turn on two-factor sign-in",
  "account.totp-disable": "Turn off two-factor sign-in",
  "audit.export": "Download the audit log",
  "customer.create": "Add a customer",
  "customer.update": "Edit a customer",
  "customer.delete": "Delete a customer",
  "customer.create-login": "Add a customer login",
  "customer.invite-revoke": "Withdraw a customer invitation",
  "customer.preview": "Preview a customer's portal",
  "customer.set-domains": "Change a customer's domains",
  "domain.catchAll": "Change the catch-all",
  "mailHealth.fix": "Fix the mail DNS records",
  "mailHealth.check": "Check mail delivery",
  "job.cancel": "Cancel a job",
  "mailbox.create": "Create a mailbox",
  "mailbox.delete": "Delete a mailbox",
  "mailbox.admin": "Change webmail admin rights",
  "mailbox.forwarding": "Change forwarding",
  "mailbox.password-reset": "Set a mailbox password",
  "mailboxes.import": "Import mailboxes",
  "mirror.sync": "Sync the account",
  "pak.purchase": "Buy a pak",
  "pak.purchase.check": "Check a purchase",
  "pak.addMailboxes": "Add mailboxes to a pak",
  "pak.addStorage": "Add storage to a pak",
  "pak.renew": "Renew a pak",
  "pak.renew.job": "Renew a pak (job)",
  "pak.rename": "Rename a pak",
  "pak.delete": "Delete a pak",
  "pak.autoRenew": "Change auto-renew",
  "reminder.renewal": "Send a renewal reminder",
  "alert.storage": "Send a storage alert",
  "settings.branding": "Change the branding",
  "settings.prices": "Change the price list",
  "team.invite": "Invite a colleague",
  "team.invite-accept": "Accept an invitation",
  "team.invite-resend": "Resend an invitation",
  "team.invite-revoke": "Withdraw an invitation",
  "team.promote": "Make a team admin",
  "team.demote": "Remove a team admin",
  "team.set-admin": "Change a team admin",
  "team.remove": "Remove a colleague",
  "user.create": "Add a user",
  "user.change-role": "Change a user's role",
  "user.disable": "Disable a user",
  "user.enable": "Enable a user",
  "user.unlock": "Unlock a user",
  "user.reset-password": "Reset a user's password",
  "user.sign-out-everywhere": "Sign a user out everywhere",
  "api-key.create": "Create an API key",
  "api-key.revoke": "Revoke an API key",
  "customer.prices": "Change a customer's prices",
  "webhook.create": "Add a webhook endpoint",
  "webhook.update": "Change a webhook endpoint",
  "webhook.enable": "Turn a webhook endpoint on",
  "webhook.disable": "Turn a webhook endpoint off",
  "webhook.roll-secret": "Roll a webhook secret",
  "webhook.delete": "Delete a webhook endpoint",
  "webhook.test": "Send a test webhook",
  "webhook.resend": "Resend a webhook delivery",
};

/** `mailbox.create` → "Create a mailbox"; an action not listed still reads as words. */
export function actionLabel(action: string): string {
  const known = ACTION_LABELS[action];
  if (known) return known;
  // A repeated order made on purpose is recorded as `<action>.again` (lib/purchases/purchase.ts).
  if (action.endsWith(".again")) return `${actionLabel(action.slice(0, -".again".length))} again`;
  const [group = action, ...rest] = action.split(".");
  // A call of the public API, by its operation: `api.createMailboxes` → "API call: create mailboxes".
  if (group === "api" && rest.length > 0)
    return `API call: ${rest
      .join(" ")
      .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
      .toLowerCase()}`;
  const words = (part: string) =>
    part
      .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
      .replace(/[-_.]+/g, " ")
      .trim()
      .toLowerCase();
  const head = words(group);
  const tail = words(rest.join(" "));
  const capital = head.charAt(0).toUpperCase() + head.slice(1);
  return tail ? `${capital}: ${tail}` : capital;
}

const GROUP_LABELS: Record<string, string> = {
  auth: "sign-in",
  account: "own account",
  audit: "audit log",
  mailboxes: "mailbox import",
  mirror: "account sync",
  mailHealth: "mail delivery",
  api: "API calls",
  "api-key": "API keys",
  webhook: "webhooks",
};

/** An action group (the first word) in words, lower case: `auth` → "sign-in", `pak` → "pak". */
export function actionGroupLabel(group: string): string {
  return GROUP_LABELS[group] ?? actionLabel(group).toLowerCase();
}

const ROLE_LABELS: Record<string, string> = {
  admin: "Admin",
  staff: "Staff",
  support: "Support",
  customer: "Customer",
  system: "System",
  // Someone not signed in: a failed sign-in, a reset or invitation link.
  unknown: "Not signed in",
};

export function roleLabel(role: string): string {
  return ROLE_LABELS[role] ?? role;
}

export function roleTone(role: string): "accent" | "neutral" | "warning" {
  if (role === "admin") return "accent";
  if (role === "unknown") return "warning";
  return "neutral";
}

/** Who acted, as a person reads it: their name when the account still exists, else the email recorded. */
export function actorLabel(entry: Pick<AuditListRow, "actorName" | "actorEmail">): string {
  // A call through an API key is recorded as `email (API key “name”)`: the name keeps the key.
  const viaKey = /\s\(API key “[^”]*”\)$/.exec(entry.actorEmail)?.[0] ?? "";
  const name = entry.actorName?.trim();
  return name ? `${name}${viaKey}` : entry.actorEmail;
}

export type AuditTargetKind = "mailbox" | "pak" | "domain" | "customer" | "user";

/** What the entry was about, most precise first: a mailbox, a pak, a domain, a customer or a user. */
export function targetOf(
  entry: Pick<
    AuditListRow,
    | "domain"
    | "pakId"
    | "mailbox"
    | "targetCustomerId"
    | "targetCustomerName"
    | "targetUserId"
    | "targetUserEmail"
  >,
): { kind: AuditTargetKind; label: string } | null {
  if (entry.mailbox) {
    const address =
      entry.mailbox.includes("@") || !entry.domain ? entry.mailbox : `${entry.mailbox}@${entry.domain}`;
    return { kind: "mailbox", label: address };
  }
  if (entry.pakId) {
    return {
      kind: "pak",
      label: entry.domain ? `Pak ${entry.pakId} of ${entry.domain}` : `Pak ${entry.pakId}`,
    };
  }
  if (entry.domain) return { kind: "domain", label: entry.domain };
  if (entry.targetCustomerId) {
    return { kind: "customer", label: entry.targetCustomerName ?? "A deleted customer" };
  }
  if (entry.targetUserId) return { kind: "user", label: entry.targetUserEmail ?? "A deleted user" };
  return null;
}

export interface AuditLink {
  label: string;
  href: string;
}

/** Pages of the panel the entry leads to: its domain, customer, job and order. */
export function linksOf(
  entry: Pick<AuditListRow, "domain" | "targetCustomerId" | "targetCustomerName" | "details">,
): AuditLink[] {
  const links: AuditLink[] = [];
  if (entry.domain) {
    links.push({ label: `Domain ${entry.domain}`, href: `/domains/${encodeURIComponent(entry.domain)}` });
  }
  if (entry.targetCustomerId) {
    links.push({
      label: `Customer ${entry.targetCustomerName ?? ""}`.trim(),
      href: `/customers/${encodeURIComponent(entry.targetCustomerId)}`,
    });
  }
  const job = idOf(entry.details.job);
  if (job) links.push({ label: "The job", href: `/activity/${encodeURIComponent(job)}` });
  const order = idOf(entry.details.key);
  if (order) links.push({ label: "The order's result", href: `/purchases/${encodeURIComponent(order)}` });
  return links;
}

/** An id kept in the details: a short string of safe characters, else nothing to link. */
function idOf(value: unknown): string | null {
  if (typeof value === "number" && Number.isSafeInteger(value)) return String(value);
  return typeof value === "string" && /^[\w:.-]{1,100}$/.test(value) ? value : null;
}

/** The details as indented JSON, or null when there are none. */
export function detailsJson(details: Record<string, unknown>): string | null {
  return Object.keys(details).length ? JSON.stringify(details, null, 2) : null;
}

/** `2026-05-31 14:02:09`: times are shown in UTC, like the date filters. */
export function formatUtc(at: Date | string): string {
  return new Date(at).toISOString().slice(0, 19).replace("T", " ");
}
