import { describe, expect, it } from "vitest";
import type { DomainEmail, PopForwarding } from "@/lib/enom/types";
import { toDomainEmailView, toDomainForwardingView } from "./email";

const EMAIL: DomainEmail = {
  domain: { sld: "example", tld: "com" },
  mailboxes: [
    {
      userName: "Sales",
      address: "Sales@example.com",
      bundleId: 26770,
      isAdmin: true,
      quotaMb: 1024,
      quotaUsedMb: 950,
      expires: { iso: "2030-05-03" },
      autoRenew: false,
    },
    {
      userName: "hp",
      address: "hp@example.com",
      bundleId: 26770,
      isAdmin: false,
      quotaMb: null,
      quotaUsedMb: null,
      expires: null,
      autoRenew: null,
    },
  ],
  paks: [
    {
      bundleId: 26770,
      qtyPurchased: 10,
      qtyAvailable: 8,
      expires: { iso: "2030-05-03" },
      autoRenew: false,
      quotaMb: 1024,
      capacityGb: 1,
      prodType: 38,
      version: null,
    },
  ],
  trackingKey: null,
};

describe("a domain's email as the panel shows it", () => {
  it("takes display names from the panel's own copy, matched without case; the rest are not known", () => {
    const view = toDomainEmailView(
      "example.com",
      EMAIL,
      new Date("2026-01-02T03:04:05Z"),
      new Map([["sales", "Sales Team"]]),
    );
    expect(view.mailboxes).toEqual([
      {
        userName: "Sales",
        address: "Sales@example.com",
        displayName: "Sales Team",
        bundleId: 26770,
        isAdmin: true,
        quotaMb: 1024,
        quotaUsedMb: 950,
        expires: "2030-05-03",
      },
      {
        userName: "hp",
        address: "hp@example.com",
        displayName: null,
        bundleId: 26770,
        isAdmin: false,
        quotaMb: null,
        quotaUsedMb: null,
        expires: null,
      },
    ]);
    expect(view.paks).toEqual([
      {
        bundleId: 26770,
        capacityGb: 1,
        quotaMb: 1024,
        purchased: 10,
        available: 8,
        used: 2,
        expires: "2030-05-03",
        autoRenew: false,
        // The GetPOP3 sample's classic 10-pak: the pak card offers no "Add mailboxes" for it.
        prodType: 38,
      },
    ]);
    expect(view.fetchedAt).toBe("2026-01-02T03:04:05.000Z");
  });

  it("lists every forward GetPOPForwarding gave, active or not", () => {
    const forwarding: PopForwarding = {
      forwards: [
        { userName: "Jane.Doe", forwardTo: "jane@example.net", active: true },
        { userName: "old", forwardTo: "old@example.net", active: false },
      ],
      trackingKey: "t",
    };
    expect(toDomainForwardingView("example.com", forwarding, new Date(0)).forwards).toEqual(
      forwarding.forwards,
    );
  });
});
