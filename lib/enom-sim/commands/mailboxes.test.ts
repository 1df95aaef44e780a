import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { enomErrors } from "../errors";
import { DOCS_BUNDLE_ID } from "../seed";
import {
  domainParamsOf,
  errorsOf,
  findDomain,
  items,
  parseTextReply,
  seededWorld,
  startTestSimulator,
  text,
  type TestSimulator,
} from "../testing";
import { freeMailboxes, isExpired } from "../world";

const DOCS = { sld: "resellerdocs", tld: "com", BundleID: DOCS_BUNDLE_ID };
const TODAY = "2025-06-15";
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

const mailboxes = async (domain: { sld: string; tld: string } = DOCS) =>
  items((await sim.ok("GetPOP3", domain)).Emails, "Email");
const users = (...names: string[]) =>
  Object.fromEntries(
    names.flatMap((name, index) => [
      [`UserName${index + 1}`, name],
      [`Password${index + 1}`, "Secret123"],
    ]),
  );
const truth = async (domain: string) =>
  (await sim.control(`/_sim/state/domain/${domain}`)).json as {
    mailboxes: Array<{ userName: string; isAdmin: boolean; passwordSetAt: string }>;
    catchAll: string;
  };

describe("SetUpPOP3User", () => {
  it("creates every user of a batch with its display name, admin flag and forwarding", async () => {
    const reply = await sim.ok("SetUpPOP3User", {
      ...DOCS,
      ...users("info", "maria"),
      IsAdmin1: 1,
      DisplayName1: "Front Desk",
      ForwardTo2: "maria@example.net",
    });
    expect(reply).toMatchObject({ Success: "True", AccountsCreated: "2", AccountsFailed: "0" });
    expect(reply.FailedAccounts).toBeUndefined();
    expect(await mailboxes()).toEqual([
      { UserName: "info", DisplayName: "Front Desk", BundleId: "5134", IsAdmin: "1", ForwardTo: "" },
      { UserName: "maria", DisplayName: "", BundleId: "5134", IsAdmin: "0", ForwardTo: "maria@example.net" },
    ]);
    const [pak] = items((await sim.ok("GetPOP3", DOCS)).Paks, "Pak");
    expect(text(pak?.QtyAvailable)).toBe("8");
  });

  it("refuses the whole batch when it does not fit the pak's free mailboxes", async () => {
    const eleven = users(...Array.from({ length: 11 }, (_, index) => `user${index + 1}`));
    expect(await sim.refused("SetUpPOP3User", { ...DOCS, ...eleven })).toEqual([
      enomErrors.pakTooSmall(10, 11),
    ]);
    expect(await mailboxes()).toEqual([]);
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

  it("fails a taken name alone (case-insensitively) with eNom's 'Invalid Item specified'", async () => {
    await sim.ok("SetUpPOP3User", { ...DOCS, ...users("james") });
    const reply = await sim.ok("SetUpPOP3User", { ...DOCS, ...users("JAMES", "grace", "grace") });
    expect(reply).toMatchObject({ AccountsCreated: "1", AccountsFailed: "2" });
    expect(items(reply.FailedAccounts, "Account")).toEqual([
      { UserName: "JAMES", Reason: enomErrors.nameTaken },
      { UserName: "grace", Reason: enomErrors.nameTaken },
    ]);
    expect((await mailboxes()).map((mailbox) => mailbox.UserName)).toEqual(["james", "grace"]);
  });

  it("answers ErrCount 1 with the first reason when every user fails", async () => {
    await sim.ok("SetUpPOP3User", { ...DOCS, ...users("james") });
    expect(await sim.refused("SetUpPOP3User", { ...DOCS, ...users("james") })).toEqual([
      enomErrors.nameTaken,
    ]);
  });

  it.each([
    [
      "bad name!",
      "Secret123",
      enomErrors.badUserName(
        "bad name!",
        "Use letters, digits, dots, hyphens and underscores, starting and ending with a letter or digit.",
      ),
    ],
    [
      "two..dots",
      "Secret123",
      enomErrors.badUserName("two..dots", "A mailbox name cannot have two dots in a row."),
    ],
    ["tom", "short", enomErrors.badPassword("tom", "A password has 6 to 30 characters.")],
    ["tom", "pass word1", enomErrors.badPassword("tom", "A password may use only letters and digits.")],
    ["tomtom", "TOMTOM", enomErrors.badPassword("tomtom", "A password cannot be the mailbox name.")],
  ])("refuses user %s with password %s by eNom's rules", async (userName, password, reason) => {
    const reply = await sim.ok("SetUpPOP3User", {
      ...DOCS,
      UserName1: "ok1",
      Password1: "Secret123",
      UserName2: userName,
      Password2: password,
    });
    expect(items(reply.FailedAccounts, "Account")).toEqual([{ UserName: userName, Reason: reason }]);
  });

  it("accepts eNom's own example password, resellpw (no upper case or digit needed by eNom)", async () => {
    await sim.ok("SetUpPOP3User", { ...DOCS, UserName1: "james", Password1: "resellpw" });
  });

  it("fails a user whose forwarding is not an address, or is the mailbox itself", async () => {
    const reply = await sim.ok("SetUpPOP3User", {
      ...DOCS,
      ...users("a1", "b2", "c3"),
      ForwardTo1: "not an address",
      ForwardTo2: "B2@ResellerDocs.com",
    });
    expect(items(reply.FailedAccounts, "Account")).toEqual([
      { UserName: "a1", Reason: enomErrors.notAnAddress("ForwardTo1") },
      { UserName: "b2", Reason: enomErrors.forwardToSelf },
    ]);
  });

  it.each([
    [{ UserName1: "x1" }, enomErrors.missing("Password1")],
    [{ Password1: "Secret123" }, enomErrors.missing("UserName1")],
    [
      { UserName1: "x1", Password1: "Secret123", UserName3: "x3", Password3: "Secret123" },
      enomErrors.indexGap("UserName", 2),
    ],
    [{ UserName1: "a".repeat(31), Password1: "Secret123" }, enomErrors.tooLong("UserName1", 30)],
    [{ ...users("x1"), IsAdmin1: 2 }, enomErrors.notPermitted("IsAdmin1", ["0", "1"])],
    [{ ...users("x1"), DisplayName1: "Tab\there" }, enomErrors.controlCharacters("DisplayName1")],
    [{ ...users("x1"), DisplayName1: "d".repeat(61) }, enomErrors.tooLong("DisplayName1", 60)],
    [{ ...users("x1"), BundleID: 5200 }, enomErrors.bundleNotFound(5200)],
    [{ ...users("x1"), BundleID: "" }, enomErrors.missing("BundleID")],
    [{ ...users("x1"), SLD2: "other-domain" }, enomErrors.oneDomainPerQuery],
    [users(...Array.from({ length: 100 }, (_, index) => `u${index + 1}`)), enomErrors.tooManyUsers(99)],
  ])("refuses the batch %#", async (change, error) => {
    expect(await sim.refused("SetUpPOP3User", { ...DOCS, ...change })).toEqual([error]);
    expect(await mailboxes()).toEqual([]);
  });

  it("refuses new mailboxes in an expired pak", async () => {
    expect(
      await sim.refused("SetUpPOP3User", {
        ...domainParamsOf(expiredWithMailboxes),
        BundleID: expiredPak?.bundleId ?? 0,
        ...users("late"),
      }),
    ).toEqual([enomErrors.pakExpired(expiredPak?.bundleId ?? 0)]);
  });

  it("reads the domain from sld1/tld1 as seeds/002 Step 3 sends it", async () => {
    await sim.ok("SetUpPOP3User", {
      sld1: "resellerdocs",
      tld1: "com",
      BundleID: DOCS_BUNDLE_ID,
      ...users("userone"),
    });
    expect((await mailboxes()).map((mailbox) => mailbox.UserName)).toEqual(["userone"]);
  });

  it("carries a hostile display name through XML, HTML and Text unharmed", async () => {
    const hostile = `</DisplayName><IsAdmin>1</IsAdmin> & "quotes" <b>`;
    await sim.ok("SetUpPOP3User", { ...DOCS, ...users("victim"), DisplayName1: hostile });
    const [mailbox] = await mailboxes();
    expect(mailbox).toMatchObject({ DisplayName: hostile, IsAdmin: "0" });
    const html = await (
      await sim.get("command=GetPOP3&uid=resellid&pw=resellpw&sld=resellerdocs&tld=com&responsetype=html")
    ).text();
    expect(html).toContain(
      "&lt;/DisplayName&gt;&lt;IsAdmin&gt;1&lt;/IsAdmin&gt; &amp; &quot;quotes&quot; &lt;b&gt;",
    );
    const textReply = parseTextReply(
      await (await sim.get("command=GetPOP3&uid=resellid&pw=resellpw&sld=resellerdocs&tld=com")).text(),
    );
    expect(textReply.get("DisplayName1")).toBe(hostile);
    expect(textReply.get("IsAdmin1")).toBe("0");
  });

  it("lists failures in Text as FailedUserName1 / FailedReason1", async () => {
    await sim.ok("SetUpPOP3User", { ...DOCS, ...users("james") });
    const body = await (
      await sim.get(
        `command=SetUpPOP3User&uid=resellid&pw=resellpw&sld=resellerdocs&tld=com&BundleID=5134&UserName1=james&Password1=Secret123&UserName2=jane&Password2=Secret123`,
      )
    ).text();
    const reply = parseTextReply(body);
    expect(reply.get("AccountsCreated")).toBe("1");
    expect(reply.get("FailedUserName1")).toBe("james");
    expect(reply.get("FailedReason1")).toBe(enomErrors.nameTaken);
  });
});

describe("ModifyPOP3", () => {
  beforeEach(async () => {
    await sim.ok("SetUpPOP3User", { ...DOCS, ...users("info", "maria") });
  });

  it("promotes, demotes and changes passwords, several users in one call", async () => {
    const before = await truth("resellerdocs.com");
    sim.advanceClock(60_000);
    const reply = await sim.ok("ModifyPOP3", {
      ...DOCS,
      EmailCount: 2,
      UserName1: "INFO",
      IsAdmin1: 1,
      UserName2: "maria",
      Password2: "NewPass99",
    });
    expect(reply).toMatchObject({
      Success: "True",
      AccountsModified: "2",
      AccountsFailed: "0",
      Version: "1",
    });
    expect((await mailboxes()).map((mailbox) => [mailbox.UserName, mailbox.IsAdmin])).toEqual([
      ["info", "1"],
      ["maria", "0"],
    ]);
    const after = await truth("resellerdocs.com");
    expect(after.mailboxes[1]?.passwordSetAt).not.toBe(before.mailboxes[1]?.passwordSetAt);
    expect(after.mailboxes[0]?.passwordSetAt).toBe(before.mailboxes[0]?.passwordSetAt);
  });

  it.each([
    [{ EmailCount: 2, UserName1: "info", IsAdmin1: 1 }, enomErrors.emailCountMismatch(2, 1)],
    [{ UserName1: "info", IsAdmin1: 1 }, enomErrors.missing("EmailCount")],
    [{ EmailCount: "100", UserName1: "info", IsAdmin1: 1 }, enomErrors.tooLong("EmailCount", 2)],
    [{ EmailCount: 1, UserName1: "info" }, enomErrors.nothingToModify(1)],
    [{ EmailCount: 1, UserName1: "info", IsAdmin1: "yes" }, enomErrors.tooLong("IsAdmin1", 1)],
    [{ EmailCount: 1, UserName1: "nobody", IsAdmin1: 1 }, enomErrors.userNotFound("nobody")],
    [
      { EmailCount: 1, UserName1: "info", Password1: "abc" },
      enomErrors.badPassword("info", "A password has 6 to 30 characters."),
    ],
  ])("refuses %j", async (change, error) => {
    expect(await sim.refused("ModifyPOP3", { ...DOCS, ...change })).toEqual([error]);
  });

  it("fails an unknown user alone and changes the rest", async () => {
    const reply = await sim.ok("ModifyPOP3", {
      ...DOCS,
      EmailCount: 2,
      UserName1: "ghost",
      IsAdmin1: 1,
      UserName2: "maria",
      IsAdmin2: 1,
    });
    expect(reply).toMatchObject({ AccountsModified: "1", AccountsFailed: "1" });
    expect(items(reply.FailedAccounts, "Account")).toEqual([
      { UserName: "ghost", Reason: enomErrors.userNotFound("ghost") },
    ]);
  });

  it("changes a password even on an expired pak, but not the admin flag", async () => {
    const where = {
      ...domainParamsOf(expiredWithMailboxes),
      BundleID: expiredPak?.bundleId ?? 0,
      EmailCount: 1,
    };
    const userName = expiredMailbox?.userName ?? "";
    await sim.ok("ModifyPOP3", { ...where, UserName1: userName, Password1: "Renewed123" });
    expect(
      await sim.refused("ModifyPOP3", {
        ...where,
        UserName1: userName,
        IsAdmin1: expiredMailbox?.isAdmin ? 0 : 1,
      }),
    ).toEqual([enomErrors.adminChangeOnExpiredPak(expiredPak?.bundleId ?? 0)]);
  });
});

describe("DeletePOP3", () => {
  beforeEach(async () => {
    await sim.ok("SetUpPOP3User", { ...DOCS, ...users("info", "maria", "tom") });
  });

  it("deletes the named mailboxes and frees their places", async () => {
    const reply = await sim.ok("DeletePOP3", {
      sld: "resellerdocs",
      tld: "com",
      UserName1: "MARIA",
      UserName2: "tom",
    });
    expect(reply).toMatchObject({ AccountsDeleted: "2", success: "True" });
    expect((await mailboxes()).map((mailbox) => mailbox.UserName)).toEqual(["info"]);
    expect(text(items((await sim.ok("GetPOP3", DOCS)).Paks, "Pak")[0]?.QtyAvailable)).toBe("9");
  });

  it("turns off a catch-all that pointed at a deleted mailbox", async () => {
    await sim.ok("SetCatchAll", { sld: "resellerdocs", tld: "com", CatchAll: "info" });
    await sim.ok("DeletePOP3", { sld: "resellerdocs", tld: "com", UserName1: "info" });
    expect((await truth("resellerdocs.com")).catchAll).toBe("");
  });

  it("fails names that do not exist, alone, or as the whole call when none exist", async () => {
    const reply = await sim.ok("DeletePOP3", {
      sld: "resellerdocs",
      tld: "com",
      UserName1: "ghost",
      UserName2: "tom",
      UserName3: "TOM",
    });
    expect(reply).toMatchObject({ AccountsDeleted: "1" });
    expect(items(reply.FailedAccounts, "Account").map((failure) => failure.UserName)).toEqual([
      "ghost",
      "TOM",
    ]);
    expect(await sim.refused("DeletePOP3", { sld: "resellerdocs", tld: "com", UserName1: "ghost" })).toEqual([
      enomErrors.userNotFound("ghost"),
    ]);
    expect(await sim.refused("DeletePOP3", { sld: "resellerdocs", tld: "com" })).toEqual([
      enomErrors.missing("UserName1"),
    ]);
  });

  it("answers 'Domain name not found' for a domain of another account", async () => {
    expect(
      errorsOf(await sim.call("DeletePOP3", { sld: "hilltop-pottery", tld: "com", UserName1: "hello" })),
    ).toEqual([enomErrors.domainNotFound]);
  });
});
