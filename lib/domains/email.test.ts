import { describe, expect, it } from "vitest";
import type { MirroredDomain } from "@/lib/mirror/queries";
import { mirroredEmailView, mirroredForwardingView } from "./email";

const READ = new Date("2026-01-02T03:04:05Z");
const LATER = new Date("2026-01-02T03:10:00Z");

function mirrored(domain: Partial<MirroredDomain["domain"]> = {}): MirroredDomain {
  return {
    domain: {
      domain: "example.com",
      listedAt: READ,
      hosting: "Registered",
      hasEmail: true,
      emailReadAt: READ,
      catchAll: null,
      catchAllReadAt: READ,
      forwardingReadAt: READ,
      readError: null,
      readErrorAt: null,
      syncGeneration: 1,
      pakCount: 1,
      pakExpiries: ["2030-05-03"],
      mailboxesPurchased: 10,
      mailboxesUsed: 2,
      fullPaks: 0,
      quotasMb: [1024],
      autoRenewOn: 0,
      storageUsedMb: 950,
      storageKnown: false,
      ...domain,
    },
    paks: [
      {
        domain: "example.com",
        bundleId: 26770,
        capacityGb: 1,
        quotaMb: 1024,
        purchased: 10,
        available: 8,
        expires: "2030-05-03",
        autoRenew: false,
        prodType: 38,
        readAt: READ,
      },
    ],
    mailboxes: [
      {
        domain: "example.com",
        userName: "Sales",
        address: "sales@example.com",
        bundleId: 26770,
        isAdmin: true,
        quotaMb: 1024,
        quotaUsedMb: 950,
        expires: "2030-05-03",
        readAt: READ,
      },
      {
        domain: "example.com",
        userName: "hp",
        address: "hp@example.com",
        bundleId: 26770,
        isAdmin: false,
        quotaMb: null,
        quotaUsedMb: null,
        expires: null,
        readAt: READ,
      },
    ],
    forwards: [
      {
        domain: "example.com",
        userName: "Jane.Doe",
        forwardTo: "jane@example.net",
        active: true,
        readAt: READ,
      },
      { domain: "example.com", userName: "old", forwardTo: "old@example.net", active: false, readAt: READ },
    ],
  };
}

describe("a domain's email as the panel shows it, from the account mirror", () => {
  it("takes display names from the panel's own copy, matched without case; the rest are not known", () => {
    const view = mirroredEmailView(mirrored(), new Map([["sales", "Sales Team"]]));
    expect(view.mailboxes.map((mailbox) => [mailbox.userName, mailbox.displayName])).toEqual([
      ["Sales", "Sales Team"],
      ["hp", null],
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
        // No nickname given by staff (lib/paks/nicknames.ts).
        nickname: null,
      },
    ]);
    expect(view.fetchedAt).toBe(READ.toISOString());
    expect(view.readError).toBeNull();
  });

  it("lists every forward GetPOPForwarding gave, active or not, as eNom spells the names", () => {
    expect(mirroredForwardingView(mirrored()).forwards).toEqual([
      { userName: "Jane.Doe", forwardTo: "jane@example.net", active: true },
      { userName: "old", forwardTo: "old@example.net", active: false },
    ]);
  });

  it("says the mailboxes may be out of date only when the latest GetPOP3 itself failed", () => {
    const failedRead = mirrored({ readError: "The email service is not answering.", readErrorAt: LATER });
    expect(mirroredEmailView(failedRead).readError).toBe("The email service is not answering.");
    // The forwarding of that same old read is as good as the mailboxes: no second warning.
    expect(mirroredForwardingView(failedRead).readError).toBeNull();
  });

  it("says the forwarding may be out of date when only GetPOPForwarding failed in the latest read", () => {
    const forwardingFailed = mirrored({
      emailReadAt: LATER,
      readError: "Forwarding could not be read.",
      readErrorAt: LATER,
      forwardingReadAt: READ,
    });
    expect(mirroredEmailView(forwardingFailed).readError).toBeNull();
    expect(mirroredForwardingView(forwardingFailed)).toMatchObject({
      readError: "Forwarding could not be read.",
      fetchedAt: READ.toISOString(),
    });
  });
});
