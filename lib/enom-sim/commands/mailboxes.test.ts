import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { passwordProblem } from "../../validation/enom-rules";
import { enomErrors } from "../errors";
import { DOCS_BUNDLE_ID } from "../seed";
import {
  domainParamsOf,
  errorsOf,
  findDomain,
  items,
  parseTextReply,
  repeatedItems,
  responsesOf,
  seededWorld,
  startTestSimulator,
  text,
  type TestSimulator,
  type XmlObject,
} from "../testing";
import { quotaUsedMb } from "../mailbox-facts";
import { domainNameOf, freeMailboxes, isExpired, quotaMb } from "../world";

const DOCS = { sld: "resellerdocs", tld: "com" };
const IN_5134 = { ...DOCS, BundleID: DOCS_BUNDLE_ID };
const TODAY = "2025-06-15";
const DAY_MS = 86_400_000;
const world = seededWorld();
const expiredWithMailboxes = findDomain(
  world,
  (domain) =>
    domain.paks.some(
      (pak) => isExpired(pak, TODAY) && domain.mailboxes.some((mailbox) => mailbox.bundleId === pak.bundleId),
    ),
  "expired pak with mailboxes",
);
const expiredPak = expiredWithMailboxes.paks.find((pak) => isExpired(pak, TODAY));
const expiredMailbox = expiredWithMailboxes.mailboxes.find(
  (mailbox) => mailbox.bundleId === expiredPak?.bundleId,
);

let sim: TestSimulator;
beforeEach(async () => {
  sim = await startTestSimulator();
});
afterEach(() => sim.close());

const pops = async (domain: { sld: string; tld: string } = DOCS): Promise<XmlObject[]> =>
  repeatedItems((await sim.ok("GetPOP3", domain)).pop);
const userNames = async (domain: { sld: string; tld: string } = DOCS) =>
  (await pops(domain)).map((pop) => text(pop.username));
/** UserName1/Password1… with passwords that meet eNom's current rule. */
const users = (...names: string[]) =>
  Object.fromEntries(
    names.flatMap((name, index) => [
      [`UserName${index + 1}`, name],
      [`Password${index + 1}`, `Harbor-${index + 1}Lantern`],
    ]),
  );
const truth = async (domain: string) =>
  (await sim.control(`/_sim/state/domain/${domain}`)).json as {
    mailboxes: Array<Record<string, unknown>>;
  };

describe("GetPOP3", () => {
  it("lists each mailbox as a <pop> with its password in clear, quota, expiry, pak, admin flag and usage", async () => {
    const docs = world.domains.get("resellerdocs.com");
    const [john] = await pops();
    expect(john).toEqual({
      username: "john",
      password: docs?.mailboxes[0]?.password,
      quota: "1024",
      expdate: expect.stringMatching(/^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2} [AP]M$/) as unknown,
      BundleId: "5105",
      AutoRenew: "1",
      admin: "1",
      quotaused: expect.stringMatching(/^\d+$/) as unknown,
    });
    expect(
      passwordProblem(text(john?.password), { userName: "john", domain: "resellerdocs.com" }),
    ).toBeNull();
  });

  it("returns the password a mailbox was given, and the new one after ModifyPOP3", async () => {
    await sim.ok("SetUpPOP3User", { ...IN_5134, UserName1: "maria", Password1: "Quartz*9river" });
    expect((await pops()).find((pop) => text(pop.username) === "maria")?.password).toBe("Quartz*9river");
    await sim.ok("ModifyPOP3", { ...DOCS, EmailCount: 1, UserName1: "maria", Password1: "Basil/77cedar" });
    expect((await pops()).find((pop) => text(pop.username) === "maria")?.password).toBe("Basil/77cedar");
  });

  it("reports storage in use that starts at 0 and grows with the days, never past the quota", async () => {
    await sim.ok("SetUpPOP3User", { ...IN_5134, UserName1: "maria", Password1: "Quartz*9river" });
    const used = async () =>
      Number(text((await pops()).find((pop) => text(pop.username) === "maria")?.quotaused));
    expect(await used()).toBe(0);
    sim.advanceClock(30 * DAY_MS);
    const month = await used();
    sim.advanceClock(300 * DAY_MS);
    const later = await used();
    expect(month).toBeGreaterThan(0);
    expect(later).toBeGreaterThan(month);
    expect(later).toBeLessThanOrEqual(1024);
  });

  it("has, across the seeded world, mailboxes near their quota as well as light ones", () => {
    const ratios = [...world.domains.values()].flatMap((domain) =>
      domain.mailboxes.flatMap((mailbox) => {
        const pak = domain.paks.find((candidate) => candidate.bundleId === mailbox.bundleId);
        if (!pak) return [];
        return [quotaUsedMb(domainNameOf(domain), mailbox, quotaMb(pak), TODAY) / quotaMb(pak)];
      }),
    );
    expect(ratios.some((ratio) => ratio >= 0.9)).toBe(true);
    expect(ratios.some((ratio) => ratio > 0 && ratio < 0.1)).toBe(true);
    expect(ratios.every((ratio) => ratio >= 0 && ratio <= 1)).toBe(true);
  });

  it("writes Text with the page's names: Username1, Password1, quotaused1, vasitemid1, PakBundleId1", async () => {
    const reply = parseTextReply(
      await (await sim.get("command=getpop3&uid=resellid&pw=resellpw&sld=resellerdocs&tld=com")).text(),
    );
    expect(reply.get("Username1")).toBe("john");
    expect(reply.get("Password1")).toMatch(/.{10,20}/);
    expect(reply.get("BundleId1")).toBe("5105");
    expect(reply.get("vasitemid1")).toBe("5105");
    expect(reply.get("version1")).toBe("2");
    expect(reply.get("ExpDate1")).toMatch(/^\d{1,2}\/\d{1,2}\/\d{4}$/);
    expect(reply.get("PakBundleId3")).toBe("5733");
    expect(reply.get("EmailCount")).toBe("3");
    expect(reply.get("Count")).toBe("3");
  });

  it("answers a domain without email with no <pop> and no <Pak>, counts 0", async () => {
    const reply = await sim.ok("GetPOP3", { sld: "enom-email-example-123", tld: "com" });
    expect(reply.pop).toBeUndefined();
    expect(reply).toMatchObject({ EmailCount: "0", Paks: "", Count: "0", Successful: "True" });
  });

  it("refuses an unknown domain with eNom's 316153", async () => {
    const reply = await sim.call("GetPOP3", { sld: "no-such-domain", tld: "com" });
    expect(errorsOf(reply)).toEqual([enomErrors.domainNotFound]);
    expect(responsesOf(reply)).toEqual([
      {
        Description: "Domain name not found",
        ResponseNumber: "316153",
        ResponseString: "Validation error; not found; domain name(s)",
      },
    ]);
    expect(text(reply.ResponseCount)).toBe("1");
  });
});

describe("SetUpPOP3User", () => {
  it("creates every user of a batch with its admin flag; the display name is kept but never returned", async () => {
    const reply = await sim.ok("SetUpPOP3User", {
      ...IN_5134,
      ...users("info", "maria"),
      IsAdmin1: 1,
      DisplayName1: "Front Desk",
    });
    expect(reply).toMatchObject({ Success: "True", AccountsCreated: "2", AccountsFailed: "0" });
    const created = (await pops()).slice(3);
    expect(created.map((pop) => [text(pop.username), text(pop.admin), text(pop.BundleId)])).toEqual([
      ["info", "1", "5134"],
      ["maria", "0", "5134"],
    ]);
    expect(JSON.stringify(created)).not.toContain("Front Desk");
    expect(
      (await truth("resellerdocs.com")).mailboxes.find((mailbox) => mailbox.userName === "info"),
    ).toMatchObject({
      displayName: "Front Desk",
    });
  });

  it("refuses the whole batch when it does not fit the pak's free mailboxes", async () => {
    const eleven = users(...Array.from({ length: 11 }, (_, index) => `user${index + 1}`));
    expect(await sim.refused("SetUpPOP3User", { ...IN_5134, ...eleven })).toEqual([
      enomErrors.pakTooSmall(10, 11),
    ]);
    const full = findDomain(
      world,
      (domain) => domain.paks.some((pak) => freeMailboxes(domain, pak) === 0 && !isExpired(pak, TODAY)),
      "full pak",
    );
    const fullPak = full.paks.find((pak) => freeMailboxes(full, pak) === 0 && !isExpired(pak, TODAY));
    expect(
      await sim.refused("SetUpPOP3User", {
        ...domainParamsOf(full),
        BundleID: fullPak?.bundleId ?? 0,
        ...users("newcomer"),
      }),
    ).toEqual([enomErrors.pakTooSmall(0, 1)]);
  });

  it("answers a partly failed batch with its counts and the errors, never which names failed", async () => {
    await sim.ok("SetUpPOP3User", { ...IN_5134, ...users("james") });
    const reply = await sim.call("SetUpPOP3User", { ...IN_5134, ...users("JAMES", "grace", "grace") });
    expect(reply).toMatchObject({
      Success: "True",
      AccountsCreated: "1",
      AccountsFailed: "2",
      ErrCount: "2",
    });
    expect(errorsOf(reply)).toEqual([enomErrors.nameTaken, enomErrors.nameTaken]);
    expect(reply.FailedAccounts).toBeUndefined();
    expect(JSON.stringify(reply)).not.toContain("JAMES");
    expect((await userNames()).slice(3)).toEqual(["james", "grace"]);
  });

  it("answers the counts beside the error when every user fails, and changes nothing", async () => {
    await sim.ok("SetUpPOP3User", { ...IN_5134, ...users("james") });
    const reply = await sim.call("SetUpPOP3User", { ...IN_5134, ...users("james") });
    expect(reply).toMatchObject({ AccountsCreated: "0", AccountsFailed: "1", ErrCount: "1" });
    expect(errorsOf(reply)).toEqual([enomErrors.nameTaken]);
  });

  it.each(["Abcdefg1", "harbor-lantern7", "Harbor-Lantern", "HarborLantern7", "Harbor Lantern-7"])(
    "refuses the password %j by eNom's current rule",
    async (password) => {
      const problem = passwordProblem(password);
      expect(problem).not.toBeNull();
      const reply = await sim.call("SetUpPOP3User", { ...IN_5134, UserName1: "maria", Password1: password });
      expect(errorsOf(reply)).toEqual([enomErrors.badPassword(problem ?? "")]);
      expect(responsesOf(reply)).toEqual([]);
    },
  );

  it.each([
    ["Maria-2024xyz", "the user name"],
    ["Resellerdocs-9", "the domain's SLD"],
    ["X1-resellerdocs.com", "the domain"],
  ])("refuses %j, which contains %s, with eNom's error 48", async (password) => {
    const reply = await sim.call("SetUpPOP3User", { ...IN_5134, UserName1: "maria", Password1: password });
    expect(errorsOf(reply)).toEqual(["Password rejected - contains username or other account info"]);
    expect(responsesOf(reply)).toEqual([
      { ResponseNumber: "48", ResponseString: "Password rejected - contains username or other account info" },
    ]);
    expect(await userNames()).not.toContain("maria");
  });

  it("accepts the seeds' 2014 passwords only with the legacy switch", async () => {
    const legacy = await startTestSimulator({ legacyPasswords: true });
    try {
      await legacy.ok("SetUpPOP3User", { ...IN_5134, UserName1: "james", Password1: "resellpw" });
      expect(
        await legacy.refused("SetUpPOP3User", { ...IN_5134, UserName1: "mary", Password1: "Mary-2024xy" }),
      ).toEqual(["Password is not valid: A password may use only letters and digits."]);
    } finally {
      await legacy.close();
    }
    expect(
      await sim.refused("SetUpPOP3User", { ...IN_5134, UserName1: "james", Password1: "resellpw" }),
    ).toEqual([enomErrors.badPassword("A password has 10 to 20 characters.")]);
  });

  it.each([
    [
      { ...IN_5134, UserName1: "x".repeat(31), Password1: "Harbor-1Lantern" },
      enomErrors.tooLong("UserName1", 30),
    ],
    [{ ...IN_5134, UserName1: "a" }, enomErrors.missing("Password1")],
    [{ ...IN_5134, UserName2: "a", Password2: "Harbor-1Lantern" }, enomErrors.indexGap("UserName", 1)],
    [{ ...DOCS, ...users("a") }, enomErrors.missing("BundleID")],
    [{ ...IN_5134, ...users("a"), IsAdmin1: 2 }, enomErrors.notPermitted("IsAdmin1", ["0", "1"])],
    [
      { ...IN_5134, ...users("a"), ForwardTo1: "a@example.net" },
      enomErrors.notSimulated("ForwardTo1 with a value (use SetPOPForwarding)"),
    ],
  ])("refuses %j", async (params, error) => {
    expect(await sim.refused("SetUpPOP3User", params)).toEqual([error]);
  });

  it("refuses a pak that has expired", async () => {
    expect(
      await sim.refused("SetUpPOP3User", {
        ...domainParamsOf(expiredWithMailboxes),
        BundleID: expiredPak?.bundleId ?? 0,
        ...users("late"),
      }),
    ).toEqual([enomErrors.pakExpired(expiredPak?.bundleId ?? 0)]);
  });
});

describe("ModifyPOP3", () => {
  it("finds mailboxes by name without a BundleID and changes admin flags and passwords", async () => {
    const reply = await sim.ok("ModifyPOP3", {
      ...DOCS,
      EmailCount: 2,
      UserName1: "john",
      IsAdmin1: 0,
      UserName2: "jane",
      Password2: "Ember@12slate",
    });
    expect(reply).toMatchObject({ Success: "True", AccountsModified: "2", AccountsFailed: "0" });
    const [john, jane] = await pops();
    expect(text(john?.admin)).toBe("0");
    expect(text(jane?.password)).toBe("Ember@12slate");
    expect(reply.Version).toBeUndefined();
  });

  it("accepts the BundleID seeds/002 sends anyway, and answers Version 3 for a Mailbox pak", async () => {
    const mailboxDomain = findDomain(
      world,
      (domain) =>
        domain.paks.some(
          (pak) =>
            pak.prodType === 2011 &&
            !isExpired(pak, TODAY) &&
            domain.mailboxes.some((m) => m.bundleId === pak.bundleId),
        ),
      "Mailbox pak with mailboxes",
    );
    const pak = mailboxDomain.paks.find(
      (candidate) =>
        candidate.prodType === 2011 &&
        !isExpired(candidate, TODAY) &&
        mailboxDomain.mailboxes.some((m) => m.bundleId === candidate.bundleId),
    );
    const mailbox = mailboxDomain.mailboxes.find((candidate) => candidate.bundleId === pak?.bundleId);
    const reply = await sim.ok("ModifyPOP3", {
      ...domainParamsOf(mailboxDomain),
      BundleID: 999_999,
      EmailCount: 1,
      UserName1: mailbox?.userName ?? "",
      IsAdmin1: 1,
    });
    expect(reply).toMatchObject({ AccountsModified: "1", Version: "3" });
  });

  it("changes a password in an expired pak but refuses an admin change there", async () => {
    const params = {
      ...domainParamsOf(expiredWithMailboxes),
      EmailCount: 1,
      UserName1: expiredMailbox?.userName ?? "",
    };
    await sim.ok("ModifyPOP3", { ...params, Password1: "Zephyr/42moss" });
    const reply = await sim.call("ModifyPOP3", { ...params, IsAdmin1: expiredMailbox?.isAdmin ? 0 : 1 });
    expect(errorsOf(reply)).toEqual([enomErrors.adminChangeOnExpiredPak(expiredPak?.bundleId ?? 0)]);
    expect(reply).toMatchObject({ AccountsModified: "0", AccountsFailed: "1" });
  });

  it("refuses a password containing the user name with error 48, the others of the batch going through", async () => {
    const reply = await sim.call("ModifyPOP3", {
      ...DOCS,
      EmailCount: 2,
      UserName1: "john",
      Password1: "JOHN-is-7great",
      UserName2: "jane",
      Password2: "Prism_88onyx",
    });
    expect(reply).toMatchObject({ AccountsModified: "1", AccountsFailed: "1" });
    expect(responsesOf(reply).map((response) => response.ResponseNumber)).toEqual(["48"]);
    expect(text((await pops())[1]?.password)).toBe("Prism_88onyx");
  });

  it.each([
    [{ EmailCount: 2, UserName1: "john", IsAdmin1: 1 }, enomErrors.emailCountMismatch(2, 1)],
    [{ UserName1: "john", IsAdmin1: 1 }, enomErrors.missing("EmailCount")],
    [{ EmailCount: 100, UserName1: "john", IsAdmin1: 1 }, enomErrors.tooLong("EmailCount", 2)],
    [{ EmailCount: 1, UserName1: "john" }, enomErrors.nothingToModify(1)],
    [
      { EmailCount: 1, UserName1: "john", Password1: `A-1${"b".repeat(48)}` },
      enomErrors.tooLong("Password1", 50),
    ],
  ])("refuses %j", async (params, error) => {
    expect(await sim.refused("ModifyPOP3", { ...DOCS, ...params })).toEqual([error]);
  });

  it("counts an unknown user as failed", async () => {
    const reply = await sim.call("ModifyPOP3", { ...DOCS, EmailCount: 1, UserName1: "nobody", IsAdmin1: 1 });
    expect(errorsOf(reply)).toEqual([enomErrors.userNotFound("nobody")]);
  });
});

describe("DeletePOP3", () => {
  it("deletes mailboxes by name and frees their place in the pak", async () => {
    const reply = await sim.ok("DeletePOP3", { ...DOCS, UserName1: "john", UserName2: "JANE" });
    expect(reply).toMatchObject({ AccountsDeleted: "2", success: "True" });
    expect(await userNames()).toEqual(["Jane.Doe"]);
    const [pak] = items((await sim.ok("GetPOP3", DOCS)).Paks, "Pak");
    expect(text(pak?.QtyAvailable)).toBe("9");
  });

  it("refuses user names over 16 characters, as its page's table says", async () => {
    await sim.ok("SetUpPOP3User", {
      ...IN_5134,
      UserName1: "seventeen-letters",
      Password1: "Harbor-1Lantern",
    });
    expect(await sim.refused("DeletePOP3", { ...DOCS, UserName1: "seventeen-letters" })).toEqual([
      enomErrors.tooLong("UserName1", 16),
    ]);
    expect(await userNames()).toContain("seventeen-letters");
  });

  it("deletes only from a pak whose subscription is current", async () => {
    const reply = await sim.call("DeletePOP3", {
      ...domainParamsOf(expiredWithMailboxes),
      UserName1: expiredMailbox?.userName ?? "",
    });
    expect(errorsOf(reply)).toEqual([enomErrors.deleteOnExpiredPak(expiredPak?.bundleId ?? 0)]);
    expect(await userNames(domainParamsOf(expiredWithMailboxes))).toContain(expiredMailbox?.userName);
  });

  it("writes AccountsDeleted in XML only, as the page's Text sample shows `success` alone", async () => {
    const body = await (
      await sim.get("command=DeletePOP3&uid=resellid&pw=resellpw&sld=resellerdocs&tld=com&UserName1=john")
    ).text();
    const reply = parseTextReply(body);
    expect(reply.get("success")).toBe("True");
    expect(reply.has("AccountsDeleted")).toBe(false);
  });

  it("counts a name that is not there as failed", async () => {
    const reply = await sim.call("DeletePOP3", { ...DOCS, UserName1: "john", UserName2: "ghost" });
    expect(reply).toMatchObject({ AccountsDeleted: "1", ErrCount: "1" });
    expect(errorsOf(reply)).toEqual([enomErrors.userNotFound("ghost")]);
  });
});
