import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEFAULT_BRANDING } from "@/lib/branding/branding";
import { saveBranding } from "@/lib/branding/settings";
import { setCustomerDomains } from "@/lib/customers/queries";
import { updateUser } from "@/lib/users/queries";
import { createEnomClient, type PopExpiration } from "@/lib/enom";
import { startEnomSimulator, type RunningSimulator } from "@/lib/enom-sim/server";
import { readCapturedMail } from "@/lib/mail/captured";
import { replaceMailTransport } from "@/lib/mail/transport";
import { refreshDomain, runFullSync } from "@/lib/mirror/sync";
import { auditAfter, lastAuditId } from "@/test/audit";
import { testEnom } from "@/test/enom-mock";
import { createTestCustomer, createTestUser } from "@/test/fixtures";
import { sendRenewalReminders } from "./send-reminders";

const mailDir = vi.hoisted(() => {
  const directory = `/tmp/mailpak-reminder-mail-${process.pid}-${Date.now()}`;
  process.env.MAIL_CAPTURE_DIR = directory;
  process.env.SMTP_URL = "";
  return directory;
});

vi.mock("next/headers", () => import("@/test/next-headers-mock"));
vi.mock("@/lib/enom", async (original) => (await import("@/test/enom-mock")).withTestClient(original));
// getBranding is cached per request in the app; each call here is its own "request".
vi.mock("react", async (original) => ({
  ...(await original<typeof import("react")>()),
  cache: <T>(fn: T) => fn,
}));

const DAY_MS = 86_400_000;
const SIM_NOW = new Date("2026-06-01T08:00:00Z");

let sim: RunningSimulator;
let renewing: PopExpiration;
let lapsing: PopExpiration;
let unassigned: PopExpiration;
let racing: PopExpiration;
let switching: PopExpiration;
let customerId: string;
const admins = ["ann@northwind.example", "zed@northwind.example"];

/** Noon UTC, `days` before the pak's expiry date. */
function daysBefore(pak: PopExpiration, days: number): Date {
  return new Date(Date.parse(`${pak.expires.iso}T12:00:00Z`) - days * DAY_MS);
}

async function lastSimSeq(): Promise<number> {
  const response = await fetch(`${sim.origin}/_sim/calls?since=0`);
  const { calls } = (await response.json()) as { calls: { seq: number }[] };
  return calls.reduce((max, call) => Math.max(max, call.seq), 0);
}

async function commandsSince(seq: number): Promise<string[]> {
  const response = await fetch(`${sim.origin}/_sim/calls?since=${seq}`);
  const { calls } = (await response.json()) as { calls: { command: string }[] };
  return calls.map((call) => call.command.toUpperCase());
}

async function mailsAbout(pak: PopExpiration) {
  return (await readCapturedMail(mailDir)).filter((mail) => mail.subject.startsWith(`${pak.domainName}:`));
}

beforeAll(async () => {
  sim = await startEnomSimulator({ port: 0, statePath: null, reset: true, now: () => SIM_NOW });
  testEnom.client = createEnomClient({ baseUrl: sim.url, uid: "resellid", pw: "resellpw" });
  const { paks } = await testEnom.client.getPopExpirations();
  // Domains with one pak, expiring well after the simulator's today, so every threshold lies ahead.
  const perDomain = new Map<string, number>();
  for (const pak of paks) perDomain.set(pak.domainName, (perDomain.get(pak.domainName) ?? 0) + 1);
  const usable = paks.filter(
    (pak) =>
      perDomain.get(pak.domainName) === 1 && Date.parse(pak.expires.iso) > SIM_NOW.getTime() + 60 * DAY_MS,
  );
  // GetPOPExpirations (XML) does not say whether a pak renews by itself: its domain's GetPOP3 does.
  const client = testEnom.client;
  const autoRenewOf = async (pak: PopExpiration) =>
    (await client.getPop3({ domain: pak.domainName })).paks.find((p) => p.bundleId === pak.bundleId)
      ?.autoRenew;
  const pick = async (autoRenew: boolean, skip: string[] = []) => {
    for (const candidate of usable)
      if (!skip.includes(candidate.domainName) && (await autoRenewOf(candidate)) === autoRenew)
        return candidate;
    throw new Error("The seeded world has no suitable pak.");
  };
  renewing = await pick(true);
  lapsing = await pick(false);
  unassigned = await pick(true, [renewing.domainName]);
  racing = await pick(false, [lapsing.domainName]);
  switching = await pick(false, [lapsing.domainName, racing.domainName]);

  // The reminders read the account mirror: fill it as the nightly sync does.
  await runFullSync({ client });

  await saveBranding({ ...DEFAULT_BRANDING, productName: "Acme Mail", supportEmail: "help@acme.example" });
  const customer = await createTestCustomer("Northwind Traders", [
    renewing.domainName,
    lapsing.domainName,
    switching.domainName,
  ]);
  customerId = customer.id;
  for (const email of admins) {
    const admin = await createTestUser({ email, role: "customer", customerId: customer.id });
    await updateUser(admin.id, { customerAdmin: true });
  }
  await createTestUser({ email: "member@northwind.example", role: "customer", customerId: customer.id });
  const gone = await createTestUser({
    email: "gone@northwind.example",
    role: "customer",
    customerId: customer.id,
  });
  await updateUser(gone.id, { customerAdmin: true, disabled: true });
});

afterAll(async () => {
  await sim.close();
});

describe("renewal reminders", () => {
  it("send each threshold (30, 7, 1 days) once, to the customer's active administrators", async () => {
    const audit = await lastAuditId();
    const steps: Array<[number, number]> = [
      [45, 0],
      [30, 1],
      [30, 1], // the same day again: already sent
      [29, 1],
      [7, 2],
      [3, 2],
      [1, 3],
      [0, 3],
      [-1, 3], // expired: nothing more
    ];
    for (const [days, expected] of steps) {
      await sendRenewalReminders(daysBefore(renewing, days));
      expect(await mailsAbout(renewing), `${days} days before`).toHaveLength(expected);
    }
    const mails = await mailsAbout(renewing);
    for (const mail of mails) {
      expect(mail.to).toEqual(admins);
      expect(mail.headers).toEqual({ "Auto-Submitted": "auto-generated" });
      expect(mail.from).toBe('"Acme Mail" <no-reply@localhost>');
      expect(`${mail.subject}${mail.text}${mail.html}`).not.toMatch(/enom|mailpak/i);
    }
    expect(mails.map((mail) => mail.text.match(/expires (in \d+ days|tomorrow)/)?.[0])).toEqual([
      "expires in 30 days",
      "expires in 7 days",
      "expires tomorrow",
    ]);
    const sent = (await auditAfter(audit)).filter(
      (entry) => entry.action === "reminder.renewal" && entry.domain === renewing.domainName,
    );
    expect(sent.map((entry) => [entry.outcome, entry.details.daysBefore])).toEqual([
      ["ok", 30],
      ["ok", 7],
      ["ok", 1],
    ]);
  });

  it("say that a pak with auto-renew renews by itself, and ask to renew one without", async () => {
    const [renews] = await mailsAbout(renewing);
    expect(renews?.text).toContain("will renew automatically on");
    expect(renews?.text).toContain(`/portal/domains/${renewing.domainName}`);

    await sendRenewalReminders(daysBefore(lapsing, 7));
    const [lapses] = await mailsAbout(lapsing);
    expect(lapses?.subject).toMatch(/^.+: email expires on .+; renew before then$/);
    expect(lapses?.text).toContain("will not renew automatically");
    expect(lapses?.text).toMatch(/Renew before .+, or ask help@acme\.example\./);
  });

  it("read the account mirror, not eNom, and follow what the mirror last read", async () => {
    const seq = await lastSimSeq();
    await sendRenewalReminders(daysBefore(switching, 30));
    expect(await commandsSince(seq)).toEqual([]);
    expect((await mailsAbout(switching)).at(-1)?.text).toContain("will not renew automatically");

    // Auto-renew switched on at eNom and read into the mirror (as a write's refresh does): the
    // next reminder says the pak renews by itself.
    const client = testEnom.client;
    if (!client) throw new Error("no client");
    await client.setPakRenew({ domain: switching.domainName, bundleId: switching.bundleId, autoRenew: true });
    await refreshDomain(switching.domainName, client);
    await sendRenewalReminders(daysBefore(switching, 7));
    expect((await mailsAbout(switching)).at(-1)?.text).toContain("will renew automatically on");
    await client.setPakRenew({
      domain: switching.domainName,
      bundleId: switching.bundleId,
      autoRenew: false,
    });
    await refreshDomain(switching.domainName, client);
  });

  it("go to nobody for a domain that no customer owns", async () => {
    for (const days of [30, 7, 1]) await sendRenewalReminders(daysBefore(unassigned, days));
    expect(await mailsAbout(unassigned)).toEqual([]);
  });

  it("retry at the next run when the email fails", async () => {
    const before = (await mailsAbout(lapsing)).length;
    const previous = replaceMailTransport({ send: () => Promise.reject(new Error("SMTP is down")) });
    let failedRun;
    try {
      failedRun = await sendRenewalReminders(daysBefore(lapsing, 1));
    } finally {
      if (previous) replaceMailTransport(previous);
    }
    expect(failedRun.failed).toBeGreaterThanOrEqual(1);
    expect(await mailsAbout(lapsing)).toHaveLength(before);

    const retried = await sendRenewalReminders(daysBefore(lapsing, 1));
    expect(retried.sent).toBeGreaterThanOrEqual(1);
    const mails = await mailsAbout(lapsing);
    expect(mails).toHaveLength(before + 1);
    expect(mails.at(-1)?.text).toContain("expires tomorrow");
  });

  it("send once when two runs (two panel instances) go at the same moment", async () => {
    // A domain assigned only now, so no earlier run has mailed about it.
    await setCustomerDomains(customerId, [
      renewing.domainName,
      lapsing.domainName,
      switching.domainName,
      racing.domainName,
    ]);
    const now = daysBefore(racing, 30);
    const runs = await Promise.all([
      sendRenewalReminders(now),
      sendRenewalReminders(now),
      sendRenewalReminders(now),
    ]);
    expect(await mailsAbout(racing)).toHaveLength(1);
    expect(runs.reduce((sum, run) => sum + run.alreadySent, 0)).toBeGreaterThanOrEqual(2);
  });
});
