import type { RowSelectionState } from "@tanstack/react-table";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { PakView } from "@/lib/domains/types";
import {
  CARD_SORTS,
  MailboxCards,
  sortChoice,
  sortingOf,
  splitAddress,
  usePhoneWidth,
} from "./mailbox-cards";
import {
  MailboxTable,
  useMailboxTable,
  type GridFilters,
  type GridRow,
  type RowActions,
} from "./mailbox-table";

const DOMAIN = "example.com";

function pak(bundleId: number, overrides: Partial<PakView> = {}): PakView {
  return {
    bundleId,
    capacityGb: 1,
    quotaMb: 1024,
    purchased: 10,
    available: 7,
    used: 3,
    expires: "2099-01-01",
    autoRenew: true,
    prodType: 2011,
    ...overrides,
  };
}

function mailbox(userName: string, overrides: Partial<GridRow> = {}): GridRow {
  return {
    userName,
    address: `${userName}@${DOMAIN}`,
    displayName: null,
    bundleId: 1,
    isAdmin: false,
    quotaMb: 1024,
    quotaUsedMb: 100,
    expires: "2099-01-01",
    pending: null,
    ghost: false,
    pakExpired: false,
    forwarding: { state: "known", forwardTo: null, active: false },
    ...overrides,
  };
}

const noop = () => undefined;
const actions = (manage: boolean): RowActions => ({
  manage,
  onToggleAdmin: noop,
  onResetPassword: noop,
  onForwarding: noop,
  onDelete: noop,
});
const ALL: GridFilters = { text: "", role: "all", pak: "all" };

/** The grid's own wiring: one table instance, shown as cards (or as the table, to compare). */
function Grid({
  rows,
  paks = [pak(1)],
  manage = true,
  filters = ALL,
  selection,
  as = "cards",
}: {
  rows: GridRow[];
  paks?: PakView[];
  manage?: boolean;
  filters?: GridFilters;
  selection?: RowSelectionState;
  as?: "cards" | "table";
}) {
  const table = useMailboxTable(rows, paks, actions(manage), filters);
  // What a ticked checkbox leaves in the table's state (a server render cannot click).
  if (selection)
    table.setOptions((options) => ({ ...options, state: { ...options.state, rowSelection: selection } }));
  return as === "cards" ? (
    <MailboxCards table={table} label={`Mailboxes of ${DOMAIN}`} />
  ) : (
    <MailboxTable table={table} caption={`Mailboxes of ${DOMAIN}`} />
  );
}

const render = (props: Parameters<typeof Grid>[0]) => renderToStaticMarkup(<Grid {...props} />);
const count = (html: string, needle: string) => html.split(needle).length - 1;
/** The `<input …/>` tag of the checkbox with this name. */
const checkbox = (html: string, name: string) =>
  html.match(
    new RegExp(`<input type="checkbox"[^>]*aria-label="${name.replace(/\./g, "\\.")}"[^>]*/>`),
  )?.[0] ?? "(no such checkbox)";

describe("splitAddress", () => {
  it("cuts an address at its last @, keeping the @ with the domain", () => {
    expect(splitAddress("jane.doe@example.com")).toEqual({ local: "jane.doe", domain: "@example.com" });
    expect(splitAddress('"a@b"@example.com')).toEqual({ local: '"a@b"', domain: "@example.com" });
  });

  it("leaves something that is not an address whole", () => {
    expect(splitAddress("postmaster")).toEqual({ local: "postmaster", domain: "" });
    expect(splitAddress("@example.com")).toEqual({ local: "@example.com", domain: "" });
  });
});

describe("the cards' order", () => {
  it("maps every choice to the table's sorting and back", () => {
    for (const sort of CARD_SORTS) expect(sortChoice(sortingOf(sort.value))).toBe(sort.value);
    expect(sortingOf("storage:desc")).toEqual([{ id: "storage", desc: true }]);
  });

  it("says so when the table's order was removed, and ignores a value it does not know", () => {
    expect(sortChoice([])).toBe("none");
    expect(sortingOf("none")).toEqual([]);
    expect(sortingOf("address:sideways")).toEqual([]);
  });
});

describe("usePhoneWidth", () => {
  it("renders the table on the server, so the browser's first render agrees with it", () => {
    function Probe() {
      return <span>{usePhoneWidth() ? "cards" : "table"}</span>;
    }
    expect(renderToStaticMarkup(<Probe />)).toBe("<span>table</span>");
  });
});

describe("MailboxCards", () => {
  const rows = [
    mailbox("bob", { displayName: "Bob Stone", isAdmin: true }),
    mailbox("ann", { displayName: "" }),
    mailbox("cy", { pending: "Saving…" }),
  ];

  it("shows each mailbox as a card named by its address, in the table's order", () => {
    const html = render({ rows });
    expect(html).toContain(`<ul aria-label="Mailboxes of ${DOMAIN}"`);
    expect(count(html, "<article")).toBe(3);
    // Sorted by address, as the table starts.
    expect(html.indexOf(">ann<")).toBeLessThan(html.indexOf(">bob<"));
    expect(html.indexOf(">bob<")).toBeLessThan(html.indexOf(">cy<"));
    // A line may break at the @; the domain alone breaks inside only when it cannot fit.
    expect(html).toMatch(/>ann<\/span><wbr\/><span class="inline-block max-w-full break-all">@example\.com</);
    expect(html).toContain("Bob Stone");
    expect(html).toContain("No display name");
    expect(html).toContain("Display name not known");
    expect(html).toContain('aria-label="Storage used by ann@example.com"');
    expect(html).toContain('<option value="address:asc" selected="">Address, A to Z</option>');
  });

  it("gives each card a checkbox, an administrator switch and buttons, all named after the mailbox", () => {
    const html = render({ rows });
    expect(html).toContain('aria-label="Select all mailboxes shown"');
    for (const { address } of rows) {
      expect(count(html, `aria-label="Select ${address}"`)).toBe(1);
      expect(count(html, `aria-label="Administrator: ${address}"`)).toBe(1);
      // The verb on screen, the mailbox for screen readers: the same names as the table's icons.
      expect(html).toContain(`New password<span class="sr-only"> for ${address}</span>`);
      expect(html).toContain(`Forwarding<span class="sr-only"> of ${address}</span>`);
      expect(html).toContain(`Delete<span class="sr-only"> ${address}</span>`);
    }
    const table = render({ rows, as: "table" });
    expect(table).toContain('<span class="sr-only">New password for ann@example.com</span>');
    // A row on its way to the email service cannot be selected.
    expect(checkbox(html, "Select cy@example.com")).toContain('disabled=""');
    expect(checkbox(html, "Select ann@example.com")).not.toContain('disabled=""');
  });

  it("reads the selection from the table, so table and cards share it", () => {
    const html = render({ rows, selection: { bob: true } });
    expect(checkbox(html, "Select bob@example.com")).toContain('checked=""');
    expect(checkbox(html, "Select ann@example.com")).not.toContain('checked=""');
    expect(count(html, "bg-accent-soft")).toBe(1);
    const table = render({ rows, selection: { bob: true }, as: "table" });
    expect(checkbox(table, "Select bob@example.com")).toContain('checked=""');
  });

  it("is read-only without the allowance: no checkboxes, switches or buttons", () => {
    const html = render({ rows, manage: false });
    expect(html).not.toContain('type="checkbox"');
    expect(html).not.toContain('role="switch"');
    expect(html).not.toContain("<button");
    expect(html).toContain("Administrator</span>");
    expect(html).toContain("Regular");
  });

  it("applies the grid's filters, and says when nothing matches", () => {
    const filtered = render({ rows, filters: { ...ALL, text: "stone" } });
    expect(count(filtered, "<article")).toBe(1);
    expect(filtered).toContain(">bob<");
    const none = render({ rows, filters: { ...ALL, text: "nobody" } });
    expect(none).toContain("No mailbox matches the filter.");
    expect(none).not.toContain("Select all");
  });

  it("names the pak only when the domain has several, and always says a pak expired", () => {
    expect(render({ rows: [mailbox("ann")] })).not.toContain(">Pak<");
    const expired = render({ rows: [mailbox("ann", { pakExpired: true })] });
    expect(expired).toContain(">Pak<");
    expect(expired).toContain("Pak expired");
    const several = render({ rows: [mailbox("ann", { bundleId: 2 })], paks: [pak(1), pak(2)] });
    expect(several).toContain("Pak 2 (1 GB)");
    expect(several).toContain('<option value="pak:asc">Pak, first to last</option>');
  });
});
