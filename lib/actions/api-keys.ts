"use server";

import { revalidatePath } from "next/cache";
import { NotFoundError } from "@/lib/auth/errors";
import { requirePermission, requireTeamAdmin } from "@/lib/auth/guards";
import { isStaffRole } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { findCustomer } from "@/lib/customers/queries";
import { createApiKey, revokeApiKey, type ApiKeyView } from "@/lib/api/keys";
import { maskedToken } from "@/lib/api/key-model";
import {
  apiKeyTargetSchema,
  createCustomerApiKeySchema,
  createStaffApiKeySchema,
} from "@/lib/api/key-schemas";
import { SCOPE_DESCRIPTIONS, scopesForCustomer } from "@/lib/api/scopes";
import { userAction, type BoundAudit } from "./builder";
import type { ActionResult } from "./result";

/**
 * API keys: admins make and revoke them in Settings (staff keys, or keys limited to a customer);
 * a customer's administrator does the same in the portal for their own customer. The token is in
 * the answer to "create" and nowhere else: never in the audit log, the logs or the database.
 */

const STAFF_PATH = "/settings/api-keys";
const PORTAL_PATH = "/portal/api-keys";

export type ApiKeyCreated = { key: ApiKeyView; token: string };

/** Settings are the admins': staff are refused, a customer does not learn the page exists. */
function requireKeyAdmin(user: SessionUser): void {
  if (!isStaffRole(user.role)) throw new NotFoundError("That page");
  requirePermission(user, "settings.manage");
}

function createdSummary(key: ApiKeyView): string {
  const scopes = key.scopes.map((scope) => SCOPE_DESCRIPTIONS[scope].label).join(", ");
  const limit = key.customerName ? `, limited to ${key.customerName}` : "";
  return `Created the API key "${key.name}" (${maskedToken(key.prefix)}) with scopes ${scopes}${limit}`;
}

function keyDetails(key: ApiKeyView) {
  return {
    keyId: key.id,
    keyName: key.name,
    keyPrefix: key.prefix,
    scopes: key.scopes,
    allowedIps: key.allowedIps,
    expiresAt: key.expiresAt,
  };
}

async function auditCreated(audit: BoundAudit, key: ApiKeyView): Promise<void> {
  await audit({
    outcome: "ok",
    summary: createdSummary(key),
    targetCustomerId: key.customerId,
    details: keyDetails(key),
  });
}

const CREATED_MESSAGE = "API key created. Copy it now: it will not be shown again.";

export const createApiKeyAction = userAction(
  { name: "api-key.create", schema: createStaffApiKeySchema },
  async (data, { user, audit }): Promise<ActionResult<ApiKeyCreated>> => {
    requireKeyAdmin(user);
    if (data.customerId && !(await findCustomer(data.customerId)))
      return {
        ok: false,
        message: "Please correct the highlighted fields.",
        fieldErrors: { customerId: ["That customer no longer exists; choose another."] },
      };
    const created = await createApiKey(
      {
        name: data.name,
        scopes: data.scopes,
        customerId: data.customerId,
        allowedIps: data.allowedIps,
        expiresAt: data.expiresOn,
      },
      { id: user.id, email: user.email },
    );
    await auditCreated(audit, created.key);
    revalidatePath(STAFF_PATH);
    return { ok: true, data: created, message: CREATED_MESSAGE };
  },
);

export const revokeApiKeyAction = userAction(
  { name: "api-key.revoke", schema: apiKeyTargetSchema },
  async ({ keyId }, { user, audit }): Promise<ActionResult> => {
    requireKeyAdmin(user);
    return revoke(keyId, user, audit, "any", STAFF_PATH);
  },
);

export const createPortalApiKeyAction = userAction(
  { name: "api-key.create", schema: createCustomerApiKeySchema },
  async (data, { user, audit }): Promise<ActionResult<ApiKeyCreated>> => {
    const team = await requireTeamAdmin(user);
    const offered = scopesForCustomer(team.customer);
    const refused = data.scopes.filter((scope) => !(offered as string[]).includes(scope));
    if (refused.length > 0) {
      const names = refused.map((scope) => SCOPE_DESCRIPTIONS[scope].label).join(", ");
      await audit({
        outcome: "failed",
        summary: `Refused: an API key with scopes not enabled for ${team.customer.name} (${names})`,
        targetCustomerId: team.customer.id,
      });
      return {
        ok: false,
        message: "Please correct the highlighted fields.",
        fieldErrors: {
          scopes: [
            `Your provider has not enabled ${names} for your account, so a key cannot have ${refused.length > 1 ? "them" : "it"}.`,
          ],
        },
      };
    }
    const created = await createApiKey(
      {
        name: data.name,
        scopes: data.scopes,
        customerId: team.customer.id,
        allowedIps: data.allowedIps,
        expiresAt: data.expiresOn,
      },
      { id: team.admin.id, email: team.admin.email },
    );
    await auditCreated(audit, created.key);
    revalidatePath(PORTAL_PATH);
    return { ok: true, data: created, message: CREATED_MESSAGE };
  },
);

export const revokePortalApiKeyAction = userAction(
  { name: "api-key.revoke", schema: apiKeyTargetSchema },
  async ({ keyId }, { user, audit }): Promise<ActionResult> => {
    const team = await requireTeamAdmin(user);
    return revoke(keyId, user, audit, team.customer.id, PORTAL_PATH);
  },
);

async function revoke(
  keyId: string,
  user: SessionUser,
  audit: BoundAudit,
  customerId: string | "any",
  path: string,
): Promise<ActionResult> {
  const outcome = await revokeApiKey(keyId, { email: user.email }, { customerId });
  if (!outcome) throw new NotFoundError("That API key");
  const { key, alreadyRevoked } = outcome;
  if (alreadyRevoked)
    return { ok: true, data: undefined, message: `The API key "${key.name}" was already revoked.` };
  await audit({
    outcome: "ok",
    summary: `Revoked the API key "${key.name}" (${maskedToken(key.prefix)})${key.customerName ? ` of ${key.customerName}` : ""}`,
    targetCustomerId: key.customerId,
    details: keyDetails(key),
  });
  revalidatePath(path);
  return {
    ok: true,
    data: undefined,
    message: `The API key "${key.name}" was revoked; calls with it are refused from now on.`,
  };
}
