import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * Every table of Mailpak, in one file (saas-starter's layout). Change it, then run
 * `npm run db:generate` to write the migration; migrations are applied at every start.
 */

export const ROLES = ["admin", "staff", "customer"] as const;
export type Role = (typeof ROLES)[number];

export const AUDIT_OUTCOMES = ["ok", "failed", "unknown"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/** A reseller's customer: a business whose domains' email the reseller manages or lets it manage. */
export const customers = pgTable("customers", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  contactName: text("contact_name").notNull().default(""),
  contactEmail: text("contact_email").notNull().default(""),
  contactPhone: text("contact_phone").notNull().default(""),
  notes: text("notes").notNull().default(""),
  // What the reseller lets this customer do in the portal (besides seeing its own domains).
  canManageMailboxes: boolean("can_manage_mailboxes").notNull().default(true),
  canToggleAutoRenew: boolean("can_toggle_auto_renew").notNull().default(false),
  canPurchase: boolean("can_purchase").notNull().default(false),
  canRenew: boolean("can_renew").notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    customerId: uuid("customer_id").references(() => customers.id, { onDelete: "cascade" }),
    passwordHash: text("password_hash").notNull(),
    disabled: boolean("disabled").notNull().default(false),
    // Bumped to sign the user out everywhere: sessions carry the version they were issued with.
    sessionVersion: integer("session_version").notNull().default(1),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    failedSignIns: integer("failed_sign_ins").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    // TOTP secret, encrypted with a key derived from AUTH_SECRET; null until enrolled.
    totpSecret: text("totp_secret"),
    totpEnabled: boolean("totp_enabled").notNull().default(false),
    // SHA-256 hashes of unused recovery codes.
    recoveryCodeHashes: jsonb("recovery_code_hashes").$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex("users_email_lower_unique").on(sql`lower(${table.email})`),
    index("users_customer_idx").on(table.customerId),
    // A customer's user always belongs to a customer; staff never do.
    check(
      "users_customer_matches_role",
      sql`(${table.role} = 'customer') = (${table.customerId} is not null)`,
    ),
  ],
);

/** Which customer owns a domain; a domain belongs to at most one customer. */
export const customerDomains = pgTable(
  "customer_domains",
  {
    domain: text("domain").primaryKey(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (table) => [index("customer_domains_customer_idx").on(table.customerId)],
);

/** Every change made through Mailpak, with its true outcome. Append-only; never holds a password. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id"),
    actorEmail: text("actor_email").notNull(),
    actorRole: text("actor_role").notNull(),
    ip: text("ip").notNull().default(""),
    userAgent: text("user_agent").notNull().default(""),
    action: text("action").notNull(),
    domain: text("domain"),
    pakId: text("pak_id"),
    mailbox: text("mailbox"),
    targetUserId: uuid("target_user_id"),
    targetCustomerId: uuid("target_customer_id"),
    outcome: text("outcome", { enum: AUDIT_OUTCOMES }).notNull(),
    summary: text("summary").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    enomTrackingKey: text("enom_tracking_key"),
    enomOrderId: text("enom_order_id"),
    enomError: text("enom_error"),
  },
  (table) => [
    index("audit_log_at_idx").on(table.at),
    index("audit_log_domain_idx").on(table.domain),
    index("audit_log_actor_idx").on(table.actorEmail),
    index("audit_log_action_idx").on(table.action),
  ],
);

/** Reseller-wide settings edited in the panel (branding, price list), one JSON value per key. */
export const appSettings = pgTable("app_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: updatedAt(),
});

export type UserRow = typeof users.$inferSelect;
export type CustomerRow = typeof customers.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;
