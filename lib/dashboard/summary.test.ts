import { describe, expect, it } from "vitest";
import type { PopExpiration } from "@/lib/enom/types";
import { summarisePaks } from "./summary";

function pak(domainName: string, iso: string, overrides: Partial<PopExpiration> = {}): PopExpiration {
  return {
    domainName,
    bundleId: Math.floor(Math.random() * 1e6),
    expires: { iso },
    autoRenew: true,
    qtyPurchased: 10,
    qtyAvailable: 4,
    quotaMb: 1024,
    capacityGb: 1,
    prodType: 2011,
    billingPeriod: "year",
    ...overrides,
  };
}

describe("the dashboard's pak summary", () => {
  const today = new Date("2026-11-24T15:00:00Z");

  it("counts paks, domains and mailboxes", () => {
    const summary = summarisePaks(
      [
        pak("a.com", "2027-06-01"),
        pak("a.com", "2027-06-01"),
        pak("b.com", "2027-06-01", { qtyAvailable: 0 }),
      ],
      today,
    );
    expect(summary).toMatchObject({
      paks: 3,
      domainsWithEmail: 2,
      mailboxesPurchased: 30,
      mailboxesUsed: 22,
      fullPaks: 1,
    });
  });

  it("sorts expiries into expired and due within 30 days, by calendar day", () => {
    const summary = summarisePaks(
      [
        pak("a.com", "2026-11-23"),
        pak("b.com", "2026-11-24"),
        pak("c.com", "2026-12-24"),
        pak("d.com", "2026-12-25", { autoRenew: false }),
      ],
      today,
    );
    expect(summary).toMatchObject({ expired: 1, dueIn30Days: 2, autoRenewOff: 1 });
  });
});
