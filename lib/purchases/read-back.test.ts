import { describe, expect, it } from "vitest";
import type { PurchaseRequest } from "@/lib/validation/purchases";
import { readBackPurchase, readBackRenewal } from "./read-back";
import type { PakSnapshot } from "./reconcile";

const pak500: PakSnapshot = {
  bundleId: 500,
  qtyPurchased: 10,
  quotaMb: 5120,
  expires: "2026-09-01",
  prodType: 2011,
};
const answer = { orderId: 77, bundleId: null, expires: null };
const newPak: PurchaseRequest = {
  kind: "purchase",
  domain: "example.com",
  quantityUnit: "packs",
  quantity: 2,
  capacityGb: 5,
  billingPeriod: "year",
  terms: 1,
};

describe("what a new pak order did, read back", () => {
  it("confirms the pak eNom named when it holds what was asked", () => {
    const bought = { bundleId: 900, qtyPurchased: 20, quotaMb: 5120, expires: "2027-03-15", prodType: 2011 };
    expect(readBackPurchase(newPak, [pak500], [pak500, bought], { ...answer, bundleId: 900 })).toMatchObject({
      finding: "as-asked",
      bundleId: 900,
      expires: "2027-03-15",
      message: "Pak 900 is bought: 20 mailboxes, 5 GB each, until 2027-03-15.",
    });
  });

  it("says so when the pak holds another number of mailboxes (packs read as boxes, or the reverse)", () => {
    const tenfold = {
      bundleId: 900,
      qtyPurchased: 200,
      quotaMb: 5120,
      expires: "2027-03-15",
      prodType: 2011,
    };
    const found = readBackPurchase(newPak, [], [tenfold], { ...answer, bundleId: 900 });
    expect(found.finding).toBe("differs");
    expect(found.message).toBe(
      "Pak 900 is bought (order 77), but it shows 200 mailboxes of 5 GB each, where 20 mailboxes of 5 GB were asked for. Check the domain before ordering again.",
    );
  });

  it("says when no new pak shows, and when the domain could not be read", () => {
    expect(readBackPurchase(newPak, [pak500], [pak500], answer)).toMatchObject({
      finding: "unchanged",
      bundleId: null,
      message:
        "Order 77 was taken, but no new pak shows on example.com yet. Check the domain before ordering again.",
    });
    expect(readBackPurchase(newPak, [pak500], null, { ...answer, bundleId: 900 })).toMatchObject({
      finding: "not-read",
      bundleId: 900,
    });
  });
});

describe("what added mailboxes did, read back", () => {
  const more: PurchaseRequest = { kind: "add-mailboxes", domain: "example.com", bundleId: 500, quantity: 3 };

  it("confirms the pak grew", () => {
    expect(readBackPurchase(more, [pak500], [{ ...pak500, qtyPurchased: 13 }], answer)).toMatchObject({
      finding: "as-asked",
      bundleId: 500,
      message: "Pak 500 now has 13 mailboxes, until 2026-09-01.",
    });
  });

  it("reports a new pak opened instead of growing the one chosen", () => {
    const opened = { bundleId: 901, qtyPurchased: 3, quotaMb: 5120, expires: "2027-03-15", prodType: 2011 };
    expect(readBackPurchase(more, [pak500], [pak500, opened], answer)).toMatchObject({
      finding: "other-pak",
      bundleId: 901,
      message:
        "The order went through as a new pak 901 (3 mailboxes, until 2027-03-15), not as more mailboxes in pak 500.",
    });
  });

  it("reports a pak that did not change", () => {
    expect(readBackPurchase(more, [pak500], [pak500], answer)).toMatchObject({
      finding: "unchanged",
      message:
        "Order 77 was taken, but pak 500 still shows 10 mailboxes and no new pak appeared. Check the domain before ordering again.",
    });
  });
});

describe("what added storage did, read back", () => {
  const storage: PurchaseRequest = { kind: "add-storage", domain: "example.com", bundleId: 500, units: 2 };

  it("confirms the quota grew, or says it did not", () => {
    expect(readBackPurchase(storage, [pak500], [{ ...pak500, quotaMb: 6144 }], answer)).toMatchObject({
      finding: "as-asked",
      message: "Each mailbox of pak 500 has 2 × 512 MB more storage (6 GB each), until 2026-09-01.",
    });
    expect(readBackPurchase(storage, [pak500], [pak500], answer).finding).toBe("unchanged");
  });
});

describe("what a renewal did, read back", () => {
  const base = { domain: "example.com", bundleId: 500, before: "2026-09-01", expected: "2027-09-01", answer };

  it("reports the new expiry, and an expiry other than expected", () => {
    expect(readBackRenewal({ ...base, now: [{ ...pak500, expires: "2027-09-01" }] })).toMatchObject({
      finding: "as-asked",
      expires: "2027-09-01",
      message: "Pak 500 of example.com now expires on 2027-09-01.",
    });
    expect(readBackRenewal({ ...base, now: [{ ...pak500, expires: "2028-09-01" }] })).toMatchObject({
      finding: "differs",
      expires: "2028-09-01",
      message: "Pak 500 of example.com now expires on 2028-09-01 (2027-09-01 was expected).",
    });
  });

  it("says an order that left the expiry where it was, and one that could not be read back", () => {
    expect(readBackRenewal({ ...base, now: [pak500] })).toMatchObject({
      finding: "unchanged",
      expires: "2026-09-01",
      message:
        "Order 77 was taken, but pak 500 of example.com still expires on 2026-09-01. Check the pak before renewing again.",
    });
    expect(readBackRenewal({ ...base, now: null })).toMatchObject({ finding: "not-read", expires: null });
    expect(
      readBackRenewal({ ...base, now: null, answer: { ...answer, expires: "2027-09-01" } }),
    ).toMatchObject({
      finding: "not-read",
      expires: "2027-09-01",
    });
  });
});
