import { describe, expect, it } from "vitest";
import { readAliasCsv } from "@/components/aliases/alias-csv";
import { planAliasChange, sameList, usageText } from "./model";

const DOMAIN = "example.com";
const INFO = { alias: "info", forwardTo: "a@example.org" };
const JANE = { alias: "jane", forwardTo: "jane@example.net" }; // a mailbox's forward
const LIST = [INFO, JANE];
const MAILBOXES = new Set(["jane", "bob"]);

describe("planAliasChange", () => {
  it("adds to the whole list, keeping every other record", () => {
    const plan = planAliasChange(DOMAIN, LIST, MAILBOXES, 100, {
      kind: "create",
      alias: "sales",
      forwardTo: "s@x.org",
    });
    expect(plan).toMatchObject({ ok: true, next: [...LIST, { alias: "sales", forwardTo: "s@x.org" }] });
  });

  it("refuses a mailbox's name, an existing alias, and going over the limit", () => {
    expect(
      planAliasChange(DOMAIN, LIST, MAILBOXES, 100, { kind: "create", alias: "Bob", forwardTo: "b@x.org" }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { alias: [expect.stringContaining("Bob@example.com is a mailbox")] },
    });
    expect(
      planAliasChange(DOMAIN, LIST, MAILBOXES, 100, { kind: "create", alias: "INFO", forwardTo: "b@x.org" }),
    ).toMatchObject({ ok: false });
    expect(
      planAliasChange(DOMAIN, LIST, MAILBOXES, 2, { kind: "create", alias: "new", forwardTo: "b@x.org" }),
    ).toMatchObject({
      ok: false,
      message: expect.stringContaining("at most 2"),
    });
  });

  it("edits and deletes only aliases, never a mailbox's forward", () => {
    expect(
      planAliasChange(DOMAIN, LIST, MAILBOXES, null, { kind: "edit", alias: "info", forwardTo: "n@x.org" }),
    ).toMatchObject({
      ok: true,
      next: [{ alias: "info", forwardTo: "n@x.org" }, JANE],
    });
    expect(planAliasChange(DOMAIN, LIST, MAILBOXES, null, { kind: "delete", alias: "jane" })).toMatchObject({
      ok: false,
    });
    expect(planAliasChange(DOMAIN, LIST, MAILBOXES, null, { kind: "delete", alias: "info" })).toMatchObject({
      ok: true,
      next: [JANE],
    });
  });

  it("imports all rows or none, with the reason per row", () => {
    const plan = planAliasChange(DOMAIN, LIST, MAILBOXES, null, {
      kind: "import",
      rows: [
        { alias: "a", forwardTo: "a@x.org" },
        { alias: "bob", forwardTo: "b@x.org" },
      ],
    });
    expect(plan).toMatchObject({
      ok: false,
      fieldErrors: { "rows.1.alias": [expect.stringContaining("is a mailbox")] },
    });
  });
});

it("compares lists without order or case", () => {
  expect(
    sameList([{ alias: "A", forwardTo: "X@y.org" }, INFO], [INFO, { alias: "a", forwardTo: "x@y.org" }]),
  ).toBe(true);
  expect(sameList(LIST, [INFO])).toBe(false);
});

it("says how many aliases the domain has against its limit", () => {
  expect(
    usageText({
      aliases: [{} as never, {} as never, {} as never],
      used: 3,
      maxAliases: 20,
      mailboxForwards: 0,
    }),
  ).toBe("3 of 20 aliases");
  expect(usageText({ aliases: [], used: 0, maxAliases: null, mailboxForwards: 0 })).toBe("0 aliases");
});

describe("readAliasCsv", () => {
  const options = { domain: DOMAIN, mailboxNames: ["bob"], aliasNames: ["info"], placesLeft: 10 };

  it("previews each row with its problems", () => {
    const preview = readAliasCsv(
      "alias,forward_to\nsales,s@x.org\nbob,b@x.org\ninfo@example.com,i@x.org\nsales,t@x.org\nbad name,nope\n",
      options,
    );
    expect(preview.fileProblem).toBeNull();
    expect(preview.rows.map((row) => [row.row, row.alias, row.problems.length > 0])).toEqual([
      [2, "sales", false],
      [3, "bob", true],
      [4, "info", true],
      [5, "sales", true],
      [6, "bad name", true],
    ]);
  });

  it("refuses a file without the columns, or more than the domain has room for", () => {
    expect(readAliasCsv("a,b\n1,2\n", options).fileProblem).toMatch(/alias.*forward_to/);
    expect(
      readAliasCsv("alias,forward_to\nx,x@y.org\nz,z@y.org\n", { ...options, placesLeft: 1 }).fileProblem,
    ).toMatch(/room for 1/);
  });
});
