import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * Every table of Mailpak, in one file (saas-starter's layout). Change it, then run
 * `npm run db:generate` to write the migration; migrations are applied at every start.
 */

export const ROLES = ["admin", "staff", "support", "customer"] as const;
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
  canCreateMailboxes: boolean("can_create_mailboxes").notNull().default(true),
  // Reset passwords, delete mailboxes, forwarding, catch-all and eNom's webmail-admin flag.
  canManageMailboxes: boolean("can_manage_mailboxes").notNull().default(true),
  canToggleAutoRenew: boolean("can_toggle_auto_renew").notNull().default(false),
  canPurchase: boolean("can_purchase").notNull().default(false),
  canRenew: boolean("can_renew").notNull().default(false),
  // The most the customer's own purchases and renewals may cost at retail in a calendar month
  // (UTC), in cents; null: no limit.
  monthlySpendLimitCents: integer("monthly_spend_limit_cents"),
  // Each purchase or renewal the customer asks for waits in the staff's approval queue first.
  purchaseApproval: boolean("purchase_approval").notNull().default(false),
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
    // The time step of the last code accepted: a code is good once, even inside its 30 s window.
    totpLastStep: bigint("totp_last_step", { mode: "number" }),
    // SHA-256 hashes of unused recovery codes.
    recoveryCodeHashes: jsonb("recovery_code_hashes").$type<string[]>().notNull().default([]),
    // A customer's administrator may invite and remove colleagues of the same customer.
    customerAdmin: boolean("customer_admin").notNull().default(false),
    // The kinds of notification this user also wants by email (they are always in the panel).
    notificationEmails: jsonb("notification_emails").$type<string[]>().notNull().default([]),
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

/**
 * A purchase, growth or renewal submitted from a wizard, keyed by the idempotency key the wizard
 * generated. The row is written before eNom is called, so a repeated submit (double click, second
 * tab, retry, another panel instance) finds it and gets the first attempt's result instead of
 * buying again. `unknown` means eNom's answer was lost after it may have acted: the attempt is
 * reconciled by reading eNom before anything else is allowed.
 */
export const PURCHASE_KINDS = ["purchase", "add-mailboxes", "add-storage", "renew"] as const;
export type PurchaseKind = (typeof PURCHASE_KINDS)[number];
export const PURCHASE_STATUSES = ["pending", "ok", "failed", "unknown"] as const;
export type PurchaseStatus = (typeof PURCHASE_STATUSES)[number];

export const purchaseAttempts = pgTable(
  "purchase_attempts",
  {
    /** The wizard's idempotency key (one per pak for a bulk renewal: `<key>:<bundleId>`). */
    key: text("key").primaryKey(),
    /** Groups the attempts of one bulk renewal. */
    batchKey: text("batch_key"),
    kind: text("kind", { enum: PURCHASE_KINDS }).notNull(),
    status: text("status", { enum: PURCHASE_STATUSES }).notNull().default("pending"),
    actorId: uuid("actor_id").notNull(),
    actorEmail: text("actor_email").notNull(),
    actorRole: text("actor_role").notNull(),
    customerId: uuid("customer_id"),
    domain: text("domain").notNull(),
    pakId: text("pak_id"),
    /** What was asked for, normalised (never a secret). */
    request: jsonb("request").$type<Record<string, unknown>>().notNull(),
    /** What eNom showed before the call, to reconcile an unknown outcome. */
    before: jsonb("before").$type<Record<string, unknown>>().notNull().default({}),
    /** What the user is shown: order id, bundle id, new expiry, amounts. */
    result: jsonb("result").$type<Record<string, unknown>>().notNull().default({}),
    message: text("message").notNull().default(""),
    /** How an unknown outcome was settled: eNom showed it made, or not made. */
    reconciliation: text("reconciliation", { enum: ["made", "not-made"] }),
    costCents: integer("cost_cents"),
    retailCents: integer("retail_cents"),
    enomOrderId: text("enom_order_id"),
    enomTrackingKey: text("enom_tracking_key"),
    enomError: text("enom_error"),
    /**
     * What is bought, made by the server from the request (lib/purchases/gate.ts): the same thing
     * asked for again within the window, from any tab, device or person, finds this attempt.
     */
    fingerprint: text("fingerprint"),
    /** The earlier attempt this one was bought over, on purpose, with a server-issued confirmation. */
    repeatOf: text("repeat_of"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index("purchase_attempts_domain_idx").on(table.domain),
    index("purchase_attempts_status_idx").on(table.status),
    index("purchase_attempts_batch_idx").on(table.batchKey),
    index("purchase_attempts_fingerprint_idx").on(table.fingerprint, table.createdAt),
    // The order history pages through every attempt, newest first.
    index("purchase_attempts_created_idx").on(table.createdAt, table.key),
  ],
);

/**
 * "Buy again on purpose": issued by the server after it showed the earlier order, for that person,
 * that order and those earlier attempts; used once (only the token's hash is kept).
 */
export const purchaseConfirmations = pgTable("purchase_confirmations", {
  tokenHash: text("token_hash").primaryKey(),
  actorId: uuid("actor_id").notNull(),
  fingerprint: text("fingerprint").notNull(),
  /** The earlier attempts the person was shown, and confirmed buying again over. */
  earlierKeys: jsonb("earlier_keys").$type<string[]>().notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  /** The attempt (or renewal batch) it bought. */
  usedFor: text("used_for"),
  createdAt: createdAt(),
});

/** An invitation for a colleague to join a customer's portal; only the token's hash is kept. */
export const customerInvitations = pgTable(
  "customer_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name").notNull().default(""),
    // The invitee joins as an administrator of the team (invite and remove colleagues) when set.
    asAdmin: boolean("as_admin").notNull().default(false),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("customer_invitations_token_unique").on(table.tokenHash),
    index("customer_invitations_customer_idx").on(table.customerId),
  ],
);

/** A one-time password reset link; only the token's hash is kept. */
export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex("password_reset_tokens_token_unique").on(table.tokenHash)],
);

/**
 * Sessions ended by signing out. Sessions are JWTs, so a copied cookie would outlive its sign-out;
 * each token carries a session id, and an id listed here is refused on every request. A row may go
 * once `expiresAt` (the token's absolute lifetime) has passed.
 */
export const endedSessions = pgTable(
  "ended_sessions",
  {
    sessionId: uuid("session_id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    endedAt: timestamp("ended_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("ended_sessions_expires_idx").on(table.expiresAt)],
);

/** Renewal reminders already sent, so each (pak, expiry, days before) is mailed once. */
export const renewalReminders = pgTable(
  "renewal_reminders",
  {
    domain: text("domain").notNull(),
    bundleId: text("bundle_id").notNull(),
    expires: text("expires").notNull(),
    daysBefore: integer("days_before").notNull(),
    customerId: uuid("customer_id"),
    recipients: jsonb("recipients").$type<string[]>().notNull().default([]),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.domain, table.bundleId, table.expires, table.daysBefore] })],
);

/**
 * Storage alerts: one row per mailbox that crossed the nearly-full threshold (lib/storage-alerts),
 * so its customer's administrators are emailed once per crossing. The row is deleted when the
 * mailbox drops back below the clearing threshold (or is deleted), so a later crossing alerts
 * again. `user_name` is spelt as the mirror spells it; `emailed_at` stays null until an email went
 * out (a domain without a customer, or a customer without an administrator, is emailed later).
 */
export const storageAlerts = pgTable(
  "storage_alerts",
  {
    domain: text("domain").notNull(),
    userName: text("user_name").notNull(),
    address: text("address").notNull(),
    /** Usage when the crossing was recorded (whole per cent, MB used and quota). */
    percent: integer("percent").notNull(),
    quotaUsedMb: integer("quota_used_mb").notNull(),
    quotaMb: integer("quota_mb").notNull(),
    crossedAt: timestamp("crossed_at", { withTimezone: true }).notNull().defaultNow(),
    /** The customer emailed, and to whom; null and [] until then. */
    customerId: uuid("customer_id"),
    recipients: jsonb("recipients").$type<string[]>().notNull().default([]),
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.domain, table.userName] })],
);
export type StorageAlertRow = typeof storageAlerts.$inferSelect;

/**
 * Display names Mailpak gave mailboxes (SetUpPOP3User's DisplayNameX): eNom never returns them
 * (GetPOP3 has no such field), so the panel keeps its own copy. Written when eNom confirms a
 * create, removed when a delete is confirmed. `user_name` is lower-cased: eNom compares names
 * without case.
 */
export const mailboxDisplayNames = pgTable(
  "mailbox_display_names",
  {
    domain: text("domain").notNull(),
    userName: text("user_name").notNull(),
    displayName: text("display_name").notNull(),
    /** The user who created the mailbox with this name (null once that user is gone). */
    setBy: uuid("set_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: updatedAt(),
  },
  (table) => [primaryKey({ columns: [table.domain, table.userName] })],
);

export type PurchaseAttemptRow = typeof purchaseAttempts.$inferSelect;
export type CustomerInvitationRow = typeof customerInvitations.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type CustomerRow = typeof customers.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;
export type MailboxDisplayNameRow = typeof mailboxDisplayNames.$inferSelect;

/*
 * The account mirror: what eNom last said about the account's domains, paks, mailboxes and
 * forwards, so that no page view waits on eNom (a 10,000-domain account needs 100+ GetDomains
 * pages). Each row carries when eNom was read; a row is rewritten whole from each read, never
 * edited by hand. Never a password: GetPOP3 sends them, the mirror drops them.
 */

/** One domain of the account (GetDomains), with when its email was last read. */
export const mirrorDomains = pgTable(
  "mirror_domains",
  {
    /** Lower-case `sld.tld`. */
    domain: text("domain").primaryKey(),
    /** When the full domain list last included it (null: known only from a purchase or a view). */
    listedAt: timestamp("listed_at", { withTimezone: true }),
    /** Which GetDomains tab listed it: registered with the account (IOwn) or on its DNS hosting (IHost). */
    hosting: text("hosting", { enum: ["Registered", "DNSHosted"] }),
    /** Whether GetPOP3 lists at least one pak; null until read. */
    hasEmail: boolean("has_email"),
    /** When GetPOP3 was last read successfully (paks and mailboxes are from then). */
    emailReadAt: timestamp("email_read_at", { withTimezone: true }),
    /** Where mail to unknown addresses goes (GetCatchAll), and when that was read. */
    catchAll: text("catch_all"),
    catchAllReadAt: timestamp("catch_all_read_at", { withTimezone: true }),
    /** When GetPOPForwarding was last read successfully. */
    forwardingReadAt: timestamp("forwarding_read_at", { withTimezone: true }),
    /** The latest read's failure, for the user ("eNom did not answer"); null after a success. */
    readError: text("read_error"),
    readErrorAt: timestamp("read_error_at", { withTimezone: true }),
    /** The full sync that last saw the domain in the list; older ones were removed from the account. */
    syncGeneration: bigint("sync_generation", { mode: "number" }),
    /*
     * The domain's figures for the domains list, written with its paks and mailboxes in one
     * transaction: a list of 10,000 domains pages and counts one table instead of aggregating
     * every pak and mailbox of the account on each view.
     */
    pakCount: integer("pak_count").notNull().default(0),
    /** Every pak's expiry (ISO dates, soonest first): the nearest, and whether one falls in a window. */
    pakExpiries: text("pak_expiries")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    mailboxesPurchased: integer("mailboxes_purchased"),
    mailboxesUsed: integer("mailboxes_used"),
    fullPaks: integer("full_paks"),
    /** The distinct mailbox quotas of its paks (MB), smallest first. */
    quotasMb: integer("quotas_mb").array(),
    autoRenewOn: integer("auto_renew_on"),
    storageUsedMb: integer("storage_used_mb"),
    /** Every mailbox said how much it uses. */
    storageKnown: boolean("storage_known"),
  },
  (table) => [
    index("mirror_domains_email_read_idx").on(table.emailReadAt),
    index("mirror_domains_generation_idx").on(table.syncGeneration),
  ],
);

/** One pak of a domain (GetPOP3's pak rows), as last read. */
export const mirrorPaks = pgTable(
  "mirror_paks",
  {
    domain: text("domain")
      .notNull()
      .references(() => mirrorDomains.domain, { onDelete: "cascade" }),
    bundleId: integer("bundle_id").notNull(),
    capacityGb: integer("capacity_gb"),
    quotaMb: integer("quota_mb"),
    purchased: integer("purchased").notNull(),
    available: integer("available").notNull(),
    /** ISO calendar date. */
    expires: text("expires").notNull(),
    autoRenew: boolean("auto_renew").notNull(),
    prodType: integer("prod_type"),
    readAt: timestamp("read_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.domain, table.bundleId] }),
    index("mirror_paks_expires_idx").on(table.expires),
  ],
);

/** One mailbox (GetPOP3's user rows), as last read; never its password. */
export const mirrorMailboxes = pgTable(
  "mirror_mailboxes",
  {
    domain: text("domain")
      .notNull()
      .references(() => mirrorDomains.domain, { onDelete: "cascade" }),
    /** As eNom spells it; one row per name in any case, since eNom compares names without case. */
    userName: text("user_name").notNull(),
    /** userName@domain, lower-case, for search. */
    address: text("address").notNull(),
    bundleId: integer("bundle_id"),
    isAdmin: boolean("is_admin").notNull(),
    quotaMb: integer("quota_mb"),
    quotaUsedMb: integer("quota_used_mb"),
    expires: text("expires"),
    readAt: timestamp("read_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.domain, table.userName] }),
    index("mirror_mailboxes_address_idx").on(table.address),
  ],
);

/** One forward (GetPOPForwarding), as last read. */
export const mirrorForwards = pgTable(
  "mirror_forwards",
  {
    domain: text("domain")
      .notNull()
      .references(() => mirrorDomains.domain, { onDelete: "cascade" }),
    userName: text("user_name").notNull(),
    forwardTo: text("forward_to").notNull(),
    active: boolean("active").notNull(),
    readAt: timestamp("read_at", { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.domain, table.userName] })],
);

/**
 * The account-wide expiry list (GetPOPExpirations), as the last full sync read it: it names paks
 * whose domain could not be read (GetPOP3 failed), so the expirations page never loses a pak
 * that is about to expire. Rewritten whole by each sync.
 */
export const mirrorExpirations = pgTable(
  "mirror_expirations",
  {
    domain: text("domain")
      .notNull()
      .references(() => mirrorDomains.domain, { onDelete: "cascade" }),
    bundleId: integer("bundle_id").notNull(),
    /** ISO calendar date. */
    expires: text("expires").notNull(),
    /** Only eNom's Text format says it; null when eNom did not. */
    autoRenew: boolean("auto_renew"),
    readAt: timestamp("read_at", { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.domain, table.bundleId] })],
);

/** Mirror-wide facts: the last full sync's generation, start and end. */
export const mirrorSyncs = pgTable("mirror_syncs", {
  generation: bigserial("generation", { mode: "number" }).primaryKey(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
  domainsListed: integer("domains_listed"),
  domainsRead: integer("domains_read"),
  enomCalls: integer("enom_calls"),
  error: text("error"),
});

/*
 * Jobs: long eNom work (batches, bulk resets and deletes, renewals of a selection, syncs,
 * reminders) runs on pg-boss in the same PostgreSQL; these tables are what the user sees of it:
 * one run per job with its progress, one row per item with that item's true outcome.
 */
export const JOB_STATUSES = ["queued", "running", "done", "failed", "cancelled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const JOB_ITEM_STATUSES = ["pending", "running", "ok", "failed", "unknown", "skipped"] as const;
export type JobItemStatus = (typeof JOB_ITEM_STATUSES)[number];

export const jobRuns = pgTable(
  "job_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The job's kind, e.g. "mailboxes.create", "mailboxes.reset-passwords", "paks.renew", "mirror.sync". */
    kind: text("kind").notNull(),
    status: text("status", { enum: JOB_STATUSES }).notNull().default("queued"),
    /** What the activity view shows, e.g. "Create 300 mailboxes on example.com". */
    title: text("title").notNull(),
    /** Who started it (null for the schedule). */
    actorId: uuid("actor_id"),
    actorEmail: text("actor_email"),
    actorRole: text("actor_role"),
    /** The customer whose domain it touches, so customers see their own jobs only. */
    customerId: uuid("customer_id"),
    domain: text("domain"),
    total: integer("total").notNull().default(0),
    succeeded: integer("succeeded").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    unknown: integer("unknown").notNull().default(0),
    /** The whole job's failure, when it could not run at all. */
    error: text("error"),
    createdAt: createdAt(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (table) => [
    index("job_runs_created_idx").on(table.createdAt),
    index("job_runs_customer_idx").on(table.customerId, table.createdAt),
  ],
);

export const jobItems = pgTable(
  "job_items",
  {
    jobId: uuid("job_id")
      .notNull()
      .references(() => jobRuns.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    /** What the item is, for people: an address, a pak. */
    label: text("label").notNull(),
    status: text("status", { enum: JOB_ITEM_STATUSES }).notNull().default("pending"),
    /** The item's input; secrets in it (a new password) are sealed (lib/auth/secret-box) and cleared when done. */
    input: jsonb("input").$type<Record<string, unknown>>().notNull().default({}),
    message: text("message").notNull().default(""),
    /** Reads retried so far. A write is sent at most once: `sentAt` set means never again. */
    attempts: integer("attempts").notNull().default(0),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.jobId, table.seq] })],
);

export type MirrorDomainRow = typeof mirrorDomains.$inferSelect;
export type MirrorPakRow = typeof mirrorPaks.$inferSelect;
export type MirrorMailboxRow = typeof mirrorMailboxes.$inferSelect;
export type MirrorForwardRow = typeof mirrorForwards.$inferSelect;
export type MirrorExpirationRow = typeof mirrorExpirations.$inferSelect;
export type JobRunRow = typeof jobRuns.$inferSelect;
export type JobItemRow = typeof jobItems.$inferSelect;

/** A name staff give a pak ("Sales team"), shown beside eNom's BundleID; panel-side only. */
export const pakNicknames = pgTable(
  "pak_nicknames",
  {
    domain: text("domain").notNull(),
    bundleId: integer("bundle_id").notNull(),
    nickname: text("nickname").notNull(),
    setBy: uuid("set_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: updatedAt(),
  },
  (table) => [primaryKey({ columns: [table.domain, table.bundleId] })],
);
export type PakNicknameRow = typeof pakNicknames.$inferSelect;

/**
 * A purchase or renewal a customer asked for while its reseller wants to approve each one
 * (`customers.purchase_approval`): it waits here; approving it places the order through the same
 * never-twice path as the wizard (`attempt_key` is the idempotency key used, set once).
 */
export const PURCHASE_REQUEST_STATUSES = ["waiting", "approved", "declined", "withdrawn"] as const;
export type PurchaseRequestStatus = (typeof PURCHASE_REQUEST_STATUSES)[number];

export const purchaseRequests = pgTable(
  "purchase_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    requestedBy: uuid("requested_by").references(() => users.id, { onDelete: "set null" }),
    requestedByEmail: text("requested_by_email").notNull(),
    kind: text("kind", { enum: PURCHASE_KINDS }).notNull(),
    domain: text("domain").notNull(),
    request: jsonb("request").notNull(),
    retailCents: integer("retail_cents"),
    status: text("status", { enum: PURCHASE_REQUEST_STATUSES }).notNull().default("waiting"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note").notNull().default(""),
    attemptKey: text("attempt_key"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index("purchase_requests_status_idx").on(table.status, table.createdAt),
    index("purchase_requests_customer_idx").on(table.customerId, table.createdAt),
    uniqueIndex("purchase_requests_attempt_unique").on(table.attemptKey),
  ],
);
export type PurchaseRequestRow = typeof purchaseRequests.$inferSelect;

/** Something a staff user should know (low balance, a failed auto-renewal, a customer's purchase). */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    href: text("href"),
    // One notification per user and event (a retried job does not notify twice).
    dedupeKey: text("dedupe_key").notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("notifications_user_dedupe_unique").on(table.userId, table.dedupeKey),
    index("notifications_user_created_idx").on(table.userId, table.createdAt),
  ],
);
export type NotificationRow = typeof notifications.$inferSelect;

/** The account's size once a day, for the dashboard's "over time" charts (taken after a sync). */
export const accountSnapshots = pgTable("account_snapshots", {
  day: text("day").primaryKey(),
  domains: integer("domains").notNull(),
  domainsWithEmail: integer("domains_with_email").notNull(),
  paks: integer("paks").notNull(),
  mailboxes: integer("mailboxes").notNull(),
  mailboxesPurchased: integer("mailboxes_purchased").notNull(),
  storageUsedMb: bigint("storage_used_mb", { mode: "number" }).notNull(),
  takenAt: timestamp("taken_at", { withTimezone: true }).notNull().defaultNow(),
});
export type AccountSnapshotRow = typeof accountSnapshots.$inferSelect;

export const MAIL_HEALTH_STATUSES = ["green", "amber", "red", "unknown"] as const;

/**
 * Each domain's latest mail-delivery check (lib/mail-health): MX, SPF, DKIM, DMARC and eNom's
 * email service, from real DNS answers and GetMailHosts. Pages read it; a job checks again.
 */
export const domainMailHealth = pgTable(
  "domain_mail_health",
  {
    /** Lower-case `sld.tld`. */
    domain: text("domain").primaryKey(),
    status: text("status", { enum: MAIL_HEALTH_STATUSES }).notNull(),
    /** The evaluation (lib/mail-health/evaluate.ts `MailHealth`): each check and the DNS answers. */
    health: jsonb("health").notNull(),
    /** Whether eNom hosts the domain's DNS (GetDNS), so a fix can be written; null: not known. */
    dnsAtProvider: boolean("dns_at_provider"),
    checkedAt: timestamp("checked_at", { withTimezone: true }).notNull(),
    /** The status before the latest check: a change is news (notifications, webhooks). */
    previousStatus: text("previous_status", { enum: MAIL_HEALTH_STATUSES }),
  },
  (table) => [index("domain_mail_health_status_idx").on(table.status, table.domain)],
);
export type DomainMailHealthRow = typeof domainMailHealth.$inferSelect;

// ── The reseller's business: API keys, webhooks, the ledger (issue 18) ─────────────────────────

/** What an API key may do; each scope maps onto the panel's permissions (lib/api/scopes.ts). */
export const API_SCOPES = [
  "read",
  "mailboxes",
  "aliases",
  "paks",
  "purchases",
  "customers",
  "audit",
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/**
 * A key for the public API (/api/v1): a staff key (`customer_id` null, acting with its creator's
 * role) or a customer key (limited to that customer's domains and allowances). Only the secret's
 * SHA-256 is kept; `prefix` is the public part shown in lists and logs (`mpk_<prefix>_<secret>`).
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    secretHash: text("secret_hash").notNull(),
    /** Who made it; a staff key acts with this user's role (and stops when they are disabled). */
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdByEmail: text("created_by_email").notNull(),
    /** A customer key: only this customer's domains, within its allowances. */
    customerId: uuid("customer_id").references(() => customers.id, { onDelete: "cascade" }),
    scopes: jsonb("scopes").$type<ApiScope[]>().notNull(),
    /** CIDR ranges calls may come from; empty: anywhere. */
    allowedIps: jsonb("allowed_ips").$type<string[]>().notNull().default([]),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    lastUsedIp: text("last_used_ip"),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedByEmail: text("revoked_by_email"),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("api_keys_prefix_unique").on(table.prefix),
    index("api_keys_customer_idx").on(table.customerId, table.createdAt),
  ],
);
export type ApiKeyRow = typeof apiKeys.$inferSelect;

export const WEBHOOK_EVENTS = [
  "mailbox.created",
  "mailbox.deleted",
  "pak.purchased",
  "pak.renewed",
  "pak.expiring",
  "pak.expired",
  "purchase.unknown",
  "purchase.reconciled",
  "storage.nearly_full",
  "mail_health.changed",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** An address an admin registered to receive events; its signing secret is sealed (secret-box). */
export const webhookEndpoints = pgTable("webhook_endpoints", {
  id: uuid("id").primaryKey().defaultRandom(),
  url: text("url").notNull(),
  description: text("description").notNull().default(""),
  events: jsonb("events").$type<WebhookEvent[]>().notNull(),
  sealedSecret: text("sealed_secret").notNull(),
  enabled: boolean("enabled").notNull().default(true),
  createdByEmail: text("created_by_email").notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;

export const WEBHOOK_DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/**
 * One event for one endpoint: sent by a durable job, retried with backoff until delivered or given
 * up. `event_id` is the same for every endpoint that gets the event (receivers dedupe on it).
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    eventId: uuid("event_id").notNull(),
    eventType: text("event_type").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("webhook_deliveries_event_endpoint_unique").on(table.eventId, table.endpointId),
    index("webhook_deliveries_endpoint_idx").on(table.endpointId, table.createdAt),
    index("webhook_deliveries_status_idx").on(table.status, table.nextAttemptAt),
  ],
);
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;

/**
 * Every eNom debit Mailpak caused (a purchase, growth or renewal that eNom made), with what the
 * customer owes for it: one row per purchase attempt, written when the attempt is known made.
 */
export const ledgerEntries = pgTable(
  "ledger_entries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    attemptKey: text("attempt_key").notNull(),
    customerId: uuid("customer_id").references(() => customers.id, { onDelete: "set null" }),
    domain: text("domain").notNull(),
    kind: text("kind", { enum: PURCHASE_KINDS }).notNull(),
    description: text("description").notNull(),
    enomOrderId: text("enom_order_id"),
    enomTrackingKey: text("enom_tracking_key"),
    costCents: integer("cost_cents").notNull(),
    retailCents: integer("retail_cents").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("ledger_entries_attempt_unique").on(table.attemptKey),
    index("ledger_entries_customer_idx").on(table.customerId, table.occurredAt),
    index("ledger_entries_occurred_idx").on(table.occurredAt, table.id),
  ],
);
export type LedgerEntryRow = typeof ledgerEntries.$inferSelect;

/** A customer's own retail prices, over the price list's (null fields fall back to it). */
export const customerPrices = pgTable("customer_prices", {
  customerId: uuid("customer_id")
    .primaryKey()
    .references(() => customers.id, { onDelete: "cascade" }),
  /** The price list's `retail` shape (lib/pricing/price-list.ts `Prices`). */
  retail: jsonb("retail").notNull(),
  updatedByEmail: text("updated_by_email").notNull(),
  updatedAt: updatedAt(),
});
