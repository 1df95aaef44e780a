import { describe, expect, it } from "vitest";
import type { DomainListRow } from "@/lib/domains/domain-list";
import { expiryState, daysUntil } from "@/lib/domains/expiry";
import { attentionItems } from "./attention";

const today = new Date("2026-06-01T12:00:00Z");

function row(
  domain: string,
  options: { expires?: string; fullPaks?: number; paks?: number; autoRenew?: "on" | "off"; read?: boolean },
): DomainListRow {
  const expires = options.expires;
  const read = options.read ?? true;
  return {
    domain,
    emailAvailable: true,
    hosting: "Registered",
    customer: null,
    paks: options.paks ?? 1,
    details: read ? "loaded" : "not-loaded",
    mailboxes: read ? { used: 5, purchased: 10 } : null,
    quotasMb: read ? [1024] : null,
    storageUsedMb: read ? 120 : null,
    nearestExpiry: expires
      ? { iso: expires, state: expiryState(expires, today), days: daysUntil(expires, today) }
      : null,
    autoRenew: read ? (options.autoRenew ?? "off") : null,
    fullPaks: read ? (options.fullPaks ?? 0) : null,
  };
}

describe("attentionItems", () => {
  it("lists expired, then soonest expiring, then full paks; nothing for healthy domains", () => {
    const items = attentionItems(
      [
        row("full.example", { expires: "2027-01-01", fullPaks: 1 }),
        row("healthy.example", { expires: "2027-01-01" }),
        row("soon.example", { expires: "2026-06-13" }),
        row("sooner.example", { expires: "2026-06-03", autoRenew: "on" }),
        row("gone.example", { expires: "2026-05-20" }),
      ],
      today,
    );
    expect(items.map((item) => [item.domain, item.kind, item.tone])).toEqual([
      ["gone.example", "expired", "danger"],
      ["sooner.example", "expiring", "warning"],
      ["soon.example", "expiring", "warning"],
      ["full.example", "full", "warning"],
    ]);
    expect(items[0]?.text).toBe(
      "A pak of gone.example expired 12 days ago: its mailboxes no longer receive mail.",
    );
    expect(items[1]?.text).toBe("A pak of sooner.example expires in 2 days. Auto-renew is on.");
    expect(items[2]?.text).toBe("A pak of soon.example expires in 12 days.");
    expect(items[3]?.text).toBe("The pak of full.example is full: there is no room for another mailbox.");
  });

  it("counts full paks when a domain has several", () => {
    const [item] = attentionItems(
      [row("two.example", { expires: "2027-01-01", paks: 3, fullPaks: 2 })],
      today,
    );
    expect(item?.text).toBe("2 paks of two.example are full.");
  });

  it("claims nothing about a domain whose pak details are not read yet, but still warns of its expiry", () => {
    const items = attentionItems([row("unread.example", { expires: "2026-06-13", read: false })], today);
    expect(items.map((item) => [item.kind, item.text])).toEqual([
      ["expiring", "A pak of unread.example expires in 12 days."],
    ]);
  });
});
