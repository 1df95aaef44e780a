import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { enomErrors } from "../errors";
import {
  findDomain,
  parseTextReply,
  repeatedItems,
  seededWorld,
  startTestSimulator,
  text,
  xmlLeaves,
  type TestSimulator,
} from "../testing";

const pageSample = (file: string) =>
  readFileSync(new URL(`../../enom/__fixtures__/pages/${file}`, import.meta.url), "utf8");
function ownPaths(body: string): string[] {
  const leaves = xmlLeaves(body);
  const at = leaves.findIndex(([path]) => path === "Command");
  return [...new Set(leaves.slice(0, at).map(([path]) => path))];
}

const DOCS = { sld: "resellerdocs", tld: "com" };
const NOT_ON_ENOM = findDomain(seededWorld(), (d) => d.nsStatus === "NO", "a domain with DNS elsewhere");

let sim: TestSimulator;
beforeEach(async () => {
  sim = await startTestSimulator();
});
afterEach(() => sim.close());

const aliases = async () =>
  repeatedItems((await sim.ok("GetForwarding", DOCS)).eforward).map((e) => [
    text(e.alias),
    text(e["forward-to"]),
  ]);

describe("GetForwarding", () => {
  it("lists the domain's forwarding records in the page's elements: EmailCount, MaxEmail 100", async () => {
    const body = await (
      await sim.get(
        "command=GetForwarding&uid=resellid&pw=resellpw&sld=resellerdocs&tld=com&responsetype=xml",
      )
    ).text();
    expect(ownPaths(body)).toEqual(ownPaths(pageSample("get-forwarding.page.xml")));
    const reply = await sim.ok("GetForwarding", DOCS);
    expect(text(reply.EmailCount)).toBe("1");
    expect(text(reply.MaxEmail)).toBe("100");
    expect(await aliases()).toEqual([["Jane.Doe", "jane@example.net"]]);
  });

  it("answers Text as its sample: Username1, ForwardTo1, Status1 0, MailID1", async () => {
    const reply = parseTextReply(
      await (await sim.get("command=GetForwarding&uid=resellid&pw=resellpw&sld=resellerdocs&tld=com")).text(),
    );
    expect([reply.get("Username1"), reply.get("ForwardTo1"), reply.get("Status1")]).toEqual([
      "Jane.Doe",
      "jane@example.net",
      "0",
    ]);
    expect(reply.get("MailID1")).toMatch(/^\d+$/);
  });

  it("refuses a domain whose DNS is not at eNom", async () => {
    expect(await sim.refused("GetForwarding", { sld: NOT_ON_ENOM.sld, tld: NOT_ON_ENOM.tld })).toEqual([
      enomErrors.notOnEnomDns,
    ]);
  });
});

describe("Forwarding", () => {
  it("replaces the whole list; an alias uses no mailbox; GetPOPForwarding sees the same records", async () => {
    const before = await sim.control("/_sim/state/domain/resellerdocs.com");
    const reply = await sim.ok("Forwarding", {
      ...DOCS,
      Address1: "Jane.Doe",
      ForwardTo1: "jane@example.net",
      Address2: "sales",
      ForwardTo2: "team@example.org",
    });
    expect(text(reply.EmailForwardingEnabled)).toBe("True");
    expect(await aliases()).toEqual([
      ["Jane.Doe", "jane@example.net"],
      ["sales", "team@example.org"],
    ]);
    const after = (await sim.control("/_sim/state/domain/resellerdocs.com")).json as {
      paks: unknown;
      mailboxes: unknown;
      forwards: unknown;
    };
    const earlier = before.json as typeof after;
    expect(after.paks).toEqual(earlier.paks);
    expect(after.mailboxes).toEqual(earlier.mailboxes);
    expect(after.forwards).toEqual([
      { userName: "Jane.Doe", forwardTo: "jane@example.net", statusFlags: "" },
      { userName: "sales", forwardTo: "team@example.org", statusFlags: "" },
    ]);
    const pop = await sim.ok("GetPOPForwarding", { ...DOCS, UserName: "sales" });
    expect(text(repeatedItems(pop.popforwarding)[0]?.forwardto)).toBe("team@example.org");

    await sim.ok("Forwarding", { ...DOCS, Address1: "sales", ForwardTo1: "team@example.org" });
    expect(await aliases()).toEqual([["sales", "team@example.org"]]);
  });

  it("refuses no Address1, a gap, an alias twice, a bad address; the list stays as it was", async () => {
    expect(await sim.refused("Forwarding", DOCS)).toEqual([enomErrors.missing("Address1")]);
    expect(await sim.refused("Forwarding", { ...DOCS, Address2: "a", ForwardTo2: "a@example.org" })).toEqual([
      enomErrors.indexGap("Address", 1),
    ]);
    expect(
      await sim.refused("Forwarding", {
        ...DOCS,
        Address1: "a",
        ForwardTo1: "a@example.org",
        Address2: "A",
        ForwardTo2: "b@example.org",
      }),
    ).toEqual([enomErrors.aliasListedTwice("A")]);
    expect(await sim.refused("Forwarding", { ...DOCS, Address1: "a", ForwardTo1: "nowhere" })).toEqual([
      enomErrors.notAnAddress("ForwardTo1"),
    ]);
    expect(await aliases()).toEqual([["Jane.Doe", "jane@example.net"]]);
  });
});
