import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { ForbiddenError, NotFoundError, NotSignedInError, RuleError } from "@/lib/auth/errors";
import { requireUser } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/auth/session";
import { logger } from "@/lib/logger";
import type { ActionResult, FieldErrors } from "./result";

export interface ActionSpec<S extends z.ZodType> {
  /** The audit verb, e.g. `customer.update`; also names the action in logs. */
  name: string;
  schema: S;
}

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
  let user: SessionUser | undefined;
  try {
    user = await requireUser();
    const parsed = spec.schema.safeParse(input);
    if (!parsed.success) {
      return {
        ok: false,
        message: "Please correct the highlighted fields.",
        fieldErrors: fieldErrorsOf(parsed.error),
      };
    }
    return await handler(parsed.data, user);
  } catch (error) {
    return failureOf(error, spec.name, user, input);
  }
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

async function failureOf(
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
  const target = typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {};
  const text = (key: string) => (typeof target[key] === "string" ? String(target[key]).slice(0, 255) : null);
  const uuid = (key: string) => {
    const value = text(key);
    return value && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
      ? value
      : null;
  };
  await recordAudit({
    actor: { id: user.id, email: user.email, role: user.role },
    action: name,
    outcome: "failed",
    summary: `Refused: ${error.message}`,
    domain: text("domain"),
    pakId: text("pakId") ?? text("bundleId"),
    mailbox: text("mailbox") ?? text("userName"),
    targetUserId: uuid("userId"),
    targetCustomerId: uuid("customerId"),
    details: { refused: true },
  }).catch((auditError: unknown) => logger.error({ err: auditError }, "could not audit a refused action"));
}
