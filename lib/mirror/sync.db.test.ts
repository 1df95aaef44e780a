import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { mirrorDomains, mirrorForwards, mirrorMailboxes, mirrorPaks, mirrorSyncs } from "@/lib/db/schema";
import { createEnomClient, type EnomClient } from "@/lib/enom";
import { startEnomSimulator, type RunningSimulator } from "@/lib/enom-sim/server";
import { testEnom as enom } from "@/test/enom-mock";
import { simHarness } from "@/test/sim-harness";
import { readMirroredDomain } from "./queries";
import { refreshDomainsInMirror } from "./refresh";
import { refreshDomain, runFullSync } from "./sync";

/**
 * The account mirror against a running simulator: a full sync holds exactly what eNom says,
 * domain by domain, without a password; a domain whose read fails keeps what the mirror had; a
 * domain gone from the account is removed by the next complete sync.
 */

vi.mock("@/lib/enom", async (original) => (await import("@/test/enom-mock")).withTestClient(original));

let sim: RunningSimulator;
let client: EnomClient;
const harness = simHarness(() => sim);

beforeAll(async () => {
  sim = await startEnomSimulator({ port: 0, statePath: null, reset: true, domainCount: 12 });
  client = createEnomClient({ baseUrl: sim.url, uid: "resellid", pw: "resellpw", timeoutMs: 1_500 });
  enom.client = client;
});

afterAll(async () => {
  await sim?.close();
});

beforeEach(async () => {
  await harness.clearFaults();
});

async function domainsWithPaks(): Promise<string[]> {
  const { paks } = await client.getPopExpirations();
  return [...new Set(paks.map((pak) => pak.domainName.toLowerCase()))].sort();
}

/** One order for both sides: eNom compares names without case. */
const byName = (a: { userName: string }, b: { userName: string }) =>
  a.userName.toLowerCase() < b.userName.toLowerCase() ? -1 : 1;

describe("runFullSync", () => {
  it("mirrors every domain, pak, mailbox, forward and catch-all exactly as eNom lists them", async () => {
    const result = await runFullSync();
    const listed = await client.getDomains();
    const names = new Set(listed.domains.map((domain) => domain.name.toLowerCase()));
    const withEmail = await domainsWithPaks();
    for (const domain of withEmail) names.add(domain);
    expect(result.domainsListed).toBe(names.size);
    expect(result.domainsRead).toBe(withEmail.length);
    expect(result.domainsFailed).toBe(0);

    const db = await getDb();
    const rows = await db.select().from(mirrorDomains);
    expect(rows.map((row) => row.domain).sort()).toEqual([...names].sort());
    for (const row of rows) expect(row.hasEmail).toBe(withEmail.includes(row.domain));

    for (const domain of withEmail) {
      const mirrored = await readMirroredDomain(domain);
      const [email, forwarding, catchAll] = await Promise.all([
        client.getPop3({ domain }),
        client.getPopForwarding({ domain }),
        client.getCatchAll({ domain }),
      ]);
      expect(mirrored?.paks.map(({ domain: _d, readAt: _r, ...pak }) => pak)).toEqual(
        email.paks
          .map((pak) => ({
            bundleId: pak.bundleId,
            capacityGb: pak.capacityGb,
            quotaMb: pak.quotaMb,
            purchased: pak.qtyPurchased,
            available: pak.qtyAvailable,
            expires: pak.expires.iso,
            autoRenew: pak.autoRenew,
            prodType: pak.prodType,
          }))
          .sort((a, b) => a.bundleId - b.bundleId),
      );
      expect(
        mirrored?.mailboxes.map(({ domain: _d, readAt: _r, ...mailbox }) => mailbox).sort(byName),
      ).toEqual(
        email.mailboxes
          .map((mailbox) => ({
            userName: mailbox.userName,
            address: mailbox.address.toLowerCase(),
            bundleId: mailbox.bundleId,
            isAdmin: mailbox.isAdmin,
            quotaMb: mailbox.quotaMb,
            quotaUsedMb: mailbox.quotaUsedMb === null ? null : Math.round(mailbox.quotaUsedMb),
            expires: mailbox.expires?.iso ?? null,
          }))
          .sort(byName),
      );
      // Names as eNom spells them: what people typed, and what the pages show.
      expect(
        mirrored?.forwards
          .map(({ userName, forwardTo, active }) => ({ userName, forwardTo, active }))
          .sort(byName),
      ).toEqual([...forwarding.forwards].sort(byName));
      expect(mirrored?.domain.catchAll).toBe(catchAll.catchAll);
      expect(mirrored?.domain.readError).toBeNull();

      // And the simulator's own truth agrees on what the panel shows.
      const truth = await harness.domain(domain);
      expect(mirrored?.paks.map((pak) => [pak.bundleId, pak.purchased, pak.autoRenew])).toEqual(
        [...truth.paks]
          .sort((a, b) => a.bundleId - b.bundleId)
          .map((pak) => [pak.bundleId, pak.qtyPurchased, pak.autoRenew]),
      );
      expect(mirrored?.mailboxes.map((mailbox) => mailbox.userName).sort()).toEqual(
        truth.mailboxes.map((mailbox) => mailbox.userName).sort(),
      );
    }
  });

  it("never stores a password, though GetPOP3 sends every one in clear", async () => {
    await runFullSync();
    const domain = (await domainsWithPaks())[0] ?? "";
    const [sld, ...rest] = domain.split(".");
    const form = new URLSearchParams({
      command: "GetPOP3",
      uid: "resellid",
      pw: "resellpw",
      sld: sld ?? "",
      tld: rest.join("."),
      responsetype: "xml",
    });
    const raw = await (await fetch(sim.url, { method: "POST", body: form })).text();
    const passwords = [...raw.matchAll(/<password>([^<]+)<\/password>/g)].map((match) => match[1] ?? "");
    expect(passwords.length).toBeGreaterThan(0);
    const db = await getDb();
    const dump = JSON.stringify([
      await db.select().from(mirrorDomains),
      await db.select().from(mirrorMailboxes),
      await db.select().from(mirrorPaks),
      await db.select().from(mirrorForwards),
    ]);
    for (const password of passwords) expect(dump).not.toContain(password);
  });

  it("records its generation, counts and eNom calls, and a second run leaves the same mirror", async () => {
    const db = await getDb();
    const before = await harness.lastSeq();
    const first = await runFullSync();
    const sent = (await harness.calls(before)).length;
    expect(first.enomCalls).toBe(sent);
    const snapshot = await db.select().from(mirrorMailboxes);
    const second = await runFullSync();
    expect(second.generation).toBeGreaterThan(first.generation);
    const again = await db.select().from(mirrorMailboxes);
    const strip = (rows: typeof snapshot) =>
      rows.map(({ readAt: _r, ...row }) => row).sort((a, b) => (a.address < b.address ? -1 : 1));
    expect(strip(again)).toEqual(strip(snapshot));
    const [row] = (await db.select().from(mirrorSyncs)).filter(
      (sync) => sync.generation === second.generation,
    );
    expect(row).toMatchObject({
      domainsListed: second.domainsListed,
      domainsRead: second.domainsRead,
      enomCalls: second.enomCalls,
      error: null,
    });
    expect(row?.finishedAt).toBeInstanceOf(Date);
  });

  it("removes a domain the account no longer lists, and only after a complete listing", async () => {
    await runFullSync();
    const gone = (await domainsWithPaks())[0] ?? "";
    expect(await readMirroredDomain(gone)).toBeDefined();
    // The same account, with that domain gone from both lists.
    const without: EnomClient = {
      ...client,
      getDomains: async (input) => {
        const result = await client.getDomains(input);
        const domains = result.domains.filter((domain) => domain.name.toLowerCase() !== gone);
        return { ...result, domains, totalDomainCount: domains.length };
      },
      getPopExpirations: async (options) => {
        const result = await client.getPopExpirations(options);
        return { ...result, paks: result.paks.filter((pak) => pak.domainName.toLowerCase() !== gone) };
      },
      getPop3: async (input) => {
        const result = await client.getPop3(input);
        // eNom would no longer list this domain's paks either.
        return `${result.domain.sld}.${result.domain.tld}`.toLowerCase() === gone
          ? { ...result, paks: [], mailboxes: [] }
          : result;
      },
    };
    const result = await runFullSync({ client: without });
    expect(result.domainsRemoved).toBe(1);
    expect(await readMirroredDomain(gone)).toBeUndefined();
  });

  it("keeps a domain's old rows when its read fails, records why, and goes on with the others", async () => {
    await runFullSync();
    const [failing] = await domainsWithPaks();
    const domain = failing ?? "";
    const before = await readMirroredDomain(domain);
    await harness.arm({ command: "GetPOP3", mode: "http500", times: 10 });
    await expect(refreshDomain(domain)).rejects.toThrow();
    const after = await readMirroredDomain(domain);
    expect(after?.paks).toEqual(before?.paks);
    expect(after?.mailboxes).toEqual(before?.mailboxes);
    expect(after?.domain.emailReadAt).toEqual(before?.domain.emailReadAt);
    expect(after?.domain.readError).toMatch(/not answering/);
    await harness.clearFaults();

    // A later read clears the failure.
    await refreshDomainsInMirror(domain);
    expect((await readMirroredDomain(domain))?.domain.readError).toBeNull();
  });

  it("reads the domains with email when the domain list cannot be read, and removes nothing", async () => {
    await runFullSync();
    const db = await getDb();
    const before = await db.$count(mirrorDomains);
    await harness.arm({ command: "GetDomains", mode: "http500", times: 50 });
    const result = await runFullSync();
    expect(result.domainsRead).toBe((await domainsWithPaks()).length);
    expect(result.domainsRemoved).toBe(0);
    expect(await db.$count(mirrorDomains)).toBe(before);
  });

  it("records a failure to read the account's paks on the sync and throws", async () => {
    await harness.arm({ command: "GetPOPExpirations", mode: "http500", times: 50 });
    await expect(runFullSync()).rejects.toThrow();
    const db = await getDb();
    const rows = await db.select().from(mirrorSyncs);
    const last = rows.sort((a, b) => b.generation - a.generation)[0];
    expect(last?.error).toMatch(/not answering/);
    expect(last?.finishedAt).toBeInstanceOf(Date);
  });
});

describe("refreshDomainsInMirror", () => {
  it("shows a change made at eNom at once, and never throws when eNom fails", async () => {
    await runFullSync();
    const domain = (await domainsWithPaks())[0] ?? "";
    const email = await client.getPop3({ domain });
    const pak = email.paks[0];
    if (!pak) throw new Error("the seeded domain has no pak");
    await client.setPakRenew({ domain, bundleId: pak.bundleId, autoRenew: !pak.autoRenew });
    await refreshDomainsInMirror([domain]);
    const mirrored = await readMirroredDomain(domain);
    expect(mirrored?.paks.find((row) => row.bundleId === pak.bundleId)?.autoRenew).toBe(!pak.autoRenew);

    await harness.arm({ command: "GetPOP3", mode: "http500", times: 10 });
    await expect(refreshDomainsInMirror(domain)).resolves.toBeUndefined();
  });
});
