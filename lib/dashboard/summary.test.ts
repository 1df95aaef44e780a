import { describe, expect, it } from "vitest";
import { summarisePaks, type CountedPak } from "./summary";

/** One pak of the account mirror: its domain, size, free mailboxes and expiry. */
function pak(domain: string, expires: string, purchased = 10, available = 5): CountedPak {
  return { domain, purchased, available, expires };
}

describe("the dashboard's pak summary", () => {
  const today = new Date("2026-11-24T15:00:00Z");

  it("counts paks, domains with email, mailboxes bought and used, and full paks", () => {
    const summary = summarisePaks(
      [
        pak("a.com", "2027-06-01", 10, 4),
        pak("A.com", "2027-06-01", 10, 0),
        pak("b.com", "2027-06-01", 5, 5),
      ],
      today,
    );
    expect(summary).toMatchObject({
      paks: 3,
      domainsWithEmail: 2,
      mailboxes: { purchased: 25, used: 16, fullPaks: 1, domainsRead: 2 },
    });
  });

  it("has nothing to count for an account without paks", () => {
    expect(summarisePaks([], today)).toEqual({
      paks: 0,
      domainsWithEmail: 0,
      mailboxes: { purchased: 0, used: 0, fullPaks: 0, domainsRead: 0 },
      expired: 0,
      dueIn30Days: 0,
    });
  });

  it("sorts expiries into expired and due within 30 days, by calendar day", () => {
    const summary = summarisePaks(
      [
        pak("a.com", "2026-11-23"),
        pak("b.com", "2026-11-24"),
        pak("c.com", "2026-12-24"),
        pak("d.com", "2026-12-25"),
      ],
      today,
    );
    expect(summary).toMatchObject({ expired: 1, dueIn30Days: 2 });
  });
});
