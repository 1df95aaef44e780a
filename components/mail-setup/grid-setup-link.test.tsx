import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MailboxCards } from "@/components/mailboxes/mailbox-cards";
import {
  MailboxTable,
  useMailboxTable,
  type GridRow,
  type RowActions,
} from "@/components/mailboxes/mailbox-table";
import { mailboxProfilePath, mailboxSetupPath } from "@/lib/mail-setup/model";

/** The mailbox grid links each mailbox to its setup page, for viewers who may change nothing too. */

const DOMAIN = "example.com";

function row(userName: string, overrides: Partial<GridRow> = {}): GridRow {
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

function Grid({
  rows,
  manage,
  as,
  base,
}: {
  rows: GridRow[];
  manage: boolean;
  as: "cards" | "table";
  base: "" | "/portal";
}) {
  const actions: RowActions = {
    manage,
    onToggleAdmin: noop,
    onResetPassword: noop,
    onForwarding: noop,
    onDelete: noop,
    setupHref: (mailbox) => mailboxSetupPath(base, DOMAIN, mailbox.userName),
  };
  const table = useMailboxTable(rows, [], actions, { text: "", role: "all", pak: "all" });
  return as === "cards" ? (
    <MailboxCards table={table} label="Mailboxes" />
  ) : (
    <MailboxTable table={table} caption="Mailboxes" />
  );
}

describe("the grid's setup links", () => {
  it("lead staff and the portal to each mailbox's setup page, named after the mailbox", () => {
    for (const as of ["table", "cards"] as const) {
      const staff = renderToStaticMarkup(<Grid rows={[row("Info")]} manage as={as} base="" />);
      expect(staff).toContain('href="/domains/example.com/mailboxes/info/setup"');
      expect(staff).toContain("Set up devices");
      expect(staff).toContain("for Info@example.com");
      const portal = renderToStaticMarkup(
        <Grid rows={[row("info")]} manage={false} as={as} base="/portal" />,
      );
      expect(portal).toContain('href="/portal/domains/example.com/mailboxes/info/setup"');
      // A viewer who may change nothing gets the link and none of the changes.
      expect(portal).not.toContain("New password");
    }
  });

  it("offer no link for a mailbox not confirmed yet", () => {
    const html = renderToStaticMarkup(
      <Grid rows={[row("new", { ghost: true, pending: "Creating…" })]} manage as="table" base="" />,
    );
    expect(html).not.toContain("/setup");
  });

  it("download the profile from the mailbox's own route", () => {
    expect(mailboxProfilePath("example.com", "Info")).toBe("/api/domains/example.com/mailboxes/info/profile");
  });
});
