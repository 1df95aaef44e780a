import { describe, expect, it } from "vitest";
import type { PakView } from "@/lib/domains/types";
import { noFreeMailboxNotice, noFreeMailboxReason, type NoticeAllowances } from "./no-free-mailbox";

const TODAY = "2026-12-07";
const DOMAIN = "example.test";

function pak(bundleId: number, values: Partial<PakView> = {}): PakView {
  return {
    bundleId,
    capacityGb: null,
    quotaMb: 1024,
    purchased: 25,
    available: 24,
    used: 1,
    expires: "2027-06-01",
    autoRenew: false,
    prodType: 2011,
    ...values,
  };
}

const portal = (values: Partial<NoticeAllowances> = {}): NoticeAllowances => ({
  renew: false,
  purchase: false,
  manageMailboxes: false,
  basePath: "/portal",
  serviceName: "the email service",
  ...values,
});
const staff: NoticeAllowances = {
  renew: true,
  purchase: true,
  manageMailboxes: true,
  basePath: "",
  serviceName: "eNom",
};

describe("why no mailbox can be added", () => {
  it("is nothing while a current pak has a free place", () => {
    expect(noFreeMailboxReason([pak(1)], TODAY)).toBeNull();
    // One expired pak does not matter while another current one has room.
    expect(
      noFreeMailboxReason([pak(1, { expires: "2026-01-01" }), pak(2, { available: 1 })], TODAY),
    ).toBeNull();
  });

  it("says a domain without a pak has none", () => {
    expect(noFreeMailboxReason([], TODAY)).toEqual({ kind: "no-pak" });
  });

  it("calls an expired pak with 24 free places expired, never full", () => {
    const reason = noFreeMailboxReason([pak(7, { expires: "2026-11-30" })], TODAY);
    expect(reason).toEqual({
      kind: "expired",
      onlyPak: true,
      paks: [{ bundleId: 7, capacityGb: null, expires: "2026-11-30", available: 24 }],
    });
  });

  it("counts a pak expiring today as still running", () => {
    expect(noFreeMailboxReason([pak(7, { expires: TODAY })], TODAY)).toBeNull();
  });

  it("names the expired paks with room, newest expiry first, when the current ones are full", () => {
    const reason = noFreeMailboxReason(
      [
        pak(1, { available: 0, used: 25 }),
        pak(2, { expires: "2026-03-01", available: 3 }),
        pak(3, { expires: "2026-05-01", available: 2 }),
        pak(4, { expires: "2026-04-01", available: 0 }),
      ],
      TODAY,
    );
    expect(reason).toMatchObject({ kind: "expired", onlyPak: false });
    expect(reason?.kind === "expired" && reason.paks.map((p) => p.bundleId)).toEqual([3, 2]);
  });

  it("says every pak is full, and which current pak can grow (never a classic 10-pak)", () => {
    expect(
      noFreeMailboxReason([pak(1, { available: 0 }), pak(2, { available: 0, prodType: 38 })], TODAY),
    ).toEqual({ kind: "full", growable: 1 });
    expect(noFreeMailboxReason([pak(2, { available: 0, prodType: 38 })], TODAY)).toEqual({
      kind: "full",
      growable: null,
    });
    // An expired full pak cannot grow before it is renewed.
    expect(noFreeMailboxReason([pak(3, { available: 0, expires: "2026-01-01" })], TODAY)).toEqual({
      kind: "full",
      growable: null,
    });
  });
});

describe("what the notice says, by what the viewer may do", () => {
  const expiredOnly = noFreeMailboxReason([pak(7, { expires: "2026-11-30" })], TODAY);
  if (!expiredOnly) throw new Error("expected a reason");

  it("offers a customer who may renew the renewal of that very pak", () => {
    expect(noFreeMailboxNotice(expiredOnly, DOMAIN, portal({ renew: true }))).toEqual({
      text: "This domain's pak expired on Nov 30, 2026: renew it to add mailboxes.",
      link: { href: "/portal/renew?domain=example.test&pak=7", label: "Renew Pak 7" },
    });
  });

  it("tells a customer who may not renew to ask the provider, with no link that would refuse", () => {
    const notice = noFreeMailboxNotice(expiredOnly, DOMAIN, portal({ purchase: true }));
    expect(notice.text).toBe(
      "This domain's pak expired on Nov 30, 2026: ask your provider to renew it to add mailboxes.",
    );
    expect(notice.link).toBeNull();
  });

  it("gives staff the staff wizard, and never tells them to ask a provider", () => {
    const notice = noFreeMailboxNotice(expiredOnly, DOMAIN, staff);
    expect(notice.link?.href).toBe("/renew?domain=example.test&pak=7");
    expect(noFreeMailboxNotice(expiredOnly, DOMAIN, { ...staff, renew: false }).text).not.toMatch(/provider/);
  });

  it("renews several expired paks in one go", () => {
    const reason = noFreeMailboxReason(
      [pak(1, { available: 0 }), pak(2, { expires: "2026-03-01" }), pak(3, { expires: "2026-05-01" })],
      TODAY,
    );
    if (!reason) throw new Error("expected a reason");
    const notice = noFreeMailboxNotice(reason, DOMAIN, portal({ renew: true }));
    expect(notice.text).toMatch(
      /^The paks with free places expired \(Pak 3 on May 1, 2026, Pak 2 on Mar 1, 2026\)/,
    );
    expect(notice.link).toEqual({
      href: "/portal/renew?items=example.test%3A3%2Cexample.test%3A2",
      label: "Renew them",
    });
  });

  it("offers to buy email for a domain without a pak only when buying is allowed", () => {
    expect(noFreeMailboxNotice({ kind: "no-pak" }, DOMAIN, portal({ purchase: true })).link).toEqual({
      href: "/portal/purchase?domain=example.test",
      label: "Buy email",
    });
    expect(noFreeMailboxNotice({ kind: "no-pak" }, DOMAIN, portal())).toEqual({
      text: "This domain has no email pak yet, so mailboxes cannot be added: ask your provider for one.",
      link: null,
    });
  });

  it("for full paks offers growth, deleting or asking, as allowed", () => {
    const full = { kind: "full", growable: 4 } as const;
    expect(noFreeMailboxNotice(full, DOMAIN, portal({ purchase: true, manageMailboxes: true }))).toEqual({
      text: "Every pak of this domain is full: add mailboxes to a pak, or delete a mailbox that is no longer needed.",
      link: {
        href: "/portal/purchase?domain=example.test&pak=4&grow=mailboxes",
        label: "Add mailboxes to a pak",
      },
    });
    expect(
      noFreeMailboxNotice({ kind: "full", growable: null }, DOMAIN, portal({ purchase: true })).link,
    ).toEqual({
      href: "/portal/purchase?domain=example.test",
      label: "Buy a new pak",
    });
    expect(noFreeMailboxNotice(full, DOMAIN, portal())).toEqual({
      text: "Every pak of this domain is full: ask your provider for more mailboxes.",
      link: null,
    });
  });

  it("never names the provider to a customer", () => {
    const reasons = [expiredOnly, { kind: "no-pak" } as const, { kind: "full", growable: 1 } as const];
    for (const reason of reasons)
      for (const renew of [true, false])
        for (const purchase of [true, false])
          expect(noFreeMailboxNotice(reason, DOMAIN, portal({ renew, purchase })).text).not.toMatch(/enom/i);
  });
});
