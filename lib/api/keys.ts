import "server-only";
import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { and, desc, eq, isNull, lt, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { SessionUser } from "@/lib/auth/session";
import { isStaffRole } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { apiKeys, customers, users, type ApiKeyRow } from "@/lib/db/schema";
import { logger } from "@/lib/logger";
import { ipAllowed } from "./ip-allow";
import { parseIpRange } from "./ip-ranges";
import { API_KEY_TOKEN_START, apiKeyStatus, formatUtcMinute, type ApiKeyView } from "./key-model";
import { isCustomerScope, type ApiScope } from "./scopes";

/**
 * API keys: `mpk_<prefix>_<secret>`. The prefix (12 random base-36 characters) is stored and
 * shown, to find and recognise a key; the secret (32 random bytes, base64url) exists only in the
 * token handed out once at creation: the database keeps its SHA-256, so a leaked table opens
 * nothing. A staff key acts as the admin who made it (with their role as it is now); a customer
 * key acts as its customer, with the customer's allowances as they are now. Either stops working
 * when its creator is disabled or deleted.
 */

export type { ApiKeyView };

const PREFIX_LENGTH = 12;
const PREFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
const SECRET_BYTES = 32;
const TOKEN_PATTERN = /^mpk_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;
/** `lastUsedAt` is written at most this often per key: one cheap update a minute, not one a call. */
const LAST_USED_EVERY_MS = 60_000;

export interface CreateApiKeyInput {
  name: string;
  scopes: ApiScope[];
  customerId: string | null;
  allowedIps: string[];
  expiresAt: Date | null;
}

export interface ApiKeyCreator {
  id: string;
  email: string;
}

function newPrefix(): string {
  let prefix = "";
  for (let index = 0; index < PREFIX_LENGTH; index += 1)
    prefix += PREFIX_ALPHABET[randomInt(PREFIX_ALPHABET.length)];
  return prefix;
}

function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** The prefix and secret of a token, or null when it is not one of ours. */
export function parseApiKeyToken(token: string): { prefix: string; secret: string } | null {
  const match = TOKEN_PATTERN.exec(token.trim());
  return match?.[1] && match[2] ? { prefix: match[1], secret: match[2] } : null;
}

const createdByUser = alias(users, "api_key_creator");

const viewColumns = { key: apiKeys, customerName: customers.name };

function toView(row: { key: ApiKeyRow; customerName: string | null }, now = new Date()): ApiKeyView {
  const { key } = row;
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes,
    customerId: key.customerId,
    customerName: row.customerName,
    createdById: key.createdBy,
    createdByEmail: key.createdByEmail,
    createdAt: key.createdAt.toISOString(),
    expiresAt: key.expiresAt?.toISOString() ?? null,
    allowedIps: key.allowedIps,
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    lastUsedIp: key.lastUsedIp,
    revokedAt: key.revokedAt?.toISOString() ?? null,
    revokedByEmail: key.revokedByEmail,
    status: apiKeyStatus(key, now),
  };
}

function isUniqueViolation(error: unknown): boolean {
  for (let current = error; current && typeof current === "object";) {
    if ("code" in current && current.code === "23505") return true;
    current = "cause" in current ? current.cause : undefined;
  }
  return false;
}

/**
 * Makes a key and returns it with its token, the only time the token exists. The caller has
 * checked who may make it (lib/actions/api-keys.ts); this refuses only what no caller may store.
 */
export async function createApiKey(
  input: CreateApiKeyInput,
  creator: ApiKeyCreator,
): Promise<{ key: ApiKeyView; token: string }> {
  const name = input.name.trim();
  if (!name) throw new Error("An API key needs a name.");
  if (input.scopes.length === 0) throw new Error("An API key needs at least one scope.");
  if (input.customerId && !input.scopes.every(isCustomerScope))
    throw new Error(`A customer's API key cannot carry the scopes ${input.scopes.join(", ")}.`);
  const allowedIps = input.allowedIps.map((entry) => {
    const parsed = parseIpRange(entry);
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.range.text;
  });

  const db = await getDb();
  for (let attempt = 0; ; attempt += 1) {
    const prefix = newPrefix();
    const secret = randomBytes(SECRET_BYTES).toString("base64url");
    try {
      const [row] = await db
        .insert(apiKeys)
        .values({
          name,
          prefix,
          secretHash: hashSecret(secret),
          createdBy: creator.id,
          createdByEmail: creator.email,
          customerId: input.customerId,
          scopes: [...new Set(input.scopes)],
          allowedIps: [...new Set(allowedIps)],
          expiresAt: input.expiresAt,
        })
        .returning();
      if (!row) throw new Error("The API key was not stored.");
      const customerName = row.customerId
        ? ((
            await db.select({ name: customers.name }).from(customers).where(eq(customers.id, row.customerId))
          )[0]?.name ?? null)
        : null;
      return { key: toView({ key: row, customerName }), token: `${API_KEY_TOKEN_START}${prefix}_${secret}` };
    } catch (error) {
      // 36^12 prefixes make a clash all but impossible; should one happen, draw again.
      if (attempt < 2 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

/** Staff keys (`null`), one customer's keys, or every key (`"all"`), newest first. */
export async function listApiKeys(filter: { customerId: string | null | "all" }): Promise<ApiKeyView[]> {
  const db = await getDb();
  const where: SQL | undefined =
    filter.customerId === "all"
      ? undefined
      : filter.customerId === null
        ? isNull(apiKeys.customerId)
        : eq(apiKeys.customerId, filter.customerId);
  const rows = await db
    .select(viewColumns)
    .from(apiKeys)
    .leftJoin(customers, eq(apiKeys.customerId, customers.id))
    .where(where)
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  const now = new Date();
  return rows.map((row) => toView(row, now));
}

/** The condition for "a key this caller may touch": any, the staff keys (null), or one customer's. */
function keyScope(id: string, scope: { customerId: string | null | "any" }): SQL | undefined {
  if (scope.customerId === "any") return eq(apiKeys.id, id);
  if (scope.customerId === null) return and(eq(apiKeys.id, id), isNull(apiKeys.customerId));
  return and(eq(apiKeys.id, id), eq(apiKeys.customerId, scope.customerId));
}

export async function findApiKey(
  id: string,
  scope: { customerId: string | null | "any" },
): Promise<ApiKeyView | null> {
  const db = await getDb();
  const [row] = await db
    .select(viewColumns)
    .from(apiKeys)
    .leftJoin(customers, eq(apiKeys.customerId, customers.id))
    .where(keyScope(id, scope))
    .limit(1);
  return row ? toView(row) : null;
}

/**
 * Revokes a key at once (its next call is refused). A key outside `scope` is not found (null), so
 * a customer's administrator cannot touch, nor learn of, another customer's keys. Revoking a
 * revoked key changes nothing and keeps who revoked it first.
 */
export async function revokeApiKey(
  id: string,
  by: { email: string },
  scope: { customerId: string | null | "any" },
): Promise<{ key: ApiKeyView; alreadyRevoked: boolean } | null> {
  const db = await getDb();
  const updated = await db
    .update(apiKeys)
    .set({ revokedAt: new Date(), revokedByEmail: by.email })
    .where(and(keyScope(id, scope), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  const key = await findApiKey(id, scope);
  return key ? { key, alreadyRevoked: updated.length === 0 } : null;
}

export type ApiKeyAuthentication =
  { ok: true; key: ApiKeyView; user: SessionUser } | { ok: false; status: 401 | 403; message: string };

const NOT_VALID = "This API key is not valid.";
const NO_KEY = "Send an API key in the Authorization header: Bearer mpk_….";
const CREATOR_GONE = "The person who created this API key can no longer sign in, so the key no longer works.";
const ZERO_HASH = Buffer.alloc(32);

function refuse(status: 401 | 403, message: string): ApiKeyAuthentication {
  return { ok: false, status, message };
}

function sameHash(secret: string, storedHex: string): boolean {
  const given = createHash("sha256").update(secret, "utf8").digest();
  const stored = /^[0-9a-f]{64}$/.test(storedHex) ? Buffer.from(storedHex, "hex") : ZERO_HASH;
  return timingSafeEqual(given, stored);
}

/**
 * Who an API call acts as: the key in `Authorization: Bearer mpk_…`, checked (secret, revoked,
 * expired, the calling address, its creator) and turned into the user it acts as, beside the key.
 * The scopes are the caller's to check (`scopesAllow`), together with `can(user, …)`.
 */
export async function authenticateApiKey(
  authorizationHeader: string | null,
  ip: string | null,
  now: Date = new Date(),
): Promise<ApiKeyAuthentication> {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorizationHeader?.trim() ?? "");
  if (!bearer?.[1]) return refuse(401, NO_KEY);
  const token = parseApiKeyToken(bearer[1]);
  if (!token) return refuse(401, NOT_VALID);

  const db = await getDb();
  const [row] = await db
    .select({
      key: apiKeys,
      customerName: customers.name,
      customer: {
        id: customers.id,
        canCreateMailboxes: customers.canCreateMailboxes,
        canManageMailboxes: customers.canManageMailboxes,
        canToggleAutoRenew: customers.canToggleAutoRenew,
        canPurchase: customers.canPurchase,
        canRenew: customers.canRenew,
      },
      creator: {
        id: createdByUser.id,
        email: createdByUser.email,
        name: createdByUser.name,
        role: createdByUser.role,
        customerId: createdByUser.customerId,
        customerAdmin: createdByUser.customerAdmin,
        disabled: createdByUser.disabled,
        totpEnabled: createdByUser.totpEnabled,
      },
    })
    .from(apiKeys)
    .leftJoin(customers, eq(apiKeys.customerId, customers.id))
    .leftJoin(createdByUser, eq(apiKeys.createdBy, createdByUser.id))
    .where(eq(apiKeys.prefix, token.prefix))
    .limit(1);
  // An unknown prefix costs the same hash and comparison as a wrong secret.
  if (!sameHash(token.secret, row?.key.secretHash ?? "") || !row) return refuse(401, NOT_VALID);

  const { key, creator, customer } = row;
  if (key.revokedAt) return refuse(401, "This API key was revoked.");
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime())
    return refuse(401, `This API key expired on ${formatUtcMinute(key.expiresAt)}.`);
  if (!ipAllowed(key.allowedIps, ip))
    return refuse(
      403,
      ip
        ? `This API key may not be used from ${ip}; add the address to the key's allowed addresses, or use another key.`
        : "This API key may be used only from its allowed addresses, and this call's address is unknown.",
    );
  if (!creator?.id || creator.disabled) return refuse(401, CREATOR_GONE);

  let user: SessionUser;
  if (key.customerId === null) {
    // A staff key is its creator, with the creator's role as it is now.
    if (!isStaffRole(creator.role) || creator.customerId) return refuse(401, CREATOR_GONE);
    user = {
      id: creator.id,
      email: creator.email,
      name: creator.name,
      role: creator.role,
      customerId: null,
      customerName: null,
      customer: null,
      totpEnabled: creator.totpEnabled,
    };
  } else {
    if (!customer?.id) return refuse(401, NOT_VALID);
    // Made in the portal: it works while its maker is still an administrator of that customer.
    const madeByStaff = isStaffRole(creator.role) && !creator.customerId;
    const madeByTheCustomersAdmin = creator.customerAdmin && creator.customerId === key.customerId;
    if (!madeByStaff && !madeByTheCustomersAdmin)
      return refuse(
        401,
        "The person who created this API key is no longer an administrator of the account, so the key no longer works.",
      );
    user = {
      id: creator.id,
      email: creator.email,
      name: creator.name,
      role: "customer",
      customerId: customer.id,
      customerName: row.customerName,
      customer: {
        canCreateMailboxes: customer.canCreateMailboxes,
        canManageMailboxes: customer.canManageMailboxes,
        canToggleAutoRenew: customer.canToggleAutoRenew,
        canPurchase: customer.canPurchase,
        canRenew: customer.canRenew,
      },
      totpEnabled: creator.totpEnabled,
    };
  }

  const touched = await noteUse(key, ip, now);
  return { ok: true, key: toView({ key: touched, customerName: row.customerName }, now), user };
}

/** Records when and from where the key was last used, at most once a minute; never fails the call. */
async function noteUse(key: ApiKeyRow, ip: string | null, now: Date): Promise<ApiKeyRow> {
  if (key.lastUsedAt && now.getTime() - key.lastUsedAt.getTime() < LAST_USED_EVERY_MS) return key;
  try {
    const db = await getDb();
    const since = new Date(now.getTime() - LAST_USED_EVERY_MS);
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now, lastUsedIp: ip })
      .where(and(eq(apiKeys.id, key.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, since))));
    return { ...key, lastUsedAt: now, lastUsedIp: ip };
  } catch (error) {
    logger.warn({ err: error, apiKeyId: key.id }, "could not record an API key's last use");
    return key;
  }
}
