import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { ForbiddenError, NotFoundError, NotSignedInError, RuleError } from "@/lib/auth/errors";
import { requireUser } from "@/lib/auth/guards";
import { isReadOnlyRole, READ_ONLY_REFUSAL } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { logger } from "@/lib/logger";
import { actionErrorStatus, observeAction } from "@/lib/metrics/observe";
import { mirrorChanged } from "@/lib/mirror/version";
import type { ActionResult, FieldErrors } from "./result";

export interface ActionSpec<S extends z.ZodType> {
  /** The audit verb, e.g. `customer.update`; also names the action in logs. */
  name: string;
  schema: S;
  /** The support role changes nothing; true only for actions that change nothing of the account. */
  supportMayRun?: boolean;
}

/** The actions that set up two-factor sign-in: open to someone who must set it up first. */
const TWO_FACTOR_ENROLMENT = new Set(["account.totp-start", "account.totp-enable"]);

/**
 * The envelope of every server action (saas-starter's `validatedActionWithUser`): the caller is
 * signed in, the input is parsed with the action's schema, and every failure becomes a message
 * written for the user. An action is a public endpoint, so the handler still checks the caller's
 * right to the very domain, pak or mailbox it touches (`requireDomainAccess`).
 */
export async function runAction<S extends z.ZodType, T>(
  spec: ActionSpec<S>,
  input: unknown,
  handler: (data: z.infer<S>, user: SessionUser) => Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  // Timed for the metrics, and its log lines carry the request id.
  return observeAction(spec.name, async (setStatus) => {
    let user: SessionUser | undefined;
    try {
      user = await requireUser({ beforeTwoFactorSetup: TWO_FACTOR_ENROLMENT.has(spec.name) });
      // The support role changes nothing: refused here, once, before any action's own checks.
      if (isReadOnlyRole(user.role) && !spec.supportMayRun && !readOnlyMayRun(spec.name))
        throw new ForbiddenError(READ_ONLY_REFUSAL);
      const parsed = spec.schema.safeParse(input);
      if (!parsed.success) {
        setStatus(400);
        return {
          ok: false,
          message: "Please correct the highlighted fields.",
          fieldErrors: fieldErrorsOf(parsed.error),
        };
      }
      try {
        return await handler(parsed.data, user);
      } finally {
        // The action may have changed what a page shows (customers, display names, the mirror):
        // this instance forgets its kept reads now; the others hear it from PostgreSQL.
        mirrorChanged();
      }
    } catch (error) {
      setStatus(actionErrorStatus(error));
      return failureOf(error, spec.name, user, input);
    }
  });
}

/**
 * What a read-only (support) user may still run by name: their own account (password, two-factor).
 * Others say so in their spec (`supportMayRun`); everything else is refused, so a new action is
 * refused by default. Reads are GET routes and pages, not actions, so they need no allowance.
 */
export function readOnlyMayRun(name: string): boolean {
  return name.startsWith("account.");
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** A thrown failure as a message for the user; a refusal of a signed-in caller is audited. */
export async function failureOf(
  error: unknown,
  name: string,
  user: SessionUser | undefined,
  input: unknown,
): Promise<ActionResult<never>> {
  if (error instanceof NotSignedInError) return { ok: false, message: error.message };
  if (error instanceof NotFoundError || error instanceof ForbiddenError) {
    if (user) await auditDenied(name, user, input, error);
    return { ok: false, message: error.message };
  }
  if (error instanceof RuleError) return { ok: false, message: error.message };
  const reference = crypto.randomUUID().slice(0, 8);
  logger.error({ err: error, action: name, reference }, "server action failed");
  return {
    ok: false,
    message: `Something went wrong on our side; nothing was changed. (Reference ${reference})`,
  };
}

/** A refused attempt is recorded with what it aimed at, so probing shows in the audit log. */
async function auditDenied(name: string, user: SessionUser, input: unknown, error: Error): Promise<void> {
  let target: RefusalTarget = {
    domain: null,
    pakId: null,
    mailbox: null,
    userId: null,
    customerId: null,
    details: {},
  };
  try {
    target = refusalTarget(input);
  } catch (targetError) {
    logger.error({ err: targetError }, "could not read what a refused action aimed at");
  }
  await recordAudit({
    actor: { id: user.id, email: user.email, role: user.role },
    action: name,
    outcome: "failed",
    summary: `Refused: ${error.message}`,
    domain: target.domain,
    pakId: target.pakId,
    mailbox: target.mailbox,
    targetUserId: target.userId,
    targetCustomerId: target.customerId,
    details: { refused: true, ...target.details },
  }).catch((auditError: unknown) => logger.error({ err: auditError }, "could not audit a refused action"));
}

interface RefusalTarget {
  domain: string | null;
  pakId: string | null;
  mailbox: string | null;
  userId: string | null;
  customerId: string | null;
  details: Record<string, unknown>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The domain, pak, mailbox or person an input names: at the top (`domain`, `bundleId`), inside a
 * wizard's `request`, or in a list (`items`, `userNames`, `mailboxes`); a list's every domain and
 * pak goes in the details. BundleIDs arrive as numbers.
 */
function refusalTarget(input: unknown): RefusalTarget {
  const record = (value: unknown): Record<string, unknown> =>
    typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value.slice(0, 50) : []);
  const top = record(input);
  const request = record(top.request);
  const items = [...list(top.items), ...list(request.items), ...list(top.mailboxes)].map(record);
  const sources = [top, request, ...items];
  const first = (key: string): string | null => {
    for (const source of sources) {
      const value = source[key];
      if (typeof value === "string" && value !== "") return value.slice(0, 255);
      if (typeof value === "number" && Number.isFinite(value)) return String(value);
    }
    return null;
  };
  const uuid = (key: string) => {
    const value = first(key);
    return value && UUID.test(value) ? value : null;
  };
  const userNames = list(top.userNames).filter((value): value is string => typeof value === "string");
  const paks = items
    .filter((item) => item.domain !== undefined || item.bundleId !== undefined)
    .map((item) => `${String(item.domain ?? "")}:${String(item.bundleId ?? "")}`.slice(0, 300));
  const invitationId = uuid("invitationId");
  const key = first("idempotencyKey") ?? first("key");
  return {
    domain: first("domain"),
    pakId: first("pakId") ?? first("bundleId"),
    mailbox: first("mailbox") ?? first("userName") ?? userNames[0]?.slice(0, 255) ?? null,
    userId: uuid("userId"),
    customerId: uuid("customerId"),
    details: {
      ...(paks.length > 1 ? { paks } : {}),
      ...(userNames.length > 1 ? { mailboxes: userNames.map((value) => value.slice(0, 255)) } : {}),
      ...(invitationId ? { invitationId } : {}),
      ...(key ? { key: key.slice(0, 80) } : {}),
    },
  };
}
