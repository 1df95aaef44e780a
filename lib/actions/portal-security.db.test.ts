import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import * as tables from "@/lib/db/schema";
import { createEnomClient } from "@/lib/enom/client";
import { startEnomSimulator, type RunningSimulator } from "@/lib/enom-sim/server";
import { logger } from "@/lib/logger";
import { runFullSync } from "@/lib/mirror/sync";
import { getPriceList } from "@/lib/pricing/settings";
import { auditAfter, lastAuditId } from "@/test/audit";
import { testEnom } from "@/test/enom-mock";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs } from "@/test/session-mock";
import { simHarness } from "@/test/sim-harness";
import { createAliasAction, deleteAliasAction, editAliasAction, importAliasesAction } from "./aliases";
import { setAutoRenewBulkAction } from "./auto-renew";
import { removeLogoAction, saveBrandingAction, uploadLogoAction } from "./branding";
import {
  createCustomerAction,
  createCustomerLoginAction,
  deleteCustomerAction,
  revokeCustomerInvitationAction,
  setCustomerDomainsAction,
  updateCustomerAction,
} from "./customers";
import { cancelJobAction } from "./jobs";
import {
  createMailboxesAction,
  deleteMailboxesAction,
  removeMailboxForwardingAction,
  resetMailboxPasswordsAction,
  setMailboxAdminAction,
  setMailboxDisplayNameAction,
  setMailboxForwardingAction,
  startCreateMailboxesJobAction,
  startDeleteMailboxesJobAction,
  startResetPasswordsJobAction,
} from "./mailboxes";
import { markNotificationReadAction } from "./notifications";
import { applyMailFixAction, checkMailHealthAction } from "./mail-health";
import { deletePakAction, setCatchAllAction, setPakAutoRenewAction, setPakNicknameAction } from "./paks";
import {
  approveRequestAction,
  declineRequestAction,
  requestPurchaseAction,
  requestRenewalAction,
  withdrawRequestAction,
} from "./purchase-requests";
import {
  listPurchasesRoute,
  quotePurchaseRoute,
  quoteRenewalRoute,
  readPurchaseRoute,
  searchPurchaseDomainsRoute,
} from "@/lib/purchases/read-routes.testing";
import { startPortalPreviewAction } from "./portal-preview";
import { createApiKeyAction, revokeApiKeyAction, revokePortalApiKeyAction } from "./api-keys";
import { revertToListPricesAction, saveCustomerPricesAction } from "./ledger";
import { savePriceListAction } from "./pricing";
import { saveSecuritySettingsAction } from "./security-settings";
import {
  createWebhookEndpointAction,
  deleteWebhookEndpointAction,
  resendWebhookDeliveryAction,
  rollWebhookSecretAction,
  sendTestWebhookAction,
  setWebhookEndpointEnabledAction,
  updateWebhookEndpointAction,
} from "./webhooks";
import { checkAttemptAction, purchaseAction, renewAction } from "./purchases";
import type { ActionResult } from "./result";
import {
  inviteColleagueAction,
  inviteCustomerLoginAction,
  removeColleagueAction,
  resendCustomerInvitationAction,
  resendInvitationAction,
  revokeInvitationAction,
  setColleagueAdminAction,
} from "./team";
import {
  changeUserRoleAction,
  createStaffUserAction,
  disableUserAction,
  enableUserAction,
  resetUserPasswordAction,
  signOutEverywhereAction,
  unlockUserAction,
} from "./users";

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("@/lib/enom", async (original) => (await import("@/test/enom-mock")).withTestClient(original));

/**
 * The portal's security matrix (issue 8): a login of customer A, with every allowance and as its
 * team's administrator, calls every server action a customer can reach with customer B's domain,
 * B's pak (with B's domain, and smuggled in with A's own domain), B's mailbox, B's users,
 * invitation and purchases; and every staff-only action. Each call answers "not found" (the
 * staff-only ones the same, or the refusal of a permission A does not have), sends no write to
 * eNom (the simulator's call log), changes nothing of B's (the simulator's truth and every table),
 * and leaves an audit entry of A's attempt: outcome failed, `details.refused`.
 */

const A_DOMAIN = "saffron-movers.biz"; // pak 600018 in the seed
const A_PAK = 600018;
const B_DOMAIN = "magnolia-nursery.com"; // pak 600074 with the mailboxes orders (forwarding) and bookings
const B_PAK = 600074;
const B_MAILBOX = "orders";

let sim: RunningSimulator;
const simulator = simHarness(() => sim);
let loginA: SessionUser;
let loginB: SessionUser;
let customerB: { id: string; name: string };
let colleagueB: SessionUser;
let invitationB = "";
let purchaseKeyB = "";
let renewalKeyB = "";
let jobB = "";
let requestB = "";

const ALL_ALLOWANCES = {
  canCreateMailboxes: true,
  canManageMailboxes: true,
  canToggleAutoRenew: true,
  canPurchase: true,
  canRenew: true,
};

async function customerLogin(email: string, customerId: string, name: string): Promise<SessionUser> {
  const user = await createTestUser({ email, role: "customer", customerId });
  const db = await getDb();
  await db.update(tables.users).set({ customerAdmin: true }).where(eq(tables.users.id, user.id));
  return { ...user, customerName: name, customer: { ...ALL_ALLOWANCES } };
}

async function withApproval<T>(login: SessionUser, call: () => Promise<T>): Promise<T> {
  const db = await getDb();
  const customer = eq(tables.customers.id, login.customerId ?? "");
  const [before] = await db
    .select({ updatedAt: tables.customers.updatedAt })
    .from(tables.customers)
    .where(customer);
  await db.update(tables.customers).set({ purchaseApproval: true }).where(customer);
  try {
    return await call();
  } finally {
    // Put the row back exactly, so the probe's "no row changed" holds.
    await db
      .update(tables.customers)
      .set({ purchaseApproval: false, updatedAt: before?.updatedAt })
      .where(customer);
  }
}

/** Every row of every table but the audit log. */
async function snapshot(): Promise<string> {
  const db = await getDb();
  const all = [
    tables.users,
    tables.customers,
    tables.customerDomains,
    tables.appSettings,
    tables.purchaseAttempts,
    tables.customerInvitations,
    tables.passwordResetTokens,
    tables.renewalReminders,
    tables.jobRuns,
    tables.jobItems,
    tables.purchaseRequests,
    tables.pakNicknames,
    tables.mailboxDisplayNames,
    tables.notifications,
  ];
  // Each table's rows in a fixed order: an update may move a row in PostgreSQL's own order.
  const tablesRows = await Promise.all(all.map((table) => db.select().from(table)));
  return JSON.stringify(tablesRows.map((rows) => rows.map((row) => JSON.stringify(row)).sort()));
}

const uuid = () => crypto.randomUUID();
const NOT_FOUND = /was not found\.$/;
const NOT_ENABLED = /has not enabled this/;

interface Probe {
  name: string;
  call: () => Promise<ActionResult<unknown>>;
  /** What the answer says: "not found" unless a permission A lacks is the refusal. */
  expect?: RegExp;
  /** A bulk action answers per item: every item "not found", nothing done. */
  perItem?: boolean;
  /** What the refusal's audit entry says was aimed at. */
  aims?: {
    domain?: string;
    pakId?: string | null;
    mailbox?: string;
    targetUserId?: string;
    targetCustomerId?: string;
  };
}

function probes(): Probe[] {
  // A password eNom's current rule takes, so the schema lets the probe reach the access check.
  const mailbox = { userName: "intruder", password: "Harbor-7Lantern" };
  const logo = new FormData();
  logo.set("logo", new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], "logo.png", { type: "image/png" }));
  return [
    // Mailboxes: B's domain, and B's pak under A's own domain. ModifyPOP3 and DeletePOP3 name no
    // pak, so a change of B's mailbox can only name B's domain (see the smuggling test below).
    {
      name: "create mailboxes on B's domain",
      call: () => createMailboxesAction({ domain: B_DOMAIN, bundleId: B_PAK, mailboxes: [mailbox] }),
      aims: { domain: B_DOMAIN, pakId: String(B_PAK), mailbox: "intruder" },
    },
    {
      name: "create mailboxes in B's pak via A's domain",
      call: () => createMailboxesAction({ domain: A_DOMAIN, bundleId: B_PAK, mailboxes: [mailbox] }),
      aims: { domain: A_DOMAIN, pakId: String(B_PAK), mailbox: "intruder" },
    },
    {
      name: "make B's mailbox an admin",
      call: () => setMailboxAdminAction({ domain: B_DOMAIN, userNames: [B_MAILBOX], isAdmin: true }),
      aims: { domain: B_DOMAIN, pakId: null, mailbox: B_MAILBOX },
    },
    {
      name: "reset B's mailbox password",
      call: () =>
        resetMailboxPasswordsAction({
          domain: B_DOMAIN,
          items: [{ userName: B_MAILBOX, password: "Copper-9Meadow" }],
        }),
      aims: { domain: B_DOMAIN, mailbox: B_MAILBOX },
    },
    {
      name: "delete B's mailbox",
      call: () => deleteMailboxesAction({ domain: B_DOMAIN, userNames: [B_MAILBOX] }),
      aims: { domain: B_DOMAIN, mailbox: B_MAILBOX },
    },
    {
      name: "forward B's mailbox",
      call: () =>
        setMailboxForwardingAction({
          domain: B_DOMAIN,
          userName: B_MAILBOX,
          forwardTo: "thief@example.org",
          keepCopy: false,
        }),
      aims: { domain: B_DOMAIN, mailbox: B_MAILBOX },
    },
    {
      name: "stop B's mailbox forwarding",
      call: () => removeMailboxForwardingAction({ domain: B_DOMAIN, userName: B_MAILBOX }),
      aims: { domain: B_DOMAIN, mailbox: B_MAILBOX },
    },
    {
      name: "rename B's mailbox",
      call: () =>
        setMailboxDisplayNameAction({ domain: B_DOMAIN, userName: B_MAILBOX, displayName: "Pwned" }),
      aims: { domain: B_DOMAIN },
    },
    // The same changes as jobs (lists longer than one eNom call), and cancelling B's job.
    {
      name: "create mailboxes on B's domain as a job",
      call: () => startCreateMailboxesJobAction({ domain: B_DOMAIN, bundleId: B_PAK, mailboxes: [mailbox] }),
      aims: { domain: B_DOMAIN },
    },
    {
      name: "create mailboxes in B's pak via A's domain as a job",
      call: () => startCreateMailboxesJobAction({ domain: A_DOMAIN, bundleId: B_PAK, mailboxes: [mailbox] }),
      aims: { domain: A_DOMAIN },
    },
    {
      name: "reset B's mailbox password as a job",
      call: () =>
        startResetPasswordsJobAction({
          domain: B_DOMAIN,
          items: [{ userName: B_MAILBOX, password: "Copper-9Meadow" }],
        }),
      aims: { domain: B_DOMAIN },
    },
    {
      name: "delete B's mailbox as a job",
      call: () => startDeleteMailboxesJobAction({ domain: B_DOMAIN, userNames: [B_MAILBOX] }),
      aims: { domain: B_DOMAIN },
    },
    { name: "cancel B's job", call: () => cancelJobAction({ runId: jobB }) },
    // Paks and the catch-all.
    {
      name: "auto-renew of B's pak",
      call: () => setPakAutoRenewAction({ domain: B_DOMAIN, bundleId: B_PAK, autoRenew: false }),
    },
    {
      name: "auto-renew of B's pak via A's domain",
      call: () => setPakAutoRenewAction({ domain: A_DOMAIN, bundleId: B_PAK, autoRenew: false }),
      aims: { domain: A_DOMAIN, pakId: String(B_PAK) },
    },
    {
      name: "catch-all of B's domain",
      call: () => setCatchAllAction({ domain: B_DOMAIN, catchAll: "thief@example.org" }),
      aims: { domain: B_DOMAIN },
    },
    {
      name: "check the mail delivery of B's domain",
      call: () => checkMailHealthAction({ domain: B_DOMAIN }),
      aims: { domain: B_DOMAIN },
    },
    {
      name: "fix the mail DNS records of B's domain",
      call: () => applyMailFixAction({ domain: B_DOMAIN, fingerprint: "forged" }),
      aims: { domain: B_DOMAIN },
    },
    {
      name: "an alias on B's domain",
      call: () => createAliasAction({ domain: B_DOMAIN, alias: "thief", forwardTo: "thief@example.org" }),
      aims: { domain: B_DOMAIN },
    },
    {
      name: "edit B's mailbox forward as an alias",
      call: () => editAliasAction({ domain: B_DOMAIN, alias: B_MAILBOX, forwardTo: "thief@example.org" }),
      aims: { domain: B_DOMAIN },
    },
    {
      name: "delete B's mailbox forward as an alias",
      call: () => deleteAliasAction({ domain: B_DOMAIN, alias: B_MAILBOX }),
      aims: { domain: B_DOMAIN },
    },
    {
      name: "import aliases on B's domain",
      call: () =>
        importAliasesAction({ domain: B_DOMAIN, rows: [{ alias: "thief", forwardTo: "thief@example.org" }] }),
      aims: { domain: B_DOMAIN },
    },
    {
      name: "delete B's pak",
      call: () => deletePakAction({ domain: B_DOMAIN, bundleId: B_PAK, confirmation: B_DOMAIN }),
    },
    {
      name: "delete B's pak via A's domain (staff only)",
      call: () => deletePakAction({ domain: A_DOMAIN, bundleId: B_PAK, confirmation: A_DOMAIN }),
      expect: NOT_ENABLED,
    },
    {
      name: "delete A's own pak (staff only)",
      call: () => deletePakAction({ domain: A_DOMAIN, bundleId: A_PAK, confirmation: A_DOMAIN }),
      expect: NOT_ENABLED,
    },
    {
      name: "bulk auto-renew with B's pak",
      call: () =>
        setAutoRenewBulkAction({ items: [{ domain: B_DOMAIN, bundleId: B_PAK }], autoRenew: false }),
    },
    {
      name: "bulk auto-renew: A's pak and B's pak",
      call: () =>
        setAutoRenewBulkAction({
          items: [
            { domain: A_DOMAIN, bundleId: A_PAK },
            { domain: B_DOMAIN, bundleId: B_PAK },
          ],
          autoRenew: true,
        }),
    },
    {
      name: "bulk auto-renew: B's pak via A's domain",
      call: () =>
        setAutoRenewBulkAction({ items: [{ domain: A_DOMAIN, bundleId: B_PAK }], autoRenew: false }),
      perItem: true,
    },
    // Purchases and renewals (their reads are GET routes: see "the purchase reads" below).
    {
      name: "buy a pak for B's domain",
      call: () =>
        purchaseAction({
          idempotencyKey: uuid(),
          request: {
            kind: "purchase",
            domain: B_DOMAIN,
            quantityUnit: "boxes",
            quantity: 1,
            capacityGb: 1,
            billingPeriod: "year",
            terms: 1,
          },
        }),
    },
    {
      name: "add mailboxes to B's pak",
      call: () =>
        purchaseAction({
          idempotencyKey: uuid(),
          request: { kind: "add-mailboxes", domain: B_DOMAIN, bundleId: B_PAK, quantity: 1 },
        }),
    },
    {
      name: "add mailboxes to B's pak via A's domain",
      call: () =>
        purchaseAction({
          idempotencyKey: uuid(),
          request: { kind: "add-mailboxes", domain: A_DOMAIN, bundleId: B_PAK, quantity: 1 },
        }),
      aims: { domain: A_DOMAIN, pakId: String(B_PAK) },
    },
    {
      name: "add storage to B's pak via A's domain",
      call: () =>
        purchaseAction({
          idempotencyKey: uuid(),
          request: { kind: "add-storage", domain: A_DOMAIN, bundleId: B_PAK, units: 1 },
        }),
    },
    {
      name: "renew B's pak",
      call: () =>
        renewAction({
          idempotencyKey: uuid(),
          request: { items: [{ domain: B_DOMAIN, bundleId: B_PAK }], years: 1 },
        }),
      aims: { domain: B_DOMAIN, pakId: String(B_PAK) },
    },
    {
      name: "renew A's pak and B's pak",
      call: () =>
        renewAction({
          idempotencyKey: uuid(),
          request: {
            items: [
              { domain: A_DOMAIN, bundleId: A_PAK },
              { domain: B_DOMAIN, bundleId: B_PAK },
            ],
            years: 1,
          },
        }),
    },
    {
      name: "renew B's pak via A's domain",
      call: () =>
        renewAction({
          idempotencyKey: uuid(),
          request: { items: [{ domain: A_DOMAIN, bundleId: B_PAK }], years: 1 },
        }),
    },
    {
      name: "replay B's purchase key",
      call: () =>
        purchaseAction({
          idempotencyKey: purchaseKeyB,
          request: { kind: "add-mailboxes", domain: A_DOMAIN, bundleId: A_PAK, quantity: 1 },
        }),
    },
    { name: "check B's purchase", call: () => checkAttemptAction({ key: purchaseKeyB }) },
    // Requests for approval: sending one for B's domain or pak, and deciding B's request.
    {
      name: "ask to buy a pak for B's domain",
      call: () =>
        requestPurchaseAction({
          idempotencyKey: uuid(),
          request: {
            kind: "purchase",
            domain: B_DOMAIN,
            quantityUnit: "boxes",
            quantity: 1,
            capacityGb: 1,
            billingPeriod: "year",
            terms: 1,
          },
        }),
    },
    {
      name: "ask to renew B's pak via A's domain",
      // A's customer asks for approval for this one call, so the request reaches B's pak.
      call: () =>
        withApproval(loginA, () =>
          requestRenewalAction({
            idempotencyKey: uuid(),
            request: { items: [{ domain: A_DOMAIN, bundleId: B_PAK }], years: 1 },
          }),
        ),
    },
    { name: "withdraw B's request", call: () => withdrawRequestAction({ requestId: requestB }) },
    { name: "approve B's request (staff only)", call: () => approveRequestAction({ requestId: requestB }) },
    {
      name: "decline B's request (staff only)",
      call: () => declineRequestAction({ requestId: requestB, note: "No" }),
    },
    // Team: B's colleague and B's invitation.
    { name: "remove B's colleague", call: () => removeColleagueAction({ userId: colleagueB.id }) },
    { name: "remove B's administrator", call: () => removeColleagueAction({ userId: loginB.id }) },
    { name: "resend B's invitation", call: () => resendInvitationAction({ invitationId: invitationB }) },
    { name: "revoke B's invitation", call: () => revokeInvitationAction({ invitationId: invitationB }) },
    {
      name: "make B's colleague an administrator",
      call: () => setColleagueAdminAction({ userId: colleagueB.id, admin: true }),
    },
    {
      name: "demote B's administrator",
      call: () => setColleagueAdminAction({ userId: loginB.id, admin: false }),
    },
    // Staff only: branding, pricing, customers, users.
    {
      name: "save the branding",
      call: () =>
        saveBrandingAction({
          productName: "Pwned",
          accentColor: "#000000",
          supportEmail: "",
          supportUrl: "",
          footerText: "",
          portalHost: "",
        }),
    },
    { name: "upload a logo", call: () => uploadLogoAction(logo) },
    {
      name: "nickname B's pak (staff only)",
      call: () => setPakNicknameAction({ domain: B_DOMAIN, bundleId: B_PAK, nickname: "Pwned" }),
    },
    {
      name: "nickname A's own pak (staff only)",
      call: () => setPakNicknameAction({ domain: A_DOMAIN, bundleId: A_PAK, nickname: "Mine" }),
      expect: /staff can name paks/,
    },
    { name: "read a staff notification", call: () => markNotificationReadAction({ id: uuid() }) },
    {
      name: "invite a first login to B",
      call: () => inviteCustomerLoginAction({ customerId: customerB.id, email: "spy@bravo.test" }),
    },
    {
      name: "resend B's invitation as staff",
      call: () => resendCustomerInvitationAction({ customerId: customerB.id, invitationId: invitationB }),
    },
    { name: "remove the logo", call: () => removeLogoAction() },
    { name: "save the price list", call: async () => savePriceListAction(await getPriceList()) },
    { name: "create a customer", call: () => createCustomerAction({ name: "Mine now" }) },
    { name: "rename B", call: () => updateCustomerAction({ customerId: customerB.id, name: "Pwned" }) },
    {
      name: "preview B's portal",
      call: () => startPortalPreviewAction({ customerId: customerB.id }),
    },
    {
      name: "require two-factor sign-in",
      call: () =>
        saveSecuritySettingsAction({ requireTwoFactorForStaff: true, requireTwoFactorForCustomers: true }),
    },
    // Webhooks are admins' (settings.manage): a customer is refused before any endpoint is looked at.
    {
      name: "add a webhook endpoint",
      call: () =>
        createWebhookEndpointAction({ url: "https://spy.example.com/hooks", events: ["mailbox.created"] }),
      expect: NOT_ENABLED,
    },
    {
      name: "change a webhook endpoint",
      call: () =>
        updateWebhookEndpointAction({
          id: uuid(),
          url: "https://spy.example.com/hooks",
          description: "",
          events: ["mailbox.created"],
          enabled: true,
        }),
      expect: NOT_ENABLED,
    },
    {
      name: "disable a webhook endpoint",
      call: () => setWebhookEndpointEnabledAction({ id: uuid(), enabled: false }),
      expect: NOT_ENABLED,
    },
    {
      name: "roll a webhook secret",
      call: () => rollWebhookSecretAction({ id: uuid() }),
      expect: NOT_ENABLED,
    },
    {
      name: "delete a webhook endpoint",
      call: () => deleteWebhookEndpointAction({ id: uuid() }),
      expect: NOT_ENABLED,
    },
    { name: "send a test webhook", call: () => sendTestWebhookAction({ id: uuid() }), expect: NOT_ENABLED },
    {
      name: "resend a webhook delivery",
      call: () => resendWebhookDeliveryAction({ deliveryId: uuid() }),
      expect: NOT_ENABLED,
    },
    // API keys: staff keys are admins'; a customer's administrator reaches only its own keys.
    {
      name: "make an API key for B",
      call: () =>
        createApiKeyAction({
          name: "Spy",
          scopes: ["read"],
          expiresOn: "",
          allowedIps: "",
          customerId: customerB.id,
        }),
    },
    { name: "revoke a staff API key", call: () => revokeApiKeyAction({ keyId: uuid() }) },
    { name: "revoke B's API key", call: () => revokePortalApiKeyAction({ keyId: uuid() }) },
    // B's retail prices are staff's (customers.manage).
    {
      name: "set B's prices",
      call: () => {
        const none = { 1: null, 3: null, 5: null, 10: null };
        return saveCustomerPricesAction({
          customerId: customerB.id,
          retail: {
            mailbox: { year: { ...none, 1: 1 }, month: none },
            storageUnit: { year: null, month: null },
          },
        });
      },
    },
    {
      name: "put B back on the price list",
      call: () => revertToListPricesAction({ customerId: customerB.id }),
    },
    {
      name: "delete B",
      call: () => deleteCustomerAction({ customerId: customerB.id, confirmName: customerB.name }),
    },
    {
      name: "take B's domains",
      call: () => setCustomerDomainsAction({ customerId: customerB.id, domains: [] }),
    },
    {
      name: "add a login to B",
      call: () =>
        createCustomerLoginAction({ customerId: customerB.id, email: "spy@bravo.test", name: "Spy" }),
    },
    {
      name: "create a staff login",
      call: () => createStaffUserAction({ email: "mole@acme.test", name: "Mole", role: "admin" }),
    },
    { name: "disable B's login", call: () => disableUserAction({ userId: loginB.id }) },
    { name: "enable B's colleague", call: () => enableUserAction({ userId: colleagueB.id }) },
    { name: "reset B's login password", call: () => resetUserPasswordAction({ userId: loginB.id }) },
    {
      name: "make B's login an admin",
      call: () => changeUserRoleAction({ userId: loginB.id, role: "admin" }),
    },
    { name: "sign B out everywhere", call: () => signOutEverywhereAction({ userId: loginB.id }) },
    { name: "unlock B's login", call: () => unlockUserAction({ userId: loginB.id }) },
    {
      name: "withdraw B's invitation as staff",
      call: () => revokeCustomerInvitationAction({ customerId: customerB.id, invitationId: invitationB }),
    },
  ];
}

beforeAll(async () => {
  sim = await startEnomSimulator({ port: 0, statePath: null, reset: true });
  testEnom.client = createEnomClient({ baseUrl: sim.url, uid: "resellid", pw: "resellpw", timeoutMs: 5_000 });
  for (const level of ["error", "warn", "info"] as const)
    vi.spyOn(logger, level).mockImplementation(() => {});
  const a = await createTestCustomer("Acme", [A_DOMAIN], ALL_ALLOWANCES);
  const b = await createTestCustomer("Bravo", [B_DOMAIN], ALL_ALLOWANCES);
  customerB = { id: b.id, name: b.name };
  loginA = await customerLogin("owner@acme.test", a.id, a.name);
  loginB = await customerLogin("owner@bravo.test", b.id, b.name);
  colleagueB = await createTestUser({ email: "colleague@bravo.test", role: "customer", customerId: b.id });

  // B's own invitation, purchase and renewal, made through the actions as B.
  signInAs(loginB);
  const invited = await inviteColleagueAction({ email: "new@bravo.test", name: "New" });
  expect(invited, "B invites a colleague").toMatchObject({ ok: true });
  if (invited.ok) invitationB = invited.data.invitationId;
  purchaseKeyB = uuid();
  const bought = await purchaseAction({
    idempotencyKey: purchaseKeyB,
    request: { kind: "add-mailboxes", domain: B_DOMAIN, bundleId: B_PAK, quantity: 1 },
  });
  expect(bought, "B buys a mailbox").toMatchObject({ ok: true });
  renewalKeyB = uuid();
  const renewed = await renewAction({
    idempotencyKey: renewalKeyB,
    request: { items: [{ domain: B_DOMAIN, bundleId: B_PAK }], years: 1 },
  });
  expect(renewed, "B renews its pak").toMatchObject({ ok: true });
  // B's job (queued: no worker runs in this test), for A to try to cancel.
  const started = await startResetPasswordsJobAction({
    domain: B_DOMAIN,
    items: [{ userName: "bookings", password: "Copper-9Meadow" }],
  });
  expect(started, "B starts a job").toMatchObject({ ok: true });
  if (started.ok) jobB = started.data.runId;
  // B's request waiting for staff approval (B's customer asks staff to approve its purchases).
  const db = await getDb();
  await db.update(tables.customers).set({ purchaseApproval: true }).where(eq(tables.customers.id, b.id));
  const asked = await requestPurchaseAction({
    idempotencyKey: uuid(),
    request: { kind: "add-mailboxes", domain: B_DOMAIN, bundleId: B_PAK, quantity: 1 },
  });
  expect(asked, "B asks for a mailbox").toMatchObject({ ok: true });
  if (asked.ok) requestB = (asked.data as { id: string }).id;
  signInAs(null);
});

afterAll(async () => {
  signInAs(null);
  await sim?.close();
});

/** Every export of every "use server" module: the actions a forged request can reach. */
const SOURCES = import.meta.glob<string>(["./*.ts", "!./*.test.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
});
const MODULES = import.meta.glob<Record<string, unknown>>(["./*.ts", "!./*.test.ts"], { eager: true });

/** Actions without a probe here, and why none is needed. */
const NOT_PROBED: Record<string, string> = {
  changeOwnPasswordAction: "acts on the caller's own login only; its input names no one",
  startTotpEnrollmentAction: "acts on the caller's own login only",
  confirmTotpEnrollmentAction: "acts on the caller's own login only",
  regenerateRecoveryCodesAction: "acts on the caller's own login only",
  disableTotpAction: "acts on the caller's own login only",
  inviteColleagueAction: "invites into the caller's own team only; its input names no one of B",
  createPortalApiKeyAction: "makes a key of the caller's own customer only; its input names no one of B",
  markAllNotificationsReadAction: "acts on the caller's own notifications only; its input names no one",
  setNotificationEmailsAction: "acts on the caller's own choices only; its input names no one",
  acceptInvitationAction: "public: the emailed token is the only credential",
  requestPasswordResetAction: "public: answers the same for every address",
  resetPasswordAction: "public: the emailed token is the only credential",
};

describe("a customer's login against another customer's things", () => {
  it("probes every server action a forged request can reach", () => {
    const actions = Object.entries(SOURCES)
      .filter(([, source]) => /^\s*["']use server["']/.test(source))
      .flatMap(([path]) => Object.keys(MODULES[path] ?? {}));
    expect(actions.length).toBeGreaterThan(40);
    const probed = probes().map((probe) => probe.call.toString());
    const missing = actions.filter(
      (name) => !(name in NOT_PROBED) && !probed.some((source) => new RegExp(`\\b${name}\\b`).test(source)),
    );
    expect(missing).toEqual([]);
  });

  it.each(probes().map((probe) => [probe.name, probe] as const))(
    "%s: not found, nothing sent, audited",
    async (_, probe) => {
      signInAs(loginA);
      const seq = await simulator.lastSeq();
      const auditId = await lastAuditId();
      const rows = await snapshot();
      const truthA = await simulator.domain(A_DOMAIN);
      const truthB = await simulator.domain(B_DOMAIN);
      const balance = await simulator.balance();

      const result = await probe.call();

      if (probe.perItem) {
        const results = result.ok
          ? (result.data as { results: { ok: boolean; message: string }[] }).results
          : [];
        expect(results.length).toBeGreaterThan(0);
        for (const item of results)
          expect(item).toMatchObject({ ok: false, message: expect.stringMatching(/not found/) });
      } else {
        expect(result.ok).toBe(false);
        expect(result.message).toMatch(probe.expect ?? NOT_FOUND);
      }
      // No answer tells A anything of B.
      expect(JSON.stringify(result)).not.toMatch(/bravo|magnolia|orders@/i);
      expect(await simulator.writesSince(seq), "no write reached eNom").toEqual([]);
      expect(await simulator.domain(B_DOMAIN)).toEqual(truthB);
      expect(await simulator.domain(A_DOMAIN)).toEqual(truthA);
      expect(await simulator.balance()).toBe(balance);
      expect(await snapshot(), "no row changed").toBe(rows);
      const entries = await auditAfter(auditId);
      expect(entries, "the attempt is audited as refused").toContainEqual(
        expect.objectContaining({
          actorEmail: loginA.email,
          outcome: "failed",
          details: expect.objectContaining({ refused: true }),
          ...probe.aims,
        }),
      );
      expect(entries.every((entry) => entry.outcome === "failed")).toBe(true);
    },
  );

  it("the purchase wizard's domain search offers A's domains only", async () => {
    // The search reads the account mirror: filled by a sync, as in the running panel.
    await runFullSync();
    signInAs(loginA);
    const mine = (await searchPurchaseDomainsRoute("saffron")).body;
    expect(mine).toMatchObject({ ok: true });
    if (mine.ok) expect(mine.data.options.map((option) => option.domain)).toEqual([A_DOMAIN]);
    const theirs = (await searchPurchaseDomainsRoute("magnolia")).body;
    expect(theirs).toMatchObject({ ok: true, data: { options: [], total: 0 } });
  });

  it("the same calls made by B on its own things work (the probes are not refused for another reason)", async () => {
    signInAs(loginB);
    const seq = await simulator.lastSeq();
    expect(
      await setPakAutoRenewAction({ domain: B_DOMAIN, bundleId: B_PAK, autoRenew: false }),
    ).toMatchObject({ ok: true });
    expect(await readPurchaseRoute(purchaseKeyB)).toMatchObject({ status: 200, body: { ok: true } });
    expect(await readPurchaseRoute(renewalKeyB)).toMatchObject({ status: 200, body: { ok: true } });
    expect(
      await quotePurchaseRoute({ kind: "add-mailboxes", domain: B_DOMAIN, bundleId: B_PAK, quantity: 1 }),
    ).toMatchObject({ status: 200, body: { ok: true } });
    expect(await listPurchasesRoute(B_DOMAIN)).toMatchObject({ status: 200, body: { ok: true } });
    expect(
      await setMailboxForwardingAction({
        domain: B_DOMAIN,
        userName: B_MAILBOX,
        forwardTo: "desk@example.org",
      }),
    ).toMatchObject({ ok: true });
    expect(await removeMailboxForwardingAction({ domain: B_DOMAIN, userName: B_MAILBOX })).toMatchObject({
      ok: true,
    });
    expect(await revokeInvitationAction({ invitationId: invitationB })).toMatchObject({ ok: true });
    expect(await removeColleagueAction({ userId: colleagueB.id })).toMatchObject({ ok: true });
    expect((await simulator.writesSince(seq)).map((call) => call.command)).toEqual([
      "SETPAKRENEW",
      "SETPOPFORWARDING",
      "SETPOPFORWARDING",
    ]);
  });

  /**
   * ModifyPOP3 names no pak (modify-pop-3.md), so the mailbox changes take none: a forged request
   * that still carries B's BundleID with A's own domain changes A's mailbox only. eNom is sent A's
   * domain and no BundleID, and nothing of B's changes.
   */
  it.each([
    [
      "admin flag",
      () =>
        setMailboxAdminAction({ domain: A_DOMAIN, bundleId: B_PAK, userNames: ["office"], isAdmin: true }),
    ],
    [
      "password",
      () =>
        resetMailboxPasswordsAction({
          domain: A_DOMAIN,
          bundleId: B_PAK,
          items: [{ userName: "office", password: "Copper-9Meadow" }],
        }),
    ],
  ] as const)("B's pak smuggled into a %s change of A's mailbox is ignored", async (_, call) => {
    signInAs(loginA);
    const seq = await simulator.lastSeq();
    const truthB = await simulator.domain(B_DOMAIN);
    const balance = await simulator.balance();

    const result = await call();

    expect(result).toMatchObject({ ok: true });
    expect(JSON.stringify(result)).not.toMatch(/bravo|magnolia|orders@|600074/i);
    const writes = await simulator.writesSince(seq);
    expect(writes.map((write) => write.command)).toEqual(["MODIFYPOP3"]);
    const params = Object.fromEntries(
      Object.entries(writes[0]?.params ?? {}).map(([key, value]) => [key.toLowerCase(), value]),
    );
    expect(params).toMatchObject({ sld: "saffron-movers", tld: "biz", username1: "office" });
    expect(Object.keys(params).filter((key) => /bundle|pak/.test(key))).toEqual([]);
    expect(await simulator.domain(B_DOMAIN)).toEqual(truthB);
    expect(await simulator.balance()).toBe(balance);
  });
});

describe("the purchase reads (GET routes) against another customer's things", () => {
  const reads: [string, () => Promise<{ status: number; body: { ok: boolean } }>][] = [
    [
      "quote mailboxes for B's pak",
      () => quotePurchaseRoute({ kind: "add-mailboxes", domain: B_DOMAIN, bundleId: B_PAK, quantity: 1 }),
    ],
    [
      "quote mailboxes for B's pak via A's domain",
      () => quotePurchaseRoute({ kind: "add-mailboxes", domain: A_DOMAIN, bundleId: B_PAK, quantity: 1 }),
    ],
    [
      "quote renewing B's pak",
      () => quoteRenewalRoute({ items: [{ domain: B_DOMAIN, bundleId: B_PAK }], years: 1 }),
    ],
    ["read B's purchase", () => readPurchaseRoute(purchaseKeyB)],
    ["read B's renewal batch", () => readPurchaseRoute(renewalKeyB)],
    ["list B's purchases", () => listPurchasesRoute(B_DOMAIN)],
  ];

  it.each(reads)("%s: 404, nothing of B's, eNom not written, nothing written here", async (_, read) => {
    signInAs(loginA);
    const seq = await simulator.lastSeq();
    const auditId = await lastAuditId();
    const rows = await snapshot();
    const answer = await read();
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ ok: false, message: expect.stringMatching(NOT_FOUND) });
    expect(JSON.stringify(answer)).not.toMatch(/bravo|magnolia|orders@/i);
    expect(await simulator.writesSince(seq)).toEqual([]);
    expect(await snapshot()).toBe(rows);
    // A read writes nothing, not even a refusal.
    expect(await auditAfter(auditId)).toEqual([]);
  });

  it.each(reads)("%s: 401 when signed out", async (_, read) => {
    signInAs(null);
    expect(await read()).toMatchObject({ status: 401, body: { ok: false } });
  });
});
