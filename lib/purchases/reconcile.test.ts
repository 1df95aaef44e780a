import { describe, expect, it } from "vitest";
import { reconcile, type PakSnapshot } from "./reconcile";
import type { StoredRequest } from "./request";

const existing: PakSnapshot = { bundleId: 500, qtyPurchased: 10, quotaMb: 5120, expires: "2026-09-01" };
const newPak: StoredRequest = {
  kind: "purchase",
  domain: "example.com",
  quantityUnit: "boxes",
  quantity: 25,
  capacityGb: 5,
  billingPeriod: "year",
  terms: 1,
};

describe("reconciling a lost answer", () => {
  it("finds a new pak of the capacity and size asked for", () => {
    const bought = { bundleId: 900, qtyPurchased: 25, quotaMb: 5120, expires: "2027-03-15" };
    expect(reconcile(newPak, [existing], [existing, bought])).toEqual({ made: true, ...bought });
  });

  it("counts packs of ten", () => {
    const packs: StoredRequest = { ...newPak, quantityUnit: "packs", quantity: 2 };
    const bought = { bundleId: 900, qtyPurchased: 20, quotaMb: 5120, expires: "2027-03-15" };
    expect(reconcile(packs, [], [bought])).toMatchObject({ made: true, bundleId: 900 });
  });

  it("does not take a pak that was there before, has another shape, or is another attempt's", () => {
    const other = { bundleId: 901, qtyPurchased: 25, quotaMb: 1024, expires: "2027-03-15" };
    const claimed = { bundleId: 902, qtyPurchased: 25, quotaMb: 5120, expires: "2027-03-15" };
    const sameAsBefore = { ...existing, qtyPurchased: 25 };
    expect(reconcile(newPak, [sameAsBefore], [sameAsBefore, other, claimed], new Set([902]))).toEqual({
      made: false,
    });
    expect(reconcile(newPak, [], [claimed], new Set())).toMatchObject({ made: true, bundleId: 902 });
  });

  it("does not take a classic pak for a new Mailbox pak", () => {
    const classic = { bundleId: 903, qtyPurchased: 25, quotaMb: 5120, expires: "2027-03-15", prodType: 38 };
    const mailbox = { ...classic, bundleId: 904, prodType: 2011 };
    expect(reconcile(newPak, [], [classic])).toEqual({ made: false });
    expect(reconcile(newPak, [], [classic, mailbox])).toMatchObject({ made: true, bundleId: 904 });
  });

  it("sees added mailboxes that came as a new pak (whether eNom grows a pak is an unknown)", () => {
    const request: StoredRequest = {
      kind: "add-mailboxes",
      domain: "example.com",
      bundleId: 500,
      quantity: 5,
    };
    const opened = { bundleId: 910, qtyPurchased: 5, quotaMb: 5120, expires: "2027-03-15", prodType: 2011 };
    expect(reconcile(request, [existing], [existing, opened])).toMatchObject({ made: true, bundleId: 910 });
    expect(reconcile(request, [existing], [existing, opened], new Set([910]))).toEqual({ made: false });
    expect(reconcile(request, [existing], [existing, { ...opened, qtyPurchased: 4 }])).toEqual({
      made: false,
    });
  });

  it("sees added mailboxes only when the pak grew by at least as many", () => {
    const request: StoredRequest = {
      kind: "add-mailboxes",
      domain: "example.com",
      bundleId: 500,
      quantity: 5,
    };
    expect(reconcile(request, [existing], [{ ...existing, qtyPurchased: 15 }])).toMatchObject({ made: true });
    expect(reconcile(request, [existing], [{ ...existing, qtyPurchased: 14 }])).toEqual({ made: false });
    expect(reconcile(request, [existing], [])).toEqual({ made: false });
  });

  it("sees added storage by the quota", () => {
    const request: StoredRequest = { kind: "add-storage", domain: "example.com", bundleId: 500, units: 2 };
    expect(reconcile(request, [existing], [{ ...existing, quotaMb: 6144 }])).toMatchObject({ made: true });
    expect(reconcile(request, [existing], [{ ...existing, quotaMb: 5632 }])).toEqual({ made: false });
    expect(reconcile(request, [{ ...existing, quotaMb: null }], [existing])).toEqual({ made: false });
  });

  it("sees a renewal by a later expiry", () => {
    const request: StoredRequest = { kind: "renew", domain: "example.com", bundleId: 500, years: 1 };
    expect(reconcile(request, [existing], [{ ...existing, expires: "2027-09-01" }])).toMatchObject({
      made: true,
      expires: "2027-09-01",
    });
    expect(reconcile(request, [existing], [existing])).toEqual({ made: false });
  });
});
