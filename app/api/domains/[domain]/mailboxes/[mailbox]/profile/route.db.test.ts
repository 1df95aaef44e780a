import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createEnomClient } from "@/lib/enom";
import { startEnomSimulator, type RunningSimulator } from "@/lib/enom-sim/server";
import { getDomainEmail } from "@/lib/domains/email";
import { signProfileLink } from "@/lib/mail-setup/profile-link";
import type { MailServerEnv } from "@/lib/mail-setup/server-env";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { signInAs, type SessionUser } from "@/test/session-mock";
import { testEnom as enom } from "@/test/enom-mock";
import { GET as getSignedProfile } from "../../../../../mail-setup/profile/[token]/route";
import { GET as getProfile } from "./route";

/**
 * The Apple profile's downloads: the signed-in one checks the caller like the setup page does (a
 * customer only on their own domains; anything else is 404), the signed link needs no session.
 */

const servers = vi.hoisted(() => ({
  env: {
    MAIL_IMAP_HOST: "imap.{domain}",
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
vi.mock("@/lib/mail-setup/servers", async (original) => {
  const real = await original<typeof import("@/lib/mail-setup/servers")>();
  return {
    ...real,
    getMailServerSettings: (domain: string) => real.mailServerSettingsFrom(servers.env, domain),
  };
});

let sim: RunningSimulator;
let staff: SessionUser;
let owner: SessionUser;
let stranger: SessionUser;
let own = "";
let foreign = "";
let userName = "";
let foreignUser = "";

async function download(domain: string, mailbox: string) {
  const response = await getProfile(
    new Request(`http://panel.test/api/domains/${domain}/mailboxes/${mailbox}/profile`),
    {
      params: Promise.resolve({ domain, mailbox }),
    },
  );
  return { status: response.status, headers: response.headers, body: await response.text() };
}

beforeAll(async () => {
  sim = await startEnomSimulator({ port: 0, statePath: null, reset: true });
  enom.client = createEnomClient({ baseUrl: sim.url, uid: "resellid", pw: "resellpw", readRetries: 0 });
  staff = await createTestUser({ email: "staff@setup.test", role: "staff" });
  signInAs(staff);
  const { paks } = await enom.client.getPopExpirations();
  const names = [...new Set(paks.map((pak) => pak.domainName))]
    .filter((name) => name !== "resellerdocs.com")
    .sort();
  // Two domains that have mailboxes.
  const withMailboxes: { domain: string; userName: string }[] = [];
  for (const name of names) {
    const view = await getDomainEmail(staff, name);
    const first = view.mailboxes[0];
    if (first) withMailboxes.push({ domain: name, userName: first.userName });
    if (withMailboxes.length === 2) break;
  }
  const [mine, theirs] = withMailboxes;
  if (!mine || !theirs) throw new Error("The simulator's seed has no two domains with mailboxes.");
  ({ domain: own, userName } = mine);
  ({ domain: foreign, userName: foreignUser } = theirs);
  const customer = await createTestCustomer("Setup Customer", [own], { canManageMailboxes: false });
  const login = await createTestUser({
    email: "owner@setup.test",
    role: "customer",
    customerId: customer.id,
  });
  // Allowed nothing but to look: the setup is a read every viewer of the domain may make.
  owner = {
    ...login,
    customer: {
      canCreateMailboxes: false,
      canManageMailboxes: false,
      canToggleAutoRenew: false,
      canPurchase: false,
      canRenew: false,
    },
  };
  const other = await createTestCustomer("Other Customer", [foreign]);
  stranger = await createTestUser({ email: "stranger@setup.test", role: "customer", customerId: other.id });
});

afterAll(async () => {
  await sim?.close();
});

beforeEach(() => {
  signInAs(null);
  servers.env.MAIL_IMAP_HOST = "imap.{domain}";
  servers.env.MAIL_SMTP_HOST = "smtp.mail.example";
});

describe("GET /api/domains/[domain]/mailboxes/[mailbox]/profile", () => {
  it("gives staff and the owning customer (even one who manages nothing) the profile naming the right servers", async () => {
    for (const user of [staff, owner]) {
      signInAs(user);
      const { status, headers, body } = await download(own, userName.toUpperCase());
      expect(status).toBe(200);
      expect(headers.get("content-type")).toBe("application/x-apple-aspen-config");
      const address = `${userName}@${own}`.toLowerCase();
      expect(headers.get("content-disposition")).toBe(`attachment; filename="${address}.mobileconfig"`);
      expect(headers.get("cache-control")).toBe("no-store");
      expect(body).toContain("<string>com.apple.mail.managed</string>");
      expect(body).toContain(`<key>IncomingMailServerHostName</key>\n\t\t\t<string>imap.${own}</string>`);
      expect(body).toContain(
        "<key>OutgoingMailServerHostName</key>\n\t\t\t<string>smtp.mail.example</string>",
      );
      expect(body).toContain(`<key>EmailAddress</key>\n\t\t\t<string>${address}</string>`);
      expect(body).not.toMatch(/enom/i);
      expect(body).not.toMatch(/<key>(Incoming|Outgoing)Password<\/key>/);
    }
  });

  it("answers 404 for another customer's domain, an unknown mailbox or a malformed domain, and 401 signed out", async () => {
    signInAs(owner);
    expect((await download(foreign, foreignUser)).status).toBe(404);
    expect((await download(own, "no-such-mailbox")).status).toBe(404);
    expect((await download("not a domain", userName)).status).toBe(404);
    signInAs(stranger);
    expect((await download(own, userName)).status).toBe(404);
    signInAs(null);
    expect((await download(own, userName)).status).toBe(401);
  });

  it("says the servers are not configured instead of giving a half-made profile", async () => {
    servers.env.MAIL_IMAP_HOST = undefined;
    servers.env.MAIL_SMTP_HOST = undefined;
    signInAs(owner);
    const { status, body } = await download(own, userName);
    expect(status).toBe(409);
    expect(JSON.parse(body)).toEqual({
      ok: false,
      message: "The settings for email programs are not available yet. Please contact support.",
    });
  });
});

describe("GET /api/mail-setup/profile/[token]", () => {
  async function viaLink(token: string) {
    const response = await getSignedProfile(
      new Request(`http://panel.test/api/mail-setup/profile/${token}`),
      {
        params: Promise.resolve({ token }),
      },
    );
    return { status: response.status, headers: response.headers, body: await response.text() };
  }

  it("downloads the profile of the address it was signed for, without a session", async () => {
    const address = `${userName}@${own}`.toLowerCase();
    const { token } = signProfileLink(address);
    const { status, headers, body } = await viaLink(token);
    expect(status).toBe(200);
    expect(headers.get("content-type")).toBe("application/x-apple-aspen-config");
    expect(body).toContain(`<string>imap.${own}</string>`);
    expect(body).toContain(`<string>${address}</string>`);
  });

  it("refuses an altered or expired link", async () => {
    const { token } = signProfileLink(`${userName}@${own}`);
    const [version, , expires, mac] = token.split(".");
    const altered = [version, Buffer.from(`ceo@${own}`).toString("base64url"), expires, mac].join(".");
    expect((await viaLink(altered)).status).toBe(404);
    const expired = signProfileLink(`${userName}@${own}`, new Date("2020-01-01T00:00:00Z")).token;
    const answer = await viaLink(expired);
    expect(answer.status).toBe(404);
    expect(answer.body).toContain("expired or is not valid");
  });
});
