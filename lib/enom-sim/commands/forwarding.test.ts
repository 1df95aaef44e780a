import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { enomErrors } from "../errors";
import { parseTextReply, repeatedItems, startTestSimulator, text, type TestSimulator } from "../testing";

const DOCS = { sld: "resellerdocs", tld: "com" };
const FORWARD = {
  ...DOCS,
  UserName: "sales",
  EMail: "resellerdocs.com",
  ForwardTo: "desk@example.org",
  Enable: 1,
};

let sim: TestSimulator;
beforeEach(async () => {
  sim = await startTestSimulator();
});
afterEach(() => sim.close());

const forwards = async (params: Record<string, string> = {}) =>
  repeatedItems((await sim.ok("GetPOPForwarding", { ...DOCS, ...params })).popforwarding);

describe("GetCatchAll and SetCatchAll", () => {
  it("reads the seeded catch-all, the GetCatchAll sample's address", async () => {
    expect(await sim.ok("GetCatchAll", DOCS)).toMatchObject({ CatchAll: "info@resellerdocs.com" });
  });

  it("sets a full address with ForwardTo, and answers it", async () => {
    expect(await sim.ok("SetCatchAll", { ...DOCS, ForwardTo: "office@example.org" })).toMatchObject({
      CatchAll: "office@example.org",
    });
    expect(await sim.ok("GetCatchAll", DOCS)).toMatchObject({ CatchAll: "office@example.org" });
  });

  it("answers Text as its pages' Text samples: success, ForwardTo, Version, no CatchAll", async () => {
    const reply = parseTextReply(
      await (await sim.get("command=GetCatchAll&uid=resellid&pw=resellpw&sld=resellerdocs&tld=com")).text(),
    );
    expect(reply.get("success")).toBe("True");
    expect(reply.get("ForwardTo")).toBe("info@resellerdocs.com");
    expect(reply.get("Version")).toBe("2");
    expect(reply.has("CatchAll")).toBe(false);
  });

  it.each([
    [{}, enomErrors.missing("ForwardTo")],
    [{ ForwardTo: "" }, enomErrors.missing("ForwardTo")],
    [{ ForwardTo: "office" }, enomErrors.notAnAddress("ForwardTo")],
    [{ CatchAll: "office@example.org" }, enomErrors.missing("ForwardTo")],
    [{ ForwardTo: `${"a".repeat(120)}@example.org` }, enomErrors.tooLong("ForwardTo", 130)],
  ])("refuses %j", async (params, error) => {
    expect(await sim.refused("SetCatchAll", { ...DOCS, ...params })).toEqual([error]);
  });
});

describe("GetPOPForwarding", () => {
  it("answers one user's record as the sample does: domainname, domainnameid, username, forwardto, active; Count", async () => {
    const reply = await sim.ok("GetPOPForwarding", { ...DOCS, UserName: "Jane.Doe" });
    expect(repeatedItems(reply.popforwarding)).toEqual([
      {
        domainname: "resellerdocs.com",
        domainnameid: "152533676",
        username: "Jane.Doe",
        forwardto: "jane@example.net",
        active: "1",
      },
    ]);
    expect(text(reply.Count)).toBe("1");
  });

  it("answers a mailbox without forwarding as its page's example: one empty record, Count 0", async () => {
    const reply = await sim.ok("GetPOPForwarding", { ...DOCS, UserName: "john" });
    expect(repeatedItems(reply.popforwarding)).toEqual([
      {
        domainname: "resellerdocs.com",
        domainnameid: "152533676",
        username: "john",
        forwardto: "",
        active: "",
      },
    ]);
    expect(text(reply.Count)).toBe("0");
  });

  it("lists every record of the domain without UserName, numbered in Text", async () => {
    await sim.ok("SetPOPForwarding", FORWARD);
    expect((await forwards()).map((record) => [text(record.username), text(record.forwardto)])).toEqual([
      ["Jane.Doe", "jane@example.net"],
      ["sales", "desk@example.org"],
    ]);
    const reply = parseTextReply(
      await (
        await sim.get("command=GetPOPForwarding&uid=resellid&pw=resellpw&sld=resellerdocs&tld=com")
      ).text(),
    );
    expect(reply.get("username2")).toBe("sales");
    expect(reply.get("Success")).toBe("True");
    expect(reply.has("Count")).toBe(false);
  });

  it("refuses a user name that is neither a mailbox nor forwarded", async () => {
    expect(await sim.refused("GetPOPForwarding", { ...DOCS, UserName: "ghost" })).toEqual([
      enomErrors.userNotFound("ghost"),
    ]);
  });
});

describe("SetPOPForwarding", () => {
  it("adds, changes and (Enable=0) deletes a forward, answering success 1", async () => {
    expect(await sim.ok("SetPOPForwarding", { ...FORWARD, StatusFlags: 1 })).toMatchObject({ success: "1" });
    expect(await forwards({ UserName: "sales" })).toMatchObject([
      { forwardto: "desk@example.org", active: "1" },
    ]);
    await sim.ok("SetPOPForwarding", { ...FORWARD, ForwardTo: "sales@example.net", StatusFlags: 0 });
    expect(await forwards({ UserName: "sales" })).toMatchObject([{ forwardto: "sales@example.net" }]);
    await sim.ok("SetPOPForwarding", { ...FORWARD, ForwardTo: "sales@example.net", Enable: 0 });
    expect(await forwards()).toHaveLength(1);
    const truth = (await sim.control("/_sim/state/domain/resellerdocs.com")).json as { forwards: unknown[] };
    expect(truth.forwards).toEqual([
      { userName: "Jane.Doe", forwardTo: "jane@example.net", statusFlags: "" },
    ]);
  });

  it("keeps the StatusFlags it was sent, as sent", async () => {
    await sim.ok("SetPOPForwarding", { ...FORWARD, StatusFlags: 0 });
    const truth = (await sim.control("/_sim/state/domain/resellerdocs.com")).json as {
      forwards: Array<{ userName: string; statusFlags: string }>;
    };
    expect(truth.forwards.find((forward) => forward.userName === "sales")?.statusFlags).toBe("0");
  });

  it.each([
    [{ EMail: undefined }, enomErrors.missing("EMail")],
    [{ EMail: "example.org" }, enomErrors.forwardingDomainMismatch],
    [{ Enable: undefined }, enomErrors.missing("Enable")],
    [{ Enable: 2 }, enomErrors.notPermitted("Enable", ["1", "0"])],
    [{ ForwardTo: undefined }, enomErrors.missing("ForwardTo")],
    [{ ForwardTo: "desk" }, enomErrors.notAnAddress("ForwardTo")],
    [{ StatusFlags: 2 }, enomErrors.notPermitted("StatusFlags", ["0", "1"])],
    [{ UserName: undefined }, enomErrors.missing("UserName")],
    [{ Enable: 0, UserName: "nobody" }, enomErrors.noForwarding("nobody")],
  ])("refuses %j", async (change, error) => {
    const params = Object.fromEntries(
      Object.entries({ ...FORWARD, ...change }).filter(
        (entry): entry is [string, string | number] => entry[1] !== undefined,
      ),
    );
    expect(await sim.refused("SetPOPForwarding", params)).toEqual([error]);
  });
});
