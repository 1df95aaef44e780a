import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { enomErrors } from "../errors";
import { DOCS_BUNDLE_ID } from "../seed";
import { startTestSimulator, type TestSimulator } from "../testing";

const DOCS = { sld: "resellerdocs", tld: "com" };

let sim: TestSimulator;
beforeEach(async () => {
  sim = await startTestSimulator();
  await sim.ok("SetUpPOP3User", {
    ...DOCS,
    BundleID: DOCS_BUNDLE_ID,
    UserName1: "Info",
    Password1: "Secret123",
  });
});
afterEach(() => sim.close());

describe("GetCatchAll / SetCatchAll", () => {
  it("points the catch-all at a mailbox, an outside address, or nowhere", async () => {
    expect(await sim.ok("GetCatchAll", DOCS)).toMatchObject({ CatchAll: "", Success: "True" });
    expect(await sim.ok("SetCatchAll", { ...DOCS, CatchAll: "info" })).toMatchObject({ CatchAll: "Info" });
    expect(await sim.ok("GetCatchAll", DOCS)).toMatchObject({ CatchAll: "Info" });
    await sim.ok("SetCatchAll", { ...DOCS, CatchAll: "office@example.org" });
    expect(await sim.ok("GetCatchAll", DOCS)).toMatchObject({ CatchAll: "office@example.org" });
    await sim.ok("SetCatchAll", { ...DOCS, CatchAll: "" });
    expect(await sim.ok("GetCatchAll", DOCS)).toMatchObject({ CatchAll: "" });
  });

  it.each([
    [{ CatchAll: "nobody" }, enomErrors.catchAllTarget],
    [{ CatchAll: "not@an@address" }, enomErrors.catchAllTarget],
    [{}, enomErrors.missing("CatchAll")],
  ])("refuses %j", async (change, error) => {
    expect(await sim.refused("SetCatchAll", { ...DOCS, ...change })).toEqual([error]);
  });

  it("needs a pak on the domain", async () => {
    expect(
      await sim.refused("SetCatchAll", {
        sld: "enom-email-example-123",
        tld: "com",
        CatchAll: "a@example.net",
      }),
    ).toEqual([enomErrors.noPaks]);
  });
});

describe("GetPOPForwarding / SetPOPForwarding", () => {
  it("sets, reads and stops a mailbox's forwarding", async () => {
    expect(await sim.ok("GetPOPForwarding", { ...DOCS, UserName: "info" })).toMatchObject({
      UserName: "Info",
      ForwardTo: "",
    });
    expect(
      await sim.ok("SetPOPForwarding", { ...DOCS, UserName: "info", ForwardTo: "owner@example.net" }),
    ).toMatchObject({
      ForwardTo: "owner@example.net",
    });
    expect(await sim.ok("GetPOPForwarding", { ...DOCS, UserName: "INFO" })).toMatchObject({
      ForwardTo: "owner@example.net",
    });
    await sim.ok("SetPOPForwarding", { ...DOCS, UserName: "info", ForwardTo: "" });
    expect(await sim.ok("GetPOPForwarding", { ...DOCS, UserName: "info" })).toMatchObject({ ForwardTo: "" });
  });

  it.each([
    [{ UserName: "ghost", ForwardTo: "a@example.net" }, enomErrors.userNotFound("ghost")],
    [{ ForwardTo: "a@example.net" }, enomErrors.missing("UserName")],
    [{ UserName: "info" }, enomErrors.missing("ForwardTo")],
    [{ UserName: "info", ForwardTo: "nope" }, enomErrors.notAnAddress("ForwardTo")],
    [{ UserName: "info", ForwardTo: "info@resellerdocs.com" }, enomErrors.forwardToSelf],
    [{ UserName: "info", ForwardTo: `${"a".repeat(120)}@example.net` }, enomErrors.tooLong("ForwardTo", 128)],
  ])("refuses %j", async (change, error) => {
    expect(await sim.refused("SetPOPForwarding", { ...DOCS, ...change })).toEqual([error]);
  });
});
