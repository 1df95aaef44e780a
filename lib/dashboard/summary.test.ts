import { describe, expect, it } from "vitest";
import { toDomainPakDetails, type PakDetailsRead } from "@/lib/domains/pak-details";
import type { Pak, PopExpiration } from "@/lib/enom/types";
import { summarisePaks } from "./summary";

/** One `popexpirations/pop`: domain, pak and expiry only. */
function listed(domainName: string, bundleId: number, iso: string): PopExpiration {
  return { domainName, bundleId, expires: { iso }, autoRenew: null, version: null };
}

function pak(bundleId: number, qtyAvailable: number): Pak {
  return {
    bundleId,
    qtyPurchased: 10,
    qtyAvailable,
    expires: { iso: "2027-06-01" },
    autoRenew: true,
    quotaMb: 1024,
    capacityGb: 1,
    prodType: 2011,
    version: null,
  };
}

function loaded(domain: string, paks: Pak[]): [string, PakDetailsRead] {
  return [
    domain,
    {
      state: "loaded",
      details: toDomainPakDetails(domain, { paks, mailboxes: [] }),
      readAt: "",
      stale: false,
    },
  ];
}

describe("the dashboard's pak summary", () => {
  const today = new Date("2026-11-24T15:00:00Z");

  it("counts paks and domains from GetPOPExpirations, mailboxes from the pak details read so far", () => {
    const paks = [
      listed("a.com", 1, "2027-06-01"),
      listed("A.com", 2, "2027-06-01"),
      listed("b.com", 3, "2027-06-01"),
    ];
    const summary = summarisePaks(paks, new Map([loaded("a.com", [pak(1, 4), pak(2, 0)])]), today);
    expect(summary).toMatchObject({
      paks: 3,
      domainsWithEmail: 2,
      // b.com is not read yet: it is left out, and the figures say over how many domains they run.
      mailboxes: { purchased: 20, used: 16, fullPaks: 1, domainsRead: 1 },
    });
    expect(summarisePaks(paks, new Map(), today).mailboxes).toEqual({
      purchased: 0,
      used: 0,
      fullPaks: 0,
      domainsRead: 0,
    });
  });

  it("sorts expiries into expired and due within 30 days, by calendar day", () => {
    const summary = summarisePaks(
      [
        listed("a.com", 1, "2026-11-23"),
        listed("b.com", 2, "2026-11-24"),
        listed("c.com", 3, "2026-12-24"),
        listed("d.com", 4, "2026-12-25"),
      ],
      new Map(),
      today,
    );
    expect(summary).toMatchObject({ expired: 1, dueIn30Days: 2 });
  });
});
