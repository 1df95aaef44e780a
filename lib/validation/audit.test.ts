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
