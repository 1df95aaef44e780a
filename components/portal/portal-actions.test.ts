import { describe, expect, it } from "vitest";
import {
  emptyDomainAction,
  portalDomainDescription,
  portalHomeActions,
  renewableDomains,
  type HomeDomain,
  type OrderAllowances,
} from "./portal-actions";

const withEmail: HomeDomain = { domain: "mail.test", paks: 2, emailAvailable: true };
const withoutEmail: HomeDomain = { domain: "new.test", paks: 0, emailAvailable: true };
const cannotTakeEmail: HomeDomain = { domain: "parked.test", paks: 0, emailAvailable: false };

const COMBINATIONS: OrderAllowances[] = [
  { purchase: false, renew: false },
  { purchase: true, renew: false },
  { purchase: false, renew: true },
  { purchase: true, renew: true },
];

describe("the portal home's Buy email and Renew", () => {
  it("offers each exactly when allowed and when it leads somewhere", () => {
    for (const allowed of COMBINATIONS) {
      const actions = portalHomeActions(allowed, [withEmail, withoutEmail], "/portal");
      expect(actions.buy, JSON.stringify(allowed)).toBe(allowed.purchase ? "/portal/purchase" : null);
      expect(actions.renew, JSON.stringify(allowed)).toBe(allowed.renew ? "/portal/renew" : null);
    }
  });

  it("offers no renewal without a pak, and no purchase when no domain can take email", () => {
    const all = { purchase: true, renew: true };
    expect(portalHomeActions(all, [withoutEmail], "/portal")).toEqual({
      buy: "/portal/purchase",
      renew: null,
    });
    expect(portalHomeActions(all, [cannotTakeEmail], "/portal")).toEqual({ buy: null, renew: null });
    expect(portalHomeActions(all, [], "/portal")).toEqual({ buy: null, renew: null });
  });

  it("keeps the staff preview (no allowances, its own base) free of order links", () => {
    const preview = portalHomeActions(
      { purchase: false, renew: false },
      [withEmail],
      "/customers/c1/preview",
    );
    expect(preview).toEqual({ buy: null, renew: null });
  });
});

describe("a domain card without email", () => {
  it("offers Buy email for that domain when buying is allowed", () => {
    expect(emptyDomainAction({ purchase: true, renew: false }, withoutEmail, "/portal")).toEqual({
      kind: "buy",
      href: "/portal/purchase?domain=new.test",
    });
  });

  it("says who adds email when buying is not allowed, or the domain cannot take it yet", () => {
    expect(emptyDomainAction({ purchase: false, renew: true }, withoutEmail, "/portal")).toEqual({
      kind: "ask",
      text: "Ask your provider to add email to it.",
    });
    expect(emptyDomainAction({ purchase: true, renew: true }, cannotTakeEmail, "/portal")).toEqual({
      kind: "ask",
      text: "Email cannot be added to this domain yet: ask your provider.",
    });
  });

  it("is nothing for a domain with email", () => {
    for (const allowed of COMBINATIONS) expect(emptyDomainAction(allowed, withEmail, "/portal")).toBeNull();
  });
});

describe("the domain page's line under its name", () => {
  const none = { createMailboxes: false, manageMailboxes: false, purchase: false, renew: false };
  it("asks the provider for what the customer cannot do, and for nothing else", () => {
    expect(portalDomainDescription(none)).toBe(
      "Mailboxes, storage and renewals of this domain. Ask your provider to make changes.",
    );
    expect(portalDomainDescription({ ...none, purchase: true })).toBe(
      "Mailboxes, storage and renewals of this domain. Ask your provider to add or change mailboxes.",
    );
    expect(portalDomainDescription({ ...none, createMailboxes: true })).toBe(
      "Mailboxes, storage and renewals of this domain. Ask your provider for more mailboxes, storage or a renewal.",
    );
    expect(
      portalDomainDescription({ createMailboxes: true, manageMailboxes: true, purchase: false, renew: true }),
    ).toBe("Mailboxes, storage and renewals of this domain.");
  });
});

describe("the renew page's choice", () => {
  it("lists only domains with paks, soonest expiry first", () => {
    const expiry = (iso: string) => ({ iso, state: "later" as const, days: 100 });
    const listed = renewableDomains([
      { domain: "b.test", paks: 1, nearestExpiry: expiry("2027-05-01") },
      { domain: "none.test", paks: 0, nearestExpiry: null },
      { domain: "a.test", paks: 2, nearestExpiry: expiry("2026-01-01") },
      { domain: "c.test", paks: 1, nearestExpiry: null },
    ]);
    expect(listed.map((domain) => domain.domain)).toEqual(["a.test", "b.test", "c.test"]);
  });
});
