import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { PakView } from "@/lib/domains/types";
import { addStorageHref } from "@/lib/storage-alerts/model";
import { MailboxCards } from "./mailbox-cards";
import { MailboxTable, useMailboxTable, type GridRow, type RowActions } from "./mailbox-table";

const DOMAIN = "example.com";
const PAK: PakView = {
  bundleId: 7,
  capacityGb: 1,
  quotaMb: 1024,
  purchased: 10,
  available: 7,
  used: 3,
  expires: "2099-01-01",
  autoRenew: true,
  prodType: 2011,
};

function mailbox(userName: string, quotaUsedMb: number, overrides: Partial<GridRow> = {}): GridRow {
  return {
    userName,
    address: `${userName}@${DOMAIN}`,
    displayName: null,
    bundleId: 7,
    isAdmin: false,
    quotaMb: 1024,
    quotaUsedMb,
    expires: "2099-01-01",
    pending: null,
    ghost: false,
    pakExpired: false,
    forwarding: { state: "known", forwardTo: null, active: false },
    ...overrides,
  };
}

const noop = () => undefined;
/** As the grid wires it: the storage link only for viewers who may buy, never for an expired pak. */
const actionsFor = (mayBuy: boolean): RowActions => ({
  manage: false,
  onToggleAdmin: noop,
  onResetPassword: noop,
  onForwarding: noop,
  onDelete: noop,
  addStorageHref: mayBuy
    ? (row) =>
        row.bundleId !== null && !row.pakExpired ? addStorageHref("/portal", DOMAIN, row.bundleId) : null
    : undefined,
});

function Grid({ rows, mayBuy, as }: { rows: GridRow[]; mayBuy: boolean; as: "cards" | "table" }) {
  const table = useMailboxTable(rows, [PAK], actionsFor(mayBuy), { text: "", role: "all", pak: "all" });
  return as === "cards" ? (
    <MailboxCards table={table} label={`Mailboxes of ${DOMAIN}`} />
  ) : (
    <MailboxTable table={table} caption={`Mailboxes of ${DOMAIN}`} />
  );
}

const render = (props: Parameters<typeof Grid>[0]) => renderToStaticMarkup(<Grid {...props} />);
const count = (html: string, needle: string) => html.split(needle).length - 1;
const WIZARD = `href="/portal/purchase?domain=${DOMAIN}&amp;pak=7&amp;grow=storage"`;

describe("a nearly full mailbox in the grid", () => {
  for (const as of ["table", "cards"] as const) {
    it(`is flagged in words, with an icon, in the ${as}`, () => {
      const html = render({ rows: [mailbox("full", 993), mailbox("roomy", 100)], mayBuy: false, as });
      expect(html).toContain("96 % full");
      expect(count(html, "% full")).toBe(1);
      // The icon is decoration; the words and the progress bar's text carry the flag.
      expect(html).toMatch(/<svg[^>]*aria-hidden="true"[^>]*lucide-triangle-alert|lucide-alert-triangle/);
      expect(html).toContain("993 MB of 1 GB used (96 %), nearly full");
    });

    it(`offers "Add storage" for its pak to a viewer who may buy, in the ${as}`, () => {
      const html = render({ rows: [mailbox("full", 993), mailbox("roomy", 100)], mayBuy: true, as });
      expect(count(html, WIZARD)).toBe(1);
      expect(html).toContain('Add storage<span class="sr-only"> for full@example.com</span>');
    });
  }

  it("offers no storage to a viewer who may not buy, nor for an expired pak", () => {
    expect(render({ rows: [mailbox("full", 993)], mayBuy: false, as: "table" })).not.toContain("Add storage");
    expect(
      render({ rows: [mailbox("full", 993, { pakExpired: true })], mayBuy: true, as: "cards" }),
    ).not.toContain("Add storage");
  });

  it("flags from 90 % on, not just under it", () => {
    expect(render({ rows: [mailbox("under", 921)], mayBuy: true, as: "table" })).not.toContain("% full");
    expect(render({ rows: [mailbox("at", 922)], mayBuy: true, as: "table" })).toContain("90 % full");
  });
});
