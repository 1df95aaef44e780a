import { describe, expect, it } from "vitest";
import { auditSearchQuery, hasAuditFilters, parseAuditSearch } from "./audit";

describe("the audit log's URL filters", () => {
  it("reads every filter and turns the days into a UTC range that includes the last day", () => {
    const parsed = parseAuditSearch({
      actor: " Ann ",
      domain: "Example.COM",
      action: "mailbox",
      outcome: "failed",
      from: "2026-05-01",
      to: "2026-05-31",
      before: "120",
    });
    expect(parsed.errors).toEqual({});
    expect(parsed.beforeId).toBe(120);
    expect(parsed.filter).toEqual({
      actor: "Ann",
      domain: "example.com",
      action: "mailbox",
      outcome: "failed",
      from: new Date("2026-05-01T00:00:00Z"),
      to: new Date("2026-06-01T00:00:00Z"),
    });
  });

  it("treats empty fields, as an unfilled GET form sends them, as no filter", () => {
    const parsed = parseAuditSearch({ actor: "", domain: "  ", action: "", outcome: "", from: "", to: "" });
    expect(parsed.errors).toEqual({});
    expect(hasAuditFilters(parsed.search)).toBe(false);
    expect(parsed.filter).toEqual({
      actor: undefined,
      domain: undefined,
      action: undefined,
      outcome: undefined,
      from: undefined,
      to: undefined,
    });
  });

  it("takes the first of a repeated parameter", () => {
    expect(parseAuditSearch({ outcome: ["ok", "failed"] }).search.outcome).toBe("ok");
  });

  it("drops a filter it cannot read, says why, and keeps the others", () => {
    const parsed = parseAuditSearch({
      outcome: "maybe",
      from: "2026-02-30",
      to: "31/05/2026",
      actor: "ann",
      before: "-4",
    });
    expect(parsed.search).toEqual({ actor: "ann" });
    expect(parsed.errors.outcome).toEqual(["Choose an outcome from the list."]);
    expect(parsed.errors.from).toEqual(["That date does not exist."]);
    expect(parsed.errors.to).toEqual(["Enter a date like 2026-05-31."]);
    expect(parsed.errors.before).toBeDefined();
    expect(parsed.beforeId).toBeUndefined();
  });

  it("refuses an end date before the start date", () => {
    const parsed = parseAuditSearch({ from: "2026-05-31", to: "2026-05-01" });
    expect(parsed.errors.to).toEqual(["The end date is before the start date."]);
    expect(parsed.search).toEqual({ from: "2026-05-31" });
  });

  it("writes the same filters back into a link, with paging only when asked", () => {
    const { search } = parseAuditSearch({ actor: "ann@x.test", outcome: "ok", from: "", before: "9" });
    expect(auditSearchQuery(search)).toBe("?actor=ann%40x.test&outcome=ok");
    expect(auditSearchQuery(search, { before: 3 })).toBe("?actor=ann%40x.test&outcome=ok&before=3");
    expect(auditSearchQuery({})).toBe("");
  });
});

describe("reading the audit log's URL", () => {
  it("reads every filter, the page and the open entry", () => {
    const parsed = parseAuditSearch({
      q: " TK-100 ",
      actor: "ann",
      domain: "Bakery.TEST",
      action: "mailbox.create",
      outcome: "failed",
      from: "2026-05-01",
      to: "2026-05-31",
      before: "120",
      entry: "42",
    });
    expect(parsed.errors).toEqual({});
    expect(parsed.search).toMatchObject({ q: "TK-100", actor: "ann", before: 120, entry: 42 });
    expect(parsed.beforeId).toBe(120);
    expect(parsed.entryId).toBe(42);
    expect(parsed.filter).toEqual({
      q: "TK-100",
      actor: "ann",
      domain: "bakery.test",
      action: "mailbox.create",
      outcome: "failed",
      from: new Date("2026-05-01T00:00:00Z"),
      to: new Date("2026-06-01T00:00:00Z"),
    });
  });

  it("drops an entry number it cannot read and says why, keeping the filters", () => {
    for (const entry of ["abc", "0", "-3", "1.5", "99999999999999999"]) {
      const parsed = parseAuditSearch({ entry, outcome: "ok" });
      expect(parsed.entryId, entry).toBeUndefined();
      expect(parsed.errors.entry, entry).toEqual(["There is no audit entry with that number."]);
      expect(parsed.filter.outcome).toBe("ok");
    }
  });

  it("refuses an overlong search with a message of its own", () => {
    const parsed = parseAuditSearch({ q: "x".repeat(201) });
    expect(parsed.filter.q).toBeUndefined();
    expect(parsed.errors.q).toEqual(["The search has at most 200 characters."]);
  });

  it("takes the first of a repeated parameter and treats an empty one as no filter", () => {
    const parsed = parseAuditSearch({ q: ["first", "second"], actor: "  ", entry: "" });
    expect(parsed.search).toEqual({ q: "first" });
    expect(parsed.errors).toEqual({});
  });

  it("still refuses an impossible date and an end before the start", () => {
    expect(parseAuditSearch({ from: "2026-02-30" }).errors.from).toEqual(["That date does not exist."]);
    expect(parseAuditSearch({ from: "2026-05-02", to: "2026-05-01" }).errors.to).toEqual([
      "The end date is before the start date.",
    ]);
  });
});

describe("links to the same view", () => {
  const { search } = parseAuditSearch({ outcome: "failed", q: "locked", before: "80", entry: "7" });

  it("keep the filters, and the page and entry only when asked", () => {
    expect(auditSearchQuery(search)).toBe("?q=locked&outcome=failed");
    expect(auditSearchQuery(search, { before: 80 })).toBe("?q=locked&outcome=failed&before=80");
    expect(auditSearchQuery(search, { before: 80, entry: 7 })).toBe(
      "?q=locked&outcome=failed&before=80&entry=7",
    );
    expect(auditSearchQuery({})).toBe("");
  });

  it("count the free text as a filter, but not the page or the open entry", () => {
    expect(hasAuditFilters(search)).toBe(true);
    expect(hasAuditFilters({ q: "x" })).toBe(true);
    expect(hasAuditFilters({ before: 3, entry: 4 })).toBe(false);
  });
});
