import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { AuditListRow } from "@/lib/audit";
import { AuditCards } from "./audit-cards";
import { AuditEntryDetails } from "./audit-entry-details";
import { AuditTable } from "./audit-table";

function entry(overrides: Partial<AuditListRow> = {}): AuditListRow {
  return {
    id: 42,
    at: new Date("2026-05-31T12:34:56Z"),
    actorId: "6f1c5b1e-0000-4000-8000-000000000009",
    actorEmail: "a-very-long-email-address-of-the-reseller@reseller-with-a-long-name.test",
    actorName: "Ada Admin",
    actorRole: "admin",
    ip: "203.0.113.7",
    userAgent: "Firefox",
    action: "pak.renew",
    domain: "bakery.test",
    pakId: "1004",
    mailbox: null,
    targetUserId: null,
    targetUserEmail: null,
    targetCustomerId: null,
    targetCustomerName: null,
    outcome: "ok",
    summary: "Renewed pak 1004 of bakery.test for 1 year",
    details: { key: "0b7f3d7e-1111-4222-8333-444455556666", readBack: { command: "RenewPOPBundle" } },
    enomTrackingKey: "TK-100",
    enomOrderId: "157772901",
    enomError: null,
    ...overrides,
  };
}

const links = {
  hrefOf: (id: number) => `/audit?outcome=ok&entry=${id}`,
  onOpen: () => undefined,
  openId: 42,
};

describe("the audit table", () => {
  it("shows one entry per row in words, with a link that opens its details", () => {
    const html = renderToStaticMarkup(<AuditTable entries={[entry()]} {...links} />);
    expect(html).toContain("Audit log entries, newest first");
    expect(html).toContain("table-fixed");
    expect(html).toContain(">Ada Admin<");
    expect(html).toContain(">Admin<");
    expect(html).toContain(">Renew a pak<");
    expect(html).toContain(">Pak 1004 of bakery.test<");
    expect(html).toContain(">Succeeded<");
    expect(html).toContain('href="/audit?outcome=ok&amp;entry=42"');
    expect(html).toContain('aria-current="true"');
    // Cut short on one line, never broken a character per line; the whole email in its title.
    expect(html).not.toContain("break-all");
    expect(html).toContain(
      'title="a-very-long-email-address-of-the-reseller@reseller-with-a-long-name.test"',
    );
  });

  it("shows the email of someone who was not signed in, and a dash without a target", () => {
    const html = renderToStaticMarkup(
      <AuditTable
        entries={[
          entry({
            actorId: null,
            actorName: null,
            actorEmail: "probe@x.test",
            actorRole: "unknown",
            action: "auth.sign-in",
            domain: null,
            pakId: null,
            outcome: "failed",
          }),
        ]}
        {...links}
      />,
    );
    expect(html).toContain(">probe@x.test<");
    expect(html).toContain(">Not signed in<");
    expect(html).toContain(">Failed<");
    expect(html).toContain('<span class="sr-only">None</span>');
  });
});

describe("the audit cards", () => {
  it("show the same facts with the same link", () => {
    const html = renderToStaticMarkup(<AuditCards entries={[entry()]} {...links} />);
    expect(html).toContain('aria-label="Audit log entries, newest first"');
    expect(html).toContain("2026-05-31 12:34:56 UTC");
    expect(html).toContain('href="/audit?outcome=ok&amp;entry=42"');
    expect(html).toContain(">Renew a pak<");
  });
});

describe("an entry's details", () => {
  it("show every field, eNom's references with copy buttons, the details JSON and links", () => {
    const html = renderToStaticMarkup(<AuditEntryDetails entry={entry()} />);
    for (const text of [
      "#42",
      "2026-05-31 12:34:56.000 UTC",
      "<code",
      "pak.renew",
      "203.0.113.7",
      "Firefox",
      "RenewPOPBundle",
      "157772901",
      "TK-100",
      "Copy order id",
      "Copy TrackingKey",
      'role="status"',
      "&quot;readBack&quot;: {",
      'href="/domains/bakery.test"',
      'href="/purchases/0b7f3d7e-1111-4222-8333-444455556666"',
    ])
      expect(html, text).toContain(text);
  });

  it("offer no copy button for a reference eNom did not give", () => {
    const html = renderToStaticMarkup(
      <AuditEntryDetails entry={entry({ enomOrderId: null, enomTrackingKey: null, details: {} })} />,
    );
    expect(html).not.toContain("Copy order id");
    expect(html).not.toContain("Copy TrackingKey");
    expect(html).toContain("No further details were recorded.");
  });
});
