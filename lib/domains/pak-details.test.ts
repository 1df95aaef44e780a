import { describe, expect, it } from "vitest";
import { EnomError, EnomUnavailable } from "@/lib/enom";
import type { DomainEmail } from "@/lib/enom/types";
import {
  createPakDetailsReader,
  pakDetailOf,
  toDomainPakDetails,
  type DomainPakDetails,
} from "./pak-details";

/** GetPOP3 as eNom's sample has it (getpop3-online.xml), in the client's types: two mailboxes in one pak. */
const SAMPLE: Pick<DomainEmail, "paks" | "mailboxes"> = {
  paks: [
    {
      bundleId: 26770,
      qtyPurchased: 10,
      qtyAvailable: 8,
      expires: { iso: "2010-05-03" },
      autoRenew: false,
      quotaMb: 1024,
      capacityGb: 1,
      prodType: 38,
      version: null,
    },
  ],
  mailboxes: ["dell", "hp"].map((userName, index) => ({
    userName,
    address: `${userName}@example.com`,
    bundleId: 26770,
    isAdmin: index === 1,
    quotaMb: 1024,
    quotaUsedMb: 100 * (index + 1),
    expires: { iso: "2010-05-03" },
    autoRenew: false,
  })),
};

function details(domain: string, qtyAvailable = 8): DomainPakDetails {
  const sample = structuredClone(SAMPLE);
  if (sample.paks[0]) sample.paks[0].qtyAvailable = qtyAvailable;
  return toDomainPakDetails(domain, sample);
}

/** GetPOP3 calls the test answers by hand, so order and concurrency are exact. */
function controlledFetches() {
  const calls: { domain: string; resolve: (d: DomainPakDetails) => void; reject: (e: unknown) => void }[] =
    [];
  let active = 0;
  let maxActive = 0;
  const fetch = (domain: string) =>
    new Promise<DomainPakDetails>((resolve, reject) => {
      active += 1;
      maxActive = Math.max(maxActive, active);
      const settle =
        <T>(fn: (value: T) => void) =>
        (value: T) => {
          active -= 1;
          fn(value);
        };
      calls.push({ domain, resolve: settle(resolve), reject: settle(reject) });
    });
  return {
    fetch,
    calls,
    maxActive: () => maxActive,
    answer: (domain: string, value = details(domain)) =>
      calls.find((c) => c.domain === domain)?.resolve(value),
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("toDomainPakDetails", () => {
  it("keeps each pak's size, quota, product type and auto-renew, and sums the mailboxes' storage", () => {
    expect(toDomainPakDetails("Example.COM", SAMPLE)).toEqual({
      domain: "example.com",
      paks: [
        {
          bundleId: 26770,
          qtyPurchased: 10,
          qtyAvailable: 8,
          quotaMb: 1024,
          capacityGb: 1,
          prodType: 38,
          autoRenew: false,
          expires: "2010-05-03",
        },
      ],
      mailboxes: 2,
      storageUsedMb: 300,
      storageQuotaMb: 2048,
    });
  });

  it("does not sum storage when a mailbox did not report it", () => {
    const partial = structuredClone(SAMPLE);
    if (partial.mailboxes[0]) partial.mailboxes[0].quotaUsedMb = null;
    expect(toDomainPakDetails("example.com", partial).storageUsedMb).toBeNull();
  });
});

describe("the pak details reader", () => {
  it("reads each distinct domain once, at most `concurrency` at a time, and serves the copy afterwards", async () => {
    const gets = controlledFetches();
    const reader = createPakDetailsReader(gets.fetch, { concurrency: 2 });
    const names = ["a.com", "B.com", "a.com", "c.com", "d.com"];
    const reading = reader.read(names, { waitMs: 5_000 });
    await tick();
    expect(gets.calls.map((call) => call.domain)).toEqual(["a.com", "b.com"]);
    for (const domain of ["a.com", "b.com", "c.com", "d.com"]) {
      gets.answer(domain);
      await tick();
    }
    const read = await reading;
    expect([...read.keys()]).toEqual(["a.com", "b.com", "c.com", "d.com"]);
    expect([...read.values()].every((entry) => entry.state === "loaded")).toBe(true);
    expect(gets.maxActive()).toBe(2);

    const again = await reader.read(["a.com", "d.com"], { waitMs: 0 });
    expect(again.get("d.com")?.state).toBe("loaded");
    expect(gets.calls).toHaveLength(4);
  });

  it("waits at most `waitMs`: what is not read by then is not loaded (never zero), and is read behind", async () => {
    const gets = controlledFetches();
    const reader = createPakDetailsReader(gets.fetch, { concurrency: 4 });
    const first = await reader.read(["slow.com", "quick.com"], { waitMs: 30 }).then(async (read) => read);
    expect(first.get("slow.com")).toEqual({ state: "not-loaded" });
    expect(first.get("quick.com")).toEqual({ state: "not-loaded" });

    gets.answer("slow.com", details("slow.com", 0));
    await tick();
    expect(reader.peek(["slow.com", "quick.com", "never.com"])).toEqual(
      new Map([
        ["slow.com", expect.objectContaining({ state: "loaded" })],
        ["quick.com", { state: "not-loaded" }],
        ["never.com", { state: "not-loaded" }],
      ]),
    );
    const slow = reader.peek(["slow.com"]).get("slow.com");
    expect(pakDetailOf(slow, 26770)).toMatchObject({ qtyPurchased: 10, qtyAvailable: 0 });
    expect(pakDetailOf(slow, 1)).toBeNull();
    // peek never reads eNom.
    expect(gets.calls.map((call) => call.domain)).toEqual(["slow.com", "quick.com"]);
  });

  it("reads a newer page's domains before older ones still waiting", async () => {
    const gets = controlledFetches();
    const reader = createPakDetailsReader(gets.fetch, { concurrency: 1 });
    void reader.read(["old-1.com", "old-2.com", "old-3.com"], { waitMs: 0 });
    await tick();
    void reader.read(["page-1.com", "page-2.com", "old-3.com"], { waitMs: 0 });
    await tick();
    for (let i = 0; i < 5; i += 1) {
      gets.calls[i]?.resolve(details(gets.calls[i]?.domain ?? ""));
      await tick();
    }
    expect(gets.calls.map((call) => call.domain)).toEqual([
      "old-1.com",
      "page-1.com",
      "page-2.com",
      "old-3.com",
      "old-2.com",
    ]);
  });

  it("reads a domain afresh after a write invalidates it, and only that domain", async () => {
    const gets = controlledFetches();
    const reader = createPakDetailsReader(gets.fetch, { concurrency: 4 });
    const reading = reader.read(["a.com", "b.com"]);
    await tick();
    gets.answer("a.com");
    gets.answer("b.com");
    await reading;

    reader.invalidate(["A.com"]);
    expect(reader.peek(["a.com"]).get("a.com")).toEqual({ state: "not-loaded" });
    const again = reader.read(["a.com", "b.com"], { waitMs: 1_000 });
    await tick();
    expect(gets.calls.map((call) => call.domain)).toEqual(["a.com", "b.com", "a.com"]);
    gets.calls[2]?.resolve(details("a.com", 3));
    expect(pakDetailOf((await again).get("a.com"), 26770)?.qtyAvailable).toBe(3);

    reader.invalidate();
    void reader.read(["a.com", "b.com"], { waitMs: 0 });
    await tick();
    expect(gets.calls).toHaveLength(5);
  });

  it("says which reads failed and how, and gives up the queued ones when eNom is not answering", async () => {
    const gets = controlledFetches();
    const reader = createPakDetailsReader(gets.fetch, { concurrency: 1 });
    const reading = reader.read(["gone.com", "down.com", "queued-1.com", "queued-2.com"], { waitMs: 1_000 });
    await tick();
    gets.calls[0]?.reject(
      new EnomError({ command: "GetPOP3", errors: ["Domain name not found"], trackingKey: null }),
    );
    await tick();
    gets.calls[1]?.reject(
      new EnomUnavailable({
        command: "GetPOP3",
        kind: "read",
        reason: "timeout",
        outcome: "unknown",
        detail: "no answer",
      }),
    );
    const read = await reading;
    expect(read.get("gone.com")).toEqual({ state: "failed", failure: "refused" });
    expect(read.get("down.com")).toEqual({ state: "failed", failure: "not-answering" });
    expect(read.get("queued-1.com")).toEqual({ state: "failed", failure: "not-answering" });
    expect(read.get("queued-2.com")).toEqual({ state: "failed", failure: "not-answering" });
    // Given up, not sent: only the two reads that started reached eNom.
    expect(gets.calls).toHaveLength(2);
    expect(reader.peek(["gone.com"]).get("gone.com")).toEqual({ state: "failed", failure: "refused" });

    // The next page tries again.
    void reader.read(["queued-1.com"], { waitMs: 0 });
    await tick();
    expect(gets.calls.map((call) => call.domain)).toEqual(["gone.com", "down.com", "queued-1.com"]);
  });

  it("tells an answer Mailpak does not understand from one that did not come", async () => {
    const gets = controlledFetches();
    const reader = createPakDetailsReader(gets.fetch, { concurrency: 2 });
    const reading = reader.read(["odd.com"], { waitMs: 1_000 });
    await tick();
    gets.calls[0]?.reject(
      new EnomUnavailable({
        command: "GetPOP3",
        kind: "read",
        reason: "unrecognised",
        outcome: "unknown",
        detail: "no <pop> list",
      }),
    );
    expect((await reading).get("odd.com")).toEqual({ state: "failed", failure: "not-understood" });
  });
});
