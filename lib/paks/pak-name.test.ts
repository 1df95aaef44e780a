import { describe, expect, it } from "vitest";
import { PROD_TYPE_CLASSIC_POP, PROD_TYPE_MAILBOX } from "@/lib/validation/enom-rules";
import {
  describePak,
  formatPakDate,
  pakKind,
  pakName,
  pakReference,
  pakTerm,
  pakViewerOf,
  type PakFacts,
} from "./pak-name";

const today = new Date("2026-12-07T10:00:00Z");

const tenPak: PakFacts = {
  purchased: 10,
  capacityGb: 5,
  expires: "2027-03-03",
  autoRenew: true,
  prodType: PROD_TYPE_CLASSIC_POP,
};

describe("describePak: a pak named by what it is", () => {
  it("names a pak of mailboxes with its size and renewal", () => {
    expect(describePak(tenPak, today)).toBe("Business email · 10 mailboxes · 5 GB each, renews 3 Mar 2027");
  });

  it("says 'ends' when auto-renew is off", () => {
    expect(describePak({ ...tenPak, autoRenew: false }, today)).toBe(
      "Business email · 10 mailboxes · 5 GB each, ends 3 Mar 2027",
    );
  });

  it("says 'expired' once the date has passed, whatever auto-renew says", () => {
    const past = { ...tenPak, expires: "2026-12-06" };
    expect(describePak(past, today)).toBe("Business email · 10 mailboxes · 5 GB each, expired 6 Dec 2026");
    expect(describePak({ ...past, autoRenew: false }, today)).toMatch(/, expired 6 Dec 2026$/);
  });

  it("is not expired on its last day", () => {
    expect(describePak({ ...tenPak, expires: "2026-12-07" }, today)).toMatch(/, renews 7 Dec 2026$/);
  });

  it("names the Mailbox product of one mailbox 'Mailbox'", () => {
    const mailbox: PakFacts = { ...tenPak, purchased: 1, prodType: PROD_TYPE_MAILBOX };
    expect(describePak(mailbox, today)).toBe("Mailbox · 5 GB, renews 3 Mar 2027");
    expect(describePak({ ...mailbox, purchased: 0 }, today)).toBe("Mailbox · 5 GB, renews 3 Mar 2027");
  });

  it("names a Mailbox product of several mailboxes by its mailboxes", () => {
    expect(describePak({ ...tenPak, purchased: 3, prodType: PROD_TYPE_MAILBOX }, today)).toBe(
      "Business email · 3 mailboxes · 5 GB each, renews 3 Mar 2027",
    );
  });

  it("puts the nickname first, trimmed", () => {
    expect(describePak({ ...tenPak, nickname: "  Sales team " }, today)).toBe(
      "Sales team — Business email · 10 mailboxes · 5 GB each, renews 3 Mar 2027",
    );
    expect(describePak({ ...tenPak, nickname: "   " }, today)).not.toContain("—");
    expect(describePak({ ...tenPak, nickname: null }, today)).not.toContain("—");
  });

  it("uses the quota in MB when the size is not one eNom sells, and leaves out a size it does not know", () => {
    expect(describePak({ ...tenPak, capacityGb: null, quotaMb: 1536 }, today)).toBe(
      "Business email · 10 mailboxes · 1.5 GB each, renews 3 Mar 2027",
    );
    expect(pakKind({ ...tenPak, capacityGb: null, quotaMb: 512 })).toBe(
      "Business email · 10 mailboxes · 512 MB each",
    );
    expect(describePak({ ...tenPak, capacityGb: null, quotaMb: null }, today)).toBe(
      "Business email · 10 mailboxes, renews 3 Mar 2027",
    );
    expect(pakKind({ purchased: 1, capacityGb: null, prodType: null })).toBe("Mailbox");
  });

  it("never shows eNom's BundleID or jargon", () => {
    const text = describePak({ ...tenPak, prodType: null }, today);
    expect(text).not.toMatch(/pak|bundle|600070|prodtype/i);
  });

  it("counts thousands readably and says when a pak has none", () => {
    expect(pakKind({ ...tenPak, purchased: 1200 })).toBe("Business email · 1,200 mailboxes · 5 GB each");
    expect(pakKind({ ...tenPak, purchased: 0 })).toBe("Business email · no mailboxes · 5 GB each");
  });
});

describe("the parts", () => {
  it("formats calendar dates as day, month, year", () => {
    expect(formatPakDate("2027-03-03")).toBe("3 Mar 2027");
    expect(formatPakDate("2027-12-31")).toBe("31 Dec 2027");
    expect(formatPakDate("not a date")).toBe("not a date");
  });

  it("says renews, ends or expired", () => {
    expect(pakTerm({ expires: "2027-01-01", autoRenew: true }, today)).toBe("renews 1 Jan 2027");
    expect(pakTerm({ expires: "2027-01-01", autoRenew: false }, today)).toBe("ends 1 Jan 2027");
    expect(pakTerm({ expires: "2020-01-01", autoRenew: true }, today)).toBe("expired 1 Jan 2020");
  });
});

describe("staff and portal names", () => {
  const pak = { ...tenPak, bundleId: 600070, nickname: "Sales team" };

  it("knows the viewer from the capabilities' base path", () => {
    expect(pakViewerOf({ basePath: "/portal" })).toBe("portal");
    expect(pakViewerOf({ basePath: "" })).toBe("staff");
  });

  it("keeps eNom's number for staff, with the nickname beside it", () => {
    expect(pakName(pak, "staff", today)).toBe("Pak 600070 · Sales team");
    expect(pakName({ ...pak, nickname: null }, "staff", today)).toBe("Pak 600070");
    expect(pakReference(pak, "staff", today)).toBe("pak 600070");
  });

  it("never shows the BundleID in the portal", () => {
    expect(pakName(pak, "portal", today)).toBe(
      "Sales team — Business email · 10 mailboxes · 5 GB each, renews 3 Mar 2027",
    );
    expect(pakReference(pak, "portal", today)).not.toContain("600070");
  });
});
