import { describe, expect, it } from "vitest";
import {
  actionGroupLabel,
  actionLabel,
  actorLabel,
  detailsJson,
  formatUtc,
  linksOf,
  roleLabel,
  targetOf,
} from "./audit-model";

const noTarget = {
  domain: null,
  pakId: null,
  mailbox: null,
  targetCustomerId: null,
  targetCustomerName: null,
  targetUserId: null,
  targetUserEmail: null,
};

describe("an audit action in words", () => {
  it("says the recorded verbs as a person would", () => {
    expect(actionLabel("mailbox.create")).toBe("Create a mailbox");
    expect(actionLabel("auth.sign-in")).toBe("Sign in");
    expect(actionLabel("pak.addMailboxes")).toBe("Add mailboxes to a pak");
  });

  it("reads a repeated order and a verb it does not know", () => {
    expect(actionLabel("pak.purchase.again")).toBe("Buy a pak again");
    expect(actionLabel("pak.moveStorage")).toBe("Pak: move storage");
    expect(actionLabel("widget.re-sync_all")).toBe("Widget: re sync all");
    expect(actionLabel("backup")).toBe("Backup");
  });

  it("names a call of the public API by its operation", () => {
    expect(actionLabel("api.createMailboxes")).toBe("API call: create mailboxes");
    expect(actionLabel("api-key.revoke")).toBe("Revoke an API key");
    expect(actionGroupLabel("api")).toBe("API calls");
  });

  it("names the groups of the action filter", () => {
    expect(actionGroupLabel("auth")).toBe("sign-in");
    expect(actionGroupLabel("mailbox")).toBe("mailbox");
  });
});

describe("who acted", () => {
  it("is their name, else the email recorded", () => {
    expect(actorLabel({ actorName: "Ada Admin", actorEmail: "ada@x.test" })).toBe("Ada Admin");
    expect(actorLabel({ actorName: null, actorEmail: "probe@x.test" })).toBe("probe@x.test");
    expect(actorLabel({ actorName: "  ", actorEmail: "blank@x.test" })).toBe("blank@x.test");
  });

  it("keeps the API key a change was made through beside the person's name", () => {
    expect(actorLabel({ actorName: "Ada Admin", actorEmail: "ada@x.test (API key “Billing”)" })).toBe(
      "Ada Admin (API key “Billing”)",
    );
  });

  it("has a role in words, someone not signed in included", () => {
    expect(roleLabel("admin")).toBe("Admin");
    expect(roleLabel("unknown")).toBe("Not signed in");
    expect(roleLabel("robot")).toBe("robot");
  });
});

describe("the target of an entry", () => {
  it("is the most precise thing named", () => {
    expect(targetOf({ ...noTarget, domain: "bakery.test", pakId: "1004", mailbox: "info" })).toEqual({
      kind: "mailbox",
      label: "info@bakery.test",
    });
    expect(targetOf({ ...noTarget, domain: "bakery.test", mailbox: "info@bakery.test" })?.label).toBe(
      "info@bakery.test",
    );
    expect(targetOf({ ...noTarget, domain: "bakery.test", pakId: "1004" })?.label).toBe(
      "Pak 1004 of bakery.test",
    );
    expect(targetOf({ ...noTarget, domain: "bakery.test" })).toEqual({
      kind: "domain",
      label: "bakery.test",
    });
    expect(targetOf({ ...noTarget, targetCustomerId: "c1", targetCustomerName: "Bakery Ltd" })).toEqual({
      kind: "customer",
      label: "Bakery Ltd",
    });
    expect(targetOf({ ...noTarget, targetCustomerId: "c1" })?.label).toBe("A deleted customer");
    expect(targetOf({ ...noTarget, targetUserId: "u1", targetUserEmail: "sam@x.test" })?.label).toBe(
      "sam@x.test",
    );
    expect(targetOf(noTarget)).toBeNull();
  });
});

describe("the pages an entry leads to", () => {
  it("links its domain, customer, job and order", () => {
    expect(
      linksOf({
        domain: "bäckerei.test",
        targetCustomerId: "6f1c5b1e-0000-4000-8000-000000000001",
        targetCustomerName: "Bakery Ltd",
        details: { job: "0b7f3d7e-1111-4222-8333-444455556666", key: "k-1:42" },
      }),
    ).toEqual([
      { label: "Domain bäckerei.test", href: "/domains/b%C3%A4ckerei.test" },
      { label: "Customer Bakery Ltd", href: "/customers/6f1c5b1e-0000-4000-8000-000000000001" },
      { label: "The job", href: "/activity/0b7f3d7e-1111-4222-8333-444455556666" },
      { label: "The order's result", href: "/purchases/k-1%3A42" },
    ]);
  });

  it("links nothing from details that are not plain ids", () => {
    expect(
      linksOf({
        domain: null,
        targetCustomerId: null,
        targetCustomerName: null,
        details: { job: "../../api/metrics?x", key: { nested: true } },
      }),
    ).toEqual([]);
  });
});

describe("formatting", () => {
  it("pretty-prints details and leaves out empty ones", () => {
    expect(detailsJson({})).toBeNull();
    expect(detailsJson({ from: true, to: false })).toBe('{\n  "from": true,\n  "to": false\n}');
  });

  it("shows times in UTC to the second", () => {
    expect(formatUtc(new Date("2026-05-31T23:59:59.999Z"))).toBe("2026-05-31 23:59:59");
    expect(formatUtc("2026-05-31T10:00:00+02:00")).toBe("2026-05-31 08:00:00");
  });
});
