import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEnomSimulator } from "./server";
import { StateFileError } from "./store";
import { items, repeatedItems, startTestSimulator, text } from "./testing";

let folder: string;
let statePath: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "enom-sim-store-"));
  statePath = join(folder, "nested", "enom-sim.json");
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

interface SavedFile {
  seed: { domainCount: number; anchor: string };
  counters: { nextBundleId: number; nextOrderId: number };
  balances: Record<string, number>;
  domains: Record<string, unknown>;
}
const saved = () => JSON.parse(readFileSync(statePath, "utf8")) as SavedFile;

describe("the state file", () => {
  it("is written at start (folder created) and holds the seed's facts, no domain yet", async () => {
    const sim = await startTestSimulator({ statePath });
    await sim.close();
    expect(saved()).toMatchObject({
      seed: { domainCount: 40, anchor: "2025-06-15" },
      counters: { nextBundleId: 1004279, nextOrderId: 161786106 },
      domains: {},
    });
  });

  it("carries every change across a restart: domains, balances, counters", async () => {
    let sim = await startTestSimulator({ statePath });
    await sim.ok("PurchaseServices", {
      service: "pop3",
      sld: "enom-email-example-123",
      tld: "com",
      quantity: 15,
      quantityunit: "boxes",
    });
    await sim.ok("SetUpPOP3User", {
      sld: "resellerdocs",
      tld: "com",
      BundleID: 5134,
      UserName1: "james",
      Password1: "Secret-123x",
    });
    await sim.ok("SetPakRenew", { sld: "resellerdocs", tld: "com", BundleID: 5134, AutoPakRenew: 0 });
    await sim.close();
    // Only what changed is saved, on top of the seed.
    expect(Object.keys(saved().domains).sort()).toEqual(["enom-email-example-123.com", "resellerdocs.com"]);

    sim = await startTestSimulator({ statePath, domainCount: 7 });
    const docs = await sim.ok("GetPOP3", { sld: "resellerdocs", tld: "com" });
    expect(repeatedItems(docs.pop).map((mailbox) => text(mailbox.username))).toEqual([
      "john",
      "jane",
      "Jane.Doe",
      "james",
    ]);
    expect(repeatedItems(docs.pop).at(-1)?.password).toBe("Secret-123x");
    expect(text(items(docs.Paks, "Pak")[1]?.AutoRenew)).toBe("0");
    expect(await sim.ok("GetBalance")).toMatchObject({ Balance: "4,985.00" });
    // The saved world keeps its own size, and ids go on where they stopped.
    expect(await sim.ok("GetBalance")).toMatchObject({ DomainCount: "42" });
    const next = await sim.ok("PurchaseServices", {
      service: "pop3",
      sld: "enom-email-example-123",
      tld: "com",
    });
    expect(next).toMatchObject({ orderid: "161786107", Bundles: [{ BundleID: "1004280" }] });
    await sim.close();
  });

  it("is replaced by the seed on reset", async () => {
    let sim = await startTestSimulator({ statePath });
    await sim.ok("SetPakRenew", { sld: "resellerdocs", tld: "com", BundleID: 5134, AutoPakRenew: 0 });
    await sim.close();
    sim = await startTestSimulator({ statePath, reset: true });
    expect(
      text(items((await sim.ok("GetPOP3", { sld: "resellerdocs", tld: "com" })).Paks, "Pak")[1]?.AutoRenew),
    ).toBe("1");
    await sim.close();
    expect(saved().domains).toEqual({});
  });

  it.each([
    ["not JSON", "{ this is not json", /is not valid JSON/],
    ["another file", JSON.stringify({ hello: "world" }), /is not a simulator state file \(format/],
    ["a damaged domain", "", /is not a simulator state file \(domains\.resellerdocs\.com\.paks/],
    ["another seed generator", "", /another version of the seed generator/],
    ["a domain the seed does not have", "", /not in the seeded world/],
  ])("refuses to start from %s, pointing at --reset", async (what, content, reason) => {
    const sim = await startTestSimulator({ statePath });
    await sim.ok("SetPakRenew", { sld: "resellerdocs", tld: "com", BundleID: 5134, AutoPakRenew: 0 });
    await sim.close();
    const good = saved() as unknown as Record<string, unknown> & {
      domains: Record<string, Record<string, unknown>>;
    };
    const bad =
      content !== ""
        ? content
        : what === "a damaged domain"
          ? JSON.stringify({
              ...good,
              domains: { "resellerdocs.com": { ...good.domains["resellerdocs.com"], paks: "lots" } },
            })
          : what === "another seed generator"
            ? JSON.stringify({ ...good, generator: 999 })
            : JSON.stringify({
                ...good,
                domains: { "nowhere.com": { ...good.domains["resellerdocs.com"], sld: "nowhere" } },
              });
    writeFileSync(statePath, bad);
    const attempt = startEnomSimulator({ port: 0, statePath });
    await expect(attempt).rejects.toBeInstanceOf(StateFileError);
    await expect(attempt).rejects.toThrow(reason);
    await expect(attempt).rejects.toThrow(/--reset/);
    expect(readFileSync(statePath, "utf8")).toBe(bad);
    const fresh = await startEnomSimulator({ port: 0, statePath, reset: true });
    await fresh.close();
  });

  it("reports a file it cannot read", async () => {
    mkdirSync(statePath, { recursive: true });
    await expect(startEnomSimulator({ port: 0, statePath })).rejects.toThrow(/cannot be read/);
  });

  it("leaves no temporary file behind, and removes ones a crash left", async () => {
    mkdirSync(join(folder, "nested"), { recursive: true });
    writeFileSync(`${statePath}.tmp-99999`, "half a fi");
    const sim = await startTestSimulator({ statePath });
    await sim.ok("SetPakRenew", { sld: "resellerdocs", tld: "com", BundleID: 5134, AutoPakRenew: 0 });
    await sim.close();
    expect(readdirSync(join(folder, "nested"))).toEqual(["enom-sim.json"]);
  });

  it("is not written at all in memory-only mode", async () => {
    const sim = await startTestSimulator({ statePath: null });
    await sim.ok("SetPakRenew", { sld: "resellerdocs", tld: "com", BundleID: 5134, AutoPakRenew: 0 });
    await sim.close();
    expect(existsSync(statePath)).toBe(false);
  });
});
