import { describe, expect, it } from "vitest";
import { forwardOnlyRows } from "./forward-only";

const DOMAIN = "resellerdocs.com";

describe("forwarding addresses without a mailbox", () => {
  // eNom's samples: GetPOPForwarding lists Jane.Doe, GetPOP3 only the mailboxes dell and hp.
  const forwarding = {
    domain: DOMAIN,
    fetchedAt: "2026-01-02T00:00:00.000Z",
    forwards: [
      { userName: "Jane.Doe", forwardTo: "jane@example.net", active: true },
      { userName: "HP", forwardTo: "desk@example.net", active: true },
      { userName: "old", forwardTo: "old@example.net", active: false },
      { userName: "none", forwardTo: "", active: false },
    ],
  };

  it("lists the forwards whose name has no mailbox (matched without case), active or not, by address", () => {
    const rows = forwardOnlyRows(DOMAIN, forwarding, new Set(["dell", "hp"]), () => null);
    expect(rows.map((row) => [row.address, row.forwardTo, row.active])).toEqual([
      ["Jane.Doe@resellerdocs.com", "jane@example.net", true],
      ["old@resellerdocs.com", "old@example.net", false],
    ]);
    expect(rows[0]).toMatchObject({
      forwardOnly: true,
      forwarding: { state: "known", forwardTo: "jane@example.net", active: true },
      pending: null,
    });
  });

  it("shows a change on its way, and nothing before the forwards are read", () => {
    const rows = forwardOnlyRows(DOMAIN, forwarding, new Set(["dell", "hp", "old"]), (name) =>
      name === "Jane.Doe" ? "Saving…" : null,
    );
    expect(rows.map((row) => row.pending)).toEqual(["Saving…"]);
    expect(forwardOnlyRows(DOMAIN, undefined, new Set(), () => null)).toEqual([]);
  });
});
