import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { saveBranding } from "@/lib/branding/settings";
import { getDomainEmail } from "@/lib/domains/email";
import { createEnomClient } from "@/lib/enom";
import { startEnomSimulator, type RunningSimulator } from "@/lib/enom-sim/server";
import type { MailMessage } from "@/lib/mail/message";
import { replaceMailTransport } from "@/lib/mail/transport";
import { auditAfter, lastAuditId } from "@/test/audit";
import { testEnom as enom } from "@/test/enom-mock";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs, type SessionUser } from "@/test/session-mock";
import { sendSetupInstructionsAction } from "./actions";
import { resetSetupEmailLimits, SETUP_EMAILS_PER_ADDRESS_PER_HOUR } from "./limits";
import type { MailServerEnv } from "./server-env";

/** "Send setup instructions": who may send it, where it goes, what it holds (never a password). */

const servers = vi.hoisted(() => ({
  env: {
    MAIL_IMAP_HOST: "imap.mail.example",
    MAIL_IMAP_PORT: 993,
    MAIL_POP_HOST: undefined,
    MAIL_POP_PORT: 995,
    MAIL_SMTP_HOST: "smtp.mail.example",
    MAIL_SMTP_PORT: 465,
    MAIL_WEBMAIL_URL: "https://webmail.mail.example",
  } as MailServerEnv,
}));

vi.mock("@/lib/auth/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => import("@/test/next-headers-mock"));
vi.mock("@/lib/enom", async (original) => (await import("@/test/enom-mock")).withTestClient(original));
vi.mock("./servers", async (original) => {
  const real = await original<typeof import("./servers")>();
  return {
    ...real,
    getMailServerSettings: (domain: string) => real.mailServerSettingsFrom(servers.env, domain),
  };
});

let sim: RunningSimulator;
let staff: SessionUser;
let support: SessionUser;
let owner: SessionUser;
let stranger: SessionUser;
let own = "";
let userName = "";
let address = "";
const sent: MailMessage[] = [];
let failSending = false;

beforeAll(async () => {
  sim = await startEnomSimulator({ port: 0, statePath: null, reset: true });
  enom.client = createEnomClient({ baseUrl: sim.url, uid: "resellid", pw: "resellpw", readRetries: 0 });
  replaceMailTransport({
    async send(message) {
      if (failSending) throw new Error("SMTP is down");
      sent.push(message);
    },
  });
  staff = await createTestUser({ email: "staff@send-setup.test", role: "staff" });
  support = await createTestUser({ email: "support@send-setup.test", role: "support" });
  const { paks } = await enom.client.getPopExpirations();
  const names = [...new Set(paks.map((pak) => pak.domainName))]
    .filter((name) => name !== "resellerdocs.com")
    .sort();
  for (const name of names) {
    const first = (await getDomainEmail(staff, name)).mailboxes[0];
    if (first) {
      own = name;
      userName = first.userName;
      address = first.address.toLowerCase();
      break;
    }
  }
  if (!own) throw new Error("The simulator's seed has no domain with mailboxes.");
  const customer = await createTestCustomer("Send Customer", [own]);
  owner = await createTestUser({ email: "owner@send-setup.test", role: "customer", customerId: customer.id });
  const other = await createTestCustomer("Other Send Customer", []);
  stranger = await createTestUser({
    email: "stranger@send-setup.test",
    role: "customer",
    customerId: other.id,
  });
  await saveBranding({
    productName: "Acme Mail",
    accentColor: "#2563eb",
    supportEmail: "help@acme.example",
    supportUrl: "",
    footerText: "",
    portalHost: "",
  });
});

afterAll(async () => {
  await sim?.close();
});

beforeEach(() => {
  sent.length = 0;
  failSending = false;
  resetSetupEmailLimits();
  signInAs(null);
  servers.env.MAIL_IMAP_HOST = "imap.mail.example";
  servers.env.MAIL_SMTP_HOST = "smtp.mail.example";
});

describe("sendSetupInstructionsAction", () => {
  it("emails the mailbox its setup in the reseller's brand, with the profile link and no password", async () => {
    signInAs(owner);
    const before = await lastAuditId();
    const result = await sendSetupInstructionsAction({ domain: own, userName, recipient: "mailbox" });
    expect(result).toEqual({
      ok: true,
      data: { to: address },
      message: `Setup instructions sent to ${address}.`,
    });
    expect(sent).toHaveLength(1);
    const [mail] = sent;
    expect(mail?.to).toEqual([address]);
    expect(mail?.fromName).toBe("Acme Mail");
    expect(mail?.template).toBe("mail-setup");
    expect(mail?.text).toContain("Acme Mail");
    expect(mail?.text).toContain("imap.mail.example, port 993, SSL/TLS");
    expect(mail?.text).toContain("smtp.mail.example, port 465, SSL/TLS");
    expect(mail?.text).toContain("https://webmail.mail.example");
    expect(mail?.text).toMatch(/\/api\/mail-setup\/profile\/v1\.[A-Za-z0-9_-]+\.\d+\.[A-Za-z0-9_-]+/);
    expect(`${mail?.subject}${mail?.text}${mail?.html}`).not.toMatch(/enom/i);
    const [entry] = await auditAfter(before);
    expect(entry).toMatchObject({
      action: "mailbox.setup-instructions",
      outcome: "ok",
      domain: own,
      mailbox: userName,
    });
  });

  it("sends to another address when asked, and checks that address first", async () => {
    signInAs(staff);
    const result = await sendSetupInstructionsAction({
      domain: own,
      userName,
      recipient: "other",
      to: "Bo@Home.Example",
    });
    expect(result.ok).toBe(true);
    expect(sent[0]?.to).toEqual(["bo@home.example"]);
    const refused = await sendSetupInstructionsAction({
      domain: own,
      userName,
      recipient: "other",
      to: "not an address",
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.fieldErrors?.to).toEqual(["Enter a valid email address."]);
    expect(sent).toHaveLength(1);
  });

  it("is refused to the support role, another customer, signed-out callers and unknown mailboxes", async () => {
    signInAs(support);
    expect((await sendSetupInstructionsAction({ domain: own, userName, recipient: "mailbox" })).ok).toBe(
      false,
    );
    signInAs(stranger);
    const foreign = await sendSetupInstructionsAction({ domain: own, userName, recipient: "mailbox" });
    expect(foreign).toMatchObject({ ok: false, message: "That domain was not found." });
    signInAs(null);
    expect((await sendSetupInstructionsAction({ domain: own, userName, recipient: "mailbox" })).ok).toBe(
      false,
    );
    signInAs(owner);
    const unknown = await sendSetupInstructionsAction({
      domain: own,
      userName: "no-such-box",
      recipient: "mailbox",
    });
    expect(unknown).toMatchObject({ ok: false, message: "That mailbox was not found." });
    expect(sent).toHaveLength(0);
  });

  it("sends nothing while the servers are not configured", async () => {
    servers.env.MAIL_IMAP_HOST = undefined;
    servers.env.MAIL_SMTP_HOST = undefined;
    signInAs(owner);
    const result = await sendSetupInstructionsAction({ domain: own, userName, recipient: "mailbox" });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining("not available yet") });
    expect(sent).toHaveLength(0);
  });

  it("limits how many reach one address in an hour", async () => {
    signInAs(owner);
    for (let index = 0; index < SETUP_EMAILS_PER_ADDRESS_PER_HOUR; index += 1)
      expect((await sendSetupInstructionsAction({ domain: own, userName, recipient: "mailbox" })).ok).toBe(
        true,
      );
    const limited = await sendSetupInstructionsAction({ domain: own, userName, recipient: "mailbox" });
    expect(limited).toMatchObject({ ok: false, message: expect.stringContaining("in the last hour") });
    expect(sent).toHaveLength(SETUP_EMAILS_PER_ADDRESS_PER_HOUR);
  });

  it("says so when the email cannot be handed over, and audits the failure", async () => {
    failSending = true;
    signInAs(owner);
    const before = await lastAuditId();
    const result = await sendSetupInstructionsAction({ domain: own, userName, recipient: "mailbox" });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining("could not be sent") });
    expect((await auditAfter(before)).map((entry) => entry.outcome)).toEqual(["failed"]);
  });
});
