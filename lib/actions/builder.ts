import "server-only";
import type { z } from "zod";
import { recordAudit, type AuditEntry } from "@/lib/audit";
import { requireDomainAccess, requirePermission } from "@/lib/auth/guards";
import type { Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { actionErrorStatus, observeAction } from "@/lib/metrics/observe";
import { formDataToObject, type ActionResult, type FieldErrors } from "./result";
import { failureOf, fieldErrorsOf, runAction } from "./safe-action";

/**
 * The typed action builders (saas-starter's `validatedActionWithUser`, one per kind of target).
 * Each returns the server action itself:
 *
 *   export const renamePakAction = domainAction(
 *     { name: "pak.rename", schema: renamePakSchema, permission: "paks.purchase" },
 *     async (input, { user, domain, audit }) => { …; await audit({ outcome: "ok", summary }); … },
 *   );
 *
 * In order: the caller is signed in (support is refused unless `supportMayRun`), the input is
 * parsed with the schema (the handler's input is typed from it), the domain it names is one the
 * caller may reach (someone else's is "not found"), then the permission. `audit` records under
 * the action's name with the caller as actor. Failures become messages for the user, as in
 * `runAction`, which these wrap (metrics, refusal audit).
 *
 * Components call them through `useAction` with a typed object (a FormData is still read as a
 * plain object for the schema, `formInput`, and a file upload keeps its FormData: `rawFormData`);
 * `publicAction` is the envelope of the few actions of people not signed in (the token in their
 * link is the credential).
 */

/** An audit entry of this action by this caller; `action` may name a more precise verb. */
export type BoundAudit = (entry: Omit<AuditEntry, "actor" | "action"> & { action?: string }) => Promise<void>;

export interface UserActionContext {
  user: SessionUser;
  audit: BoundAudit;
}

export interface DomainActionContext extends UserActionContext {
  /** The domain the input names, normalised, checked against the caller's access. */
  domain: string;
}

export interface UserActionSpec<S extends z.ZodType> {
  /** The audit verb, e.g. `customer.update`; also names the action in logs and metrics. */
  name: string;
  schema: S;
  permission?: Permission;
  /** The support role changes nothing; true only for actions that change nothing of the account. */
  supportMayRun?: boolean;
  /** The schema reads a posted FormData itself (a file upload) instead of its fields as an object. */
  rawFormData?: boolean;
}

export interface DomainActionSpec<S extends z.ZodType> extends UserActionSpec<S> {
  /** Where the input names its domain; by default its `domain` field. */
  domainOf?: (input: z.infer<S>) => unknown;
}

/** Optional input: an action that takes none is called with none (`removeLogoAction()`). */
export type ServerAction<T> = (input?: unknown) => Promise<ActionResult<T>>;

export function boundAudit(user: SessionUser, name: string): BoundAudit {
  return ({ action, ...entry }) =>
    recordAudit({
      ...entry,
      action: action ?? name,
      actor: { id: user.id, email: user.email, role: user.role },
    });
}

/** An action on the caller's own rights (people, settings, account): no domain to check. */
export function userAction<S extends z.ZodType, T>(
  spec: UserActionSpec<S>,
  handler: (input: z.infer<S>, context: UserActionContext) => Promise<ActionResult<T>>,
): ServerAction<T> {
  return (input) =>
    runAction(spec, spec.rawFormData ? input : formInput(input), async (data, user) => {
      if (spec.permission) requirePermission(user, spec.permission);
      return handler(data, { user, audit: boundAudit(user, spec.name) });
    });
}

/** An action on one domain (or a pak or mailbox of it): the caller's access to it comes first. */
export function domainAction<S extends z.ZodType, T>(
  spec: DomainActionSpec<S>,
  handler: (input: z.infer<S>, context: DomainActionContext) => Promise<ActionResult<T>>,
): ServerAction<T> {
  return (input) =>
    runAction(spec, spec.rawFormData ? input : formInput(input), async (data, user) => {
      const named = spec.domainOf ? spec.domainOf(data) : domainField(data);
      const domain = await requireDomainAccess(user, typeof named === "string" ? named : "");
      if (spec.permission) requirePermission(user, spec.permission);
      return handler(data, { user, domain, audit: boundAudit(user, spec.name) });
    });
}

function domainField(data: unknown): unknown {
  return typeof data === "object" && data !== null && "domain" in data ? data.domain : undefined;
}

/** Forms send FormData; tests and other callers send a plain object. The schema checks either. */
export function formInput(payload: unknown): unknown {
  return payload instanceof FormData ? formDataToObject(payload) : payload;
}

export interface PublicActionSpec<S extends z.ZodType> {
  /** Names the action in logs and metrics; the handler audits under its own actor. */
  name: string;
  schema: S;
  /**
   * Bad input answered with one message instead of field errors (a broken link's token is not a
   * field the person can correct); null to show the field errors.
   */
  invalid?: (fieldErrors: FieldErrors) => string | null;
}

/**
 * An action for someone not signed in (accepting an invitation, resetting a password): no session
 * to check, so its input and the credential it carries are all there is. Parsed with the schema
 * and timed like every action; an unexpected failure is a message with a reference, never a trace.
 */
export function publicAction<S extends z.ZodType, T>(
  spec: PublicActionSpec<S>,
  handler: (input: z.infer<S>) => Promise<ActionResult<T>>,
): ServerAction<T> {
  return (input) =>
    observeAction(spec.name, async (setStatus) => {
      try {
        const parsed = spec.schema.safeParse(formInput(input));
        if (!parsed.success) {
          setStatus(400);
          const fieldErrors = fieldErrorsOf(parsed.error);
          const message = spec.invalid?.(fieldErrors);
          return message
            ? { ok: false, message }
            : { ok: false, message: "Please correct the highlighted fields.", fieldErrors };
        }
        return await handler(parsed.data);
      } catch (error) {
        setStatus(actionErrorStatus(error));
        return failureOf(error, spec.name, undefined, input);
      }
    });
}
